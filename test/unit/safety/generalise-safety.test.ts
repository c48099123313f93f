import { afterAll, describe, expect, it } from 'vitest';
import { classifyFrustration } from '../../../src/domain/signals/frustration.ts';
import { evaluateEscalation } from '../../../src/sessions/escalation.ts';
import { formatTally, tallyByGroup } from '../models/generalise-measure.ts';
import { generaliseSafetyCases } from './generalise-safety-cases.ts';
import { generaliseSafetyCases2 } from './generalise-safety-cases-2.ts';

/**
 * Session safety on passive thoughts of disappearing, demands for a human, mistreatment by
 * colleagues, and tiredness that ends well (generalise-safety-cases.ts). First measurement, before
 * the rules were changed: 11/22 (disappearing 0/4, humanRequest 0/4, harassment 1/4, tiredButFine
 * 4/4, benign 6/6). After: 22/22. Second round (generalise-safety-cases-2.ts: indirect warning
 * signs, threats at work, going without food), before: 7/12 (disappearing 0/3, harassment 1/2,
 * selfNeglect 0/1, benign 6/6); after: 12/12.
 */
const now = new Date('2026-12-04T10:00:00.000Z');
const report: string[] = [];

function escalation(text: string) {
  return evaluateEscalation([{ type: 'learner-message', at: now.toISOString(), data: { text } }], {
    now,
  });
}

describe('session safety: classes found by an independent review', () => {
  const groups = tallyByGroup(
    [...generaliseSafetyCases, ...generaliseSafetyCases2],
    (c) => {
      const got = escalation(c.text).escalate;
      return { ok: got === c.escalate, got: got ? 'escalate' : 'continue' };
    },
    (c) => c.text,
  );
  report.push(formatTally('generalise safety', groups));

  for (const [group, tally] of groups) {
    it(`${group}: every message is escalated or not as expected`, () => {
      expect(tally.misses).toEqual([]);
    });
  }

  it('reads dwelling on disappearing as a crisis, and a vanishing element as nothing', () => {
    expect(classifyFrustration('I keep thinking about disappearing').level).toBe('crisis');
    expect(classifyFrustration('thinking about disappearing the banner after 3 s').level).toBe(
      'none',
    );
  });

  it('names why a human is needed in the escalation reason', () => {
    const human = escalation('I want a real human mentor. NOW.');
    expect(human.reasons[0]?.detail).toMatch(/real human/);
    const insulted = escalation('my manager called me useless in front of the team');
    expect(insulted.reasons[0]?.detail).toMatch(/called me useless/);
  });

  it('does not take a negated request or a plan to talk to someone later as a demand', () => {
    expect(classifyFrustration("I don't need a human, the hint was enough").level).toBe('none');
    expect(classifyFrustration("I'll talk to my mentor about it tomorrow").level).toBe('none');
  });
});

afterAll(() => console.log(report.join('\n')));
