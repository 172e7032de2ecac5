import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { SignInForm } from "@/lib/auth/components/sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await requirePage("/sign-in")) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-stone-600">Get close to your customers.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
