/**
 * How the chat shows a turn's reply as it arrives: each agent call's text as the model writes it,
 * a note when a call starts over (its text so far is void), then every committed reply that was not
 * shown live, or that the leak guard changed after it was shown.
 */
import type { Reply } from '../../sessions/types.ts';

export interface LiveReply {
  token(text: string, call: number): void;
  reset(call: number): void;
  /** A committed reply, in order, once the turn is committed. */
  reply(reply: Reply): void;
}

export function liveReply(write: (text: string) => void): LiveReply {
  const shown = new Map<number, string>();
  let last: number | undefined;
  let written = false;
  const out = (text: string) => {
    write(text);
    written = true;
  };
  return {
    token(text, call) {
      if (call !== last && written) out('\n\n');
      last = call;
      shown.set(call, (shown.get(call) ?? '') + text);
      out(text);
    },
    reset(call) {
      if (shown.get(call)) out('\n[the mentor starts this answer again]\n');
      shown.set(call, '');
    },
    reply(reply) {
      if (reply.streamed !== undefined && shown.get(reply.streamed) === reply.text) return;
      out(`${written ? '\n\n' : ''}${reply.text}`);
      last = undefined;
    },
  };
}
