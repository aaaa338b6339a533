/**
 * Baseline (a) of the autosave row and of the PDF row: a bare Fastify server on the same machine with
 * no plugins, no session, no database. PATCH …/fields parses the same JSON body and answers the same
 * JSON; GET /onepage.pdf renders a one-page PDF with the application book's font (pdfkit, Noto Sans SC
 * parsed once per process, as the app does). Prints its port when it listens.
 */
import Fastify from 'fastify';
import PDFDocument from 'pdfkit';
import { FONT, registerFonts } from '../../apps/server/src/services/pdf/fonts.js';

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
let version = 0;
app.patch('/api/applications/:id/fields', async (req) => {
  const body = req.body as { baseVersion: number };
  version = Math.max(version, body.baseVersion) + 1;
  return { version: body.baseVersion + 1, savedAt: new Date().toISOString(), status: 'draft' };
});

function onePage(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56 });
    registerFonts(doc);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONT.bold).fontSize(18).text('服务型制造示范申报书', { align: 'center' });
    doc.moveDown().font(FONT.regular).fontSize(11).text('申报单位：基准测试服务型制造有限公司。本页用于对比同一字体、同一程序库生成单页文档的速度。');
    doc.end();
  });
}
app.get('/onepage.pdf', async (_req, reply) => reply.header('Content-Type', 'application/pdf').send(await onePage()));

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
