// Prints the one closing line CI reads — exactly `N passed, N failed`, nothing before or after it on
// the line (a skipped count, if any, goes on the line above) — from the
// machine-readable output each test step of .ci/run left in the results folder given as argv[2]:
//   vitest.json     vitest's JSON reporter (every test; a file that failed to load counts as one failure)
//   eval.json       the eval report: each threshold it checked is one test, each miss one failure
//   <step>.result   a step of ours: one line `passed failed skipped`
// Plain JavaScript so the system Node runs it even when the install failed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (passed, failed, skipped = 0) => {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
};
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

if (existsSync(join(dir, 'vitest.json'))) {
  const v = read('vitest.json');
  // A file that failed before any test ran (import or hook error) has no failed assertion of its own.
  const brokenFiles = v.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  add(v.numPassedTests, v.numFailedTests + brokenFiles, v.numPendingTests + v.numTodoTests);
}

if (existsSync(join(dir, 'eval.json'))) {
  const report = read('eval.json');
  const raw = JSON.parse(
    readFileSync(new URL('../evals/thresholds.json', import.meta.url), 'utf8'),
  );
  let checked = 0;
  for (const [agent, bounds] of Object.entries(raw)) {
    if (!agent.startsWith('$') && report.agents[agent]) checked += Object.keys(bounds).length;
  }
  const missed = report.thresholdFailures.length;
  add(checked - missed, missed);
}

for (const name of readdirSync(dir).filter((n) => n.endsWith('.result'))) {
  const [passed, failed, skipped] = readFileSync(join(dir, name), 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  add(passed, failed, skipped);
}

if (totals.skipped) console.log(`${totals.skipped} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
