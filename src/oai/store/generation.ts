import { randomUUID } from 'node:crypto';

/** A store generation: random, so two stores (or one store before and after a write) never share one. */
export function newGeneration(): string {
  return randomUUID();
}
