/**
 * Source-file paths in learner text and error output, found in linear time.
 *
 * The regular expressions these functions replace (kept below as `*Pattern` for the tests that
 * compare both) backtrack: from every start inside a long run of path characters ("a-a-a-…") they
 * scan to the end of the run looking for an extension, so 64 KB of "a-" took 8 s. These scanners
 * compute, once per run, where an extension can end a match and then pick the same leftmost,
 * greedy match the regular expression would.
 */

/** `hint-concept.ts`'s former file-path pattern: `dir/dir/name.ext` for common source extensions. */
export const sourcePathPattern = /(?:[\w@.-]+\/)*[\w@-][\w@.-]*\.(?:[cm]?[jt]sx?|py|rb|go|java)\b/g;

/** `fix-verification.ts`'s former file pattern: an optional drive, a path, an extension, `:line:col`. */
export const errorPathPattern =
  /(?:[a-z]:)?[\w./\\-]+\.(?:ts|js|tsx|jsx|py|java|go|rb)(?::\d+)*(?::\d+)?/g;

const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** A character that may start a file name (not a dot, not a slash). */
const startsName = (c: string | undefined) =>
  c !== undefined && (isWord(c) || c === '@' || c === '-');

/** Extension alternatives in the order the pattern tries them: `[cm]?[jt]sx?` greedy first. */
const sourceExtensions = [
  'cjsx',
  'cjs',
  'ctsx',
  'cts',
  'mjsx',
  'mjs',
  'mtsx',
  'mts',
  'jsx',
  'js',
  'tsx',
  'ts',
  'py',
  'rb',
  'go',
  'java',
];

/** Length of the extension after the dot at `dot` in `run` (end of run counts as a word boundary), or 0. */
function extensionAt(run: string, dot: number): number {
  for (const ext of sourceExtensions) {
    if (run.startsWith(ext, dot + 1) && !isWord(run[dot + 1 + ext.length])) return ext.length + 1;
  }
  return 0;
}

interface Segment {
  from: number;
  to: number;
  /** End (exclusive) of the match that ends at the segment's last usable extension, or -1. */
  lastEnd: number;
  /** Dot of that extension, or -1. */
  lastDot: number;
}

/** Matches of `sourcePathPattern` inside one run of path characters, as [start, end) pairs. */
function sourcePathsInRun(run: string): Array<[number, number]> {
  const segments: Segment[] = [];
  let from = 0;
  for (let i = 0; i <= run.length; i++) {
    if (i < run.length && run[i] !== '/') continue;
    let lastDot = -1;
    let lastEnd = -1;
    for (let d = i - 1; d > from && lastDot < 0; d--) {
      const length = run[d] === '.' ? extensionAt(run, d) : 0;
      if (length) [lastDot, lastEnd] = [d, d + length];
    }
    segments.push({ from, to: i, lastDot, lastEnd });
    from = i + 1;
  }
  const last = segments.length - 1;
  // A whole segment can hold the file name when it starts like a name and ends with an extension.
  const good = (t: number) =>
    segments[t]!.to > segments[t]!.from &&
    startsName(run[segments[t]!.from]) &&
    segments[t]!.lastDot > 0;
  // best[t]: the furthest good segment the directory loop can reach from segment t (greedy wins).
  const best: number[] = new Array(segments.length).fill(-1);
  for (let t = last; t >= 0; t--) {
    const s = segments[t]!;
    const chained = s.to > s.from && t < last;
    best[t] = chained && best[t + 1]! >= 0 ? best[t + 1]! : good(t) ? t : -1;
  }
  const found: Array<[number, number]> = [];
  let p = 0;
  for (let j = 0; j <= last; j++) {
    const s = segments[j]!;
    p = Math.max(p, s.from);
    if (p >= s.to) continue;
    const further = j < last ? best[j + 1]! : -1;
    if (further >= 0) {
      found.push([p, segments[further]!.lastEnd]);
      p = segments[further]!.lastEnd;
      j = further - 1;
      continue;
    }
    // Only this segment's own tail: the first name character before its last extension.
    while (p < s.lastDot && !startsName(run[p])) p++;
    if (s.lastDot > p) {
      found.push([p, s.lastEnd]);
      p = s.lastEnd;
    }
  }
  return found;
}

/**
 * `text` with every source-file path (`src/routes.ts`, `lib/a.test.js`) replaced by `by`: the same
 * result as `text.replace(sourcePathPattern, by)`, in linear time.
 */
export function replaceSourcePaths(text: string, by: string): string {
  let out = '';
  let last = 0;
  for (const run of text.matchAll(/[\w@./-]+/g)) {
    for (const [from, to] of sourcePathsInRun(run[0])) {
      out += text.slice(last, run.index + from) + by;
      last = run.index + to;
    }
  }
  return out + text.slice(last);
}

const errorExtensions = ['ts', 'js', 'tsx', 'jsx', 'py', 'java', 'go', 'rb'];
const isErrorPathChar = (c: string | undefined) =>
  c !== undefined && (isWord(c) || c === '.' || c === '/' || c === '\\' || c === '-');

/**
 * `text` with every `path/file.ext:line:col` replaced by `by`: the same result as
 * `text.replace(errorPathPattern, by)` (callers lower-case first), in linear time. A match may start
 * at a drive letter (`c:`), then takes its run of path characters up to the run's last extension
 * (no word boundary needed: `.tsx` reads as `.ts`), then any `:digits`.
 */
export function replaceErrorPaths(text: string, by: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < text.length) {
    if (!isErrorPathChar(text[i])) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isErrorPathChar(text[end])) end++;
    // The dot of the last extension in the run, with at least one path character before it.
    let dot = -1;
    let extLength = 0;
    for (let d = end - 1; d > i && dot < 0; d--) {
      if (text[d] !== '.') continue;
      const ext = errorExtensions.find((e) => text.startsWith(e, d + 1));
      if (ext) [dot, extLength] = [d, ext.length];
    }
    if (dot < 0) {
      i = end;
      continue;
    }
    // A drive letter just before the run starts the match earlier ("c:\src\a.ts").
    const drive = i >= last + 2 && text[i - 1] === ':' && /[a-z]/.test(text[i - 2]!) ? i - 2 : i;
    let stop = dot + 1 + extLength;
    // Then `(?::\d+)*`: line and column numbers.
    while (text[stop] === ':' && isDigit(text[stop + 1])) {
      stop += 2;
      while (isDigit(text[stop])) stop++;
    }
    out += text.slice(last, drive) + by;
    last = stop;
    i = stop;
  }
  return out + text.slice(last);
}
