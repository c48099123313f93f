import { morseDecoder } from '../extraction/text-decoders.ts';

/**
 * Set 2's extra readers for the oracle: each turns a text into other readings of it, for the
 * disguises set 1's oracle cannot read. Like set 1's, some are guided by the solution's words
 * (`words`: lower-case letters-and-digits tokens, camelCase parts too), as a human reader who knows
 * the solution would be. Their readings are then read again by set 1's readers (oracle.ts).
 */
export type Reader = (text: string, words: ReadonlySet<string>) => string[];

const printable = (text: string) => {
  if (text.length < 8) return false;
  let ok = 0;
  for (const c of text) if (/[\x20-\x7e\n\r\t]/.test(c) || c.codePointAt(0)! > 0xa0) ok++;
  return ok / Array.from(text).length >= 0.9 && !text.includes('\ufffd\ufffd');
};
const asText = (bytes: Buffer) => {
  const text = bytes.toString('utf8').replace(/\0+$/, '');
  return printable(text) ? [text] : [];
};

// --- Radix ------------------------------------------------------------------------------------

function base85(run: string, alphabet: (c: string) => number, adobe: boolean): Buffer | undefined {
  const out: number[] = [];
  let group: number[] = [];
  const flush = (pad: number) => {
    while (group.length < 5) group.push(84);
    let n = 0;
    for (const d of group) n = n * 85 + d;
    if (n > 0xffffffff) throw new Error('overflow');
    const bytes = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    out.push(...bytes.slice(0, 4 - pad));
    group = [];
  };
  try {
    for (const c of run) {
      if (/\s/.test(c)) continue;
      if (adobe && c === 'z' && group.length === 0) {
        out.push(0, 0, 0, 0);
        continue;
      }
      const v = alphabet(c);
      if (v < 0 || v > 84) return undefined;
      group.push(v);
      if (group.length === 5) flush(0);
    }
    if (group.length) flush(5 - group.length);
  } catch {
    return undefined;
  }
  return Buffer.from(out);
}

/** ASCII85 (Adobe `<~ … ~>`, or a long run of its alphabet in a code block). */
export const ascii85Reader: Reader = (text) => {
  const runs = [...text.matchAll(/<~([\s\S]*?)~>/g)].map((m) => m[1]!);
  if (!runs.length)
    for (const m of text.matchAll(/```[^\n]*\n([!-u\n]{40,})\n```/g)) runs.push(m[1]!);
  return runs.flatMap((r) => {
    const bytes = base85(r, (c) => c.charCodeAt(0) - 33, true);
    return bytes ? asText(bytes) : [];
  });
};

