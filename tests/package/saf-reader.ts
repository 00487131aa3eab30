import { XMLParser, XMLValidator } from 'fast-xml-parser';
import yauzl from 'yauzl';

/**
 * Reads a DSpace Simple Archive Format batch as DSpace's item importer takes it, and lists every
 * way it departs from the format as DSpace documents it ("Importing and Exporting Items via Simple
 * Archive Format"): item folders at the root of the zip; in each, dublin_core.xml (root
 * `dublin_core`, schema "dc" when not said) and metadata_<schema>.xml files whose root names that
 * schema, with `dcvalue` elements carrying `element`, optional `qualifier` ("none" meaning none)
 * and `language`; a `contents` file of one bitstream a line, the file name then tab-separated
 * `bundle:`, `permissions:`, `description:` or `primary:` options, every named file present;
 * optional `collections` (a handle a line) and `handle` files. Every metadata field must be in
 * DSpace's default registries, or the import stops on it. Written from that documentation, not from
 * cablekit's writer.
 */

/** Fields of DSpace's default registries (config/registries/dublin-core-types.xml, dcterms-types.xml) the check allows. */
const DC_FIELDS = new Set([
  'contributor', 'contributor.advisor', 'contributor.author', 'contributor.editor', 'contributor.illustrator', 'contributor.other',
  'coverage.spatial', 'coverage.temporal', 'creator', 'date', 'date.accessioned', 'date.available', 'date.copyright', 'date.created',
  'date.issued', 'date.submitted', 'identifier', 'identifier.citation', 'identifier.govdoc', 'identifier.isbn', 'identifier.issn',
  'identifier.sici', 'identifier.ismn', 'identifier.other', 'identifier.doi', 'identifier.uri', 'description', 'description.abstract',
  'description.provenance', 'description.sponsorship', 'description.statementofresponsibility', 'description.tableofcontents',
  'description.uri', 'format', 'format.extent', 'format.medium', 'format.mimetype', 'language', 'language.iso', 'publisher', 'relation',
  'relation.isformatof', 'relation.ispartof', 'relation.ispartofseries', 'relation.haspart', 'relation.isversionof', 'relation.hasversion',
  'relation.isbasedon', 'relation.isreferencedby', 'relation.requires', 'relation.replaces', 'relation.isreplacedby', 'relation.uri',
  'rights', 'rights.uri', 'source', 'source.uri', 'subject', 'subject.classification', 'subject.ddc', 'subject.lcc', 'subject.lcsh',
  'subject.mesh', 'subject.other', 'title', 'title.alternative', 'type', 'provenance', 'rights.license',
]);
const DCTERMS_FIELDS = new Set([
  'abstract', 'accessRights', 'accrualMethod', 'accrualPeriodicity', 'accrualPolicy', 'alternative', 'audience', 'available',
  'bibliographicCitation', 'conformsTo', 'contributor', 'coverage', 'created', 'creator', 'date', 'dateAccepted', 'dateCopyrighted',
  'dateSubmitted', 'description', 'educationLevel', 'extent', 'format', 'hasFormat', 'hasPart', 'hasVersion', 'identifier',
  'instructionalMethod', 'isFormatOf', 'isPartOf', 'isReferencedBy', 'isReplacedBy', 'isRequiredBy', 'issued', 'isVersionOf', 'language',
  'license', 'mediator', 'medium', 'modified', 'provenance', 'publisher', 'references', 'relation', 'replaces', 'requires', 'rights',
  'rightsHolder', 'source', 'spatial', 'subject', 'tableOfContents', 'temporal', 'title', 'type', 'valid',
]);
const REGISTRY: Record<string, Set<string>> = { dc: DC_FIELDS, dcterms: DCTERMS_FIELDS };
const CONTROL_FILES = new Set(['dublin_core.xml', 'contents', 'collections', 'handle', 'license', 'relationships']);
const OPTIONS = ['bundle:', 'permissions:', 'description:', 'primary:'];

export interface SafMetadataValue {
  schema: string;
  element: string;
  qualifier?: string;
  language?: string;
  value: string;
}

export interface SafBitstream {
  name: string;
  bundle: string;
  description?: string;
  bytes: Buffer;
}

export interface SafItem {
  folder: string;
  metadata: SafMetadataValue[];
  bitstreams: SafBitstream[];
  collections: string[];
}

export interface SafReading {
  items: SafItem[];
  problems: string[];
}

