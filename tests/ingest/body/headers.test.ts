import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksOfKind, PAGES, parseFixturePage } from './body-fixture.js';

const page = (name: string) => parseFixturePage(join(PAGES, `body-${name}.txt`));

describe('meeting headers', () => {
  const r = page('meeting-header');
  const fields = blocksOfKind(r.blocks, 'fields')[0]!;

  it('gathers the labelled lines into one meeting block with roles', () => {
    expect(fields.fieldsType).toBe('meeting');
    expect(fields.fields.map((f) => [f.label, f.role])).toEqual([
      ['Time', 'time'],
      ['Place', 'place'],
      ['Participants', 'participants'],
      ['Korean side', 'participants'],
      ['Our side', 'participants'],
      ['Interpreter', 'interpreter'],
      ['Recorder', 'recorder'],
      ['Observer', 'observer'],
    ]);
  });

  it('dates the time field as one meeting date: the time range on the day', () => {
    const time = fields.fields[0]!.value.filter((s) => s.kind === 'date');
    expect(time.map((d) => d.kind === 'date' && d.value)).toEqual([
      {
        verbatim: '10:00–12:30, 2 March 1961',
        origin: 'meeting',
        notBefore: '1961-03-02T10:00:00',
        notAfter: '1961-03-02T12:30:00',
        precision: 'minute',
      },
    ]);
  });

  it('lists the participants with their side or role as written', () => {
    const byRole = r.participants.filter((p) => p.role !== undefined).map((p) => [r.entities.find((e) => e.id === p.ref)!.name, p.role]);
    expect(byRole).toEqual([
      ['Pak Tong Su', 'Korean side'],
      ['Han Mi Ok', 'Korean side'],
      ['Ivan Orlov', 'Our side'],
      ['Lev Sokol', 'Our side'],
      ['Vera Lind', 'Interpreter'],
      ['Oleg Brun', 'Recorder'],
      ['Tomas Hale', 'Observer'],
    ]);
  });

  it('resolves a surname speaker label to the one participant of that name, marked inferred', () => {
    const speeches = blocksOfKind(r.blocks, 'speech');
    expect(speeches.map((s) => s.who)).toEqual(['pers-ivan-orlov', 'pers-pak-tong-su']);
    const inferred = r.participants.find((p) => p.ref === 'pers-ivan-orlov' && p.inferred !== undefined);
    expect(inferred?.inferred).toMatch(/surname/);
    expect(r.entities.find((e) => e.id === 'pers-ivan-orlov')?.aliases).toEqual(['Orlov']);
  });

  it('keeps the capitals heading above the header', () => {
    expect(r.blocks[0]).toMatchObject({ kind: 'heading' });
  });
});

describe('attendance headers', () => {
  const r = page('meeting-attendance');
  it('reads "Date and Time", "Location", "Those Taking Part", "In attendance"', () => {
    const fields = blocksOfKind(r.blocks, 'fields')[0]!;
    expect(fields.fields.map((f) => f.role)).toEqual(['time', 'place', 'participants', 'participants']);
    const date = fields.fields[0]!.value.find((s) => s.kind === 'date');
    expect(date?.kind === 'date' && date.value.when).toBe('1962-04-04T15:00:00');
    expect(r.participants.map((p) => p.role)).toEqual(['Those Taking Part', 'Those Taking Part', 'In attendance']);
  });
});

describe('memo headers', () => {
  const r = page('memo-header');
  const fields = blocksOfKind(r.blocks, 'fields')[0]!;
  it('splits two labels on one line and gives memo roles', () => {
    expect(fields.fieldsType).toBe('memo');
    expect(fields.fields.map((f) => [f.label, f.role])).toEqual([
      ['To', 'to'],
      ['From', 'from'],
      ['Subject', 'subject'],
      ['Date', 'date'],
      ['Classification', 'classification'],
    ]);
  });
  it('takes the addressee from "To:" and the sender from "From:"', () => {
    const name = (ref: string) => r.entities.find((e) => e.id === ref)?.name;
    expect(r.addressees.map((a) => name(a.ref))).toEqual(['Ministry of Transport']);
    expect(r.senders.map((a) => name(a.ref))).toEqual(['Ivan Orlov']);
  });
});
