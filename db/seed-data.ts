import { createHash } from "node:crypto";
import { tz } from "@date-fns/tz";
import { addDays, format, isWeekend } from "date-fns";
import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { safariDetails } from "@/lib/notifications/messages";
import { invitationDeadline } from "@/lib/participation/rules";
import { emotionsOfMoments } from "@/lib/reflections/moments";
import { localToInstant } from "@/lib/time/zones";
import type { Database } from "./connection";
import {
  commitmentMoments,
  commitments,
  customerHosts,
  eventHosts,
  hostConsents,
  eventPersonas,
  events,
  executiveBlackouts,
  executiveProfiles,
  notifications,
  participations,
  personas,
  reflectionEmotions,
  reflectionMoments,
  reflections,
  users,
  type Commitment,
  type JourneyStage,
  type MomentEmotion,
  type MomentKind,
  type EventStatus,
  type EventType,
  type ParticipationStatus,
  type UserRole,
} from "./schema";

/*
 * Demo data for a telecom's CX team: people, personas, consenting customer hosts, safaris of the last and
 * the next two months, who went, what they felt and what they promised. Ids are derived from stable keys
 * and every insert skips rows that exist, so seeding again adds nothing; dates are relative to `now`.
 */

export const demoPassword = "safari-demo";
const emailDomain = "safari.example";

