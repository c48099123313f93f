import { Command } from 'commander';
import { assertServableHost, loadConfig } from '../../config/index.ts';
import type { App } from '../../app.ts';
import type { RunningServer } from '../../app/listen.ts';
import { fail, say } from '../output.ts';

/** `mentorflow start`: database (embedded unless DATABASE_URL) + migrations + HTTP server, until a signal. */
export function startCommand(): Command {
  return new Command('start')
    .description(
      'start the database (embedded unless DATABASE_URL is set), apply migrations and serve the HTTP API',
    )
    .option('--port <port>', 'port to listen on (overrides PORT)')
    .option('--host <host>', 'address to bind (overrides HOST)')
    .action(async (options: { port?: string; host?: string }) => {
      try {
        await start(options);
      } catch (error) {
        fail(error);
        process.exit();
      }
    });
}

async function start(options: { port?: string; host?: string }): Promise<void> {
  const started = performance.now();
  const cfg = loadConfig(process.env, { PORT: options.port, HOST: options.host });
  // Before the database starts, so a refused HOST leaves nothing running.
  assertServableHost(cfg);

  // Signals are handled from the first moment: a SIGTERM while the database or the workers are
  // still starting lets the start finish, then stops all of it (Node's default would kill the
  // process and leave an embedded server or a half-started worker behind).
  let app: App | undefined;
  let server: RunningServer | undefined;
  let startup: Promise<void> = Promise.resolve();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      say(`mentorflow: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    say(`mentorflow: ${signal} received, shutting down…`);
    const force = setTimeout(() => {
      say('mentorflow: shutdown took too long, exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    await startup.catch(() => undefined);
    await server?.close(3000);
    // Stops the workers, then closes the storage, which closes the database (and the embedded server).
    await app?.close();
    say('mentorflow: stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  say(
    cfg.DATABASE_URL
      ? 'mentorflow: connecting to DATABASE_URL…'
      : `mentorflow: starting embedded PostgreSQL in ${cfg.DATA_DIR}…`,
  );
  startup = (async () => {
    const { createApp } = await import('../../app.ts');
    const { serverConfig } = await import('../../http/server-config.ts');
    const { normaliseErrorBodies } = await import('../../http/json-errors.ts');
    const { createHttpApp } = await import('../../app/http-app.ts');
    const { listen } = await import('../../app/listen.ts');
    const { logUnhandledRejections } = await import('../../app/process-guards.ts');

    // The same app and HTTP surface `src/mastra/index.ts` gives `mastra dev` and `mastra build`.
    app = await createApp(cfg, { server: serverConfig });
    logUnhandledRejections(app.logger);
    const http = await createHttpApp(app.mastra, {
      frameworkPublic: [normaliseErrorBodies(app.logger)],
    });
    server = await listen(http, cfg.HOST, cfg.PORT);
    // Mastra's workers include mentorflow's background worker (timers, recovery, sweep), as under `mastra dev`.
    await app.mastra.startWorkers();
    say(
      `mentorflow: listening on ${server.url} (database ${app.database.kind}, auth ${cfg.MENTORFLOW_API_KEYS.length ? 'on' : 'off'}) — ready in ${Math.round(performance.now() - started)} ms`,
    );
    if (cfg.MENTORFLOW_API_KEYS.length === 0)
      app.logger.warn(
        'API auth is off: MENTORFLOW_API_KEYS is not set (allowed on a loopback HOST only)',
      );
  })();
  await startup;
}
