import type { Hint } from '../../../agents/schemas/hint.ts';
import { findConcepts, getConcept } from '../../../tools/concept-lookup.ts';
import { readBlocker } from './blocker-diagnosis.ts';
import { byLevel, clamp, num, profileOf, rulesTag, storyOf, str, strings } from './text.ts';

/** Generic hint ladders by blocker kind, for when no library concept matches. */
const ladders: Record<string, [string, string, string]> = {
  technicalError: [
    'What exactly does the error say, and which line of your own code does it point to?',
    'Look at the values used on that line just before it runs: print or inspect them. Which one is not what you expected?',
    'Reproduce the failure with the smallest input, find the first value that is wrong, and change the code that produces it; then rerun the test.',
  ],
  environmentIssue: [
    'Does the problem come from your code, or from something your code depends on (a service, a tool, a setting)?',
    'Check the dependency the error names: is it installed, running and configured the way the code expects?',
    'Fix that one setting or service (install, start, set the variable, free the port), restart, and run the same command again.',
  ],
  analysisParalysis: [
    'Which acceptance criterion could you finish first, on its own?',
    'What is the smallest thing for that criterion you could run or test in the next 25 minutes?',
    'Write that one test or function now; decide the rest after it works.',
  ],
  unknownIssue: [
    'What did you expect to happen, and what happened instead?',
    'What is the last thing that worked, and what changed since then?',
    'Undo changes until it works again, then redo them one by one while running the check each time.',
  ],
};

/** Rules-mode Socratic hint: concept hints from the library, deeper with each hint already given. */
export function giveHint(input: Record<string, unknown> | undefined, message: string): Hint {
  const { level, helpRequests } = profileOf(input);
  const story = storyOf(input);
  const text = [str(input?.message) || (input ? '' : message), str(input?.currentStep), ...strings(input?.recentErrors)].join('\n');
  const hintsGiven = num(input?.hintsGiven) ?? 0;
  // Beginners get a concrete pointer sooner; repeated help requests go deeper too.
  const base = byLevel(level, { beginner: 2, intermediate: 1, advanced: 1 }) + (helpRequests >= 5 && level !== 'advanced' ? 1 : 0);
  const depth = clamp(base + hintsGiven, 1, 3) as 1 | 2 | 3;

  const named = str(input?.concept);
  const concept = (named && (getConcept(named) ?? findConcepts(named, 1)[0])) || findConcepts(text, 1)[0] || (story?.concepts[0] ? getConcept(story.concepts[0]) : undefined);
  const reading = readBlocker({ message: str(input?.message) || message, recentErrors: input?.recentErrors }, message);
  const ladder = concept && (reading.category === 'conceptualConfusion' || reading.category === 'unknownIssue' || !text.trim() || named) ? concept.hints : ladders[reading.category] ?? concept?.hints ?? ladders.unknownIssue!;
  const hint = ladder[depth - 1]!;
  const question = depth === 3 ? 'Which part of that will you try first, and how will you know it worked?' : ladder[0]!;
  const topic = concept ? ` about ${concept.name}` : '';
  const reply = `${rulesTag} Hint ${depth} of 3${topic}: ${hint}${depth < 3 ? '' : `\n\n${question}`}${byLevel(level, {
    beginner: '\n\nTake your time, and tell me what you find. If you are still stuck, ask again for a more concrete hint.',
    intermediate: '\n\nAsk again if you need a more concrete hint.',
    advanced: '',
  })}`;
  return { depth, concept: concept?.id ?? '', hint, question, reply };
}
