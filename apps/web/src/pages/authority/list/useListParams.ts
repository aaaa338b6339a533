import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CheckStatus, SortKey } from '../api';

export interface ListParams {
  tab: string | null;
  region: string | null;
  check: CheckStatus | null;
  rec: 'true' | 'false' | null;
  q: string;
  sort: SortKey | null;
  order: 'asc' | 'desc' | null;
  page: number;
  pageSize: number;
}

const CHECKS = ['pending', 'passed', 'returned'];
const SORTS = ['submittedAt', 'name', 'number', 'region'];

/** The list's tab, filters, sort and page live in the URL: back from a detail page returns to the same view. */
export function useListParams(): [ListParams, (patch: Partial<ListParams>) => void] {
  const [sp, setSp] = useSearchParams();
  const params = useMemo<ListParams>(() => {
    const check = sp.get('check');
    const rec = sp.get('rec');
    const sort = sp.get('sort');
    const order = sp.get('order');
    return {
      tab: sp.get('tab'),
      region: sp.get('region'),
      check: check && CHECKS.includes(check) ? (check as CheckStatus) : null,
      rec: rec === 'true' || rec === 'false' ? rec : null,
      q: sp.get('q') ?? '',
      sort: sort && SORTS.includes(sort) ? (sort as SortKey) : null,
      order: order === 'asc' || order === 'desc' ? order : null,
      page: Math.max(1, Number(sp.get('page')) || 1),
      pageSize: [10, 20, 50, 100].includes(Number(sp.get('size'))) ? Number(sp.get('size')) : 20,
    };
  }, [sp]);

  const update = useCallback(
    (patch: Partial<ListParams>) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          const set = (k: string, v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? next.delete(k) : next.set(k, String(v)));
          for (const [k, v] of Object.entries(patch)) set(k === 'pageSize' ? 'size' : k, v as string | number | null);
          // Any change but paging starts again at page 1.
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSp],
  );
  return [params, update];
}
