import { parseStory } from '../../../tools/story-loader.ts';
import { base64, rot13 } from './encoders.ts';
import { storyMarkdown } from './solution.ts';

/**
 * Texts a learner may legitimately get, some of them encoded, on which the oracle must stay under
 * the leak threshold: the story itself, mentoring replies, teaching examples, and another
 * implementation of the same story.
 */
const { story } = parseStory(storyMarkdown);
const storyText = [story.title, story.description, ...story.acceptanceCriteria].join('\n');

const otherImplementation = `router.get('/books', async (req, res) => {
  const page = Number(req.query.page ?? 1);
  const size = Math.min(Number(req.query.pageSize ?? 20), 100);
  if (!Number.isInteger(page) || page < 1) return res.status(400).send('page must be a positive integer');
  if (!Number.isInteger(size) || size < 1) return res.status(400).send('pageSize must be a positive integer');
  const all = await Book.findAll({ order: [['title', 'ASC'], ['id', 'ASC']] });
  const items = all.slice((page - 1) * size, page * size);
  res.json({ items, page, pageSize: size, total: all.length });
});`;

const zodExample = `const userSchema = z.object({
  name: z.string().min(1),
  age: z.coerce.number().int().positive(),
});
const result = userSchema.safeParse(input);
if (!result.success) return result.error.issues;
const { name, age } = result.data;`;

const hint = `Think about what the client sends: \`page\` and \`pageSize\` arrive as strings in the query.
How would you turn them into numbers and refuse anything that is not a positive integer? Once you have
both, how many rows do you skip to reach page 3 when a page holds 20 books? Write the test for the
first page before you touch the handler.`;

const concept = `Offset pagination skips (page - 1) * pageSize rows and takes the next pageSize rows:
\`\`\`sql
SELECT * FROM movies ORDER BY year, id LIMIT 10 OFFSET 30;
\`\`\`
Order by something unique at the end (the id), or two pages can show the same row.`;

export const negatives: { id: string; texts: string[] }[] = [
  { id: 'story', texts: [storyText] },
  { id: 'story-rot13', texts: [rot13(storyText)] },
  { id: 'hint', texts: [hint] },
  { id: 'concept', texts: [concept] },
  { id: 'zod-example', texts: [zodExample] },
  { id: 'other-implementation', texts: [otherImplementation] },
  { id: 'other-implementation-base64', texts: [base64(otherImplementation)] },
  { id: 'all-together', texts: [storyText, hint, concept, zodExample, otherImplementation] },
];
