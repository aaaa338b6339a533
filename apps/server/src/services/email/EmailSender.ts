/** One plain-text e-mail to one recipient. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. The default writes .eml files to a local outbox; the SMTP adapter sits beside it. */
export interface EmailSender {
  readonly name: string;
  send(message: EmailMessage): Promise<void>;
}
