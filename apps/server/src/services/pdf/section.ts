import type { FieldSpec, SectionSpec } from '@fw/shared';
import type { Choice } from './checkbox.js';
import { FONT } from './fonts.js';
import { formatNumber, formatValue, labelWithUnit } from './format.js';
import { fieldValue, isVisible, optionList, textFor, yearTableValues, type FormValues } from './formValues.js';
import { COLOR, CONTENT_WIDTH, SIZE } from './layout.js';
import { drawTable, text, type Cell, type CellContent, type Row, type Table } from './table.js';

const LABEL_WIDTH = 92;
const VALUE_WIDTH = (CONTENT_WIDTH - 2 * LABEL_WIDTH) / 2;
/** label | value | label | value, as on the printed 申报表. */
const KV_WIDTHS = [LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH];
/** Option lists longer than this print as text instead of a row of boxes. */
const MAX_PRINTED_OPTIONS = 16;

function titleRow(title: string, columns: number): Row {
  return {
    cells: [{ content: text(title, { font: FONT.bold }), span: columns, fill: COLOR.titleFill }],
  };
}

function captionRow(caption: string, columns: number): Row {
  return { cells: [{ content: text(caption, { font: FONT.bold }), span: columns, fill: COLOR.labelFill }] };
}

function labelCell(values: FormValues, field: FieldSpec): Cell {
  const label = labelWithUnit(textFor(values, field.label), field.unit);
  return { content: text(label), fill: COLOR.labelFill, continued: `${label}（续）` };
}

function optionChoices(field: FieldSpec, value: unknown, options: readonly string[] | undefined): Choice[] | null {
  if (field.type === 'boolean') {
    return [
      { label: '是', checked: value === true },
      { label: '否', checked: value === false },
    ];
  }
  if (!options || options.length === 0 || options.length > MAX_PRINTED_OPTIONS) return null;
  if (field.type === 'select') return options.map((o) => ({ label: o, checked: value === o }));
  if (field.type === 'multiselect') {
    const chosen = Array.isArray(value) ? value : [];
    return options.map((o) => ({ label: o, checked: chosen.includes(o) }));
  }
  return null;
}

function valueContent(values: FormValues, field: FieldSpec, value: unknown): CellContent {
  const choices = optionChoices(field, value, optionList(values, field));
  return choices ? { kind: 'choices', choices } : text(formatValue(field, value));
}

const LONG_LABEL = 14;

/**
 * How a field sits in the label/value grid: 'pair' shares its row with another field, 'wide'
 * takes a row with a three-column value, 'longLabel' gives a long label with a short value half
 * the row each (instead of a label wrapped over four lines).
 */
function placement(field: FieldSpec, label: string, content: CellContent): 'pair' | 'wide' | 'longLabel' {
  if (field.wide || field.type === 'textarea' || field.type === 'multiselect') return 'wide';
  const valueLength =
    content.kind === 'choices' ? content.choices.reduce((n, c) => n + c.label.length + 2, 0) : content.text.length;
  if (content.kind === 'choices' ? valueLength > 12 : valueLength > 30) return 'wide';
  return label.length > LONG_LABEL ? 'longLabel' : 'pair';
}

function yearTable(title: string, field: FieldSpec, values: FormValues): Table {
  const years = values.indicatorYears;
  const yearWidth = Math.min(100, (CONTENT_WIDTH - 170) / Math.max(1, years.length));
  const widths = [CONTENT_WIDTH - yearWidth * years.length, ...years.map(() => yearWidth)];
  const head: Row = {
    cells: [
      { content: text(textFor(values, field.label), { font: FONT.bold }), fill: COLOR.labelFill },
      ...years.map((y) => ({ content: text(`${y}年`, { font: FONT.bold, align: 'center' as const }), fill: COLOR.labelFill })),
    ],
  };
  const valueAt = yearTableValues(field, fieldValue(values, field));
  const rows = (field.indicators ?? []).map((ind) => ({
    cells: [
      { content: text(labelWithUnit(textFor(values, ind.label), ind.unit)), fill: COLOR.labelFill },
      ...years.map((y) => ({ content: text(formatNumber(valueAt(ind, y)), { align: 'right' as const }) })),
    ],
  }));
  return { widths, header: [head], repeatHeader: [titleRow(`${title}（续）`, widths.length), head], rows };
}

/**
 * Column widths from what the columns hold: each wants its widest entry (capped), and the
 * space is shared in proportion, so a short 级别 column does not squeeze a long name.
 */
