/**
 * The mentorship lifecycle machine (seed 000): its 11 states, its 9 events, the 9 transitions of its
 * table with their actions and the guards of its `checkCondition`. What the table leaves out but
 * the states imply (entering and leaving ASSESSMENT_IN_PROGRESS and CHECK_IN_REQUIRED, leaving
 * PROGRESS_TRACKING, CANCEL) is added, each edge with its reason in `addition`.
 */
import { defineMachine } from '../../machine/index.ts';
import { lifecycleActionList as a } from './lifecycle-actions.ts';

/** What the lifecycle guards read: loaded by the session layer from the mentorship's rows before a transition. */
export interface LifecycleContext {
  /** Status of the initial assessment (`assessments.status`). */
  readonly assessmentStatus?: 'pending' | 'in_progress' | 'completed';
  /** Number of goals stored for the mentorship. */
  readonly goalCount?: number;
  /** Whether the assigned mentor is available (`mentors.available`). */
  readonly mentorAvailable?: boolean;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** The mentorship lifecycle machine. */
export const lifecycleMachine = defineMachine({
  id: 'lifecycle',
  description:
    'A mentorship from initial assessment through goals and progress tracking to completion (seed 000).',
  initial: 'INITIALIZING',
  states: {
    INITIALIZING: { description: 'Mentorship created, not started.' },
    ASSESSMENT_PENDING: {
      description: 'Initial assessment sent, waiting for the learner.',
      entry: a('scheduleAssessmentCheck'),
    },
    ASSESSMENT_IN_PROGRESS: { description: 'The learner is answering the assessment.' },
    GOAL_SETTING: { description: 'Assessment processed; goals are being set.' },
    ACTIVE: {
      description: 'Goals set; progress is tracked with weekly check-ins.',
      entry: a('scheduleStagnationCheck'),
    },
    PROGRESS_TRACKING: { description: 'A progress report was submitted and is being tracked.' },
    CHECK_IN_REQUIRED: { description: 'The weekly check-in is due.' },
    MENTOR_INTERVENTION: { description: 'The mentor is helping the learner.' },
    PAUSED: { description: 'Paused; no check-ins.' },
    COMPLETION: { description: 'Goals completed.', final: true },
    CANCELLED: { description: 'Cancelled.', final: true },
  },
  events: {
    START: 'Start the mentorship.',
    COMPLETE_ASSESSMENT: 'The learner completed the assessment (data: { results }).',
    SET_GOALS: 'Goals were agreed (data: { goals: [{ title, description?, targetDate? }] }).',
    SUBMIT_PROGRESS:
      'A progress report (also sent by the scheduled check-in, data: { type: "scheduled_check_in" }).',
    REQUEST_MENTOR_HELP: 'The learner asks the mentor for help.',
    COMPLETE_GOAL: 'The goals are completed.',
    PAUSE: 'Pause the mentorship.',
    RESUME: 'Resume a paused mentorship.',
    CANCEL: 'Cancel the mentorship.',
    BEGIN_ASSESSMENT: 'Added: the learner opened the assessment.',
    CHECK_IN_DUE: 'Added: the weekly scheduleCheckIn job fired.',
  },
  transitions: [
    // Seed 000 stateTransitions, in order.
    {
      from: 'INITIALIZING',
      event: 'START',
      to: 'ASSESSMENT_PENDING',
      actions: a('sendInitialAssessment'),
    },
    {
      from: 'ASSESSMENT_PENDING',
      event: 'COMPLETE_ASSESSMENT',
      to: 'GOAL_SETTING',
      guard: 'assessment_completed',
      actions: a('processAssessmentResults'),
    },
    {
      from: 'GOAL_SETTING',
      event: 'SET_GOALS',
      to: 'ACTIVE',
      guard: 'goals_set',
      actions: a('initializeProgressTracking'),
    },
    {
      from: 'ACTIVE',
      event: 'SUBMIT_PROGRESS',
      to: 'PROGRESS_TRACKING',
      actions: a('updateProgress'),
    },
    {
      from: 'PROGRESS_TRACKING',
      event: 'REQUEST_MENTOR_HELP',
      to: 'MENTOR_INTERVENTION',
      guard: 'mentor_available',
      actions: a('notifyMentor'),
    },
    {
      from: 'MENTOR_INTERVENTION',
      event: 'SUBMIT_PROGRESS',
      to: 'ACTIVE',
      actions: a('resumeTracking'),
    },
    { from: 'ACTIVE', event: 'COMPLETE_GOAL', to: 'COMPLETION', actions: a('finalizeMentorship') },
    { from: 'ACTIVE', event: 'PAUSE', to: 'PAUSED', actions: a('pauseTracking') },
    { from: 'PAUSED', event: 'RESUME', to: 'ACTIVE', actions: a('resumeTracking') },
    // Added.
    {
      from: 'ASSESSMENT_PENDING',
      event: 'BEGIN_ASSESSMENT',
      to: 'ASSESSMENT_IN_PROGRESS',
      actions: a('markAssessmentInProgress'),
      addition:
        "Nothing enters ASSESSMENT_IN_PROGRESS; the schema's assessment status 'in_progress' implies it",
    },
    {
      from: 'ASSESSMENT_IN_PROGRESS',
      event: 'COMPLETE_ASSESSMENT',
      to: 'GOAL_SETTING',
      guard: 'assessment_completed',
      actions: a('processAssessmentResults'),
      addition:
        'ASSESSMENT_IN_PROGRESS has no way out: completing it works as from ASSESSMENT_PENDING',
    },
    {
      from: 'ACTIVE',
      event: 'CHECK_IN_DUE',
      to: 'CHECK_IN_REQUIRED',
      actions: a('requestCheckIn'),
      addition:
        "Nothing enters CHECK_IN_REQUIRED: the seed's weekly scheduleCheckIn job sends check_in_required",
    },
    {
      from: 'CHECK_IN_REQUIRED',
      event: 'SUBMIT_PROGRESS',
      to: 'PROGRESS_TRACKING',
      actions: a('updateProgress'),
      addition: 'CHECK_IN_REQUIRED has no way out: answering the check-in is a progress report',
    },
    {
      from: 'CHECK_IN_REQUIRED',
      event: 'REQUEST_MENTOR_HELP',
      to: 'MENTOR_INTERVENTION',
      guard: 'mentor_available',
      actions: a('notifyMentor'),
      addition: 'A due check-in may be answered with a request for help',
    },
    {
      from: 'CHECK_IN_REQUIRED',
      event: 'PAUSE',
      to: 'PAUSED',
      actions: a('pauseTracking'),
      addition: 'Pausing is allowed while a check-in is due (RESUME returns to ACTIVE)',
    },
    {
      from: 'PROGRESS_TRACKING',
      event: 'SUBMIT_PROGRESS',
      to: 'ACTIVE',
      actions: a('updateProgress', 'resumeTracking'),
      addition:
        'PROGRESS_TRACKING has no way back to ACTIVE: the next report resumes tracking, as from MENTOR_INTERVENTION',
    },
    {
      from: 'PROGRESS_TRACKING',
      event: 'COMPLETE_GOAL',
      to: 'COMPLETION',
      actions: a('finalizeMentorship'),
      addition: 'The tracked progress may complete the goals',
    },
    {
      from: 'PROGRESS_TRACKING',
      event: 'PAUSE',
      to: 'PAUSED',
      actions: a('pauseTracking'),
      addition: 'Pausing is allowed while progress is tracked (RESUME returns to ACTIVE)',
    },
    {
      from: 'ACTIVE',
      event: 'REQUEST_MENTOR_HELP',
      to: 'MENTOR_INTERVENTION',
      guard: 'mentor_available',
      actions: a('notifyMentor'),
      addition: 'Help can be asked without a progress report first',
    },
  ],
  anyState: [
    {
      event: 'CANCEL',
      to: 'CANCELLED',
      actions: a('cancelMentorship'),
      addition: 'The CANCELLED state implies CANCEL from any non-final state',
    },
  ],
  guards: {
    /** Seed checkCondition 'assessment_completed': the initial assessment is completed (or the event carries its results). */
    assessment_completed: (context: LifecycleContext, data: unknown) =>
      context.assessmentStatus === 'completed' || typeof record(data).results === 'object',
    /** Seed 'goals_set': at least one goal exists (or the event carries goals). */
    goals_set: (context: LifecycleContext, data: unknown) => {
      const goals = record(data).goals;
      return (context.goalCount ?? 0) > 0 || (Array.isArray(goals) && goals.length > 0);
    },
    /** Seed 'mentor_available': the assigned mentor is available. */
    mentor_available: (context: LifecycleContext) => context.mentorAvailable === true,
  },
  digest: (context: LifecycleContext) =>
    `assessment=${context.assessmentStatus ?? '-'};goals=${context.goalCount ?? 0};mentor=${context.mentorAvailable === true ? 'yes' : 'no'}`,
});

export type LifecycleMachine = typeof lifecycleMachine;
