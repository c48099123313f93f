import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-cli.ts';
import { walkthroughProject } from './support/walkthrough-project.ts';

/**
 * Issue 13 "Done when": in rules mode, a learner finishes the example story
 * (examples/stories/add-pagination.md) in `mentorflow chat` with sentences and `/report <command>`
 * alone, no `/event`. Every report is a real command run in a small project of its own: vitest
 * (with a V8 line-coverage provider, vitest's coverage packages not being installed), tsc, a
 * linter writing ESLint's JSON, `npm run build` and `npm audit`. The inputs are piped.
 */
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-walkthrough-'));
for (const [path, text] of Object.entries(walkthroughProject)) {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = process.execPath;
const modules = join(repoRoot, 'node_modules');
const plan = [
  '1. Write failing unit tests for the first page, the last partial page, a page past the end and invalid page or pageSize',
  '2. Parse page (default 1) and pageSize (default 20), limit pageSize to 100 and return 400 naming the parameter',
  '3. Query the books ordered by title then id with LIMIT and OFFSET and count the total',
  '4. Return { items, page, pageSize, total } with an empty items array past the end',
];
/** The learner's inputs: each is one message or command (the plan is one message of four lines). */
const inputs: string[][] = [
  [
    'I must add pagination: GET /books accepts page and pageSize query parameters, pageSize is limited to 100 and invalid values return 400 naming the parameter, the response body is items page pageSize total ordered by title then id, a page past the end returns empty items, and unit tests cover the first page, last partial page, past the end and invalid parameters.',
  ],
  ['/plan', ...plan, '.'],
  ['the failing unit tests are written'],
  ['I implemented the validation of page and pageSize'],
  ['the paged query is implemented'],
  [`/report ${node} ${modules}/vitest/vitest.mjs run --coverage`],
  [`/report ${node} ${modules}/typescript/bin/tsc --noEmit --strict src/paginate.ts`],
  [`/report ${node} eslint.mjs src`],
  ['/report npm run build'],
  ['/report npm audit'],
  ['I opened the PR: https://git.example/books/pull/7'],
  ['the reviewer approved it'],
  ['I merged the PR'],
];

describe('walk-through: the example story with sentences and /report alone', () => {
  it('reaches STORY_COMPLETE in rules mode', async () => {
    const child = spawn(
      node,
      [
        join(repoRoot, 'bin/mentorflow.js'),
        'chat',
        '--story',
        join(repoRoot, 'examples/stories/add-pagination.md'),
        '--learner',
        `walkthrough-${Date.now()}`,
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          MODEL: '',
          OPENAI_API_KEY: '',
          OPENAI_BASE_URL: '',
          TIME_SCALE: '1',
          LOG_LEVEL: 'warn',
          NO_COLOR: '1',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let transcript = '';
    child.stdout.on('data', (c: Buffer) => (transcript += c.toString()));
    child.stderr.on('data', (c: Buffer) => (transcript += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const lines = [...inputs.flat(), '/status', '/quit'];
    child.stdin.end(`${lines.join('\n')}\n`);
    const code = await exited;
    expect(code, transcript).toBe(0);
    expect(transcript).not.toMatch(/^you> \/event/m);

    const states = [...transcript.matchAll(/^\[state\] (?:\S+ → )?(\S+)$/gm)].map((m) => m[1]);
    expect(states.at(-1), transcript).toBe('STORY_COMPLETE');
    for (const state of ['START_IMPLEMENTATION', 'DETERMINE_OUTCOME', 'PREPARE_CODE_REVIEW'])
      expect(states, transcript).toContain(state);
    // The gates judged real reports: coverage measured by the run, not stated.
    expect(transcript).toMatch(/mentorflow: coverage: line coverage \d+(?:\.\d+)?%/);
    expect(transcript).toMatch(/mentorflow: security-scan: no known vulnerabilities/);
    expect(transcript).toMatch(/Story "Add pagination to the book list endpoint" is complete/);
    expect(transcript).toMatch(/For your next story I suggest a \w+ one/);
    expect(transcript).toMatch(/state: STORY_COMPLETE/);

    const reports = inputs.filter(([first]) => first!.startsWith('/report')).length;
    console.log(
      `walk-through: STORY_COMPLETE after ${inputs.length} inputs (${inputs.length - reports} sentences, one of them the four-line /plan, and ${reports} /report commands; ${inputs.flat().length} lines typed), no /event`,
    );
  }, 180_000);
});
