import { escapeXmlAttr, escapeXmlText } from '../dc/index.js';
import type { OaiError } from './oai-arguments.js';
import { toOaiIdentifier } from './oai-identifier.js';
import type { OaiRecord } from './oai-record.js';

/** The XML of OAI-PMH responses, built as strings: pages of 100 records must be cheap. */
const OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
  ' xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n';

/** Text that needs no escaping: XML characters other than `&`, `<`, `>` and astral ones (ids, setSpecs, most values). */
const PLAIN = /^[\t\n\r\u0020-\u0025\u0027-\u003b\u003d\u003f-\ud7ff\ue000-\ufffd]*$/;

export function text(value: string): string {
  return PLAIN.test(value) ? value : escapeXmlText(value);
}

/**
 * The whole response. `requestAttributes` are only the arguments known to be valid: after badVerb
 * or badArgument there are none, as the protocol requires.
 */
export function envelope(responseDate: string, baseUrl: string, requestAttributes: Record<string, string>, body: string): string {
  return envelopeParts(responseDate, baseUrl, requestAttributes, [body]).join('');
}

/** The same, as parts: a list page's many parts are kept apart until they are encoded (see utf8-parts.ts). */
export function envelopeParts(responseDate: string, baseUrl: string, requestAttributes: Record<string, string>, body: readonly string[]): string[] {
  const attrs = Object.entries(requestAttributes)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(v)}"`)
    .join('');
  return [`${OPEN}<responseDate>${responseDate}</responseDate>\n<request${attrs}>${text(baseUrl)}</request>\n`, ...body, '</OAI-PMH>\n'];
}

export function errorsXml(errors: readonly OaiError[]): string {
  return errors.map((e) => `<error code="${e.code}">${text(e.message)}</error>\n`).join('');
}

/** What a header shows: a full record, or a list page's record (setSpecs only). */
export type HeaderSource = Pick<OaiRecord, 'id' | 'datestamp' | 'deleted'> & ({ sets: OaiRecord['sets'] } | { setSpecs: readonly string[] });

export function headerXml(record: HeaderSource, repositoryIdentifier: string): string {
  const status = record.deleted ? ' status="deleted"' : '';
  let sets = '';
  if ('setSpecs' in record) for (const spec of record.setSpecs) sets += `<setSpec>${text(spec)}</setSpec>`;
  else for (const s of record.sets) sets += `<setSpec>${text(s.spec)}</setSpec>`;
  return `<header${status}><identifier>${text(toOaiIdentifier(repositoryIdentifier, record.id))}</identifier><datestamp>${record.datestamp}</datestamp>${sets}</header>`;
}

/** A record: header, and metadata unless it is a tombstone or the format cannot be produced. */
export function recordXml(record: HeaderSource, repositoryIdentifier: string, metadata: string | undefined): string {
  const payload = !record.deleted && metadata !== undefined ? `<metadata>${metadata}</metadata>` : '';
  return `<record>${headerXml(record, repositoryIdentifier)}${payload}</record>\n`;
}

export function resumptionTokenXml(token: string, completeListSize: number, cursor: number): string {
  return `<resumptionToken completeListSize="${completeListSize}" cursor="${cursor}">${text(token)}</resumptionToken>\n`;
}
