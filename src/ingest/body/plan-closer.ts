import type { SourceLine } from '../source-lines.js';
import type { CloserLineInfo } from './closer.js';
import type { Draft } from './draft.js';
import type { PlanEnv } from './plan-env.js';

/** The closer's lines (as closerInfos classified them), with the signers they name registered as senders. */
export function planCloser(lines: readonly SourceLine[], kinds: readonly CloserLineInfo[], env: PlanEnv): Draft {
  kinds.forEach((info) => {
    for (const s of info.signers) env.registry.addRole('senders', env.registry.add(s.kind, s.name));
  });
  return (b) => ({
    kind: 'closer',
    lines: lines.map((l, i) => ({
      kind: kinds[i]!.kind,
      content: b(l.text, l.line, { origin: kinds[i]!.kind === 'dateline' ? 'closer' : 'text' }),
    })),
  });
}
