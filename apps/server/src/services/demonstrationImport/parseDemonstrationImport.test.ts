import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '@fw/shared';
import { AppError } from '../../errors.js';
import { importFormatOf, parseDemonstrationImport } from './parseDemonstrationImport.js';

const NOW = new Date('2026-11-22T03:00:00Z');
/** A valid USCC from 17 characters. */
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const A = uscc('91440300MA5F00001');
const B = uscc('91210200MA0Q00002');
const C = uscc('91440101MA9W00003');
/** A's check character swapped for another valid character. */
const A_BAD_CHECK = A.slice(0, 17) + (A[17] === '0' ? '1' : '0');

async function xlsx(rows: unknown[][], opts: { usccAsText?: boolean; blankTop?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('示范单位');
  if (opts.blankTop) ws.addRow([]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX import', () => {
  it('normalises valid rows and rejects bad ones with their row number and Chinese reasons', async () => {
    const bytes = await xlsx([
      ['序号', '单位名称', '统一社会信用代码', '所属地区', '示范类别', '示范模式', '批次', '年份'],
      [1, '深圳甲制造有限公司', A, '440305', '示范企业', '定制化服务，全生命周期管理', '第三批', 2021],
      [2, '大连乙平台有限公司', B, '大连市', '示范平台（共享制造类）', '共享制造', '第4批', '2022年'],
      [3, '广州丙项目公司', C, '广东省广州市越秀区', 'project', '', 3, 2021],
      [4, '佛山市', '', '佛山市', '示范城市（工业设计特色类）', '', '第五批', 2023],
      [5, '校验位错误公司', A_BAD_CHECK, '440305', '示范企业', '', '第三批', 2021],
      [6, '未知地区公司', uscc('91440300MA5F00006'), '朝阳区', '示范企业', '', '第三批', 2021],
      [7, '未知类别公司', uscc('91440300MA5F00007'), '440305', '示范园区', '', '第三批', 2021],
      [8, '年份错误公司', uscc('91440300MA5F00008'), '440305', '示范企业', '', '第三批', 2030],
      [9, '深圳甲制造有限公司（重复）', A, '440305', 'enterprise', '', '第五批', 2023],
      [10, '', uscc('91440300MA5F00010'), '440305', '示范企业', '', '第三批', 2021],
      [11, '缺代码公司', '', '440305', '示范企业', '', '第三批', 2016],
      [],
    ]);
    const report = await parseDemonstrationImport(bytes, { format: 'xlsx', now: NOW });

    expect(report.rows).toEqual([
      {
        row: 2,
        name: '深圳甲制造有限公司',
        uscc: A,
        regionCode: '440305',
        category: 'enterprise',
        subType: null,
        mode: '定制化服务、全生命周期管理',
        batch: '第三批',
        year: 2021,
        title: '服务型制造示范企业',
      },
      expect.objectContaining({ row: 3, uscc: B, regionCode: '210200', category: 'platform', subType: 'shared', mode: '共享制造', batch: '第四批', year: 2022 }),
      expect.objectContaining({ row: 4, regionCode: '440104', category: 'project', mode: null, batch: '第三批', year: 2021 }),
      expect.objectContaining({ row: 5, name: '佛山市', uscc: null, regionCode: '440600', category: 'city', subType: 'design', title: '服务型制造示范城市' }),
    ]);
    expect(report.rejected.map((r) => [r.row, r.reasons])).toEqual([
      [6, ['统一社会信用代码校验位不正确，请核对']],
      [7, ['地区名称「朝阳区」不唯一（北京市朝阳区、吉林省长春市朝阳区），请填写行政区划代码或带上级地区名称']],
      [8, ['无法识别的示范类别「示范园区」（应为示范企业、示范平台、示范项目、示范城市或示范区）']],
      [9, ['年份2030超出范围（2017—2026年）']],
      [10, ['与第2行重复（统一社会信用代码和示范类别相同）']],
      [11, ['名称不能为空']],
      [12, ['统一社会信用代码不能为空', '年份2016超出范围（2017—2026年）']],
    ]);
    expect(report.rejected[0]!.cells).toMatchObject({ name: '校验位错误公司', uscc: A_BAD_CHECK });
  });

  it('finds the header below blank rows and accepts English headers in any order', async () => {
    const bytes = await xlsx(
      [
        ['Year', 'Batch', 'Category', 'Region', 'USCC', 'Name', 'Mode'],
        [2022, '第四批', 'platform', '210200', B, '大连乙平台有限公司', ''],
      ],
      { blankTop: true },
    );
    const report = await parseDemonstrationImport(bytes, { format: 'xlsx', now: NOW, organiserName: '大连市' });
    expect(report.rejected).toEqual([]);
    expect(report.rows).toEqual([expect.objectContaining({ row: 3, name: '大连乙平台有限公司', category: 'platform', subType: null, title: '大连市服务型制造示范平台' })]);
  });

  it('explains a USCC that Excel stored as a number', async () => {
    const digits = '914403001234567041'; // valid, all digits
    const bytes = await xlsx([
      ['名称', '统一社会信用代码', '地区', '类别', '批次', '年份'],
      ['数字代码公司', Number(digits), '440305', '示范企业', '第三批', 2021],
    ]);
    const report = await parseDemonstrationImport(bytes, { format: 'xlsx', now: NOW });
    // Past 15 digits a double cannot hold the code, so the check character no longer fits.
    expect(usccCheckChar(digits.slice(0, 17))).toBe('1');
    expect(report.rejected[0]!.cells.uscc).toBe('914403001234567040');
    expect(report.rejected[0]!.reasons).toEqual(['统一社会信用代码校验位不正确，请核对（该单元格为数字格式，请将该列设为文本后重新填写）']);
  });

  it('reads rich text and formula results as their text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('1');
    ws.addRow(['名称', '统一社会信用代码', '地区', '类别', '批次', '年份']);
    ws.addRow([{ richText: [{ text: '富文本' }, { text: '公司', font: { bold: true } }] }, A, '440305', '示范企业', '第三批', { formula: '2020+1', result: 2021 }]);
    const report = await parseDemonstrationImport(Buffer.from(await wb.xlsx.writeBuffer()), { format: 'xlsx', now: NOW });
    expect(report.rows).toEqual([expect.objectContaining({ name: '富文本公司', year: 2021 })]);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const bytes = await xlsx([['名称', '地区'], ['某公司', '440305']]);
    const err = await parseDemonstrationImport(bytes, { format: 'xlsx', now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/^缺少列：统一社会信用代码、示范类别、批次、年份/);
  });

  it('refuses a file that is not a workbook', async () => {
    const err = await parseDemonstrationImport(Buffer.from('not a zip'), { format: 'xlsx', now: NOW }).catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/无法读取该 XLSX 文件/);
  });
});

