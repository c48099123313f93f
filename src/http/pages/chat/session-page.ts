import type { Context } from 'hono';
import type { App } from '../../../app.ts';
import { sessionProgress, type SessionProgress } from '../../../db/console/session-progress.ts';
import { sessionTimeline } from '../../../db/console/session-timeline.ts';
import type { SessionView } from '../../../sessions/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import type { Viewer } from '../viewer.ts';
import { conversationItems } from './conversation.ts';

/** Percent done: the plan's position, else the goals' progress, else 100 once completed. */
export function percentDone(progress: SessionProgress): number {
  if (progress.status === 'completed') return 100;
  if (progress.tasks > 0)
    return Math.round((Math.min(progress.taskIndex, progress.tasks) / progress.tasks) * 100);
  return progress.goalProgress ?? 0;
}

function status(session: SessionView, progress: SessionProgress): SafeHtml {
  const percent = percentDone(progress);
  return html`<dl class="summary" id="chat-status">
<dt>State</dt><dd id="chat-state"><code>${session.state}</code></dd>
<dt>Status</dt><dd id="chat-session-status">${session.status}</dd>
<dt id="progress-label">Progress</dt><dd><progress id="chat-progress" max="100" value="${percent}" aria-labelledby="progress-label">${percent}%</progress> <span id="chat-progress-text">${progress.tasks > 0 ? `task ${Math.min(progress.taskIndex + 1, progress.tasks)} of ${progress.tasks}` : `${percent}%`}</span></dd>
<dt>Current task</dt><dd id="chat-task">${session.currentTask ?? '—'}</dd>
</dl>`;
}

const activityKinds = [
  ['test-run', 'Test output (vitest/jest summary, JUnit XML or JSON report)'],
  ['build', 'Build output'],
  ['typecheck', 'Type-check output (tsc)'],
  ['lint', 'ESLint JSON report'],
  ['coverage', 'Coverage summary (istanbul json-summary)'],
] as const;

/** `/chat/:id`: the conversation, the session's state and progress, and the learner's controls. */
export async function chatSessionPage(
  _c: Context,
  app: App,
  viewer: Viewer,
  session: SessionView,
): Promise<Response> {
  const [entries, progress] = await Promise.all([
    sessionTimeline(app.database.pool, session.id),
    sessionProgress(app.database.pool, session.id),
  ]);
  const finished = session.status === 'completed' || session.status === 'cancelled';
  return page({
    title: session.story.title,
    area: 'chat',
    viewer,
    scripts: ['chat.js'],
    body: html`<div class="chat" data-session="${session.id}" data-after="${progress?.lastTurnId ?? 0}">
<section aria-labelledby="where" class="where"><h2 id="where">Where you are</h2>
<div id="status-region" aria-live="polite">${progress ? status(session, progress) : ''}</div></section>
<section aria-labelledby="talk" class="talk"><h2 id="talk">Conversation</h2>
<ol id="conversation" class="conversation" aria-live="polite" aria-relevant="additions text">${conversationItems(entries)}</ol>
<p id="chat-notice" role="status" aria-live="polite"></p>
<form id="message-form" class="message-form">
<p><label for="message">Your message</label>
<textarea id="message" name="text" rows="3" maxlength="20000" required${finished ? html` disabled` : ''}></textarea></p>
<p class="hint" id="message-hint">Ctrl+Enter sends.</p>
<p><button type="submit" id="send"${finished ? html` disabled` : ''}>Send</button>
<button type="button" id="stuck"${finished ? html` disabled` : ''}>I’m stuck</button></p>
</form></section>
<section aria-labelledby="report" class="report"><h2 id="report">Report activity</h2>
<form id="activity-form">
<p><label for="activity-kind">What you ran</label>
<select id="activity-kind" name="kind">${activityKinds.map(([value, label]) => html`<option value="${value}">${label}</option>`)}</select></p>
<p><label for="activity-output">Paste its output</label>
<textarea id="activity-output" name="output" rows="5" required${finished ? html` disabled` : ''}></textarea></p>
<p><button type="submit" id="report-button"${finished ? html` disabled` : ''}>Report</button></p>
</form></section>
</div>`,
  });
}
