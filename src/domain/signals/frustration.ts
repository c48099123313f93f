/**
 * A small rule-based classifier for seed 001's "Junior expresses frustration" escalation trigger,
 * plus the one signal that outranks it: `crisis`, a hint of self-harm or of not wanting to live,
 * which always goes to a human at once. Other levels: abusive (insults aimed at the mentor or
 * "this tool", shouted put-downs, threats to smash the laptop), despairing (giving up, self-worth,
 * quitting the job or career, burnout, no sleep, crying) and frustrated (annoyed, stuck, fed up).
 * Deliberately careful with everyday words: code (fenced or inline) is ignored, a negated phrase
 * ("I'm not giving up") does not count, hyperbole aimed at things ("this bug is killing me",
 * "kill the process") is not self-directed, and mild cues (swearing, shouting, "!!!") count only
 * in pairs.
 */
export type FrustrationLevel = 'none' | 'frustrated' | 'despairing' | 'abusive' | 'crisis';

export interface FrustrationAssessment {
  readonly level: FrustrationLevel;
  /** The phrases that decided it, for the escalation reason. */
  readonly signals: readonly string[];
}

/** What a learner calls the mentor. "Tool" is left out: learners say that about webpack. */
const mentor = String.raw`(?:bot|ai|mentor|tutor|assistant|chatbot|teacher|machine|program)`;
/** People around the learner who may mistreat them (not the mentor, not code). */
const people = String.raw`(?:colleagues?|co-?workers?|team\s*lead|tech\s*lead|lead\s+dev\w*|manager|boss|senior(?:\s+(?:dev\w*|engineer))?|team\s*mates?|classmates?|instructor|people\s+(?:at\s+work|on\s+my\s+team)|(?:the\s+)?others|everyone\s+(?:at\s+work|on\s+the\s+team)|he|she|they)`;
/** "You are" as typed in a hurry: "you're", "youre", "u r", "ur", or just "you". */
const youAre = String.raw`(?:you|u)(?:'?re|\s+are|\s+r)?|ur`;
/** "...but it finally works": tiredness that ends well is not despair. */
const endsWell = String.raw`(?!(?:\s*,)?\s*but\s+(?:\w+\s+){0,3}?(?:works?|worked|fixed|done|got\s+it|almost|worth|happy|proud|ready|made\s+it|pass(?:es|ing)?)\b)`;
/** Adverbs and determiners that may sit between "you are" and an insult. */
const filler = String.raw`(?:(?:so|really|completely|totally|utterly|absolutely|literally|actually|just|truly|such|the|most|an?|fucking|f\*+|bloody|damn|freaking|pretty|very|total|complete|absolute|utter|huge|big|massive|giant)\s+)*`;
const insult = String.raw`(?:useless|stupid|dumb|dumbest|stupidest|worst(?![\s-]+case)|worthless|pathetic|garbage(?![\s-]+collect)|trash|rubbish|junk|crap|shit|bullshit|horseshit|scam|incompetent|brain[\s-]?dead|idiot(?:ic)?|moron(?:ic)?|imbecile|clown|joke|dumbass|retard(?:ed)?|asshole|dickhead|prick|bastard|bitch|embarrassment|disgrace|waste\s+of\s+(?:space|time|electricity|money|tokens|oxygen)|(?:piece|pile|heap|load|sack)\s+of\s+(?:junk|shit|crap|garbage|trash|scrap|rubbish)|(?:useless|worthless|stupid|dumb)\s+(?:heap|pile|thing|piece\s+of\s+\w+))`;
/** Insults strong enough to be abuse when aimed at "this tool", "this thing", "this app" (not "useless": "this tool is useless for profiling"). */
const strongInsult = String.raw`(?:garbage(?![\s-]+collect)|trash|rubbish|junk|crap|shit|bullshit|horseshit|pathetic|worthless|a\s+(?:complete\s+|total\s+|fucking\s+)?(?:joke|scam|waste)|(?:useless|absolute|total|complete|utter|fucking)\s+(?:garbage|trash|junk|crap|shit|rubbish))`;
/** The mentor under another name, only when pointed at ("this tool", "this thing"). */
const pointedAt = String.raw`(?:this|that|the|your)\s+(?:so[\s-]called\s+|stupid\s+|dumb\s+|useless\s+|damn\s+|fucking\s+|f\*+\s+)?(?:tool|thing|app|platform|service|chat|site|${mentor})`;

