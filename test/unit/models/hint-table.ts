/**
 * Hand-written hint situations for rules mode (hint-giver), with what a good hint must do: 80–160
 * words, no code block, no leak of the story's reference solution, a Socratic question, a mention of
 * the learner's own error or words, a concept that fits the question, and a "Hint N of 3" counter
 * that counts this learner's hints. Written from tutoring practice, not from any eval dataset.
 */
import { guardReply } from '../../../agents/leak-guard.ts';
import type { Hint } from '../../../src/domain/contracts/hint.ts';
import { wordCount } from '../../../evals/metrics.ts';
import { loadStory } from '../../../tools/story-loader.ts';

type Level = 'beginner' | 'intermediate' | 'advanced';

interface StoryFixture {
  story: {
    id: string;
    title: string;
    description: string;
    acceptanceCriteria: string[];
    complexity: string;
    concepts: string[];
  };
  referenceSolution: string;
}

export interface HintCase {
  name: string;
  input: Record<string, unknown>;
  referenceSolution?: string;
  /** Acceptable concept ids (the first is the best fit). */
  concepts: string[];
  /** At least one of these (case-insensitive) must appear in the reply: the learner's error or words. */
  mentions: string[];
}

const pagination = loadStory('examples/stories/add-pagination.md');
const password = loadStory('examples/stories/password-strength.yaml');

const profile: StoryFixture = {
  story: {
    id: 'profile-page',
    title: 'Show the user profile page',
    description:
      'Load the signed-in user from the API and show their name, avatar and join date on the profile page.',
    acceptanceCriteria: [
      'The page shows name, avatar and join date',
      'A loading state is shown while the user loads',
      'An error message is shown when the API fails',
    ],
    complexity: 'simple',
    concepts: ['async-await', 'null-undefined', 'http-rest'],
  },
  referenceSolution:
    'export async function loadProfile(id: string) {\n  const res = await fetch(`/api/users/${id}`);\n  if (!res.ok) throw new Error(`profile ${res.status}`);\n  const user = await res.json();\n  return { name: user.name, avatar: user.avatarUrl, joined: new Date(user.createdAt) };\n}',
};

const search: StoryFixture = {
  story: {
    id: 'book-search',
    title: 'Search books by title',
    description:
      'Add GET /books/search?q= that returns books whose title contains the query, sorted by title.',
    acceptanceCriteria: [
      'Matches are case-insensitive',
      'Results are sorted by title',
      'At most 20 results',
      'User input never becomes part of the SQL text',
    ],
    complexity: 'simple',
    concepts: ['sql-queries', 'sql-injection', 'http-rest'],
  },
  referenceSolution:
    "export async function searchBooks(db: Db, q: string) {\n  const { rows } = await db.query('SELECT id, title FROM books WHERE title ILIKE $1 ORDER BY title LIMIT 20', [`%${q}%`]);\n  return rows;\n}",
};

const checkout: StoryFixture = {
  story: {
    id: 'stripe-checkout',
    title: 'Start a Stripe checkout session',
    description:
      'POST /checkout creates a Stripe checkout session for the cart and returns its URL.',
    acceptanceCriteria: [
      'The Stripe key is read from configuration, never from the code',
      'A missing key stops the server at start with a clear message',
      'Stripe errors return 502 with a message',
    ],
    complexity: 'complex',
    concepts: ['environment-variables', 'error-handling', 'dependencies-install'],
  },
  referenceSolution:
    "const key = process.env.STRIPE_SECRET_KEY;\nif (!key) throw new Error('STRIPE_SECRET_KEY is required');\nexport const stripe = new Stripe(key);\nexport async function createCheckout(cart: Cart) {\n  const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: cart.items.map(toLineItem) });\n  return session.url;\n}",
};

const tree: StoryFixture = {
  story: {
    id: 'category-total',
    title: 'Total price of a category tree',
    description:
      'Categories contain products and sub-categories. Compute the total price of everything under a category.',
    acceptanceCriteria: [
      'The total includes every nested sub-category',
      'An empty category totals 0',
      'Types reject a category without children',
    ],
    complexity: 'simple',
    concepts: ['recursion', 'typescript-types'],
  },
  referenceSolution:
    'export function total(node: Category): number {\n  const own = node.products.reduce((sum, p) => sum + p.price, 0);\n  return own + node.children.reduce((sum, child) => sum + total(child), 0);\n}',
};

