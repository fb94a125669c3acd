import { env } from '../config/env.ts';
import type { SendMail } from './outbox.ts';
import { createSmtpSender } from './smtp-sender.ts';

let sender: SendMail | undefined;

/** The configured way out for mail, or undefined: without SMTP_URL mail waits in the outbox. */
export function appMailSender(): SendMail | undefined {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return undefined;
  sender ??= createSmtpSender({ smtpUrl: SMTP_URL, from: MAIL_FROM });
  return sender;
}
