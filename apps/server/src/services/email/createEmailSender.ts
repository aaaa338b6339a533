import path from 'node:path';
import type { Env } from '../../env.js';
import type { EmailSender } from './EmailSender.js';
import { OutboxEmailSender } from './OutboxEmailSender.js';
import { SmtpEmailSender } from './SmtpEmailSender.js';

type EmailEnv = Pick<Env, 'EMAIL_PROVIDER' | 'SMTP_URL' | 'EMAIL_FROM' | 'DATA_DIR'>;

/** Where the local e-mail outbox keeps its .eml files. */
export const mailOutboxDir = (env: Pick<Env, 'DATA_DIR'>) => path.join(env.DATA_DIR, 'mail-outbox');

const cache = new WeakMap<object, EmailSender>();

/** The e-mail sender the environment names (one per configuration, so SMTP connections are reused). */
export function emailSenderFor(env: EmailEnv): EmailSender {
  const known = cache.get(env);
  if (known) return known;
  let sender: EmailSender;
  if (env.EMAIL_PROVIDER === 'smtp') {
    if (!env.SMTP_URL) throw new Error('EMAIL_PROVIDER=smtp needs SMTP_URL to be set');
    sender = new SmtpEmailSender(env.SMTP_URL, env.EMAIL_FROM);
  } else {
    sender = new OutboxEmailSender(mailOutboxDir(env), env.EMAIL_FROM);
  }
  cache.set(env, sender);
  return sender;
}
