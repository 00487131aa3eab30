import { generateSpec, renderPage, SeededRandom, SYNTHETIC_LAYOUTS } from './corpus/index.js';

export interface SyntheticPage {
  /** File name the page would have in a sources folder: "<layout>/<n>.txt". */
  path: string;
  text: string;
}

/**
 * A deterministic corpus of invented pages spread evenly over the four layouts (record export,
 * current site, flat mirror, old site), with varied header fields, contributors, funders,
 * archive references and body features. Same count and seed, same pages.
 */
export function generateSyntheticPages(count: number, seed: number): SyntheticPage[] {
  const random = new SeededRandom(seed);
  const pages: SyntheticPage[] = [];
  for (let i = 0; i < count; i++) {
    const layout = SYNTHETIC_LAYOUTS[i % SYNTHETIC_LAYOUTS.length] ?? 'record-export';
    const spec = generateSpec(random, i);
    pages.push({ path: `${layout}/${String(i).padStart(6, '0')}.txt`, text: renderPage(layout, spec, random) });
  }
  return pages;
}
