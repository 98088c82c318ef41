import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { Obj } from '../api';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c'];

/** A time-series block: {x: "time", series: [{name, unit, points: [[iso, value]]}]} on one time axis. */
export function ChartBlock({ title, data }: { title?: string; data: Obj }) {
  const el = useRef<HTMLDivElement>(null);
  const series: Obj[] = data.series ?? [];
  const units = [...new Set(series.map((s) => s.unit).filter(Boolean))];
  useEffect(() => {
    if (!el.current || !series.length) return;
    const times = [...new Set(series.flatMap((s) => (s.points ?? []).map((p: unknown[]) => String(p[0]))))].sort();
    const xs = times.map((t) => Date.parse(t) / 1000);
    const ys = series.map((s) => {
      const byTime = new Map<string, number | null>((s.points ?? []).map((p: unknown[]) => [String(p[0]), typeof p[1] === 'number' ? p[1] : null]));
      return times.map((t) => byTime.get(t) ?? null);
    });
    const unit = units.join(', ');
    const plot = new uPlot(
      {
        width: Math.max(320, el.current.clientWidth),
        height: 260,
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.name + (s.unit ? ` (${s.unit})` : ''),
            stroke: COLORS[i % COLORS.length],
            width: 2,
            value: (_: uPlot, v: number | null) => (v == null ? '–' : `${v}${s.unit ?? ''}`),
          })),
        ],
        axes: [{}, { label: unit, values: (_: uPlot, ticks: number[]) => ticks.map((t) => `${t}${unit}`) }],
      },
      [xs, ...ys] as uPlot.AlignedData,
      el.current,
    );
    return () => plot.destroy();
  }, [data]);
  return (
    <div class="block chart-block" data-testid="chart" data-points={String(series[0]?.points?.length ?? 0)} data-unit={units.join(',')}>
      {title && <h4>{title}{units.length ? ` [${units.join(', ')}]` : ''}</h4>}
      <div ref={el} />
    </div>
  );
}
