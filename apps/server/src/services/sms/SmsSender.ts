/** Sends one text message. The default writes to the local outbox; provider adapters sit beside it. */
export interface SmsSender {
  readonly name: string;
  sendCode(mobile: string, code: string, purpose: 'register' | 'reset'): Promise<void>;
}
