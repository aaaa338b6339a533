import { allFields, formSpecFor, isReadOnly, isVisible, optionsFor, type Category, type FieldSpec, type FormContext } from '@fw/shared';

/**
 * A complete, valid set of form values for a category, made from the spec itself: used by the demo
 * data, the tests, the PDF samples and the benchmarks, so it follows the forms wherever they change.
 * `size: 'max'` fills text to maxLength and rows to maxItems (the worst case for size and speed).
 */
export function sampleApplicationData(
  category: Category,
  ctx: FormContext,
  seed = 1,
  size: 'typical' | 'max' = 'typical',
): Record<string, unknown> {
  const spec = formSpecFor(category);
  const data: Record<string, unknown> = {};
  // Two passes: showIf may depend on values chosen in the first.
  for (let pass = 0; pass < 2; pass++) {
    for (const f of allFields(spec)) {
      if (isReadOnly(f) || !isVisible(f, data, ctx) || data[f.key] !== undefined) continue;
      data[f.key] = size === 'max' ? maxValue(f, ctx, seed) : sampleValue(f, ctx, seed);
    }
  }
  return data;
}

const PROSE =
  '企业围绕客户全生命周期需求，构建“产品+服务”一体化解决方案，推动制造环节与研发设计、运维服务深度融合，' +
  '服务收入占比逐年提升，形成可复制、可推广的服务型制造经验。';

function prose(length: number): string {
  return PROSE.repeat(Math.ceil(length / PROSE.length)).slice(0, length);
}

/** The longest value a field takes: text at its maxLength, as many rows as allowed. */
function maxValue(f: FieldSpec, ctx: FormContext, seed: number): unknown {
  switch (f.type) {
    case 'text':
      return f.maxLength ? prose(f.maxLength) : sampleValue(f, ctx, seed);
    case 'textarea':
      return prose(f.maxLength ?? 2000);
    case 'rows':
      return Array.from({ length: f.maxItems ?? 20 }, (_, i) => {
        const row: Record<string, unknown> = {};
        for (const c of f.columns ?? []) row[c.key] = sampleValue(c, ctx, seed + i);
        return row;
      });
    default:
      return sampleValue(f, ctx, seed);
  }
}

function sampleNumber(f: { min?: number; max?: number }, seed: number, base = 100): number {
  const lo = f.min ?? 0;
  const hi = f.max ?? lo + base * 10;
  return Math.min(hi, Math.max(lo, base + (seed % 7)));
}

function sampleValue(f: FieldSpec, ctx: FormContext, seed: number): unknown {
  const text = (s: string) => (f.maxLength ? s.slice(0, f.maxLength) : s);
  switch (f.type) {
    case 'text':
      return text(`${f.label}示例${seed}`);
    case 'textarea':
      return text(`${f.label}：企业围绕客户需求，提供全生命周期管理、定制化服务与供应链协同，服务收入持续增长。（示例${seed}）`);
    case 'integer':
      return Math.round(sampleNumber(f, seed, 50));
    case 'number':
      return sampleNumber(f, seed, f.unit === '%' ? 20 : 100);
    case 'date':
      return '2015-06-01';
    case 'yearMonth':
      return '2015-06';
    case 'select':
      return optionsFor(f, ctx)[0] ?? null;
    case 'multiselect': {
      const opts = optionsFor(f, ctx);
      return opts.slice(0, Math.max(1, f.minItems ?? 1, Math.min(2, opts.length)));
    }
    case 'boolean':
      return false;
    case 'declaration':
      return true;
    case 'mobile':
      return '13912345678';
    case 'email':
      return 'contact@example.cn';
    case 'phone':
      return '0755-86001234';
    case 'yearTable': {
      const out: Record<string, Record<string, number>> = {};
      for (const ind of f.indicators ?? []) {
        if (ind.computed) continue;
        out[ind.key] = {};
        for (const [i, y] of ctx.round.indicatorYears.entries()) {
          // Service revenue well above 30% of operating revenue, growing each year.
          const v = ind.key === 'serviceRevenue' ? 4000 + i * 500 : ind.unit === '%' ? 12 + i : 10000 + i * 1000 + (seed % 97);
          out[ind.key]![String(y)] = v;
        }
      }
      return out;
    }
    case 'rows': {
      const n = Math.max(1, f.minItems ?? 1);
      return Array.from({ length: n }, (_, i) => {
        const row: Record<string, unknown> = {};
        for (const c of f.columns ?? []) row[c.key] = sampleValue(c, ctx, seed + i);
        return row;
      });
    }
  }
}
