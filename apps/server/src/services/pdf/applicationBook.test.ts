import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORY_SUB_TYPES,
  FORM_SPECS,
  THIRD_NATIONAL_ROUND,
  allFields,
  categoryTitle,
  formatText,
  type Category,
  type FormContext,
} from '@fw/shared';
import { renderApplicationBook, type ApplicationBookInput } from './applicationBook.js';
import { COVER_QR, COVER_QR_CAPTION } from './cover.js';
import { sampleApplicationData } from '../../db/seed/sampleApplication.js';
import { CONTENT_BOTTOM, CONTENT_TOP } from './layout.js';
import { pageCount, pageTexts, renderGray, words, writeTemp } from './pdfTools.js';
import { QR_QUIET_MODULES, qrMatrix } from './qr.js';
import { SAMPLE_ORG, SAMPLE_SHA256, sampleInput } from './sampleInput.js';

const MB = 1024 * 1024;

/** Words outside the header band, the content area and the footer band: text cut by a page break. */
function misplacedWords(file: string) {
  return words(file).filter(
    (w) => !(w.yMax <= CONTENT_TOP - 10 || (w.yMin >= CONTENT_TOP - 1 && w.yMax <= CONTENT_BOTTOM + 1) || w.yMin >= CONTENT_BOTTOM + 15),
  );
}

/** Text without the spaces and line breaks pdftotext inserts when cells wrap. */
function squash(value: string): string {
  return value.replace(/\s+/g, '');
}

function realInput(category: Category, subType: string | null, maxed: boolean): ApplicationBookInput {
  const spec = FORM_SPECS[category];
  const context: FormContext = { round: THIRD_NATIONAL_ROUND, subType };
  return {
    ...sampleInput(),
    categoryTitle: categoryTitle(category, subType),
    applicantName: SAMPLE_ORG['org.name'],
    spec,
    data: sampleApplicationData(category, context, 1, maxed ? 'max' : 'typical'),
    resolveFrom: (from) => SAMPLE_ORG[from] ?? '',
    indicatorYears: THIRD_NATIONAL_ROUND.indicatorYears,
    context,
  };
}

describe('renderApplicationBook (sample platform form)', () => {
  let file: string;
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderApplicationBook(sampleInput());
    file = writeTemp(pdf);
    pages = pageTexts(file);
  });

  it('prints the cover: title, category, applicant, recommender, date, number and QR caption', () => {
    const cover = squash(pages[0]);
    for (const expected of [
      '服务型制造示范遴选申报书',
      '示范平台（共享制造类）',
      '申报单位深圳市智造云共享科技有限公司',
      '推荐单位广东省工业和信息化厅',
      '申报日期2024年5月20日',
      '申报编号：N3-440305-E00017K',
      COVER_QR_CAPTION,
    ]) {
      expect(cover).toContain(expected);
    }
  });

  it('prints the number and 第 x 页 / 共 y 页 on every page', () => {
    const count = pageCount(file);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(pages).toHaveLength(count);
    pages.forEach((text, i) => {
      expect(text).toContain('N3-440305-E00017K');
      expect(squash(text)).toContain(`第${i + 1}页/共${count}页`);
    });
  });

  it('prints Chinese labels, organisation values, computed ratios, checked options and declarations', () => {
    const all = squash(pages.join(''));
    for (const expected of [
      '表2服务型制造示范平台申报表',
      '一、平台基本情况',
      '统一社会信用代码91440300MA5F0XXX1K',
      '注册资本（万元）5000',
      '成立日期2015年6月18日',
      '平台上线时间2018年3月',
      '粤港澳大湾区产业发展基金（有限合伙）',
      '投资比例（%）',
      '服务收入占比（%）41.8446.8351.66',
      '✓第三方专业服务平台',
      '✓供应链管理',
      '✓近三年未发生重大安全',
      '附件清单',
      '推荐单位意见',
      '经审核，该平台申报材料真实、完整，符合申报条件，同意推荐。',
    ]) {
      expect(all).toContain(expected);
    }
    expect(all).not.toContain('✓（示例）未勾选的声明');
  });

  it('lists every file with its size and full SHA-256', () => {
    const all = squash(pages.join(''));
    expect(all).toContain(SAMPLE_SHA256);
    expect(all).toContain('ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100');
    expect(all).toContain('营业执照副本.pdf');
    expect(all).toContain('793KB');
    expect(all).toContain('6.2MB');
  });

  it('splits the long text over two pages, marked （续）, without losing a character', () => {
    const all = squash(pages.join(''));
    expect(all).toContain('申报平台已获得的市级、区级奖励及示范称号（续）');
    for (let i = 1; i <= 14; i++) expect(all).toContain(`${i}.2021年至2023年`);
    expect(all).toContain('设备211台');
  });

  it('keeps all body text inside the margins (no row runs into the footer)', () => {
    expect(misplacedWords(file)).toEqual([]);
  });

  it('draws the QR code of verifyUrl on the cover', () => {
    const dpi = 144;
    const scale = dpi / 72;
    const image = renderGray(file, 1, dpi);
    const expected = qrMatrix(sampleInput().verifyUrl);
    const cell = COVER_QR.size / (expected.size + 2 * QR_QUIET_MODULES);
    const read = expected.dark.map((line, r) =>
      line.map((_, c) => {
        const x = (COVER_QR.left + (QR_QUIET_MODULES + c + 0.5) * cell) * scale;
        const y = (COVER_QR.top + (QR_QUIET_MODULES + r + 0.5) * cell) * scale;
        return image.pixel(x, y) < 128;
      }),
    );
    expect(read).toEqual(expected.dark);
    expect(qrMatrix('https://fw.example.gov.cn/verify/OTHER').dark).not.toEqual(expected.dark);
  });

  it('stays far below 1 MB', () => {
    expect(pdf.length).toBeLessThan(MB);
  });
});

