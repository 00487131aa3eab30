/** Month names and abbreviations as they appear in English translations, lower-cased, to month number. */
const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan']],
  [2, ['february', 'feb']],
  [3, ['march', 'mar']],
  [4, ['april', 'apr']],
  [5, ['may']],
  [6, ['june', 'jun']],
  [7, ['july', 'jul']],
  [8, ['august', 'aug']],
  [9, ['september', 'sept', 'sep']],
  [10, ['october', 'oct']],
  [11, ['november', 'nov']],
  [12, ['december', 'dec']],
];

const BY_NAME = new Map<string, number>();
for (const [n, names] of MONTHS) for (const name of names) BY_NAME.set(name, n);

/** Month number of an English month name or abbreviation ("Dec." too), or undefined. */
export function monthFromName(word: string): number | undefined {
  const lower = word.toLowerCase();
  return BY_NAME.get(lower.endsWith('.') ? lower.slice(0, -1) : lower);
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/** Month number of a roman numeral month ("III", "X"), as Central European sources write them. */
export function monthFromRoman(word: string): number | undefined {
  const i = ROMAN.indexOf(word.toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

/** Regex source matching a month name as written in running text: capitalised or all capitals, never "may" the verb. */
export function monthNamePattern(): string {
  const names = MONTHS.flatMap(([, ns]) => ns).sort((a, b) => b.length - a.length);
  const forms = names.flatMap((n) => [n[0]!.toUpperCase() + n.slice(1), n.toUpperCase()]);
  return `(?:${forms.join('|')})\\.?(?![A-Za-z])`;
}

/** Regex source for a roman month numeral I–XII (upper case only, as written in dates). */
export const ROMAN_MONTH_PATTERN = '(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)';
