import type { SeededRandom } from './random.js';
import * as V from './vocabulary.js';

interface BodyContext {
  sender: string;
  country: string;
  year: number;
}

const NBSP = '\u00a0';

/** Decorates a sentence with one of the editorial bracket forms real translations use. */
function withEditorialMark(random: SeededRandom, sentence: string, ctx: BodyContext): string {
  const marks = [
    () => sentence.replace(/^The /, '[The] '),
    () => sentence.replace(/\.$/, ` [in ${ctx.year}].`),
    () => sentence.replace(/\.$/, ' [sic].'),
    () => sentence.replace(/\.$/, ' [...]'),
    () => sentence.replace(/\.$/, ` on [[${random.int(10, 28)}]] ${random.pick(V.MONTHS)}.`),
    () => `${sentence} [handwritten: ${random.pick(V.FAMILY_NAMES)}]`,
    () => `${sentence} [Translator's note: the word used in the original is ambiguous.]`,
    () => sentence.replace(/\.$/, ` [i.e., the ${random.pick(V.ORGANISATIONS)}].`),
    () => `${sentence} (redacted)`,
    () => sentence.replace(/\.$/, `, on ${random.int(1, 28)}.${random.pick(['III', 'X', 'XI'])}.${String(ctx.year).slice(2)}.`),
    () => `\u201c${sentence.replace(/\.$/, '')}\u201d, he said \u2014 and added nothing.`,
    () => sentence.replace(/\.$/, `[${random.int(1, 3)}]`),
  ];
  return random.pick(marks)();
}

function paragraph(random: SeededRandom, ctx: BodyContext): string {
  const count = random.int(2, 6);
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = random.pick(V.SENTENCES);
    sentences.push(random.chance(0.35) ? withEditorialMark(random, s, ctx) : s);
  }
  return sentences.join(' ');
}

function personName(random: SeededRandom): string {
  return `${random.pick(V.GIVEN_NAMES)} ${random.pick(V.FAMILY_NAMES)}`;
}

/** Body blocks with a varied mix of the features listed in docs/input-formats.md. */
export function generateBody(random: SeededRandom, ctx: BodyContext): string[] {
  const blocks: string[] = [];
  if (random.chance(0.25)) blocks.push(random.pick(V.CLASSIFICATIONS));
  if (random.chance(0.15)) blocks.push(`Copy N\u00ba ${random.int(1, 5)}`);
  const kind = random.int(0, 3);
  const other = personName(random);
  if (kind === 0) {
    blocks.push(`[To the] ${random.pick(V.ORGANISATIONS)} and the ${random.pick(V.ORGANISATIONS)}:`);
  } else if (kind === 1) {
    blocks.push(`Time: ${random.int(1, 28)} ${random.pick(V.MONTHS)} ${ctx.year}, ${random.int(1, 11)}:00 p.m.`);
    blocks.push(`Place: ${random.pick(V.CITIES)}`);
    blocks.push(`Participants: ${ctx.country} side: ${ctx.sender}; Our side: ${other}`);
    if (random.chance(0.5)) blocks.push(`Interpreter: ${personName(random)}`);
  } else if (kind === 2) {
    blocks.push(`To: ${random.pick(V.ORGANISATIONS)}`);
    blocks.push(`From: ${ctx.sender}`);
    blocks.push(`Subject: ${random.pick(V.SENTENCES).replace(/\.$/, '')}`);
  } else {
    blocks.push(`Dear Comrade ${random.pick(V.FAMILY_NAMES)},`);
  }

  const paragraphs = random.int(3, 12);
  const speakers = [ctx.sender.split(' ')[1] ?? ctx.sender, other.split(' ')[1] ?? other];
  for (let i = 0; i < paragraphs; i++) {
    const shape = random.int(0, 9);
    if (kind === 1 && shape < 4) blocks.push(`${random.pick(speakers)}: ${paragraph(random, ctx)}`);
    else if (shape === 4) blocks.push(`${i + 1}. ${paragraph(random, ctx)}`);
    else if (shape === 5) blocks.push(['- ' + random.pick(V.SENTENCES), '- ' + random.pick(V.SENTENCES), '- ' + random.pick(V.SENTENCES)].join('\n'));
    else if (shape === 6) blocks.push(NBSP);
    else blocks.push(paragraph(random, ctx));
  }
  if (random.chance(0.1)) blocks.push('\u4e2d\u56fd\u5916\u4ea4\u90e8\u6863\u6848');

  if (random.chance(0.7)) {
    blocks.push(random.chance(0.2) ? `${ctx.sender} and ${personName(random)}` : ctx.sender);
    blocks.push(random.chance(0.7) ? `${random.int(1, 28)} ${random.pick(V.MONTHS)} ${ctx.year}` : `${random.int(1, 28)} ${random.pick(V.MONTHS)}, ${random.int(1, 11)}:00 p.m.`);
  }
  if (random.chance(0.2)) blocks.push(`[1] ${random.pick(V.SENTENCES)}`);
  return blocks;
}
