import { describe, expect, it } from 'vitest';
import { requirementCoverage } from '../../../workflows/implementation/coverage.ts';

describe('requirementCoverage', () => {
  it('counts the requirements some test names', () => {
    const requirements = ['OAuth support', 'MFA capability', 'Password reset by email'];
    expect(
      requirementCoverage(requirements, [
        "it('supports OAuth login')",
        "it('asks for the MFA code')",
      ]),
    ).toBe(67);
    expect(
      requirementCoverage(requirements, [
        "it('OAuth support')",
        "it('MFA capability')",
        "it('sends a password reset email')",
      ]),
    ).toBe(100);
    expect(requirementCoverage(requirements, ["it('renders the home page')"])).toBe(0);
    expect(requirementCoverage(requirements, ["it('sends an email')"])).toBe(0);
  });

  it('needs half the words of a long requirement, not just one', () => {
    const requirement = ['Rate limit login attempts per account and per address'];
    expect(requirementCoverage(requirement, ["it('login works')"])).toBe(0);
    expect(requirementCoverage(requirement, ["it('rate limits login attempts per account')"])).toBe(
      100,
    );
  });

  it('is 100 without requirements only when there are tests', () => {
    expect(requirementCoverage([], ["it('works')"])).toBe(100);
    expect(requirementCoverage([], [])).toBe(0);
  });
});
