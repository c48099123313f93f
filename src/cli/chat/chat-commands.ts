/**
 * The chat's slash commands. Each gets what it typed after its name and the chat's context; a
 * command that returns `true` ends the chat.
 */
import { toMermaid } from '../../machine/index.ts';
import { isMachineName, machines } from '../../domain/machines/index.ts';
import { commandWords } from '../report/command-words.ts';
import { runReport } from '../report/run-report.ts';
import type { ChatBackend, ChatTurn } from './backend.ts';
import { eventExamples } from './event-examples.ts';
import { storyPhase } from './story-phase.ts';

export const slashCommands = {
  '/plan':
    'write a multi-line plan; end it with a line "." (or Ctrl-D); while planning, a line starting "1." opens it too',
  '/report <command>': 'run a check and send its result, e.g. /report npx vitest run',
  '/status': 'state, phase, current task, allowed events and timers',
  '/hint': 'ask for a hint (a help request)',
  '/pause': 'pause the session (timers stop)',
  '/resume': 'resume a paused session',
  '/history': 'the transitions so far',
  '/diagram': 'the session’s state machine as mermaid',
  '/event <type> [json]': 'send any event (the types and an example each are below)',
  '/help': 'this list',
  '/quit': 'leave (the session stays; resume it with --session)',
} as const;

export interface ChatContext {
  readonly backend: ChatBackend;
  readonly sessionId: string;
  readonly write: (text: string) => void;
  /** Shows what a turn did (replies, state and status changes). */
  readonly showTurn: (turn: ChatTurn) => void;
  /** The chat's output stream (a /report command's output goes there too). */
  readonly out: NodeJS.WritableStream;
}

type Command = (arg: string, ctx: ChatContext) => Promise<boolean | undefined>;

const help: Command = async (_arg, { write }) => {
  for (const [name, what] of Object.entries(slashCommands)) write(`  ${name.padEnd(22)} ${what}\n`);
  write(
    '\nA message of several lines: paste it, use /plan, or end a line with \\ to continue it.\n' +
      '\nEvents (/event <type> <json>), with an example each:\n',
  );
  for (const [type, { example, what }] of Object.entries(eventExamples))
    write(`  /event ${type} ${example}\n      ${what}\n`);
  return undefined;
};

const status: Command = async (_arg, { backend, sessionId, write }) => {
  const s = await backend.getSession(sessionId);
  write(`session ${s.id} · ${s.story.title}\n`);
  write(`  state: ${s.statePath.join(' › ')} (version ${s.version}, ${s.status})\n`);
  const phase = s.machine === 'story' ? storyPhase(s.statePath) : null;
  if (phase) write(`  phase: ${phase}\n`);
  write(`  current task: ${s.currentTask ?? '— (no plan yet)'}\n`);
  // The adaptive mentor's factors, with the history behind each (src/sessions/adaptive).
  for (const line of s.adaptive?.explanation ?? []) write(`  adaptive: ${line}\n`);
  write(`  in this state since: ${s.enteredAt}\n`);
  write(`  allowed events: ${s.allowedEvents.join(', ') || '—'}\n`);
  for (const t of (s.timers ?? []) as { kind: string; dueAt: string }[])
    write(`  timer ${t.kind} due ${t.dueAt}\n`);
  return undefined;
};

const report: Command = async (arg, ctx) => {
  const command = commandWords(arg);
  if (!command.length) {
    ctx.write('! usage: /report <command>, e.g. /report npx vitest run\n');
    return undefined;
  }
  const outcome = await runReport({
    sessionId: ctx.sessionId,
    command,
    cwd: process.cwd(),
    // The chat's own backend: report must not close it.
    backend: async () => ({ ...ctx.backend, close: async () => {} }),
    out: ctx.out,
    err: ctx.out,
    stdin: 'ignore',
  });
  for (const { turn } of outcome.posted) ctx.showTurn(turn);
  ctx.write(`[report] ${command[0]} exited ${outcome.exitCode}\n`);
  return undefined;
};

const event: Command = async (arg, ctx) => {
  // The JSON is taken as typed: splitting on whitespace would collapse spaces inside its strings.
  const [, type, json = ''] = /^(\S+)\s*([\s\S]*)$/.exec(arg.trim()) ?? [];
  if (!type) {
    ctx.write('! usage: /event <type> [json data]; /help lists the types with examples\n');
    return undefined;
  }
  let data: Record<string, unknown> = {};
  if (json) {
    try {
      data = JSON.parse(json) as Record<string, unknown>;
    } catch {
      const known = eventExamples[type as keyof typeof eventExamples];
      ctx.write(
        `! /event: the data after the type must be JSON${known ? `, e.g. /event ${type} ${known.example}` : ''}\n`,
      );
      return undefined;
    }
  }
  ctx.showTurn(await ctx.backend.sendEvent(ctx.sessionId, { type, data }));
  return undefined;
};

const send =
  (type: string, data: Record<string, unknown> = {}): Command =>
  async (_arg, ctx) => {
    ctx.showTurn(await ctx.backend.sendEvent(ctx.sessionId, { type, data }));
    return undefined;
  };

/** Every command but /plan, which the chat loop runs (it reads the following lines). */
export const chatCommands: Record<string, Command> = {
  '/quit': async () => true,
  '/exit': async () => true,
  '/help': help,
  '/status': status,
  '/report': report,
  '/event': event,
  '/hint': send('help-request', { text: 'I would like a hint' }),
  '/pause': send('pause'),
  '/resume': send('resume'),
  '/history': async (_arg, { backend, sessionId, write }) => {
    const transitions = await backend.transitions(sessionId);
    for (const t of transitions) write(`  ${t.at}  ${t.from} --${t.event}--> ${t.to}\n`);
    if (!transitions.length) write('  (no transitions yet)\n');
    return undefined;
  },
  '/diagram': async (_arg, { backend, sessionId, write }) => {
    const s = await backend.getSession(sessionId);
    if (!isMachineName(s.machine)) write(`! unknown machine ${s.machine}\n`);
    else write(`${toMermaid(machines[s.machine])}\n%% current state: ${s.statePath.join(' › ')}\n`);
    return undefined;
  },
};
