import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts';

interface Props {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}

/** One ECharts instance bound to a div: created on mount, updated with the option, resized with its box, disposed on unmount. */
export function EChart({ option, height = 260, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const div = el.current!;
    const instance = echarts.init(div, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(div);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
