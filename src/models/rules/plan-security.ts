import { accessConcerns } from './plan-access.ts';

/**
 * Security flaws in a plan, by concept rather than by phrasing: secrets or passwords kept, sent,
 * logged or put in URLs in plain text or shipped with the code, fast password hashes, SQL or shell
 * commands built from input, switched-off TLS checks, and authorisation decided or asserted by the
 * client (plan-access.ts). Any one makes the plan the wrong approach with a low score
 * (plan-review.ts), however complete it is otherwise.
 *
 * Most flaws are named in words a secure plan also uses ("never store passwords in plain text",
 * "instead of concatenating the input into the SQL"): a finding whose clause is negated before or
 * inside the match does not count. A few flaws are stated as a negation themselves ("no role check
 * on the server"); those patterns are not negatable, or only by a negation before them.
 *
 * A plan's sentences hold code (`req.query.q`, `config/default.json`), so "the same sentence" is
 * {@link S}: a full stop ends it only when a space or the end follows.
 */
interface SecurityPattern {
  pattern: RegExp;
  concern: string;
  /**
   * Which negation turns the finding into the safe practice: one before the match or inside it
   * (`true`, the default), only one before it (`'before'`: the flaw itself says "without a salt"),
   * or none (`false`: "no role check on the server").
   */
  negatable?: boolean | 'before';
  /** Context in the same sentence that makes the practice the accepted one. */
  unless?: RegExp;
  /** Context the sentence needs for the match to be a flaw (a request body only matters on a login route). */
  requires?: RegExp;
}

/** One character of the same clause: no line break or semicolon, and a full stop only inside code. */
const S = String.raw`(?:[^.;\n]|\.(?=[\w/'"\x60(\[{$]))`;

/** One character of the same phrase: as {@link S}, and no comma (items of a list of tests). */
const C = String.raw`(?:[^.;,\n]|\.(?=[\w/'"\x60(\[{$]))`;

/** Things that must stay secret. */
const secret = String.raw`(?:passwords?|passwd|secret(?:\s+|[_-])?(?:keys?|tokens?)?|api[\s_-]?keys?|private[\s_-]?keys?|access[\s_-]?tokens?|credentials?|client[\s_-]?secrets?|(?:github|gitlab|npm|slack|stripe|aws|deploy|bot|bearer|auth|oauth|refresh|service|personal[\s_-]access)[\s_-]?tokens?)`;
/** Where code and whatever it contains end up in other hands: the browser, the repository. */
const shipped = String.raw`(?:front-?end|client(?:-side)?|browser|bundle|(?<![\w./-])[\w./-]{0,100}\w\.(?:js|jsx|ts|tsx|vue|svelte|html|py|rb|php|json|ya?ml|sh|ini|toml|cfg|conf|properties|xml)\b|(?<![\w.])\.env\b(?!\.example)|(?:react|vue|angular|svelte|next(?:\.js)?|mobile|ios|android|spa|single-page|web)\s+(?:app|application|bundle|code|component)s?|source(?:\s+code)?|repo(?:sitory)?|git(?:hub)?|version control)`;
/** Hashes too fast (or not hashes at all) for passwords. */
const weakHash = String.raw`md5|sha-?(?:1|224|256|384|512)|sha\d*|crc32|base64|hex(?:-?encod\w*)?`;
/** Strong password hashes: a sentence naming one is about doing it right. */
const strongHash = /\b(?:bcrypt|argon\w*|scrypt|pbkdf\w*)\b/i;
/** Values a user controls. */
const userInput = String.raw`(?:req(?:uest)?\.(?:query|body|params|headers|file|args|form|POST|GET)\b[\w.]*|(?:query|form|user|search)[\s_-]?(?:input|params?|string|text|value)|file\s*name|originalname|input|(?:the\s+)?(?:branch|host|file)\s*name\s+the\s+user\s+\w+|(?:the\s+)?\w+(?:\s+\w+)?\s+(?:from|in|of)\s+the\s+(?:request|query(?:\s+string)?|body|form|url|user))`;
/**
 * A password itself, not the reset flow, the form field or the rules about it ("forgot their
 * password", "sets their own password", "password reset link", "the password was changed").
 */
