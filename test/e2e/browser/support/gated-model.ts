import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenAI-compatible chat-completions server on 127.0.0.1 whose first streamed answer stops
 * at `splitAt` (sending only JSON whitespace) until the test calls `release()`: a test can then see
 * in the browser what has arrived while the model is still "writing", with no timing assumption. Every other request gets a 500,
 * so the product answers it in rules mode.
 */
export interface GatedModel {
  baseURL: string;
  /** Resolves when the first half of the streamed answer has been written. */
  halfway: Promise<void>;
  release(): void;
  close(): Promise<void>;
}

export async function startGatedModel(
  json: Record<string, unknown>,
  splitAt: string,
): Promise<GatedModel> {
  const content = JSON.stringify(json);
  const cut = content.indexOf(splitAt);
  if (cut < 0) throw new Error(`'${splitAt}' is not in the answer`);
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reachedHalfway!: () => void;
  const halfway = new Promise<void>((resolve) => {
    reachedHalfway = resolve;
  });
  let served = false;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', async () => {
      const body = JSON.parse(raw || '{}') as { stream?: boolean; model?: string };
      if (served || !body.stream || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not scripted', type: 'server_error' } }));
        return;
      }
      served = true;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const base = {
        id: 'chatcmpl-gated',
        object: 'chat.completion.chunk',
        created: 0,
        model: body.model,
      };
      const send = (delta: Record<string, unknown>, finish: string | null = null) =>
        res.write(
          `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
        );
      send({ role: 'assistant', content: '' });
      const pieces = (text: string) => text.match(/[\s\S]{1,12}/g) ?? [];
      for (const piece of pieces(content.slice(0, cut))) send({ content: piece });
      reachedHalfway();
      // JSON whitespace keeps the stream alive (a silent stream is dropped as stalled) without
      // changing the answer.
      const keepAlive = setInterval(() => send({ content: ' ' }), 200);
      await released;
      clearInterval(keepAlive);
      for (const piece of pieces(content.slice(cut))) send({ content: piece });
      send({}, 'stop');
      res.write(
        `data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 120, completion_tokens: 80, total_tokens: 200 } })}\n\n`,
      );
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    halfway,
    release,
    close: () =>
      new Promise((resolve) => {
        release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
