import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-600">There is nothing at this address, or it has been removed.</p>
      <p className="mt-4">
        <Link href="/" className="link">
          Back to your start page
        </Link>
      </p>
    </div>
  );
}
