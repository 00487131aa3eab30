import type { DcFields } from './dc-fields.js';

/**
 * Text a scraper left in place of what the page showed: Cloudflare replaces e-mail addresses with
 * "[email protected]" (and a /cdn-cgi/l/email-protection link) unless the page runs its script.
 * Such text is kept verbatim (nothing is invented) but reported, so a person can restore it.
 */
const ARTEFACTS: { name: string; pattern: RegExp }[] = [
  { name: 'Cloudflare e-mail protection placeholder', pattern: /\[email\s*(?:&#160;|\u00a0)?\s*protected\]/i },
  { name: 'Cloudflare e-mail protection link', pattern: /\/cdn-cgi\/l\/email-protection/i },
];

export interface ScrapeArtefact {
  /** The DC field that holds it ("rights", "abstract", …). */
  field: string;
  name: string;
  excerpt: string;
}

function excerpt(text: string, index: number): string {
  const start = Math.max(0, index - 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, index + 40)}${index + 40 < text.length ? '…' : ''}`;
}

/** Every scrape artefact in the free-text DC values of one record. */
export function findScrapeArtefacts(f: DcFields): ScrapeArtefact[] {
  const texts: [string, string | undefined][] = [
    ['title', f.title],
    ['abstract', f.abstract],
    ['citation', f.citation],
    ...f.rightsTexts.map((r): [string, string] => ['rights', r]),
    ...f.sources.map((s): [string, string] => ['source', s]),
    ...f.contributors.map((c): [string, string] => ['contributor', c]),
    ...f.creators.map((c): [string, string] => ['creator', c]),
  ];
  const found: ScrapeArtefact[] = [];
  for (const [field, text] of texts) {
    if (text === undefined) continue;
    for (const { name, pattern } of ARTEFACTS) {
      const m = pattern.exec(text);
      if (m) found.push({ field, name, excerpt: excerpt(text, m.index) });
    }
  }
  return found;
}
