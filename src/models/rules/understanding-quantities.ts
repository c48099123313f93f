import { stem } from './text.ts';

/**
 * Quantities in a story or a restatement, each tagged with what it measures, so that two numbers are
 * only compared when they are about the same thing: durations in seconds, sizes in bytes, times of
 * day, pixel sizes, HTTP statuses, exit codes, defaults, limits, or "N <noun>" counts of one noun.
 */
export interface Quantity {
  /** What is measured: "time", "size", "clock", "status", "exit", "default", "max", "min", "w:<noun stem>"... */
  dims: string[];
  value: number;
  raw: string;
}

const seconds: Readonly<Record<string, number>> = {
  ms: 0.001,
  millisecond: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  d: 86400,
  day: 86400,
  week: 604800,
  month: 2592000,
  year: 31536000,
};
const bytes: Readonly<Record<string, number>> = {
  b: 1,
  byte: 1,
  kb: 1024,
  kib: 1024,
  mb: 1048576,
  mib: 1048576,
  gb: 1073741824,
  gib: 1073741824,
  tb: 1099511627776,
};
const unitOf = (word: string) => word.toLowerCase().replace(/s$/, '');
/** Words after an HTTP status that keep it a status ("a 400 error", "422 Unprocessable"). */
const statusFollowers =
  /^(?:$|error|errors|status|response|code|bad|not|too|unprocessable|payload|forbidden|unauthori[sz]ed|conflict|ok|created|that|with|and|or|if|when|for|naming|instead|is|page)$/;
const statusLead =
  /\b(?:returns?|returning|respond(?:s|ing)?(?: with)?|with|gets?|give[sn]?|giving|status|http|a|an|answers?(?: with)?|repl(?:y|ies)(?: with)?|fails? with|errors?|or|either|send(?:s|ing)?|throws?)\s*$/i;
/**
 * Filler between a number and its noun: "12 or more characters", "10+ orders". Like the nouns below,
 * read in place (sticky) and never across a line break or `.;,)`: these once ran on a copy of the
 * rest of the sentence after every number, which made a sentence of many numbers quadratic.
 */
const between =
  /(?:[^\S\n]*\+|[^\S\n]+(?:or more|or fewer|or less|minimum|maximum|or better|at most|at least))*[^\S\n]+/iy;
/** The noun counted by a number ("3 retries", "5-day"), after filler or right after the number. */
const countNoun = /(?:[^\S\n]|-)+([a-z]{2,})/iy;
const countNounAfterFiller = /(?:[^\S\n]|-)*([a-z]{2,})/iy;
/** The noun a bound is about ("maximum 100 items", "max 5+ retries"). */
const boundNoun = /[^\S\n]*(?:\+[^\S\n]*)?([a-z]{2,})/iy;

