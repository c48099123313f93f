import { randomUUID } from 'node:crypto';
import type { MastraMemory } from '@mastra/core/memory';
import { InMemoryStore } from '@mastra/core/storage';
import type { MastraCompositeStore } from '@mastra/core/storage';
import { Memory } from '@mastra/memory';
import { AppError } from '../src/errors/app-error.ts';
import { learnerProfileSchema, type LearnerProfile } from '../src/domain/contracts/learner.ts';

/**
 * Mentor memory: one thread per session (resource = the learner), the last `lastMessages` messages
 * recalled on every call, and the learner profile in resource-scoped working memory. The profile is
 * updated by mentorflow's own code after each help request (not by the model), so it is the same in
 * rules mode and with a model. Storage comes from the Mastra instance (Postgres).
 */
export interface MentorMemoryOptions {
  /** Messages of the thread given to the model on each call. Default 20. */
  lastMessages?: number;
  /** Own storage; without it the memory uses the storage of the Mastra instance its agent joins. */
  storage?: MastraCompositeStore;
}

export function createMentorMemory(options: MentorMemoryOptions = {}): Memory {
  return new Memory({
    ...(options.storage ? { storage: options.storage } : {}),
    options: {
      lastMessages: options.lastMessages ?? 20,
      semanticRecall: false,
      generateTitle: false,
      workingMemory: {
        enabled: true,
        scope: 'resource',
        schema: learnerProfileSchema,
        agentManaged: false,
      },
    },
  });
}

export interface ThreadRef {
  threadId: string;
  /** The learner the thread belongs to. */
  resourceId: string;
}

/**
 * Refuse access to a thread owned by another learner. Returns the thread, or undefined when it does
 * not exist yet.
 */
export async function assertThreadOwner(memory: MastraMemory, ref: ThreadRef) {
  const thread = await memory.getThreadById({ threadId: ref.threadId });
  if (thread && thread.resourceId !== ref.resourceId) {
    // Same answer as a missing thread would give a stranger: do not confirm the thread exists.
    throw new AppError('FORBIDDEN', 'This conversation belongs to another learner', {
      field: 'threadId',
    });
  }
  return thread ?? undefined;
}

/** The session's thread, created for the learner on first use; refused if another learner owns it. */
export async function ensureLearnerThread(
  memory: MastraMemory,
  ref: ThreadRef & { title?: string; metadata?: Record<string, unknown> },
) {
  const existing = await assertThreadOwner(memory, ref);
  if (existing) return existing;
  return memory.createThread({
    threadId: ref.threadId,
    resourceId: ref.resourceId,
    title: ref.title ?? `Session ${ref.threadId}`,
    metadata: ref.metadata,
  });
}

/** The learner's last messages on a thread, after the ownership check. */
export async function recallLearnerThread(memory: MastraMemory, ref: ThreadRef, last = 20) {
  await assertThreadOwner(memory, ref);
  const { messages } = await memory.recall({
    threadId: ref.threadId,
    resourceId: ref.resourceId,
    perPage: last,
    orderBy: { field: 'createdAt', direction: 'DESC' },
  });
  return [...messages].reverse();
}

/**
 * Removes what the thread received since `since`: the learner's message and the error or malformed
 * answer a failed agent call stored before its retry or rules fallback stores the exchange again
 * (a model recalling the thread would otherwise read the learner's message twice).
 */
export async function forgetSince(memory: MastraMemory, ref: ThreadRef, since: Date) {
  const { messages } = await memory.recall({
    threadId: ref.threadId,
    resourceId: ref.resourceId,
    perPage: false,
    filter: { dateRange: { start: since } },
  });
  if (messages.length) await memory.deleteMessages(messages.map((m) => m.id));
}

/** Options of the profile functions. */
export interface OwnerChecked {
  /** The caller has just checked the thread's owner (`ensureLearnerThread`): skip the re-read. */
  ownerChecked?: boolean;
}

/** The learner profile kept in working memory, or undefined when none was stored yet. */
export async function readLearnerProfile(
  memory: MastraMemory,
  ref: ThreadRef,
  options: OwnerChecked = {},
): Promise<LearnerProfile | undefined> {
  if (!options.ownerChecked) await assertThreadOwner(memory, ref);
  const raw = await memory.getWorkingMemory({ threadId: ref.threadId, resourceId: ref.resourceId });
  if (!raw) return undefined;
  try {
    const parsed = learnerProfileSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Store the learner profile in working memory (resource scope: shared by all the learner's sessions). */
export async function writeLearnerProfile(
  memory: MastraMemory,
  ref: ThreadRef,
  profile: LearnerProfile,
  options: OwnerChecked = {},
): Promise<void> {
  if (!options.ownerChecked) await ensureLearnerThread(memory, ref);
  const update = () =>
    memory.updateWorkingMemory({
      threadId: ref.threadId,
      resourceId: ref.resourceId,
      workingMemory: JSON.stringify(learnerProfileSchema.parse(profile)),
    });
  try {
    await update();
  } catch (error) {
    // The profile is one row per learner: two of their sessions writing it first at the same time
    // race to insert it (the scale-out bench hit mastra_resources_pkey). The loser's row exists now:
    // once more updates it.
    if (!isDuplicateKey(error)) throw error;
    await update();
  }
}

/**
 * Keep one exchange on the learner's thread as the agent loop would: the prompt as the user's
 * message, the answer as the assistant's (used where the answer did not come through that loop).
 */
export async function saveExchange(
  memory: MastraMemory,
  ref: ThreadRef,
  exchange: { prompt: string; answer: string },
): Promise<void> {
  const at = Date.now();
  const message = (role: 'user' | 'assistant', text: string, offset: number) => ({
    id: randomUUID(),
    role,
    type: 'v2',
    createdAt: new Date(at + offset),
    threadId: ref.threadId,
    resourceId: ref.resourceId,
    content: { format: 2 as const, parts: [{ type: 'text' as const, text }] },
  });
  await memory.saveMessages({
    messages: [message('user', exchange.prompt, 0), message('assistant', exchange.answer, 1)],
  });
}

function isDuplicateKey(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e; ) {
    if (e.code === '23505' || /duplicate key/i.test(String(e.message ?? ''))) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Memory of the default agent instances (`agents` in agents/index.ts). */
export const mentorMemory = createMentorMemory();

let offline: Memory | undefined;

/**
 * Process-local memory for agents used outside a Mastra instance with storage (a one-off CLI call,
 * unit tests): Mastra's memory processors need a store, and nothing here must reach Postgres.
 */
export function offlineMentorMemory(): Memory {
  offline ??= createMentorMemory({ storage: new InMemoryStore({ id: 'mentorflow-offline' }) });
  return offline;
}
