import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { AppError, isAppError } from '../../errors/app-error.ts';
import type { ChatBackend } from '../chat/backend.ts';
import { httpBackend } from '../chat/http-backend.ts';
import { fail, say } from '../output.ts';
import { runReport } from '../report/run-report.ts';

interface ReportCliOptions {
  session?: string;
  url?: string;
  key?: string;
  cwd?: string;
}

/**
 * Exit code when the command succeeded but its report could not be posted (unknown session, server
 * down): EX_TEMPFAIL from sysexits.h, so it never reads as the command's own failure (tsc exits 2 on
 * type errors, vitest and ESLint 1).
 */
export const REPORT_NOT_POSTED = 75;
/** Exit code for a usage error found before the command runs (no session, a bad --url or --cwd): EX_USAGE. */
export const REPORT_USAGE = 64;

const exitCodesHelp = `
Exit code: the command's own; ${REPORT_NOT_POSTED} when the command passed but nothing could be posted
(unknown session, server unreachable; run it again later); ${REPORT_USAGE} for a usage error (no session,
a bad --url or --cwd: the command did not run); 127 when the command cannot start.`;

/**
 * `mentorflow report --session <id> [--url U] [--key K] -- <command…>`: runs the learner's own
 * command (tests, tsc, ESLint, a build, npm audit, coverage), shows its output, and posts what it
 * reported to the session. The exit code is the command's; when the command succeeded but nothing
 * could be posted it is 75 (REPORT_NOT_POSTED), so a hook or script notices.
 */
export function reportCommand(): Command {
  return new Command('report')
    .description(
      'run a check (tests, tsc, eslint, build, npm audit, coverage) and post its result to a session; e.g. mentorflow report --session <id> -- npx vitest run',
    )
    .option('--session <id>', 'the session to report to (default: MENTORFLOW_SESSION)')
    .option('--url <url>', 'post to a running server instead of in-process')
    .option('--key <key>', 'API key for --url (default: MENTORFLOW_API_KEY)')
    .option('--cwd <dir>', 'run the command in this directory (default: the current one)')
    .argument('<command...>', 'the command to run, after --')
    .addHelpText('after', exitCodesHelp)
    .passThroughOptions()
    .action(async (command: string[], options: ReportCliOptions) => {
      try {
        const sessionId = options.session ?? process.env.MENTORFLOW_SESSION;
        if (!sessionId)
          throw new AppError(
            'VALIDATION_ERROR',
            'give --session <id> (or set MENTORFLOW_SESSION)',
            {
              field: 'session',
            },
          );
        if (options.url && !/^https?:\/\//.test(options.url))
          throw new AppError('VALIDATION_ERROR', '--url: expected an http(s) URL', {
            field: 'url',
          });
        if (options.cwd && !existsSync(options.cwd))
          throw new AppError('VALIDATION_ERROR', `--cwd: no directory ${options.cwd}`, {
            field: 'cwd',
          });
        process.env.LOG_LEVEL ??= 'warn';
        const backend = async (): Promise<ChatBackend> => {
          const opened = options.url
            ? httpBackend(options.url, options.key ?? process.env.MENTORFLOW_API_KEY)
            : await (await import('../chat/local-backend.ts')).localBackend({ workers: false });
          return opened;
        };
        const outcome = await runReport({
          sessionId,
          command,
          cwd: resolve(options.cwd ?? '.'),
          backend,
          out: process.stdout,
          err: process.stderr,
          stdin: 'inherit',
        });
        for (const { turn } of outcome.posted) {
          for (const reply of turn.replies) say(`mentor> ${reply.text}`);
          if (!turn.replies.length && 'reason' in turn.outcome)
            say(`[${turn.outcome.status}] ${turn.outcome.reason}`);
        }
        const last = outcome.posted.at(-1);
        if (last) say(`[state] ${last.turn.session.state}`);
        process.exitCode =
          outcome.exitCode !== 0 || outcome.errors.length === 0
            ? outcome.exitCode
            : REPORT_NOT_POSTED;
      } catch (error) {
        // The checks above refuse before the command runs; anything else means nothing was posted.
        const usage = isAppError(error) && error.code === 'VALIDATION_ERROR';
        fail(error, usage ? REPORT_USAGE : REPORT_NOT_POSTED);
      }
    });
}
