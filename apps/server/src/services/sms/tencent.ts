import { createHash, createHmac } from 'node:crypto';
import type { NoticeTemplates, SmsNotice, SmsSender } from './SmsSender.js';
import { SmsProviderError, callProvider, field, stringField } from './SmsProviderError.js';

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest();

export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** Product name, the first label of the host: cvm, sms … */
  service: string;
  /** The Host header exactly as sent (with the port when not the default). */
  host: string;
  /** UNIX seconds; also sent as X-TC-Timestamp. */
  timestamp: number;
  /** The exact request body. */
  payload: string;
  contentType?: string;
}

/**
 * TC3-HMAC-SHA256 for a JSON POST to "/" signing content-type and host:
 * canonical request → string to sign → key derived from the UTC date and service → hex signature.
 */
export function signTc3(input: Tc3Input): { authorization: string; signature: string } {
  const contentType = input.contentType ?? 'application/json; charset=utf-8';
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${contentType}\nhost:${input.host}\n`,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');
  // The scope's date is the UTC day of the timestamp, never the local one.
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return {
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

export interface TencentSmsOptions {
  secretId: string;
  secretKey: string;
  /** SmsSdkAppId of the SMS application (1400…). */
  sdkAppId: string;
  /** The approved signature text (签名内容). */
  signName: string;
  /** The approved template id with one variable {1} for the code. */
  templateId: string;
  /** Approved notice templates by notification kind, variables {1} round and {2} outcome. */
  noticeTemplates?: NoticeTemplates;
  /** ap-guangzhou unless the account uses another region. */
  region?: string;
  /** Tests point this at a local server. */
  endpoint?: string;
  timeoutMs?: number;
  now?: () => Date;
}

/** Numbers are stored as 11 digits; Tencent wants E.164. */
function toE164(mobile: string): string {
  return mobile.startsWith('+') ? mobile : `+86${mobile}`;
}

/** Sends verification codes and notices through Tencent Cloud SMS (API 3.0, SendSms 2021-01-11). */
export class TencentSmsSender implements SmsSender {
  readonly name = 'tencent';
  constructor(private readonly opts: TencentSmsOptions) {}

  async sendCode(mobile: string, code: string, _purpose: 'register' | 'reset'): Promise<void> {
    await this.send(mobile, this.opts.templateId, [code]);
  }

  async sendNotice(mobile: string, notice: SmsNotice): Promise<void> {
    const template = this.opts.noticeTemplates?.[notice.kind];
    if (!template) throw new SmsProviderError(this.name, `NO_TEMPLATE_${notice.kind}`);
    // Tencent's variables are positional: {1} the round, {2} the outcome.
    await this.send(mobile, template, [notice.params.round ?? '', notice.params.outcome ?? '']);
  }

  private async send(mobile: string, templateId: string, templateParams: string[]): Promise<void> {
    const { opts } = this;
    const endpoint = opts.endpoint ?? 'https://sms.tencentcloudapi.com/';
    const payload = JSON.stringify({
      PhoneNumberSet: [toE164(mobile)],
      SmsSdkAppId: opts.sdkAppId,
      SignName: opts.signName,
      TemplateId: templateId,
      TemplateParamSet: templateParams,
    });
    const timestamp = Math.floor((opts.now?.() ?? new Date()).getTime() / 1000);
    const contentType = 'application/json; charset=utf-8';
    const { authorization } = signTc3({
      secretId: opts.secretId,
      secretKey: opts.secretKey,
      service: 'sms',
      host: new URL(endpoint).host,
      timestamp,
      payload,
      contentType,
    });
    const { status, body } = await callProvider(
      this.name,
      endpoint,
      {
        method: 'POST',
        headers: {
          Authorization: authorization,
          'Content-Type': contentType,
          'X-TC-Action': 'SendSms',
          'X-TC-Version': '2021-01-11',
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': opts.region ?? 'ap-guangzhou',
        },
        body: payload,
      },
      opts.timeoutMs ?? 10_000,
    );
    const response = field(body, 'Response');
    const requestId = stringField(response, 'RequestId');
    // Request-level failures (auth, parameters) come as Response.Error with HTTP 200.
    const error = field(response, 'Error');
    if (error) throw new SmsProviderError(this.name, stringField(error, 'Code') ?? 'UnknownError', requestId);
    // Per-number failures (rate limits, bad number) come in SendStatusSet with Code != "Ok".
    const set = field(response, 'SendStatusSet');
    const numberCode = stringField(Array.isArray(set) ? set[0] : undefined, 'Code');
    if (status === 200 && numberCode === 'Ok') return;
    throw new SmsProviderError(this.name, numberCode ?? `HTTP_${status}`, requestId);
  }
}
