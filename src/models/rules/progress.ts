import type {
  CoachingMode,
  ProgressAssessment,
  ProgressCoaching,
} from '../../domain/contracts/progress-coaching.ts';
import {
  activitiesOf,
  byLevel,
  codingKinds,
  num,
  profileOf,
  researchKinds,
  rulesTag,
  storyOf,
  str,
  type Activity,
} from './text.ts';

function normalise(summary: string): string {
  return summary.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Reads the activity window: repeated identical failures or research without code is circular; silence is no progress. */
export function assessProgress(
  activity: Activity[],
  minutesSinceProgress: number | undefined,
): ProgressAssessment {
  const failures = activity.filter((a) => a.ok === false && a.summary);
  const counts = new Map<string, number>();
  for (const f of failures)
    counts.set(normalise(f.summary), (counts.get(normalise(f.summary)) ?? 0) + 1);
  const repeated = Math.max(0, ...counts.values());
  const research = activity.filter((a) => researchKinds.test(a.type)).length;
  const coding = activity.filter((a) => codingKinds.test(a.type)).length;
  if (repeated >= 3 || (research >= 4 && coding === 0)) return 'circularActivity';
  if (!activity.length) return (minutesSinceProgress ?? 0) >= 5 ? 'noProgress' : 'steadyProgress';
  if ((minutesSinceProgress ?? 0) >= 15) return 'noProgress';
  const half = Math.floor(activity.length / 2);
  const wins = (list: Activity[]) =>
    list.filter((a) => a.ok === true || /^(commit|push)$/.test(a.type)).length;
  const earlier = wins(activity.slice(0, half));
  const later = wins(activity.slice(half));
  if (
    (minutesSinceProgress ?? 0) >= 7 ||
    (activity.length >= 4 && later < earlier) ||
    (later === 0 && failures.length > 0)
  )
    return 'slowingProgress';
  return 'steadyProgress';
}

const modeFor: Record<ProgressAssessment, CoachingMode> = {
  steadyProgress: 'encourage',
  slowingProgress: 'encourage',
  noProgress: 'investigateStall',
  circularActivity: 'redirect',
};

/** Rules-mode progress coach: encourage, investigate a stall, or redirect a loop. */
export function coachProgress(
  input: Record<string, unknown> | undefined,
  _message: string,
): ProgressCoaching {
  const { level } = profileOf(input);
  const story = storyOf(input);
  const activity = activitiesOf(input?.activity);
  const minutes = num(input?.minutesSinceProgress);
  const assessment = assessProgress(activity, minutes);
  const requested = str(input?.mode);
  const mode: CoachingMode =
    requested === 'encourage' || requested === 'investigateStall' || requested === 'redirect'
      ? requested
      : modeFor[assessment];
  const done = num(input?.completedSteps);
  const total = num(input?.totalSteps);
  const step =
    str(input?.currentStep) || story?.acceptanceCriteria.find(Boolean) || 'the current step';
  const pattern = str(input?.pattern);
  const progress =
    done !== undefined && total ? ` You have finished ${done} of ${total} steps.` : '';

  let questions: string[];
  let suggestedNextStep: string;
  let body: string;
  if (mode === 'encourage') {
    questions = ['What is the next small thing you can check off?'];
    suggestedNextStep = `Finish "${step}" and run its test before starting anything else.`;
    body = byLevel(level, {
      beginner: `You are making progress.${progress} Keep the steps small: finish "${step}", run the test, then commit.`,
      intermediate: `Good pace.${progress} Next: "${step}".`,
      advanced: `On track.${progress}`,
    });
  } else if (mode === 'investigateStall') {
    questions = [
      'What are you working on right now?',
      'What did you try last, and what happened?',
      'Is something blocking you (an error, a decision, missing information)?',
    ];
    suggestedNextStep = 'Describe where you are stuck, or take the smallest next step and run it.';
    body = byLevel(level, {
      beginner: `I have not seen activity for a while${minutes ? ` (${Math.round(minutes)} minutes)` : ''}. That is fine, but let's make sure you are not stuck alone. ${questions.join(' ')}`,
      intermediate: `No progress for${minutes ? ` ${Math.round(minutes)} minutes` : ' a while'}. ${questions.join(' ')}`,
      advanced: `Quiet for${minutes ? ` ${Math.round(minutes)} min` : ' a while'}: blocked on anything?`,
    });
  } else {
    const loop =
      pattern || (assessment === 'circularActivity' ? 'the same thing repeating' : 'a loop');
    questions = [
      'What would you do differently if the current approach were ruled out?',
      'What is the one assumption you have not checked yet?',
    ];
    suggestedNextStep =
      'Stop repeating the same attempt: write down what you know, check one untested assumption, and try a different angle.';
    body = byLevel(level, {
      beginner: `I notice ${loop} in your recent activity. Repeating the same attempt usually gives the same result, so let's change the angle. ${questions[1]}`,
      intermediate: `Pattern spotted: ${loop}. Time for a different angle. ${questions[0]}`,
      advanced: `Loop detected (${loop}). Change approach.`,
    });
  }
  return { assessment, mode, questions, suggestedNextStep, reply: `${rulesTag} ${body}` };
}
