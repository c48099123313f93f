import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { projectRoot } from '../paths.ts';

/**
 * Every environment variable mentorflow reads, parsed once. Defaults are the embedded, offline,
 * loopback-only setup a fresh clone runs with. Options passed in code override env (see `loadConfig`).
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const int = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .min(min, `expected ${what}`)
    .max(max, `expected ${what}`);

const emailList = optionalString.transform((v, ctx) => {
  const emails = (v ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const email of emails)
    if (!/^[^\s@,]+@[^\s@,]+$/.test(email))
      ctx.addIssue({ code: 'custom', message: `expected a comma list of e-mail addresses` });
  return emails;
});

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** A duration: milliseconds (`90000`) or a number with a unit (`1500ms`, `90s`, `30m`, `2h`, `1d`). */
const duration = (fallbackMs: number) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return fallbackMs;
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(v);
    const ms = match ? Math.round(Number(match[1]) * units[match[2] ?? 'ms']!) : Number.NaN;
    if (!Number.isFinite(ms) || ms < 1 || ms > 30 * 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected a duration: milliseconds or e.g. 90s, 30m, 2h (at most 30d)',
      });
      return fallbackMs;
    }
    return ms;
  });

export const configSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /**
   * Resolved from the project root, never the working directory: `mastra dev` runs in
   * `src/mastra/public`, and every way of starting must use the same database.
   */
  DATA_DIR: z
    .string()
    .trim()
    .min(1, 'expected a directory path')
    .default('.data')
    .transform((dir) => resolve(projectRoot, dir)),
  HOST: z.string().trim().min(1, 'expected a host name or IP address').default('127.0.0.1'),
  PORT: int(0, 65535, 'an integer port between 0 and 65535').default(4111),
  /** Comma list of API keys; `key:learnerId` scopes a key to one learner's sessions. */
  MENTORFLOW_API_KEYS: optionalString.transform((v) =>
    (v ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  ),
  LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
      error: 'expected one of trace, debug, info, warn, error, fatal, silent',
    })
    .default('info'),
  /** Default model as `provider/model-id` (e.g. `openai/gpt-4o-mini`, `rules/auto`). */
  MODEL: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9-]+\/.+$/i, 'expected provider/model-id, e.g. openai/gpt-4o-mini')
      .optional(),
  ),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url({ error: 'expected an http(s) URL' }).optional()),
  /** Per-request model timeout. */
  MODEL_TIMEOUT_MS: int(100, 600_000, 'milliseconds between 100 and 600000').default(30_000),
  /**
   * Multiplies every mentoring duration (timeouts, check-ins, reminders). 1 = the seed's real
   * durations; tests use e.g. 0.0017 so 15 minutes become ~1.5 s. Nothing sleeps: timers are jobs.
   */
  TIME_SCALE: z.coerce
    .number({ error: 'expected a positive number' })
    .positive('expected a positive number')
    .max(1000, 'expected a positive number up to 1000')
    .default(1),
  /**
   * History retention (seed 002): processed events a session keeps with their outcomes, turns and
   * transitions; older ones are pruned by a durable job. Also the window in which a repeated event id
   * is recognised.
   */
  HISTORY_RETENTION_EVENTS: int(10, 10_000_000, 'a count between 10 and 10000000').default(1000),
  /** …and nothing older than this many days (0: no age limit). */
  HISTORY_RETENTION_DAYS: int(0, 36_500, 'days between 0 and 36500').default(90),
  /**
   * …and at most this many messages on a session's agent thread (Mastra memory). The agents recall
   * only the last 20; the conversation itself stays in the session's history (its turns' replies).
   */
  HISTORY_RETENTION_MESSAGES: int(20, 10_000_000, 'a count between 20 and 10000000').default(40),
  /**
   * Share of turns and runs traced for Studio (workflow steps, agent calls with model and tokens),
   * stored in the app database: 0 = off (the default: a trace is ~100 span rows), 1 = every one
   * (`npm run dev` sets 1, so Studio shows every turn).
   */
  TRACE_SAMPLE_RATIO: z.coerce
    .number({ error: 'expected a number between 0 and 1' })
    .min(0, 'expected a number between 0 and 1')
    .max(1, 'expected a number between 0 and 1')
    .default(0),
  /** Shared secret for `POST /api/webhooks/:source` HMAC signatures; webhooks are refused without it. */
  WEBHOOK_SECRET: optionalString,
  /** Largest accepted request body. */
  MAX_BODY_BYTES: int(1024, 100 * 1024 * 1024, 'a byte count between 1024 and 104857600').default(
    1024 * 1024,
  ),
  /**
   * How each session event is processed: `workflow` = one `mentor-turn` Mastra run per event (visible
   * in Studio; a few ms more per event), `direct` = the same turn in-process without a workflow run
   * (highest throughput). Both commit the turn exactly once.
   */
  TURN_RUNNER: z
    .enum(['workflow', 'direct'], { error: 'expected workflow or direct' })
    .default('workflow'),
  /**
   * Comma list of URLs that receive every notification, signed with NOTIFY_WEBHOOK_SECRET; a URL
   * written `slack+https://…` is a Slack incoming webhook and gets Slack's `{ text, blocks }` payload.
   */
  NOTIFY_WEBHOOK_URLS: optionalString.transform((v, ctx) => {
    const urls = (v ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    for (const url of urls)
      if (!/^(slack\+)?https?:\/\/[^\s]+$/.test(url))
        ctx.addIssue({ code: 'custom', message: 'expected a comma list of http(s) URLs' });
    return urls;
  }),
  /** HMAC-SHA256 key of the `x-mentorflow-signature` header on outbound webhooks. */
  NOTIFY_WEBHOOK_SECRET: optionalString,
  /** Mail server for notification e-mail, `smtp://host:port` (or `smtps://`, credentials in the URL). */
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'expected smtp://host:port or smtps://host:port')
      .optional(),
  ),
  SMTP_FROM: z.string().trim().min(1).default('mentorflow <mentorflow@localhost>'),
  /** Comma list of e-mail addresses told when a learner has no available mentor, and at level 2. */
  ONCALL_EMAILS: emailList,
  /** An escalation not acknowledged this long goes to the next level. Scaled by TIME_SCALE. */
  ESCALATION_ACK_TIMEOUT: duration(30 * 60_000),
  /** Attempts per delivery before it is dead-lettered. */
  NOTIFY_MAX_ATTEMPTS: int(1, 100, 'an integer between 1 and 100').default(10),
  /** Wait after the first failed attempt; doubles after each (capped at 6 h). Scaled by TIME_SCALE. */
  NOTIFY_RETRY_BASE: duration(30_000),
  /**
   * Who approves implementation runs when the start body names nobody: comma list of e-mail
   * addresses, mentor ids or `oncall` (anything else goes to the on-call list too).
   */
  APPROVAL_APPROVERS: optionalString,
  /** Who is told when an approval is not answered in time (same form); default the on-call list. */
  APPROVAL_ESCALATE_TO: optionalString,
  /** Run the timer worker in this process (set to false for API-only processes). */
  WORKER: z
    .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = Partial<Record<keyof Config, string | undefined>>;

