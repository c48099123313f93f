/**
 * Planning: ask for a plan (the review happens when the plan arrives, see the interpreter), record
 * the approved plan as the task list, or give a template plan.
 */
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { adjustPlan, adjustTemplate } from '../adaptive/granularity.ts';
import type { Story } from '../types.ts';
import { reply, send } from '../turn/draft.ts';
import type { ActionHandler } from './types.ts';

/** A number marker inside a line ("… 2. do b", "… 2) do b"): at the start or after a space, then a space. */
const inlineMarker = /(?<=^|\s)(\d{1,2})([.)])\s+/g;

/**
 * A one-line numbered plan ("1. do a 2. do b 3. do c", "1) … 2) …") cut at its markers: only when
 * the line has at least two, numbered 1, 2, … in order with the same delimiter, so a lone "1." or a
 * figure ("limit it to 100. then …") does not cut it. A lead-in ending with ":" ("My plan:") is no step.
 */
function splitInlineNumbered(line: string): string[] {
  const cuts: number[] = [];
  let delimiter: string | undefined;
  for (const m of line.matchAll(inlineMarker)) {
    if (Number(m[1]) !== cuts.length + 1 || (delimiter && m[2] !== delimiter)) continue;
    delimiter = m[2];
    cuts.push(m.index);
  }
  if (cuts.length < 2) return [line];
  const lead = line.slice(0, cuts[0]).trim();
  const steps = cuts.map((at, i) => line.slice(at, cuts[i + 1]));
  return lead && !lead.endsWith(':') ? [lead, ...steps] : steps;
}

/** The steps of a plan written as lines, bullets or numbered items (also on one line: "1. a 2. b"). */
export function planSteps(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .flatMap(splitInlineNumbered)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 2)
    .slice(0, 30);
}

/** "1 step", "3 steps". */
const stepCount = (n: number) => `${n} step${n === 1 ? '' : 's'}`;

/** A template plan from the story's acceptance criteria (seed 001 PROVIDE_TEMPLATE_PLAN). */
export function templatePlan(story: Story, scopeReduced = false): string[] {
  const criteria = scopeReduced ? story.acceptanceCriteria.slice(0, 1) : story.acceptanceCriteria;
  return [
    ...criteria.flatMap((c) => [`Write a failing test for: ${c}`, `Make it pass: ${c}`]),
    'Run lint, type check, coverage and the security scan',
  ];
}

export const planningActions = {
  requestPlan: ({ draft, action }) => {
    // Back here with a revised plan: it is reviewed in this same turn, so asking for it again is noise.
    if (draft.transitions.at(-1)?.event === 'planRevised') return;
    reply(
      draft,
      action,
      'Write your implementation plan, including the tests, and send it as one message: one small step per line (paste it, or type /plan for a multi-line editor).',
    );
  },
  approvePlan: ({ draft, action }) => {
    const granularity = draft.context.adaptive?.granularity ?? 'normal';
    const steps = planSteps(draft.context.lastMessage ?? '');
    draft.context.plan = steps.length
      ? adjustPlan(steps, granularity)
      : adjustTemplate(templatePlan(draft.story, draft.context.scopeReduced), granularity);
    draft.context.taskIndex = 0;
    reply(draft, action, `Plan approved: ${stepCount(draft.context.plan.length)}.`);
    send(draft, 'planApproved');
  },
  refinePlan: ({ draft, action }) => {
    if (!draft.replies.some((r) => r.source === 'agent'))
      reply(
        draft,
        action,
        'Your plan misses steps: add the tests and one step per acceptance criterion, then send it again.',
      );
  },
  correctPlan: ({ draft, action }) => {
    if (!draft.replies.some((r) => r.source === 'agent'))
      reply(
        draft,
        action,
        'This approach will not meet the story. Keep the tests and change the approach, then send the plan again.',
      );
  },
  provideTemplatePlan: ({ draft, action }) => {
    draft.context.plan = adjustTemplate(
      templatePlan(draft.story, draft.context.scopeReduced),
      draft.context.adaptive?.granularity ?? 'normal',
    );
    draft.context.taskIndex = 0;
    reply(
      draft,
      action,
      `Here is a plan to follow:\n${draft.context.plan.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
    );
    send(draft, 'templateProvided');
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
