import { integerRuns } from './leak-codes.ts';

/**
 * Keys taken from an earlier reply, for the leak guard: a compliant model writes an honest-looking
 * explanation in one turn and, in another, the solution under a running key (Vigenère with that
 * explanation's letters as the key) or a book code (`word.letter` pairs pointing into it). The
 * explanation carries nothing of the solution, so the history (`leak-history.ts`) that keeps only
 * replies that carry something dropped it; the session's last few replies are now kept apart as
 * *books*, marked so that the guard reads them only as keys, and only when a reply holds a payload
 * such a key could unlock. Every reading here is one pass over the payload per key.
 */

/** Marks around a book in the earlier replies' text (stripped from the replies themselves). */
const open = '\uE000';
const close = '\uE001';
const marks = /[\uE000\uE001]/g;
const bookPattern = /\uE000([^\uE000\uE001]*)\uE001/g;

/** Most characters of one book (a key longer than that is read from its start). */
export const maxBookChars = 4096;

/** An earlier reply as a book, to be joined into the earlier replies' text. */
export function asBook(reply: string): string {
  return `${open}${reply.slice(0, maxBookChars).replace(marks, '')}${close}`;
}

/** A reply with the book marks removed (a reply must not pass itself off as a book). */
export const unmarked = (reply: string) => reply.replace(marks, '');

/** The earlier replies' text split into what is read with every reading and the books. */
export function splitBooks(earlier: string): { carried: string; books: string[] } {
  if (!earlier.includes(open)) return { carried: earlier, books: [] };
  const books: string[] = [];
  const carried = earlier.replace(bookPattern, (_m, book: string) => {
    books.push(book);
    return '';
  });
  return { carried: carried.replace(/\n{3,}/g, '\n\n').trim(), books };
}

/** `n.n`, `n:n` or `n:n:n` references into a book (word and letter, or line, word and letter). */
const reference = /(?<![\w.:])(\d{1,4})[.:](\d{1,3})(?:[.:](\d{1,3}))?(?![\w.:])/g;
/** Fewest references, or numbers, read as a payload for a book. */
const minTokens = 40;
/** Fewest letters of a ciphertext for a running key. */
const minLetters = 200;
/** Words a reply uses when it states a keyed cipher. */
const keyWords = /\b(?:key|keyed|vigen[eè]re|beaufort|autokey|cipher|ciphertext|book|passage)\b/i;

/**
 * Whether `text` may be unlocked by a book: book references or numbers enough to spell a
 * solution, or a long run of letters under a key the text names.
 */
export function holdsKeyedPayload(text: string): boolean {
  let n = 0;
  for (const _ of text.matchAll(reference)) if (++n >= minTokens) return true;
  if (integerRuns(text).length) return true;
  if (!keyWords.test(text)) return false;
  let letters = 0;
  for (let i = 0; i < text.length && letters < minLetters; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) letters++;
  }
  return letters >= minLetters;
}

/** The letters of a key as numbers (a = 0). */
export function keyLetters(key: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) out.push((c | 32) - 97);
  }
  return out;
}

/**
 * Letters of `text` under a running key, case kept: `step` takes a letter and the key's next
 * letter (a = 0) and gives the letter read, mod 26 (Vigenère decrypts `c - k`, Beaufort `k - c`).
 */
export function underRunningKey(
  text: string,
  key: readonly number[],
  step: (letter: number, key: number) => number,
): string {
  let n = 0;
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    const read = step(c.charCodeAt(0) - base, key[n++ % key.length]!);
    return String.fromCharCode((((read % 26) + 26) % 26) + base);
  });
}

/** Most places in a payload a running key is started from (its paragraphs). */
const maxStarts = 8;

/** The payload read under the running key of `book`, from the start of each of its first paragraphs. */
function runningKeyReadings(payload: string, book: string): string[] {
  const key = keyLetters(book);
  if (key.length < 24) return [];
  const starts = [0];
  for (const m of payload.matchAll(/\n[^\S\n]*\n/g)) {
    if (starts.length >= maxStarts) break;
    starts.push(m.index + m[0].length);
  }
  const out: string[] = [];
  for (const start of starts) {
    const text = payload.slice(start);
    out.push(
      underRunningKey(text, key, (c, k) => c - k),
      underRunningKey(text, key, (c, k) => c - k - 1),
      underRunningKey(text, key, (c, k) => c + k),
    );
  }
  // Numbers: character codes with the key letter added (a = 1 or a = 0), or XOR-ed with it.
  const codes = [...book.matchAll(/[a-z]/gi)].map((m) => m[0].toLowerCase().charCodeAt(0));
  for (const run of integerRuns(payload)) {
    const as = (f: (n: number, k: number) => number) =>
      run
        .map((n, i) => {
          const c = f(n, codes[i % codes.length]!);
          return c >= 9 && c <= 0x10ffff ? String.fromCodePoint(c) : '';
        })
        .join('');
    out.push(
      as((n, k) => n - (k - 96)),
      as((n, k) => n - (k - 97)),
      as((n, k) => n - k),
      as((n, k) => n ^ k),
    );
  }
  return out;
}

/** Book references read as letters of the book's words (`word.letter`) or lines (`line.word.letter`). */
function bookCodeReadings(payload: string, book: string): string[] {
  const words = book.split(/\s+/).filter(Boolean);
  const lines = book.split('\n').map((l) => l.split(/\s+/).filter(Boolean));
  // The letters, and what stands between two references when it is short (a space mark, a
  // character given as itself); prose around the code is left out.
  const read = (pick: (a: number, b: number, c?: number) => string | undefined) => {
    let out = '';
    let end = 0;
    for (const m of payload.matchAll(reference)) {
      const between = payload.slice(end, m.index);
      if (between.length <= 5) out += between;
      const c = m[3] === undefined ? undefined : Number(m[3]);
      out += pick(Number(m[1]), Number(m[2]), c) ?? ' ';
      end = m.index + m[0].length;
    }
    return out;
  };
  return [
    read((w, l, x) => (x === undefined ? words[w - 1]?.[l - 1] : undefined)),
    read((r, w, l) => (l === undefined ? undefined : lines[r - 1]?.[w - 1]?.[l - 1])),
  ];
}

/** Every reading of `payload` with `book` as its key. */
export function keyedReadings(payload: string, book: string): string[] {
  return [...runningKeyReadings(payload, book), ...bookCodeReadings(payload, book)];
}

/** Most characters of a payload read under a book. */
const maxPayload = 16_384;

/**
 * Why `text`, with the session's earlier replies (`carried`, read with every reading already) and
 * books, must be refused, or undefined: a payload among them (`holdsKeyedPayload`) read under the
 * running key or book code of another, one of the two being `text`. `revealed` judges the readings
 * of one payload (what they show beyond the payload as written).
 */
export function keyedProblem(
  text: string,
  carried: string,
  books: readonly string[],
  revealed: (readings: string[], payload: string) => string | undefined,
): string | undefined {
  const texts = [text, ...books, ...(carried ? [carried] : [])].map((t) => t.slice(0, maxPayload));
  const current = texts[0]!;
  for (const payload of texts) {
    if (!holdsKeyedPayload(payload)) continue;
    for (const key of texts) {
      if (key === payload || (payload !== current && key !== current)) continue;
      const problem = revealed(keyedReadings(payload, key), payload);
      if (problem) return problem;
    }
  }
  return undefined;
}
