import type { DashboardFigure } from '@fw/shared';
import type { EChartsCoreOption } from 'echarts/core';

/** Long labels (地区, 类别) wrap on the axis instead of overlapping. */
const AXIS_LABEL = { interval: 0, width: 72, overflow: 'break' as const, fontSize: 11 };

/** The ECharts option that draws a dashboard figure as its `chart` says. */
export function chartOption(figure: DashboardFigure): EChartsCoreOption {
  if (figure.chart === 'pie') {
    const series = figure.series[0];
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          name: series?.name ?? '',
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}' },
          data: figure.labels.map((name, i) => ({ name, value: series?.data[i] ?? 0 })),
        },
      ],
    };
  }
  const stacked = figure.chart === 'stackedBar';
  const type = figure.chart === 'line' ? 'line' : 'bar';
  return {
    tooltip: { trigger: 'axis' },
    legend: figure.series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: figure.series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: figure.labels, axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', minInterval: 1 },
    series: figure.series.map((s) => ({
      name: s.name,
      type,
      data: s.data,
      stack: stacked ? 'total' : undefined,
      barMaxWidth: 36,
      label: { show: !stacked, position: 'top' },
    })),
  };
}

/** Whether a figure has anything to draw. */
export function isEmpty(figure: DashboardFigure): boolean {
  return figure.labels.length === 0 || figure.series.every((s) => s.data.every((n) => n === 0));
}
