import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { smsOutbox } from '../../db/schema/index.js';
import type { PersonalData } from '../personalData.js';
import { maskMobile } from '@fw/shared';
import type { SmsNotice, SmsSender } from './SmsSender.js';

export const SMS_TEXTS = {
  register: (code: string) => `【服务型制造示范遴选】您的注册验证码为${code}，10分钟内有效。如非本人操作请忽略。`,
  reset: (code: string) => `【服务型制造示范遴选】您正在重置密码，验证码为${code}，10分钟内有效。如非本人操作请忽略。`,
};

/** Local SmsSender: keeps messages in the outbox table (dev page /dev/outbox) and logs them. */
export class OutboxSmsSender implements SmsSender {
  readonly name = 'outbox';
  constructor(
    private readonly db: Db,
    private readonly personalData: PersonalData,
    private readonly log?: FastifyBaseLogger,
  ) {}

  async sendCode(mobile: string, code: string, purpose: 'register' | 'reset'): Promise<void> {
    const text = SMS_TEXTS[purpose](code);
    await this.db.insert(smsOutbox).values({ mobileEnc: this.personalData.protect(mobile), mobileMasked: maskMobile(mobile), text });
    this.log?.info({ to: maskMobile(mobile) }, `SMS outbox: ${text}`);
  }

  async sendNotice(mobile: string, notice: SmsNotice): Promise<void> {
    const text = `【服务型制造示范遴选】${notice.text}`;
    await this.db.insert(smsOutbox).values({ mobileEnc: this.personalData.protect(mobile), mobileMasked: maskMobile(mobile), text });
    this.log?.info({ to: maskMobile(mobile), kind: notice.kind }, 'SMS outbox: notice');
  }
}