/** A named setting: a code name (camelCase, snake_case) or a size of something ("page size"). */
const setting =
  /\b([a-z]+[A-Z]\w*|[a-z]+_[a-z_]+|(?:page|batch|chunk|file|upload|body|request|payload)\s+size)`?/;
/** The dimension a setting's values share: its last word ("pageSize", "page size" → size). */
function settingDim(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s_]+/);
  return `w:${stem(words.at(-1)!)}`;
}
/** The last setting named in the clause before `index`, at most 80 characters back. */
function settingBefore(text: string, index: number): string | undefined {
  const from = Math.max(0, index - 80);
  const clause = text
    .slice(from, index)
    .split(/[.;\n]/)
    .at(-1)!;
  const names = [...clause.matchAll(new RegExp(setting.source, 'g'))];
  return names.length ? settingDim(names.at(-1)![1]!) : undefined;
}

/** `pattern` (sticky) matched at `at`, or null. */
function nounAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * The end of `text` before `index` that `statusLead` can match: its trailing blanks and the 25
 * characters before them (the longest lead, "responding with", and the character before it).
 */
function tailBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  return text.slice(Math.max(0, start - 25), index);
}

/** A learner may spell "a year" or "one day" where the story writes "365 days". */
function spellOut(text: string): string {
  return text.replace(
    /\b(after|for|within|maximum|minimum|than|to|of|in|over|under|about)\s+(?:a|an|one)\s+(second|minute|hour|day|week|month|year)\b/gi,
    '$1 1 $2',
  );
}

/** Every quantity in `text` (already phrase-normalised: "at most" → "maximum", number words as digits). */
export function quantities(text: string): Quantity[] {
  let rest = spellOut(text).replace(
    /\b(?:limited|restricted|capped|clamped) (?:to|at)\b/gi,
    'maximum',
  );
  const found: Quantity[] = [];
  // `read` also gets the whole text being read, to look around a match without slicing it.
  const take = (
    pattern: RegExp,
    read: (m: RegExpExecArray, text: string) => Quantity | undefined,
  ) => {
    rest = rest.replace(pattern, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      (m as unknown as { index: number }).index = args.at(-2) as number;
      const q = read(m, args.at(-1) as string);
      if (q) found.push(q);
      return q ? ' '.repeat(m[0].length) : m[0];
    });
  };
  take(/\b(\d+)\s*[x×]\s*(\d+)\b/gi, (m) => ({
    dims: ['pixels'],
    value: Number(m[1]) * 100000 + Number(m[2]),
    raw: m[0],
  }));
  take(/\b(\d+(?:\.\d+)?):(\d(?:\.\d+)?)\b/g, (m) => ({
    dims: ['ratio'],
    value: Number(m[1]) / Number(m[2]),
    raw: m[0],
  }));
  take(/\b(\d{1,2})(?::(\d\d))?\s*(am|pm)\b|\b(\d{1,2}):(\d\d)\b/gi, (m) => {
    const h = (Number(m[1] ?? m[4]) % 12) + ((m[3] ?? '').toLowerCase() === 'pm' ? 12 : 0);
    return {
      dims: ['clock'],
      value: (m[4] ? Number(m[4]) : h) * 60 + Number(m[2] ?? m[5] ?? 0),
      raw: m[0],
    };
  });
  take(/\b(\d+(?:\.\d+)?)\s*([a-z]+)\b/gi, (m) => {
    const unit = unitOf(m[2]!);
    if (seconds[unit] !== undefined && !(unit === 'm' || unit === 's' || unit === 'd'))
      return { dims: ['time'], value: Number(m[1]) * seconds[unit]!, raw: m[0] };
    if (bytes[unit] !== undefined)
      return { dims: ['size'], value: Number(m[1]) * bytes[unit]!, raw: m[0] };
    return undefined;
  });
  take(
    /\b(?:exit(?:s|ed|ing)?|quits?)\s+(?:with\s+)?(?:(?:an?\s+)?(?:exit\s+)?(?:status|code)\s+(?:of\s+)?)?(\d+)\b|\bexit (?:status|code)\s+(?:of\s+)?(\d+)\b/gi,
    (m) => ({
      dims: ['exit'],
      value: Number(m[1] ?? m[2]),
      raw: m[0],
    }),
  );
  take(/\b([1-5]\d\d)\b(\s*[a-z]*)/gi, (m, text) => {
    const before = tailBefore(text, (m as unknown as { index: number }).index);
    if (!statusLead.test(before) || !statusFollowers.test(m[2]!.trim().toLowerCase()))
      return undefined;
    return { dims: ['status'], value: Number(m[1]), raw: m[1]! };
  });
  take(
    /\b(?:defaults?|defaulting)\s+(?:to\s+|of\s+|is\s+)?(\d+(?:\.\d+)?)\b|\b(\d+(?:\.\d+)?)\s+by default\b/gi,
    (m) => ({ dims: ['default'], value: Number(m[1] ?? m[2]), raw: m[0] }),
  );
  take(/\b(maximum|minimum|max|min)\s+(?:of\s+)?(\d+(?:\.\d+)?)/gi, (m, text) => {
    const slot = m[1]!.toLowerCase().startsWith('max') ? 'max' : 'min';
    const at = (m as unknown as { index: number }).index;
    const noun = nounAt(boundNoun, text, at + m[0].length);
    // "`pageSize` … maximum 100": with no noun after it, the bound is about the setting it follows.
    const setting = noun ? undefined : settingBefore(text, at);
    return {
      dims: noun ? [slot, `w:${stem(noun[1]!)}`] : setting ? [slot, setting] : [slot],
      value: Number(m[2]),
      raw: m[0],
    };
  });
  // A setting given a value: "a pageSize of 500", "page size = 50", "max_items: 20".
  take(
    new RegExp(String.raw`${setting.source}\s*(?:of|=|:|is|at)\s*(\d+(?:\.\d+)?)\b`, 'gi'),
    (m) => ({
      dims: [settingDim(m[1]!)],
      value: Number(m[2]),
      raw: m[0],
    }),
  );
  take(/\b(\d+(?:\.\d+)?)/g, (m, text) => {
    const end = (m as unknown as { index: number }).index + m[0].length;
    // Filler first ("12 or more characters"), then the noun, which then needs no space before it.
    between.lastIndex = end;
    const filler = between.exec(text)?.[0].length ?? 0;
    const noun = nounAt(filler ? countNounAfterFiller : countNoun, text, end + filler);
    return noun
      ? { dims: [`w:${stem(noun[1]!)}`], value: Number(m[1]), raw: `${m[1]} ${noun[1]}` }
      : undefined;
  });
  return found;
}

/**
 * Whether a text's quantity disagrees with every quantity of the story on the same dimension. A plain
 * value inside a bound of the story agrees with it ("a pageSize of 50" under "maximum 100").
 */
export function quantityClash(q: Quantity, story: readonly Quantity[]): Quantity | undefined {
  let clash: Quantity | undefined;
  const plain = !q.dims.includes('max') && !q.dims.includes('min');
  const agrees = (s: Quantity) =>
    Math.abs(s.value - q.value) < 1e-9 ||
    (plain && s.dims.includes('max') && q.value <= s.value) ||
    (plain && s.dims.includes('min') && q.value >= s.value);
  for (const dim of q.dims) {
    const same = story.filter((s) => s.dims.includes(dim));
    if (!same.length) continue;
    if (same.some(agrees)) return undefined;
    clash ??= same[0];
  }
  return clash;
}
