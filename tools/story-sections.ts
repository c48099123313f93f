/**
 * Sections of a Markdown story, and which of them hold the solution. An author may write the
 * solution's heading many ways (`## Reference solution:`, `# Solution`, `###  Model  solution`,
 * `## Implementation notes (solution)`, `## Answer key`); any of them must keep that section out of
 * what the learner sees and hand it to the leak guard instead. Every line is read once, without
 * backtracking patterns, so a long story cannot stall the loader.
 */

export interface Section {
  /** Heading text as written, without the `#` marks (empty for the text before the first heading). */
  heading: string;
  /** Heading level (1–6); 0 for the text before the first heading. */
  level: number;
  /** Whether the heading names the solution: the section is for the leak guard only. */
  solution: boolean;
  body: string;
  /** The section as written, heading included. */
  text: string;
}

export interface Heading {
  level: number;
  text: string;
}

/**
 * A Markdown ATX heading (`#` to `######`, up to three spaces of indent, closing `#`s dropped),
 * or undefined. A heading with no space after its marks (`##Solution`) still counts: hiding a
 * section by mistake costs less than showing a solution.
 */
export function readHeading(line: string): Heading | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6) return undefined;
  let text = line.slice(i + level).trim();
  // Closing sequence: trailing `#`s after a space ("## Solution ##").
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || /\s/.test(text[end - 1]!)))
    text = text.slice(0, end).trim();
  return text ? { level, text } : undefined;
}

/** Lower-case words of a heading: emphasis, punctuation and extra spaces gone ("**Solution:**" → "solution"). */
export function headingWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const solutionWord = /\bsolutions?\b/;
const solutionPhrase =
  /^(?:the )?(?:answers?|answer key|key)$|\banswer key\b|\b(?:reference|model|sample|example|official|canonical|worked|expected|teacher s|instructor s) (?:implementation|code|answers?)\b/;

/**
 * Whether a heading names the solution: any heading with the word "solution" ("Reference solution",
 * "Model solution", "Implementation notes (solution)"), an answer key, or a reference, model or
 * sample implementation.
 */
export function isSolutionHeading(text: string): boolean {
  const words = headingWords(text);
  return solutionWord.test(words) || solutionPhrase.test(words);
}

/** Whether a line opens or closes a code fence (headings inside fences are code, not structure). */
const isFence = (line: string) => /^ {0,3}(?:```|~~~)/.test(line);

/**
 * Split a story body into sections: at every level-2 heading (the story's parts), and at every
 * solution heading of any level. A solution section runs until the next heading of the same or a
 * higher level, so its own sub-headings stay inside it.
 */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: '', level: 0, solution: false, body: '', text: '' };
  let inFence = false;
  for (const line of body.split('\n')) {
    if (isFence(line)) inFence = !inFence;
    const heading = inFence ? undefined : readHeading(line);
    const solution = heading !== undefined && isSolutionHeading(heading.text);
    const closesSolution =
      heading !== undefined && current.solution && heading.level <= current.level;
    const opens =
      heading !== undefined &&
      (solution || closesSolution || (heading.level === 2 && !current.solution));
    if (heading && opens) {
      sections.push(current);
      current = { heading: heading.text, level: heading.level, solution, body: '', text: line };
      continue;
    }
    current.body += `${line}\n`;
    current.text += `${current.text ? '\n' : ''}${line}`;
  }
  sections.push(current);
  return sections
    .map((s) => ({ ...s, body: s.body.trim(), text: s.text.trim() }))
    .filter((s) => s.heading || s.body);
}

/**
 * Markdown text with its solution sections taken out: what a learner may read, and the solution
 * sections' bodies for the guard (undefined when there are none).
 */
export function withoutSolution(markdown: string): { text: string; solution: string | undefined } {
  const sections = splitSections(markdown);
  const solution = sections
    .filter((s) => s.solution)
    .map((s) => s.body)
    .filter(Boolean);
  if (!sections.some((s) => s.solution)) return { text: markdown, solution: undefined };
  return {
    text: sections
      .filter((s) => !s.solution)
      .map((s) => s.text)
      .join('\n\n'),
    solution: solution.length ? solution.join('\n\n') : undefined,
  };
}
