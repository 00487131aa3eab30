import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import type { ElementIndex } from '../../xml/element-index.js';
import { attr, firstChild, textContent, type XElement } from '../../xml/xml-tree.js';
import { checkDatePlausibility, intervalInOrder, isoAgree } from './date-plausibility.js';

/** The catalogue date is typed by where it was found: the date line, the citation or the title. */
const CATALOGUE_TYPES = new Set(['catalogue', 'citation', 'title']);

function at(e: XElement): { line?: number } {
  return e.line !== undefined ? { line: e.line } : {};
}

/**
 * Each date's text against its value, intervals in order, and the catalogue date against the
 * dates of the document itself (a warning: both are kept, the reader should know they differ).
 */
export function checkDates(tei: XElement, index: ElementIndex, bag: DiagnosticBag): void {
  const header = firstChild(tei, 'teiHeader');
  const text = firstChild(tei, 'text');
  const dates = index.named('date');
  for (const e of dates) {
    const notBefore = attr(e, 'notBefore');
    const notAfter = attr(e, 'notAfter');
    if (notBefore !== undefined && notAfter !== undefined && !intervalInOrder(notBefore, notAfter)) {
      bag.error('tei/date-interval', `notBefore="${notBefore}" is after notAfter="${notAfter}".`, at(e));
    }
    const when = attr(e, 'when');
    if (when === undefined) continue;
    const problem = checkDatePlausibility(textContent(e), when, attr(e, 'ana') !== undefined);
    if (problem) bag.warn(problem.code, problem.message, at(e));
  }

  // Document order: the header (and standOff) come before the text.
  const textStart = text ? index.order(text) : Number.POSITIVE_INFINITY;
  const inHeader = (d: XElement) => header !== undefined && index.order(d) < textStart;
  const catalogue = dates.find((d) => inHeader(d) && CATALOGUE_TYPES.has(attr(d, 'type') ?? ''));
  const catalogueWhen = catalogue ? attr(catalogue, 'when') : undefined;
  if (!catalogue || catalogueWhen === undefined || !text) return;
  // Times of day alone ("17:00:00") say nothing about the day.
  const textDates = dates.filter((d) => index.order(d) > textStart && /^-?\d{4}/.test(attr(d, 'when') ?? ''));
  // The document's own date is the closer's; without one, any date of the text may be it.
  const closerDates = textDates.filter((d) => attr(d, 'type') === 'closer');
  const candidates = closerDates.length > 0 ? closerDates : textDates;
  if (candidates.length === 0) return;
  if (candidates.some((d) => isoAgree(catalogueWhen, attr(d, 'when')!))) return;
  const listed = candidates.map((d) => `${attr(d, 'when')} (line ${d.line ?? '?'})`).join(', ');
  bag.warn('tei/catalogue-date-disagreement', `The catalogue date ${catalogueWhen} differs from the date${candidates.length > 1 ? 's' : ''} in the text: ${listed}. Both are kept.`, {
    ...at(catalogue),
    hint: 'Check the archive catalogue; the text is usually right about its own date.',
  });
}
