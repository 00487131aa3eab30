import type { NameRegister, RegisterEntry } from './register.js';

/** What a written form stands for: an entry, an ambiguous form to report, or a name known to be something else. */
export type FormTarget =
  | { kind: 'entry'; entry: RegisterEntry; titled: boolean }
  | { kind: 'ambiguous' }
  | { kind: 'unlinked' };

/** A form found in a text (offsets into that text). */
export interface FormHit {
  start: number;
  end: number;
  form: string;
  target: FormTarget;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A capitalised word right after a match: the name goes on ("Premier Kim Il"), so the short form is not it. */
const NAME_GOES_ON = /^[ \u00a0]+\p{Lu}/u;

/**
 * Finds the forms of one or more registers in text, as whole words and case-sensitively, the
 * longest form first at each place. Registers are given in priority order: the first register to
 * claim a form owns it (the edition's register before cablekit's), and a form two entries of the
 * same register claim becomes ambiguous. Built once, used for every cable.
 */
export class NameFinder {
  private readonly targets = new Map<string, FormTarget>();
  private readonly pattern: RegExp | undefined;

  constructor(registers: readonly NameRegister[]) {
    for (const register of registers) {
      const mine = new Map<string, FormTarget>();
      const claim = (form: string, target: FormTarget): void => {
        const f = form.normalize('NFC').trim();
        if (f === '' || this.targets.has(f)) return;
        const had = mine.get(f);
        if (had && had.kind === 'entry' && target.kind === 'entry' && had.entry.key !== target.entry.key) mine.set(f, { kind: 'ambiguous' });
        else if (!had) mine.set(f, target);
      };
      for (const entry of register.entries) {
        for (const form of [entry.name, ...entry.variants]) claim(form, { kind: 'entry', entry, titled: false });
        for (const form of entry.titled) claim(form, { kind: 'entry', entry, titled: true });
      }
      for (const form of register.unlinked) claim(form, { kind: 'unlinked' });
      for (const form of register.ambiguous) claim(form, { kind: 'ambiguous' });
      for (const [form, target] of mine) this.targets.set(form, target);
    }
    const forms = [...this.targets.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.pattern = forms.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Every form in the text, left to right, not overlapping; a titled form followed by more name is ambiguous. */
  find(text: string): FormHit[] {
    const pattern = this.pattern;
    if (!pattern) return [];
    const out: FormHit[] = [];
    // A titled form with more name after it is no match: the search goes on inside it, so
    // "Premier Kim Il Sung" still finds "Kim Il Sung"; it is reported only when nothing is found there.
    let rejected: FormHit | undefined;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const form = m[0];
      const target = this.targets.get(form)!;
      const end = m.index + form.length;
      if (rejected && m.index >= rejected.end) {
        out.push(rejected);
        rejected = undefined;
      }
      if (target.kind === 'entry' && target.titled && NAME_GOES_ON.test(text.slice(end, end + 3))) {
        rejected ??= { start: m.index, end, form, target: { kind: 'ambiguous' } };
        pattern.lastIndex = m.index + 1;
        continue;
      }
      rejected = undefined;
      out.push({ start: m.index, end, form, target });
    }
    if (rejected) out.push(rejected);
    return out;
  }
}
