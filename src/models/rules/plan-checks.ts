import { detectPromptInjection } from '../../domain/signals/prompt-injection.ts';
import { contradictions, stem, terms, sameTerm } from './text.ts';

/**
 * The plan reviewer's vocabularies and approach checks, kept apart from the scoring: what counts as
 * tests, edge cases and verification in a plan, and which shortcuts make a plan the wrong approach.
 */

/** A plan's story as the checks need it. */
export interface PlanContext {
  storyText: string;
  criteria: string[];
}

interface AntiPattern {
  pattern: RegExp;
  concern: string;
  /** Applies only when the story needs it (e.g. state that must be shared or persisted). */
  when?: (story: string) => boolean;
}

const keepsData = (story: string) =>
  /\b(?:not|never|without)\s+(?:be(?:ing)?\s+)?(?:delet|remov|los)\w*|\b(?:keep|preserve)\s+(?:the\s+)?(?:history|records?|data)\b/i.test(
    story,
  );
const needsSharedState = (story: string) =>
  /\b(?:redis|database|db|persist\w*|across\s+(?:\w+\s+){0,2}(?:instances|servers|restarts|processes|nodes)|restarts?|shared|multiple\s+(?:servers|instances|processes))\b/i.test(
    story,
  );

/** Shortcuts that make a plan the wrong approach. */
const antiPatterns: AntiPattern[] = [
  {
    pattern: /\bhard[- ]?cod(?:e|ed|ing)\b/i,
    concern: 'hard-codes values that should be computed or configured',
  },
  {
    pattern:
      /\b(?:skip|disable|delete|remove|comment out)\b[^.\n]{0,30}\btests?\b|\bno (?:need for )?tests?\b|\bwithout tests?\b/i,
    concern: 'skips or removes tests',
  },
  {
    pattern:
      /\b(?:ignore|suppress|swallow|silence)\b[^.\n]{0,30}\b(?:errors?|warnings?|exceptions?)\b|@ts-ignore|eslint-disable/i,
    concern: 'hides errors instead of fixing them',
  },
  {
    pattern:
      /\b(?:rewrite|redo|start over)\b[^.\n]{0,30}\b(?:everything|whole|entire|from scratch)\b/i,
    concern: 'rewrites far more than the story needs',
  },
  {
    pattern:
      /\bcopy(?:[- ]paste| and paste)\b|\b(?:copy|duplicate|clone)\s+(?:\w+\s+)?(?:every|all|each)\s+(?:\w+\s+){0,2}(?:files?|components?|pages?|functions?|stylesheets?|css|class(?:es)?|modules?|tests?|endpoints?|routes?)\b/i,
    concern: 'duplicates code instead of reusing it',
  },
  {
    pattern:
      /\bglobal\s+(?:mutable\s+)?(?:variables?|objects?|maps?|arrays?|state|counters?|dict\w*|lists?)\b/i,
    concern: 'relies on global mutable state',
  },
  {
    pattern:
      /\bin[- ]memory\b|\bmodule[- ]level\s+(?:variable|object|map|array)\b|\b(?:local|plain)\s+(?:variable|object|map|array)\s+(?:in|inside)\s+the\s+(?:server|process|handler)\b/i,
    concern: 'keeps state in process memory although the story needs it shared or persisted',
    when: needsSharedState,
  },
  {
    pattern:
      /\b(?:user\s*ids?|ids?|e-?mails?(?:\s+address(?:es)?)?|usernames?|timestamps?|(?:sequential|incrementing|auto-?increment(?:ed)?|predictable)\s+(?:numbers?|ids?|values?))\s+as\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+)?(?:tokens?|secrets?|keys?|passwords?)\b|\bmath\.random\b[^.\n]{0,40}\b(?:tokens?|secrets?|passwords?)\b|\b(?:tokens?|secrets?|passwords?)\b[^.\n]{0,40}\bmath\.random\b/i,
    concern: 'uses a guessable value as a secret',
  },
  {
    pattern:
      /\b(?:truncat\w*|drop(?:s|ping)?\s+(?:the\s+)?(?:\w+\s+)?tables?|(?:delet|wip|purg)\w*\s+(?:all|every|the whole)\s+(?:\w+\s+)?(?:rows?|records?|data|entries|table))\b(?![^.\n]{0,40}\b(?:tests?|specs?|fixtures?)\b)/i,
    concern: 'wipes existing data the story says must be kept',
    when: keepsData,
  },
  { pattern: /\beval\s*\(|\bnew Function\s*\(/i, concern: 'evaluates strings as code' },
  {
    pattern: /\bforce[- ]push\b|\bpush (?:directly )?to (?:main|master)\b/i,
    concern: 'bypasses review',
  },
  {
    pattern:
      /\b(?:load|fetch|get|read|query|select)\b[^.\n]{0,25}\b(?:all|every|entire)\b[^.\n]{0,30}\b(?:then|and)\b[^.\n]{0,20}\b(?:filter|slice|sort|page|paginat)/i,
    concern: 'loads everything into memory before narrowing it down',
  },
  {
    pattern:
      /\b(?:add|use|put)\s+(?:a\s+)?(?:sleep|settimeout|delay|wait)\b[^.\n]{0,40}\b(?:race|flaky|timing)\b/i,
    concern: 'waits a fixed time instead of synchronising',
  },
];

export const testing =
  /\b(?:tests?|testing|tested|specs?|assert(?:ion|s|ed|ing)?s?|vitest|jest|pytest|mocha|cypress|playwright|testing library|tdd|unit[- ]tests?|e2e|end[- ]to[- ]end|(?:automated|regression|snapshot) (?:checks?|runs?|suite))\b/i;
/** Words that name the cases a test covers. */
export const testCases =
  /\b(?:edge cases?|invalid|empty|boundary|error cases?|negative cases?|corner cases?|limits?|failure cases?|last page|first page|zero|null|missing|unknown|expired?|reused?|twice|too (?:large|long|big|small|short)|happy path|sad path|rejected|wrong|larger|bigger|over|under|exceed\w*|no (?:match\w*|results?)|nothing|mock(?:ed)?|fake timers|escap\w*|special characters?|errors?|failures?|failing|negative|bounds|clamp\w*|below|above|timeouts?|unauthori[sz]ed|forbidden|non-[a-z]+|4\d\d)\b/i;
/** Words that show a plan handles invalid input, failures and edge cases. */
export const edgeCases =
  /\b(?:edge cases?|invalid|errors?|empty|boundary|validat\w*|limits?|fail\w*|exceptions?|bad input|out of range|too (?:large|long|big|small|short)|missing|unknown|expire[ds]?|expiry|unavailable|(?:is|goes|are) down|throws?|fall(?:s|ing)? back|fallback|reject\w*|escap\w*|special characters?|duplicates?|concurrent\w*|race|timeouts?|retry|no (?:match\w*|results?|transactions?|data|items?)|nothing (?:matches|found)|null|undefined|quot(?:e|es|ing) (?:fields?|values?)|not (?:exist|found|set)|blocked|private mode|reus\w*|twice|once|only once|bounds|clamp\w*|negative|zero|exceed\w*|unauthori[sz]ed|forbidden|not allowed|permissions?|non-[a-z]+|4\d\d|5xx)\b/i;
/** A way to check the result: running things, review, manual checks. */
export const verification =
  /\b(?:lint\w*|type[- ]?check\w*|tsc|build|run (?:the |all |every )?(?:whole |full )?(?:app|tests?|suite|it|them|checks?)|manual(?:ly)?|by hand|visual(?:ly)?|in the browser|code review|review(?:er)?|pull request|merge request|\bpr\b|commit|ci\b|coverage|try it|verify|check|qa|smoke test|demo|green)\b/i;

/** Concerns that make a plan the wrong approach for its story. */
export function approachConcerns(
  plan: string,
  context: PlanContext | undefined,
  offTopic: boolean,
): string[] {
  const concerns = new Set<string>();
  for (const { pattern, concern, when } of antiPatterns) {
    if (pattern.test(plan) && (!when || (context && when(context.storyText))))
      concerns.add(`The plan ${concern}.`);
  }
  if (context) {
    for (const c of localContradictions(context.storyText, plan))
      concerns.add(`The plan says "${c.textWord}" where the story says "${c.storyWord}".`);
    for (const dropped of dismissedRequirements(plan, context.criteria))
      concerns.add(`The plan sets aside "${dropped}", which the story requires.`);
    for (const ruledOut of forbiddenActions(context.storyText, plan, context.criteria))
      concerns.add(`The plan does what the story rules out: "${ruledOut}".`);
  }
  if (offTopic) concerns.add('The plan does not seem to address what the story asks for.');
  if (detectPromptInjection(plan).injection)
    concerns.add('The plan contains instructions to the reviewer instead of steps.');
  return [...concerns];
}

/** Content terms within `reach` words of `word` in each sentence of `text` that uses it. */
function neighbourhoods(text: string, word: string, reach = 4): string[][] {
  const target = stem(word);
  const found: string[][] = [];
  for (const sentence of text.split(/\n+|(?<=[.!?;])\s+/)) {
    const words = sentence
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    words.forEach((w, i) => {
      if (stem(w) === target)
        found.push(
          terms(words.slice(Math.max(0, i - reach), i + reach + 1).join(' ')).filter(
            (t) => t !== target,
          ),
        );
    });
  }
  return found;
}

/**
 * Opposite words are a contradiction only when they speak about the same thing: the story's word
 * and the plan's opposite must have two content terms in common close by ("orders sorted newest
 * first" vs "sort the orders oldest first"); "the form accepts an email" vs "password rejected" is not one.
 */
function localContradictions(storyText: string, plan: string) {
  return contradictions(storyText, plan).filter((c) => {
    if (!c.strong) return false;
    const near = neighbourhoods(storyText, c.storyWord);
    return neighbourhoods(plan, c.textWord).some((p) =>
      near.some((n) => p.filter((t) => n.some((u) => sameTerm(t, u))).length >= 2),
    );
  });
}

const dismissal =
  /\b(?:ignor(?:e|es|ing)|skip(?:s|ping)?|no need (?:for|to)|don'?t bother (?:with )?|leav(?:e|ing) out|drop(?:ping)?|regardless of)\s+(?:(?:the|any|all|those|these|every)\s+)?([a-z][\w-]*)(?:\s+([a-z][\w-]*))?/gi;

/** A dismissal followed by its condition is a rule the plan applies ("skip the team when it had no activity"). */
const conditional =
  /^[^.,;:\n]{0,60}?\b(?:when|if|unless|whose|that|which|with no|without|in dry-?run|during)\b/i;
/** Words a criterion negates ("no API call that changes state"): skipping them is what it asks for. */
const negatedInCriterion =
  /\b(?:no|not|never|without|nothing|none)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)/gi;

/**
 * Criterion terms the plan explicitly sets aside ("ignoring the filters", "no need for a cursor"),
 * unless the skip is conditional or the criterion itself rules the thing out.
 */
function dismissedRequirements(plan: string, criteria: string[]): string[] {
  const negated = new Set(
    criteria.flatMap((c) => [...c.matchAll(negatedInCriterion)].flatMap((m) => terms(m[1]!))),
  );
  const criterionTerms = new Set(criteria.flatMap((c) => terms(c)).filter((t) => !negated.has(t)));
  const found: string[] = [];
  for (const match of plan.matchAll(dismissal)) {
    if (conditional.test(plan.slice(match.index))) continue;
    for (const word of [match[1], match[2]]) {
      if (!word || /^(?:errors?|warnings?|tests?|whitespace|case|comments?)$/i.test(word)) continue;
      const t = stem(word);
      if (t.length >= 3 && [...criterionTerms].some((c) => sameTerm(c, t))) {
        found.push(word);
        break;
      }
    }
  }
  return found;
}

const forbidding =
  /\b(?:without|instead of|rather than|never|must not|mustn'?t|should not|shouldn'?t|do not|don'?t|no longer)\s+([a-z]+)((?:\s+(?:them|it|the|every|all|any|whole|entire|each)){0,3})/gi;
const quantifier = /\b(?:all|every|whole|entire|each)\b/i;
const planNegation =
  /\b(?:without|instead of|rather than|never|not|don'?t|no|avoid(?:ing)?)\s+(?:\w+\s+)?$/i;

/**
 * What the story rules out ("find customers without loading them all") and the plan does anyway
 * ("load all customers into the page"): the story's verb, with its "all" when it had one.
 */
function forbiddenActions(storyText: string, plan: string, criteria: string[]): string[] {
  const found: string[] = [];
  const negative = new RegExp(forbidding.source, 'i');
  const required = new Set(criteria.filter((c) => !negative.test(c)).flatMap((c) => terms(c)));
  for (const match of storyText.matchAll(forbidding)) {
    const verb = stem(match[1]!);
    if (
      verb.length < 4 ||
      /^(?:have|been|make|know|that|this|will|just|only|more|less|even|ever|also)$/.test(verb)
    )
      continue;
    const quantified = quantifier.test(match[2] ?? '');
    // The story rules out a way of doing it ("without removing it and adding it again") while a
    // criterion asks for the same verb elsewhere ("quantity 0 removes the line"): the plan may use it.
    if (!quantified && required.has(verb)) continue;
    const pattern = new RegExp(
      String.raw`\b${verb}\w*\b${quantified ? String.raw`[^.\n]{0,30}\b(?:all|every|whole|entire|each)\b` : ''}`,
      'gi',
    );
    for (const hit of plan.matchAll(pattern)) {
      if (planNegation.test(plan.slice(0, hit.index))) continue;
      found.push(hit[0]);
      break;
    }
  }
  return found;
}
