/**
 * Where a cable was sent from and to: only where the page says it (a closer's dateline, or the
 * page's title: "from Pyongyang to Bucharest", "Ambassador in North Korea"), a place of the
 * registers, carried into the TEI's correspAction and back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ingestBytes, ingestText } from '../../src/ingest/index.js';
import type { Cable } from '../../src/model/index.js';
import { decodeTei, encodeTei, validateTei } from '../../src/tei/index.js';
import { officialSchema } from '../support/official-schemas.js';
import { requireProgram } from '../support/programs.js';

function ingest(path: string): Cable {
  const { cable } = ingestBytes(readFileSync(path), path);
  if (!cable) throw new Error(`${path} did not ingest`);
  return cable;
}

/** The TEI of a cable, checked by cablekit's validator and by jing against tei_all and cablekit's schema. */
function teiOf(cable: Cable): string {
  const xml = encodeTei(cable, DEFAULT_CONFIG, { when: '2026-01-01T00:00:00Z' });
  expect(validateTei(xml).filter((d) => d.severity === 'error')).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-places-'));
  try {
    writeFileSync(join(dir, 'doc.xml'), xml);
    for (const schema of [officialSchema('tei_all.rng'), join(import.meta.dirname, '../../schemas/cable-tei.rng')]) {
      const run = spawnSync(requireProgram('jing', 'jing'), [schema, join(dir, 'doc.xml')], { encoding: 'utf8' });
      expect(run.stdout).toBe('');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return xml;
}

const sentAction = (xml: string): string => /<correspAction type="sent">[\s\S]*?<\/correspAction>/.exec(xml)?.[0] ?? '';
const receivedAction = (xml: string): string => /<correspAction type="received">[\s\S]*?<\/correspAction>/.exec(xml)?.[0] ?? '';

describe('places of sending and receipt', () => {
  it("a closer's dateline place is the place of sending, as written (not inferred), with the register's GeoNames id", () => {
    const cable = ingest('tests/fixtures/pages/places-dateline.txt');
    expect(cable.sentFrom).toEqual({ ref: 'place-beijing' });
    expect(cable.receivedAt).toBeUndefined();
    expect(cable.entities.find((e) => e.id === 'place-beijing')?.authority).toContainEqual({ scheme: 'geonames', id: '1816670' });
    const xml = teiOf(cable);
    expect(sentAction(xml)).toContain('<placeName ref="#place-beijing">Beijing</placeName>');
    expect(decodeTei(xml).cable?.sentFrom).toEqual(cable.sentFrom);
    expect(decodeTei(xml).cable?.senders).toEqual(cable.senders);
  });

  it('"Telegram from Pyongyang to Bucharest": both places from the title, marked inferred with the words as the reason', () => {
    const cable = ingest('tests/fixtures/pages/places-telegram-from-to.txt');
    expect(cable.sentFrom).toEqual({ ref: 'place-pyongyang', inferred: `the page's title states the place of sending ("from Pyongyang")` });
    expect(cable.receivedAt).toEqual({ ref: 'place-bucharest', inferred: `the page's title states the place of receipt ("from Pyongyang to Bucharest")` });
    const xml = teiOf(cable);
    expect(sentAction(xml)).toMatch(/<placeName ref="#place-pyongyang" ana="#ck-inf-\d+">Pyongyang<\/placeName>/);
    expect(receivedAction(xml)).toMatch(/<placeName ref="#place-bucharest" ana="#ck-inf-\d+">Bucharest<\/placeName>/);
    // Neither place is in the body: each still has its standOff entry, with its ids.
    expect(xml).toMatch(/<place xml:id="place-bucharest">[\s\S]*?geonames\.org\/683506/);
    const decoded = decodeTei(xml).cable!;
    expect(decoded.sentFrom).toEqual(cable.sentFrom);
    expect(decoded.receivedAt).toEqual(cable.receivedAt);
    expect(decoded.addressees).toEqual(cable.addressees);
  });

  it('seed 000: "Chinese Ambassador in North Korea" gives North Korea, inferred; seed 001 states no place and gets none', () => {
    const s000 = ingest('sources/000_8b1b759c36f2ea61.txt');
    expect(s000.sentFrom).toMatchObject({ ref: 'place-north-korea', inferred: expect.stringContaining('Ambassador in North Korea') });
    const s001 = ingest('sources/001_3473856850622fa9.txt');
    expect(s001.sentFrom).toBeUndefined();
    expect(s001.receivedAt).toBeUndefined();
    expect(sentAction(teiOf(s001))).not.toContain('placeName');
  });

  it('"From: Pyongyang" / "To: Bucharest" in a memo header are the places, never a person named Pyongyang', () => {
    const memo = readFileSync('tests/fixtures/pages/body-memo-header.txt', 'utf8').replace('To: Ministry of Transport      From: Ivan Orlov', 'From: Pyongyang\nTo: Bucharest');
    const cable = ingestText(memo, 'memo.txt').cable!;
    expect(cable.entities.filter((e) => e.name === 'Pyongyang' || e.name === 'Bucharest').map((e) => [e.id, e.kind])).toEqual([
      ['place-pyongyang', 'place'],
      ['place-bucharest', 'place'],
    ]);
    expect(cable.senders).toEqual([]);
    expect(cable.addressees).toEqual([]);
    expect(cable.sentFrom).toEqual({ ref: 'place-pyongyang' });
    expect(cable.receivedAt).toEqual({ ref: 'place-bucharest' });
    expect(cable.entities.find((e) => e.id === 'place-pyongyang')?.authority).toContainEqual({ scheme: 'geonames', id: '1871859' });
    const xml = teiOf(cable);
    expect(xml).toContain('<placeName ref="#place-pyongyang">Pyongyang</placeName>');
    expect(sentAction(xml)).toContain('<persName type="unknown">');
    expect(sentAction(xml)).toContain('<placeName ref="#place-pyongyang">Pyongyang</placeName>');
    // A person sender in the same header stays a sender.
    const person = ingestText(readFileSync('tests/fixtures/pages/body-memo-header.txt', 'utf8'), 'memo.txt').cable!;
    expect(person.senders).toHaveLength(1);
    expect(person.sentFrom).toBeUndefined();
  });

  it('never a place the page does not state: a person after "from", a place in the body only, a dateline without a place', () => {
    const page = (title: string, closer: string): Cable => {
      const text = `\n\n**May 12, 1965**\n\n**${title}**\n\n**Citation:**\n\n"${title}", May 12, 1965, Wilson Center Digital Archive, Example Archive, Fond 1. Translated by Ada Example.  \n<https://digitalarchive.wilsoncenter.org/document/900109>\n\n**Original Language:**\n\nRussian\n\n**Contents:**\n\nTranslation - English\n\n[...]\n\n[To] the Ministry of Foreign Affairs:\n\nThe delegation went from Moscow to Beijing by train.\n\nIvan Orlov\n\n${closer}\n\n[...]\n`;
      const { cable } = ingestText(text, 'x.txt');
      return cable!;
    };
    const byPerson = page('Letter from Kim Il Sung to Mao Zedong', '12 May 1965');
    expect(byPerson.sentFrom).toBeUndefined();
    expect(byPerson.receivedAt).toBeUndefined();
    // A place after "from" that is not where a dispatch came from, and an addressee's post.
    for (const title of [
      'Report on the Visit of the Delegation from Pyongyang',
      'Telegram from the Foreign Ministry to the Embassy in Pyongyang',
      'Record of Conversation between the Soviet Ambassador in Beijing and Zhou Enlai',
    ]) {
      const c = page(title, '12 May 1965');
      expect([c.sentFrom, c.receivedAt], title).toEqual([undefined, undefined]);
    }
    // The sender's post abroad, a few words into a dispatch title.
    expect(page('Ciphered Telegram from the Soviet Embassy in Beijing to Moscow', '12 May 1965').sentFrom).toMatchObject({
      inferred: `the page's title states the place of sending ("from the Soviet Embassy in Beijing")`,
    });
    // "Ivan Orlov, 12 May 1965" is a signer's line with a date, not a place.
    const signerDate = page('Report on the Trade Talks', 'Ivan Orlov, 12 May 1965');
    expect(signerDate.sentFrom).toBeUndefined();
  });
});
