import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { domainEventTypes } from '../../src/sessions/event-schemas.ts';
import { spawnCli } from '../helpers/spawn-cli.ts';

/**
 * `mentorflow chat` with piped input: the /plan editor makes one plan of many lines, /status shows
 * the phase and the task, /help lists every event type with an example, and /report runs a real
 * check (tsc on a file with a type error) and sends its result to the session.
 */
const rulesMode = { MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', TIME_SCALE: '1' };
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-chat-report-'));
const broken = join(dir, 'total.ts');
writeFileSync(broken, 'export const total: number = "zero";\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const restatement =
  'I must add pagination: GET /books accepts page and pageSize query parameters, pageSize is limited to 100 and invalid values return 400, the response body is items page pageSize total ordered by title then id, a page past the end returns empty items, and unit tests cover the first page, last partial page, past the end and invalid parameters.';
const plan = [
  '1. Write failing unit tests for the first page, the last partial page, a page past the end and invalid page or pageSize',
  '2. Parse page (default 1) and pageSize (default 20) query parameters with a zod schema, limit pageSize to 100 and return 400 naming the parameter',
  '3. Query the books ordered by title then id with LIMIT and OFFSET and count the total',
  '4. Return { items, page, pageSize, total } with an empty items array past the end',
];

describe('mentorflow chat, piped', () => {
  it('/plan, /status, /help and /report', async () => {
    const cli = spawnCli(
      ['chat', '--story', 'examples/stories/add-pagination.md', '--learner', 'ana'],
      rulesMode,
    );
    cli.child.stdin!.end(
      `${[
        restatement,
        '/plan',
        ...plan,
        '.',
        '/status',
        '/help',
        `/report ${process.execPath} node_modules/typescript/bin/tsc --noEmit --ignoreConfig ${broken}`,
        '/quit',
      ].join('\n')}\n`,
    );
    const code = await cli.exited;
    const transcript = cli.output();
    expect(code, transcript).toBe(0);
    // The plan of four lines is one plan: accepted in one step, with its four tasks.
    expect([...transcript.matchAll(/^\[state\] (\S+ → \S+)$/gm)].map((m) => m[1])).toEqual([
      'ASSESS_JUNIOR_CAPABILITY → PLAN_DECOMPOSITION',
      'PLAN_DECOMPOSITION → START_IMPLEMENTATION',
    ]);
    expect(transcript).toMatch(/phase: 3 of 6 · implementation/);
    expect(transcript).toMatch(/current task: .*Write failing unit tests/);
    for (const type of domainEventTypes) expect(transcript).toMatch(`/event ${type} {`);
    expect(transcript).toMatch(/total\.ts\(1,14\): error TS2322/);
    expect(transcript).toMatch(/mentorflow: typecheck: 1 type error, first .*total\.ts:1 TS2322/);
    expect(transcript).toMatch(/^\[report\] .* exited 2$/m);
  }, 120_000);

  it('a plan typed one numbered step per line, ended with ".", is one plan', async () => {
    const cli = spawnCli(
      ['chat', '--story', 'examples/stories/add-pagination.md', '--learner', 'ana'],
      rulesMode,
    );
    cli.child.stdin!.end(`${[restatement, ...plan, '.', '/status', '/quit'].join('\n')}\n`);
    const code = await cli.exited;
    const transcript = cli.output();
    expect(code, transcript).toBe(0);
    // The mentor asks for the plan in one message.
    expect(transcript).toMatch(/send it as one message: .*type \/plan for a multi-line editor/);
    // "1. …" opened the plan editor (said on screen); "." sent the four steps as one plan.
    expect(transcript).toMatch(/A numbered step: the plan editor is open \(as \/plan\)/);
    expect([...transcript.matchAll(/^\[state\] (\S+ → \S+)$/gm)].map((m) => m[1])).toEqual([
      'ASSESS_JUNIOR_CAPABILITY → PLAN_DECOMPOSITION',
      'PLAN_DECOMPOSITION → START_IMPLEMENTATION',
    ]);
    expect(transcript).toContain('Plan approved: 4 steps.');
    expect(transcript).toMatch(/current task: .*Write failing unit tests/);
  }, 120_000);
});
