/**
 * Reading helpers for rules mode. Input arrives as JSON a model would also read, so every field is
 * read defensively: a missing or mistyped field means "not given", never a crash.
 */
export type Level = 'beginner' | 'intermediate' | 'advanced';

/** Every rules-mode reply starts with this, so learners and logs can tell it apart from a model's. */
export const rulesTag = '(rules mode)';

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  return Array.isArray(value)
    ? value
        .map((v) =>
          typeof v === 'string' ? v : v && typeof v === 'object' ? JSON.stringify(v) : str(v),
        )
        .filter((s) => s.trim())
    : [];
}

export function num(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export interface Profile {
  level: Level;
  helpRequests: number;
  knownConcepts: string[];
  recurringMistakes: string[];
}

export function profileOf(input: Record<string, unknown> | undefined): Profile {
  const learner = record(input?.learner);
  const level = str(learner.level);
  return {
    level: level === 'intermediate' || level === 'advanced' ? level : 'beginner',
    helpRequests: num(learner.helpRequests) ?? 0,
    knownConcepts: strings(learner.knownConcepts),
    recurringMistakes: strings(learner.recurringMistakes),
  };
}

export interface StoryView {
  title: string;
  description: string;
  acceptanceCriteria: string[];
  complexity: string;
  concepts: string[];
}

export function storyOf(input: Record<string, unknown> | undefined): StoryView | undefined {
  const story = record(input?.story);
  if (!Object.keys(story).length) return undefined;
  return {
    title: str(story.title),
    description: str(story.description),
    acceptanceCriteria: strings(story.acceptanceCriteria),
    complexity: str(story.complexity) || 'simple',
    concepts: strings(story.concepts),
  };
}

export interface Activity {
  type: string;
  ok: boolean | undefined;
  summary: string;
}

export function activitiesOf(value: unknown): Activity[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    if (typeof item === 'string') return { type: 'other', ok: undefined, summary: item };
    const r = record(item);
    const ok =
      typeof r.ok === 'boolean' ? r.ok : typeof r.success === 'boolean' ? r.success : undefined;
    return {
      type: str(r.type ?? r.kind).toLowerCase() || 'other',
      ok,
      summary: str(r.summary ?? r.message ?? r.output ?? r.detail),
    };
  });
}

/** Activity kinds that read or search instead of changing code. */
export const researchKinds = /^(research|docs?|search|browse|read(ing)?|video|tutorial)$/;
/** Untyped activity that reads like research ("read a blog post on ORMs", "watched a video about Drizzle"). */
export const researchSummary =
  /^\s*(?:read|reading|watched|watching|searched|searching|googled|browsed|opened|looked (?:up|into)|compared|studied|skimmed)\b/i;
/** Activity kinds that change or check code. */
export const codingKinds =
  /^(edit|commit|test|build|lint|typecheck|type-check|coverage|run|push|save)$/;

export function byLevel<T>(level: Level, variants: Record<Level, T>): T {
  return variants[level];
}

const stopwords = new Set(
  `a an the and or but if then else when while of to in on at by for from with without into onto over under about as is are was were be been being it its this that these those there their them they we you your our i me my he she his her not no do does did done can could should would will shall may might must have has had just also so such than too very more most some any each every all both either neither only own same other which who whom whose what where why how up down out off again further once here use used using new get set make made let per via etc e g eg ie one two three nothing something anything everything say says said want wants need needs`.split(
    ' ',
  ),
);

const suffixes = [
  'ational',
  'ation',
  'ition',
  'ments',
  'ment',
  'ness',
  'ings',
  'ing',
  'ated',
  'ates',
  'ate',
  'ies',
  'ied',
  'ed',
  'es',
  'ly',
  'er',
  's',
];
/** Suffixes that only inflect: what they leave may carry a derivation suffix too ("parameters" → "parameter" → "paramet"). */
const inflections = new Set(['s', 'es', 'ed', 'ing', 'ings']);

function stripSuffix(w: string): { word: string; suffix?: string } {
  for (const suffix of suffixes) {
    // Inflections (-ing, -ed, -s) may leave a 3-letter stem ("typing", "typed" → "typ"); derivations need 4.
    const min = suffix === 'ing' || suffix === 'ed' || suffix === 's' ? 3 : 4;
    if (w.length - suffix.length >= min && w.endsWith(suffix))
      return {
        word: w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : ''),
        suffix,
      };
  }
  return { word: w };
}

