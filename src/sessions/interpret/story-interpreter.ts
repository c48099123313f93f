/**
 * Reads an inbox event in the story machine's current state and says which machine event(s) it
 * means: chat messages through the state's classifier (an agent where the state needs judgement,
 * keyword rules elsewhere), reports through the parsers' summaries, detectors and quality gates,
 * review news by decision, timers by kind.
 */
import { fixVerificationSchema } from '../../domain/contracts/fix-verification.ts';
import { planReviewSchema } from '../../domain/contracts/plan-review.ts';
import { understandingAssessmentSchema } from '../../domain/contracts/understanding-assessment.ts';
import type { StoryEvent } from '../../domain/machines/story-events.ts';
import { safetyConcern } from '../../models/rules/safety.ts';
import { detectPatterns } from '../detectors/index.ts';
import type { ReviewDecision } from '../event-schemas.ts';
import { evaluateQualityGates, gateOfReport } from '../quality-gates.ts';
import { gateData } from '../actions/quality-actions.ts';
import { callAgent } from '../turn/agent-call.ts';
import { leaf, reply, type TurnDeps, type TurnDraft } from '../turn/draft.ts';
import { canApply } from '../turn/machine-step.ts';
import type { TimerKind } from '../timers/timer-kinds.ts';
import { activityOf, isProgress, latestReports, recentWithCurrent } from './activity.ts';
import { claimTypes, type ActivityReport } from './activity-claims.ts';
import { askForReports, asReportEvent } from './activity-report.ts';
import { recorded, type Interpretation, type MachineEventCall } from './interpretation.ts';
import { inWorkingState, intentsIn, understandingStates } from './message-intents.ts';
import { classifyMessage } from './message-rules.ts';
import { readTimer } from './timer-event.ts';
import { interpretMentorMessage } from './mentor-message.ts';
import { isPlainQuestion, looksLikePlan, looksLikeQuestion } from './message-shape.ts';
import { readActivityReports } from './read-activity.ts';

const call = (event: StoryEvent, data: Record<string, unknown> = {}): MachineEventCall => ({
  event,
  data,
});
const apply = (events: MachineEventCall[], activity = true, progress = false): Interpretation => ({
  events,
  activity,
  progress,
  checkEscalation: true,
});

/** States whose agent judges the whole message (REQUEST_CLARIFICATION takes anything as the description). */
const judgedStates = new Set([
  'ASSESS_JUNIOR_CAPABILITY',
  'PLAN_DECOMPOSITION',
  'REFINE_PLAN',
  'CORRECT_PLAN',
  'VERIFY_FIX',
]);

async function interpretMessage(draft: TurnDraft, deps: TurnDeps): Promise<Interpretation> {
  const text = String(draft.event.data.text);
  draft.context.lastMessage = text.slice(0, 4000);
  const state = leaf(draft);
  const story = draft.story;
  // The rest of a message that reported several things, read again in the state the first led to.
  const rest = laterReports.get(draft);
  if (rest) {
    laterReports.delete(draft);
    return (
      (await interpretActivityReports(draft, deps, rest.reports, rest.applied)) ??
      recorded(`the message's other reports move nothing in ${state}`)
    );
  }
  // A question where a restatement, plan or fix report is expected is answered, not judged; an attempt
  // to talk the mentor out of its rules is refused, not judged either (answer/answer-learner.ts).
  if (judgedStates.has(state)) {
    if (isPlainQuestion(text))
      return { ...recorded(`question in ${state}: answered, not judged`), checkEscalation: true };
    if (safetyConcern(text) === 'injection')
      return {
        ...recorded(`prompt injection in ${state}: refused, not judged`),
        checkEscalation: true,
      };
  }
  switch (state) {
    case 'ASSESS_JUNIOR_CAPABILITY': {
      const out = await callAgent(
        draft,
        deps,
        'assessUnderstanding',
        'assessUnderstanding',
        { story, restatement: text },
        understandingAssessmentSchema,
      );
      draft.context.missingPoints = out.missingPoints;
      draft.context.restatement = text.slice(0, 4000);
      return apply([call(out.verdict, { confidence: out.confidence })]);
    }
    case 'PLAN_DECOMPOSITION': {
      const out = await callAgent(
        draft,
        deps,
        'reviewPlan',
        'reviewPlan',
        { story, plan: text },
        planReviewSchema,
      );
      return apply([call(out.verdict, { score: out.score })], true, true);
    }
    case 'REFINE_PLAN':
    case 'CORRECT_PLAN':
      return { ...apply([call('planRevised')], true, true), reinterpret: true };
    case 'VERIFY_FIX': {
      const out = await callAgent(
        draft,
        deps,
        'verifyFix',
        'verifyFix',
        { story, fixDescription: draft.context.diagnosis?.summary ?? '', learnerReport: text },
        fixVerificationSchema,
      );
      return apply([call(out.verdict)], true, out.verdict !== 'stillBroken');
    }
    case 'REQUEST_CLARIFICATION':
      return apply([call('clarificationReceived')]);
  }
  const reports = await readActivityReports(draft, deps, text);
  const reported = reports.length && (await interpretActivityReports(draft, deps, reports));
  if (reported) return reported;
  const intent = classifyMessage(text);
  const event = intentsIn(draft.path)[intent];
  if (event && canApply(draft, event))
    return apply([call(event, { intent })], true, event === 'taskCompleted');
  if (intent === 'other' && understandingStates.has(state)) {
    const reading = await reassess(draft, deps, text);
    if (reading) return reading;
  }
  return {
    ...recorded(`message read as '${intent}': no transition in ${state}`),
    checkEscalation: true,
  };
}

