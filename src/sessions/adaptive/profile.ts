/**
 * From the learner's earlier sessions to what this session adapts (seed 001 "Dynamic timeout
 * adjustment", "Learning pattern recognition"): the timeout factor, the level the hints start
 * from, and how finely plans are split. Pure: the history is read by `load-profile.ts`.
 */
import type {
  AdaptiveLevel,
  AdaptiveSettings,
  Granularity,
  LearnerProfile,
  SessionOutcomes,
} from './types.ts';

/** The timeout factor's bounds: history stretches or shortens the policy, never beyond these. */
export const factorBounds = { min: 0.75, max: 2 } as const;
/** How many of the most recent tasks the timeout factor averages. */
export const recentTasks = 5;

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** "1.6×", or words for a ratio too small to print in hundredths. */
const times = (ratio: number) => (ratio < 0.1 ? 'less than a tenth of' : `${ratio}×`);

/** Sums the outcomes of earlier sessions, oldest first. */
export function profileFrom(history: readonly SessionOutcomes[]): LearnerProfile {
  const ratios = history.flatMap((o) => o.taskRatios);
  const judged = history.filter((o) => o.gateFirstTry !== undefined);
  return {
    sessions: history.length,
    tasks: ratios.length,
    recentRatios: ratios.slice(-recentTasks).map(round2),
    helpRequests: history.reduce((n, o) => n + o.helpRequests, 0),
    gateSessions: judged.length,
    gateFirstPasses: judged.filter((o) => o.gateFirstTry).length,
    repeatedErrors: history.reduce((n, o) => n + o.repeatedErrors, 0),
  };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function levelOf(p: LearnerProfile, ratio: number, helpPerTask: number): AdaptiveLevel {
  const passRate = p.gateSessions ? p.gateFirstPasses / p.gateSessions : 1;
  if (p.tasks >= 3 && ratio <= 0.75 && helpPerTask < 0.25 && passRate >= 0.5) return 'advanced';
  if (p.tasks >= 2 && ratio <= 1.25 && helpPerTask < 0.5 && passRate >= 0.5) return 'intermediate';
  return 'beginner';
}

/**
 * The depth the first hint of a task starts at, as the hint rules compute it from `learner`
 * (src/models/rules/hint.ts): beginners 2, others 1, one deeper after 5 help requests unless advanced.
 */
export function hintStartDepth(level: AdaptiveLevel, helpRequests: number): number {
  const base = level === 'beginner' ? 2 : 1;
  return clamp(base + (helpRequests >= 5 && level !== 'advanced' ? 1 : 0), 1, 3);
}

function granularityOf(
  p: LearnerProfile,
  level: AdaptiveLevel,
  ratio: number,
  helpPerTask: number,
): Granularity {
  if (!p.tasks) return 'normal';
  if (ratio >= 1.5 || helpPerTask >= 1 || p.repeatedErrors >= 3) return 'fine';
  return level === 'advanced' ? 'coarse' : 'normal';
}

/** The settings for a new session of a learner with this history. */
export function adaptiveSettings(profile: LearnerProfile): AdaptiveSettings {
  const ratio = mean(profile.recentRatios);
  const helpPerTask = profile.helpRequests / Math.max(1, profile.tasks);
  const timeoutFactor = profile.tasks
    ? round2(clamp(ratio, factorBounds.min, factorBounds.max))
    : 1;
  const level = levelOf(profile, ratio, helpPerTask);
  const granularity = granularityOf(profile, level, ratio, helpPerTask);
  const depth = hintStartDepth(level, profile.helpRequests);
  const explanation = profile.tasks
    ? [
        `timeouts ×${timeoutFactor}: your last ${plural(profile.recentRatios.length, 'task')} took ${times(round2(ratio))} their estimate (the factor stays within ${factorBounds.min}–${factorBounds.max})`,
        `hints start at depth ${depth} of 3 (level ${level}: ${plural(profile.helpRequests, 'help request')} over ${plural(profile.tasks, 'task')}${profile.gateSessions ? `, quality gates passed first time in ${profile.gateFirstPasses} of ${plural(profile.gateSessions, 'session')}` : ''}${profile.repeatedErrors ? `, ${plural(profile.repeatedErrors, 'repeated error')}` : ''})`,
        granularity === 'fine'
          ? 'plan steps: finer (compound steps are split in two)'
          : granularity === 'coarse'
            ? 'plan steps: coarser (a test and its code are one step)'
            : 'plan steps: as written',
      ]
    : [
        `timeouts ×1: no finished tasks yet to learn from`,
        `hints start at depth ${depth} of 3 (level ${level}, the default)`,
        'plan steps: as written',
      ];
  return { profile, timeoutFactor, level, hintStartDepth: depth, granularity, explanation };
}

/**
 * The complexity to suggest for the learner's next story, from the history and this session's
 * outcomes together (seed 001: quick learning → more complexity, slow progress → more support).
 */
export function nextStoryComplexity(
  settings: AdaptiveSettings | undefined,
  current: SessionOutcomes | undefined,
  storyComplexity: string,
): { complexity: 'simple' | 'complex' | 'research'; why: string } {
  const ratios = [...(settings?.profile.recentRatios ?? []), ...(current?.taskRatios ?? [])].slice(
    -recentTasks,
  );
  const ratio = round2(mean(ratios));
  const help = (current?.helpRequests ?? 0) + (settings?.profile.helpRequests ?? 0);
  const tasks = (current?.taskRatios.length ?? 0) + (settings?.profile.tasks ?? 0);
  const passed = current?.gateFirstTry !== false;
  const order = ['simple', 'complex', 'research'] as const;
  const at = Math.max(0, order.indexOf(storyComplexity as (typeof order)[number]));
  if (ratios.length && ratio <= 1 && passed && help <= tasks / 4) {
    const up = order[Math.min(at + 1, order.length - 1)]!;
    return {
      complexity: up,
      why: `your tasks took ${times(ratio)} their estimate and the quality gates passed the first time`,
    };
  }
  if ((ratios.length && ratio >= 1.5) || !passed || help > tasks) {
    const down = order[Math.max(at - 1, 0)]!;
    return {
      complexity: down,
      why: !passed
        ? 'the quality gates needed a second attempt'
        : ratio >= 1.5
          ? `your tasks took ${times(ratio)} their estimate`
          : `you asked for ${plural(help, 'hint')} over ${plural(tasks, 'task')}`,
    };
  }
  return { complexity: order[at]!, why: 'this one went at the expected pace' };
}
