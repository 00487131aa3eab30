import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTei } from '../../src/tei/index.js';
import { LIFTED_PATTERNS, liftedChecks, liftPatterns, LOCAL_POINTER, SINGLE_WORD } from '../../src/tei/validate/lifted-patterns.js';
import { PROJECT_SCHEMA_URL, projectSchemaVocabulary } from '../../src/tei/validate/project-schema.js';
import { lineOf, replaceOnce, sampleTei } from './helpers.js';

const grammar = readFileSync(PROJECT_SCHEMA_URL, 'utf8');

describe('patterns checked in code instead of by libxml2', () => {
  it('are lifted from the project grammar, and only from their own defines', () => {
    const { grammar: compiled, lifted } = liftPatterns(grammar);
    expect(lifted.map((p) => p.define)).toEqual(['data.pointer', 'data.word']);
    for (const p of LIFTED_PATTERNS) expect(compiled).not.toContain(p.xsd);
    // Everything else is as written.
    expect(compiled.length).toBe(grammar.length - LIFTED_PATTERNS.reduce((n, p) => n + `<param name="pattern">${p.xsd}</param></data>`.length - 1, 0));
  });

  it('are not lifted when the grammar says something else', () => {
    const edited = grammar.replace('#[\\i-[:]][\\c-[:]]*', '#[a-z]+');
    expect(liftPatterns(edited).lifted.map((p) => p.define)).toEqual(['data.word']);
  });

  it('cover every attribute the grammar types as a pointer or a word', () => {
    const vocabulary = projectSchemaVocabulary();
    const checks = liftedChecks(vocabulary, LIFTED_PATTERNS);
    for (const [element, rule] of vocabulary) {
      for (const [name, attribute] of rule.attributes) {
        if (attribute.types.has('pointer') || attribute.types.has('word')) expect(checks.get(element)?.has(name), `${element}/@${name}`).toBe(true);
      }
    }
  });

  it('read pointers and words as the XML Schema patterns do', () => {
    for (const ok of ['#p-kim', '#_x', '#é', '#x\u0301', '#a.b-c_d·e', '#日本']) expect(LOCAL_POINTER.test(ok), ok).toBe(true);
    for (const bad of ['p-kim', '#', '#1a', '#-a', '#a:b', '#a b', 'http://example.org/#a', '##a']) expect(LOCAL_POINTER.test(bad), bad).toBe(false);
    for (const ok of ['cable', 'wörd', 'a-b.c', '12']) expect(SINGLE_WORD.test(ok), ok).toBe(true);
    for (const bad of ['a b', 'a\u00a0b', 'a\u2028b', 'a\u200bb', '']) expect(SINGLE_WORD.test(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('validateTei applies the lifted patterns', () => {
  const schemaErrors = (xml: string) => validateTei(xml, 'case.xml').filter((d) => d.code === 'tei/schema');

  it('a pointer that is no NCName, at its line, and nothing else', () => {
    const xml = replaceOnce(sampleTei(), 'ref="#p-kim">Kim Il</persName> said', 'ref="#1-kim">Kim Il</persName> said');
    const errors = schemaErrors(xml);
    expect(errors.map((d) => d.line)).toEqual([lineOf(xml, 'ref="#1-kim"')]);
    expect(errors[0]!.message).toContain('#1-kim');
  });

  it('each token of a pointer list', () => {
    const xml = replaceOnce(sampleTei(), 'resp="#ck-resp-2 #ck-resp-3" rend="square">1961', 'resp="#ck-resp-2 ck-resp-3" rend="square">1961');
    expect(schemaErrors(xml).map((d) => d.line)).toEqual([lineOf(xml, 'resp="#ck-resp-2 ck-resp-3"')]);
  });

  it('a word with a no-break space inside', () => {
    const xml = replaceOnce(sampleTei(), 'subtype="cable"', 'subtype="a\u00a0cable"');
    expect(schemaErrors(xml).map((d) => d.line)).toEqual([lineOf(xml, 'subtype="a\u00a0cable"')]);
  });

  it('white space around a token is collapsed first, as for any token', () => {
    const xml = replaceOnce(sampleTei(), 'ref="#p-kim">Kim Il</persName> said', 'ref=" #p-kim ">Kim Il</persName> said');
    expect(validateTei(xml, 'case.xml').filter((d) => d.severity === 'error')).toEqual([]);
  });
});
