import { deflateSync } from 'node:zlib';
import ts from 'typescript';
import { seeded, shuffle, wrap } from '../extraction-2/encoders.ts';

/**
 * Set 3's disguises: how a compliant model would write the solution when asked for each tactic.
 * Only used to build the cases' replies; the oracle reads them back with readers.ts, written from
 * the formats' definitions.
 */
export { seeded, shuffle, wrap };

// --- Keyed ciphers ----------------------------------------------------------------------------

/** Vigenère over letters (case kept, the key advancing on letters only). */
export function vigenere(text: string, key: string, sign = 1): string {
  const shifts = [...key.toLowerCase()].map((c) => c.charCodeAt(0) - 97);
  let k = 0;
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    const s = shifts[k++ % shifts.length]! * sign;
    return String.fromCharCode(((((c.charCodeAt(0) - base + s) % 26) + 26) % 26) + base);
  });
}

/** UTF-8 bytes XORed with a repeating key, as hex in lines of 32 bytes. */
export const xorHex = (text: string, key: string) => {
  const k = Buffer.from(key, 'utf8');
  const bytes = Buffer.from(text, 'utf8').map((b, i) => b ^ k[i % k.length]!);
  return wrap(Buffer.from(bytes).toString('hex'), 64);
};

/** QWERTY rows: each key becomes its right-hand neighbour (cyclic within its row). */
export const keyboardRows = [
  '`1234567890-=',
  'qwertyuiop[]\\',
  "asdfghjkl;'",
  'zxcvbnm,./',
  '~!@#$%^&*()_+',
  'QWERTYUIOP{}|',
  'ASDFGHJKL:"',
  'ZXCVBNM<>?',
];
export function keyboardShift(text: string, by = 1): string {
  return Array.from(text, (c) => {
    const row = keyboardRows.find((r) => r.includes(c));
    if (!row) return c;
    return row[(row.indexOf(c) + by + row.length) % row.length]!;
  }).join('');
}

/** Rail fence over the whole text (newlines included), `rails` rails. */
export function railFence(text: string, rails: number): string {
  const rows: string[][] = Array.from({ length: rails }, () => []);
  let r = 0;
  let dir = 1;
  for (const c of text) {
    rows[r]!.push(c);
    if (r === 0) dir = 1;
    else if (r === rails - 1) dir = -1;
    r += dir;
  }
  return rows.map((row) => row.join('')).join('');
}

/** Columnar transposition: rows of key length, columns read in the key's alphabetical order. */
export function columnar(text: string, key: string): string {
  const width = key.length;
  const order = [...key]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.localeCompare(b.c) || a.i - b.i);
  const chars = Array.from(text);
  return order.map(({ i }) => chars.filter((_, j) => j % width === i).join('')).join('');
}

// --- Syntax trees -----------------------------------------------------------------------------

const kindNames = new Map<number, string>();
for (const [name, value] of Object.entries(ts.SyntaxKind))
  if (typeof value === 'number' && !/^(First|Last)/.test(name) && !kindNames.has(value))
    kindNames.set(value, name);
export const kindName = (n: ts.Node) => kindNames.get(n.kind) ?? String(n.kind);

const source = (code: string) =>
  ts.createSourceFile('solution.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

const isTemplatePart = (n: ts.Node) =>
  ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n);

/** A leaf's text as the tree holds it: identifiers by name, literals by value. */
function leafValue(n: ts.Node): string | undefined {
  if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) return n.text;
  if (ts.isLiteralExpression(n) || isTemplatePart(n)) return (n as ts.LiteralLikeNode).text;
  return undefined;
}

/** The tree as nested values: a node is [kind, ...children], a leaf [kind, value]. */
type Tree = [string, ...(Tree | string)[]];
function tree(n: ts.Node): Tree {
  const value = leafValue(n);
  if (value !== undefined) return [kindName(n), value];
  const children: Tree[] = [];
  n.forEachChild((c) => {
    children.push(tree(c));
  });
  return [kindName(n), ...children];
}
const statements = (code: string) => source(code).statements.map(tree);

