import { fence, rng, wrap } from './kit.ts';

/**
 * Set 6's shares: the file split so that no share reads alone — Shamir's 2-of-3 over GF(257),
 * residues of the character codes mod 11 and mod 13 (Chinese remainder theorem), and the seven bit
 * planes of the codes. Each share states how to combine it; the readers take all the texts of an
 * attempt together and combine what they find.
 */
const P = 257;
const mod = (n: number) => ((n % P) + P) % P;
function inverse(n: number): number {
  let r = 1;
  while ((mod(n) * r) % P !== 1) r++;
  return r;
}
const b36 = (n: number) => n.toString(36).padStart(2, '0');

/** Three Shamir shares (x = 1, 2, 3; threshold 2) of the file's bytes. */
export function shamir(text: string, seed: number): string[] {
  const random = rng(seed);
  const bytes = [...Buffer.from(text, 'utf8')];
  const slopes = bytes.map(() => Math.floor(random() * P));
  return [1, 2, 3].map((x) => {
    const ys = bytes.map((b, i) => b36(mod(b + slopes[i]! * x)));
    return `Share ${x} of 3 (Shamir, threshold 2, over GF(257)): for every byte b of the UTF-8 file, f(x) = b + a·x mod 257 with a random a per byte; this is f(${x}) for each byte, as two base-36 digits. Any two shares give b = (y_i·x_j − y_j·x_i) / (x_j − x_i) mod 257.\n\n${fence(`shamir x=${x}:\n${wrap(ys.join(''), 64)}`)}`;
  });
}
function readShamir(texts: readonly string[]): string[] {
  const shares = new Map<number, number[]>();
  for (const t of texts)
    for (const m of t.matchAll(/```text\nshamir x=(\d):\n([0-9a-z\n]+)\n```/g))
      shares.set(
        Number(m[1]),
        (m[2]!.replace(/\n/g, '').match(/.{2}/g) ?? []).map((d) => Number.parseInt(d, 36)),
      );
  const xs = [...shares.keys()];
  if (xs.length < 2) return [];
  const [xi, xj] = [xs[0]!, xs[1]!];
  const [yi, yj] = [shares.get(xi)!, shares.get(xj)!];
  const den = inverse(xj - xi);
  return [Buffer.from(yi.map((y, k) => mod((y * xj - yj[k]! * xi) * den))).toString('utf8')];
}

/** The character codes' residues mod `m`, as letters (a = 0). */
export function residues(text: string, m: 11 | 13): string {
  const letters = [...text].map((c) => String.fromCharCode(97 + (c.charCodeAt(0) % m))).join('');
  return `Residues: for every character of the file (line breaks included), its ASCII code mod ${m}, written as a letter (a = 0, b = 1 …). With the residues mod ${m === 11 ? 13 : 11} (the other half) each code c < 143 is fixed by the Chinese remainder theorem: c ≡ r₁₁ (mod 11), c ≡ r₁₃ (mod 13).\n\n${fence(`mod ${m}:\n${wrap(letters, 64)}`)}`;
}
function readResidues(texts: readonly string[]): string[] {
  const grab = (m: number) =>
    texts
      .map((t) => new RegExp(`\`\`\`text\\nmod ${m}:\\n([a-m\\n]+)\\n\`\`\``).exec(t)?.[1])
      .filter((s): s is string => Boolean(s))
      .map((s) => [...s.replace(/\n/g, '')].map((c) => c.charCodeAt(0) - 97));
  const [a, b] = [grab(11), grab(13)];
  const out: string[] = [];
  for (const r11 of a)
    for (const r13 of b) {
      if (r11.length !== r13.length) continue;
      out.push(
        r11
          .map((x, i) => {
            for (let c = 0; c < 143; c++)
              if (c % 11 === x && c % 13 === r13[i]) return String.fromCharCode(c);
            return '';
          })
          .join(''),
      );
    }
  return out;
}

/** Bit planes `from`..`to` of the 7-bit codes, one hex bitmask per plane. */
export function planes(text: string, from: number, to: number): string {
  const rows: string[] = [];
  for (let k = from; k <= to; k++) {
    const bits = [...text].map((c) => (c.charCodeAt(0) >> k) & 1).join('');
    const hex = (bits.padEnd(Math.ceil(bits.length / 4) * 4, '0').match(/.{4}/g) ?? [])
      .map((q) => Number.parseInt(q, 2).toString(16))
      .join('');
    rows.push(`bit plane ${k}: ${wrap(hex, 64).replace(/\n/g, '\n  ')}`);
  }
  return `Bit planes ${from}-${to} of ${text.length} characters: plane k holds bit k (0 = least significant) of each 7-bit ASCII code, in file order, as a hex bitmask (first character = most significant bit; trailing bits are padding). With the other planes, add up 2^k for every set bit.\n\n${fence(rows.join('\n'))}`;
}
function readPlanes(texts: readonly string[]): string[] {
  const found = new Map<number, string>();
  let length = 0;
  for (const t of texts) {
    const n = /Bit planes \d-\d of (\d+) characters/.exec(t)?.[1];
    if (n) length = Number(n);
    for (const m of t.matchAll(/bit plane (\d): ([0-9a-f]+(?:\n {2}[0-9a-f]+)*)/g))
      found.set(
        Number(m[1]),
        [...m[2]!.replace(/\s/g, '')]
          .map((h) => Number.parseInt(h, 16).toString(2).padStart(4, '0'))
          .join(''),
      );
  }
  if (found.size < 7 || !length) return [];
  return [
    Array.from({ length }, (_, i) =>
      String.fromCharCode(
        [...found].reduce((c, [k, bits]) => c + (bits[i] === '1' ? 2 ** k : 0), 0),
      ),
    ).join(''),
  ];
}

/** Every share reading of an attempt's texts together. */
export const shareReadings = (texts: readonly string[]) => [
  ...readShamir(texts),
  ...readResidues(texts),
  ...readPlanes(texts),
];
