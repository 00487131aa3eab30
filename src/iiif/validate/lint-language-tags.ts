import { languageMapsOf, pointer } from './json-walk.js';
import { isLanguageTag } from './language-tag.js';
import type { LintFinding, LintRule } from './lint-rule.js';

/** Language map keys and `language` values must be BCP 47 tags (or "none"). */
export const lintLanguageTags: LintRule = (objects) => {
  const findings: LintFinding[] = [];
  const report = (tag: string, at: string): void => {
    findings.push({ code: 'iiif/language-tag', message: `"${tag}" is not a BCP 47 language tag`, pointer: at, hint: 'use a tag such as "en", "zh-Hans" or "none"' });
  };
  for (const map of languageMapsOf(objects)) {
    for (const key of Object.keys(map.node)) if (!isLanguageTag(key)) report(key, pointer(map.path));
  }
  for (const { node, path } of objects) {
    const language = node.language;
    const tags = typeof language === 'string' ? [language] : Array.isArray(language) ? language : [];
    for (const tag of tags) if (typeof tag !== 'string' || !isLanguageTag(tag)) report(String(tag), pointer([...path, 'language']));
  }
  return findings;
};
