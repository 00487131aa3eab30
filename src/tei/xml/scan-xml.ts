import { decodeReferences } from './parse-xml.js';
import type { XElement } from './xml-tree.js';

/** One markup token: comment, CDATA (1), processing instruction or DOCTYPE, end tag, start tag (name 2, attributes 3, "/" 4). */
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/[^>]*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ignoreUnknown = (): undefined => undefined;

/**
 * Builds the element tree with the line of every element, from XML that libxml2 has already
 * accepted as well-formed (so this scanner need not diagnose anything). It exists for positions:
 * walking libxml2's own tree through WebAssembly costs more than libxml2's parse and validation.
 */
export function scanXmlTree(xml: string): XElement | undefined {
  const text = xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml;
  const stack: XElement[] = [];
  let root: XElement | undefined;
  let line = 1;
  let counted = 0;
  const addText = (s: string) => {
    const parent = stack[stack.length - 1];
    if (!parent || s === '') return;
    const kids = parent.children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + s;
    else kids.push(s);
  };

  TOKEN.lastIndex = 0;
  let textStart = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    if (m.index > textStart && stack.length > 0) addText(decodeReferences(text.slice(textStart, m.index), ignoreUnknown));
    textStart = TOKEN.lastIndex;
    const token = m[0];
    if (m[2] !== undefined) {
      for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
      counted = m.index;
      const element: XElement = { name: m[2], attrs: [], children: [], line };
      const rawAttrs = m[3];
      if (rawAttrs) {
        ATTRIBUTE.lastIndex = 0;
        for (let a = ATTRIBUTE.exec(rawAttrs); a !== null; a = ATTRIBUTE.exec(rawAttrs)) {
          // Literal tabs and line ends in a value read as spaces; references to them stay what they say.
          const raw = a[2] ?? a[3] ?? '';
          element.attrs.push([a[1]!, decodeReferences(/[\t\n]/.test(raw) ? raw.replace(/[\t\n]/g, ' ') : raw, ignoreUnknown)]);
        }
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root ??= element;
      if (m[4] !== '/') stack.push(element);
    } else if (token.startsWith('</')) {
      stack.pop();
    } else if (m[1] !== undefined) {
      addText(m[1]);
    }
  }
  return root;
}
