import { keyedProblem, splitBooks } from './leak-books.ts';
import { learnerKeyedReadings } from './leak-learner-keys.ts';
import {
  defaultEncodedCoverage,
  encodedCopyProblem,
  keyedCopyProblem,
  encodedOverlap,
  piecesCoverage,
  plainCopyCoverage,
} from './leak-grams.ts';

export { type EncodedOverlap, encodedOverlap } from './leak-grams.ts';
export { normaliseForGuard } from './leak-readings.ts';

/**
 * The leak guard: no learner-facing reply may hand over the story's solution. In the spirit of
 * CodeHelp's guardrails, code blocks longer than a hint needs are replaced by a pointer, and any code
 * (or whole reply) whose normalised tokens overlap the story's reference solution too much is removed;
 * a reply with nothing useful left is refused. `runAgentAction` applies it to every learner-facing
 * output, so no caller can forget it.
 */
export interface LeakGuardOptions {
  /** The story's reference solution (never shown to the learner). */
  referenceSolution?: string;
  /** Largest code block allowed, in non-blank lines. Default 12. */
  maxCodeLines?: number;
  /** Share of a block's token 4-grams found in the reference above which the block is the solution. Default 0.5. */
  maxBlockContainment?: number;
  /** Share of the reference's token 4-grams a reply may reveal. Default 0.25. */
  maxReferenceCoverage?: number;
  /**
   * Share of the reference's character 12-grams that any decoded reading of a reply (base64, hex,
   * escapes, reversed, ROT13, spaced out, look-alike letters) may hold. Default 0.4: a copy of half
   * the solution in any such form is blocked; one quoted line of it is not.
   */
  maxEncodedCoverage?: number;
  /**
   * What the learner wrote themselves in this exchange (their message, their code): pieces of the
   * solution found there are theirs already, so a reply quoting them back (a review of their
   * code) reveals nothing by it. Only for a reply judged alone: pieces added up over a session's
   * replies count whoever wrote them first.
   */
  learnerText?: string;
  /**
   * The session's recent replies, oldest first: an agent's output (`guardOutput`), the message it
   * stores and a reply streamed live are judged with them, as the session judges the stored reply
   * with them, so neither the agent's thread nor a live stream gets the piece that completes the
   * solution over several turns. `guardReply` alone leaves it to its caller.
   */
  earlierReplies?: string;
}

export type LeakGuardAction = 'pass' | 'rewritten' | 'refused';

export interface LeakGuardResult {
  text: string;
  action: LeakGuardAction;
  /** One entry per removed block or refusal, for logs and the stored turn. */
  reasons: string[];
}

export const refusalText =
  "I can't give you the solution itself: working it out is how you learn it. I can explain a concept, give you a hint, or look at your attempt. What have you tried so far?";

const shingleSize = 4;
// `(?:\n|$)` after the info string: with `\n` alone, every fence opener on a line without a newline
// after it rescanned the rest of the text (quadratic on "```" repeated); an unclosed opener at the
// end now matches an empty block, which no check removes, so replies read the same.
const fencePattern = /(```|~~~)[^\n]*(?:\n|$)([\s\S]*?)(?:\n\1|$)/g;

/** Tokens of code or text with comments, case and whitespace normalised away. */
export function codeTokens(text: string): string[] {
  // Leading blanks of one line only (`^\s*` spans blank lines and rescans them: quadratic).
  const withoutComments = stripBlockComments(
    text.replace(/^[^\S\n\r\u2028\u2029]*(?:```|~~~).*$/gm, ' '),
  )
    .replace(/(^|[^:])\/\/[^\n]*/g, '$1 ')
    .replace(/^[^\S\n\r\u2028\u2029]*#(?!include)[^\n]*/gm, ' ');
  // Identifiers, numbers, one-line string literals, single punctuation; `;` and `,` carry no content.
  // A literal is at most 200 characters: unbounded, a quote that never closes (`"a\` repeated) was
  // rescanned to the end of the line from every later quote (quadratic); a longer one is read as
  // its words instead.
  return (
    withoutComments
      .toLowerCase()
      .match(
        /[a-z_$][\w$]*|\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.){0,200}"|'(?:[^'\\\n]|\\.){0,200}'|[^\s\w]/g,
      ) ?? []
  ).filter((t) => !/^[;,]$/.test(t));
}

/**
 * `text.replace(/\/\*[\s\S]*?\*\//g, ' ')` without the pattern: an unclosed `/*` made it scan to
 * the end from every later `/*`. Once no `*\/` follows, none follows any later opener either.
 */
function stripBlockComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('/*'); open >= 0; open = text.indexOf('/*', from)) {
    const close = text.indexOf('*/', open + 2);
    if (close < 0) break;
    out += `${text.slice(from, open)} `;
    from = close + 2;
  }
  return out + text.slice(from);
}

function shingles(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + shingleSize <= tokens.length; i++)
    out.add(tokens.slice(i, i + shingleSize).join(' '));
  return out;
}

export interface Overlap {
  /** Shared 4-grams. */
  shared: number;
  /** Share of the candidate's 4-grams that are in the reference. */
  containment: number;
  /** Share of the reference's 4-grams found in the candidate. */
  coverage: number;
}