const dashboard: StoryFixture = {
  story: {
    id: 'stats-dashboard',
    title: 'Load statistics on the dashboard',
    description:
      'The dashboard (Vite, port 5173) shows statistics from the API server (port 4000).',
    acceptanceCriteria: [
      'The dashboard shows the numbers from GET /api/stats',
      'The API allows the dashboard origin only',
    ],
    complexity: 'simple',
    concepts: ['cors', 'ports-networking', 'http-rest'],
  },
  referenceSolution:
    "app.use(cors({ origin: process.env.DASHBOARD_ORIGIN ?? 'http://localhost:5173' }));\napp.get('/api/stats', async (_req, res) => res.json(await readStats()));",
};

function at(
  fixture: StoryFixture | { story: unknown; referenceSolution?: string },
  level: Level,
  input: Record<string, unknown>,
) {
  return {
    input: { learner: { level }, story: fixture.story, ...input },
    referenceSolution: fixture.referenceSolution,
  };
}

export const hintCases: HintCase[] = [
  {
    name: 'offset question, beginner',
    ...at(pagination, 'beginner', { message: 'how do I compute the offset for page 2?' }),
    concepts: ['pagination'],
    mentions: ['offset'],
  },
  {
    name: 'offset question, advanced',
    ...at(pagination, 'advanced', { message: 'how do I compute the offset?' }),
    concepts: ['pagination'],
    mentions: ['offset'],
  },
  {
    name: 'failing last-page test, second hint',
    ...at(pagination, 'intermediate', {
      message: 'my last page test fails',
      recentErrors: ['AssertionError: expected 20 to equal 10\n    at test/books.test.ts:31:22'],
      hintsGiven: 1,
    }),
    concepts: ['unit-testing'],
    mentions: ['expected 20 to equal 10'],
  },
  {
    name: 'page size cap, third hint',
    ...at(pagination, 'beginner', {
      message: 'the page size limit is not enforced, pageSize=500 returns everything',
      hintsGiven: 2,
    }),
    concepts: ['pagination', 'input-validation'],
    mentions: ['pageSize=500', 'page size limit'],
  },
  {
    name: '400 or 500',
    ...at(pagination, 'intermediate', {
      message: 'should an invalid page value return 400 or 500?',
    }),
    concepts: ['http-rest', 'input-validation'],
    mentions: ['400'],
  },
  {
    name: 'where to start',
    ...at(pagination, 'beginner', { message: "I don't know where to start" }),
    concepts: ['task-breakdown'],
    mentions: ['where to start'],
  },
  {
    name: 'vague, no error',
    ...at(pagination, 'intermediate', { message: 'it does not work' }),
    concepts: ['debugging', 'pagination'],
    mentions: ['does not work'],
  },
  {
    name: 'password rules list',
    ...at(password, 'beginner', {
      message: 'how do I check the list of rules and collect the unmet ones?',
    }),
    concepts: ['array-methods'],
    mentions: ['unmet', 'list of rules'],
  },
  {
    name: 'password deep-equal failure',
    ...at(password, 'intermediate', {
      message: 'my strongest password test fails',
      recentErrors: [
        'AssertionError: expected { score: 3, unmet: [] } to deeply equal { score: 4, unmet: [] }',
      ],
    }),
    concepts: ['unit-testing'],
    mentions: ['score: 3', 'expected'],
  },
  {
    name: 'password negative score, advanced, last hint',
    ...at(password, 'advanced', {
      message: 'scorePassword returns -1 for an empty password, why?',
      hintsGiven: 2,
    }),
    concepts: ['input-validation', 'unit-testing', 'array-methods', 'debugging'],
    mentions: ['-1', 'empty password'],
  },
  {
    name: 'undefined property with stack',
    ...at(profile, 'beginner', {
      message: 'the profile page crashes',
      recentErrors: [
        "TypeError: Cannot read properties of undefined (reading 'name')\n    at ProfileCard (src/ProfileCard.tsx:12:30)",
      ],
    }),
    concepts: ['null-undefined'],
    mentions: ["reading 'name'", 'ProfileCard.tsx:12'],
  },
  {
    name: 'pending promise',
    ...at(profile, 'intermediate', {
      message: 'console.log shows Promise { <pending> } instead of the user',
    }),
    concepts: ['async-await'],
    mentions: ['pending'],
  },
  {
    name: 'sequential awaits, advanced',
    ...at(profile, 'advanced', {
      message: 'my two awaits run one after the other, can I make them concurrent?',
      hintsGiven: 1,
    }),
    concepts: ['async-await'],
    mentions: ['awaits', 'concurrent'],
  },
  {
    name: 'random order',
    ...at(search, 'beginner', { message: 'my search query returns books in a random order' }),
    concepts: ['sql-queries'],
    mentions: ['random order'],
  },
  {
    name: 'sql injection review',
    ...at(search, 'intermediate', {
      message:
        'a reviewer said my query is open to sql injection because I build it with a template string',
      hintsGiven: 1,
    }),
    concepts: ['sql-injection'],
    mentions: ['template string', 'sql injection'],
  },
  {
    name: 'missing env var',
    ...at(checkout, 'beginner', {
      message: 'checkout crashes on start',
      recentErrors: ['Error: STRIPE_SECRET_KEY is not set\n    at src/config.ts:8:11'],
    }),
    concepts: ['environment-variables'],
    mentions: ['STRIPE_SECRET_KEY'],
  },
  {
    name: 'package not installed',
    ...at(checkout, 'intermediate', {
      message: 'the server will not start',
      recentErrors: ["Error: Cannot find module 'stripe'\nRequire stack:\n- /app/src/checkout.js"],
    }),
    concepts: ['dependencies-install', 'modules-imports'],
    mentions: ["'stripe'", 'cannot find module'],
  },
  {
    name: 'stack overflow in recursion',
    ...at(tree, 'beginner', {
      message: 'my total function crashes',
      recentErrors: [
        'RangeError: Maximum call stack size exceeded\n    at total (src/tree.ts:4:10)',
      ],
    }),
    concepts: ['recursion'],
    mentions: ['maximum call stack', 'tree.ts:4'],
  },
  {
    name: 'TS2322, advanced',
    ...at(tree, 'advanced', {
      message: 'tsc complains',
      recentErrors: [
        "src/tree.ts(9,5): error TS2322: Type 'number | undefined' is not assignable to type 'number'.",
      ],
    }),
    concepts: ['typescript-types'],
    mentions: ['TS2322', 'not assignable'],
  },
  {
    name: 'CORS blocked',
    ...at(dashboard, 'intermediate', {
      message: 'the dashboard shows nothing',
      recentErrors: [
        "Access to fetch at 'http://localhost:4000/api/stats' from origin 'http://localhost:5173' has been blocked by CORS policy",
      ],
    }),
    concepts: ['cors'],
    mentions: ['blocked by cors'],
  },
  {
    name: 'connection refused',
    ...at(dashboard, 'beginner', {
      message: "the dashboard can't load any data",
      recentErrors: ['Error: connect ECONNREFUSED 127.0.0.1:4000'],
    }),
    concepts: ['ports-networking'],
    mentions: ['ECONNREFUSED'],
  },
  {
    name: 'merge conflict, no story',
    input: {
      learner: { level: 'intermediate' },
      message: "I have a merge conflict in routes.ts and don't know which side to keep",
    },
    concepts: ['git-workflow'],
    mentions: ['merge conflict'],
  },
  {
    name: 'named concept from the caller',
    ...at(tree, 'intermediate', {
      message: 'why does my counter keep its value between calls?',
      concept: 'closures-scope',
    }),
    concepts: ['closures-scope'],
    mentions: ['counter'],
  },
];

