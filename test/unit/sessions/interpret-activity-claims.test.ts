import { describe, expect, it } from 'vitest';
import { domainEventSchemas } from '../../../src/sessions/event-schemas.ts';
import {
  activityReportsSchema,
  activityReviewDecisions,
} from '../../../src/domain/contracts/activity-report.ts';
import { reviewDecisions } from '../../../src/sessions/event-schemas.ts';
import {
  claimTypes,
  extractActivityReport,
  extractActivityReports,
  orderReports,
  statedFields,
} from '../../../src/sessions/interpret/activity-claims.ts';
import { classifyMessage } from '../../../src/sessions/interpret/message-rules.ts';

/**
 * Plain-language activity reports read as the structured events (issue 13). Messages written as
 * learners write them, by concept: each report kind with and without figures, and the clauses that
 * must report nothing (questions, plans, conditions, negations).
 */
const reports: Array<[string, string, Record<string, unknown>]> = [
  ['tests pass now', 'test-run', { failed: 0 }],
  ['all 12 tests pass', 'test-run', { passed: 12, failed: 0, total: 12 }],
  ['Tests are green again 🎉', 'test-run', { failed: 0 }],
  ['10 of 12 tests pass', 'test-run', { passed: 10, failed: 2, total: 12 }],
  ['2 failing, 10 passing', 'test-run', { passed: 10, failed: 2, total: 12 }],
  ['I still have 3 failing tests', 'test-run', { failed: 3 }],
  ['twelve tests passing', 'test-run', { passed: 12, failed: 0 }],
  ['coverage 93 %', 'coverage', { lines: 93 }],
  ['coverage is now 87.5%', 'coverage', { lines: 87.5 }],
  ['branch coverage went up to 81 percent', 'coverage', { branches: 81 }],
  ['95% line coverage', 'coverage', { lines: 95 }],
  ['lint is clean', 'lint', { errorCount: 0 }],
  ['eslint shows 4 lint errors', 'lint', { errorCount: 4 }],
  ['no type errors', 'typecheck', { errorCount: 0 }],
  ['tsc passes', 'typecheck', { errorCount: 0 }],
  ['the build is green', 'build', { success: true }],
  ['it builds now', 'build', { success: true }],
  ['build fails on CI', 'build', { success: false }],
  ['npm audit is clean', 'security-scan', { counts: { high: 0, critical: 0 } }],
  ['2 high vulnerabilities left', 'security-scan', { counts: { high: 2 } }],
  ['I committed my changes', 'commit', { sha: null, message: null }],
  ['pushed commit 3f2a1c9 "add total"', 'commit', { sha: '3f2a1c9', message: 'add total' }],
  [
    'PR is up: https://github.com/acme/shop/pull/42.',
    'review-feedback',
    { decision: 'submitted', prUrl: 'https://github.com/acme/shop/pull/42' },
  ],
  ['I opened the pull request', 'review-feedback', { decision: 'submitted' }],
  ['the reviewer asked for changes', 'review-feedback', { decision: 'minor-changes' }],
  [
    'reviewer requested major changes, I need to rewrite the parser',
    'review-feedback',
    { decision: 'major-changes' },
  ],
  ['the reviewer has questions about naming', 'review-feedback', { decision: 'questions' }],
  ['Maria approved the PR', 'review-feedback', { decision: 'approved' }],
  ['PR got merged!', 'review-feedback', { decision: 'merged' }],
  ['scorePassword is implemented', 'task-done', { subject: 'scorePassword' }],
  ['I implemented the strength meter', 'task-done', { subject: 'the strength meter' }],
  ['`parseCsv()` is done', 'task-done', { subject: 'parseCsv()' }],
  ['no more type errors', 'typecheck', { errorCount: 0 }],
  ['tsc is happy now', 'typecheck', { errorCount: 0 }],
  ['TypeScript is finally happy', 'typecheck', { errorCount: 0 }],
  ['the compiler is quiet now', 'typecheck', { errorCount: 0 }],
  ['there are no more lint errors', 'lint', { errorCount: 0 }],
  ['no more failing tests!', 'test-run', { failed: 0 }],
];

const nothing = [
  'do the tests pass?',
  "the tests don't pass",
  'not all tests pass yet',
  'once the tests pass I will open the PR',
  'I need to make the tests pass',
  'how do I get coverage to 90%?',
  "coverage isn't 90% yet",
  'should I open a PR?',
  'scorePassword is not implemented yet',
  "I haven't committed yet",
  'I will commit later',
  'what is implemented already?',
  'if the build is green, can I merge?',
  'I hope lint is clean',
  'the story asks for 90% coverage',
  '```\n12 tests pass\n```',
  "tsc isn't happy yet",
  'are there no more type errors?',
  'merged',
  'approved',
];

