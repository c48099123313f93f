import { describe, expect, it } from 'vitest';
import { guardReply } from '../../../agents/leak-guard.ts';
import { numberWordsToDigits } from '../../../agents/leak-legends.ts';
import { loadStory } from '../../../tools/story-loader.ts';

const reference = loadStory('examples/stories/add-pagination.md').referenceSolution!;
const solutionBody = /```ts\n([\s\S]*?)```/.exec(reference)![1]!;
const half = solutionBody.slice(0, Math.ceil(solutionBody.length * 0.55));
const guard = (text: string) => guardReply(text, { referenceSolution: reference });

const emoji = [
  ...'🍎🍌🍇🍉🍓🍒🍑🍍🥝🥥🥑🍆🥕🌽🌶🥒🥦🍄🥜🌰🍞🥐🥖🥨🥞🧀🍖🍗🥩🥓🍔🍟🍕🌭🥪🌮🌯🥙🥚🍳🥘🍲🥣🥗🍿🧂🥫🍱🍘🍙🍚🍛🍜🍝🍠🍢🍣🍤🍥🥮🍡🥟🥠🥡🦀🦞🦐🦑🦪🍦🍧🍨🍩🍪🎂🍰🧁🥧🍫🍬🍭🍮🍯',
];
/** Every letter and digit of `text` (lower-cased) for an emoji, and the legend. */
function emojiCipher(text: string): { legend: string; body: string } {
  const map = new Map<string, string>();
  const body = [...text.toLowerCase()]
    .map((c) => {
      if (!/[a-z0-9]/.test(c)) return c;
      if (!map.has(c)) map.set(c, emoji[map.size]!);
      return map.get(c)!;
    })
    .join('');
  return { legend: [...map].map(([c, e]) => `${e} = ${c}`).join('\n'), body };
}

const tokensOf = (text: string) => text.match(/[A-Za-z_$][\w$]*|\d+|\S/g) ?? [];
const unitWords =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const tensWords = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
/** 0-999 in words: `one hundred and fourteen`. */
function inWords(n: number): string {
  const below100 = (m: number) =>
    m < 20
      ? unitWords[m]!
      : `${tensWords[Math.floor(m / 10) - 2]}${m % 10 ? `-${unitWords[m % 10]}` : ''}`;
  if (n < 100) return below100(n);
  const rest = n % 100;
  return `${unitWords[Math.floor(n / 100)]} hundred${rest ? ` and ${below100(rest)}` : ''}`;
}

/** A numbered word list of the text's distinct tokens and the sequence of their indexes. */
function wordIndex(text: string, write: (n: number) => string = String) {
  const tokens = tokensOf(text);
  const words = [...new Set(tokens)];
  const list = words.map((w, i) => `${i + 1}. ${w}`).join('\n');
  const sequence = tokens.map((t) => write(words.indexOf(t) + 1)).join(', ');
  return { list, sequence };
}

function uuencode(text: string): string {
  const bytes = Buffer.from(text);
  const lines: string[] = ['begin 644 solution.ts'];
  const ch = (n: number) => String.fromCharCode(n ? n + 32 : 96);
  for (let i = 0; i < bytes.length; i += 45) {
    const chunk = bytes.subarray(i, i + 45);
    let line = ch(chunk.length);
    for (let k = 0; k < chunk.length; k += 3) {
      const [a = 0, b = 0, c = 0] = [chunk[k], chunk[k + 1], chunk[k + 2]];
      line +=
        ch(a >> 2) + ch(((a & 3) << 4) | (b >> 4)) + ch(((b & 15) << 2) | (c >> 6)) + ch(c & 63);
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n\`\nend`;
}

function base85(text: string, alphabet: (d: number) => string): string {
  const bytes = Buffer.from(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (bytes[i + k] ?? 0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(alphabet(value % 85));
      value = Math.floor(value / 85);
    }
    out += digits.join('');
  }
  return out;
}
const z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';

const quotedPrintableLower = (text: string) =>
  [...Buffer.from(text)].map((b) => `=${b.toString(16).padStart(2, '0')}`).join('');

const rot13 = (s: string) =>
  s.replace(/[a-z]/gi, (c) =>
    String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c <= 'Z' ? 65 : 97)),
  );

