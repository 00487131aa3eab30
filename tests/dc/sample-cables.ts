import type { CablekitConfig } from '../../src/config/config.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { emptyCable, type Cable } from '../../src/model/index.js';

/** Test config: the defaults with a recognisable base URL and publisher. */
export const testConfig: CablekitConfig = {
  ...DEFAULT_CONFIG,
  baseUrl: 'https://edition.example.org',
  publisher: 'Example Edition Publisher',
  collectionName: 'Example cables',
  oai: { repositoryIdentifier: 'edition.example.org', adminEmail: 'editor@edition.example.org' },
};

/** Seed 000 (Wilson Center document 118686) as the TEI decoder would give it back, by hand. */
export function cable118686(): Cable {
  return {
    id: 'doc-118686',
    idSource: 'url',
    source: { path: 'sources/000_8b1b759c36f2ea61.txt', sha256: 'a'.repeat(64), layout: 'flat-mirror' },
    urls: ['https://wilson-center-digital-archive.dvincitest.com/document/118686'],
    title: "Cable from Chinese Ambassador in North Korea Jiao Ruoyu, 'On the Situation of Calling on Vice Premier Kim Il'",
    documentType: 'Cable',
    catalogueDate: { verbatim: 'December 15, 1965', when: '1965-12-15', precision: 'day', origin: 'catalogue' },
    citation:
      "\"Cable from Chinese Ambassador in North Korea Jiao Ruoyu, 'On the Situation of Calling on Vice Premier Kim Il'\", December 15, 1965, Wilson Center Digital Archive, PRC FMA 106-01480-05, 46-49. Translated by Charles Kraus.",
    archiveReferences: [
      {
        verbatim: 'PRC FMA 106-01480-05, 46-49',
        archive: 'PRC FMA',
        archiveName: 'Archive of the Ministry of Foreign Affairs of the People\'s Republic of China',
        units: [{ type: 'file', value: '106-01480-05' }],
        pages: { verbatim: '46-49', from: '46', to: '49' },
      },
    ],
    contributors: [{ role: 'translator', name: 'Charles Kraus' }],
    funders: ['MacArthur Foundation'],
    summary:
      "Kim Il discusses Sino-North Korean relations, the situation in South Korea, and Japan's position in East Asia with Chinese Ambassador Jiao Ruoyu.",
    originalLanguage: { label: 'Chinese', code: 'zh' },
    translationLanguage: { label: 'Translation - English', code: 'en' },
    rights: [],
    entities: [
      { id: 'pers-jiao-ruoyu', kind: 'person', name: 'Jiao Ruoyu', aliases: [] },
      { id: 'pers-kim-il', kind: 'person', name: 'Kim Il', aliases: [] },
      { id: 'place-korea', kind: 'place', name: 'Korea', aliases: [], coordinates: { lat: 39.03, lon: 125.75 } },
    ],
    senders: [{ ref: 'pers-jiao-ruoyu' }],
    addressees: [],
    participants: [],
    extraFields: [],
    body: [
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'On the afternoon of ' },
          {
            kind: 'date',
            content: [{ kind: 'text', text: '24 December ' }, { kind: 'supplied', text: '1965', delimiter: 'square' }],
            value: { verbatim: '24 December [1965]', when: '1965-12-24', precision: 'day', origin: 'text' },
          },
          { kind: 'text', text: ', I met with Vice Premier ' },
          { kind: 'mention', entityKind: 'person', ref: 'pers-kim-il', content: [{ kind: 'text', text: 'Kim Il' }] },
          { kind: 'text', text: ' in ' },
          { kind: 'mention', entityKind: 'place', ref: 'place-korea', content: [{ kind: 'text', text: 'Korea' }] },
          { kind: 'text', text: '.' },
        ],
      },
    ],
  };
}

/** A cable with as little as the model allows: nothing may be invented for the missing fields. */
export function minimalCable(id = 'doc-min'): Cable {
  return {
    ...emptyCable(id, { path: `sources/${id}.txt`, sha256: 'b'.repeat(64), layout: 'unknown' }),
    body: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Text & <markup> "quoted" \u0007 bell.' }] }],
  };
}
