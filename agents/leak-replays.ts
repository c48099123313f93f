/**
 * Edits a reply states and a learner replays, for the leak guard's readings (`leak-readings.ts`):
 * an edit log of insertions and deletions at stated positions (typos put in and taken out again,
 * steps numbered and given out of order) and a keystroke recording (characters typed, cursor
 * moves, backspaces); word diffs are `leak-diffs.ts`'s. The guard replays them as stated and reads the result: what the learner ends up with
 * is what counts. Every replay has a budget proportional to the text it reads, so a hostile reply
 * costs linear time.
 */

/** Fewest operations or keys read as an edit log or a recording. */
export const minOps = 6;
/** Longest line read as one edit operation. */
const maxOpLine = 4000;

/** The first quoted span of `line` (`"…"` JSON-unescaped, `'…'`, `` `…` ``) and where it is. */
export function firstQuoted(line: string): { text: string; at: number; end: number } | undefined {
  for (let at = 0; at < line.length; at++) {
    const q = line[at]!;
    if (q !== '"' && q !== "'" && q !== '`') continue;
    let end = at + 1;
    while (end < line.length && line[end] !== q) end += line[end] === '\\' ? 2 : 1;
    if (end >= line.length) return undefined;
    const raw = line.slice(at + 1, end);
    return { text: unescaped(raw, q), at, end: end + 1 };
  }
  return undefined;
}

function unescaped(raw: string, quote: string): string {
  if (quote === '`') return raw;
  try {
    return JSON.parse(`"${raw.replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`) as string;
  } catch {
    return raw;
  }
}

/** One stated edit: where (an offset, a line and column, a range), how much, what text. */
export interface EditOp {
  kind: 'insert' | 'delete' | 'replace';
  step?: number;
  at?: number;
  line?: number;
  col?: number;
  count?: number;
  end?: number;
  text?: string;
  /** The text a `replace` takes out (`replace "a" with "b"`). */
  old?: string;
  /** Positions count words, not characters (`word 12`). */
  words?: boolean;
  /** The position is the one after it (`after word 4`). */
  after?: boolean;
}

const verbs: Record<string, EditOp['kind']> = {
  insert: 'insert',
  ins: 'insert',
  add: 'insert',
  type: 'insert',
  write: 'insert',
  put: 'insert',
  delete: 'delete',
  del: 'delete',
  remove: 'delete',
  erase: 'delete',
  cut: 'delete',
  backspace: 'delete',
  replace: 'replace',
  overwrite: 'replace',
};
const verbPattern = new RegExp(`\\b(${Object.keys(verbs).join('|')})\\b`, 'i');

