import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * What aggregators make of the collection's rights URI. DPLA takes any RightsStatements.org
 * statement and any Creative Commons licence or tool; Europeana takes Creative Commons licences,
 * CC0 and the Public Domain Mark, and only six of the twelve RightsStatements.org statements.
 * Both want the URI exactly as published: http, not https, with the trailing slash.
 * The lists and their sources are in docs/aggregators.md.
 */
export type RightsFamily = 'rightsstatements.org' | 'creativecommons.org';

export interface RightsVerdict {
  family?: RightsFamily;
  europeana: boolean;
}

/** The twelve statements of RightsStatements.org, version 1.0. */
export const RIGHTS_STATEMENTS = ['InC', 'InC-OW-EU', 'InC-EDU', 'InC-NC', 'InC-RUU', 'NoC-CR', 'NoC-NC', 'NoC-OKLR', 'NoC-US', 'CNE', 'UND', 'NKC'] as const;
/** The RightsStatements.org statements on Europeana's list of available rights statements. */
export const EUROPEANA_RIGHTS_STATEMENTS = ['InC', 'InC-OW-EU', 'InC-EDU', 'NoC-NC', 'NoC-OKLR', 'CNE'] as const;

const RS = /^http:\/\/rightsstatements\.org\/vocab\/([A-Za-z-]+)\/1\.0\/$/;
const CC_LICENCE = /^http:\/\/creativecommons\.org\/licenses\/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)\/\d\.\d\/(?:[a-z]{2}\/)?$/;
const CC_TOOL = /^http:\/\/creativecommons\.org\/publicdomain\/(zero|mark)\/1\.0\/$/;

export function classifyRightsUri(uri: string): RightsVerdict {
  const rs = RS.exec(uri);
  if (rs && (RIGHTS_STATEMENTS as readonly string[]).includes(rs[1] as string)) {
    return { family: 'rightsstatements.org', europeana: (EUROPEANA_RIGHTS_STATEMENTS as readonly string[]).includes(rs[1] as string) };
  }
  if (CC_LICENCE.test(uri) || CC_TOOL.test(uri)) return { family: 'creativecommons.org', europeana: true };
  return { europeana: false };
}

/**
 * Warnings about the configured rights URI (`file`: the config file): not a RightsStatements.org
 * or Creative Commons URI (no aggregator maps it), or one Europeana does not accept.
 */
export function rightsUriFindings(rightsUri: string, file?: string): Diagnostic[] {
  const at = (d: Diagnostic): Diagnostic[] => [file !== undefined ? { ...d, file } : d];
  if (rightsUri.trim() === '') {
    return at({ code: 'dc/rights-uri-missing', severity: 'warning', message: 'rightsUri is empty: the records carry no rights statement URI', hint: 'set rightsUri to a RightsStatements.org or Creative Commons URI (docs/aggregators.md)' });
  }
  const verdict = classifyRightsUri(rightsUri);
  if (verdict.family === undefined) {
    const https = /^https:/i.test(rightsUri) && classifyRightsUri(rightsUri.replace(/^https:/i, 'http:')).family !== undefined;
    return at({
      code: 'dc/rights-uri-unrecognised',
      severity: 'warning',
      message: `rightsUri "${rightsUri}" is not a RightsStatements.org or Creative Commons URI; DPLA and Europeana will not map it`,
      hint: https ? 'write it with http://, as both vocabularies publish their URIs' : 'use a RightsStatements.org statement or a Creative Commons licence or tool (docs/aggregators.md)',
    });
  }
  if (!verdict.europeana) {
    return at({
      code: 'dc/rights-uri-not-europeana',
      severity: 'warning',
      message: `rightsUri "${rightsUri}" is a ${verdict.family} statement that Europeana does not accept (DPLA does)`,
      hint: `for Europeana use one of ${EUROPEANA_RIGHTS_STATEMENTS.join(', ')} or a Creative Commons licence, CC0 or the Public Domain Mark (docs/aggregators.md)`,
    });
  }
  return [];
}
