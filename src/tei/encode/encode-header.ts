import type { TeiSettings } from './tei-settings.js';
import type { Cable } from '../../model/cable.js';
import { el, type XElement } from '../xml/xml-tree.js';
import type { EncodeContext } from './encode-context.js';
import { encodingDesc } from './encode-encoding-desc.js';
import { profileDesc } from './encode-profile-desc.js';
import { notesStmt, publicationStmt } from './encode-publication-stmt.js';
import { revisionDesc } from './encode-revision-desc.js';
import { sourceDesc } from './encode-source-desc.js';
import { titleStmt } from './encode-title-stmt.js';

export function encodeHeader(cable: Cable, settings: TeiSettings, when: string, ctx: EncodeContext): XElement {
  return el('teiHeader', [], [
    el('fileDesc', [], [titleStmt(cable, ctx), publicationStmt(cable, settings, ctx), notesStmt(cable), sourceDesc(cable, ctx)]),
    encodingDesc(ctx),
    profileDesc(cable, ctx),
    revisionDesc(cable, when),
  ]);
}
