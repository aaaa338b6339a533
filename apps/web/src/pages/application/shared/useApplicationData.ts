import { useMemo } from 'react';
import { formSpecFor, type ApplicationView, type FormContext, type FormSpec } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import type { ApiError } from '../../../api/client';
import { applicationApi, type OrganisationInfo } from './api';

export interface ApplicationData {
  app: ApplicationView;
  round: ApplicationView['round'];
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
      const [app, org] = await Promise.all([
        applicationApi.get(id, signal),
        applicationApi.organisation(signal).catch(() => ({ organisation: null })),
      ]);
      // The application carries its own round, also when the round is no longer open.
      return { app, round: app.round, org: org.organisation };
    },
    [id],
  );
  const data = useMemo<ApplicationData | undefined>(() => {
    if (!req.data) return undefined;
    const { app, round, org } = req.data;
    const ctx: FormContext = { round: round.config, subType: app.subType };
    return { app, round, org, spec: formSpecFor(app.category, round.config.formVersion), ctx };
  }, [req.data]);
  return { data, error: req.error, loading: req.loading, reload: req.reload };
}
