import type { Field } from '../../model/blocks.js';
import type { SourceLine } from '../source-lines.js';
import type { Draft } from './draft.js';
import { fieldsTypeOf, isOrgName, namesInValue, parseFieldLine } from './fields.js';
import { markingType } from './line-patterns.js';
import type { PlanEnv } from './plan-env.js';

const SENTENCE = /[.!?]["”]?[\s\u00a0]+\p{Lu}/u;

/** A header field line, unless a side label opens a long statement ("Korean side: We think … ."). */
export function isFieldLine(text: string): boolean {
  const fields = parseFieldLine(text);
  if (!fields) return false;
  return !fields.some((f) => f.role === 'participants' && /side$/i.test(f.label.trim()) && (f.value.length > 160 || SENTENCE.test(f.value)));
}

/** Consecutive header lines as one meeting, memo or transmission block; the people and bodies they name get their roles. */
export function planFields(lines: readonly SourceLine[], start: number, env: PlanEnv, drafts: Draft[]): number {
  const parts: Array<{ field: NonNullable<ReturnType<typeof parseFieldLine>>[number]; line: number; more: SourceLine[] }> = [];
  let k = start;
  while (k < lines.length && isFieldLine(lines[k]!.text)) {
    const l = lines[k]!;
    for (const field of parseFieldLine(l.text)!) parts.push({ field, line: l.line, more: [] });
    k++;
    // Names listed under an empty "Participants:" on the following lines belong to it.
    const last = parts[parts.length - 1]!;
    while (
      k < lines.length &&
      lines[k]!.line === lines[k - 1]!.line + 1 &&
      (last.field.value.trim() === '' || last.more.length > 0) &&
      !isFieldLine(lines[k]!.text) &&
      !markingType(lines[k]!.text)
    ) {
      last.more.push(lines[k]!);
      k++;
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
