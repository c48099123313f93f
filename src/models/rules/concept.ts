import type { ConceptExplanation } from '../../domain/contracts/concept-explanation.ts';
import { findConcepts, getConcept } from '../../domain/concepts/lookup.ts';
import { byLevel, profileOf, rulesTag, str } from './text.ts';

/** Rules-mode concept explainer: the library's explanation for the learner's level, its example and check question. */
export function explainConcept(
  input: Record<string, unknown> | undefined,
  message: string,
): ConceptExplanation {
  const asked = str(input?.concept) || message;
  const context = str(input?.context);
  const { level, knownConcepts } = profileOf(input);
  const concept =
    getConcept(asked.trim().toLowerCase()) ??
    findConcepts(asked, 1)[0] ??
    findConcepts(`${asked}\n${context}`, 1)[0];
  if (!concept) {
    const explanation = `My concept library has nothing on "${asked.trim()}". Try describing where you met it (an error message, a line of code), or ask your mentor or the official documentation.`;
    return {
      concept: asked.trim(),
      explanation,
      example: { language: 'text', code: '', caption: 'No example available in rules mode.' },
      checkQuestion: `In one sentence, where in your task does "${asked.trim()}" come up?`,
      reply: `${rulesTag} ${explanation}`,
    };
  }
  const known = knownConcepts.includes(concept.id);
  const intro = known
    ? byLevel(level, {
        beginner: `You have met ${concept.name} before; here it is again.`,
        intermediate: `A refresher on ${concept.name}.`,
        advanced: `${concept.name}, briefly.`,
      })
    : byLevel(level, {
        beginner: `Let's look at ${concept.name} step by step.`,
        intermediate: `${concept.name}:`,
        advanced: `${concept.name}:`,
      });
  const explanation = concept.explanation[level];
  const pitfalls =
    level === 'advanced' ? '' : `\n\nWatch out for: ${concept.pitfalls.slice(0, 2).join('; ')}.`;
  const reply = `${rulesTag} ${intro}\n\n${explanation}\n\nExample (${concept.example.caption}):\n\`\`\`${concept.example.language}\n${concept.example.code}\n\`\`\`${pitfalls}\n\nCheck: ${concept.checkQuestion}`;
  return {
    concept: concept.name,
    explanation,
    example: concept.example,
    checkQuestion: concept.checkQuestion,
    reply,
  };
}
