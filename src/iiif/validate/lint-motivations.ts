import { pointer, type VisitedObject } from './json-walk.js';
import type { LintFinding, LintRule } from './lint-rule.js';

function motivations(node: Record<string, unknown>): string[] {
  const m = node.motivation;
  return typeof m === 'string' ? [m] : Array.isArray(m) ? m.filter((x): x is string => typeof x === 'string') : [];
}

/** Where an annotation sits: in a canvas's `items` (content) or in some `annotations` (commentary). */
function slotOf(path: readonly (string | number)[], objects: ReadonlyMap<string, Record<string, unknown>>): 'items' | 'annotations' | undefined {
  // An annotation's path ends in …/<slot>/<page index>/items/<annotation index>.
  if (path.length < 4) return undefined;
  const slot = path[path.length - 4];
  const owner = objects.get(pointer(path.slice(0, path.length - 4)));
  if (slot === 'annotations') return 'annotations';
  if (slot === 'items' && owner?.type === 'Canvas') return 'items';
  return undefined;
}

/**
 * `painting` annotations belong in a canvas's `items`, everything else (`supplementing`,
 * `commenting`…) in `annotations`: the official schema accepts either anywhere.
 */
export const lintMotivations: LintRule = (objects: readonly VisitedObject[]) => {
  const byPointer = new Map(objects.map((o) => [pointer(o.path), o.node]));
  const findings: LintFinding[] = [];
  for (const { node, path } of objects) {
    if (node.type !== 'Annotation') continue;
    const slot = slotOf(path, byPointer);
    const kinds = motivations(node);
    const at = pointer(path);
    if (slot === 'annotations' && kinds.includes('painting')) {
      findings.push({ code: 'iiif/motivation-placement', message: `a painting annotation is listed under "annotations"`, pointer: at, hint: "move it to the canvas's items" });
    }
    if (slot === 'items' && kinds.some((k) => k !== 'painting')) {
      findings.push({ code: 'iiif/motivation-placement', message: `a "${kinds.join(', ')}" annotation is listed in the canvas's items`, pointer: at, hint: 'only painting annotations go in items; put it under "annotations"' });
    }
    if (kinds.length === 0) {
      findings.push({ code: 'iiif/motivation-placement', message: 'the annotation has no motivation', pointer: at });
    }
  }
  return findings;
};
