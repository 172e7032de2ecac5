import type { ReactNode } from "react";

/** Label–value pairs: side by side on wider screens, stacked on a phone. */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[10rem_1fr] sm:gap-y-3">{children}</dl>;
}

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="mt-2 text-sm font-medium text-stone-600 sm:mt-0 sm:text-base">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
