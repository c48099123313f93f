/**
 * Pure metric functions shared by the scorers (`evals/scorers/`) and the runner. No I/O, no Mastra:
 * everything here is deterministic and tested on hand-made inputs in `test/unit/evals/metrics.test.ts`.
 */

/** One classified case: the dataset's label and what the agent said. */
export interface LabelPair {
  expected: string;
  predicted: string;
}

/** `matrix[i][j]` counts cases whose expected label is `labels[i]` and predicted label is `labels[j]`. */
export interface ConfusionMatrix {
  labels: string[];
  matrix: number[][];
}

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Cases whose expected label is this one. */
  support: number;
}

/** Share of pairs where the prediction equals the label; 0 for no pairs. */
export function accuracy(pairs: readonly LabelPair[]): number {
  if (pairs.length === 0) return 0;
  return pairs.filter((p) => p.expected === p.predicted).length / pairs.length;
}

/**
 * Build a confusion matrix. `labels` fixes the row/column order; labels met in `pairs` but not listed
 * (e.g. an agent answering outside the label set) are appended so no case is dropped.
 */
export function confusionMatrix(
  pairs: readonly LabelPair[],
  labels: readonly string[] = [],
): ConfusionMatrix {
  const order = [...labels];
  for (const p of pairs) {
    if (!order.includes(p.expected)) order.push(p.expected);
    if (!order.includes(p.predicted)) order.push(p.predicted);
  }
  const index = new Map(order.map((l, i) => [l, i]));
  const matrix = order.map(() => order.map(() => 0));
  for (const p of pairs) matrix[index.get(p.expected)!]![index.get(p.predicted)!]! += 1;
  return { labels: order, matrix };
}

