import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { retryDelayMs, settingsOf } from '../../../src/notify/index.ts';

/** The delivery configuration as operators write it (no database needed). */
const load = (env: Record<string, string>) => loadConfig({}, env);

describe('delivery configuration', () => {
  it('reads lists, durations and the Slack marker; scales the acknowledgement timeout', () => {
    const config = load({
      NOTIFY_WEBHOOK_URLS: ' https://a.test/hook , slack+https://hooks.slack.test/x ',
      ONCALL_EMAILS: 'a@b.test,c@d.test',
      ESCALATION_ACK_TIMEOUT: '2h',
      NOTIFY_RETRY_BASE: '1500ms',
      TIME_SCALE: '0.5',
    });
    expect(config.NOTIFY_WEBHOOK_URLS).toEqual([
      'https://a.test/hook',
      'slack+https://hooks.slack.test/x',
    ]);
    expect(config.ONCALL_EMAILS).toEqual(['a@b.test', 'c@d.test']);
    expect(config.NOTIFY_RETRY_BASE).toBe(1500);
    expect(settingsOf(config)).toEqual({
      webhookUrls: config.NOTIFY_WEBHOOK_URLS,
      oncallEmails: ['a@b.test', 'c@d.test'],
      ackTimeoutMs: 3_600_000,
    });
    expect(load({ ESCALATION_ACK_TIMEOUT: '90000' }).ESCALATION_ACK_TIMEOUT).toBe(90_000);
    expect(load({}).ESCALATION_ACK_TIMEOUT).toBe(30 * 60_000);
  });

  it('refuses a bad value naming the variable', () => {
    for (const [variable, value] of [
      ['NOTIFY_WEBHOOK_URLS', 'ftp://x.test'],
      ['ONCALL_EMAILS', 'not-an-address'],
      ['ESCALATION_ACK_TIMEOUT', 'soon'],
      ['SMTP_URL', 'http://mail.test'],
      ['NOTIFY_MAX_ATTEMPTS', '0'],
    ] as const) {
      expect(() => load({ [variable]: value }), variable).toThrow(
        expect.objectContaining({ code: 'CONFIG_ERROR', field: variable }),
      );
    }
  });

  it('backs off exponentially from the base, capped at 6 h, scaled by TIME_SCALE', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, 1))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelayMs(20, 30_000, 1)).toBe(6 * 3_600_000);
    expect(retryDelayMs(2, 30_000, 0.01)).toBe(600);
  });
});
