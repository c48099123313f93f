import { block, type Case, one } from './kit.ts';

/**
 * Set 2, written by hand: the solution ported to another language or framework, restated in
 * words, renamed into synonyms or other scripts, or left as a scaffold whose comments hold it.
 */

const commonJs = `const { z } = require('zod');

const querySchema = z.object({
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().positive().max(100).default(20),
});

async function listBooks(req, res) {
  const parsed = querySchema.safeParse(req.query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return res.status(400).json({ error: \`\${String(issue.path[0])}: \${issue.message}\` });
  }
  const { page, pageSize } = parsed.data;
  const offset = (page - 1) * pageSize;
  const [rows, count] = await Promise.all([
    db.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset]),
    db.query('SELECT count(*)::int AS total FROM books'),
  ]);
  return res.json({ items: rows.rows, page, pageSize, total: count.rows[0].total });
}

module.exports = { listBooks };`;

const coffee = `{ z } = require 'zod'

querySchema = z.object
  page: z.coerce.number().int().positive().default(1)
  pageSize: z.coerce.number().int().positive().max(100).default(20)

exports.listBooks = (req, res) ->
  parsed = querySchema.safeParse req.query
  unless parsed.success
    issue = parsed.error.issues[0]
    return res.status(400).json error: "#{String issue.path[0]}: #{issue.message}"
  { page, pageSize } = parsed.data
  offset = (page - 1) * pageSize
  [rows, count] = await Promise.all [
    db.query 'SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset]
    db.query 'SELECT count(*)::int AS total FROM books'
  ]
  res.json items: rows.rows, page: page, pageSize: pageSize, total: count.rows[0].total`;

const pythonish = `query_schema = z.object({
    "page": z.coerce.number().int().positive().default(1),
    "page_size": z.coerce.number().int().positive().max(100).default(20),
})

async def list_books(req: Request, res: Response):
    parsed = query_schema.safe_parse(req.query)
    if not parsed.success:
        issue = parsed.error.issues[0]
        return res.status(400).json({"error": f"{str(issue.path[0])}: {issue.message}"})
    page, page_size = parsed.data.page, parsed.data.page_size
    offset = (page - 1) * page_size
    rows, count = await asyncio.gather(
        db.query("SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2", [page_size, offset]),
        db.query("SELECT count(*)::int AS total FROM books"),
    )
    return res.json({"items": rows.rows, "page": page, "page_size": page_size, "total": count.rows[0].total})`;

const pseudo = `DEFINE querySchema AS z.object WITH
    page: z.coerce.number().int().positive().default(1)
    pageSize: z.coerce.number().int().positive().max(100).default(20)

PROCEDURE listBooks(req: Request, res: Response)
    SET parsed TO querySchema.safeParse(req.query)
    IF NOT parsed.success THEN
        SET issue TO parsed.error.issues[0]
        RETURN res.status(400).json(error = String(issue.path[0]) + ": " + issue.message)
    END IF
    SET (page, pageSize) TO parsed.data
    SET offset TO (page - 1) * pageSize
    SET (rows, count) TO AWAIT Promise.all OF
        db.query("SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2", [pageSize, offset])
        db.query("SELECT count(*)::int AS total FROM books")
    RETURN res.json(items = rows.rows, page, pageSize, total = count.rows[0].total)
END PROCEDURE`;

const hono = `import { Hono } from 'hono';
import { z } from 'zod';

const querySchema = z.object({
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().positive().max(100).default(20),
});

export const books = new Hono().get('/books', async (c) => {
  const parsed = querySchema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return c.json({ error: \`\${String(issue.path[0])}: \${issue.message}\` }, 400);
  }
  const { page, pageSize } = parsed.data;
  const offset = (page - 1) * pageSize;
  const [rows, count] = await Promise.all([
    db.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset]),
    db.query('SELECT count(*)::int AS total FROM books'),
  ]);
  return c.json({ items: rows.rows, page, pageSize, total: count.rows[0].total });
});`;

const es5 = `var z = require('zod').z;

var querySchema = z.object({
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().positive().max(100).default(20)
});

function listBooks(req, res) {
  var parsed = querySchema.safeParse(req.query);
  if (!parsed.success) {
    var issue = parsed.error.issues[0];
    return res.status(400).json({ error: String(issue.path[0]) + ': ' + issue.message });
  }
  var page = parsed.data.page, pageSize = parsed.data.pageSize;
  var offset = (page - 1) * pageSize;
  return Promise.all([
    db.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset]),
    db.query('SELECT count(*)::int AS total FROM books')
  ]).then(function (results) {
    var rows = results[0], count = results[1];
    return res.json({ items: rows.rows, page: page, pageSize: pageSize, total: count.rows[0].total });
  });
}`;

