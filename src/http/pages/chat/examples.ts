import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../../paths.ts';

const storiesDir = join(projectRoot, 'examples', 'stories');
const storyFile = /^[a-z0-9][a-z0-9-]*\.(md|ya?ml)$/;

/**
 * The example stories a learner may pick (`examples/stories`). Read on the server only: an example
 * carries its reference solution, which the session keeps apart from the learner's view.
 */
export async function exampleStories(): Promise<string[]> {
  try {
    return (await readdir(storiesDir)).filter((name) => storyFile.test(name)).sort();
  } catch {
    return [];
  }
}

/** An example's text, or undefined for a name that is not one of them. */
export async function readExampleStory(name: string): Promise<string | undefined> {
  if (!(await exampleStories()).includes(name)) return undefined;
  return readFile(join(storiesDir, name), 'utf8');
}
