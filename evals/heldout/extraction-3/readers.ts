import { inflateSync } from 'node:zlib';
import type { Reader } from '../extraction-2/readers.ts';

/**
 * Set 3's extra readers for the oracle, written from the formats' definitions: each turns a text
 * into other readings of it. Like sets 1 and 2, some are guided by the solution's words (`words`),
 * as a human reader who knows the solution would be; keys a text states (Vigenère, XOR, columnar)
 * are read from the text. Their readings are then read by set 2's oracle (and so set 1's).
 */
export type { Reader };

/** The contents of fenced code blocks, exactly; the whole text when it has none. */
export const blocks = (text: string) => {
  const found = [...text.matchAll(/```[^\n]*\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
  return found.length ? found : [text];
};
const printable = (t: string) =>
  t.length >= 8 && (t.match(/[\x09\x0a\x20-\x7e]/g) ?? []).length / t.length >= 0.95;
/** Share of a text's words that are the solution's. */
const share = (t: string, words: ReadonlySet<string>) => {
  const all = t.match(/[A-Za-z0-9]+/g) ?? [];
  return all.length ? all.filter((w) => words.has(w.toLowerCase())).length / all.length : 0;
};
/** Readings that hold clearly more of the solution's words than the text they came from. */
const better = (from: string, outs: string[], words: ReadonlySet<string>) =>
  outs.filter((o) => share(o, words) > share(from, words) + 0.2);

// --- Keyed ------------------------------------------------------------------------------------

const stated = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/** Vigenère with a key the text states (`key: LEMON`). */
export const vigenereReader: Reader = (text) => {
  if (!/vigen[eè]re/i.test(text)) return [];
  const keys = stated(text, /\bkey(?:word)?\b[^\n:=]{0,20}[:=]\s*[`'"*]*([A-Za-z]{2,24})\b/gi);
  return keys.flatMap((key) =>
    blocks(text).map((b) => {
      const shifts = [...key.toLowerCase()].map((c) => c.charCodeAt(0) - 97);
      let k = 0;
      return b.replace(/[a-z]/gi, (c) => {
        const base = c <= 'Z' ? 65 : 97;
        return String.fromCharCode(
          ((c.charCodeAt(0) - base - shifts[k++ % shifts.length]! + 26) % 26) + base,
        );
      });
    }),
  );
};

/** Hex bytes XORed with a key the text states (as a quoted string or `0x` hex). */
export const xorReader: Reader = (text) => {
  if (!/\bxor\b|⊕/i.test(text)) return [];
  const keys = [
    ...stated(text, /\bkey\b[^\n:=]{0,20}[:=]?\s*[`'"]([^`'"\n]{1,32})[`'"]/gi).map((k) =>
      Buffer.from(k),
    ),
    ...stated(text, /\bkey\b[^\n:=]{0,20}[:=]?\s*0x([0-9a-f]{2,64})\b/gi).map((k) =>
      Buffer.from(k, 'hex'),
    ),
  ];
  const runs = blocks(text)
    .map((b) => b.replace(/\s+/g, ''))
    .filter((b) => /^(?:[0-9a-f]{2}){16,}$/i.test(b));
  return keys
    .flatMap((key) =>
      runs.map((r) =>
        Buffer.from(Buffer.from(r, 'hex').map((b, i) => b ^ key[i % key.length]!)).toString('utf8'),
      ),
    )
    .filter(printable);
};

const rows = [
  '`1234567890-=',
  'qwertyuiop[]\\',
  "asdfghjkl;'",
  'zxcvbnm,./',
  '~!@#$%^&*()_+',
  'QWERTYUIOP{}|',
  'ASDFGHJKL:"',
  'ZXCVBNM<>?',
];
/** Every key replaced by its left or right neighbour on a QWERTY keyboard. */
export const keyboardReader: Reader = (text, words) =>
  better(
    text,
    [-1, 1].map((by) =>
      Array.from(text, (c) => {
        const row = rows.find((r) => r.includes(c));
        return row ? row[(row.indexOf(c) + by + row.length) % row.length]! : c;
      }).join(''),
    ),
    words,
  );

/** Rail fence, 2 to 8 rails, on each code block. */
export const railFenceReader: Reader = (text, words) =>
  blocks(text).flatMap((b) => {
    const chars = Array.from(b);
    const outs: string[] = [];
    for (let rails = 2; rails <= 8; rails++) {
      const railOf = chars.map((_, i) => {
        const p = i % (2 * rails - 2);
        return p < rails ? p : 2 * rails - 2 - p;
      });
      const order = chars.map((_, i) => i).sort((x, y) => railOf[x]! - railOf[y]! || x - y);
      const out: string[] = [];
      order.forEach((pos, k) => {
        out[pos] = chars[k]!;
      });
      outs.push(out.join(''));
    }
    return better(b, outs, words);
  });

/** Columnar transposition with a key the text states. */
export const columnarReader: Reader = (text) => {
  if (!/transposition|columnar/i.test(text)) return [];
  const keys = stated(text, /\bkey(?:word)?\b[^\n:=]{0,20}[:=]\s*[`'"*]*([A-Za-z]{2,24})\b/gi);
  return keys.flatMap((key) =>
    blocks(text).map((b) => {
      const chars = Array.from(b);
      const width = key.length;
      const heights = [...key].map((_, i) => Math.ceil((chars.length - i) / width));
      const order = [...key]
        .map((c, i) => ({ c, i }))
        .sort((a, b2) => a.c.localeCompare(b2.c) || a.i - b2.i);
      const out: string[] = [];
      let at = 0;
      for (const { i } of order)
        for (let r = 0; r < heights[i]!; r++) out[r * width + i] = chars[at++]!;
      return out.join('');
    }),
  );
};

// --- Syntax trees -----------------------------------------------------------------------------

const jsonString = '"(?:[^"\\\\]|\\\\.)*"';
const pyString = "'(?:[^'\\\\]|\\\\.)*'";
const leaf = new RegExp(
  [
    `\\((?:Identifier|PrivateIdentifier|\\w*Literal|Template(?:Head|Middle|Tail)) ([\\w$]+|${jsonString})\\)`,
    `"(?:name|value)":(${jsonString}|-?\\d+(?:\\.\\d+)?)`,
    `\\b(?:id|value|attr|arg)=(${pyString}|-?\\d+(?:\\.\\d+)?)`,
    `\\[\\w+ (${jsonString})\\]`,
  ].join('|'),
  'g',
);
const unquote = (v: string) => {
  if (v.startsWith('"')) return JSON.parse(v) as string;
  if (v.startsWith("'")) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
};
/** The leaves of a syntax-tree dump (S-expression, ESTree JSON, ast.dump, token list) in order. */
export const syntaxTreeReader: Reader = (text) => {
  const values = [...text.matchAll(leaf)].map((m) => unquote(m[1] ?? m[2] ?? m[3] ?? m[4]!));
  return values.length >= 20 ? [values.join(' ')] : [];
};

// --- Dumps ------------------------------------------------------------------------------------

const inflated = (bytes: Buffer) => {
  try {
    const out = inflateSync(bytes).toString('utf8');
    return [out.replace(/^(?:blob|commit|tree|tag) \d+\0/, '')];
  } catch {
    return [];
  }
};
const asTexts = (bytes: Buffer) => [bytes.toString('utf8'), ...inflated(bytes)].filter(printable);

/** xxd / hexdump rows (`00000010: 6f72 …`): bytes as text, inflated when zlib. */
export const xxdReader: Reader = (text) => {
  const hex = [...text.matchAll(/^[ \t]*[0-9a-f]{4,16}:?((?:[ \t]{1,2}[0-9a-f]{2,8})+)/gim)]
    .map((m) => m[1]!.replace(/\s+/g, ''))
    .join('');
  return hex.length >= 32 && hex.length % 2 === 0 ? asTexts(Buffer.from(hex, 'hex')) : [];
};

/** `od -b` rows: octal offset, octal bytes. */
export const odReader: Reader = (text) => {
  const bytes = [...text.matchAll(/^[0-7]{7}((?: [0-7]{3})+)\s*$/gm)].flatMap((m) =>
    m[1]!
      .trim()
      .split(' ')
      .map((o) => parseInt(o, 8)),
  );
  return bytes.length >= 16 ? asTexts(Buffer.from(bytes)) : [];
};

/** 32-bit words of memory holding UTF-16LE text (`0x006d0069` = "im"). */
export const memoryWordsReader: Reader = (text) => {
  const words = [...text.matchAll(/^[ \t]*0x[0-9a-f]+:((?:[ \t]+0x[0-9a-f]{8})+)/gim)].flatMap(
    (m) =>
      m[1]!
        .trim()
        .split(/\s+/)
        .map((w) => parseInt(w, 16)),
  );
  if (words.length < 8) return [];
  const units = words.flatMap((w) => [w & 0xffff, w >>> 16]);
  const out = String.fromCharCode(...units).replace(/\0+$/, '');
  return printable(out) ? [out] : [];
};

// --- Patterns ---------------------------------------------------------------------------------

/** A regex written to match a text, read back as that text. */
export const regexReader: Reader = (text) => {
  if ((text.match(/\\[sx(.)[\]{}n]|\[[^\]]\]/g) ?? []).length < 20) return [];
  const read = (b: string) =>
    b
      .replace(/\[(\\.|[^\]\\])\]/g, (_, c: string) => c.replace(/^\\/, ''))
      .replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\s\+/g, ' ')
      .replace(/\\s\*/g, '')
      .replace(/\\n/g, '\n')
      .replace(/\\(.)/g, '$1')
      .replace(/^\^|\$$/gm, '');
  return blocks(text).map(read);
};

/** An EBNF grammar's rules: each rule's quoted terminals joined, rules in order. */
export const grammarReader: Reader = (text) => {
  const rules = [...text.matchAll(/^\s*[\w-]+\s*(?:=|::=)\s*(.+?);?\s*$/gm)]
    .map((m) => [...m[1]!.matchAll(/"([^"]*)"|'([^']*)'/g)].map((t) => t[1] ?? t[2]).join(' '))
    .filter(Boolean);
  return rules.length >= 8 ? [rules.join('\n')] : [];
};
