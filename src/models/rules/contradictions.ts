import { baseForms, normalizePhrases, sameIdea } from './paraphrase.ts';
import { sameTerm, terms } from './text.ts';
import { quantities, quantityClash } from './understanding-quantities.ts';
import { compatibleValues, negator, slots, slotValues } from './understanding-slots.ts';

/**
 * Where a learner's restatement says something the story contradicts, by general rules rather than
 * per-story lists: a different number for the same quantity, the opposite stance on something the
 * story rules out or requires, another value of an enumerated choice, a different actor for the same
 * capability, a different sort key, endpoint or method, or "no limit" where the story sets one.
 * Every finding is specific enough to count as a misunderstanding even when the rest of the
 * restatement covers the criteria: it names both sides, so the learner can compare them.
 */
export interface Contradiction {
  kind: 'number' | 'negation' | 'choice' | 'scope' | 'limit';
  /** A short description for `wrongPoints`: what the learner says and what the story says. */
  point: string;
}

export interface StoryText {
  title: string;
  description: string;
  acceptanceCriteria: readonly string[];
}

/** Description sentences about how things are today: the problem, not the goal. */
const statusQuo =
  /\b(?:currently|today|at the moment|right now|at present|so far|by hand|used to)\b/i;
/** A clause with these states an exception or a condition; its positive words are not plain claims. */
const qualified = /\b(?:unless|only|except|until)\b/i;
const unbounded =
  /\b(?:unlimited|no (?:upper |time |size |length )?(?:limit|cap|maximum)|without (?:a |any )?(?:time )?(?:limit|cap|maximum)|can be anything|any (?:size|value|number|length)\b(?! maximum)|as (?:big|large|long|many|much)\s+(?:[a-z]+\s+){0,4}?as (?:they|you|the \w+|it) (?:wants?|likes?|needs?)|whenever (?:they|you|the \w+) (?:like|likes|want|wants)|(?:forever|indefinitely))/i;
