import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AliyunSmsSender, aliyunPercentEncode, aliyunStringToSign, signAliyunRpc } from './aliyun.js';
import { SmsProviderError } from './SmsProviderError.js';

describe('Alibaba Cloud RPC signature', () => {
  it('reproduces the documented DescribeRegions example (AccessKeySecret "testsecret")', () => {
    // Alibaba Cloud "Signature mechanism" for RPC APIs, worked example.
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(aliyunStringToSign(params)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(signAliyunRpc(params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('reproduces the documented SMS SendSms example with a Chinese sign name', () => {
    // Alibaba Cloud SMS "HTTP协议及签名" example (AccessKeySecret "testSecret").
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(signAliyunRpc(params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('percent-encodes by the RPC rules, not form encoding', () => {
    expect(aliyunPercentEncode('a b*c~d')).toBe('a%20b%2Ac~d');
    expect(aliyunPercentEncode("!'()")).toBe('%21%27%28%29');
    expect(aliyunPercentEncode('{"code":"1"}')).toBe('%7B%22code%22%3A%221%22%7D');
    expect(aliyunPercentEncode('派')).toBe('%E6%B4%BE');
  });
});

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
}

/** A stand-in for dysmsapi.aliyuncs.com on 127.0.0.1 that records each request and answers `reply`. */
async function fakeDysmsapi(reply: (seen: Seen) => { status: number; body: string }) {
  const seen: Seen[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const s = { method: req.method ?? '', path: url.pathname, query: url.searchParams };
    seen.push(s);
    const r = reply(s);
    res.writeHead(r.status, { 'Content-Type': 'application/json;charset=utf-8' });
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const SECRET = 'kS9-unit-test-secret';
const sender = (endpoint: string) =>
  new AliyunSmsSender({
    accessKeyId: 'LTAI-test-id',
    accessKeySecret: SECRET,
    signName: '服务型制造示范遴选',
    templateCode: 'SMS_123456789',
    endpoint,
    now: () => new Date('2025-03-01T08:09:10.123Z'),
    nonce: () => 'nonce-1',
  });

/** Checks the signature the way the gateway does: recompute it from the received parameters. */
function signatureMatches(query: URLSearchParams): boolean {
  const params = Object.fromEntries([...query.entries()].filter(([k]) => k !== 'Signature'));
  return signAliyunRpc(params, SECRET) === query.get('Signature');
}

describe('AliyunSmsSender', () => {
  it('sends a signed SendSms GET and resolves when the gateway answers Code OK', async () => {
    const gw = await fakeDysmsapi((s) =>
      signatureMatches(s.query)
        ? { status: 200, body: JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '9006197469364984^0', RequestId: 'R-1' }) }
        : { status: 400, body: JSON.stringify({ Code: 'SignatureDoesNotMatch', RequestId: 'R-1' }) },
    );
    await sender(gw.endpoint).sendCode('13800138000', '123456', 'register');

    expect(gw.seen).toHaveLength(1);
    const { method, path, query } = gw.seen[0];
    expect([method, path]).toEqual(['GET', '/']);
    expect(Object.fromEntries(query.entries())).toMatchObject({
      AccessKeyId: 'LTAI-test-id',
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: '13800138000',
      SignName: '服务型制造示范遴选',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'nonce-1',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_123456789',
      Timestamp: '2025-03-01T08:09:10Z',
      Version: '2017-05-25',
    });
    expect(JSON.parse(query.get('TemplateParam') ?? '')).toEqual({ code: '123456' });
    expect(signatureMatches(query)).toBe(true);
  });

  it('throws the provider code when the gateway refuses (Code != OK), without secrets or the number', async () => {
    const gw = await fakeDysmsapi(() => ({
      status: 200,
      body: JSON.stringify({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发小时级流控Permits:5', RequestId: 'R-2' }),
    }));
    const err = await sender(gw.endpoint).sendCode('13800138000', '123456', 'reset').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsProviderError);
    expect(err).toMatchObject({ provider: 'aliyun', providerCode: 'isv.BUSINESS_LIMIT_CONTROL', requestId: 'R-2' });
    const message = (err as Error).message;
    expect(message).toContain('isv.BUSINESS_LIMIT_CONTROL');
    for (const secretish of [SECRET, '13800138000', '123456']) expect(message).not.toContain(secretish);
  });

  it('throws the provider code of an HTTP error answer (e.g. a bad signature)', async () => {
    const gw = await fakeDysmsapi(() => ({
      status: 400,
      body: JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'server string to sign is:GET&%2F&...', RequestId: 'R-3' }),
    }));
    await expect(sender(gw.endpoint).sendCode('13800138000', '123456', 'register')).rejects.toMatchObject({
      providerCode: 'SignatureDoesNotMatch',
    });
  });

  it('throws HTTP_<status> when the answer is not JSON, and NETWORK_ERROR when nobody listens', async () => {
    const gw = await fakeDysmsapi(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    await expect(sender(gw.endpoint).sendCode('13800138000', '1', 'register')).rejects.toMatchObject({ providerCode: 'HTTP_502' });
    await expect(sender('http://127.0.0.1:1/').sendCode('13800138000', '1', 'register')).rejects.toMatchObject({
      providerCode: 'NETWORK_ERROR',
    });
  });
});
