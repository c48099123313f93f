import type { Context } from 'hono';
import { html } from './html.ts';
import { clearKeyCookieHeader, isSameOrigin, keyCookieHeader } from './key-cookie.ts';
import { page, redirect } from './layout.ts';
import type { PageKeys } from './viewer.ts';

/** Only a path of this site: never `//host` or a scheme, so `next` cannot send the user elsewhere. */
export function safeNext(next: string | undefined, fallback: string): string {
  return next && /^\/(?![/\\])/.test(next) ? next : fallback;
}

function form(next: string, error?: string, status = 200): Response {
  return page({
    title: 'Sign in',
    status,
    body: html`<p>Paste the API key an operator gave you (an operator key opens the console, a learner key the chat).</p>
${error ? html`<p role="alert" class="error" id="signin-error">${error}</p>` : ''}
<form method="post" action="/signin">
<input type="hidden" name="next" value="${next}">
<p><label for="key">API key</label>
<input id="key" name="key" type="password" required autocomplete="current-password" size="40"${error ? html` aria-invalid="true" aria-describedby="signin-error"` : ''}></p>
<p><button type="submit">Sign in</button></p>
</form>`,
  });
}

/** `GET /signin?next=…`: the sign-in form. */
export function signInPage(c: Context): Response {
  return form(safeNext(c.req.query('next'), ''));
}

/**
 * `POST /signin`: checks the pasted key against the configured keys and keeps it in the HttpOnly
 * cookie; an operator goes to the console, a learner to the chat (or where they were going).
 */
export async function signIn(c: Context, keys: PageKeys): Promise<Response> {
  const body = await c.req.parseBody();
  const next = typeof body.next === 'string' ? body.next : '';
  if (!isSameOrigin(c)) return form(safeNext(next, ''), 'Sign in from this site’s own page.', 403);
  const key = typeof body.key === 'string' ? body.key.trim() : '';
  const principal = key ? keys.lookup(key) : null;
  if (principal === null) return form(safeNext(next, ''), 'That API key is not valid.', 401);
  const home = principal?.learnerId ? '/chat' : '/console';
  const response = redirect(safeNext(next, home));
  response.headers.append('set-cookie', keyCookieHeader(c, key));
  return response;
}

/** `POST /signout`: forgets the key. */
export function signOut(c: Context): Response {
  if (!isSameOrigin(c)) return redirect('/signin');
  const response = redirect('/signin');
  response.headers.append('set-cookie', clearKeyCookieHeader());
  return response;
}
