/**
 * Authorisation a plan leaves to the client, read from the whole plan rather than one phrase: the
 * user interface decides who may act (a button shown only to admins, a route guard, an Edit link
 * for the author) and no step enforces the same rule on the server; or, in a story about users'
 * own records, a record is loaded by the id in the URL and nothing checks it belongs to the caller
 * (an insecure direct object reference). Both are absences, so they are read from what every step
 * says, not from one sentence. Claims the client makes about itself ("the front end sends its
 * role", an isAdmin cookie) are phrases, in plan-security.ts.
 */

/** Where a permission shows in the user interface. */
const uiPlace =
  /\b(?:\w+\.(?:tsx|jsx|vue|svelte|html)|components?|buttons?|links?|menus?|tabs?|pages?|views?|screens?|templates?|navigation|nav|sidebar|router|guards?|beforeEach|front[\s-]?end|client(?:-side)?|ui|browser|v-if|ngIf)\b/i;
/** What the interface does with it. */
const gateVerb =
  /\b(?:show|shows|shown|showing|render\w*|display\w*|hid(?:e|es|den|ing)|disabl\w*|enabl\w*|visible|redirect\w*|(?:grey|gray)(?:s|ed)?\s+out|wrap\w*|gat(?:e|es|ed|ing)|guard\w*|block\w*|canActivate|beforeEach)\b/i;
/** Who may act: a role, an admin flag, the owner or author of the record. */
const authority = String.raw`(?:roles?|is_?admin|admins?|administrators?|moderators?|managers?|editors?|reviewers?|supervisors?|support|staff|owners?|authors?|author_?id|owner_?id|permissions?|can[A-Z]\w*)`;
/** The interface's condition on it ("only when currentUser.role === 'moderator'", "unless isAdmin"). */
const gated = new RegExp(
  String.raw`\b(?:only|unless|when|if|whether|for|to)\b(?:[^.;\n]|\.(?=\w)){0,60}?\b${authority}\b|\b(?:block|prevent|den(?:y|ies)|reject|restrict|redirect|keep)\w*\s+(?:\w+\s+){0,2}?(?:non-?)?${authority}\b|\b${authority}\b(?:[^.;\n]|\.(?=\w)){0,30}?(?:===|!==|\bis\s+(?:true|false)\b|\bmatch\w*|\bequals?\b|\bonly\b)`,
  'i',
);

/** Words that put a sentence on the server. */
const serverPlace =
  /\b(?:server(?:-side)?|back[\s-]?end|api|endpoint|handler|middleware|controller|route|resolver|database|query|sql)\b|\b(?:GET|POST|PUT|PATCH|DELETE)\s+\//i;
/** A check of who is calling. */
const checking =
  /\b(?:check\w*|verif\w*|enforc\w*|validat\w*|compar\w*|ensur\w*|confirm\w*|reject\w*|refus\w*|den(?:y|ies|ied)|block\w*|protect\w*|restrict\w*|scop\w*|filter\w*|requir(?:e|es|ed)|must|only|behind|guarded|allow\w*|permit\w*|lets?|unless|otherwise|if|when)\b/i;
/** What the check is about. */
const whoCalls =
  /\b(?:roles?|admins?|administrators?|moderators?|managers?|editors?|reviewers?|supervisors?|support|staff|owner\w*|authors?|authorship|belong\w*|permissions?|session|req\.user|current_?user|(?:user|owner|author|customer|account|tenant)_?[iI]d|logged[\s-]in|signed[\s-]in|current\s+(?:user|customer|member)|their own|own|caller|requester|can[A-Z]\w*|[a-z]+Only)\b/i;
