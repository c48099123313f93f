import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { AppError } from '../../errors/app-error.ts';
import type { SessionStatus } from '../../sessions/index.ts';
import type { ChatBackend } from '../chat/backend.ts';
import { httpBackend } from '../chat/http-backend.ts';
import { runRepl } from '../chat/repl.ts';
import { fail, say } from '../output.ts';

interface ChatOptions {
  story?: string;
  learner?: string;
  session?: string;
  url?: string;
}

/** `mentorflow chat`: a mentoring session in the terminal, against a server (`--url`) or in-process. */
export function chatCommand(): Command {
  return new Command('chat')
    .description(
      'mentoring chat on a story: creates (--story) or resumes (--session) a session; type /help for commands',
    )
    .option(
      '--story <file>',
      'story file (markdown with front matter, or YAML) to start a new session on',
    )
    .option('--learner <id>', 'learner id (default: your user name)')
    .option('--session <id>', 'resume this session')
    .option(
      '--url <url>',
      'talk to a running server (key from MENTORFLOW_API_KEY) instead of running in-process',
    )
    .action(async (options: ChatOptions) => {
      let backend: ChatBackend | undefined;
      try {
        if (!options.story && !options.session) {
          throw new AppError(
            'VALIDATION_ERROR',
            'give --story <file> to start a session, or --session <id> to resume one',
            { field: 'story' },
          );
        }
        let storyText: string | undefined;
        if (options.story && !options.session) {
          try {
            storyText = readFileSync(options.story, 'utf8');
          } catch (cause) {
            throw new AppError(
              'VALIDATION_ERROR',
              `--story: cannot read ${options.story} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`,
              { field: 'story', cause },
            );
          }
        }
        if (options.url && !/^https?:\/\//.test(options.url))
          throw new AppError('VALIDATION_ERROR', '--url: expected an http(s) URL', {
            field: 'url',
          });
        // Log lines would interleave with the conversation; LOG_LEVEL still overrides.
        process.env.LOG_LEVEL ??= 'warn';
        if (!options.url)
          say('mentorflow: starting in-process (embedded database unless DATABASE_URL is set)…');
        backend = options.url
          ? httpBackend(options.url)
          : await (await import('../chat/local-backend.ts')).localBackend();

        let sessionId: string;
        let state: string;
        let status: SessionStatus;
        if (options.session) {
          const session = await backend.getSession(options.session);
          sessionId = session.id;
          state = session.state;
          status = session.status;
          const transitions = await backend.transitions(sessionId);
          process.stdout.write(
            `resumed session ${sessionId} · ${session.story.title}\n[state] ${session.statePath.join(' › ')} (version ${session.version}, ${session.status}, ${transitions.length} transitions so far)\n`,
          );
        } else {
          const learnerId = options.learner ?? (userInfo().username || 'learner');
          const created = await backend.createSession({ learnerId, story: storyText! });
          sessionId = created.session.id;
          state = created.session.state;
          status = created.session.status;
          process.stdout.write(
            `session ${sessionId} · ${created.session.story.title} · learner ${learnerId}\n[state] ${state}\n`,
          );
          for (const reply of created.replies) process.stdout.write(`mentor> ${reply.text}\n`);
        }
        await runRepl({ backend, sessionId, state, status });
        process.stdout.write(
          `\nsession ${sessionId} saved — resume with: mentorflow chat --session ${sessionId}${options.url ? ` --url ${options.url}` : ''}\n`,
        );
      } catch (error) {
        fail(error);
      } finally {
        await backend?.close().catch(() => undefined);
      }
    });
}
