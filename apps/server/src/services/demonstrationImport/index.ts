/** Import of earlier demonstration units (XLSX/CSV): parse and validate only; storing is the caller's. */
export { parseDemonstrationImport, importFormatOf, IMPORT_MAX_ROWS, type ImportFormat } from './parseDemonstrationImport.js';
export {
  validateImportRecords,
  FIRST_BATCH_YEAR,
  type DemonstrationImportReport,
  type DemonstrationImportRow,
  type RejectedImportRow,
  type RawImportRecord,
  type ImportOptions,
} from './validateRecords.js';
export { IMPORT_COLUMNS, REQUIRED_IMPORT_COLUMNS, COLUMN_LABELS, columnOf, mapHeader, type ImportColumn } from './columns.js';
export { resolveRegion, regionFullName } from './regionNames.js';
export { readCsvRecords } from './readCsv.js';
export { readXlsxRecords } from './readXlsx.js';