/** A message's reports still to apply in this turn, and the machine events its earlier ones applied. */
const laterReports = new WeakMap<
  TurnDraft,
  { reports: readonly ActivityReport[]; applied: ReadonlySet<string> }
>();

/**
 * A message that reports activity in plain words ("all 12 tests pass", "PR is up: <url>") moves the
 * session as the structured reports would, each in turn: the first that moves the session applies,
 * and the message is read again in the state it led to for the others (an event one of them already
 * applied is not applied twice: "I implemented it and all tests pass" completes one step). Where a
 * quality gate judges reports, stated figures are claims and the mentor asks for the reports.
 * Undefined when no report moves anything, so the message is read by its keywords as before.
 */
async function interpretActivityReports(
  draft: TurnDraft,
  deps: TurnDeps,
  reports: readonly ActivityReport[],
  applied: ReadonlySet<string> = new Set(),
): Promise<Interpretation | undefined> {
  const ask = askForReports(draft, reports);
  if (ask) reply(draft, 'askForReport', ask.text);
  const open = ask ? reports.filter((r) => !ask.asked.includes(r)) : reports;
  for (const [i, report] of open.entries()) {
    const reading = await interpretActivityReport(draft, deps, report);
    if (!reading || reading.events.some((e) => applied.has(e.event))) continue;
    const later = open.slice(i + 1);
    if (!later.length) return reading;
    laterReports.set(draft, {
      reports: later,
      applied: new Set([...applied, ...reading.events.map((e) => e.event)]),
    });
    return { ...reading, reinterpret: true };
  }
  if (ask)
    return recorded(
      `${ask.asked.map((r) => r.type).join(', ')} claimed in a message: asked for the report`,
    );
  return undefined;
}

/** One report of a message read as its event would be; undefined when it moves nothing. */
async function interpretActivityReport(
  draft: TurnDraft,
  deps: TurnDeps,
  report: ActivityReport,
): Promise<Interpretation | undefined> {
  if (report.type === 'task-done') {
    const event = intentsIn(draft.path).done;
    if (!event || !canApply(draft, event)) return undefined;
    return apply([call(event, { intent: 'done', ...report.fields })], true, true);
  }
  const derived = { ...draft, event: asReportEvent(draft, report) };
  const reading =
    report.type === 'review-feedback'
      ? interpretReview(derived)
      : await interpretReport(derived, deps);
  if (!reading.events.length) return undefined;
  const claimed = claimTypes.has(report.type) ? ' (claimed)' : '';
  return {
    ...reading,
    events: reading.events.map((e) => ({ ...e, data: { ...e.data, reported: report.type } })),
    reason: `${report.type} reported in a message${claimed}`,
  };
}

/** Words about the story, not a plan or a question: at least a short sentence. */
const restates = (text: string) =>
  text.trim().split(/\s+/).length >= 5 && !looksLikePlan(text) && !looksLikeQuestion(text);

/**
 * While the story is being clarified, a message that is neither "got it" nor "still confused" is
 * most often the learner explaining what they missed: assessed with their first restatement, it
 * confirms the understanding once the points asked about are covered; otherwise the assessor's reply
 * says what is still missing. Plans and questions are left to the guidance.
 */
