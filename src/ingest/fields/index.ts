export { parseCitation, type ParsedCitation } from './parse-citation.js';
export { parseContributors, splitNames } from './parse-contributors.js';
export { parseArchiveReference, parseArchiveReferences } from './parse-archive-reference.js';
export { parseFunders } from './parse-funders.js';
export { parseLanguage } from './parse-language.js';
export { extractUrls, documentIdFromUrl } from './extract-urls.js';
