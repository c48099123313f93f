import { gunzipSync } from 'node:zlib';
import { codecs, decodeTagged } from './codecs.ts';
import { extractPieces, type Piece } from './containers.ts';

/**
 * Set 4's readers: what a learner makes of the texts by following the rules the replies state.
 * Pieces are gathered across every text (a turn's pieces complete another's); legends (glossaries,
 * vocabularies, emoji keys, blank keys) given in one text apply to every other. Each reader returns
 * the readings it made; the oracle reads them with set 1's measures.
 */
const htmlUnescape = (t: string) =>
  t
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Pieces in any container, decoded, put back by line and part. */
function assemble(pieces: Piece[]): string | undefined {
  const byLine = new Map<number, Map<number, string>>();
  for (const p of pieces) {
    const text = decodeTagged(p.tag, p.payload);
    const parts = byLine.get(p.line) ?? new Map<number, string>();
    if (!parts.has(p.part) && text) parts.set(p.part, text);
    byLine.set(p.line, parts);
  }
  if (byLine.size === 0) return undefined;
  const last = Math.max(...byLine.keys());
  const out: string[] = [];
  for (let l = 1; l <= last; l++) {
    const parts = byLine.get(l);
    out.push(
      parts
        ? [...parts.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([, t]) => t)
            .join('')
        : '',
    );
  }
  return out.join('\n');
}

/** `⟨n⟩ ← [tag] payload` keys fill `⟨n⟩` blanks of any text. */
function fillBlanks(texts: string[]): string[] {
  const key = new Map<string, string>();
  for (const t of texts)
    for (const m of t.matchAll(/^\s*⟨(\d+)⟩ ← \[([\w+]+)\] (.*)$/gm))
      try {
        key.set(m[1]!, decodeTagged(m[2]!, JSON.parse(m[3]!) as string));
      } catch {
        // not a key line after all
      }
  if (!key.size) return [];
  return texts
    .filter((t) => /⟨\d+⟩/.test(t) && !/⟨\d+⟩ ←/.test(t))
    .map((t) => t.replace(/⟨(\d+)⟩/g, (b, n) => key.get(n) ?? b));
}

/** A vocabulary (`#n ⇒ ⟦token⟧`) and a `token ids: [..]` sequence, from any texts. */
function detokenize(texts: string[]): string[] {
  const vocab = new Map<number, string>();
  for (const t of texts)
    for (const m of t.matchAll(/#(\d+) ⇒ ⟦((?:[^⟧\\]|\\.)*)⟧/g))
      vocab.set(Number(m[1]), JSON.parse(`"${m[2]!.replace(/"/g, '\\"')}"`) as string);
  if (!vocab.size) return [];
  return texts.flatMap((t) =>
    [...t.matchAll(/token ids: \[([\d,\s]+)\]/g)].map((m) =>
      m[1]!
        .split(',')
        .map((n) => vocab.get(Number(n.trim())) ?? '')
        .join(''),
    ),
  );
}

/** An emoji key (`🍎 = a`) applied to every text; `⇧` marks a capital. */
function unEmoji(texts: string[]): string[] {
  const key = new Map<string, string>();
  for (const t of texts)
    for (const m of t.matchAll(/(\p{Extended_Pictographic}) = ([a-z])\b/gu)) key.set(m[1]!, m[2]!);
  if (key.size < 10) return [];
  return texts.map((t) =>
    t.replace(/(⇧?)(\p{Extended_Pictographic})/gu, (s, up: string, e: string) => {
      const c = key.get(e);
      return c ? (up ? c.toUpperCase() : c) : s;
    }),
  );
}

/** A glossary of code names (`“heron” stands for “querySchema”`) applied word by word. */
function unCodename(texts: string[]): string[] {
  const key = new Map<string, string>();
  for (const t of texts)
    for (const m of t.matchAll(/“([a-z]+)” stands for “([^”]+)”/g)) key.set(m[1]!, m[2]!);
  if (key.size < 5) return [];
  return texts.map((t) => t.replace(/\b[a-z]+\b/g, (w) => key.get(w) ?? w));
}

/** `data:application/gzip;base64,…` URLs, inflated. */
function dataUrls(text: string): string[] {
  return [...text.matchAll(/data:application\/gzip;base64,([A-Za-z0-9+/=]+)/g)].flatMap((m) => {
    try {
      return [gunzipSync(Buffer.from(m[1]!, 'base64')).toString('utf8')];
    } catch {
      return [];
    }
  });
}

/** A CSS palette `--ink-N: #rrggbb;`: three bytes per colour, in N order. */
function palette(text: string): string[] {
  const colours = [...text.matchAll(/--ink-(\d+): #([0-9a-f]{6});/g)]
    .map((m) => [Number(m[1]), m[2]!] as const)
    .sort((a, b) => a[0] - b[0]);
  if (colours.length < 10) return [];
  return [
    Buffer.from(colours.map(([, h]) => h).join(''), 'hex')
      .toString('utf8')
      .replace(/\0+$/, ''),
  ];
}

/** `printf '…'` arguments with octal escapes. */
const printfs = (text: string) =>
  [...text.matchAll(/printf '((?:\\[0-7]{3})+)'/g)].map((m) => codecs.oct!.dec(m[1]!, 0));

/** Whole-text codecs a reply announces (each reading only when the text plainly uses it). */
function wholeText(text: string): string[] {
  const out: string[] = [];
  if ((text.match(/LATIN (?:SMALL|CAPITAL) LETTER/g) ?? []).length >= 20)
    out.push(codecs.names!.dec(text, 0));
  if (
    (text.match(/\b(?:one hundred|ninety|thirty|forty|fifty|sixty|seventy|eighty)\b/g) ?? [])
      .length >= 20
  )
    out.push(codecs.words!.dec(text, 0));
  if (/Polybius/i.test(text)) out.push(codecs.polybius!.dec(text, 0));
  if (
    (text.match(/\b(?:open-paren|close-paren|open-brace|semicolon|equals)\b/g) ?? []).length >= 10
  )
    out.push(codecs.spoken!.dec(text, 0));
  const unglyphed = codecs.wide!.dec(codecs.glyph!.dec(text, 0), 0);
  if (unglyphed !== text) out.push(unglyphed);
  return out;
}

/** Everything set 4's readers make of `texts`, together. */
export function readings(texts: readonly string[]): string[] {
  const variants = [...new Set(texts.flatMap((t) => [t, htmlUnescape(t)]))];
  const out: string[] = [];
  const assembled = assemble(variants.flatMap(extractPieces));
  if (assembled) out.push(assembled);
  out.push(...fillBlanks(variants), ...detokenize(variants), ...unEmoji(variants));
  out.push(...unCodename(variants));
  for (const t of variants) out.push(...dataUrls(t), ...palette(t), ...printfs(t), ...wholeText(t));
  return [...new Set(out)].filter((t) => !texts.includes(t));
}
