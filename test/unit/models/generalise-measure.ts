/**
 * Per-group tallies for the generalisation dev cases: how many cases of each failure class (and of
 * the controls beside them) come out as expected, and which missed, so a test can both print the
 * figures and hold a floor on them.
 */
export interface Tally {
  hit: number;
  total: number;
  misses: string[];
}

/** Runs `check` on every case and tallies the results by the case's group. */
export function tallyByGroup<C extends { group: string }>(
  cases: readonly C[],
  check: (c: C) => { ok: boolean; got: string },
  describeCase: (c: C) => string,
): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  for (const c of cases) {
    const tally = groups.get(c.group) ?? { hit: 0, total: 0, misses: [] };
    const { ok, got } = check(c);
    tally.total += 1;
    if (ok) tally.hit += 1;
    else tally.misses.push(`got ${got}: ${describeCase(c).slice(0, 160)}`);
    groups.set(c.group, tally);
  }
  return groups;
}

/** One line per group, then the misses, for the test log. */
export function formatTally(name: string, groups: Map<string, Tally>): string {
  let hit = 0;
  let total = 0;
  const lines: string[] = [];
  for (const [group, t] of groups) {
    hit += t.hit;
    total += t.total;
    lines.push(`  ${group} ${t.hit}/${t.total}`);
    for (const m of t.misses) lines.push(`    ${m}`);
  }
  return `${name}: ${hit}/${total}\n${lines.join('\n')}`;
}
