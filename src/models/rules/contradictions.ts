import { normalizePhrases, sameIdea } from './paraphrase.ts';
import { terms } from './text.ts';
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
const statusQuo = /\b(?:currently|today|at the moment|right now|at present|so far|by hand|used to)\b/i;
/** A clause with these states an exception or a condition; its positive words are not plain claims. */
const qualified = /\b(?:unless|only|except|until)\b/i;
const unbounded = /\b(?:unlimited|no (?:upper )?(?:limit|cap|maximum)|without (?:a |any )?(?:limit|cap|maximum)|can be anything|any (?:size|value|number|length)\b(?! maximum)|as (?:big|large|long|many|much) as (?:they|you|the \w+|it) (?:wants?|likes?|needs?))/i;
const limited = /\bmaximum\b|\blimit(?:ed|s)?\b|\bonly\b/i;
/** Roles that can hold a capability ("support agents can refund"); one group per role. */
const roles: readonly (readonly string[])[] = [
  ['user', 'users', 'customer', 'customers', 'member', 'members', 'visitor', 'visitors', 'reader', 'readers', 'buyer', 'buyers', 'shopper', 'shoppers', 'anyone', 'everyone', 'people'],
  ['support', 'agent', 'agents', 'staff', 'employee', 'employees', 'operator', 'operators'],
  ['admin', 'admins', 'administrator', 'administrators'],
  ['manager', 'managers'],
  ['developer', 'developers', 'engineer', 'engineers'],
  ['moderator', 'moderators'],
  ['guest', 'guests', 'anonymous'],
];
const roleGroup = (word: string) => roles.findIndex((g) => g.includes(word.toLowerCase()));
const capability = /\b(?:let|lets|letting|allow|allows|enable|enables)\s+(?:the\s+|all\s+|our\s+)?(?:\w+\s+)?(\w+)\s+(?:to\s+)?(\w+)|\b(\w+)\s+(?:can|may|could|are able to|is able to|should be able to)\s+(?:now\s+|also\s+|only\s+)?(\w+)/gi;
const sortKey = /\b(?:sort(?:ed|s|ing)?|order(?:ed|s|ing)?|arrange[ds]?|rank(?:ed|s)?)\s+(?:them\s+|it\s+|(?:the\s+)?results\s+)?by\s+(?:the\s+|their\s+|its\s+)?([a-z][\w-]*)((?:\s*(?:,|and|then|by|the))+\s*[a-z][\w-]*)?/gi;
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
      // A status code asserts an error ("returns 404" against "not an error"); "unrefunded" is "not refunded".
      const marked = t.replace(/\b[45]\d\d\b/g, '$& error').replace(/\bun([a-z]{3,}(?:ed|able|ible))\b/gi, 'not $1');
      const negated: string[] = [];
      let outside = marked;
      const quoted = [...marked.matchAll(/"[^"]*"|“[^”]*”/g)].map((q) => [q.index, q.index + q[0].length] as const);
      for (const m of marked.matchAll(negator)) {
        // "Not every keystroke calls the API" denies "every", not the keystrokes.
        if (/^\s+(?:every|all|each|always)\b/i.test(marked.slice(m.index + m[0].length))) continue;
        // Quoted UI text ("No products found") is what is shown, not a claim.
        if (quoted.some(([from, to]) => m.index > from && m.index < to)) continue;
        const phrase = marked.slice(m.index + m[0].length).split(/[,;:]|\b(?:and|or|but|so)\b/)[0]!;
        let end = 0;
        let count = 0;
        for (const w of phrase.matchAll(/[\w'-]+/g)) {
          const ts = terms(w[0]);
          end = w.index + w[0].length;
          if (ts.length && count === 0) negated.push(...ts);
          if (ts.length && ++count >= scopeWords) break;
        }
        outside = outside.slice(0, m.index) + ' '.repeat(m[0].length + end) + outside.slice(m.index + m[0].length + end);
      }
      return { text: t, all: terms(marked), negated, positive: terms(outside) };
    });
}

/** A clause's stance on a term it mentions: negative, positive, or undefined when it says both. */
function stance(c: Clause, term: string): boolean | undefined {
  const neg = has(c.negated, term);
  const pos = has(c.positive, term);
  return neg === pos ? undefined : neg;
}

const has = (list: readonly string[], term: string) => list.some((t) => sameIdea(t, term));
const context = (a: Clause, b: Clause, except: string) => b.all.filter((t) => !sameIdea(t, except) && has(a.all, t)).length;

