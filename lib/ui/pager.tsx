/** How many rows match, announced to assistive technology when a filter or page changes. */
export function MatchCount({ count, one, many }: { count: number; one: string; many: string }) {
  return (
    <p role="status" className="mb-3 text-sm text-stone-600">
      {count === 1 ? `1 ${one} matches.` : `${count.toLocaleString("en")} ${many} match.`}
    </p>
  );
}

/**
 * Links to the first, previous and next page of a list (plain links: the list's state is in the URL).
 * `href` builds a page's URL from its position; a missing cursor means there is no such page.
 */
export function Pager({
  label,
  previous,
  next,
  href,
}: {
  label: string;
  previous: string | null;
  next: string | null;
  href: (page: { after?: string; before?: string }) => string;
}) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap gap-2">
      {previous ? (
        <>
          <a href={href({})} className="btn-secondary">
            First page
          </a>
          <a href={href({ before: previous })} className="btn-secondary">
            Previous page
          </a>
        </>
      ) : null}
      {next ? (
        <a href={href({ after: next })} className="btn-secondary">
          Next page
        </a>
      ) : null}
    </nav>
  );
}

/** Shown when a page link names a row the list no longer has (deleted, or filtered away): the first page follows. */
export function MissingPageNotice() {
  return (
    <p role="alert" className="alert-error mb-6">
      That page of the list does not exist any more; here is the first page.
    </p>
  );
}

/** Shown instead of a list whose URL holds a filter that cannot be read; the form below it shows each problem. */
export function UnreadableViewNotice({ fieldErrors }: { fieldErrors: Record<string, string[]> }) {
  return (
    <p role="alert" className="alert-error mb-6">
      This view cannot be read: {Object.values(fieldErrors).flat().join(" ")}
    </p>
  );
}
