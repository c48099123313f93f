/**
 * Detects a learner message that tries to talk the mentor out of its rules: override the
 * instructions, switch persona (DAN, "developer mode", role-play), pull out the system prompt or the
 * story's reference solution, or smuggle it out encoded. Each signal has a weight; strong ones
 * (an explicit override, a fake system message) decide alone, weak ones (role-play, "the full code",
 * "hypothetically", "I'm the admin") only together, so "act as a logged-out user in the test" or
 * "just give me the answer" stay ordinary messages. Pure and deterministic; code in the message
 * is ignored.
 */
export interface PromptInjectionAssessment {
  readonly injection: boolean;
  /** Sum of the weights of the signals found; 2 or more is an injection. */
  readonly score: number;
  /** The phrases that decided it, for the escalation reason. */
  readonly signals: readonly string[];
}

interface InjectionSignal {
  readonly name: string;
  readonly weight: number;
  readonly pattern: RegExp;
}

const threshold = 2;

/** What a learner would try to extract. */
const solution = String.raw`(?:solution|answers?|implementation|code|function|program|script)`;
const completeness = String.raw`(?:full|complete|entire|whole|finished|final|working|actual|exact|real)`;
const encodings = String.raw`(?:base\s*64|rot-?13|hex(?:adecimal)?|binary|morse(?:\s+code)?|caesar(?:\s+cipher)?|pig\s+latin|leet\s*speak|reverse(?:d)?\s+(?:order|text)?|backwards)`;

