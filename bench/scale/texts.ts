import type { EventType, JourneyStage } from "@/db/enums";

/*
 * The words the scale generator puts into rows: names, titles, moments and commitments of a plausible
 * length, so that pages and payloads weigh what real ones would. Combined at random, never meaningful.
 */

export const firstNames = [
  "Anna", "Markus", "Sabine", "Nikos", "Julia", "Ahmet", "Thomas", "Eleni", "Frank", "Petra", "Dimitris", "Michael",
  "Sarah", "Jan", "Sofia", "David", "Christina", "Katerina", "Felix", "Claudia", "Lukas", "Maria", "Stefan", "Laura",
  "Daniel", "Sophie", "Alexander", "Lea", "Georgios", "Emma", "Martin", "Hannah", "Andreas", "Lisa", "Kevin", "Mia",
  "Oliver", "Nina", "Yusuf", "Elif", "James", "Olivia", "Wei", "Mei", "Rahul", "Priya", "Lucas", "Chloe",
];

export const lastNames = [
  "Schmitt", "Brandt", "Kessler", "Papadopoulos", "Neumann", "Yıldız", "Richter", "Georgiou", "Bauer", "Schulz",
  "Antoniou", "Wolf", "Cohen", "Hartmann", "Karali", "Miller", "Vogel", "Dimitriou", "Wagner", "Lehmann", "Fischer",
  "Becker", "Hoffmann", "Schäfer", "Koch", "Klein", "Nikolaou", "Smith", "Johnson", "Tan", "Lim", "Wong", "Müller",
  "Weber", "Meyer", "Schneider", "Zimmermann", "Krüger", "Hofmann", "Lange", "Werner", "Krause", "Lorenz", "Peters",
  "Jung", "Möller", "König", "Walter", "Huber", "Kaiser", "Fuchs", "Scholz", "Vasileiou", "Brown", "Davis", "Garcia",
];

/** Departments with how many executives of 2,020 each has, roughly. */
export const departments: [string, number][] = [
  ["Sales", 320], ["Operations", 360], ["Customer Service", 300], ["Finance", 140], ["Product & IT", 280],
  ["Marketing", 150], ["Network", 180], ["HR", 70], ["Legal & Compliance", 60], ["Procurement", 60],
  ["Strategy", 30], ["Wholesale", 70],
];

export const personaNames: [string, string][] = [
  ["Young families", "Two working parents, small children, many devices on one contract; no patience for hotlines."],
  ["Small-business owners", "Every hour offline costs them money; they want one person who knows their contract."],
  ["Seniors going digital", "Over 70, first smartphone or tablet; careful, loyal, easily shamed by jargon."],
  ["Frustrated switchers", "Left us or are about to; unanswered messages and broken promises, rarely the price."],
  ["Students", "Prepaid, price-aware, everything in the app; they leave over a bad week, not a bad year."],
  ["Commuters", "Long train rides, patchy coverage, streaming on the way; notice every dead zone."],
  ["Premium customers", "Highest tariffs, expect to be known by name, judge us by the first call."],
  ["Rural households", "One line, slow DSL, long waits for a technician; the nearest shop is an hour away."],
  ["Gamers", "Latency over bandwidth, evenings and weekends, loud on forums when something breaks."],
  ["Home-office workers", "Video calls all day; an outage means a lost day of work."],
];

export const topics = [
  "Cancellation calls", "First invoice questions", "Moving house", "Router set-up", "Roaming charges", "Contract renewal at the counter",
  "Porting a number", "Technician no-shows", "Outage evenings", "Prepaid top-ups", "The new app onboarding", "Business customer first week",
  "Billing disputes", "Fibre installation day", "Device insurance claims", "Family plan changes", "Seniors' first smartphone",
  "Complaints that came back", "Late-night support", "Store waiting times", "Self-service password resets", "Broadband speed complaints",
  "Switching back to us", "SIM replacement", "Payment reminders", "Upgrading to fibre", "TV package questions", "Home Wi-Fi dead zones",
];

export const typeTitles: Record<EventType, string> = {
  call_listening: "Listening in",
  customer_breakfast: "Breakfast with customers",
  service_desk_day: "A day at the service desk",
  customer_event: "Customer evening",
  home_visit: "Home visit",
  store_visit: "Store visit",
  other: "Customer safari",
};

