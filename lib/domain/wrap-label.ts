/**
 * Splits a label into at most `maxLines` lines of about `width` characters at word breaks,
 * ending the last line with an ellipsis when the label is longer. For SVG chart axes, which
 * do not wrap text by themselves.
 */
export function wrapLabel(label: string, width: number, maxLines: number): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= width || !current) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines.map((line) => truncate(line, width));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]}…`, width);
  return kept;
}

function truncate(line: string, width: number): string {
  if (line.length <= width) return line;
  const cut = line.slice(0, width - 1).trimEnd();
  return `${cut}…`;
}
