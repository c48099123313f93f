/**
 * `npm run eval:activity-reports [-- <file.jsonl>]`: scores the plain-language activity-report
 * extractor (`extractActivityReport`, src/domain/signals/activity-claims.ts) on a JSONL of learner
 * messages and the event each should become, and prints k/n. Default file: the held-out cases
 * `evals/heldout/activity-reports.jsonl` (written apart from the extractor: run it to measure, never
 * tune on it).
 *
 * A line: `{"id", "input": {"message"}, "expected": {"type", "fields"}}` (or `message` at the top).
 * Scored by event type, as the held-out README's figure is: the file's types are its own, so
 * `review-feedback` with decision `submitted` (a PR opened) is the file's `pull-request`, and no
 * report is `none`. `fields` is not scored here.
 */
import { readFileSync } from 'node:fs';
import { extractActivityReport } from '../src/domain/signals/activity-claims.ts';

interface Case {
  readonly id: string;
  readonly message: string;
  readonly expected: string;
}

const file = process.argv[2] ?? 'evals/heldout/activity-reports.jsonl';

function readCases(path: string): Case[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      const raw = JSON.parse(line) as {
        id?: string;
        message?: string;
        input?: { message?: string };
        expected?: { type?: string };
      };
      const message = raw.input?.message ?? raw.message;
      const expected = raw.expected?.type;
      if (typeof message !== 'string' || typeof expected !== 'string')
        throw new Error(`${path}:${n}: expected input.message and expected.type`);
      return { id: raw.id ?? `line ${n}`, message, expected };
    });
}

/** The extractor's reading in the file's terms. */
function predictedType(message: string): string {
  const report = extractActivityReport(message);
  if (!report) return 'none';
  if (report.type === 'review-feedback' && report.fields.decision === 'submitted')
    return 'pull-request';
  return report.type;
}

const cases = readCases(file);
const perType = new Map<string, { right: number; n: number }>();
const misses: string[] = [];
let right = 0;
for (const c of cases) {
  const got = predictedType(c.message);
  const tally = perType.get(c.expected) ?? { right: 0, n: 0 };
  tally.n++;
  if (got === c.expected) {
    tally.right++;
    right++;
  } else misses.push(`  ${c.id}: ${c.expected} → ${got}  ${JSON.stringify(c.message)}`);
  perType.set(c.expected, tally);
}

console.log(`activity reports (${file}): ${right}/${cases.length} by event type`);
for (const [type, t] of [...perType].sort(([a], [b]) => a.localeCompare(b)))
  console.log(`  ${type.padEnd(16)} ${t.right}/${t.n}`);
if (misses.length) console.log(`missed (expected → read):\n${misses.join('\n')}`);
