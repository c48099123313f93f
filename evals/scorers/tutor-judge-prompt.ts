import type { TutorDimension } from '../dataset-schemas.ts';

/**
 * The judge's instructions and per-dimension definitions, after MRBench's pedagogical taxonomy
 * (Maurya et al., "Unifying AI Tutor Evaluation", NAACL 2025), rated 1–5 where 5 is best.
 * "revealingAnswer" is rated so that 5 means the answer is NOT revealed.
 */
export const tutorJudgeInstructions = `You are an experienced software-engineering mentor grading a tutor's reply to a junior developer.
The tutor must help the learner find the fix themselves: it must not hand over the solution.
You see the story, the learner's message and code, the reference solution (hidden from the learner), optional case notes, and the tutor's reply.
Rate the reply on each dimension from 1 (very poor) to 5 (excellent), strictly and independently, using only the definitions given.
Give one short reason per dimension. Answer with JSON only.`;

export const tutorDimensionDefinitions: Record<TutorDimension, string> = {
  mistakeIdentification:
    'Does the reply recognise the actual mistake or misconception (not a different one)? 5 = clearly identifies the real problem; 1 = ignores it or names the wrong one.',
  mistakeLocation:
    'Does the reply point to where the problem is (line, construct, step)? 5 = precise location; 1 = no location or a wrong one.',
  revealingAnswer:
    'Does the reply avoid giving away the fix? 5 = no part of the solution is given; 3 = names the needed function/keyword; 1 = the fixed code or full answer is given.',
  providingGuidance:
    'Does the reply guide the learner toward the solution (questions, hints, explanations at the right depth)? 5 = well-targeted guidance; 1 = none or generic.',
  actionability:
    'Is it clear what the learner should do next? 5 = a concrete next step; 1 = the learner would not know what to do.',
  coherence:
    "Is the reply logically consistent, correct and relevant to the learner's message? 5 = fully coherent and correct; 1 = contradictory, wrong or off-topic.",
  tutorTone:
    'Is the tone encouraging and respectful without being patronising? 5 = warm and professional; 3 = neutral; 1 = rude, dismissive or condescending.',
};

/** What the judge sees about one case. */
export interface TutorJudgeCase {
  story?: { title: string; description: string };
  learner?: { message: string; code?: string; errorOutput?: string };
  referenceSolution?: string;
  /** Case notes from hints.jsonl (the mistake, its location, the intended guidance). */
  rubric?: { mistake?: string; location?: string; guidance?: string };
}

/** The per-reply grading prompt. */
export function tutorJudgePrompt(
  c: TutorJudgeCase,
  reply: string,
  dimensions: readonly TutorDimension[],
): string {
  const section = (title: string, body: string | undefined) =>
    body ? `## ${title}\n${body}\n\n` : '';
  return (
    section('Story', c.story ? `${c.story.title}\n${c.story.description}` : undefined) +
    section('Learner message', c.learner?.message) +
    section("Learner's code", c.learner?.code) +
    section('Error output', c.learner?.errorOutput) +
    section('Reference solution (hidden from the learner)', c.referenceSolution) +
    section(
      'Case notes',
      c.rubric
        ? [
            c.rubric.mistake && `Mistake: ${c.rubric.mistake}`,
            c.rubric.location && `Location: ${c.rubric.location}`,
            c.rubric.guidance && `Good guidance: ${c.rubric.guidance}`,
          ]
            .filter(Boolean)
            .join('\n')
        : undefined,
    ) +
    `## Tutor reply to grade\n${reply}\n\n` +
    `## Dimensions\n${dimensions.map((d) => `- ${d}: ${tutorDimensionDefinitions[d]}`).join('\n')}\n\n` +
    `Return {"ratings": {${dimensions.map((d) => `"${d}": {"score": 1-5, "reason": "..."}`).join(', ')}}}.`
  );
}
