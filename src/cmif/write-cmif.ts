import { createHash } from 'node:crypto';
import { TEI_NS } from '../tei/index.js';
import { writeXml } from '../tei/xml/write-xml.js';
import { el, type XElement } from '../tei/xml/xml-tree.js';
import type { CmifDate, CmifLetter, CmifParty, CmifPlace } from './cmif-letter.js';

/** What the CMIF file says about itself (teiHeader/fileDesc), from the edition's settings. */
export interface CmifSettings {
  title: string;
  /** Who answers for the file (titleStmt/editor) and the address to write to. */
  editor: string;
  email?: string;
  /** The originator of the metadata, named in the CC BY attribution. */
  publisher: string;
  publisherUrl?: string;
  /** The URL the CMIF file is published at (publicationStmt/idno). */
  fileUrl: string;
  /** The edition the letters come from (sourceDesc/bibl), and its address. */
  editionTitle: string;
  editionUrl: string;
}

/** CMIF asks for CC BY 4.0 (or CC0) on the file, in these words. */
export const CMIF_LICENCE = { target: 'https://creativecommons.org/licenses/by/4.0/', text: 'This file is licensed under the terms of the Creative-Commons-License CC-BY 4.0' };

const CONTAINERS = new Set(['TEI', 'teiHeader', 'fileDesc', 'titleStmt', 'publicationStmt', 'availability', 'sourceDesc', 'profileDesc', 'correspDesc', 'correspAction', 'text', 'body']);

/** The RFC 4122 namespace for URLs, for name-based (version 5) UUIDs. */
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

function uuidV5(name: string): string {
  const h = createHash('sha1').update(URL_NAMESPACE).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The UUID of the edition's bibl: CMIF wants one that stays the same between updates, so it is
 * made from the edition's URL (version 5). It is also an xml:id, which cannot start with a digit:
 * the first one of `url`, `url#1`, `url#2`… that starts with a letter is taken.
 */
export function editionUuid(editionUrl: string): string {
  for (let n = 0; ; n++) {
    const uuid = uuidV5(n === 0 ? editionUrl : `${editionUrl}#${n}`);
    if (/^[a-f]/.test(uuid)) return uuid;
  }
}

function party(p: CmifParty): XElement {
  return el(p.kind === 'person' ? 'persName' : 'orgName', [['ref', p.refs.length > 0 ? p.refs.join(' ') : undefined], ['evidence', p.conjecture ? 'conjecture' : undefined]], [p.name]);
}

function correspAction(type: 'sent' | 'received', parties: readonly CmifParty[], place: CmifPlace | undefined, date?: CmifDate): XElement {
  return el('correspAction', [['type', type]], [
    ...parties.map(party),
    // The CMIF guidelines: an unknown sender or addressee is the name "Unknown", never left out.
    parties.length === 0 && el('persName', [], ['Unknown']),
    place && el('placeName', [['ref', place.ref], ['evidence', place.conjecture ? 'conjecture' : undefined]], [place.name]),
    date && el('date', [['when', date.when], ['notBefore', date.notBefore], ['notAfter', date.notAfter]]),
  ]);
}

/** The latest of the TEI encodings: when the CMIF file's content last changed. */
export function lastEncoded(letters: readonly CmifLetter[]): string | undefined {
  let latest: string | undefined;
  for (const l of letters) if (l.encodedWhen !== undefined && (latest === undefined || Date.parse(l.encodedWhen) > Date.parse(latest))) latest = l.encodedWhen;
  return latest;
}

/** The CMIF file (CMIF 1.1, a TEI document): one correspDesc per letter, in the order given. */
export function writeCmif(letters: readonly CmifLetter[], settings: CmifSettings, when: string): string {
  const uuid = editionUuid(settings.editionUrl);
  const tei = el('TEI', [], [
    el('teiHeader', [], [
      el('fileDesc', [], [
        el('titleStmt', [], [el('title', [], [settings.title]), el('editor', [], [settings.editor, settings.email !== undefined && el('email', [], [settings.email])])]),
        el('publicationStmt', [], [
          el('publisher', [], [settings.publisherUrl !== undefined ? el('ref', [['target', settings.publisherUrl]], [settings.publisher]) : settings.publisher]),
          el('idno', [['type', 'url']], [settings.fileUrl]),
          el('date', [['when', when]]),
          el('availability', [], [el('licence', [['target', CMIF_LICENCE.target]], [CMIF_LICENCE.text])]),
        ]),
        el('sourceDesc', [], [el('bibl', [['type', 'online'], ['xml:id', uuid]], [`${settings.editionTitle}. `, el('ref', [['target', settings.editionUrl]], [settings.editionUrl])])]),
      ]),
      el('profileDesc', [], letters.map((l) => el('correspDesc', [['key', l.id], ['ref', l.url], ['source', `#${uuid}`]], [correspAction('sent', l.sent, l.sentFrom, l.sentDate), correspAction('received', l.received, l.receivedAt)]))),
    ]),
    el('text', [], [el('body', [], [el('p')])]),
  ]);
  return writeXml(tei, TEI_NS, CONTAINERS);
}
