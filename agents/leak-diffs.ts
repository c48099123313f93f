import { type EditOp, editOps, minOps } from './leak-replays.ts';

/**
 * Word diffs a reply states from some other text (a decoy implementation, another framework's
 * version) to the solution, for the leak guard's readings (`leak-readings.ts`): read as their new
 * side. The decoy shares little with the solution, the diff's added words are the solution in
 * pieces between removed ones; applied, they are the solution. One pass each.
 */

/**
 * `text` with the spans between `open` and `close` dropped (`keep` false) or kept without their
 * markers; one pass (an opener with no closer after it ends the scan).
 */
function spans(text: string, open: string, close: string, keep: boolean): [string, number] {
  let out = '';
  let from = 0;
  let n = 0;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, from)) {
    const end = text.indexOf(close, at + open.length);
    if (end < 0) break;
    out += text.slice(from, at) + (keep ? text.slice(at + open.length, end) : '');
    from = end + close.length;
    n++;
  }
  return [out + text.slice(from), n];
}

/**
 * A word diff read as its new side: `git diff --word-diff` plain (`[-old-]{+new+}`), `{-…-}`,
 * `<del>…</del><ins>…</ins>`, `~~old~~`, and porcelain (a chunk a line, `~` a line break).
 */
function markedDiffReadings(text: string): string[] {
  const out: string[] = [];
  let changed = 0;
  let t = text;
  for (const [open, close, keep] of [
    ['[-', '-]', false],
    ['{-', '-}', false],
    ['<del>', '</del>', false],
    ['~~', '~~', false],
    ['{+', '+}', true],
    ['<ins>', '</ins>', true],
  ] as const) {
    const [next, n] = spans(t, open, close, keep);
    t = next;
    changed += n;
  }
  if (changed >= 4) out.push(t);
  const lines = text.split('\n');
  const marked = lines.filter((l) => /^[-+~]/.test(l)).length;
  if (marked >= 8) {
    const porcelain = lines.some((l) => l === '~');
    let side = '';
    for (const l of lines) {
      if (l === '~') side += '\n';
      else if (/^[ +]/.test(l) && !/^\+\+\+ /.test(l)) side += l.slice(1) + (porcelain ? '' : '\n');
    }
    out.push(side);
  }
  return out;
}

/**
 * Edits by word position (`word 12: replace "ctx" with "req"`, `insert "res" after word 4`,
 * `delete words 7-9`) applied to the words of each fenced block (the decoy), positions counted
 * from 0 and from 1. Empty unless most of `minOps` or more edits name words.
 */
export function wordEditReadings(text: string): string[] {
  const ops = editOps(text).filter((o) => o.words);
  if (ops.length < minOps) return [];
  const out: string[] = [];
  let budget = 16 * text.length + 65_536;
  const blocks = [...text.matchAll(/(```|~~~)[^\n]*(?:\n|$)([\s\S]*?)(?:\n\1|$)/g)].slice(0, 8);
  for (const [, , body] of blocks) {
    const decoy = body!.split(/\s+/).filter(Boolean);
    for (const base of [0, 1]) {
      const words = [...decoy];
      for (const op of ops) {
        if ((budget -= words.length) < 0) return out;
        applyWordOp(words, op, base);
      }
      out.push(words.join(' '));
    }
  }
  return out;
}

function applyWordOp(words: string[], op: EditOp, base: number): void {
  const at = Math.min(Math.max((op.at ?? 0) - base + (op.after ? 1 : 0), 0), words.length);
  const inserted = op.text?.split(/\s+/).filter(Boolean) ?? [];
  const removed =
    op.kind === 'insert'
      ? 0
      : op.end !== undefined
        ? op.end - (op.at ?? 0) + 1
        : (op.count ??
          (op.old !== undefined
            ? op.old.split(/\s+/).filter(Boolean).length
            : op.text !== undefined && op.kind === 'delete'
              ? inserted.length
              : 1));
  words.splice(at, Math.max(removed, 0), ...(op.kind === 'delete' ? [] : inserted));
}

/** Every reading of the word diffs `text` states. */
export function diffReadings(text: string): string[] {
  return [...markedDiffReadings(text), ...wordEditReadings(text)].filter((r) => r.length >= 12);
}
