/**
 * `mentorflow report` and the chat's `/report`: run the learner's command, read its real output
 * with the project's parsers, and post the events to the session with ids that make a repeated
 * post of the same run a no-op, while every new run is a new report.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatBackend, ChatTurn } from '../chat/backend.ts';
import { readReports, type ReportEvent } from './report-events.ts';
import { runCommand } from './run-command.ts';
import { planCommand } from './tool-plan.ts';

/**
 * The stable id of one report event, from the run (a nonce made once per `report` invocation), the
 * session, the command and the output: a post of the same run retried keeps its id and is applied
 * once, while a new run is a new event even when its output is the same as the last one (a clean
 * tsc, ESLint or npm audit prints the same thing every time, and the latest report must count).
 */
export function reportEventId(
  runId: string,
  sessionId: string,
  command: readonly string[],
  event: Pick<ReportEvent, 'type' | 'raw'>,
): string {
  const hash = createHash('sha256')
    .update(runId)
    .update('\0')
    .update(sessionId)
    .update('\0')
    .update(command.join('\0'))
    .update('\0')
    .update(event.type)
    .update('\0')
    .update(event.raw)
    .digest('hex');
  return `report:${hash.slice(0, 40)}`;
}

export interface ReportOptions {
  readonly sessionId: string;
  readonly command: readonly string[];
  readonly cwd: string;
  /** Opens the session's backend; called after the command ran, so a dead server never stops it. */
  readonly backend: () => Promise<ChatBackend>;
  /** The command's output and `report`'s own lines. */
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  readonly stdin: 'inherit' | 'ignore';
}

export interface ReportOutcome {
  /** The command's own exit code. */
  readonly exitCode: number;
  /** The events posted, with what each turn said. */
  readonly posted: readonly { event: ReportEvent; id: string; turn: ChatTurn }[];
  /** Why (part of) the report could not be posted; empty when every event went in. */
  readonly errors: readonly string[];
}

/** Runs the command and posts what it reported; never throws for the learner's input. */
export async function runReport(options: ReportOptions): Promise<ReportOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'mentorflow-report-'));
  // One nonce per run: every event of this run, and any retry of its posts, carries it.
  const runId = randomUUID();
  const errors: string[] = [];
  const posted: { event: ReportEvent; id: string; turn: ChatTurn }[] = [];
  try {
    const plan = planCommand(options.command, options.cwd, dir);
    const startedAt = Date.now();
    const run = await runCommand(plan.argv, {
      cwd: options.cwd,
      stdout: plan.quietOutput ? null : options.out,
      stderr: options.err,
      stdin: options.stdin,
      env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
    });
    const note = (line: string) => options.err.write(`mentorflow: ${line}\n`);
    let events: ReportEvent[] = [];
    try {
      const read = readReports(plan, run, startedAt);
      events = read.events;
      errors.push(...read.problems);
    } catch (error) {
      errors.push(`cannot read the ${plan.tool} output: ${(error as Error).message}`);
    }
    if (run.exitCode === 127 && plan.tool === 'build') {
      errors.push(`${options.command[0]}: command not found; nothing reported`);
      events = [];
    }
    for (const e of events) note(`${e.type}: ${e.summary}`);
    if (events.length) {
      let backend: ChatBackend | undefined;
      try {
        backend = await options.backend();
        for (const event of events) {
          const id = reportEventId(runId, options.sessionId, options.command, event);
          const turn = await backend.sendEvent(options.sessionId, {
            id,
            type: event.type,
            data: event.data,
          });
          posted.push({ event, id, turn });
        }
      } catch (error) {
        errors.push(`could not post the report: ${(error as Error).message}`);
      } finally {
        await backend?.close().catch(() => undefined);
      }
    }
    for (const e of errors) note(e);
    return { exitCode: run.exitCode, posted, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
