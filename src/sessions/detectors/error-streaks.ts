import { buildErrorSignature } from '../../../tools/reports/build-signature.ts';
import { isType, type ActivityEvent, type EventOf } from './activity-event.ts';
import type { PatternEvidence } from './pattern.ts';

/**
 * "The same error N times in a row", per source. A streak is counted backwards from the latest run
 * of that source and ends at the first run without the error (a fix breaks it). Runs of other
 * sources in between do not break it: a learner alternates builds, tests and edits.
 */
export type ErrorSource = 'test' | 'build' | 'typecheck';

export interface ErrorStreak {
  readonly source: ErrorSource;
  /** What compares equal across runs: test identity or normalised error text. */
  readonly signature: string;
  /** The same, in words, for messages to the learner. */
  readonly subject: string;
  readonly count: number;
  /** The runs in the streak, oldest first. */
  readonly evidence: readonly PatternEvidence[];
}

/** The current streak of the same failing build error, or null when the latest build passed. */
export function buildStreak(events: readonly ActivityEvent[]): ErrorStreak | null {
  return signatureStreak('build', events.filter(isType('build')), (build) => {
    if (build.data.success) return null;
    const first = build.data.errors?.[0];
    const signature = build.data.signature ?? (first ? buildErrorSignature(first) : null);
    return signature ? { signature, detail: first ?? signature } : null;
  });
}

/** The current streak of the same first type error, or null when the latest type check was clean. */
export function typecheckStreak(events: readonly ActivityEvent[]): ErrorStreak | null {
  return signatureStreak('typecheck', events.filter(isType('typecheck')), (check) => {
    const first = check.data.errors?.[0];
    if (!first || check.data.errorCount === 0) return null;
    const text = `${first.code} ${first.file ?? ''}: ${first.message.split('\n', 1)[0]}`;
    return { signature: buildErrorSignature(text), detail: text };
  });
}

/**
 * The longest current streak of one test failing in consecutive test runs (identity: file + name),
 * or null when the latest run has no named failure.
 */
export function testStreak(events: readonly ActivityEvent[]): ErrorStreak | null {
  const runs = events.filter(isType('test-run'));
  const latest = runs.at(-1);
  if (!latest) return null;
  let best: ErrorStreak | null = null;
  for (const failure of latest.data.failures ?? []) {
    const signature = testId(failure);
    const evidence: PatternEvidence[] = [];
    for (let i = runs.length - 1; i >= 0; i -= 1) {
      const same = runs[i]!.data.failures?.find((f) => testId(f) === signature);
      if (!same) break;
      evidence.unshift({ at: runs[i]!.at, detail: `failed: ${same.message ?? 'no message'}` });
    }
    if (!best || evidence.length > best.count) {
      const subject = failure.file ? `"${failure.name}" (${failure.file})` : `"${failure.name}"`;
      best = { source: 'test', signature, subject, count: evidence.length, evidence };
    }
  }
  return best;
}

/** The current streak of every source that has one, longest first. */
export function errorStreaks(events: readonly ActivityEvent[]): ErrorStreak[] {
  return [testStreak(events), buildStreak(events), typecheckStreak(events)]
    .filter((streak): streak is ErrorStreak => streak !== null)
    .sort((a, b) => b.count - a.count);
}

function testId(failure: { name: string; file?: string | undefined }): string {
  return `${failure.file ?? ''}::${failure.name}`;
}

function signatureStreak<E extends EventOf<'build'> | EventOf<'typecheck'>>(
  source: ErrorSource,
  runs: readonly E[],
  read: (run: E) => { signature: string; detail: string } | null,
): ErrorStreak | null {
  const latest = runs.at(-1);
  const head = latest ? read(latest) : null;
  if (!head) return null;
  const evidence: PatternEvidence[] = [];
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    const current = read(runs[i]!);
    if (current?.signature !== head.signature) break;
    evidence.unshift({ at: runs[i]!.at, detail: current.detail });
  }
  return {
    source,
    signature: head.signature,
    subject: head.signature,
    count: evidence.length,
    evidence,
  };
}