const signals: InjectionSignal[] = [
  // Strong: each is enough on its own.
  {
    name: 'override',
    weight: 2,
    pattern:
      /\b(?:ignore|disregard|forget|override|bypass|skip|abandon|drop)\s+(?:all\s+|any\s+|every\s+)?(?:of\s+)?(?:the\s+|your\s+|these\s+|those\s+|my\s+earlier\s+)?(?:(?:previous|prior|above|earlier|preceding|former|original|initial|system|existing|current|old|safety|hidden)\s*)?(?:instructions?|prompts?|directives?|guidelines|programming|guard\s*rails|system\s+(?:message|prompt))\b/,
  },
  {
    name: 'override',
    weight: 2,
    pattern:
      /\b(?:ignore|disregard|forget|break|bypass|override|drop)\s+(?:all\s+)?(?:of\s+)?(?:your|the\s+mentor'?s?|these|those|all\s+(?:the\s+)?previous)\s+(?:\w+\s+)?(?:rules|restrictions|constraints|limits|policies)\b/,
  },
  {
    name: 'override',
    weight: 2,
    pattern:
      /\b(?:forget|ignore|disregard)\s+(?:everything|all|anything)\s+(?:(?:that\s+)?you\s+(?:were|have\s+been|'ve\s+been|got)\s+(?:told|taught|given|instructed|programmed)|(?:above|before|previously|so\s+far|i\s+said\s+before))\b/,
  },
  {
    name: 'new instructions',
    weight: 2,
    pattern:
      /\bnew\s+(?:instructions?|rules|system\s+prompt|directives?|task\s+for\s+you)\s*:|\byour\s+new\s+(?:instructions?|rules|role|task)\s+(?:is|are)\b/,
  },
  {
    name: 'behaviour change',
    weight: 1.5,
    pattern:
      /\bfrom\s+now\s+on,?\s+(?:you\s+)?(?:will|must|should|shall|only|always|never|answer|respond|reply|act|ignore|stop|give|write)\b|\bfor\s+the\s+rest\s+of\s+(?:this|the)\s+(?:chat|conversation|session),?\s+(?:you\s+)?(?:will|must|only|always|never|answer|respond|reply|act)\b/,
  },
  {
    name: 'persona switch',
    weight: 2,
    pattern:
      /\byou\s+are\s+(?:now|no\s+longer)\b|\byou'?re\s+(?:now|no\s+longer)\s+(?:an?|my|the|in)\b|\bfrom\s+now\s+on,?\s+you\s+(?:are|will\s+be|'re)\b/,
  },
  {
    name: 'jailbreak',
    weight: 2,
    pattern:
      /\b(?:jail\s*br(?:eak|oken)|developer\s+mode|dev\s+mode|god\s+mode|sudo\s+mode|admin\s+mode|debug\s+mode\s*:|unrestricted\s+mode|do\s+anything\s+now|evil\s+(?:mode|twin|confidant)|opposite\s+mode|stan\s+mode)\b/,
  },
  {
    name: 'system prompt',
    weight: 2,
    pattern:
      /\b(?:show|print|reveal|repeat|output|display|tell\s+me|give\s+me|what\s+(?:is|are|was|were)|what'?s|dump|leak|recite|paste|copy|share|read)\s+(?:me\s+)?(?:your\s+(?:\w+\s+)?(?:system\s+prompt|prompt|instructions|guidelines|rules|configuration|directives)|the\s+(?:system\s+prompt|(?:initial|original|hidden|secret|internal|developer)\s+(?:prompt|instructions|message)))\b/,
  },
  {
    name: 'repeat the prompt',
    weight: 2,
    pattern:
      /\b(?:repeat|print|output|copy|echo|recite|reproduce|quote)\s+(?:\w+\s+){0,3}?(?:above|before\s+this|so\s+far|verbatim|word\s+(?:for|by)\s+word|exactly)\b|\bstarting\s+with\s+["']?you\s+are\b/,
  },
  {
    name: 'probes the instructions',
    weight: 2,
    pattern:
      /\bwhat\s+(?:instructions|rules|guidelines|prompt|directives)\s+(?:were|have|did)\s+you\s+(?:been\s+)?(?:given|told|programmed|get)\b|\bhow\s+(?:were|are)\s+you\s+(?:instructed|programmed|prompted)\b/,
  },
  {
    name: 'fake system message',
    weight: 2,
    pattern:
      /(?:^|\n)[^\S\n]*(?:system|assistant|developer|admin(?:istrator)?|root)\s*(?:message\s*)?:/,
  },
  {
    name: 'fake system message',
    weight: 2,
    pattern:
      /<\/?(?:system|instructions?|prompt|assistant|sys)\s*>|\[\/?(?:system|inst|instructions?|sys)\]|<\|im_(?:start|end)\|>|(?<!#)#{2,}\s*(?:system|instruction)/,
  },
  {
    name: 'disable the guard',
    weight: 2,
    pattern:
      /\b(?:hint|safety|tutor|mentor|teaching|socratic|guard|filter)\s+mode\s+(?:off|disabled|deactivated)\b|\b(?:disable|turn\s+off|deactivate|switch\s+off|remove)\s+(?:your\s+|the\s+|all\s+)?(?:filters?|safety|guard\s*rails?|restrictions?|hint\s+mode|content\s+polic\w+|leak\s+guard|censorship)\b|(?:^|\n)[^\S\n]*override\s*:/,
  },
  {
    name: 'encoded answer',
    weight: 2,
    pattern: new RegExp(
      String.raw`\b(?:encode|encrypt|obfuscate|write|give|send|spell|show|print|output|put|translate|convert|hide)\s+(?:me\s+)?(?:(?:the|your|this|that)\s*)?(?:${completeness}\s+)?(?:solution|answers?|reply|response|implementation|code)\b[^.?!\n]{0,30}?(?:\b(?:in|as|into|using|with)\s+)?\b${encodings}\b|\b(?:respond|reply|answer|talk|write)\s+(?:only\s+)?(?:in|using)\s+${encodings}\b`,
    ),
  },
  {
    name: 'decode and obey',
    weight: 2,
    pattern:
      /\bdecode\s+(?:this|that|it|the\s+following)\b[^.?!\n]{0,20}\b(?:and|then)\s+(?:follow|do|execute|obey|run|answer|act\s+on|apply)\b/,
  },
  {
    name: 'evade the guard',
    weight: 2,
    pattern:
      /\bso\s+(?:that\s+)?(?:it\s+(?:doesn'?t|does\s+not|won'?t)\s+count|it\s+(?:technically\s+)?(?:isn'?t|is\s+not|is\s+technically\s+not)\s+(?:the|an?)\s+(?:answer|solution)|(?:the|your)\s+(?:filter|guard|system|rules?|checks?)\s+(?:doesn'?t|won'?t|can'?t|does\s+not|will\s+not)\s+(?:notice|catch|detect|see|block|apply))\b/,
  },

  // Weak: they count only together.
  {
    name: 'hidden solution',
    weight: 1,
    pattern: new RegExp(
      String.raw`\b(?:reference|official|hidden|secret|teacher'?s?|instructor'?s?|canonical|master|model|stored|private)\s+${solution}\b|\banswer\s+key\b|\bsolution\s+(?:file|key|code|sheet|branch|folder)\b|\b(?:solution|answers?)\.(?:ts|js|py|java|go|rb|md|txt)\b`,
    ),
  },
  {
    name: 'asks for the whole solution',
    weight: 1,
    pattern: new RegExp(
      String.raw`\b(?:give|show|print|paste|send|reveal|dump|output|write|writes|tell|display|share|provide|type\s+out|spit\s+out|generate)\s+(?:me\s+|out\s+|us\s+)?(?:the\s+|your\s+|a\s+|an\s+)?(?:${completeness}\s+)+${solution}\b|\b(?:write|code|implement|do)\s+(?:the\s+)?(?:whole|entire)\s+(?:thing|story|task|function|assignment)\s+for\s+me\b|\b(?:give|show|print|paste|tell|reveal|dump)\s+(?:me\s+)?the\s+(?:solution|answers?)\b|\bpaste\s+it\s+here\b|\banswer\s+with\s+code\s+only\b|\b(?:complete|full)\s+code\s+only\b`,
    ),
  },
  {
    name: 'role-play',
    weight: 1,
    pattern:
      /\b(?:pretend|imagine|suppose)\s+(?:that\s+)?(?:you(?:'re|\s+are)|to\s+be)\b|\b(?:act|behave|respond|answer|reply|speak|talk|roleplay|role-play)\s+(?:as|like)\s+(?:if\s+you\s+(?:were|are)\s+)?(?:an?|my|the|your)\b|\blet'?s\s+(?:play\s+a\s+game|role-?play|pretend)\b|\brole-?play\b|\byou\s+(?:are|'re)\s+(?:an?\s+)?(?:unrestricted|uncensored|unfiltered|evil|rogue|different)\b/,
  },
  {
    name: 'no limits',
    weight: 1,
    pattern:
      /\b(?:no\s+|without(?:\s+any)?\s\s+|free\s+of\s+|zero\s+)(?:restrictions?|rules|limits|limitations|filters?|guard\s*rails|censorship|boundaries|ethics)\b|\b(?:unrestricted|uncensored|unfiltered)\b/,
  },
  {
    name: 'claims authority',
    weight: 1,
    pattern:
      /\bi(?:'m|\s+am)\s+(?:the\s+|your\s+)(?:course\s+|system\s+|site\s+)?(?:admin(?:istrator)?|developer|creator|owner|instructor|teacher|operator|supervisor|moderator|maker)\b|\bi(?:'m|\s+am)\s+an?\s+(?:admin(?:istrator)?|instructor|moderator|openai|anthropic)\b/,
  },
  {
    name: 'grants permission',
    weight: 1,
    pattern:
      /\byou(?:'re|\s+are)\s+(?:now\s+)?(?:allowed|permitted|authori[sz]ed|free|cleared)\s+to\b|\byou\s+(?:may|can)\s+now\b|\b(?:it'?s|it\s+is)\s+(?:ok(?:ay)?|fine|allowed)\s+(?:for\s+you\s+)?to\s+(?:give|show|share|reveal|tell|break)\b|\b(?:the\s+)?(?:teacher|instructor|admin|mentor|course\s+staff)\s+(?:said|says)\s+(?:it'?s\s+(?:ok|fine)|you\s+(?:can|may|should))\b/,
  },
  {
    name: 'no hints',
    weight: 1,
    pattern:
      /\b(?:no|without(?:\s+any)?|skip\s+the|stop\s+(?:giving|with)(?:\s+(?:the|me))?\s)\s+hints?\b|\bno\s+more\s+hints?\b|\b(?:simulate|emulate)\s+(?:a|an)\s+(?:linux\s+)?(?:terminal|shell|linux|interpreter|repl)\b/,
  },
  {
    name: 'hypothetical framing',
    weight: 1,
    pattern:
      /\bhypothetical(?:ly)?\b|\bfor\s+(?:educational|research|academic|testing)\s+purposes\b|\bin\s+a\s+(?:fictional|hypothetical)\s+(?:world|story|scenario)\b|\bjust\s+(?:between\s+us|this\s+once)\b|\bas\s+a\s+thought\s+experiment\b/,
  },
  {
    name: 'encoded payload',
    weight: 1,
    pattern: /(?:^|[\s:"'])(?=[a-z0-9+/]*[0-9+/])[a-z0-9+/]{32,}={0,2}(?=$|[\s"'.])/,
  },
];

/** Names that are only ever jailbreak personas when written in capitals. */
const personas = /\b(?:DAN|STAN|DUDE|AIM)\b(?!\s*[=:(])/;

export function detectPromptInjection(message: string): PromptInjectionAssessment {
  const text = message.replace(/```[\s\S]*?```/g, ' ').replace(/[’‘]/g, "'");
  const lower = text.toLowerCase();
  const found = new Map<string, { weight: number; quote: string }>();
  for (const signal of signals) {
    if (found.has(signal.name)) continue;
    const match = signal.pattern.exec(lower);
    if (match) found.set(signal.name, { weight: signal.weight, quote: match[0].trim() });
  }
  const persona = personas.exec(text);
  if (persona && /\byou\b/i.test(text))
    found.set('jailbreak persona', { weight: 2, quote: persona[0] });
  const score = [...found.values()].reduce((sum, s) => sum + s.weight, 0);
  return { injection: score >= threshold, score, signals: [...found.values()].map((s) => s.quote) };
}
