import type { Reader } from '../extraction-2/readers.ts';
import { blocks } from './readers.ts';

/** Set 3's readers, continued: legends, puzzles, line scrambles, carriers, indexes, arithmetic. */

const unshow = (c: string) => (c === '\\n' ? '\n' : c);
const share = (t: string, words: ReadonlySet<string>) => {
  const all = t.match(/[A-Za-z0-9]+/g) ?? [];
  return all.length ? all.filter((w) => words.has(w.toLowerCase())).length / all.length : 0;
};

// --- Legends ----------------------------------------------------------------------------------

/** A key of multi-character tokens (`Nc4 → 'q'`), then lines of those tokens. */
export const tokenLegendReader: Reader = (text) => {
  const key = new Map<string, string>();
  for (const m of text.matchAll(/(\S+?)\s*(?:→|->|=|:)\s*'(\\n|[^\n])'/g))
    key.set(m[1]!, unshow(m[2]!));
  if (key.size < 15) return [];
  const out = text.split('\n').map((l) => {
    const tokens = l.trim().split(/\s+/);
    const known = tokens.filter((t) => key.has(t)).length;
    return tokens.length >= 3 && known / tokens.length >= 0.8
      ? tokens.map((t) => key.get(t) ?? '').join('')
      : `${l}\n`;
  });
  return [out.join('')];
};

const elementSymbols =
  'H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og'.split(
    ' ',
  );
/**
 * Lines of chemical symbols (`Ne-Kr-…`): each the character whose code is its atomic number, plus
 * the offset the text states ("atomic number plus 31"), else none.
 */
export const elementsReader: Reader = (text) => {
  const offset = Number(
    /atomic number\b[^.\n]{0,40}?(?:plus|\+)\s*(\d{1,3})/i.exec(text)?.[1] ?? 0,
  );
  let hits = 0;
  const out = text.replace(
    /^[ \t]*([A-Z][a-z]?(?:-[A-Z][a-z]?)+)[ \t]*$/gm,
    (line, run: string) => {
      const symbols = run.split('-');
      if (!symbols.every((s) => elementSymbols.includes(s))) return line;
      hits++;
      return symbols
        .map((s) => String.fromCharCode(elementSymbols.indexOf(s) + 1 + offset))
        .join('');
    },
  );
  return hits >= 3 ? [out] : [];
};

// --- Puzzles ----------------------------------------------------------------------------------

const sorted = (w: string) => [...w.toLowerCase()].sort().join('');
/** Words whose letters are an anagram of a solution word, unscrambled. */
export const anagramReader: Reader = (text, words) => {
  const bySorted = new Map<string, string>();
  for (const w of words)
    if (/^[a-z]{3,}$/.test(w) && !bySorted.has(sorted(w))) bySorted.set(sorted(w), w);
  let hits = 0;
  const out = text.replace(/[A-Za-z]{3,}/g, (w) => {
    if (words.has(w.toLowerCase())) return w;
    const found = bySorted.get(sorted(w));
    if (found) hits++;
    return found ?? w;
  });
  return hits >= 10 ? [out] : [];
};

/** Crossword answers (`7 Across: WORD`), in the order of their numbers. */
export const crosswordReader: Reader = (text) => {
  const answers = [
    ...text.matchAll(/\b(\d{1,3})\s*(?:Across|Down|A|D)\b[^:\n]*:\s*\**([A-Z0-9]+)\**/g),
  ].map((m) => ({
    n: Number(m[1]),
    w: m[2]!,
  }));
  return answers.length >= 10
    ? [
        answers
          .sort((a, b) => a.n - b.n)
          .map((a) => a.w)
          .join(' '),
      ]
    : [];
};

// --- Lines ------------------------------------------------------------------------------------

