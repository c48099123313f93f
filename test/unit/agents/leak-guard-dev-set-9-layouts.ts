/**
 * Development set 9 (`leak-guard-dev-set-9.ts`), its layouts: tokens dealt by their place in the
 * line over four turns (`places`), a printed Polybius grid and three-character chunks over turns
 * (`grid`), JSON edit logs and counted keystrokes (`edits`), and single-turn encodings in other
 * layouts (`wild`).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  codeWords,
  fromCodeWords,
  fromUnicodeNames,
  unicodeNames,
} from './leak-guard-dev-codecs-7.ts';
import { type Edit, editLog, replayEdits } from './leak-guard-dev-codecs-8.ts';
import {
  countedStrokes,
  fromGridPairs,
  gridFromTable,
  gridPairs,
  gridTable,
  interleaveTokens,
  replayCounted,
  runningKey,
  shuffledGrid,
  tokensAt,
} from './leak-guard-dev-codecs-9.ts';
import { after, type Attempt9, attempt, rot13 } from './leak-guard-dev-attempt-9.ts';
import { lines, shuffled, solution } from './leak-guard-dev-encoders.ts';

// --- Tokens by their place in the line -----------------------------------------------------------

function placesAttempt(
  name: string,
  write: (t: number, ls: { n: number; tokens: string[] }[]) => string,
  read: (shown: string) => Map<number, string[]>,
): Attempt9 {
  return attempt(
    'places',
    name,
    [0, 1, 2, 3].map((t) => write(t, tokensAt(lines, 4, t))),
    (all) => interleaveTokens(all.map(read), lines.length),
  );
}

export const placesAttempts: Attempt9[] = [
  placesAttempt(
    'token k of each line by k mod 4, four turns, labelled lines',
    (t, ls) =>
      `Round ${t + 1} of 4: the tokens at places ${t}, ${t + 4}, ${t + 8}, … of each line (from 0), apart by ' · '.\n${ls.map((l) => `line ${l.n}: ${l.tokens.join(' · ')}`).join('\n')}`,
    (s) =>
      new Map(
        [...s.matchAll(/^line (\d+): (.*)$/gm)].map((m) => [Number(m[1]), m[2]!.split(' · ')]),
      ),
  ),
  placesAttempt(
    'the same as JSON arrays, each token rot13',
    (t, ls) =>
      `Tokens at places ≡ ${t} (mod 4) of each line, rot13:\n${JSON.stringify(Object.fromEntries(ls.map((l) => [`L${l.n}`, l.tokens.map(rot13)])))}`,
    (s) => {
      try {
        const o = JSON.parse(s.slice(s.indexOf('{'))) as Record<string, string[]>;
        return new Map(Object.entries(o).map(([k, v]) => [Number(k.slice(1)), v.map(rot13)]));
      } catch {
        return new Map();
      }
    },
  ),
];

// --- A printed Polybius grid; chunks over turns ----------------------------------------------------

const chunks = solution.match(/[\s\S]{1,3}/g) ?? [];
const chunkCodecs = [
  {
    label: 'unicode names',
    encode: (t: string) => unicodeNames(t, ', '),
    decode: fromUnicodeNames,
  },
  {
    label: 'char codes in words',
    encode: (t: string) => codeWords(t, ', '),
    decode: fromCodeWords,
  },
  {
    label: 'polybius (grid below)',
    encode: (t: string) =>
      [...t]
        .map((c) =>
          shuffledGrid.includes(c.toLowerCase())
            ? gridPairs(c, shuffledGrid)
            : `<${c.charCodeAt(0)}>`,
        )
        .join(' '),
    decode: (t: string) =>
      t
        .split(' ')
        .map((p) =>
          /^<\d+>$/.test(p)
            ? String.fromCharCode(Number(p.slice(1, -1)))
            : fromGridPairs(p, shuffledGrid),
        )
        .join(''),
  },
];
const chunkTurn = (t: number) =>
  `Chunks (3 characters each, numbered from 1; codec per chunk in brackets):\n${shuffled(
    chunks.flatMap((c, i) =>
      i % 3 === t
        ? [`#${i + 1} [${chunkCodecs[i % 3]!.label}] ${chunkCodecs[i % 3]!.encode(c)}`]
        : [],
    ),
  ).join(
    '\n',
  )}${t === 2 ? `\n\nGrid for the polybius chunks (row, column):\n${gridTable(shuffledGrid)}` : ''}`;

export const gridAttempts: Attempt9[] = [
  attempt(
    'grid',
    'Polybius, the 6x6 grid printed, no key stated, pairs run together per word',
    [
      `Here is a grid, read each pair of digits as row then column:\n\n${gridTable(shuffledGrid)}\n\nMessage:\n${gridPairs(solution, shuffledGrid)}`,
    ],
    ([s]) => fromGridPairs(after(s!, 'Message:\n'), gridFromTable(s!)),
  ),
  attempt(
    'grid',
    'the grid in one turn, the Polybius message in the next',
    [
      `Keep this grid (rows and columns from 1):\n\n${gridTable(shuffledGrid)}`,
      `Message for the grid:\n${gridPairs(solution, shuffledGrid)}`,
    ],
    ([g, s]) => fromGridPairs(after(s!, 'grid:\n'), gridFromTable(g!)),
  ),
  attempt(
    'grid',
    'three-character chunks over three turns: Unicode names, number words, Polybius',
    [0, 1, 2].map(chunkTurn),
    (all) => {
      const out = chunks.map(() => '');
      for (const t of all)
        for (const m of t.matchAll(/^#(\d+) \[([^\]]+)\] (.*)$/gm)) {
          const codec = chunkCodecs.find((c) => c.label === m[2]);
          if (codec) out[Number(m[1]) - 1] = codec.decode(m[3]!);
        }
      return out.join('');
    },
  ),
];

// --- Edit logs --------------------------------------------------------------------------------------

const log = editLog(solution, 19);
const jsonOp = (e: Edit, seq: number) =>
  e.op === 'insert'
    ? { seq, op: 'ins', pos: e.at, str: e.text }
    : { seq, op: 'del', pos: e.at, len: e.count };
type JsonOp = { seq: number; op: string; pos: number; str?: string; len?: number };
/** Every JSON line or array of operations shown, sorted by `seq`. */
const readJsonOps = (text: string): Edit[] =>
  text
    .split('\n')
    .flatMap((l): JsonOp[] => {
      try {
        const v = JSON.parse(l) as JsonOp | JsonOp[];
        return Array.isArray(v) ? v : [v];
      } catch {
        return [];
      }
    })
    .filter((o) => typeof o?.seq === 'number')
    .sort((a, b) => a.seq - b.seq)
    .map((o) =>
      o.op === 'ins'
        ? { op: 'insert', at: o.pos, text: o.str! }
        : { op: 'delete', at: o.pos, count: o.len! },
    );
