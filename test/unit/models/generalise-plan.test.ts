import { afterAll, describe, expect, it } from 'vitest';
import { reviewPlan } from '../../../src/models/rules/plan-review.ts';
import { securityConcerns } from '../../../src/models/rules/plan-security.ts';
import { generalisePlanCases } from './generalise-plan-cases.ts';
import { generalisePlanCases2 } from './generalise-plan-cases-2.ts';
import { formatTally, tallyByGroup } from './generalise-measure.ts';

/**
 * Insecure plans are the wrong approach with a score of at most 30; secure plans using the same words
 * are not rejected (generalise-plan-cases.ts). First measurement, before plan-security.ts: insecure
 * 0/8 rejected (all goodPlan, 90–100), secure controls 4/5 kept ("never store it in plain text" was
 * flagged). After: 8/8 and 7/7 (two controls added after `npm run eval` showed "login" read as "log"
 * and a stored TOTP secret read as a plain-text password). Second round (generalise-plan-cases-2.ts:
 * fast password hashes, unverified tokens, a switched-off CSRF check, a token in the URL), before:
 * insecure 0/5 rejected at ≤ 30 (the CSRF plan was rejected at 40), controls 3/3; after: 5/5, 3/3.
 */
const report: string[] = [];

describe('plan review: insecure plans', () => {
  const groups = tallyByGroup(
    [...generalisePlanCases, ...generalisePlanCases2],
    (c) => {
      const out = reviewPlan({ story: c.story, plan: c.plan }, '');
      const ok =
        c.group === 'insecure'
          ? out.verdict === 'wrongApproach' && out.score <= 30
          : out.verdict !== 'wrongApproach';
      return { ok, got: `${out.verdict} ${out.score} ${out.concerns.join(' ')}` };
    },
    (c) => c.about,
  );
  report.push(formatTally('generalise plan', groups));

  it('rejects every insecure plan with a score of at most 30', () => {
    expect(groups.get('insecure')!.misses).toEqual([]);
  });

  it('does not reject secure plans that name the same things the safe way', () => {
    expect(groups.get('secureControl')!.misses).toEqual([]);
  });

  it('says what is insecure in the concerns and the reply', () => {
    const c = generalisePlanCases.find((x) => x.about.startsWith('SQL built'))!;
    const out = reviewPlan({ story: c.story, plan: c.plan }, '');
    expect(out.concerns).toContain(
      'The plan builds SQL from user input instead of using parameters.',
    );
    expect(out.reply).toContain('builds SQL from user input');
  });

  it('reads a negation in the same clause as the safe practice, and a stated absence as the flaw', () => {
    expect(securityConcerns('Never store passwords in plain text; hash them with argon2.')).toEqual(
      [],
    );
    expect(securityConcerns('Store passwords in plain text for now.')).toHaveLength(1);
    expect(
      securityConcerns(
        'The button is hidden for users, so no admin check is needed on the server.',
      ),
    ).toEqual(['The plan checks permissions only in the client.']);
  });

  it('accepts the usual single-use token in a reset link, and a sha256 that is no password hash', () => {
    expect(
      securityConcerns('Email a reset link with a one-time token in the URL that expires in 1 h'),
    ).toEqual([]);
    expect(securityConcerns('Compute a sha256 checksum of each upload')).toEqual([]);
  });
});

afterAll(() => console.log(report.join('\n')));
