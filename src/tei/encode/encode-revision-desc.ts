import { createHash } from 'node:crypto';
import type { Cable } from '../../model/cable.js';
import { cableReadingText, normalizeWhitespace } from '../../model/reading-text.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { ID } from '../vocabulary.js';
import { el, type XElement } from '../xml/xml-tree.js';

/** sha256 of the whitespace-normalised reading text: lets validation notice a text that drifted from the source. */
export function readingTextChecksum(cable: Pick<Cable, 'body'>): string {
  return createHash('sha256').update(normalizeWhitespace(cableReadingText(cable)), 'utf8').digest('hex');
}

export function revisionDesc(cable: Cable, when: string): XElement {
  return el('revisionDesc', [], [
    el('change', [['when', when], ['who', `#${ID.encoder}`]], [
      `Encoded by ${TOOL_NAME} ${TOOL_VERSION} from `,
      el('idno', [['type', 'source-path']], [cable.source.path]),
      ' (layout ',
      el('term', [['type', 'layout']], [cable.source.layout]),
      ', sha256 ',
      el('idno', [['type', 'source-sha256']], [cable.source.sha256]),
      '; reading text sha256 ',
      el('idno', [['type', 'reading-text-sha256']], [readingTextChecksum(cable)]),
      ').',
    ]),
  ]);
}
