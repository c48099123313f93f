// The learner chat's behaviour: send messages and read the mentor's reply as it streams (SSE over
// fetch, since EventSource cannot POST), report activity, and follow the session live (a human
// mentor's reply, timer check-ins, state and progress). Text is only ever set with textContent.

import { uuid } from './uuid.js';

const $ = (selector, root = document) => root.querySelector(selector);
const chat = $('.chat');
const sessionId = chat.dataset.session;
const conversation = $('#conversation');
const notice = $('#chat-notice');
const messageForm = $('#message-form');
const message = $('#message');
const activityForm = $('#activity-form');

function say(text, isError = false) {
  notice.textContent = text;
  notice.classList.toggle('error', isError);
}

/** Append one message to the conversation; returns its text element (for streaming into). */
function addMessage(kind, who, text) {
  const li = document.createElement('li');
  li.className = `msg ${kind}`;
  if (who) {
    const head = document.createElement('p');
    head.className = 'who';
    head.textContent = who;
    li.append(head);
  }
  const body = document.createElement('p');
  body.className = 'text';
  body.textContent = text;
  li.append(body);
  conversation.append(li);
  li.scrollIntoView({ block: 'nearest' });
  return body;
}

function addReplies(replies) {
  for (const reply of replies) {
    const author = reply.author ?? 'mentorflow';
    addMessage(author === 'mentorflow' ? 'mentor' : 'mentor human', author, reply.text);
  }
}

function showState(s) {
  if (s.state)
    $('#chat-state').replaceChildren(
      Object.assign(document.createElement('code'), { textContent: s.state }),
    );
  if (s.status) $('#chat-session-status').textContent = s.status;
  if (typeof s.percent === 'number') {
    $('#chat-progress').value = s.percent;
    $('#chat-progress').textContent = `${s.percent}%`;
  }
  if (s.progressText) $('#chat-progress-text').textContent = s.progressText;
  if ('currentTask' in s) $('#chat-task').textContent = s.currentTask ?? '—';
  if (s.status === 'completed' || s.status === 'cancelled') {
    for (const el of document.querySelectorAll('.chat textarea, .chat button')) el.disabled = true;
  }
}

function errorMessage(body, status) {
  const error = body?.error ?? (typeof body?.message === 'string' ? body : null);
  if (!error) return `The server answered ${status}.`;
  const allowed = error.allowedEvents?.length
    ? ` (now possible: ${error.allowedEvents.join(', ')})`
    : '';
  return `${error.message}${allowed}`;
}

async function readJson(res) {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/** Parse an SSE body: calls `on(event, data)` per message until the stream ends. */
async function readEventStream(res, on) {
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) on(event, data.join('\n'));
      end = buffer.indexOf('\n\n');
    }
  }
}

let busy = false;
function setBusy(value) {
  busy = value;
  conversation.setAttribute('aria-busy', String(value));
  for (const id of ['send', 'stuck', 'report-button']) $(`#${id}`).disabled = value;
}

/** A mentor bubble that fills in as an agent call writes its reply (one per call of the turn). */
function streamingBubble() {
  const li = document.createElement('li');
  li.className = 'msg mentor';
  li.setAttribute('aria-busy', 'true');
  const who = document.createElement('p');
  who.className = 'who';
  who.textContent = 'mentorflow';
  const text = document.createElement('p');
  text.className = 'text';
  li.append(who, text);
  conversation.append(li);
  return { li, text };
}

/**
 * Send what the learner typed. Its replies stream while the model writes them (`token` per agent
 * call; `error` STREAM_RESET voids a call's text so far); the committed replies (`done`, else the
 * `reply` events) then replace what streamed: the leak guard may have changed the text.
 */
