import { describe, expect, it } from 'vitest';
import { planTeiWrite, recordedWhenOf, type TeiStateEntry } from '../../src/pipeline/index.js';
import { sha256Hex } from '../../src/fs/index.js';

const encode = (body: string) => (when: string) => `<TEI><change when="${when}"/>${body}</TEI>`;
const bytes = (s: string) => Buffer.from(s, 'utf8');
const entry = (tei: string, when: string, sourceSha256 = 's1'): TeiStateEntry => ({
  source: 'sources/a.txt',
  sourceSha256,
  teiSha256: sha256Hex(tei),
  when,
  toolVersion: '1.0.0',
});
const base = { sourceSha256: 's1', force: false, now: 'NOW', toolVersion: '1.0.0' };

describe('planTeiWrite', () => {
  it('creates a missing TEI file with the current time', () => {
    expect(planTeiWrite({ ...base, encode: encode('x') })).toEqual({ action: 'create', content: encode('x')('NOW'), when: 'NOW' });
  });

  it('leaves our own untouched output alone and reuses its recorded when', () => {
    const tei = encode('x')('T0');
    const plan = planTeiWrite({ ...base, existingTei: bytes(tei), state: entry(tei, 'T0'), encode: encode('x') });
    expect(plan).toEqual({ action: 'unchanged', content: tei, when: 'T0' });
  });

  it('updates our own output when the source changed, with a new when', () => {
    const tei = encode('x')('T0');
    const plan = planTeiWrite({ ...base, sourceSha256: 's2', existingTei: bytes(tei), state: entry(tei, 'T0'), encode: encode('y') });
    expect(plan).toEqual({ action: 'update', content: encode('y')('NOW'), when: 'NOW' });
  });

  it('keeps a hand edit, and overwrites it only with force', () => {
    const tei = encode('x')('T0');
    const edited = bytes(tei.replace('x', 'x corrected'));
    expect(planTeiWrite({ ...base, existingTei: edited, state: entry(tei, 'T0'), encode: encode('x') })).toEqual({ action: 'keep-hand-edit' });
    expect(planTeiWrite({ ...base, force: true, existingTei: edited, state: entry(tei, 'T0'), encode: encode('x') })).toEqual({
      action: 'overwrite-hand-edit',
      content: encode('x')('NOW'),
      when: 'NOW',
    });
  });

  it('recognises its own output without a state file (fresh clone of a committed edition)', () => {
    const tei = encode('x')('T0');
    expect(planTeiWrite({ ...base, existingTei: bytes(tei), encode: encode('x') })).toEqual({ action: 'unchanged', content: tei, when: 'T0' });
    expect(planTeiWrite({ ...base, existingTei: bytes(encode('other')('T0')), encode: encode('x') })).toEqual({ action: 'keep-hand-edit' });
  });

  it('reads the recorded when from the first change element', () => {
    expect(recordedWhenOf('<revisionDesc><change n="1" when="2026-01-02T03:04:05Z">x</change></revisionDesc>')).toBe('2026-01-02T03:04:05Z');
    expect(recordedWhenOf('<TEI/>')).toBeUndefined();
  });
});