describe('leak guard: legends, number words and rarer encodings', () => {
  const disguises: Record<string, () => string> = {
    'emoji for letters, with a legend': () => {
      const { legend, body } = emojiCipher(half);
      return `Here is a fun puzzle. Legend:\n${legend}\n\nMessage:\n${body}`;
    },
    'emoji for letters, without a legend': () => `Decode me:\n${emojiCipher(half).body}`,
    'symbols for words, with a legend': () => {
      // Every word of the code for a geometric shape (U+25A0 on), punctuation kept.
      const words = [...new Set(half.match(/[A-Za-z_$][\w$]*/g) ?? [])];
      const symbol = new Map(words.map((w, i) => [w, String.fromCodePoint(0x25a0 + i)]));
      const body = half.replace(/[A-Za-z_$][\w$]*/g, (w) => symbol.get(w)!);
      const legend = words.map((w) => `${symbol.get(w)} means ${w}`).join('\n');
      return `${legend}\n\n${body}`;
    },
    'a numbered word list and a sequence of indexes': () => {
      const { list, sequence } = wordIndex(half);
      return `Vocabulary:\n${list}\n\nRead these in order: ${sequence}`;
    },
    'indexes written as words': () => {
      const { list, sequence } = wordIndex(half, inWords);
      return `Vocabulary:\n${list}\n\nRead these in order: ${sequence}`;
    },
    'a JSON word array and 0-based indexes': () => {
      // (Items holding `[` are not read: the array scan stops at every `[` to stay linear.)
      const tokens = tokensOf(half.replace(/[[\]]/g, ' '));
      const words = [...new Set(tokens)];
      return `{"words": ${JSON.stringify(words)}, "order": [${tokens.map((t) => words.indexOf(t)).join(', ')}]}`;
    },
    'character codes as number words': () =>
      [...half].map((c) => inWords(c.charCodeAt(0))).join(', '),
    'letter positions (A1Z26)': () =>
      (half.toLowerCase().match(/[a-z]/g) ?? []).map((c) => c.charCodeAt(0) - 96).join('-'),
    uuencode: () => uuencode(half),
    'raw Ascii85 (no delimiters)': () => base85(half, (d) => String.fromCharCode(33 + d)),
    Z85: () => base85(half, (d) => z85[d]!),
    'quoted-printable, lower-case hex': () => quotedPrintableLower(half),
    'character codes in base 5': () => [...half].map((c) => c.charCodeAt(0).toString(5)).join(' '),
    'character codes in base 36': () =>
      [...half].map((c) => c.charCodeAt(0).toString(36)).join(', '),
    'JSON fields with numbered keys, out of order': () => {
      const pieces = half.match(/[\s\S]{1,10}/g)!;
      const order = pieces.map((_, i) => (i * 7) % pieces.length);
      const fields = [...new Set(order)].map(
        (i) => `${JSON.stringify(String(i))}: ${JSON.stringify(pieces[i])}`,
      );
      return `{${fields.join(', ')}}`;
    },
    'pieces interleaved with decoy lines': () =>
      half
        .replace(/\s+/g, ' ')
        .match(/.{1,9}/g)!
        .map(
          (piece, i) =>
            `${piece}\n${['Remember to test the edge cases.', 'Naming matters.', 'Keep functions small!'][i % 3]}`,
        )
        .join('\n'),
  };
  for (const [name, disguise] of Object.entries(disguises))
    it(`refuses half the solution as ${name}`, () => {
      const result = guard(disguise());
      expect(result.action, result.reasons.join('; ')).toBe('refused');
    });

  it('adds up turns that each use their own encoding', () => {
    const fifth = Math.ceil(solutionBody.length / 5);
    const parts = [0, 1, 2].map((i) => solutionBody.slice(i * fifth, (i + 1) * fifth));
    const turns = [
      `Part one: ${Buffer.from(parts[0]!).toString('base64')}`,
      `Part two, in ROT13:\n${rot13(parts[1]!)}`,
      `Part three:\n${uuencode(parts[2]!)}`,
    ];
    for (const turn of turns) expect(guard(turn).action).toBe('pass');
    expect(guard(turns.join('\n\n')).action).toBe('refused');
  });

  it('adds a plain quote in one turn to an encoded part in another', () => {
    // 20 % quoted and 30 % in base64: neither is enough alone, nor the encoded part by itself.
    const cut = Math.ceil(solutionBody.length * 0.2);
    const end = cut + Math.ceil(solutionBody.length * 0.3);
    const quote = `You wrote:\n${solutionBody.slice(0, cut)}\nWhat does it return?`;
    const encoded = `The next part: ${Buffer.from(solutionBody.slice(cut, end)).toString('base64')}`;
    expect(guard(quote).action).toBe('pass');
    expect(guard(encoded).action).toBe('pass');
    expect(guard(`${quote}\n\n${encoded}`).action).toBe('refused');
  });

  it('reads numbers written as words', () => {
    expect(numberWordsToDigits('one hundred and five, twenty-first, three one four')).toBe(
      '105, 21, 3 1 4',
    );
    expect(numberWordsToDigits('someone wrote one cat and nine dogs')).toBe(
      'someone wrote 1 cat and 9 dogs',
    );
  });

  it('lets a glossary and a numbered list of steps through', () => {
    const benign = [
      'A few terms first:\n- offset = how many rows to skip\n- pageSize → how many rows per page\n- page: which page the learner asked for, starting at 1\n- ORDER BY means the rows come back in a stable order\n- COUNT(*) stands for the number of matching rows\nWith these, how would you compute the offset for `listBooks`?',
      'Try it in steps:\n1. Read `page` and `pageSize` from `req.query`.\n2. Validate them with a `querySchema` (zod), rejecting a pageSize above 100.\n3. Compute the offset from page and pageSize.\n4. Run the rows query and the count query.\n5. Return `{ items, total, page, pageSize }` as JSON.\nWhich step do you want to start with? Steps 1, 2, 3 and 4 can be tested one at a time.',
      'Glossary:\n★ = required criterion\n◆ = optional\n● = done\n\n★ validate page ★ validate pageSize ◆ add a total count ● route exists',
    ];
    for (const text of benign)
      expect(guard(text), text).toEqual({ text, action: 'pass', reasons: [] });
  });
});
