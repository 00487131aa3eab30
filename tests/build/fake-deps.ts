import type { BuildDeps } from '../../src/pipeline/index.js';
import type { DerivedStage } from '../../src/stage/index.js';
import type { Cable } from '../../src/model/cable.js';
import { emptyCable } from '../../src/model/empty-cable.js';

/**
 * Stand-ins for ingest and TEI, small enough to reason about, used to exercise the pipeline's own
 * logic (hand-edit protection, byte stability, isolation of failures). Pages look like
 * "id: <id>\n<body>"; a page containing "CRASH" makes the fake ingest throw, one without an id
 * line yields an error and no cable.
 */
export function fakeCable(id: string, body: string, path: string): Cable {
  return { ...emptyCable(id, { path, sha256: '', layout: 'unknown' }), title: body };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function fakeDeps(stages: DerivedStage[] = []): BuildDeps {
  return {
    ingest(bytes, path) {
      const text = Buffer.from(bytes).toString('utf8');
      if (text.includes('CRASH')) throw new Error('fake ingest crashed');
      const match = /^id: (\S+)\n([\s\S]*)$/.exec(text);
      if (!match) return { diagnostics: [{ code: 'ingest/not-a-page', severity: 'error', message: 'not a page', file: path }] };
      const diagnostics = text.includes('WARN')
        ? [{ code: 'ingest/fake-warning', severity: 'warning' as const, message: 'a warning', file: path }]
        : [];
      return { cable: fakeCable(match[1] as string, (match[2] as string).trim(), path), diagnostics };
    },
    encodeTei(cable, _config, { when }) {
      return `<TEI>\n  <change when="${when}"/>\n  <id>${cable.id}</id>\n  <title>${escape(cable.title ?? '')}</title>\n</TEI>\n`;
    },
    decodeTei(xml, file) {
      const id = /<id>([^<]*)<\/id>/.exec(xml)?.[1];
      const title = /<title>([^<]*)<\/title>/.exec(xml)?.[1];
      if (!id) return { diagnostics: [{ code: 'tei/bad', severity: 'error', message: 'no id', ...(file ? { file } : {}) }] };
      return { cable: fakeCable(id, title ?? '', file ?? ''), diagnostics: [] };
    },
    stages,
    maxPageBytes: 1000,
  };
}

/** A derived stage writing one file per cable plus a collection index. */
export const listingStage: DerivedStage<string> = {
  name: 'listing',
  document({ cable }) {
    return { files: [{ path: `listing/${cable.id}.txt`, content: `${cable.title ?? ''}\n` }], diagnostics: [], summary: cable.id };
  },
  corpus(ids) {
    return { files: [{ path: 'listing/index.txt', content: ids.join('\n') + '\n' }], diagnostics: [] };
  },
};
