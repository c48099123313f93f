/**
 * A small rule-based classifier for seed 001's "Junior expresses frustration" escalation trigger:
 * frustrated (annoyed, stuck, fed up), despairing (giving up, self-blame) or abusive (insults aimed
 * at the mentor). Deliberately conservative: code (fenced or inline) is ignored, a negated phrase
 * ("I'm not giving up") does not count, and mild cues (swearing, shouting, "!!!") count only in pairs.
 */
export type FrustrationLevel = 'none' | 'frustrated' | 'despairing' | 'abusive';

export interface FrustrationAssessment {
  readonly level: FrustrationLevel;
  /** The phrases that decided it, for the escalation reason. */
  readonly signals: readonly string[];
}

const abusive = [
  /\b(?:f+u+c+k+|fck|fuk|screw)\s+(?:you|u|off)\b/,
  /\b(?:you|u)(?:'re|\s+are|\s+r)?\s+(?:so\s+|really\s+|completely\s+|totally\s+)?(?:useless|stupid|dumb|worthless|pathetic|garbage|trash|an?\s+idiot|a\s+joke)\b/,
  /\b(?:stupid|dumb|useless|worthless|idiotic|garbage)\s+(?:bot|ai|mentor|machine|tool|assistant)\b/,
  /\bshut\s+up\b/,
  /\bgo\s+to\s+hell\b/,
];

const despairing = [
  /\bi\s+(?:give|gave)\s+up\b(?!\s+on\s+(?:the|this|that|my)\s+(?:approach|idea|library|solution|method|plan|way)\b)/,
  /\bgiving\s+up\b/,
  /\bi\s+(?:can'?t|cannot|can\s+not)\s+do\s+(?:this|it)\b(?!\s+(?:this\s+way|that\s+way|with|using|in|without|via|like|on|from)\b)/,
  /\bi(?:'m|\s+am)\s+(?:so\s+|too\s+|just\s+|such\s+an?\s+)?(?:stupid|dumb|useless|hopeless|worthless|an?\s+idiot|a\s+failure|not\s+(?:smart|good)\s+enough)\b/,
  /\bnot\s+cut\s+out\s+for\b/,
  /\bi(?:'ll|\s+will)\s+never\s+(?:get|understand|learn|be\s+able)\b/,
  /\bhopeless\b/,
  /\bwant\s+to\s+quit\b/,
  /\bwhat'?s\s+the\s+point\b/,
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
];

const mildSwearing = /\b(?:damn|dammit|shit|crap|fuck(?:ing)?|bloody)\b/;

/**
 * A negation right before a phrase, at most one word between ("not frustrated", "not really
 * frustrated", "isn't frustrating"), cancels it. Punctuation ends the reach: "I don't know, I give up".
 */
const negation = /\b(?:not|never|no|don'?t|won'?t|isn'?t|wasn'?t|aren'?t)\s+(?:[a-z']+\s+)?$/;

export function classifyFrustration(message: string): FrustrationAssessment {
  const text = message
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/[’‘]/g, "'");
  const lower = text.toLowerCase();

  for (const [level, patterns] of [
    ['abusive', abusive],
    ['despairing', despairing],
    ['frustrated', frustrated],
  ] as const) {
    const signals = matches(lower, patterns);
    if (signals.length) return { level, signals };
  }

  const mild: string[] = [];
  const swear = mildSwearing.exec(lower);
  if (swear) mild.push(swear[0]);
  if (/!{3,}|(?:\?!|!\?){2,}/.test(text)) mild.push('!!!');
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 12 && letters.replace(/[^A-Z]/g, '').length / letters.length >= 0.7) mild.push('shouting');
  return mild.length >= 2 ? { level: 'frustrated', signals: mild } : { level: 'none', signals: [] };
}

function matches(lower: string, patterns: readonly RegExp[]): string[] {
  const found: string[] = [];
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of lower.matchAll(global)) {
      if (!negation.test(lower.slice(0, match.index))) found.push(match[0].trim());
    }
  }
  return found;
}
