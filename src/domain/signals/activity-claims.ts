/**
 * Plain-language activity reports: a learner's chat message that says what happened ("all 12 tests
 * pass", "coverage is 93 %", "PR is up: <url>", "the reviewer asked for changes", "scorePassword is
 * implemented") read as the event a structured report would be (`test-run`, `coverage`, `lint`,
 * `typecheck`, `build`, `security-scan`, `commit`, `review-feedback`, shapes in
 * `src/sessions/event-schemas.ts`), or `task-done` for a finished step. The reports' schema is
 * declared once (src/domain/contracts/activity-report.ts): this is the rules reading of it, the one
 * rules mode uses and the activity reader falls back to when its model fails. Figures a learner
 * states are claims, not the tool's output: the session marks them (`claimTypes`) and a quality
 * gate asks for the report itself (src/sessions/interpret/activity-report.ts).
 *
 * Read by clause, by concept: a subject (tests, coverage, lint, types, build, audit, commit, pull
 * request, a named piece of work) with a verb or figure that reports on it. A clause that asks,
 * plans, sets a condition ("once the tests pass") or negates the verb ("the tests don't pass") reports
 * nothing; "0 failing", "no lint errors" or "no more type errors" are figures, not negations. While a
 * pull request is under review, "merged" or "approved" alone is review news.
 */
import type { ActivityReport, ActivityReportType } from '../contracts/activity-report.ts';
import type { StoryState } from '../machines/story-states.ts';

export type { ActivityReport } from '../contracts/activity-report.ts';

/** Reports whose figures, stated in a message, are the learner's word rather than a tool's output. */
export const claimTypes: ReadonlySet<ActivityReportType> = new Set<ActivityReportType>([
  'test-run',
  'coverage',
  'lint',
  'typecheck',
  'build',
  'security-scan',
  'commit',
]);

/** What the reading knows besides the message. */
export interface ActivityReadingOptions {
  /** The story machine's current state: with a pull request under review, "merged" alone is news. */
  state?: string;
}

/** States with a pull request under review, where "merged" or "approved" alone refers to it. */
const pullRequestStates: ReadonlySet<string> = new Set<StoryState>([
  'MONITOR_REVIEW',
  'MERGE_AND_COMPLETE',
]);

