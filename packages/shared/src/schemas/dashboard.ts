import { z } from 'zod';

/**
 * Contracts of the dashboards (数据看板): every figure has one shape — labels along an axis and one or
 * more series of counts — so the web draws each with ECharts and the server writes each as XLSX alike.
 */

export const DASHBOARD_FIGURES = [
  'category',
  'mode',
  'subRegion',
  'status',
  'quota',
  'reviewProgress',
  'decisions',
  'grades',
  'applicationTrend',
  'unitTrend',
] as const;
export type DashboardFigureKey = (typeof DASHBOARD_FIGURES)[number];

/** bar: one or more side-by-side series; stackedBar: series stacked; pie: one series; line: over time. */
export const DASHBOARD_CHARTS = ['bar', 'stackedBar', 'pie', 'line'] as const;

export const dashboardSeries = z.object({ name: z.string(), data: z.array(z.number()) });

export const dashboardFigure = z.object({
  key: z.enum(DASHBOARD_FIGURES),
  title: z.string(),
  chart: z.enum(DASHBOARD_CHARTS),
  /** Header of the label column in the XLSX (e.g. 类别, 地区, 年度). */
  axis: z.string(),
  labels: z.array(z.string()),
  series: z.array(dashboardSeries),
  /** Why a figure is empty or what it counts, shown under the chart. */
  note: z.string().optional(),
});
export type DashboardFigure = z.infer<typeof dashboardFigure>;

export const dashboardResponse = z.object({
  round: z.object({ id: z.string(), code: z.string(), name: z.string(), year: z.number() }),
  scope: z.object({ regionCode: z.string(), regionName: z.string(), levelLabel: z.string(), organiser: z.boolean() }),
  figures: z.array(dashboardFigure),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;