/** Every file of a zip, by entry name (folders as names ending in '/'), read with yauzl. */
export function unzipAll(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const files = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          files.set(entry.fileName, Buffer.alloc(0));
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return reject(openError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Reads a batch given as its files (relative path → bytes, item folders at the root). */
export function readSafBatch(files: ReadonlyMap<string, Buffer>): SafReading {
  const problems: string[] = [];
  const folders = new Map<string, Map<string, Buffer>>();
  for (const [path, bytes] of files) {
    if (path.endsWith('/')) continue;
    const parts = path.split('/');
    if (parts.length !== 2 || parts.some((p) => p === '' || p === '.' || p === '..')) {
      problems.push(`${path}: not a file directly inside an item folder at the root of the batch`);
      continue;
    }
    const [folder, name] = parts as [string, string];
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)?.set(name, bytes);
  }
  const items = [...folders].sort(([a], [b]) => (a < b ? -1 : 1)).map(([folder, content]) => readItem(folder, content, problems));
  if (items.length === 0) problems.push('no item folder');
  return { items, problems };
}

function readItem(folder: string, files: Map<string, Buffer>, problems: string[]): SafItem {
  const item: SafItem = { folder, metadata: [], bitstreams: [], collections: [] };
  const dc = files.get('dublin_core.xml');
  if (!dc) problems.push(`${folder}: no dublin_core.xml`);
  for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const own = /^metadata_(.+)\.xml$/.exec(name);
    if (name === 'dublin_core.xml' || own) item.metadata.push(...readMetadata(`${folder}/${name}`, bytes, own?.[1] ?? 'dc', problems));
  }
  const contents = files.get('contents');
  if (!contents) problems.push(`${folder}: no contents file`);
  const listed = new Set<string>();
  for (const [i, line] of (contents?.toString('utf8') ?? '').split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `${folder}/contents:${i + 1}`;
    if (line.startsWith('-r ')) {
      problems.push(`${where}: a registered bitstream, which needs files already in DSpace's asset store`);
      continue;
    }
    const [name, ...options] = line.split('\t') as [string, ...string[]];
    const bitstream: SafBitstream = { name, bundle: 'ORIGINAL', bytes: Buffer.alloc(0) };
    for (const option of options) {
      const marker = OPTIONS.find((m) => option.startsWith(m));
      if (!marker) problems.push(`${where}: "${option}" is not one of ${OPTIONS.join(' ')}`);
      else if (marker === 'bundle:') bitstream.bundle = option.slice(marker.length);
      else if (marker === 'description:') bitstream.description = option.slice(marker.length);
    }
    if (listed.has(name)) problems.push(`${where}: ${name} listed twice`);
    listed.add(name);
    const bytes = files.get(name);
    if (!bytes) problems.push(`${where}: ${name} is not in the item folder`);
    else bitstream.bytes = bytes;
    item.bitstreams.push(bitstream);
  }
  for (const name of files.keys()) {
    if (!CONTROL_FILES.has(name) && !/^metadata_.+\.xml$/.test(name) && !listed.has(name)) problems.push(`${folder}/${name}: neither a control file nor listed in contents`);
  }
  const collections = files.get('collections')?.toString('utf8');
  if (collections !== undefined) {
    for (const line of collections.split('\n').filter((l) => l.trim() !== '')) {
      if (!/^\S+\/\S+$/.test(line.trim())) problems.push(`${folder}/collections: "${line}" is not a handle`);
      item.collections.push(line.trim());
    }
  }
  return item;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'dcvalue', parseTagValue: false, trimValues: false });

function readMetadata(file: string, bytes: Buffer, schemaByName: string, problems: string[]): SafMetadataValue[] {
  const text = bytes.toString('utf8');
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    problems.push(`${file}: not well-formed XML (${wellFormed.err.msg})`);
    return [];
  }
  const root = (parser.parse(text) as { dublin_core?: { schema?: string; dcvalue?: Record<string, string>[] } }).dublin_core;
  if (!root) {
    problems.push(`${file}: the root element is not dublin_core`);
    return [];
  }
  const schema = root.schema ?? 'dc';
  if (schema !== schemaByName) problems.push(`${file}: schema "${schema}" where the file name says "${schemaByName}"`);
  const registry = REGISTRY[schema];
  if (!registry) problems.push(`${file}: schema "${schema}" is not in DSpace's default registries`);
  const values: SafMetadataValue[] = [];
  for (const v of root.dcvalue ?? []) {
    const qualifier = v.qualifier === undefined || v.qualifier === 'none' || v.qualifier === '' ? undefined : v.qualifier;
    const field = qualifier ? `${v.element}.${qualifier}` : String(v.element);
    if (!v.element) problems.push(`${file}: a dcvalue without element`);
    else if (registry && !registry.has(field)) problems.push(`${file}: ${schema}.${field} is not a field of DSpace's default ${schema} registry`);
    const value = v['#text'] ?? '';
    if (value.trim() === '') problems.push(`${file}: ${schema}.${field} is empty`);
    values.push({ schema, element: String(v.element), ...(qualifier ? { qualifier } : {}), ...(v.language ? { language: v.language } : {}), value });
  }
  return values;
}