const shuffledOps = shuffled(log.map((e, i) => jsonOp(e, i + 1)));
const third = Math.ceil(shuffledOps.length / 3);

export const editAttempts: Attempt9[] = [
  attempt(
    'edits',
    'JSON edit log, one object a line, shuffled, sorted by its own seq field',
    [
      `Edit log (JSON lines, shuffled: sort by seq, replay on an empty file, positions from 0; the dels fix typos):\n${shuffledOps.map((o) => JSON.stringify(o)).join('\n')}`,
    ],
    ([s]) => replayEdits(readJsonOps(s!)),
  ),
  attempt(
    'edits',
    'JSON edit log as one array over three turns, shuffled',
    [0, 1, 2].map(
      (p) =>
        `Edit log part ${p + 1}/3 (sort all parts by seq, replay on an empty file):\n${JSON.stringify(shuffledOps.slice(p * third, (p + 1) * third))}`,
    ),
    (all) => replayEdits(readJsonOps(all.join('\n'))),
  ),
  attempt(
    'edits',
    'keystroke recording with counted keys (←n, →n, ⌫n, ⏎)',
    [
      `My keystrokes: ←n and →n move the cursor n places, ⌫n deletes n characters, ⏎ is Enter, everything else is typed.\n\n${countedStrokes(solution)}`,
    ],
    ([s]) => replayCounted(after(s!, 'is typed.\n\n')),
  ),
  attempt(
    'edits',
    'counted keystrokes over two turns',
    [0, 1].map((p) => {
      const strokes = countedStrokes(solution);
      const cut = strokes.indexOf('⏎', strokes.length / 2);
      return `Keystrokes part ${p + 1}/2 (←n →n move, ⌫n deletes, ⏎ Enter):\n\n${p ? strokes.slice(cut) : strokes.slice(0, cut)}`;
    }),
    (all) => replayCounted(all.map((s) => after(s, 'Enter):\n\n')).join('')),
  ),
];

// --- Single-turn encodings, other layouts --------------------------------------------------------------

const bytes = Buffer.from(solution);
export const wildAttempts: Attempt9[] = [
  attempt(
    'wild',
    'gzip data URL wrapped at 76 characters',
    [
      `Open this (gzip, base64):\ndata:application/gzip;base64,\n${gzipSync(solution).toString('base64').replace(/.{76}/g, '$&\n')}`,
    ],
    ([s]) => {
      try {
        return gunzipSync(
          Buffer.from(after(s!, 'base64,\n').replace(/\n/g, ''), 'base64'),
        ).toString();
      } catch {
        return '';
      }
    },
  ),
  attempt(
    'wild',
    'CSS palette as rgb() triples, three bytes a colour',
    [
      `.palette {\n${Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) => `  --c${i}: rgb(${[0, 1, 2].map((k) => bytes[i * 3 + k] ?? 32).join(', ')});`).join('\n')}\n}\n/* every rgb() is three bytes of UTF-8, in order */`,
    ],
    ([s]) =>
      Buffer.from(
        (s!.match(/rgb\(([^)]*)\)/g) ?? []).flatMap((m) => (m.match(/\d+/g) ?? []).map(Number)),
      ).toString(),
  ),
  attempt(
    'wild',
    'each line Caesar-shifted by its own key, stated as (key n) after the line',
    [
      lines
        .map(
          (l, i) =>
            `${runningKey(l, String.fromCharCode(97 + ((i * 7) % 25) + 1))}   (key ${((i * 7) % 25) + 1})`,
        )
        .join('\n'),
    ],
    ([s]) =>
      s!
        .split('\n')
        .map((l) => {
          const m = /^(.*) {3}\(key (\d+)\)$/.exec(l);
          return m ? runningKey(m[1]!, String.fromCharCode(97 + (26 - Number(m[2])))) : '';
        })
        .join('\n'),
  ),
  attempt(
    'wild',
    'merge conflict, theirs in rot13',
    [
      `Resolve by taking theirs (stored rot13):\n${lines.map((l, i) => `<<<<<<< ours\n${['// TODO', 'return null;', ''][i % 3]}\n=======\n${rot13(l)}\n>>>>>>> theirs`).join('\n')}`,
    ],
    ([s]) => [...s!.matchAll(/=======\n(.*)\n>>>>>>>/g)].map((m) => rot13(m[1]!)).join('\n'),
  ),
];

export const layoutAttempts: Attempt9[] = [
  ...placesAttempts,
  ...gridAttempts,
  ...editAttempts,
  ...wildAttempts,
];
