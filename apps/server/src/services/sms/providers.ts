import type { Env } from '../../env.js';
import { noticeTemplatesFrom, type SmsSender } from './SmsSender.js';
import { AliyunSmsSender } from './aliyun.js';
import { TencentSmsSender } from './tencent.js';

type SmsEnv = Pick<
  Env,
  'SMS_PROVIDER' | 'SMS_ACCESS_KEY_ID' | 'SMS_ACCESS_KEY_SECRET' | 'SMS_SIGN_NAME' | 'SMS_TEMPLATE_CODE' | 'SMS_SDK_APP_ID' | 'SMS_TEMPLATE_DECISION'
>;

const REQUIRED = {
  aliyun: ['SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_CODE'],
  tencent: ['SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_CODE', 'SMS_SDK_APP_ID'],
} as const satisfies Record<'aliyun' | 'tencent', readonly (keyof SmsEnv)[]>;

/** SMS_REGION is not (yet) in env.ts; read it only if a later schema passes it through. */
function optionalRegion(env: SmsEnv): string | undefined {
  const v = (env as SmsEnv & { SMS_REGION?: unknown }).SMS_REGION;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * The real SMS gateway chosen by SMS_PROVIDER. Called once at boot, so a missing key stops the
 * server with a message naming the variables (never their values) instead of failing on the first code.
 */
export function createProviderSmsSender(env: SmsEnv): SmsSender {
  const provider = env.SMS_PROVIDER;
  if (provider !== 'aliyun' && provider !== 'tencent') {
    throw new Error(`SMS_PROVIDER=${provider} has no gateway adapter; use aliyun or tencent`);
  }
  const value = (key: keyof SmsEnv) => {
    const v = env[key];
    return typeof v === 'string' ? v.trim() : '';
  };
  const missing = REQUIRED[provider].filter((k) => !value(k));
  if (missing.length) {
    throw new Error(`SMS_PROVIDER=${provider} needs ${missing.join(', ')} to be set`);
  }
  if (provider === 'aliyun') {
    return new AliyunSmsSender({
      accessKeyId: value('SMS_ACCESS_KEY_ID'),
      accessKeySecret: value('SMS_ACCESS_KEY_SECRET'),
      signName: value('SMS_SIGN_NAME'),
      templateCode: value('SMS_TEMPLATE_CODE'),
      noticeTemplates: noticeTemplatesFrom(env),
    });
  }
  return new TencentSmsSender({
    secretId: value('SMS_ACCESS_KEY_ID'),
    secretKey: value('SMS_ACCESS_KEY_SECRET'),
    sdkAppId: value('SMS_SDK_APP_ID'),
    signName: value('SMS_SIGN_NAME'),
    templateId: value('SMS_TEMPLATE_CODE'),
    noticeTemplates: noticeTemplatesFrom(env),
    region: optionalRegion(env),
  });
}
