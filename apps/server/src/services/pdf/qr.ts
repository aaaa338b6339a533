import QRCode from 'qrcode';

/** Quiet zone in modules required around a QR symbol so scanners find it. */
export const QR_QUIET_MODULES = 2;

export interface QrMatrix {
  size: number;
  /** dark[row][col] */
  dark: boolean[][];
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark = Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.get(r, c) === 1),
  );
  return { size: modules.size, dark };
}

/**
 * Draw the symbol as vector squares (sharp at any print resolution), one rectangle per
 * horizontal run of dark modules. `size` is the whole square including the quiet zone.
 */
export function drawQr(doc: PDFKit.PDFDocument, matrix: QrMatrix, x: number, y: number, size: number): void {
  const cell = size / (matrix.size + 2 * QR_QUIET_MODULES);
  const x0 = x + QR_QUIET_MODULES * cell;
  const y0 = y + QR_QUIET_MODULES * cell;
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < matrix.size; r++) {
    let c = 0;
    while (c < matrix.size) {
      if (!matrix.dark[r][c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < matrix.size && matrix.dark[r][c]) c++;
      // A hair of overlap avoids white seams between rows in some viewers.
      doc.rect(x0 + start * cell, y0 + r * cell, (c - start) * cell, cell + 0.05);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
