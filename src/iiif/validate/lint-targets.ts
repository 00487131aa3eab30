import { pointer } from './json-walk.js';
import type { LintFinding, LintRule } from './lint-rule.js';

function targetIds(target: unknown): string[] {
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.flatMap(targetIds);
  if (target !== null && typeof target === 'object') {
    const t = target as { id?: unknown; source?: unknown };
    if (typeof t.source === 'string') return [t.source];
    if (t.source !== null && typeof t.source === 'object') return targetIds(t.source);
    if (typeof t.id === 'string') return [t.id];
  }
  return [];
}

/** In a manifest, an annotation on a canvas targets a canvas of that manifest (a fragment aside). */
export const lintTargets: LintRule = (objects) => {
  const root = objects[0]?.node;
  if (root?.type !== 'Manifest') return [];
  const canvases = new Set(objects.filter(({ node }) => node.type === 'Canvas' && Array.isArray(node.items)).map(({ node }) => node.id));
  const findings: LintFinding[] = [];
  for (const { node, path } of objects) {
    if (node.type !== 'Annotation') continue;
    for (const id of targetIds(node.target)) {
      const canvas = id.split('#')[0];
      if (!canvases.has(canvas)) {
        findings.push({ code: 'iiif/dangling-target', message: `the annotation targets ${id}, which is not a canvas of this manifest`, pointer: pointer([...path, 'target']) });
      }
    }
  }
  return findings;
};