/** A limit in the story: a maximum, "only", or a window of time ("for 15 minutes after posting"). */
const limited =
  /\bmaximum\b|\blimit(?:ed|s)?\b|\bonly\b|\b(?:for|within|during|until)\s+\d+\s*(?:ms|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b/i;
/** Roles that can hold a capability ("support agents can refund"); one group per role. */
const roles: readonly (readonly string[])[] = [
  [
    'user',
    'users',
    'customer',
    'customers',
    'member',
    'members',
    'visitor',
    'visitors',
    'reader',
    'readers',
    'buyer',
    'buyers',
    'shopper',
    'shoppers',
    'anyone',
    'everyone',
    'people',
  ],
  ['support', 'agent', 'agents', 'staff', 'employee', 'employees', 'operator', 'operators'],
  ['admin', 'admins', 'administrator', 'administrators'],
  ['manager', 'managers'],
  ['developer', 'developers', 'engineer', 'engineers'],
  ['moderator', 'moderators'],
  ['guest', 'guests', 'anonymous'],
  ['owner', 'owners', 'author', 'authors', 'creator', 'creators'],
];
const roleGroup = (word: string) => roles.findIndex((g) => g.includes(word.toLowerCase()));
const capability =
  /\b(?:let|lets|letting|allow|allows|enable|enables)\s+(?:the\s+|all\s+|our\s+)?(?:\w+\s+)?(\w+)\s+(?:to\s+)?(\w+)|\b(\w+)(?:\s+(?:on|in|of|from)\s+(?:the|a|our|their|this|that)\s+\w+)?\s+(?:can|may|could|are able to|is able to|should be able to)\s+(?:now\s+|also\s+|only\s+)?(\w+)/gi;
const sortKey =
  /\b(?:sort(?:ed|s|ing)?|order(?:ed|s|ing)?|arrange[ds]?|rank(?:ed|s)?)\s+(?:them\s+|it\s+|(?:the\s+)?results\s+)?by\s+(?:the\s+|their\s+|its\s+)?([a-z][\w-]*)((?:\s*(?:,|and|then|by|the))+\s*[a-z][\w-]*)?/gi;
/** Orders named without "by": "in alphabetical order", "newest first". */
const impliedKey = /\balphabetical(?:ly)?\b|\b(?:newest|oldest|latest|most recent) first\b/gi;
const pathPattern = /(?:^|[\s`(])(\/[a-z][\w/:{}.-]*)/gi;

interface Clause {
  text: string;
  all: string[];
  /** Terms inside a negation's scope, and terms outside any: a term in both has no clear stance. */
  negated: string[];
  positive: string[];
}

/**
 * A negation surely covers the next content word ("not kept", "never downloads"); the word after it
 * may be covered or not ("not kept in each process" / "not refunded on the order"), so it takes no
 * stance either way.
 */
const scopeWords = 2;

function clausesOf(text: string): Clause[] {
  return text
    .split(/(?<=[.!?])\s+|[;\n]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      // A status code asserts an error ("returns 404" against "not an error"); "unrefunded" is "not
      // refunded", "non-positive" is "not positive".
      const marked = t
        .replace(/\b[45]\d\d\b/g, '$& error')
        .replace(/\bun([a-z]{3,}(?:ed|able|ible))\b/gi, 'not $1')
        .replace(/\bnon-([a-z]{3,})\b/gi, 'not $1');
      const { negated, blanks } = negationScopes(marked);
      return { text: t, all: terms(marked), negated, positive: terms(blank(marked, blanks)) };
    });
}

/** Verbs a negation passes through to their object ("doesn't give an error", "never returns 500"). */
const lightVerbs = new Set(
  terms(
    'give gives gave given giving return returns returned returning produce produces produced throw throws threw thrown raise raises raised cause causes caused result results resulted trigger triggers triggered',
  ),
);
/** Negations of a noun ("no email", "nothing"), whose verb is negated too ("no email is sent"). */
const nounNegator = /^(?:no|none|nothing|nobody|no one|no-one|neither|zero)$/i;
const auxiliary =
  /^\s+(?:is|are|was|were|gets?|got|will\s+be|would\s+be|should\s+be|be|been|being|ever\s+gets?)\s+$/i;

/** Ends a negation's reach: a comma, colon or semicolon, or a conjunction. */
const scopeEnd = /[,;:]|\b(?:and|or|but|so)\b/g;
const deniesQuantifier = /\s+(?:every|all|each|always)\b/iy;
const extendsNegation = /\s+even\b/iy;

/**
 * The terms each negation covers and the spans it takes out of the clause's positive terms: from
 * the negation through the next `scopeWords` content words, stopping at `scopeEnd`. Each negation
 * used to slice and re-split the rest of the clause, which made a clause of many negations
 * ("not not not …") quadratic; here every word, quote and stop is found once for the clause, and a
 * negation jumps from one content word to the next.
 */
function negationScopes(marked: string): { negated: string[]; blanks: Array<[number, number]> } {
  const negated: string[] = [];
  const blanks: Array<[number, number]> = [];
  const quoted = quotedSpans(marked);
  const words = [...marked.matchAll(/[\w'-]+/g)].map((w) => ({
    from: w.index,
    to: w.index + w[0].length,
    terms: terms(w[0]),
  }));
  // nextContent[i]: the first word at or after i with a content term (words.length when none).
  const nextContent: number[] = new Array(words.length + 1).fill(words.length);
  for (let i = words.length - 1; i >= 0; i--)
    nextContent[i] = words[i]!.terms.length ? i : nextContent[i + 1]!;
  const stops = [...marked.matchAll(scopeEnd)].map((m) => m.index);
  let q = 0;
  let w = 0;
  let z = 0;
  for (const m of marked.matchAll(negator)) {
    const start = m.index + m[0].length;
    // "Not every keystroke calls the API" denies "every", not the keystrokes; "instead of each
    // process keeping its own" still rules the keeping out.
    deniesQuantifier.lastIndex = start;
    if (/^(?:not|never|\w+n['’]t)$/i.test(m[0]) && deniesQuantifier.test(marked)) continue;
    // "Not even for a cancelled invoice" extends the negation before it; it does not deny the invoice.
    extendsNegation.lastIndex = start;
    if (/^not$/i.test(m[0]) && extendsNegation.test(marked)) continue;
    // Quoted UI text ("No products found") is what is shown, not a claim.
    while (q < quoted.length && quoted[q]![1] <= m.index) q++;
    if (q < quoted.length && m.index > quoted[q]![0] && m.index < quoted[q]![1]) continue;
    // Stops never straddle a negation's end (a word boundary before a non-word character), so the
    // first one at or after it is the one a search from there would find.
    while (z < stops.length && stops[z]! < start) z++;
    const stop = stops[z] ?? marked.length;
    while (w < words.length && words[w]!.to <= start) w++;
    let end = 0;
    let count = 0;
    let lastTo = start;
    const noun = nounNegator.test(m[0]);
    // Reads one word of the phrase (clipped to it); true once the scope is full.
    const read = (from: number, to: number, ts: string[]) => {
      const gap = marked.slice(lastTo, from);
      end = to - start;
      lastTo = to;
      // "Doesn't give an error": the negation is about the error, the verb takes no stance.
      if (count === 0 && ts.length && ts.every((t) => lightVerbs.has(t))) return false;
      // "No email is sent": a negated subject negates its verb too.
      if (ts.length && (count === 0 || (count === 1 && noun && auxiliary.test(gap))))
        negated.push(...ts);
      return ts.length > 0 && ++count >= scopeWords;
    };
    let i = w;
    let full = false;
    if (i < words.length && words[i]!.from < start && words[i]!.from < stop) {
      const to = Math.min(words[i]!.to, stop);
      full = read(start, to, terms(marked.slice(start, to)));
      i++;
    }
    while (!full && i < words.length && words[i]!.from < stop) {
      const word = words[i]!;
      if (word.to > stop) {
        full = read(word.from, stop, terms(marked.slice(word.from, stop)));
        break;
      }
      const next = nextContent[i]!;
      if (next < words.length && words[next]!.to <= stop) {
        full = read(words[next]!.from, words[next]!.to, words[next]!.terms);
        i = next + 1;
        continue;
      }
      // No content word left inside the phrase: only the scope's end moves, to its last word.
      const last = lastWordBefore(words, stop);
      end = words[last]!.to - start;
      i = last + 1;
    }
    blanks.push([m.index, start + end]);
  }
  return { negated, blanks };
}

/** Index of the last word ending at or before `stop` (binary search: words are in order). */
function lastWordBefore(words: ReadonlyArray<{ to: number }>, stop: number): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (words[mid]!.to <= stop) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `text` with the given spans blanked out (same length, so positions stay). */
function blank(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    if (to <= at) continue;
    const begin = Math.max(from, at);
    out += text.slice(at, begin) + ' '.repeat(to - begin);
    at = to;
  }
  return out + text.slice(at);
}

/**
 * Spans of `"…"` and `“…”` quotes, as `/"[^"]*"|“[^”]*”/g` finds them, in linear time: the pattern
 * scanned to the end from every unclosed `“`.
 */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const closing: Record<string, number> = {};
  const closeAfter = (close: string, from: number) => {
    const known = closing[close];
    if (known === undefined || (known !== -1 && known < from))
      closing[close] = text.indexOf(close, from);
    return closing[close]!;
  };
  for (let i = 0; i < text.length; i++) {
    const close = text[i] === '"' ? '"' : text[i] === '“' ? '”' : undefined;
    if (!close) continue;
    const j = closeAfter(close, i + 1);
    if (j < 0) continue;
    spans.push([i, j + 1]);
    i = j;
  }
  return spans;
}

/** A clause's stance on a term it mentions: negative, positive, or undefined when it says both. */
function stance(c: Clause, term: string): boolean | undefined {
  // The clause's own word decides before its synonyms: "deleting hides it instead of removing it"
  // is against removing, though "delete" and "remove" are synonyms.
  const exactNeg = c.negated.some((t) => sameTerm(t, term));
  const exactPos = c.positive.some((t) => sameTerm(t, term));
  if (exactNeg !== exactPos) return exactNeg;
  const neg = has(c.negated, term);
  const pos = has(c.positive, term);
  return neg === pos ? undefined : neg;
}

const has = (list: readonly string[], term: string) => list.some((t) => sameIdea(t, term));
const context = (a: Clause, b: Clause, except: string) =>
  b.all.filter((t) => !sameIdea(t, except) && has(a.all, t)).length;

/** Negation words that `terms` keeps: they place no clause. */
const negationWords = new Set(terms('cannot never without instead rather none nor'));

/** The story's stance on `term` in the story clause that shares most with `clause`; undefined when no clause shares two terms. */
function stanceNear(
  story: readonly Clause[],
  clause: Clause,
  term: string,
  learner: boolean,
): { negative: boolean; where: Clause } | undefined {
  let best:
    | { negative: boolean | undefined; where: Clause; ctx: number; exact: boolean }
    | undefined;
  for (const s of story) {
    if (!has(s.all, term)) continue;
    const ctx = context(clause, s, term);
    const negative = stance(s, term);
    // A clause using the learner's own word beats one that only has a synonym of it ("removing it
    // from the database" over "can delete it"); on a further tie the stance that agrees with the
    // learner wins: the story may say both in different places.
    const exact = s.all.some((t) => sameTerm(t, term));
    if (
      !best ||
      ctx > best.ctx ||
      (ctx === best.ctx && exact && !best.exact) ||
      (ctx === best.ctx && exact === best.exact && negative !== !learner)
    )
      best = { negative, where: s, ctx, exact };
  }
  // Two shared terms place the learner's clause; a short story clause ("a reset link cannot be
  // reused") is placed by half of its other terms.
  const others = (c: Clause) =>
    c.all.filter((t) => !sameIdea(t, term) && !negationWords.has(t)).length;
  // A word only one story clause uses ("restored") places the claim with one more shared term.
  const unique = story.filter((s) => s.all.some((t) => sameTerm(t, term))).length === 1;
  const enough = (b: { ctx: number; where: Clause }) =>
    b.ctx >= 2 || (b.ctx >= 1 && (b.ctx * 2 >= others(b.where) || (unique && term.length >= 6)));
  return best && enough(best) && best.negative !== undefined
    ? { negative: best.negative, where: best.where }
    : undefined;
}

/** A clause that states a bound: "maximum 100", or a comparison under a negation ("cannot … more … than"). */
const comparison =
  /\b(?:more|fewer|less|longer|shorter|larger|bigger|greater|higher|lower)\b(?:\s+[\w'’-]+){0,6}?\s+than\b/i;
const bound = (text: string) =>
  /\b(?:maximum|minimum)\b/i.test(text) ||
  (comparison.test(text) && new RegExp(negator.source, 'i').test(text));

function negationFlips(story: readonly Clause[], said: readonly Clause[]): Contradiction[] {
  const found: Contradiction[] = [];
  for (const clause of said) {
    if (qualified.test(clause.text)) continue;
    for (const term of clause.all) {
      const negative = stance(clause, term);
      if (negative === undefined) continue;
      const near = stanceNear(story, clause, term, negative);
      if (!near || near.negative === negative) continue;
      // Both state the same bound in their own words ("you can't order more units than we have",
      // "an order cannot contain more units than are in stock"): where each puts its "not" says
      // nothing; the number, if any, is compared by numberClashes.
      if (bound(clause.text) && bound(near.where.text)) continue;
      found.push({
        kind: 'negation',
        point: `says "${clause.text}", but the story says "${near.where.text}"`,
      });
      break;
    }
  }
  return found;
}

function numberClashes(storyGoal: string, said: readonly Clause[]): Contradiction[] {
  const story = quantities(storyGoal);
  const found: Contradiction[] = [];
  for (const clause of said) {
    for (const q of quantities(clause.text)) {
      const clash = quantityClash(q, story);
      if (clash)
        found.push({
          kind: 'number',
          point: `says "${q.raw.trim()}" where the story says "${clash.raw.trim()}"`,
        });
    }
  }
  return found;
}

function choiceClashes(storyGoal: readonly string[], said: readonly Clause[]): Contradiction[] {
  const found: Contradiction[] = [];
  for (const slot of slots) {
    const story = { claimed: new Set<string>(), negated: new Set<string>() };
    for (const s of storyGoal) {
      const v = slotValues(slot, s);
      v.claimed.forEach((x) => story.claimed.add(x));
      v.negated.forEach((x) => story.negated.add(x));
    }
    for (const clause of said) {
      for (const value of slotValues(slot, clause.text).claimed) {
        if (story.negated.has(value) && !story.claimed.has(value))
          found.push({ kind: 'choice', point: `says ${value}, which the story rules out` });
        else if (
          story.claimed.size &&
          ![...story.claimed].some((s) => compatibleValues(slot, s, value))
        ) {
          found.push({
            kind: 'choice',
            point: `says ${value} where the story says ${[...story.claimed].join(' / ')} (${slot.name})`,
          });
        }
      }
    }
  }
  return found;
}

function capabilities(text: string): { role: number; word: string; verb: string }[] {
  return [...text.matchAll(capability)].flatMap((m) => {
    const word = m[1] ?? m[3]!;
    const role = roleGroup(word);
    return role >= 0 ? [{ role, word, verb: terms(m[2] ?? m[4]!)[0] ?? '' }] : [];
  });
}

/** "Users cannot turn it off": a role denied a capability, unless about others ("cannot edit other people's"). */
const denial =
  /\b(\w+)\s+(?:cannot|can'?t|can\s+not|may\s+not|(?:is|are)\s+not\s+able\s+to|(?:isn|aren)'?t\s+able\s+to|(?:won'?t|will\s+not)\s+be\s+able\s+to)\s+(?:(?:also|ever|now|even|still|really|just|yet)\s+)?(\w+)(?![^.;\n]{0,40}\b(?:others?|other\s+\w+|someone|another|anyone\s+else|except|but)\b)/gi;

function denials(text: string): { role: number; word: string; verb: string }[] {
  return [...text.matchAll(denial)].flatMap((m) => {
    const role = roleGroup(m[1]!);
    const verb = terms(m[2]!)[0] ?? '';
    return role >= 0 && verb ? [{ role, word: m[1]!, verb }] : [];
  });
}

function scopeClashes(storyGoal: string, said: string): Contradiction[] {
  const found: Contradiction[] = [];
  const story = capabilities(storyGoal);
  const storyDenies = denials(storyGoal);
  // The story grants a role something the learner says it cannot do.
  for (const d of denials(said)) {
    const granted = story.find((s) => s.role === d.role && s.verb && sameIdea(s.verb, d.verb));
    if (granted && !storyDenies.some((s) => s.role === d.role && sameIdea(s.verb, d.verb)))
      found.push({
        kind: 'scope',
        point: `says ${d.word} cannot ${d.verb}, but in the story ${granted.word} can`,
      });
  }
  // A story that names the same people two ways ("shoppers can buy without signing up", "guests can
  // check out") and restricts no one does not set them apart.
  const restricts = /\b(?:only|cannot|can'?t|not|nobody|no one|except)\b/i.test(storyGoal);
  for (const c of capabilities(said)) {
    const same = story.filter((s) => c.verb && s.verb && sameIdea(s.verb, c.verb));
    if (!restricts && story.some((s) => s.role === c.role)) continue;
    if (same.length && !same.some((s) => s.role === c.role))
      found.push({
        kind: 'scope',
        point: `says ${c.word} can ${c.verb}, but in the story it is ${same[0]!.word}`,
      });
  }
  const storyPaths = [...storyGoal.matchAll(pathPattern)].map((m) =>
    m[1]!.replace(/(?<![/.])[/.]+$/, ''),
  );
  for (const m of said.matchAll(pathPattern)) {
    const path = m[1]!.replace(/(?<![/.])[/.]+$/, '');
    if (storyPaths.length && !storyPaths.some((p) => p.endsWith(path) || path.endsWith(p)))
      found.push({
        kind: 'scope',
        point: `talks about ${path}, but the story is about ${storyPaths.join(', ')}`,
      });
  }
  const keysOf = (text: string) => [
    ...[...text.matchAll(sortKey)].map((m) => m[1]!.toLowerCase()),
    ...[...text.matchAll(impliedKey)].map((m) => (/alpha/i.test(m[0]) ? 'alphabetical' : 'date')),
  ];
  const storyKeys = [...storyGoal.matchAll(sortKey)]
    .flatMap((m) => (m[2] ?? '').toLowerCase().split(/[^a-z-]+/))
    .concat(keysOf(storyGoal))
    .filter((k) => terms(k).length);
  for (const key of keysOf(said)) {
    const stems = terms(key);
    if (
      stems.length &&
      storyKeys.length &&
      !storyKeys.some((k) => terms(k).some((t) => has(stems, t)))
    )
      found.push({
        kind: 'choice',
        point: `sorts by ${key}, but the story orders by ${storyKeys.join(', then ')}`,
      });
  }
  return found;
}

/** What the learner says against the story (title, goal sentences of the description, acceptance criteria). */
export function findContradictions(story: StoryText, restatement: string): Contradiction[] {
  const goalSentences = story.description
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.trim() && !statusQuo.test(s));
  const goal = [story.title, ...goalSentences, ...story.acceptanceCriteria].map((g) =>
    baseForms(normalizePhrases(g)),
  );
  const goalText = goal.join('\n');
  const text = baseForms(normalizePhrases(restatement));
  const said = clausesOf(text);
  const found = [
    ...numberClashes(goalText, said),
    ...choiceClashes(
      goal.flatMap((g) => g.split(/[;\n]+/)),
      said,
    ),
    ...scopeClashes(goalText, text),
    // One sentence often lists several claims ("invalid values return 400, a page past the end returns
    // empty items"): each comma-separated claim is compared with the story clause it is about, or the
    // 400 of one claim would clash with the "not an error" of another.
    // ", even for a single character" still belongs to the claim before it.
    ...negationFlips(clausesOf(goalText), clausesOf(text.replace(/,\s+(?!even\b)/g, '; '))),
  ];
  const boundless = unbounded.exec(text)?.[0];
  // The story's own words ("a session lives forever today", "revoke at any time") are no claim against it.
  if (
    boundless &&
    limited.test(goalText) &&
    !goalText.toLowerCase().includes(boundless.toLowerCase()) &&
    !(/^whenever\b/i.test(boundless) && /\bany\s?time\b|\bwhenever\b/i.test(goalText))
  )
    found.push({ kind: 'limit', point: `says "${boundless}", but the story sets a limit` });
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.point) && seen.add(f.point));
}

/** Whether some story clause mentioning `term` is itself negative ("no digest on a day without notifications"). */
export function storyNegates(storyText: string, term: string): boolean {
  return clausesOf(normalizePhrases(storyText)).some(
    (c) => has(c.all, term) && new RegExp(negator.source, 'i').test(c.text),
  );
}
