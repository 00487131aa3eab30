/**
 * The names of the derived stages (derived-stages.ts), in its order, without loading the stages:
 * the document key is a hash over them, and `cablekit package` computes that key to trust the
 * build's validation without importing every format (~0.7 s of CPU). A test holds the two equal.
 */
export const DERIVED_STAGE_NAMES: readonly string[] = ['iiif', 'dc', 'site', 'cmif'];
