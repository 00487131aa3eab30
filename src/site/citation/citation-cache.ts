import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { CslItem } from './csl-item.js';
import { CHICAGO_LOCALE, exportCitations, formatChicago, registeredStyleText, type FormattedCitation } from './format-citation.js';

/**
 * A document's Chicago note and bibliography entry as citeproc-js rendered them, with the key of
 * what they were rendered from. The build keeps it in the document's edition entry
 * (`.cablekit/build-cache.sqlite`, with the BibTeX and RIS the same key covers), and the next
 * derivation of the document reuses all three when the key is the same: a document whose citation
 * did not change never calls citeproc or Citation.js again (they were over half a page's cost).
 */
export interface KeptCitation extends FormattedCitation {
  /** sha256 over the CSL item and everything else the outputs depend on (see `citationKey`). */
  key: string;
}

/** A document's rendered citations: the Chicago forms and the BibTeX and RIS downloads. */
export interface RenderedCitations {
  citation: KeptCitation;
  bibtex: string;
  ris: string;
}

const require = createRequire(import.meta.url);
const version = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

const LIBRARIES = ['citeproc', '@citation-js/core', '@citation-js/plugin-csl', '@citation-js/plugin-bibtex', '@citation-js/plugin-ris'];

/**
 * What citations depend on besides the item: the style's text, the locale, and the versions of
 * citeproc-js and of the Citation.js packages that render and export (an upgrade renders anew).
 */
let engineKey: { style: string; key: string } | undefined;
function engineKeyOf(style: string): string {
  if (engineKey?.style !== style) {
    const key = JSON.stringify([createHash('sha256').update(style).digest('hex'), CHICAGO_LOCALE, LIBRARIES.map((name) => `${name}@${version(name)}`)]);
    engineKey = { style, key };
  }
  return engineKey.key;
}

/** The cache key of an item's citations; the style must have been registered. */
export function citationKey(item: CslItem): string {
  const style = registeredStyleText();
  if (style === undefined) throw new Error('the citation style is not registered');
  return createHash('sha256').update(engineKeyOf(style)).update('\n').update(JSON.stringify(item)).digest('hex');
}

/** Last run's entry is used only when it has the shape this version writes (anything else renders afresh). */
function keptUnder(key: string, kept: unknown): RenderedCitations | undefined {
  if (typeof kept !== 'object' || kept === null) return undefined;
  const { citation, bibtex, ris } = kept as { citation?: Partial<KeptCitation>; bibtex?: unknown; ris?: unknown };
  if (citation?.key !== key || typeof citation.noteHtml !== 'string' || typeof citation.bibliographyHtml !== 'string') return undefined;
  if (typeof bibtex !== 'string' || typeof ris !== 'string') return undefined;
  return { citation: { key, noteHtml: citation.noteHtml, bibliographyHtml: citation.bibliographyHtml }, bibtex, ris };
}

/**
 * The item's citations: taken from `kept` (the document's entry of the last run, as the build kept
 * it) when they were rendered from the same key, else rendered now with citeproc-js and Citation.js.
 */
export function renderCitations(item: CslItem, kept?: unknown): RenderedCitations {
  const key = citationKey(item);
  const reused = keptUnder(key, kept);
  if (reused !== undefined) return reused;
  const { noteHtml, bibliographyHtml } = formatChicago(item);
  const { bibtex, ris } = exportCitations([item]);
  return { citation: { key, noteHtml, bibliographyHtml }, bibtex, ris };
}
