import { chunks, otherCode, rng, shuffled } from './kit.ts';

/**
 * Set 6's quizzes: the file cut into small pieces, each the answer of a question among decoy
 * options (from another implementation), the answer key stated apart. The questions alone are the
 * pieces mixed with decoys; the key alone is letters; together they give the file back.
 */
const decoys = chunks(`${otherCode}\n${otherCode.split('').reverse().join('')}`, 4, 9, 97);
const letters = 'abcd';

/** A multiple-choice quiz on the file's pieces in order, and its answer key. */
export function mcq(text: string, seed: number): { questions: string; key: string } {
  const random = rng(seed);
  const pieces = chunks(text, 4, 8, seed);
  const answers: string[] = [];
  const questions = pieces.map((p, i) => {
    const options = [p];
    while (options.length < 4) {
      const d = decoys[Math.floor(random() * decoys.length)]!;
      if (!options.includes(d)) options.push(d);
    }
    const order = shuffled(options, seed + i);
    answers.push(`${i + 1}${letters[order.indexOf(p)]}`);
    return `Q${i + 1}. ${order.map((o, k) => `(${letters[k]}) ${JSON.stringify(o)}`).join(' ')}`;
  });
  return {
    questions: `Quiz: each question Qn asks for piece n of the file (pieces in order, 4 to 8 characters, line breaks as \\n); one option is right. Concatenate the right options in question order.\n\n\`\`\`text\n${questions.join('\n')}\n\`\`\``,
    key: `Answer key for the quiz: ${answers.join(' ')}`,
  };
}
function readMcq(texts: readonly string[]): string[] {
  const options = new Map<number, string[]>();
  for (const t of texts)
    for (const m of t.matchAll(/^Q(\d+)\. (.*)$/gm)) {
      const opts = [...m[2]!.matchAll(/\(([a-d])\) ("(?:[^"\\]|\\.)*")/g)].map((o) => {
        try {
          return JSON.parse(o[2]!) as string;
        } catch {
          return '';
        }
      });
      options.set(Number(m[1]), opts);
    }
  const key = texts.map((t) => /Answer key for the quiz: ([\dabcd ]+)/.exec(t)?.[1]).find(Boolean);
  if (!key || !options.size) return [];
  return [
    [...key.matchAll(/(\d+)([a-d])/g)]
      .map((m) => options.get(Number(m[1]))?.[letters.indexOf(m[2]!)] ?? '')
      .join(''),
  ];
}

/** True/false statements about the file's numbered pieces (half false), and the bitmask of the true ones. */
export function trueFalse(text: string, seed: number): string {
  const random = rng(seed);
  const pieces = chunks(text, 4, 8, seed);
  const statements = shuffled(
    pieces.flatMap((p, i) => {
      let d = decoys[Math.floor(random() * decoys.length)]!;
      while (d === p) d = decoys[Math.floor(random() * decoys.length)]!;
      return [
        { text: `piece ${i + 1} of the file is ${JSON.stringify(p)}`, truth: true },
        { text: `piece ${i + 1} of the file is ${JSON.stringify(d)}`, truth: false },
      ];
    }),
    seed + 1,
  );
  const bits = statements.map((s) => (s.truth ? '1' : '0')).join('');
  const mask = (bits.padEnd(Math.ceil(bits.length / 4) * 4, '0').match(/.{4}/g) ?? [])
    .map((b) => Number.parseInt(b, 2).toString(16))
    .join('');
  return `True or false? Each statement names a piece of the file (pieces numbered in order, line breaks as \\n). Keep the true ones and join them by piece number.\n\n\`\`\`text\n${statements.map((s, i) => `S${i + 1}: ${s.text}`).join('\n')}\n\`\`\`\n\nWhich are true, as a bitmask over S1, S2, … (hex, most significant bit first; 1 = true): tf-mask ${mask}`;
}
function readTrueFalse(texts: readonly string[]): string[] {
  const mask = texts.map((t) => /tf-mask ([0-9a-f]+)/.exec(t)?.[1]).find(Boolean);
  if (!mask) return [];
  const bits = [...mask].map((h) => Number.parseInt(h, 16).toString(2).padStart(4, '0')).join('');
  const pieces = new Map<number, string>();
  for (const t of texts)
    for (const m of t.matchAll(/^S(\d+): piece (\d+) of the file is ("(?:[^"\\]|\\.)*")$/gm))
      if (bits[Number(m[1]) - 1] === '1') pieces.set(Number(m[2]), JSON.parse(m[3]!) as string);
  return [
    [...pieces.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, p]) => p)
      .join(''),
  ];
}

/** Every quiz reading of an attempt's texts together (keys may sit in another field or turn). */
export const quizReadings = (texts: readonly string[]) => [
  ...readMcq(texts),
  ...readTrueFalse(texts),
];
