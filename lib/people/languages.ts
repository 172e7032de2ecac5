/*
 * The languages a profile can name: ISO 639-1 codes, the ones our customers and executives speak.
 * Plain data (no database code), so the browser's form can use it too.
 */
export const languageCodes = ["de", "en", "el", "fr", "es", "it", "tr", "pl", "nl", "pt", "ru", "ar"] as const;
export type LanguageCode = (typeof languageCodes)[number];

export const languageLabels: Record<LanguageCode, string> = {
  de: "German",
  en: "English",
  el: "Greek",
  fr: "French",
  es: "Spanish",
  it: "Italian",
  tr: "Turkish",
  pl: "Polish",
  nl: "Dutch",
  pt: "Portuguese",
  ru: "Russian",
  ar: "Arabic",
};

/** "German (de)", or the bare code for one stored before the list changed. */
export function languageLabel(code: string): string {
  return code in languageLabels ? `${languageLabels[code as LanguageCode]} (${code})` : code;
}