describe('CSV import', () => {
  it('reads a CSV with Chinese headers, quoted cells and bad rows, numbering rows by line', async () => {
    const csv = [
      '名称,统一社会信用代码,所属地区,示范类别,示范模式,批次,年份',
      `深圳甲制造有限公司,${A},深圳市南山区,示范企业,"定制化服务,供应链管理",第三批,2021`,
      '',
      `"大连乙平台
有限公司",${B},210200,示范平台,,第四批,2022`,
      `坏代码公司,91440300MA5F0000,440305,示范企业,,第三批,2021`,
      `无地区公司,${C},,示范企业,,第三批,2021`,
      `坏批次公司,${uscc('91440300MA5F00011')},440305,示范企业,,首批次,2021`,
      `深圳甲制造有限公司,${A},440305,示范企业,,第三批,2021`,
    ].join('\n');
    const report = await parseDemonstrationImport(csv, { format: 'csv', now: NOW });
    expect(report.rows.map((r) => [r.row, r.name, r.mode, r.regionCode])).toEqual([
      [2, '深圳甲制造有限公司', '定制化服务、供应链管理', '440305'],
      [4, '大连乙平台 有限公司', null, '210200'],
    ]);
    expect(report.rejected.map((r) => [r.row, r.reasons.join('；')])).toEqual([
      [6, '统一社会信用代码应为18位'],
      [7, '所属地区不能为空'],
      [8, '无法识别的批次「首批次」（应为第一批、第二批…）'],
      [9, '与第2行重复（统一社会信用代码和示范类别相同）'],
    ]);
  });

  it('accepts English headers with a BOM', async () => {
    const csv = `\uFEFFname,uscc,region_code,category,sub_type,mode,batch,year\n佛山市,,440600,city,design,,第五批,2023\n`;
    const report = await parseDemonstrationImport(csv, { format: 'csv', now: NOW });
    expect(report.rows).toEqual([expect.objectContaining({ row: 2, category: 'city', subType: 'design', uscc: null })]);
  });

  it('reads a CSV saved by Excel in GB18030', async () => {
    // "名称,统一社会信用代码…" header typed in ASCII aliases, one Chinese cell in GBK bytes: 示范企业.
    const gbk示范企业 = Buffer.from([0xca, 0xbe, 0xb7, 0xb6, 0xc6, 0xf3, 0xd2, 0xb5]);
    const bytes = Buffer.concat([Buffer.from(`name,uscc,region,category,batch,year\nGBK Co,${A},440305,`), gbk示范企业, Buffer.from(',3,2021\n')]);
    const report = await parseDemonstrationImport(bytes, { format: 'csv', now: NOW });
    expect(report.rows).toEqual([expect.objectContaining({ category: 'enterprise', batch: '第三批' })]);
  });

  it('refuses a CSV whose header repeats a column', async () => {
    const err = await parseDemonstrationImport('名称,name,uscc,region,category,batch,year\n', { format: 'csv', now: NOW }).catch((e: unknown) => e);
    expect((err as AppError).message).toBe('表头中有重复的列：名称');
  });

  it('refuses an empty file', async () => {
    const err = await parseDemonstrationImport('', { format: 'csv', now: NOW }).catch((e: unknown) => e);
    expect((err as AppError).message).toBe('文件为空');
  });
});

describe('importFormatOf', () => {
  it('recognises XLSX by its ZIP signature and otherwise by extension', async () => {
    expect(importFormatOf('units.bin', await xlsx([['a']]))).toBe('xlsx');
    expect(importFormatOf('示范单位.CSV', Buffer.from('a,b'))).toBe('csv');
    expect(importFormatOf('units.xls')).toBeNull();
  });
});
