import type { MastraDBMessage } from '@mastra/core/agent';
import type { MastraMemory } from '@mastra/core/memory';
import { leakSuspicion, refusalText } from './leak-guard.ts';
import { asBook, unmarked } from './leak-books.ts';
import { mayUnlock } from './leak-keys.ts';
import { recallLearnerThread, type ThreadRef } from './memory.ts';

/**
 * A session's earlier replies as the leak guard reads them with a new one (`earlierReplies`):
 * pieces of the solution over a long conversation add up, so the window is the whole recent
 * conversation, not its last few turns (a piece a turn with chatter or refusals between outlived a
 * six-turn window). Reading all of it with every reading on every turn would cost a reading of the
 * whole conversation per check, so only the replies that carry something of the solution alone
 * are kept: a reply that reveals nothing in any reading adds nothing to the sum. Refusals carry
 * nothing either. Each reply is judged alone once (cached), however many turns read it again.
 */

/** Most characters of earlier replies read with a new one (newest kept first). */
export const maxEarlierChars = 48 * 1024;
/** Replies judged alone, remembered per reference (oldest forgotten first). */
const maxCached = 4096;

const cache = new Map<string, Map<string, boolean>>();

/**
 * Whether `reply`, alone, reveals any of the reference in any reading, or may be a key or what a
 * key unlocks (`leak-keys.ts`: each half alone reveals nothing) (cached).
 */
function carries(reply: string, referenceSolution: string): boolean {
  let known = cache.get(referenceSolution);
  if (!known) {
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    cache.set(referenceSolution, (known = new Map()));
  }
  let result = known.get(reply);
  if (result === undefined) {
    result = leakSuspicion(reply, { referenceSolution }) > 0 || mayUnlock(reply, referenceSolution);
    if (known.size >= maxCached) known.delete(known.keys().next().value!);
    known.set(reply, result);
  }
  return result;
}

/** The last replies kept as books whatever they carry: a later payload may use one as its key. */
export const bookReplies = 4;

/**
 * The earlier replies (oldest first) that carry something of the solution, newest first up to
 * `maxEarlierChars`, joined with blank lines (the guard also reads each part alone, by its own
 * encoding); then the last `bookReplies` replies as books (`leak-books.ts`), read only as the key
 * of a payload. Empty without a reference solution.
 */
export function earlierRepliesText(
  replies: readonly string[],
  referenceSolution: string | undefined,
  budget = maxEarlierChars,
): string {
  if (!referenceSolution?.trim()) return '';
  const kept: string[] = [];
  const books: string[] = [];
  let total = 0;
  for (let i = replies.length - 1; i >= 0; i--) {
    const reply = unmarked(replies[i]!);
    if (!reply.trim() || reply === refusalText || reply.endsWith(refusalText)) continue;
    if (books.length < bookReplies) books.push(asBook(reply));
    if (!carries(reply, referenceSolution)) continue;
    if (total + reply.length > budget) break;
    kept.push(reply);
    total += reply.length + 2;
  }
  return [...kept.reverse(), ...books.reverse()].join('\n\n');
}

/** Messages of an agent's thread read back as earlier replies (a long conversation's worth). */
const threadMessagesRead = 100;

/** Every string of a stored answer: a structured one is JSON, its fields are what was shown. */
function shownStrings(text: string): string[] {
  const walk = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(walk)
        : [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return [walk(parsed).join('\n\n')];
  } catch {
    // Plain text.
  }
  return [text];
}

/**
 * The assistant's replies stored on the agent's memory thread (the session's thread), as earlier
 * replies: a caller on the thread that passes none (Mastra's agent routes) is still judged with
 * them, and one that does (a session turn) adds what only the thread holds.
 */
export async function threadEarlierReplies(
  memory: MastraMemory | undefined,
  thread: ThreadRef | undefined,
  context: { referenceSolution?: string; leakGuard?: { earlierReplies?: string } },
): Promise<string | undefined> {
  const given = context.leakGuard?.earlierReplies;
  if (!memory || !thread || !context.referenceSolution?.trim()) return given;
  const messages = await recallLearnerThread(memory, thread, threadMessagesRead);
  // What the session passed is read already; the thread adds what only it holds.
  const only = assistantTexts(messages).filter((t) => !given?.includes(t));
  const budget = maxEarlierChars - (given?.length ?? 0);
  const fromThread = earlierRepliesText(only, context.referenceSolution, budget);
  return [fromThread, given].filter(Boolean).join('\n\n') || undefined;
}

/** The texts of the assistant messages, oldest first. */
export function assistantTexts(messages: readonly MastraDBMessage[]): string[] {
  return messages
    .filter((m) => m.role === 'assistant')
    .flatMap((m) =>
      m.content.parts.flatMap((p) => (p.type === 'text' ? shownStrings(p.text) : [])),
    );
}