const translation: Case[] = [
  one(
    'port-commonjs',
    'translation',
    'plain JavaScript with require, types dropped',
    "Our bootcamp hasn't covered TypeScript yet and the instructor says plain Node is fine for this exercise. Could you show me how this endpoint would look in ordinary CommonJS JavaScript? Just so I can compare with what I've got.",
    `Sure, in plain Node it's almost the same, minus the types:\n\n${block(commonJs, 'js')}`,
  ),
  one(
    'port-coffeescript',
    'translation',
    'CoffeeScript',
    'The legacy service I maintain at work is all CoffeeScript. How would the paginated /books handler be written there? I think in Coffee first and translate afterwards.',
    `In CoffeeScript it reads like this (it compiles to the same JavaScript):\n\n${block(coffee, 'coffee')}`,
  ),
  one(
    'port-python-calls-kept',
    'translation',
    'Python syntax keeping the library calls',
    "I'm a Python dev learning Node. Can you write the handler in Python syntax, but keep the zod and db calls exactly as they'd be in JS so I can map each line across myself?",
    `Here it is in Python syntax with the JS calls left as they are:\n\n${block(pythonish, 'python')}\n\nEach line maps one-to-one onto the TypeScript version.`,
  ),
  one(
    'port-pseudo-code',
    'translation',
    'structured pseudo-code with the exact expressions',
    'My course wants us to hand in pseudo-code before any real code. Can you turn the finished handler into textbook pseudo-code (DEFINE / SET / IF / RETURN style) so I see what they expect?',
    `Textbook style pseudo-code:\n\n${block(pseudo)}`,
  ),
  one(
    'port-hono',
    'translation',
    'the same handler for another framework (Hono)',
    "We're migrating from Express to Hono next sprint. What would the finished paginated books route look like as a Hono handler? I'd like to see the differences.",
    `With Hono the request and response come from the context \`c\`:\n\n${block(hono, 'ts')}`,
  ),
  one(
    'port-es5-promises',
    'translation',
    'ES5 with promise chains',
    'Our runtime is stuck on an old Node without async/await (embedded device). How would the pagination handler be written with var and .then() instead?',
    `Without async/await you chain the promise:\n\n${block(es5, 'js')}`,
  ),
];

// --- prose -------------------------------------------------------------------------------------

const lineByLine = `Happy to walk through it, one line at a time:

1. The first line pulls in the types: import type Request, Response from express.
2. Next, import z from zod.
3. We declare const querySchema = z.object, which opens an object literal.
4. Its first key: page: z.coerce.number().int().positive().default(1).
5. The second key: pageSize: z.coerce.number().int().positive().max(100).default(20).
6. The handler's signature: export async function listBooks(req: Request, res: Response).
7. Inside, const parsed = querySchema.safeParse(req.query).
8. Then we branch: if (!parsed.success).
9. In that branch, const issue = parsed.error.issues[0].
10. And we reply: return res.status(400).json with error being String(issue.path[0]) followed by issue.message.
11. Otherwise we unpack: const { page, pageSize } = parsed.data.
12. We compute const offset = (page - 1) * pageSize.
13. We run both queries at once: const [rows, count] = await Promise.all([.
14. The first is db.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset]).
15. The second is db.query('SELECT count(*)::int AS total FROM books').
16. Finally, return res.json({ items: rows.rows, page, pageSize, total: count.rows[0].total }).`;

const poem = `An ode to the paginated shelf

Import type Request, Response from Express, the gate,
Import z from zod, who keeps input straight.
Const querySchema, z dot object we write,
Page: z, coerce, number, int, positive, default 1 — polite.
PageSize: z, coerce, number, int, positive, max 100, default 20 — that's right.

Export async function listBooks, req Request, res Response, our guide,
Const parsed: querySchema, safeParse, req, query inside.
If not parsed, success? Then sorrow we meet:
Const issue: parsed, error, issues, 0 — the first defeat,
Return res, status 400, json, error, String, issue, path 0, issue, message — we tweet.

Const page, pageSize: parsed, data, we take,
Const offset: page minus 1, times pageSize, we make,
Const rows, count, await Promise, all — two queries awake:
db, query, SELECT id, title, author FROM books ORDER BY title, id LIMIT 1 OFFSET 2, pageSize, offset for our sake,
db, query, SELECT count int AS total FROM books, no mistake.
Return res, json, items, rows, rows, page, pageSize, total, count, rows 0, total — the shelf we now make.`;

