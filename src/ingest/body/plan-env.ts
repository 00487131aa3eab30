import type { BodyContext } from '../source-lines.js';
import type { EntityRegistry } from './entity-registry.js';

/** What planning needs besides the lines: the page context, the entities so far, declared aliases. */
export interface PlanEnv {
  ctx: BodyContext;
  registry: EntityRegistry;
  /** alias → full name, from "(hereafter Kim)". */
  declared: ReadonlyMap<string, string>;
}