/** The story's stance on `term` in the story clause that shares most with `clause`; undefined when no clause shares two terms. */
function stanceNear(story: readonly Clause[], clause: Clause, term: string, learner: boolean): { negative: boolean; where: Clause } | undefined {
  let best: { negative: boolean | undefined; where: Clause; ctx: number } | undefined;
  for (const s of story) {
    if (!has(s.all, term)) continue;
    const ctx = context(clause, s, term);
    const negative = stance(s, term);
    // On a tie the stance that agrees with the learner wins: the story may say both in different places.
    if (!best || ctx > best.ctx || (ctx === best.ctx && negative !== !learner)) best = { negative, where: s, ctx };
  }
  return best && best.ctx >= 2 && best.negative !== undefined ? { negative: best.negative, where: best.where } : undefined;
}

function negationFlips(story: readonly Clause[], said: readonly Clause[]): Contradiction[] {
  const found: Contradiction[] = [];
  for (const clause of said) {
    if (qualified.test(clause.text)) continue;
    for (const term of clause.all) {
      const negative = stance(clause, term);
      if (negative === undefined) continue;
      const near = stanceNear(story, clause, term, negative);
      if (!near || near.negative === negative) continue;
      found.push({ kind: 'negation', point: `says "${clause.text}", but the story says "${near.where.text}"` });
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
      if (clash) found.push({ kind: 'number', point: `says "${q.raw.trim()}" where the story says "${clash.raw.trim()}"` });
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
        if (story.negated.has(value) && !story.claimed.has(value)) found.push({ kind: 'choice', point: `says ${value}, which the story rules out` });
        else if (story.claimed.size && ![...story.claimed].some((s) => compatibleValues(slot, s, value))) {
          found.push({ kind: 'choice', point: `says ${value} where the story says ${[...story.claimed].join(' / ')} (${slot.name})` });
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

function scopeClashes(storyGoal: string, said: string): Contradiction[] {
  const found: Contradiction[] = [];
  const story = capabilities(storyGoal);
  for (const c of capabilities(said)) {
    const same = story.filter((s) => c.verb && s.verb && sameIdea(s.verb, c.verb));
    if (same.length && !same.some((s) => s.role === c.role)) found.push({ kind: 'scope', point: `says ${c.word} can ${c.verb}, but in the story it is ${same[0]!.word}` });
  }
  const storyPaths = [...storyGoal.matchAll(pathPattern)].map((m) => m[1]!.replace(/(?<![/.])[/.]+$/, ''));
  for (const m of said.matchAll(pathPattern)) {
    const path = m[1]!.replace(/(?<![/.])[/.]+$/, '');
    if (storyPaths.length && !storyPaths.some((p) => p.endsWith(path) || path.endsWith(p))) found.push({ kind: 'scope', point: `talks about ${path}, but the story is about ${storyPaths.join(', ')}` });
  }
  const keysOf = (text: string) => [...[...text.matchAll(sortKey)].map((m) => m[1]!.toLowerCase()), ...[...text.matchAll(impliedKey)].map((m) => (/alpha/i.test(m[0]) ? 'alphabetical' : 'date'))];
  const storyKeys = [...storyGoal.matchAll(sortKey)]
    .flatMap((m) => (m[2] ?? '').toLowerCase().split(/[^a-z-]+/))
    .concat(keysOf(storyGoal))
    .filter((k) => terms(k).length);
  for (const key of keysOf(said)) {
    const stems = terms(key);
    if (stems.length && storyKeys.length && !storyKeys.some((k) => terms(k).some((t) => has(stems, t)))) found.push({ kind: 'choice', point: `sorts by ${key}, but the story orders by ${storyKeys.join(', then ')}` });
  }
  return found;
}

/** What the learner says against the story (title, goal sentences of the description, acceptance criteria). */
export function findContradictions(story: StoryText, restatement: string): Contradiction[] {
  const goalSentences = story.description.split(/(?<=[.!?])\s+/).filter((s) => s.trim() && !statusQuo.test(s));
  const goal = [story.title, ...goalSentences, ...story.acceptanceCriteria].map(normalizePhrases);
  const goalText = goal.join('\n');
  const text = normalizePhrases(restatement);
  const said = clausesOf(text);
  const found = [
    ...numberClashes(goalText, said),
    ...choiceClashes(goal.flatMap((g) => g.split(/[;\n]+/)), said),
    ...scopeClashes(goalText, text),
    // One sentence often lists several claims ("invalid values return 400, a page past the end returns
    // empty items"): each comma-separated claim is compared with the story clause it is about, or the
    // 400 of one claim would clash with the "not an error" of another.
    ...negationFlips(clausesOf(goalText), clausesOf(text.replace(/,\s+/g, '; '))),
  ];
  if (unbounded.test(text) && limited.test(goalText)) found.push({ kind: 'limit', point: `says "${unbounded.exec(text)![0]}", but the story sets a limit` });
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.point) && seen.add(f.point));
}

/** Whether some story clause mentioning `term` is itself negative ("no digest on a day without notifications"). */
export function storyNegates(storyText: string, term: string): boolean {
  return clausesOf(normalizePhrases(storyText)).some((c) => has(c.all, term) && new RegExp(negator.source, 'i').test(c.text));
}
