import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { causeChain, chainMessage, chainStack, debugEnabled } from '../../src/diagnostics/error-chain.js';
import { assertCliBuilt, makeEdition, runCli } from './cli-harness.js';

/** A line of a V8 stack trace ("    at readFileSync (node:fs:…)"). */
const STACK_LINE = /^\s+at .+[:(]/m;

describe('a failure with a cause through the built CLI', () => {
  let dir: string;

  beforeAll(() => {
    assertCliBuilt();
    dir = makeEdition();
    const first = runCli(['build', '--no-progress'], dir);
    expect(first.status, first.stderr).toBe(0);
    // The outputs ledger replaced by a folder: reading it fails with EISDIR, wrapped by the ledger's reader.
    rmSync(join(dir, '.cablekit', 'outputs.sha256'));
    mkdirSync(join(dir, '.cablekit', 'outputs.sha256'));
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a normal run names what failed and why (the whole cause chain) and shows no stack trace', () => {
    const run = runCli(['build', '--no-progress'], dir, { CABLEKIT_DEBUG: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/build\/io-failed could not remove stale outputs and write the outputs ledger: cannot read the outputs ledger .*outputs\.sha256: EISDIR/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  }, 180_000);

  it('CABLEKIT_DEBUG=1 prints the stack of the wrapper and of its cause', () => {
    const run = runCli(['build', '--no-progress'], dir, { CABLEKIT_DEBUG: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(STACK_LINE);
    expect(run.stderr).toMatch(/^Error: cannot read the outputs ledger/m);
    expect(run.stderr).toMatch(/^Caused by: Error: EISDIR/m);
  }, 180_000);
});

describe('cause chains', () => {
  it('are followed to the root, outermost first, and a cycle ends', () => {
    const root = new Error('disk full');
    const outer = new Error('cannot write the state', { cause: new Error('write failed', { cause: root }) });
    expect(causeChain(outer)).toHaveLength(3);
    expect(chainMessage(outer)).toBe('cannot write the state: write failed: disk full');
    expect(chainStack(outer).match(/^Caused by: /gm)).toHaveLength(2);
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(chainMessage(b)).toBe('b: a');
    expect(chainMessage('plain')).toBe('plain');
  });

  it('CABLEKIT_DEBUG is on for any value but empty or 0', () => {
    expect(debugEnabled({ CABLEKIT_DEBUG: '1' })).toBe(true);
    expect(debugEnabled({ CABLEKIT_DEBUG: '0' })).toBe(false);
    expect(debugEnabled({})).toBe(false);
  });
});
