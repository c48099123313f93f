/**
 * What the mentor is waiting for in the session's current state, and how the learner gives it:
 * derived from the machine's definitions (the state's description, the events it accepts and what
 * each means) and from the interpreter's own tables (which words send which event, which states read
 * a whole message), so it stays true when the machine or the interpreter changes.
 */
import type { StoryState } from '../../domain/machines/story-states.ts';
import { isDone } from '../../machine/index.ts';
import { currentTask } from '../context.ts';
import {
  inWorkingState,
  intentExamples,
  intentsIn,
  learnerEventMeaning,
  messageReaders,
  understandingStates,
} from '../interpret/message-intents.ts';
import type { MessageIntent } from '../interpret/message-rules.ts';
import { leaf, type TurnDraft } from '../turn/draft.ts';
import { toSecondPerson } from './second-person.ts';
import { profileOf } from '../turn/machine-profiles.ts';
import { allowedIn, canApply, machineOf, snapshotOf } from '../turn/machine-step.ts';

/** Events no learner sends or waits for, per machine: timers, escalation, operator commands. */
const systemEvents: Readonly<Record<string, ReadonlySet<string>>> = {
  story: new Set([
    'timeout',
    'complexTimeout',
    'researchTimeout',
    'stuckTimeout',
    'noProgressTimeout',
    'noResponse',
    'escalate',
    'cancel',
  ]),
  lifecycle: new Set(['CHECK_IN_DUE', 'CANCEL']),
};

/** Reports that move a state on, by where the state sits (the report interpreter's cases). */
function reportCue(draft: TurnDraft): string | undefined {
  const state = leaf(draft);
  if (draft.path.includes('QUALITY_GATE_CHECK'))
    return 'send the reports of your checks (test run, coverage, lint, type check, build, security scan): the quality gates decide once they are all in';
  if (state === 'AUTO_FIX_ISSUES' || state === 'REQUIRE_FIXES' || state === 'BLOCK_PROGRESS')
    return 'fix the failing check and send its new report';
  if (state === 'VERIFY_FIXES') return 'send a new test run';
  if (state === 'GUIDE_FIXES' || state === 'REWORK_REQUIRED')
    return 'push a commit with your changes';
  if (state === 'MONITOR_REVIEW' || state === 'PREPARE_CODE_REVIEW')
    return 'send the review result when the reviewer answers';
  if (state === 'VERIFY_FIX') return 'send a test run';
  if (inWorkingState(draft.path))
    return 'send a test run: when all its tests pass, the step counts as done';
  return undefined;
}

/** The way forward first, the ways to ask for help after; the first intent of an event is its plainest example. */
const intentOrder: readonly Exclude<MessageIntent, 'other'>[] = [
  'affirm',
  'done',
  'prSubmitted',
  'partial',
  'confused',
  'help',
  'stillBroken',
];

/** Ways a message moves the state on: `say "ok, got it" when the story is clear to you now`. */
function messageCues(draft: TurnDraft): string[] {
  const intents = intentsIn(draft.path);
  const byEvent = new Map<string, string>();
  for (const intent of intentOrder) {
    const event = intents[intent];
    if (!event || byEvent.has(event) || !canApply(draft, event) || !learnerEventMeaning[event])
      continue;
    byEvent.set(event, intentExamples[intent]);
  }
  return [...byEvent].map(
    ([event, example]) =>
      `say ${example} when ${learnerEventMeaning[event as keyof typeof learnerEventMeaning]}`,
  );
}

const sentence = (text: string) => text.replace(/\.\s*$/, '');
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const quoted = (items: readonly string[]) => items.map((i) => `"${i}"`).join('; ');

/** What the current state is about for this learner: the open points of the story, or the current step. */
function situation(draft: TurnDraft): string {
  const state = leaf(draft);
  if (state === 'CLARIFY_REQUIREMENTS') {
    const open = draft.context.missingPoints?.length
      ? draft.context.missingPoints
      : draft.story.acceptanceCriteria;
    return ` Still open: ${quoted(open)}.`;
  }
  if (state === 'ESCALATE_DIFFICULTY')
    return ` We are looking at the first criterion only: "${draft.story.acceptanceCriteria[0]}".`;
  const task = currentTask(draft.context);
  if (task && inWorkingState(draft.path))
    return ` Your current step (${(draft.context.taskIndex ?? 0) + 1}/${draft.context.plan?.length ?? 1}): ${task}.`;
  return '';
}

/**
 * The guidance for a message that did not move the state: where we are, and every way on from here
 * (as a message, as a report, or what someone else does next).
 */
export function guidanceFor(draft: TurnDraft, options: { plan?: boolean } = {}): string {
  const machine = machineOf(draft.session.machine);
  const state = leaf(draft);
  // Descriptions are written for operators; the learner reads them addressed to them.
  const described = toSecondPerson(machine.states[state]?.description ?? state);
  const opening =
    options.plan && understandingStates.has(state)
      ? 'That looks like your implementation plan. Keep it: I will ask for it as soon as the story itself is clear.'
      : 'I have noted your message, but it does not answer what this step is waiting for.';

  const ways: string[] = [];
  const reader = messageReaders[state as StoryState];
  if (reader) ways.push(reader);
  if (understandingStates.has(state))
    ways.push('tell me in your own words what the story says about the open points');
  ways.push(...messageCues(draft));
  const report = reportCue(draft);
  if (report) ways.push(report);
  if (profileOf(draft.session.machine).invitesQuestions && inWorkingState(draft.path))
    ways.push('ask a question about the story or a concept whenever you need to');

  const allowed = allowedIn(draft).filter((e) => !systemEvents[draft.session.machine]?.has(e));
  // Nothing the learner can do here: say what happens next and who does it.
  const next = ways.length
    ? []
    : allowed.map((e) =>
        profileOf(draft.session.machine).eventsAsSentences
          ? lowerFirst(sentence(toSecondPerson(machine.events[e] ?? e)))
          : `\`${e}\` (${lowerFirst(sentence(toSecondPerson(machine.events[e] ?? e)))})`,
      );
  const finished = isDone(machine, snapshotOf(draft));
  const how = ways.length
    ? ` To move on: ${ways.join('; or ')}.`
    : next.length
      ? ` What comes next: ${next.join('; or ')}.`
      : finished
        ? ' This session is finished.'
        : ' Nothing else is needed from you right now.';
  return `${opening} Where we are: ${lowerFirst(sentence(described))}.${situation(draft)}${how}`;
}
