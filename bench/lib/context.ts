import type { AppProcess } from './procs.js';

/** What the seed generator printed (bench/seed/generate.ts). */
export interface Seed {
  roundId: string;
  password: string;
  autosave: { applicationId: string; cookie: string }[];
  surge: { mobile: string; applicationId: string }[];
  uploads: { applicationId: string; cookie: string }[];
  pdf: { applicationId: string; cookie: string };
  journeyFields: [string, unknown][];
  timings: { demoMs: number; bulkMs: number; bulkRows: number; clientsMs: number };
}

export interface Sizes {
  quick: boolean;
  applications: number;
  recommended: number;
  /** Concurrent clients of the autosave row. */
  concurrency: number[];
  autosaveSeconds: number;
  surgeApplicants: number;
  surgeSeconds: number;
  uploadMb: number;
  listSeconds: number;
  pdfSeconds: number;
}

export type Mode = 'postgres' | 'pglite';

/** One mode's run: where the database is, the app, the seed, a scratch folder. */
export interface BenchContext {
  mode: Mode;
  sizes: Sizes;
  work: string;
  dataDir: string;
  databaseUrl?: string;
  app: AppProcess;
  seed: Seed;
  /** Session cookies of the authority accounts, logged in with password and TOTP. */
  authorities: Record<string, string>;
}

/** A row of the results table. */
export interface Row {
  benchmark: string;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: boolean | null;
}

export const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
export const pct = (a: number, b: number) => (b > 0 ? `${Math.round((a / b) * 100)}%` : '–');
