import { describe, expect, it } from 'vitest';
import { patternEvents } from '../../../src/sessions/detectors/index.ts';
import { evaluateQualityGates, type QualityReports } from '../../../src/sessions/quality-gates.ts';
import { storyMachine } from '../../../src/domain/machines/story-machine.ts';

const eventsFrom = (state: string) =>
  storyMachine.transitions.filter((t) => t.from === state).map((t) => t.event);

describe('detector results are events the story machine accepts', () => {
  it('every pattern event leaves DETECT_PATTERN', () => {
    const accepted = eventsFrom('DETECT_PATTERN');
    for (const event of Object.values(patternEvents)) expect(accepted).toContain(event);
  });

  it('every quality-gate event leaves QUALITY_GATE_CHECK', () => {
    const accepted = eventsFrom('QUALITY_GATE_CHECK');
    const green = {
      coverage: { lines: 100, statements: 100, functions: 100, branches: 100 },
      lint: {
        errorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        fileCount: 1,
        files: [],
        messages: [],
      },
      typecheck: { errorCount: 0, errors: [] },
      build: { success: true, errors: [], signature: null },
      security: {
        counts: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 },
        total: 0,
        clean: true,
        packages: [],
      },
    } satisfies QualityReports;
    const produced = [
      evaluateQualityGates(green).event,
      evaluateQualityGates({
        ...green,
        lint: { ...green.lint, errorCount: 1, fixableErrorCount: 1 },
      }).event,
      evaluateQualityGates({ ...green, typecheck: { errorCount: 1, errors: [] } }).event,
      evaluateQualityGates({ ...green, build: { success: false, errors: ['x'], signature: 'x' } })
        .event,
    ];
    expect(produced).toEqual(['allPass', 'minorIssues', 'majorIssues', 'criticalIssues']);
    for (const event of produced) expect(accepted).toContain(event);
  });

  it('escalation has an any-state edge to ESCALATE_TO_HUMAN', () => {
    expect(storyMachine.anyState?.find((t) => t.event === 'escalate')?.to).toBe(
      'ESCALATE_TO_HUMAN',
    );
  });
});