/** "I'm", "im", "I am". */
const iAm = String.raw`(?:i'?m|i\s+am)`;
/** Words between "I'm" and a self-judgement ("i'm clearly just the dumbest"). */
const selfFiller = String.raw`(?:(?:so|too|just|such|clearly|really|probably|simply|honestly|literally|obviously|completely|totally|the|an?|very|still)\s+)*`;

/** Self-harm, suicidal thoughts, not wanting to exist: first person and about the self only. */
const crisis = [
  /\b(?:kill(?:ing)?|hurt(?:ing)?|harm(?:ing)?|starv(?:e|ing)|hang(?:ing)?|drown(?:ing)?)\s+myself\b/,
  /\bcut(?:ting)?\s+myself\b(?!\s+(?:some|a|off|short|out|in)\b)/,
  /\bself[\s-]?harm/,
  /\bsuicid(?:e|al)\b(?![\s-]+(?:prevention|hotline|helpline|awareness|squad|note\s+(?:app|feature)))/,
  /\b(?:kms|unalive)\b/,
  /\bend(?:ing)?\s+(?:it\s+all|my\s+(?:own\s+)?life|things\s+for\s+good)\b/,
  /\b(?:want|wanna|wish\s+i\s+could)\s+(?:to\s+)?(?:just\s+)?die\b/,
  /(?:^|[.!?,;]\s*|\bi\s+|\bi'd\s+)(?:just\s+|really\s+|kinda\s+|sometimes\s+|honestly\s+)?(?:want|wanna|wish\s+i\s+could|would\s+like|like)\s+(?:to\s+)?(?:just\s+)?(?:disappear|vanish|not\s+exist|stop\s+existing|not\s+be\s+(?:here|alive|around)|sleep\s+forever|(?:go\s+to\s+)?sleep\s+and\s+(?:never|not)\s+wake\s+up)\b/,
  /\bi(?:'m|\s+am)\s+(?:going|gonna|ready|about)\s+to\s+(?:die|end\s+it)\b/,
  /\bwish\s+i\s+(?:was|were|had)\s+(?:dead|never\s+been\s+born|never\s+born|gone)\b/,
  /\b(?:don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(?:be\s+(?:here|alive|around)|live|exist|wake\s+up|go\s+on)\b/,
  /\bbetter\s+off\s+(?:without\s+me|dead)\b|\b(?:world|everyone|everybody|they)\s+(?:would\s+be\s+)?better\s+(?:off\s+)?without\s+me\b/,
  /\b(?:nobody|no\s*one|no-one)\s+(?:would|will|even)\s+(?:even\s+)?(?:care|notice|miss\s+me)\b/,
  /\bif\s+i\s+(?:just\s+)?(?:was|were)\s+(?:gone|dead)\b|\bif\s+i\s+(?:just\s+)?(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:here|around|alive)\b/,
  /\b(?:no|any)\s+(?:reason|point)\s+(?:for\s+me\s+)?(?:to|in)\s+(?:keep\s+)?(?:living|live|going\s+on|be(?:ing)?\s+alive|exist(?:ing)?|stay(?:ing)?\s+alive)\b/,
  /\bwhat(?:'?s|\s+is)\s+(?:even\s+)?the\s+point\s+(?:of|in)\s+(?:anything|everything|life|living|existing|being\s+alive|going\s+on|it\s+all|me)\b/,
  /\b(?:life|my\s+life|living|existence|existing)\s+(?:is|feels|seems)\s+(?:so\s+|completely\s+|totally\s+)?(?:pointless|meaningless|not\s+worth\s+(?:it|living))\b/,
  /\bdone\s+with\s+(?:everything|it\s+all|life|living|all\s+of\s+it|existing)\b/,
  /\b(?:tired|sick)\s+of\s+(?:living|existing|being\s+alive|life)\b/,
  /\bi\s+(?:just\s+)?(?:can'?t|cannot)\s+go\s+on\b/,
  /\b(?:see|there'?s|there\s+is|is)\s+no\s+way\s+out\b|\bdon'?t\s+see\s+(?:a|any)\s+way\s+out\b/,
  /\b(?:(?:saving\s+up|stockpil\w*)\s*|took\s+(?:all\s+)?(?:the\s+|my\s+|a\s+bunch\s+of\s+)?)pills\b|\boverdos(?:e|ing)\b/,
  /\bgive\s+up\s+on\s+(?:life|living|myself)\b/,
  /\btak(?:e|ing)\s+my\s+(?:own\s+)?life\b/,
  /\bdo\s+something\s+(?:stupid\s+|bad\s+|drastic\s+|terrible\s+)?to\s+myself\b/,
  /\bwant\s+(?:it\s+all|everything|all\s+of\s+(?:this|it)|the\s+pain|this|it)\s+to\s+(?:be\s+over|stop|end)(?:\s+(?:permanently|forever|for\s+good))?\s*(?:[.!?,…]|$)/,
  /\b(?:i'?m\s*|i\s+am\s*|i\s+feel\s+like\s+(?:(?:i'?m|i\s+am)\s*)?)(?:just\s+|only\s+|such\s+)?a\s+(?:huge\s+|big\s+)?burden\b/,
  /\bi\s+(?:should|deserve\s+to|might\s+as\s+well|may\s+as\s+well)\s+(?:just\s+)?die\b/,
  /\b(?:feel|felt)\s+like\s+dying\b|\b(?:hate|tired\s+of)\s+being\s+alive\b/,
  /\b(?:life|it)\s+(?:isn'?t|is\s+not|ain'?t)\s+worth\s+(?:living|it\s+anymore)\b/,
  /\bfall\s+asleep\s+and\s+(?:never|not)\s+wake\s+up\b/,
  /\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the|my)\s+(?:bridge|building|roof|balcony|window|cliff)\b/,
  /\b(?:this\s+is|it'?s)\s+my\s+last\s+(?:message|goodbye|day)\b|\bgoodbye\s+forever\b/,
  // Indirect warning signs: giving one's things away, not being around much longer, goodbye letters.
  /\bgiv(?:e|es|ing|en)\s+away\s+(?:all\s+(?:of\s+)?)?my\s+(?:things|stuff|belongings|possessions)\b/,
  /\bi\s+(?:won'?t|will\s+not)\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+(?:much\s+)?long|anymore|any\s+more)\b/,
  /\b(?:wrote|write|writing|written|left|leaving)\s+(?:\w+\s+){0,2}?(?:goodbye|farewell|suicide)\s+(?:letters?|notes?)\b/,
  // Passive ideation: dwelling on not being there ("I keep thinking about disappearing").
  /\b(?:think(?:s|ing)?|thought|fantasi[sz](?:e|es|ed|ing)|dream(?:s|t|ed|ing)?|obsess(?:es|ed|ing)?|daydream(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}?(?:about|of)\s+(?:just\s+|simply\s+)?(?:disappearing|vanishing|not\s+(?:waking\s+up|being\s+(?:here|alive|around)|existing)|no\s+longer\s+(?:being\s+)?(?:here|around|alive)|ending\s+(?:it|my\s+life)|dying|being\s+dead|killing\s+myself)\b(?!\s+(?:the|a|an|this|that|these|those|it|them|from\s+the)\b)/,
  /\b(?:don'?t|do\s+not|no\s+longer)\s+(?:\w+\s+){0,3}?want\s+to\s+(?:live|exist|be\s+alive|go\s+on)(?:\s+(?:anymore|any\s+more|like\s+this)|\s*[.!?,…]|$)/,
];

const abusive = [
  /\b(?:f+u+c+k+|fck|fuk|screw)\s+(?:you|u|off)\b/,
  /\bf[*#@]+(?:[a-z][a-z*]{0,20})?\s+(?:you|u|off)\b/,
  /\b(?:stfu|gtfo|kys|foad)\b|\b(?:piss|bugger|sod|eff)\s+off\b|\beat\s+shit\b/,
  new RegExp(String.raw`\b(?:${youAre})\s+${filler}${insult}\b`),
  new RegExp(
    String.raw`\b(?:stupid|dumb|useless|worthless|idiotic|garbage|pathetic|incompetent|dumbest|stupidest|worst|most\s+useless)\s+(?:\w+\s+)?${mentor}\b`,
  ),
  new RegExp(
    String.raw`\b(?:this|the|you|your|stupid|dumb)\s+(?:so[\s-]called\s+)?${mentor}\s+(?:is|are|'s)\s+${filler}(?:${insult}|a\s+waste)\b|\b${mentor}\s+sucks\b`,
  ),
  new RegExp(String.raw`\b${pointedAt}\s+(?:is|'s|are)\s+${filler}${strongInsult}\b`),
  new RegExp(
    String.raw`\b(?:your|ur|yer)\s+(?:\w+\s+){0,2}(?:is|are|r|'re)\s+${filler}${insult}\b`,
  ),
  new RegExp(
    String.raw`\bwhat\s+an?\s+(?:\w+\s+){0,4}?${insult}(?:\s+\w+){0,3}?\s+(?:you\s+are|you'?re|u\s+r|${pointedAt}\s+is)\b`,
  ),
  // Non-native and terse put-downs: "you are very bad teacher", "you not understand nothing".
  new RegExp(
    String.raw`\b(?:${youAre})\s+(?:an?\s+|the\s+)?(?:very\s+|really\s+|so\s+|such\s+an?\s+)?(?:bad|terrible|awful|horrible|lousy|crappy|shitty)\s+${mentor}\b`,
  ),
  /\b(?:you|u)\s+(?:don'?t|do\s+not|dont|not|never)\s+understand\s+(?:nothing|anything|a\s+thing)\b/,
  /\b(?:thanks|thank\s+you|great\s+job|nice\s+(?:one|job|work)|well\s+done|good\s+job|wow|brilliant)(?:\s*,)?\s+(?:genius|einstein|sherlock|captain\s+obvious)\b/,
  new RegExp(
    String.raw`(?:^|[.!?,;]\s*)(?:f+u+c+k+|screw|f|f\*+)\s+(?:this|that|you)\s+(?:\w+\s+)?(?:tool|thing|bot|ai|mentor|app|shit|crap|garbage|${mentor})\b`,
  ),
  // Threats to break things: first person, future or wish ("I'm going to throw my laptop out the window").
  /\b(?:i'?ll|i\s+will|(?:i'?m|i\s+am)\s+(?:going\s+to|gonna|about\s+to|ready\s+to|this\s+close\s+to|tempted\s+to)|i\s+(?:want\s+to|wanna|could|might|almost|nearly)|gonna)\s+(?:just\s+|literally\s+|seriously\s+)?(?:smash|punch|kick|destroy|wreck|break|snap|rip\s+apart|(?:throw|chuck|toss|hurl|fling)(?=\s+(?:my|this|the)\s+(?:\w+\s+)?\w+\s*(?:out|across|at|into|against|off|through|in\s+the\s+(?:bin|trash|garbage|river|lake|sea)|[.!?…]|$)))\s+(?:my|this|the)\s+(?:stupid\s+|damn\s+|fucking\s+|f\*+\s+|whole\s+)?(?:laptop|computer|pc|keyboard|monitor|screen|mouse|phone|desk|machine|mac|macbook)\b/,
  new RegExp(
    String.raw`\bare\s+(?:you|u)\s+${filler}(?:brain[\s-]?dead|stupid|dumb|an?\s+idiot|a\s+moron|retarded|broken\s+or\s+just\s+stupid)\b`,
  ),
  /\b(?:you|u)\s+(?:really\s+|totally\s+|just\s+)?suck\b/,
  /\bi\s+(?:hate|despise|loathe)\s+(?:you|u)\b/,
  /\bshut\s+(?:the\s+(?:hell|fuck|f\*+)\s+)?up\b/,
  /\bgo\s+(?:to\s+hell|die|kill\s+yourself)\b/,
];

interface Pattern {
  readonly pattern: RegExp;
  /** Cancelled by laughter ("lol", "haha"): self-mockery, not despair. */
  readonly soft?: boolean;
}

const despairing: Pattern[] = [
  {
    pattern:
      /\b(?:i\s+(?:give|gave)|giving|i'?m\s+giving|gonna\s+give|going\s+to\s+give)\s+up\b(?!\s+on\s+(?:[\w'-]+\s+){0,3}?(?:approach|idea|library|lib|package|solution|method|plan|way|regex|framework|tool|pattern|feature|refactor|implementation|version|branch|dependency|option|design)\b)/,
  },
  {
    pattern:
      /\bi\s+(?:can'?t|cannot|can\s+not)\s+do\s+(?:this|it)\b(?!\s+(?:this\s+way|that\s+way|with|using|in|without|via|like|on|from|because|since)\b)/,
  },
  {
    pattern:
      /\bi(?:'m|\s+am)\s+(?:so\s+|too\s+|just\s+|such\s+)?(?:stupid|dumb|useless|hopeless|worthless|not\s+(?:smart|good|clever)\s+enough)\b/,
    soft: true,
  },
  {
    pattern:
      /\bi(?:\s*'m|\s+am|\s+feel)\s+(?:like\s+)?(?:such\s+|just\s+|so\s+)?(?:an?\s+)?(?:total\s+|complete\s+|huge\s+|absolute\s+|useless\s+)?(?:idiot|failure|fraud|impostor|imposter|loser|waste\s+of\s+(?:space|time)|disappointment)\b/,
    soft: true,
  },
  {
    pattern:
      /\bi\s+(?:feel|felt)\s+(?:so\s+|completely\s+|totally\s+)?(?:worthless|useless|hopeless|stupid|helpless|like\s+(?:a\s+)?(?:failure|fraud|nothing))\b(?!\s+(?:for\s+)?(?:asking|to\s+ask|that\s+i\s+(?:missed|forgot)))/,
  },
  { pattern: /\bnot\s+(?:smart|good|clever)\s+enough\s+(?:for|to)\b/ },
  { pattern: /\bnot\s+cut\s+out\s+for\b/ },
  {
    pattern:
      /\bi(?:'ll|\s+will)\s+never\s+(?:get|understand|learn|be\s+able|be\s+(?:a|an|good)|become|make\s+it)\b/,
  },
  { pattern: /\bhopeless\b/ },
  { pattern: /\bwant\s+to\s+quit\b/ },
  {
    pattern:
      /\bi\s+(?:should|might|will|'ll|am\s+going\s+to|'m\s+going\s+to|'m\s+gonna|wanna|think\s+i'?ll)\s+(?:just\s+)?(?:quit|drop\s+out)\b(?!\s+(?:vim|the\s+(?:process|app|server|program|editor|terminal)))/,
  },
  {
    pattern:
      /\b(?:quit(?:ting)?|drop(?:ping)?\s+out\s+of)\s+(?:the\s+|this\s+)?(?:bootcamp|course|program(?:me)?|programming|coding|tech|learning|my\s+(?:studies|career))\b/,
  },
  {
    pattern:
      /\bwhat(?:'?s|\s+is)\s+(?:even\s+)?the\s+point(?:\s+(?:of|in)\s+(?:even\s+)?(?:trying|any\s+of\s+this|all\s+this|learning|doing\s+this|this\s+(?:course|bootcamp|program))|\s+anymore|\s*(?:[?.!…]|$))/,
  },
  { pattern: /\bburn(?:t|ed)[\s-]?out\b/ },
  {
    pattern:
      /\bi\s+(?:cry|am\s+crying|'m\s+crying|keep\s+crying|cried|was\s+crying|want\s+to\s+cry)\b/,
    soft: true,
  },
  { pattern: /\bi\s+(?:hate|loathe)\s+(?:myself|my\s+(?:life|brain))\b/ },
  { pattern: /\bi\s+suck\s+at\s+(?:this|coding|programming|everything|it|life)\b/ },
  {
    pattern:
      /\b(?:coding|programming|this|tech|software)\s+(?:just\s+)?(?:is\s+not|isn'?t)\s+for\s+me\b/,
  },
  { pattern: /\b(?:can'?t|cannot)\s+take\s+(?:it|this|any\s*more)\b/ },
  {
    pattern:
      /\b(?:don'?t|do\s+not)\s+belong\s+(?:here|in\s+(?:tech|this\s+field|this\s+industry))\b/,
  },
  {
    pattern:
      /\bdone\s+with\s+(?:coding|programming|this\s+(?:course|bootcamp|career)|learning|tech)\b/,
  },
  {
    pattern:
      /\b(?:everyone|everybody)\s+else\s+(?:gets|understands|is\s+(?:better|faster|smarter))\b/,
  },
  {
    pattern:
      /\b(?:i|i'll|i'm|i\s+will|should|wanna|want\s+to|might|gonna|going\s+to|ready\s+to|about\s+to|feel\s+like|thinking\s+(?:of|about)|tempted\s+to)\s+(?:just\s+|totally\s+|finally\s+|honestly\s+)?(?:give|gave|giving)\s+up\b(?!\s+(?:after|when|if|once|retrying|waiting|the\s+(?:lock|connection|thread|cpu))\b)(?!\s+on\s+(?:[\w'-]+\s+){0,3}?(?:approach|idea|library|lib|package|solution|method|plan|way|regex|framework|tool|pattern|feature|refactor|implementation|version|branch|dependency|option|design)\b)/,
  },
  {
    pattern:
      /\bi(?:'m|\s+am)\s+never\s+(?:going\s+to|gonna)\s+(?:get|understand|learn|be|become|make\s+it|pass|find|finish)\b/,
  },
  {
    pattern:
      /\b(?:at\s+my\s+breaking\s+point|i'?m\s+falling\s+apart|(?:having|had)\s+a\s+(?:mental\s+)?breakdown|can'?t\s+cope|i'?m\s+drowning)\b/,
  },
  { pattern: /\bnothing\s+matters\b/ },
  // Self-worth: "i think im just too stupid for this job", "I'm clearly the dumbest person on this team".
  {
    pattern: new RegExp(
      String.raw`\b${iAm}\s+${selfFiller}(?:stupid|dumb|useless|hopeless|worthless|incompetent|inadequate|dumbest|stupidest|slowest|worst)\b(?!\s+(?:at\s+naming|mistake|question|typo)\b)`,
    ),
    soft: true,
  },
  {
    pattern:
      /\bfeel(?:s|ing)?\s+(?:so\s+|really\s+|completely\s+|even\s+)?(?:stupid|dumb|dumber|stupider|worthless|useless|hopeless|incompetent|inadequate|like\s+an?\s+(?:idiot|failure|fraud|impostor|imposter))\b(?!\s+(?:for\s+)?(?:asking|to\s+ask)\b)/,
    soft: true,
  },
  {
    pattern:
      /\bnot\s+(?:meant|made|built)\s+(?:to\s+be\s+an?|for)\s+(?:\w+\s+)?(?:programmer|developer|dev|engineer|coder|coding|programming|this|tech)\b/,
  },
  {
    pattern:
      /\bnot\s+(?:good|smart|clever)\s+(?:enough\s+)?for\s+(?:this\s+|the\s+|any\s+)?(?:job|work|career|field|industry|profession|role)\b/,
  },
  {
    pattern:
      /\bwhat(?:'?s|\s+is)\s+wrong\s+with\s+me\b|\bwhy\s+(?:am\s+i|i'?m)\s+(?:so\s+|this\s+|always\s+)?(?:stupid|dumb|slow|useless|bad\s+at)\b|\bwhat\s+am\s+i\s+(?:even\s+)?doing\s+(?:here|with\s+my\s+life)\b/,
  },
  {
    pattern:
      /\beverything\s+i\s+(?:touch|do|try|write|make)\s+(?:breaks|fails|goes\s+wrong|is\s+wrong|falls\s+apart)\b/,
  },
  { pattern: /\bwhat(?:'?s|\s+is)\s+(?:even\s+)?the\s+use\s*(?:[?.!…]|$|anymore)/ },
  // Leaving the job or the career, now or soon (not "I quit my old job to do this bootcamp").
  {
    pattern:
      /\b(?:thinking\s+(?:about|of)|considering|about\s+to|ready\s+to|going\s+to|gonna|want\s+to|wanna|should|might|i'?ll|i\s+will|i'?m|i\s+am)\s+(?:just\s+|seriously\s+|finally\s+)?(?:quit(?:ting)?|leav(?:e|ing)|giv(?:e|ing)\s+up(?:\s+on)?)\s+(?:my\s+|this\s+|the\s+)?(?:job|career|software|tech|coding|programming|development|field|industry)\b/,
  },
  {
    pattern: new RegExp(
      String.raw`\b${iAm}\s+(?:just\s+|seriously\s+|finally\s+)?quitting\s*(?:[.!,…]|$)`,
    ),
  },
  {
    pattern:
      /\b(?:go|going|gonna\s+go|should\s+go)\s+back\s+to\s+my\s+(?:old|previous|last|former)\s+(?:job|career|work)\b/,
  },
  {
    pattern:
      /\b(?:switch|chang|mov|gett|go)\w*\s+(?:careers?|in(?:to)?\s+(?:tech|coding|programming|software)|to\s+(?:tech|coding|programming|software))\s+(?:was|is|has\s+been)\s+(?:a\s+|the\s+)?(?:\w+\s+)?mistake\b/,
  },
  {
    pattern:
      /\b(?:going\s+to|gonna|will|about\s+to)\s+(?:get\s+)?fire\s+me\b|\b(?:going\s+to|gonna|will|about\s+to)\s+(?:get|be)\s+fired\b/,
  },
  // Mistreated by people around them: insulted, shouted at, mocked, harassed. Not the mentor's
  // fault, but a person should know; "my colleague called the function twice" is not one.
  {
    pattern: new RegExp(
      String.raw`\b${people}\b[^.!?\n]{0,60}?\b(?:call(?:s|ed|ing)?|keeps?\s+calling)\s+me\s+(?:names|${filler}${insult}|an?\s+(?:\w+\s+)?(?:idiot|moron|failure|joke|loser))\b|\b${people}\b[^.!?\n]{0,60}?\b(?:told|tells|telling|said\s+to|says\s+to)\s+me\s+(?:that\s+)?(?:i'?m|i\s+am|i\s+was|i'?d\s+never)\s+${filler}(?:${insult}|not\s+(?:smart|good)\s+enough|(?:be|get)\s+anywhere)\b|\b${people}\b[^.!?\n]{0,60}?\b(?:yell(?:s|ed|ing)?|scream(?:s|ed|ing)?|shout(?:s|ed|ing)?|swore|swears|swearing|laugh(?:s|ed|ing)?|sneer(?:s|ed|ing)?)\s+at\s+me\b|\b${people}\b[^.!?\n]{0,60}?\b(?:mock(?:s|ed|ing)?|ridicul(?:e|es|ed|ing)|humiliat(?:e|es|ed|ing)|belittl(?:e|es|ed|ing)|insult(?:s|ed|ing)?|threaten(?:s|ed|ing)?)\s+(?:me|my)\b|\b${people}\b[^.!?\n]{0,60}?\bthreaten(?:s|ed|ing)?\s+to\s+(?:fire|hit|hurt|report|sack)\s+me\b|\b(?:comments?|jokes?|remarks?)\s+about\s+my\s+(?:accent|race|skin|gender|sexuality|religion|weight|body|looks|age|name|disability|hijab|pregnancy)\b|\b(?:being|getting|been|was|am|i'?m)\s+(?:\w+\s+)?(?:bullied|harass(?:ed)?|humiliated|mocked|picked\s+on)\b|\b(?:bully(?:ing)?|harass(?:es|ing|ment))\s+(?:me|at\s+work)\b`,
    ),
  },
  // Body giving out: no sleep, crying, exhaustion.
  {
    pattern:
      /\b(?:haven'?t|have\s+not|didn'?t|did\s+not)\s+(?:eaten|eat|had\s+(?:a\s+)?(?:meal|food|anything\s+to\s+eat|lunch|dinner|breakfast))\s+(?:since|in|for|all)\b|\b(?:skipp(?:ed|ing)|no)\s+(?:meals|food)\s+(?:for|since)\b|\bforg(?:o|e)t\s+to\s+eat\b/,
    soft: true,
  },
  {
    pattern:
      /(?:^|[.!?,;:]\s*|\b(?:i|i'?ve|ive)\s+)(?:still\s+|really\s+|literally\s+)?(?:haven'?t|havent|have\s+not|didn'?t|didnt|did\s+not|can'?t|cant|cannot|couldn'?t|barely|not)\s+(?:really\s+|properly\s+)?(?:been\s+)?(?:slept|sleep(?:ing)?)\b|\bsleepless\b|\b(?:no|zero|barely\s+any)\s+sleep\b|\binsomnia\b/,
    soft: true,
  },
  {
    pattern:
      /\b(?:(?:been|was|am|i'?m|im|keep|kept|started|almost|nearly|literally)\s+|spent\s+\w+(?:\s\s+|\s+\w+\s+))(?:\w+\s+)?crying\b|\bin\s+tears\b|\b(?:made|makes|making)\s+me\s+cry\b|\bcry(?:ing)?\s+(?:myself\s+to\s+sleep|every\s+(?:day|night))\b/,
    soft: true,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:${iAm}|i\s+feel|feeling|i'?ve\s+been)\s+(?:so\s+|completely\s+|totally\s+|really\s+|just\s+|very\s+|mentally\s+|emotionally\s+)*(?:exhausted|drained|worn\s+out|burning\s+out|running\s+on\s+empty|miserable|depressed)\b${endsWell}`,
    ),
    soft: true,
  },
];

const frustrated = [
  /\bfrustrat(?:ed|ing|ion)\b/,
  /\bannoy(?:ed|ing)\b/,
  /\bfed\s+up\b/,
  /\bsick\s+(?:of|and\s+tired)\b/,
  /\bi\s+hate\s+(?:this|it|these|that)\b/,
  /\b(?:wtf|ffs)\b/,
  /\b(?:argh+|ugh+)\b/,
  /\bnothing\s+(?:works|is\s+working)\b/,
  /\bstill\s+(?:doesn'?t|does\s+not|isn'?t|is\s+not|not)\s+work/,
  /\bdriving\s+me\s+(?:crazy|nuts|mad|insane)\b/,
  /\bmakes\s+no\s+sense\b/,
  /\b(?:stuck|been\s+at\s+this|wasted)\s+(?:on\s+this\s+)?(?:for\s+)?(?:hours|ages|days|all\s+day|forever)\b/,
  /\bno\s+matter\s+what\s+i\s+(?:do|try)\b/,
  // Asking for a person instead of the mentor: whatever the mood, a human should answer.
  new RegExp(
    String.raw`\b(?:i\s+(?:want|need|demand|insist\s+on)|i\s+wanna|i'?d\s+(?:like|rather|prefer)|i\s+would\s+(?:like|rather|prefer)|let\s+me|can\s+i|could\s+i|may\s+i|get\s+me|give\s+me|bring\s+me|connect\s+me|put\s+me\s+through)\b[^.!?\n]{0,30}?\b(?:(?:a|an|some|the)\s+)?(?:(?:real|actual|live|human|flesh[\s-]and[\s-]blood)\s+(?:person|human|mentor|tutor|teacher|being|one|people)|human(?![\s-]+(?:readable|review\w*|language|error|eyes?|approval|check))\b|my\s+(?:real\s+|human\s+|actual\s+)?(?:${mentor}|human)(?!'s|\s+(?:said|says|told|approv\w*|review\w*))\b|(?:a|an)\s+(?:person|people)\b)`,
  ),
];

const mildSwearing = /\b(?:damn|dammit|shit|crap|fuck(?:ing)?|bloody)\b/;
/** Complaints that the mentor repeats itself: a mild cue, like swearing. */
const repeating =
  /\b(?:(?:already|just)\s+(?:told|said\s+to)\s+(?:you|u)|i\s+(?:already|just)\s+said|for\s+the\s+(?:\w+th|third|hundredth|last)\s+time|how\s+many\s+times)\b/;
/** A put-down word; shouted at the mentor ("WHY DO YOU GIVE ME THE SAME STUPID ANSWER") it is abuse. */
const putDown =
  /\b(?:stupid|dumb|useless|idiot\w*|moron\w*|garbage|trash|crap|shit|pathetic|worthless|incompetent|bullshit)\b/;
const laughter =
  /\b(?:lol|lmao|rofl|haha\w*|hehe\w*|jk|just\s+kidding)\b|😂|🤣|😅|😆|:\)|:d\b|xd\b/;

/**
 * A negation right before a phrase, at most one word between ("not frustrated", "not really
 * frustrated", "isn't frustrating"), cancels it. Punctuation ends the reach: "I don't know, I give up".
 */
const negation =
  /\b(?:not|never|no|don'?t|won'?t|isn'?t|wasn'?t|aren'?t|am\s+not|'m\s+not)\s+(?:[a-z']+\s+)?$/;

export function classifyFrustration(message: string): FrustrationAssessment {
  const text = message
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/[’‘]/g, "'");
  const lower = text.toLowerCase();
  const laughing = laughter.test(lower);

  const letters = text.replace(/[^A-Za-z]/g, '');
  const shouting =
    letters.length >= 12 && letters.replace(/[^A-Z]/g, '').length / letters.length >= 0.7;
  const shoutedPutDown =
    shouting && /\b(?:you|u|your|ur)\b/.test(lower) ? putDown.exec(lower) : null;

  for (const [level, patterns] of [
    ['crisis', crisis],
    ['abusive', abusive],
    ['despairing', despairing.filter((p) => !(p.soft && laughing)).map((p) => p.pattern)],
    ['frustrated', frustrated],
  ] as const) {
    const signals = matches(lower, patterns);
    if (level === 'abusive' && !signals.length && shoutedPutDown)
      signals.push('shouting', shoutedPutDown[0]);
    if (signals.length) return { level, signals };
  }

  const mild: string[] = [];
  const swear = mildSwearing.exec(lower);
  if (swear) mild.push(swear[0]);
  if (/!{3,}|(?:\?!|!\?){2,}/.test(text)) mild.push('!!!');
  if (shouting) mild.push('shouting');
  const again = repeating.exec(lower);
  if (again) mild.push(again[0]);
  return mild.length >= 2 ? { level: 'frustrated', signals: mild } : { level: 'none', signals: [] };
}

function matches(lower: string, patterns: readonly RegExp[]): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of lower.matchAll(global)) {
      if (!negation.test(negationReach(lower, match.index))) found.add(match[0].trim());
    }
  }
  return [...found];
}

/**
 * The end of `lower` before `index` that `negation` can match: blanks, a word, blanks, the negation
 * (at most "am" + blanks + "not"), and one character more for its word boundary. Testing the whole
 * text before every match made a message of many matches ("frustrated frustrated …") quadratic.
 */
function negationReach(lower: string, index: number): string {
  let start = index;
  const skip = (inside: (c: string) => boolean) => {
    while (start > 0 && inside(lower[start - 1]!)) start--;
  };
  const blank = (c: string) => /\s/.test(c);
  const word = (c: string) => /[a-z']/.test(c);
  for (const part of [blank, word, blank, word, blank, word, blank]) skip(part);
  return lower.slice(Math.max(0, start - 1), index);
}
