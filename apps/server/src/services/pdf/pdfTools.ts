import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test helpers around poppler-utils: read back what a real PDF reader sees. */
export function writeTemp(pdf: Buffer, name = 'book.pdf'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'fw-pdf-')), name);
  writeFileSync(file, pdf);
  return file;
}

export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Text of each page (pdftotext separates pages with a form feed). */
export function pageTexts(file: string): string[] {
  const all = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return all.split('\f').slice(0, pageCount(file));
}

export interface Word {
  page: number;
  text: string;
  yMin: number;
  yMax: number;
}

/** Every word with its box in PDF points (top-left origin). */
export function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/.exec(line);
    if (m) out.push({ page, text: m[5], yMin: Number(m[2]), yMax: Number(m[4]) });
  }
  return out;
}

/** One page rendered to 8-bit grey pixels. */
export function renderGray(file: string, page: number, dpi: number): { width: number; height: number; pixel: (x: number, y: number) => number } {
  const prefix = join(mkdtempSync(join(tmpdir(), 'fw-pgm-')), 'p');
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-gray', '-singlefile', file, prefix]);
  const data = readFileSync(`${prefix}.pgm`);
  // P5 header: magic, width, height, maxval, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [, w, h] = header.map(Number);
  const offset = header[0].length;
  return { width: w, height: h, pixel: (x, y) => data[offset + Math.round(y) * w + Math.round(x)] };
}
