import { createInterface } from 'node:readline';
import { allowedEvents } from '../../machine/index.ts';
import { toMermaid } from '../../machine/index.ts';
import { machines, isMachineName } from '../../../workflows/machines/index.ts';
import type { ChatBackend, ChatTurn } from './backend.ts';

export interface ReplOptions {
  backend: ChatBackend;
  sessionId: string;
  state: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Prompt and colours only on a terminal; piped input gets plain lines. */
  interactive?: boolean;
}

export const slashCommands = {
  '/status': 'state, allowed events, current task and timers',
  '/hint': 'ask for a hint (a help request)',
  '/pause': 'pause the session (timers stop)',
  '/resume': 'resume a paused session',
  '/history': 'the transitions so far',
  '/diagram': 'the session’s state machine as mermaid',
  '/event <type> [json]': 'send any event, e.g. /event test-run {"failed":0,"passed":12}',
  '/help': 'this list',
  '/quit': 'leave (the session stays; resume it with --session)',
} as const;

/** The chat loop: learner lines become messages, `/…` lines commands; the state shows in the prompt. */
export async function runRepl(options: ReplOptions): Promise<void> {
  const { backend, sessionId } = options;
  const out = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let state = options.state;
  const write = (text: string) => out.write(text);
  const rl = createInterface({ input: options.input ?? process.stdin, terminal: interactive });
  const prompt = () => {
    if (interactive) {
      rl.setPrompt(`\x1b[2m[${state}]\x1b[0m you> `);
      rl.prompt();
    }
  };

  const showTurn = (turn: ChatTurn, streamed: boolean) => {
    if (!streamed) for (const reply of turn.replies) write(`mentor> ${reply.text}\n`);
    if (turn.session.state !== state) write(`[state] ${state} → ${turn.session.state}\n`);
    state = turn.session.state;
    if (turn.session.status === 'completed') write('[session completed]\n');
  };

  const commands: Record<string, (arg: string) => Promise<boolean | void>> = {
    '/quit': async () => true,
    '/exit': async () => true,
    '/help': async () => {
      for (const [name, what] of Object.entries(slashCommands)) write(`  ${name.padEnd(22)} ${what}\n`);
    },
    '/status': async () => {
      const s = await backend.getSession(sessionId);
      state = s.state;
      write(`session ${s.id} · ${s.story.title}\n  state: ${s.statePath.join(' › ')} (version ${s.version}, ${s.status})\n`);
      if (s.currentTask) write(`  current task: ${s.currentTask}\n`);
      write(`  allowed events: ${s.allowedEvents.join(', ') || '—'}\n`);
      for (const t of (s.timers ?? []) as { kind: string; dueAt: string }[]) write(`  timer ${t.kind} due ${t.dueAt}\n`);
    },
    '/hint': async () => showTurn(await backend.sendEvent(sessionId, { type: 'help-request', data: { text: 'I would like a hint' } }), false),
    '/pause': async () => showTurn(await backend.sendEvent(sessionId, { type: 'pause', data: {} }), false),
    '/resume': async () => showTurn(await backend.sendEvent(sessionId, { type: 'resume', data: {} }), false),
    '/history': async () => {
      const transitions = await backend.transitions(sessionId);
      for (const t of transitions) write(`  ${t.at}  ${t.from} --${t.event}--> ${t.to}\n`);
      if (!transitions.length) write('  (no transitions yet)\n');
    },
    '/diagram': async () => {
      const s = await backend.getSession(sessionId);
      if (!isMachineName(s.machine)) return void write(`! unknown machine ${s.machine}\n`);
      const machine = machines[s.machine];
      write(`${toMermaid(machine)}\n%% current state: ${s.statePath.join(' › ')}\n`);
      void allowedEvents;
    },
    '/event': async (arg) => {
      const [type, ...rest] = arg.trim().split(/\s+/);
      if (!type) return void write('! usage: /event <type> [json data]\n');
      let data: Record<string, unknown> = {};
      if (rest.length) {
        try {
          data = JSON.parse(rest.join(' ')) as Record<string, unknown>;
        } catch {
          return void write('! /event: the data after the type must be JSON\n');
        }
      }
      showTurn(await backend.sendEvent(sessionId, { type, data }), false);
    },
  };

  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      prompt();
      continue;
    }
    if (!interactive) write(`you> ${line}\n`);
    try {
      if (line.startsWith('/')) {
        const [name = '', ...rest] = line.split(' ');
        const command = commands[name.toLowerCase()];
        if (!command) write(`! unknown command ${name}; /help lists them\n`);
        else if ((await command(rest.join(' '))) === true) break;
      } else {
        write('mentor> ');
        let streamed = false;
        const turn = await backend.sendMessage(sessionId, line, (piece) => {
          streamed = true;
          write(piece);
        });
        write(streamed ? '\n' : '\n');
        showTurn(turn, true);
      }
    } catch (error) {
      const allowed = (error as { details?: { allowedEvents?: string[] } }).details?.allowedEvents;
      write(`! ${(error as Error).message}${allowed?.length ? ` (allowed here: ${allowed.join(', ')})` : ''}\n`);
    }
    prompt();
  }
  rl.close();
}
