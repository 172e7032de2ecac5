import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/loaders";
import { signOutAction } from "@/lib/auth/actions";
import { navByRole, roleLabels } from "@/lib/ui/nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Customer Safari", template: "%s · Customer Safari" },
  description: "Bring your executives close to real customers, and keep the loop closed.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand-800">
              <span aria-hidden="true">🧭</span> Customer Safari
            </Link>
            {user ? (
              <>
                <nav aria-label="Main" className="flex flex-1 flex-wrap gap-4 text-sm">
                  {navByRole[user.role].map((item) => (
                    <Link key={item.href} href={item.href} className="link text-stone-700">
                      {item.label}
                    </Link>
                  ))}
                </nav>
                <div className="flex items-center gap-3 text-sm text-stone-600">
                  <span>
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
