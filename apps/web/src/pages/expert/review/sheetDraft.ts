import { draftSheetSchema, scoreSheetSchema, totalScore, type Rubric, type ScoreSheetBody } from '@fw/shared';

/** What the score form holds: a criterion may still be empty (null from a cleared input). */
export interface SheetValues {
  scores: Record<string, number | null | undefined>;
  comment?: string | null;
}

/** The body to send: empty criteria left out, the comment as typed. */
export function toBody(values: SheetValues): ScoreSheetBody {
  const scores: Record<string, number> = {};
  for (const [key, v] of Object.entries(values.scores)) if (typeof v === 'number' && Number.isFinite(v)) scores[key] = v;
  return { scores, comment: values.comment ?? '' };
}

/** The running total of what has been scored so far (the server computes the same on submit). */
export function liveTotal(rubric: Rubric, values: SheetValues): number {
  return totalScore(rubric, toBody(values).scores);
}

/** Field messages of the shared schema (draft: empty criteria allowed; final: every criterion scored). */
export function sheetErrors(rubric: Rubric, values: SheetValues, final: boolean): Record<string, string> {
  const schema = final ? scoreSheetSchema(rubric) : draftSheetSchema(rubric);
  const parsed = schema.safeParse(toBody(values));
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return errors;
}

export type DraftPhase = 'idle' | 'dirty' | 'saving' | 'saved' | 'invalid' | 'failed';

export interface DraftState {
  phase: DraftPhase;
  savedAt: string | null;
  message: string | null;
}

/**
 * Autosave of one score sheet: changes are saved one request at a time, and only the latest sheet is
 * sent after a request returns (a PUT replaces the whole draft, so intermediate ones can be skipped).
 * The caller decides when to flush (after a pause in typing, on 保存草稿, before submit).
 */
export function createDraftSaver(opts: {
  save: (body: ScoreSheetBody) => Promise<{ updatedAt: string | null }>;
  onState: (s: DraftState) => void;
  /** Checked before sending: a sheet with field errors is not sent (the fields show why). */
  check?: (values: SheetValues) => Record<string, string>;
  savedAt?: string | null;
}) {
  let state: DraftState = { phase: opts.savedAt ? 'saved' : 'idle', savedAt: opts.savedAt ?? null, message: null };
  let latest: SheetValues | null = null;
  let running: Promise<void> | null = null;
  const set = (patch: Partial<DraftState>) => {
    state = { ...state, ...patch };
    opts.onState(state);
  };

  const run = async (): Promise<void> => {
    while (latest) {
      const values = latest;
      latest = null;
      const errors = opts.check?.(values) ?? {};
      if (Object.keys(errors).length > 0) {
        set({ phase: 'invalid', message: Object.values(errors)[0] ?? null });
        continue;
      }
      set({ phase: 'saving', message: null });
      try {
        const saved = await opts.save(toBody(values));
        set({ phase: latest ? 'dirty' : 'saved', savedAt: saved.updatedAt ?? state.savedAt });
      } catch (e) {
        // Keep the unsent sheet so the next flush tries it again.
        latest ??= values;
        set({ phase: 'failed', message: e instanceof Error ? e.message : '保存失败' });
        return;
      }
    }
  };

  return {
    /** A change: remembered as the sheet to save next. */
    change(values: SheetValues) {
      latest = values;
      if (state.phase !== 'saving') set({ phase: 'dirty', message: null });
    },
    /** Sends the latest change now (waits for a request already under way first). */
    async flush(): Promise<DraftState> {
      while (running) await running;
      if (latest) {
        running = run().finally(() => {
          running = null;
        });
        await running;
      }
      return state;
    },
    hasUnsaved: () => latest !== null || state.phase === 'saving',
    state: () => state,
  };
}