/** `(Kind child…)`, leaves `(Identifier name)` / `(StringLiteral "value")`, one statement per line. */
export const sexpr = (code: string) => {
  const show = (t: Tree | string): string =>
    typeof t === 'string'
      ? JSON.stringify(t)
      : `(${t[0]}${t
          .slice(1)
          .map((c) => ` ${show(c)}`)
          .join('')})`;
  return statements(code)
    .map((s) => show(s).replace(/\(Identifier "([\w$]+)"\)/g, '(Identifier $1)'))
    .join('\n');
};

/** ESTree-flavoured JSON: `{"type":…,"body":[…]}`, leaves `{"type":"Identifier","name":…}`. */
export const astJson = (code: string) => {
  const obj = (t: Tree): unknown => {
    const [type, ...rest] = t;
    if (rest.length === 1 && typeof rest[0] === 'string')
      return type === 'Identifier' ? { type, name: rest[0] } : { type, value: rest[0] };
    return { type, body: rest.map((c) => obj(c as Tree)) };
  };
  return statements(code)
    .map((s) => JSON.stringify(obj(s)))
    .join('\n');
};

/** Python `ast.dump` style: `Kind(Name(id='x'), Constant(value='…'))`. */
export const pyAstDump = (code: string) => {
  const repr = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const show = (t: Tree): string => {
    const [type, ...rest] = t;
    if (rest.length === 1 && typeof rest[0] === 'string')
      return type === 'Identifier'
        ? `Name(id=${repr(rest[0])})`
        : `Constant(value=${repr(rest[0])})`;
    return `${type}(${rest.map((c) => show(c as Tree)).join(', ')})`;
  };
  return `Module(body=[\n${statements(code)
    .map((s) => `  ${show(s)}`)
    .join(',\n')}])`;
};

/** The scanner's view: `[Kind "text"]` for every token, a line break where the source has one. */
export const tokenStream = (code: string) => {
  const sf = source(code);
  const out: string[] = [];
  let line = 0;
  const visit = (n: ts.Node) => {
    const children = n.getChildren(sf);
    if (children.length && !isTemplatePart(n)) return children.forEach(visit);
    if (n.kind === ts.SyntaxKind.EndOfFileToken) return;
    const at = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
    if (at !== line && out.length) out.push('\n');
    line = at;
    out.push(`[${kindName(n)} ${JSON.stringify(n.getText(sf))}] `);
  };
  visit(sf);
  return out.join('').replace(/ \n/g, '\n').trimEnd();
};

// --- Dumps ------------------------------------------------------------------------------------

/** `xxd -g 2` without the ASCII column. */
export const xxd = (bytes: Buffer) =>
  Array.from({ length: Math.ceil(bytes.length / 16) }, (_, i) => {
    const row = bytes.subarray(i * 16, i * 16 + 16).toString('hex');
    return `${(i * 16).toString(16).padStart(8, '0')}: ${(row.match(/.{1,4}/g) ?? []).join(' ')}`;
  }).join('\n');

/** `od -b`: octal offsets, octal bytes. */
export const odB = (bytes: Buffer) =>
  [
    ...Array.from({ length: Math.ceil(bytes.length / 16) }, (_, i) => {
      const row = [...bytes.subarray(i * 16, i * 16 + 16)].map((b) =>
        b.toString(8).padStart(3, '0'),
      );
      return `${(i * 16).toString(8).padStart(7, '0')} ${row.join(' ')}`;
    }),
    bytes.length.toString(8).padStart(7, '0'),
  ].join('\n');

/** A git loose object: zlib of `blob <size>\0<content>`. */
export const gitObject = (text: string) => {
  const body = Buffer.from(text, 'utf8');
  return deflateSync(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]));
};

/** A UTF-16LE string as a debugger shows memory: 32-bit little-endian words, four a row. */
export const utf16Words = (text: string, address = 0x7ffe_4a10) => {
  const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
  if (units.length % 2) units.push(0);
  const words: string[] = [];
  for (let i = 0; i < units.length; i += 2)
    words.push(`0x${(((units[i + 1]! << 16) | units[i]!) >>> 0).toString(16).padStart(8, '0')}`);
  return Array.from(
    { length: Math.ceil(words.length / 4) },
    (_, r) => `0x${(address + r * 16).toString(16)}: ${words.slice(r * 4, r * 4 + 4).join(' ')}`,
  ).join('\n');
};

