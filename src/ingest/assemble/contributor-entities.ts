import type { Contributor, Entity } from '../../model/cable.js';
import { foldName } from './fold-name.js';
import { idSlug } from './id-slug.js';

/**
 * One person entity per contributor, whatever the spelling: the same name with and without
 * diacritics is one person, its other spellings kept as aliases. Sets `ref` on each contributor.
 */
export function contributorEntities(contributors: Contributor[], takenIds: ReadonlySet<string>): Entity[] {
  const byName = new Map<string, Entity>();
  const used = new Set(takenIds);
  for (const c of contributors) {
    const key = foldName(c.name);
    let e = byName.get(key);
    if (!e) {
      const base = `contributor-${idSlug(c.name) || 'unnamed'}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      e = { id, kind: 'person', name: c.name, aliases: [] };
      byName.set(key, e);
    } else if (c.name !== e.name && !e.aliases.includes(c.name)) e.aliases.push(c.name);
    c.ref = e.id;
  }
  return [...byName.values()];
}
