"use client";

import { errorReference } from "@/lib/http/error-log";
import "./globals.css";

/** When even the root layout failed: the whole document, as plain as it gets, with the log's reference. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const reference = errorReference(error);
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <main className="mx-auto max-w-lg px-4 py-16 text-center">
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="mt-2 text-stone-600">
            Customer Safari could not be shown. Please reload the page; if it keeps happening, tell the CX team
            {reference ? " this reference." : " what you were doing."}
          </p>
          {reference ? <p className="mt-4 font-mono text-sm">Reference: {reference}</p> : null}
          <p className="mt-4">
            {/* A full page load, since the app around it failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="link">
              Back to your start page
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