// --- Patterns ---------------------------------------------------------------------------------

/** A regex matching exactly the text: metacharacters escaped, runs of spaces as `\s+`, lines `\n`. */
export const exactRegex = (text: string) =>
  `^${text
    .split('\n')
    .map((l) => l.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(/ +/g, '\\s+'))
    .join('\\n')}$`;

/** One character class per character, a line of the regex per line of code. */
export const classRegex = (text: string) =>
  text
    .split('\n')
    .map((l) =>
      Array.from(l, (c) => (c === ' ' ? '\\x20' : `[${/[\]\\^-]/.test(c) ? `\\${c}` : c}]`)).join(
        '',
      ),
    )
    .join('\n');

const tokenPattern = /'(?:[^'\\]|\\.)*'|`[^`]*`|[A-Za-z_$][\w$]*|\d+|\S/g;
/** Tokens of one line, as a lexer would split them. */
export const tokensOf = (line: string) => line.match(tokenPattern) ?? [];

/** An EBNF grammar whose only sentence is the code: one rule per line, terminals quoted. */
export const ebnf = (text: string) => {
  const rows = text.split('\n').filter((l) => l.trim());
  return [
    `program = ${rows.map((_, i) => `line${i + 1}`).join(' , ')} ;`,
    ...rows.map(
      (l, i) =>
        `line${i + 1} = ${tokensOf(l)
          .map((t) => `"${t}"`)
          .join(' , ')} ;`,
    ),
  ].join('\n');
};

// --- Legends ----------------------------------------------------------------------------------

const shown = (c: string) => (c === '\n' ? "'\\n'" : `'${c}'`);
/** Each distinct character of `text` gets a token; the key, then the message a line per line. */
export function legendCode(text: string, tokens: readonly string[], seed: number) {
  const chars = shuffle([...new Set(text)], seed);
  if (chars.length > tokens.length)
    throw new Error(`${chars.length} characters, ${tokens.length} tokens`);
  const of = new Map(chars.map((c, i) => [c, tokens[i]!]));
  const key = chars.map((c) => `${of.get(c)} → ${shown(c)}`).join(', ');
  const message = text
    .split('\n')
    .map((l) => Array.from(`${l}\n`, (c) => of.get(c)!).join(' '))
    .join('\n');
  return { key: wrap(key, 96), message };
}

export const chessSquares = [...'abcdefgh']
  .flatMap((f) => [...'12345678'].map((r) => `${f}${r}`))
  .flatMap((sq) => [sq, `N${sq}`]);
export const musicNotes = [2, 3, 4, 5, 6, 7].flatMap((o) =>
  ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'].map((n) => `${n}${o}`),
);
export const stitches = ['k', 'p', 'yo', 'sl', 'ssk', 'kfb', 'k2tog', 'p2tog'].flatMap((s) =>
  Array.from({ length: 12 }, (_, i) => `${s}${i + 1}`),
);

export const elements =
  'H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og'.split(
    ' ',
  );
/** Each character as the element whose atomic number plus 31 is its code, a line per line. */
export const elementsOf = (text: string) =>
  text
    .split('\n')
    .map((l) => Array.from(l, (c) => elements[c.charCodeAt(0) - 32]!).join('-'))
    .join('\n');

// --- Puzzles ----------------------------------------------------------------------------------

/** Every word's letters shuffled (seeded), everything else kept. */
export const anagrams = (text: string, seed: number) => {
  const rand = seeded(seed);
  return text.replace(/[A-Za-z]{3,}/g, (w) => {
    for (let tries = 0; tries < 5; tries++) {
      const s = shuffle([...w], Math.floor(rand() * 1e9)).join('');
      if (s !== w) return s;
    }
    return w;
  });
};

/** The words of the text (letters and digits), upper-cased. */
export const upperWords = (text: string) =>
  (text.match(/[A-Za-z0-9]+/g) ?? []).map((w) => w.toUpperCase());
