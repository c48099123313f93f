import type { FixVerdict, FixVerification } from '../../domain/contracts/fix-verification.ts';
import { replaceErrorPaths } from './source-paths.ts';
import { byLevel, num, profileOf, record, round2, rulesTag, str, strings } from './text.ts';

const positive =
  /\b(?:works?|working|fixed|solved|resolved|pass(?:es|ed|ing)?|green|all good|no (?:more )?errors?|that did it|success(?:ful)?)\b/i;
const negative =
  /\b(?:still (?:fails?|failing|broken|the same|get(?:ting)?|see(?:ing)?|red|not)|same (?:error|problem|issue)|(?:doesn'?t|does not|didn'?t|did not|won'?t) (?:work|help|change|fix)|not working|still broken|no luck|nothing changed|worse)\b/i;
const partial =
  /\b(?:partly|partially|some(?: of)?(?: the)? tests?|almost|mostly|but now|new error|another error|different error|one (?:more )?(?:test|error) (?:left|still)|fewer (?:errors|failures)|half)\b/i;

/** Errors compared without numbers, paths and quotes, so "line 12" and "line 14" are the same error. */
function normalise(error: string): string {
  // Paths go through a linear scanner: the equivalent pattern backtracks quadratically on "a-a-a-…".
  return replaceErrorPaths(error.toLowerCase(), '<file>')
    .replace(/\d+/g, '#')
    .replace(/['"`][^'"`]*['"`]/g, '<q>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/** Rules-mode fix verifier: checks after the fix, errors before and after, and what the learner reports. */
export function verifyFix(
  input: Record<string, unknown> | undefined,
  message: string,
): FixVerification {
  const { level } = profileOf(input);
  const report = str(input?.learnerReport) || (input ? '' : message);
  const checks = record(input?.checks);
  const before = strings(input?.errorsBefore);
  const after = strings(input?.errorsAfter);
  const failed = num(checks.testsFailed);
  const passed = num(checks.testsPassed);
  const buildOk = typeof checks.buildOk === 'boolean' ? checks.buildOk : undefined;
  const lint = num(checks.lintErrors);
  const types = num(checks.typeErrors);

  const remaining: string[] = [];
  const evidence: string[] = [];
  if (failed) remaining.push(`${failed} failing test${failed === 1 ? '' : 's'}`);
  if (buildOk === false) remaining.push('the build fails');
  if (lint) remaining.push(`${lint} lint error${lint === 1 ? '' : 's'}`);
  if (types) remaining.push(`${types} type error${types === 1 ? '' : 's'}`);
  for (const e of after) remaining.push(e);
  const beforeSet = new Set(before.map(normalise));
  const persisting = after.filter((e) => beforeSet.has(normalise(e)));
  const checksKnown =
    failed !== undefined ||
    buildOk !== undefined ||
    lint !== undefined ||
    types !== undefined ||
    after.length > 0 ||
    before.length > 0;
  const checksGreen =
    checksKnown && remaining.length === 0 && (passed === undefined || passed > 0 || failed === 0);

  if (persisting.length) evidence.push(...persisting.slice(0, 2));
  if (passed !== undefined || failed !== undefined)
    evidence.push(`tests: ${passed ?? 0} passed, ${failed ?? 0} failed`);
  const says = (re: RegExp) => {
    const m = re.exec(report);
    if (m)
      evidence.push(report.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).trim());
    return Boolean(m);
  };
  const saysNegative = says(negative);
  const saysPartial = !saysNegative && says(partial);
  const saysPositive = !saysNegative && !saysPartial && says(positive);

  let verdict: FixVerdict;
  let confidence: number;
  if (checksKnown) {
    if (checksGreen && !saysNegative)
      [verdict, confidence] = ['fixConfirmed', saysPositive ? 0.9 : 0.8];
    else if (
      persisting.length &&
      persisting.length === after.length &&
      after.length >= before.length &&
      !saysPartial
    )
      [verdict, confidence] = ['stillBroken', 0.85];
    else if (saysNegative && !(before.length && after.length < before.length))
      [verdict, confidence] = ['stillBroken', 0.7];
    else [verdict, confidence] = ['partialFix', 0.65];
  } else if (saysNegative) [verdict, confidence] = ['stillBroken', 0.6];
  else if (saysPartial) [verdict, confidence] = ['partialFix', 0.6];
  else if (saysPositive) [verdict, confidence] = ['fixConfirmed', 0.6];
  else [verdict, confidence] = ['partialFix', 0.3];

  const reply =
    verdict === 'fixConfirmed'
      ? `${rulesTag} ${byLevel(level, { beginner: 'The fix works and the checks are green. Well done! Take a second to note what caused the problem, so you recognise it next time.', intermediate: 'Fix confirmed: checks are green.', advanced: 'Confirmed.' })}`
      : verdict === 'partialFix'
        ? `${rulesTag} Progress, but not done yet.${remaining.length ? ` Still open: ${remaining.slice(0, 3).join('; ')}.` : ''} ${byLevel(level, { beginner: 'Pick the first remaining problem and read its message closely: is it the same cause or a new one?', intermediate: 'Is what remains the same cause or a new one?', advanced: '' })}`.trim()
        : `${rulesTag} The problem is still there${persisting.length ? ` (same error: "${persisting[0]}")` : ''}. ${byLevel(level, { beginner: 'That is useful information: the cause is somewhere else. What did the fix change, and which value is still wrong?', intermediate: 'The cause is elsewhere; let us try another angle.', advanced: 'Different cause; try another approach.' })}`;
  return {
    verdict,
    confidence: round2(confidence),
    remainingIssues: remaining,
    evidence: [...new Set(evidence)].slice(0, 4),
    reply,
  };
}
