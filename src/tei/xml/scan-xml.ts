import { decodeReferences } from './parse-xml.js';
import type { XElement } from './xml-tree.js';

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Builds the element tree with the line of every element, from XML that libxml2 has already
 * accepted as well-formed (so this scanner need not diagnose anything). It exists for positions:
 * walking libxml2's own tree through WebAssembly costs more than libxml2's parse and validation.
 */
export function scanXmlTree(xml: string): XElement | undefined {
  const text = xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml;
  const ignoreUnknown = () => undefined;
  const stack: XElement[] = [];
  let root: XElement | undefined;
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number): number => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  const addText = (s: string) => {
    const parent = stack[stack.length - 1];
    if (!parent || s === '') return;
    const kids = parent.children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + s;
    else kids.push(s);
  };

  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      addText(decodeReferences(text.slice(i), ignoreUnknown));
      break;
    }
    if (lt > i) addText(decodeReferences(text.slice(i, lt), ignoreUnknown));
    if (text.startsWith('<!--', lt)) {
      i = text.indexOf('-->', lt + 4) + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      addText(text.slice(lt + 9, end));
      i = end + 3;
    } else if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      i = text.indexOf('>', lt) + 1;
    } else if (text[lt + 1] === '/') {
      stack.pop();
      i = text.indexOf('>', lt) + 1;
    } else {
      // Find the end of the start tag, skipping quoted values that may hold ">".
      let j = lt + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const c = text[j]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      const selfClosing = text[j - 1] === '/';
      const inner = text.slice(lt + 1, selfClosing ? j - 1 : j);
      const nameEnd = inner.search(/[\s/]|$/);
      const element: XElement = { name: inner.slice(0, nameEnd), attrs: [], children: [], line: lineAt(lt) };
      ATTRIBUTE.lastIndex = nameEnd;
      for (let m = ATTRIBUTE.exec(inner); m !== null; m = ATTRIBUTE.exec(inner)) {
        // Literal tabs and line ends in a value read as spaces; references to them stay what they say.
        element.attrs.push([m[1]!, decodeReferences((m[2] ?? m[3] ?? '').replace(/[\t\n]/g, ' '), ignoreUnknown)]);
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root ??= element;
      if (!selfClosing) stack.push(element);
      i = j + 1;
    }
  }
  return root;
}
