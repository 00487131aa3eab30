import type { CablekitConfig } from '../../src/config/config.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { Cable } from '../../src/model/cable.js';

/** Hand-built cables shaped like the seeds, so the IIIF tests do not depend on ingest or TEI. */
export function jiaoRuoyuCable(): Cable {
  return {
    id: 'wilson-118686',
    idSource: 'record-id',
    source: { path: 'sources/000_8b1b759c36f2ea61.txt', sha256: '0'.repeat(64), layout: 'record-export' },
    recordId: '118686',
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
        archiveName: 'Foreign Ministry Archives of the People’s Republic of China',
        units: [{ type: 'file', value: '106-01480-05' }],
        pages: { verbatim: '46-49', from: '46', to: '49' },
      },
    ],
    contributors: [{ role: 'translator', name: 'Charles Kraus' }],
    funders: ['MacArthur Foundation'],
    summary: "Kim Il discusses Sino-North Korean relations, the situation in South Korea, and Japan's position in East Asia with Chinese Ambassador Jiao Ruoyu.",
    originalLanguage: { label: 'Chinese', code: 'zh' },
    translationLanguage: { label: 'Translation - English', code: 'en' },
    rights: [],
    entities: [
      { id: 'pers-jiao-ruoyu', kind: 'person', name: 'Jiao Ruoyu', aliases: [] },
      { id: 'place-pyongyang', kind: 'place', name: 'Pyongyang', aliases: [] },
      { id: 'place-atlantis', kind: 'place', name: 'Atlantis', aliases: [] },
    ],
    senders: [{ ref: 'pers-jiao-ruoyu' }],
    addressees: [],
    participants: [],
    extraFields: [],
    body: [
      { kind: 'heading', content: [{ kind: 'text', text: 'On the Situation of Calling on Vice Premier Kim Il' }] },
      {
        kind: 'salute',
        content: [
          { kind: 'supplied', text: 'To the', delimiter: 'square' },
          { kind: 'text', text: ' Ministry of Foreign Affairs and the International Liaison Department:' },
        ],
      },
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'On the afternoon of ' },
          {
            kind: 'date',
            content: [{ kind: 'text', text: '24 December ' }, { kind: 'supplied', text: '1965', delimiter: 'square' }],
            value: { verbatim: '24 December [1965]', when: '1965-12-24', precision: 'day', origin: 'text', inferred: 'year supplied by the translator' },
          },
          { kind: 'text', text: ', I met with Vice Premier Kim Il in ' },
          { kind: 'mention', entityKind: 'place', ref: 'place-pyongyang', content: [{ kind: 'text', text: 'Pyongyang' }] },
          { kind: 'text', text: ' & reported <what> he said.' },
        ],
      },
    ],
  };
}

export function conversationCable(): Cable {
  const base = jiaoRuoyuCable();
  return {
    ...base,
    id: 'record-of-conversation-1965-10-29',
    idSource: 'slug',
    recordId: undefined,
    urls: [],
    title: 'Record of Conversation between Kim Il Sung and the Chinese Delegation',
    documentType: 'Record of Conversation',
    catalogueDate: { verbatim: 'October 29, 1965', when: '1965-10-29', precision: 'day', origin: 'catalogue' },
    citation: undefined,
    archiveReferences: [],
    contributors: [],
    summary: undefined,
    entities: [],
    senders: [],
    body: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Premier Kim Il Sung met with the members of the delegation.' }] }],
  };
}

export function testConfig(overrides: Partial<CablekitConfig> = {}): CablekitConfig {
  return {
    ...DEFAULT_CONFIG,
    baseUrl: 'http://127.0.0.1:8080',
    provider: { name: 'cablekit sample edition', homepage: 'http://127.0.0.1:8080/' },
    ...overrides,
  };
}
