import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../../../evals/report.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mf-eval-e2e-'));

/** `node evals/run.ts …` (what `npm run eval` runs) with no model configured: rules mode. */
function runEvalCli(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  // Unset, not empty: @ai-sdk/openai rejects an empty OPENAI_BASE_URL when it loads.
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (key === 'MODEL' || key.startsWith('MODEL_') || key.startsWith('OPENAI_')) delete env[key];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['evals/run.ts', ...args],
      { cwd: root, env, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
          ms: performance.now() - started,
        });
      },
    );
  });
}

describe('npm run eval, offline rules mode', () => {
  it('runs every shipped dataset against the real agents in under a minute and meets the thresholds', async () => {
    const json = join(dir, 'report.json');
    const html = join(dir, 'report.html');
    const r = await runEvalCli(['--json', json, '--html', html]);
    expect(r.stderr).not.toMatch(/line skipped/);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(60_000);
    const report = JSON.parse(readFileSync(json, 'utf8')) as EvalReport;
    const cases = Object.fromEntries(report.datasets.map((d) => [d.kind, d.cases]));
    expect(Object.keys(report.agents).sort()).toEqual([
      'blocker-diagnosis',
      'concept-explainer',
      'hint-giver',
      'plan-reviewer',
      'safety',
      'understanding-assessor',
    ]);
    expect(report.agents['blocker-diagnosis']!.n).toBe(cases['blocker-diagnosis']);
    expect(report.agents['hint-giver']!.n + report.agents['concept-explainer']!.n).toBe(
      cases.hints,
    );
    for (const [id, a] of Object.entries(report.agents)) {
      expect(a.errors, id).toBe(0);
      expect(a.schemaValidity, id).toBe(1);
      expect(
        a.models.every((m) => m.startsWith('rules/')),
        id,
      ).toBe(true);
    }
    // The @mastra/evals completeness scorer rates hint and explanation replies offline; toxicity needs a judge.
    for (const id of ['hint-giver', 'concept-explainer']) {
      expect(report.agents[id]!.completeness, id).toBeGreaterThan(0);
      expect(report.agents[id]!.completeness, id).toBeLessThanOrEqual(1);
    }
    expect(report.agents['blocker-diagnosis']!.completeness).toBeNull();
    expect(Object.values(report.agents).every((a) => a.toxicity === null)).toBe(true);
    // The offline baseline is a real classifier, clearly above chance on five balanced classes.
    expect(report.agents['blocker-diagnosis']!.accuracy).toBeGreaterThan(0.4);
    expect(report.thresholdFailures).toEqual([]);
    for (const agent of ['blocker-diagnosis', 'understanding-assessor', 'plan-reviewer']) {
      expect(readFileSync(html, 'utf8')).toContain(`<h2>${agent}</h2>`);
    }
    expect(r.stdout).toMatch(/^agent\s+n\s+err\s+accuracy\s+macro-F1.*\s+complete\s+ms \(mean\)/m);
  }, 90_000);

  it('exits 1 when the real agents miss a threshold', async () => {
    const strict = join(dir, 'strict.json');
    writeFileSync(strict, JSON.stringify({ 'blocker-diagnosis': { accuracy: { min: 0.999 } } }));
    const r = await runEvalCli(['--agent', 'blocker-diagnosis', '--thresholds', strict]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /below threshold: blocker-diagnosis accuracy = 0\.\d{3} \(min 0\.999\)/,
    );
  }, 90_000);
});
