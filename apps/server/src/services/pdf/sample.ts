/** Writes a sample application book to /tmp for viewing: `npx tsx src/services/pdf/sample.ts`. */
import { writeFileSync } from 'node:fs';
import { renderApplicationBook } from './applicationBook.js';
import { sampleInput } from './sampleInput.js';

const out = process.argv[2] ?? '/tmp/application-book-sample.pdf';
const started = Date.now();
const pdf = await renderApplicationBook(sampleInput());
writeFileSync(out, pdf);
console.log(`${out}: ${(pdf.length / 1024).toFixed(0)} KB in ${Date.now() - started} ms`);
