import { describe, expect, it } from 'vitest';
import { detectSameBuildError } from '../../../src/sessions/detectors/same-build-error.ts';
import { parseBuildOutput } from '../../../tools/parse-build-output.ts';
import { storyPolicies } from '../../../src/domain/machines/story-policies.ts';
import { fixture } from '../tools/report-fixtures.ts';
import { ev, series, time } from './event-builders.ts';

const limit = storyPolicies.patterns.sameBuildError;
const sig = "src/a.ts: error ts2322: type 'number' is not assignable to type 'string'.";

describe('detectSameBuildError', () => {
  it('fires exactly at the threshold', () => {
    expect(
      detectSameBuildError(
        series(limit - 1, 0, (m) => ev.build(m, sig)),
        limit,
      ),
    ).toBeNull();
    expect(
      detectSameBuildError(
        series(limit, 0, (m) => ev.build(m, sig)),
        limit,
      ),
    ).toMatchObject({
      pattern: 'sameBuildError',
      event: 'sameBuildError',
      count: limit,
      threshold: limit,
      subject: `build failed ${limit} times in a row with: ${sig}`,
    });
    expect(
      detectSameBuildError(
        series(limit + 1, 0, (m) => ev.build(m, sig)),
        limit,
      )?.count,
    ).toBe(limit + 1);
  });

  it('a different error or a passing build breaks the streak', () => {
    const different = [
      ...series(limit - 1, 0, (m) => ev.build(m, sig)),
      ev.build(10, 'other error'),
      ev.build(11, sig),
    ];
    expect(detectSameBuildError(different, limit)).toBeNull();
    const passedLast = [...series(limit, 0, (m) => ev.build(m, sig)), ev.build(10, null)];
    expect(detectSameBuildError(passedLast, limit)).toBeNull();
  });

  it('recognises the same error from real output at moved lines (signature computed when missing)', () => {
    const output = fixture('build-tsc.txt');
    const moved = output.replace('(3,31)', '(9,4)');
    const events = [output, moved, output].map((text, i) => {
      const { errors, success } = parseBuildOutput(text, 2);
      return { type: 'build' as const, at: time(i), data: { success, errors } };
    });
    expect(detectSameBuildError(events, 3)?.count).toBe(3);
  });

  it('does not count failures it cannot compare (no output)', () => {
    const events = series(limit, 0, (m) => ({
      type: 'build' as const,
      at: time(m),
      data: { success: false },
    }));
    expect(detectSameBuildError(events, limit)).toBeNull();
  });
});
