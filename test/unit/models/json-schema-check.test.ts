import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkJsonSchema } from '../../../src/models/json-schema-check.ts';
import { blockerDiagnosisSchema } from '../../../src/domain/contracts/blocker-diagnosis.ts';

const schema = z.toJSONSchema(blockerDiagnosisSchema) as Parameters<typeof checkJsonSchema>[1];
const valid = {
  category: 'technicalError',
  confidence: 0.7,
  evidence: ['x'],
  summary: 's',
  nextStep: 'n',
  reply: 'r',
};

describe('checkJsonSchema', () => {
  it('accepts a valid object and names the first problem of an invalid one', () => {
    expect(checkJsonSchema(valid, schema)).toBeUndefined();
    expect(checkJsonSchema({ ...valid, category: 'other' }, schema)).toMatch(
      /\$\.category: expected one of/,
    );
    expect(checkJsonSchema({ ...valid, confidence: 2 }, schema)).toMatch(/confidence: above 1/);
    expect(checkJsonSchema({ ...valid, evidence: [1] }, schema)).toMatch(
      /evidence\[0\]: expected string/,
    );
    const { reply: _reply, ...missing } = valid;
    expect(checkJsonSchema(missing, schema)).toBe('$.reply: required');
    expect(checkJsonSchema('text', schema)).toMatch(/expected object/);
  });

  it('agrees with zod on the agent schemas for random objects', () => {
    const candidates = [
      valid,
      { ...valid, confidence: -1 },
      { ...valid, evidence: 'x' },
      {},
      { ...valid, extra: 1 },
      { ...valid, summary: null },
    ];
    for (const c of candidates)
      expect(checkJsonSchema(c, schema) === undefined).toBe(
        blockerDiagnosisSchema.safeParse(c).success,
      );
  });
});
