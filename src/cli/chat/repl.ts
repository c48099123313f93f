import type { SessionStatus } from '../../sessions/index.ts';
import type { ChatBackend, ChatTurn } from './backend.ts';
import { type ChatContext, chatCommands } from './chat-commands.ts';
import { type Entry, LineSource } from './line-source.ts';

export { slashCommands } from './chat-commands.ts';

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

/** The states in which the mentor waits for a plan (a first, revised or corrected one). */
const planStates = new Set(['PLAN_DECOMPOSITION', 'REFINE_PLAN', 'CORRECT_PLAN']);

/**
 * A numbered first step typed alone ("1. Write the tests", "1) …"): the start of a plan typed one
 * step per Enter, not a whole plan. A line that goes on to "2." is a one-line plan, sent as it is.
 */
function isFirstPlanStep(line: string): boolean {
  const first = /^\s*1([.)])(?:\s|$)/.exec(line);
  if (!first) return false;
  return !new RegExp(`\\s2\\${first[1]}\\s`).test(line);
}

/** A line that starts with a known command (`/quit`, `/status now`), not a path like `/books`. */
function isCommandLine(line: string): boolean {
  const name = /^\s*(\/\S+)/.exec(line)?.[1]?.toLowerCase();
  return name !== undefined && (name === '/plan' || Object.hasOwn(chatCommands, name));
}

/**
 * The chat loop: what the learner enters becomes a message (a pasted block, or lines joined with a
 * trailing `\`, is one message), `/…` lines commands, `/plan` a multi-line plan; the state shows in
 * the prompt.
 */
export async function runRepl(options: ReplOptions): Promise<void> {
  const { backend, sessionId } = options;
  const out = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let state = options.state;
  let status = options.status;
  const write = (text: string) => out.write(text);
  const source = new LineSource({
    input: options.input ?? process.stdin,
    output: out,
    interactive,
  });
  const prompt = () => source.prompt(`\x1b[2m[${state}]\x1b[0m you> `);

  const showTurn = (turn: ChatTurn, streamed = false) => {
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
  const ctx: ChatContext = { backend, sessionId, write, showTurn: (t) => showTurn(t), out };

  const sendMessage = async (text: string) => {
    // The prefix is written with the first piece, so that a refused message prints only the error.
    let streamed = false;
    const turn = await backend.sendMessage(sessionId, text, (piece) => {
      if (!streamed) write('mentor> ');
      streamed = true;
      write(piece);
    });
    if (streamed) write('\n');
    showTurn(turn, true);
  };
  const echo = (text: string) => {
    if (!interactive) write(`you> ${text.replace(/\n/g, '\n     ')}\n`);
  };

  /** `/plan`: lines until a line `.` or Ctrl-D / the end of the input; `first` came with the command. */
  const readPlan = async (
    first: readonly string[],
  ): Promise<{ plan: string[]; ended: boolean }> => {
    const plan: string[] = [];
    source.editing = true;
    try {
      let lines = first;
      for (;;) {
        for (const line of lines) {
          if (line.trim() === '.') return { plan, ended: false };
          plan.push(line);
        }
        source.prompt('plan> ');
        const entry = await source.next();
        if (entry.eof) return { plan, ended: entry.eof === 'hard' };
        lines = entry.lines;
      }
    } finally {
      source.editing = false;
    }
  };

  /** The plan editor: the lines it starts with, then more until "."; the plan is one message. */
  const editPlan = async (first: readonly string[]): Promise<boolean> => {
    const { plan, ended } = await readPlan(first);
    const text = plan.join('\n').trim();
    if (!text) write('! /plan: empty plan, nothing sent\n');
    else {
      echo(text);
      await sendMessage(text);
    }
    return ended;
  };

  /** Runs one slash command line; true ends the chat. */
  const command = async (line: string, rest: readonly string[]): Promise<boolean> => {
    const [, name = '', arg = ''] = /^(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
    if (name.toLowerCase() === '/plan') {
      write('Type the plan, one step per line; end it with a line "." (or Ctrl-D).\n');
      return editPlan([...(arg ? [arg] : []), ...rest]);
    }
    const run = chatCommands[name.toLowerCase()];
    if (!run) {
      write(`! unknown command ${name}; /help lists them\n`);
      return false;
    }
    return (await run([arg, ...rest].join('\n').trim(), ctx)) === true;
  };

  /** One entry: a message, a command (with the lines pasted after it), or several commands. */
  const handle = async (lines: readonly string[]): Promise<boolean> => {
    const first = lines[0]!.trim();
    if (first.startsWith('/')) {
      if (first.toLowerCase().startsWith('/plan')) return command(first, lines.slice(1));
      // Several commands pasted at once run one by one; other lines belong to the command.
      if (lines.every((l) => l.trim().startsWith('/') || !l.trim())) {
        for (const l of lines.filter((l) => l.trim())) {
          if (!interactive) write(`you> ${l.trim()}\n`);
          if (await command(l.trim(), [])) return true;
        }
        return false;
      }
      if (!interactive) write(`you> ${first}\n`);
      return command(first, lines.slice(1));
    }
    // A plan typed one step per Enter: its numbered first step opens the /plan editor, so the steps
    // that follow join it and the plan goes as one message, not as one plan per line.
    if (lines.length === 1 && planStates.has(state) && isFirstPlanStep(first)) {
      write(
        'A numbered step: the plan editor is open (as /plan). Type the next steps, one per line; end the plan with a line "." (or Ctrl-D).\n',
      );
      return editPlan(lines);
    }
    // A command typed right after a message (quicker than the paste window) is still a command.
    const at = lines.findIndex((l) => isCommandLine(l));
    const text = (at === -1 ? lines : lines.slice(0, at)).join('\n').trim();
    echo(text);
    await sendMessage(text);
    return at === -1 ? false : handle(lines.slice(at));
  };

  prompt();
  // A line ending in `\` continues on the next one (typed plans, piped input).
  let pending: string[] = [];
  for (;;) {
    const entry: Entry = await source.next();
    if (entry.eof === 'hard') break;
    if (entry.eof) {
      prompt();
      continue;
    }
    const lines = entry.lines.map((l) => l.replace(/\\\s*$/, '').trimEnd());
    if (/\\\s*$/.test(entry.lines[entry.lines.length - 1] ?? '')) {
      pending.push(...lines);
      source.prompt('... ');
      continue;
    }
    const all = [...pending, ...lines];
    pending = [];
    while (all.length && !all[0]!.trim()) all.shift();
    if (!all.length) {
      prompt();
      continue;
    }
    try {
      if (await handle(all)) break;
    } catch (error) {
      const message = (error as Error).message;
      const allowed = (error as { details?: { allowedEvents?: string[] } }).details?.allowedEvents;
      const listed = allowed?.length && !/allowed events:/i.test(message);
      write(`! ${message}${listed ? ` (allowed here: ${allowed.join(', ')})` : ''}\n`);
    }
    prompt();
  }
  source.close();
}