async function sendMessage(text) {
  setBusy(true);
  say('');
  const bubbles = new Map();
  const clearBubbles = () => {
    for (const { li } of bubbles.values()) li.remove();
    bubbles.clear();
  };
  // Everything that can throw is inside the try: the buttons come back whatever happens.
  try {
    const key = uuid();
    addMessage('you', 'You', text);
    const res = await fetch(`/api/sessions/${sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ id: key, text }),
    });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const body = await readJson(res);
      if (res.ok) {
        addReplies(body.replies ?? []);
        return;
      }
      say(errorMessage(body, res.status), true);
      return;
    }
    let finished = false;
    const committed = [];
    await readEventStream(res, (event, data) => {
      const value = JSON.parse(data);
      const call = value.call ?? 0;
      if (event === 'token') {
        if (!bubbles.has(call)) bubbles.set(call, streamingBubble());
        bubbles.get(call).text.append(document.createTextNode(value.text));
      } else if (event === 'error' && value.error?.code === 'STREAM_RESET') {
        bubbles.get(call)?.text.replaceChildren();
      } else if (event === 'error') {
        finished = true;
        clearBubbles();
        say(errorMessage(value, 500), true);
      } else if (event === 'state') {
        showState(value);
      } else if (event === 'reply') {
        committed.push(value);
      } else if (event === 'done') {
        finished = true;
        clearBubbles();
        addReplies(value.replies ?? committed);
        if (value.session) showState(value.session);
      }
    });
    if (!finished) {
      clearBubbles();
      if (committed.length) addReplies(committed);
      say('The reply was cut off; reload the page to see the whole conversation.', true);
    }
  } catch (error) {
    clearBubbles();
    say(
      error instanceof TypeError && /fetch/i.test(error.message)
        ? `Could not reach the server: ${error.message}`
        : `The message could not be sent: ${error.message}`,
      true,
    );
  } finally {
    setBusy(false);
  }
}

/** Send an event (activity, "I'm stuck") and show its replies. */
async function sendEvent(type, data, label) {
  setBusy(true);
  say('');
  try {
    const res = await fetch(`/api/sessions/${sessionId}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ id: uuid(), type, data }),
    });
    const body = await readJson(res);
    if (!res.ok) {
      say(errorMessage(body, res.status), true);
      return false;
    }
    addMessage(
      type === 'help-request' ? 'you' : 'activity',
      type === 'help-request' ? 'You' : '',
      label,
    );
    addReplies(body.replies ?? []);
    if (body.session) showState(body.session);
    return true;
  } catch (error) {
    say(`Could not reach the server: ${error.message}`, true);
    return false;
  } finally {
    setBusy(false);
  }
}

/**
 * What a pasted tool output is as an event. Reports the server parses (JUnit XML, JSON) go as they
 * are; a test runner's text summary ("3 passed | 1 failed") is read for its counts.
 */
function activityData(kind, output) {
  const text = output.trim();
  if (kind !== 'test-run') return { report: text };
  if (text.startsWith('<') || text.startsWith('{')) return { report: text };
  const count = (word) => {
    const match = new RegExp(`(\\d+)\\s+${word}`, 'i').exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const failed = count('fail(?:ed|ing|ures?)?');
  const passed = count('pass(?:ed|ing)?');
  if (failed === undefined && passed === undefined) return null;
  const failures = [...text.matchAll(/^\s*(?:×|✗|✕|FAIL)\s+(.+)$/gm)]
    .slice(0, 50)
    .map((m) => ({ name: m[1].trim().slice(0, 500) }));
  return { failed: failed ?? 0, passed: passed ?? 0, ...(failures.length ? { failures } : {}) };
}

messageForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = message.value.trim();
  if (!text || busy) return;
  message.value = '';
  sendMessage(text).then(() => message.focus());
});

message.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    messageForm.requestSubmit();
  }
});

$('#stuck').addEventListener('click', () => {
  if (!busy) sendEvent('help-request', {}, 'I’m stuck');
});

activityForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const kind = activityForm.elements.kind.value;
  const output = activityForm.elements.output.value;
  const data = activityData(kind, output);
  if (!data) {
    say(
      'No test counts found in that output: paste the summary line (e.g. "Tests 1 failed | 3 passed") or a JUnit/JSON report.',
      true,
    );
    return;
  }
  const summary = 'failed' in data ? ` (${data.failed} failed, ${data.passed} passed)` : '';
  if (await sendEvent(kind, data, `You reported ${kind}${summary}`)) activityForm.reset();
});

// Live: a human mentor's replies and timer check-ins arrive here, and the state as it moves.
const live = new EventSource(`/chat/${sessionId}/live?after=${chat.dataset.after}`);
live.addEventListener('ready', () => {
  document.body.dataset.live = 'connected';
});
live.addEventListener('reply', (message) => addReplies(JSON.parse(message.data).replies));
live.addEventListener('state', (message) => showState(JSON.parse(message.data)));
live.onerror = () => {
  document.body.dataset.live = 'reconnecting';
};
