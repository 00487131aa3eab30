import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { Cable } from '../../model/cable.js';
import type { DateValue } from '../../model/dates.js';
import { collectDates } from '../../model/collect-dates.js';

/** Dates in the running text within this many days of the catalogue date are read as dates of the document itself. */
const NEAR_DAYS = 62;
const DOCUMENT_ORIGINS = new Set(['closer', 'meeting', 'heading']);

function datePart(d: DateValue): string | undefined {
  const w = d.when ?? d.notBefore;
  return w?.slice(0, 10);
}

function dayNumber(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : undefined;
}

function isNear(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a - b) <= NEAR_DAYS;
}

function describe(d: DateValue): string {
  return `"${d.verbatim}" (${datePart(d) ?? '?'}, ${d.origin})`;
}

/**
 * The catalogue date against the document's own dates (closer, meeting header, dated headings,
 * and text dates close to it): every difference is reported, none is resolved.
 */
export function checkDateDisagreement(cable: Cable, bag: DiagnosticBag, catalogueLine?: number): void {
  const cat = cable.catalogueDate;
  const catDay = cat ? datePart(cat) : undefined;
  if (!cat || catDay === undefined) return;
  const differing: DateValue[] = [];
  const b = dayNumber(catDay); // once, not per date of the text
  for (const d of collectDates({ body: cable.body })) {
    const day = datePart(d);
    if (day === undefined) continue;
    const n = Math.min(day.length, catDay.length);
    if (day.slice(0, n) === catDay.slice(0, n)) continue;
    if (DOCUMENT_ORIGINS.has(d.origin)) {
      differing.push(d);
      continue;
    }
    // A running-text date whose year came from the catalogue date ("30 September") is too weak a signal on its own.
    const weak = d.origin === 'text' && d.inferred !== undefined;
    if (!weak && isNear(dayNumber(day), b)) differing.push(d);
  }
  if (differing.length === 0) return;
  const seen = new Set<string>();
  const listed = differing.filter((d) => {
    const k = `${d.verbatim}|${d.origin}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  bag.warn(
    'ingest/date-disagreement',
    `The catalogue date "${cat.verbatim}" (${catDay}) differs from dates in the text: ${listed.map(describe).join(', ')}.`,
    { hint: 'Both are kept; check the original to decide which date the record should carry.', ...(catalogueLine !== undefined ? { line: catalogueLine, column: 1 } : {}) },
  );
}