/** Checks that need no other word: an authorisation status, a require-role guard, ownership in the query. */
const serverCheckAlone = new RegExp(
  [
    String.raw`\b(?:401|403|forbidden|unauthori[sz]ed)\b`,
    String.raw`\brequire[A-Z]\w*|\b(?:authori[sz]\w*|permission|policy|access[\s-]control|acl|rbac)\s+(?:middleware|checks?|layer|decorators?|polic\w*|guards?)\b`,
    String.raw`\bbelongs?\s+to\b|\bownership\b|\bowned\s+by\b|\brbac\b|\bacl\b|\b[A-Z]\w*Policy\b`,
    String.raw`\b(?:admin|staff|owner|moderator|auth|support|author)\w*(?:Only|Required|Guard)\b|\bis(?:Admin|Owner|Author|Moderator|Staff)\s*\(`,
    String.raw`\bwhere\b[^\n]{0,80}?\b(?:user|owner|author|customer|account|tenant)_?[iI]d\b`,
    String.raw`\b(?:user|owner|author|customer|account)_?[iI]d\b[^\n]{0,40}?(?:===?|!==?|\bequals?\b|\bmatch\w*|\bmust\s+(?:be|equal))[^\n]{0,40}?(?:req\.user|\bsession\b|current_?user|\bcaller\b)`,
  ].join('|'),
  'i',
);

/** A story about records of one user ("their own invoices", "another customer's", "only the author"). */
const ownedRecords =
  /\b(?:their own|own\s+(?:\w+\s+)?\w+s\b|another\s+(?:user|customer|member|person|account|tenant)|other\s+(?:users|customers|people|members|accounts|tenants)|someone else|only the (?:author|owner|creator|user)|belong\w*|private)\b/i;
/** A story that restricts who may do something. */
const restricted =
  /\b(?:only|cannot|can'?t|not allowed|must not|forbidden|403|permissions?|non-\w+|other (?:users|staff|people|customers|members)|nobody else|no one else|admins?|moderators?)\b/i;
/** A record picked by the id the client sends in the URL. */
const byUrlId =
  /\/:\w*id\b|\/\{\w*id\}|\breq(?:uest)?\.params\.\w+|\bparams\.id\b|\bparams\[:?\w*id\]|\b(?:by|from)\s+(?:the\s+|its\s+)?(?:id|uuid)\b|\bid\s+(?:from|in)\s+the\s+(?:url|path|route)\b/i;

/** A server action the plan adds or changes: an endpoint, a route, a handler. */
const serverAction =
  /\b(?:GET|POST|PUT|PATCH|DELETE)\s+\/|\b(?:endpoints?|routes?|handlers?|controllers?|resolvers?|api)\b/i;

/** The sentences of a plan: its lines, and the sentences of each line. */
function sentencesOf(plan: string): string[] {
  return plan
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const uiGate = (s: string) => uiPlace.test(s) && gateVerb.test(s) && gated.test(s);

/**
 * Whether a sentence enforces who may act on the server. A sentence that also gates the interface
 * ("the Edit button shows only when authorId matches") needs a server word besides its check.
 */
function serverCheck(s: string): boolean {
  if (uiGate(s))
    return (
      /\b(?:server(?:-side)?|back[\s-]?end|api|endpoint|middleware|controller|handler)\b/i.test(
        s,
      ) &&
      (checking.test(s) || /\b(?:401|403|forbidden)\b/i.test(s))
    );
  return (
    serverCheckAlone.test(s) ||
    (serverPlace.test(s) &&
      ((checking.test(s) && whoCalls.test(s)) ||
        /\b(?:enforc\w*|protect\w*|restrict\w*|authori[sz]\w*)\b/i.test(s)))
  );
}

/** Authorisation concerns of a plan, as the end of "The plan …" sentences. */
export function accessConcerns(plan: string, storyText: string): string[] {
  const sentences = sentencesOf(plan);
  if (sentences.some(serverCheck)) return [];
  const found: string[] = [];
  // A gate in the interface matters when the plan also adds the server action behind it.
  if (
    (!storyText || restricted.test(storyText)) &&
    sentences.some(uiGate) &&
    serverAction.test(plan)
  )
    found.push('checks permissions only in the client');
  // A record loaded by its URL id in a sentence that also names whose it is ("the current user's
  // invoice by id") is scoped to the caller.
  const unscoped = sentences.filter((s) => byUrlId.test(s) && !whoCalls.test(s));
  if (ownedRecords.test(storyText) && unscoped.length)
    found.push(
      'loads a record by the id in the URL without checking that it belongs to the user (anyone can read or change it by changing the id)',
    );
  return found;
}
