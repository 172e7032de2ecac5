import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/loaders";
import { unreadCount } from "@/lib/notifications/data";
import { signOutAction } from "@/lib/auth/actions";
import { navByRole, roleLabels } from "@/lib/ui/nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Customer Safari", template: "%s · Customer Safari" },
  description: "Bring your executives close to real customers, and keep the loop closed.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const unread = user ? await unreadCount(user.id) : 0;
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="order-1 flex items-center gap-2 text-lg font-semibold text-brand-800">
              <Logo /> Customer Safari
            </Link>
            {user ? (
              <>
                <nav aria-label="Main" className="order-3 flex w-full flex-wrap gap-x-4 gap-y-1 text-sm sm:order-2 sm:w-auto sm:flex-1">
                  {navByRole[user.role].map((item) => (
                    <Link key={item.href} href={item.href} className="link text-stone-700">
                      {item.label}
                    </Link>
                  ))}
                  <Link href="/inbox" className="link text-stone-700" aria-label={unread === 0 ? "Inbox" : `Inbox, ${unread} unread`}>
                    Inbox
                    {unread > 0 ? (
                      <span aria-hidden="true" className="ml-1 rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                        {unread}
                      </span>
                    ) : null}
                  </Link>
                </nav>
                <div className="order-2 ml-auto flex items-center gap-3 text-sm text-stone-600 sm:order-3">
                  <span className="hidden md:inline">
                    {user.name} · {roleLabels[user.role]}
                  </span>
                  <form action={signOutAction}>
                    <button type="submit" className="btn-secondary px-3 py-1">
                      Sign out
                    </button>
                  </form>
                </div>
              </>
            ) : null}
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}

/** A compass: the safari's mark. Drawn inline so it needs no font or image request. */
function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="10" />
      <path d="m16.2 7.8-2.1 6.3-6.3 2.1 2.1-6.3z" fill="currentColor" stroke="none" />
    </svg>
  );
}
