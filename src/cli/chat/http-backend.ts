import { AppError, errorStatus, type ErrorCode } from '../../errors/app-error.ts';
import type { ChatBackend, ChatTurn } from './backend.ts';
import { liveReply } from './live-reply.ts';

/** Talks to a running mentorflow server; the key comes from MENTORFLOW_API_KEY. */
export function httpBackend(baseUrl: string, apiKey = process.env.MENTORFLOW_API_KEY): ChatBackend {
  const root = baseUrl.replace(/\/+$/, '');
  const headers = (extra: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    ...extra,
  });

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    accept?: string,
  ): Promise<Response & { json(): Promise<T> }> {
    let res: Response;
    try {
      res = await fetch(`${root}/api${path}`, {
        method,
        headers: headers(accept ? { accept } : {}),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new AppError('CONFIG_ERROR', `cannot reach ${root}: ${(cause as Error).message}`, {
        field: 'url',
        cause,
      });
    }
    return res as Response & { json(): Promise<T> };
  }

  /** The server's `{ error: { code, message, … } }` becomes the same AppError the in-process backend throws. */
  async function expectOk<T>(res: Response): Promise<T> {
    const body = (await res.json().catch(() => ({}))) as T & { error?: ErrorBody };
    if (!res.ok) throw errorOf(body.error ?? { code: 'INTERNAL', message: `HTTP ${res.status}` });
    return body;
  }

  function turnOf(body: ChatTurn): ChatTurn {
    return { session: body.session, outcome: body.outcome, replies: body.replies ?? [] };
  }

  return {
    where: root,
    async createSession(input) {
      const body = await expectOk<any>(await call('POST', '/sessions', input));
      const { replies, ...session } = body;
      return { session, replies };
    },
    async getSession(id) {
      return expectOk(await call('GET', `/sessions/${id}`));
    },
    async sendMessage(id, text, onToken) {
      const res = await call('POST', `/sessions/${id}/messages`, { text }, 'text/event-stream');
      if (!(res.headers.get('content-type') ?? '').includes('text/event-stream'))
        return turnOf(await expectOk(res));
      let done: ChatTurn | undefined;
      const live = liveReply(onToken);
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          const body = data ? JSON.parse(data) : {};
          if (event === 'token') live.token(body.text, body.call ?? 0);
          if (event === 'reply') live.reply(body);
          if (event === 'error' && body.call !== undefined) live.reset(body.call);
          else if (event === 'error') throw errorOf(body.error);
          if (event === 'done') done = turnOf(body);
        }
      }
      if (!done) throw new AppError('INTERNAL', 'the reply stream ended without its final event');
      return done;
    },
    async sendEvent(id, event) {
      return turnOf(await expectOk(await call('POST', `/sessions/${id}/events`, event)));
    },
    async transitions(id) {
      return (
        await expectOk<{ transitions: any[] }>(
          await call('GET', `/sessions/${id}/transitions?limit=1000`),
        )
      ).transitions;
    },
    async close() {},
  };
}

type ErrorBody = { code: string; message: string; field?: string } & Record<string, unknown>;

function errorOf({ code, message, field, ...details }: ErrorBody): AppError {
  return new AppError(code in errorStatus ? (code as ErrorCode) : 'INTERNAL', message, {
    field,
    details,
  });
}
