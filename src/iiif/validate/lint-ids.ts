import { pointer } from './json-walk.js';
import type { LintFinding, LintRule } from './lint-rule.js';

/** Types that are defined where they appear: two of them with one id are two resources. */
const EMBEDDED_ONCE = new Set(['Canvas', 'AnnotationPage', 'Annotation', 'Range']);

/**
 * One id, one resource: an id may be referred to again with the same type (a canvas as a target,
 * a collection in partOf), but never carry two types, and a canvas or annotation is defined once.
 */
export const lintIds: LintRule = (objects) => {
  const findings: LintFinding[] = [];
  const typeOf = new Map<string, { type: string; at: string }>();
  const defined = new Map<string, string>();
  for (const { node, path } of objects) {
    const { id, type } = node;
    if (typeof id !== 'string' || typeof type !== 'string') continue;
    const at = pointer(path);
    const seen = typeOf.get(id);
    if (seen === undefined) typeOf.set(id, { type, at });
    else if (seen.type !== type) {
      findings.push({ code: 'iiif/id-type-clash', message: `id ${id} names a ${type} here and a ${seen.type} at ${seen.at}`, pointer: at, hint: 'give each resource its own id' });
    }
    if (EMBEDDED_ONCE.has(type) && ('items' in node || 'body' in node)) {
      const first = defined.get(id);
      if (first !== undefined) findings.push({ code: 'iiif/duplicate-id', message: `${type} ${id} is defined twice (first at ${first})`, pointer: at });
      else defined.set(id, at);
    }
  }
  return findings;
};