/**
 * Normalised token overlap between a candidate text and the reference solution; 4-grams the
 * learner wrote themselves (`learnerText`) are not counted as shared.
 */
export function solutionOverlap(candidate: string, reference: string, learnerText = ''): Overlap {
  const a = shingles(codeTokens(candidate));
  const b = shingles(codeTokens(reference));
  if (!a.size || !b.size) return { shared: 0, containment: 0, coverage: 0 };
  const known = learnerText ? shingles(codeTokens(learnerText)) : undefined;
  let shared = 0;
  for (const s of a) if (b.has(s) && !known?.has(s)) shared++;
  return { shared, containment: shared / a.size, coverage: shared / b.size };
}

/**
 * Check one fenced code block (its body, without the fences). Returns why it must go, or undefined
 * when it may be shown.
 */
export function codeBlockProblem(body: string, options: LeakGuardOptions = {}): string | undefined {
  const reference = options.referenceSolution?.trim() ?? '';
  if (reference) {
    const o = solutionOverlap(body, reference, options.learnerText);
    if (o.coverage >= (options.maxReferenceCoverage ?? 0.25) && o.shared >= 3)
      return `matches ${Math.round(o.coverage * 100)}% of the reference solution`;
    if (o.containment >= (options.maxBlockContainment ?? 0.5) && o.shared >= 6)
      return `${Math.round(o.containment * 100)}% of it is code from the reference solution`;
    const encoded = encodedCopyProblem(
      body,
      reference,
      options.maxEncodedCoverage ?? defaultEncodedCoverage,
      options.learnerText,
    );
    if (encoded) return encoded;
  }
  const lines = codeLines(body);
  const max = options.maxCodeLines ?? 12;
  return lines > max ? `${lines} lines (limit ${max})` : undefined;
}

/** A test's scaffolding: suites, cases, hooks, expectations, imports, closing brackets. */
const testScaffolding =
  /^(?:(?:describe|it|test|expect|assert|beforeEach|afterEach|beforeAll|afterAll)\b|import\b|[\])};,]+$)/;

/**
 * Lines of code a block holds, for the size limit: comment lines carry no code, and in a test
 * (cases with expectations) only what is not scaffolding counts. A test skeleton for the
 * learner to fill in is not an answer; code inside it counts as any code does.
 */
function codeLines(body: string): number {
  const code = body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(?:\/\/|\/\*|\*|#(?!include)|--)/.test(l));
  const test =
    code.some((l) => /^(?:describe|it|test)(?:\.\w+)?\(/.test(l)) &&
    code.some((l) => /\b(?:expect|assert)\b/.test(l));
  return test ? code.filter((l) => !testScaffolding.test(l)).length : code.length;
}

/** What replaces a removed code block. */
export function removedBlockText(problem: string): string {
  return problem.includes('reference solution')
    ? '[A code block was removed here because it would give away the solution. Try writing this part yourself; ask for a hint if you get stuck.]'
    : `[A code block was removed here: ${problem.replace(/ \(limit \d+\)/, '')} is more code than a hint should contain. Ask for a smaller example or a hint.]`;
}

/** Check one reply; returns the text to show (possibly rewritten or refused). */
export function guardReply(text: string, options: LeakGuardOptions = {}): LeakGuardResult {
  const maxCoverage = options.maxReferenceCoverage ?? 0.25;
  const reference = options.referenceSolution?.trim() ?? '';
  const reasons: string[] = [];

  let rewritten = text.replace(fencePattern, (whole, _fence: string, body: string) => {
    const problem = codeBlockProblem(body, options);
    if (!problem) return whole;
    reasons.push(`code block removed: ${problem}`);
    return removedBlockText(problem);
  });

  // Unfenced code (or prose walking through the solution) counts too.
  if (reference) {
    const whole = solutionOverlap(rewritten, reference, options.learnerText);
    if (whole.coverage >= maxCoverage && whole.shared >= 3) {
      reasons.push(
        `reply refused: it reveals ${Math.round(whole.coverage * 100)}% of the reference solution`,
      );
      return { text: refusalText, action: 'refused', reasons };
    }
    // The same solution decoded, reversed, spaced out or in look-alike letters counts the same.
    const encoded = encodedCopyProblem(
      rewritten,
      reference,
      options.maxEncodedCoverage ?? defaultEncodedCoverage,
      options.learnerText,
    );
    if (encoded) {
      reasons.push(`reply refused: it is ${encoded}`);
      return { text: refusalText, action: 'refused', reasons };
    }
    // The learner's own text as the key (a word bank, a running key, a draft cut into ranges):
    // what it unlocks counts, whoever wrote its characters.
    const keyed = options.learnerText
      ? keyedCopyProblem(learnerKeyedReadings(rewritten, options.learnerText), rewritten, reference)
      : undefined;
    if (keyed) {
      reasons.push(`reply refused: it is ${keyed.replace('another reply', "the learner's text")}`);
      return { text: refusalText, action: 'refused', reasons };
    }
  }
  if (!reasons.length) return { text, action: 'pass', reasons };
  const prose = rewritten
    .replace(/\[A[^\]]*code block was removed here[^\]]*\]/g, '')
    .replace(/\(rules mode\)/g, '')
    .trim();
  if (prose.length < 40) return { text: refusalText, action: 'refused', reasons };
  rewritten = rewritten.replace(/\n{3,}/g, '\n\n');
  return { text: rewritten, action: 'rewritten', reasons };
}

