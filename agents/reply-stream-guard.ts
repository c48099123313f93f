import { splitBooks } from './leak-books.ts';
import { leakSuspicion, type LeakGuardOptions } from './leak-guard.ts';
import { releaseGuarded } from './leak-guard-processor.ts';

/**
 * Text streamed between two checks of everything sent so far against the reference solution: at
 * least 64 characters, and an eighth of what was sent. Each check reads the whole text, so a fixed
 * step made a long reply quadratic (14 KB: 218 checks, ~3 s of CPU; 28 KB: ~11 s); growing steps
 * keep the total near eight readings of the reply, and a check still comes before the text grows
 * by more than an eighth.
 */
const streamCheckEvery = 64;
const streamCheckShare = 1 / 8;
/**
 * Share of a refusal threshold at which a stream stops: a reply drifting towards the solution is
 * withdrawn while what it sent is still at most about half of what the final guard would refuse.
 */
const streamSuspicion = 0.5;

/**
 * Sends the `reply` field of a streamed structured answer as it grows: only text appended to what
 * was already sent, through the fence-holding leak guard; a block still open at the end is never
 * sent (the final, guarded reply replaces the stream anyway). With a reference solution, what was
 * sent is checked as a whole every `streamCheckEvery` characters: prose carrying the solution in
 * some disguise is withdrawn, and no more of it sent, once it is half-way to a refusal.
 */
export async function forwardReply(
  partials: ReadableStream<unknown>,
  guard: LeakGuardOptions,
  out: { send: (text: string) => void; withhold: (reason: string) => void },
): Promise<void> {
  let seen = '';
  let pending = '';
  let inFence = false;
  let sent = '';
  let checked = 0;
  let withheld = false;
  // With the session's earlier replies, the stream stops halfway from where they stand to a
  // refusal: pieces over several turns add up, and the stored reply is refused at 1.
  // Books (replies kept only as keys) are the final guard's to read with a payload.
  const earlier = guard.referenceSolution && splitBooks(guard.earlierReplies ?? '').carried;
  const together = { ...guard, learnerText: undefined };
  let before: number | undefined;
  const check = () => {
    checked = sent.length;
    let suspicious = leakSuspicion(sent, guard) >= streamSuspicion;
    if (!suspicious && earlier) {
      before ??= Math.min(1, leakSuspicion(earlier, together));
      const limit = Math.max(streamSuspicion, before + (1 - before) * streamSuspicion);
      suspicious = leakSuspicion(`${earlier}\n\n${sent}`, together) >= limit;
    }
    if (!suspicious) return;
    withheld = true;
    out.withhold('the leak guard withheld this reply');
  };
  const send = (text: string) => {
    if (withheld || !text) return;
    sent += text;
    out.send(text);
    const step = Math.max(streamCheckEvery, checked * streamCheckShare);
    if (guard.referenceSolution && sent.length - checked >= step) check();
  };
  for await (const partial of partials as unknown as AsyncIterable<{ reply?: unknown }>) {
    const reply = partial?.reply;
    if (typeof reply !== 'string' || reply.length <= seen.length || !reply.startsWith(seen))
      continue;
    const released = releaseGuarded(pending + reply.slice(seen.length), inFence, guard);
    seen = reply;
    pending = released.rest;
    inFence = released.inFence;
    send(released.text);
  }
  if (pending && !inFence) send(pending);
  // The tail since the last check is checked too (the final reply is guarded again anyway).
  if (!withheld && guard.referenceSolution && sent.length > checked) check();
}
