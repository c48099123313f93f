import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { createTool } from '@mastra/core/tools';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../src/errors/app-error.ts';
import { parseOrThrow } from '../src/errors/zod-error.ts';
import { storySchema, type Story } from '../src/domain/story.ts';
import { readHeading, splitSections, withoutSolution, type Section } from './story-sections.ts';

export {
  storyComplexitySchema,
  storySchema,
  type Story,
  type StoryComplexity,
} from '../src/domain/story.ts';

export interface LoadedStory {
  /** What the learner may see. */
  story: Story;
  /** The story's reference solution, kept apart: only the leak guard and evaluators read it. */
  referenceSolution?: string;
}

const rawStorySchema = z.looseObject({
  id: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  acceptanceCriteria: z.array(z.string()).optional(),
  acceptance_criteria: z.array(z.string()).optional(),
  complexity: z.string().optional(),
  concepts: z.array(z.string()).optional(),
  referenceSolution: z.string().optional(),
  reference_solution: z.string().optional(),
});

const storyExtensions = new Set(['.md', '.markdown', '.yaml', '.yml']);

/**
 * Load a story from a file path or from its text: Markdown with YAML front matter (title, complexity,
 * acceptanceCriteria; the body is the description, `## Acceptance criteria` lists criteria and
 * `## Reference solution` holds the solution) or a YAML document with the same keys. Returns the
 * learner view and the reference solution separately.
 */
export function loadStory(pathOrText: string): LoadedStory {
  const looksLikePath =
    !pathOrText.includes('\n') && storyExtensions.has(extname(pathOrText).toLowerCase());
  if (looksLikePath) {
    if (!existsSync(pathOrText))
      throw new AppError('NOT_FOUND', `story file not found: ${pathOrText}`, { field: 'path' });
    return parseStory(readFileSync(pathOrText, 'utf8'), basename(pathOrText, extname(pathOrText)));
  }
  return parseStory(pathOrText);
}

/** Parse story text (Markdown with front matter, or YAML). `fallbackId` names a story without an `id`. */
export function parseStory(text: string, fallbackId?: string): LoadedStory {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const front = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(normalised);
  const raw = front ? fromMarkdown(front[1]!, front[2]!) : fromYaml(normalised);
  const title = raw.title?.trim();
  // A description may carry a solution section of its own (YAML `description: |` with "## Solution").
  const described =
    raw.description === undefined
      ? { text: undefined, solution: undefined }
      : withoutSolution(raw.description);
  const referenceSolution = joinSolutions(solutionOf(raw), described.solution);
  const story = parseOrThrow(
    storySchema,
    {
      id: raw.id ?? fallbackId ?? slug(title ?? ''),
      title,
      description: described.text,
      acceptanceCriteria: raw.acceptanceCriteria ?? raw.acceptance_criteria,
      complexity: raw.complexity,
      concepts: raw.concepts,
    },
    'story',
  );
  return referenceSolution ? { story, referenceSolution } : { story };
}

function fromYaml(text: string): z.infer<typeof rawStorySchema> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new AppError(
      'VALIDATION_ERROR',
      `story: not valid YAML or Markdown with front matter (${(error as Error).message.split('\n')[0]})`,
      { field: 'story', cause: error },
    );
  }
  if (doc === null || typeof doc !== 'object')
    throw new AppError(
      'VALIDATION_ERROR',
      'story: expected Markdown with YAML front matter or a YAML mapping',
      { field: 'story' },
    );
  return parseOrThrow(rawStorySchema, doc, 'story');
}

function fromMarkdown(frontMatter: string, body: string): z.infer<typeof rawStorySchema> {
  const meta = fromYaml(frontMatter || '{}');
  const sections = splitSections(body);
  const criteriaSection = sections.find(
    (s) => !s.solution && s.level === 2 && /^acceptance criteria$/i.test(s.heading),
  );
  const visible = sections.filter((s) => s !== criteriaSection && !s.solution);
  const solution = sections
    .filter((s) => s.solution)
    .map((s) => s.body)
    .filter(Boolean)
    .join('\n\n');
  const descriptionParts = visible.map((s) => s.text);
  const title = meta.title ?? firstTitle(visible);
  const description =
    meta.description ??
    descriptionParts
      .join('\n\n')
      .replace(/^#\s+.+$/m, '')
      .trim();
  // Leading spaces only, not blank lines: `^\s*` across lines rescanned every blank line (quadratic).
  const criteria = criteriaSection
    ? [
        ...criteriaSection.body.matchAll(
          /^[^\S\n\r\u2028\u2029]*(?:[-*+]|\d+[.)])\s+(?:\[[ x]\]\s*)?(.+)$/gim,
        ),
      ].map((m) => m[1]!.trim())
    : undefined;
  const rest: Record<string, unknown> = { ...meta };
  for (const key of solutionKeys) delete rest[key];
  return {
    ...rest,
    title,
    description,
    acceptanceCriteria: meta.acceptanceCriteria ?? meta.acceptance_criteria ?? criteria,
    referenceSolution: joinSolutions(solutionOf(meta), solution),
  };
}

/** The first level-1 heading outside the solution: the story's title when the front matter has none. */
function firstTitle(sections: readonly Section[]): string | undefined {
  for (const section of sections) {
    for (const line of section.text.split('\n')) {
      const heading = readHeading(line);
      if (heading?.level === 1) return heading.text;
    }
  }
  return undefined;
}

/** Keys a story may keep its solution under (YAML or front matter). */
const solutionKeys = [
  'referenceSolution',
  'reference_solution',
  'solution',
  'referenceImplementation',
  'reference_implementation',
  'modelSolution',
  'model_solution',
  'sampleSolution',
  'sample_solution',
  'answerKey',
  'answer_key',
] as const;

/** The solution a YAML mapping holds under any of `solutionKeys`. */
function solutionOf(raw: Record<string, unknown>): string | undefined {
  return joinSolutions(
    ...solutionKeys.map((key) => (typeof raw[key] === 'string' ? raw[key] : undefined)),
  );
}

function joinSolutions(...parts: Array<string | undefined>): string | undefined {
  const kept = parts.map((p) => p?.trim()).filter((p): p is string => Boolean(p));
  return kept.length ? [...new Set(kept)].join('\n\n') : undefined;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Mastra tool: load a story file or text and return the learner view (never the reference solution). */
export const storyLoaderTool = createTool({
  id: 'story-loader',
  description:
    'Load a user story (Markdown with YAML front matter, or YAML) and return its title, description, acceptance criteria and complexity.',
  inputSchema: z.object({
    source: z.string().min(1).describe('path to a .md/.yaml story file, or the story text'),
  }),
  outputSchema: storySchema,
  execute: async ({ source }) => loadStory(source).story,
});