export const briefings = [
  "Observe, don't interrupt: the customer leads, you listen. Questions only at the end, and only open ones. Before you go, write down in one sentence what you expect to hear; afterwards compare it with what you heard: the difference is the lesson.",
  "Two hours next to an experienced colleague, headset on. You hear real conversations; nothing is staged. Take notes on paper, never on a laptop, and keep the customer's details out of them. Prediction first: what will the most common reason for calling be?",
  "Sit between the guests, not opposite them. No slides, no sales pitch. Ask what their last week with us was like and let them talk. Afterwards, write your reflection within a day, while it is still vivid.",
  "One observer only; the address comes from the CX team the day before. Do not help, even when it is hard to watch: the point is to see what the customer sees when nobody from us is there.",
];

export const locations = [
  "Customer service centre Berlin-Adlershof, room 3.14", "Video call (Teams link in the invitation)", "Shop Friedrichstraße 68, Berlin",
  "Κατάστημα Σύνταγμα, Ερμού 2, Αθήνα", "Business support floor, 5th Avenue, New York", "Customer's home (address in the briefing pack)",
  "Café near the customer's office", "Service desk Singapore, Raffles Place", "Contact centre Athens, Kifisias 44",
];

/** A moment's text and where in the journey it happened. */
export type MomentText = { body: string; stage: JourneyStage };
export type MomentLanguage = "de" | "en" | "el";

/**
 * Moments in the languages safaris are held in, so that the library's search meets German compounds and
 * inflections, English plurals and Greek accents at scale. "Rechnung" / "invoice" / "λογαριασμός" are
 * common on purpose (the bench's common words); `rareMoment` is used for about one moment in a thousand.
 */
export const momentTexts: Record<MomentLanguage, { ouch: MomentText[]; aah: MomentText[]; quotes: string[] }> = {
  de: {
    ouch: [
      { body: "Eine Kundin hing 14 Minuten in der Warteschleife, nur um kündigen zu dürfen.", stage: "leave" },
      { body: "Der Agent fragte dreimal nach der Kundennummer, die sie schon eingetippt hatte.", stage: "get_help" },
      { body: "Ein Technikertermin zwischen 8 und 18 Uhr kostete eine Mutter einen Urlaubstag.", stage: "onboard" },
      { body: "Niemand rief an, als der Techniker dann nicht kam.", stage: "get_help" },
      { body: "Die Rechnung nennt die Roaming-Gebühr nur mit einem Tarifcode.", stage: "pay" },
      { body: "Auf der ersten Rechnung standen zwei Monate, und keiner konnte es erklären.", stage: "pay" },
      { body: "Der Shop sah nicht, was die Hotline ihm versprochen hatte.", stage: "change" },
      { body: "Die Kündigungsbestätigung kam erst nach drei Wochen und zwei Mahnungen.", stage: "leave" },
      { body: "Das Passwort-Feld verlangte Sonderzeichen, die er auf der Tastatur nicht fand.", stage: "onboard" },
      { body: "Im Vertrag stand ein anderer Preis als in der Werbung.", stage: "buy" },
    ],
    aah: [
      { body: "Die Kollegin bot von sich aus an, den Router kostenlos zu tauschen, und die Kundin blieb.", stage: "leave" },
      { body: "Die Familie liebt die App-Benachrichtigung, wenn die Störung behoben ist.", stage: "use" },
      { body: "Der Techniker gab dem Inhaber eine direkte Nummer für Notfälle.", stage: "get_help" },
      { body: "Die Agentin las die ganze Historie und erklärte die Rechnung Zeile für Zeile.", stage: "pay" },
      { body: "Der Umzug klappte an einem Tag, mit Internet am Abend.", stage: "change" },
    ],
    quotes: [
      "Ich will doch nur wissen, warum meine Rechnung jeden Monat anders aussieht.",
      "Für euch ist das ein Termin. Für mich ist das ein Urlaubstag.",
      "Ich brauche keinen Rabatt. Ich brauche einen Menschen, der zurückruft.",
    ],
  },
  en: {
    ouch: [
      { body: "She waited 14 minutes in the queue only to be allowed to cancel.", stage: "leave" },
      { body: "The agent asked three times for the customer number she had already typed in.", stage: "get_help" },
      { body: "The invoice names the roaming charge only by a tariff code.", stage: "pay" },
      { body: "Three callers disputed invoices they could not read.", stage: "pay" },
      { body: "Each agent started from scratch; he had called four times.", stage: "get_help" },
      { body: "The app said the outage was fixed while the router still blinked red.", stage: "use" },
      { body: "The confirmation code went to a phone she did not have with her.", stage: "change" },
      { body: "The contract numbers on the letter and in the app did not match.", stage: "buy" },
      { body: "Nobody called when the technician did not come.", stage: "onboard" },
      { body: "The password rules wanted characters he could not find on the keyboard.", stage: "onboard" },
    ],
    aah: [
      { body: "The agent offered to swap the router for free, and the customer stayed.", stage: "leave" },
      { body: "A colleague wrote the steps down by hand on a piece of paper.", stage: "get_help" },
      { body: "The agent read the whole history before answering and turned an angry caller into a thankful one.", stage: "get_help" },
      { body: "When his daughter showed him the voice assistant, he laughed for the first time.", stage: "use" },
      { body: "The shop explained the first invoice line by line.", stage: "pay" },
    ],
    quotes: [
      "I just want to know why my bill looks different every month.",
      "I'm not refusing to pay. I'm refusing to pay for something I can't read.",
      "I don't need a discount. I need someone who calls back.",
      "I'm not stupid. I just didn't grow up with this.",
    ],
  },
  el: {
    ouch: [
      { body: "Μια κυρία περίμενε 40 λεπτά για να αλλάξει μόνο το PIN της.", stage: "get_help" },
      { body: "Ο κωδικός επιβεβαίωσης ήρθε με SMS σε τηλέφωνο που δεν είχε μαζί της.", stage: "change" },
      { body: "Ο λογαριασμός έγραφε χρεώσεις περιαγωγής με κωδικούς που κανείς δεν καταλάβαινε.", stage: "pay" },
      { body: "Ο πελάτης πλήρωσε δύο φορές τον ίδιο λογαριασμό και κανείς δεν τον ενημέρωσε.", stage: "pay" },
      { body: "Η διακοπή κράτησε τρεις μέρες χωρίς κανένα μήνυμα.", stage: "use" },
      { body: "Για την καταγγελία της σύμβασης χρειάστηκε να έρθει στο κατάστημα.", stage: "leave" },
    ],
    aah: [
      { body: "Ο συνάδελφος στο γκισέ της έγραψε τα βήματα με το χέρι σε ένα χαρτί.", stage: "get_help" },
      { body: "Η υπάλληλος εξήγησε τον λογαριασμό γραμμή προς γραμμή.", stage: "pay" },
      { body: "Ο τεχνικός ήρθε την ίδια μέρα και άφησε το τηλέφωνό του.", stage: "onboard" },
    ],
    quotes: ["Παιδί μου, γράψ' το μου σε χαρτί.", "Δεν θέλω έκπτωση. Θέλω κάποιον να με πάρει τηλέφωνο."],
  },
};

