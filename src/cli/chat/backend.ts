import type { IngestResult, Reply, SessionView, TransitionRecord } from '../../sessions/index.ts';

/** What the chat needs of a session, whether it talks to a server or runs in-process. */
export interface ChatBackend {
  readonly where: string;
  createSession(input: {
    learnerId: string;
    story: string;
  }): Promise<{ session: SessionView; replies: readonly Reply[] }>;
  getSession(id: string): Promise<SessionView & { timers?: unknown[] }>;
  /** Send a learner message; `onToken` receives the reply piece by piece as it streams. */
  sendMessage(id: string, text: string, onToken: (text: string) => void): Promise<ChatTurn>;
  /** Send an event; `event.id` is its idempotency key (a repeated id applies it once). */
  sendEvent(
    id: string,
    event: { id?: string; type: string; data?: Record<string, unknown> },
  ): Promise<ChatTurn>;
  transitions(id: string): Promise<TransitionRecord[]>;
  close(): Promise<void>;
}

/** The result of one turn as the chat shows it. */
export interface ChatTurn {
  session: IngestResult['session'];
  outcome: IngestResult['outcome'];
  replies: readonly Reply[];
}
