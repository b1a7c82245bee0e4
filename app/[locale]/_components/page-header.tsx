import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  /** What the page is for, or facts about its subject, under the title. */
  lead?: ReactNode;
  /** The way back to the list the page belongs to, as a breadcrumb named `label` for screen readers. */
  back?: { link: ReactNode; label: string };
  /** Beside the title: a badge or an action. */
  aside?: ReactNode;
  className?: string;
};

/** The heading block every page opens with, so titles, leads and ways back look and read alike. */
export function PageHeader({ title, lead, back, aside, className }: Props) {
  const heading = <h1>{title}</h1>;
  return (
    <>
      {back && (
        <nav aria-label={back.label} className="breadcrumb">
          {back.link}
        </nav>
      )}
      <header className={className ? `page__header ${className}` : "page__header"}>
        {aside ? (
          <>
            <div>
              {heading}
              {lead && <p className="lead">{lead}</p>}
            </div>
            {aside}
          </>
        ) : (
          <>
            {heading}
            {lead && <p className="lead">{lead}</p>}
          </>
        )}
      </header>
    </>
  );
}
