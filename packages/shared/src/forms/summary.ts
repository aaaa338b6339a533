import type { Category } from '../categories.js';
import type { FormContext } from './context.js';
import { fixedValue } from './options.js';
import { allFields, formSpecFor } from './specs.js';

const OTHER_MODE = '其他创新模式';

/** The modes an application declares (summary table 示范模式): fixed by the round or chosen. */
export function modesOf(category: Category, data: Record<string, unknown>, ctx: FormContext): string[] {
  const fields = allFields(formSpecFor(category)).filter(
    (f) => f.optionSource === 'modes' && (!f.showIf || f.showIf.field !== '$subType' || f.showIf.in.includes(ctx.subType)),
  );
  for (const f of fields) {
    const v = f.fixed !== undefined ? fixedValue(f, ctx) : data[f.key];
    if (!Array.isArray(v)) continue;
    const other = typeof data.modesOther === 'string' ? data.modesOther.trim() : '';
    // "其他创新模式" is listed with the name the applicant gave it.
    return v.filter((m): m is string => typeof m === 'string').map((m) => (m === OTHER_MODE && other ? `${OTHER_MODE}（${other}）` : m));
  }
  return [];
}

/** Summary-table column of platforms (公共服务/应用服务提供商), from 是否为应用服务提供商. */
export function platformServiceKind(data: Record<string, unknown>): string {
  return data.appServiceProvider === true ? '应用服务提供商' : data.appServiceProvider === false ? '公共服务平台' : '';
}
