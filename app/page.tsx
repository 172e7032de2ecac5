import { redirect } from "next/navigation";
import { homeFor, requirePage } from "@/lib/auth/loaders";

export default async function Home() {
  const user = await requirePage("/");
  redirect(homeFor[user.role]);
}
