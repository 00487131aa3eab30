import { xmlText } from '../xml-escape.js';

/** PREMIS 3 entities as METS embeds them (prefix `premis:`, declared on the METS root). */
export interface PremisFile {
  id: string;
  sha256: string;
  sha512: string;
  size: number;
  formatName: string;
  originalName: string;
  eventIds: string[];
}

export interface PremisEvent {
  id: string;
  type: string;
  dateTime: string;
  detail: string;
  outcome: string;
  agents: { id: string; role: string }[];
  objects: string[];
}

export interface PremisAgent {
  id: string;
  name: string;
  type: 'software' | 'person' | 'organization';
  version?: string;
  note?: string;
}

const ident = (kind: string, id: string): string =>
  `<premis:${kind}Type>local</premis:${kind}Type><premis:${kind}Value>${xmlText(id)}</premis:${kind}Value>`;

export function premisObject(f: PremisFile, indent: string): string {
  const fixity = (algorithm: string, digest: string): string =>
    `${indent}    <premis:fixity><premis:messageDigestAlgorithm>${algorithm}</premis:messageDigestAlgorithm><premis:messageDigest>${digest}</premis:messageDigest></premis:fixity>\n`;
  return [
    `${indent}<premis:object xsi:type="premis:file">\n`,
    `${indent}  <premis:objectIdentifier>${ident('objectIdentifier', f.id)}</premis:objectIdentifier>\n`,
    `${indent}  <premis:objectCharacteristics>\n`,
    `${indent}    <premis:compositionLevel>0</premis:compositionLevel>\n`,
    fixity('SHA-256', f.sha256),
    fixity('SHA-512', f.sha512),
    `${indent}    <premis:size>${f.size}</premis:size>\n`,
    `${indent}    <premis:format><premis:formatDesignation><premis:formatName>${xmlText(f.formatName)}</premis:formatName></premis:formatDesignation></premis:format>\n`,
    `${indent}  </premis:objectCharacteristics>\n`,
    `${indent}  <premis:originalName>${xmlText(f.originalName)}</premis:originalName>\n`,
    ...f.eventIds.map((e) => `${indent}  <premis:linkingEventIdentifier>${ident('linkingEventIdentifier', e)}</premis:linkingEventIdentifier>\n`),
    `${indent}</premis:object>\n`,
  ].join('');
}

export function premisEvent(e: PremisEvent, indent: string): string {
  return [
    `${indent}<premis:event>\n`,
    `${indent}  <premis:eventIdentifier>${ident('eventIdentifier', e.id)}</premis:eventIdentifier>\n`,
    `${indent}  <premis:eventType>${xmlText(e.type)}</premis:eventType>\n`,
    `${indent}  <premis:eventDateTime>${xmlText(e.dateTime)}</premis:eventDateTime>\n`,
    `${indent}  <premis:eventDetailInformation><premis:eventDetail>${xmlText(e.detail)}</premis:eventDetail></premis:eventDetailInformation>\n`,
    `${indent}  <premis:eventOutcomeInformation><premis:eventOutcome>${xmlText(e.outcome)}</premis:eventOutcome></premis:eventOutcomeInformation>\n`,
    ...e.agents.map(
      (a) =>
        `${indent}  <premis:linkingAgentIdentifier>${ident('linkingAgentIdentifier', a.id)}<premis:linkingAgentRole>${xmlText(a.role)}</premis:linkingAgentRole></premis:linkingAgentIdentifier>\n`,
    ),
    ...e.objects.map((o) => `${indent}  <premis:linkingObjectIdentifier>${ident('linkingObjectIdentifier', o)}</premis:linkingObjectIdentifier>\n`),
    `${indent}</premis:event>\n`,
  ].join('');
}

export function premisAgent(a: PremisAgent, indent: string): string {
  return [
    `${indent}<premis:agent>\n`,
    `${indent}  <premis:agentIdentifier>${ident('agentIdentifier', a.id)}</premis:agentIdentifier>\n`,
    `${indent}  <premis:agentName>${xmlText(a.name)}</premis:agentName>\n`,
    `${indent}  <premis:agentType>${a.type}</premis:agentType>\n`,
    ...(a.version !== undefined ? [`${indent}  <premis:agentVersion>${xmlText(a.version)}</premis:agentVersion>\n`] : []),
    ...(a.note !== undefined ? [`${indent}  <premis:agentNote>${xmlText(a.note)}</premis:agentNote>\n`] : []),
    `${indent}</premis:agent>\n`,
  ].join('');
}
