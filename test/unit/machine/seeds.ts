/**
 * The seed documents the machines are checked against, read from the copies in test/fixtures/seeds
 * (so the suite does not depend on a folder outside the repository).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixtureDir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
/** The shared design folder next to the repository, when it exists (a developer machine). */
export const sharedSeedDir = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

export const lifecycleSeedFile = '000_d51706f173d702bf.txt';
export const storySeedFile = '001_1c4bde448760b738.txt';

export function readFixture(name: string): string {
  return readFileSync(`${fixtureDir}${name}`, 'utf8');
}

export interface SeedRow {
  readonly from: string;
  readonly event: string;
  readonly to: string;
  readonly action: string;
}

/** The `stateTransitions` table of seed 000, read from its TypeScript text. */
export function lifecycleSeedRows(): SeedRow[] {
  const text = readFixture(lifecycleSeedFile);
  const table = /export const stateTransitions[\s\S]*?\n\];/.exec(text)?.[0];
  if (!table) throw new Error(`seed 000: stateTransitions table not found in ${lifecycleSeedFile}`);
  const row =
    /\{\s*from: MentorshipState\.(\w+),\s*event: MentorshipEvent\.(\w+),\s*to: MentorshipState\.(\w+),\s*action: '(\w+)',?\s*\}/g;
  return [...table.matchAll(row)].map((m) => ({
    from: m[1]!,
    event: m[2]!,
    to: m[3]!,
    action: m[4]!,
  }));
}

/** The member names of one of seed 000's enums. */
export function lifecycleSeedEnum(name: 'MentorshipState' | 'MentorshipEvent'): string[] {
  const body = new RegExp(`export enum ${name} \\{([^}]*)\\}`).exec(
    readFixture(lifecycleSeedFile),
  )?.[1];
  if (!body) throw new Error(`seed 000: enum ${name} not found`);
  return [...body.matchAll(/^\s*(\w+)\s*=/gm)].map((m) => m[1]!);
}

/** The condition names seed 000's checkCondition handles. */
export function lifecycleSeedConditions(): string[] {
  const text = readFixture(lifecycleSeedFile);
  const fn = /async function checkCondition[\s\S]*?\n\}/.exec(text)?.[0] ?? '';
  return [...fn.matchAll(/case '(\w+)':/g)].map((m) => m[1]!);
}
