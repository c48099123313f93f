/**
 * Reads an inbox event for the lifecycle machine (seed 000): operator commands map to PAUSE /
 * RESUME / CANCEL, a help message to REQUEST_MENTOR_HELP, the weekly check-in timer to
 * CHECK_IN_DUE; the assessment and stagnation checks notify.
 */
import { selectMentorAvailable } from '../../db/sessions/select-mentor-available.ts';
import { timerSpecs, type TimerKind } from '../timers/timer-kinds.ts';
import { armTimer, leaf, notify, reply, type TurnDeps, type TurnDraft } from '../turn/draft.ts';
import { canApply } from '../turn/machine-step.ts';
import { recorded, type Interpretation } from './interpretation.ts';
import { classifyMessage } from './message-rules.ts';
import { readTimer } from './timer-event.ts';
import { interpretMentorMessage } from './mentor-message.ts';

const command = (event: string, data: Record<string, unknown>): Interpretation => ({
  events: [{ event, data }],
  activity: false,
  progress: false,
});

async function interpretHelp(draft: TurnDraft, deps: TurnDeps): Promise<Interpretation> {
  if (!canApply(draft, 'REQUEST_MENTOR_HELP'))
    return recorded(`help asked in ${leaf(draft)}: recorded`);
  if (!(await selectMentorAvailable(deps.pool, draft.session.mentorId))) {
    reply(
      draft,
      'notifyMentor',
      'Your mentor is not available right now; your request is recorded and they will see it.',
    );
    notify(draft, 'help_requested', draft.session.mentorId ? 'mentor' : 'human', {
      text: draft.event.data.text ?? draft.event.data.topic ?? '',
    });
    return recorded('help asked while the mentor is unavailable');
  }
  return {
    events: [{ event: 'REQUEST_MENTOR_HELP', data: draft.event.data }],
    activity: true,
    progress: false,
  };
}

function interpretTimer(draft: TurnDraft, deps: TurnDeps): Interpretation {
  const { kind, token } = draft.event.data as { kind?: TimerKind; token?: string };
  const none = (ignored: string): Interpretation => ({
    events: [],
    activity: false,
    progress: false,
    ignored,
  });
  if (!kind) return none('a timeout without a timer kind means nothing to the lifecycle machine');
  const reading = readTimer(draft, kind, token);
  if ('ignored' in reading) return none(reading.ignored);
  const state = leaf(draft);
  switch (kind) {
    case 'checkIn':
      if (canApply(draft, 'CHECK_IN_DUE'))
        return {
          events: [{ event: 'CHECK_IN_DUE', data: { type: 'scheduled_check_in' } }],
          activity: false,
          progress: false,
        };
      // Busy with a progress report or the mentor this week: ask again next week.
      draft.nextCheckIn = armTimer(draft, timerSpecs.checkIn, deps.timeScale).dueAt;
      return recorded(`check-in skipped in ${state}; next one scheduled`, false);
    case 'assessmentReminder':
      if (draft.context.assessmentStatus !== 'completed')
        notify(draft, 'assessment_reminder', 'learner', {});
      return recorded('assessment reminder', false);
    case 'assessmentCheck':
      if (draft.context.assessmentStatus !== 'completed')
        notify(draft, 'assessment_overdue', draft.session.mentorId ? 'mentor' : 'human', { state });
      return recorded('assessment completion checked', false);
    case 'stagnationCheck': {
      const since = draft.context.lastProgressAt
        ? Date.parse(draft.context.lastProgressAt)
        : Date.parse(draft.session.startedAt);
      const stagnant =
        draft.now.getTime() - since >=
        Math.round(timerSpecs.stagnationCheck.afterMs * deps.timeScale);
      if (stagnant)
        notify(draft, 'progress_stagnant', draft.session.mentorId ? 'mentor' : 'human', {
          since: new Date(since).toISOString(),
        });
      if (state === 'ACTIVE') armTimer(draft, timerSpecs.stagnationCheck, deps.timeScale);
      return recorded(
        stagnant
          ? 'no progress since the last check: mentor notified'
          : 'progress seen since the last check',
        false,
      );
    }
    default:
      return none(`timer '${kind}' does not belong to the lifecycle machine`);
  }
}

export async function interpretLifecycleEvent(
  draft: TurnDraft,
  deps: TurnDeps,
): Promise<Interpretation> {
  const { type, data } = draft.event;
  switch (type) {
    case 'pause':
      return command('PAUSE', data);
    case 'resume':
      return command('RESUME', data);
    case 'cancel':
      return command('CANCEL', data);
    case 'timeout':
      return interpretTimer(draft, deps);
    case 'help-request':
      return interpretHelp(draft, deps);
    case 'mentor-message':
      return interpretMentorMessage(draft);
    case 'learner-message':
      return classifyMessage(String(data.text)) === 'help'
        ? interpretHelp(draft, deps)
        : recorded('message recorded');
    case 'research':
    case 'review-feedback':
    case 'commit':
    case 'test-run':
    case 'build':
    case 'lint':
    case 'typecheck':
    case 'coverage':
    case 'security-scan':
      return recorded(`${type} recorded`);
  }
  return {
    events: [{ event: type, data }],
    activity: true,
    progress: type === 'SUBMIT_PROGRESS' || type === 'COMPLETE_GOAL',
  };
}
