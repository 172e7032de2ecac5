import { expect, test } from "@playwright/test";
import { demoSignIns, seedId } from "@/db/seed-data";
import { EventFormPage } from "./pages/event-form-page";
import { HostsPage } from "./pages/hosts-page";
import { OrganizerEventPage } from "./pages/organizer-event-page";
import { SafariPage } from "./pages/safari-page";
import { signedInPage } from "./support/demo-accounts";

/*
 * A customer host's consent gates publishing: an organizer adds a host, plans a home visit with them, is
 * told at publishing that the host has not consented, records the consent on the host's page and publishes.
 * The host's name is this run's own, since specs share one database.
 */
const organizer = demoSignIns.find((s) => s.role === "organizer")!;

test("a host's consent blocks publishing a home visit until it is recorded", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, organizer.email);
  const hosts = new HostsPage(page);
  const run = Date.now().toString(36);
  const firstName = `Ola${run}`;
  const name = `${firstName} Nordmann`;

  // A host: a malformed e-mail address is a field error and adds nobody.
  await hosts.gotoNew();
  await hosts.firstName.fill(firstName);
  await hosts.lastName.fill("Nordmann");
  await hosts.email.fill("ola@");
  await hosts.language.selectOption({ label: "English (en)" });
  await hosts.add.click();
  await expect(hosts.email).toHaveAccessibleDescription("Enter an e-mail address such as name@example.com, or leave it empty.");
  await hosts.email.fill("ola.nordmann@example.net");
  await hosts.add.click();
  await expect(page).toHaveURL(/\/organize\/hosts\/[0-9a-f-]{36}$/);
  const hostPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  await hosts.goto();
  await hosts.search.fill(firstName);
  await hosts.show.click();
  await expect(hosts.list().getByRole("row").filter({ hasText: name })).toContainText("No consent");

  // A home visit from its type, with the host on it.
  const form = new EventFormPage(page);
  await page.goto("/organize/events/new?type=home_visit");
  await expect(form.type.locator("option:checked")).toHaveText("Home visit");
  await form.title.fill(`Home visit with ${firstName}`);
  await form.createDraft.click();
  await expect(page).toHaveURL(/\/organize\/events\/[0-9a-f-]{36}$/);
  const eventPath = new URL(page.url()).pathname;
  const event = new OrganizerEventPage(page);
  await event.hostToAdd.selectOption({ label: name });
  await event.addHost.click();
  await expect(event.status("Host added.")).toBeVisible();
  await expect(page.getByRole("link", { name })).toBeVisible();

  // Publishing is refused with the host named and why; the event stays a draft.
  await event.publish.click();
  await expect(event.alert(`${name}: This customer host has not given consent`)).toBeVisible();
  await page.reload();
  await expect(event.detail("Status")).toHaveText("Draft");

  // The consent, on the host's page: home visits, from today for a year, executives may observe.
  await page.goto(hostPath);
  await hosts.covers("Home visit").check();
  await expect(hosts.executivesMayObserve).toBeChecked();
  await hosts.recordConsent.click();
  await expect(hosts.status("Consent recorded.")).toBeVisible();
  await expect(hosts.consents().getByRole("row").filter({ hasText: "Home visit" })).toContainText("Yes");

  await page.goto(eventPath);
  await event.publish.click();
  await expect(event.status("Published")).toBeVisible();
  await page.reload();
  await expect(event.detail("Status")).toHaveText("Published");
  await page.context().close();
});

test("an executive sees a host's first name, persona and consent, the frontline colleague and who meets them, never a host's contact", async ({ browser }) => {
  const page = await signedInPage(browser, "ahmet.yildiz@safari.example");
  const safari = new SafariPage(page);
  // The seeded home visit with Jana Yilmaz (young families), who agreed to observers but not to recording.
  await safari.goto(seedId("event:home-visit-family-wifi"));
  await expect(safari.hosts.getByRole("listitem")).toHaveText([/^Jana · Young families.*Agreed to executives observing\. No recording\.$/]);
  const text = await page.locator("main").innerText();
  for (const secret of ["Yilmaz", "familie.y@example.net", "5550"]) expect(text).not.toContain(secret);
  // The seeded service-desk day: its frontline colleague and who meets the executives.
  await safari.goto(seedId("event:service-desk-umzug"));
  await expect(safari.detail("Your frontline colleague")).toHaveText("Anna Weber, Service-Desk Umzüge");
  await expect(safari.detail("Who meets you")).toHaveText("Anna Weber am Empfang, Erdgeschoss");
  await expect(safari.hosts).toHaveCount(0);
  await page.context().close();
});
