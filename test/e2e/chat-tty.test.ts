import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-cli.ts';

/**
 * `mentorflow chat` in a real terminal: run through `script`, which gives it a pseudo-terminal, the
 * learner sees the prompt with the state and the characters they type (not only piped lines).
 */
it('shows the prompt and echoes what the learner types on a terminal', async () => {
  const bin = join(repoRoot, 'bin/mentorflow.js');
  const command = `${process.execPath} ${bin} chat --story examples/stories/add-pagination.md`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: repoRoot,
    env: { ...process.env, MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const waitFor = async (text: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!screen.includes(text)) {
      if (Date.now() > deadline) throw new Error(`no "${text}" on the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    await waitFor('you> ');
    expect(screen).toMatch(/\[ASSESS_JUNIOR_CAPABILITY\].*you> /);
    // Typed character by character, as on a keyboard: the terminal shows them back.
    for (const key of 'hello mentor') child.stdin.write(key);
    await waitFor('hello mentor');
    child.stdin.write('\r');
    await waitFor('mentor> ');
    child.stdin.write('/quit\r');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 120_000);
