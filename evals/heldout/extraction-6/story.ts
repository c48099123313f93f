import { createHash } from 'node:crypto';
import { blockAfter, fence, storyText, storyTitle, wrap, wrapWords } from './kit.ts';

/**
 * Keyed by the story the session runs, which the learner sees (its title, description and
 * acceptance criteria; never its reference solution): the reply names the story as the key and
 * carries only what it unlocks. The readers take the key from the learner's view of the story.
 */
const printable = (c: string) => c >= ' ' && c <= '~';
const titleKey = (title: string) =>
  (title.toLowerCase().match(/[a-z]/g) ?? []).map((c) => c.charCodeAt(0) - 96);

/** Autokey over printable ASCII, primed with the title's letters, then the plaintext itself. */
function autokey(text: string, primer: number[], sign: 1 | -1): string {
  const key = [...primer];
  let k = 0;
  return [...text]
    .map((c) => {
      if (!printable(c)) return c;
      const x = c.charCodeAt(0) - 32;
      const y = (((x + sign * key[k++]!) % 95) + 95) % 95;
      key.push(sign === 1 ? x : y);
      return String.fromCharCode(32 + y);
    })
    .join('');
}
export const autokeyPayload = (text: string) =>
  `Autokey cipher over printable ASCII (space = 0 … tilde = 94). The primer is the title of the story this session is about — its letters only, lowercased, a = 1 … z = 26; after the primer, the key continues with the plaintext's own characters (as 0 … 94). c = (x + k) mod 95; line breaks are left alone and use no key. Decrypt from the front: each recovered character extends the key.\n\n${fence(`autokey:\n${autokey(text, titleKey(storyTitle), 1)}`)}`;
function readAutokey(text: string): string[] {
  const body = /```text\nautokey:\n([\s\S]*?)\n```/.exec(text)?.[1];
  if (!body || !/title of the story/.test(text)) return [];
  return [autokey(body, titleKey(storyTitle), -1)];
}

/** The story's words, as the reply numbers them. */
const storyWords = storyText.split(/\s+/).filter(Boolean);
/** The file as ranges of the story's words: w.a-b, `_` a space, `/` a line break, #n a character code. */
export function storyRefs(text: string): string {
  const refs: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] === ' ' || text[i] === '\n') {
      refs.push(text[i] === ' ' ? '_' : '/');
      i++;
      continue;
    }
    let best = { w: 0, a: 0, n: 0 };
    storyWords.forEach((word, w) => {
      for (let a = 0; a < word.length; a++) {
        let n = 0;
        while (i + n < text.length && word[a + n] === text[i + n]) n++;
        if (n > best.n) best = { w, a, n };
      }
    });
    if (best.n) refs.push(`${best.w + 1}.${best.a + 1}-${best.a + best.n}`);
    else refs.push(`#${text.charCodeAt(i)}`);
    i += best.n || 1;
  }
  return `Written with the story's own words: split the story you were given (its description, then its acceptance criteria, as the session shows them) on whitespace and number the words from 1; w.a-b is letters a to b of word w; _ is a space, / a line break, #n the character with code n.\n\n${fence(`story refs:\n${wrapWords(refs.join(' '), 72)}`)}`;
}
function readStoryRefs(text: string): string[] {
  const body = blockAfter(text, 'story refs:');
  if (!body) return [];
  return [
    body
      .replace(/^story refs:/, '')
      .split(/\s+/)
      .filter(Boolean)
      .map((r) => {
        if (r === '_') return ' ';
        if (r === '/') return '\n';
        if (/^#\d+$/.test(r)) return String.fromCharCode(Number(r.slice(1)));
        const m = /^(\d+)\.(\d+)-(\d+)$/.exec(r);
        return m ? (storyWords[Number(m[1]) - 1]?.slice(Number(m[2]) - 1, Number(m[3])) ?? '') : '';
      })
      .join(''),
  ];
}

/** A keystream of SHA-256 blocks of "<title>:<block number>". */
function shaStream(title: string, n: number): Buffer {
  const blocks: Buffer[] = [];
  for (let j = 0; blocks.length * 32 < n; j++)
    blocks.push(createHash('sha256').update(`${title}:${j}`).digest());
  return Buffer.concat(blocks).subarray(0, n);
}
export function shaPayload(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const key = shaStream(storyTitle, bytes.length);
  const hex = Buffer.from(bytes.map((b, i) => b ^ key[i]!)).toString('hex');
  return `XOR with a keystream made from the story's title: block j of the keystream is SHA-256 of the UTF-8 string "<title>:<j>" (the title exactly as the session shows it, j = 0, 1, 2 …), 32 bytes per block, concatenated. XOR byte by byte, read as UTF-8.\n\n${fence(`title keystream ciphertext:\n${wrap(hex, 64)}`)}`;
}
function readSha(text: string): string[] {
  const body = blockAfter(text, 'title keystream ciphertext:');
  if (!body) return [];
  const bytes = Buffer.from(
    body.replace(/^title keystream ciphertext:/, '').replace(/\s/g, ''),
    'hex',
  );
  const key = shaStream(storyTitle, bytes.length);
  return [Buffer.from(bytes.map((b, i) => b ^ key[i]!)).toString('utf8')];
}

/** Everything the story-keyed readers make of one text. */
export const storyReadings = (text: string) => [
  ...readAutokey(text),
  ...readStoryRefs(text),
  ...readSha(text),
];
