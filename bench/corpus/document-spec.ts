import type { SeededRandom } from './random.js';
import * as V from './vocabulary.js';
import { generateBody } from './body.js';

/** Everything a synthetic page shows, before it is rendered in one of the four layouts. */
export interface DocumentSpec {
  recordId: number;
  url: string;
  /** Catalogue date as the header writes it: "December 15, 1965", "October 05, 1964", "October 1976", "1955". */
  headerDate: string;
  title?: string;
  funders: string[];
  summary?: string;
  archiveReference: string;
  contributors: string;
  originalLanguage: string;
  documentType: string;
  rights: string[];
  uploadedDate?: string;
  /** Body blocks, each one or more lines. */
  blocks: string[];
}

export function personName(random: SeededRandom): string {
  return `${random.pick(V.GIVEN_NAMES)} ${random.pick(V.FAMILY_NAMES)}`;
}

function headerDate(random: SeededRandom, year: number): string {
  const month = random.pick(V.MONTHS);
  const day = random.int(1, 28);
  const form = random.int(0, 9);
  if (form === 0) return String(year);
  if (form === 1) return `${month} ${year}`;
  if (form === 2) return `${month} ${String(day).padStart(2, '0')}, ${year}`;
  return `${month} ${day}, ${year}`;
}

export function generateSpec(random: SeededRandom, index: number): DocumentSpec {
  const year = random.int(1945, 1989);
  const sender = personName(random);
  const country = random.pick(V.COUNTRIES);
  const documentType = random.pick(V.DOC_TYPES);
  const translatorA = random.pick(V.TRANSLATORS);
  const translatorB = random.pick(V.TRANSLATORS);
  const funderCount = random.chance(0.33) ? 0 : random.int(1, 2);
  const funders = Array.from({ length: funderCount }, () => random.pick(V.FUNDERS));
  const recordId = 100000 + index;
  const spec: DocumentSpec = {
    recordId,
    url: `${random.pick(V.HOSTS)}/document/${random.chance(0.8) ? recordId : `synthetic-${documentType.toLowerCase().replace(/\s+/g, '-')}-${recordId}`}`,
    headerDate: headerDate(random, year),
    funders: [...new Set(funders)],
    archiveReference: random.pick(V.ARCHIVE_REFERENCES)(recordId),
    contributors: random.pick(V.CONTRIBUTOR_PHRASES)(translatorA, translatorB),
    originalLanguage: random.pick(V.LANGUAGES),
    documentType,
    rights: random.chance(0.8) ? [...V.RIGHTS] : [],
    blocks: generateBody(random, { sender, country, year }),
  };
  if (random.chance(0.9)) spec.title = `${documentType} from ${sender} to the ${random.pick(V.ORGANISATIONS)} of ${country}`;
  if (random.chance(0.9)) spec.summary = `${sender} reports on ${random.pick(V.SENTENCES).toLowerCase().replace(/\.$/, '')} and on relations with ${random.pick(V.COUNTRIES)}.`;
  if (random.chance(0.6)) spec.uploadedDate = `${random.pick(V.MONTHS)} ${random.int(1, 28)}, ${random.int(2011, 2024)}`;
  return spec;
}
