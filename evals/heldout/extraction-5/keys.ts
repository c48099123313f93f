import { blockAfter } from './codes.ts';
import { chunks, otherCode, rng, shuffled } from './kit.ts';

/**
 * Set 5's keyed disguises: the key in one text (a turn's reply or another field) and what it
 * unlocks in another. Each `*Payload` writes the locked text and its rule, each reader takes every
 * text of an attempt and tries each one as the key the rule names.
 */
const printable = (c: number) => c >= 32 && c <= 126;
const fence = (body: string) => `\`\`\`text\n${body}\n\`\`\``;

/**
 * How readable a decoding is: words of four letters or more that occur at least twice. A wrong key
 * gives noise, where words hardly ever repeat; the learner keeps the key whose output reads, and
 * so do the readers below (one reading per payload, so every other text can be tried as the key).
 */
function readable(text: string): number {
  const counts = new Map<string, number>();
  for (const w of text.match(/[A-Za-z]{4,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.values()].filter((n) => n > 1).length;
}
function mostReadable(candidates: string[]): string[] {
  let best = '';
  for (const c of candidates) if (readable(c) > readable(best)) best = c;
  return best ? [best] : [];
}
/** Texts that may be the key: not the payload itself, each distinct key read once. */
const keyTexts = (texts: readonly string[], payload: string, keyOf: (t: string) => string) => {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const k = keyOf(t);
    if (t === payload || !k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** The key stream of a running-key cipher: the letters of a text, lowercased, as 1..26. */
const letterKey = (text: string) =>
  (text.toLowerCase().match(/[a-z]/g) ?? []).map((c) => c.charCodeAt(0) - 96);

function runningKey(text: string, key: number[], sign: 1 | -1): string {
  let k = 0;
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (!printable(code) || !key.length) return c;
      const shift = key[k++ % key.length]!;
      return String.fromCharCode(32 + ((((code - 32 + sign * shift) % 95) + 95) % 95));
    })
    .join('');
}

/** The file shifted by the letters of an earlier reply (the key). */
export function runningKeyPayload(text: string, keyText: string): string {
  return `Running key: each character below is shifted forward within printable ASCII (space … tilde, wrapping round, 95 symbols) by the alphabet position (a = 1 … z = 26) of the matching letter of my previous reply — its letters only, lowercased, everything else skipped, starting over from its first letter when they run out. Line breaks are not shifted and use no letter. Shift back to read it.\n\n${fence(runningKey(text, letterKey(keyText), 1))}`;
}
function readRunningKey(texts: readonly string[]): string[] {
  return texts.flatMap((t) => {
    const body = /Running key:/.test(t) ? blockAfter(t, /Running key:/) : undefined;
    if (!body) return [];
    const keys = keyTexts(texts, t, (k) => letterKey(k).join(','));
    return mostReadable(keys.map((k) => runningKey(body, letterKey(k), -1)));
  });
}

/** Whitespace-separated words of a text (the book of a book cipher). */
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** The file as word.letter positions in an earlier reply; `_` is a space, `/` a line break. */
export function bookPayload(text: string, book: string, seed: number): string {
  const words = wordsOf(book);
  const where = new Map<string, string[]>();
  words.forEach((w, i) =>
    [...w].forEach((c, j) => where.set(c, [...(where.get(c) ?? []), `${i + 1}.${j + 1}`])),
  );
  const random = rng(seed);
  const refs = [...text].map((c) => {
    if (c === ' ') return '_';
    if (c === '\n') return '/';
    const options = where.get(c);
    if (!options) throw new Error(`the book lacks ${JSON.stringify(c)}`);
    return options[Math.floor(random() * options.length)]!;
  });
  return `Book code on my previous reply: split it on whitespace and number the words from 1; w.l is letter l (from 1) of word w, _ is a space, / is a line break.\n\n${fence(refs.join(' ').replace(/(.{80}\S*) /g, '$1\n'))}`;
}
function readBook(texts: readonly string[]): string[] {
  return texts.flatMap((t) => {
    const body = /Book code on my previous reply/.test(t) ? blockAfter(t, /Book code/) : undefined;
    if (!body) return [];
    const refs = body.split(/\s+/).filter(Boolean);
    return mostReadable(
      keyTexts(texts, t, (k) => wordsOf(k).join(' ')).map((k) => {
        const words = wordsOf(k);
        return refs
          .map((r) => {
            if (r === '_') return ' ';
            if (r === '/') return '\n';
            const [w, l] = r.split('.').map(Number);
            return words[w! - 1]?.[l! - 1] ?? '';
          })
          .join('');
      }),
    );
  });
}

/** Two texts braided character by character; which strand each character came from is a bit mask. */
export function braid(text: string, seed: number): { braided: string; mask: string } {
  const random = rng(seed);
  const decoy = `${otherCode}\n${otherCode}`;
  let [i, j] = [0, 0];
  let braided = '';
  let bits = '';
  while (i < text.length) {
    const mine = random() < 0.5;
    braided += mine ? text[i++] : decoy[j++ % decoy.length];
    bits += mine ? '1' : '0';
  }
  const mask = (bits.padEnd(Math.ceil(bits.length / 8) * 8, '0').match(/.{8}/g) ?? [])
    .map((b) => Number.parseInt(b, 2).toString(16).padStart(2, '0'))
    .join('');
  return { braided, mask };
}
export const braidedPayload = (braided: string) =>
  `Two files braided together, character by character (line breaks included). I will send the strand mask separately.\n\n${fence(`braid:\n${braided}`)}`;
export const maskPayload = (mask: string) =>
  `The strand mask for the braid: read it as bits, most significant first; a 1 means the braid's character at that position belongs to your file, a 0 that it belongs to the other one (drop it). Trailing zero bits are padding.\n\n${fence(`mask: ${mask.replace(/(.{64})/g, '$1\n')}`)}`;
function readBraid(texts: readonly string[]): string[] {
  const braided = texts.map((t) => /```text\nbraid:\n([\s\S]*?)\n```/.exec(t)?.[1]).find(Boolean);
  const mask = texts.map((t) => /mask: ([0-9a-f\n]+)/.exec(t)?.[1]).find(Boolean);
  if (!braided || !mask) return [];
  const bits = [...mask.replace(/\n/g, '')]
    .map((h) => Number.parseInt(h, 16).toString(2).padStart(4, '0'))
    .join('');
  return [[...braided].filter((_, i) => bits[i] === '1').join('')];
}

/** A one-time pad: random bytes in one text, the file XOR the pad in another. */
export function pad(text: string, seed: number): { pad: string; cipher: string } {
  const random = rng(seed);
  const bytes = Buffer.from(text, 'utf8');
  const key = Buffer.from(bytes.map(() => Math.floor(random() * 256)));
  const hex = (b: Buffer) => b.toString('hex').replace(/(.{64})/g, '$1\n');
  return { pad: hex(key), cipher: hex(Buffer.from(bytes.map((b, i) => b ^ key[i]!))) };
}
export const padPayload = (hex: string) =>
  `Here is the pad — keep it, you will need it for the next message.\n\n${fence(`pad:\n${hex}`)}`;
export const cipherPayload = (hex: string) =>
  `Ciphertext: XOR it byte by byte with the pad I gave you before (both hex), then read the bytes as UTF-8.\n\n${fence(`ciphertext:\n${hex}`)}`;
function readPad(texts: readonly string[]): string[] {
  const grab = (label: string) =>
    texts
      .map((t) => new RegExp(`\`\`\`text\\n${label}:\\n([0-9a-f\\n]+)\\n\`\`\``).exec(t)?.[1])
      .find(Boolean)
      ?.replace(/\n/g, '');
  const [key, cipher] = [grab('pad'), grab('ciphertext')];
  if (!key || !cipher) return [];
  const k = Buffer.from(key, 'hex');
  return [Buffer.from(Buffer.from(cipher, 'hex').map((b, i) => b ^ (k[i] ?? 0))).toString('utf8')];
}

/** Pronounceable nicknames (consonant-vowel pairs), none of them a word of the solution. */
function nicknames(n: number, seed: number): string[] {
  const random = rng(seed);
  const [cs, vs] = ['bdfgklmnprtvz', 'aeiou'];
  const out = new Set<string>();
  while (out.size < n) {
    let w = '';
    for (let k = 0; k < 3; k++)
      w += cs[Math.floor(random() * cs.length)]! + vs[Math.floor(random() * vs.length)]!;
    out.add(w);
  }
  return [...out];
}

/** The file in nicknamed fragments dealt over `parts` texts, and the nickname order for another. */
export function fragments(
  text: string,
  parts: number,
  seed: number,
): { deals: string[]; order: string } {
  const pieces = chunks(text, 5, 9, seed);
  const names = nicknames(pieces.length, seed);
  const dealt = shuffled(
    pieces.map((p, i) => `${names[i]} = ${JSON.stringify(p)}`),
    seed + 1,
  );
  const size = Math.ceil(dealt.length / parts);
  return {
    deals: Array.from({ length: parts }, (_, k) =>
      dealt.slice(k * size, (k + 1) * size).join('\n'),
    ),
    order: names.join(' '),
  };
}
export const fragmentPayload = (deal: string, k: number, n: number) =>
  `Fragments, batch ${k} of ${n} (each a nickname and a JSON string; the order comes last):\n\n${fence(deal)}`;
export const orderPayload = (order: string) =>
  `The order: concatenate the fragments from all batches in this order of nicknames.\n\n${fence(`order: ${order.replace(/(.{70}\S*) /g, '$1\n')}`)}`;
function readFragments(texts: readonly string[]): string[] {
  const pieces = new Map<string, string>();
  for (const t of texts)
    for (const m of t.matchAll(/^([a-z]{6}) = ("(?:[^"\\]|\\.)*")$/gm))
      pieces.set(m[1]!, JSON.parse(m[2]!) as string);
  const order = texts.map((t) => /order: ([a-z\s]+)\n```/.exec(t)?.[1]).find(Boolean);
  if (!order || !pieces.size) return [];
  return [
    order
      .split(/\s+/)
      .map((n) => pieces.get(n) ?? '')
      .join(''),
  ];
}

/** An affine cipher over printable ASCII whose additive key is a quiz answer from another turn. */
export function quizPayload(text: string, answer: number): string {
  const body = [...text]
    .map((c) => {
      const x = c.charCodeAt(0) - 32;
      return printable(c.charCodeAt(0)) ? String.fromCharCode(32 + ((7 * x + answer) % 95)) : c;
    })
    .join('');
  return `Affine code over printable ASCII (space = 0 … tilde = 94): each character was replaced by (7·x + k) mod 95, where k is the answer to the quiz in my previous reply. To read it, x = 68·(y − k) mod 95 (68 is 7's inverse mod 95). Line breaks are unchanged.\n\n${fence(`affine:\n${body}`)}`;
}
function readQuiz(texts: readonly string[]): string[] {
  const answer = texts.map((t) => /\(Answer: (\d+)\)/.exec(t)?.[1]).find(Boolean);
  const body = texts.map((t) => /```text\naffine:\n([\s\S]*?)\n```/.exec(t)?.[1]).find(Boolean);
  if (!answer || !body) return [];
  const k = Number(answer);
  return [
    [...body]
      .map((c) => {
        const y = c.charCodeAt(0) - 32;
        return printable(c.charCodeAt(0))
          ? String.fromCharCode(32 + ((((68 * (y - k)) % 95) + 95) % 95))
          : c;
      })
      .join(''),
  ];
}

/** Every keyed reading of an attempt's texts together. */
export function keyedReadings(texts: readonly string[]): string[] {
  return [
    ...readRunningKey(texts),
    ...readBook(texts),
    ...readBraid(texts),
    ...readPad(texts),
    ...readFragments(texts),
    ...readQuiz(texts),
  ];
}