/** A clause that asks, plans or sets a condition: it says what should or will happen, not what did. */
export const notAReport =
  /\?\s*$|^\s*(?:do|does|did|should|shall|can|could|will|would|is|are|am|how|why|what|when|where|which|who|must)\b|\b(?:if|once|until|unless|as soon as|whether|so that|in order to)\b|\b(?:i'?ll|i will|i'?m going to|gonna|going to|need to|needs to|have to|has to|want to|trying to|try to|plan to|hope|hopefully|supposed to|should|must|make sure|let me|let'?s)\b/i;
/** A negation of the reporting verb ("don't pass", "isn't implemented", "not yet", "never"). */
const negation =
  /\b(?:not|never|no longer|yet to|hardly|barely|nothing|none of|cannot|dont|doesnt|isnt|arent|wont|didnt|havent|hasnt|aint)\b|\w+n['’]t\b|\bno\s+(?:longer|more)\b/i;

/** Numbers a learner writes as words. */
const numberWords: Readonly<Record<string, number>> = {
  zero: 0,
  no: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const num = String.raw`(\d{1,6}|zero|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)`;
const toNumber = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = /^\d+$/.test(s) ? Number(s) : numberWords[s.toLowerCase()];
  return n === undefined || !Number.isFinite(n) ? undefined : n;
};

const tests = String.raw`(?:(?:unit |e2e |integration |the |my |all (?:the |my )?|every )?(?:tests?|specs?|test suite|suite|test cases?)|vitest|jest|pytest|ci|the pipeline|the build pipeline)`;
const pass = String.raw`(?:pass(?:es|ed|ing)?|(?:are |is )?(?:now )?(?:green|passing|ok)|succeed(?:s|ed)?|went green|turned green|come back green|run clean)`;
const failWord = String.raw`(?:fail(?:s|ed|ing|ures?)?|red|broken|errors?)`;

interface Rule {
  type: ActivityReportType;
  pattern: RegExp;
  /** The fields from the match; undefined when the match does not report after all. */
  fields: (m: RegExpExecArray, clause: string) => Record<string, unknown> | undefined;
  /** Whether a negation inside the match cancels it ("0 failing" is part of the figure, so no). */
  negatable?: boolean;
  /** Words before or in the match that make the figure a requirement, not a result. */
  unless?: RegExp;
  /** Read only while a pull request is under review ("merged" alone means nothing elsewhere). */
  pullRequestOnly?: boolean;
}

/** A figure the story or someone asks for ("the story asks for 90 % coverage"), not one reached. */
const required =
  /\b(?:ask(?:s|ed|ing)? for|requir(?:e|es|ed|ing|ement)|needs?|wants?|target(?:s|ed|ing)?|goal|aim(?:s|ed|ing)?|expect(?:s|ed|ing)?|at least|minimum|threshold|should|must)\b/i;

const url = /https?:\/\/[^\s<>()"']{1,300}/i;

const rules: Rule[] = [
  // Review news, from the code host's words or the learner's.
  {
    type: 'review-feedback',
    pattern:
      /\b(?:pr|pull request|merge request|mr)\b[^.;!?\n]{0,40}\b(?:(?:was|is|got|has been|been)\s+)?merged\b|\bmerged (?:the |my )?(?:pr|pull request|branch)\b/i,
    fields: () => ({ decision: 'merged' }),
  },
  {
    type: 'review-feedback',
    pattern:
      /\bmerged\b(?!\s+(?:(?:the\s+)?(?:main|master|develop|trunk|upstream|origin)\b|[^.;!?\n]{0,30}\binto\s+(?:my|our|the|this)\s+(?:\w+\s+)?branch\b))|\bmerge (?:is |was )?(?:done|complete|finished)\b/i,
    fields: () => ({ decision: 'merged' }),
    pullRequestOnly: true,
  },
  {
    type: 'review-feedback',
    pattern:
      /\b(?:pr|pull request|merge request|review(?:er)?|code review|they|lead|mentor)\b[^.;!?\n]{0,40}\b(?:approved|approves|gave (?:it |me )?(?:an? )?(?:approval|lgtm|thumbs up))\b|\bapproved (?:the |my |our )?(?:pr|pull request|merge request|mr|changes)\b|\blgtm\b/i,
    fields: () => ({ decision: 'approved' }),
  },
  {
    type: 'review-feedback',
    pattern: /\bapproved\b|\bgot (?:an? |the |their )?(?:approval|lgtm|thumbs up|green light)\b/i,
    fields: () => ({ decision: 'approved' }),
    pullRequestOnly: true,
  },
  {
    type: 'review-feedback',
    pattern:
      /\b(?:review(?:er|ers)?|code review|pr|pull request|they|lead|mentor)\b[^.;!?\n]{0,40}\b(?:asked (?:me )?(?:for|to make) (?:some |a few |small |minor |big |major |lots of |many )?changes|request(?:ed|s) (?:some |a few |small |minor |big |major )?changes|wants? (?:me to make |some |a few )?changes|left (?:\d+ |some |a few |several )?(?:comments|change requests)|came back with (?:some |a few |small |minor |big |major )?(?:changes|comments))|\bchanges (?:were |have been )?requested\b/i,
    fields: (m) => ({
      decision: /\b(?:big|major|lots of|many|rewrite|redo)\b/i.test(m[0])
        ? 'major-changes'
        : 'minor-changes',
    }),
  },
  {
    type: 'review-feedback',
    pattern:
      /\b(?:review(?:er|ers)?|code review|pr|pull request)\b[^.;!?\n]{0,30}\b(?:asked|has|had|left|raised) (?:a |some |a few |\d+ )?questions?\b/i,
    fields: () => ({ decision: 'questions' }),
  },
  {
    type: 'review-feedback',
    pattern:
      /\b(?:pr|pull request|merge request|mr)\b[^.;!?\n]{0,20}\b(?:is |was )?(?:up|open(?:ed)?|created|submitted|ready for review|out)\b|\b(?:opened|created|submitted|raised|sent|put up)\s+(?:a |the |my |an )?(?:new )?(?:pr|pull request|merge request|mr)\b|https?:\/\/\S{1,300}?\/(?:pull|merge_requests)\/\d+/i,
    fields: (_m, clause) => {
      const link = url.exec(clause)?.[0];
      return { decision: 'submitted', ...(link ? { prUrl: link.replace(/[.,;:!?)]+$/, '') } : {}) };
    },
  },
  // Test runs: figures first, then the bare "tests pass".
  {
    type: 'test-run',
    pattern: new RegExp(
      String.raw`\b${num}\s+(?:of|out of|/)\s+${num}\s+(?:\w+\s+)?(?:tests?|specs?)\s+(?:are\s+|now\s+)?${pass}|\b${num}\s*\/\s*${num}\s+(?:tests?|specs?)?\s*(?:are\s+)?${pass}`,
      'i',
    ),
    fields: (m) => {
      const passed = toNumber(m[1] ?? m[3]);
      const total = toNumber(m[2] ?? m[4]);
      if (passed === undefined || total === undefined || passed > total) return undefined;
      return { passed, total, failed: total - passed };
    },
  },
  {
    type: 'test-run',
    pattern: new RegExp(
      String.raw`\b${num}\s+(?:\w+\s+)?(?:tests?|specs?)?\s*(?:are\s+|now\s+)?${failWord}\b[^.;!?\n]{0,20}?\b${num}\s+(?:\w+\s+)?(?:tests?|specs?)?\s*(?:are\s+)?${pass}|\b${num}\s+(?:\w+\s+)?(?:tests?|specs?)?\s*(?:are\s+|now\s+)?${pass}\b[^.;!?\n]{0,20}?\b${num}\s+(?:\w+\s+)?(?:tests?|specs?)?\s*(?:are\s+)?(?:fail(?:s|ed|ing)?|red)`,
      'i',
    ),
    negatable: false,
    fields: (m) => {
      const [failed, passed] =
        m[1] !== undefined ? [toNumber(m[1]), toNumber(m[2])] : [toNumber(m[4]), toNumber(m[3])];
      if (failed === undefined || passed === undefined) return undefined;
      return { passed, failed, total: passed + failed };
    },
  },
  {
    type: 'test-run',
    pattern: new RegExp(
      String.raw`\b${num}\s+(?:failing|failed|broken|red)\s+(?:\w+\s+)?(?:tests?|specs?)\b|\b(?:all\s+)?${num}\s+(?:passing|green)\s+(?:\w+\s+)?(?:tests?|specs?)\b`,
      'i',
    ),
    negatable: false,
    fields: (m) => {
      const failed = toNumber(m[1]);
      const passed = toNumber(m[2]);
      if (failed !== undefined) return { failed };
      if (passed !== undefined) return { passed, failed: 0, total: passed };
      return undefined;
    },
  },
  {
    type: 'test-run',
    pattern: new RegExp(
      String.raw`\b(?:all\s+)?${num}\s+(?:\w+\s+)?(?:tests?|specs?)\s+(?:are\s+|now\s+|all\s+)*${pass}|\b(?:all\s+)?${num}\s+(?:\w+\s+)?(?:tests?|specs?)\s+(?:are\s+|now\s+)?(?:fail(?:s|ed|ing)?|red|broken)`,
      'i',
    ),
    fields: (m) => {
      const passed = toNumber(m[1]);
      const failed = toNumber(m[2]);
      if (passed !== undefined) return { passed, failed: 0, total: passed };
      if (failed !== undefined) return { failed };
      return undefined;
    },
  },
  {
    type: 'test-run',
    pattern: new RegExp(
      String.raw`\b${tests}\s+(?:\w+\s+)?(?:(?:are|is|all|now|finally|both|still|do)\s+)*${pass}\b|\ball\s+(?:\w+\s+)?(?:tests?|specs?)\s+(?:are\s+)?${pass}|\b(?:everything|all)\s+(?:is\s+)?(?:green|passing)\b|\bno (?:more )?(?:failing|failed|red) tests?\b|\b(?:zero|0) (?:failing|failed|failures)\b`,
      'i',
    ),
    fields: () => ({ failed: 0 }),
  },
  // Coverage: a percentage next to the word.
  {
    type: 'coverage',
    pattern:
      /\b(line|lines|statement|statements|branch|branches|function|functions)?\s*coverage\b[^.;!?\n\d%]{0,30}?(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent\b|pct\b)|(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent\b)\s*(?:\w+\s+)?(line|lines|statement|statements|branch|branches|function|functions)?\s*(?:test\s+)?coverage\b/i,
    fields: (m) => {
      const value = Number((m[2] ?? m[3])!.replace(',', '.'));
      if (!(value >= 0 && value <= 100)) return undefined;
      const kind = (m[1] ?? m[4] ?? 'lines').toLowerCase();
      const field = kind.startsWith('branch')
        ? 'branches'
        : kind.startsWith('function')
          ? 'functions'
          : kind.startsWith('statement')
            ? 'statements'
            : 'lines';
      return field === 'lines' ? { lines: value } : { [field]: value, lines: value };
    },
    unless: required,
  },
  // Lint and types: clean, or a count of errors.
  {
    type: 'lint',
    pattern:
      /\b(?:lint(?:er|ing)?|eslint|biome)\b[^.;!?\n]{0,20}?\b(?:is\s+|are\s+|now\s+)*(?:clean|pass(?:es|ed|ing)?|green|happy|ok)\b|\b(?:no|zero|0)\s+(?:more\s+)?(?:lint(?:ing)?|eslint)\s+(?:errors?|warnings?|problems?|issues?)\b|\b(\d{1,5})\s+(?:lint(?:ing)?|eslint)\s+(?:errors?|problems?)\b/i,
    fields: (m) => ({ errorCount: m[1] === undefined ? 0 : Number(m[1]) }),
  },
  {
    type: 'typecheck',
    pattern:
      /\b(?:tsc|type ?check(?:er|ing)?|types?|typescript|(?:the\s+)?(?:ts\s+|typescript\s+)?compiler)\b[^.;!?\n]{0,20}?\b(?:is\s+|are\s+|now\s+)*(?:clean|pass(?:es|ed|ing)?|green|check(?:s| out)?|compile(?:s)?|ok|happy|satisfied|quiet|silent)\b|\b(?:no|zero|0)\s+(?:more\s+)?(?:type|tsc|typescript)\s+errors?\b|\b(\d{1,5})\s+(?:type|tsc|typescript)\s+errors?\b/i,
    fields: (m) => ({ errorCount: m[1] === undefined ? 0 : Number(m[1]) }),
  },
  {
    type: 'build',
    pattern:
      /\b(?:the\s+)?build\b[^.;!?\n]{0,15}?\b(?:is\s+|now\s+)*(pass(?:es|ed)?|succeed(?:s|ed)?|green|works?|worked|fixed|clean|ok|fail(?:s|ed|ing)?|broken|red)\b|\bit (?:builds|compiles)(?: now| again| fine)?\b/i,
    fields: (m) => ({ success: !/^(?:fail|broken|red)/i.test(m[1] ?? '') }),
  },
  {
    type: 'security-scan',
    pattern:
      /\b(?:npm\s+)?audit\b[^.;!?\n]{0,20}?\b(?:is\s+|now\s+)*(?:clean|pass(?:es|ed)?|green|ok)\b|\b(?:found\s+)?(?:no|zero|0)\s+vulnerabilit(?:y|ies)\b|\b(\d{1,5})\s+(critical|high|moderate|low)(?:\s+severity)?\s+vulnerabilit(?:y|ies)\b/i,
    fields: (m) => ({
      counts: {
        info: 0,
        low: 0,
        moderate: 0,
        high: 0,
        critical: 0,
        ...(m[1] !== undefined ? { [m[2]!.toLowerCase()]: Number(m[1]) } : {}),
      },
    }),
  },
  // A commit.
  {
    type: 'commit',
    pattern:
      /\b(?:i\s+(?:just\s+|have\s+|'ve\s+)?|just\s+)?(?:committed|pushed)\b(?:\s+(?:it|them|my|the|this|that|everything|all|a|\w+))?|\bmade\s+a\s+commit\b|\bcommit\s+([0-9a-f]{7,40})\b/i,
    fields: (m, clause) => {
      const sha = m[1] ?? /\b[0-9a-f]{7,40}\b/.exec(clause)?.[0];
      const quoted = /["“]([^"”]{3,200})["”]/.exec(clause)?.[1];
      return { ...(sha ? { sha } : {}), ...(quoted ? { message: quoted } : {}) };
    },
  },
  // A finished piece of work: "X is implemented", "I implemented X", "finished the validation step".
  {
    type: 'task-done',
    pattern:
      /^\s*(?:ok\s*,?\s*|so\s*,?\s*|now\s*,?\s*)?((?:the\s+|my\s+)?[`'"]?[\w.()`'"/-]+(?:\s+[\w.()`'"/-]+){0,4}?)\s+(?:is|are)\s+(?:now\s+|finally\s+|all\s+)?(?:implemented|done|finished|complete|completed|in place|working|written|built|ready)\b|\bi\s+(?:have\s+|'ve\s+|just\s+|finally\s+)*(?:implemented|finished|completed|built|wrote|written|added)\s+((?:the\s+|my\s+)?[`'"]?[\w.()`'"/-]+(?:\s+[\w.()`'"/-]+){0,4})/i,
    fields: (m) => {
      const subject = (m[1] ?? m[2] ?? '').replace(/[`'"]/g, '').trim();
      // "It is done" / "this is working": a pronoun says nothing about what was done.
      if (!subject || /^(?:it|this|that|everything|all|nothing|which|what)$/i.test(subject))
        return { subject: '' };
      return { subject };
    },
  },
];

/** Order of precedence when a message reports several things: the furthest along first. */
const precedence: readonly ActivityReportType[] = [
  'review-feedback',
  'test-run',
  'coverage',
  'build',
  'typecheck',
  'lint',
  'security-scan',
  'commit',
  'task-done',
];

/** Fields the message does not state, as the schema has them: `null`. */
const unstated: Partial<Record<ActivityReportType, Record<string, null>>> = {
  'test-run': { passed: null, total: null },
  coverage: { branches: null, functions: null, statements: null },
  commit: { sha: null, message: null },
  'review-feedback': { prUrl: null },
};

/** Every report in a message, one per event type, in order of precedence. */
export function extractActivityReports(
  message: string,
  options: ActivityReadingOptions = {},
): ActivityReport[] {
  // Code and quoted tool output say nothing about what the learner reports.
  const prose = message
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`([^`\n]{1,80})`/g, '$1')
    .slice(0, 4000);
  const underReview = pullRequestStates.has(options.state ?? '');
  const found = new Map<ActivityReportType, ActivityReport>();
  for (const clause of clausesOf(prose)) {
    if (notAReport.test(clause)) continue;
    for (const rule of rules) {
      if (found.has(rule.type) || (rule.pullRequestOnly && !underReview)) continue;
      const m = rule.pattern.exec(clause);
      if (!m) continue;
      const before = clause.slice(0, m.index);
      if (negation.test(before.split(/\b(?:and|but|so)\b/i).at(-1) ?? '')) continue;
      if (rule.negatable !== false && negation.test(withoutFigures(m[0]))) continue;
      if (rule.unless?.test(before + m[0])) continue;
      const fields = rule.fields(m, clause);
      if (!fields) continue;
      found.set(rule.type, {
        type: rule.type,
        fields: { ...unstated[rule.type], ...fields },
      } as ActivityReport);
    }
  }
  return orderReports([...found.values()]);
}

/**
 * The one report a message stands for (the furthest along when it says several), or null when it
 * reports no activity.
 */
export function extractActivityReport(
  message: string,
  options: ActivityReadingOptions = {},
): ActivityReport | null {
  return extractActivityReports(message, options)[0] ?? null;
}

/**
 * Reports as the session applies them, whoever read them (the rules or a model): one per type (the
 * first), the furthest along first.
 */
export function orderReports(reports: readonly ActivityReport[]): ActivityReport[] {
  const first = new Map<ActivityReportType, ActivityReport>();
  for (const r of reports) if (!first.has(r.type)) first.set(r.type, r);
  return precedence.flatMap((t) => (first.has(t) ? [first.get(t)!] : []));
}

/** A report's fields as event data: what the message states, without the unstated (`null`) ones. */
export function statedFields(report: ActivityReport): Record<string, unknown> {
  return Object.fromEntries(Object.entries(report.fields).filter(([, v]) => v !== null));
}

/** Clauses: sentences, and the parts of a sentence joined by "but" or a semicolon. */
function clausesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|[;\n]+|,?\s+\bbut\b\s+|,\s+(?=(?:i|we|so|then|now|and)\b)/i)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** A match without its zero figures ("no lint errors", "0 failing"), so only a real negation is left. */
function withoutFigures(text: string): string {
  return text.replace(
    /\b(?:no|zero|0)\s+(?:more\s+)?(?:\w+\s+)?(?:errors?|warnings?|problems?|failures?|failing|failed|vulnerabilit\w+|red)\b/gi,
    ' ',
  );
}
