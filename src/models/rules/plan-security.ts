/**
 * Security flaws in a plan, by concept rather than by phrasing: secrets or passwords kept, sent or
 * logged in plain text or shipped with the code, SQL or shell commands built from user input, and
 * authorisation decided by the client. Any one makes the plan the wrong approach with a low score
 * (plan-review.ts), however complete it is otherwise.
 *
 * Most flaws are named in words a secure plan also uses ("never store passwords in plain text",
 * "instead of concatenating the input into the SQL"): a finding whose clause is negated before or
 * inside the match does not count. A few flaws are stated as a negation themselves ("no role check
 * on the server"); those patterns are not negatable.
 */
interface SecurityPattern {
  pattern: RegExp;
  concern: string;
  /** False when the flaw is itself phrased as a negation ("no check on the server"). */
  negatable?: boolean;
  /** Context in the same sentence that makes the practice the accepted one. */
  unless?: RegExp;
}

/** Things that must stay secret. */
const secret = String.raw`(?:passwords?|passwd|secret(?:\s+|[_-])?(?:keys?|tokens?)?|api[\s_-]?keys?|private[\s_-]?keys?|access[\s_-]?tokens?|credentials?|client[\s_-]?secrets?)`;
/** Where code and whatever it contains end up in other hands: the browser, the repository. */
const shipped = String.raw`(?:front-?end|client(?:-side)?|browser|bundle|(?<![\w.])\w+\.(?:js|jsx|ts|tsx|html|py|json|ya?ml)\b|source(?:\s+code)?|repo(?:sitory)?|git(?:hub)?|version control)`;
/** Hashes too fast (or not hashes at all) for passwords. */
const weakHash = String.raw`md5|sha-?(?:1|224|256|384|512)|sha\d*|crc32|base64|hex(?:-?encod\w*)?`;
/** Values a user controls. */
const userInput = String.raw`(?:req(?:uest)?\.(?:query|body|params|headers|file)\b[\w.]*|(?:query|form|user|search)[\s_-]?(?:input|params?|string|text|value)|file\s*name|originalname|input)`;

