/**
 * Writes a sample application book for viewing:
 *   npx tsx src/services/pdf/sample.ts                 the small sample form → /tmp/application-book-sample.pdf
 *   npx tsx src/services/pdf/sample.ts enterprise max  a real spec (optionally filled to every maximum)
 */
import { writeFileSync } from 'node:fs';
import { FORM_SPECS, THIRD_NATIONAL_ROUND, categoryTitle, type Category } from '@fw/shared';
import { renderApplicationBook, type ApplicationBookInput } from './applicationBook.js';
import { sampleApplicationData } from '../../db/seed/sampleApplication.js';
import { SAMPLE_ORG, sampleInput } from './sampleInput.js';

const [category, subTypeOrMax, maybeMax] = process.argv.slice(2);

function input(): ApplicationBookInput {
  if (!category) return sampleInput();
  const spec = FORM_SPECS[category as Category];
  if (!spec) throw new Error(`unknown category ${category}`);
  const subType = subTypeOrMax && subTypeOrMax !== 'max' ? subTypeOrMax : null;
  const context = { round: THIRD_NATIONAL_ROUND, subType };
  return {
    ...sampleInput(),
    categoryTitle: categoryTitle(spec.category, subType),
    applicantName: SAMPLE_ORG['org.name'],
    spec,
    data: sampleApplicationData(category as Category, context, 1, subTypeOrMax === 'max' || maybeMax === 'max' ? 'max' : 'typical'),
    resolveFrom: (from) => SAMPLE_ORG[from] ?? '',
    indicatorYears: THIRD_NATIONAL_ROUND.indicatorYears,
    context,
  };
}

const out = `/tmp/application-book-${category ?? 'sample'}.pdf`;
const started = Date.now();
const pdf = await renderApplicationBook(input());
writeFileSync(out, pdf);
console.log(`${out}: ${(pdf.length / 1024).toFixed(0)} KB in ${Date.now() - started} ms`);
