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
          // Counts on the slices, names in the legend: long category names would be cut at the edge.
          label: { formatter: '{c}' },
          data: figure.labels.map((name, i) => ({ name, value: series?.data[i] ?? 0 })),
        },
      ],
    };
  }
  const stacked = figure.chart === 'stackedBar';
  const type = figure.chart === 'line' ? 'line' : 'bar';
  if (type === 'bar' && !stacked && lyingDown(figure)) return horizontalBars(figure);
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

/** Many or long labels do not fit under a card's bars: such bars lie down, labels on the left. */
export function lyingDown(figure: DashboardFigure): boolean {
  return figure.labels.length > 4 || figure.labels.some((l) => l.length > 6);
}

function horizontalBars(figure: DashboardFigure): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: figure.series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 32, top: figure.series.length > 1 ? 28 : 8, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    // Inverse: the first label on top, in the figure's order.
    yAxis: { type: 'category', inverse: true, data: figure.labels, axisLabel: { width: 130, overflow: 'break', fontSize: 11, lineHeight: 13 } },
    series: figure.series.map((s) => ({ name: s.name, type: 'bar', data: s.data, barMaxWidth: 18, label: { show: true, position: 'right' } })),
  };
}

/** Whether a figure has anything to draw. */
export function isEmpty(figure: DashboardFigure): boolean {
  return figure.labels.length === 0 || figure.series.every((s) => s.data.every((n) => n === 0));
}
