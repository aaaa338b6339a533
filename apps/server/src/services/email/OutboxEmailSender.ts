import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { maskEmail } from '@fw/shared';
import type { EmailMessage, EmailSender } from './EmailSender.js';

/**
 * Local EmailSender: composes the real RFC 822 message (nodemailer's stream transport) and writes it to
 * `dir` as <time>-<id>.eml, with a .json beside it (recipient masked, subject, text) that the development
 * outbox page lists. Nothing leaves the machine.
 */
export class OutboxEmailSender implements EmailSender {
  readonly name = 'outbox';
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const info = await this.composer.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
    await fs.mkdir(this.dir, { recursive: true });
    const now = new Date();
    const base = `${now.toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
    await fs.writeFile(path.join(this.dir, `${base}.eml`), info.message as Buffer, { mode: 0o600 });
    const entry: MailOutboxEntry = { id: base, toMasked: maskEmail(message.to), subject: message.subject, text: message.text, createdAt: now.toISOString() };
    await fs.writeFile(path.join(this.dir, `${base}.json`), JSON.stringify(entry), { mode: 0o600 });
  }
}

export interface MailOutboxEntry {
  id: string;
  toMasked: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** The newest messages of the local e-mail outbox (an absent folder is an empty outbox). */
export async function listMailOutbox(dir: string, limit = 100): Promise<MailOutboxEntry[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const newest = names.filter((n) => n.endsWith('.json')).sort().reverse().slice(0, limit);
  return Promise.all(newest.map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as MailOutboxEntry));
}
