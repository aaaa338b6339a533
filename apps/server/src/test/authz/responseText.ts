import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

/**
 * What a response tells its reader, as text: the headers (a download's file name) and the body,
 * with PDFs through pdftotext and XLSX workbooks cell by cell, so a secret in a file is found too.
 */
export async function responseText(res: LightMyRequestResponse): Promise<string> {
  const headers = JSON.stringify(res.headers);
  const type = String(res.headers['content-type'] ?? '');
  const raw = res.rawPayload;
  let body: string;
  if (type.includes('application/pdf') || raw.subarray(0, 5).toString('latin1') === '%PDF-') body = pdfText(raw);
  else if (type.includes('spreadsheetml')) body = await xlsxText(raw);
  else body = raw.toString('utf8');
  // Header values are percent-encoded (filename*=UTF-8''…).
  return `${headers}\n${safeDecode(headers)}\n${body}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function pdfText(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fw-authz-')), 'r.pdf');
  fs.writeFileSync(file, bytes);
  try {
    // Without layout spaces: a cell that wraps must not hide a name.
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\s+/g, '');
  } catch {
    // Not a PDF after all (an uploaded file only starts like one): its bytes as they are.
    return bytes.toString('utf8');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}
