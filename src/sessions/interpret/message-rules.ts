import { notAReport } from './activity-claims.ts';

/**
 * Keyword rules that read a learner's chat message in rules mode: what kind of answer it is. The
 * story interpreter turns the intent into the machine event the current state expects. States with
 * an agent classifier (understanding, plan review, fix verification) use the agent instead.
 */
export type MessageIntent =
  | 'confused'
  | 'stillBroken'
  | 'help'
  | 'partial'
  | 'done'
  | 'affirm'
  | 'prSubmitted'
  | 'other';

/**
 * "Opened a PR", a pull-request link, "PR is up". The first "opened" of a line is found once (the
 * lookahead's capture cannot backtrack), so a long line of "opened opened …" without "PR" is read
 * once rather than once per word; a link's path is read at most 300 characters far.
 */
const prSubmitted =
  /^(?=(.*?\b(?:opened|created|submitted|raised|pushed)\b))\1.*\b(?:pr|pull request|merge request)\b|https?:\/\/\S{1,300}?\/pull\/\d|\bpr is (?:up|open)\b/im;

const rules: readonly (readonly [MessageIntent, RegExp])[] = [
  ['prSubmitted', prSubmitted],
  [
    'confused',
    /\b(?:confus\w*|don'?t (?:really )?(?:understand|get it)|do not understand|not clear|unclear|what do you mean|i'?m lost|makes no sense|still (?:confused|don'?t))\b/i,
  ],
  [
    'stillBroken',
    /\b(?:still (?:broken|fail\w*|not working|stuck|the same|red)|(?:doesn'?t|does not|didn'?t|did not) work|not working|same error|nope)\b/i,
  ],
  [
    'help',
    /\b(?:help|stuck|hint|how do i|how can i|how should i|no idea|can'?t figure|cannot figure|what should i do)\b/i,
  ],
  ['partial', /\b(?:partly|partially|almost(?: done)?|halfway|some of (?:it|them)|part of it)\b/i],
  [
    'done',
    /\b(?:done|finished|completed?|it works|works now|all (?:tests )?(?:pass|green)|tests pass|fixed(?: it)?|merged)\b/i,
  ],
  [
    'affirm',
    /\b(?:yes|yeah|yep|sure|got it|understood|i understand|i see|makes sense|clear now|ok(?:ay)?|thanks|thank you|will do|on it|let'?s go|started)\b/i,
  ],
];

/** The first matching intent (the order above decides: a negative reading wins over "ok"). */
export function classifyMessage(text: string): MessageIntent {
  // Code in a message says nothing about intent ("// TODO: done").
  const prose = text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
  for (const [intent, pattern] of rules) {
    const match = pattern.exec(prose);
    if (!match) continue;
    // "Once the tests pass I'll open the PR" plans the work; it does not report it done.
    if (reports.has(intent) && notAReport.test(sentenceAt(prose, match.index))) continue;
    return intent;
  }
  return 'other';
}

/** Intents that report what happened: a plan, a condition or a question does not send them. */
const reports: ReadonlySet<MessageIntent> = new Set(['done', 'partial', 'prSubmitted']);

/** The sentence of `text` around `index`. */
function sentenceAt(text: string, index: number): string {
  const start = Math.max(
    text.lastIndexOf('.', index - 1),
    text.lastIndexOf('!', index - 1),
    text.lastIndexOf('?', index - 1),
    text.lastIndexOf('\n', index - 1),
  );
  const ends = ['.', '!', '?', '\n']
    .map((c) => text.indexOf(c, index))
    .filter((i) => i >= 0)
    .map((i) => (text[i] === '?' ? i + 1 : i));
  return text.slice(start + 1, ends.length ? Math.min(...ends) : text.length);
}
