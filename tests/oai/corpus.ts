import type { Cable } from '../../src/model/index.js';
import { cable118686, minimalCable } from '../dc/sample-cables.js';

/** n cables over two archives, three years and two document types, plus one minimal cable. */
export function corpus(n: number): Cable[] {
  const out: Cable[] = [];
  for (let i = 0; i < n; i++) {
    const c = cable118686();
    c.id = `doc-${String(i).padStart(4, '0')}`;
    c.title = `Cable number ${i}`;
    const year = 1964 + (i % 3);
    c.catalogueDate = { verbatim: `${year}`, when: `${year}-0${1 + (i % 9)}-15`, precision: 'day', origin: 'catalogue' };
    c.documentType = i % 2 === 0 ? 'Cable' : 'Memorandum of Conversation';
    const ref = c.archiveReferences[0];
    if (ref) {
      ref.archive = i % 4 === 0 ? 'AVPRF' : 'PRC FMA';
      ref.verbatim = `${ref.archive} ${i}`;
      delete ref.archiveName;
    }
    out.push(c);
  }
  out.push(minimalCable('doc-zzzz'));
  return out;
}