/**
 * Light stemmer: enough to make "paginate", "paginated" and "pagination" meet. An inflected word is
 * stripped once more for a derivation suffix, so a plural stems like its singular ("counters" and
 * "counter" → "count").
 */
export function stem(word: string): string {
  const first = stripSuffix(word.toLowerCase());
  let w = first.word;
  if (first.suffix && inflections.has(first.suffix)) {
    const second = stripSuffix(w);
    if (second.suffix && !inflections.has(second.suffix)) w = second.word;
    // "capped", "mapping": the doubled consonant goes with the suffix ("passed", "filled" keep theirs).
    else if ((first.suffix === 'ed' || first.suffix === 'ing') && /([^aeiouslz])\1$/.test(w))
      w = w.slice(0, -1);
  }
  // "type"/"typ", "store"/"stor": a final silent e makes no difference.
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Content words of a text as stems, camelCase and snake_case split, stopwords dropped. */
export function terms(text: string): string[] {
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !stopwords.has(w));
  return [...new Set(words.map(stem))];
}

/** Whether two stems name the same thing (equal, or one a 4+ letter prefix of the other). */
export function sameTerm(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

/** Fraction of `wanted` terms found in `have`, each term weighted by `weight` (default 1). */
export function coverage(
  wanted: string[],
  have: string[],
  weight: (term: string) => number = () => 1,
): number {
  const total = wanted.reduce((sum, w) => sum + weight(w), 0);
  if (!total) return 1;
  return (
    wanted.filter((w) => have.some((h) => sameTerm(w, h))).reduce((sum, w) => sum + weight(w), 0) /
    total
  );
}

/**
 * Inverse document frequency over a set of texts (e.g. acceptance criteria): a term every criterion
 * shares (the domain noun) says little about which criterion a sentence covers.
 */
export function termWeights(texts: string[]): (term: string) => number {
  const docs = texts.map((t) => terms(t));
  return (term) => {
    const n = docs.filter((d) => d.some((t) => sameTerm(t, term))).length;
    return n <= 1 ? 1 : 1 / n;
  };
}

/** The line of `text` around `index`, trimmed to at most `max` characters: a verbatim quote for evidence. */
export function quoteAround(text: string, index: number, max = 160): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const endNl = text.indexOf('\n', index);
  const end = endNl === -1 ? text.length : endNl;
  let line = text.slice(start, end);
  if (line.length > max) {
    const from = Math.max(start, Math.min(index - Math.floor(max / 3), end - max));
    line = text.slice(from, from + max);
  }
  return line.trim();
}

/** A list as prose: "a, b and c". */
export function listing(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Opposite word pairs: a restatement or plan using one where the story says the other is suspect. */
export const antonyms: ReadonlyArray<readonly [string, string]> = [
  ['add', 'remove'],
  ['add', 'delete'],
  ['create', 'delete'],
  ['increase', 'decrease'],
  ['show', 'hide'],
  ['enable', 'disable'],
  ['allow', 'block'],
  ['allow', 'deny'],
  ['accept', 'reject'],
  ['ascending', 'descending'],
  ['before', 'after'],
  ['first', 'last'],
  ['minimum', 'maximum'],
  ['min', 'max'],
  ['include', 'exclude'],
  ['login', 'logout'],
  ['encrypt', 'decrypt'],
  ['import', 'export'],
  ['upload', 'download'],
  ['public', 'private'],
  ['lock', 'unlock'],
  ['sync', 'async'],
  ['client', 'server'],
  ['frontend', 'backend'],
  ['weak', 'strong'],
  ['faster', 'slower'],
  ['more', 'fewer'],
  ['newest', 'oldest'],
  ['latest', 'earliest'],
  ['asc', 'desc'],
  ['visible', 'hidden'],
  ['optional', 'required'],
  ['online', 'offline'],
];

export interface Contradiction {
  storyWord: string;
  textWord: string;
  /** The text never uses the story's word: a clear swap rather than an extra remark. */
  strong: boolean;
}

/** Where the text uses the opposite of a word that only the story uses. */
export function contradictions(storyText: string, text: string): Contradiction[] {
  const storyWords = new Set(
    storyText
      .toLowerCase()
      .split(/[^a-z]+/)
      .map(stem),
  );
  const textWords = new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .map(stem),
  );
  const found: Contradiction[] = [];
  for (const [a, b] of antonyms) {
    for (const [storyWord, textWord] of [
      [a, b],
      [b, a],
    ] as const) {
      const ss = stem(storyWord);
      const st = stem(textWord);
      if (storyWords.has(ss) && !storyWords.has(st) && textWords.has(st))
        found.push({ storyWord, textWord, strong: !textWords.has(ss) });
    }
  }
  return found;
}

