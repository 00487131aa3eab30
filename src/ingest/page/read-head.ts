import { isChrome } from './chrome.js';
import { labelKey } from './labels.js';
import { looksLikeDate, looksLikeHeaderDate, looksLikeTitle, matchFunderLine } from './line-kinds.js';
import type { PageDraft } from './page-draft.js';
import { continuesTitle } from './title-continuation.js';
import type { Unit } from './units.js';

/** How many unknown short lines may stand before the date line, and how short they are. */
const MAX_UNKNOWN_HEADER = 5;
const SHORT_LINE = 60;
/** How many lines a wrapped title may take. */
const MAX_TITLE_LINES = 3;

/** `next` is the line right under `unit` and carries on the title so far (and is no funder line or label). */
function continuesUnder(unit: Unit, next: Unit | undefined, title: string): boolean {
  if (next === undefined || next.line !== unit.lines[unit.lines.length - 1]!.line + 1) return false;
  if (next.lines.length !== 1 || matchFunderLine(next.text) || labelKey(next.text) !== undefined) return false;
  return continuesTitle(title, next.text);
}

/**
 * Reads the header units of a current-site or flat-mirror page — chrome, date, title, funder
 * line — and returns the index of the first unit of the text. The flat mirror may open with a
 * summary line before the date.
 */
export function readHead(units: readonly Unit[], draft: PageDraft, allowLeadingSummary: boolean): number {
  let i = 0;
  const chromeAt = (): boolean => {
    const u = units[i];
    if (u && u.lines.length === 1 && isChrome(u.text)) {
      draft.chrome.push(...u.lines);
      return true;
    }
    return false;
  };
  /**
   * Short lines before the date that are no known chrome (a breadcrumb, a site menu): kept as
   * "Page header" extra fields rather than dropped, so the date and title are still found.
   */
  const skipUnknownHeader = (): void => {
    if (units[i] === undefined || looksLikeHeaderDate(units[i]!.text)) return;
    for (let j = i + 1; j <= i + MAX_UNKNOWN_HEADER && j < units.length; j++) {
      if (!looksLikeDate(units[j]!.text)) continue;
      const between = units.slice(i, j);
      if (!between.every((u) => u.text.length <= SHORT_LINE && labelKey(u.text) === undefined)) return;
      for (const u of between) {
        if (u.lines.length === 1 && isChrome(u.text)) draft.chrome.push(...u.lines);
        else draft.extraFields.push({ label: 'Page header', value: u.text, line: u.line });
      }
      i = j;
      return;
    }
  };
  while (chromeAt()) i++;
  const first = units[i];
  const second = units[i + 1];
  if (allowLeadingSummary && first && second && !looksLikeDate(first.text) && looksLikeDate(second.text) && labelKey(first.text) === undefined) {
    draft.leadingSummary = { text: first.text, line: first.line };
    i++;
  }
  while (chromeAt()) i++;
  skipUnknownHeader();
  const dateUnit = units[i];
  if (dateUnit && looksLikeHeaderDate(dateUnit.text)) {
    draft.date = { text: dateUnit.text, line: dateUnit.line };
    i++;
  }
  while (chromeAt()) i++;
  const titleUnit = units[i];
  // A title the browser wrapped: the lines right under it that carry it on are part of it.
  let titleText = titleUnit?.text ?? '';
  let after = i + 1;
  while (after - i <= MAX_TITLE_LINES && titleUnit && continuesUnder(units[after - 1]!, units[after], titleText)) {
    titleText = `${titleText} ${units[after]!.text}`;
    after++;
  }
  // Without a date line the title is only recognisable by the funder line that follows it.
  const titleFollowedByFunder = units[after] !== undefined && matchFunderLine(units[after]!.text) !== undefined;
  if (titleUnit && looksLikeTitle(titleText) && labelKey(titleUnit.text) === undefined && (draft.date !== undefined || titleFollowedByFunder)) {
    draft.title = { text: titleText, line: titleUnit.line };
    i = after;
  }
  for (let u = units[i]; u; u = units[i]) {
    const funder = matchFunderLine(u.text);
    if (!funder) break;
    draft.funderLines.push({ text: funder.list, line: u.line });
    i++;
  }
  return i;
}
