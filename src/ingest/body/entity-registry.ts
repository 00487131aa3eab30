import type { AgentRef, Entity, EntityKind } from '../../model/cable.js';
import { slugify } from '../../text/slugify.js';
import { normalizeWhitespace } from '../../model/reading-text.js';

/** Entity ids stay readable: a long name is cut (at a word boundary when it can be). */
const ENTITY_SLUG_MAX = 60;

const PREFIX: Record<EntityKind, string> = { person: 'pers', org: 'org', place: 'place' };

/**
 * The people and bodies the body parser identified (speakers, signers, participants, addressees),
 * with their roles. Names are kept as written; the same name (or a declared alias) is one entity.
 */
export class EntityRegistry {
  readonly entities: Entity[] = [];
  readonly senders: AgentRef[] = [];
  readonly addressees: AgentRef[] = [];
  readonly participants: AgentRef[] = [];
  private readonly byName = new Map<string, Entity>();

  /** The entity with this name or alias, created when new. */
  add(kind: EntityKind, name: string): Entity {
    const known = this.find(name);
    if (known) return known;
    const base = `${PREFIX[kind]}-${slugify(name, ENTITY_SLUG_MAX) || 'name'}`;
    let id = base;
    for (let n = 2; this.entities.some((e) => e.id === id); n++) id = `${base}-${n}`;
    const entity: Entity = { id, kind, name, aliases: [] };
    this.entities.push(entity);
    this.byName.set(key(name), entity);
    return entity;
  }

  find(name: string): Entity | undefined {
    return this.byName.get(key(name));
  }

  addAlias(entity: Entity, alias: string): void {
    if (alias === entity.name || entity.aliases.includes(alias)) return;
    if (this.byName.has(key(alias))) return; // an alias never takes over another entity's name
    entity.aliases.push(alias);
    this.byName.set(key(alias), entity);
  }

  addRole(list: 'senders' | 'addressees' | 'participants', entity: Entity, role?: string): void {
    const refs = this[list];
    if (refs.some((r) => r.ref === entity.id && r.role === role)) return;
    refs.push(role !== undefined ? { ref: entity.id, role } : { ref: entity.id });
  }

  /** Every written form to mark as a mention, longest first so "Kim Il Sung" wins over "Kim". */
  names(): Array<{ text: string; entity: Entity }> {
    const out: Array<{ text: string; entity: Entity }> = [];
    for (const entity of this.entities) {
      out.push({ text: entity.name, entity });
      for (const alias of entity.aliases) out.push({ text: alias, entity });
    }
    // Stable: names of one length keep the order above.
    return out.sort((a, b) => b.text.length - a.text.length);
  }
}

function key(name: string): string {
  return normalizeWhitespace(name).toLowerCase();
}
