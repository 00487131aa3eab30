import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl-item.js';

export const CHICAGO_TEMPLATE = 'cablekit-chicago-nb';

/** Registers the vendored Chicago style with Citation.js (once; the style text is read by the caller). */
export function registerChicagoStyle(cslXml: string): void {
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(CHICAGO_TEMPLATE)) styles.add(CHICAGO_TEMPLATE, cslXml);
}

export interface FormattedCitation {
  /** The note form (first full note) as HTML made by citeproc. */
  noteHtml: string;
  /** The bibliography entry as HTML made by citeproc. */
  bibliographyHtml: string;
}

/** Chicago notes-bibliography forms of one item; the style must have been registered. */
export function formatChicago(item: CslItem): FormattedCitation {
  const cite = new Cite([item]);
  const options = { template: CHICAGO_TEMPLATE, lang: 'en-US', format: 'html' };
  return {
    noteHtml: cite.format('citation', options),
    bibliographyHtml: cite.format('bibliography', options),
  };
}

/** CSL-JSON, BibTeX and RIS of a list of items (one document, or the whole edition). */
export function exportCitations(items: readonly CslItem[]): { csl: string; bibtex: string; ris: string } {
  const cite = new Cite(items);
  return {
    csl: `${JSON.stringify(items, null, 2)}\n`,
    bibtex: cite.format('bibtex', { format: 'text' }),
    ris: unwrapRis(cite.format('ris', { format: 'text' })),
  };
}

/**
 * Citation.js breaks RIS values every 70 characters, which splits URLs and titles for the
 * importers that read one tag per line (its own parser included). The breaks are only inserted
 * newlines, so joining every line that is not a tag line back onto the previous one undoes them.
 */
export function unwrapRis(ris: string): string {
  return ris.replace(/\n(?![A-Z][A-Z0-9]  - |$)/g, '');
}
