import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, startServer, type CliProcess } from '../helpers/spawn-cli.ts';

/**
 * `mentorflow chat` with a scripted conversation piped in, as a learner would type it, in rules mode:
 * the pagination story from examples/ lived from the first question to STORY_COMPLETE.
 */
const rulesMode = { MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', TIME_SCALE: '1' };
const story = 'examples/stories/add-pagination.md';

const restatement =
  'I must add pagination: GET /books accepts page and pageSize query parameters, pageSize is limited to 100 and invalid values return 400, the response body is items page pageSize total ordered by title then id, a page past the end returns empty items, and unit tests cover the first page, last partial page, past the end and invalid parameters.';
/** The plan, one step per line: each line but the last ends with `\` to continue the message. */
const plan = [
  '1. Write failing unit tests for the first page, the last partial page, a page past the end and invalid page or pageSize \\',
  '2. Parse page (default 1) and pageSize (default 20) query parameters with a zod schema, limit pageSize to 100 and return 400 naming the parameter \\',
  '3. Query the books ordered by title then id with LIMIT and OFFSET and count the total \\',
  '4. Return { items, page, pageSize, total } with an empty items array past the end',
];
/** From START_IMPLEMENTATION to STORY_COMPLETE. */
const implementation = [
  '/event test-run {"failed":0,"passed":3}',
  'I am stuck, how do I compute the offset?',
  'yes that helped, thanks',
  'done, validation works',
  '/event commit {"sha":"a1"}',
  'done, the query works',
  'done, the response shape works',
  '/event coverage {"lines":95}',
  '/event lint {"errorCount":0}',
  '/event typecheck {"errorCount":0}',
  '/event build {"success":true}',
  '/event security-scan {"counts":{"low":0}}',
  'I opened the pull request https://git.example/pull/7',
  '/event review-feedback {"decision":"approved"}',
  '/event review-feedback {"decision":"merged"}',
];
const implementationStates = [
  'START_IMPLEMENTATION → CONTINUE_MONITORING',
  'CONTINUE_MONITORING → PROVIDE_HINT',
  'PROVIDE_HINT → RESUME_IMPLEMENTATION',
  'RESUME_IMPLEMENTATION → CONTINUE_MONITORING',
  'CONTINUE_MONITORING → DETERMINE_OUTCOME',
  'DETERMINE_OUTCOME → PREPARE_CODE_REVIEW',
  'PREPARE_CODE_REVIEW → MONITOR_REVIEW',
  'MONITOR_REVIEW → MERGE_AND_COMPLETE',
  'MERGE_AND_COMPLETE → STORY_COMPLETE',
];

/** Run `mentorflow chat` with these lines on stdin; resolves with the whole transcript once it exits 0. */
async function chat(
  args: string[],
  lines: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const cli = spawnCli(['chat', ...args], { ...rulesMode, ...env });
  cli.child.stdin!.end(`${lines.join('\n')}\n`);
  const code = await cli.exited;
  expect(code, cli.output()).toBe(0);
  return cli.output();
}

const stateLines = (transcript: string) =>
  [...transcript.matchAll(/^\[state\] (\S+ → \S+)$/gm)].map((m) => m[1]!);
const sessionIdOf = (transcript: string) => /^session ([0-9a-f-]{36}) · /m.exec(transcript)![1]!;

describe('mentorflow chat, in-process on the test database', () => {
  it('lives through the story from the first question to STORY_COMPLETE', async () => {
    const transcript = await chat(
      ['--story', story, '--learner', 'ana'],
      [restatement, ...plan, '/status', ...implementation, '/history', '/quit'],
    );
    expect(transcript).toMatch(
      /^session [0-9a-f-]{36} · Add pagination to the book list endpoint · learner ana$/m,
    );
    expect(transcript).toMatch(/^\[state\] ASSESS_JUNIOR_CAPABILITY$/m);
    expect(transcript).toMatch(/^mentor> .*tell me in your own words/m);
    expect(stateLines(transcript)).toEqual([
      'ASSESS_JUNIOR_CAPABILITY → PLAN_DECOMPOSITION',
      'PLAN_DECOMPOSITION → START_IMPLEMENTATION',
      ...implementationStates,
    ]);
    // The continued lines went as one message: the whole four-step plan was reviewed and approved.
    expect(transcript).toMatch(/^you> 1\. Write failing unit tests.*\n {5}2\. Parse page/m);
    expect(transcript).toContain('Plan approved: 4 steps.');
    expect(transcript).toMatch(/^mentor> \(rules mode\) Hint/m);
    expect(transcript).toMatch(/^\[session completed\]$/m);
    // /status showed the approved plan's first task; /history listed the whole path.
    expect(transcript).toMatch(/^ {2}state: START_IMPLEMENTATION \(version \d+, active\)$/m);
    expect(transcript).toMatch(/^ {2}current task: Write failing unit tests/m);
    expect(transcript).toMatch(/MERGE_AND_COMPLETE --mergeComplete--> STORY_COMPLETE/);
    // An event that changes no state is answered or accounted for ("[recorded] why"), never silent.
    expect(transcript).toMatch(
      /^you> \/event commit \{"sha":"a1"\}\n(mentor> \S|\[recorded\] \S)/m,
    );
    expect(transcript).toMatch(/resume with: mentorflow chat --session [0-9a-f-]{36}$/m);
  });

  it('refuses to start without a story or a session, naming the flag', async () => {
    const cli = spawnCli(['chat'], rulesMode);
    cli.child.stdin!.end();
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(
      /give --story <file> to start a session, or --session <id> to resume one/,
    );
    const missing = spawnCli(['chat', '--story', 'examples/stories/nope.md'], rulesMode);
    missing.child.stdin!.end();
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toMatch(/--story: cannot read examples\/stories\/nope\.md \(ENOENT\)/);
  });
});

describe('mentorflow chat --url, against a running server', () => {
  let server: CliProcess & { url: string };
  const key = { MENTORFLOW_API_KEY: 'chat-key' };

  beforeAll(async () => {
    server = await startServer({ ...rulesMode, MENTORFLOW_API_KEYS: 'chat-key' });
  });
  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  });

  // The three steps below share one session, in order: start, resume over HTTP, resume in-process.
  let id = '';

  it('starts a session on the server and quits half way', async () => {
    const first = await chat(
      ['--story', story, '--learner', 'bo', '--url', server.url],
      [restatement, ...plan, 'hmm', '/pause', 'are you there?', '/resume', '/quit'],
      key,
    );
    expect(stateLines(first)).toEqual([
      'ASSESS_JUNIOR_CAPABILITY → PLAN_DECOMPOSITION',
      'PLAN_DECOMPOSITION → START_IMPLEMENTATION',
    ]);
    // The reply streamed over SSE arrived whole, and a message the state cannot take prints only the error.
    expect(first).toContain('Plan approved: 4 steps.');
    // A message the state has no transition for still gets a reply.
    expect(first).toMatch(/^you> hmm\nmentor> \S/m);
    expect(first).toMatch(/^\[status\] active → paused$/m);
    expect(first).toMatch(
      /^you> are you there\?\n! Event 'learner-message' is not allowed .*Allowed events: resume, cancel\.$/m,
    );
    expect(first).toMatch(/^\[status\] paused → active$/m);
    id = sessionIdOf(first);
    expect(first).toContain(`resume with: mentorflow chat --session ${id} --url ${server.url}`);
  });

  it('resumes it with --session and continues where it stopped, to STORY_COMPLETE', async () => {
    expect(id).not.toBe('');
    const resumed = await chat(
      ['--session', id, '--url', server.url],
      ['/hint', 'that helps, thanks', implementation[0]!, ...implementation.slice(3), '/quit'],
      key,
    );
    expect(resumed).toMatch(
      new RegExp(`^resumed session ${id} · Add pagination to the book list endpoint$`, 'm'),
    );
    expect(resumed).toMatch(
      /^\[state\] START_IMPLEMENTATION \(version \d+, active, \d+ transitions so far\)$/m,
    );
    expect(stateLines(resumed)).toEqual([
      'START_IMPLEMENTATION → PROVIDE_HINT',
      'PROVIDE_HINT → RESUME_IMPLEMENTATION',
      'RESUME_IMPLEMENTATION → CONTINUE_MONITORING',
      'CONTINUE_MONITORING → DETERMINE_OUTCOME',
      ...implementationStates.slice(-4),
    ]);
    expect(resumed).toMatch(/^\[session completed\]$/m);

    const session = await fetch(`${server.url}/api/sessions/${id}`, {
      headers: { authorization: 'Bearer chat-key' },
    }).then((r) => r.json() as Promise<{ state: string; status: string }>);
    expect(session).toMatchObject({ state: 'STORY_COMPLETE', status: 'completed' });
  });

  it('resumes the finished session in-process too (same database)', async () => {
    expect(id).not.toBe('');
    // The same session from the in-process chat (same database): finished, and a message to it is
    // answered or at least accounted for, never met with silence.
    const local = await chat(['--session', id], ['/status', 'one more thing', '/quit']);
    expect(local).toMatch(/^\[state\] STORY_COMPLETE \(version \d+, completed, /m);
    expect(local).toMatch(/^ {2}state: STORY_COMPLETE \(version \d+, completed\)$/m);
    expect(local).toMatch(/^you> one more thing\n(mentor> \S|\[recorded\] \S)/m);
    expect(stateLines(local)).toEqual([]);
  });

  it('reports a wrong key or an unknown session as one error line', async () => {
    const wrongKey = spawnCli(['chat', '--story', story, '--url', server.url], {
      ...rulesMode,
      MENTORFLOW_API_KEY: 'nope',
    });
    wrongKey.child.stdin!.end();
    expect(await wrongKey.exited).toBe(1);
    expect(wrongKey.output()).toMatch(/invalid API key/);
    const unknown = spawnCli(
      ['chat', '--session', '00000000-0000-4000-8000-000000000000', '--url', server.url],
      { ...rulesMode, ...key },
    );
    unknown.child.stdin!.end();
    expect(await unknown.exited).toBe(1);
    expect(unknown.output()).toMatch(/not found/);
  });
});
