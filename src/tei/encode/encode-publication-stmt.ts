import type { TeiSettings } from './tei-settings.js';
import type { Cable } from '../../model/cable.js';
import { el, type XElement } from '../xml/xml-tree.js';
import { anaFor, type EncodeContext } from './encode-context.js';

export function publicationStmt(cable: Cable, settings: TeiSettings, ctx: EncodeContext): XElement {
  return el('publicationStmt', [], [
    el('publisher', [], [settings.publisher]),
    // @ana says how a content suffix was derived (the inference taxonomy holds the reason).
    el('idno', [['type', 'document'], ['subtype', cable.idSource], ['ana', anaFor(ctx, cable.idInferred)]], [cable.id]),
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
