import { describe, expect, it } from 'vitest';
import { createProviderSmsSender } from './providers.js';
import { AliyunSmsSender } from './aliyun.js';
import { TencentSmsSender } from './tencent.js';

const keys = {
  SMS_ACCESS_KEY_ID: 'id-1',
  SMS_ACCESS_KEY_SECRET: 'very-secret-value',
  SMS_SIGN_NAME: '服务型制造示范遴选',
  SMS_TEMPLATE_CODE: 'SMS_1',
  SMS_SDK_APP_ID: undefined as string | undefined,
};

describe('createProviderSmsSender', () => {
  it('returns the Alibaba Cloud adapter for SMS_PROVIDER=aliyun', () => {
    const s = createProviderSmsSender({ SMS_PROVIDER: 'aliyun', ...keys });
    expect(s).toBeInstanceOf(AliyunSmsSender);
    expect(s.name).toBe('aliyun');
  });

  it('returns the Tencent Cloud adapter for SMS_PROVIDER=tencent with an SdkAppId', () => {
    const s = createProviderSmsSender({ SMS_PROVIDER: 'tencent', ...keys, SMS_SDK_APP_ID: '1400000001' });
    expect(s).toBeInstanceOf(TencentSmsSender);
    expect(s.name).toBe('tencent');
  });

  it('refuses to boot naming every missing variable, and never prints a value', () => {
    const run = () => createProviderSmsSender({ SMS_PROVIDER: 'tencent', ...keys, SMS_SIGN_NAME: '  ', SMS_TEMPLATE_CODE: undefined });
    expect(run).toThrow('SMS_PROVIDER=tencent needs SMS_SIGN_NAME, SMS_TEMPLATE_CODE, SMS_SDK_APP_ID to be set');
    expect(run).not.toThrow(/very-secret-value/);
  });

  it('refuses aliyun without the key pair', () => {
    expect(() => createProviderSmsSender({ SMS_PROVIDER: 'aliyun', ...keys, SMS_ACCESS_KEY_ID: undefined, SMS_ACCESS_KEY_SECRET: '' })).toThrow(
      'SMS_PROVIDER=aliyun needs SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET to be set',
    );
  });

  it('has no gateway for the local outbox', () => {
    expect(() => createProviderSmsSender({ SMS_PROVIDER: 'outbox', ...keys })).toThrow(/no gateway adapter/);
  });
});
