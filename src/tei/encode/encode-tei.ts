import type { Cable } from '../../model/cable.js';
import { CONTAINER_ELEMENTS, TEI_NS } from '../vocabulary.js';
import { writeXml } from '../xml/write-xml.js';
import { el, type XElement } from '../xml/xml-tree.js';
import { encodeDocumentDiv } from './encode-body.js';
import { buildEncodeContext } from './encode-context.js';
import { encodeHeader } from './encode-header.js';
import { encodeStandOff } from './encode-standoff.js';
import type { TeiSettings } from './tei-settings.js';

export interface EncodeOptions {
  /** ISO 8601 timestamp of the encoding, written to revisionDesc/change/@when (never "now": builds are reproducible). */
  when: string;
}

/** The TEI document of one cable as a tree. Parts are shared between documents: read it, do not change it. */
export function encodeTeiTree(cable: Cable, settings: TeiSettings, options: EncodeOptions): XElement {
  const ctx = buildEncodeContext(cable);
  const lang = cable.translationLanguage?.code ?? 'en';
  return el('TEI', [['xml:id', cable.id]], [
    encodeHeader(cable, settings, options.when, ctx),
    encodeStandOff(ctx),
    el('text', [['type', 'translation'], ['xml:lang', lang]], [
      el('body', [], [encodeDocumentDiv(cable.body, cable.documentType, ctx, false)]),
    ]),
  ]);
}

/** One TEI P5 document per cable, following the cable TEI profile; deterministic for the same inputs. */
export function encodeTei(cable: Cable, settings: TeiSettings, options: EncodeOptions): string {
  return writeXml(encodeTeiTree(cable, settings, options), TEI_NS, CONTAINER_ELEMENTS);
}
