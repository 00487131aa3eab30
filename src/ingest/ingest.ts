import { hash } from 'node:crypto';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cable } from '../model/cable.js';
import { validateCable } from '../model/validate-cable.js';
import { normalizeWhitespace } from '../model/reading-text.js';
import { assembleCable } from './assemble/assemble-cable.js';
import { decodePage } from './input/decode-page.js';
import { MAX_PAGE_BYTES } from './input/limits.js';
import { splitLines } from './input/split-lines.js';
import { utf8Length } from './input/utf8-length.js';
import { detectLayout } from './page/detect-layout.js';
import { isBlank } from './page/line-kinds.js';
import { readPage } from './read-page.js';
import { linkNames } from './link-names.js';
import { NameFinder, shippedRegister, type NameRegister } from '../names/index.js';

/** A cable when the page could be read, and everything ingest has to say about the file. */
export interface IngestResult {
  cable?: Cable;
  diagnostics: Diagnostic[];
  /** sha256 of the page's whitespace-normalised text: the same page saved twice has the same one. */
  textSha256?: string;
}

/** What ingest may be given beyond the page: the edition's own name register, which wins over cablekit's. */
export interface IngestOptions {
  register?: NameRegister;
}

const finders = new WeakMap<NameRegister, NameFinder>();
let shippedFinder: NameFinder | undefined;

/** The name finder for an edition register (or none), built once per register. */
function finderFor(register: NameRegister | undefined): NameFinder {
  if (!register) return (shippedFinder ??= new NameFinder([shippedRegister()]));
  let finder = finders.get(register);
  if (!finder) finders.set(register, (finder = new NameFinder([register, shippedRegister()])));
  return finder;
}

/** One-shot hashing: no Hash object to create, update and finish for every page. */
function sha256Hex(data: Uint8Array | string): string {
  return hash('sha256', data, 'hex');
}

/** 1-based line and column of a character index. */
function textPosition(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

/** The model keeps '/'-separated paths whatever the platform. */
function portablePath(path: string): string {
  if (typeof path !== 'string') return String(path);
  // Most paths hold no backslash: no need to run the replace.
  return path.includes('\\') ? path.replace(/\\/g, '/') : path;
}

function internalError(bag: DiagnosticBag, e: unknown): IngestResult {
  bag.error('ingest/internal-error', `Ingest failed unexpectedly: ${e instanceof Error ? e.message : String(e)}.`, {
    hint: 'This is a cablekit bug; please report it with the page that caused it.',
    line: 1,
    column: 1,
  });
  return { diagnostics: bag.items };
}

function ingestDecoded(text: string, path: string, sha256: string, bag: DiagnosticBag, finder: NameFinder): IngestResult {
  const lines = splitLines(text, bag);
  if (lines.every((l) => isBlank(l.text))) {
    bag.error('ingest/blank-file', 'The file holds only whitespace.', { hint: 'Save the page text again; there is nothing to ingest.', line: 1, column: 1 });
    return { diagnostics: bag.items };
  }
  const layout = detectLayout(lines);
  if (layout === 'unknown') {
    const first = lines.find((l) => !isBlank(l.text));
    bag.error('ingest/not-an-archive-page', 'This does not look like a Wilson Center Digital Archive document page.', {
      hint: 'Expected one of the known layouts (record export, current site, flat mirror, old site): a date line and title, or "**Citation:**" blocks, or the old site header. Check the file is the right one.',
      ...(first ? { line: first.line, column: 1 } : {}),
    });
    return { diagnostics: bag.items };
  }
  const draft = readPage(lines, layout);
  const textSha256 = sha256Hex(normalizeWhitespace(text));
  const cable = linkNames(assembleCable({ draft, path, sha256, textSha256, bag }), finder, bag);
  for (const d of validateCable(cable, path)) bag.items.push(d);
  return { cable, diagnostics: bag.items, textSha256 };
}

/** Ingests one page given as bytes (as read from disk). Pure: no file system. Never throws. */
export function ingestBytes(bytes: Uint8Array, filePath: string, options: IngestOptions = {}): IngestResult {
  const path = portablePath(filePath);
  const bag = new DiagnosticBag(path);
  try {
    const text = decodePage(bytes, bag);
    if (text === undefined) return { diagnostics: bag.items };
    return ingestDecoded(text, path, sha256Hex(bytes), bag, finderFor(options.register));
  } catch (e) {
    return internalError(bag, e);
  }
}

/** Ingests one page given as text; the checksum is of its UTF-8 bytes. Never throws. */
export function ingestText(text: string, filePath: string, options: IngestOptions = {}): IngestResult {
  const path = portablePath(filePath);
  const bag = new DiagnosticBag(path);
  try {
    const size = text.length > MAX_PAGE_BYTES ? text.length : utf8Length(text);
    if (size > MAX_PAGE_BYTES) {
      bag.error('ingest/file-too-large', `The page is ${size}+ bytes, above the ${MAX_PAGE_BYTES}-byte limit for one archive page.`, {
        hint: 'Split it into one file per document page, or check that it really is a page of the archive.',
        line: 1,
        column: 1,
      });
      return { diagnostics: bag.items };
    }
    if (text.length === 0) {
      bag.error('ingest/empty-file', 'The file is empty.', { hint: 'Save the page text again; an empty file has nothing to ingest.', line: 1, column: 1 });
      return { diagnostics: bag.items };
    }
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      bag.error('ingest/binary-file', 'The text holds a NUL character: it is binary, not page text.', {
        hint: 'Give ingest the text of the page, not a PDF, image or word-processor file.',
        ...textPosition(text, nul),
      });
      return { diagnostics: bag.items };
    }
    return ingestDecoded(text, path, sha256Hex(text), bag, finderFor(options.register));
  } catch (e) {
    return internalError(bag, e);
  }
}
