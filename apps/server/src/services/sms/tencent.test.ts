import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TencentSmsSender, signTc3 } from './tencent.js';
import { SmsProviderError } from './SmsProviderError.js';

describe('TC3-HMAC-SHA256', () => {
  it('reproduces the documented CVM DescribeInstances example (timestamp 1551113065)', () => {
    // Tencent Cloud API 3.0 "Signature v3" worked example; the body keeps its \u escapes literally.
    const { signature, authorization } = signTc3({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065,
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
      contentType: 'application/json; charset=utf-8',
    });
    expect(signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('dates the credential scope in UTC (2019-02-26 00:44 in Beijing is still 2019-02-25)', () => {
    const { authorization } = signTc3({ secretId: 'id', secretKey: 'k', service: 'sms', host: 'h', timestamp: 1551113065, payload: '' });
    expect(authorization).toContain('Credential=id/2019-02-25/sms/tc3_request');
  });
});

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A stand-in for sms.tencentcloudapi.com on 127.0.0.1 that records each request and answers `reply`. */
async function fakeTencentSms(reply: (seen: Seen) => { status: number; body: unknown }) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      const r = reply(s);
      res.writeHead(r.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

const SECRET_KEY = 'unit-test-secret-key';
const NOW = new Date('2025-03-01T08:09:10Z');
const sender = (endpoint: string) =>
  new TencentSmsSender({
    secretId: 'AKID-unit-test',
    secretKey: SECRET_KEY,
    sdkAppId: '1400000001',
    signName: '服务型制造示范遴选',
    templateId: '1234567',
    endpoint,
    now: () => NOW,
  });

/** Checks Authorization the way the gateway does: recompute it from the received host, timestamp and body. */
function authorizationMatches(s: Seen): boolean {
  const { authorization } = signTc3({
    secretId: 'AKID-unit-test',
    secretKey: SECRET_KEY,
    service: 'sms',
    host: String(s.headers.host),
    timestamp: Number(s.headers['x-tc-timestamp']),
    payload: s.body,
    contentType: String(s.headers['content-type']),
  });
  return authorization === s.headers.authorization;
}

const ok = (requestId: string) => ({
  Response: {
    SendStatusSet: [
      { SerialNo: '5000:1045710669157053657849499619', PhoneNumber: '+8613800138000', Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' },
    ],
    RequestId: requestId,
  },
});

describe('TencentSmsSender', () => {
  it('POSTs a signed SendSms and resolves when the number is answered Ok', async () => {
    const gw = await fakeTencentSms((s) =>
      authorizationMatches(s)
        ? { status: 200, body: ok('T-1') }
        : { status: 200, body: { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'x' }, RequestId: 'T-1' } } },
    );
    await sender(gw.endpoint).sendCode('13800138000', '123456', 'register');

    expect(gw.seen).toHaveLength(1);
    const s = gw.seen[0];
    expect([s.method, s.path]).toEqual(['POST', '/']);
    expect(s.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-region': 'ap-guangzhou',
      'x-tc-timestamp': String(NOW.getTime() / 1000),
    });
    expect(s.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKID-unit-test\/2025-03-01\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
    expect(JSON.parse(s.body)).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400000001',
      SignName: '服务型制造示范遴选',
      TemplateId: '1234567',
      TemplateParamSet: ['123456'],
    });
    expect(authorizationMatches(s)).toBe(true);
  });

  it('throws the provider code of a request-level error, without secrets or the number', async () => {
    const gw = await fakeTencentSms(() => ({
      status: 200,
      body: { Response: { Error: { Code: 'FailedOperation.SignatureIncorrectOrUnapproved', Message: '签名未审批' }, RequestId: 'T-2' } },
    }));
    const err = await sender(gw.endpoint).sendCode('13800138000', '123456', 'reset').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsProviderError);
    expect(err).toMatchObject({ provider: 'tencent', providerCode: 'FailedOperation.SignatureIncorrectOrUnapproved', requestId: 'T-2' });
    for (const secretish of [SECRET_KEY, '13800138000', '123456']) expect((err as Error).message).not.toContain(secretish);
  });

  it('throws the per-number code when the number is refused (e.g. daily limit)', async () => {
    const refused = ok('T-3');
    refused.Response.SendStatusSet[0].Code = 'LimitExceeded.PhoneNumberDailyLimit';
    const gw = await fakeTencentSms(() => ({ status: 200, body: refused }));
    await expect(sender(gw.endpoint).sendCode('13800138000', '123456', 'register')).rejects.toMatchObject({
      providerCode: 'LimitExceeded.PhoneNumberDailyLimit',
      requestId: 'T-3',
    });
  });

  it('keeps a number that is already in E.164', async () => {
    const gw = await fakeTencentSms(() => ({ status: 200, body: ok('T-4') }));
    await sender(gw.endpoint).sendCode('+85251234567', '654321', 'register');
    expect(JSON.parse(gw.seen[0].body).PhoneNumberSet).toEqual(['+85251234567']);
  });
});
