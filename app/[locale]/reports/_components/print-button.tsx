"use client";

/** Opens the browser's print dialog; the page's print style sheet lays the report out on A4. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button--quiet" onClick={() => window.print()}>
      {label}
    </button>
  );
}
