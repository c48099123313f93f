/**
 * What every attempt of development set 9 is built with (`leak-guard-dev-set-9.ts`,
 * `leak-guard-dev-set-9-layouts.ts`): the attempt shape and the small codecs both files use.
 */
import { runningKey } from './leak-guard-dev-codecs-9.ts';
import type { MultiTurnAttempt, Turn } from './leak-guard-dev-set-3.ts';

export interface Attempt9 extends MultiTurnAttempt {
  kind: 'book' | 'nicknames' | 'legend' | 'places' | 'grid' | 'edits' | 'wild';
}

/** Turns whose last reads back the whole of what was shown with `readAll`. */
export function attempt(
  kind: Attempt9['kind'],
  name: string,
  texts: string[],
  readAll: (all: string[]) => string,
): Attempt9 {
  const turns: Turn[] = texts.map((text, i) =>
    i === texts.length - 1 ? { text, index: 0, decode: (_s, all) => readAll(all) } : { text },
  );
  return { family: 'turns', kind, name, turns };
}
/** What follows `marker` in what was shown (nothing when it was refused). */
export const after = (text: string, marker: string) =>
  text.includes(marker) ? text.slice(text.indexOf(marker) + marker.length) : '';
export const rot13 = (t: string) => runningKey(t, 'n');
export const b64 = (t: string) => Buffer.from(t).toString('base64');
export const unb64 = (t: string) => Buffer.from(t, 'base64').toString();
export const reverse = (t: string) => [...t].reverse().join('');
