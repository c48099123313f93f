import { describe, expect, it } from 'vitest';
import { storyMachine } from '../../../src/domain/machines/index.ts';
import { toSecondPerson } from '../../../src/sessions/answer/second-person.ts';

/** The chat's mentor speaks to the learner, never about "the learner". */
describe('toSecondPerson', () => {
  it('turns the machine texts a reply quotes to "you", verbs agreeing', () => {
    expect(toSecondPerson("Evaluate the learner's understanding of the requirements.")).toBe(
      'Evaluate your understanding of the requirements.',
    );
    expect(toSecondPerson('The learner carries on with the current task.')).toBe(
      'You carry on with the current task.',
    );
    expect(toSecondPerson('Analyse why the learner is stuck.')).toBe('Analyse why you are stuck.');
    expect(toSecondPerson('The learner confirms the fix works.')).toBe(
      'You confirm the fix works.',
    );
    expect(toSecondPerson('Monitoring: the learner goes round in circles.')).toBe(
      'Monitoring: you go round in circles.',
    );
    expect(toSecondPerson('The learner did not answer in time (response timer).')).toBe(
      'You did not answer in time (response timer).',
    );
    expect(toSecondPerson('Quality gates: major issues the learner must fix.')).toBe(
      'Quality gates: major issues you must fix.',
    );
    expect(toSecondPerson('The learner restated the story correctly.')).toBe(
      'You restated the story correctly.',
    );
    expect(toSecondPerson('The mentor is helping the learner.')).toBe('The mentor is helping you.');
  });

  it('leaves no "learner" in any story state or event text', () => {
    const texts = [
      ...Object.values(storyMachine.states).map((s) => s.description ?? ''),
      ...Object.values(storyMachine.events),
    ];
    for (const text of texts) expect(toSecondPerson(String(text))).not.toMatch(/\blearner\b/i);
  });
});
