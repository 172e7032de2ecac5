import Link from "next/link";
import { requirePage } from "@/lib/auth/loaders";

export const metadata = { title: "Not allowed" };

export default async function NotAllowed() {
  await requirePage("/not-allowed");
  return (
    <div className="card mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-stone-600">Your role does not give you access to that page. Nothing was shown or changed.</p>
      <p className="mt-4">
        <Link href="/" className="link">
          Back to your start page
        </Link>
      </p>
    </div>
  );
}
