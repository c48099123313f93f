import { MastraClient } from '@mastra/client-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentIds } from '../../agents/index.ts';
import { startServer, type CliProcess } from '../helpers/spawn-cli.ts';

/** Mastra's own client against `mentorflow start`: the standard API works behind our API keys. */
describe('@mastra/client-js against mentorflow', () => {
  let server: CliProcess & { url: string };
  let client: MastraClient;

  beforeAll(async () => {
    server = await startServer({
      MODEL: '',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      MENTORFLOW_API_KEYS: 'studio-key',
    });
    client = new MastraClient({
      baseUrl: server.url,
      headers: { authorization: 'Bearer studio-key' },
      retries: 0,
    });
  });
  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('lists every mentorflow agent', async () => {
    const agents = await client.listAgents();
    expect(Object.keys(agents).sort()).toEqual([...agentIds].sort());
    expect(agents['hint-giver']).toMatchObject({ name: expect.any(String) });
    expect(agentIds.length).toBeGreaterThanOrEqual(10);
  });

  it('lists the workflows, with their ids as names', async () => {
    const workflows = await client.listWorkflows();
    const names = Object.values(workflows).map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['system-check', 'mentor-turn', 'diagnose-blocker', 'implementation']),
    );
    const details = await client.getWorkflow('systemCheckWorkflow').details();
    expect(details.name).toBe('system-check');
    expect(Object.keys(details.steps)).toContain('check-database');
  });

  it('runs the system-check workflow and reads the run back', async () => {
    const workflow = client.getWorkflow('systemCheckWorkflow');
    const run = await workflow.createRun();
    const result = await run.startAsync({ inputData: {} });
    expect(result.status).toBe('success');
    const output = (
      result as { result: { database: { kind: string }; schema: { pending: string[] } } }
    ).result;
    expect(output.database.kind).toBe('external');
    expect(output.schema.pending).toEqual([]);
    const stored = await workflow.runById(run.runId);
    expect(stored).toMatchObject({
      runId: run.runId,
      workflowName: 'system-check',
      status: 'success',
    });
  });

  it('talks to an agent (rules mode) through the standard agent route', async () => {
    const reply = await client
      .getAgent('hint-giver')
      .generate('I am stuck on computing the offset for page 2 of the book list');
    expect(reply.text).toMatch(/rules mode/);
    expect(reply.text.length).toBeGreaterThan(20);
  });

  it('gets the same 401 error shape without a key', async () => {
    const anonymous = new MastraClient({ baseUrl: server.url, retries: 0 });
    await expect(anonymous.listAgents()).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('UNAUTHORIZED'),
    });
  });
});
