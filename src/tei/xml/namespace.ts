import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { TEI_NS } from '../vocabulary.js';
import { attr, walkElements, type XElement } from './xml-tree.js';

/**
 * The root must be TEI in the TEI namespace, as default namespace or through a prefix (which is
 * then dropped from element names so the rest of the code sees plain TEI names). A descendant
 * that switches the default namespace to something else is reported too.
 */
export function checkTeiNamespace(root: XElement, bag: DiagnosticBag, elements?: readonly XElement[]): XElement | undefined {
  const colon = root.name.indexOf(':');
  const prefix = colon === -1 ? undefined : root.name.slice(0, colon);
  const local = colon === -1 ? root.name : root.name.slice(colon + 1);
  const ns = attr(root, prefix === undefined ? 'xmlns' : `xmlns:${prefix}`);
  if (local !== 'TEI' || ns !== TEI_NS) {
    bag.error(
      'tei/wrong-namespace',
      `The root element is {${ns ?? ''}}${local}; expected TEI in the namespace ${TEI_NS}.`,
      { ...(root.line !== undefined ? { line: root.line } : {}), hint: `Declare xmlns="${TEI_NS}" on the TEI element.` },
    );
    return undefined;
  }
  let ok = true;
  const visit = (e: XElement) => {
    if (prefix !== undefined && e.name.startsWith(prefix + ':')) e.name = e.name.slice(prefix.length + 1);
    const declared = attr(e, 'xmlns');
    if (e !== root && declared !== undefined && declared !== TEI_NS && ok) {
      ok = false;
      bag.error('tei/wrong-namespace', `Element ${e.name} is in the namespace ${declared}, not TEI.`, e.line !== undefined ? { line: e.line } : {});
    }
  };
  if (elements) elements.forEach(visit);
  else walkElements(root, visit);
  return ok ? root : undefined;
}
