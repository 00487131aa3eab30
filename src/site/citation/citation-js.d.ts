// The few parts of Citation.js the site uses (the packages ship no type declarations).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    format(format: string, options?: Record<string, unknown>): string;
    data: Record<string, unknown>[];
  }
  /** The few calls of citeproc-js's CSL.Engine the site makes. */
  export interface CiteprocEngine {
    updateItems(ids: readonly string[]): string[];
    makeBibliography(): [{ bibstart: string; bibend: string }, string[]];
    makeCitationCluster(items: readonly { id: string }[]): string;
  }
  export const plugins: {
    input: {
      /** Citation.js's cleaning of CSL-JSON (a new, corrected copy: the items given are not changed). */
      util: { clean(data: readonly unknown[]): unknown[] };
    };
    /** An output plugin's formatting of clean CSL-JSON, as `Cite#format` calls it. */
    output: { format(name: string, data: readonly unknown[], options?: Record<string, unknown>): string };
    config: {
      get(name: '@csl'): {
        styles: { add(name: string, xml: string): void; has(name: string): boolean };
        /** The citeproc-js engine Citation.js keeps per style and locale, set to serve `items`. */
        engine(items: readonly unknown[], style: string, lang: string, format: string): CiteprocEngine;
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
