import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { domainEventSchemas } from '../../../src/sessions/event-schemas.ts';
import {
  extractActivityReport,
  extractActivityReports,
} from '../../../src/sessions/interpret/activity-claims.ts';
import { classifyMessage } from '../../../src/sessions/interpret/message-rules.ts';

/**
 * Plain-language activity reports read as the structured events (issue 13). Messages written as
 * learners write them, by concept: each report kind with and without figures, and the clauses that
 * must report nothing (questions, plans, conditions, negations).
 */
const reports: Array<[string, string, Record<string, unknown>]> = [
  ['tests pass now', 'test-run', { failed: 0, claimed: true }],
  ['all 12 tests pass', 'test-run', { passed: 12, failed: 0, total: 12, claimed: true }],
  ['Tests are green again 🎉', 'test-run', { failed: 0 }],
  ['10 of 12 tests pass', 'test-run', { passed: 10, failed: 2, total: 12 }],
  ['2 failing, 10 passing', 'test-run', { passed: 10, failed: 2, total: 12 }],
  ['I still have 3 failing tests', 'test-run', { failed: 3, claimed: true }],
  ['twelve tests passing', 'test-run', { passed: 12, failed: 0 }],
  ['coverage 93 %', 'coverage', { lines: 93, claimed: true }],
  ['coverage is now 87.5%', 'coverage', { lines: 87.5 }],
  ['branch coverage went up to 81 percent', 'coverage', { branches: 81 }],
  ['95% line coverage', 'coverage', { lines: 95 }],
  ['lint is clean', 'lint', { errorCount: 0, claimed: true }],
  ['eslint shows 4 lint errors', 'lint', { errorCount: 4 }],
  ['no type errors', 'typecheck', { errorCount: 0 }],
  ['tsc passes', 'typecheck', { errorCount: 0 }],
  ['the build is green', 'build', { success: true }],
  ['it builds now', 'build', { success: true }],
  ['build fails on CI', 'build', { success: false }],
  ['npm audit is clean', 'security-scan', { counts: { high: 0, critical: 0 } }],
  ['2 high vulnerabilities left', 'security-scan', { counts: { high: 2 } }],
  ['I committed my changes', 'commit', { claimed: true }],
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

  it('gives data the structured event accepts', () => {
    for (const [message] of reports) {
      const report = extractActivityReport(message)!;
      if (report.type === 'task-done') continue;
      const parsed = domainEventSchemas[report.type].safeParse(report.fields);
      expect(parsed.success, `${message}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('flags stated figures as claims, but not review news a code host would confirm', () => {
    expect(extractActivityReport('all 12 tests pass')?.fields.claimed).toBe(true);
    expect(extractActivityReport('PR is up: https://x.example/pull/1')?.fields.claimed).toBe(
      undefined,
    );
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
  it('answers with the same reports, valid for its output schema', async () => {
    const { activityReportTool, activityReportSchema } = await import(
      '../../../tools/activity-report.ts'
    );
    const out = await activityReportTool.execute!(
      { message: 'all 12 tests pass, PR is up' },
      {} as never,
    );
    expect(z.object({ reports: z.array(activityReportSchema) }).safeParse(out).success).toBe(true);
    expect(out).toEqual({ reports: extractActivityReports('all 12 tests pass, PR is up') });
  });
});