/**
 * Whether a text names a programming thing: a code-shaped token (camelCase, `call()`, `.method`,
 * an acronym such as JWT or PUT, a product name inside a sentence) or a word from the common
 * vocabulary of programming concepts. Lets a bare "why is this not working?" be told apart from
 * "why does my closure keep the old value".
 */
export function namesTechnicalThing(text: string): boolean {
  return codeShaped.test(text) || technicalVocabulary.test(text);
}

const codeShaped =
  /\b[a-z]+[A-Z]\w*\b|\w\(\)|\.[a-z]\w*\(|\b[A-Z]{2,6}s?\b|\b\w+\/\w+\b|(?=[A-Z])(?<=[a-z,]\s+)(?!I\b|I'|OK\b)[A-Z][a-z]+\w*/;

const technicalVocabulary = new RegExp(
  `\\b(?:${[
    'closures?',
    'scopes?',
    'hoisting',
    'promises?',
    'callbacks?',
    'async',
    'await',
    'event loop',
    'generators?',
    'iterators?',
    'recursion',
    'recursive',
    'functions?',
    'methods?',
    'class(?:es)?',
    'objects?',
    'arrays?',
    'variables?',
    'constants?',
    'prototypes?',
    'inheritance',
    'interfaces?',
    'generics?',
    'types?',
    'enums?',
    'modules?',
    'imports?',
    'exports?',
    'dependency injection',
    'decorators?',
    'lambdas?',
    'pointers?',
    'references?',
    'mutation',
    'immutab\\w+',
    'mutable',
    'hooks?',
    'state',
    'props',
    'components?',
    're-?renders?',
    'rendering',
    'lifecycle',
    'effects?',
    'cleanup',
    'refs?',
    'context',
    'reducers?',
    'store',
    'selectors?',
    'virtual dom',
    'dom',
    'events?',
    'listeners?',
    'handlers?',
    'debounc\\w*',
    'throttl\\w*',
    'memo\\w*',
    'cach(?:e|es|ing)',
    'quer(?:y|ies)',
    'index(?:es)?',
    'indices',
    'transactions?',
    '(?:foreign|primary) keys?',
    'joins?',
    'schemas?',
    'migrations?',
    'tables?',
    'columns?',
    'rows?',
    'orm',
    'normali[sz]\\w+',
    'database',
    'tokens?',
    'sessions?',
    'cookies?',
    'auth\\w*',
    'hash(?:ing|es)?',
    'encrypt\\w*',
    'middleware',
    'routes?',
    'routers?',
    'routing',
    'endpoints?',
    'requests?',
    'responses?',
    'headers?',
    'status codes?',
    'streams?',
    'buffers?',
    'sockets?',
    'websockets?',
    'threads?',
    'concurren\\w+',
    'race conditions?',
    'mutex\\w*',
    'locks?',
    'queues?',
    'workers?',
    'jobs?',
    'regex\\w*',
    'regular expressions?',
    'serializ\\w+',
    'parsing',
    'pagination',
    'cursors?',
    'idempoten\\w+',
    'mocks?',
    'mocking',
    'stubs?',
    'fixtures?',
    'assertions?',
    'overloads?',
    'arguments?',
    'parameters?',
    'params',
    'return values?',
    'salts?',
    'passwords?',
    'keys?',
    'values?',
    'properties',
    'fields?',
    'null',
    'undefined',
    'scope chain',
    'this keyword',
    'bind',
    'spread',
    'destructur\\w+',
    'template literals?',
    'equality',
    'truthy',
    'falsy',
  ].join('|')})\\b`,
  'i',
);