/**
 * Parse configuration from `env` (default `process.env`), with `overrides` taking precedence.
 * Throws a CONFIG_ERROR whose message is one line naming the variable and what was expected.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigInput = {},
): Config {
  const source: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) {
    source[key] = overrides[key as keyof Config] ?? env[key];
  }
  const result = configSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'environment');
  const got = source[variable];
  const shown =
    variable.includes('KEY') || variable.includes('SECRET')
      ? ''
      : got === undefined
        ? ''
        : ` (got ${JSON.stringify(got)})`;
  throw new AppError('CONFIG_ERROR', `Invalid ${variable}: ${issue.message}${shown}`, {
    field: variable,
  });
}

let cached: Config | undefined;

/** The process configuration, parsed from `process.env` on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/** Forget the cached configuration (tests that change env between cases). */
export function resetConfig(): void {
  cached = undefined;
}

/** True when HOST is a loopback address, where running without API keys is allowed. */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * Refuses to serve beyond this machine without API keys: a non-loopback HOST needs
 * MENTORFLOW_API_KEYS. Checked by every way of starting the server.
 */
export function assertServableHost(cfg: Pick<Config, 'HOST' | 'MENTORFLOW_API_KEYS'>): void {
  if (cfg.MENTORFLOW_API_KEYS.length === 0 && !isLoopbackHost(cfg.HOST)) {
    throw new AppError(
      'CONFIG_ERROR',
      `Invalid HOST: ${cfg.HOST} is not a loopback address and MENTORFLOW_API_KEYS is not set; set API keys before serving beyond this machine`,
      { field: 'HOST' },
    );
  }
}
