/** Orders bodies as a tree (each followed by the bodies under it) with their depth. */
export function bodyTree<B extends { code: string; parentCode: string | null }>(all: B[]): (B & { depth: number })[] {
  const out: (B & { depth: number })[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const body of all.filter((b) => b.parentCode === parent)) {
      out.push({ ...body, depth });
      visit(body.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
