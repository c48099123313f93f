import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import { startRecoverySweep } from '../../../src/runtime/recovery-sweep.ts';
import { testService } from '../sessions/fixtures/db.ts';
import { scriptedAgents } from './support/scripted-agents.ts';
import {
  closeHarnesses,
  eventsOf,
  eventually,
  harness,
  pool,
  sampleInput,
} from './support/harness.ts';

afterEach(closeHarnesses);
afterAll(() => pool.end());

async function mastraRunStatuses(id: string): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ run_id: string; status: string }>(
    "select run_id, snapshot->>'status' as status from mastra_workflow_snapshot where workflow_name = 'implementation' and (run_id = $1 or run_id like $1 || '-a%')",
    [id],
  );
  return Object.fromEntries(rows.map((r) => [r.run_id, r.status]));
}

describe('restart from a phase', () => {
  it('restarts a run that failed at the refinement bound from refine, re-using plan and review', async () => {
    const first = scriptedAgents({ reviewScores: [50, 60] });
    const a = harness({ agents: first });
    const { id } = await a.service.startImplementationRun({ ...sampleInput, maxRefinements: 1 });
    await a.service.idle();
    expect((await a.service.getRun(id)).status).toBe('failed');
    const planBefore = (await a.service.getRun(id)).artifacts.find((x) => x.kind === 'plan')!.id;

    const second = scriptedAgents({ reviewScores: [90] });
    const b = harness({ agents: second });
    await expect(b.service.restartRun(id, { fromPhase: 'refine' })).resolves.toEqual({
      id,
      status: 'queued',
      attempt: 2,
    });
    await b.service.idle();

    expect(second.calls).toEqual(['refine', 'review', 'implement']);
    const run = await b.service.getRun(id);
    expect(run).toMatchObject({ status: 'completed', attempt: 2, error: null });
    expect(run.output!.metrics.planScore).toBe(90);
    expect(run.artifacts.filter((x) => x.kind === 'plan').map((x) => x.id)).toEqual([planBefore]);
    const restarted = (await eventsOf(b.service, id)).find((e) => e.type === 'run.restarted');
    expect(restarted?.data).toEqual({
      fromPhase: 'refine',
      attempt: 2,
      reused: ['plan', 'review'],
    });
    expect(await mastraRunStatuses(id)).toEqual({ [id]: 'failed', [`${id}-a2`]: 'success' });
  });

  it('re-runs only the implementation of a completed run', async () => {
    const agents = scriptedAgents({ reviewScores: [55, 92] });
    const { service } = harness({ agents });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    agents.calls.length = 0;
    await service.restartRun(id, { fromPhase: 'implement' });
    await service.idle();
    expect(agents.calls).toEqual(['implement']);
    const run = await service.getRun(id);
    expect(run.status).toBe('completed');
    expect(run.output!.metrics.planScore).toBe(92);
    expect(run.artifacts.filter((x) => x.kind === 'implementation').map((x) => x.attempt)).toEqual([
      1, 2,
    ]);
  });

  it('asks for approval again after a rejection when restarted from approval', async () => {
    const agents = scriptedAgents({ reviewScores: [85] });
    const { service } = harness({ agents });
    const { id } = await service.startImplementationRun({ ...sampleInput, approval: true });
    await service.idle();
    await service.answerApproval(id, { approved: false, comment: 'not yet' });
    await service.idle();
    await service.restartRun(id, { fromPhase: 'approval' });
    await service.idle();
    const waiting = await service.getRun(id);
    expect(waiting).toMatchObject({
      status: 'awaiting_approval',
      attempt: 2,
      approval: { decision: null, comment: null },
    });
    await service.answerApproval(id, { approved: true });
    await service.idle();
    expect((await service.getRun(id)).status).toBe('completed');
    expect(agents.calls).toEqual(['plan', 'review', 'implement']);
  });

  it('refuses a phase whose predecessors have not completed, unknown runs, bad phases and running runs', async () => {
    let release!: () => void;
    const agents = scriptedAgents({
      reviewScores: [90],
      failures: { review: [new AppError('VALIDATION_ERROR', 'bad review')] },
    });
    const { service } = harness({ agents });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    const refused = service.restartRun(id, { fromPhase: 'implement' });
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'fromPhase',
      details: { completed: ['plan'] },
    });
    await expect(refused).rejects.toThrow(/phase review has not completed/);
    await expect(service.restartRun(id, { fromPhase: 'deploy' })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'fromPhase',
    });
    await expect(service.restartRun('wf_nope', { fromPhase: 'plan' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const held = scriptedAgents({
      reviewScores: [90],
      implementGate: new Promise<void>((r) => (release = r)),
    });
    const h = harness({ agents: held });
    const running = await h.service.startImplementationRun(sampleInput);
    await eventually(async () => held.calls.includes('implement'));
    await expect(h.service.restartRun(running.id, { fromPhase: 'plan' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { status: 'in_progress' },
    });
    release();
  });
});

describe('surviving a process restart', () => {
  it('a run waiting for approval is answered and finished by another Mastra instance', async () => {
    const a = harness({ agents: scriptedAgents({ reviewScores: [85] }) });
    const { id } = await a.service.startImplementationRun({ ...sampleInput, approval: true });
    await a.service.idle();
    await a.service.close();

    const agentsB = scriptedAgents({ reviewScores: [85] });
    const b = harness({ agents: agentsB });
    await b.service.answerApproval(id, { approved: true });
    await b.service.idle();
    expect(agentsB.calls).toEqual(['implement']);
    expect((await b.service.getRun(id)).status).toBe('completed');
  });

  it('a live process takes over a killed process’s run by itself, without a restart (continuous recovery)', async () => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./support/crash-child.ts', import.meta.url))],
      { env: { ...process.env, LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const agents = scriptedAgents({ reviewScores: [99] });
    const { service } = harness({ agents });
    const { service: sessions } = testService({ pool, turns: 'direct' });
    const logged: string[] = [];
    const log = (m: string) => void logged.push(m);
    // The live process runs nothing but its sweep; nobody calls recoverRuns().
    const sweep = startRecoverySweep({
      sessions,
      runs: service,
      logger: { info: log, warn: log, error: log },
      everyMs: 200,
    });
    try {
      const id = await eventually(async () => output.match(/RUN (wf_\w+)/)?.[1], 20_000);
      expect((await service.getRunStatus(id)).status).toBe('in_progress');
      child.kill('SIGKILL');
      await exited;
      await eventually(async () => (await service.getRunStatus(id)).status === 'completed', 20_000);
      expect(agents.calls).toEqual(['implement']);
      expect(logged).toContain('recovery: took over 1 implementation run(s) of dead processes');
    } finally {
      await sweep.stop();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);

  it('a run whose process was killed mid-phase is recovered from its checkpoints by a live process', async () => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./support/crash-child.ts', import.meta.url))],
      {
        env: { ...process.env, LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      const id = await eventually(async () => output.match(/RUN (wf_\w+)/)?.[1], 20_000).catch(
        () => {
          throw new Error(`child never reached the implementation phase:\n${output}`);
        },
      );

      const agents = scriptedAgents({ reviewScores: [99] });
      const { service } = harness({ agents });
      // The child is alive: its run is not anyone else's to take.
      expect(await service.recoverRuns()).toEqual([]);
      expect((await service.getRunStatus(id)).status).toBe('in_progress');

      child.kill('SIGKILL');
      await exited;
      const recovered = await eventually(async () => {
        const ids = await service.recoverRuns();
        return ids.length ? ids : undefined;
      });
      expect(recovered).toEqual([id]);
      await service.idle();

      expect(agents.calls).toEqual(['implement']);
      const run = await service.getRun(id);
      expect(run).toMatchObject({ status: 'completed', attempt: 2 });
      // The plan that passed review in the dead process (score 85 after one refinement) is the one implemented.
      expect(run.output!.metrics.planScore).toBe(85);
      const recoveredEvent = (await eventsOf(service, id)).find((e) => e.type === 'run.recovered');
      expect(recoveredEvent?.data).toEqual({
        attempt: 2,
        reused: ['plan', 'review', 'refine', 'approval'],
      });
      expect(await service.recoverRuns()).toEqual([]);
      // The dead process's Mastra run no longer looks active (a generic boot restart would skip it).
      expect(await mastraRunStatuses(id)).toEqual({ [id]: 'canceled', [`${id}-a2`]: 'success' });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 40_000);
});
