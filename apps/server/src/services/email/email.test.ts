import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { listMailOutbox, OutboxEmailSender } from './OutboxEmailSender.js';
import { SmtpEmailSender } from './SmtpEmailSender.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-mail-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A minimal SMTP server on 127.0.0.1 that accepts one message and keeps what it received. */
async function smtpSink() {
  const received: { rcpt: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { rcpt: [] as string[], data: '' };
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { rcpt: [], data: '' };
            socket.write('250 queued\r\n');
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 sink\r\n');
        else if (verb === 'RCPT') (current.rcpt.push(line), socket.write('250 ok\r\n'));
        else if (verb === 'DATA') (inData = true, socket.write('354 go on\r\n'));
        else if (verb === 'QUIT') (socket.write('221 bye\r\n'), socket.end());
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, received, close: () => new Promise((r) => server.close(r)) };
}

describe('e-mail senders', () => {
  it('the outbox writes a real .eml and lists it with the recipient masked', async () => {
    const sender = new OutboxEmailSender(dir, '遴选平台 <noreply@example.com>');
    await sender.send({ to: 'zhang.san@example.com', subject: '第三批遴选结果：入选', text: '某公司入选第三批拟入选名单。' });
    const eml = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((n) => n.endsWith('.eml'))!), 'utf8');
    expect(eml).toMatch(/^To: zhang.san@example.com$/m);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    const [entry] = await listMailOutbox(dir);
    expect(entry).toMatchObject({ toMasked: 'z***@example.com', subject: '第三批遴选结果：入选', text: '某公司入选第三批拟入选名单。' });
    expect(await listMailOutbox(path.join(dir, 'absent'))).toEqual([]);
  });

  it('the SMTP adapter delivers through an SMTP server', async () => {
    const sink = await smtpSink();
    try {
      const sender = new SmtpEmailSender(`smtp://127.0.0.1:${sink.port}`, 'noreply@example.com', { timeoutMs: 5000 });
      await sender.send({ to: 'li.si@example.com', subject: '遴选结果', text: '未入选' });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.rcpt[0]).toContain('li.si@example.com');
      expect(sink.received[0]!.data).toMatch(/^To: li.si@example.com$/m);
    } finally {
      await sink.close();
    }
  });
});
