import type { Field } from '../../model/blocks.js';
import type { SourceLine } from '../source-lines.js';
import type { Draft } from './draft.js';
import { fieldsTypeOf, isOrgName, namesInValue, parseFieldLine } from './fields.js';
import { markingType } from './line-patterns.js';
import type { PlanEnv } from './plan-env.js';

const SENTENCE = /[.!?]["”]?[\s\u00a0]+\p{Lu}/u;

type HeaderField = NonNullable<ReturnType<typeof parseFieldLine>>[number];

/** The fields of a header line, unless a side label opens a long statement ("Korean side: We think … ."). */
export function headerFields(text: string): HeaderField[] | undefined {
  const fields = parseFieldLine(text);
  if (!fields) return undefined;
  const statement = fields.some((f) => f.role === 'participants' && /side$/i.test(f.label.trim()) && (f.value.length > 160 || SENTENCE.test(f.value)));
  return statement ? undefined : fields;
}

/** A header field line (see headerFields). */
export function isFieldLine(text: string): boolean {
  return headerFields(text) !== undefined;
}

/**
 * Consecutive header lines as one meeting, memo or transmission block; the people and bodies they
 * name get their roles. `firstFields` are those of the line at `start`, already read by the caller:
 * each line is read once.
 */
export function planFields(lines: readonly SourceLine[], start: number, firstFields: HeaderField[], env: PlanEnv, drafts: Draft[]): number {
  const parts: Array<{ field: HeaderField; line: number; more: SourceLine[] }> = [];
  const fieldsAt = (k: number): HeaderField[] | undefined => (k < lines.length ? headerFields(lines[k]!.text) : undefined);
  let k = start;
  let fields: HeaderField[] | undefined = firstFields;
  while (fields) {
    const l = lines[k]!;
    for (const field of fields) parts.push({ field, line: l.line, more: [] });
    k++;
    fields = fieldsAt(k);
    // Names listed under an empty "Participants:" on the following lines belong to it.
    const last = parts[parts.length - 1]!;
    while (
      k < lines.length &&
      lines[k]!.line === lines[k - 1]!.line + 1 &&
      (last.field.value.trim() === '' || last.more.length > 0) &&
      !fields &&
      !markingType(lines[k]!.text)
    ) {
      last.more.push(lines[k]!);
      k++;
      fields = fieldsAt(k);
    }
  }
  for (const p of parts) registerFieldAgents(p.field.role, p.field.label, [p.field.value, ...p.more.map((m) => m.text)], env);
  const fieldsType = fieldsTypeOf(parts.map((p) => p.field.role));
  drafts.push((b) => ({
    kind: 'fields',
    fieldsType,
    fields: parts.map((p): Field => {
      const origin = p.field.role === 'date' || p.field.role === 'time' ? 'meeting' : 'text';
      const value = b(p.field.value, p.line, { origin });
      for (const m of p.more) value.push({ kind: 'lineBreak' }, ...b(m.text, m.line, { origin }));
      return { label: p.field.label, separator: p.field.separator, role: p.field.role, value };
    }),
  }));
  return k;
}

function registerFieldAgents(role: Field['role'], label: string, values: string[], env: PlanEnv): void {
  const { registry } = env;
  const list = role === 'to' ? 'addressees' : role === 'from' ? 'senders' : undefined;
  const isPeopleRole = role === 'participants' || role === 'interpreter' || role === 'recorder' || role === 'observer';
  if (!list && !isPeopleRole) return;
  for (const value of values) {
    const orgs = list && isOrgName(value) && !value.includes(';') ? [value.trim().replace(/^the\s+/i, '').replace(/[.;]$/, '')] : [];
    for (const name of orgs) registry.addRole(list!, registry.add('org', name));
    if (orgs.length > 0) continue;
    for (const name of namesInValue(value)) {
      const entity = registry.add('person', name);
      if (list) registry.addRole(list, entity);
      else registry.addRole('participants', entity, label.trim());
    }
  }
}
