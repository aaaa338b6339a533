import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AliyunSmsSender, signAliyunRpc } from './aliyun.js';
import { TencentSmsSender } from './tencent.js';
import { SmsProviderError } from './SmsProviderError.js';
import { noticeTemplatesFrom, type SmsNotice } from './SmsSender.js';
import { createProviderSmsSender } from './providers.js';

/** A gateway stand-in on 127.0.0.1 recording each request's URL and body. */
async function fakeGateway(body: string) {
  const seen: { url: URL; body: string }[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ url: new URL(req.url ?? '/', 'http://127.0.0.1'), body: data });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const notice: SmsNotice = { kind: 'decision_selected', text: '某公司……入选第三批遴选拟入选名单。', params: { round: '第三批服务型制造示范遴选', outcome: '入选' } };
const templates = noticeTemplatesFrom({ SMS_TEMPLATE_DECISION: 'SMS_DECISION_1' });

describe('SMS notices through the providers', () => {
  it('Aliyun: sends the decision template with round and outcome as variables, signed', async () => {
    const gw = await fakeGateway(JSON.stringify({ Code: 'OK', RequestId: 'R' }));
    const sender = new AliyunSmsSender({ accessKeyId: 'id', accessKeySecret: 'secret', signName: '服务型制造示范遴选', templateCode: 'SMS_CODE', noticeTemplates: templates, endpoint: gw.endpoint });
    await sender.sendNotice('13800138000', notice);
    const q = gw.seen[0]!.url.searchParams;
    expect(q.get('TemplateCode')).toBe('SMS_DECISION_1');
    expect(JSON.parse(q.get('TemplateParam')!)).toEqual({ round: '第三批服务型制造示范遴选', outcome: '入选' });
    expect(q.get('PhoneNumbers')).toBe('13800138000');
    const params = Object.fromEntries([...q.entries()].filter(([k]) => k !== 'Signature'));
    expect(signAliyunRpc(params, 'secret')).toBe(q.get('Signature'));
  });

  it('Tencent: sends the decision template with positional variables {1} round, {2} outcome', async () => {
    const gw = await fakeGateway(JSON.stringify({ Response: { RequestId: 'R', SendStatusSet: [{ Code: 'Ok' }] } }));
    const sender = new TencentSmsSender({ secretId: 'id', secretKey: 'k', sdkAppId: '1400000001', signName: '服务型制造示范遴选', templateId: '111', noticeTemplates: templates, endpoint: gw.endpoint });
    await sender.sendNotice('13800138000', { ...notice, kind: 'decision_not_selected', params: { round: '第三批', outcome: '未入选' } });
    const body = JSON.parse(gw.seen[0]!.body);
    expect(body).toMatchObject({ TemplateId: 'SMS_DECISION_1', TemplateParamSet: ['第三批', '未入选'], PhoneNumberSet: ['+8613800138000'] });
  });

  it('refuses a kind without an approved template instead of sending free text', async () => {
    const gw = await fakeGateway(JSON.stringify({ Code: 'OK' }));
    const sender = new AliyunSmsSender({ accessKeyId: 'id', accessKeySecret: 's', signName: 'x', templateCode: 'SMS_CODE', endpoint: gw.endpoint });
    await expect(sender.sendNotice('13800138000', notice)).rejects.toBeInstanceOf(SmsProviderError);
    expect(gw.seen).toHaveLength(0);
  });

  it('passes SMS_TEMPLATE_DECISION from the environment to the adapter', async () => {
    const gw = await fakeGateway(JSON.stringify({ Code: 'OK' }));
    const sender = createProviderSmsSender({ SMS_PROVIDER: 'aliyun', SMS_ACCESS_KEY_ID: 'i', SMS_ACCESS_KEY_SECRET: 's', SMS_SIGN_NAME: 'n', SMS_TEMPLATE_CODE: 'SMS_CODE', SMS_TEMPLATE_DECISION: 'SMS_ENV_DECISION' } as Parameters<typeof createProviderSmsSender>[0]);
    (sender as unknown as { opts: { endpoint: string } }).opts.endpoint = gw.endpoint;
    await sender.sendNotice('13800138000', notice);
    expect(gw.seen[0]!.url.searchParams.get('TemplateCode')).toBe('SMS_ENV_DECISION');
  });
});
