import { describe, expect, it } from 'vitest';
import { requireProgram } from '../support/programs.js';

describe('requireProgram (tests fail, never skip, when a program is missing)', () => {
  it('gives the path of an installed program', () => {
    expect(requireProgram('sh', 'dash')).toMatch(/\/sh$/);
  });

  it('throws an error naming the program and its Debian package', () => {
    expect(() => requireProgram('no-such-program-cablekit', 'some-package')).toThrow(
      /no-such-program-cablekit is not installed.*Debian package some-package; run: apt-get install some-package/,
    );
  });
});
