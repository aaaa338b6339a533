import type { Category } from '@fw/shared';
import { api, query } from '../../../api/client';

export interface PublicUnit {
  id: string;
  name: string;
  category: Category;
  subType: string | null;
  mode: string | null;
  regionName: string;
  title: string;
  batch: string;
  year: number;
}

export interface UnitPage {
  total: number;
  page: number;
  pageSize: number;
  items: PublicUnit[];
  years: number[];
  batches: string[];
}

export interface UnitFilter {
  q?: string;
  category?: string;
  region?: string;
  year?: number;
  batch?: string;
  page: number;
  pageSize: number;
}

export const searchUnits = (f: UnitFilter, signal?: AbortSignal) => api.get<UnitPage>(`/api/public/units${query({ ...f })}`, { quiet: true, signal });
