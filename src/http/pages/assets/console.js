// The operator console's behaviour: live updates over SSE (the server renders every fragment; this
// module only swaps them in) and the operator's actions as JSON calls to /api. The sign-in cookie
// authenticates both; no key is ever visible to this script.

import { uuid } from './uuid.js';

const $ = (selector, root = document) => root.querySelector(selector);

/** Fetch a server-rendered fragment as a detached element. */
async function fetchFragment(url) {
  const res = await fetch(url, { headers: { accept: 'text/html' } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  const template = document.createElement('template');
  template.innerHTML = await res.text();
  return template.content;
}

/** Calls at most once per `ms`, and once more after the last request. */
function throttle(fn, ms = 300) {
  let timer = null;
  let again = false;
  return () => {
    if (timer) {
      again = true;
      return;
    }
    fn();
    timer = setTimeout(() => {
      timer = null;
      if (again) {
        again = false;
        fn();
      }
    }, ms);
  };
}

/**
 * Bring a keyed list (children with data-key) up to date with a fresh copy, keeping every item the
 * operator is working in (focus inside, or text typed) so a live update never loses their input.
 */
function reconcile(list, fresh) {
  const busy = (el) =>
    el.contains(document.activeElement) ||
    [...el.querySelectorAll('textarea, input[type="text"]')].some((f) => f.value !== '');
  const current = new Map([...list.children].map((el) => [el.dataset.key, el]));
  const wanted = [...fresh.children].filter((el) => el.dataset.key);
  for (const [key, el] of current) {
    if (!wanted.some((w) => w.dataset.key === key) && !busy(el)) el.remove();
  }
  let before = null;
  for (const el of wanted.reverse()) {
    const old = current.get(el.dataset.key);
    const keep = old && busy(old);
    const node = keep ? old : el;
    if (old && !keep) old.replaceWith(el);
    // Moving a node takes the focus out of it (the operator's next keys would go nowhere): move an
    // item only when it is not already where it belongs.
    if (node.parentNode !== list || node.nextElementSibling !== before) {
      list.insertBefore(node, before);
    }
    before = node;
  }
}

/** Show an action's outcome once, in the page's status line (it survives the live refreshes). */
function setResult(message, ok) {
  const out = $('#action-status');
  if (!out) return;
  out.textContent = message;
  out.classList.toggle('ok-text', ok);
  out.classList.toggle('error', !ok);
}

async function postJson(url, body, headers = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  let json = null;
  try {
    json = await res.json();
  } catch {}
  return { status: res.status, ok: res.ok, body: json };
}

function errorText(answer) {
  const error = answer.body?.error;
  const prefix = answer.status === 409 ? 'Conflict (409)' : `Refused (${answer.status})`;
  return `${prefix}: ${error?.message ?? 'no details'}`;
}

// ---- Live updates ----------------------------------------------------------------------------

const timeline = $('#timeline');
const sessionsRegion = $('#sessions-region');
const approvals = $('#approvals');
const figures = $('#figures');
const escalations = $('#escalations');
const undelivered = $('#undelivered');

const refreshSessions = throttle(async () => {
  const url = new URL(location.href);
  url.searchParams.set('fragment', 'list');
  const fresh = await fetchFragment(url);
  sessionsRegion.replaceChildren(fresh);
});

const refreshTimeline = throttle(async () => {
  const id = timeline.dataset.session;
  const after = timeline.dataset.lastSeq;
  const fresh = await fetchFragment(`/console/sessions/${id}?fragment=timeline&after=${after}`);
  for (const li of [...fresh.children]) {
    if (li.dataset.seq && $(`#event-${li.dataset.seq}`)) continue;
    timeline.append(li);
    timeline.dataset.lastSeq = li.dataset.seq ?? after;
  }
  $('#summary-region').replaceChildren(
    await fetchFragment(`/console/sessions/${id}?fragment=summary`),
  );
});

const refreshRuns = throttle(async () => {
  figures.replaceChildren(await fetchFragment(figures.dataset.fragment));
  reconcile(approvals, await fetchFragment(approvals.dataset.fragment));
  $('#queue-empty').hidden = approvals.children.length > 0;
});

const refreshUndelivered = throttle(async () => {
  reconcile(undelivered, await fetchFragment(undelivered.dataset.fragment));
  $('#undelivered-empty').hidden = undelivered.children.length > 0;
});

const refreshEscalations = throttle(async () => {
  const url = new URL(location.href);
  url.searchParams.set('fragment', 'list');
  reconcile(escalations, await fetchFragment(url));
  const empty = $('#escalations-empty');
  if (empty) empty.hidden = escalations.children.length > 0;
});

function addLiveItem(event) {
  const feed = $('#live-events');
  if (!feed) return;
  $('.muted', feed)?.remove();
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = `/console/sessions/${event.sessionId}`;
  link.textContent = `${event.learnerId}: ${event.type}`;
  li.append(link, ` → ${event.state} (${new Date(event.receivedAt).toLocaleTimeString()})`);
  feed.prepend(li);
  while (feed.children.length > 20) feed.lastElementChild.remove();
}

function connect() {
  const query = timeline ? `?session=${encodeURIComponent(timeline.dataset.session)}` : '';
  const source = new EventSource(`/console/live${query}`);
  source.addEventListener('ready', () => {
    document.body.dataset.live = 'connected';
  });
  source.addEventListener('session-event', (message) => {
    const event = JSON.parse(message.data);
    addLiveItem(event);
    if (sessionsRegion) refreshSessions();
    if (timeline) refreshTimeline();
    if (escalations) refreshEscalations();
  });
  source.addEventListener('escalation', () => {
    if (escalations) refreshEscalations();
    if (sessionsRegion) refreshSessions();
  });
  source.addEventListener('escalation-change', () => {
    if (escalations) refreshEscalations();
  });
  source.addEventListener('runs', () => {
    if (figures) refreshRuns();
  });
  source.addEventListener('deliveries', () => {
    if (undelivered) refreshUndelivered();
  });
  source.onerror = () => {
    document.body.dataset.live = 'reconnecting';
  };
}

if (timeline || sessionsRegion || approvals || escalations) connect();

// ---- Actions ---------------------------------------------------------------------------------

/** Who the operator acts as (recorded with acknowledgements, resolutions and replies). */
const actor = $('#actor');
if (actor) {
  actor.value = localStorage.getItem('mentorflow.actor') || actor.value;
  actor.addEventListener('change', () =>
    localStorage.setItem('mentorflow.actor', actor.value.trim()),
  );
}
const by = () => actor?.value.trim() || 'operator';

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const action = form.dataset.action;
  if (!form.classList.contains('approval-form') && !action) return;
  event.preventDefault();
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => (b.disabled = true));
  try {
    let answer;
    let done;
    if (form.classList.contains('approval-form')) {
      const approved = event.submitter?.value === 'approve';
      const comment = form.elements.comment.value.trim();
      answer = await postJson(`/api/workflows/${encodeURIComponent(form.dataset.run)}/approval`, {
        approved,
        ...(comment ? { comment } : {}),
      });
      done = approved ? 'Approved.' : 'Rejected.';
    } else if (action === 'retry-delivery') {
      const id = encodeURIComponent(form.dataset.delivery);
      answer = await postJson(`/api/deliveries/${id}/retry`, {});
      done = `Delivery ${form.dataset.delivery} queued again.`;
    } else {
      const id = encodeURIComponent(form.dataset.escalation);
      const base = `/api/escalations/${id}`;
      if (action === 'acknowledge') answer = await postJson(`${base}/acknowledge`, { by: by() });
      if (action === 'assign')
        answer = await postJson(`${base}/assign`, {
          mentorId: form.elements.mentorId.value.trim(),
        });
      if (action === 'resolve') {
        const note = form.elements.note.value.trim();
        answer = await postJson(`${base}/resolve`, { by: by(), ...(note ? { note } : {}) });
      }
      if (action === 'reply') {
        // One key per reply: a retried submit of the same text is applied once.
        form.dataset.key ||= uuid();
        answer = await postJson(
          `${base}/reply`,
          { text: form.elements.text.value.trim(), by: by() },
          { 'idempotency-key': form.dataset.key },
        );
      }
      done = {
        acknowledge: 'Acknowledged.',
        assign: 'Assigned.',
        resolve: 'Resolved.',
        reply: 'Reply sent to the learner.',
      }[action];
    }
    if (answer.ok || answer.status === 409) {
      // Done, or overtaken (resolved, decided or delivered meanwhile): what was typed is moot, and
      // the refreshed item shows where things stand (a resolved escalation has no actions left).
      form.reset();
      delete form.dataset.key;
      setResult(answer.ok ? done : errorText(answer), answer.ok);
      document.activeElement?.blur?.();
      if (escalations) refreshEscalations();
      if (approvals) refreshRuns();
      if (undelivered) refreshUndelivered();
    } else {
      setResult(errorText(answer), false);
    }
  } catch (error) {
    setResult(`Could not reach the server: ${error.message}`, false);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
});
