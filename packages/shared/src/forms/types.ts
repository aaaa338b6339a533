import type { Category } from '../categories.js';

/**
 * Declarative application forms. One spec drives the zod validation (client and server),
 * the antd form, the confirmation page and the PDF application book.
 * Form values are stored flat in `applications.data` under each field's `key`.
 */
export type FieldType =
  | 'text' // single line
  | 'textarea' // multi-line, maxLength applies
  | 'integer'
  | 'number' // decimal; `unit` says 万元, 人, % ...
  | 'date' // YYYY-MM-DD
  | 'yearMonth' // YYYY-MM
  | 'select' // one of options
  | 'multiselect' // several of options
  | 'boolean' // yes / no (是/否)
  | 'declaration' // a checkbox the applicant must tick to declare a condition it cannot be computed
  | 'mobile'
  | 'email'
  | 'phone' // landline or mobile
  | 'yearTable' // indicators × the round's three years; value: { [indicatorKey]: { [year]: number | null } }
  | 'rows'; // repeated rows of sub-fields; value: Array<{ [columnKey]: value }>

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** For select/multiselect. The special source 'modes' takes the round's mode list. */
  options?: readonly string[];
  optionSource?: 'modes';
  /** With optionSource 'modes': leave out the round's shared mode (enterprises, other-kind platforms). */
  excludeSharedMode?: boolean;
  unit?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Minimum / maximum number of rows (rows) or choices (multiselect). */
  minItems?: number;
  maxItems?: number;
  /** Short help under the field (Chinese). */
  help?: string;
  placeholder?: string;
  /** rows: the columns of each row. */
  columns?: FieldSpec[];
  /** yearTable: the indicator lines. A line with `computed` is derived and read-only. */
  indicators?: IndicatorSpec[];
  /** Show the field only when another field has one of these values; '$subType' names the application's sub-type. */
  showIf?: { field: string; in: readonly unknown[] };
  /**
   * Filled from the certified organisation or its contact person and shown read-only, so what the
   * registry says is never typed again: e.g. 'org.name', 'org.uscc', 'org.address',
   * 'org.legalRepresentative', 'org.establishedOn', 'org.registeredCapital', 'org.orgType',
   * 'org.regionName', 'contact.name', 'contact.position', 'contact.mobile', 'contact.email'.
   */
  from?: string;
  /**
   * A value fixed by the round rather than typed: 'sharedMode' is [round.sharedMode] (shared platforms,
   * projects). Shown read-only and never saved, like `from`.
   */
  fixed?: 'sharedMode';
  /** Layout hint: occupy the full row. */
  wide?: boolean;
}

export interface IndicatorSpec {
  key: string;
  label: string;
  unit?: string;
  /** Derived indicators, e.g. service revenue share = serviceRevenue / operatingRevenue × 100. */
  computed?: { kind: 'ratio'; numerator: string; denominator: string; percent?: boolean };
  /** Optional indicators may stay empty at submit. */
  optional?: boolean;
  /** Bounds of a cell (none: negative values such as a loss are allowed). */
  min?: number;
  max?: number;
}

export interface SectionSpec {
  key: string;
  title: string;
  /** Short explanation shown under the title. */
  description?: string;
  fields: FieldSpec[];
}

export interface FormSpec {
  category: Category;
  /** Title of the printed table, e.g. 表1 服务型制造示范企业申报表 */
  title: string;
  sections: SectionSpec[];
}

/** A condition the system could compute and found unmet (shown to applicant and reviewers). */
export interface EligibilityWarning {
  field: string;
  message: string;
}
