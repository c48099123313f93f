/**
 * Answers a learner's question that no state transition answers: from the story when it asks about
 * the requirements, from the concept library (the concept explainer) when it asks what something
 * is, with a hint (the hint giver) when the learner asks how to get on with a step.
 */
import { conceptExplanationSchema } from '../../domain/contracts/concept-explanation.ts';
import { hintSchema } from '../../domain/contracts/hint.ts';
import { matchConcepts } from '../../domain/concepts/match.ts';
import { concepts } from '../../domain/concepts/index.ts';
import { relevantCriteria } from '../../models/rules/criteria-match.ts';
import { rulesTag } from '../../models/rules/text.ts';
import { currentTask } from '../context.ts';
import { inWorkingState } from '../interpret/message-intents.ts';
import { callAgent } from '../turn/agent-call.ts';
import { reply, type TurnDeps, type TurnDraft } from '../turn/draft.ts';

/** "What is X", "explain X", "how does X work", "difference between X and Y": a question about a concept. */
const conceptual =
  /\b(?:what(?:'s|\s+is|\s+are|\s+does|\s+do)|whats|explain|how\s+(?:does|do)\s+[\w\s-]{1,200}\s+work|difference\s+between|why\s+(?:do|does|is|are|would|should)\s+(?:we|i|you|it)|mean(?:s|ing)?\b)/i;
/** Several keywords, or a keyword of several words: enough to pick a concept without being asked "what is". */
const strongConcept = 3;

/** The best library concept for the question, with its match score. */
function conceptFor(question: string): { id: string; score: number } | undefined {
  const [best] = matchConcepts(question, concepts);
  return best ? { id: best.concept.id, score: best.score } : undefined;
}

/**
 * Answers `question` when it can; false when it has nothing better than the state guidance
 * (the caller then guides). `helpAsked`: the learner explicitly asked for help.
 */
export async function answerQuestion(
  draft: TurnDraft,
  deps: TurnDeps,
  question: string,
  helpAsked = false,
): Promise<boolean> {
  const concept = conceptFor(question);
  const aboutConcept = conceptual.test(question) && concept !== undefined;
  const criteria = aboutConcept ? [] : relevantCriteria(question, draft.story.acceptanceCriteria);
  if (criteria.length) {
    reply(
      draft,
      'answerQuestion',
      `${rulesTag} Here is what the story says about that: ${criteria.map((c) => `"${c}"`).join(' and ')}. If it is still unclear, tell me which part and I will explain it another way.`,
    );
    return true;
  }
  if (concept && (aboutConcept || concept.score >= strongConcept)) {
    await callAgent(
      draft,
      deps,
      'answerQuestion',
      'explainConcept',
      { story: draft.story, concept: concept.id, context: question },
      conceptExplanationSchema,
    );
    return true;
  }
  if (helpAsked || inWorkingState(draft.path)) {
    const hintsGiven = draft.context.hintsGiven ?? 0;
    await callAgent(
      draft,
      deps,
      'answerQuestion',
      'provideHint',
      {
        story: draft.story,
        message: question,
        currentStep: currentTask(draft.context) ?? '',
        recentErrors: [],
        hintsGiven,
      },
      hintSchema,
    );
    draft.context.hintsGiven = hintsGiven + 1;
    return true;
  }
  return false;
}