/** The bench's rare word, in about one moment of a thousand. */
export const rareMoment: MomentText = { body: "Das Faxgerät im Laden druckte die Kündigung dreimal aus.", stage: "leave" };

/** The empathy map's four notes, short. */
export const mapNotes = {
  said: ["“Why is it different every month?”", "“I just want one person.”", "“Για τον λογαριασμό μου.”"],
  did: ["Kept the old letters in a folder.", "Hung up twice and called again.", "Wrote the PIN on the box."],
  thought: ["They do not want me to leave easily.", "Nobody reads what I write."],
  felt: ["Ashamed to ask again.", "Relieved when someone listened."],
};

export const surprises = [
  "I expected the price to come up first. It was the third unanswered e-mail.",
  "How calm they were about the outage itself, and how angry about the waiting.",
  "How many customers come to the shop for something the app does in a minute.",
  "Nobody talked about the price; everyone talked about being reachable.",
];

export const commitmentBodies = [
  "Discuss cancellation reasons monthly in the sales meeting, starting with one real call.",
  "Pass the customer number from the voice menu to the agent automatically.",
  "Offer technician appointments in two-hour windows: pilot in one region.",
  "Replace tariff codes on business invoices with plain-language line items.",
  "Call back business customers within two hours during outages, until 8 pm.",
  "Large-text mode in the app that follows the device's own text size.",
  "Drop the special-character rule from sign-up; check length and breached passwords instead.",
  "Priority at the counter for simple changes (PIN, SIM) in every shop of the region.",
  "Show the hotline's promises to the shop staff in the same customer view.",
  "Send a text when the technician is on the way, with a name and a photo.",
];

export const declineReasons = ["Board meeting moved onto that day.", "Travelling that week.", "Clashes with the quarterly close.", "Ill."];

export const cancellationReasons = [
  "The customer host had to cancel at short notice.",
  "Not enough sign-ups; we will offer it again next month.",
  "The shop is closed for renovation that week.",
  "Strike at the contact centre; moved to a later date.",
];
