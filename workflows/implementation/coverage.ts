/**
 * Seed 003's `testCoverage` metric, measured without running anything: the share (0–100) of the
 * requirements that at least one generated test names. A requirement counts as named when a test
 * mentions at least half of its significant words. With no requirements there is nothing to miss: 100 when
 * any test exists, else 0.
 */
export function requirementCoverage(
  requirements: readonly string[],
  tests: readonly string[],
): number {
  if (!requirements.length) return tests.length ? 100 : 0;
  const testWords = tests.map((t) => new Set(words(t)));
  const covered = requirements.filter((requirement) => {
    const wanted = [...new Set(words(requirement))];
    if (!wanted.length) return false;
    const needed = Math.ceil(wanted.length / 2);
    return testWords.some((have) => wanted.filter((w) => have.has(w)).length >= needed);
  });
  return Math.round((covered.length / requirements.length) * 100);
}

const stopWords = new Set([
  'the',
  'and',
  'for',
  'with',
  'must',
  'should',
  'can',
  'that',
  'this',
  'from',
  'use',
  'are',
  'has',
  'have',
  'not',
  'all',
  'any',
  'its',
  'into',
  'when',
  'will',
]);

/** Lower-case words of three letters or more, without common filler, crudely singularised. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((w) => w.length >= 3 && !stopWords.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w));
}
