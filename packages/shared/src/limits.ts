/** File slots of an application and text limits: declared once, used by the UI and the server. */
export const MB = 1024 * 1024;

export type FileKind = 'doc' | 'docx' | 'wps' | 'pdf' | 'jpg';

export interface SlotSpec {
  key: 'narrative' | 'supporting' | 'brochure';
  label: string;
  kinds: readonly FileKind[];
  maxBytes: number;
  /** Exactly one file (brochure) or any number. */
  single: boolean;
  required: boolean;
  help: string;
}

export const UPLOAD_SLOTS: readonly SlotSpec[] = [
  { key: 'narrative', label: '文字说明材料', kinds: ['doc', 'docx', 'wps'], maxBytes: 50 * MB, single: false, required: true, help: '支持doc、docx、wps格式，单个文件不超过50MB，超过请拆分上传' },
  { key: 'supporting', label: '随附材料', kinds: ['doc', 'docx', 'wps', 'pdf'], maxBytes: 50 * MB, single: false, required: true, help: '获奖证书、专利、标准、审计报告、案例等；支持doc、docx、wps、pdf格式，单个文件不超过50MB' },
  { key: 'brochure', label: '企业宣传册', kinds: ['doc', 'docx', 'wps', 'pdf', 'jpg'], maxBytes: 100 * MB, single: true, required: false, help: '仅限一个文件，支持doc、docx、wps、pdf、jpg格式，不超过100MB' },
];
export type SlotKey = SlotSpec['key'];
export const SLOT_KEYS = UPLOAD_SLOTS.map((s) => s.key) as SlotKey[];

export function slotSpec(key: string): SlotSpec | undefined {
  return UPLOAD_SLOTS.find((s) => s.key === key);
}

export const FILE_NAME_MAX = 200;
export const TEXT_FIELD_MAX = 200;
export const TEXTAREA_MAX = 2000;
