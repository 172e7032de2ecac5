"use client";

/** Prints the page: the print stylesheet leaves out the navigation and the forms. */
export function PrintButton() {
  return (
    <button type="button" className="btn-secondary print:hidden" onClick={() => window.print()}>
      Print briefing
    </button>
  );
}