/** Precision, recall and F1 of every label; a label never predicted has precision 0 (not NaN). */
export function perClassMetrics(cm: ConfusionMatrix): ClassMetrics[] {
  return cm.labels.map((label, i) => {
    const tp = cm.matrix[i]![i]!;
    const support = sum(cm.matrix[i]!);
    const predicted = sum(cm.matrix.map((row) => row[i]!));
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
}

/**
 * Unweighted mean of per-class F1 over the labels that occur in the data (as expected or predicted),
 * so a rare category counts as much as a common one.
 */
export function macroF1(cm: ConfusionMatrix): number {
  const classes = perClassMetrics(cm).filter(
    (c, i) => c.support > 0 || sum(cm.matrix.map((row) => row[i]!)) > 0,
  );
  return classes.length === 0 ? 0 : mean(classes.map((c) => c.f1));
}

/** An inclusive score range such as `{ min: 80, max: 100 }`. */
export interface ScoreBand {
  min: number;
  max: number;
}

export function inBand(score: number, band: ScoreBand): boolean {
  return score >= band.min && score <= band.max;
}

/** Share of scores that fall inside their expected band. */
export function bandHitRate(items: readonly { score: number; band: ScoreBand }[]): number {
  if (items.length === 0) return 0;
  return items.filter((i) => inBand(i.score, i.band)).length / items.length;
}

// ---------------------------------------------------------------- text

/**
 * Lower-cased word/identifier tokens (letters, digits, `_`, `$`); punctuation and whitespace are
 * dropped so reformatting or renaming quotes does not hide a copied solution.
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_$]+/gu) ?? [];
}

function ngrams(tokens: readonly string[], n: number): Set<string> {
  const grams = new Set<string>();
  if (tokens.length === 0) return grams;
  if (tokens.length < n) {
    grams.add(tokens.join(' '));
    return grams;
  }
  for (let i = 0; i + n <= tokens.length; i++) grams.add(tokens.slice(i, i + n).join(' '));
  return grams;
}

/**
 * Share of the reference's distinct token n-grams that also appear in the candidate (0–1).
 * Asymmetric on purpose: a long hint that contains the whole solution scores 1. n-grams of `known`
 * (what the learner already wrote or was told: their code, message, the story) are left out of the
 * reference first, so quoting the learner's own code back is not counted; a reference with nothing
 * new in it scores 0.
 */
export function ngramOverlap(reference: string, candidate: string, n = 4, known = ''): number {
  const ref = ngrams(tokenize(reference), n);
  if (known) for (const g of ngrams(tokenize(known), n)) ref.delete(g);
  if (ref.size === 0) return 0;
  const cand = ngrams(tokenize(candidate), n);
  let shared = 0;
  for (const g of ref) if (cand.has(g)) shared += 1;
  return shared / ref.size;
}

/** Lower-case, single spaces, no spaces next to punctuation: `Math.ceil( a / b )` → `math.ceil(a/b)`. */
export function normaliseCode(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?([^\p{L}\p{N}_$ ]) ?/gu, '$1')
    .trim();
}

/** The fragments (e.g. the one line that fixes the bug) that occur in `text`, compared after {@link normaliseCode}. */
export function revealedFragments(fragments: readonly string[], text: string): string[] {
  const haystack = normaliseCode(text);
  return fragments.filter((f) => {
    const needle = normaliseCode(f);
    return needle !== '' && haystack.includes(needle);
  });
}

/** Contents of Markdown fenced code blocks (``` or ~~~), without the fences. */
export function codeBlocks(text: string): string[] {
  const blocks: string[] = [];
  const fence = /^(```|~~~)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm;
  for (const m of text.matchAll(fence)) blocks.push(m[2]!);
  return blocks;
}

/** Non-blank lines of the largest fenced code block (0 when there is none). */
export function largestCodeBlockLines(text: string): number {
  return Math.max(
    0,
    ...codeBlocks(text).map((b) => b.split('\n').filter((l) => l.trim() !== '').length),
  );
}

/** Text with fenced and inline code removed: what a reader reads as prose. */
export function proseOnly(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ').replace(/`[^`\n]*`/g, 'code');
}

/** Words as a reader counts them: whitespace-separated runs containing a letter or digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** English syllable estimate: vowel groups, minus a silent final "e", at least 1. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 0);
}

/**
 * Flesch reading ease of the prose (code removed): 206.835 − 1.015·words/sentence − 84.6·syllables/word.
 * Higher is easier; 60–70 is plain English. Returns 0 for text without words.
 */
export function fleschReadingEase(text: string): number {
  const prose = proseOnly(text);
  const words = prose
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}']/gu, ''))
    .filter((w) => /[a-z]/i.test(w));
  if (words.length === 0) return 0;
  const sentences = Math.max(
    1,
    prose.split(/[.!?]+(?=\s|$)/).filter((s) => /[a-z]/i.test(s)).length,
  );
  const syl = sum(words.map(syllables));
  return 206.835 - 1.015 * (words.length / sentences) - 84.6 * (syl / words.length);
}

// ---------------------------------------------------------------- judge agreement

/** How well judge ratings match human labels on one 1–5 dimension. */
export interface Agreement {
  n: number;
  /** Share of identical ratings. */
  exact: number;
  /** Share of ratings at most one point apart. */
  withinOne: number;
  meanAbsoluteError: number;
  /** Quadratic weighted Cohen's kappa over the categories 1..5 (1 = perfect, 0 = chance). */
  quadraticKappa: number;
}

/** Agreement between paired human and judge ratings on a 1–`categories` scale. */
export function ratingAgreement(
  pairs: readonly { human: number; judge: number }[],
  categories = 5,
): Agreement {
  const n = pairs.length;
  if (n === 0) return { n: 0, exact: 0, withinOne: 0, meanAbsoluteError: 0, quadraticKappa: 0 };
  const diffs = pairs.map((p) => Math.abs(p.human - p.judge));
  return {
    n,
    exact: diffs.filter((d) => d === 0).length / n,
    withinOne: diffs.filter((d) => d <= 1).length / n,
    meanAbsoluteError: mean(diffs),
    quadraticKappa: quadraticWeightedKappa(pairs, categories),
  };
}

function quadraticWeightedKappa(
  pairs: readonly { human: number; judge: number }[],
  k: number,
): number {
  const clamp = (v: number) => Math.min(k, Math.max(1, Math.round(v))) - 1;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const humanHist = new Array<number>(k).fill(0);
  const judgeHist = new Array<number>(k).fill(0);
  for (const p of pairs) {
    const h = clamp(p.human);
    const j = clamp(p.judge);
    observed[h]![j]! += 1;
    humanHist[h]! += 1;
    judgeHist[j]! += 1;
  }
  const n = pairs.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      num += w * observed[i]![j]!;
      den += (w * humanHist[i]! * judgeHist[j]!) / n;
    }
  }
  // Both raters constant and equal: perfect agreement that kappa's formula cannot express.
  if (den === 0) return num === 0 ? 1 : 0;
  return 1 - num / den;
}

// ---------------------------------------------------------------- small helpers

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}
