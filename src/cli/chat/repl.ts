import { createInterface } from 'node:readline';
import { toMermaid } from '../../machine/index.ts';
import type { SessionStatus } from '../../sessions/index.ts';
import { machines, isMachineName } from '../../domain/machines/index.ts';
import type { ChatBackend, ChatTurn } from './backend.ts';

export interface ReplOptions {
  backend: ChatBackend;
  sessionId: string;
  state: string;
  /** The session's status when the chat starts; status changes are shown as `[status] a → b`. */
  status?: SessionStatus;
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
  '/help': 'this list (end a line with \\ to continue the message on the next line)',
  '/quit': 'leave (the session stays; resume it with --session)',
} as const;

/** The chat loop: learner lines become messages, `/…` lines commands; the state shows in the prompt. */
export async function runRepl(options: ReplOptions): Promise<void> {
  const { backend, sessionId } = options;
  const out = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let state = options.state;
  let status = options.status;
  const write = (text: string) => out.write(text);
  // On a terminal readline needs the output stream too: it draws the prompt and echoes what the
  // learner types there (without it the learner types blind).
  const rl = createInterface({
    input: options.input ?? process.stdin,
    ...(interactive ? { output: out } : {}),
    terminal: interactive,
  });
  const prompt = () => {
    if (interactive) {
      rl.setPrompt(`\x1b[2m[${state}]\x1b[0m you> `);
      rl.prompt();
    }
  };

  const showTurn = (turn: ChatTurn, streamed: boolean) => {
    if (!streamed) for (const reply of turn.replies) write(`mentor> ${reply.text}\n`);
    // A turn without a reply still says what became of the event, instead of printing nothing.
    if (!turn.replies.length && 'reason' in turn.outcome)
      write(`[${turn.outcome.status}] ${turn.outcome.reason}\n`);
    if (turn.session.state !== state) write(`[state] ${state} → ${turn.session.state}\n`);
    state = turn.session.state;
    if (turn.session.status !== status) {
      if (turn.session.status === 'completed') write('[session completed]\n');
      else if (status) write(`[status] ${status} → ${turn.session.status}\n`);
      status = turn.session.status;
    }
  };

  const commands: Record<string, (arg: string) => Promise<boolean | void>> = {
    '/quit': async () => true,
    '/exit': async () => true,
    '/help': async () => {
      for (const [name, what] of Object.entries(slashCommands))
        write(`  ${name.padEnd(22)} ${what}\n`);
    },
    '/status': async () => {
      const s = await backend.getSession(sessionId);
      state = s.state;
      status = s.status;
      write(
        `session ${s.id} · ${s.story.title}\n  state: ${s.statePath.join(' › ')} (version ${s.version}, ${s.status})\n`,
      );
      if (s.currentTask) write(`  current task: ${s.currentTask}\n`);
      write(`  allowed events: ${s.allowedEvents.join(', ') || '—'}\n`);
      for (const t of (s.timers ?? []) as { kind: string; dueAt: string }[])
        write(`  timer ${t.kind} due ${t.dueAt}\n`);
    },
    '/hint': async () =>
      showTurn(
        await backend.sendEvent(sessionId, {
          type: 'help-request',
          data: { text: 'I would like a hint' },
        }),
        false,
      ),
    '/pause': async () =>
      showTurn(await backend.sendEvent(sessionId, { type: 'pause', data: {} }), false),
    '/resume': async () =>
      showTurn(await backend.sendEvent(sessionId, { type: 'resume', data: {} }), false),
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
    },
    '/event': async (arg) => {
      // The JSON is taken as typed: splitting on whitespace would collapse spaces inside its strings.
      const [, type, json = ''] = /^(\S+)\s*([\s\S]*)$/.exec(arg.trim()) ?? [];
      if (!type) return void write('! usage: /event <type> [json data]\n');
      let data: Record<string, unknown> = {};
      if (json) {
        try {
          data = JSON.parse(json) as Record<string, unknown>;
        } catch {
          return void write('! /event: the data after the type must be JSON\n');
        }
      }
      showTurn(await backend.sendEvent(sessionId, { type, data }), false);
    },
  };

  prompt();
  // A line ending in `\` continues on the next one: the mentor asks for plans "one step per line".
  let pending: string[] = [];
  for await (const raw of rl) {
    const continued = /\\\s*$/.test(raw);
    if (continued) {
      pending.push(raw.replace(/\\\s*$/, '').trimEnd());
      if (interactive) {
        rl.setPrompt('... ');
        rl.prompt();
      }
      continue;
    }
    const line = [...pending, raw].join('\n').trim();
    pending = [];
    if (!line) {
      prompt();
      continue;
    }
    if (!interactive) write(`you> ${line.replace(/\n/g, '\n     ')}\n`);
    try {
      if (line.startsWith('/')) {
        const [name = '', ...rest] = line.split(' ');
        const command = commands[name.toLowerCase()];
        if (!command) write(`! unknown command ${name}; /help lists them\n`);
        else if ((await command(rest.join(' '))) === true) break;
      } else {
        // The prefix is written with the first piece, so that a refused message prints only the error.
        let streamed = false;
        const turn = await backend.sendMessage(sessionId, line, (piece) => {
          if (!streamed) write('mentor> ');
          streamed = true;
          write(piece);
        });
        if (streamed) write('\n');
        showTurn(turn, true);
      }
    } catch (error) {
      const message = (error as Error).message;
      const allowed = (error as { details?: { allowedEvents?: string[] } }).details?.allowedEvents;
      const listed = allowed?.length && !/allowed events:/i.test(message);
      write(`! ${message}${listed ? ` (allowed here: ${allowed.join(', ')})` : ''}\n`);
    }
    prompt();
  }
  rl.close();
}
