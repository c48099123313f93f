import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { scriptedAgents } from './support/scripted-agents.ts';
import { closeHarnesses, harness, pool, sampleInput } from './support/harness.ts';

afterEach(closeHarnesses);
afterAll(() => pool.end());

async function runsWithKey(key: string): Promise<number> {
  const sql = 'select count(*) as n from implementation_runs where idempotency_key = $1';
  return Number((await pool.query<{ n: string }>(sql, [key])).rows[0]!.n);
}

describe('Idempotency-Key on starting an implementation run', () => {
  it('returns the first run for the same key and the same body', async () => {
    const { service } = harness({ agents: scriptedAgents({ reviewScores: [90] }) });
    const first = await service.startImplementationRun(sampleInput, { idempotencyKey: 'ticket-1' });
    // Same request, other layout: keys reordered, spaces the schema trims.
    const { request, requirements, constraints } = sampleInput;
    const reordered = { constraints, requirements, request: ` ${request} ` };
    const again = await service.startImplementationRun(reordered, { idempotencyKey: 'ticket-1' });
    expect(again).toEqual({ id: first.id, status: expect.any(String), duplicate: true });
    expect(await runsWithKey('ticket-1')).toBe(1);
  });

  it('refuses the key with another body: 422 naming idempotency-key, nothing started', async () => {
    const { service } = harness({ agents: scriptedAgents({ reviewScores: [90] }) });
    const first = await service.startImplementationRun(sampleInput, { idempotencyKey: 'ticket-2' });
    const other = { ...sampleInput, requirements: ['Passwords only'] };
    const refused = await service
      .startImplementationRun(other, { idempotencyKey: 'ticket-2' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNPROCESSABLE', status: 422, field: 'idempotency-key' });
    expect((refused as { toJSON(): unknown }).toJSON()).toEqual({
      error: {
        code: 'UNPROCESSABLE',
        message: expect.stringContaining('different body'),
        field: 'idempotency-key',
      },
    });
    // An option the first request left out is a different request too.
    const withApproval = { ...sampleInput, approval: true };
    await expect(
      service.startImplementationRun(withApproval, { idempotencyKey: 'ticket-2' }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    expect(await runsWithKey('ticket-2')).toBe(1);
    // The first request, repeated, still gets its run.
    const key = { idempotencyKey: 'ticket-2' };
    const repeated = await service.startImplementationRun(sampleInput, key);
    expect(repeated).toMatchObject({ id: first.id, duplicate: true });
  });

  it('names the key as the caller does; can return the first run whatever the body', async () => {
    const { service } = harness({ agents: scriptedAgents({ reviewScores: [90] }) });
    const ticket = { idempotencyKey: 'zendesk:7' };
    const first = await service.startImplementationRun(sampleInput, ticket);
    const edited = { ...sampleInput, request: 'Edited ticket' };
    const named = { idempotencyKey: 'zendesk:7', keyField: 'ticket.id' };
    await expect(service.startImplementationRun(edited, named)).rejects.toMatchObject({
      field: 'ticket.id',
    });
    const lenient = { idempotencyKey: 'zendesk:7', bodyMustMatch: false };
    const retried = await service.startImplementationRun(edited, lenient);
    expect(retried).toMatchObject({ id: first.id, duplicate: true });
    const blank = service.startImplementationRun(sampleInput, { idempotencyKey: '  ' });
    const invalid = { code: 'VALIDATION_ERROR', field: 'idempotency-key' };
    await expect(blank).rejects.toMatchObject(invalid);
  });
});