/** Numbered lines (`07| …`, `7: …`) in number order; also each reversed, and rotated back. */
export const numberedLinesReader: Reader = (text) => {
  const rows = [...text.matchAll(/^\s*(\d{1,3})\s?[|:.)] ?(.*)$/gm)].map((m) => ({
    n: Number(m[1]),
    l: m[2]!,
  }));
  if (rows.length < 8) return [];
  rows.sort((a, b) => a.n - b.n);
  const join = (f: (r: { n: number; l: string }) => string) => rows.map(f).join('\n');
  return [
    join((r) => r.l),
    join((r) => [...r.l].reverse().join('')),
    join(({ n, l }) => {
      const k = l.length ? n % l.length : 0;
      return l.slice(l.length - k) + l.slice(0, l.length - k);
    }),
  ];
};

/** A code block of equal-length rows read column by column (`·` as a space). */
export const transposeReader: Reader = (text) =>
  blocks(text).flatMap((b) => {
    const rows = b.split('\n');
    const width = Array.from(rows[0] ?? '').length;
    if (rows.length < 8 || width < 8 || !rows.every((r) => Array.from(r).length === width))
      return [];
    const grid = rows.map((r) => Array.from(r));
    return [
      Array.from({ length: width }, (_, k) => grid.map((r) => r[k]).join(''))
        .join('\n')
        .replace(/·/g, ' ')
        .replace(/ +$/gm, ''),
    ];
  });

/** The space-separated words of every line of a code block in reverse order (Yoda code). */
export const wordsReversedReader: Reader = (text) => {
  const ends = (t: string) => (t.match(/[;{(,)[]$/gm) ?? []).length;
  return blocks(text)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim().split(/ +/).reverse().join(' '))
        .join('\n'),
    )
    .filter((r, i) => ends(r) > ends(blocks(text)[i]!) + 3);
};

// --- Carriers ---------------------------------------------------------------------------------

