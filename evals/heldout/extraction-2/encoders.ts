/**
 * Set 2's disguises: how a compliant model would write the solution when asked for each tactic.
 * Only used to build the cases' replies; the oracle reads them back with its own readers
 * (readers.ts), written from the formats' definitions.
 */

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** A small seeded generator, so shuffles are the same on every run. */
export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rand = seeded(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Wrap space-separated tokens into lines of at most `width` characters. */
export const wrapWords = (text: string, width = 100) =>
  text.replace(new RegExp(`(.{1,${width}})(?: |$)`, 'g'), '$1\n').trimEnd();

/** Wrap a long string at `width` characters. */
export const wrap = (text: string, width = 76) => text.match(new RegExp(`.{1,${width}}`, 'gs'))!.join('\n');

// --- Radix ------------------------------------------------------------------------------------

/** Adobe ASCII85 between `<~` and `~>`. */
export function ascii85(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const chunk = [...bytes.subarray(i, i + 4)];
    const pad = 4 - chunk.length;
    while (chunk.length < 4) chunk.push(0);
    let n = ((chunk[0]! << 24) | (chunk[1]! << 16) | (chunk[2]! << 8) | chunk[3]!) >>> 0;
    if (n === 0 && pad === 0) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (n % 85)));
      n = Math.floor(n / 85);
    }
    out += digits.slice(0, 5 - pad).join('');
  }
  return `<~${wrap(out, 72)}~>`;
}

export const z85Alphabet =
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
/** ZeroMQ Z85 (input padded with spaces to a multiple of four bytes). */
export function z85(text: string): string {
  let bytes = utf8(text);
  if (bytes.length % 4) bytes = Buffer.concat([bytes, Buffer.alloc(4 - (bytes.length % 4), 32)]);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    let n = bytes.readUInt32BE(i);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(z85Alphabet[n % 85]!);
      n = Math.floor(n / 85);
    }
    out += digits.join('');
  }
  return wrap(out, 70);
}

/** Classic uuencode, `begin 644 <name>` … `end`. */
export function uuencode(text: string, name: string): string {
  const bytes = utf8(text);
  const enc = (v: number) => String.fromCharCode(v === 0 ? 96 : v + 32);
  const rows: string[] = [`begin 644 ${name}`];
  for (let i = 0; i < bytes.length; i += 45) {
    const chunk = bytes.subarray(i, i + 45);
    let row = enc(chunk.length);
    for (let k = 0; k < chunk.length; k += 3) {
      const a = chunk[k]!;
      const b = chunk[k + 1] ?? 0;
      const c = chunk[k + 2] ?? 0;
      row += enc(a >> 2) + enc(((a & 3) << 4) | (b >> 4)) + enc(((b & 15) << 2) | (c >> 6)) + enc(c & 63);
    }
    rows.push(row);
  }
  rows.push('`', 'end');
  return rows.join('\n');
}

