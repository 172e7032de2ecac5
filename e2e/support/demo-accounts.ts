import { expect, type Browser, type Page } from "@playwright/test";
import { demoPassword, demoSignIns, type DemoSignIn } from "@/db/seed-data";
import { SignInPage } from "../pages/sign-in-page";

/*
 * The specs share one seeded database and run in parallel, so an account a spec locks out, signs out
 * everywhere or gives a new password belongs to that spec alone. Who uses whom:
 * - safari-loop: claudia.lehmann (writes the structured reflection, reloads its draft), jan.hartmann (and the first organizer and the reviewer)
 * - lifecycle: felix.wagner, dimitris.antoniou
 * - auth: thomas.richter, sofia.karali, petra.schulz, anna.schmitt, sarah.cohen, michael.wolf, frank.bauer
 * - authorization: markus.brandt and nikos.papadopoulos (sign in only), and the staff accounts
 * - calendar-mail: nikos.papadopoulos signs up for a safari of its own ten weeks ahead, which it then cancels
 * - profile: katerina.dimitriou (edits her profile), christina.vogel (her target is edited; never signs in), jonas.weber (edits her target)
 * - cadence: jonas.weber too (only reads)
 * - calendar: ahmet.yildiz (downloads a safari, makes and revokes his feed)
 * - matching: jonas.weber (runs and publishes a match), sabine.kessler, eleni.georgiou, david.miller
 * - series-briefing: ahmet.yildiz (writes his expectation for the service-desk day)
 * - hosts: ahmet.yildiz (only reads safaris)
 * - summary: the reviewer (only reads the summary)
 * - commitments: david.miller (updates his plain-invoice commitment and closes its loop; matching has him only join a waitlist)
 * - reflection-journey: julia.neumann (signs up, reflects and updates a commitment; on the clock server, whose
 *   clock it moves), lena.hoffmann (plans her safari and marks her attended)
 * - library: lena.hoffmann and david.miller (only read: search the moments, open a commitment's moments)
 * - reflection-visibility: ahmet.yildiz, lena.hoffmann, katrin.albers and tobias.krueger (only read, and post
 *   writes on Markus's, Felix's and Eleni's reflections that are refused and write nothing)
 */

/** A demo account by e-mail; a typo fails here rather than as a refused sign-in. */
export function demoAccount(email: string): DemoSignIn {
  const found = demoSignIns.find((s) => s.email === email);
  if (!found) throw new Error(`No demo sign-in ${email}`);
  return found;
}

/** A page in a browser context of its own, signed in through the form. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, demoPassword);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}
