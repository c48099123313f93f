/**
 * Step granularity (seed 001: slow progress → more support, fast progress → less guidance): a
 * learner who struggled gets compound plan steps split in two, one who flew through gets a
 * template's test-and-code pairs as one step. A learner's own steps are never merged.
 */
import type { Granularity } from './types.ts';

/** Splits "do A, then B" / "do A and return B" at its last clause boundary, when both halves are real steps. */
function split(step: string): string[] {
  const at = Math.max(
    step.lastIndexOf(', then '),
    step.lastIndexOf(', '),
    step.lastIndexOf(' and '),
  );
  if (at <= 0) return [step];
  const head = step.slice(0, at).trim();
  const tail = step
    .slice(at)
    .replace(/^,?\s*(?:then\s+|and\s+)?/, '')
    .trim();
  const words = (s: string) => s.split(/\s+/).length;
  if (words(head) < 4 || words(tail) < 3) return [step];
  return [head, tail.charAt(0).toUpperCase() + tail.slice(1)];
}

/** The learner's plan at the learner's granularity. */
export function adjustPlan(steps: readonly string[], granularity: Granularity): string[] {
  return granularity === 'fine' ? steps.flatMap(split).slice(0, 30) : [...steps];
}

/** A template plan ("Write a failing test for: X", "Make it pass: X", …) at the learner's granularity. */
export function adjustTemplate(steps: readonly string[], granularity: Granularity): string[] {
  if (granularity !== 'coarse') return [...steps];
  const out: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const test = /^Write a failing test for: (.*)$/.exec(steps[i]!);
    if (test && steps[i + 1] === `Make it pass: ${test[1]}`) {
      out.push(`Test and implement: ${test[1]}`);
      i++;
    } else out.push(steps[i]!);
  }
  return out;
}
