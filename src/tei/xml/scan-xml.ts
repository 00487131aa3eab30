import { decodeReferences } from './parse-xml.js';
import type { XElement } from './xml-tree.js';

const ignoreUnknown = (): undefined => undefined;

/** XML white space (the only kind that may separate a name from its attributes). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** End of a name: white space, "/", ">" or "=" (or the end of the text). */
function nameEnd(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
  }
  return i;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The tree and its elements in document order (start tags), which is what the rule index needs. */
export interface ScannedXml {
  root: XElement;
  elements: XElement[];
  /** Deepest element nesting (the root alone is 1). */
  depth: number;
}

/**
 * Builds the element tree with the line of every element, from XML that libxml2 has already
 * accepted as well-formed (so this scanner need not diagnose anything). It exists for positions:
 * walking libxml2's own tree through WebAssembly costs more than libxml2's parse and validation.
 * A hand-written loop over character codes: a regular expression per token cost more than the
 * rest of the rule checks together.
 */
export function scanXmlTree(xml: string): ScannedXml | undefined {
  const text = xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml;
  const stack: XElement[] = [];
  const elements: XElement[] = [];
  let root: XElement | undefined;
  let depth = 0;
  let line = 1;
  // The first line end not yet counted (-1: none left): each is looked for once, so a line with a
  // million elements costs no more than a million lines.
  let nextLineEnd = text.indexOf('\n');
  const addText = (s: string) => {
    if (stack.length === 0 || s === '') return;
    const kids = stack[stack.length - 1]!.children;
    // Read the last child only when there is one: reading past the end is a slow path in V8.
    const n = kids.length;
    if (n > 0 && typeof kids[n - 1] === 'string') kids[n - 1] += s;
    else kids.push(s);
  };

  let pos = 0;
  for (let lt = text.indexOf('<'); lt !== -1; lt = text.indexOf('<', pos)) {
    if (lt > pos && stack.length > 0) addText(decodeReferences(text.slice(pos, lt), ignoreUnknown));
    const next = text.charCodeAt(lt + 1);
    let end: number;
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        end = text.indexOf('-->', lt + 4);
        pos = end === -1 ? text.length : end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        end = text.indexOf(']]>', lt + 9);
        if (end === -1) end = text.length;
        addText(text.slice(lt + 9, end));
        pos = end + 3;
      } else {
        end = text.indexOf('>', lt);
        pos = end === -1 ? text.length : end + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      end = text.indexOf('?>', lt + 2);
      pos = end === -1 ? text.length : end + 2;
      continue;
    }
    if (next === 0x2f /* / */) {
      stack.pop();
      end = text.indexOf('>', lt);
      pos = end === -1 ? text.length : end + 1;
      continue;
    }
    while (nextLineEnd !== -1 && nextLineEnd < lt) {
      line++;
      nextLineEnd = text.indexOf('\n', nextLineEnd + 1);
    }
    const nameStop = nameEnd(text, lt + 1);
    const element: XElement = { name: text.slice(lt + 1, nameStop), attrs: [], children: [], line };
    let i = skipSpace(text, nameStop);
    let selfClosing = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */) break;
      if (c === 0x2f /* / */) {
        selfClosing = true;
        i = text.indexOf('>', i);
        break;
      }
      const keyStop = nameEnd(text, i);
      const key = text.slice(i, keyStop);
      // Well-formed: "=", then a quoted value, with optional white space around "=".
      const quote = skipSpace(text, skipSpace(text, keyStop) + 1);
      const close = text.indexOf(text[quote]!, quote + 1);
      const raw = text.slice(quote + 1, close);
      // Literal tabs and line ends in a value read as spaces; references to them stay what they say.
      const spaced = raw.includes('\n') || raw.includes('\t') ? raw.replace(/[\t\n]/g, ' ') : raw;
      element.attrs.push([key, decodeReferences(spaced, ignoreUnknown)]);
      i = skipSpace(text, close + 1);
    }
    pos = i === -1 ? text.length : i + 1;
    elements.push(element);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    if (!selfClosing) stack.push(element);
    if (stack.length > depth) depth = stack.length;
  }
  return root ? { root, elements, depth } : undefined;
}
