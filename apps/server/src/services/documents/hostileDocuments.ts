import { strToU8, unzipSync, zipSync, zlibSync, type Zippable } from 'fflate';
import { makeDocx, makePdf } from './sampleDocuments.js';

/**
 * Malicious-looking documents for the upload tests and the security checks: each is a real file of
 * its format, made the way an attacker would, so the checks meet what they are meant to stop.
 */

/** The parts of a genuine .docx plus extra entries, so content sniffing still says "docx". */
export function docxWith(extra: Zippable): Buffer {
  const parts = unzipSync(new Uint8Array(makeDocx()));
  return Buffer.from(zipSync({ ...parts, ...extra }));
}

/** A docx whose picture inflates from a few KB to `mb` MB of zeros: a compression bomb. */
export function makeDocxBomb(mb = 40): Buffer {
  return docxWith({ 'word/media/image1.png': [new Uint8Array(mb * 1024 * 1024), { level: 9 }] });
}

/** A docx embedding a zip that holds a zip … `depth` levels deep (1 = one embedded archive). */
export function makeNestedDocx(depth: number): Buffer {
  let inner: Uint8Array = strToU8('最内层');
  let name = 'inner.txt';
  for (let i = 0; i < depth; i++) {
    inner = zipSync({ [name]: inner });
    name = `level${depth - i}.zip`;
  }
  return docxWith({ [`word/embeddings/${name}`]: inner });
}

/** A docx with an entry that would unpack outside its folder. */
export function makeTraversalDocx(path = '../../etc/cron.d/evil'): Buffer {
  return docxWith({ [path]: strToU8('* * * * * root sh') });
}

/** A docx with `n` extra tiny entries. */
export function makeCrowdedDocx(n: number): Buffer {
  const extra: Zippable = {};
  for (let i = 0; i < n; i++) extra[`customXml/item${i}.xml`] = strToU8('<a/>');
  return docxWith(extra);
}

/**
 * A pdfkit PDF with an object appended as an incremental update would: a catalog whose /OpenAction
 * runs a JavaScript action when the document is opened.
 */
export async function makePdfWithOpenAction(): Promise<Buffer> {
  const tail =
    '\n90 0 obj\n<< /Type /Catalog /Pages 1 0 R /OpenAction 91 0 R >>\nendobj\n' +
    '91 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert\\("hi"\\);) >>\nendobj\n';
  return Buffer.concat([await makePdf(), Buffer.from(tail, 'latin1')]);
}

/**
 * A pdfkit PDF with an appended compressed object stream (/Type /ObjStm, FlateDecode) holding a
 * launch action whose names are hex-escaped, the way malware hides them from plain text search.
 */
export async function makePdfWithObjectStream(): Promise<Buffer> {
  const objects = '<< /Type /Action /S /L#61unch /F (cmd.exe) >> << /Type /EmbeddedFile >>';
  const header = '95 0 96 47 ';
  const body = zlibSync(strToU8(header + objects));
  const head = `\n94 0 obj\n<< /Type /ObjStm /N 2 /First ${header.length} /Filter /FlateDecode /Length ${body.length} >>\nstream\r\n`;
  return Buffer.concat([await makePdf(), Buffer.from(head, 'latin1'), Buffer.from(body), Buffer.from('\r\nendstream\nendobj\n', 'latin1')]);
}
