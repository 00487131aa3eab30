import type { SourceLine } from '../source-lines.js';
import type { Draft } from './draft.js';
import type { EntityRegistry } from './entity-registry.js';
import { isFieldLine } from './plan-fields.js';
import type { PlanEnv } from './plan-env.js';
import { parseSpeakerLine, type SpeakerLine } from './speaker-label.js';

/** A speaker turn; the speaker is resolved to one entity through declared aliases or, marked inferred, a unique surname. */
export function planSpeech(lines: readonly SourceLine[], start: number, speaker: SpeakerLine, env: PlanEnv, drafts: Draft[]): number {
  const l = lines[start]!;
  const { registry, declared } = env;
  const fullName = declared.get(speaker.name);
  const bySurname = fullName === undefined && !registry.find(speaker.name) ? uniqueSurnameMatch(speaker.name, registry) : undefined;
  const entity = bySurname ?? registry.add('person', fullName ?? speaker.name);
  if (fullName !== undefined || bySurname !== undefined) registry.addAlias(entity, speaker.name);
  for (const alias of speaker.aliases) registry.addAlias(entity, alias);
  const reason =
    fullName !== undefined
      ? `speaker label "${speaker.name}" resolved through the alias the text declares for ${fullName}`
      : bySurname !== undefined
        ? `speaker label "${speaker.name}" matched by surname to ${bySurname.name}, the only person of that name in the text`
        : undefined;
  if (reason !== undefined) {
    if (!registry.participants.some((r) => r.ref === entity.id && r.inferred !== undefined)) {
      registry.participants.push({ ref: entity.id, inferred: reason });
    }
  } else registry.addRole('participants', entity);
  let k = start + 1;
  let separator = speaker.separator;
  let rest: SourceLine = { text: speaker.rest, line: l.line };
  if (speaker.rest.trim() === '' && k < lines.length && !parseSpeakerLine(lines[k]!.text) && !isFieldLine(lines[k]!.text)) {
    // "Kim:" alone on its line: the speech is the next line.
    separator += '\n';
    rest = lines[k]!;
    k++;
  }
  const who = entity.id;
  const label = speaker.label;
  drafts.push((b) => ({ kind: 'speech', speaker: b(label, l.line), separator, who, content: b(rest.text, rest.line) }));
  return k;
}

const HONORIFIC = /^(?:cde\.|comrade|com\.|mr\.|mrs\.|ms\.|dr\.)\s+/i;

/** "Orlov" or "Cde. Orlov" for the one person named "Ivan Orlov": the same person, marked as inferred. */
function uniqueSurnameMatch(label: string, registry: EntityRegistry) {
  const surname = label.replace(HONORIFIC, '').trim().toLowerCase();
  if (surname === '' || /\s/.test(surname)) return undefined;
  const matches = registry.entities.filter(
    (e) => e.kind === 'person' && e.name.toLowerCase() !== surname && e.name.toLowerCase().split(/\s+/).includes(surname),
  );
  return matches.length === 1 ? matches[0] : undefined;
}
