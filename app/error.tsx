"use client";

import Link from "next/link";
import { errorReference } from "@/lib/http/error-log";

/** A page that failed on the server or in the browser: no stack trace, and a reference the log has too. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const reference = errorReference(error);
  return (
    <div className="card mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-stone-600">
        This page could not be shown. Please try again; if it keeps happening, tell the CX team
        {reference ? " this reference." : " what you were doing."}
      </p>
      {reference ? <p className="mt-4 font-mono text-sm">Reference: {reference}</p> : null}
      <p className="mt-4 flex justify-center gap-4">
        <button type="button" className="btn-secondary" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="link self-center">
          Back to your start page
        </Link>
      </p>
    </div>
  );
}