async function reassess(
  draft: TurnDraft,
  deps: TurnDeps,
  text: string,
): Promise<Interpretation | undefined> {
  if (!restates(text) || !canApply(draft, 'understandingConfirmed')) return undefined;
  const state = leaf(draft);
  const all = draft.story.acceptanceCriteria;
  // The points this state asked about: the missing ones, the whole story again, or the first criterion.
  const points =
    state === 'CLARIFY_REQUIREMENTS' && draft.context.missingPoints?.length
      ? draft.context.missingPoints
      : state === 'ESCALATE_DIFFICULTY'
        ? all.slice(0, 1)
        : all;
  // What was missing is judged together with what the learner said first; after a misunderstanding they start over.
  const restatement =
    state === 'CLARIFY_REQUIREMENTS'
      ? [draft.context.restatement ?? '', text].filter(Boolean).join('\n').slice(-4000)
      : text.slice(0, 4000);
  draft.context.restatement = restatement;
  const out = await callAgent(
    draft,
    deps,
    'assessUnderstanding',
    'assessUnderstanding',
    { story: { ...draft.story, acceptanceCriteria: [...points] }, restatement },
    understandingAssessmentSchema,
  );
  if (out.verdict === 'correctUnderstanding')
    return apply([
      call('understandingConfirmed', { confidence: out.confidence, reassessed: true }),
    ]);
  if (out.missingPoints.length) draft.context.missingPoints = out.missingPoints;
  return {
    ...recorded(`restatement reassessed in ${state}: ${out.verdict}`),
    checkEscalation: true,
  };
}

const reviewEvents: Record<Exclude<ReviewDecision, 'submitted' | 'merged'>, StoryEvent> = {
  approved: 'approved',
  'minor-changes': 'minorChanges',
  'major-changes': 'majorChanges',
  questions: 'questions',
};

function interpretReview(draft: TurnDraft): Interpretation {
  const decision = draft.event.data.decision as ReviewDecision;
  const state = leaf(draft);
  const outcome =
    decision === 'submitted' || decision === 'merged' ? undefined : reviewEvents[decision];
  if (state === 'PREPARE_CODE_REVIEW')
    return apply(outcome ? [call('prSubmitted'), call(outcome)] : [call('prSubmitted')]);
  if (state === 'MONITOR_REVIEW' && outcome) return apply([call(outcome)]);
  if (state === 'MONITOR_REVIEW' && decision === 'merged')
    return apply([call('approved'), call('mergeComplete')], true, true);
  if (state === 'CLARIFY_FEEDBACK' && outcome)
    return apply([call('feedbackClarified'), call(outcome)]);
  if (state === 'MERGE_AND_COMPLETE' && decision === 'merged')
    return apply([call('mergeComplete')], true, true);
  return recorded(`review '${decision}' recorded: no transition in ${state}`);
}

const failing = (draft: TurnDraft): boolean => {
  const { type, data } = draft.event;
  return (
    (type === 'test-run' && Number(data.failed) > 0) ||
    (type === 'build' && data.success === false) ||
    (type === 'typecheck' && Number(data.errorCount) > 0)
  );
};

