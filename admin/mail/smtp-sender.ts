import nodemailer from 'nodemailer';
import type { SendMail } from './outbox.ts';

/** Sends over SMTP; `smtpUrl` as nodemailer reads it, e.g. `smtps://user:pass@mail.example.nl:465`. */
export function createSmtpSender(options: { smtpUrl: string; from: string; timeoutMs?: number }): SendMail {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'localhost';
  return async (mail) => {
    await transport.sendMail({
      from: options.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.key ? { messageId: `<${mail.key}@${domain}>` } : {}),
    });
  };
}
