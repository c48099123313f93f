import type { BlockerCategory } from '../../domain/contracts/blocker-diagnosis.ts';

/**
 * General classifiers for why a learner is stuck: error classes, system error codes and phrasing
 * patterns, each pointing at one blocker category with a weight. `where` says which input a signal
 * reads: `errors` (error output, failed activity, code) or `message` (what the learner wrote).
 * `kind` names the sub-problem, used to pick the next step.
 */
export interface Signal {
  category: Exclude<BlockerCategory, 'unknownIssue'>;
  kind: string;
  weight: number;
  where: 'errors' | 'message' | 'any';
  pattern: RegExp;
}

export const blockerSignals: Signal[] = [
  // Environment: the code may be fine, the machine around it is not.
  {
    category: 'environmentIssue',
    kind: 'serviceDown',
    weight: 3,
    where: 'any',
    pattern:
      /\bECONNREFUSED\b|connection refused|could not connect to (?:the )?(?:server|database|postgres|mysql|redis)|is the server running|no connection could be made/i,
  },
  {
    category: 'environmentIssue',
    kind: 'portInUse',
    weight: 3,
    where: 'any',
    pattern:
      /\bEADDRINUSE\b|address already in use|port \d+ (?:is )?(?:already )?(?:in use|taken|allocated)|port is already allocated/i,
  },
  {
    category: 'environmentIssue',
    kind: 'permission',
    weight: 3,
    where: 'any',
    pattern:
      /\bEACCES\b|\bEPERM\b|permission denied|operation not permitted|access is denied|insufficient permissions|\bpermission\b[^\n]{0,60}\bdenied\b|\baccess\b[^\n]{0,20}\bdenied\b/i,
  },
  {
    category: 'environmentIssue',
    kind: 'commandMissing',
    weight: 3,
    where: 'any',
    pattern:
      /command not found|is not recognized as an internal or external command|spawn \S+ ENOENT|not found in (?:your )?PATH|no such file or directory.{0,40}\b(?:bin|exec|node|python|npm|docker)\b/i,
  },
  {
    category: 'environmentIssue',
    kind: 'envVar',
    weight: 3,
    where: 'any',
    pattern:
      /\b(?:environment variable|env(?:ironment)? var(?:iable)?s?|process\.env\.[A-Za-z_]\w*)\b[^.\n]{0,40}\b(?:not set|missing|undefined|required|empty|not defined)\b|\bmissing (?:required )?(?:env|environment) (?:var(?:iable)?s?)\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b (?:is |was )?(?:not set|missing|undefined|required)/,
  },
  {
    category: 'environmentIssue',
    kind: 'packageMissing',
    weight: 3,
    where: 'any',
    pattern:
      /cannot find (?:module|package) ['"](?!\.{1,2}\/|\/)[^'"]+['"]|can'?t resolve ['"](?!\.{1,2}\/|\/)[^'"]+['"]|no module named|ModuleNotFoundError|ERR_MODULE_NOT_FOUND.{0,80}package|could not resolve dependency|\bERESOLVE\b|unmet peer dependency/i,
  },
  {
    category: 'environmentIssue',
    kind: 'version',
    weight: 2.5,
    where: 'any',
    pattern:
      /unsupported engine|engine "?node"? is incompatible|requires node(?:\.js)? (?:version|>=|v?\d)|node(?:\.js)? version|python version|version mismatch|incompatible (?:version|with your version)|GLIBC_\d|wrong version of/i,
  },
  {
    category: 'environmentIssue',
    kind: 'database',
    weight: 3,
    where: 'any',
    pattern:
      /database "?[\w-]+"? does not exist|role "?[\w-]+"? does not exist|password authentication failed|authentication failed for user|access denied for user|unknown database/i,
  },
  {
    category: 'environmentIssue',
    kind: 'network',
    weight: 2.5,
    where: 'any',
    pattern:
      /\bENOTFOUND\b|getaddrinfo|\bETIMEDOUT\b|\bEHOSTUNREACH\b|self[- ]signed certificate|certificate has expired|unable to verify the first certificate|proxy (?:error|authentication)|docker daemon|cannot connect to the docker/i,
  },
  {
    category: 'environmentIssue',
    kind: 'resources',
    weight: 2.5,
    where: 'any',
    pattern:
      /\bENOSPC\b|no space left on device|heap out of memory|JavaScript heap|\bOOMKilled\b|too many open files|\bEMFILE\b/i,
  },
  {
    category: 'environmentIssue',
    kind: 'setup',
    weight: 1.5,
    where: 'message',
    pattern:
      /\b(?:my|the) (?:machine|laptop|setup|environment|computer|terminal|shell)\b|works on (?:my|their|his|her) machine|\bafter (?:updating|upgrading|installing|reinstalling)\b|\b(?:docker|nvm|venv|virtualenv|homebrew|brew|conda)\b|\.env\b|won'?t (?:install|start)|can'?t (?:install|start the (?:server|app|database))/i,
  },

  // Technical: the code does something wrong, and there is an error or a wrong result to show it.
  {
    category: 'technicalError',
    kind: 'runtime',
    weight: 3,
    where: 'any',
    pattern:
      /\b(?:TypeError|ReferenceError|RangeError|NullPointerException|AttributeError|KeyError|IndexError|ValueError|ZeroDivisionError|NameError|UnboundLocalError|ClassCastException|IllegalArgumentException)\b|\bpanic:|Segmentation fault|Traceback \(most recent call last\)/,
  },
  {
    category: 'technicalError',
    kind: 'runtime',
    weight: 3,
    where: 'any',
    pattern:
      /is not a function|is not a constructor|is not iterable|is not defined\b|cannot read propert(?:y|ies) of (?:undefined|null)|cannot set propert(?:y|ies) of|undefined is not an object|null is not an object|maximum call stack size exceeded/i,
  },
  {
    category: 'technicalError',
    kind: 'syntax',
    weight: 3,
    where: 'any',
    pattern:
      /\bSyntaxError\b|unexpected token|unexpected end of (?:input|json|file)|unterminated string|missing \) after|expected ['"`;:,)\]}]/i,
  },
  {
    category: 'technicalError',
    kind: 'types',
    weight: 3,
    where: 'any',
    pattern:
      /error TS\d{3,5}|\bTS\d{4}\b|is not assignable to (?:type|parameter)|does not exist on type|has no exported member|expected \d+ arguments?, but got|implicitly has an? '?any'? type|object is possibly '?(?:undefined|null)'?/i,
  },
  {
    category: 'technicalError',
    kind: 'failingTest',
    weight: 2.5,
    where: 'any',
    pattern:
      /AssertionError|assertion failed|expected .{1,60} to (?:be|equal|have|deep|contain|match|throw)|\bexpect\(.{1,300}\)\.\w+|\bExpected:.{0,80}|\bReceived:|\b\d+ (?:tests? )?(?:failed|failing)\b|\btests? (?:is |are )?(?:fail(?:ing|s|ed)?|red)\b|\bFAIL\s+\S+\.(?:test|spec)\./i,
  },
  {
    category: 'technicalError',
    kind: 'relativeImport',
    weight: 3,
    where: 'any',
    pattern:
      /cannot find module ['"](?:\.{1,2}\/|\/)[^'"]*['"]|can'?t resolve ['"]\.{1,2}\/[^'"]*['"]|failed to resolve import ['"]\.{1,2}\//i,
  },
  {
    category: 'technicalError',
    kind: 'build',
    weight: 2,
    where: 'any',
    pattern:
      /compil(?:e|ation) (?:error|failed)|build failed|failed to compile|cannot compile|(?<!\d)\d+ errors? (?:found|generated)/i,
  },
  {
    category: 'technicalError',
    kind: 'lint',
    weight: 1.5,
    where: 'any',
    pattern: /\beslint\b|\blint(?:er|ing)? errors?\b|(?<!\d)\d+ problems? \(\d+ errors?/i,
  },
  {
    category: 'technicalError',
    kind: 'wrongResult',
    weight: 2,
    where: 'any',
    pattern:
      /\bNaN\b|\[object Object\]|\b(?:returns?|returning|gets?|getting|got|gives?|giving|shows?|showing|prints?|printing) (?:me )?(?:back )?(?:undefined|null|nothing|an empty|the wrong|wrong|a wrong)\b|\bwrong (?:result|output|value|answer|order)\b|\b(?:comes?|came|turns?|turned) out (?:wrong|incorrect)\b|\b(?:applied|charged|counted|added|saved|inserted|sent) twice\b|\binfinite loop\b|\boff[- ]by[- ]one\b|\b(?:status(?: code)?|returns?|got|getting) (?:a )?(?:4\d\d|5\d\d)\b|\binternal server error\b|\bcrash(?:es|ed|ing)?\b|\bthrows? an? (?:error|exception)\b|\bexception\b|\bstack ?trace\b/i,
  },
  {
    category: 'technicalError',
    kind: 'stackTrace',
    weight: 1,
    where: 'errors',
    pattern: /^[^\S\n\r\u2028\u2029]+at \S.*:\d+:\d+\)?$/m,
  },

  // Conceptual: the learner lacks an idea, not a fix.
  {
    category: 'conceptualConfusion',
    kind: 'dontUnderstand',
    weight: 2.5,
    where: 'message',
    pattern:
      /(?:\bi |^\s*)(?:really )?(?:don'?t|do not|dont|can'?t|cannot) (?:really |quite |fully )?(?:understand|get|grasp|wrap my head around|follow)\b|\b(?:confus(?:ed|ing)|lost on|puzzled|baffled)\b|makes? no sense|doesn'?t make sense/i,
  },
  {
    category: 'conceptualConfusion',
    kind: 'whatIs',
    weight: 2,
    where: 'message',
    pattern:
      /\bwhat (?:is|are|does|do) (?:a |an |the )?[\w.`'"()-]+(?: [\w`'"()-]+){0,3} (?:mean|do|for|is|work)\b|\bwhat(?:'s| is) (?:a |an |the )?(?:difference|point|purpose|meaning)\b|\bdifference between\b|\bmeaning of\b|\bwhat (?:is|are) (?:a |an )?[a-z][\w-]*\s*\?/i,
  },
  {
    category: 'conceptualConfusion',
    kind: 'howWorks',
    weight: 2,
    where: 'message',
    pattern:
      /\b(?:not sure|unsure|no idea|don'?t (?:know|get|understand)|confused about|wondering) (?:how|why|what|when) [\w\s.`'"()-]{1,40}?\b(?:works?|means?|does|is for|is used|happens)\b|\bhow [\w.`'"()-]+(?: [\w.`'"()-]+){0,3} works\b|\bhow (?:does|do|is|are) (?:a |an |the )?[\w.`'"-]+(?: [\w`'"-]+){0,3} (?:work|works|supposed to work|fit together|relate)\b|\bwhy (?:do|does|would|should|is|are|can'?t) (?:we|i|you|it|this|they)\b(?![^?.!\n]{0,12}\b(?:not work|n'?t work|broken|fail))|\bwhen (?:should|do|would) (?:i|we|you) use\b|\bcan (?:you|someone) explain\b|\bexplain\b/i,
  },
  {
    category: 'conceptualConfusion',
    kind: 'newTo',
    weight: 1.5,
    where: 'message',
    pattern:
      /\bnever (?:used|heard of|worked with|seen|learned)\b|\bnew to\b|\bfirst time (?:using|with|seeing)\b|\bnot familiar with\b|\bhaven'?t learned\b/i,
  },

  // Analysis paralysis: plenty of thinking, no first step.
  {
    category: 'analysisParalysis',
    kind: 'whereToStart',
    weight: 3,
    where: 'message',
    pattern:
      /\bwhere (?:do|should|can|would) i (?:even |possibly |actually )?(?:start|begin)\b|\b(?:don'?t|do not|not sure|no idea|unsure|no clue|can'?t figure out) (?:know )?(?:where|how|what) to (?:even )?(?:start|begin|do first|tackle(?: first| this| it)?|approach(?: this| it)?|get started)\b|\bwhat the first step (?:is|should be|would be)\b|\bhow (?:do|should|would|can) i (?:even )?(?:start|begin|approach|get started)\b|\bwhat (?:should|do) i (?:do|start with|tackle|build) first\b|\bwhat(?:'s| is) the first step\b|\bwhere to (?:even )?(?:start|begin)\b|\b(?:still )?(?:have not|haven'?t|did not|didn'?t|not) (?:even |yet )?(?:started|begun|begin|start(?:ed)? coding|opened (?:the|my) (?:editor|ide|project)|touched (?:the|any) code|created (?:a|the) (?:file|branch))\b(?! (?:the |my |a )?(?:database|db|server|docker|container|service|app|worker|redis|postgres)\b)|\b(?:frozen|paralys|paralyz)\w*\b/i,
  },
  {
    category: 'analysisParalysis',
    kind: 'indecision',
    weight: 2.5,
    where: 'message',
    pattern:
      /\boverwhelm(?:ed|ing)?\b|\b(?:too|so) many (?:options|choices|ways|approaches|things|decisions|libraries|frameworks|possibilities)\b|\b(?:\d+|two|three|four|five|six|several|many|a dozen|a million|like \w+) (?:different )?(?:ways|options|approaches|libraries|frameworks|patterns|plans) (?:to|for|i could)\b|\b(?:can'?t|cannot|can not|unable to|struggling to|hard to) (?:decide|choose|pick|settle|commit)\b|\bmake up my mind\b|\b(?:deciding|decide|choosing|choose|picking|pick|torn) between\b|\bshould i (?:use|go with|pick|choose|start with|learn|do) .{1,40}\bor\b|\bwhether (?:to|i should) .{1,40}\bor\b|\bwhich (?:one|library|framework|approach|way|pattern|tool|database|orm|stack|option) (?:should|to|is (?:the )?(?:best|better|right|correct|proper))\b|\b(?:start|begin|write|code|coding|touch)\w* (?:anything |any code |the code )?until i (?:know|decide|find|pick|understand|figure out|am sure)\b|\bis it better to\b|\bthe (?:best|right|perfect|correct|ideal) (?:way|approach|design|architecture|pattern|library|framework|tool|stack|structure|database|choice|solution)\b|\bback and forth\b|\b(?:keep|kept) (?:switching|jumping|flip-?flopping|going) (?:between|back)\b|\bor\b[^?.!\n]{1,40}\bbetter (?:for|here|in)\b|\b(?:understand|learn|know|read) everything (?:about \w+ )?(?:first|before)\b|\bkeep (?:changing my mind|rewriting (?:the|my) plan|researching|reading|re-?reading|comparing|second-guessing)\b|\b(?:rewrote|redid|rewritten|changed) (?:my|the) plan (?:\w+ )?(?:times|again)\b|\bstill (?:planning|researching|reading|deciding|comparing|thinking about)\b|\bhaven'?t (?:written|started|typed|picked|chosen|decided) (?:anything|any|one|on|a (?:single )?line)\b|\b(?:pick|choose|go with|picked|chose) the wrong (?:one|library|framework|approach|tool|pattern|database|option)\b|\bpros and cons\b|\b(?!expected|actual|received)\w+ (?:vs\.?|versus) (?!expected|actual|received)\w+\b|\b(?:\w+ first or \w+ first)\b|\banalysis paralysis\b|\bbefore i (?:even )?(?:write|start|type|touch|begin)(?: \w+){0,3}? (?:anything|code|coding|writing|a line|a single line)\b|\bget it (?:perfect|right) (?:first|before)\b/i,
  },
  {
    category: 'analysisParalysis',
    kind: 'endlessResearch',
    weight: 2,
    where: 'message',
    pattern:
      /\b(?:reading|researching|watching|comparing|googling|studying|looking into|browsing)\b[^.?!\n]{0,60}\b(?:for|all) (?:(?:\w+|\d+) )?(?:hours|days|(?:the |this |whole |the whole )?(?:morning|day|afternoon|evening|week)|ages|a while)\b|\b(?:hours|days) of (?:reading|research)|\b(?:spent|wasted) (?:the |a |all |my )?(?:whole |entire )?(?:day|morning|afternoon|evening|week|hours|days) (?:on |just )?(?:research|reading|researching|comparing|watching|googling)|\b(?:\d+|so many|too many) tabs (?:open|of)\b|\bcomparing (?:\w+ )?(?:libraries|frameworks|orms|options|tools|approaches|databases|packages)\b|\b(?:watched|read) (?:\w+ ){0,2}(?:tutorials|videos|articles|blog posts|guides)\b|\bnothing to show for it\b|\b(?:reading|researching|watching|comparing|googling|studying|looking into)\b[^.?!\n]{0,40}\bsince (?:this morning|yesterday|last \w+|monday|tuesday|wednesday|thursday|friday|the weekend)\b|\bkeep reading (?:the )?(?:docs|documentation)\b/i,
  },
  {
    category: 'analysisParalysis',
    kind: 'indecision',
    weight: 2.5,
    where: 'message',
    pattern:
      /\b(?:still |keep |kept )?(?:weighing|debating|agonizing|agonising|dithering|torn on|going back and forth on)\b|\b(?:wondering|deciding|thinking about|not sure|unsure|undecided) (?:about )?whether\b[^.?!\n]{1,80}\bor\b|\b(?:afraid|scared|worried|terrified|nervous) (?:of |about )?(?:picking|choosing|making|getting|committing to)\b[^.?!\n]{0,60}\b(?:wrong|regret|later|mistake)\b|\bregret (?:it |this |that )?later\b|\b(?:keep|kept) putting (?:it |this |that )?off\b|\bprocrastinat\w*/i,
  },
  // "Vitest or Jest?": named tools set against each other (case-sensitive: names are capitalised).
  {
    category: 'analysisParalysis',
    kind: 'indecision',
    weight: 2.5,
    where: 'message',
    pattern: /^\s*[A-Z][\w.-]+(?:,? (?:or )?[A-Z][\w.-]+)* or [A-Z][\w.-]+\s*\?/,
  },
  {
    category: 'analysisParalysis',
    kind: 'endlessResearch',
    weight: 2.5,
    where: 'message',
    pattern:
      /\b(?:editor|file|repo|branch|project|folder)\b[^.?!\n]{0,20}\b(?:is |are )?(?:still )?(?:empty|blank|untouched)\b|\b(?:there'?s|there is|i have|i'?ve got|with|and|but|still) (?:still )?(?:no|zero) (?:code|lines? of code|commits?)\b|\bno code (?:yet|written|at all)\b|\bnone of (?:it|this|that) is (?:code|written)\b|\bbookmark\w*\b[^.?!\n]{0,30}\b(?:articles|posts|tabs|pages|videos|tutorials|threads)\b|\bnothing (?:is |has been )?(?:written|coded|committed|typed) (?:yet|so far)\b|\b(?:sketched|planned|diagrammed|outlined|drew|drawn|designed|redesigned|re-?planned|whiteboarded|mapped out)\b[^.?!\n]{0,50}\b(?:times|again|over and over|a bunch|repeatedly)\b|\b(?:go|going|goes|went) back to (?:researching|reading|comparing|looking (?:at|into)|googling)\b|\bresearching (?:other |different |more |alternative )?(?:approaches|options|alternatives|ways|solutions|libraries)\b|\b(?:read|watched|went through|looked at|skimmed) (?:a dozen|dozens of|a bunch of|loads of|lots of|tons of|\d+|\w+) (?:\w+ )?(?:comparisons|benchmarks|reviews|threads|posts|docs pages|guides|tutorials|videos|articles)\b|\b(?:notes|research|reading list|bookmarks)\b[^.?!\n]{0,40}\b(?:but|and) (?:still )?(?:no|zero|not a (?:single )?line of) code\b/i,
  },
];

/** Phrases that say "something is wrong" without saying what: they lower confidence, not raise a category. */
export const vaguePattern =
  /\b(?:doesn'?t|does not|won'?t|isn'?t) work(?:ing)?\b|\bnot working\b|\bbroken\b|\bstuck\b|\bhelp\b|\bissue\b|\bproblem\b|\bsomething(?:'s| is) wrong\b/i;

/**
 * Question forms about how, why or what something is. Only counted (see readBlocker) when the
 * message also names a programming thing and reports no failure, so "why is this not working?" stays
 * uninformative while "why does my closure keep the old value" reads as a concept question.
 */
export const conceptQuestion =
  /\bhow come\b|\bwhat happens\b|\bwhat exactly\b|\bhow (?:is|are|does|do|did|can|could|would) (?!i\b|we\b)|\bhow (?:is|are) [^?.!\n]{1,50}\b(?:different|better|worse)\b|\bwhy\b|\bwhat(?:'s| is| are| does| do)\b(?! (?:going on|happening|wrong|up|next)\b)|\bwhen (?:should|do|would|is it|does|to use|to)\b|\bwhich (?:one )?(?:is|does|do)\b|\b(?:unclear|confusing|fuzzy|hazy|a mystery|not clear|lost) (?:to me|on|about)\b|\bno idea what\b[^.?!\n]{0,30}\bmeans?\b|\b(?:is|are|does|do) (?:a |an |the )?[\w.-]+ [^?\n]{0,60}\bor\b[^?\n]{0,40}\?/i;

/** Words that report a failure: a message with them is a bug report, even phrased as a question. */
export const failureWords =
  /\b(?:fail\w*|errors?|crash\w*|broken|red|bugs?|buggy|exceptions?|throws?|500|404)\b/i;

/**
 * Question forms whose subject is a named thing rather than a pronoun ("how does bcrypt know the
 * salt", "what does the second argument of reduce do"): enough on their own to count as naming one.
 */
export const namedSubjectQuestion =
  /\bhow (?:does|do|is|are|can) (?!it\b|this\b|that\b|these\b|those\b|i\b|we\b|you\b|they\b|my code\b)(?:the |a |an )?[a-z][\w.-]*\b|\bwhat (?:does|do) (?!it\b|this\b|that\b|i\b)(?:the |a |an )?[\w.-]+[^?.!\n]{0,50}\b(?:do|mean|return)\b/i;