function columnWidths(doc: PDFKit.PDFDocument, headers: string[], cells: string[][], available: number): number[] {
  const wanted = headers.map((header, i) => {
    doc.font(FONT.bold).fontSize(SIZE.body);
    let widest = doc.widthOfString(header);
    doc.font(FONT.regular);
    for (const line of cells) widest = Math.max(widest, doc.widthOfString(line[i] ?? ''));
    return Math.min(Math.max(widest, 36), 260) + 12;
  });
  const total = wanted.reduce((a, b) => a + b, 0);
  return wanted.map((w) => (w * available) / total);
}

function rowsTable(doc: PDFKit.PDFDocument, title: string, field: FieldSpec, values: FormValues): Table {
  const columns = field.columns ?? [];
  const indexWidth = 30;
  const value = fieldValue(values, field);
  const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const texts = items.map((item) => columns.map((c) => formatValue(c, item?.[c.key])));
  const headers = columns.map((c) => labelWithUnit(textFor(values, c.label), c.unit));
  const widths = [indexWidth, ...columnWidths(doc, headers, texts, CONTENT_WIDTH - indexWidth)];
  const head: Row = {
    cells: [
      { content: text('序号', { font: FONT.bold, align: 'center' }), fill: COLOR.labelFill },
      ...headers.map((header) => ({ content: text(header, { font: FONT.bold }), fill: COLOR.labelFill })),
    ],
  };
  const caption = captionRow(textFor(values, field.label), widths.length);
  const rows: Row[] = texts.map((line, i) => ({
    cells: [{ content: text(String(i + 1), { align: 'center' }) }, ...line.map((t) => ({ content: text(t), continued: '' }))],
  }));
  if (rows.length === 0) rows.push({ cells: [{ content: text('（无）', { align: 'center' }), span: widths.length }] });
  return {
    widths,
    header: [caption, head],
    repeatHeader: [titleRow(`${title}（续）`, widths.length), caption, head],
    rows,
  };
}

/** One section of the 申报表: a label/value table interleaved with grids for year tables and rows. */
export function drawSection(doc: PDFKit.PDFDocument, section: SectionSpec, values: FormValues): void {
  const title = textFor(values, section.title);
  const tables: Table[] = [];
  let kvRows: Row[] = [];
  let pending: Cell[] | null = null;

  const flushPending = () => {
    if (pending) kvRows.push({ cells: [pending[0], { ...pending[1], span: 3 }] });
    pending = null;
  };
  const flushKv = () => {
    flushPending();
    if (kvRows.length > 0) tables.push({ widths: KV_WIDTHS, rows: kvRows });
    kvRows = [];
  };

  for (const field of section.fields) {
    if (!isVisible(values, field)) continue;
    const value = fieldValue(values, field);
    if (field.type === 'yearTable' || field.type === 'rows') {
      flushKv();
      tables.push(field.type === 'yearTable' ? yearTable(title, field, values) : rowsTable(doc, title, field, values));
      continue;
    }
    if (field.type === 'declaration') {
      flushPending();
      const choice = { label: textFor(values, field.label), checked: value === true };
      kvRows.push({ cells: [{ content: { kind: 'choices', choices: [choice] }, span: 4 }] });
      continue;
    }
    const content = valueContent(values, field, value);
    const cells: [Cell, Cell] = [labelCell(values, field), { content, continued: '' }];
    const place = placement(field, textFor(values, labelWithUnit(field.label, field.unit)), content);
    if (place === 'wide') {
      flushPending();
      kvRows.push({ cells: [cells[0], { ...cells[1], span: 3 }] });
    } else if (place === 'longLabel') {
      flushPending();
      kvRows.push({ cells: [{ ...cells[0], span: 2 }, { ...cells[1], span: 2 }] });
    } else if (pending) {
      kvRows.push({ cells: [...pending, ...cells] });
      pending = null;
    } else {
      pending = cells;
    }
  }
  flushKv();

  tables.forEach((table, i) => {
    const columns = table.widths.length;
    const continuedTitle = titleRow(`${title}（续）`, columns);
    drawTable(doc, {
      ...table,
      header: i === 0 ? [titleRow(title, columns), ...(table.header ?? [])] : table.header,
      leadOnNewPage: i === 0 ? undefined : [continuedTitle],
      repeatHeader: table.repeatHeader ?? [continuedTitle],
    });
  });
  if (tables.length === 0) drawTable(doc, { widths: [CONTENT_WIDTH], rows: [titleRow(title, 1)] });
}