/** While a pull request is under review, review news needs no "PR" in the sentence. */
const reviewNews: Array<[string, string]> = [
  ['merged', 'merged'],
  ["it's merged", 'merged'],
  ['I merged it', 'merged'],
  ['Merged it into main 🎉', 'merged'],
  ['the merge is done', 'merged'],
  ['approved', 'approved'],
  ['she approved it', 'approved'],
  ['got the approval!', 'approved'],
  ['it got approved and merged', 'merged'],
];
const notReviewNews = [
  'not merged yet',
  'can you merge it?',
  'should I merge it now',
  'I merged main into my branch',
  'merged the fix into my feature branch',
  "it isn't approved yet",
];

describe('extractActivityReport', () => {
  it.each(reports)('%s → %s', (message, type, fields) => {
    const report = extractActivityReport(message);
    expect(report?.type).toBe(type);
    expect(report?.fields).toMatchObject(fields);
  });

  it.each(nothing.map((m) => [m]))('%s → nothing', (message) => {
    expect(extractActivityReport(message)).toBeNull();
  });

  it('gives data the structured event accepts, in the shape the activity reader answers', () => {
    for (const [message] of reports) {
      const report = extractActivityReport(message)!;
      expect(activityReportsSchema.safeParse({ reports: [report] }).success, message).toBe(true);
      if (report.type === 'task-done') continue;
      const parsed = domainEventSchemas[report.type].safeParse(statedFields(report));
      expect(parsed.success, `${message}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('says null for what the message does not state; the event data leaves it out', () => {
    const report = extractActivityReport('tests pass now')!;
    expect(report.fields).toEqual({ failed: 0, passed: null, total: null });
    expect(statedFields(report)).toEqual({ failed: 0 });
  });

  it('counts stated figures as claims, but not review news a code host would confirm', () => {
    expect(claimTypes.has(extractActivityReport('all 12 tests pass')!.type)).toBe(true);
    expect(claimTypes.has(extractActivityReport('PR is up: https://x.example/pull/1')!.type)).toBe(
      false,
    );
  });

  it('has the review decisions the review-feedback event has', () => {
    expect([...activityReviewDecisions]).toEqual([...reviewDecisions]);
  });

  describe.each(['MONITOR_REVIEW', 'MERGE_AND_COMPLETE'])('in %s', (state) => {
    it.each(reviewNews)('%s → review-feedback %s', (message, decision) => {
      expect(extractActivityReport(message, { state })).toEqual({
        type: 'review-feedback',
        fields: { decision, prUrl: null },
      });
    });

    it.each(notReviewNews.map((m) => [m]))('%s → nothing', (message) => {
      expect(extractActivityReport(message, { state })).toBeNull();
    });
  });

  it('reads "merged" or "approved" alone only while a pull request is under review', () => {
    for (const state of ['START_IMPLEMENTATION', 'PREPARE_CODE_REVIEW', undefined])
      for (const [message] of reviewNews)
        expect(
          extractActivityReports(message, { state }).map((r) => r.type),
          `${message} in ${state}`,
        ).not.toContain('review-feedback');
  });

  it('orders any reading as the session applies it: one per type, the furthest along first', () => {
    const passing = { type: 'test-run', fields: { failed: 0, passed: 3, total: 3 } } as const;
    const done = { type: 'task-done', fields: { subject: 'the parser' } } as const;
    const up = { type: 'review-feedback', fields: { decision: 'submitted', prUrl: null } } as const;
    expect(
      orderReports([done, passing, up, { ...passing, fields: { ...passing.fields, failed: 1 } }]),
    ).toEqual([up, passing, done]);
  });

  it('reads several reports in one message, the furthest along first', () => {
    const all = extractActivityReports('All 12 tests pass, coverage is 93% and the PR is up');
    expect(all.map((r) => r.type)).toEqual(['review-feedback', 'test-run', 'coverage']);
  });

  it('keeps the keyword intents from reading a plan or a question as done', () => {
    expect(classifyMessage('once the tests pass I will open the PR')).not.toBe('done');
    expect(classifyMessage('do all tests pass for you?')).not.toBe('done');
    expect(classifyMessage('done, all tests pass')).toBe('done');
  });
});

describe('activity-report tool', () => {
  it('answers with the same reports, valid for the activity reader’s output schema', async () => {
    const { activityReportTool } = await import('../../../tools/activity-report.ts');
    const out = await activityReportTool.execute!(
      { message: 'all 12 tests pass, PR is up' },
      {} as never,
    );
    expect(activityReportsSchema.safeParse(out).success).toBe(true);
    expect(out).toEqual({ reports: extractActivityReports('all 12 tests pass, PR is up') });
  });
});
