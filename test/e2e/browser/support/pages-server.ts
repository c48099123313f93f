import type { Browser } from 'playwright-core';
import { type CliProcess, startServer } from '../../../helpers/spawn-cli.ts';
import { type Api, apiClient } from '../../support/api-client.ts';
import { launchBrowser } from './browser.ts';

/** Rules mode, real time, an operator key and two learners' keys: what the page tests sign in with. */
export const pagesEnv = {
  MODEL: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  TIME_SCALE: '1',
  MENTORFLOW_API_KEYS: 'ops-key,ana-key:ana,bob-key:bob',
};

export interface PagesServer {
  server: CliProcess & { url: string };
  browser: Browser;
  /** The API with the operator key. */
  ops: Api;
}

/** `mentorflow start` and headless Chromium, started together. */
export async function startPages(env: Record<string, string> = pagesEnv): Promise<PagesServer> {
  const [server, browser] = await Promise.all([startServer(env), launchBrowser()]);
  return { server, browser, ops: apiClient(server.url, 'ops-key') };
}

/** Closes the browser and kills the server if it still runs (either may never have started). */
export async function stopPages(pages: Partial<PagesServer> | undefined): Promise<void> {
  await pages?.browser?.close();
  if (pages?.server?.child.exitCode === null) pages.server.child.kill('SIGKILL');
}

/** A session's inbox as the operator reads it. */
export async function inboxOf(ops: Api, sessionId: string) {
  return (await ops.get(`/sessions/${sessionId}/inbox`)).body.events as {
    type: string;
    data?: Record<string, unknown>;
    payload?: Record<string, unknown>;
  }[];
}