const thePassword = String.raw`(?<!\b(?:forg[eo]t(?:ten)?|reset(?:ting)?|choose|chooses|choosing|chosen|set|sets|setting|pick|picks|own|change|changes|changing|update|updates|create|creates|creating)\s+(?:(?:the|their|his|her|your|a|an|its|own|new)\s+){0,2})\bpasswords?\b(?![\s_-]*(?:reset|hash\w*|field|input|form|strength|rules?|policy|requirements?|length|change[sd]?|confirmation|manager|link|page|screen|flow|(?:(?:was|has been|is|were|have been)\s+)?(?:changed|updated|reset|set|saved|hashed|accepted|rejected|works?|matches))\b)(?!\s+(?:and|or|&|\+|\/)\s+(?:an?\s+|the\s+|their\s+)?e-?mail)`;
/** A message that carries text to a person: an email, a text message (not the email address). */
const message = String.raw`(?:\b(?:send|sends|sent|sending|mail|mails|mailed|mailing|e-?mail(?:s|ed|ing)?|text(?:s|ed|ing)?|sms)\s+(?:it|them|that|this|(?:(?:the|a|an|their|his|her|all|every|our)\s+)?(?:\w+\s+)?(?:users?|colleagues?|customers?|members?|persons?|invitees?|employees?|admins?|people))\b|\b(?:sen[dt]|sends|sending|delivered|shared)\s+(?:\w+\s+)?(?:by|via|in|over|through)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:e-?mail|sms|text)|\b(?:in|into|via|through|over)\s+(?:an?\s+|the\s+|their\s+)?(?:\w+\s+)?(?:e-?mails?|sms|text messages?|letters?)\b(?!\s*(?:and|or|&|\+|\/|,)\s*(?:an?\s+|the\s+|their\s+)?passw)|\b(?:invitation|invite|welcome|confirmation|notification|onboarding|activation|verification)\s+(?:e-?mails?|messages?|sms|texts?|letters?)\b|\b(?:an?|the|that|this)\s+(?:\w+\s+)?e-?mails?\s+(?:that|which|with|containing|including)\b|\bsms\b)`;
/** Writing something where operators, log shippers and screenshots see it. */
const logs = String.raw`(?:\blog(?:s|ged|ging)?\b(?![\s-]+(?:in|out|on)\b)|\blogger\.\w+|\bconsole\.\w+|\bprint(?:s|ed|ing|ln|f)?\b|\bdump(?:s|ed|ing)?\b|\becho(?:es|ed|ing)?\b|\bwrit(?:e|es|ing)\b${S}{0,40}?\bto\s+(?:the\s+)?(?:\w+\s+)?(?:logs?|console|stdout|log\s+files?)\b)`;
/** Secrets as they show up in logging code and prose ("oldPassword", "the Authorization header"). */
const loggedSecret = String.raw`(?:\b\w*passw(?:or)?d(?!_?hash|Hash|\s+(?:reset|hash\w*|field|input|form|length|rules?|policy|strength)\b)\w*|\b(?:api[\s_-]?keys?|apiKey|secret(?:[\s_-]?keys?)?|client[\s_-]?secrets?|private[\s_-]?keys?|credentials?|(?:access|refresh|bearer|auth|session|api|github|deploy)[\s_-]?tokens?|jwts?(?!\s+(?:validation|verification|errors?|expir\w*|claims?|payload|subject|ids?)\b)|authori[sz]ation\s+headers?|session\s+(?:cookies?|ids?))\b)`;
/** What a request carries, credentials included. */
const requestData = String.raw`(?:(?:every|each|all|the|full|whole|raw|entire)\s+)?(?:request\s+(?:bod(?:y|ies)|payloads?|headers)|req\.(?:body|headers)|bod(?:y|ies)\s+of\s+(?:every|each|all)\s+requests?)\b`;
/** SQL keywords as SQL is written in code: upper case (prose says "and", "update", "like" too). */
const sqlKeyword = String.raw`\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE|AND|OR|ORDER BY|LIKE|ILIKE|VALUES|SET|LIMIT)\b`;
/** SQL in any case, by shapes prose does not have ("select … from", "where name =", "order by name"). */
const sqlText = String.raw`\b(?:select\b[^\n]{0,80}?\bfrom|insert\s+into|delete\s+from|update\s+\w+\s+set|where\s+[\w.]+\s*(?:=|<|>|like\b|ilike\b|in\b)|order\s+by\s+\w)`;
/**
 * A string holding SQL with a value written into its text: concatenated, a template literal (not a
 * `sql` tagged one), a Python f-string or %-format, a format call. `keyword` is either set above.
 */
