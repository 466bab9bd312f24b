/**
 * Country names as STOP writes them (English, "Iran (Islamic Republic of)")
 * against the ISO 3166-1 codes Dalel stores. Names come from Intl, so no
 * list is kept here; a name in parentheses is also tried without them. Pure.
 */
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let byName: Map<string, string> | null = null;

const names = () => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
};

/** "Kazakhstan" for "KZ"; the code itself when Intl has no name for it. */
export function englishCountryName(code: string): string {
  return names()?.of(code) ?? code;
}

/** "KZ" for "Kazakhstan", "kazakhstan", "Iran (Islamic Republic of)" or "KZ"; undefined when no country is named. */
export function countryCodeOf(name: string): string | undefined {
  const text = name.trim();
  if (/^[A-Z]{2}$/.test(text) && names()?.of(text)) return text;
  if (!byName) {
    byName = new Map();
    const display = names();
    for (const a of letters) {
      for (const b of letters) {
        const english = display?.of(a + b);
        if (english && english !== a + b) byName.set(english.toLowerCase(), a + b);
      }
    }
  }
  const plain = text.replace(/\s*\([^)]*\)\s*/g, ' ').trim().toLowerCase();
  return byName.get(text.toLowerCase()) ?? byName.get(plain);
}
