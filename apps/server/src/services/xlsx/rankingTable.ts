import ExcelJS from 'exceljs';
import { RANK_METHOD_LABELS, type RankingResponse } from '@fw/shared';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF333333' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const A4 = 9 as ExcelJS.PaperSize;
const HEADER_ROW = 3;

const COLUMNS = [
  { header: '排名', width: 6 },
  { header: '申报编号', width: 18 },
  { header: '申报单位', width: 30 },
  { header: '地区', width: 12 },
  { header: '评审数', width: 7 },
  { header: '平均分', width: 9 },
  { header: '去掉最高最低分后的平均分', width: 12 },
  { header: '标准化分', width: 9 },
  { header: '标准差', width: 8 },
  { header: '评审进度（已交/已分配）', width: 12 },
  { header: '提示', width: 40 },
];

const round2 = (x: number | null) => (x === null ? '' : Math.round(x * 100) / 100);

/**
 * 评审结果汇总 as XLSX: one sheet per ranking group, the three scores side by side (the ranking method
 * marked in the title line), outliers and high spread spelled out, A4 landscape with the header repeated.
 */
export async function renderRankingXlsx(ranking: RankingResponse, opts: { creator?: string; now?: Date } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = opts.creator ?? '服务型制造示范遴选申报平台';
  workbook.created = opts.now ?? new Date();
  for (const group of ranking.groups) {
    const ws = workbook.addWorksheet(group.title.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: HEADER_ROW }],
      pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    });
    ws.columns = COLUMNS.map((c) => ({ width: c.width }));
    ws.mergeCells(1, 1, 1, COLUMNS.length);
    ws.getCell(1, 1).value = `${ranking.round.name} 评审结果汇总 — ${group.title}`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.mergeCells(2, 1, 2, COLUMNS.length);
    ws.getCell(2, 1).value = `排名依据：${RANK_METHOD_LABELS[ranking.rankBy]}。${ranking.tieBreakNote}。`;
    const header = ws.getRow(HEADER_ROW);
    header.values = COLUMNS.map((c) => c.header);
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    for (const r of group.rows) {
      const notes = [...r.outliers.map((o) => `异常评分（${o.expertName}）：${o.reason}`), ...(r.highSpread ? [`分歧较大：标准差${round2(r.sd)}分`] : []), ...(r.rank === null ? ['尚无评分，未排名'] : [])];
      const row = ws.addRow([r.rank ?? '', r.number, r.name, r.regionName, r.count, round2(r.mean), round2(r.trimmedMean), round2(r.normalised), round2(r.sd), `${r.submitted}/${r.assigned}`, notes.join('；')]);
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = BORDER;
        cell.alignment = { vertical: 'middle', wrapText: true };
      });
    }
  }
  if (ranking.groups.length === 0) workbook.addWorksheet('评审结果汇总').addRow(['尚无进入评审的申报']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
