/**
 * Pages written for the id tests: every pair claims one id from a weak or shared source, with
 * different text, plus one exact copy. Shared by the build test and the CLI test.
 */

/** An old-site page without header: its citation gives title, date and archive reference. */
function oldSitePage(reference: string, body: string): string {
  return [
    'April 2, 1957',
    '',
    '    An embassy report on a student exchange programme.',
    '',
    `    "Report on the Student Exchange, April 2, 1957," April 2, 1957, History and Public Policy Program Digital Archive, ${reference} Translated by Ioana Popescu.`,
    '',
    body,
    '',
  ].join('\n');
}

/** A current-site page with a record id. */
function recordIdPage(recordId: string, body: string): string {
  return [
    'May 1st, 1960',
    '',
    'Memorandum on the Harbor Construction Agreement',
    '',
    body,
    '',
    'The memorandum summarises progress on a harbor construction agreement.',
    '',
    'Document Information',
    '',
    'Rights',
    '',
    'The program welcomes reuse of these materials for research purposes.',
    '',
    'Record ID',
    '',
    recordId,
    '',
  ].join('\n');
}

/** Distinct documents by a stable key (the key names the text, not the file). */
export const COLLIDING_PAGES: Readonly<Record<string, string>> = {
  // Same title and date, archive reference naming only the collection: a title slug each.
  'cwihp-september': oldSitePage('CWIHP Archives.', 'The exchange will begin in September with twenty students.'),
  'cwihp-cancelled': oldSitePage('CWIHP Archives.', 'The exchange was cancelled by the ministry.'),
  // Same title and date, the same file-level reference (a folder, no pages or item).
  'folder-twenty': oldSitePage('Archive of the Romanian Ministry of Foreign Affairs (AMAE), Folder 782/1957.', 'Twenty students will travel.'),
  'folder-thirty': oldSitePage('Archive of the Romanian Ministry of Foreign Affairs (AMAE), Folder 782/1957.', 'Thirty students will travel.'),
  // One record id on two different texts: a strong source that still collides.
  'record-pier': recordIdPage('300202', 'The construction of the northern pier is behind schedule by two months.'),
  'record-engineers': recordIdPage('300202', 'The ministry proposes to send ten additional engineers before the summer.'),
};

/** The key of the page given twice, under two file names. */
export const COPIED_PAGE = 'cwihp-september';

/**
 * File names for one order of reading: `reversed` gives every text the other end of the list,
 * so the files are read in the opposite order and each copy sits under a different name.
 */
export function pageFiles(reversed: boolean): { name: string; key: string; text: string }[] {
  const keys = [...Object.keys(COLLIDING_PAGES), COPIED_PAGE];
  const ordered = reversed ? [...keys].reverse() : keys;
  return ordered.map((key, i) => ({ name: `page-${String(i).padStart(2, '0')}.txt`, key, text: COLLIDING_PAGES[key]! }));
}
