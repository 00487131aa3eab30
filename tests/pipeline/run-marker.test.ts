import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookkeepingFiles } from '../../src/edition/layout.js';
import { makeEdition, type Edition } from './incremental-support.js';

let ed: Edition;
const marker = (): string => bookkeepingFiles(ed.config.outputDir).runMarker;

beforeEach(async () => {
  ed = makeEdition('cablekit-marker-');
  ed.page('a.txt', 'id: doc-a\nAlpha');
  await ed.build();
});
afterEach(() => ed.dispose());

describe('the run marker', () => {
  it('is gone when a run has ended', () => {
    expect(existsSync(marker())).toBe(false);
  });

  it('left by a run that did not end, makes the next run remove the temp files it left, and report each', async () => {
    const folder = join(ed.config.outputDir, 'listing');
    const leftover = join(folder, 'doc-a.txt.1234567');
    writeFileSync(leftover, 'half a file');
    writeFileSync(marker(), '999999\n');
    const report = await ed.build();
    expect(existsSync(leftover)).toBe(false);
    expect(report.diagnostics.filter((d) => d.code === 'build/temp-file-removed').map((d) => d.file)).toEqual(['output/listing/doc-a.txt.1234567']);
    expect(existsSync(marker())).toBe(false);
  });

  it('absent, the folders are not walked: a run that ended left no temp file to look for', async () => {
    // A file only a person could have put there (a run that ended leaves none): not even looked at.
    const planted = join(ed.config.outputDir, 'listing', 'doc-a.txt.7654321');
    writeFileSync(planted, 'placed by hand');
    const report = await ed.build();
    expect(report.diagnostics.map((d) => d.code)).not.toContain('build/temp-file-removed');
    expect(readdirSync(join(ed.config.outputDir, 'listing'))).toContain('doc-a.txt.7654321');
  });
});
