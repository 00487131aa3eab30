import type { DcValue } from '../dc-values.js';

/**
 * Archivematica's metadata/metadata.csv: a `filename` column, then a `dc.<element>` column per
 * value (a repeated element repeats its column, as Archivematica reads it), one row for the whole
 * transfer (`objects`). Fields are quoted as RFC 4180 says.
 */
export function metadataCsv(values: readonly DcValue[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v.element, (counts.get(v.element) ?? 0) + 1);
  const header = ['filename'];
  const row = ['objects'];
  for (const [element, count] of counts) {
    const own = values.filter((v) => v.element === element);
    for (let i = 0; i < count; i += 1) {
      header.push(`dc.${element}`);
      row.push((own[i] as DcValue).value);
    }
  }
  return `${header.map(csvField).join(',')}\r\n${row.map(csvField).join(',')}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
