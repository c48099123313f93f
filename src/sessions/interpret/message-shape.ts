/**
 * The shape of a learner's message, read without judging its content: a question, or a plan (a list
 * of steps). The guidance uses it to answer a question or to tell the learner when a plan is due.
 */

/** Code says nothing about the shape of the prose around it. */
const prose = (text: string) =>
  text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' x ')
    .trim();

const interrogative =
  /^(?:what|what's|whats|why|how|when|where|which|who|whose|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|must|isn't|aren't|doesn't|don't|explain|tell me)\b/i;

/** A question: it ends with "?" or starts like one ("what is …", "how does …", "should I …"). */
export function looksLikeQuestion(text: string): boolean {
  const body = prose(text);
  if (!body) return false;
  if (/\?\s*$/.test(body)) return true;
  // Only the last sentence: "I did X. How do I test it" is a question, "How nice. Done." is not.
  const last = body.split(/(?<=[.!?])\s+/).at(-1) ?? body;
  return interrogative.test(last.trim());
}

/** A plan: announced as one ("my plan: …") or two or more numbered or bulleted steps, on one line or several. */
export function looksLikePlan(text: string): boolean {
  const body = prose(text);
  if (
    /\b(?:my|the|a|here(?:'s| is) (?:my|the|a))\s+plan\s*(?:is\s*)?[:\-–]/i.test(body) ||
    /^\s*plan\s*[:\-–]/i.test(body)
  )
    return true;
  const steps = body.match(/(?:^|\s)(?:\d{1,2}[.)]|[-*•])\s+[a-z]/gi) ?? [];
  return steps.length >= 2;
}

/**
 * Only a question: it starts and ends like one, is short and lists no steps. A state that reads a
 * whole message as a restatement, a plan or a report answers such a message instead of judging it
 * ("what does 1-based mean?" is not a summary of the story).
 */
export function isPlainQuestion(text: string): boolean {
  const body = prose(text);
  return (
    /\?\s*$/.test(body) &&
    interrogative.test(body) &&
    body.split(/\s+/).length <= 30 &&
    !looksLikePlan(text)
  );
}
