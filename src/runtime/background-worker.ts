import { MastraWorker } from '@mastra/core/worker';
import { startBackground, type Background, type BackgroundOptions } from './background.ts';

/**
 * What a server process runs besides HTTP (timer worker, recovery, inbox sweep) as a Mastra worker:
 * Mastra starts it with the server — `npm start`, `mastra dev` and the `mastra build` output alike —
 * and stops it in `mastra.shutdown()` before the storage (and so the database) is closed.
 */
export class BackgroundWorker extends MastraWorker {
  readonly name = 'mentorflow-background';
  readonly #options: Omit<BackgroundOptions, 'mastra'>;
  #running: Background | undefined;

  constructor(options: Omit<BackgroundOptions, 'mastra'>) {
    super();
    this.#options = options;
  }

  async start(): Promise<void> {
    if (this.#running || !this.mastra) return;
    this.#running = await startBackground({ mastra: this.mastra, ...this.#options });
  }

  async stop(): Promise<void> {
    const running = this.#running;
    this.#running = undefined;
    await running?.stop();
  }

  get isRunning(): boolean {
    return this.#running !== undefined;
  }
}