const sqlWithValue = (keyword: string) =>
  String.raw`${keyword}[^\n]{0,160}?["'\x60]\s*\+\s*(?!["'\x60])[\w$(]|(?<!\bsql|\.sql|\bSQL)\x60[^\x60\n]{0,160}?${keyword}[^\x60\n]{0,160}?\$\{|\bf"[^"\n]{0,160}?${keyword}[^"\n]{0,160}?\{|\bf'[^'\n]{0,160}?${keyword}[^'\n]{0,160}?\{|["'][^"'\n]{0,160}?${keyword}[^"'\n]{0,160}["']\s*(?:%\s*[\w(]|\.format\s*\()|\b(?:util\.format|sprintf|String\.format|format)\s*\(\s*["'\x60][^"'\x60\n]{0,160}?${keyword}`;

const patterns: SecurityPattern[] = [
  {
    pattern: new RegExp(
      String.raw`\b${secret}\b${S}{0,40}\b(?:plain[\s-]?text|clear[\s-]?text|in (?:the )?clear|unhashed|unencrypted|as-is|verbatim|readable|reversibl\w*|as (?:the user )?(?:typed|entered|given|is)|as they (?:typed|entered) (?:it|them))|\b(?:plain[\s-]?text|clear[\s-]?text|unhashed|unencrypted)\s+${secret}|\b(?:store|save|keep|insert|put|write|persist)\w*\s+(?:the\s+|their\s+|a\s+|user'?s?\s+)?passwords?\b(?!${S}{0,50}\b(?:hash\w*|bcrypt|argon\w*|scrypt|pbkdf\w*|encrypt\w*|vault|secret manager|environment|env)\b)`,
      'i',
    ),
    // Any secret in plain text; a password stored at all without a hash (a TOTP or API secret the
    // server must read back may be stored, so only passwords need the hash).
    concern: 'keeps passwords or secrets in plain text',
  },
  {
    // "A password column that holds the raw password", "compare req.body.password === user.password".
    pattern:
      /\b(?:raw|original|typed|readable)\s+passwords?\b|\bpassw\w*\s*(?:===?|!==?)\s*[\w.$'"[\]]{0,40}passw|\b(?:stored|saved)\s+passwords?\s+(?:equals?|matches|is the same as)\b|\bcompar\w*\s+(?:it|them|the\s+(?:submitted|typed|given|entered)\s+(?:one|password))\s+(?:directly|as (?:plain )?strings?|(?:to|with) the (?:stored|saved) (?:one|password|value))/i,
    concern: 'keeps passwords or secrets in plain text',
    unless: /\b(?:bcrypt|argon\w*|scrypt|pbkdf\w*|hash\w*)\b/i,
  },
  {
    pattern:
      /(?:\b(?:e-?mail|send|mail|text)(?:s|ed|ing)?\s+(?:(?:the\s+|every\s+|all\s+)?(?:users?|them|him|her|customers?|members?)\s+)?|\b(?:log(?:s|ged|ging)?|print(?:s|ed|ing)?|console\.log|display(?:s|ed|ing)?|show(?:s|n|ed|ing)?|return(?:s|ed|ing)?)\b[^.\n]{0,60}?\b)(?:their|the|user'?s?|his|her|current|existing|old|actual)\s+(?:current\s+|existing\s+|old\s+|actual\s+)?passwords?\b(?!\s+(?:reset|hash|strength|field|input|length|rules?|policy|confirmation|form|change|link|requirements?)\b)/i,
    concern: 'sends or logs passwords in plain text',
  },
  {
    // A password in an email or a text message, either order ("the invitation email with that
    // password in it", "texts that password to the colleague").
    pattern: new RegExp(
      `${message}${S}{0,80}?${thePassword}|${thePassword}${S}{0,80}?${message}`,
      'i',
    ),
    concern: 'sends or logs passwords in plain text',
  },
  {
    // A password sent to a person without naming the channel ("send the generated password to the
    // new user", "emails a new random password"); not the login form sending it to the server.
    pattern: new RegExp(
      String.raw`(?:\b(?:send|sends|sent|sending|mail|mails|mailed|mailing|e-?mail(?:s|ed|ing)|text(?:s|ed)?|deliver\w*)\b|\be-?mail\s+(?!(?:and|or)\b)(?=(?:(?:the|a|an|their|every|all|each|our|his|her)\s+)?(?:\w+\s+)?(?:users?|customers?|members?|colleagues?|invitees?|employees?|people|them|him|her|it|passwords?)\b))${C}{0,40}?${thePassword}(?!${S}{0,30}?\b(?:to|in|over|via|with)\s+(?:the\s+|a\s+|our\s+)?(?:server|api|back-?end|endpoint|login|request|body|https|tls|post)\b)`,
      'i',
    ),
    concern: 'sends or logs passwords in plain text',
    unless: /\b(?:form|client|browser|front-?end|app)\s+(?:\w+\s+)?sends?\b/i,
  },
  {
    // "By email" or "via SMS" with a password, when the sentence sends something ("look the user up
    // by email and compare the password" sends nothing).
    pattern: new RegExp(
      String.raw`${thePassword}${C}{0,80}?\b(?:by|via)\s+(?:e-?mail|sms|text)\b|\b(?:by|via)\s+(?:e-?mail|sms|text)\b${C}{0,80}?${thePassword}`,
      'i',
    ),
    concern: 'sends or logs passwords in plain text',
    requires:
      /\b(?:send|sends|sent|sending|mail|mails|mailed|deliver\w*|shar(?:e|es|ed|ing)|text(?:s|ed)?|notif\w*)\b/i,
  },
  {
    // "Passwords are stored without hashing": the flaw is phrased with a negation of its own.
    pattern: new RegExp(
      String.raw`\bpasswords?\b${S}{0,60}?\b(?:without|no)\s+(?:any\s+|being\s+)?(?:hash\w*|encrypt\w*|salt\w*\s+and\s+hash\w*)|\bwithout\s+hash\w*\s+(?:the\s+|their\s+|them\b)`,
      'i',
    ),
    concern: 'keeps passwords or secrets in plain text',
    negatable: 'before',
  },
  {
    // Passwords encrypted so they can be decrypted again: whoever holds the key reads them all.
    pattern: new RegExp(
      String.raw`\bdecrypt\w*${S}{0,40}?\bpassw|\bpassw\w*${S}{0,60}?\bdecrypt|\b(?:aes|rsa|3?des|blowfish)\b${S}{0,30}?\bpassw|\bencrypt\w*\s+(?:the\s+|their\s+|user'?s?\s+|all\s+)?passwords?\b${S}{0,40}?\b(?:aes|rsa|3?des|a\s+key|our\s+key|before\s+(?:sav|stor)\w*)`,
      'i',
    ),
    concern: 'encrypts passwords reversibly instead of hashing them',
  },
  {
    // Secrets written to logs, the console or stdout ("print the API key at startup",
    // "logger.info({ oldPassword })").
    pattern: new RegExp(
      String.raw`${logs}${S}{0,60}?${loggedSecret}|${loggedSecret}${S}{0,30}?\b(?:is|are|gets?|get)\s+(?:logged|printed|written to the logs?)\b`,
      'i',
    ),
    concern: 'writes passwords or secrets to the logs',
    unless:
      /\b(?:redact\w*|mask\w*|scrub\w*|filter(?:s|ed)? out|strip\w*|omit\w*|exclud\w*)\b|\*{3}/i,
  },
  {
    // Whole request bodies or headers logged, where they carry credentials (a login route).
    pattern: new RegExp(
      String.raw`${logs}${S}{0,60}?\b${requestData}|\b${requestData}${S}{0,40}?\bto\s+(?:the\s+)?(?:\w+\s+)?(?:logs?|console|stdout|log\s+files?)\b`,
      'i',
    ),
    concern: 'writes passwords or secrets to the logs',
    requires:
      /\b(?:log[\s-]?in|sign[\s-]?(?:in|up)|signup|passw\w*|auth\w*|tokens?|credentials?)\b/i,
    unless: /\b(?:redact\w*|mask\w*|scrub\w*|filter(?:s|ed)? out|strip\w*|omit\w*|exclud\w*)\b/i,
  },
  {
    pattern: new RegExp(
      String.raw`\b${secret}\b${S}{0,80}?\b(?:in|into|to|inside|from|within)\s+(?:the\s+|a\s+|our\s+)?(?:\w+\s+)?${shipped}|\b(?:commit|push|hard-?cod|paste|embed|inline|check)\w*\b${S}{0,40}\b${secret}\b${S}{0,40}\b(?:in|into|to)\s+(?:the\s+)?${shipped}|\b${secret}\b${S}{0,60}\b(?:and\s+)?(?:commit|push)\w*\s+(?:it|them)\b|\b(?:commit|push|check\s+in)\w*\s+(?:the\s+|our\s+|a\s+|an\s+)?\.env\b|(?<![\w.])\.env\b${S}{0,30}?\b(?:commit|push)\w*|\bcommit\w*\s+\.env\b`,
      'i',
    ),
    concern: 'ships a secret with the code (in the client or the repository)',
  },
  {
    // Browser code calling a paid or private API with our key ("from the browser with fetch,
    // passing our API key").
    pattern: new RegExp(
      String.raw`\b(?:browser|front-?end|client[\s-]side|react\s+app|\w+\.(?:tsx|jsx|vue|svelte))\b${S}{0,80}?\b(?:with|using|pass\w*|send\w*|includ\w*|add\w*|attach\w*)\s+(?:(?:our|the|its|a)\s+)?(?:\w+\s+)?(?:secret(?:\s+|[_-])?keys?|api[\s_-]?keys?|private[\s_-]?keys?|client[\s_-]?secrets?|access[\s_-]?tokens?)\b`,
      'i',
    ),
    concern: 'ships a secret with the code (in the client or the repository)',
    unless: /\b(?:(?:on|from|via|through|by)\s+(?:the\s+|our\s+)?(?:server|back-?end|proxy))\b/i,
  },
  {
    pattern: new RegExp(
      String.raw`\bpasswords?\b${S}{0,60}?\b(?:${weakHash})\b|\b(?:${weakHash})\s*\(\s*(?:the\s+|user'?s?\s+|submitted\s+)*passw`,
      'i',
    ),
    concern: 'hashes passwords with a fast or broken hash instead of bcrypt, scrypt or argon2',
  },
  {
    // The hash named first ("use the md5 package to hash passwords", "the SHA-1 of the password").
    pattern: new RegExp(
      String.raw`\b(?:${weakHash})\b${S}{0,40}?\b(?:to\s+hash|hash(?:es|ing)?|of|for)\s+(?:the\s+|their\s+|each\s+|every\s+|user'?s?\s+)?passw`,
      'i',
    ),
    concern: 'hashes passwords with a fast or broken hash instead of bcrypt, scrypt or argon2',
    unless: strongHash,
  },
  {
    // "Hash the password without a salt": the flaw is phrased with a negation of its own.
    pattern: new RegExp(
      String.raw`\bpasswords?\b${S}{0,80}?\b(?:unsalted|without\s+(?:a\s+|any\s+)?salt|no\s+salt)\b|\bunsalted\b${S}{0,40}?\bpassw`,
      'i',
    ),
    concern: 'hashes passwords with a fast or broken hash instead of bcrypt, scrypt or argon2',
    negatable: 'before',
  },
  {
    pattern:
      /\bjwt\.decode\b|\bdecod(?:e|es|ing)\s+(?:the\s+)?(?:jwt|token)\b(?![^.\n]{0,40}\bverif)/i,
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
      /\b(?:disabl(?:e|es|ed|ing)|turn(?:s|ed|ing)? off|skip(?:s|ped|ping)?|bypass(?:es|ed|ing)?)\s+(?:the\s+)?(?:ssl|tls|certificate|cors|csrf|xsrf|auth(?:entication)?|authori[sz]ation)\s*(?:verification|checks?|validation|protection|middleware)?\b|rejectUnauthorized\s*[:=]?\s*(?:to\s+)?false|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?0/i,
    concern: 'switches off a security check',
  },
  {
    // Other ways to stop checking certificates: Python's verify=False, curl -k, "accept any certificate".
    pattern:
      /\bverify\s*=\s*False\b|\b(?:insecureSkipVerify|InsecureSkipVerify)\s*:\s*true\b|\bstrictSSL\s*:\s*false\b|\bcurl\b[^\n]{0,60}\s(?:-k|--insecure)\b|--no-check-certificate\b|\baccept\w*\s+(?:any|all|every|invalid|untrusted|self-signed)\s+(?:ssl\s+|tls\s+|https\s+|server\s+)?cert\w*|\bignor\w*\s+(?:the\s+|any\s+|all\s+)?(?:ssl|tls|https|certificate|cert)\s+(?:errors?|warnings?|validation|verification|problems?)\b/i,
    concern: 'switches off a security check',
    negatable: 'before',
  },
  {
    pattern:
      /\b(?:tokens?|jwt|api[\s_-]?keys?|passwords?|secrets?|session[\s_-]?ids?|access[\s_-]?tokens?)\b[^.\n]{0,30}?\b(?:in|as|via|into|through)\s+(?:the\s+|a\s+)?(?:url|query[\s-]?string|query\s+param(?:eter)?s?|querystring|get\s+param(?:eter)?s?|link)\b|[?&](?:token|jwt|api_?key|password|secret|access_token|session_?id)=/i,
    concern: 'puts a secret in a URL, where logs and browser history keep it',
    // A single-use link (password reset, email confirmation, invitation) carries its token by design.
    unless:
      /\b(?:reset|one-?time|single-?use|verif\w*|confirm\w*|magic|invit\w*|unsubscribe|expir\w*)\b/i,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:select|insert|update|delete|where|order by)\b[^\n]{0,160}?(?:["'\x60]\s*\+\s*${userInput}|\$\{\s*${userInput})|\b(?:concatenat|string[\s-]?build|interpolat|sprintf)\w*\b${S}{0,80}?\b(?:sql|query|where(?:\s+(?:clause|text))?|order\s+by|statement)\b|\b(?:append|glu|splic)\w*\b${S}{0,40}\b(?:sql|query|where(?:\s+(?:clause|text))?|order\s+by|statement)\b|\b(?:sql|query|statement|where\s+clause|order\s+by(?:\s+clause)?)\b${S}{0,60}\b(?:concatenat|interpolat|built from|built by|string[\s-]?build|string\s+concatenation|sprintf|string\s+formatting)\w*|\b(?:insert|put|paste|inject|embed|plug|add|drop|place|writ(?:e|es|ten|ing)|pass)\w*\b${S}{0,60}?\b(?:into|in|to)\s+(?:the\s+|a\s+|our\s+)?(?:raw\s+)?(?:sql|query)\s+(?:string|text)\b|\b(?:insert|put|paste|inject|embed|plug|add|drop|place|writ(?:e|es|ten|ing)|pass)\w*\b${S}{0,60}?\b(?:directly|straight|as[\s-]is|raw)\b${S}{0,20}?\b(?:into|in|to)\s+(?:the\s+)?(?:sql|query)\b|\b(?:sql|query)\b${S}{0,60}?(?<!tagged\s)\btemplate\s+(?:string|literal)s?\b|\b(?:add|append|put|insert|paste|plug|drop|place|writ(?:e|es|ten|ing)|pass)\w*\b${S}{0,40}?\b(?:into|in|to)\s+(?:the\s+)?(?:where|order\s+by|limit|sql|query)(?:\s+(?:clause|string|text|part))?\b${S}{0,20}?\bas\s+(?:a\s+)?(?:raw\s+)?(?:string|text)\b|(?<!tagged\s)\btemplate\s+(?:string|literal)s?\b${S}{0,40}?\b(?:sql|query)\b|\b(?:user|request|form|query)\s+(?:input|values?|data|parameters?)\s+(?:directly|straight)\s+(?:into|in)\s+(?:the\s+)?(?:sql|query)\b|${sqlWithValue(sqlText)}`,
      'i',
    ),
    concern: 'builds SQL from user input instead of using parameters',
  },
  {
    // Upper-case SQL keywords, read case-sensitively: "` AND status = '${status}'`".
    pattern: new RegExp(sqlWithValue(sqlKeyword)),
    concern: 'builds SQL from user input instead of using parameters',
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:exec(?!File)\w*|spawn\w*|system|popen|shell_exec|os\.system|subprocess\.\w+)\s*\(\s*f?[\x60'"][^\n]{0,120}?(?:\$\{|["'\x60]\s*\+|\{\w)|\bshell:\s*true\b|\bshell\s*=\s*True\b|["'](?:ba)?sh["']\s*,\s*\[?\s*["']-c["'][^\n]{0,160}?(?:["'\x60]\s*\+|\+\s*["'\x60]|\$\{)|\b(?:shell|command line|exec)\w*\b${S}{0,40}\b(?:built from|with|including|containing|from)\s+(?:the\s+)?${userInput}`,
      'i',
    ),
    concern: 'builds a shell command from user input',
  },
  {
    // Prose: "builds the shell command by inserting the branch name", "passes the file name to
    // ffmpeg through a shell".
    pattern: new RegExp(
      String.raw`\b(?:shell|command[\s-]line|cmd)(?:\s+(?:command|string|line))?\b${S}{0,60}?\b(?:by|with|after)\s+(?:insert|interpolat|concatenat|splic|substitut|inject)\w*|\b(?:insert|interpolat|concatenat|splic|substitut|inject)\w*\b${S}{0,60}?\b(?:into|in|to)\s+(?:a|the)\s+(?:shell(?:\s+command)?|command\s+(?:line|string))\b|\b(?:pass|put|append|glu|send)\w*\b${S}{0,60}?\b(?:into|to|through|via)\s+(?:a|the)\s+shell\b|\b(?:build|construct|assembl)\w*\s+(?:a|the)\s+(?:shell\s+command|command\s+(?:string|line))(?:\s+string)?\s+(?:from|with|out of|using)\b`,
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
      /\b(?:permissions?|authori[sz]ation|access\s+control|role\s+checks?)\s+(?:are|is)\s+(?:handled|checked|enforced|done|decided)\s+(?:only\s+)?(?:on|in|by)\s+the\s+(?:front[\s-]?end|client|browser|ui)\b/i,
    concern: 'checks permissions only in the client',
  },
  {
    pattern:
      /\b(?:trust\w*|believ\w*|rely\w*\s+on|take\w*|read\w*|use\w*)\b[^.\n]{0,40}\b(?:is_?admin|role|admin(?:\s+flag)?|permissions?|user\s*id)\b[^.\n]{0,40}\b(?:from|in|sent in|sent by)\s+(?:the\s+)?(?:request(?:\s+body)?|body|client|browser|local\s*storage|localStorage|session\s*storage|query(?:\s+string)?|cookie|header)\b|\b(?:check|verify|enforce|decide)\w*\s+(?:the\s+)?(?:user'?s?\s+)?(?:role|permissions?|admin\w*|auth\w*|access)\b[^.\n]{0,30}?\b(?:only\s+)?(?:on|in)\s+(?:the\s+)?(?:client|front-?end|browser|ui|react|component)\b(?![^.\n]{0,40}\b(?:and|also|as well as)\b[^.\n]{0,20}\b(?:server|back-?end|api|middleware)\b)/i,
    concern: 'checks permissions only in the client',
  },
  {
    // The client asserts who it is: its role or user id in the body, a header or a cookie it sets.
    pattern: new RegExp(
      String.raw`\b(?:client|front[\s-]?end|browser|app|ui|form|page|component)\s+(?:\w+\s+){0,2}?(?:sends?|includes?|passes|posts?|adds?|puts?|attach\w*|sets?)\b${S}{0,40}?\b(?:its|their|his|her|own|the\s+(?:current|logged-in|signed-in)\s+user'?s?|the\s+user'?s|the\s+(?:current|logged-in|signed-in)\s+user)\s+(?:own\s+)?(?:role|user\s*id|id|permissions?|is_?admin|admin\s+flag)\b|\bx-(?:user|account|customer|role|admin|tenant|member)(?:-(?:id|role|roles))?\b|\b(?:is_?admin|admin|role|user[_-]?id)\s*[:=]\s*['"]?\w+['"]?\s+(?:header|cookie|param\w*)\b|\b(?:header|cookie)\s+(?:called\s+|named\s+)?['"\x60]?(?:is_?admin|admin|role)['"\x60]?(?=[\s,.;:]|$)|\b(?:when|if|unless|only if|check\w*|allow\w*|trust\w*)\b${S}{0,30}?\b(?:req\.)?(?:body|query|headers|params)\.(?:role|is_?admin|isAdmin|admin|permissions?)\b|\bis_?admin\b${S}{0,30}?\b(?:cookie|header|local\s*storage|localStorage|session\s*storage|sessionStorage|query|body|param\w*)\b|\b(?:cookie|header|local\s*storage|localStorage|query\s+string|request\s+body)\b${S}{0,30}?\bis_?admin\b`,
      'i',
    ),
    concern: 'checks permissions only in the client',
    // A gateway that verified the token may pass the user on in a header of its own.
    unless: /\b(?:gateway|reverse proxy|ingress|service mesh)\b/i,
  },
  {
    // Whose records to return, taken from the request ("GET /invoices?customerId=", "req.body.userId").
    pattern:
      /[?&](?:user|customer|account|owner|member|author)_?id=|\b(?:user|customer|account|owner|member|author)[\s_-]?id\s+(?:query\s+)?param(?:eter)?\b|\b(?:req\.)?(?:body|query)\.(?:user|customer|account|owner|author|member)_?[iI]d\b/i,
    concern: 'lets the client say which user it is',
    unless: /\b(?:admins?|staff|support|back[\s-]?office|operators?)\b/i,
  },
];

/** A negation that turns a finding into the safe practice ("never store", "instead of concatenating"). */
const negator =
  /\b(?:never|not|no|don'?t|do not|doesn'?t|does not|won'?t|avoid\w*|instead of|rather than|without|prevent\w*|forbid\w*|reject(?:s|ed|ing)?|ignor(?:e|es|ed|ing)|must not|should not|shouldn'?t|nor)\b/i;

/**
 * Security concerns of a plan: each flaw once, as a sentence for `concerns`. With the story, also the
 * flaws that depend on it (a record of one user loaded by id with no ownership check).
 */
export function securityConcerns(plan: string, storyText = ''): string[] {
  const found = new Set<string>();
  for (const { pattern, concern, negatable = true, unless, requires } of patterns) {
    if (found.has(`The plan ${concern}.`)) continue;
    const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    // A match set aside is searched again one character on, not from its end: "no ILIKE helper, so
    // pass '… ILIKE '%" + customer" starts at the negated first ILIKE. Bounded, so it stays linear.
    const setAside = (match: RegExpExecArray) => {
      if (negatable && negated(plan, match.index, negatable === 'before' ? '' : match[0]))
        return true;
      if (!unless && !requires) return false;
      const sentence = sentenceAround(plan, match.index, match[0].length);
      return Boolean(unless?.test(sentence) || (requires && !requires.test(sentence)));
    };
    for (let match = global.exec(plan), tries = 0; match && tries < 50; tries++) {
      if (!setAside(match)) {
        found.add(`The plan ${concern}.`);
        break;
      }
      global.lastIndex = match.index + 1;
      match = global.exec(plan);
    }
  }
  for (const concern of accessConcerns(plan, storyText)) found.add(`The plan ${concern}.`);
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
export function sentenceAround(plan: string, index: number, length: number): string {
  const from = Math.max(0, index - 300);
  const window = plan.slice(from, index + length + 300);
  const at = index - from;
  const start = Math.max(window.lastIndexOf('\n', at - 1), window.lastIndexOf('. ', at - 1));
  const ends = [window.indexOf('\n', at + length), window.indexOf('. ', at + length)].filter(
    (i) => i >= 0,
  );
  return window.slice(start + 1, ends.length ? Math.min(...ends) : window.length);
}
