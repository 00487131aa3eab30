import { XmlCData, XmlElement, XmlText, type XmlTreeNode } from 'libxml2-wasm';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { TEI_NS, XML_NS } from '../vocabulary.js';
import type { XChild, XElement } from '../xml/xml-tree.js';

/**
 * libxml2's tree as the shared element tree, with line numbers, so rule checks can say where.
 * Elements outside the TEI namespace are reported (`tei/wrong-namespace`) and skipped.
 */
export function treeFromLibxml(root: XmlElement, bag: DiagnosticBag): XElement | undefined {
  if (root.namespaceUri !== TEI_NS || root.name !== 'TEI') {
    bag.error('tei/wrong-namespace', `The root element is {${root.namespaceUri}}${root.name}; expected TEI in the namespace ${TEI_NS}.`, {
      line: root.line,
      hint: `Declare xmlns="${TEI_NS}" on the TEI element.`,
    });
    return undefined;
  }
  let reported = false;
  const convert = (e: XmlElement): XElement => {
    const attrs: [string, string][] = [];
    for (const a of e.attrs) {
      const name = a.namespaceUri === XML_NS ? `xml:${a.name}` : a.prefix ? `${a.prefix}:${a.name}` : a.name;
      attrs.push([name, a.value]);
    }
    const children: XChild[] = [];
    for (let c: XmlTreeNode | null = e.firstChild; c !== null; c = c.next) {
      if (c instanceof XmlElement) {
        if (c.namespaceUri !== TEI_NS) {
          if (!reported) bag.error('tei/wrong-namespace', `Element ${c.name} is in the namespace "${c.namespaceUri}", not TEI.`, { line: c.line });
          reported = true;
          continue;
        }
        children.push(convert(c));
      } else if (c instanceof XmlText || c instanceof XmlCData) {
        const last = children[children.length - 1];
        if (typeof last === 'string') children[children.length - 1] = last + c.content;
        else children.push(c.content);
      }
    }
    return { name: e.name, attrs, children, line: e.line };
  };
  return convert(root);
}
