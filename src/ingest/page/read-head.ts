import { isChrome } from './chrome.js';
import { labelKey } from './labels.js';
import { looksLikeDate, looksLikeHeaderDate, looksLikeTitle, matchFunderLine } from './line-kinds.js';
import type { PageDraft } from './page-draft.js';
import type { Unit } from './units.js';

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
  while (chromeAt()) i++;
  const first = units[i];
  const second = units[i + 1];
  if (allowLeadingSummary && first && second && !looksLikeDate(first.text) && looksLikeDate(second.text) && labelKey(first.text) === undefined) {
    draft.leadingSummary = { text: first.text, line: first.line };
    i++;
  }
  while (chromeAt()) i++;
  const dateUnit = units[i];
  if (dateUnit && looksLikeHeaderDate(dateUnit.text)) {
    draft.date = { text: dateUnit.text, line: dateUnit.line };
    i++;
  }
  while (chromeAt()) i++;
  const titleUnit = units[i];
  // Without a date line the title is only recognisable by the funder line that follows it.
  const titleFollowedByFunder = units[i + 1] !== undefined && matchFunderLine(units[i + 1]!.text) !== undefined;
  if (titleUnit && looksLikeTitle(titleUnit.text) && labelKey(titleUnit.text) === undefined && (draft.date !== undefined || titleFollowedByFunder)) {
    draft.title = { text: titleUnit.text, line: titleUnit.line };
    i++;
  }
  for (let u = units[i]; u; u = units[i]) {
    const funder = matchFunderLine(u.text);
    if (!funder) break;
    draft.funderLines.push({ text: funder.list, line: u.line });
    i++;
  }
  return i;
}
