import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { corpus } from './corpus.js';
import { buildProject, projectConfig } from './http-support.js';
import { errorCodes, identifiers, resumptionToken, tempDir } from './support.js';

describe('a restarted server', () => {
  it('accepts the resumption tokens of the previous process and gives the same page', async () => {
    const root = tempDir('cablekit-restart-');
    await buildProject(root, corpus(9), new Date('2026-01-10T09:00:00Z'));
    const first = await startServer({ config: projectConfig, root, pageSize: 4 });
    let token = '';
    let expected: string[] = [];
    try {
      const page1 = await (await fetch(`${first.url}/oai?verb=ListRecords&metadataPrefix=oai_dc`)).text();
      token = resumptionToken(page1)?.token ?? '';
      expected = identifiers(await (await fetch(`${first.url}/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`)).text());
    } finally {
      await first.close();
    }
    const second = await startServer({ config: projectConfig, root, pageSize: 4 });
    try {
      const page2 = await (await fetch(`${second.url}/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`)).text();
      expect(errorCodes(page2)).toEqual([]);
      expect(identifiers(page2)).toEqual(expected);
      expect(expected).toHaveLength(4);
    } finally {
      await second.close();
    }
  });
});
