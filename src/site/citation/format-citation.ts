import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { TextPieces } from '../text-pieces.js';
import type { CslItem } from './csl-item.js';

export const CHICAGO_TEMPLATE = 'cablekit-chicago-nb';
export const CHICAGO_LOCALE = 'en-US';

/**
 * The style as `formatChicago` renders with it: the same, without its `<sort>` elements. The
 * site renders one item a cluster and one entry a bibliography, which no sort can reorder, yet
 * citeproc-js computes every item's bibliography sort keys when it registers the item (about a
 * tenth of its work a citation). Registered beside the full style, which stays what Citation.js
 * users and the cache key see.
 */
const ONE_ITEM_TEMPLATE = `${CHICAGO_TEMPLATE}-one-item`;

let registeredStyle: string | undefined;

/** Registers the vendored Chicago style with Citation.js (once; the style text is read by the caller). */
export function registerChicagoStyle(cslXml: string): void {
  const styles = plugins.config.get('@csl').styles;
  registeredStyle ??= cslXml;
  if (!styles.has(CHICAGO_TEMPLATE)) styles.add(CHICAGO_TEMPLATE, registeredStyle);
  if (!styles.has(ONE_ITEM_TEMPLATE)) styles.add(ONE_ITEM_TEMPLATE, registeredStyle.replace(/<sort\b[\s\S]*?<\/sort>/g, ''));
}

/** The text of the style citations are rendered with (what this process registered first). */
export function registeredStyleText(): string | undefined {
  return registeredStyle;
}

export interface FormattedCitation {
  /** The note form (first full note) as HTML made by citeproc. */
  noteHtml: string;
  /** The bibliography entry as HTML made by citeproc. */
  bibliographyHtml: string;
}

/**
 * Chicago notes-bibliography forms of one item; the style must have been registered.
 *
 * Rendered by citeproc-js through the engine Citation.js keeps per style (its `@csl` engine
 * helper), called directly: `Cite#format('citation')` rebuilds the processor's whole citation
 * state for every call, which made the note cost twice the bibliography. The output is the
 * same markup Citation.js gives with the full style (tests/site/citation.test.ts compares the two).
 */
export function formatChicago(item: CslItem): FormattedCitation {
  const engine = plugins.config.get('@csl').engine([item], ONE_ITEM_TEMPLATE, CHICAGO_LOCALE, 'html');
  engine.updateItems([item.id]);
  const [{ bibstart, bibend }, entries] = engine.makeBibliography();
  // As Citation.js marks each entry: its item id on the entry's first element.
  const marked = entries.map((entry) => entry.replace(/^\s*<[a-z]+/i, (tag) => `${tag} data-csl-entry-id="${item.id}"`));
  return {
    noteHtml: engine.makeCitationCluster([{ id: item.id }]),
    bibliographyHtml: bibstart + marked.join('') + bibend,
  };
}

/** The CSL-JSON download of a list of items (one document, or the whole edition). */
export function cslExport(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/**
 * CSL-JSON, BibTeX and RIS of a list of items (one document, or the whole edition).
 *
 * Citation.js's output plugins are called directly with the items cleaned once, as `Cite#format`
 * does it (`format(name, clean(data))`): a `Cite` would first deep-copy the items and run its
 * input chain over them, half of what the two exports cost a document, to give the same data
 * (tests/site/citation.test.ts compares the two).
 */
export function exportCitations(items: readonly CslItem[]): { csl: string; bibtex: string; ris: string } {
  const data = plugins.input.util.clean(items);
  return {
    csl: cslExport(items),
    bibtex: plugins.output.format('bibtex', data, { format: 'text' }),
    ris: unwrapRis(plugins.output.format('ris', data, { format: 'text' })),
  };
}

/**
 * The edition's downloads from each document's own: byte for byte what `exportCitations` gives
 * for all the items at once (Citation.js ends each BibTeX entry with a blank line and the list
 * with one more newline, and puts one newline between RIS records; tests/site/citation.test.ts
 * checks it), without running Citation.js over the whole edition when one document changed. Each
 * file is joined once from the documents' texts (`TextPieces`): the three are over 16 MB at
 * 10,000 documents.
 */
export function joinExports(documents: readonly { cslJson: string; bibtex: string; ris: string }[]): { csl: string; bibtex: string; ris: string } {
  const csl = new TextPieces();
  const bibtex = new TextPieces();
  const ris = new TextPieces();
  if (documents.length === 0) csl.push(cslExport([]));
  else {
    // Each document's CSL-JSON is its item in an array of one, at the indentation the item has in
    // any array: the items' text is joined, not serialized again.
    csl.push('[\n');
    documents.forEach((d, i) => csl.push(i === 0 ? '' : ',\n', d.cslJson.slice(2, -3)));
    csl.push('\n]\n');
  }
  documents.forEach((d, i) => {
    bibtex.push(d.bibtex.endsWith('\n') ? d.bibtex.slice(0, -1) : d.bibtex);
    ris.push(i === 0 ? '' : '\n', d.ris);
  });
  bibtex.push('\n');
  return { csl: csl.text(), bibtex: bibtex.text(), ris: ris.text() };
}

/**
 * Citation.js breaks RIS values every 70 characters, which splits URLs and titles for the
 * importers that read one tag per line (its own parser included). The breaks are only inserted
 * newlines, so joining every line that is not a tag line back onto the previous one undoes them.
 */
export function unwrapRis(ris: string): string {
  return ris.replace(/\n(?![A-Z][A-Z0-9]  - |$)/g, '');
}