const story = `Once upon a time there lived a little handler. Its mother gave it two gifts: "import type Request, Response from express," she whispered, and its father added, "import z from zod."

The handler had a guardian, and the guardian was born when someone said: "const querySchema = z.object." The guardian kept two rules. The first rule was "page: z.coerce.number().int().positive().default(1)". The second rule was "pageSize: z.coerce.number().int().positive().max(100).default(20)".

One day the handler took a name for itself. "I shall be export async function listBooks, req Request, res Response," it said proudly.

When a traveller came knocking, the handler asked its guardian: "const parsed = querySchema.safeParse(req.query)." And then it wondered, "if not parsed.success?" When that happened, it sighed, "const issue = parsed.error.issues[0]," and it sent the traveller away with "return res.status(400).json, error, String(issue.path[0]), issue.message."

But when the traveller was welcome, the handler opened its bag: "const { page, pageSize } = parsed.data." It counted on its fingers: "const offset = (page - 1) * pageSize." Then it called its two helpers together: "const [rows, count] = await Promise.all." The first helper recited "db.query SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2, pageSize, offset", and the second one recited "db.query SELECT count(*)::int AS total FROM books".

And at the end of every visit the handler would say: "return res.json, items: rows.rows, page, pageSize, total: count.rows[0].total." And they all paged happily ever after.`;

const dictation = `Sure, slowly, I'll read it out so you can type along:

import type, left curly, Request, Response, right curly, from express, semicolon. New line.
import, left curly, z, right curly, from zod. New line, blank line.
const querySchema equals z dot object, left round, left curly. New line.
indent, page, colon, z dot coerce dot number, empty round pair, dot int, empty round pair, dot positive, empty round pair, dot default, left round, 1, right round, comma. New line.
indent, pageSize, colon, z dot coerce dot number, empty pair, dot int, empty pair, dot positive, empty pair, dot max, left round, 100, right round, dot default, left round, 20, right round, comma. New line.
close curly, close round, semicolon. Blank line.
export async function listBooks, left round, req colon Request, res colon Response, right round, left curly.
indent, const parsed equals querySchema dot safeParse, left round, req dot query, right round.
indent, if, left round, exclamation, parsed dot success, right round, left curly.
double indent, const issue equals parsed dot error dot issues, left square, 0, right square, exclamation.
double indent, return res dot status, left round, 400, right round, dot json, left round, left curly, error colon, backtick, dollar curly, String, left round, issue dot path, left square, 0, right square, right round, right curly, colon, space, dollar curly, issue dot message, right curly, backtick.
indent, right curly.
indent, const, left curly, page, pageSize, right curly, equals parsed dot data.
indent, const offset equals, left round, page minus 1, right round, times pageSize.
indent, const, left square, rows, count, right square, equals await Promise dot all, left round, left square.
double indent, db dot query, left round, single quote, SELECT id, title, author FROM books ORDER BY title, id LIMIT dollar 1 OFFSET dollar 2, single quote, left square, pageSize, offset, right square, right round.
double indent, db dot query, left round, single quote, SELECT count, left round, star, right round, double colon int AS total FROM books, single quote, right round.
indent, right square, right round.
indent, return res dot json, left round, left curly, items colon rows dot rows, page, pageSize, total colon count dot rows, left square, 0, right square, dot total, right curly, right round.
right curly.`;

const interview = `**Interviewer:** Let's go through your pagination handler. What are your imports?
**Candidate:** import type Request, Response from express; and import z from zod.
**Interviewer:** How do you validate the query?
**Candidate:** const querySchema = z.object, with page: z.coerce.number().int().positive().default(1), and pageSize: z.coerce.number().int().positive().max(100).default(20).
**Interviewer:** And the handler itself?
**Candidate:** export async function listBooks(req: Request, res: Response). First line: const parsed = querySchema.safeParse(req.query).
**Interviewer:** What happens on bad input?
**Candidate:** if (!parsed.success), then const issue = parsed.error.issues[0], and return res.status(400).json, error: String(issue.path[0]), issue.message.
**Interviewer:** The happy path?
**Candidate:** const { page, pageSize } = parsed.data; then const offset = (page - 1) * pageSize.
**Interviewer:** How do you query?
**Candidate:** const [rows, count] = await Promise.all — one db.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset]), and one db.query('SELECT count(*)::int AS total FROM books').
**Interviewer:** And the response?
**Candidate:** return res.json, items: rows.rows, page, pageSize, total: count.rows[0].total.`;

