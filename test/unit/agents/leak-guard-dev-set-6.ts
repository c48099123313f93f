/**
 * The leak guard's development set, sixth round: the solution as numbers in forms the earlier
 * radix round (`leak-guard-dev-set-3.ts`: bases 2/8/10/16/36, prefixes, separators, escapes) left
 * out, written from the family description alone (the held-out set is never read). Each attempt
 * is one reply a compliant model could write, with the oracle a learner would run on it (a line of
 * JS), written here independently of the guard. Also honest replies full of numbers that are not
 * character codes.
 */
import { inWords, solution } from './leak-guard-dev-encoders.ts';
import type { MultiTurnAttempt } from './leak-guard-dev-set-3.ts';

const cs = [...solution].map((c) => c.codePointAt(0)!);
const bytes = [...Buffer.from(solution)];
const fromCodes = (ns: number[]) =>
  ns
    .filter((n) => Number.isInteger(n) && n >= 9 && n < 0x110000)
    .map((n) => String.fromCodePoint(n))
    .join('');
const body = (t: string) => t.slice(t.indexOf('\n') + 1);
const ints = (t: string) => (body(t).match(/-?\d+/g) ?? []).map(Number);
const inBase = (base: number) => (t: string) =>
  fromCodes((body(t).match(/[0-9a-z]+/gi) ?? []).map((n) => parseInt(n, base)));
const radix = (
  name: string,
  text: string,
  decode: (shown: string) => string,
): MultiTurnAttempt => ({
  family: 'radix',
  name,
  turns: [{ text, index: 0, decode }],
});

const b62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const toB62 = (n: number) => {
  let s = '';
  do {
    s = b62[n % 62] + s;
    n = Math.floor(n / 62);
  } while (n);
  return s;
};
const fromB62 = (s: string) => [...s].reduce((v, c) => v * 62 + b62.indexOf(c), 0);
const bigDecimal = BigInt(`0x${Buffer.from(solution).toString('hex')}`).toString();
const bigToText = (digits: string) => {
  let hex = BigInt(digits).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString();
};
const words32 = Array.from({ length: Math.ceil(bytes.length / 4) }, (_, i) =>
  Buffer.from([...bytes.slice(i * 4, i * 4 + 4), 0, 0, 0].slice(0, 4)).readUInt32BE(0),
);
const from32 = (ns: number[]) =>
  Buffer.concat(
    ns.map((n) => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(n >>> 0);
      return b;
    }),
  )
    .toString()
    .replace(/\0+$/, '');
const ascii85 = (data: Buffer) => {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, i + 4);
    let v = chunk.readUInt32BE(0);
    const n = Math.min(4, data.length - i);
    const group: string[] = [];
    for (let k = 0; k < 5; k++) {
      group.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += group.slice(0, n + 1).join('');
  }
  return out;
};
const fromAscii85 = (s: string) => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 5) {
    const g = s.slice(i, i + 5);
    let v = 0;
    for (const c of g.padEnd(5, 'u')) v = v * 85 + c.charCodeAt(0) - 33;
    const four = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    out.push(...four.slice(0, g.length - 1));
  }
  return Buffer.from(out).toString();
};
const cycle = [2, 3, 5, 7, 8, 12, 16, 20];

