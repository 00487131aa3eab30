import type { PageDraft } from './page-draft.js';
import { type LabelKey, labelKey, labelText } from './labels.js';
import { isChrome } from './chrome.js';
import { looksLikeDate, matchFunderLine } from './line-kinds.js';
import type { Unit } from './units.js';

/** Labels that only appear in a page's tail, so the first of them marks where the text ends. */
const TAIL_START: ReadonlySet<LabelKey> = new Set(['document-information', 'facet', 'uploaded-date', 'record-id', 'original-archive']);

/**
 * Index of the unit where the tail (the fields after the text) begins, or -1 for a page cut off
 * before it. "Source" alone is too common a word to end the text, so it counts only when a
 * "Rights" label follows closely (the variant tail without "Document Information").
 */
export function findTailStart(units: readonly Unit[], from: number): number {
  for (let i = from; i < units.length; i++) {
    const key = labelKey(units[i]!.text);
    if (key === undefined) continue;
    if (TAIL_START.has(key)) return i;
    if (key === 'source' && units.slice(i + 1, i + 4).some((u) => labelKey(u.text) === 'rights')) return i;
  }
  return -1;
}

/** Rights boilerplate, told from a citation when the citation is missing under "Document Information". */
const RIGHTS_TEXT = /\b(?:reuse|copyright|rights holders?|permission)\b/i;

function isIdLike(text: string): boolean {
  return /^[A-Za-z0-9._-]{1,40}$/.test(text);
}

/**
 * Reads the tail fields of the current site and the flat mirror. Labels decide where a value
 * goes; where the site shows a value without its label (the document type after the upload date,
 * the funder after the record id), the position decides, as the layout notes describe.
 */
export function readTail(units: readonly Unit[], draft: PageDraft): void {
  let label: LabelKey | undefined;
  let labelUnit: Unit | undefined;
  let valuesForLabel = 0;
  // Set when the first unit after a label is not its value (an empty field the site printed anyway).
  let fellThrough = false;
  let citationDone = false;
  const closeLabel = (): void => {
    if (labelUnit && label !== undefined && label !== 'document-information' && (valuesForLabel === 0 || fellThrough)) {
      if (label === 'facet' || label === 'source' || label === 'original-archive') {
        // Empty facet headings are page furniture of the archive's search facets.
        draft.chrome.push(...labelUnit.lines);
      } else draft.emptyFields.push({ text: labelText(labelUnit.text), line: labelUnit.line });
    }
  };
  for (const u of units) {
    const key = labelKey(u.text);
    if (key !== undefined) {
      closeLabel();
      label = key;
      labelUnit = u;
      valuesForLabel = 0;
      fellThrough = false;
      continue;
    }
    if (u.lines.length === 1 && isChrome(u.text)) {
      draft.chrome.push(...u.lines);
      continue;
    }
    const located = { text: u.text, line: u.line };
    const funder = matchFunderLine(u.text);
    if (funder) {
      draft.funderLines.push({ text: funder.list, line: u.line });
      continue;
    }
    valuesForLabel++;
    switch (label) {
      case 'document-information':
        // Unlabelled: the citation first, then the rights paragraphs.
        if (!citationDone && draft.citation === undefined && !RIGHTS_TEXT.test(u.text)) {
          draft.citation = located;
          citationDone = true;
        } else draft.rights.push(located);
        break;
      case 'source':
      case 'citation':
        if (draft.citation === undefined) draft.citation = located;
        else draft.extraFields.push({ label: labelText(labelUnit!.text), value: u.text, line: u.line });
        citationDone = true;
        break;
      case 'rights':
        draft.rights.push(located);
        break;
      case 'uploaded-date':
        if (valuesForLabel === 1 && looksLikeDate(u.text)) draft.uploadedDate = located;
        else {
          if (valuesForLabel === 1) fellThrough = true;
          if (draft.documentType === undefined && u.text.length <= 80 && !u.text.includes('\n')) draft.documentType = located;
          else draft.extraFields.push({ label: 'Unlabelled', value: u.text, line: u.line });
        }
        break;
      case 'document-type':
        if (draft.documentType === undefined) draft.documentType = located;
        else draft.extraFields.push({ label: labelText(labelUnit!.text), value: u.text, line: u.line });
        break;
      case 'record-id':
        if (valuesForLabel === 1 && isIdLike(u.text)) draft.recordId = located;
        else {
          if (valuesForLabel === 1) fellThrough = true;
          draft.tailFunders.push(located);
        }
        break;
      case 'funders':
      case 'credits':
        draft.tailFunders.push(located);
        break;
      case 'original-language':
        if (draft.originalLanguage === undefined) draft.originalLanguage = located;
        else draft.extraFields.push({ label: labelText(labelUnit!.text), value: u.text, line: u.line });
        break;
      case 'original-archive':
        draft.archiveNames.push(located);
        break;
      case 'summary':
        if (draft.summary === undefined) draft.summary = located;
        else draft.summary = { text: `${draft.summary.text}\n\n${u.text}`, line: draft.summary.line };
        break;
      case 'contents':
        draft.contents.push(located);
        break;
      case 'facet':
        draft.extraFields.push({ label: labelText(labelUnit!.text), value: u.text, line: u.line });
        break;
      case undefined:
        draft.extraFields.push({ label: 'Unlabelled', value: u.text, line: u.line });
        break;
    }
  }
  closeLabel();
}