/** An RFC 4122 version-5 UUID (SHA-1, name-based) for a key, so every seed gives a row the same id. */
const namespace = Buffer.from("5d3c6a7e0b8f4f5a9c1e2d3f4a5b6c7d", "hex");
export function seedId(key: string): string {
  const bytes = createHash("sha1").update(namespace).update(`customer-safari-demo:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Person = { key: string; name: string; role: UserRole; timeZone: string; note: string };
type Executive = Omit<Person, "role" | "note"> & {
  title: string;
  department: string;
  seniority: "c_level" | "vp" | "director";
  languages: string[];
  cadence: number;
  /** Safari types the executive prefers; none given for some, as in real life. */
  prefers?: EventType[];
  /** The monthly cap when not the default 2. */
  cap?: number;
  /** Blackout periods as [first day, last day] relative to the seed day, whole days in the executive's zone. */
  away?: [number, number][];
};

const staff: Person[] = [
  { key: "lena.hoffmann", name: "Lena Hoffmann", role: "organizer", timeZone: "Europe/Berlin", note: "CX team lead" },
  { key: "jonas.weber", name: "Jonas Weber", role: "organizer", timeZone: "Europe/Berlin", note: "CX team" },
  { key: "katrin.albers", name: "Dr. Katrin Albers", role: "reviewer", timeZone: "Europe/Berlin", note: "CEO, CX sponsor" },
  { key: "tobias.krueger", name: "Tobias Krüger", role: "admin", timeZone: "Europe/Berlin", note: "IT administration" },
];

const berlin = "Europe/Berlin";
const athens = "Europe/Athens";
const newYork = "America/New_York";

// Five per department and at least five per seniority, so the summary can show every group on its own.
const executives: Executive[] = [
  { key: "markus.brandt", name: "Markus Brandt", title: "Chief Sales Officer", department: "Sales", seniority: "c_level", timeZone: berlin, languages: ["de", "en"], cadence: 2, prefers: ["customer_breakfast", "store_visit"], cap: 1, away: [[24, 31]] },
  { key: "sabine.kessler", name: "Sabine Kessler", title: "VP Sales Consumer", department: "Sales", seniority: "vp", timeZone: berlin, languages: ["de", "en"], cadence: 1 },
  { key: "nikos.papadopoulos", name: "Nikos Papadopoulos", title: "VP Sales Greece", department: "Sales", seniority: "vp", timeZone: athens, languages: ["el", "en"], cadence: 1, prefers: ["call_listening"] },
  { key: "julia.neumann", name: "Julia Neumann", title: "Director Retail Stores", department: "Sales", seniority: "director", timeZone: berlin, languages: ["de"], cadence: 1, prefers: ["store_visit", "customer_breakfast"], cap: 3 },
  { key: "ahmet.yildiz", name: "Ahmet Yıldız", title: "Director Business Customers", department: "Sales", seniority: "director", timeZone: berlin, languages: ["de", "en"], cadence: 1 },
  { key: "thomas.richter", name: "Thomas Richter", title: "Chief Operating Officer", department: "Operations", seniority: "c_level", timeZone: berlin, languages: ["de", "en"], cadence: 2, prefers: ["service_desk_day", "home_visit"], away: [[40, 44]] },
  { key: "eleni.georgiou", name: "Eleni Georgiou", title: "VP Customer Service", department: "Operations", seniority: "vp", timeZone: athens, languages: ["el", "en", "de"], cadence: 1, prefers: ["call_listening", "service_desk_day"], cap: 3 },
  { key: "frank.bauer", name: "Frank Bauer", title: "Director Field Service", department: "Operations", seniority: "director", timeZone: berlin, languages: ["de"], cadence: 1 },
  { key: "petra.schulz", name: "Petra Schulz", title: "Director Network Operations", department: "Operations", seniority: "director", timeZone: berlin, languages: ["de", "en"], cadence: 1 },
  { key: "dimitris.antoniou", name: "Dimitris Antoniou", title: "Director Contact Centre Athens", department: "Operations", seniority: "director", timeZone: athens, languages: ["el", "en"], cadence: 1 },
  { key: "anna.schmitt", name: "Anna Schmitt", title: "Chief Financial Officer", department: "Finance", seniority: "c_level", timeZone: berlin, languages: ["de", "en"], cadence: 1, prefers: ["customer_event"], cap: 1 },
  { key: "michael.wolf", name: "Michael Wolf", title: "VP Billing & Collections", department: "Finance", seniority: "vp", timeZone: berlin, languages: ["de", "en"], cadence: 1 },
  { key: "sarah.cohen", name: "Sarah Cohen", title: "VP Finance North America", department: "Finance", seniority: "vp", timeZone: newYork, languages: ["en"], cadence: 1, prefers: ["call_listening"], away: [[10, 12], [50, 57]] },
  { key: "jan.hartmann", name: "Jan Hartmann", title: "Director Controlling", department: "Finance", seniority: "director", timeZone: berlin, languages: ["de"], cadence: 1 },
  { key: "sofia.karali", name: "Sofia Karali", title: "Director Credit Risk", department: "Finance", seniority: "director", timeZone: athens, languages: ["el", "en"], cadence: 1 },
  { key: "david.miller", name: "David Miller", title: "Chief Technology Officer", department: "Product & IT", seniority: "c_level", timeZone: newYork, languages: ["en", "de"], cadence: 2, prefers: ["home_visit", "customer_event"], away: [[14, 18]] },
  { key: "christina.vogel", name: "Christina Vogel", title: "Chief Digital Officer", department: "Product & IT", seniority: "c_level", timeZone: berlin, languages: ["de", "en"], cadence: 2, prefers: ["store_visit"] },
  { key: "katerina.dimitriou", name: "Katerina Dimitriou", title: "VP Digital Channels", department: "Product & IT", seniority: "vp", timeZone: athens, languages: ["el", "en"], cadence: 1 },
  { key: "felix.wagner", name: "Felix Wagner", title: "Director Self-Service App", department: "Product & IT", seniority: "director", timeZone: berlin, languages: ["de", "en"], cadence: 2 },
  { key: "claudia.lehmann", name: "Claudia Lehmann", title: "Director CRM Platform", department: "Product & IT", seniority: "director", timeZone: berlin, languages: ["de", "en"], cadence: 1 },
];

const personaRows = [
  { key: "young-families", name: "Young families", description: "Two working parents, small children, many devices on one contract. Little time, no patience for hotlines; they judge us by the evening the Wi-Fi fails." },
  { key: "small-business", name: "Small-business owners", description: "Bakeries, pharmacies, craftspeople. Every hour offline costs them money; they want one person who knows their contract and calls back." },
  { key: "seniors-digital", name: "Seniors going digital", description: "Over 70, first smartphone or tablet, often set up by a grandchild. Careful, loyal, easily shamed by jargon and small print." },
  { key: "switchers", name: "Frustrated switchers", description: "Left us or are about to; some came back. Price is rarely the first reason: unanswered messages and broken promises are." },
] as const;
type PersonaKey = (typeof personaRows)[number]["key"];

type ConsentRow = {
  givenDay: number;
  types: EventType[];
  /** The first day no longer covered, counted from today. */
  validUntilDay: number;
  observe: boolean;
  recording: boolean;
  withdrawnDay?: number;
};

type HostRow = {
  key: string;
  firstName: string;
  lastName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  persona: PersonaKey;
  language: string;
  consents: ConsentRow[];
};

// Only what running a safari needs (GDPR): name, contact, persona, language, and the consents given.
const hostRows: HostRow[] = [
  {
    key: "familie-y", firstName: "Jana", lastName: "Yilmaz", contactEmail: "familie.y@example.net", contactPhone: "+49 30 5550 1234", persona: "young-families", language: "de",
    consents: [{ givenDay: -75, types: ["customer_breakfast", "home_visit"], validUntilDay: 290, observe: true, recording: false }],
  },
  {
    key: "frau-m", firstName: "Miriam", lastName: "Meyer", contactEmail: null, contactPhone: "+49 30 5550 9876", persona: "young-families", language: "de",
    consents: [{ givenDay: -70, types: ["customer_breakfast"], validUntilDay: 120, observe: true, recording: false }],
  },
  {
    key: "herr-s", firstName: "Siegfried", lastName: "Schulz", contactEmail: null, contactPhone: "+49 30 5550 4411", persona: "seniors-digital", language: "de",
    consents: [{ givenDay: -60, types: ["home_visit"], validUntilDay: 300, observe: true, recording: false, withdrawnDay: -9 }],
  },
  {
    key: "baeckerei-k", firstName: "Katrin", lastName: "Krüger", contactEmail: "kontakt@baeckerei-k.example.net", contactPhone: null, persona: "small-business", language: "de",
    consents: [{ givenDay: -40, types: ["customer_event", "store_visit", "customer_breakfast"], validUntilDay: 325, observe: true, recording: true }],
  },
  {
    key: "herr-t", firstName: "Thomas", lastName: "Tan", contactEmail: "t.kunde@example.net", contactPhone: null, persona: "switchers", language: "en",
    consents: [{ givenDay: -30, types: ["customer_event", "customer_breakfast"], validUntilDay: 335, observe: true, recording: false }],
  },
  {
    key: "kyria-p", firstName: "Ελένη", lastName: "Παπαδοπούλου", contactEmail: "farmakeio.p@example.net", contactPhone: "+30 21 0555 0123", persona: "small-business", language: "el",
    consents: [{ givenDay: -25, types: ["customer_breakfast", "store_visit"], validUntilDay: 340, observe: true, recording: false }],
  },
];

type EventRow = {
  key: string;
  type: EventType;
  title: string;
  briefing: string;
  location: string;
  day: number;
  from: string;
  to: string;
  timeZone: string;
  seats: number;
  status: EventStatus;
  /** For a cancelled event: why, as its participants are told. */
  cancellationReason?: string;
  organizer: string;
  personas: PersonaKey[];
  hosts: string[];
  /** Logistics: the frontline colleague hosting a service-desk day or a call session, who meets the executives, a video link. */
  frontline?: [name: string, role: string];
  meetingContact?: string;
  videoUrl?: string;
  /** executive key → status and how it came about */
  people: [string, ParticipationStatus, "signed_up" | "matched" | "assigned"][];
};

const observe =
  "Observe, don't interrupt: the customer leads, you listen. Questions only at the end, and only open ones. Before you go, write down in one sentence what you expect to hear; afterwards compare it with what you heard: the difference is the lesson.";
const beobachten =
  "Beobachten, nicht unterbrechen: Die Kundin oder der Kunde führt, Sie hören zu. Fragen erst am Ende, und nur offene. Schreiben Sie vorher in einem Satz auf, was Sie zu hören erwarten, und vergleichen Sie danach: Die Überraschung ist die Lektion.";
const paratirisi =
  "Παρατηρούμε, δεν διακόπτουμε: ο πελάτης οδηγεί, εμείς ακούμε. Ερωτήσεις μόνο στο τέλος και μόνο ανοιχτές. Πριν έρθετε, γράψτε σε μία πρόταση τι περιμένετε να ακούσετε· μετά συγκρίνετε: η έκπληξη είναι το μάθημα.";

const eventRows: EventRow[] = [
  {
    key: "kuendigungsanrufe", type: "call_listening", day: -55, from: "09:00", to: "11:00", timeZone: berlin, seats: 3, status: "completed", organizer: "lena.hoffmann",
    title: "Mithören im Kundenservice: Kündigungsanrufe",
    briefing: `Zwei Stunden an der Kündigungs-Hotline in Berlin-Adlershof, mit Kopfhörer neben einer erfahrenen Kollegin. Sie hören echte Gespräche von Kundinnen und Kunden, die gehen wollen.\n\n${beobachten}\n\nVermutung vorab: Warum kündigen die Leute? Schätzen Sie den Anteil „Preis“.`,
    location: "Kundenservice-Center Berlin-Adlershof, Rudower Chaussee 12, Raum 3.14",
    frontline: ["Sandra Köhler", "Teamleiterin Kündigungsprävention"], meetingContact: "Sandra Köhler am Empfang, Erdgeschoss",
    personas: ["switchers"], hosts: [],
    people: [["markus.brandt", "attended", "signed_up"], ["sabine.kessler", "attended", "matched"], ["frank.bauer", "attended", "assigned"]],
  },
  {
    key: "fruehstueck-familien", type: "customer_breakfast", day: -46, from: "08:00", to: "10:00", timeZone: berlin, seats: 4, status: "completed", organizer: "jonas.weber",
    title: "Frühstück mit jungen Familien",
    briefing: `Ein Frühstück mit zwei Familien, die seit Jahren Kunden sind. Kein Vortrag, keine Folien: Sie sitzen zwischen den Gästen und hören zu, wie ihr Alltag mit Internet, Mobilfunk und unserer Hotline aussieht.\n\n${beobachten}`,
    location: "Café Pankow, Florastraße 40, 13187 Berlin (Nebenraum)",
    personas: ["young-families"], hosts: ["familie-y", "frau-m"],
    people: [["thomas.richter", "attended", "signed_up"], ["anna.schmitt", "attended", "matched"], ["christina.vogel", "attended", "signed_up"], ["julia.neumann", "no_show", "matched"]],
  },
  {
    key: "athens-service-desk", type: "service_desk_day", day: -41, from: "09:00", to: "17:00", timeZone: athens, seats: 2, status: "completed", organizer: "lena.hoffmann",
    title: "Μια μέρα στο γκισέ εξυπηρέτησης στο Σύνταγμα",
    briefing: `Μια ολόκληρη μέρα δίπλα στους συναδέλφους του καταστήματος στο Σύνταγμα. Πολλοί πελάτες είναι ηλικιωμένοι που έρχονται με το πρώτο τους smartphone.\n\n${paratirisi}`,
    location: "Κατάστημα Σύνταγμα, Ερμού 2, Αθήνα",
    frontline: ["Γιώργος Νικολάου", "Υπεύθυνος καταστήματος"],
    personas: ["seniors-digital"], hosts: [],
    people: [["eleni.georgiou", "attended", "signed_up"], ["katerina.dimitriou", "attended", "matched"]],
  },
  {
    key: "hausbesuch-tablet", type: "home_visit", day: -33, from: "14:00", to: "16:00", timeZone: berlin, seats: 1, status: "completed", organizer: "jonas.weber",
    title: "Hausbesuch: Das erste Tablet mit 78",
    briefing: `Ein Nachmittag bei einem Kunden, der mit seiner Tochter sein erstes Tablet einrichtet und unsere App zum ersten Mal öffnet. Ein Beobachter, sonst niemand; die Adresse bekommen Sie am Vortag vom CX-Team.\n\n${beobachten}\n\nNicht helfen, auch wenn es schwerfällt.`,
    location: "Berlin-Steglitz (Adresse im Briefing-Paket des CX-Teams)",
    personas: ["seniors-digital"], hosts: ["herr-s"],
    people: [["felix.wagner", "attended", "assigned"]],
  },
  {
    key: "shop-friedrichstrasse", type: "store_visit", day: -26, from: "10:00", to: "13:00", timeZone: berlin, seats: 3, status: "completed", organizer: "lena.hoffmann",
    title: "Shopbesuch Friedrichstraße: Vertragsverlängerungen am Tresen",
    briefing: `Drei Stunden im Shop Friedrichstraße, an dem Tag, an dem die meisten Verträge auslaufen. Sie stehen hinter dem Tresen, nicht davor.\n\n${beobachten}`,
    location: "Shop Friedrichstraße 68, 10117 Berlin",
    personas: ["switchers", "young-families"], hosts: [],
    people: [["markus.brandt", "attended", "signed_up"], ["michael.wolf", "attended", "matched"]],
  },
  {
    key: "unternehmer-abend", type: "customer_event", day: -20, from: "18:00", to: "20:30", timeZone: berlin, seats: 6, status: "completed", organizer: "jonas.weber",
    title: "Unternehmer-Abend: Was kleine Betriebe von uns brauchen",
    briefing: `Ein Abend mit Inhaberinnen und Inhabern kleiner Betriebe aus Neukölln. Sie sitzen an den Tischen der Gäste, nicht auf dem Podium.\n\n${beobachten}\n\nVermutung vorab: Was ist für einen kleinen Betrieb das Teuerste an einer Störung?`,
    location: "Bäckerei K., Karl-Marx-Straße 101, 12043 Berlin (nach Ladenschluss)",
    personas: ["small-business"], hosts: ["baeckerei-k", "herr-t"],
    people: [
      ["thomas.richter", "attended", "signed_up"], ["christina.vogel", "attended", "signed_up"], ["sabine.kessler", "attended", "matched"],
      ["jan.hartmann", "attended", "matched"], ["felix.wagner", "attended", "signed_up"], ["petra.schulz", "no_show", "assigned"],
    ],
  },
  {
    key: "ny-billing-calls", type: "call_listening", day: -12, from: "09:00", to: "11:00", timeZone: newYork, seats: 2, status: "completed", organizer: "lena.hoffmann",
    title: "Listening in: billing disputes from business customers",
    briefing: `Two hours on the New York business support line, headset on, next to an agent who has taken these calls for six years.\n\n${observe}\n\nPrediction first: how many calls will be about a charge the customer does not understand?`,
    location: "Video call (Teams link in the invitation)",
    frontline: ["Maria Alvarez", "Senior agent, business billing"], videoUrl: "https://teams.example.com/l/meetup-join/ny-billing-calls",
    personas: ["small-business"], hosts: [],
    people: [["david.miller", "attended", "signed_up"], ["sarah.cohen", "attended", "matched"]],
  },
  {
    key: "athens-breakfast", type: "customer_breakfast", day: -5, from: "08:30", to: "10:30", timeZone: athens, seats: 3, status: "completed", organizer: "jonas.weber",
    title: "Πρωινό με ιδιοκτήτες μικρών επιχειρήσεων",
    briefing: `Πρωινό με τρεις ιδιοκτήτες μικρών επιχειρήσεων από το Κουκάκι. Κάθεστε ανάμεσά τους, όχι απέναντι.\n\n${paratirisi}`,
    location: "Καφέ στο Κουκάκι, Γεωργίου Ολυμπίου 15, Αθήνα",
    personas: ["small-business"], hosts: ["kyria-p"],
    people: [["nikos.papadopoulos", "attended", "signed_up"], ["eleni.georgiou", "attended", "matched"]],
  },
  {
    key: "service-desk-umzug", type: "service_desk_day", day: 5, from: "08:00", to: "16:00", timeZone: berlin, seats: 2, status: "published", organizer: "lena.hoffmann",
    title: "Service-Desk-Tag: Umzugsmeldungen",
    briefing: `Ein Tag am Service-Desk für Umzüge, dem Anliegen mit den meisten Wiederholungsanrufen. Sie nehmen mit einer Kollegin Anrufe entgegen und begleiten einen Fall bis zum Ende.\n\n${beobachten}`,
    location: "Kundenservice-Center Berlin-Adlershof, Rudower Chaussee 12, Raum 2.07",
    frontline: ["Anna Weber", "Service-Desk Umzüge"], meetingContact: "Anna Weber am Empfang, Erdgeschoss",
    personas: ["young-families"], hosts: [],
    people: [["ahmet.yildiz", "confirmed", "signed_up"], ["claudia.lehmann", "confirmed", "matched"]],
  },
  {
    key: "home-visit-family-wifi", type: "home_visit", day: 13, from: "15:00", to: "17:00", timeZone: berlin, seats: 1, status: "published", organizer: "jonas.weber",
    title: "Home visit: a family of five and one Wi-Fi network",
    briefing: `An afternoon with a family whose homework, streaming and home office all run on one router. One observer only (N=1); the address comes from the CX team the day before.\n\n${observe}`,
    location: "Berlin-Pankow (address in the CX team's briefing pack)",
    personas: ["young-families"], hosts: ["familie-y"],
    people: [["anna.schmitt", "confirmed", "matched"], ["julia.neumann", "waitlisted", "signed_up"]],
  },
  {
    key: "digital-sprechstunde", type: "customer_event", day: 22, from: "14:00", to: "17:00", timeZone: berlin, seats: 6, status: "published", organizer: "lena.hoffmann",
    title: "Digital-Sprechstunde für Seniorinnen und Senioren",
    briefing: `Unsere Shop-Kolleginnen erklären Smartphones und die App; Sie sitzen dabei und sehen, wo es hakt. Bitte keine eigenen Erklärungen.\n\n${beobachten}`,
    location: "Stadtteilzentrum Steglitz, Schloßstraße 80, 12165 Berlin",
    personas: ["seniors-digital"], hosts: [],
    people: [["petra.schulz", "confirmed", "signed_up"], ["thomas.richter", "confirmed", "signed_up"], ["sofia.karali", "invited", "matched"]],
  },
  {
    key: "thessaloniki-store", type: "store_visit", day: 30, from: "10:00", to: "13:00", timeZone: athens, seats: 2, status: "published", organizer: "jonas.weber",
    title: "Επίσκεψη στο κατάστημα Θεσσαλονίκης: πελάτες που φεύγουν",
    briefing: `Τρεις ώρες στο κατάστημα της Τσιμισκή, την ημέρα με τις περισσότερες φορητότητες προς άλλους παρόχους.\n\n${paratirisi}`,
    location: "Κατάστημα Τσιμισκή 45, Θεσσαλονίκη",
    personas: ["switchers"], hosts: [],
    people: [["dimitris.antoniou", "confirmed", "signed_up"], ["katerina.dimitriou", "invited", "matched"]],
  },
  {
    key: "comeback-breakfast", type: "customer_breakfast", day: 39, from: "08:00", to: "10:00", timeZone: berlin, seats: 4, status: "cancelled", organizer: "lena.hoffmann",
    cancellationReason: "The venue closed for renovation. We will offer a new date soon.",
    title: "Breakfast with customers who left and came back",
    briefing: `Cancelled: the venue closed for renovation. The host was told a week ahead and thanked; we will offer a new date.\n\n${observe}`,
    location: "Café Mitte, Torstraße 70, 10119 Berlin",
    personas: ["switchers"], hosts: ["herr-t"],
    people: [["sabine.kessler", "cancelled", "signed_up"], ["michael.wolf", "cancelled", "matched"]],
  },
  {
    key: "hausbesuch-handwerk", type: "home_visit", day: 45, from: "07:30", to: "09:30", timeZone: berlin, seats: 1, status: "draft", organizer: "jonas.weber",
    title: "Besuch in der Backstube: kleiner Betrieb, große Rechnung",
    briefing: `Früh am Morgen in der Backstube, wenn Kartenzahlung und Bestellsystem zum ersten Mal gebraucht werden.\n\n${beobachten}`,
    location: "Bäckerei K., Karl-Marx-Straße 101, 12043 Berlin",
    personas: ["small-business"], hosts: ["baeckerei-k"], people: [],
  },
  {
    key: "ny-first-week-calls", type: "call_listening", day: 54, from: "10:00", to: "12:00", timeZone: newYork, seats: 3, status: "draft", organizer: "lena.hoffmann",
    title: "Listening in: the first week of new business customers",
    briefing: `Calls from business customers in their first week with us: activation, porting numbers, the first invoice.\n\n${observe}`,
    location: "Video call (Teams link in the invitation)",
    frontline: ["Kevin O'Brien", "Onboarding team lead"], videoUrl: "https://teams.example.com/l/meetup-join/ny-first-week-calls",
    personas: ["small-business"], hosts: [], people: [],
  },
];

type SeedMoment = {
  kind: MomentKind;
  body: string;
  quote?: string;
  stage: JourneyStage;
  emotion: MomentEmotion;
  intensity: number;
};

type ReflectionRow = {
  event: string;
  author: string;
  moments: SeedMoment[];
  /** The three empathy items (1–7) before, from the briefing, and after. */
  empathy: [[number, number, number], [number, number, number]];
  map: { said: string; did: string; thought: string; felt: string };
  surprise: string;
  surpriseScore: number;
  visibility: "private" | "cx_team" | "anonymised";
  /** `moments`: the positions of the moments it answers. */
  commitments: { key: string; body: string; dueDay: number; status: Commitment["status"]; doneDay?: number; helpers?: string; moments: number[] }[];
};

const reflectionRows: ReflectionRow[] = [
  {
    event: "kuendigungsanrufe", author: "markus.brandt", visibility: "cx_team", empathy: [[3, 2, 4], [5, 5, 6]],
    moments: [
      { kind: "ouch", body: "Eine Kundin hing 14 Minuten in der Warteschleife, nur um kündigen zu dürfen.", quote: "Ich will doch nur wissen, warum meine Rechnung jeden Monat anders aussieht.", stage: "leave", emotion: "embarrassed", intensity: 4 },
      { kind: "ouch", body: "Der Agent musste dreimal nach der Kundennummer fragen, die sie schon eingetippt hatte.", stage: "get_help", emotion: "frustrated", intensity: 3 },
      { kind: "aah", body: "Die Kollegin bot von sich aus an, den Router kostenlos zu tauschen, und die Kundin blieb.", stage: "leave", emotion: "hopeful", intensity: 3 },
    ],
    map: {
      said: "„Ich will nur kündigen, nicht diskutieren.“",
      did: "Tippte ihre Kundennummer ein und wiederholte sie dann dreimal.",
      thought: "Die wollen mich absichtlich hinhalten.",
      felt: "Ohnmächtig, dann erleichtert, als jemand wirklich zuhörte.",
    },
    surprise: "Ich hatte auf den Preis getippt. Es war die dritte unbeantwortete E-Mail.", surpriseScore: 4,
    commitments: [
      { key: "kuendigungsgruende", body: "Kündigungsgründe monatlich im Vertriebsmeeting besprechen, mit einem echten Anruf als Einstieg.", dueDay: -20, status: "done", doneDay: -25, moments: [0] },
      { key: "kundennummer", body: "Kundennummer aus dem Sprachdialog automatisch an den Agenten übergeben.", dueDay: 45, status: "open", helpers: "Product & IT", moments: [1] },
    ],
  },
  {
    event: "fruehstueck-familien", author: "thomas.richter", visibility: "cx_team", empathy: [[4, 3, 3], [6, 5, 6]],
    moments: [
      { kind: "ouch", body: "Ein Technikertermin „zwischen 8 und 18 Uhr“ kostete eine Mutter einen Urlaubstag.", quote: "Für euch ist das ein Termin. Für mich ist das ein Urlaubstag.", stage: "get_help", emotion: "moved", intensity: 4 },
      { kind: "ouch", body: "Niemand rief an, als der Techniker dann nicht kam.", stage: "get_help", emotion: "embarrassed", intensity: 4 },
      { kind: "aah", body: "Die Familie liebt die App-Benachrichtigung, wenn die Störung behoben ist.", stage: "use", emotion: "hopeful", intensity: 3 },
    ],
    map: {
      said: "„Für euch ist das ein Termin.“",
      did: "Zeigte uns den Kalender mit dem gestrichenen Urlaubstag.",
      thought: "Meine Zeit ist denen nichts wert.",
      felt: "Ärger über das Warten, nicht über die Störung.",
    },
    surprise: "How calm they were about the outage itself, and how angry about the waiting.", surpriseScore: 3,
    commitments: [
      { key: "zwei-stunden-fenster", body: "Technikertermine in Zwei-Stunden-Fenstern anbieten: Pilot in Berlin.", dueDay: -5, status: "open", helpers: "Field service", moments: [0, 1] },
    ],
  },
  {
    event: "hausbesuch-tablet", author: "felix.wagner", visibility: "anonymised", empathy: [[2, 2, 3], [6, 5, 6]],
    moments: [
      { kind: "ouch", body: "Das Passwort-Feld verlangte Sonderzeichen, die er auf der Tastatur nicht fand.", quote: "Ich bin nicht dumm. Ich bin nur nicht damit aufgewachsen.", stage: "onboard", emotion: "embarrassed", intensity: 4 },
      { kind: "ouch", body: "Die Schrift in der App war zu klein, auch mit Brille.", stage: "use", emotion: "moved", intensity: 5 },
      { kind: "aah", body: "Als die Tochter ihm den Sprachassistenten zeigte, lachte er zum ersten Mal.", stage: "use", emotion: "moved", intensity: 5 },
    ],
    map: {
      said: "„Ich bin nicht dumm.“",
      did: "Suchte lange nach dem Sonderzeichen auf der Tastatur.",
      thought: "Das ist nicht für Leute wie mich gemacht.",
      felt: "Beschämt, dann stolz, als es klappte.",
    },
    surprise: "I expected him to struggle with the menus; he struggled with our sign-up before he ever saw them.", surpriseScore: 5,
    commitments: [
      { key: "grosse-schrift", body: "Large-text mode in the app that follows the tablet's own text size.", dueDay: 60, status: "open", helpers: "App team", moments: [1] },
      { key: "passwortregeln", body: "Drop the special-character rule from sign-up; check length and breached passwords instead.", dueDay: -10, status: "done", doneDay: -12, helpers: "Security", moments: [0] },
    ],
  },
  {
    event: "athens-service-desk", author: "eleni.georgiou", visibility: "private", empathy: [[4, 3, 4], [5, 5, 5]],
    moments: [
      { kind: "ouch", body: "Μια κυρία περίμενε 40 λεπτά για να αλλάξει μόνο το PIN της.", quote: "Παιδί μου, γράψ' το μου σε χαρτί.", stage: "get_help", emotion: "frustrated", intensity: 3 },
      { kind: "ouch", body: "Ο κωδικός επιβεβαίωσης ήρθε με SMS σε τηλέφωνο που δεν είχε μαζί της.", stage: "change", emotion: "curious", intensity: 3 },
      { kind: "aah", body: "Ο συνάδελφος στο γκισέ της έγραψε τα βήματα με το χέρι σε ένα χαρτί.", stage: "get_help", emotion: "moved", intensity: 3 },
    ],
    map: {
      said: "«Παιδί μου, γράψ' το μου σε χαρτί.»",
      did: "Περίμενε όρθια με τον αριθμό προτεραιότητας στο χέρι.",
      thought: "Δεν θα τα καταφέρω μόνη μου με την εφαρμογή.",
      felt: "Κούραση και μετά ευγνωμοσύνη.",
    },
    surprise: "Πόσοι πελάτες έρχονται στο κατάστημα για κάτι που η εφαρμογή κάνει σε ένα λεπτό.", surpriseScore: 3,
    commitments: [
      { key: "priority-queue", body: "Προτεραιότητα στο γκισέ για απλές αλλαγές (PIN, SIM) σε όλα τα καταστήματα της Αθήνας.", dueDay: 30, status: "open", moments: [0] },
    ],
  },
  {
    event: "unternehmer-abend", author: "christina.vogel", visibility: "cx_team", empathy: [[3, 4, 3], [5, 6, 5]],
    moments: [
      { kind: "ouch", body: "Eine Bäckerin konnte einen ganzen Samstagvormittag keine Kartenzahlung annehmen.", quote: "Ich brauche keinen Rabatt. Ich brauche einen Menschen, der zurückruft.", stage: "pay", emotion: "surprised", intensity: 3 },
      { kind: "ouch", body: "Für Geschäftskunden gibt es abends niemanden, der sich auskennt.", stage: "get_help", emotion: "worried", intensity: 3 },
      { kind: "aah", body: "Ein Inhaber lobte den Techniker, der ihm seine private Handynummer für Notfälle gab.", stage: "get_help", emotion: "inspired", intensity: 4 },
    ],
    map: {
      said: "„Ich brauche einen Menschen, der zurückruft.“",
      did: "Zeigte die Kassenzettel des verlorenen Vormittags.",
      thought: "Die verstehen nicht, was ein Samstag für mich heißt.",
      felt: "Allein gelassen.",
    },
    surprise: "Keiner sprach über den Preis; alle sprachen über Erreichbarkeit.", surpriseScore: 4,
    commitments: [
      { key: "rueckruf-garantie", body: "Rückruf innerhalb von zwei Stunden für Geschäftskunden bei Störungen, bis 20 Uhr.", dueDay: -3, status: "done", doneDay: -4, helpers: "Business care", moments: [0, 1] },
    ],
  },
  {
    event: "ny-billing-calls", author: "david.miller", visibility: "cx_team", empathy: [[3, 3, 2], [5, 6, 5]],
    moments: [
      { kind: "ouch", body: "Three of eight callers disputed a roaming charge our invoice names only by a tariff code.", quote: "I'm not refusing to pay. I'm refusing to pay for something I can't read.", stage: "pay", emotion: "surprised", intensity: 4 },
      { kind: "ouch", body: "One owner had called four times; each agent started from scratch.", stage: "get_help", emotion: "angry", intensity: 3 },
      { kind: "aah", body: "The agent who read the whole history before answering turned an angry caller into a thankful one.", stage: "get_help", emotion: "inspired", intensity: 3 },
    ],
    map: {
      said: "\"I can't read this invoice.\"",
      did: "Read out the tariff code letter by letter.",
      thought: "They are hiding something in the bill.",
      felt: "Distrust, then relief when the agent explained.",
    },
    surprise: "I predicted one billing call in ten. It was one in three.", surpriseScore: 4,
    commitments: [
      { key: "plain-invoice", body: "Replace tariff codes on business invoices with plain-language line items.", dueDay: 30, status: "open", helpers: "Billing", moments: [0] },
    ],
  },
];

/** The calendar date `offset` days from `now` in `zone`, weekends included. */
function dateInZone(now: Date, offset: number, zone: string): string {
  return format(addDays(now, offset, { in: tz(zone) }), "yyyy-MM-dd");
}

function dayInZone(now: Date, offset: number, zone: string): string {
  let day = addDays(now, offset, { in: tz(zone) });
  // Safaris happen on working days: a date that falls on a weekend moves to the Monday after.
  while (isWeekend(day)) day = addDays(day, 1);
  return format(day, "yyyy-MM-dd");
}

function localInstant(date: string, time: string, zone: string): Date {
  const instant = localToInstant(`${date}T${time}`, zone);
  if (!instant) throw new Error(`${date} ${time} does not exist in ${zone}`);
  return instant;
}

const days = (now: Date, offset: number) => new Date(now.getTime() + offset * 86_400_000);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

export type DemoSignIn = { email: string; name: string; role: UserRole; note: string };

/** Every demo account, CX team and staff first; all share the demo password. */
export const demoSignIns: DemoSignIn[] = [
  ...staff.map((p) => ({ email: `${p.key}@${emailDomain}`, name: p.name, role: p.role, note: p.note })),
  ...executives.map((e) => ({ email: `${e.key}@${emailDomain}`, name: e.name, role: "executive" as const, note: `${e.title}, ${e.department}` })),
];

/**
 * Writes the demo data in one transaction and returns how many events it added (0 when the data was
 * already there). Safe to run again: existing rows, found by id or unique key, are left as they are.
 */
export async function seedDemoData(db: Database, options: { now: Date }): Promise<{ eventsAdded: number }> {
  const { now } = options;
  // One hash for every account: they share the demo password, and argon2 is slow on purpose.
  const passwordHash = await hashPassword(demoPassword);
  const userId = (key: string) => seedId(`user:${key}`);
  const eventTimes = new Map(
    eventRows.map((e) => {
      const date = dayInZone(now, e.day, e.timeZone);
      return [e.key, { startAt: localInstant(date, e.from, e.timeZone), endAt: localInstant(date, e.to, e.timeZone) }] as const;
    }),
  );
  const times = (key: string) => eventTimes.get(key)!;
  const zoneOf = new Map(executives.map((e) => [e.key, e.timeZone]));

  return db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values([
        ...staff.map((p) => ({ id: userId(p.key), email: `${p.key}@${emailDomain}`, name: p.name, role: p.role, timeZone: p.timeZone, passwordHash })),
        ...executives.map((e) => ({ id: userId(e.key), email: `${e.key}@${emailDomain}`, name: e.name, role: "executive" as const, timeZone: e.timeZone, passwordHash })),
      ])
      .onConflictDoNothing();
    await tx
      .insert(executiveProfiles)
      .values(
        executives.map((e) => ({
          userId: userId(e.key),
          department: e.department,
          seniority: e.seniority,
          languages: e.languages,
          cadencePerQuarter: e.cadence,
          preferredTypes: e.prefers ?? [],
          monthlyCap: e.cap ?? 2,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(executiveBlackouts)
      .values(
        executives.flatMap((e) =>
          (e.away ?? []).map(([from, to]) => ({
            id: seedId(`blackout:${e.key}:${from}`),
            userId: userId(e.key),
            // From midnight of the first day to midnight after the last, in the executive's own zone.
            startAt: localInstant(dateInZone(now, from, e.timeZone), "00:00", e.timeZone),
            endAt: localInstant(dateInZone(now, to + 1, e.timeZone), "00:00", e.timeZone),
            timeZone: e.timeZone,
          })),
        ),
      )
      .onConflictDoNothing();
    await tx
      .insert(personas)
      .values(personaRows.map((p) => ({ id: seedId(`persona:${p.key}`), name: p.name, description: p.description })))
      .onConflictDoNothing();
    await tx
      .insert(customerHosts)
      .values(
        hostRows.map((h) => ({
          id: seedId(`host:${h.key}`),
          firstName: h.firstName,
          lastName: h.lastName,
          contactEmail: h.contactEmail,
          contactPhone: h.contactPhone,
          personaId: seedId(`persona:${h.persona}`),
          language: h.language,
          createdAt: days(now, Math.min(...h.consents.map((c) => c.givenDay))),
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(hostConsents)
      .values(
        hostRows.flatMap((h) =>
          h.consents.map((c, i) => ({
            id: seedId(`consent:${h.key}:${i}`),
            hostId: seedId(`host:${h.key}`),
            givenAt: days(now, c.givenDay),
            eventTypes: c.types,
            validUntil: days(now, c.validUntilDay),
            executivesMayObserve: c.observe,
            recordingAllowed: c.recording,
            withdrawnAt: c.withdrawnDay === undefined ? null : days(now, c.withdrawnDay),
            createdAt: days(now, c.givenDay),
          })),
        ),
      )
      .onConflictDoNothing();
    const added = await tx
      .insert(events)
      .values(
        eventRows.map((e) => ({
          id: seedId(`event:${e.key}`),
          type: e.type,
          title: e.title,
          briefing: e.briefing,
          location: e.location,
          ...times(e.key),
          timeZone: e.timeZone,
          seats: e.seats,
          status: e.status,
          frontlineName: e.frontline?.[0] ?? "",
          frontlineRole: e.frontline?.[1] ?? "",
          meetingContact: e.meetingContact ?? "",
          videoUrl: e.videoUrl ?? "",
          ...(e.status === "cancelled"
            ? { cancelledAt: days(now, -2), cancellationReason: e.cancellationReason ?? "Cancelled by the CX team." }
            : {}),
          organizerId: userId(e.organizer),
          // Planned about three weeks ahead, as the CX team does.
          createdAt: earlier(days(times(e.key).startAt, -21), now),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: events.id });
    await tx
      .insert(eventPersonas)
      .values(eventRows.flatMap((e) => e.personas.map((p) => ({ eventId: seedId(`event:${e.key}`), personaId: seedId(`persona:${p}`) }))))
      .onConflictDoNothing();
    await tx
      .insert(eventHosts)
      .values(eventRows.flatMap((e) => e.hosts.map((h) => ({ eventId: seedId(`event:${e.key}`), hostId: seedId(`host:${h}`) }))))
      .onConflictDoNothing();
    // The seat trigger and the no-overlap constraint check these rows as they would any sign-up.
    await tx
      .insert(participations)
      .values(
        eventRows.flatMap((e) =>
          e.people.map(([executive, status, source]) => ({
            id: seedId(`participation:${e.key}:${executive}`),
            eventId: seedId(`event:${e.key}`),
            executiveId: userId(executive),
            status,
            source,
            createdAt: earlier(days(times(e.key).startAt, -14), now),
            // Invited today with the default deadline; joined the waitlist when the seat went.
            respondBy: status === "invited" ? (invitationDeadline(times(e.key), now) ?? times(e.key).startAt) : null,
            waitlistedAt: status === "waitlisted" ? earlier(days(times(e.key).startAt, -14), now) : null,
          })),
        ),
      )
      .onConflictDoNothing();
    // Each open invitation is in its executive's inbox.
    await tx
      .insert(notifications)
      .values(
        eventRows.flatMap((e) =>
          e.people
            .filter(([, status]) => status === "invited")
            .map(([executive]) => ({
              id: seedId(`notification:invitation:${e.key}:${executive}`),
              userId: userId(executive),
              kind: "invitation" as const,
              eventId: seedId(`event:${e.key}`),
              details: { ...safariDetails({ title: e.title, timeZone: e.timeZone, ...times(e.key) }), respondBy: (invitationDeadline(times(e.key), now) ?? times(e.key).startAt).toISOString() },
            })),
        ),
      )
      .onConflictDoNothing();

    // Written the day after the safari, inside the 24–48 hours in which reflections are still vivid.
    const reflectionRecords = reflectionRows.map((r) => ({ row: r, id: seedId(`reflection:${r.event}:${r.author}`), writtenAt: days(times(r.event).endAt, 1) }));
    await tx
      .insert(reflections)
      .values(
        reflectionRecords.map(({ row, id, writtenAt }) => ({
          id,
          participationId: seedId(`participation:${row.event}:${row.author}`),
          authorId: userId(row.author),
          eventId: seedId(`event:${row.event}`),
          empathyItemsBefore: row.empathy[0],
          empathyItemsAfter: row.empathy[1],
          mapSaid: row.map.said,
          mapDid: row.map.did,
          mapThought: row.map.thought,
          mapFelt: row.map.felt,
          surprise: row.surprise,
          surpriseScore: row.surpriseScore,
          visibility: row.visibility,
          createdAt: writtenAt,
        })),
      )
      .onConflictDoNothing();
    // The briefing's ratings, which the reflection copied.
    for (const { row } of reflectionRecords) {
      await tx
        .update(participations)
        .set({ empathyBefore: row.empathy[0] })
        .where(eq(participations.id, seedId(`participation:${row.event}:${row.author}`)));
    }
    await tx
      .insert(reflectionMoments)
      .values(
        reflectionRecords.flatMap(({ row, id }) =>
          row.moments.map((m, position) => ({
            id: seedId(`moment:${row.event}:${row.author}:${position}`),
            reflectionId: id,
            position,
            kind: m.kind,
            body: m.body,
            quote: m.quote ?? "",
            journeyStage: m.stage,
            emotion: m.emotion,
            intensity: m.intensity,
          })),
        ),
      )
      .onConflictDoNothing();
    await tx
      .insert(reflectionEmotions)
      .values(reflectionRecords.flatMap(({ row, id }) => emotionsOfMoments(row.moments).map((e) => ({ reflectionId: id, ...e }))))
      .onConflictDoNothing();
    await tx
      .insert(commitments)
      .values(
        reflectionRecords.flatMap(({ row, id, writtenAt }) =>
          row.commitments.map((c) => ({
            id: seedId(`commitment:${c.key}`),
            reflectionId: id,
            ownerId: userId(row.author),
            body: c.body,
            // A calendar date in the owner's own zone.
            dueOn: format(days(now, c.dueDay), "yyyy-MM-dd", { in: tz(zoneOf.get(row.author)!) }),
            status: c.status,
            doneAt: c.doneDay === undefined ? null : days(now, c.doneDay),
            helpers: c.helpers ?? "",
            createdAt: writtenAt,
          })),
        ),
      )
      .onConflictDoNothing();
    await tx
      .insert(commitmentMoments)
      .values(
        reflectionRows.flatMap((row) =>
          row.commitments.flatMap((c) =>
            c.moments.map((position) => ({ commitmentId: seedId(`commitment:${c.key}`), momentId: seedId(`moment:${row.event}:${row.author}:${position}`) })),
          ),
        ),
      )
      .onConflictDoNothing();
    return { eventsAdded: added.length };
  });
}
