import { directionOf } from "@/i18n/locales";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import type { Block, ReportDocument, Run } from "@/lib/reports/document";
import { reportText } from "@/lib/reports/report-text";
import { StatusMixChart, YearProgressChart } from "./lazy-report-charts";
import { ChartFigure } from "../../_components/chart-figure";

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, index) =>
        run.href ? (
          <a key={index} href={run.href} rel="noreferrer" className="evidence">
            {run.text}
          </a>
        ) : run.bold ? (
          <strong key={index}>{run.text}</strong>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}

function Figure({ block, report }: { block: Extract<Block, { kind: "figure" }>; report: ReportDocument }) {
  const words = reportText(report.lang);
  const { t } = words;
  const chart = block.chart;
  const title = `${block.label}. ${block.caption}`;
  if (chart.type === "statusMix") {
    const used = MILESTONE_STATUSES.filter((status) => chart.rows.some((row) => row.counts[status] > 0));
    return (
      <ChartFigure
        className="report-figure"
        id={block.id}
        testId="report-figure"
        title={title}
        level={4}
        chart={
          <StatusMixChart
            rows={chart.rows.map((row) => ({ label: row.label, ...row.counts }))}
            labels={chart.labels}
            title={title}
            description={title}
            locale={words.locale}
          />
        }
        tableLabel={t("tableAlternative")}
      >
        <thead>
          <tr>
            <th scope="col">{t("workstream")}</th>
            {used.map((status) => (
              <th scope="col" className="num" key={status}>
                {chart.labels[status]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {used.map((status) => (
                <td className="num" key={status}>
                  {row.counts[status]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ChartFigure>
    );
  }
  const monthFormat = new Intl.DateTimeFormat(chart.locale, { month: "short", timeZone: "UTC" });
  const points = chart.points.map((point) => ({
    ...point,
    label: monthFormat.format(new Date(`${point.month}-01T00:00:00Z`)),
  }));
  return (
    <ChartFigure
      className="report-figure"
      id={block.id}
      testId="report-figure"
      tableTestId="report-progress-table"
      title={title}
      level={4}
      chart={<YearProgressChart points={points} labels={chart.labels} title={title} description={title} locale={words.locale} />}
      tableLabel={t("tableAlternative")}
    >
      <thead>
        <tr>
          <th scope="col">{t("month")}</th>
          <th scope="col" className="num">
            {t("dueInMonth")}
          </th>
          <th scope="col" className="num">
            {t("completedInMonth")}
          </th>
          <th scope="col" className="num">
            {t("cumulativeDue")}
          </th>
          <th scope="col" className="num">
            {t("cumulativeCompleted")}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.month}>
            <th scope="row">{point.label}</th>
            <td className="num">{point.due}</td>
            <td className="num">{point.completed}</td>
            <td className="num">{point.cumulativeDue}</td>
            <td className="num">{point.cumulativeCompleted}</td>
          </tr>
        ))}
      </tbody>
    </ChartFigure>
  );
}

function BlockView({ block, report }: { block: Block; report: ReportDocument }) {
  switch (block.kind) {
    case "heading": {
      const Heading = block.level === 1 ? "h2" : "h3";
      return (
        <Heading id={block.id} className={`report-heading report-heading--${block.level}`}>
          <span className="report-heading__label">{block.label}</span> {block.text}
        </Heading>
      );
    }
    case "meta":
      return (
        <p className="report-meta">
          <Runs runs={block.runs} />
        </p>
      );
    case "paragraph":
      return (
        <div className="report-para" data-testid="report-paragraph">
          <span className="report-para__number">{block.number}.</span>
          <div className="report-para__body">
            <p>
              <Runs runs={block.runs} />
            </p>
            {block.items.length > 0 && (
              <ol className="report-items">
                {block.items.map((item) => (
                  <li key={item.label}>
                    <span className="report-items__label">{item.label}</span>
                    <span>
                      <Runs runs={item.runs} />
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      );
    case "table":
      return (
        // A scrolling table can be reached and scrolled by keyboard.
        <div className="table-scroll report-table" id={block.id} role="region" aria-label={`${block.label}. ${block.caption}`} tabIndex={0}>
          <table data-testid={block.id}>
            <caption>
              {block.label}. {block.caption}
            </caption>
            <thead>
              <tr>
                {block.columns.map((column) => (
                  <th scope="col" key={column.header} className={column.align === "right" ? "num" : undefined}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((cells, rowIndex) =>
                cells.group ? (
                  <tr key={rowIndex} className="report-table__group">
                    <th scope="colgroup" colSpan={block.columns.length}>
                      {cells[0]?.text}
                    </th>
                  </tr>
                ) : (
                  <tr key={rowIndex}>
                    {cells.map((cell, index) =>
                      index === 0 && block.id === "table-counts" ? (
                        <th scope="row" key={index}>
                          {cell.text}
                        </th>
                      ) : (
                        <td key={index} className={block.columns[index]!.align === "right" ? "num" : undefined}>
                          {cell.bold ? <strong>{cell.text}</strong> : cell.text}
                        </td>
                      ),
                    )}
                  </tr>
                ),
              )}
            </tbody>
            {block.foot.length > 0 && (
              <tfoot>
                {block.foot.map((cells, rowIndex) => (
                  <tr key={rowIndex}>
                    {cells.map((cell, index) =>
                      index === 0 ? (
                        <th scope="row" key={index}>
                          {cell.text}
                        </th>
                      ) : (
                        <td key={index} className="num">
                          {cell.bold ? <strong>{cell.text}</strong> : cell.text}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tfoot>
            )}
          </table>
        </div>
      );
    case "figure":
      return <Figure block={block} report={report} />;
  }
}

/** The report as a page: the same blocks, numbers and words as the PDF and the Word file. */
export function ReportArticle({ report }: { report: ReportDocument }) {
  const words = reportText(report.lang);
  const { t } = words;
  return (
    <article className="report" lang={words.locale} dir={directionOf(report.lang)} data-testid="report">
      <header className="report__title">
        <h1>{report.title}</h1>
        <p className="lead">{report.subtitle}</p>
        {report.lines.map((line) => (
          <p key={line} className="report__line">
            {line}
          </p>
        ))}
      </header>
      <nav className="report-toc" aria-labelledby="report-toc-heading">
        <h2 id="report-toc-heading">{t("contents")}</h2>
        <ol>
          {report.toc.map((entry) => (
            <li key={entry.id} className={`report-toc__entry report-toc__entry--${entry.level}`}>
              <a href={`#${entry.id}`}>
                <span className="report-toc__label">{entry.label}</span>
                <span className="report-toc__text">{entry.text}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {report.blocks.map((block, index) => (
        <BlockView key={index} block={block} report={report} />
      ))}
    </article>
  );
}
