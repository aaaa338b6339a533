import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailMessage, EmailSender } from './EmailSender.js';

/** Sends through an SMTP server (SMTP_URL, e.g. smtps://user:password@smtp.example.com:465). */
export class SmtpEmailSender implements EmailSender {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  constructor(url: string, private readonly from: string, opts: { timeoutMs?: number } = {}) {
    const timeout = opts.timeoutMs ?? 15_000;
    // The url's settings win; the timeouts apply where it sets none.
    this.transport = nodemailer.createTransport({ url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  }

  async send(message: EmailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}
