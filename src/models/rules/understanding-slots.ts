/**
 * Enumerated choices a story makes and a learner can get wrong: one value of a slot rules out the
 * others (Redis vs in-process memory, sync vs async, client vs server side, CSV vs JSON Lines, current
 * vs home directory, on vs off by default, whole response vs pages). Each value is a pattern; a value
 * counts as claimed when it is not negated ("not in the database", "never in localStorage", "instead
 * of building it in memory") and not in a clause about what is refused ("other types are rejected").
 */
export interface Slot {
  name: string;
  values: ReadonlyArray<readonly [value: string, pattern: RegExp]>;
  /** Values that do not rule each other out (JSON and JSON Lines). */
  compatible?: ReadonlyArray<readonly [string, string]>;
}

export const slots: readonly Slot[] = [
  {
    name: 'timing',
    values: [
      [
        'synchronously',
        /\bsynchronous(?:ly)?\b|\bsync\b|\b(?:in|during|within) the (?:same )?(?:http )?request\b|\bblocking\b/gi,
      ],
      [
        'asynchronously',
        /\basynchronous(?:ly)?\b|\basync\b|\bin the background\b|\bbackground (?:jobs?|workers?|tasks?|process(?:es)?)\b|\b(?:job )?queue[ds]?\b/gi,
      ],
    ],
  },
  {
    name: 'retry delay',
    values: [
      ['exponential backoff', /\bexponential(?:ly)?\b|\bdoubling\b/gi],
      [
        'a fixed delay',
        /\b(?:fixed|constant|same|linear)(?: retry)? (?:delay|interval|backoff|wait)\b/gi,
      ],
    ],
  },
  {
    name: 'side',
    values: [
      [
        'on the client',
        /\bclient[\s-]side\b|\bon the client\b|\b(?:in )?the browser\b|\bfront[\s-]?end\b/gi,
      ],
      ['on the server', /\bserver[\s-]side\b|\bon the server\b|\bthe server\b|\bback[\s-]?end\b/gi],
    ],
  },
  {
    name: 'storage',
    values: [
      ['Redis', /\bredis\b/gi],
      [
        'in process memory',
        /\bin[\s-]memory\b|\bin (?:each|every|the|a single|one) (?:app )?process\b|\bper process\b|\bin[\s-]process\b|\blocal memory\b/gi,
      ],
      [
        'the database',
        /\b(?:the|a|our|in) (?:database|db)\b|\bpostgres(?:ql)?\b|\bmysql\b|\bsql table\b/gi,
      ],
      ['object storage', /\bobject storage\b|\bs3\b|\bbucket\b|\bblob storage\b/gi],
      ['localStorage', /\blocal ?storage\b/gi],
      ['sessionStorage', /\bsession ?storage\b/gi],
      ['a cookie', /\bcookies?\b/gi],
      ['the file system', /\bon (?:the )?disk\b|\bfile ?system\b/gi],
    ],
  },
  {
    name: 'format',
    values: [
      ['CSV', /\bcsv\b/gi],
      ['JSON Lines', /\bjson[\s-]?lines\b|\bjsonl\b|\bndjson\b|\bnewline[\s-]delimited json\b/gi],
      ['JSON', /\bjson\b(?![\s-]?lines)/gi],
      ['XML', /\bxml\b/gi],
      ['PDF', /\bpdfs?\b/gi],
      ['Excel', /\bxlsx\b|\bexcel\b/gi],
      ['YAML', /\bya?ml\b/gi],
      ['TOML', /\btoml\b/gi],
      ['PNG', /\bpngs?\b/gi],
      ['JPEG', /\bjpe?gs?\b/gi],
      ['GIF', /\bgifs?\b/gi],
      ['WebP', /\bwebp\b/gi],
      ['SVG', /\bsvgs?\b/gi],
    ],
    compatible: [['JSON', 'JSON Lines']],
  },
  {
    name: 'directory',
    values: [
      ['the current directory', /\b(?:current|working) (?:directory|folder|dir)\b|\bcwd\b/gi],
      ['the home directory', /\bhome (?:directory|folder|dir)\b|~\/|\$home\b/gi],
    ],
  },
  {
    name: 'default',
    values: [
      [
        'on by default',
        /\b(?:on|enabled?|active|opted[\s-]in)(?:\s+[\w-]+){0,4}\s+by default\b|\bdefaults? to (?:on|enabled)\b|\bopt[\s-]out\b/gi,
      ],
      [
        'off by default',
        /\b(?:off|disabled?|inactive|opted[\s-]out)(?:\s+[\w-]+){0,4}\s+by default\b|\bdefaults? to (?:off|disabled)\b|\bopt[\s-]in\b/gi,
      ],
    ],
  },
  {
    name: 'delivery',
    values: [
      [
        'in parts',
        /\bpaginat\w*|\bone page at a time\b|\bpage by page\b|\bin pages\b|\bin (?:chunks|batches)\b|\bstream(?:s|ed|ing)?\b/gi,
      ],
      [
        'all at once',
        /\ball (?:(?:the )?\w+ )?at once\b|\beverything at once\b|\bin (?:one|a single) (?:response|request|go|call)\b|\bload(?:s|ing)? (?:them )?(?:all|everything)\b/gi,
      ],
    ],
  },
  {
    name: 'HTTP method',
    values: (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map(
      (m) => [m, new RegExp(`\\b${m}\\b`, 'g')] as const,
    ),
  },
];

/**
 * Negators: "not", "no", "nothing", "never", "without", "instead of", "rather than", "don't"... ("no
 * matter" is not one). "Replaces X" rules X out as "instead of X" does; "zero transactions" says
 * "no transactions" ("set it to zero" is a value).
 */
export const negator =
  /\b(?:not|no(?! matter| longer)|none|nothing|nobody|no one|no-one|neither|never|without|cannot|nor|instead of|rather than|replac(?:e|es|ed|ing)|\w+n['’]t|(?<!\b(?:to|at|is|are|be|of|reaches|hits|below|above|from|than|equals?)\s+)zero(?=\s+(?!(?:for|when|whenever|if|unless|on|in|with|and|or|otherwise|as|by|at|to|of|then|because|so|is|are|was|be)\b)[a-z]))\b/gi;
const refusal =
  /\b(?:reject\w*|refus\w*|den(?:y|ies|ied)|disallow\w*|unsupported|not (?:allowed|accepted|supported)|invalid|other(?:s| types| files| formats)?)\b/i;

/** Values of `slot` that `clause` claims, and values it negates. */
export function slotValues(
  slot: Slot,
  clause: string,
): { claimed: Set<string>; negated: Set<string> } {
  const claimed = new Set<string>();
  const negated = new Set<string>();
  for (const [value, pattern] of slot.values) {
    for (const m of clause.matchAll(pattern)) {
      const before = clause
        .slice(Math.max(0, m.index - 60), m.index)
        .split(/[,(]/)
        .at(-1)!;
      const after = clause.slice(m.index + m[0].length, m.index + m[0].length + 25);
      const lastWords = before.trim().split(/\s+/).slice(-4).join(' ');
      if (
        new RegExp(negator.source, 'i').test(lastWords) ||
        /^\s*(?:\w+\s+)?(?:never|(?:does|do|must|should|can|will)\s*n(?:o|['’])t|cannot)\b/i.test(
          after,
        )
      )
        negated.add(value);
      // Only the part of the clause around the value: "sent synchronously, and a larger one is rejected" still claims sync.
      else if (!refusal.test(before + m[0] + after.split(/[,;]/)[0])) claimed.add(value);
    }
  }
  for (const v of negated) claimed.delete(v);
  return { claimed, negated };
}

/** Whether two values of a slot may both hold. */
export function compatibleValues(slot: Slot, a: string, b: string): boolean {
  return (
    a === b ||
    (slot.compatible ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a))
  );
}
