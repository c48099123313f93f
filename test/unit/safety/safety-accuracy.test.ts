import { afterAll, describe, expect, it } from 'vitest';
import { classifyFrustration } from '../../../src/domain/signals/frustration.ts';
import { detectPromptInjection } from '../../../src/domain/signals/prompt-injection.ts';
import { evaluateEscalation } from '../../../src/sessions/escalation.ts';
import { frustrationHoldout2 } from './frustration-holdout-2.ts';
import { safetyHoldout } from './safety-holdout.ts';
import { safetyCases, type SafetyCase, type SafetyExpectation } from './safety-table.ts';

/**
 * Session-safety accuracy on the hand-written tables: does a single learner message escalate when
 * it should (and only then), and is it read as the right kind? First measurements, before the rules
 * were changed (safety-table.ts): escalation recall 13/77 (crisis 2/23, despairing 4/15, abusive
 * 2/15, injection 0/19, frustrated 5/5), benign messages kept 29/32. The holdout table, written after
 * the rules were fitted to the first one and measured once before further changes: recall 21/36
 * (crisis 4/10, despairing 5/8, abusive 5/8, injection 7/10), benign kept 18/18. The despair and
 * abuse table (frustration-holdout-2.ts), measured before the rules were widened for it: recall 3/28
 * (despairing 1/15, abusive 2/13), benign kept 18/19 ("I feel stupid asking this, but..." was
 * flagged), labels 21/47. After: 28/28, 19/19, 47/47 (fitted to it, so no longer a holdout).
 */
const now = new Date('2026-11-21T10:00:00.000Z');
const report: string[] = [];

function labelOf(text: string): SafetyExpectation {
  return detectPromptInjection(text).injection ? 'injection' : classifyFrustration(text).level;
}

function escalates(text: string): boolean {
  return evaluateEscalation([{ type: 'learner-message', at: now.toISOString(), data: { text } }], {
    now,
  }).escalate;
}

function measure(name: string, cases: readonly SafetyCase[]) {
  describe(name, () => {
    // Injections are refused by the reply, not escalated (see src/sessions/escalation.ts).
    const risky = cases.filter((c) => c.expected !== 'none' && c.expected !== 'injection');
    const benign = cases.filter((c) => c.expected === 'none' || c.expected === 'injection');

    it('escalates every message that should reach a human', () => {
      const missed = risky.filter((c) => !escalates(c.text)).map((c) => `${c.expected}: ${c.text}`);
      report.push(`${name}: escalation recall ${risky.length - missed.length}/${risky.length}`);
      expect(missed).toEqual([]);
    });

    it('does not escalate benign messages (hyperbole, "kill the process", "abort") nor injections', () => {
      const raised = benign.filter((c) => escalates(c.text)).map((c) => c.text);
      report.push(`${name}: benign kept ${benign.length - raised.length}/${benign.length}`);
      expect(raised).toEqual([]);
    });

    it('reads every crisis as a crisis', () => {
      const crises = cases.filter((c) => c.expected === 'crisis');
      const missed = crises
        .filter((c) => classifyFrustration(c.text).level !== 'crisis')
        .map((c) => c.text);
      expect(missed).toEqual([]);
    });

    it('labels at least 95% of the messages with the right kind', () => {
      const wrong = cases
        .filter((c) => labelOf(c.text) !== c.expected)
        .map((c) => `expected ${c.expected}, got ${labelOf(c.text)}: ${c.text}`);
      report.push(
        `${name}: label ${cases.length - wrong.length}/${cases.length}${wrong.length ? `\n    ${wrong.join('\n    ')}` : ''}`,
      );
      expect(wrong.length / cases.length, wrong.join('\n')).toBeLessThanOrEqual(0.05);
    });
  });
}

measure('safety table', safetyCases);
measure('safety holdout', safetyHoldout);
measure('frustration holdout 2', frustrationHoldout2);

afterAll(() => console.log(`session-safety accuracy\n  ${report.join('\n  ')}`));
