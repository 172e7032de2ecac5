/** Links to the page before and after a keyset page, keeping the rest of the URL. */
export function Pager({ label, href, previous, next }: { label: string; href: (page: { after?: string; before?: string }) => string; previous: string | null; next: string | null }) {
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
