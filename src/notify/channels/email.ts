import nodemailer from 'nodemailer';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

/**
 * E-mail over SMTP (nodemailer, one pooled transport per process). Without SMTP_URL every e-mail
 * delivery fails with that reason, so the console shows why nobody was mailed.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      async send() {
        throw new Error('SMTP_URL is not set');
      },
      close() {},
    };
  }
  // A mail server that accepts the connection and then hangs is a failed attempt after these, not
  // a job held for nodemailer's default minutes.
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close() {
      transport.close();
    },
  };
}
