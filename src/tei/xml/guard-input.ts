import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';

/** Bounds that keep a hostile file from costing unbounded memory or time. */
export interface InputLimits {
  /** Largest input accepted, in UTF-16 code units (about bytes for Latin text). */
  maxChars: number;
  /** Deepest element nesting accepted; a cable is about 15 levels deep. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: InputLimits = { maxChars: 16 * 1024 * 1024, maxDepth: 256 };

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Nesting depth by a linear scan of the markup, before any parser sees the input (parsers recurse
 * or allocate per level). Returns the offset of the first tag deeper than `maxDepth`, or -1.
 */
export function findTooDeep(xml: string, maxDepth: number): number {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i !== -1) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      const end = xml.startsWith('<!--', i) ? xml.indexOf('-->', i + 4) : xml.startsWith('<![CDATA[', i) ? xml.indexOf(']]>', i + 9) : xml.indexOf('>', i);
      if (end === -1) return -1;
      i = xml.indexOf('<', end + 1);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) return -1;
      i = xml.indexOf('<', end + 2);
      continue;
    }
    // Find the tag's end, skipping quoted attribute values that may hold ">".
    let j = i + 1;
    let quote = 0;
    for (; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
    }
    if (next === 0x2f /* / */) depth--;
    else if (xml.charCodeAt(j - 1) !== 0x2f) {
      depth++;
      if (depth > maxDepth) return i;
    }
    i = xml.indexOf('<', j + 1);
  }
  return -1;
}

/**
 * Checks that need no parser and protect the parsers: size and DOCTYPE (the only way to declare
 * entities, so refusing it rules out XXE and expansion bombs). False means stop.
 */
export function guardSizeAndDoctype(xml: string, bag: DiagnosticBag, limits: InputLimits = DEFAULT_LIMITS): boolean {
  if (xml.length > limits.maxChars) {
    bag.error('tei/too-large', `Input is ${xml.length} characters, more than the limit of ${limits.maxChars}.`, {
      line: 1,
      column: 1,
      hint: 'A cable TEI file is a few hundred kilobytes; check that this is the right file.',
    });
    return false;
  }
  if (!guardDeclaredEncoding(xml, bag)) return false;
  const doctype = xml.search(/<!DOCTYPE/i);
  if (doctype !== -1) {
    bag.error('tei/doctype-forbidden', 'A DOCTYPE is not allowed: TEI files of this profile declare no DTD and no entities.', {
      ...positionAt(xml, doctype),
      hint: 'Remove the DOCTYPE declaration; use characters or numeric character references instead of entities.',
    });
    return false;
  }
  return true;
}

/**
 * Only UTF-8 TEI is read: an XML declaration naming any other encoding (UTF-16, EBCDIC, Latin-1,
 * or a name nobody knows) is refused, since the text would not be what the declaration says.
 */
export function guardDeclaredEncoding(xml: string, bag: DiagnosticBag): boolean {
  const declared = /^\uFEFF?<\?xml\s[^>]*?\bencoding\s*=\s*(["'])(.*?)\1/.exec(xml.slice(0, 200))?.[2];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return true;
  bag.error('tei/not-utf8', `The XML declaration says encoding="${declared}"; cablekit reads TEI only as UTF-8.`, {
    line: 1,
    column: 1,
    hint: 'Save the file as UTF-8 and declare encoding="UTF-8" (or no encoding) in the XML declaration.',
  });
  return false;
}

/** Reports nesting deeper than `maxDepth` at the first tag too deep; false when there is one. */
export function guardDepth(xml: string, bag: DiagnosticBag, maxDepth: number): boolean {
  const deep = findTooDeep(xml, maxDepth);
  if (deep === -1) return true;
  bag.error('tei/too-deep', `Elements are nested more than ${maxDepth} levels deep.`, positionAt(xml, deep));
  return false;
}

/** Every check that needs no parser: size, DOCTYPE, nesting depth. False means stop. */
export function guardXmlInput(xml: string, bag: DiagnosticBag, limits: InputLimits = DEFAULT_LIMITS): boolean {
  return guardSizeAndDoctype(xml, bag, limits) && guardDepth(xml, bag, limits.maxDepth);
}
