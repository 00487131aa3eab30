import { pointer } from './json-walk.js';
import type { LintRule } from './lint-rule.js';

/** The official schema accepts a Manifest with no canvases; a viewer then shows nothing. */
export const lintEmptyManifest: LintRule = (objects) =>
  objects
    .filter(({ node }) => node.type === 'Manifest' && 'items' in node)
    .filter(({ node }) => !Array.isArray(node.items) || node.items.length === 0)
    .map(({ path }) => ({
      code: 'iiif/empty-manifest',
      message: 'the manifest has no canvases',
      pointer: pointer(path),
      hint: 'give it at least one canvas (a text canvas when there are no page images)',
    }));
