import { useMemo } from 'react';
import { formSpecFor, THIRD_NATIONAL_ROUND, type ApplicationView, type FormContext, type FormSpec } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import type { ApiError } from '../../../api/client';
import { applicationApi, type OrganisationInfo, type RoundSummary } from './api';

export interface ApplicationData {
  app: ApplicationView;
  round: RoundSummary | null;
  org: OrganisationInfo | null;
  spec: FormSpec;
  ctx: FormContext;
}

/** Loads what every application page needs: the application, its round (for the form context) and the organisation. */
export function useApplicationData(id: string | undefined): {
  data: ApplicationData | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
} {
  const req = useRequest(
    async (signal) => {
      if (!id) throw new Error('missing id');
      const [app, rounds, org] = await Promise.all([
        applicationApi.get(id, signal),
        applicationApi.rounds(signal).catch(() => [] as RoundSummary[]),
        applicationApi.organisation(signal).catch(() => ({ organisation: null })),
      ]);
      return { app, round: rounds.find((r) => r.id === app.roundId) ?? null, org: org.organisation };
    },
    [id],
  );
  const data = useMemo<ApplicationData | undefined>(() => {
    if (!req.data) return undefined;
    const { app, round, org } = req.data;
    // Without the round (list failed) the national round's settings keep the form usable.
    const ctx: FormContext = { round: round?.config ?? THIRD_NATIONAL_ROUND, subType: app.subType };
    return { app, round, org, spec: formSpecFor(app.category), ctx };
  }, [req.data]);
  return { data, error: req.error, loading: req.loading, reload: req.reload };
}