/** Quoted-printable with every byte encoded (`=XX`), soft line breaks every 72 characters. */
export function quotedPrintable(text: string): string {
  const all = [...utf8(text)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return (all.match(/.{1,72}/g) ?? []).join('=\n');
}

/** RFC 3492 punycode of a string. */
export function punycode(input: string): string {
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
  const digit = (d: number) => String.fromCharCode(d + 22 + 75 * (d < 26 ? 1 : 0));
  const cps = Array.from(input, (c) => c.codePointAt(0)!);
  let out = cps.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const b = out.length;
  let h = b;
  if (b > 0) out += '-';
  let n = 128;
  let delta = 0;
  let bias = 72;
  while (h < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
          if (q < t) break;
          out += digit(t + ((q - t) % (base - t)));
          q = Math.floor((q - t) / (base - t));
        }
        out += digit(q);
        bias = adapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

/** Letters and digits made full-width (so punycode has to encode them). */
export const fullWidth = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Bitcoin base58 of one string. */
export function base58(text: string): string {
  let n = BigInt(`0x${utf8(text).toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = base58Alphabet[Number(n % 58n)] + out;
    n /= 58n;
  }
  return out;
}

export const base64Utf16 = (text: string) => Buffer.from(text, 'utf16le').toString('base64');

/** IBM code page 037 (EBCDIC) for the printable ASCII the solution uses. */
export const ebcdic037: Record<string, number> = (() => {
  const t: Record<string, number> = {
    ' ': 0x40, '.': 0x4b, '<': 0x4c, '(': 0x4d, '+': 0x4e, '|': 0x4f, '&': 0x50, '!': 0x5a,
    $: 0x5b, '*': 0x5c, ')': 0x5d, ';': 0x5e, '-': 0x60, '/': 0x61, ',': 0x6b, '%': 0x6c,
    _: 0x6d, '>': 0x6e, '?': 0x6f, '`': 0x79, ':': 0x7a, '#': 0x7b, '@': 0x7c, "'": 0x7d,
    '=': 0x7e, '"': 0x7f, '~': 0xa1, '^': 0xb0, '[': 0xba, ']': 0xbb, '{': 0xc0, '}': 0xd0,
    '\\': 0xe0, '\n': 0x25,
  };
  const range = (from: string, to: string, start: number) => {
    for (let c = from.charCodeAt(0), v = start; c <= to.charCodeAt(0); c++, v++)
      t[String.fromCharCode(c)] = v;
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
export const hexEbcdic = (text: string) =>
  Array.from(text, (c) => ebcdic037[c]!.toString(16).padStart(2, '0')).join('');

// --- Numerals ---------------------------------------------------------------------------------

const ones = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const tens = ' ten twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
export function numberWord(n: number): string {
  if (n < 20) return ones[n]!;
  if (n < 100) return tens[Math.floor(n / 10)]! + (n % 10 ? `-${ones[n % 10]}` : '');
  return `${ones[Math.floor(n / 100)]} hundred${n % 100 ? ` ${numberWord(n % 100)}` : ''}`;
}
export const codePoints = (text: string) => Array.from(text, (c) => c.codePointAt(0)!);

export function roman(n: number): string {
  const table: [number, string][] = [
    [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

// --- Symbols ----------------------------------------------------------------------------------

export const morse: Record<string, string> = {
  a: '.-', b: '-...', c: '-.-.', d: '-..', e: '.', f: '..-.', g: '--.', h: '....', i: '..', j: '.---',
  k: '-.-', l: '.-..', m: '--', n: '-.', o: '---', p: '.--.', q: '--.-', r: '.-.', s: '...', t: '-',
  u: '..-', v: '...-', w: '.--', x: '-..-', y: '-.--', z: '--..', 0: '-----', 1: '.----', 2: '..---',
  3: '...--', 4: '....-', 5: '.....', 6: '-....', 7: '--...', 8: '---..', 9: '----.',
};
/** Each word of letters and digits in Morse (`.`/`-`), letters apart by spaces, words by ` / `. */
export const morseWords = (line: string) =>
  (line.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .map((w) => Array.from(w, (c) => morse[c]).join(' '))
    .join(' / ');

/** Morse as spoken on air: `dit`/`dah` joined by `-` within a letter. */
export const morseDitDah = (line: string) =>
  morseWords(line)
    .split(' / ')
    .map((w) =>
      w
        .split(' ')
        .map((letter) => Array.from(letter, (s) => (s === '.' ? 'dit' : 'dah')).join('-'))
        .join(' '),
    )
    .join(' / ');

export const emojiKey = Array.from('🍎🍌🍒🐶🥚🐸🍇🏠🍦🕹🔑🦁🌙🥜🐙🍐👑🌹⭐🌴☂🎻🌊❌🪀⚡');

/** A1Z26: letters as 1–26 joined by `-`, digits as `#d`, words apart by spaces. */
export const a1z26 = (line: string) =>
  (line.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .map((w) => Array.from(w, (c) => (/[a-z]/.test(c) ? c.charCodeAt(0) - 96 : `#${c}`)).join('-'))
    .join(' ');

/** A 6×6 Polybius square (a–z then 0–9, row by row): each character as row and column. */
export const polybius = (line: string) =>
  (line.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .map((w) =>
      Array.from(w, (c) => {
        const i = 'abcdefghijklmnopqrstuvwxyz0123456789'.indexOf(c);
        return `${Math.floor(i / 6) + 1}${(i % 6) + 1}`;
      }).join(' '),
    )
    .join(' / ');

// --- Tokens -----------------------------------------------------------------------------------

/** Code tokens: identifiers, numbers, strings kept whole, punctuation one by one. */
export const tokens = (text: string) =>
  text.match(/'(?:[^'\\]|\\.)*'|`[^`]*`|[A-Za-z_$][\w$]*|\d+|\S/g) ?? [];

/** The words (letters and digits) of a text, in order. */
export const words = (text: string) => text.match(/[A-Za-z0-9]+/g) ?? [];
