import { htmlSubsetProblems, looksLikeHtml } from './html-subset.js';
import { languageMapsOf, pointer } from './json-walk.js';
import type { LintFinding, LintRule } from './lint-rule.js';

/** HTML in language maps and text/html bodies stays within the subset IIIF clients render safely. */
export const lintHtml: LintRule = (objects) => {
  const findings: LintFinding[] = [];
  const check = (html: string, at: string): void => {
    for (const problem of htmlSubsetProblems(html)) {
      findings.push({ code: 'iiif/html-subset', message: problem, pointer: at, hint: 'allowed: a[href], b, br, i, img[src alt], p, small, span, sub, sup' });
    }
  };
  for (const map of languageMapsOf(objects)) {
    for (const [key, values] of Object.entries(map.node)) {
      if (!Array.isArray(values)) continue;
      values.forEach((v, i) => {
        if (typeof v === 'string' && looksLikeHtml(v)) check(v, pointer([...map.path, key, i]));
      });
    }
  }
  for (const { node, path } of objects) {
    if (node.type === 'TextualBody' && node.format === 'text/html' && typeof node.value === 'string') check(node.value, pointer([...path, 'value']));
  }
  return findings;
};
