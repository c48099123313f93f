import type { AgentAdapter, AgentAnswer, AgentRequest } from './agent-adapter.ts';
import type { ScoreBand } from './metrics.ts';
import type { LengthRange } from './scorers/hint-length.ts';
import type { LeakGroundTruth } from './scorers/leak-detection.ts';

/**
 * What a case's workflow (the runEvals target) returns: the agent's answer, or the error that took
 * its place, with the values the scorers read already taken out of it.
 */
export interface CaseAnswer {
  /** Absent when the call failed (after the rules fallback); `error` says why. */
  answer?: AgentAnswer;
  error?: string;
  /** The label the case is judged on: the agent's category or verdict; for safety, the escalation decision. */
  label?: string;
  /** Numeric score the agent gave (plan reviews). */
  score?: number;
  /** Every learner-facing string of the output: what the leak check reads. */
  learnerText?: string;
  /** The reply the learner reads (the output's `reply`, else all its learner-facing text). */
  reply?: string;
}

/** What a case expects: the runEvals item's `groundTruth`, read by the scorers. */
export interface CaseTruth {
  label?: string;
  band?: ScoreBand;
  leak?: LeakGroundTruth;
  lengthWords?: LengthRange;
}

/** All learner-facing strings of an output, joined. */
export function learnerText(answer: AgentAnswer): string {
  const strings: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(answer.output);
  if (answer.reply && !strings.includes(answer.reply)) strings.push(answer.reply);
  return strings.join('\n\n');
}

/** Call the agent; a failure becomes the case's `error` instead of stopping the run. */
export async function callAgent(adapter: AgentAdapter, request: AgentRequest): Promise<CaseAnswer> {
  let answer: AgentAnswer;
  try {
    answer = await adapter(request);
  } catch (error) {
    return { error: (error as Error).message ?? String(error) };
  }
  const text = learnerText(answer);
  return { answer, learnerText: text, reply: answer.reply ?? text };
}

/**
 * The case's answer in runEvals' per-item `targetResult`. Its type says `WorkflowResult`, but
 * @mastra/core 1.71 hands over its scoring data (`{ scoringData: { input, output, stepResults } }`);
 * both are read so an upgrade that matches the type keeps working. A workflow that failed has no
 * output: its step error becomes the case's error.
 */
export function caseAnswerOf(targetResult: unknown): CaseAnswer {
  const t = targetResult as {
    scoringData?: {
      output?: CaseAnswer;
      stepResults?: Record<string, { status?: string; error?: { message?: string } }>;
    };
    status?: string;
    result?: CaseAnswer;
    steps?: Record<string, { status?: string; error?: { message?: string } }>;
  };
  const output = t.scoringData
    ? t.scoringData.output
    : t.status === 'success'
      ? t.result
      : undefined;
  if (output) return output;
  const failed = Object.values(t.scoringData?.stepResults ?? t.steps ?? {}).find(
    (s) => s?.status === 'failed',
  );
  return { error: `case workflow failed: ${failed?.error?.message ?? 'no output'}` };
}
