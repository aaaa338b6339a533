import * as echarts from 'echarts';
import type { Row } from './context.js';
import type { SurgeResult } from '../benchmarks/surge.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTable(rows: Row[]): string {
  const lines = ['| benchmark | measure | value | baseline (same run, same machine) | ratio | target | |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${[r.benchmark, r.measure, r.value, r.baseline, r.ratio, r.target, r.pass === null ? '' : r.pass ? '✅' : '❌'].map(cell).join(' | ')} |`);
  return lines.join('\n');
}

const STEPS = ['login', 'save', 'upload', 'submit', 'pdf'];

/** p99 per 5-second window of one step's latencies, as [seconds, ms] points. */
function p99Series(result: SurgeResult, step: number, windowMs = 5000): [number, number][] {
  const buckets = new Map<number, number[]>();
  for (const [at, s, ms] of result.timeline) {
    if (s !== step) continue;
    const b = Math.floor(at / windowMs);
    (buckets.get(b) ?? buckets.set(b, []).get(b)!).push(ms);
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([b, xs]) => {
    xs.sort((x, y) => x - y);
    return [((b + 0.5) * windowMs) / 1000, xs[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!];
  });
}

/** The surge's latency over time (p99 per 5 s per step, log scale) and the journeys in flight: an SVG. */
export function surgeChart(title: string, result: SurgeResult): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1000, height: 520 });
  chart.setOption({
    animation: false,
    backgroundColor: '#fff',
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { top: 28 },
    grid: { left: 70, right: 70, top: 70, bottom: 50 },
    xAxis: { type: 'value', name: 'seconds since the surge began', nameLocation: 'middle', nameGap: 28 },
    yAxis: [
      { type: 'log', name: 'p99 latency per 5 s (ms)', min: 1 },
      { type: 'value', name: 'journeys in flight', splitLine: { show: false } },
    ],
    series: [
      ...STEPS.map((s, i) => ({ name: `${s} p99`, type: 'line', showSymbol: false, data: p99Series(result, i) })),
      { name: 'in flight', type: 'line', yAxisIndex: 1, showSymbol: false, lineStyle: { type: 'dashed', color: '#999' }, itemStyle: { color: '#999' }, data: result.inFlight.map((p) => [p.at / 1000, p.n]) },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
