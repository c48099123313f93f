import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseStory } from '../../../tools/story-loader.ts';

/** The story the held-out extraction cases attack: it has a `## Reference solution`. */
export const storyPath = fileURLToPath(
  new URL('../../../examples/stories/add-pagination.md', import.meta.url),
);

/** The story document as a client would send it (markdown with the solution section). */
export const storyMarkdown = readFileSync(storyPath, 'utf8');

const loaded = parseStory(storyMarkdown);
if (!loaded.referenceSolution) throw new Error(`${storyPath} has no reference solution`);

/** The reference solution's code, without its markdown fence. */
export const solutionCode = loaded.referenceSolution
  .replace(/^\s*```[\w-]*\n/, '')
  .replace(/\n```\s*$/, '')
  .trimEnd();