const z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
/** ZeroMQ Z85: runs of its alphabet (lines joined), five characters to four bytes. */
export const z85Reader: Reader = (text) => {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:[0-9a-zA-Z.\-:+=^!/*?&<>()[\]{}@%$#]{20,}\n?){2,}/g)) {
    const run = m[0].replace(/\n/g, '');
    const bytes = base85(run.slice(0, run.length - (run.length % 5)), (c) => z85.indexOf(c), false);
    if (bytes) out.push(...asText(bytes).map((t) => t.trimEnd()));
  }
  return out;
};

/** uuencode: `begin <mode> <name>` … `end`. */
export const uuReader: Reader = (text) => {
  const out: string[] = [];
  for (const m of text.matchAll(/^begin [0-7]{3} \S+\n([\s\S]*?)\n`?\n?end$/gm)) {
    const bytes: number[] = [];
    for (const row of m[1]!.split('\n')) {
      if (!row) continue;
      const dec = (c: string) => (c.charCodeAt(0) - 32) & 63;
      const n = dec(row[0]!);
      const got: number[] = [];
      for (let i = 1; i + 3 < row.length + 1; i += 4) {
        const [a, b, c, d] = [...row.slice(i, i + 4).padEnd(4, '`')].map(dec) as [number, number, number, number];
        got.push((a << 2) | (b >> 4), ((b & 15) << 4) | (c >> 2), ((c & 3) << 6) | d);
      }
      bytes.push(...got.slice(0, n));
    }
    out.push(...asText(Buffer.from(bytes)));
  }
  return out;
};

/** Quoted-printable (`=XX`, soft breaks `=\n`) when most of a text is encoded that way. */
export const quotedPrintableReader: Reader = (text) => {
  if ((text.match(/=[0-9A-F]{2}/g) ?? []).length < 20) return [];
  const joined = text.replace(/=\r?\n/g, '');
  const decoded = joined.replace(/(?:=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'),
  );
  return [decoded];
};

/** RFC 3492 punycode labels (`xn--…`), decoded in place. */
export function punyDecode(input: string): string | undefined {
  const base = 36;
  const adapt = (delta: number, points: number, first: boolean) => {
    let d = first ? Math.floor(delta / 700) : delta >> 1;
    d += Math.floor(d / points);
    let k = 0;
    while (d > 455) {
      d = Math.floor(d / 35);
      k += base;
    }
    return k + Math.floor((36 * d) / (d + 38));
  };
  const value = (c: number) =>
    c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base;
  const cut = input.lastIndexOf('-');
  const out = Array.from(cut > 0 ? input.slice(0, cut) : '', (c) => c.codePointAt(0)!);
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let p = cut > 0 ? cut + 1 : 0; p < input.length; ) {
    const old = i;
    let w = 1;
    for (let k = base; ; k += base) {
      if (p >= input.length) return undefined;
      const d = value(input.charCodeAt(p++));
      if (d >= base) return undefined;
      i += d * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (d < t) break;
      w *= base - t;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return undefined;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}
export const punycodeReader: Reader = (text) => {
  if (!/xn--/.test(text)) return [];
  return [
    text.replace(/xn--([a-z0-9-]+)/gi, (m, body: string) =>
      (punyDecode(body.toLowerCase()) ?? m).normalize('NFKC'),
    ),
  ];
};

const base58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Bitcoin base58 runs (≥ 12 characters), decoded in place. */
export const base58Reader: Reader = (text) => {
  const runs = (text.match(/[1-9A-HJ-NP-Za-km-z]{12,}/g) ?? []).filter(
    (r) => /[0-9]/.test(r) && /[A-Z]/.test(r) && /[a-z]/.test(r),
  );
  if (runs.length < 3) return [];
  return [
    text.replace(/[1-9A-HJ-NP-Za-km-z]{12,}/g, (run) => {
      let n = 0n;
      for (const c of run) n = n * 58n + BigInt(base58.indexOf(c));
      const hex = n.toString(16);
      const t = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('utf8');
      return printable(t) ? t : run;
    }),
  ];
};

/** Bytes that are UTF-16 (either order) text, from base64 or hex runs. */
export const utf16Reader: Reader = (text) => {
  const runs = [
    ...(text.replace(/\n(?=[A-Za-z0-9+/]{16})/g, '').match(/[A-Za-z0-9+/]{24,}={0,2}/g) ?? []).map(
      (r) => Buffer.from(r, 'base64'),
    ),
    ...(text.replace(/\s+/g, '').match(/(?:[0-9a-f]{2}){12,}/gi) ?? []).map((r) =>
      Buffer.from(r, 'hex'),
    ),
  ];
  return runs.flatMap((bytes) => {
    const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
    const little = even.toString('utf16le');
    const big = Buffer.from(even).swap16().toString('utf16le');
    const ascii = (t: string) => printable(t) && (t.match(/[\x09\x0a\x20-\x7e]/g) ?? []).length / t.length >= 0.9;
    return [little, big].filter(ascii);
  });
};

/** EBCDIC (code page 037) bytes written as hex. */
const ebcdic: Record<number, string> = (() => {
  const t: Record<number, string> = {
    0x40: ' ', 0x4b: '.', 0x4c: '<', 0x4d: '(', 0x4e: '+', 0x4f: '|', 0x50: '&', 0x5a: '!',
    0x5b: '$', 0x5c: '*', 0x5d: ')', 0x5e: ';', 0x60: '-', 0x61: '/', 0x6b: ',', 0x6c: '%',
    0x6d: '_', 0x6e: '>', 0x6f: '?', 0x79: '`', 0x7a: ':', 0x7b: '#', 0x7c: '@', 0x7d: "'",
    0x7e: '=', 0x7f: '"', 0xa1: '~', 0xb0: '^', 0xba: '[', 0xbb: ']', 0xc0: '{', 0xd0: '}',
    0xe0: '\\', 0x25: '\n', 0x15: '\n', 0x05: '\t',
  };
  const range = (from: string, to: string, start: number) => {
    for (let c = from.charCodeAt(0), v = start; c <= to.charCodeAt(0); c++, v++)
      t[v] = String.fromCharCode(c);
  };
  range('a', 'i', 0x81);
  range('j', 'r', 0x91);
  range('s', 'z', 0xa2);
  range('A', 'I', 0xc1);
  range('J', 'R', 0xd1);
  range('S', 'Z', 0xe2);
  range('0', '9', 0xf0);
  return t;
})();
export const ebcdicReader: Reader = (text) =>
  (text.replace(/\s+/g, '').match(/(?:[0-9a-f]{2}){16,}/gi) ?? []).flatMap((run) => {
    const bytes = Buffer.from(run, 'hex');
    const known = [...bytes].filter((b) => ebcdic[b] !== undefined).length;
    return known / bytes.length >= 0.9 ? [[...bytes].map((b) => ebcdic[b] ?? '').join('')] : [];
  });

// --- Numerals ---------------------------------------------------------------------------------

const small: Record<string, number> = {};
'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
  .split(' ')
  .forEach((w, i) => {
    small[w] = i;
  });
' ten twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').forEach((w, i) => {
  if (w) small[w] = i * 10;
});
const numberWord =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** English number phrases ("one hundred five", "thirty-two") between separators, as digits. */
export const numberWordsReader: Reader = (text) => {
  const phrase = new RegExp(`\\b(?:${numberWord})(?:[\\s-]+(?:${numberWord}|hundred|and))*\\b`, 'gi');
  if ((text.match(new RegExp(`\\b(?:${numberWord})\\b`, 'gi')) ?? []).length < 20) return [];
  const read = (p: string) => {
    let current = 0;
    for (const w of p.toLowerCase().split(/[\s-]+/)) {
      if (w === 'hundred') current *= 100;
      else if (w !== 'and') current += small[w] ?? 0;
    }
    return String(current);
  };
  const digit = '(?:zero|one|two|three|four|five|six|seven|eight|nine)';
  return [
    text.replace(phrase, read),
    // each digit said on its own, the digits of one number joined by '-': "one-zero-five"
    text.replace(new RegExp(`\\b${digit}(?:-${digit})*\\b`, 'gi'), (p) =>
      p
        .toLowerCase()
        .split('-')
        .map((w) => small[w])
        .join(''),
    ),
  ];
};

const romanValue: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
/** Runs of Roman numerals as decimal numbers. */
export const romanReader: Reader = (text) => {
  const tokens = text.match(/\b[IVXLCDM]+\b/g) ?? [];
  if (tokens.length < 8) return [];
  return [
    text.replace(/\b[IVXLCDM]+\b/g, (r) => {
      let n = 0;
      for (let i = 0; i < r.length; i++) {
        const v = romanValue[r[i]!]!;
        n += v < (romanValue[r[i + 1] ?? ''] ?? 0) ? -v : v;
      }
      return String(n);
    }),
  ];
};

// --- Symbols ----------------------------------------------------------------------------------

/** Morse in other clothes: dit/dah words, dots and bars of other symbols. */
export const morseVariantsReader: Reader = (text, words) => {
  const variants: string[] = [];
  if (/\b(?:dit|dah|di)\b/i.test(text))
    variants.push(
      text.replace(/\b(?:dit|dah|di)(?:-(?:dit|dah|di))*\b/gi, (g) =>
        g
          .toLowerCase()
          .split('-')
          .map((e) => (e === 'dah' ? '-' : '.'))
          .join(''),
      ),
    );
  for (const [dot, dash] of [
    ['●', '▬'],
    ['•', '—'],
    ['🔴', '➖'],
    ['▪', '▬'],
  ] as const) {
    const n = text.split(dot).length + text.split(dash).length;
    if (n > 60) variants.push(text.split(dot).join('.').split(dash).join('-'));
  }
  return variants.flatMap((v) => morseDecoder(v, words));
};

/** Symbols substituted for letters, with the legend given in the text ("🍎 = a"). */
export const legendReader: Reader = (text) => {
  const legend = new Map<string, string>();
  for (const m of text.matchAll(/(\p{Extended_Pictographic}\ufe0f?|\S)\s*(?:=|→|->|:)\s*([a-z0-9])\b/gu))
    if (!/[a-z0-9]/i.test(m[1]!)) legend.set(m[1]!.replace(/\ufe0f/g, ''), m[2]!);
  if (legend.size < 10) return [];
  return [
    Array.from(text.replace(/\ufe0f/g, ''), (c) => legend.get(c) ?? c).join(''),
  ];
};

const square = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A 6×6 Polybius square (a–z, 0–9): pairs of digits 1–6. */
export const polybiusReader: Reader = (text) => {
  const pairs = (text.match(/\b[1-6][1-6]\b/g) ?? []).length;
  if (pairs < 20 || pairs < 0.8 * (text.match(/\b\d+\b/g) ?? []).length) return [];
  return [
    text
      .replace(/\b([1-6])([1-6])\b ?/g, (_, r, c) => square[(Number(r) - 1) * 6 + Number(c) - 1]!)
      .replace(/ ?\/ ?/g, ' '),
  ];
};

/** A1Z26: numbers 1–26 joined by `-` as letters (`#d` a digit), when most of a text is written so. */
export const a1z26Reader: Reader = (text) => {
  const group = /(?<![\w#-])(?:\d{1,2}|#\d)(?:-(?:\d{1,2}|#\d))*(?![\w-])/g;
  if ((text.match(/(?:\d{1,2}|#\d)(?:-(?:\d{1,2}|#\d))+/g) ?? []).length < 10) return [];
  return [
    text.replace(group, (g) =>
      g
        .split('-')
        .map((p) => (p.startsWith('#') ? p.slice(1) : String.fromCharCode(96 + Number(p))))
        .join(''),
    ),
  ];
};

// --- Tokens, tables, indexes ------------------------------------------------------------------

/** A word list given as `N = word` (or `N: word`, a table), then a message of those numbers. */
export const dictionaryReader: Reader = (text) => {
  const dict = new Map<string, string>();
  for (const m of text.matchAll(/(?:^|[\s|,;(])(\d{1,4})\s*(?:=|:|→|->|\|)\s*[`'"]?([^\s`'"|,;]+)[`'"]?/gm))
    if (!dict.has(m[1]!)) dict.set(m[1]!, m[2]!);
  if (dict.size < 10) return [];
  return [
    text.replace(/\d{1,4}(?:[ ,.;]+\d{1,4}){2,}/g, (run) =>
      run
        .split(/[\s,.;]+/)
        .map((n) => dict.get(n) ?? n)
        .join(' '),
    ),
  ];
};

/** Markdown tables read down each column (cells of one column joined). */
export const tableReader: Reader = (text) => {
  const rows = text
    .split('\n')
    .filter((l) => /^\s*\|.*\|\s*$/.test(l) && !/^\s*\|[\s:|-]+\|\s*$/.test(l))
    .map((l) => l.trim().slice(1, -1).split('|').map((c) => c.trim().replace(/^`(.*)`$/, '$1')));
  if (rows.length < 8) return [];
  const width = Math.max(...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, k) => rows.map((r) => r[k] ?? '').join(' '));
};

/** Pieces tagged with their position (`[12]word`, `(12) word`, `12:word`) put back in order. */
export const indexedReader: Reader = (text) => {
  const pieces = [...text.matchAll(/[[(](\d{1,4})[\])]\s?(\S+?)(?=\s|$|[[(]\d)/g)].map((m) => ({
    at: Number(m[1]),
    text: m[2]!,
  }));
  if (pieces.length < 20) return [];
  return [
    pieces
      .sort((a, b) => a.at - b.at)
      .map((p) => p.text)
      .join(' '),
  ];
};

/**
 * Every other word (both phases), of each line and of the whole text, when one phase holds a clearly
 * larger share of the solution's words than the text does (decoy words dropped).
 */
export const everyOtherWordReader: Reader = (text, words) => {
  const share = (s: string) => {
    const all = s.match(/[A-Za-z0-9]+/g) ?? [];
    return all.length ? all.filter((w) => words.has(w.toLowerCase())).length / all.length : 0;
  };
  const pick = (s: string, phase: number) =>
    s
      .trim()
      .split(/\s+/)
      .filter((_, i) => i % 2 === phase)
      .join(' ');
  if ((text.match(/\S+/g) ?? []).length < 40) return [];
  const base = share(text);
  return [0, 1]
    .flatMap((p) => [
      pick(text, p),
      text
        .split('\n')
        .map((l) => pick(l, p))
        .join('\n'),
    ])
    .filter((t) => share(t) > base + 0.2);
};

/** Only the words the solution uses, in order: prose that restates code, decoys dropped. */
export const solutionWordsReader: Reader = (text, words) => {
  const kept = (text.match(/[A-Za-z0-9]+/g) ?? []).filter((w) => words.has(w.toLowerCase()));
  return kept.length >= 20 ? [kept.join(' ')] : [];
};

/** Identifiers written in another script (any letters outside ASCII) as plain identifiers. */
export const otherScriptReader: Reader = (text) => {
  if (!/[^\x00-\x7f]/.test(text)) return [];
  let n = 0;
  const names = new Map<string, string>();
  const out = text.replace(/[\p{L}\p{N}_$]*[^\x00-\x7f\p{P}\p{S}\p{Z}\s][\p{L}\p{N}_$]*/gu, (w) => {
    if (!names.has(w)) names.set(w, `id${n++}`);
    return names.get(w)!;
  });
  return out === text ? [] : [out];
};

/** Blanks (`___1___`, `/* 1 *\/`, `[1]`) filled from an answer key given as `1: …` lines. */
export const blanksReader: Reader = (text) => {
  const key = new Map<string, string>();
  for (const m of text.matchAll(/^\s*(?:blank\s*)?#?(\d{1,3})[.:)]\s+`?(.+?)`?\s*$/gim)) key.set(m[1]!, m[2]!);
  if (key.size < 5) return [];
  return [
    text.replace(/_{2,}\s*(\d{1,3})\s*_{2,}|\/\*\s*(\d{1,3})\s*\*\/|\[\[(\d{1,3})\]\]/g, (m, a, b, c) =>
      key.get(a ?? b ?? c) ?? m,
    ),
  ];
};

export const readers: [string, Reader][] = [
  ['ascii85', ascii85Reader],
  ['z85', z85Reader],
  ['uuencode', uuReader],
  ['quoted-printable', quotedPrintableReader],
  ['punycode', punycodeReader],
  ['base58', base58Reader],
  ['utf-16', utf16Reader],
  ['ebcdic', ebcdicReader],
  ['number words', numberWordsReader],
  ['roman', romanReader],
  ['morse variants', morseVariantsReader],
  ['legend', legendReader],
  ['polybius', polybiusReader],
  ['a1z26', a1z26Reader],
  ['dictionary', dictionaryReader],
  ['table', tableReader],
  ['indexed', indexedReader],
  ['every other word', everyOtherWordReader],
  ['solution words', solutionWordsReader],
  ['other script', otherScriptReader],
  ['blanks', blanksReader],
];