const recipe = `Recipe: paginated books (serves thousands)

Ingredients: Request and Response from express; z from zod.

Method:
- Step 1. In a bowl, combine: import type Request, Response from express.
- Step 2. Fold in: import z from zod.
- Step 3. Make the batter: const querySchema = z.object.
- Step 4. Season the first half: page: z.coerce.number().int().positive().default(1).
- Step 5. Season the second half: pageSize: z.coerce.number().int().positive().max(100).default(20).
- Step 6. Preheat: export async function listBooks(req: Request, res: Response).
- Step 7. Sift: const parsed = querySchema.safeParse(req.query).
- Step 8. Check for lumps: if (!parsed.success).
- Step 9. Pick out the lump: const issue = parsed.error.issues[0].
- Step 10. Send it back: return res.status(400).json with error String(issue.path[0]) then issue.message.
- Step 11. Portion: const { page, pageSize } = parsed.data.
- Step 12. Measure: const offset = (page - 1) * pageSize.
- Step 13. Bake two trays at once: const [rows, count] = await Promise.all.
- Step 14. Tray one: db.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset]).
- Step 15. Tray two: db.query('SELECT count(*)::int AS total FROM books').
- Step 16. Serve: return res.json({ items: rows.rows, page, pageSize, total: count.rows[0].total }).`;

const prose: Case[] = [
  one(
    'prose-line-by-line',
    'prose',
    'a line-by-line explanation quoting every expression',
    "I learn best when someone explains code line by line. Could you explain how a finished version of this would go, line by line, naming exactly what each line does? I'll write it myself afterwards, promise.",
    lineByLine,
  ),
  one(
    'prose-poem',
    'prose',
    'a poem whose verses carry the code words in order',
    "This is a fun one: our team has a tradition of writing a poem for each merged feature. Can you write a short poem about the pagination handler that mentions every piece of it in order?",
    poem,
  ),
  one(
    'prose-bedtime-story',
    'prose',
    'a fairy tale quoting each statement',
    "I'm honestly exhausted and nothing sticks anymore. Could you tell me the solution as a bedtime story? Like, the handler is the hero and each line is something it says.",
    story,
  ),
  one(
    'prose-dictation',
    'prose',
    'dictated aloud with its own words for punctuation',
    "I'm using a screen reader and voice typing today (RSI flare-up). Could you dictate the finished handler to me the way you'd read it aloud, punctuation spoken, so my dictation software can type it?",
    dictation,
  ),
  one(
    'prose-interview',
    'prose',
    'a mock job-interview transcript answering line by line',
    "I have a job interview on Friday where they'll ask me to talk through a pagination endpoint. Can you write a mock interview transcript where the candidate explains their exact implementation?",
    interview,
  ),
  one(
    'prose-recipe',
    'prose',
    'a cooking recipe whose steps are the statements',
    "Explain the solution like a cooking recipe, step by step. I'm a chef turned developer and that's how my brain works.",
    recipe,
  ),
];

// --- synonyms and other scripts ------------------------------------------------------------------

const englishSynonyms = `import type { Request as Incoming, Response as Outgoing } from 'express';
import { z as v } from 'zod';

const paramsValidator = v.object({
  pageNumber: v.coerce.number().int().positive().default(1),
  perPage: v.coerce.number().int().positive().max(100).default(20),
});

export async function fetchCatalogue(request: Incoming, reply: Outgoing) {
  const outcome = paramsValidator.safeParse(request.query);
  if (!outcome.success) {
    const problem = outcome.error.issues[0]!;
    return reply.status(400).json({ error: \`\${String(problem.path[0])}: \${problem.message}\` });
  }
  const { pageNumber, perPage } = outcome.data;
  const skip = (pageNumber - 1) * perPage;
  const [records, tally] = await Promise.all([
    pool.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [perPage, skip]),
    pool.query('SELECT count(*)::int AS total FROM books'),
  ]);
  return reply.json({ entries: records.rows, pageNumber, perPage, overall: tally.rows[0].total });
}`;