describe('renderApplicationBook (blank parts to fill by hand)', () => {
  it('prints an empty recommender line and an empty opinion box', async () => {
    const file = writeTemp(await renderApplicationBook({ ...sampleInput(), recommender: '', opinion: null, files: [] }));
    const all = squash(pageTexts(file).join(''));
    expect(all).toContain('推荐单位申报日期');
    expect(all).toContain('推荐单位意见');
    expect(all).toContain('推荐单位（盖章）：');
    expect(all).toContain('（未上传附件）');
    expect(all).not.toMatch(/undefined|null|NaN/);
  });

  it('carries a text longer than a page over several pages, every part inside the margins', async () => {
    const input = sampleInput();
    const paragraph = '平台累计服务中小制造企业，推动设备共享与产能对接，形成可复制的共享制造经验。';
    const long = Array.from({ length: 150 }, (_, i) => `${i + 1}、${paragraph}`).join('');
    const file = writeTemp(await renderApplicationBook({ ...input, data: { ...input.data, awards: long } }));
    const pages = pageTexts(file);
    expect(pages.length).toBeGreaterThan(6);
    expect(misplacedWords(file)).toEqual([]);
    const all = squash(pages.join(''));
    expect(all).toContain(`150、${paragraph}`);
    expect(all.split('申报平台已获得的市级、区级奖励及示范称号（续）').length - 1).toBeGreaterThanOrEqual(2);
  });
});

describe('renderApplicationBook (real form specs, fully filled)', () => {
  const cases: [Category, string | null][] = (Object.keys(FORM_SPECS) as Category[]).flatMap((category) => {
    const subTypes = CATEGORY_SUB_TYPES[category];
    return subTypes.length > 0 ? subTypes.map((s): [Category, string | null] => [category, s]) : [[category, null]];
  });

  it.each(cases)('renders %s (%s) with every section title and label, no raw tokens', async (category, subType) => {
    const input = realInput(category, subType, false);
    const pdf = await renderApplicationBook(input);
    expect(pdf.length).toBeLessThan(MB);
    const file = writeTemp(pdf);
    const all = squash(pageTexts(file).join(''));
    const context = input.context as FormContext;
    for (const section of input.spec.sections) expect(all).toContain(squash(formatText(section.title, context)));
    for (const field of allFields(input.spec).filter((f) => f.type === 'declaration')) {
      expect(all).toContain(squash(`✓${formatText(field.label, context)}`));
    }
    expect(all).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(all).toContain(SAMPLE_ORG['org.name']);
    expect(misplacedWords(file)).toEqual([]);
  });

  // Speed is measured by the benchmarks (npm run bench), never asserted here.
  it('renders the enterprise form filled to every maximum under 1 MB', async () => {
    const pdf = await renderApplicationBook(realInput('enterprise', null, true));
    expect(pdf.length).toBeLessThan(MB);
    const file = writeTemp(pdf);
    const pages = pageTexts(file);
    pages.forEach((text) => expect(text).toContain('N3-440305-E00017K'));
  });
});
