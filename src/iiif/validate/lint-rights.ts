import { pointer } from './json-walk.js';
import type { LintFinding, LintRule } from './lint-rule.js';
import { isRightsUri } from './rights-uri.js';

/** `rights` must be an http:// Creative Commons or RightsStatements.org URI, wherever it appears. */
export const lintRights: LintRule = (objects) => {
  const findings: LintFinding[] = [];
  for (const { node, path } of objects) {
    if (!('rights' in node)) continue;
    const rights = node.rights;
    if (typeof rights !== 'string' || !isRightsUri(rights)) {
      findings.push({
        code: 'iiif/rights-uri',
        message: `rights ${JSON.stringify(rights)} is not an http:// Creative Commons or RightsStatements.org URI`,
        pointer: pointer([...path, 'rights']),
        hint: 'set rightsUri in cablekit.config.json, e.g. http://rightsstatements.org/vocab/UND/1.0/',
      });
    }
  }
  return findings;
};
