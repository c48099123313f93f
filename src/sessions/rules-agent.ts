/**
 * A minimal deterministic stand-in for the agent actions (keywords and templates), used by the
 * default agent port while `agents/mentor-actions.ts` does not exist, and as the fallback when an
 * agent's output does not match its schema. Outputs follow the schemas in `agents/schemas`; every
 * reply starts with "(rules mode)". Understanding, concepts and hints use the rules models' own
 * handlers (`src/models/rules`), so the fallback judges and explains as rules mode does; and every
 * output passes the same safety rules as the rules models (a crisis gets the caring reply, a prompt
 * injection the refusal).
 */
import { explainConcept as explainFromLibrary } from '../models/rules/concept.ts';
import { giveHint } from '../models/rules/hint.ts';
import { guardReply, learnerWords } from '../models/rules/safety.ts';
import { assessUnderstanding as assessWithRules } from '../models/rules/understanding.ts';
import type { AgentActionName, AgentActionResult, AgentPort } from './agent-port.ts';

const MODEL = 'rules/session-layer';
const say = (text: string) => `(rules mode) ${text}`;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});


function assessUnderstanding(input: Record<string, unknown>) {
  return { output: assessWithRules(input, '') };
}

function reviewPlan(input: Record<string, unknown>) {
  const plan = str(input.plan);
  const steps = plan.split(/\n|;|(?<=\.)\s+(?=[A-Z0-9])/).map((s) => s.trim()).filter((s) => s.length > 3);
  const wrong = /\b(skip (?:the )?tests?|no tests?|hard-?code|copy (?:it|the solution)|disable (?:the )?(?:lint|types?))\b/i.test(plan);
  const verdict = wrong ? 'wrongApproach' : steps.length >= 3 ? 'goodPlan' : 'missingSteps';
  const reply =
    verdict === 'goodPlan'
      ? 'Good plan. Start with the first step.'
      : verdict === 'missingSteps'
        ? 'The plan is too short: add the steps for tests and for each acceptance criterion.'
        : 'That approach will not hold up: keep the tests and build the behaviour step by step.';
  const score = verdict === 'goodPlan' ? 85 : verdict === 'missingSteps' ? 55 : 30;
  return { output: { score, verdict, criteria: [], missingSteps: verdict === 'missingSteps' ? ['tests', 'acceptance criteria'] : [], concerns: [], reply: say(reply) } };
}

function verifyFix(input: Record<string, unknown>) {
  const report = str(input.learnerReport);
  const checks = record(input.checks);
  const broken = /\b(still (?:broken|fail\w*|not working|the same)|doesn'?t work|not working|same error|nope)\b/i.test(report);
  const partial = /\b(partly|partially|almost|some (?:tests|of)|half)\b/i.test(report);
  const failed = typeof checks.testsFailed === 'number' ? checks.testsFailed : undefined;
  const verdict = broken || (failed !== undefined && failed > 0 && !partial) ? 'stillBroken' : partial ? 'partialFix' : 'fixConfirmed';
  const reply = verdict === 'fixConfirmed' ? 'Great, the fix works. On to the next step.' : verdict === 'partialFix' ? 'Part of it works; let us refine the fix.' : 'Still broken: let us try another way.';
  return { output: { verdict, confidence: 0.6, remainingIssues: [], evidence: report ? [report.slice(0, 200)] : [], reply: say(reply) } };
}

function diagnoseBlocker(input: Record<string, unknown>) {
  const text = [str(input.message), ...strings(input.recentErrors)].join('\n');
  const category = /\b(cannot find module|command not found|enoent|eaddrinuse|permission denied|node_modules|npm install|version mismatch|env(?:ironment)? variable)\b/i.test(text)
    ? 'environmentIssue'
    : /\b(error|exception|typeerror|referenceerror|undefined is not|failed|ts\d{4})\b/i.test(text)
      ? 'technicalError'
      : /\b(don'?t understand|what is an?|how does|confus\w*|concept)\b/i.test(text)
        ? 'conceptualConfusion'
        : /\b(reading|docs|documentation|which (?:approach|library)|where to start|too many options)\b/i.test(text)
          ? 'analysisParalysis'
          : 'unknownIssue';
  const replies: Record<string, string> = {
    environmentIssue: 'This looks like an environment problem. Let us fix the setup first.',
    technicalError: 'There is a concrete error to fix. Here is what to change.',
    conceptualConfusion: 'A concept is missing. Let me explain it.',
    analysisParalysis: 'You are researching a lot. Let us break the task into one small step.',
    unknownIssue: 'I cannot tell what is blocking you yet. What did you try, and what do you see?',
  };
  return {
    output: { category, confidence: category === 'unknownIssue' ? 0.3 : 0.6, evidence: [], summary: category, nextStep: '', reply: say(replies[category]!) },
  };
}

function explainConcept(input: Record<string, unknown>) {
  return { output: explainFromLibrary(input, '') };
}

function provideHint(input: Record<string, unknown>) {
  return { output: giveHint(input, '') };
}

function coachReview(input: Record<string, unknown>) {
  const comments = Array.isArray(input.comments) ? input.comments.map((c) => str(record(c).body)) : [];
  const state = str(input.reviewState);
  const outcome =
    state === 'approved'
      ? 'approved'
      : comments.some((c) => c.trim().endsWith('?'))
        ? 'questions'
        : state === 'changesRequested' && comments.length > 3
          ? 'majorChanges'
          : state === 'changesRequested' || comments.length > 0
            ? 'minorChanges'
            : 'approved';
  const reply = comments.length ? `Work through the ${comments.length} review comment(s) one at a time, smallest first.` : 'No comments to address.';
  return { output: { outcome, comments: [], reply: say(reply) } };
}

function coachProgress(input: Record<string, unknown>) {
  const mode = str(input.mode) || 'encourage';
  const step = str(input.currentStep) || 'the current task';
  const reply =
    mode === 'investigateStall'
      ? `What are you working on right now for ${step}, and what stops you?`
      : mode === 'redirect'
        ? `You are going in circles (${str(input.pattern) || 'a repeating pattern'}). Let us change the approach for ${step}.`
        : `Keep going: pick the smallest next action for ${step}.`;
  const assessment = mode === 'investigateStall' ? 'noProgress' : mode === 'redirect' ? 'circularActivity' : 'slowingProgress';
  return { output: { assessment, mode, questions: [], suggestedNextStep: step, reply: say(reply) } };
}

const handlers: Record<AgentActionName, (input: Record<string, unknown>) => { output: { reply: string } & Record<string, unknown> }> = {
  assessUnderstanding,
  reviewPlan,
  verifyFix,
  diagnoseBlocker,
  explainConcept,
  provideHint,
  coachReview,
  coachProgress,
};

/** The deterministic port. */
export const rulesAgentPort: AgentPort = {
  async run(name, input): Promise<AgentActionResult> {
    const output = guardReply(handlers[name](input).output, learnerWords(input, ''));
    return { reply: output.reply, output, usage: { inputTokens: 0, outputTokens: 0 }, model: MODEL };
  },
};
