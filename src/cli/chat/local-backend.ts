import type { ChatBackend, ChatTurn } from './backend.ts';
import { liveReply } from './live-reply.ts';

/**
 * Runs the mentor in this process on the configured database (embedded by default), with Mastra's
 * workers (the timer worker among them), so timeouts fire while chatting. A one-shot caller
 * (`mentorflow report`) passes `workers: false`: its turn runs in the call, no timer must fire here.
 */
export async function localBackend(options: { workers?: boolean } = {}): Promise<ChatBackend> {
  const { parseStory } = await import('../../../tools/story-loader.ts');
  const { createApp } = await import('../../app.ts');
  const { loadConfig } = await import('../../config/index.ts');
  const app = await createApp(loadConfig());
  if (options.workers !== false) await app.mastra.startWorkers();
  const sessions = app.sessions;

  const turnOf = (result: Awaited<ReturnType<typeof sessions.ingestEvent>>): ChatTurn => ({
    session: result.session,
    outcome: result.outcome,
    replies: result.replies,
  });

  return {
    where: `in-process (${app.database.kind} database)`,
    async createSession({ learnerId, story }) {
      const loaded = parseStory(story);
      const created = await sessions.createSession({
        learnerId,
        story: {
          ...loaded.story,
          ...(loaded.referenceSolution ? { referenceSolution: loaded.referenceSolution } : {}),
        },
      });
      return { session: created.session, replies: created.replies };
    },
    async getSession(id) {
      const [session, timers] = await Promise.all([
        sessions.getSession(id),
        sessions.listTimers(id),
      ]);
      return { ...session, timers };
    },
    async sendMessage(id, text, onToken) {
      const live = liveReply(onToken);
      let calls = 0;
      const result = await sessions.ingestEvent(
        id,
        { type: 'learner-message', data: { text } },
        {
          replyStreams: {
            open() {
              const call = calls++;
              return {
                call,
                stream: { text: (t) => live.token(t, call), reset: () => live.reset(call) },
              };
            },
          },
        },
      );
      for (const reply of result.replies) live.reply(reply);
      return turnOf(result);
    },
    async sendEvent(id, event) {
      return turnOf(
        await sessions.ingestEvent(id, {
          ...(event.id ? { id: event.id } : {}),
          type: event.type,
          data: event.data ?? {},
        }),
      );
    },
    async transitions(id) {
      return sessions.listTransitions(id, 1000);
    },
    close: () => app.close(),
  };
}
