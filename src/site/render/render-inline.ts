import type { Delimiter, Inline } from '../../model/inline.js';
import { html, join, type Html } from '../html.js';

/**
 * Inline text to HTML. Every character the source showed is rendered as text, and nothing else
 * is: the delimiters of editorial interventions sit in `.dl` spans (hidden in the reading view,
 * shown in the "as written" view), so the page's text in that view is the translator's text.
 * Each intervention is an `.ed` span with its own class, which the stylesheet and legend tell apart.
 */
const OPEN: Record<Delimiter, string> = { square: '[', 'double-square': '[[', round: '(', 'square-open': '[', none: '' };
const CLOSE: Record<Delimiter, string> = { square: ']', 'double-square': ']]', round: ')', 'square-open': '', none: '' };

function delimited(delimiter: Delimiter, classes: string, inner: Html | string, label?: string): Html {
  const open = OPEN[delimiter];
  const close = CLOSE[delimiter];
  return html`<span class="${classes}"${label ? html` data-label="${label}"` : ''}>${open ? html`<span class="dl">${open}</span>` : ''}${inner}${
    close ? html`<span class="dl">${close}</span>` : ''
  }</span>`;
}

/** A value HTML's `datetime` attribute accepts (year, month, date, local date-time). */
const DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$/;

export function renderInline(segments: readonly Inline[]): Html {
  return join(segments.map(renderSegment));
}

function renderSegment(s: Inline): Html {
  switch (s.kind) {
    case 'text':
      return html`${s.text}`;
    case 'supplied':
      return delimited(s.delimiter, 'ed ed-supplied', s.text, 'supplied');
    case 'gloss':
      return delimited(s.delimiter, `ed ed-gloss ed-gloss-${s.glossType}`, renderInline(s.content), 'gloss');
    case 'sic':
      return delimited(s.delimiter, 'ed ed-sic', s.marker, 'sic');
    case 'gap':
      return delimited(s.delimiter, `ed ed-gap${s.reason ? ` ed-gap-${s.reason}` : ''}`, s.text, 'gap');
    case 'unclear':
      return delimited(s.delimiter, 'ed ed-unclear', s.text, 'unclear');
    case 'editorial':
      return delimited(s.delimiter, `ed ed-editorial ed-editorial-${s.editorialType}`, s.text, 'editorial');
    case 'stamp':
      return delimited(s.delimiter, `ed ed-stamp ed-stamp-${s.stampType}`, html`<span class="stamp-label">${s.label}</span>${renderInline(s.content)}`, s.stampType);
    case 'translatorNote':
      return delimited(s.delimiter, 'ed ed-tnote', renderInline(s.content), "translator's note");
    case 'quote':
      return html`<span class="quote">${s.open}${renderInline(s.content)}${s.close}</span>`;
    case 'date': {
      const when = s.value.when;
      return when !== undefined && DATETIME.test(when)
        ? html`<time datetime="${when}">${renderInline(s.content)}</time>`
        : html`<span class="date">${renderInline(s.content)}</span>`;
    }
    case 'mention':
      return html`<span class="mention mention-${s.entityKind}">${renderInline(s.content)}</span>`;
    case 'noteRef': {
      const marker =
        s.style === 'square'
          ? html`<span class="dl">[</span>${s.n}<span class="dl">]</span>`
          : s.style === 'round'
            ? html`<span class="dl">(</span>${s.n}<span class="dl">)</span>`
            : html`${s.n}`;
      return s.target !== undefined ? html`<sup class="noteref"><a href="#note-${s.target}">${marker}</a></sup>` : html`<sup class="noteref">${marker}</sup>`;
    }
    case 'pageBreak':
      return delimited(s.delimiter, 'pb', s.text);
    case 'lineBreak':
      return html`<br>`;
  }
}