/**
 * How close `text` comes to being refused, as a share of the nearest refusal threshold (1 = it
 * would be refused): the token overlap, the encoded overlap, the laid-out copy and the copy in
 * pieces, whichever is closest. A stream stops well before 1, so what it sent never amounts to the solution.
 */
export function leakSuspicion(text: string, options: LeakGuardOptions = {}): number {
  const reference = options.referenceSolution?.trim();
  if (!reference) return 0;
  const tokens =
    solutionOverlap(text, reference, options.learnerText).coverage /
    (options.maxReferenceCoverage ?? 0.25);
  const o = encodedOverlap(text, reference, options.learnerText);
  const encoded = o.coverage / (options.maxEncodedCoverage ?? defaultEncodedCoverage);
  const laidOut = o.plainCoverage / plainCopyCoverage;
  const pieces = o.piecesCoverage / piecesCoverage;
  return Math.max(tokens, encoded, laidOut, pieces);
}

/**
 * Guard every string of an agent output: the `reply`, and any other field a learner may be shown.
 * Fields named `code` are checked as code even without fences. Returns the guarded copy and what was done.
 */
export function guardOutput<T>(
  output: T,
  options: LeakGuardOptions = {},
): { output: T; action: LeakGuardAction; reasons: string[] } {
  const reasons: string[] = [];
  let action: LeakGuardAction = 'pass';
  const rank: Record<LeakGuardAction, number> = { pass: 0, rewritten: 1, refused: 2 };
  const note = (r: LeakGuardResult) => {
    reasons.push(...r.reasons);
    if (rank[r.action] > rank[action]) action = r.action;
  };
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      const r = guardReply(key === 'code' ? `\`\`\`\n${value}\n\`\`\`` : value, options);
      note(r);
      if (r.action === 'pass') return value;
      if (key === 'code') return r.action === 'refused' ? '' : r.text.replace(/^```\n|\n```$/g, '');
      // A refused field other than the reply is emptied rather than filled with the refusal text.
      return r.action === 'refused' && key !== 'reply' ? '' : r.text;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const guarded = walk(output, '') as T;
  // Pieces of the solution spread over several fields, none enough alone, are one answer.
  const reference = options.referenceSolution?.trim();
  // Also after a field was refused: what the other fields still carry may add up to the solution.
  if (reference) {
    // Blank lines between fields: each is also read alone, by its own encoding.
    const text = readableText(guarded).join('\n\n');
    const whole = guardReply(text, options);
    if (whole.action === 'refused') {
      reasons.push(...whole.reasons.map((r) => `${r} (over all fields)`));
      return { output: refuseAll(guarded), action: 'refused', reasons };
    }
    const earlier = withEarlierReplies(text, options);
    if (earlier) {
      reasons.push(...earlier);
      return { output: refuseAll(guarded), action: 'refused', reasons };
    }
  }
  return { output: guarded, action, reasons };
}

/**
 * Why `text` must be refused once added to the session's recent replies (`earlierReplies`), or
 * undefined: pieces over several turns add up, and a refusal here keeps the piece out of what the
 * agent stores (its thread) as well as out of the reply. The replies kept only as keys (books,
 * `leak-books.ts`) are read as keys of a payload, never with every reading.
 */
export function withEarlierReplies(text: string, options: LeakGuardOptions): string[] | undefined {
  const reference = options.referenceSolution?.trim();
  if (!reference || !options.earlierReplies) return undefined;
  const { carried, books } = splitBooks(options.earlierReplies);
  if (carried) {
    const together = guardReply(`${carried}\n\n${text}`, { ...options, learnerText: undefined });
    if (together.action === 'refused')
      return together.reasons.map((r) => `${r} (with the session's last replies)`);
  }
  const keyed = keyedProblem(text, carried, books, (readings, payload) =>
    keyedCopyProblem(readings, payload, reference),
  );
  return keyed ? [`reply refused: it is ${keyed} (with the session's last replies)`] : undefined;
}

/**
 * Every string of an output a learner may read: those long enough to carry a piece of code, and
 * the short ones joined in order as one more text (a token a field or an array item).
 */
function readableText(output: unknown): string[] {
  const long: string[] = [];
  const short: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') (value.length >= 16 ? long : short).push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(output);
  const joined = short.join(' ');
  return joined.length >= 16 ? [...long, joined] : long;
}

/**
 * The refusal as the reply, every other free-text field emptied (short labels and enums kept,
 * except in arrays: a list of short strings may be the solution a token an item).
 */
function refuseAll<T>(output: T): T {
  const walk = (value: unknown, key: string, inArray = false): unknown => {
    if (typeof value === 'string')
      return key === 'reply' ? refusalText : value.length >= 16 || inArray ? '' : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key, true));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(output, '') as T;
}
