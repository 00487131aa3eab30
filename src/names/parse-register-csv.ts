import { locateProblems, parseRegisterJson, type RegisterProblem } from './parse-register.js';
import type { NameRegister } from './register.js';

/** Columns of an editor's register CSV; variants are separated by "|". */
export const CSV_COLUMNS = ['key', 'kind', 'name', 'variants', 'wikidata', 'viaf', 'gnd', 'geonames', 'lat', 'lon', 'checked'] as const;

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Reads an editor's register (names.csv with the header CSV_COLUMNS); problems name the line. */
export function parseRegisterCsv(text: string): { register: NameRegister; problems: RegisterProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = cells(lines[0] ?? '').map((h) => h.trim());
  const missing = CSV_COLUMNS.filter((c) => c !== 'variants' && c !== 'viaf' && c !== 'gnd' && c !== 'geonames' && c !== 'lat' && c !== 'lon' && !header.includes(c));
  if (missing.length > 0) return { register: { origin: 'edition', entries: [], ambiguous: [], unlinked: [] }, problems: [{ message: `the header lacks the column(s) ${missing.join(', ')}.`, line: 1 }] };
  const entries: unknown[] = [];
  const lineOf: number[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const row = new Map(header.map((h, k) => [h, (cells(line)[k] ?? '').trim()]));
    const get = (c: string): string | undefined => (row.get(c) ? row.get(c) : undefined);
    const authority: Record<string, string> = {};
    for (const s of ['wikidata', 'viaf', 'gnd', 'geonames']) if (get(s)) authority[s] = get(s)!;
    const entry: Record<string, unknown> = { key: get('key'), kind: get('kind'), name: get('name'), variants: (get('variants') ?? '').split('|').map((v) => v.trim()).filter(Boolean), authority, checked: get('checked') };
    if (get('lat') !== undefined || get('lon') !== undefined) entry.coordinates = { lat: Number(get('lat')), lon: Number(get('lon')) };
    entries.push(entry);
    lineOf.push(i + 2);
  });
  const { register, problems } = parseRegisterJson({ entries }, 'edition');
  return { register, problems: locateProblems(problems, lineOf) };
}
