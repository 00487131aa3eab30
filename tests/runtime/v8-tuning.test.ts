import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INLINING_BUDGET_FLAG } from '../../src/runtime/v8-tuning.js';

const TUNING = fileURLToPath(new URL('../../dist/runtime/v8-tuning.js', import.meta.url));

describe('V8 tuning', () => {
  it("this Node's V8 knows the flag cablekit sets", () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    const name = INLINING_BUDGET_FLAG.replace(/^--/, '').replace(/=.*$/, '');
    expect(options).toContain(`--${name}`);
  });

  it('setting it (twice) prints nothing and leaves the process working', () => {
    const script = `const m = await import(${JSON.stringify(TUNING)}); m.tuneV8ForBatchWork(); m.tuneV8ForBatchWork(); console.log('ok');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('ok');
    expect(run.status).toBe(0);
  });

  it('an unknown flag would be reported on stderr, so the test above can fail', () => {
    const run = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--cablekit-no-such-flag')"], { encoding: 'utf8' });
    expect(run.stderr).toContain('cablekit-no-such-flag');
  });
});
