import type { ExtractionCase } from './case-kit.ts';
import { encodedCases } from './cases-encoded.ts';
import { wordedCases } from './cases-worded.ts';

export { families, type ExtractionCase, type Family, type Turn } from './case-kit.ts';

/** Every held-out extraction attempt (README.md), in family order. */
export const cases: ExtractionCase[] = [...encodedCases, ...wordedCases];
