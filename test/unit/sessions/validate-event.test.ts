import { describe, expect, it } from 'vitest';
import { eventIdFor, validateEvent } from '../../../src/sessions/ingest.ts';

const sessionId = '3f1c2a4e-0b7d-4c1e-9a55-7b0c7d1e2f30';
const junit = `<?xml version="1.0"?><testsuites><testsuite name="cart"><testcase name="sums"/><testcase name="empty"><failure message="expected 0">x</failure></testcase></testsuite></testsuites>`;

describe('validateEvent', () => {
  it('names `type` for an unknown type, listing what is accepted', () => {
    expect(() => validateEvent(sessionId, 'story', { type: 'dance' })).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_ERROR', field: 'type' }),
    );
    // A story-machine event is unknown to a lifecycle session.
    expect(() => validateEvent(sessionId, 'lifecycle', { type: 'storyLoaded' })).toThrowError(
      expect.objectContaining({
        field: 'type',
        details: expect.objectContaining({
          machineEvents: expect.arrayContaining(['START', 'SUBMIT_PROGRESS']),
        }),
      }),
    );
  });

  it('names the data field at fault', () => {
    expect(() =>
      validateEvent(sessionId, 'story', { type: 'learner-message', data: { text: '' } }),
    ).toThrowError(expect.objectContaining({ field: 'data.text' }));
    expect(() => validateEvent(sessionId, 'story', { type: 'lint', data: {} })).toThrowError(
      expect.objectContaining({ field: 'data.errorCount' }),
    );
    expect(() =>
      validateEvent(sessionId, 'story', {
        type: 'test-run',
        data: { report: '<testsuites><oops' },
      }),
    ).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION_ERROR',
        field: expect.stringMatching(/^data\.report/),
      }),
    );
    expect(() => validateEvent(sessionId, 'story', { id: '', type: 'commit' })).toThrowError(
      expect.objectContaining({ field: 'id' }),
    );
  });

  it('stores a report as its parsed summary', () => {
    const event = validateEvent(sessionId, 'story', {
      type: 'test-run',
      data: { report: junit, taskId: 't1' },
    });
    expect(event.data).toMatchObject({
      format: 'junit',
      total: 2,
      passed: 1,
      failed: 1,
      failures: [{ name: expect.stringContaining('empty') }],
      taskId: 't1',
    });
    expect(event.data).not.toHaveProperty('report');
    expect(
      validateEvent(sessionId, 'story', { type: 'coverage', data: { lines: 91.5 } }).data,
    ).toEqual({ lines: 91.5, statements: 91.5, functions: 91.5, branches: 91.5 });
    expect(
      validateEvent(sessionId, 'story', {
        type: 'build',
        data: { success: false, errors: ['error TS2304: Cannot find name x'] },
      }).data,
    ).toMatchObject({
      success: false,
      signature: expect.any(String),
    });
  });

  it('accepts machine events by name with free data', () => {
    expect(
      validateEvent(sessionId, 'story', { type: 'storyLoaded', data: { note: 1 } }),
    ).toMatchObject({ type: 'storyLoaded', data: { note: 1 } });
    expect(
      validateEvent(sessionId, 'lifecycle', { type: 'SET_GOALS', data: { goals: [] } }).type,
    ).toBe('SET_GOALS');
  });

  it('derives the event id from the key; no key means a fresh one', () => {
    const a = validateEvent(sessionId, 'story', { id: 'msg-1', type: 'commit' });
    const b = validateEvent(sessionId, 'story', { id: 'msg-1', type: 'commit' });
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(eventIdFor(sessionId, 'msg-1'));
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdFor('other-session', 'msg-1')).not.toBe(a.id);
    const c = validateEvent(sessionId, 'story', { type: 'commit' });
    const d = validateEvent(sessionId, 'story', { type: 'commit' });
    expect(c.key).toBeNull();
    expect(c.id).not.toBe(d.id);
  });
});
