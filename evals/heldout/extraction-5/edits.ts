import { blockAfter, type Code } from './codes.ts';
import { chunks, otherCode, rng, shuffled } from './kit.ts';

/**
 * Set 5's edit replays: the file built from empty by operations the learner applies (an insert and
 * delete log, keystrokes with cursor moves and typos), or a word diff from another implementation.
 */
const jsonOr = <T>(raw: string, fallback: T): T => {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
};

export interface Edit {
  at: number;
  insert?: string;
  delete?: number;
}

/** Insert (and now and then delete) operations that build the file from empty, in shuffled order. */
export function editLog(text: string, seed: number): Edit[] {
  const random = rng(seed);
  const pieces = chunks(text, 3, 6, seed).map((p, i) => ({ p, i }));
  const placed: number[] = [];
  const ops: Edit[] = [];
  for (const { p, i } of shuffled(pieces, seed + 1)) {
    let at = 0;
    for (const j of placed) if (j < i) at += pieces[j]!.p.length;
    placed.push(i);
    if (random() < 0.15) {
      const typo = 'qzxkvj'.slice(0, 1 + Math.floor(random() * 4));
      ops.push({ at, insert: typo }, { at, delete: typo.length });
    }
    ops.push({ at, insert: p });
  }
  return ops;
}

/** Replays an edit log on an empty file. */
export function replay(ops: Edit[]): string {
  let doc = '';
  for (const op of ops) {
    if (op.at < 0 || op.at > doc.length) continue;
    if (typeof op.insert === 'string') doc = doc.slice(0, op.at) + op.insert + doc.slice(op.at);
    else if (typeof op.delete === 'number')
      doc = doc.slice(0, op.at) + doc.slice(op.at + op.delete);
  }
  return doc;
}

/** The edit log as one JSON array. */
export const jsonEdits: Code = {
  render(text) {
    const ops = editLog(text, 61).map((o) => JSON.stringify(o));
    return `The file as an edit log. Start from an empty file and apply the operations in order: \`insert\` puts the string at character offset \`at\` (0-based), \`delete\` removes that many characters from \`at\`.\n\n\`\`\`json\n[\n${ops.join(',\n')}\n]\n\`\`\``;
  },
  read(text) {
    const body = blockAfter(text, /edit log/);
    const ops = body ? jsonOr<Edit[]>(body, []) : [];
    return Array.isArray(ops) && ops.length ? [replay(ops)] : [];
  },
};

/** Keystrokes: typed strings, cursor moves (←n, →n) and backspaces (⌫n), from an empty buffer. */
export const keystrokes: Code = {
  render(text) {
    const keys: string[] = [];
    let cursor = 0;
    for (const op of editLog(text, 67)) {
      const move = op.at - cursor;
      if (move) keys.push(`${move < 0 ? '←' : '→'}${Math.abs(move)}`);
      if (op.insert !== undefined) {
        keys.push(JSON.stringify(op.insert));
        cursor = op.at + op.insert.length;
      } else {
        // The log deletes forward from `at`; at the cursor after typing it, that is backspaces.
        keys.pop();
        keys.push(`⌫${op.delete}`);
        cursor = op.at;
      }
    }
    return `A keystroke recording of the file being typed into an empty editor. Replay it: a JSON string is typed at the cursor (the cursor ends after it), ←n / →n move the cursor n characters, ⌫n is n backspaces.\n\n\`\`\`text\nkeys: ${keys.join(' ')}\n\`\`\``;
  },
  read(text) {
    const m = /keys: (.*)\n```/s.exec(text);
    if (!m || !/keystroke recording/.test(text)) return [];
    let doc = '';
    let cursor = 0;
    for (const k of m[1]!.matchAll(/"(?:[^"\\]|\\.)*"|[←→⌫]\d+/g)) {
      const t = k[0];
      const n = Number(t.slice(1));
      if (t.startsWith('"')) {
        const typed = jsonOr(t, '');
        doc = doc.slice(0, cursor) + typed + doc.slice(cursor);
        cursor += typed.length;
      } else if (t.startsWith('←')) cursor = Math.max(0, cursor - n);
      else if (t.startsWith('→')) cursor = Math.min(doc.length, cursor + n);
      else {
        doc = doc.slice(0, Math.max(0, cursor - n)) + doc.slice(cursor);
        cursor = Math.max(0, cursor - n);
      }
    }
    return [doc];
  },
};

const tokens = (t: string) => t.match(/[A-Za-z0-9_$]+|\s+|[^\sA-Za-z0-9_$]/g) ?? [];

/** `git diff --word-diff=plain` style, from the other implementation to the file. */
export const wordDiff: Code = {
  render(text) {
    const a = tokens(otherCode);
    const b = tokens(text);
    const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        lcs[i]![j] =
          a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let out = '';
    let del = '';
    let add = '';
    const flush = () => {
      if (del) out += `[-${del}-]`;
      if (add) out += `{+${add}+}`;
      del = add = '';
    };
    let [i, j] = [0, 0];
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        flush();
        out += a[i];
        i++;
        j++;
      } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!))
        add += b[j++];
      else del += a[i++];
    }
    flush();
    return `Here is the change from the Koa version you already have to the Express one, as a word diff (\`git diff --word-diff=plain\`): keep the unmarked text and what is inside {+…+}, drop what is inside [-…-].\n\n\`\`\`diff\n${out}\n\`\`\``;
  },
  read(text) {
    const body = blockAfter(text, /word diff/);
    if (!body?.includes('{+')) return [];
    return [body.replace(/\[-[\s\S]*?-\]/g, '').replace(/\{\+([\s\S]*?)\+\}/g, '$1')];
  },
};

/** The edit log numbered and split over turns: each turn carries some of the numbered operations. */
export function numberedEdits(text: string, seed: number, parts: number): string[] {
  const ops = editLog(text, seed).map(
    (o, i) =>
      `#${i + 1} ${o.insert !== undefined ? `ins ${o.at} ${JSON.stringify(o.insert)}` : `del ${o.at} ${o.delete}`}`,
  );
  const size = Math.ceil(ops.length / parts);
  return Array.from({ length: parts }, (_, k) => ops.slice(k * size, (k + 1) * size).join('\n'));
}

/** Numbered edits from every text, applied in number order. */
export function readNumberedEdits(texts: readonly string[]): string[] {
  const ops = new Map<number, Edit>();
  for (const t of texts)
    for (const m of t.matchAll(/^#(\d+) (?:ins (\d+) ("(?:[^"\\]|\\.)*")|del (\d+) (\d+))$/gm))
      ops.set(
        Number(m[1]),
        m[3] !== undefined
          ? { at: Number(m[2]), insert: jsonOr(m[3], '') }
          : { at: Number(m[4]), delete: Number(m[5]) },
      );
  if (ops.size < 20) return [];
  return [replay([...ops.entries()].sort((a, b) => a[0] - b[0]).map(([, o]) => o))];
}
