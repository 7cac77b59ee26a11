import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartPoint = { at: string; decided: string; advised: string };
type Props = {
  points: ChartPoint[];
  levels: string[];
  names: { decided: string; advised: string };
  locale: string;
};

/** The threat level over time as a step line (decided) with the advice dashed; loaded on demand. */
export default function ThreatChart({ points, levels, names, locale }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const series = (name: string, key: 'decided' | 'advised', color: string, dashed: boolean) => ({
      name,
      type: 'line' as const,
      step: 'end' as const,
      symbolSize: 8,
      data: points.map((p) => [p.at, p[key]]),
      lineStyle: { width: dashed ? 2 : 3, type: dashed ? ('dashed' as const) : ('solid' as const), color },
      itemStyle: { color },
    });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: '#1a1a1a' } },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'time',
        minInterval: 86_400_000,
        // A few days either side, so a single assessment still gets dates on the axis.
        min: (v: { min: number }) => v.min - 3 * 86_400_000,
        max: (v: { max: number }) => v.max + 86_400_000,
        axisLabel: { color: '#1a1a1a', formatter: (v: number) => date.format(new Date(v)), hideOverlap: true },
      },
      yAxis: { type: 'category', data: levels, boundaryGap: true, axisLabel: { color: '#1a1a1a' } },
      series: [series(names.decided, 'decided', '#8a1c00', false), series(names.advised, 'advised', '#24578f', true)],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, levels, names, locale]);
  return <div ref={ref} className="wb-chart" />;
}
