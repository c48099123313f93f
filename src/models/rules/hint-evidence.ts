import { quoteAround } from './text.ts';

/** What a hint can quote back to the learner: their error line, where it points, their own words. */
export interface HintEvidence {
  /** The most telling line of the first error, shortened to a quote. */
  errorQuote: string | undefined;
  /** `file:line` in the learner's own code that the error points at. */
  location: string | undefined;
  /** The learner's message, shortened to the sentence that matters. */
  learnerQuote: string | undefined;
}

const telling =
  /error|exception|fail|refused|blocked|cannot|can't|expected|denied|not found|not set|not defined|undefined|exceeded|invalid|missing|unexpected/i;
const sourceFile =
  /(?:^|[\s('"])((?:[\w@.-]+\/)*[\w@-][\w@.-]*\.(?:[cm]?[jt]sx?|py|rb|go|java|cs|php|vue|svelte|sql))(?::(\d+)|\((\d+),\d+\))/;

/** At most `max` words, with an ellipsis when cut. */
export function clipWords(text: string, max: number): string {
  const words = text.trim().split(/\s+/);
  return words.length <= max ? text.trim() : `${words.slice(0, max).join(' ')}…`;
}

/** The error line worth quoting: the one holding `focus` (a matched keyword) or the first telling, non-stack line. */
function errorLine(errors: string[], focus: string[]): string | undefined {
  const lines = errors
    .flatMap((e) => e.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s|^-\s|^require stack/i.test(l));
  const lower = (l: string) => l.toLowerCase();
  const line =
    lines.find((l) => focus.some((f) => f.length > 3 && lower(l).includes(f))) ??
    lines.find((l) => telling.test(l)) ??
    lines[0];
  if (!line) return undefined;
  const hit = focus.map((f) => lower(line).indexOf(f)).find((i) => i >= 0) ?? line.search(telling);
  const quote = line.length > 110 ? quoteAround(line, Math.max(0, hit), 100) : line;
  return clipWords(quote.replace(/[.:;,]+$/, ''), 18);
}

/** First `file:line` in the errors outside dependencies and runtime internals. */
function locationOf(errors: string[]): string | undefined {
  for (const line of errors.flatMap((e) => e.split('\n'))) {
    if (/node_modules|node:internal|\(internal\//.test(line)) continue;
    const m = sourceFile.exec(line);
    if (m) return `${m[1]!.replace(/^.*\/(src|lib|app|test|tests)\//, '$1/')}:${m[2] ?? m[3]}`;
  }
  return undefined;
}

/** The sentence of the message that holds `focus`, or its first sentence, clipped to 20 words. */
function learnerSentence(message: string, focus: string[]): string | undefined {
  const sentences = message
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!sentences.length) return undefined;
  const sentence =
    sentences.find((s) => focus.some((f) => s.toLowerCase().includes(f))) ??
    sentences.find((s) => s.includes('?')) ??
    sentences[0]!;
  // `(?<!\.)`: a run of dots is tried once, not from each of its dots (quadratic on "....").
  return clipWords(sentence.replace(/(?<!\.)\.+$/, ''), 20);
}

/** Quotes for a hint from the learner's message and errors; `focus` are the concept keywords that matched. */
export function hintEvidence(message: string, errors: string[], focus: string[]): HintEvidence {
  const keys = focus.map((f) => f.toLowerCase());
  return {
    errorQuote: errorLine(errors, keys),
    location: locationOf(errors),
    learnerQuote: learnerSentence(message, keys),
  };
}
