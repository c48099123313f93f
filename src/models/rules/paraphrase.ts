import { sameTerm, terms } from './text.ts';

/**
 * Matching a learner's paraphrase against a story's wording in rules mode: the same idea said with
 * other words ("capped at 100" for "limited to 100", "params" for "parameters", "half an hour" for
 * "30 minutes", "OS" for "operating system"). Both texts are normalised the same way, so the rules
 * stay symmetric: phrases are rewritten, number words become digits, and every term carries the
 * synonym groups it belongs to.
 */

/** Multi-word phrases and spellings rewritten to one form before terms are taken. */
const phrases: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bhalf an hour\b/gi, '30 minutes'],
  [/\ban hour\b/gi, '60 minutes'],
  [/\b(\d+)\s*k\b/gi, '$1000'],
  [/\b(\d{1,3}),(\d{3})\b/g, '$1$2'],
  [/\be-mail/gi, 'email'],
  [/\b(?:log|sign)[\s-]?(?:in|on)\b/gi, 'login'],
  [/\bsign[\s-]?up\b/gi, 'signup'],
  [/\bOS\b/g, 'operatingsystem'],
  [/\boperating systems?\b/gi, 'operatingsystem'],
  [/\b(?:at most|no more than|not more than|up to|capped at|at the most)\b/gi, 'maximum'],
  [/\b(?:at least|no less than|or more|or longer|or better)\b/gi, 'minimum'],
  // A negated comparison is a bound: "can't be more than 100", "never shows more than 10",
  // "doesn't exceed 90 days", "may not be shorter than 12".
  [
    /\b(?:never|not|can'?t|cannot|can not|won'?t|doesn'?t|don'?t|isn'?t|aren'?t|mustn'?t|shouldn'?t|must not|should not|will not|does not|do not|is not|are not|may not)\s+(?:be\s+)?((?:[a-z]+\s+){0,2}?)(?:(?:more|greater|larger|bigger|higher|longer)\s+than|exceed(?:s|ing)?|go(?:es)?\s+(?:over|above|beyond))\b/gi,
    '$1maximum',
  ],
  [
    /\b(?:never|not|can'?t|cannot|can not|won'?t|doesn'?t|don'?t|isn'?t|aren'?t|mustn'?t|shouldn'?t|must not|should not|will not|does not|do not|is not|are not|may not)\s+(?:be\s+)?((?:[a-z]+\s+){0,2}?)(?:(?:less|fewer|shorter|smaller|lower)\s+than|(?:go(?:es)?|fall(?:s)?|drop(?:s)?)\s+below)\b/gi,
    '$1minimum',
  ],
  // "No API key gets over 100 requests" bounds every key.
  [
    /\bno\s+((?:[a-z]+\s+){1,3}?)(gets?|has|have|makes?|sends?|receives?|is|are)\s+(?:over|above|beyond|more\s+than)\b/gi,
    'each $1$2 maximum',
  ],
  // "There is no way to restore it" says it cannot be restored.
  [/\b(?:there(?:'s|\s+is)\s+)?no\s+way\s+to\b/gi, 'cannot'],
  [/\bout of (?:range|bounds)\b/gi, 'beyond'],
  [/\bnext time\b/gi, 'later visit'],
  [/\bpage (?:past|beyond|after) the (?:end|last(?: one| page)?)\b/gi, 'page past end'],
  [/\b(?:times?|timed|timing) out\b|\btime-?outs?\b/gi, 'timeout'],
  [/\b(?:internal )?server errors?\b/gi, '5xx'],
  // "Whether or not" and a trailing "or not" say "either way", not a negation.
  [/\bwhether or not\b/gi, 'whether'],
  [/\bor not\b/gi, ''],
  // Using something again, however it is said: "reuse", "used twice", "a second time".
  // ("use" and "again" are stopwords, so the idea gets one content word).
  [/\bre-?us(?:e|es|ed|ing|able)\b/gi, 'reuse'],
  [
    /\bus(?:e|es|ed|ing)\s+(?:twice|more than once|a second time|again|multiple times|repeatedly)\b/gi,
    'reuse',
  ],
];

/**
 * Irregular verb forms, read as their base form so "kept" and "keep" are one idea (used where
 * stances are compared: contradictions.ts; coverage keeps its own reading).
 */
const irregularForms: Readonly<Record<string, string>> = {
  kept: 'keep',
  sent: 'send',
  shown: 'show',
  built: 'build',
  written: 'write',
  wrote: 'write',
  given: 'give',
  gave: 'give',
  taken: 'take',
  took: 'take',
  hidden: 'hide',
  hid: 'hide',
  chosen: 'choose',
  chose: 'choose',
  held: 'hold',
  paid: 'pay',
  sold: 'sell',
  bought: 'buy',
  lost: 'lose',
};

/** Number words a learner spells out where the story uses digits ("five failed attempts"). */
const numberWords: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  fifty: '50',
  hundred: '100',
};

/**
 * Everyday synonyms in software stories. A word may sit in several groups ("wrong" is a failure and
 * an invalid value); two terms match when they share a group. Only words that keep their meaning
 * across domains belong here: "order" (a noun in shops) is not a synonym of "sort".
 */
const synonymGroups: readonly (readonly string[])[] = [
  ['parameter', 'param', 'argument', 'arg'],
  ['limit', 'cap', 'max', 'maximum', 'ceiling'],
  ['return', 'respond', 'response', 'reply', 'answer'],
  ['invalid', 'bad', 'wrong', 'incorrect', 'malformed', 'illegal', 'garbage'],
  ['fail', 'failure', 'wrong', 'incorrect', 'unsuccessful'],
  ['last', 'final'],
  ['backoff', 'delay', 'wait'],
  ['mark', 'flag', 'tag'],
  ['expire', 'expiry', 'expiration', 'ttl'],
  ['error', 'exception', 'problem'],
  ['empty', 'nothing', 'none', 'blank'],
  ['sort', 'sorted', 'sorting', 'arrange'],
  ['total', 'count', 'counter', 'tally', 'sum', 'amount'],
  ['item', 'result', 'record', 'entry', 'element'],
  ['list', 'array', 'collection'],
  ['test', 'spec'],
  ['past', 'beyond', 'exceed', 'outside'],
  ['email', 'mail'],
  ['toggle', 'switch', 'flip'],
  ['remember', 'persist', 'save', 'store', 'keep', 'retain', 'recall'],
  ['preference', 'prefer', 'preferred'],
  ['choose', 'chosen', 'choice', 'select', 'selected', 'selection', 'pick', 'picked'],
  ['lock', 'block', 'ban', 'lockout'],
  ['reset', 'clear'],
  ['attempt', 'try', 'tries', 'retry', 'retries'],
  ['login', 'logins', 'signin', 'logon'],
  ['quote', 'escape', 'escaping'],
  ['show', 'display', 'render', 'visible', 'see'],
  ['reject', 'refuse', 'deny', 'decline', 'block'],
  ['delete', 'remove'],
  ['page', 'screen', 'view'],
  ['minute', 'min', 'mins'],
  ['integer', 'int', 'number', 'numeric'],
  ['theme', 'mode'],
  ['visit', 'session'],
  ['message', 'text'],
  ['header', 'heading'],
  ['row', 'line'],
  ['download', 'downloads'],
  ['large', 'big', 'huge'],
];

const groupsOfStem = new Map<string, Set<number>>();
synonymGroups.forEach((group, index) => {
  for (const word of group)
    for (const t of terms(word)) groupsOfStem.set(t, (groupsOfStem.get(t) ?? new Set()).add(index));
});

/** `text` with phrases rewritten and number words as digits: the same wording on both sides. */
export function normalizePhrases(text: string): string {
  let out = text;
  for (const [pattern, replacement] of phrases) out = out.replace(pattern, replacement);
  return out.replace(/\b[a-z]+\b/gi, (w) => numberWords[w.toLowerCase()] ?? w);
}

/** `text` with irregular verb forms as their base form ("not kept" reads as "not keep"). */
export function baseForms(text: string): string {
  return text.replace(/\b[a-z]+\b/gi, (w) => irregularForms[w.toLowerCase()] ?? w);
}

/** Content terms (stems) of a text after normalisation. */
export function paraphraseTerms(text: string): string[] {
  return terms(normalizePhrases(text));
}

/** Whether two stems name the same idea: the same term, or synonyms. */
export function sameIdea(a: string, b: string): boolean {
  if (sameTerm(a, b)) return true;
  const ga = groupsOfStem.get(a);
  const gb = groupsOfStem.get(b);
  if (!ga || !gb) return false;
  for (const g of ga) if (gb.has(g)) return true;
  return false;
}

/** Whether `have` contains `term` or a synonym of it. */
export function mentions(have: readonly string[], term: string): boolean {
  return have.some((h) => sameIdea(term, h));
}
