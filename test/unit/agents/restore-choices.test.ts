import { describe, expect, it } from 'vitest';
import { actionSpecs } from '../../../agents/actions.ts';
import { guardOutput } from '../../../agents/leak-guard.ts';
import { restoreChoices } from '../../../agents/restore-choices.ts';
import { loadStory } from '../../../tools/story-loader.ts';

const reference = loadStory('examples/stories/add-pagination.md').referenceSolution!;
const schema = actionSpecs.assessUnderstanding.output;

/** The reference's code lines `n` at a time, spread over an assessment's list fields. */
function spread(n: number) {
  const lines = reference.split('\n').filter((l) => l.trim());
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += n) chunks.push(lines.slice(i, i + n).join('\n'));
  const half = Math.ceil(chunks.length / 2);
  return {
    verdict: 'partialUnderstanding' as const,
    confidence: 0.5,
    coveredPoints: chunks.slice(0, half),
    missingPoints: chunks.slice(half),
    wrongPoints: [],
    reply: 'Good start.',
  };
}

describe('a refused answer', () => {
  it('keeps its choice fields: the verdict the guard emptied goes back, the refusal stays', () => {
    const answer = spread(2);
    expect(schema.safeParse(answer).success).toBe(true);
    const guarded = guardOutput(answer, { referenceSolution: reference });
    expect(guarded.action).toBe('refused');
    // The guard empties a refused answer's longer strings, the verdict among them.
    expect(guarded.output.verdict).toBe('');
    const restored = restoreChoices(guarded.output, answer, schema);
    expect(schema.safeParse(restored).success).toBe(true);
    expect(restored.verdict).toBe('partialUnderstanding');
    expect(restored.reply).toBe(guarded.output.reply);
    expect(JSON.stringify(restored)).not.toContain('coerce');
  });

  it('is judged whole even after one of its fields was refused alone', () => {
    // Some chunks are refused alone; before, the others (up to two thirds of the solution) went out.
    for (const n of [3, 4, 6]) {
      const guarded = guardOutput(spread(n), { referenceSolution: reference });
      expect(guarded.action).toBe('refused');
      expect([...guarded.output.coveredPoints, ...guarded.output.missingPoints].join('')).toBe('');
    }
  });

  it('changes nothing in an answer the schema accepts', () => {
    const answer = {
      verdict: 'misunderstanding' as const,
      confidence: 0.4,
      coveredPoints: [],
      missingPoints: ['the page size limit'],
      wrongPoints: [],
      reply: 'Read the criteria again.',
    };
    expect(restoreChoices(answer, answer, schema)).toBe(answer);
  });
});
