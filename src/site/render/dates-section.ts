import type { Cable } from '../../model/cable.js';
import type { DateOrigin, DateValue } from '../../model/dates.js';
import { collectDates } from '../../model/collect-dates.js';
import { html, type Html } from '../html.js';

const ORIGIN_LABELS: Record<DateOrigin, string> = {
  catalogue: 'catalogue',
  uploaded: 'uploaded to the archive',
  title: 'in the title',
  citation: 'in the citation',
  text: 'in the text',
  closer: 'dateline',
  meeting: 'meeting header',
  heading: 'heading',
};

function iso(d: DateValue): string | undefined {
  return d.when ?? (d.notBefore !== undefined || d.notAfter !== undefined ? `${d.notBefore ?? '…'}/${d.notAfter ?? '…'}` : undefined);
}

/** Two ISO values agree when one is a prefix of the other ("1965-12" and "1965-12-24"). */
function agree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Dates of the text that could be the document's own date (the dateline's, else any dated one)
 * when none of them agrees with the catalogue date: the disagreement the page must show.
 */
export function disagreeingDates(cable: Cable): DateValue[] {
  const catalogue = cable.catalogueDate?.when;
  if (catalogue === undefined) return [];
  const inText = collectDates({ body: cable.body }).filter((d) => /^-?\d{4}/.test(d.when ?? ''));
  const closer = inText.filter((d) => d.origin === 'closer');
  const candidates = closer.length > 0 ? closer : inText;
  return candidates.some((d) => agree(catalogue, d.when!)) ? [] : candidates;
}

function dateItem(d: DateValue, disagrees: boolean): Html {
  const value = iso(d);
  return html`<li${disagrees ? html` class="date-disagrees"` : ''}><span class="date-verbatim">${d.verbatim}</span> <span class="date-origin">(${ORIGIN_LABELS[d.origin]}${
    value !== undefined ? html`, <span class="iso">${value}</span>` : ''
  })</span>${d.inferred ? html` <span class="inferred">— ${d.inferred}</span>` : ''}${disagrees ? html` <strong class="flag">differs from the catalogue date</strong>` : ''}</li>`;
}

export function renderDatesSection(cable: Cable): Html {
  const disagreeing = new Set(disagreeingDates(cable));
  const dates = collectDates(cable);
  return html`<section class="dates" aria-labelledby="dates-heading"><h2 id="dates-heading">Dates</h2>${
    dates.length === 0 ? html`<p>The document carries no date.</p>` : html`<ul class="date-list">${dates.map((d) => dateItem(d, disagreeing.has(d)))}</ul>`
  }${
    disagreeing.size > 0
      ? html`<p class="disagreement" role="note">The catalogue date and the date${disagreeing.size > 1 ? 's' : ''} in the text disagree; both are kept as the sources give them.</p>`
      : ''
  }</section>`;
}
