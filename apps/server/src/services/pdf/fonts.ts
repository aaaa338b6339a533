import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** Font aliases registered on every document. */
export const FONT = {
  regular: 'NotoSansSC-Regular',
  bold: 'NotoSansSC-Bold',
  /** Built-in PDF font (no embedding): fixed-width Latin for hashes. */
  mono: 'Courier',
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

/** The parsed font pdfkit works with (a fontkit font); only its identity matters here. */
type ParsedFont = { layout: (...args: never[]) => unknown };

interface Fonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

let cached: Fonts | undefined;

function fontFile(file: string): Buffer {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  const dir = file.includes('700') ? '700Bold' : '400Regular';
  return readFileSync(join(root, dir, file));
}

/** Let pdfkit parse a font file once; it hands back the fontkit font it built. */
function parse(data: Buffer): ParsedFont {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.registerFont('probe', data);
  probe.font('probe');
  return (probe as unknown as { _font: { font: ParsedFont } })._font.font;
}

/**
 * The TTF files are ~10 MB each: read and parse them once per process (parsing per document
 * doubles the render time). Only the TTF flavour works: pdfkit cannot subset WOFF/WOFF2.
 * Sharing the parsed font is safe: every document builds its own subset from it.
 */
export function loadFonts(): Fonts {
  cached ??= {
    regular: parse(fontFile('NotoSansSC_400Regular.ttf')),
    bold: parse(fontFile('NotoSansSC_700Bold.ttf')),
  };
  return cached;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = loadFonts();
  // pdfkit accepts an already parsed font object in place of a file (anything with layout()).
  doc.registerFont(FONT.regular, regular as unknown as Buffer);
  doc.registerFont(FONT.bold, bold as unknown as Buffer);
}
