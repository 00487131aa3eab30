// The few parts of Citation.js the site uses (the packages ship no type declarations).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): string;
    data: Record<string, unknown>[];
  }
  export const plugins: {
    config: { get(name: '@csl'): { styles: { add(name: string, xml: string): void; has(name: string): boolean } } };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
