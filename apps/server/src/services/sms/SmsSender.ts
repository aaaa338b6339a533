/** A notice to one applicant: the full text (outbox) and what a provider's approved template needs. */
export interface SmsNotice {
  /** The notification kind (decision_selected …): the provider picks its template by it. */
  kind: string;
  /** The whole message, as the local outbox shows it. */
  text: string;
  /** Template variables, e.g. { round: 第三批服务型制造示范遴选, outcome: 入选 }. */
  params: Record<string, string>;
}

/** Sends one text message. The default writes to the local outbox; provider adapters sit beside it. */
export interface SmsSender {
  readonly name: string;
  sendCode(mobile: string, code: string, purpose: 'register' | 'reset'): Promise<void>;
  sendNotice(mobile: string, notice: SmsNotice): Promise<void>;
}

/** Template codes of notices by notification kind (providers only send approved templates). */
export type NoticeTemplates = Record<string, string | undefined>;

/** Both decision kinds share one template whose variables say the outcome. */
export function noticeTemplatesFrom(env: { SMS_TEMPLATE_DECISION?: string }): NoticeTemplates {
  const decision = env.SMS_TEMPLATE_DECISION?.trim() || undefined;
  return { decision_selected: decision, decision_not_selected: decision };
}
