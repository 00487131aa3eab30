import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { positionAt } from './guard-input.js';
import type { XChild, XElement } from './xml-tree.js';

/** Char of XML 1.0: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
function isXmlCharCode(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Entity and character references, decoded in one pass (so "&amp;lt;" stays "&lt;"). The parser's
 * own entity handling is off: without a DOCTYPE only these references exist, and an unknown name
 * is an error, never a lookup.
 */
export function decodeReferences(raw: string, onUnknown: (name: string) => void): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // A reference to a character XML cannot hold (&#1;, &#xFFFE;) is as wrong as an unknown entity.
      if (code > 0x10ffff || !isXmlCharCode(code)) {
        onUnknown(name);
        return whole;
      }
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[name];
    if (value === undefined) {
      onUnknown(name);
      return whole;
    }
    return value;
  });
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
});

type Ordered = Record<string, unknown>;

/**
 * Parses well-formed XML into the shared element tree (fast-xml-parser, order preserved, text
 * untrimmed). Reports `tei/not-well-formed` with line and column and returns undefined on failure.
 * Callers run `guardXmlInput` first: this function assumes bounded size and depth.
 */
export function parseXmlTree(xml: string, bag: DiagnosticBag): XElement | undefined {
  // XML normalises line ends before parsing; fast-xml-parser does not. A byte order mark is not content.
  const text = xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const check = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (check !== true) {
    bag.error('tei/not-well-formed', `Not well-formed XML: ${check.err.msg}`, { line: check.err.line, column: check.err.col });
    return undefined;
  }
  const unknown = new Set<string>();
  const decode = (raw: string) => decodeReferences(raw, (n) => unknown.add(n));
  const convert = (node: Ordered): XElement | string | undefined => {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined) return undefined;
    const value = node[name];
    if (name === '#text') return decode(String(value));
    if (name === '#cdata') return (value as Ordered[]).map((v) => String(v['#text'] ?? '')).join('');
    if (name === '#comment') return undefined;
    const attrs: [string, string][] = [];
    const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(rawAttrs)) attrs.push([k, decode(String(v).replace(/[\t\n]/g, ' '))]);
    const children: XChild[] = [];
    for (const child of value as Ordered[]) {
      const c = convert(child);
      if (c === undefined) continue;
      const last = children[children.length - 1];
      if (typeof c === 'string' && typeof last === 'string') children[children.length - 1] = last + c;
      else children.push(c);
    }
    return { name, attrs, children };
  };
  let top: Ordered[];
  try {
    top = parser.parse(text) as Ordered[];
  } catch (err) {
    // The validator above lets a few malformed shapes through (e.g. "<?'xml"); the parser does not.
    bag.error('tei/not-well-formed', `Not well-formed XML: ${err instanceof Error ? err.message : String(err)}`, { line: 1, column: 1 });
    return undefined;
  }
  let root: XElement | undefined;
  for (const node of top) {
    const c = convert(node);
    if (typeof c === 'object') root = c;
  }
  if (unknown.size > 0) {
    const first = [...unknown][0]!;
    bag.error('tei/not-well-formed', `Undeclared entity reference: ${[...unknown].map((n) => `&${n};`).join(', ')}.`, {
      ...positionAt(text, Math.max(0, text.indexOf(`&${first};`))),
      hint: 'Only &amp; &lt; &gt; &quot; &apos; and numeric character references exist without a DTD.',
    });
    return undefined;
  }
  if (root === undefined) {
    bag.error('tei/not-well-formed', 'The document has no root element.', { line: 1, column: 1 });
    return undefined;
  }
  // fast-xml-parser keeps no positions; the root's line lets root-level diagnostics point somewhere.
  const rootStart = /<(?![?!])/.exec(text);
  if (rootStart) root.line = positionAt(text, rootStart.index).line;
  return root;
}
