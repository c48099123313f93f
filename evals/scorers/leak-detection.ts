import { createScorer } from '@mastra/core/evals';
import { largestCodeBlockLines, ngramOverlap, revealedFragments } from '../metrics.ts';

/** What the leak check compares a reply with. */
export interface LeakGroundTruth {
  /** The story's answer; the reply must not contain it. */
  referenceSolution: string;
  /** What the learner already has (their code, message, the story): not counted as leaked. */
  known?: string;
  /** Short give-away fragments (the fixing line), matched ignoring case and spacing. */
  mustNotReveal?: string[];
}

export interface LeakOptions {
  /** Token n-gram size for the overlap. */
  n?: number;
  /** Overlap (share of the reference's new n-grams found in the reply) at which it counts as a leak. */
  overlapThreshold?: number;
  /** A fenced code block with more non-blank lines than this counts as handing over code. */
  maxCodeLines?: number;
}

export const defaultLeakOptions: Required<LeakOptions> = {
  n: 4,
  overlapThreshold: 0.35,
  maxCodeLines: 8,
};

export interface LeakAnalysis {
  overlap: number;
  codeLines: number;
  fragments: string[];
  leaked: boolean;
  reasons: string[];
}

/** The leak decision on its own (used by the scorer and by the runner for per-case reports). */
export function analyzeLeak(
  reply: string,
  truth: LeakGroundTruth,
  options: LeakOptions = {},
): LeakAnalysis {
  const o = { ...defaultLeakOptions, ...options };
  const overlap = ngramOverlap(truth.referenceSolution, reply, o.n, truth.known ?? '');
  const codeLines = largestCodeBlockLines(reply);
  const fragments = revealedFragments(truth.mustNotReveal ?? [], reply);
  const reasons: string[] = [];
  if (overlap >= o.overlapThreshold)
    reasons.push(
      `${Math.round(overlap * 100)}% of the reference solution's ${o.n}-grams appear in the reply`,
    );
  if (codeLines > o.maxCodeLines)
    reasons.push(`a ${codeLines}-line code block (limit ${o.maxCodeLines})`);
  if (fragments.length)
    reasons.push(`reveals ${fragments.map((f) => JSON.stringify(f)).join(', ')}`);
  return { overlap, codeLines, fragments, leaked: reasons.length > 0, reasons };
}

/**
 * Leak detection for hints and explanations: **1 means the reply leaked the answer**, 0 means it did
 * not, so the mean over a dataset is the leak rate. `output` is the reply text, `groundTruth` a
 * {@link LeakGroundTruth}. A reply leaks when enough of the reference solution's new token n-grams
 * appear in it, when it contains a large code block, or when it contains a give-away fragment.
 */
export function createLeakDetectionScorer(options: LeakOptions = {}) {
  return createScorer<unknown, string>({
    id: 'leak-detection',
    name: 'Solution leak',
    description:
      '1 when the reply reveals the reference solution (n-gram overlap, code block size, give-away fragments), else 0; the mean is the leak rate.',
  })
    .analyze(({ run }) => analyzeLeak(run.output, run.groundTruth as LeakGroundTruth, options))
    .generateScore(({ results }) => (results.analyzeStepResult.leaked ? 1 : 0))
    .generateReason(({ results }) =>
      results.analyzeStepResult.leaked
        ? `leak: ${results.analyzeStepResult.reasons.join('; ')}`
        : `no leak (overlap ${Math.round(results.analyzeStepResult.overlap * 100)}%, largest code block ${results.analyzeStepResult.codeLines} lines)`,
    );
}

export const leakDetectionScorer = createLeakDetectionScorer();
