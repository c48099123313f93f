import { html, type SafeHtml } from './html.ts';
import type { Viewer } from './viewer.ts';

/** Strict policy: the pages load only their own CSS and modules; no inline script or style runs. */
const securityHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

export interface PageOptions {
  title: string;
  /** Which navigation to show: the console's sections, the chat's, or none (sign-in, errors). */
  area?: 'console' | 'chat';
  /** The current console section, marked `aria-current`. */
  current?: string;
  viewer?: Viewer | null;
  /** ES modules under /assets/ to load. */
  scripts?: string[];
  status?: number;
  body: SafeHtml;
}

const consoleSections = [
  ['/console', 'Sessions'],
  ['/console/escalations', 'Escalations'],
  ['/console/runs', 'Implementation runs'],
  ['/console/workflows', 'Workflows'],
] as const;

function nav({ area, current, viewer }: PageOptions): SafeHtml {
  if (!area) return html``;
  const links =
    area === 'console'
      ? consoleSections.map(
          ([href, label]) =>
            html`<li><a href="${href}"${current === href ? html` aria-current="page"` : ''}>${label}</a></li>`,
        )
      : [html`<li><a href="/chat" aria-current="page">My sessions</a></li>`];
  const who = viewer?.principal
    ? viewer.principal.learnerId
      ? `learner ${viewer.principal.learnerId}`
      : 'operator'
    : 'operator (auth off)';
  return html`<nav aria-label="Main"><ul>${links}</ul>
<form method="post" action="/signout" class="signout"><span>${who}</span> <button type="submit">Sign out</button></form></nav>`;
}

/** A whole page: the shell, the navigation and the page's modules, with the security headers. */
export function page(options: PageOptions): Response {
  const scripts = (options.scripts ?? []).map(
    (name) => html`<script type="module" src="/assets/${name}"></script>`,
  );
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · mentorflow</title>
<link rel="stylesheet" href="/assets/style.css">
${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><p class="brand">mentorflow ${options.area === 'chat' ? 'chat' : options.area === 'console' ? 'console' : ''}</p>${nav(options)}</header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>
`;
  return new Response(doc.value, { status: options.status ?? 200, headers: securityHeaders });
}

/** A fragment of a page (the live parts re-fetch these), with the same headers. */
export function fragment(body: SafeHtml): Response {
  return new Response(body.value, { headers: securityHeaders });
}

/** An error page (404 unknown id, 403 learner key on the console, 400 bad input). */
export function errorPage(
  status: number,
  title: string,
  message: string,
  viewer?: Viewer | null,
): Response {
  const back = viewer && !viewer.operator ? '/chat' : '/console';
  return page({
    title,
    status,
    viewer,
    body: html`<p role="alert">${message}</p><p><a href="${back}">Back</a></p>`,
  });
}

export function redirect(location: string, status = 303): Response {
  return new Response(null, { status, headers: { location, 'cache-control': 'no-store' } });
}
