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
const fencePattern = /(```|~~~)[^\n]*\n([\s\S]*?)(?:\n\1|$)/g;

/** Tokens of code or text with comments, case and whitespace normalised away. */
export function codeTokens(text: string): string[] {
  const withoutComments = text
    .replace(/^\s*(?:```|~~~).*$/gm, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:])\/\/[^\n]*/g, '$1 ')
    .replace(/^\s*#(?!include)[^\n]*/gm, ' ');
  // Identifiers, numbers, one-line string literals, single punctuation; `;` and `,` carry no content.
  return (withoutComments.toLowerCase().match(/[a-z_$][\w$]*|\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^\s\w]/g) ?? []).filter((t) => !/^[;,]$/.test(t));
}

function shingles(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + shingleSize <= tokens.length; i++) out.add(tokens.slice(i, i + shingleSize).join(' '));
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

/** Normalised token overlap between a candidate text and the reference solution. */
export function solutionOverlap(candidate: string, reference: string): Overlap {
  const a = shingles(codeTokens(candidate));
  const b = shingles(codeTokens(reference));
  if (!a.size || !b.size) return { shared: 0, containment: 0, coverage: 0 };
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return { shared, containment: shared / a.size, coverage: shared / b.size };
}

/**
 * Check one fenced code block (its body, without the fences). Returns why it must go, or undefined
 * when it may be shown.
 */
export function codeBlockProblem(body: string, options: LeakGuardOptions = {}): string | undefined {
  const reference = options.referenceSolution?.trim() ?? '';
  if (reference) {
    const o = solutionOverlap(body, reference);
    if (o.coverage >= (options.maxReferenceCoverage ?? 0.25) && o.shared >= 3) return `matches ${Math.round(o.coverage * 100)}% of the reference solution`;
    if (o.containment >= (options.maxBlockContainment ?? 0.5) && o.shared >= 6) return `${Math.round(o.containment * 100)}% of it is code from the reference solution`;
  }
  const lines = body.split('\n').filter((l) => l.trim()).length;
  const max = options.maxCodeLines ?? 12;
  return lines > max ? `${lines} lines (limit ${max})` : undefined;
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
    const whole = solutionOverlap(rewritten, reference);
    if (whole.coverage >= maxCoverage && whole.shared >= 3) {
      reasons.push(`reply refused: it reveals ${Math.round(whole.coverage * 100)}% of the reference solution`);
      return { text: refusalText, action: 'refused', reasons };
    }
  }
  if (!reasons.length) return { text, action: 'pass', reasons };
  const prose = rewritten.replace(/\[A[^\]]*code block was removed here[^\]]*\]/g, '').replace(/\(rules mode\)/g, '').trim();
  if (prose.length < 40) return { text: refusalText, action: 'refused', reasons };
  rewritten = rewritten.replace(/\n{3,}/g, '\n\n');
  return { text: rewritten, action: 'rewritten', reasons };
}

/**
 * Guard every string of an agent output: the `reply`, and any other field a learner may be shown.
 * Fields named `code` are checked as code even without fences. Returns the guarded copy and what was done.
 */
export function guardOutput<T>(output: T, options: LeakGuardOptions = {}): { output: T; action: LeakGuardAction; reasons: string[] } {
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
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return { output: walk(output, '') as T, action, reasons };
}
