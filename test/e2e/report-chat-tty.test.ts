import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-cli.ts';

/**
 * `mentorflow chat` in a pseudo-terminal (`script`), as a learner uses it: text pasted in one go is
 * one message (lines closer together than a person can type), a bracketed paste is one message
 * however slowly the terminal delivers it, and /plan takes a multi-line plan ended by Ctrl-D, after
 * which the chat goes on.
 */
const restatement = [
  'I must add pagination: GET /books accepts page and pageSize query parameters, pageSize is limited to 100 and invalid values return 400,',
  'the response body is items page pageSize total ordered by title then id, a page past the end returns empty items, and unit tests cover the first page, last partial page, past the end and invalid parameters.',
];
const plan = [
  '1. Write failing unit tests for the first page, the last partial page, a page past the end and invalid page or pageSize',
  '2. Parse page (default 1) and pageSize (default 20) query parameters with a zod schema, limit pageSize to 100 and return 400 naming the parameter',
  '3. Query the books ordered by title then id with LIMIT and OFFSET and count the total',
  '4. Return { items, page, pageSize, total } with an empty items array past the end',
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The chat on a pseudo-terminal; `screen()` is everything the terminal showed. */
function terminal() {
  const bin = join(repoRoot, 'bin/mentorflow.js');
  const command = `${process.execPath} ${bin} chat --story examples/stories/add-pagination.md`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: repoRoot,
    env: { ...process.env, MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', TERM: 'xterm' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    exited,
    screen: () => screen,
    type: (text: string) => child.stdin.write(text),
    async waitFor(text: string | RegExp, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      const seen = () => (typeof text === 'string' ? screen.includes(text) : text.test(screen));
      while (!seen()) {
        if (Date.now() > deadline) throw new Error(`no ${text} on the screen:\n${screen}`);
        await sleep(100);
      }
    },
  };
}

const transitions = (screen: string) =>
  [...screen.matchAll(/\[state\] (\S+ → \S+)/g)].map((m) => m[1]!);

describe('mentorflow chat in a terminal', () => {
  it('a paste is one message; /plan ends with Ctrl-D and the chat goes on', async () => {
    const t = terminal();
    try {
      await t.waitFor(/\[ASSESS_JUNIOR_CAPABILITY\].*you> /);
      // Two lines in one write, as a terminal delivers a paste: one restatement, not two.
      t.type(`${restatement[0]}\r${restatement[1]}\r`);
      await t.waitFor('[state] ASSESS_JUNIOR_CAPABILITY → PLAN_DECOMPOSITION');
      await t.waitFor(/\[PLAN_DECOMPOSITION\].*you> /);
      t.type('/plan\r');
      await t.waitFor('plan> ');
      t.type(`${plan.join('\r')}\r`);
      await t.waitFor(plan[3]!);
      await sleep(300);
      t.type('\x04');
      await t.waitFor('[state] PLAN_DECOMPOSITION → START_IMPLEMENTATION');
      await t.waitFor(/\[START_IMPLEMENTATION\].*you> /);
      t.type('/status\r');
      await t.waitFor('phase: 3 of 6 · implementation');
      t.type('/quit\r');
      expect(await t.exited).toBe(0);
      expect(transitions(t.screen())).toEqual([
        'ASSESS_JUNIOR_CAPABILITY → PLAN_DECOMPOSITION',
        'PLAN_DECOMPOSITION → START_IMPLEMENTATION',
      ]);
    } finally {
      if (t.child.exitCode === null) t.child.kill('SIGKILL');
    }
  }, 120_000);

  it('a bracketed paste delivered slowly is still one plan', async () => {
    const t = terminal();
    try {
      await t.waitFor(/\[ASSESS_JUNIOR_CAPABILITY\].*you> /);
      t.type(`${restatement.join(' ')}\r`);
      await t.waitFor(/\[PLAN_DECOMPOSITION\].*you> /);
      // The terminal marks the paste; its lines arrive far apart (slower than any paste window).
      t.type('\x1b[200~');
      for (const [i, step] of plan.entries()) {
        t.type(i < plan.length - 1 ? `${step}\r` : step);
        await sleep(200);
      }
      t.type('\x1b[201~');
      await sleep(200);
      // The paste did not end with a newline: Enter sends it, with the last line.
      t.type('\r');
      await t.waitFor('[state] PLAN_DECOMPOSITION → START_IMPLEMENTATION');
      t.type('/quit\r');
      expect(await t.exited).toBe(0);
      expect(transitions(t.screen())).toEqual([
        'ASSESS_JUNIOR_CAPABILITY → PLAN_DECOMPOSITION',
        'PLAN_DECOMPOSITION → START_IMPLEMENTATION',
      ]);
    } finally {
      if (t.child.exitCode === null) t.child.kill('SIGKILL');
    }
  }, 120_000);
});
