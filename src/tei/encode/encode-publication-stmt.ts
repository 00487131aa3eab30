import type { TeiSettings } from './tei-settings.js';
import type { Cable } from '../../model/cable.js';
import { el, type XElement } from '../xml/xml-tree.js';

export function publicationStmt(cable: Cable, settings: TeiSettings): XElement {
  return el('publicationStmt', [], [
    el('publisher', [], [settings.publisher]),
    el('idno', [['type', 'document'], ['subtype', cable.idSource]], [cable.id]),
    el('availability', [], [el('licence', [['target', settings.rightsUri]], cable.rights.map((r) => el('p', [], [r])))]),
  ]);
}

export function notesStmt(cable: Cable): XElement | undefined {
  if (cable.extraFields.length === 0) return undefined;
  return el(
    'notesStmt',
    [],
    cable.extraFields.map((f) => el('note', [['type', 'page-field']], [el('label', [], [f.label]), f.value])),
  );
}