/** One line as an edit operation (prose, `op(…)` or a JSON object), or undefined. */
function editOp(line: string): EditOp | undefined {
  if (line.length > maxOpLine) return undefined;
  const label =
    /^\s{0,8}(?:[-*]\s{0,3})?(?:(?:step|op|#|edit)\s{0,3})?(\d{1,5})\s{0,3}[.):\]]\s/i.exec(line);
  let rest = label ? line.slice(label[0].length) : line;
  if (/^\s*\{/.test(rest)) {
    try {
      return jsonOp(JSON.parse(rest.trim().replace(/,$/, '')), label?.[1]);
    } catch {
      // Not JSON: read as prose.
    }
  }
  const quoted = firstQuoted(rest);
  let text = quoted?.text;
  let old: string | undefined;
  if (quoted) {
    // `replace "a" with "b"`: the second quote is the new text.
    const tail = rest.slice(quoted.end);
    const second = /^\s{0,3}(?:with|by|->|→|=>|to)\s{0,3}/i.test(tail)
      ? firstQuoted(tail)
      : undefined;
    if (second) {
      old = text;
      text = second.text;
    }
    rest = `${rest.slice(0, quoted.at)} \u0000 ${second ? tail.slice(second.end) : tail}`;
  }
  const verb = verbPattern.exec(rest);
  if (!verb) return undefined;
  const op: EditOp = { kind: verbs[verb[1]!.toLowerCase()]! };
  if (label) op.step = Number(label[1]);
  if (text !== undefined) op.text = text;
  if (old !== undefined) op.old = old;
  if (/\bwords?\b/i.test(rest)) op.words = true;
  const lineCol =
    /\b(?:line|ln|l)\s{0,3}(\d{1,6})\s{0,3}[,:]?\s{0,3}(?:col(?:umn)?|c|ch|char)\s{0,3}(\d{1,6})/i.exec(
      rest,
    ) ?? /(?<![\w.])(\d{1,6}):(\d{1,6})(?!\w)/.exec(rest);
  if (lineCol) {
    op.line = Number(lineCol[1]);
    op.col = Number(lineCol[2]);
  }
  const range =
    /(?<![\w.])(\d{1,7})\s{0,3}(?:-|–|\.\.\.?|to)\s{0,3}(\d{1,7})(?!\w)/i.exec(rest) ??
    /\[\s{0,3}(\d{1,7})\s{0,3},\s{0,3}(\d{1,7})\s{0,3}\)/.exec(rest);
  const at =
    /\b(?:at|@|pos(?:ition)?|offset|index|idx|from|after|words?)\s{0,3}[:=#]?\s{0,3}(\d{1,7})/i.exec(
      rest,
    );
  const count =
    /(?<![\w.])(\d{1,7})\s{0,3}(?:chars?|characters?|letters?|symbols?)\b/i.exec(rest) ??
    /\b(?:count|len(?:gth)?|n)\s{0,3}[:=]\s{0,3}(\d{1,7})/i.exec(rest);
  if (range && !lineCol) {
    op.at = Number(range[1]);
    op.end = Number(range[2]);
  } else if (at) {
    op.at = Number(at[1]);
    if (/^after/i.test(at[0])) op.after = true;
  }
  if (count) op.count = Number(count[1]);
  if (op.at === undefined && op.line === undefined) {
    // `insert 12 "abc"`, `delete 40 3`: the first number is the position.
    const numbers = (rest.match(/(?<![\w.])\d{1,7}(?!\w)/g) ?? []).map(Number);
    if (!numbers.length) return undefined;
    op.at = numbers[0];
    if (op.count === undefined && numbers.length > 1) op.count = numbers[1];
  }
  return op;
}

function jsonOp(value: unknown, step: string | undefined): EditOp | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  const name = String(o.op ?? o.type ?? o.action ?? o.kind ?? '').toLowerCase();
  const kind = verbs[name];
  if (!kind) return undefined;
  const num = (...keys: string[]) => {
    for (const k of keys) if (typeof o[k] === 'number') return o[k] as number;
    return undefined;
  };
  const text = o.text ?? o.str ?? o.value ?? o.chars ?? o.content;
  const op: EditOp = { kind };
  if (step) op.step = Number(step);
  const at = num('pos', 'at', 'position', 'offset', 'index', 'start', 'from');
  if (at !== undefined) op.at = at;
  const end = num('end', 'to');
  if (end !== undefined) op.end = end;
  const count = num('len', 'length', 'count', 'n');
  if (count !== undefined) op.count = count;
  const line = num('line', 'row');
  const col = num('col', 'column', 'ch');
  if (line !== undefined && col !== undefined) {
    op.line = line;
    op.col = col;
  }
  if (typeof text === 'string') op.text = text;
  return op.at === undefined && op.line === undefined ? undefined : op;
}

/**
 * The edit operations `text` states, a line each, in step order when most are numbered (parts
 * given out of order, or over several turns).
 */
export function editOps(text: string): EditOp[] {
  const ops: EditOp[] = [];
  for (const line of text.split('\n')) {
    const op = editOp(line);
    if (op) ops.push(op);
  }
  if (ops.filter((o) => o.step !== undefined).length * 2 >= ops.length)
    ops.sort((a, b) => (a.step ?? Infinity) - (b.step ?? Infinity));
  return ops;
}

/** Offset of a 1-based line and a column (`base` 0 or 1) in `buffer`. */
function offsetOf(buffer: string, line: number, col: number, base: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = buffer.indexOf('\n', at);
    if (next < 0) return buffer.length;
    at = next + 1;
  }
  return at + col - base;
}

/**
 * The edit operations of `text` replayed on an empty file, positions counted from 0 and from 1;
 * steps numbered out of order are put in order first. Empty unless the text states `minOps`.
 */
export function editLogReadings(text: string): string[] {
  const ops = editOps(text);
  if (ops.length < minOps) return [];
  return [0, 1].map((base) => {
    let buffer = '';
    // Each operation copies the buffer once: at most this much copying in all.
    let budget = 64 * text.length + 65_536;
    for (const op of ops) {
      if ((budget -= buffer.length + (op.text?.length ?? 0)) < 0) break;
      let at =
        op.line !== undefined ? offsetOf(buffer, op.line, op.col ?? base, base) : op.at! - base;
      at = Math.min(Math.max(at, 0), buffer.length);
      if (op.kind !== 'insert') {
        const n =
          op.end !== undefined
            ? op.end - op.at!
            : (op.count ?? op.old?.length ?? (op.text !== undefined ? op.text.length : 1));
        buffer = buffer.slice(0, at) + buffer.slice(at + Math.max(n, 0));
      }
      if (op.kind !== 'delete' && op.text !== undefined)
        buffer = buffer.slice(0, at) + op.text + buffer.slice(at);
    }
    return buffer;
  });
}

/** Key names a recording uses for what is not typed as itself. */
const keyNames: Record<string, string> = {
  left: 'left',
  arrowleft: 'left',
  '←': 'left',
  right: 'right',
  arrowright: 'right',
  '→': 'right',
  up: 'up',
  arrowup: 'up',
  '↑': 'up',
  down: 'down',
  arrowdown: 'down',
  '↓': 'down',
  home: 'home',
  '⇤': 'home',
  end: 'end',
  '⇥': 'end',
  backspace: 'backspace',
  bs: 'backspace',
  bksp: 'backspace',
  back: 'backspace',
  '⌫': 'backspace',
  delete: 'delete',
  del: 'delete',
  '⌦': 'delete',
  enter: 'enter',
  return: 'enter',
  newline: 'enter',
  cr: 'enter',
  '⏎': 'enter',
  '↵': 'enter',
  tab: 'tab',
  space: 'space',
  spc: 'space',
};

/** A key, as the editor below takes it: a character to type or a named key. */
type Key = { type: string } | { key: string };

/** A named key with an optional repeat (`Left×3`, `ArrowLeft*2`, `BS x4`), or undefined. */
function namedKey(token: string): { key: string; times: number } | undefined {
  const m = /^\s*(?:key\s*)?([a-z←→↑↓⇤⇥⌫⌦⏎↵]{1,10})\s*(?:[x×*]\s*(\d{1,4}))?\s*$/i.exec(token);
  const key = m && keyNames[m[1]!.toLowerCase()];
  return key ? { key, times: Number(m[2] ?? 1) } : undefined;
}

/** Keys written inline: `<Left>`, `[BS]`, `{Home}`, `⌫`, `←×3`; everything between typed as is. */
const inlineKey =
  /<([A-Za-z]{1,10}(?:\s{0,2}[x×*]\s{0,2}\d{1,4})?)>|\[([A-Za-z]{1,10}(?:\s{0,2}[x×*]\s{0,2}\d{1,4})?)\]|\{([A-Za-z]{1,10}(?:\s{0,2}[x×*]\s{0,2}\d{1,4})?)\}|([←→↑↓⇤⇥⌫⌦⏎↵](?:\s{0,2}[x×*]\s{0,2}\d{1,4})?)/g;

function inlineKeys(text: string): Key[] | undefined {
  const keys: Key[] = [];
  // Repeats (`←×999`) make at most this many keys: a hostile reply repeats the repeat.
  const most = 4 * text.length + 1024;
  let from = 0;
  let named = 0;
  for (const m of text.matchAll(inlineKey)) {
    const k = namedKey(m[1] ?? m[2] ?? m[3] ?? m[4]!);
    if (!k) continue;
    if (m.index > from) keys.push({ type: text.slice(from, m.index) });
    for (let i = 0; i < Math.min(k.times, 1000); i++) keys.push({ key: k.key });
    named++;
    from = m.index + m[0].length;
    if (keys.length > most) break;
  }
  if (named < minOps) return undefined;
  keys.push({ type: text.slice(from) });
  return keys;
}

/** Keys as a list of quoted strings (`["i", "m", "Backspace", "ArrowLeft"]`). */
function listedKeys(text: string): Key[] | undefined {
  const keys: Key[] = [];
  const most = 4 * text.length + 1024;
  let named = 0;
  for (const line of text.split('\n')) {
    let rest = line;
    for (let q = firstQuoted(rest); q; q = firstQuoted(rest)) {
      const k = q.text.length > 1 && /^[A-Z]/.test(q.text) ? namedKey(q.text) : undefined;
      if (k) {
        named++;
        for (let i = 0; i < Math.min(k.times, 1000); i++) keys.push({ key: k.key });
      } else keys.push({ type: q.text });
      rest = rest.slice(q.end);
    }
    if (keys.length > most) break;
  }
  return named >= minOps ? keys : undefined;
}

/** The keys replayed in an editor from an empty file (a gap buffer: each key costs O(1) but line moves). */
export function replayKeys(keys: readonly Key[], budget: number): string {
  const left: string[] = [];
  const right: string[] = [];
  const toLeft = () => left.length > 0 && right.push(left.pop()!) > 0;
  const toRight = () => right.length > 0 && left.push(right.pop()!) > 0;
  const home = () => {
    while (left.length && left[left.length - 1] !== '\n' && budget-- > 0) toLeft();
  };
  const end = () => {
    while (right.length && right[right.length - 1] !== '\n' && budget-- > 0) toRight();
  };
  const column = () => {
    let col = 0;
    while (col < left.length && left[left.length - 1 - col] !== '\n' && budget-- > 0) col++;
    return col;
  };
  for (const k of keys) {
    if (budget-- <= 0) break;
    if ('type' in k) {
      for (const c of k.type) left.push(c);
      budget -= k.type.length;
      continue;
    }
    switch (k.key) {
      case 'left':
        toLeft();
        break;
      case 'right':
        toRight();
        break;
      case 'home':
        home();
        break;
      case 'end':
        end();
        break;
      case 'backspace':
        left.pop();
        break;
      case 'delete':
        right.pop();
        break;
      case 'enter':
        left.push('\n');
        break;
      case 'tab':
        left.push('  ');
        break;
      case 'space':
        left.push(' ');
        break;
      case 'up':
      case 'down': {
        const col = column();
        if (k.key === 'up') {
          home();
          if (!toLeft()) break;
          home();
        } else {
          end();
          if (!toRight()) break;
        }
        for (let c = 0; c < col && right.length && right[right.length - 1] !== '\n'; c++) toRight();
        break;
      }
    }
  }
  return left.join('') + right.reverse().join('');
}

/** The keystroke recordings of `text` (inline keys, or a list of quoted keys) replayed. */
export function keystrokeReadings(text: string): string[] {
  const budget = 16 * text.length + 65_536;
  const out: string[] = [];
  const blocks = [...text.matchAll(/(```|~~~)[^\n]*(?:\n|$)([\s\S]*?)(?:\n\1|$)/g)].map(
    (m) => m[2]!,
  );
  for (const source of [text, ...blocks]) {
    const keys = inlineKeys(source);
    if (keys) out.push(replayKeys(keys, budget));
  }
  const listed = listedKeys(text);
  if (listed) out.push(replayKeys(listed, budget));
  return out;
}

/** Every replay of `text`: edit logs and keystroke recordings. */
export function replayReadings(text: string): string[] {
  return [...editLogReadings(text), ...keystrokeReadings(text)].filter((r) => r.length >= 12);
}
