import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { Obj } from '../api';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c'];
/** Colours of an anomaly band's series by role: the normal dashed grey, the band's edges faint. */
const ROLE_STROKE: Record<string, string> = { normal: '#6b7280', band_low: '#9ca3af', band_high: '#9ca3af' };
const BAND_FILL = 'rgba(107, 114, 128, 0.14)';
const WINDOW_FILL = 'rgba(220, 38, 38, 0.16)';

/**
 * A time-series block: {x: "time", series: [{name, unit, points: [[iso, value]]}]} on one time axis. An anomaly
 * answer's chart also gives each series a role (measure, normal, band_low, band_high) and windows: [{start, end}]:
 * the band between band_low and band_high is filled and the windows are shaded.
 */
export function ChartBlock({ title, data }: { title?: string; data: Obj }) {
  const el = useRef<HTMLDivElement>(null);
  const series: Obj[] = data.series ?? [];
  const windows: Obj[] = Array.isArray(data.windows) ? data.windows : [];
  const units = [...new Set(series.map((s) => s.unit).filter(Boolean))];
  const low = series.findIndex((s) => s.role === 'band_low');
  const high = series.findIndex((s) => s.role === 'band_high');
  const banded = low >= 0 && high >= 0;
  useEffect(() => {
    if (!el.current || !series.length) return;
    const times = [...new Set(series.flatMap((s) => (s.points ?? []).map((p: unknown[]) => String(p[0]))))].sort();
    const xs = times.map((t) => Date.parse(t) / 1000);
    const ys = series.map((s) => {
      const byTime = new Map<string, number | null>((s.points ?? []).map((p: unknown[]) => [String(p[0]), typeof p[1] === 'number' ? p[1] : null]));
      return times.map((t) => byTime.get(t) ?? null);
    });
    const unit = units.join(', ');
    const spans = windows
      .map((w) => [Date.parse(String(w.start)) / 1000, Date.parse(String(w.end)) / 1000])
      .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    const plot = new uPlot(
      {
        width: Math.max(320, el.current.clientWidth),
        height: 260,
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.name + (s.unit ? ` (${s.unit})` : ''),
            stroke: ROLE_STROKE[s.role] ?? COLORS[i % COLORS.length],
            width: s.role && s.role !== 'measure' ? 1 : 2,
            dash: s.role === 'normal' ? [6, 4] : undefined,
            value: (_: uPlot, v: number | null) => (v == null ? '–' : `${v}${s.unit ?? ''}`),
          })),
        ],
        // uPlot's series indexes count the x axis first: the band fills between band_high and band_low
        bands: banded ? [{ series: [high + 1, low + 1], fill: BAND_FILL }] : [],
        hooks: {
          // the anomalous windows shaded under the lines (a one-sample window stays visible: 4 px at least)
          drawClear: [
            (u: uPlot) => {
              const ctx = u.ctx;
              ctx.save();
              ctx.fillStyle = WINDOW_FILL;
              for (const [a, b] of spans) {
                const x0 = u.valToPos(a, 'x', true);
                const x1 = u.valToPos(b, 'x', true);
                const w = Math.max(4, x1 - x0);
                ctx.fillRect(x0 - (w === 4 ? 2 : 0), u.bbox.top, w, u.bbox.height);
              }
              ctx.restore();
            },
          ],
        },
        axes: [{}, { label: unit, values: (_: uPlot, ticks: number[]) => ticks.map((t) => `${t}${unit}`) }],
      },
      [xs, ...ys] as uPlot.AlignedData,
      el.current,
    );
    return () => plot.destroy();
  }, [data]);
  return (
    <div class="block chart-block" data-testid="chart" data-points={String(series[0]?.points?.length ?? 0)} data-unit={units.join(',')}
      data-band={banded ? 'yes' : 'no'} data-windows={String(windows.length)}>
      {title && <h4>{title}{units.length ? ` [${units.join(', ')}]` : ''}</h4>}
      <div ref={el} />
    </div>
  );
}