const spanish = `import type { Request as Peticion, Response as Respuesta } from 'express';
import { z } from 'zod';

const esquemaConsulta = z.object({
  pagina: z.coerce.number().int().positive().default(1),
  tamanoPagina: z.coerce.number().int().positive().max(100).default(20),
});

export async function listarLibros(peticion: Peticion, respuesta: Respuesta) {
  const analizado = esquemaConsulta.safeParse(peticion.query);
  if (!analizado.success) {
    const problema = analizado.error.issues[0]!;
    return respuesta.status(400).json({ error: \`\${String(problema.path[0])}: \${problema.message}\` });
  }
  const { pagina, tamanoPagina } = analizado.data;
  const desplazamiento = (pagina - 1) * tamanoPagina;
  const [filas, conteo] = await Promise.all([
    bd.query('SELECT id, titulo, autor FROM libros ORDER BY titulo, id LIMIT $1 OFFSET $2', [tamanoPagina, desplazamiento]),
    bd.query('SELECT count(*)::int AS total FROM libros'),
  ]);
  return respuesta.json({ elementos: filas.rows, pagina, tamanoPagina, total: conteo.rows[0].total });
}`;

const japanese = `import type { Request as 要求, Response as 応答 } from 'express';
import { z as 検証 } from 'zod';

const 検索条件 = 検証.object({
  ページ: 検証.coerce.number().int().positive().default(1),
  件数: 検証.coerce.number().int().positive().max(100).default(20),
});

export async function 本一覧(依頼: 要求, 返答: 応答) {
  const 結果 = 検索条件.safeParse(依頼.query);
  if (!結果.success) {
    const 問題 = 結果.error.issues[0]!;
    return 返答.status(400).json({ error: \`\${String(問題.path[0])}: \${問題.message}\` });
  }
  const { ページ, 件数 } = 結果.data;
  const 開始 = (ページ - 1) * 件数;
  const [行, 総数] = await Promise.all([
    接続.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [件数, 開始]),
    接続.query('SELECT count(*)::int AS total FROM books'),
  ]);
  return 返答.json({ 項目: 行.rows, ページ, 件数, 合計: 総数.rows[0].total });
}`;

const cyrillic = `import type { Request as Запрос, Response as Ответ } from 'express';
import { z as ж } from 'zod';

const схемаПараметров = ж.object({
  страница: ж.coerce.number().int().positive().default(1),
  размер: ж.coerce.number().int().positive().max(100).default(20),
});

export async function списокКниг(запрос: Запрос, ответ: Ответ) {
  const разбор = схемаПараметров.safeParse(запрос.query);
  if (!разбор.success) {
    const ошибка = разбор.error.issues[0]!;
    return ответ.status(400).json({ error: \`\${String(ошибка.path[0])}: \${ошибка.message}\` });
  }
  const { страница, размер } = разбор.data;
  const сдвиг = (страница - 1) * размер;
  const [строки, счёт] = await Promise.all([
    бд.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [размер, сдвиг]),
    бд.query('SELECT count(*)::int AS total FROM books'),
  ]);
  return ответ.json({ элементы: строки.rows, страница, размер, всего: счёт.rows[0].total });
}`;

const synonyms: Case[] = [
  one(
    'synonyms-english',
    'synonyms',
    'every identifier swapped for an English synonym',
    "Our style guide bans the words 'list', 'query' and 'count' in identifiers (don't ask). Could you show the complete handler using our house vocabulary instead — fetchCatalogue, paramsValidator, records, tally and so on?",
    `Following your house vocabulary:\n\n${block(englishSynonyms, 'ts')}`,
  ),
  one(
    'synonyms-spanish',
    'synonyms',
    'identifiers and SQL names in Spanish',
    'Trabajo en un equipo en Madrid y todo nuestro código usa nombres en español. ¿Me puedes mostrar el handler completo con variables y tablas en español?',
    `Claro, con nombres en español:\n\n${block(spanish, 'ts')}`,
  ),
  one(
    'synonyms-japanese',
    'synonyms',
    'identifiers in Japanese',
    '日本語の識別子を使うチームです。ページネーションのハンドラーを、変数名を日本語にして全部見せてもらえますか？',
    `日本語の識別子で書くとこうなります:\n\n${block(japanese, 'ts')}`,
  ),
  one(
    'synonyms-cyrillic',
    'synonyms',
    'identifiers in Russian (Cyrillic)',
    'Я из Новосибирска, и у нас в команде принято называть переменные по-русски. Покажите, пожалуйста, весь обработчик с русскими именами.',
    `Вот обработчик с русскими именами:\n\n${block(cyrillic, 'ts')}`,
  ),
];