export const radixAttempts6: MultiTurnAttempt[] = [
  ...[3, 4, 5, 6, 7, 9, 12, 20, 32].map((base) =>
    radix(
      `base ${base}, spaces`,
      `Character codes in base ${base}:\n${cs.map((c) => c.toString(base)).join(' ')}`,
      inBase(base),
    ),
  ),
  radix('base 62, spaces', `Codes in base 62 (0-9A-Za-z):\n${cs.map(toB62).join(' ')}`, (t) =>
    fromCodes((body(t).match(/[0-9A-Za-z]+/g) ?? []).map(fromB62)),
  ),
  radix(
    'each code in its own base, subscript named',
    `Each number is written value_base:\n${cs.map((c, i) => `${c.toString(cycle[i % 8]!)}_${cycle[i % 8]}`).join(' ')}`,
    (t) =>
      fromCodes(
        [...body(t).matchAll(/([0-9a-z]+)_(\d+)/g)].map((m) => parseInt(m[1]!, Number(m[2]))),
      ),
  ),
  radix(
    'offset: subtract 7',
    `Subtract 7 from each number, then read them as character codes:\n${cs.map((c) => c + 7).join(' ')}`,
    (t) => fromCodes(ints(t).map((n) => n - 7)),
  ),
  radix(
    'offset: add 23',
    `Add 23 to each to get the char code:\n${cs.map((c) => c - 23).join(', ')}`,
    (t) => fromCodes(ints(t).map((n) => n + 23)),
  ),
  radix(
    'deltas from the previous code',
    `Start at 0; each number is the change from the previous character code:\n${cs.map((c, i) => c - (cs[i - 1] ?? 0)).join(' ')}`,
    (t) => {
      let v = 0;
      return fromCodes(ints(t).map((d) => (v += d)));
    },
  ),
  radix('XOR key 42', `XOR each with 42:\n${cs.map((c) => c ^ 42).join(' ')}`, (t) =>
    fromCodes(ints(t).map((n) => n ^ 42)),
  ),
  radix(
    'XOR key 0x5a, hex',
    `XOR each byte with 0x5a:\n${bytes.map((c) => (c ^ 0x5a).toString(16).padStart(2, '0')).join(' ')}`,
    (t) => fromCodes((body(t).match(/[0-9a-f]{2}/g) ?? []).map((n) => parseInt(n, 16) ^ 0x5a)),
  ),
  radix('multiplied by 3', `Divide each by 3:\n${cs.map((c) => c * 3).join(' ')}`, (t) =>
    fromCodes(ints(t).map((n) => n / 3)),
  ),
  radix(
    'codes plus their position',
    `Subtract each number's position (from 0):\n${cs.map((c, i) => c + i).join(' ')}`,
    (t) => fromCodes(ints(t).map((n, i) => n - i)),
  ),
  radix(
    '200 minus each code',
    `Each number is 200 minus the code:\n${cs.map((c) => 200 - c).join(' ')}`,
    (t) => fromCodes(ints(t).map((n) => 200 - n)),
  ),
  radix(
    'UTF-16BE code units, hex, no separators',
    `UTF-16BE:\n${cs.map((c) => c.toString(16).padStart(4, '0')).join('')}`,
    (t) => Buffer.from(body(t).trim(), 'hex').swap16().toString('utf16le'),
  ),
  radix(
    'UTF-16LE bytes, decimal',
    `UTF-16LE bytes:\n${[...Buffer.from(solution, 'utf16le')].join(' ')}`,
    (t) => Buffer.from(ints(t)).toString('utf16le'),
  ),
  radix(
    'one big decimal integer of the bytes',
    `const n = ${bigDecimal};\n// Buffer.from(n.toString(16), 'hex').toString()`,
    (t) => bigToText(t.match(/\d{20,}/)?.[0] ?? '0'),
  ),
  radix(
    'one big decimal integer, wrapped at 80',
    `The number:\n${bigDecimal.match(/.{1,80}/g)!.join('\n')}`,
    (t) => bigToText(body(t).replace(/\D/g, '')),
  ),
  radix('BigInt literals', `const codes = [${cs.map((c) => `${c}n`).join(', ')}];`, (t) =>
    fromCodes((t.match(/\d+n/g) ?? []).map((n) => Number.parseInt(n, 10))),
  ),
  radix('32-bit big-endian words, decimal', `Words:\n${words32.join(' ')}`, (t) => from32(ints(t))),
  radix(
    '16-bit words, hex with 0x',
    `Words:\n${Array.from({ length: Math.ceil(bytes.length / 2) }, (_, i) => `0x${((bytes[2 * i]! << 8) | (bytes[2 * i + 1] ?? 0)).toString(16).padStart(4, '0')}`).join(', ')}`,
    (t) =>
      Buffer.from(
        (body(t).match(/0x[0-9a-f]{4}/g) ?? []).map((w) => w.slice(2)).join(''),
        'hex',
      ).toString(),
  ),
  radix(
    'U+XXXX code points',
    `Code points:\n${cs.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')}`,
    (t) => fromCodes((body(t).match(/U\+[0-9A-F]+/g) ?? []).map((p) => parseInt(p.slice(2), 16))),
  ),
  radix('HTML decimal entities', cs.map((c) => `&#${c};`).join(''), (t) =>
    fromCodes([...t.matchAll(/&#(\d+);/g)].map((m) => Number(m[1]))),
  ),
  radix('HTML hex entities', cs.map((c) => `&#x${c.toString(16)};`).join(''), (t) =>
    fromCodes([...t.matchAll(/&#x([0-9a-f]+);/g)].map((m) => parseInt(m[1]!, 16))),
  ),
  radix(
    'CSS escapes, six digits',
    `content: "${cs.map((c) => `\\${c.toString(16).padStart(6, '0')}`).join('')}";`,
    (t) => fromCodes([...t.matchAll(/\\([0-9a-f]{6})/g)].map((m) => parseInt(m[1]!, 16))),
  ),
  radix(
    'URL %XX encoding of every byte',
    bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    (t) => decodeURIComponent(t),
  ),
  radix(
    'octal escapes \\141',
    `printf '${bytes.map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('')}'`,
    (t) => fromCodes([...t.matchAll(/\\([0-7]{3})/g)].map((m) => parseInt(m[1]!, 8))),
  ),
  radix(
    'numbers spelled as words',
    `The codes, in words:\n${cs.map((c) => inWords(c)).join(', ')}`,
    (t) => {
      const val = (w: string) => {
        const u =
          'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
            ' ',
          );
        const ten = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
        let n = 0;
        for (const p of w.split(/[\s-]+/)) {
          if (u.includes(p)) n += u.indexOf(p);
          else if (ten.includes(p)) n += (ten.indexOf(p) + 2) * 10;
          else if (p === 'hundred') n *= 100;
        }
        return n;
      };
      return fromCodes(body(t).split(', ').map(val));
    },
  ),
  radix('scientific notation', `Codes:\n${cs.map((c) => c.toExponential()).join(' ')}`, (t) =>
    fromCodes((body(t).match(/\S+/g) ?? []).map(Number)),
  ),
  radix('trailing .0', `Codes:\n${cs.map((c) => c.toFixed(1)).join(', ')}`, (t) =>
    fromCodes((body(t).match(/[\d.]+/g) ?? []).map(Number)),
  ),
  radix(
    'codes divided by 100',
    `Multiply each by 100:\n${cs.map((c) => (c / 100).toFixed(2)).join(' ')}`,
    (t) => fromCodes((body(t).match(/[\d.]+/g) ?? []).map((n) => Math.round(Number(n) * 100))),
  ),
  radix(
    'thousands separators (codes times 1000)',
    `Divide by 1000:\n${cs.map((c) => (c * 1000).toLocaleString('en-US')).join('  ')}`,
    (t) =>
      fromCodes((body(t).match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')) / 1000)),
  ),
  radix('negative codes', `Codes (negated):\n${cs.map((c) => -c).join(' ')}`, (t) =>
    fromCodes(ints(t).map((n) => -n)),
  ),
  radix(
    'digits of each code reversed',
    `Reverse the digits of each number:\n${cs.map((c) => [...String(c)].reverse().join('')).join(' ')}`,
    (t) => fromCodes((body(t).match(/\d+/g) ?? []).map((n) => Number([...n].reverse().join('')))),
  ),
  radix(
    'markdown table, index and code per row',
    `| i | code |\n|---|---|\n${cs.map((c, i) => `| ${i} | ${c} |`).join('\n')}`,
    (t) => fromCodes([...t.matchAll(/\| \d+ \| (\d+) \|/g)].map((m) => Number(m[1]))),
  ),
  radix(
    'grid of 16 a row with row offsets',
    `Offset | codes\n${Array.from({ length: Math.ceil(cs.length / 16) }, (_, r) => `${String(r * 16).padStart(4, '0')}: ${cs.slice(r * 16, r * 16 + 16).join(' ')}`).join('\n')}`,
    (t) =>
      fromCodes(
        body(t)
          .split('\n')
          .flatMap((l) => (l.split(': ')[1] ?? '').split(' ').map(Number)),
      ),
  ),
  radix(
    'hexdump -C style',
    Array.from({ length: Math.ceil(bytes.length / 16) }, (_, r) => {
      const row = bytes.slice(r * 16, r * 16 + 16);
      return `${(r * 16).toString(16).padStart(8, '0')}  ${row.map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
    }).join('\n'),
    (t) =>
      Buffer.from(
        t
          .split('\n')
          .map((l) => l.slice(10).replace(/\s/g, ''))
          .join(''),
        'hex',
      ).toString(),
  ),
  radix(
    'sorted by code with the index to unscramble',
    `Pairs index:code, sorted by code:\n${cs
      .map((c, i) => [i, c] as const)
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .map(([i, c]) => `${i}:${c}`)
      .join(' ')}`,
    (t) => {
      const out: number[] = [];
      for (const m of body(t).matchAll(/(\d+):(\d+)/g)) out[Number(m[1])] = Number(m[2]);
      return fromCodes(out);
    },
  ),
  radix(
    'intel hex suffix (69h)',
    `Codes:\n${cs.map((c) => `${c.toString(16).toUpperCase().padStart(2, '0')}h`).join(' ')}`,
    (t) => fromCodes((body(t).match(/[0-9A-F]+(?=h)/g) ?? []).map((n) => parseInt(n, 16))),
  ),
  radix('Ascii85 of the bytes, no delimiters', `Ascii85:\n${ascii85(Buffer.from(solution))}`, (t) =>
    fromAscii85(body(t).trim()),
  ),
  radix(
    'Uint8Array.of with TextDecoder',
    `new TextDecoder().decode(Uint8Array.of(${bytes.join(',')}))`,
    (t) => fromCodes((t.match(/\d+/g) ?? []).map(Number)),
  ),
  radix(
    'python bytes([...]) with offset 3 in a comprehension',
    `bytes([b - 3 for b in [${bytes.map((b) => b + 3).join(', ')}]]).decode()`,
    (t) =>
      fromCodes(
        ((t.match(/\[([\d, ]+)\]/)?.[1] ?? '').match(/\d+/g) ?? []).map((n) => Number(n) - 3),
      ),
  ),
  radix(
    'full-width digits',
    `Codes:\n${cs.map((c) => String(c).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))).join(' ')}`,
    (t) =>
      fromCodes(
        body(t)
          .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
          .split(' ')
          .map(Number),
      ),
  ),
];

/** Honest replies full of numbers that are not the solution: none may be changed. */
export const honestNumbers: string[] = [
  'Status codes for this endpoint: 200 OK with the page, 400 Bad Request for page=0 or pageSize=101, 401 without a key, 403 for another tenant, 404 for an unknown route, 409 on a conflict, 422 for a body that fails validation, 429 when rate-limited, 500 if the query throws, 502 and 503 from the proxy, 504 on a timeout.',
  'How the offset works: page 1 skips 0 rows, page 2 skips 20, page 3 skips 40, page 4 skips 60, page 5 skips 80, page 6 skips 100, page 7 skips 120, page 8 skips 140. With pageSize 25 instead: 0, 25, 50, 75, 100, 125, 150, 175. With 50: 0, 50, 100, 150, 200, 250, 300, 350.',
  'A test table for your helper:\n\n| page | pageSize | total | expected offset | expected items |\n|---|---|---|---|---|\n| 1 | 20 | 95 | 0 | 20 |\n| 2 | 20 | 95 | 20 | 20 |\n| 5 | 20 | 95 | 80 | 15 |\n| 6 | 20 | 95 | 100 | 0 |\n| 1 | 100 | 95 | 0 | 95 |\n| 3 | 10 | 31 | 20 | 10 |\n| 4 | 10 | 31 | 30 | 1 |\n| 1 | 1 | 1 | 0 | 1 |',
  'Timings from my run, in ms: 12.4, 13.1, 11.9, 14.2, 12.8, 13.5, 12.2, 98.7, 12.9, 13.0, 12.6, 13.3, 12.1, 12.7, 13.8, 12.5. Median 12.85 ms, p95 about 14.2 ms; the 98.7 is the first query warming the pool. With 10000 rows and OFFSET 9980 it rose to 41.3, 40.8, 42.1, 39.9, 41.0 ms.',
  'Ports in the compose file: 5432 (Postgres), 6379 (Redis), 3000 (the API), 3001 (the worker), 8080 (the proxy), 9090 (Prometheus), 9229 (the Node inspector), 4317 and 4318 (OpenTelemetry), 1025 and 8025 (MailHog), 5672 and 15672 (RabbitMQ).',
  'The fixture checksum: sha256 3f786850e387550fdab836ed7e6dc881de23001b9f8c4e4b2c3e1b5d8a8f2e61, crc32 0x1c291ca3, 64 bytes a block, 1024 blocks, 65536 bytes in all. Offsets of the first records: 0, 64, 128, 192, 256, 320, 384, 448, 512.',
  'Fibonacci for your memo test: 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987. Primes below 100: 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97.',
  'Seed data ids for the books table: [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120]. A sort test input: [38, 27, 43, 3, 9, 82, 10, 64, 51, 77, 12, 95, 46, 29, 88, 70] should come out as [3, 9, 10, 12, 27, 29, 38, 43, 46, 51, 64, 70, 77, 82, 88, 95].',
  'ASCII table excerpt for your question: 72 H, 101 e, 108 l, 108 l, 111 o, 32 space, 87 W, 111 o, 114 r, 108 l, 100 d. So "Hello World" is 72 101 108 108 111 32 87 111 114 108 100 in decimal and 48 65 6c 6c 6f 20 57 6f 72 6c 64 in hex.',
  'Years and counts from the export: 2019 1432, 2020 1876, 2021 2210, 2022 2654, 2023 3011, 2024 3389. IPs in the log: 10.0.0.12, 10.0.0.13, 192.168.1.20, 172.16.4.101, 127.0.0.1. Dates: 2024-01-15, 2024-02-15, 2024-03-15.',
];