/** The comments of a program (`# …`, `// …`, `-- …`), in order. */
export const commentsReader: Reader = (text) => {
  const bodies = [...text.matchAll(/(?:^|\s)(?:#|\/\/|--)(?: |$)(.*)$/gm)].map((m) => m[1]!);
  return bodies.length >= 8 ? [bodies.join('\n')] : [];
};

const unescapeJson = (s: string) => {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s.replace(/\\(.)/g, '$1');
  }
};
/** The string literals of a program (double or single quoted), unescaped, in order. */
export const stringsReader: Reader = (text) => {
  const strings = [...text.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)].map((m) =>
    m[1] !== undefined ? unescapeJson(m[1]) : m[2]!.replace(/\\(.)/g, '$1'),
  );
  return strings.length >= 8 ? [strings.join('\n')] : [];
};

// --- Interleaving -----------------------------------------------------------------------------

/** Every n-th character of each line (n 2 to 5, every phase), when that sheds decoys. */
export const stepReader: Reader = (text, words) =>
  blocks(text).flatMap((b) => {
    const base = share(b, words);
    const outs: string[] = [];
    for (let step = 2; step <= 5; step++)
      for (let phase = 0; phase < step; phase++) {
        const out = b
          .split('\n')
          .map((l) =>
            Array.from(l)
              .filter((_, i) => i % step === phase)
              .join(''),
          )
          .join('\n');
        if (share(out, words) > base + 0.2) outs.push(out);
      }
    return outs;
  });

// --- Indexes ----------------------------------------------------------------------------------

/** A prefix code's table (`'c' = 0101`) and the bits it encodes. */
export const huffmanReader: Reader = (text) => {
  const table = new Map<string, string>();
  for (const m of text.matchAll(/^\s*'(\\n|.)'\s*[=:→]\s*([01]+)\s*$/gm))
    table.set(m[2]!, unshow(m[1]!));
  if (table.size < 10) return [];
  const bits = [...text.matchAll(/^\s*([01]{1,8}(?: [01]{1,8})+)\s*$/gm)]
    .map((m) => m[1]!.replace(/ /g, ''))
    .join('');
  let out = '';
  let code = '';
  for (const b of bits) {
    code += b;
    const c = table.get(code);
    if (c !== undefined) {
      out += c;
      code = '';
    }
  }
  return out.length >= 20 ? [out] : [];
};

const placed = (entries: [string, number[]][]) => {
  const out: string[] = [];
  for (const [t, ps] of entries) for (const p of ps) out[p] = t;
  return out;
};
/** A concordance (`` `token` → 3, 17 ``) put back as the token stream (`⏎` a line break). */
export const concordanceReader: Reader = (text) => {
  const entries = [...text.matchAll(/^`(.+)` → ([\d, ]+)$/gm)].map(
    (m) => [m[1]!, m[2]!.split(/,\s*/).map(Number)] as [string, number[]],
  );
  if (entries.length < 10) return [];
  return [
    placed(entries)
      .filter((t) => t !== undefined)
      .join(' ')
      .replace(/ ?⏎ ?/g, '\n'),
  ];
};

/** A character index (`c: 4 19 22`, `␠` a space, `⏎` a newline) put back as text. */
export const characterIndexReader: Reader = (text) => {
  const entries = [...text.matchAll(/^(\S): (\d+(?: \d+)*)$/gm)].map(
    (m) =>
      [m[1] === '␠' ? ' ' : m[1] === '⏎' ? '\n' : m[1]!, m[2]!.split(' ').map(Number)] as [
        string,
        number[],
      ],
  );
  if (entries.length < 10) return [];
  return [
    placed(entries)
      .map((c) => c ?? '')
      .join(''),
  ];
};

/** Whitespace tokens where `#n` repeats the n-th token. */
export const backReferenceReader: Reader = (text) =>
  blocks(text)
    .filter((b) => (b.match(/#\d+/g) ?? []).length >= 10)
    .map((b) => {
      const seen: string[] = [];
      return b
        .split('\n')
        .map((l) =>
          l
            .trim()
            .split(/ +/)
            .map((t) => {
              const m = /^#(\d+)$/.exec(t);
              const v = m ? (seen[Number(m[1]) - 1] ?? t) : t;
              seen.push(v);
              return v;
            })
            .join(' '),
        )
        .join('\n');
    });

// --- Arithmetic -------------------------------------------------------------------------------

/** Signed differences of character codes (`+105 +4 -3 …`), summed back. */
export const deltaReader: Reader = (text) => {
  const deltas = text.match(/(?<![\w])[+-]\d{1,3}(?![\w])/g) ?? [];
  if (deltas.length < 20) return [];
  let code = 0;
  const out = deltas
    .map((d) => {
      code += Number(d);
      return code >= 9 && code <= 0xffff ? String.fromCharCode(code) : '';
    })
    .join('');
  return [out];
};

/** Character codes written as `a*b`, `a+b`, `a-b`. */
export const expressionReader: Reader = (text) => {
  const exprs = text.match(/\b\d{1,3}[*+-]\d{1,3}\b/g) ?? [];
  if (exprs.length < 20) return [];
  const value = (e: string) => {
    const [, a, op, b] = /^(\d+)([*+-])(\d+)$/.exec(e)!;
    return op === '*'
      ? Number(a) * Number(b)
      : op === '+'
        ? Number(a) + Number(b)
        : Number(a) - Number(b);
  };
  return [
    text
      .split('\n')
      .map((l) =>
        l.replace(/\b\d{1,3}[*+-]\d{1,3}\b ?/g, (e) => String.fromCharCode(value(e.trim()))),
      )
      .join('\n'),
  ];
};

/** A spreadsheet: an alphabet in a cell, formulas of MID() into it (and CHAR(n)). */
export const spreadsheetReader: Reader = (text) => {
  const cells = new Map<string, string>();
  for (const m of text.matchAll(/^\s*\$?([A-Z]+)\$?(\d+)\s*[:=]\s*"((?:[^"]|"")*)"\s*$/gm))
    cells.set(`${m[1]}${m[2]}`, m[3]!.replace(/""/g, '"'));
  const out = text.replace(
    /MID\(\$?([A-Z]+)\$?(\d+),\s*(\d+),\s*1\)|CHAR\((\d+)\)|&/g,
    (m, col, row, at, ch) =>
      m === '&'
        ? ''
        : ch
          ? String.fromCharCode(Number(ch))
          : (cells.get(`${col}${row}`)?.[Number(at) - 1] ?? m),
  );
  return out !== text && cells.size ? [out] : [];
};
