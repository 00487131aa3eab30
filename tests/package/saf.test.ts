import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, packagedEdition } from './package-harness.js';
import { readSafBatch, unzipAll, type SafItem } from './saf-reader.js';

const IDS = ['prc-fma-106-01479-08-85-88', 'wilson-118686'];
const COLLECTION = '123456789/2';

/** The elements of a flat DC record (oai_dc or the qualified DC) as [element, value, language]. */
function dcRecord(file: string): [string, string, string | undefined][] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false, preserveOrder: true });
  const tree = parser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  const root = tree.find((n) => Object.keys(n).some((k) => !k.startsWith('?') && k !== ':@')) as Record<string, unknown>;
  const children = root[Object.keys(root).find((k) => k !== ':@') as string] as Record<string, unknown>[];
  return children.flatMap((child) => {
    const name = Object.keys(child).find((k) => k !== ':@');
    if (!name || name === '#text') return [];
    const text = (child[name] as { '#text'?: string }[]).map((t) => t['#text'] ?? '').join('');
    return [[name.split(':')[1] as string, text, (child[':@'] as Record<string, string> | undefined)?.['xml:lang']]];
  });
}

/** A batch's folders as the reader's input: relative path → bytes. */
function folderBatch(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(root)) {
    if (!statSync(join(root, name)).isDirectory()) continue;
    for (const f of filesUnder(join(root, name))) files.set(`${name}/${f}`, readFileSync(join(root, name, f)));
  }
  return files;
}

describe('DSpace Simple Archive Format, read back as the importer reads it', () => {
  let dir = '';
  let saf = '';
  let zipped: Map<string, Buffer>;
  beforeAll(async () => {
    ({ dir } = packagedEdition({ packages: { safCollection: COLLECTION } }));
    saf = join(dir, 'packages', 'saf');
    zipped = await unzipAll(readFileSync(join(saf, 'import.zip')));
  }, 180_000);

  it('import.zip holds an item folder per document and nothing else, with the same bytes as the item folders', () => {
    const reading = readSafBatch(zipped);
    expect(reading.problems).toEqual([]);
    expect(reading.items.map((i) => i.folder)).toEqual(IDS);
    const folders = folderBatch(saf);
    expect([...zipped.keys()].filter((k) => !k.endsWith('/')).sort()).toEqual([...folders.keys()].sort());
    for (const [path, bytes] of folders) expect(zipped.get(path)?.equals(bytes), path).toBe(true);
  });

  it('every item: its metadata restates the DC records field for field, its bitstreams are the edition\'s files, its collection is the configured one', () => {
    const items = new Map<string, SafItem>(readSafBatch(zipped).items.map((i) => [i.folder, i]));
    for (const id of IDS) {
      const item = items.get(id) as SafItem;
      expect(item.collections).toEqual([COLLECTION]);

      const dc = item.metadata.filter((m) => m.schema === 'dc').map((m) => [m.element, m.value, m.language]);
      expect(dc).toEqual(dcRecord(join(dir, 'output', 'dc', `${id}.oai_dc.xml`)));
      const dcterms = item.metadata.filter((m) => m.schema === 'dcterms').map((m) => [m.element, m.value, m.language]);
      expect(dcterms).toEqual(dcRecord(join(dir, 'output', 'dc', `${id}.qdc.xml`)));

      const tei = readFileSync(join(dir, 'tei', `${id}.xml`));
      const source = /<idno type="source-path">([^<]+)<\/idno>/.exec(tei.toString('utf8'))?.[1] as string;
      const wanted: [string, Buffer][] = [
        ['ORIGINAL', tei],
        ['ORIGINAL', readFileSync(join(dir, 'output', 'site', 'documents', `${id}.html`))],
        ['ORIGINAL', readFileSync(join(dir, 'sources', source))],
        ['METADATA', readFileSync(join(dir, 'output', 'dc', `${id}.oai_dc.xml`))],
        ['METADATA', readFileSync(join(dir, 'output', 'dc', `${id}.qdc.xml`))],
        ['METADATA', readFileSync(join(dir, 'output', 'iiif', id, 'manifest.json'))],
      ];
      expect(item.bitstreams).toHaveLength(wanted.length);
      for (const [bundle, bytes] of wanted) {
        const found = item.bitstreams.find((b) => b.bytes.equals(bytes));
        expect(found?.bundle, `${id}: a ${bundle} bitstream of ${bytes.length} bytes`).toBe(bundle);
        expect(found?.description).toBeTruthy();
      }
    }
  });

  it('the reader is strict: a listed file missing, an unknown field, an option DSpace does not know and a stray file are each reported', () => {
    const broken = new Map(zipped);
    const item = IDS[0] as string;
    const contents = broken.get(`${item}/contents`)?.toString('utf8') ?? '';
    const first = contents.split('\t')[0] as string;
    broken.delete(`${item}/${first}`);
    broken.set(`${item}/contents`, Buffer.from(`${contents}extra.txt\tbundel:ORIGINAL\n`));
    broken.set(`${item}/extra.txt`, Buffer.from('x'));
    broken.set(`${item}/stray.bin`, Buffer.from('x'));
    const dc = broken.get(`${item}/dublin_core.xml`)?.toString('utf8') ?? '';
    broken.set(`${item}/dublin_core.xml`, Buffer.from(dc.replace('element="title"', 'element="titel"')));
    const problems = readSafBatch(broken).problems.join('\n');
    expect(problems).toContain(`${first} is not in the item folder`);
    expect(problems).toContain('"bundel:ORIGINAL" is not one of');
    expect(problems).toContain('stray.bin: neither a control file nor listed in contents');
    expect(problems).toContain('dc.titel is not a field');
  });
});
