import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { Cable } from '../../model/cable.js';
import type { ParsedCitation } from '../fields/parse-citation.js';
import type { PageDraft } from '../page/page-draft.js';
import { foldName } from './fold-name.js';

function at(line: number | undefined): { line?: number; column?: number } {
  return line === undefined ? {} : { line, column: 1 };
}

/** What the page lacks, leaves empty, or says twice in different ways: reported, never filled in. */
export function reportPage(draft: PageDraft, cable: Cable, cit: ParsedCitation | undefined, bag: DiagnosticBag): void {
  if (draft.chrome.length > 0) {
    const sorted = [...draft.chrome].sort((a, b) => a.line - b.line);
    bag.info(
      'ingest/chrome-dropped',
      `Dropped ${sorted.length} line(s) of page chrome: ${sorted.map((l) => `"${l.text.trim()}" (line ${l.line})`).join(', ')}.`,
      { hint: 'Navigation, empty facet labels and the repeated funder line of the web page are not part of the document.', ...at(sorted[0]!.line) },
    );
  }
  for (const f of draft.emptyFields) {
    bag.warn('ingest/empty-field', `The field "${f.text}" is present but empty.`, { hint: 'Nothing was filled in; add the value at the source if it is known.', ...at(f.line) });
  }
  // A missing field has no place of its own: it is reported at the top of the page.
  const missing = (field: string, hint: string): void => bag.warn('ingest/missing-field', `The page gives no ${field}.`, { hint, ...at(1) });
  if (cable.title === undefined) missing('title', 'The record has no title; add one to the TEI by hand if it is known.');
  if (cable.catalogueDate === undefined) missing('date', 'No catalogue date was found in the header or the citation.');
  if (draft.citation === undefined) {
    if (draft.layout === 'flat-mirror')
      bag.info('ingest/missing-field', 'The page gives no citation (flat-mirror pages never do): no archive reference or contributors.', {
        hint: 'Ingest the same document from another host (current site or record export) to get its citation.',
        ...at(1),
      });
    else missing('citation', 'Without a citation the archive reference and the translators are unknown.');
  }
  if (draft.truncated) {
    bag.warn('ingest/truncated', `The page stops before its end: ${draft.truncated.missing} is missing. Ingested as far as it goes.`, {
      hint: 'Save the whole page again; the body ends with a "truncated" gap.',
      ...at(draft.truncated.line),
    });
  }
  if (draft.leadingSummary) {
    const same = draft.summary !== undefined && foldName(draft.summary.text) === foldName(draft.leadingSummary.text);
    if (!same) {
      bag.warn(
        'ingest/summary-may-belong-elsewhere',
        draft.summary === undefined
          ? 'The first line is a summary that may describe a different, related document; it was kept as the summary.'
          : 'The first line is a summary different from the one after the text; it may describe a related document. Kept as the extra field "Leading summary".',
        { hint: 'Check which document the summary describes.', ...at(draft.leadingSummary.line) },
      );
    }
  }
  if (cit) {
    for (const u of cit.unread) {
      bag.warn('ingest/citation-unread', `Part of the citation could not be read: "${u.length > 120 ? u.slice(0, 120) + '…' : u}".`, {
        hint: 'It is kept in the verbatim citation.',
        ...at(draft.citation?.line),
      });
    }
    if (draft.date && cit.date && foldName(draft.date.text) !== foldName(cit.date)) {
      bag.warn('ingest/date-disagreement', `The header date "${draft.date.text}" differs from the citation's date "${cit.date}".`, {
        hint: 'The header date is the catalogue date; both stay in the record.',
        ...at(draft.date.line),
      });
    }
    if (draft.title && cit.title && foldName(draft.title.text) !== foldName(cit.title)) {
      bag.info('ingest/title-differs', `The title line differs from the title in the citation ("${cit.title}").`, {
        hint: 'The title line is kept as the title; the citation stays verbatim.',
        ...at(draft.title.line),
      });
    }
  }
}
