import type { Mastra } from '@mastra/core/mastra';
import { registerApiRoute, type ApiRoute } from '@mastra/core/server';
import type { Context } from 'hono';
import { appOf, type App } from '../../app.ts';
import { AppError } from '../../errors/app-error.ts';
import type { SessionView } from '../../sessions/index.ts';
import { serveAsset } from './assets.ts';
import { chatLive } from './chat/live.ts';
import { chatSessionPage } from './chat/session-page.ts';
import { chatStartPage, startChatSession } from './chat/start-page.ts';
import { escalationPage, escalationsPage } from './console/escalations-page.ts';
import { consoleLive } from './console/live.ts';
import { runsPage } from './console/runs-page.ts';
import { sessionTimelinePage } from './console/session-timeline.ts';
import { sessionsListPage } from './console/sessions-list.ts';
import { workflowPage, workflowsPage } from './console/workflows-page.ts';
import { errorPage, redirect } from './layout.ts';
import { signIn, signInPage, signOut } from './signin.ts';
import { PageKeys, type Viewer } from './viewer.ts';

type Who = 'operator' | 'anyone';
type Render = (c: Context, app: App, viewer: Viewer) => Promise<Response> | Response;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The web pages (`/console`, `/chat`, `/signin`, `/assets/*`) as Mastra API routes outside `/api`.
 * Mastra's auth is off for them: each authenticates from the sign-in cookie against the same keys
 * (`MENTORFLOW_API_KEYS`) and sends a browser that is not signed in to the sign-in form.
 */
export function pageRoutes(apiKeys: string[]): ApiRoute[] {
  const keys = new PageKeys(apiKeys);

  const guarded = (who: Who, render: Render) => async (c: Context) => {
    const viewer = keys.viewer(c);
    if (!viewer) {
      const url = new URL(c.req.url);
      return redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
    }
    if (who === 'operator' && !viewer.operator) {
      return errorPage(
        403,
        'Forbidden',
        'The console needs an operator key; you are signed in with a learner key.',
        viewer,
      );
    }
    try {
      return await render(c, appOf(c.get('mastra') as Mastra), viewer);
    } catch (error) {
      if (error instanceof AppError && error.status === 404)
        return errorPage(404, 'Not found', error.message, viewer);
      throw error;
    }
  };

  /** The session of `:id` if the viewer may see it; else a 404 page (another learner's is "not found" too). */
  const withSession = (
    who: Who,
    render: (c: Context, app: App, viewer: Viewer, s: SessionView) => Promise<Response> | Response,
  ) =>
    guarded(who, async (c, app, viewer) => {
      const id = c.req.param('id') ?? '';
      const missing = () =>
        errorPage(404, 'Session not found', `There is no session ${id}.`, viewer);
      if (!uuid.test(id)) return missing();
      const session = await app.sessions.getSession(id).catch((error: unknown) => {
        if (error instanceof AppError && error.status === 404) return undefined;
        throw error;
      });
      const learner = viewer.principal?.learnerId;
      if (!session || (learner && session.learnerId !== learner)) return missing();
      return render(c, app, viewer, session);
    });

  const get = (path: string, handler: (c: Context) => Promise<Response> | Response) =>
    registerApiRoute(path, { method: 'GET', requiresAuth: false, handler: handler as never });
  const post = (path: string, handler: (c: Context) => Promise<Response> | Response) =>
    registerApiRoute(path, { method: 'POST', requiresAuth: false, handler: handler as never });

  return [
    get('/assets/:name', (c) => serveAsset(c.req.param('name') ?? '')),
    get('/signin', (c) => signInPage(c)),
    post('/signin', (c) => signIn(c, keys)),
    post('/signout', (c) => signOut(c)),
    get('/console', guarded('operator', sessionsListPage)),
    get(
      '/console/live',
      guarded('operator', (c, app) => consoleLive(c, app)),
    ),
    get('/console/sessions/:id', withSession('operator', sessionTimelinePage)),
    get(
      '/console/escalations',
      guarded('operator', (c, _app, viewer) => escalationsPage(c, viewer)),
    ),
    get(
      '/console/escalations/:id',
      guarded('operator', (c, _app, viewer) => escalationPage(c, viewer, c.req.param('id') ?? '')),
    ),
    get('/console/runs', guarded('operator', runsPage)),
    get('/console/workflows', guarded('operator', workflowsPage)),
    get('/console/workflows/:id', guarded('operator', workflowPage)),
    get(
      '/console/*',
      guarded('operator', (_c, _app, viewer) =>
        errorPage(404, 'Not found', 'There is no such console page.', viewer),
      ),
    ),
    get('/chat', guarded('anyone', chatStartPage)),
    post('/chat/start', guarded('anyone', startChatSession)),
    get('/chat/:id', withSession('anyone', chatSessionPage)),
    get(
      '/chat/:id/live',
      withSession('anyone', (c, app, _viewer, s) => chatLive(c, app, s.id)),
    ),
  ];
}
