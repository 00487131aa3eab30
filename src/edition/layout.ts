import { join, resolve } from 'node:path';
import type { CablekitConfig } from '../config/config.js';

/**
 * The edition's layout, in one place: where every derived file goes in the output folder, the
 * public URL it is served at, and where the build keeps its bookkeeping. The server serves
 * `outputDir` at the base URL (and `teiDir` at `<base>/tei/`), so each path and its URL agree.
 */

/** The base URL without trailing slashes: the one place it is trimmed. */
export function publicBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

const enc = encodeURIComponent;

/** Paths relative to the output folder, '/'-separated. Ids are safe file names (the pipeline checks). */
export const outputPaths = {
  manifest: (id: string): string => `iiif/${id}/manifest.json`,
  pageImage: (id: string, fileName: string): string => `images/${id}/${fileName}`,
  /** A text canvas's page of the translation, drawn as an image (documents without page images). */
  textPage: (id: string, position: number): string => `iiif/${id}/text/p${position}.svg`,
  corpusCollection: (): string => 'iiif/collection.json',
  groupCollection: (kind: string, slug: string): string => `iiif/collections/${kind}-${slug}.json`,
  oaiDc: (id: string): string => `dc/${id}.oai_dc.xml`,
  qualifiedDc: (id: string): string => `dc/${id}.qdc.xml`,
  /** The edition's correspondence metadata for correspSearch (CMIF). */
  cmif: (): string => 'cmif.xml',
} as const;

/** Public URLs under one base URL. */
export interface EditionUrls {
  /** The trimmed base URL: the edition's home. */
  base: string;
  /** Base of every IIIF resource id of one document (canvases, annotations…): `<base>/iiif/<id>`. */
  iiifDocument(id: string): string;
  manifest(id: string): string;
  pageImage(id: string, fileName: string): string;
  textPage(id: string, position: number): string;
  corpusCollection(): string;
  groupCollection(kind: string, slug: string): string;
  /** The IIIF provider agent (its own id, not the provider's homepage). */
  iiifProvider(): string;
  tei(id: string): string;
  oaiDc(id: string): string;
  qualifiedDc(id: string): string;
  cmif(): string;
  oaiEndpoint(): string;
}

export function editionUrls(baseUrl: string): EditionUrls {
  const base = publicBase(baseUrl);
  const iiifDocument = (id: string): string => `${base}/iiif/${enc(id)}`;
  return {
    base,
    iiifDocument,
    manifest: (id) => `${iiifDocument(id)}/manifest.json`,
    pageImage: (id, fileName) => `${base}/images/${enc(id)}/${enc(fileName)}`,
    textPage: (id, n) => `${iiifDocument(id)}/text/p${n}.svg`,
    corpusCollection: () => `${base}/${outputPaths.corpusCollection()}`,
    groupCollection: (kind, slug) => `${base}/iiif/collections/${enc(`${kind}-${slug}`)}.json`,
    iiifProvider: () => `${base}/iiif/provider`,
    tei: (id) => `${base}/tei/${enc(id)}.xml`,
    oaiDc: (id) => `${base}/dc/${enc(id)}.oai_dc.xml`,
    qualifiedDc: (id) => `${base}/dc/${enc(id)}.qdc.xml`,
    cmif: () => `${base}/${outputPaths.cmif()}`,
    oaiEndpoint: () => `${base}/oai`,
  };
}

/** The layout a stage receives: output paths and public URLs. */
export interface EditionLayout {
  paths: typeof outputPaths;
  urls: EditionUrls;
}

export function editionLayout(config: Pick<CablekitConfig, 'baseUrl'>): EditionLayout {
  return { paths: outputPaths, urls: editionUrls(config.baseUrl) };
}

/** The name registers looked for beside the config file when `namesFile` is not set, in this order. */
export const DEFAULT_NAMES_FILES = ['names.csv', 'names.xml'] as const;

/** Name of the build state file inside the TEI folder. */
export const STATE_FILE_NAME = '.cablekit-state.json';

/**
 * The build's bookkeeping on disk, resolved against `root` (default: the current folder): the
 * folder `.cablekit/` sits next to — never inside — the published output, so `serve` never shows it.
 */
export interface BookkeepingFiles {
  dir: string;
  outputLedger: string;
  /** The JSON store of earlier versions, migrated into the database on first use. */
  oaiStore: string;
  /** The IIIF Change Discovery activity log (src/discovery/), kept beside the OAI store it follows. */
  changeLog: string;
  /** The embedded (SQLite) OAI-PMH record store. */
  oaiDatabase: string;
  buildLock: string;
  /** What the build kept of each document (keys, outputs, stage summaries): what makes a re-run incremental (SQLite). */
  buildCache: string;
  /** The same, as one JSON file, by earlier versions: taken in once, then removed. */
  documentCache: string;
  /** TEI state changes made since the state file was last written: replayed after a killed run. */
  teiJournal: string;
  /** Temporary files of a run, renamed into place; cleared by the next run. */
  staging: string;
  /** The stamps of the folders holding outputs when the last complete build ended (src/pipeline/output-folder-stamps.ts). */
  outputFolders: string;
  /** There while a build runs: found at the start of the next one, it says that run did not end. */
  runMarker: string;
  /** What the site's search index was last made from: its parts and their pages' digests (src/cli/commands/search-index-step.ts). */
  searchIndexState: string;
  /** The seal of the last build that found nothing to do: what it saw and what it reported (src/pipeline/run-seal.ts). */
  runSeal: string;
  /** The diagnostics the sealed build printed (read only when they are to be printed again). */
  runSealLines: string;
}

export function bookkeepingFiles(outputDir: string, root = ''): BookkeepingFiles {
  const dir = resolve(root, outputDir, '..', '.cablekit');
  return {
    dir,
    outputLedger: join(dir, 'outputs.sha256'),
    oaiStore: join(dir, 'oai-store.json'),
    changeLog: join(dir, 'change-log.json'),
    oaiDatabase: join(dir, 'oai-store.sqlite'),
    buildLock: join(dir, 'build.lock'),
    buildCache: join(dir, 'build-cache.sqlite'),
    documentCache: join(dir, 'documents.json'),
    teiJournal: join(dir, 'tei-journal.jsonl'),
    staging: join(dir, 'staging'),
    runMarker: join(dir, 'build-running'),
    searchIndexState: join(dir, 'search-index.json'),
    runSeal: join(dir, 'run-seal.json'),
    runSealLines: join(dir, 'run-seal-lines.json'),
    outputFolders: join(dir, 'output-folders.json'),
  };
}

/** A document's TEI file in the TEI folder. */
export function teiFile(teiDir: string, id: string): string {
  return join(teiDir, `${id}.xml`);
}

/** The build state kept in the TEI folder (it travels with the TEI, which is committed). */
export function stateFile(teiDir: string): string {
  return join(teiDir, STATE_FILE_NAME);
}

/** The reading edition's folder inside the output folder, unless the config names another. */
export const DEFAULT_SITE_DIR = 'site';

/**
 * The published URL of a document's page in the reading edition: what IIIF `homepage`/`rendering`
 * and the Dublin Core link-back point to, and what the site itself calls the page.
 */
export function documentPageUrl(config: { baseUrl: string; siteDir?: string }, id: string): string {
  const siteDir = (config.siteDir ?? DEFAULT_SITE_DIR).split('/').map(enc).join('/');
  return `${publicBase(config.baseUrl)}/${siteDir}/documents/${enc(`${id}.html`)}`;
}
