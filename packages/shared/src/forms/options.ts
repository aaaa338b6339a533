import type { FieldSpec } from './types.js';
import type { FormContext } from './context.js';

/** The choices of a select/multiselect: its own list, or the round's modes. */
export function optionsFor(field: FieldSpec, ctx: FormContext): readonly string[] {
  if (field.optionSource === 'modes') {
    const modes = ctx.round.modes;
    return field.excludeSharedMode ? modes.filter((m) => m !== ctx.round.sharedMode) : modes;
  }
  return field.options ?? [];
}

/** The value a `fixed` field stands for. */
export function fixedValue(field: FieldSpec, ctx: FormContext): unknown {
  return field.fixed === 'sharedMode' ? [ctx.round.sharedMode] : undefined;
}

/** Read-only fields are filled by the system (certification or round) and never accepted from the client. */
export function isReadOnly(field: FieldSpec): boolean {
  return field.from !== undefined || field.fixed !== undefined;
}

/** Whether a field applies, given the other values and the application's sub-type ('$subType'). */
export function isVisible(field: FieldSpec, data: Record<string, unknown>, ctx: FormContext): boolean {
  if (!field.showIf) return true;
  const { field: other, in: allowed } = field.showIf;
  const actual = other === '$subType' ? ctx.subType : data[other];
  // A multiselect matches when any chosen value is allowed.
  if (Array.isArray(actual)) return actual.some((v) => allowed.includes(v));
  return allowed.includes(actual);
}
