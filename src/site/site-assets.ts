import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The files the site ships as they are: its stylesheet and scripts, and the citation style. */
export interface SiteAssets {
  /** Site-relative path → text. */
  files: { path: string; content: string }[];
  /** The CSL style the citations are rendered with. */
  chicagoCsl: string;
}

// assets/ sits at the package root, two levels above both src/site/ and dist/site/.
const ASSETS = new URL('../../assets/', import.meta.url);

function read(relative: string): string {
  return readFileSync(fileURLToPath(new URL(relative, ASSETS)), 'utf8');
}

/** Reads the shipped assets (the I/O edge of the site stage). */
export function readSiteAssets(): SiteAssets {
  return {
    files: ['site.css', 'site.js', 'search.js'].map((name) => ({ path: `assets/${name}`, content: read(`site/${name}`) })),
    chicagoCsl: read('csl/chicago-notes-bibliography-archival.csl'),
  };
}
