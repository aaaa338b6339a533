import { describe, expect, it } from 'vitest';
import type { DashboardFigure } from '@fw/shared';
import { chartOption, isEmpty } from './chartOption';

const base: DashboardFigure = { key: 'grades', title: '评估评价等次', chart: 'stackedBar', axis: '年度', labels: ['2024', '2025'], series: [{ name: '优秀', data: [1, 2] }, { name: '合格', data: [0, 3] }] };

describe('chartOption', () => {
  it('stacks the series of a stacked bar and shows a legend for several series', () => {
    const o = chartOption(base) as { series: { stack?: string; type: string }[]; legend?: object; xAxis: { data: string[] } };
    expect(o.series.map((s) => [s.type, s.stack])).toEqual([['bar', 'total'], ['bar', 'total']]);
    expect(o.legend).toBeDefined();
    expect(o.xAxis.data).toEqual(['2024', '2025']);
  });

  it('draws a pie from the first series as name/value pairs', () => {
    const o = chartOption({ ...base, chart: 'pie' }) as { series: { type: string; data: unknown }[] };
    expect(o.series[0]).toMatchObject({ type: 'pie', data: [{ name: '2024', value: 1 }, { name: '2025', value: 2 }] });
  });

  it('lays bars down when the labels are many or long', () => {
    const status = { ...base, chart: 'bar' as const, labels: ['草稿（未提交）', '已提交待审核'], series: [{ name: '申报书数', data: [1, 2] }] };
    const o = chartOption(status) as { xAxis: { type: string }; yAxis: { type: string; data: string[] } };
    expect(o.xAxis.type).toBe('value');
    expect(o.yAxis).toMatchObject({ type: 'category', data: status.labels });
    const short = chartOption({ ...status, labels: ['南山区', '宝安区'] }) as { xAxis: { type: string } };
    expect(short.xAxis.type).toBe('category');
  });

  it('calls a figure of zeros empty', () => {
    expect(isEmpty({ ...base, series: [{ name: '优秀', data: [0, 0] }] })).toBe(true);
    expect(isEmpty({ ...base, labels: [], series: [] })).toBe(true);
    expect(isEmpty(base)).toBe(false);
  });
});
