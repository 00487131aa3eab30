import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { isElement, type XElement } from '../../src/tei/xml/xml-tree.js';

const INDENT = '  ';

/**
 * Reference serializer for tests: xmlbuilder2 writes the same element tree, and a property test
 * holds cablekit's direct writer (src/tei/xml/write-xml.ts) byte-identical to it.
 *
 * xmlbuilder2 leaves "&name;" sequences unescaped (it takes them for entity references), so a text
 * "&a;" would come out as an undeclared entity. Escaping every "&" first makes each one "&amp;",
 * which xmlbuilder2 then passes through; it still escapes "<", ">" and quotes itself.
 */
function preEscape(text: string): string {
  return text.includes('&') ? text.replace(/&/g, '&amp;') : text;
}

/** Mixed content is any element holding text: its inside is written exactly as is, never indented. */
function isMixed(e: XElement): boolean {
  return e.children.some((c) => !isElement(c));
}

function appendElement(
  parent: XMLBuilder,
  e: XElement,
  depth: number,
  inMixed: boolean,
  containers: ReadonlySet<string>,
  ns?: string,
): void {
  const attrs: Record<string, string> = {};
  for (const [k, v] of e.attrs) attrs[k] = preEscape(v);
  const node = ns !== undefined ? parent.ele(ns, e.name, attrs) : parent.ele(e.name, attrs);
  if (e.children.length === 0) return;
  const indentChildren = !inMixed && containers.has(e.name) && !isMixed(e);
  for (const c of e.children) {
    if (indentChildren) node.txt('\n' + INDENT.repeat(depth + 1));
    if (isElement(c)) appendElement(node, c, depth + 1, !indentChildren, containers);
    else node.txt(preEscape(c));
  }
  if (indentChildren) node.txt('\n' + INDENT.repeat(depth));
}

/**
 * UTF-8 XML with declaration and 2-space indentation inside `containers` (elements that hold only
 * elements). Everything else is mixed content and is written exactly as is: indenting a paragraph
 * that holds only an `lb` would add text to it.
 */
export function serializeXml(root: XElement, namespace: string, containers: ReadonlySet<string>): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  appendElement(doc, root, 0, false, containers, namespace);
  const out = doc.end({ prettyPrint: false, headless: false });
  // xmlbuilder2 glues the root to the declaration; one newline keeps diffs readable.
  return out.replace(/^(<\?xml[^>]*\?>)/, '$1\n') + '\n';
}