const patterns: SecurityPattern[] = [
  {
    pattern: new RegExp(
      String.raw`\b${secret}\b[^.\n]{0,40}\b(?:plain[\s-]?text|clear[\s-]?text|unhashed|unencrypted|as (?:the user )?(?:typed|entered|given|is)|as they (?:typed|entered) (?:it|them))|\b(?:plain[\s-]?text|clear[\s-]?text|unhashed|unencrypted)\s+${secret}|\b(?:store|save|keep|insert|put|write|persist)\w*\s+(?:the\s+|their\s+|a\s+|user'?s?\s+)?passwords?\b(?![^.\n]{0,50}\b(?:hash\w*|bcrypt|argon\w*|scrypt|pbkdf\w*|encrypt\w*|vault|secret manager|environment|env)\b)`,
      'i',
    ),
    // Any secret in plain text; a password stored at all without a hash (a TOTP or API secret the
    // server must read back may be stored, so only passwords need the hash).
    concern: 'keeps passwords or secrets in plain text',
  },
  {
    pattern:
      /(?:\b(?:e-?mail|send|mail|text)(?:s|ed|ing)?\s+(?:(?:the\s+|every\s+|all\s+)?(?:users?|them|him|her|customers?|members?)\s+)?|\b(?:log(?:s|ged|ging)?|print(?:s|ed|ing)?|console\.log|display(?:s|ed|ing)?|show(?:s|n|ed|ing)?|return(?:s|ed|ing)?)\b[^.\n]{0,60}?\b)(?:their|the|user'?s?|his|her|current|existing|old|actual)\s+(?:current\s+|existing\s+|old\s+|actual\s+)?passwords?\b(?!\s+(?:reset|hash|strength|field|input|length|rules?|policy|confirmation|form|change|link|requirements?)\b)/i,
    concern: 'sends or logs passwords in plain text',
  },
  {
    pattern: new RegExp(
      String.raw`\b${secret}\b[^.\n]{0,80}?\b(?:in|into|to|inside)\s+(?:the\s+)?${shipped}|\b(?:commit|push|hard-?cod|paste|embed|inline|check)\w*\b[^.\n]{0,40}\b${secret}\b[^.\n]{0,40}\b(?:in|into|to)\s+(?:the\s+)?${shipped}|\b${secret}\b[^.\n]{0,60}\b(?:and\s+)?(?:commit|push)\w*\s+(?:it|them)\b`,
      'i',
    ),
    concern: 'ships a secret with the code (in the client or the repository)',
  },
  {
    pattern: new RegExp(
      String.raw`\bpasswords?\b[^.\n]{0,60}?\b(?:${weakHash})\b|\b(?:${weakHash})\s*\(\s*(?:the\s+|user'?s?\s+|submitted\s+)*passw`,
      'i',
    ),
    concern: 'hashes passwords with a fast or broken hash instead of bcrypt, scrypt or argon2',
  },
  {
    pattern:
      /\bjwt\.decode\s*\(|\bdecod(?:e|es|ing)\s+(?:the\s+)?(?:jwt|token)\b(?![^.\n]{0,40}\bverif)/i,
    concern: 'trusts a token without checking its signature',
  },
  {
    pattern:
      /\b(?:no need to|without|skip(?:s|ping)?|don'?t|do not|never)\s+(?:verify(?:ing)?|check(?:ing)?|validat(?:e|ing))\s+(?:the\s+)?(?:token'?s?\s+|jwt'?s?\s+)?signatures?\b|\balgorithms?\s*:\s*\[?\s*['"]none['"]/i,
    concern: 'trusts a token without checking its signature',
    negatable: false,
  },
  {
    pattern:
      /\b(?:disabl(?:e|es|ed|ing)|turn(?:s|ed|ing)? off|skip(?:s|ped|ping)?|bypass(?:es|ed|ing)?)\s+(?:the\s+)?(?:ssl|tls|certificate|cors|csrf|xsrf|auth(?:entication)?|authori[sz]ation)\s*(?:verification|checks?|validation|protection|middleware)?\b|rejectUnauthorized:\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?0/i,
    concern: 'switches off a security check',
  },
  {
    pattern:
      /\b(?:tokens?|jwt|api[\s_-]?keys?|passwords?|secrets?|session[\s_-]?ids?|access[\s_-]?tokens?)\b[^.\n]{0,30}?\bin\s+(?:the\s+)?(?:url|query[\s-]?string|query\s+param(?:eter)?s?|querystring|link)\b|[?&](?:token|jwt|api_?key|password|secret|access_token|session_?id)=/i,
    concern: 'puts a secret in a URL, where logs and browser history keep it',
    // A single-use link (password reset, email confirmation, invitation) carries its token by design.
    unless:
      /\b(?:reset|one-?time|single-?use|verif\w*|confirm\w*|magic|invit\w*|unsubscribe|expir\w*)\b/i,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:select|insert|update|delete|where|order by)\b[^\n]{0,160}?(?:["'\x60]\s*\+\s*${userInput}|\$\{\s*${userInput})|\b(?:concatenat|string[\s-]?build|interpolat|append|glu|splic)\w*\b[^.\n]{0,40}\b(?:sql|query|where(?:\s+clause)?|statement)\b|\b(?:sql|query|statement)\b[^.\n]{0,30}\b(?:concatenat|interpolat|built from|built by|string[\s-]?build)\w*`,
      'i',
    ),
    concern: 'builds SQL from user input instead of using parameters',
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:exec(?!File)\w*|spawn\w*|system|popen|shell_exec|os\.system|subprocess\.\w+)\s*\(\s*[\x60'"][^\n]{0,120}?(?:\$\{|["'\x60]\s*\+)|\bshell:\s*true\b|\b(?:shell|command line|exec)\w*\b[^.\n]{0,40}\b(?:built from|with|including|containing|from)\s+(?:the\s+)?${userInput}`,
      'i',
    ),
    concern: 'builds a shell command from user input',
  },
  {
    pattern:
      /\b(?:no|without|skip\w*|don'?t need|doesn'?t need|no need for|not needed)\b[^.\n]{0,40}\b(?:role|auth\w*|permission|admin|access)\s*(?:checks?|validation|verification)?\b[^.\n]{0,40}\b(?:on|in|at)\s+(?:the\s+)?(?:server|back-?end|api|endpoint)\b|\b(?:role|auth\w*|permission|admin)\s+checks?\b[^.\n]{0,20}\b(?:is|are)\s+not\s+needed\b[^.\n]{0,40}\b(?:server|back-?end|api|endpoint)\b/i,
    concern: 'checks permissions only in the client',
    negatable: false,
  },
  {
    pattern:
      /\b(?:trust\w*|believ\w*|rely\w*\s+on|take\w*|read\w*|use\w*)\b[^.\n]{0,40}\b(?:is_?admin|role|admin(?:\s+flag)?|permissions?|user\s*id)\b[^.\n]{0,40}\b(?:from|in|sent in|sent by)\s+(?:the\s+)?(?:request(?:\s+body)?|body|client|browser|local\s*storage|localStorage|session\s*storage|query(?:\s+string)?|cookie|header)\b|\b(?:check|verify|enforce|decide)\w*\s+(?:the\s+)?(?:user'?s?\s+)?(?:role|permissions?|admin\w*|auth\w*|access)\b[^.\n]{0,30}?\b(?:only\s+)?(?:on|in)\s+(?:the\s+)?(?:client|front-?end|browser|ui|react|component)\b(?![^.\n]{0,40}\b(?:and|also|as well as)\b[^.\n]{0,20}\b(?:server|back-?end|api|middleware)\b)/i,
    concern: 'checks permissions only in the client',
  },
];

/** A negation that turns a finding into the safe practice ("never store", "instead of concatenating"). */
const negator =
  /\b(?:never|not|no|don'?t|do not|doesn'?t|does not|won'?t|avoid\w*|instead of|rather than|without|prevent\w*|forbid\w*|reject\w*|must not|should not|shouldn'?t)\b/i;

/** Security concerns of a plan: each flaw once, as a sentence for `concerns`. */
export function securityConcerns(plan: string): string[] {
  const found = new Set<string>();
  for (const { pattern, concern, negatable = true, unless } of patterns) {
    const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    for (const match of plan.matchAll(global)) {
      if (negatable && negated(plan, match.index, match[0])) continue;
      if (unless?.test(sentenceAround(plan, match.index, match[0].length))) continue;
      found.add(`The plan ${concern}.`);
      break;
    }
  }
  return [...found];
}

/**
 * Whether the clause a match sits in says the opposite: a negation before it (same clause, at most
 * 200 characters back, so many matches on one long line stay linear) or inside it.
 */
function negated(plan: string, index: number, text: string): boolean {
  const from = Math.max(0, index - 200);
  const before = plan.slice(from, index);
  const clauseStart = Math.max(
    before.lastIndexOf('\n'),
    before.lastIndexOf('. '),
    before.lastIndexOf(';'),
    before.lastIndexOf(','),
  );
  return negator.test(before.slice(clauseStart + 1)) || negator.test(text);
}

/** The sentence (or list item) around a match, at most 300 characters either side. */
function sentenceAround(plan: string, index: number, length: number): string {
  const from = Math.max(0, index - 300);
  const window = plan.slice(from, index + length + 300);
  const at = index - from;
  const start = Math.max(window.lastIndexOf('\n', at - 1), window.lastIndexOf('. ', at - 1));
  const ends = [window.indexOf('\n', at + length), window.indexOf('. ', at + length)].filter(
    (i) => i >= 0,
  );
  return window.slice(start + 1, ends.length ? Math.min(...ends) : window.length);
}
