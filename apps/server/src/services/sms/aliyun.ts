import { createHmac, randomUUID } from 'node:crypto';
import type { NoticeTemplates, SmsNotice, SmsSender } from './SmsSender.js';
import { SmsProviderError, callProvider, stringField } from './SmsProviderError.js';

/**
 * Alibaba Cloud's RPC percent-encoding (RFC 3986): only A-Z a-z 0-9 - _ . ~ stay literal, space is
 * %20. encodeURIComponent also leaves ! ' ( ) * alone, so those are escaped here.
 */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonicalized query: parameters sorted by name, each name and value percent-encoded. */
export function aliyunCanonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k])}`)
    .join('&');
}

/** StringToSign = METHOD & %2F & percentEncode(canonicalized query). */
export function aliyunStringToSign(params: Record<string, string>, method = 'GET'): string {
  return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`;
}

/** RPC signature v1.0: Base64(HMAC-SHA1(secret + "&", StringToSign)); `params` excludes Signature. */
export function signAliyunRpc(params: Record<string, string>, accessKeySecret: string, method = 'GET'): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(aliyunStringToSign(params, method), 'utf8').digest('base64');
}

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** The approved signature (短信签名), e.g. 服务型制造示范遴选. */
  signName: string;
  /** The approved template (SMS_xxx) with one variable ${code}. */
  templateCode: string;
  /** Approved notice templates by notification kind, variables ${round} and ${outcome}. */
  noticeTemplates?: NoticeTemplates;
  /** Tests point this at a local server. */
  endpoint?: string;
  timeoutMs?: number;
  /** Fixed clock and nonce for tests. */
  now?: () => Date;
  nonce?: () => string;
}

/** Sends verification codes and notices through Alibaba Cloud SMS (Dysmsapi 2017-05-25 SendSms). */
export class AliyunSmsSender implements SmsSender {
  readonly name = 'aliyun';
  constructor(private readonly opts: AliyunSmsOptions) {}

  async sendCode(mobile: string, code: string, _purpose: 'register' | 'reset'): Promise<void> {
    await this.send(mobile, this.opts.templateCode, { code });
  }

  async sendNotice(mobile: string, notice: SmsNotice): Promise<void> {
    const template = this.opts.noticeTemplates?.[notice.kind];
    if (!template) throw new SmsProviderError(this.name, `NO_TEMPLATE_${notice.kind}`);
    await this.send(mobile, template, notice.params);
  }

  private async send(mobile: string, templateCode: string, templateParams: Record<string, string>): Promise<void> {
    const { opts } = this;
    const params: Record<string, string> = {
      AccessKeyId: opts.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: mobile,
      RegionId: 'cn-hangzhou',
      SignName: opts.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: (opts.nonce ?? randomUUID)(),
      SignatureVersion: '1.0',
      TemplateCode: templateCode,
      TemplateParam: JSON.stringify(templateParams),
      // ISO 8601 in UTC without milliseconds, as the API requires.
      Timestamp: (opts.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const query = aliyunCanonicalQuery({ ...params, Signature: signAliyunRpc(params, opts.accessKeySecret) });
    const endpoint = opts.endpoint ?? 'https://dysmsapi.aliyuncs.com/';
    const { status, body } = await callProvider(this.name, `${endpoint}?${query}`, { method: 'GET' }, opts.timeoutMs ?? 10_000);
    const providerCode = stringField(body, 'Code');
    if (status === 200 && providerCode === 'OK') return;
    throw new SmsProviderError(this.name, providerCode ?? `HTTP_${status}`, stringField(body, 'RequestId'));
  }
}