/** Everything wrong with one hint for its case; empty when the hint is good. */
export function hintProblems(c: HintCase, hint: Hint): string[] {
  const problems: string[] = [];
  const reply = hint.reply;
  const words = wordCount(reply);
  if (words < 80 || words > 160) problems.push(`${words} words`);
  if (/```|~~~/.test(reply)) problems.push('code block');
  const longInline = (reply.match(/`[^`\n]*`/g) ?? []).find((code) => code.length > 40);
  if (longInline) problems.push(`inline code ${longInline}`);
  if (
    c.referenceSolution &&
    guardReply(reply, { referenceSolution: c.referenceSolution }).action !== 'pass'
  )
    problems.push('leak guard did not pass');
  if (!/\?/.test(reply) || !hint.question.trim().endsWith('?')) problems.push('no question');
  if (!c.mentions.some((m) => reply.toLowerCase().includes(m.toLowerCase())))
    problems.push(`mentions none of ${c.mentions.join(' / ')}`);
  if (!c.concepts.includes(hint.concept))
    problems.push(`concept ${hint.concept || '(none)'}, expected ${c.concepts.join(' or ')}`);
  const given = typeof c.input.hintsGiven === 'number' ? c.input.hintsGiven : 0;
  const counter = /Hint (\d) of 3/.exec(reply)?.[1];
  if (counter !== String(Math.min(3, given + 1)))
    problems.push(`counter "Hint ${counter ?? '?'} of 3" after ${given} hints`);
  return problems;
}
