/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week, UTC): `*`, `N`, `A-B`,
 * `*\/S`, `A-B/S` and lists of them. Day-of-week 0 and 7 are Sunday. When both day fields are
 * restricted, a day matches either (as in Vixie cron).
 */
export interface Cron {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

const fields = [
  ['minute', 0, 59],
  ['hour', 0, 23],
  ['day of month', 1, 31],
  ['month', 1, 12],
  ['day of week', 0, 7],
] as const;

function parseField(text: string, name: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`${name}: cannot read "${part}"`);
    const step = m[4] === undefined ? 1 : Number(m[4]);
    let from = min;
    let to = max;
    if (m[1] !== '*') {
      from = Number(m[2]);
      to = m[3] === undefined ? (m[4] === undefined ? from : max) : Number(m[3]);
    }
    if (from < min || to > max || from > to || step < 1)
      throw new Error(`${name}: "${part}" is outside ${min}-${max}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Parse a cron expression or throw an Error saying which field is wrong. */
export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5)
    throw new Error(`expected 5 fields (minute hour day month weekday), got ${parts.length}`);
  const sets = parts.map((p, i) => parseField(p, fields[i]![0], fields[i]![1], fields[i]![2]));
  const weekdays = sets[4]!;
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes: sets[0]!,
    hours: sets[1]!,
    days: sets[2]!,
    months: sets[3]!,
    weekdays,
    daysRestricted: parts[2] !== '*',
    weekdaysRestricted: parts[4] !== '*',
  };
}

function matchesDay(cron: Cron, date: Date): boolean {
  const day = cron.days.has(date.getUTCDate());
  const weekday = cron.weekdays.has(date.getUTCDay());
  if (cron.daysRestricted && cron.weekdaysRestricted) return day || weekday;
  return day && weekday;
}

const minute = 60_000;

/** The latest fire time at or before `at` (ms), searching back at most `horizonMs`; undefined if none. */
export function previousFire(
  cron: Cron,
  at: number,
  horizonMs = 366 * 86_400_000,
): number | undefined {
  let t = Math.floor(at / minute) * minute;
  const stop = at - horizonMs;
  while (t >= stop) {
    const d = new Date(t);
    if (!cron.months.has(d.getUTCMonth() + 1) || !matchesDay(cron, d)) {
      // Jump to the last minute of the previous day.
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - minute;
      continue;
    }
    if (!cron.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()) - minute;
      continue;
    }
    if (cron.minutes.has(d.getUTCMinutes())) return t;
    t -= minute;
  }
  return undefined;
}

/**
 * Scaled time: a schedule's clock runs `1 / timeScale` times as fast as the wall clock from its
 * anchor (its creation), so with TIME_SCALE=0.01 a once-a-minute schedule fires every 0.6 s. Every
 * process computes the same fire times from the same anchor.
 */
export function toScheduleTime(wallMs: number, anchorMs: number, timeScale: number): number {
  return anchorMs + (wallMs - anchorMs) / timeScale;
}