async function interpretReport(draft: TurnDraft, deps: TurnDeps): Promise<Interpretation> {
  const { type, data } = draft.event;
  const state = leaf(draft);
  const progress = isProgress(draft);
  if (type === 'test-run') draft.context.lastTestsFailed = Number(data.failed ?? 0);
  const isReport = type !== 'commit';
  const escalate = failing(draft);
  const result = (events: MachineEventCall[]) => ({
    events,
    activity: true,
    progress,
    checkEscalation: escalate,
  });

  if (draft.path.includes('QUALITY_GATE_CHECK')) {
    if (state !== 'DETERMINE_OUTCOME' || !isReport)
      return recorded('report recorded for the quality gates', true, progress);
    const gates = evaluateQualityGates(await latestReports(draft, deps));
    if (gates.event) return result([call(gates.event, gateData(gates))]);
    return recorded(`quality gates waiting for: ${gates.pending.join(', ')}`, true, progress);
  }
  switch (state) {
    case 'AUTO_FIX_ISSUES':
    case 'REQUIRE_FIXES':
    case 'BLOCK_PROGRESS': {
      if (!isReport)
        return recorded(
          'commit recorded: send the new reports to re-run the gates',
          true,
          progress,
        );
      // Re-run the gates once this report's own gate passes; a report that still fails changes nothing.
      const gates = evaluateQualityGates(await latestReports(draft, deps));
      const own = gates.gates.find(
        (g) => g.gate === gateOfReport[type as keyof typeof gateOfReport],
      );
      if (own?.passed) return result([call('fixesApplied')]);
      return recorded(`${type} still fails: ${own?.reason ?? 'see the report'}`, true, progress);
    }
    case 'VERIFY_FIXES': {
      if (!isReport) return recorded('commit recorded', true, progress);
      const gates = evaluateQualityGates(await latestReports(draft, deps));
      if (gates.passed) return result([call('fixesVerified')]);
      if (gates.gates.some((g) => g.status === 'failed'))
        return result([call('fixesIncomplete', gateData(gates))]);
      return recorded(`review fixes: waiting for ${gates.pending.join(', ')}`, true, progress);
    }
    case 'VERIFY_FIX':
      if (type === 'test-run')
        return result([
          call(
            Number(data.failed) === 0 ? 'fixConfirmed' : progress ? 'partialFix' : 'stillBroken',
          ),
        ]);
      if (type === 'build') return result([call(data.success ? 'fixConfirmed' : 'stillBroken')]);
      return recorded(`${type} recorded`, true, progress);
    case 'GUIDE_FIXES':
      return type === 'commit'
        ? result([call('fixesStarted')])
        : recorded(`${type} recorded`, true, progress);
    case 'REWORK_REQUIRED':
      return type === 'commit'
        ? result([call('reworkStarted')])
        : recorded(`${type} recorded`, true, progress);
  }
  if (!inWorkingState(draft.path))
    return {
      ...recorded(`${type} recorded: no transition in ${state}`, true, progress),
      checkEscalation: escalate,
    };

  if (type === 'test-run' && Number(data.failed) === 0 && Number(data.total) > 0)
    return result([call('taskCompleted', { passed: data.passed })]);
  if (draft.path.includes('MONITOR_PROGRESS')) {
    const since = draft.context.monitorSince ?? '';
    const activity = activityOf(draft, recentWithCurrent(draft, deps)).filter(
      (a) => (a as { at: string }).at >= since,
    );
    const [pattern] = detectPatterns(activity);
    if (pattern)
      return result([
        call('circularActivity', {
          pattern: pattern.pattern,
          subject: pattern.subject,
          count: pattern.count,
        }),
      ]);
    if (progress && state !== 'CONTINUE_MONITORING') return result([call('steadyProgress')]);
    if (!progress && escalate && state === 'CONTINUE_MONITORING')
      return result([call('slowingProgress')]);
  }
  return { ...recorded(`${type} recorded`, true, progress), checkEscalation: escalate };
}

function interpretTimer(draft: TurnDraft): Interpretation {
  const { kind, token } = draft.event.data as { kind?: TimerKind; token?: string };
  // Without a timer kind, `timeout` is the machine's own event (sent by a client or a test).
  if (!kind) return { events: [call('timeout')], activity: false, progress: false };
  const reading = readTimer(draft, kind, token);
  if ('ignored' in reading)
    return { events: [], activity: false, progress: false, ignored: reading.ignored };
  const event = reading.fired.event;
  if (!canApply(draft, event))
    return {
      events: [],
      activity: false,
      progress: false,
      ignored: `${event} does not apply in ${leaf(draft)}`,
    };
  return {
    events: [{ event, data: { timer: kind } }],
    activity: false,
    progress: false,
    checkEscalation: true,
  };
}

/** The story interpretation of the draft's event. */
export async function interpretStoryEvent(
  draft: TurnDraft,
  deps: TurnDeps,
): Promise<Interpretation> {
  const { type, data } = draft.event;
  switch (type) {
    case 'learner-message':
      return interpretMessage(draft, deps);
    case 'help-request':
      if (canApply(draft, 'helpRequested'))
        return apply([call('helpRequested', { topic: data.topic ?? '' })]);
      return { ...recorded('help request recorded'), checkEscalation: true };
    case 'research':
      return recorded('research recorded');
    case 'review-feedback':
      return interpretReview(draft);
    case 'mentor-message':
      return interpretMentorMessage(draft);
    case 'timeout':
      return interpretTimer(draft);
    case 'cancel':
      return { events: [call('cancel', data)], activity: false, progress: false };
    case 'commit':
    case 'test-run':
    case 'build':
    case 'lint':
    case 'typecheck':
    case 'coverage':
    case 'security-scan':
      return interpretReport(draft, deps);
  }
  // A machine event sent by name.
  return { events: [{ event: type, data }], activity: true, progress: true };
}
