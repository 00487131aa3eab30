import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cable } from '../../src/model/cable.js';
import { siteSettings, type SiteSettings } from '../../src/site/index.js';
import { decodeTei } from '../../src/tei/index.js';

const TEI_DIR = fileURLToPath(new URL('../../tei/', import.meta.url));

/** The committed seed TEI files, decoded as the build decodes them: what the site is made from. */
export function decodedSeeds(): Cable[] {
  return readdirSync(TEI_DIR)
    .filter((n) => n.endsWith('.xml'))
    .sort()
    .map((n) => {
      const { cable, diagnostics } = decodeTei(readFileSync(join(TEI_DIR, n), 'utf8'), `tei/${n}`);
      if (!cable) throw new Error(`tei/${n} did not decode: ${diagnostics.map((d) => d.message).join('; ')}`);
      return cable;
    });
}

export function testSettings(over: Partial<SiteSettings> = {}): SiteSettings {
  return {
    ...siteSettings({
      baseUrl: 'https://edition.example.org/pub',
      collectionName: 'Test edition',
      publisher: 'Test publisher',
      rightsUri: 'http://rightsstatements.org/vocab/InC-EDU/1.0/',
    }),
    ...over,
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Text of an HTML fragment: tags dropped, block ends as spaces, entities decoded. */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<span class="[^"]*site-note[^"]*">[^<]*<\/span>/g, '')
    .replace(/<br>|<\/(p|li|h3|div|dd|dt)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);
}

/** The content of every `<meta name=… content=…>` of a page, by name. */
export function metaTags(page: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of page.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)) {
    const list = out.get(m[1]!) ?? [];
    list.push(textOf(m[2]!));
    out.set(m[1]!, list);
  }
  return out;
}

export function jsonLdOf(page: string): Record<string, any> {
  const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page);
  if (!m) throw new Error('no JSON-LD on the page');
  return JSON.parse(m[1]!) as Record<string, any>;
}
