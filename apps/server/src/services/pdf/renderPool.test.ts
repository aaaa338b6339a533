import { afterAll, describe, expect, it } from 'vitest';
import { renderApplicationBookOffThread, stopRenderPool } from './renderPool.js';
import { pageTexts, writeTemp } from './pdfTools.js';
import { SAMPLE_ORG, sampleInput } from './sampleInput.js';

describe('rendering application books on worker threads', () => {
  afterAll(() => stopRenderPool());

  it('renders several books at once, each whole, with the values resolved from the organisation', async () => {
    const books = await Promise.all(
      ['A-0001', 'A-0002', 'A-0003'].map((number) => renderApplicationBookOffThread({ ...sampleInput(), number, resolveFrom: (from) => SAMPLE_ORG[from] ?? '' })),
    );
    for (const [i, pdf] of books.entries()) {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pageTexts(writeTemp(pdf, `pool-${i}.pdf`)).join('\n');
      expect(text).toContain(`A-000${i + 1}`);
      expect(text.replace(/\s+/g, '')).toContain(SAMPLE_ORG['org.uscc']!);
    }
  });

  it('answers a failed render with an error and keeps rendering the next', async () => {
    const broken = { ...sampleInput(), submittedAt: 'not a date' as never };
    await expect(renderApplicationBookOffThread(broken)).rejects.toThrow(/PDF render failed/);
    const pdf = await renderApplicationBookOffThread(sampleInput());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
