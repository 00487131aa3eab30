export { validateIiif, LINT_RULES } from './validate-iiif.js';
export { isLanguageTag } from './language-tag.js';
export { htmlSubsetProblems, looksLikeHtml } from './html-subset.js';
export { isRightsUri } from './rights-uri.js';
export type { LintFinding, LintRule } from './lint-rule.js';
