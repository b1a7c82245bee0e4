import type { ReactNode } from "react";

type Props = {
  /** The figure's title: its heading, and the caption of the table behind it. */
  title: string;
  /** The heading's level under the page's outline: 3 under a section's h2, 4 in a report chapter. */
  level?: 2 | 3 | 4;
  /** What the figure counts and how, under the heading. */
  note?: ReactNode;
  chart: ReactNode;
  /** The disclosure's label: "Show the data as a table". */
  tableLabel: string;
  /** The table's head and body; the figure supplies the table, its caption and the scroller. */
  children: ReactNode;
  className?: string;
  id?: string;
  testId?: string;
  tableTestId?: string;
};

/**
 * A chart with its data as a table behind a disclosure: the text alternative every chart carries,
 * for screen readers, for copying numbers, and for readers who prefer figures to bars.
 */
export function ChartFigure({ title, level = 3, note, chart, tableLabel, children, className, id, testId, tableTestId }: Props) {
  const Heading = `h${level}` as const;
  return (
    <figure className={className ? `chart-figure ${className}` : "chart-figure"} id={id} data-testid={testId}>
      <figcaption>
        <Heading>{title}</Heading>
        {note && <p className="muted">{note}</p>}
      </figcaption>
      {chart}
      <details className="chart-table">
        <summary>{tableLabel}</summary>
        <div className="table-scroll">
          <table data-testid={tableTestId}>
            <caption className="visually-hidden">{title}</caption>
            {children}
          </table>
        </div>
      </details>
    </figure>
  );
}
