import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeEdition, treeBytes } from './incremental-support.js';

/** One change a person makes between two builds. */
type Step =
  | { kind: 'edit' | 'add'; page: number; body: string; id: number }
  | { kind: 'remove'; page: number }
  | { kind: 'setting'; publisher: string }
  | { kind: 'tool'; version: number };

const body = fc.constantFrom('Alpha', 'Bravo', 'Charlie WARN', 'alpha', 'Zulu', '');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('edit' as const, 'add' as const), page: fc.nat(7), body, id: fc.nat(9) }),
  fc.record({ kind: fc.constant('remove' as const), page: fc.nat(7) }),
  fc.record({ kind: fc.constant('setting' as const), publisher: fc.constantFrom('P1', 'P2') }),
  fc.record({ kind: fc.constant('tool' as const), version: fc.nat(2) }),
);

describe('an incremental build', () => {
  it('leaves tei/ and output/ byte-identical to a clean build after any sequence of edits, additions and removals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const kept = makeEdition();
        const pages = new Map<string, string>();
        let publisher = 'P1';
        let tool = 'tool-0';
        try {
          kept.page('p0.txt', 'id: d0\nStart');
          pages.set('p0.txt', 'id: d0\nStart');
          await kept.build({ tool, config: { publisher } });
          for (const s of steps) {
            if (s.kind === 'remove') {
              const name = `p${s.page}.txt`;
              if (pages.delete(name)) kept.remove(name);
            } else if (s.kind === 'setting') {
              publisher = s.publisher;
            } else if (s.kind === 'tool') {
              tool = `tool-${s.version}`;
            } else {
              // Ids may collide on purpose: a duplicate id is an error the build must report the same way.
              const text = `id: d${s.id}\n${s.body}`;
              pages.set(`p${s.page}.txt`, text);
              kept.page(`p${s.page}.txt`, text);
            }
            const clean = makeEdition();
            try {
              for (const [name, text] of pages) clean.page(name, text);
              const fresh = await clean.build({ tool, config: { publisher } });
              // The TEI is the master: a document leaves the edition when its TEI file is removed
              // too, as a person removing it would (those a clean build of the pages does not make).
              const current = new Set(readdirSync(clean.config.teiDir));
              for (const name of readdirSync(kept.config.teiDir)) if (name.endsWith('.xml') && !current.has(name)) rmSync(join(kept.config.teiDir, name));
              const incremental = await kept.build({ tool, config: { publisher } });
              expect(treeBytes(kept.root, ['tei', 'output'])).toEqual(treeBytes(clean.root, ['tei', 'output']));
              // The outputs ledger too, which a build patches by difference (sorted-ledger.ts).
              const ledger = (root: string) => readFileSync(join(root, '.cablekit', 'outputs.sha256'), 'utf8');
              expect(ledger(kept.root)).toBe(ledger(clean.root));
              const counts = (r: typeof fresh) => ({ documents: r.summary.documents, failed: r.summary.failed, warnings: r.summary.warnings, errors: r.summary.errors });
              expect(counts(incremental)).toEqual(counts(fresh));
            } finally {
              clean.dispose();
            }
          }
        } finally {
          kept.dispose();
        }
      }),
      { numRuns: 40 },
    );
  }, 600_000);
});
