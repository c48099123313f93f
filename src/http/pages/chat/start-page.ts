import type { Context } from 'hono';
import { parseStory } from '../../../../tools/story-loader.ts';
import type { App } from '../../../app.ts';
import { AppError } from '../../../errors/app-error.ts';
import type { SessionView } from '../../../sessions/index.ts';
import { formatTime } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { isSameOrigin } from '../key-cookie.ts';
import { page, redirect } from '../layout.ts';
import type { Viewer } from '../viewer.ts';
import { exampleStories, readExampleStory } from './examples.ts';

/** Largest story a learner may paste or upload (the API's limit for a story document). */
const maxStoryChars = 500_000;

interface StartForm {
  learnerId: string;
  source: string;
  markdown: string;
  example: string;
}

function sessionsList(sessions: SessionView[]): SafeHtml {
  if (sessions.length === 0) return html`<p>No session yet.</p>`;
  return html`<ul class="sessions">${sessions.map(
    (s) =>
      html`<li><a href="/chat/${s.id}">${s.story.title}</a> — <code>${s.state}</code>, ${s.status}, started ${formatTime(s.startedAt)}</li>`,
  )}</ul>`;
}

function radio(value: string, label: string, checked: string): SafeHtml {
  return html`<p><input type="radio" id="source-${value}" name="source" value="${value}"${value === checked ? html` checked` : ''}>
<label for="source-${value}">${label}</label></p>`;
}

async function render(
  app: App,
  viewer: Viewer,
  form: StartForm,
  error?: { message: string; field?: string },
  status = 200,
): Promise<Response> {
  const learnerId = viewer.principal?.learnerId;
  const [examples, sessions] = await Promise.all([
    exampleStories(),
    learnerId ? app.sessions.listLearnerSessions(learnerId) : Promise.resolve([]),
  ]);
  return page({
    title: 'Mentoring chat',
    area: 'chat',
    viewer,
    status,
    body: html`${error ? html`<p role="alert" class="error" id="start-error">${error.message}</p>` : ''}
${learnerId ? html`<section aria-labelledby="mine"><h2 id="mine">Your sessions</h2>${sessionsList(sessions)}</section>` : ''}
<section aria-labelledby="new"><h2 id="new">Start a session on a story</h2>
<form method="post" action="/chat/start" enctype="multipart/form-data" class="start">
<p><label for="learnerId">Learner id</label>
${learnerId ? html`<input id="learnerId" name="learnerId" value="${learnerId}" readonly>` : html`<input id="learnerId" name="learnerId" value="${form.learnerId}" required maxlength="200" autocomplete="username">`}</p>
<fieldset><legend>Where the story comes from</legend>
${radio('example', 'An example story', form.source)}
${radio('paste', 'Markdown I paste', form.source)}
${radio('upload', 'A file I upload (.md or .yaml)', form.source)}
</fieldset>
<p><label for="example">Example story</label>
<select id="example" name="example">${examples.map((name) => html`<option value="${name}"${name === form.example ? html` selected` : ''}>${name}</option>`)}</select></p>
<p><label for="markdown">Story markdown (title, description, acceptance criteria)</label>
<textarea id="markdown" name="markdown" rows="8">${form.markdown}</textarea></p>
<p><label for="file">Story file</label>
<input type="file" id="file" name="file" accept=".md,.markdown,.yaml,.yml,text/markdown,text/yaml,text/plain"></p>
<p><button type="submit">Start session</button></p>
</form></section>`,
  });
}

/** `/chat`: the learner's sessions (resume) and the form that starts a new one. */
export function chatStartPage(_c: Context, app: App, viewer: Viewer): Promise<Response> {
  return render(app, viewer, { learnerId: '', source: 'example', markdown: '', example: '' });
}

/**
 * `POST /chat/start`: a plain form post (works without scripts), so an example story is read on the
 * server and its reference solution never reaches the browser. Bad input re-renders the form (400).
 */
export async function startChatSession(c: Context, app: App, viewer: Viewer): Promise<Response> {
  if (!isSameOrigin(c)) {
    return render(
      app,
      viewer,
      { learnerId: '', source: 'example', markdown: '', example: '' },
      { message: 'This form must be sent from this site’s own page.', field: 'origin' },
      403,
    );
  }
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  const form: StartForm = {
    learnerId: viewer.principal?.learnerId ?? text('learnerId').trim(),
    source: text('source') || 'example',
    markdown: text('markdown'),
    example: text('example'),
  };
  try {
    let story: string | undefined;
    if (form.source === 'example') story = await readExampleStory(form.example);
    else if (form.source === 'paste') story = form.markdown;
    else if (form.source === 'upload') {
      const file = body.file;
      story = file instanceof File && file.size > 0 ? await file.text() : undefined;
    }
    if (!form.learnerId)
      throw new AppError('VALIDATION_ERROR', 'Enter a learner id.', { field: 'learnerId' });
    if (!story?.trim()) {
      const which = {
        example: 'Pick an example story.',
        paste: 'Paste the story’s markdown.',
        upload: 'Choose a story file to upload.',
      };
      throw new AppError(
        'VALIDATION_ERROR',
        which[form.source as keyof typeof which] ?? 'Choose where the story comes from.',
        { field: 'source' },
      );
    }
    if (story.length > maxStoryChars)
      throw new AppError(
        'VALIDATION_ERROR',
        `The story is longer than ${maxStoryChars} characters.`,
        { field: 'story' },
      );
    const loaded = parseStory(story);
    const created = await app.sessions.createSession({
      learnerId: form.learnerId,
      story: {
        ...loaded.story,
        ...(loaded.referenceSolution ? { referenceSolution: loaded.referenceSolution } : {}),
      },
    });
    return redirect(`/chat/${created.session.id}`);
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    return render(app, viewer, form, { message: error.message, field: error.field }, 400);
  }
}