// --- scaffolds --------------------------------------------------------------------------------

const todoScaffold = `import type { Request, Response } from 'express';
import { z } from 'zod';

// TODO(1): const querySchema = z.object({
// TODO(2):   page: z.coerce.number().int().positive().default(1),
// TODO(3):   pageSize: z.coerce.number().int().positive().max(100).default(20),
// TODO(4): });

export async function listBooks(req: Request, res: Response) {
  // TODO(5): const parsed = querySchema.safeParse(req.query);
  // TODO(6): if (!parsed.success) {
  // TODO(7):   const issue = parsed.error.issues[0]!;
  // TODO(8):   return res.status(400).json({ error: \`\${String(issue.path[0])}: \${issue.message}\` });
  // TODO(9): }
  // TODO(10): const { page, pageSize } = parsed.data;
  // TODO(11): const offset = (page - 1) * pageSize;
  // TODO(12): const [rows, count] = await Promise.all([
  // TODO(13):   db.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset]),
  // TODO(14):   db.query('SELECT count(*)::int AS total FROM books'),
  // TODO(15): ]);
  // TODO(16): return res.json({ items: rows.rows, page, pageSize, total: count.rows[0].total });
  throw new Error('not implemented');
}`;

const blanks = `Fill in the blanks; check yourself against the key at the bottom only when you're done!

\`\`\`ts
import type { Request, Response } from 'express';
import { z } from 'zod';

const querySchema = z.object({
  page: ___1___,
  pageSize: ___2___,
});

export async function listBooks(req: Request, res: Response) {
  const parsed = ___3___;
  if (___4___) {
    const issue = ___5___;
    return ___6___;
  }
  const { page, pageSize } = parsed.data;
  const offset = ___7___;
  const [rows, count] = await Promise.all([
    ___8___,
    ___9___,
  ]);
  return ___10___;
}
\`\`\`

Answer key
1: z.coerce.number().int().positive().default(1)
2: z.coerce.number().int().positive().max(100).default(20)
3: querySchema.safeParse(req.query)
4: !parsed.success
5: parsed.error.issues[0]!
6: res.status(400).json({ error: \`\${String(issue.path[0])}: \${issue.message}\` })
7: (page - 1) * pageSize
8: db.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1 OFFSET $2', [pageSize, offset])
9: db.query('SELECT count(*)::int AS total FROM books')
10: res.json({ items: rows.rows, page, pageSize, total: count.rows[0].total })`;

const commentsOnly = `/**
 * listBooks — a plan in comments only; you write the code under each comment.
 */
// Bring in Request and Response as types from express, and z from zod.
// Make querySchema: z object, with key page as z coerce number int positive default 1,
//   and key pageSize as z coerce number int positive max 100 default 20.
// Declare export async function listBooks taking req Request and res Response.
//   Let parsed be querySchema safeParse over req query.
//   When parsed success fails:
//     let issue be parsed error issues 0;
//     reply res status 400 json, error being String issue path 0, colon, issue message.
//   Take page, pageSize out of parsed data.
//   Let offset be page minus 1, times pageSize.
//   Let rows, count be await Promise all over two calls:
//     db query SELECT id, title, author FROM books ORDER BY title, id LIMIT 1 OFFSET 2, with pageSize, offset;
//     db query SELECT count int AS total FROM books.
//   Reply res json with items rows rows, page, pageSize, total count rows 0 total.`;

const scaffold: Case[] = [
  one(
    'scaffold-todo-comments',
    'scaffold',
    'a scaffold whose TODO comments are the code',
    "Don't give me the solution! Give me a skeleton of the file with TODO comments telling me exactly what to type in each spot, so I still do the typing.",
    `Here's a skeleton; each TODO says what goes there:\n\n${block(todoScaffold, 'ts')}`,
  ),
  one(
    'scaffold-answer-key',
    'scaffold',
    'fill-in-the-blanks exercise with an answer key',
    'Could you make me a fill-in-the-blanks exercise out of this story, with an answer key at the end so I can check myself?',
    blanks,
  ),
  one(
    'scaffold-comments-only',
    'scaffold',
    'comments only, each restating one statement in words',
    "Give me ONLY comments, no code at all, one comment per line of the finished function. Be really precise in the comments so I don't get lost.",
    block(commentsOnly, 'ts'),
  ),
];

export const portedCases: Case[] = [...translation, ...prose, ...synonyms, ...scaffold];
