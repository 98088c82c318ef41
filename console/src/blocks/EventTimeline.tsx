import { Obj } from '../api';

/** Marker colours by severity (anything else grey). */
const SEVERITY: Record<string, string> = { critical: '#dc2626', major: '#ea580c', minor: '#ca8a04', warning: '#ca8a04', info: '#2563eb' };
const WIDTH = 640;
const PAD = 16;

/**
 * A timeline block: {x: "time", events: [{ts, ci_code, ci_name, event_type, severity, title}]}, oldest first —
 * one marker per event on a time axis (its colour the severity, its tooltip the event), the first and last times
 * under the axis, and the events listed in order below it.
 */
export function EventTimeline({ title, data }: { title?: string; data: Obj }) {
  const events: Obj[] = Array.isArray(data.events) ? data.events : [];
  const times = events.map((e) => Date.parse(String(e.ts)));
  const known = times.filter(Number.isFinite);
  const first = known.length ? Math.min(...known) : 0;
  const last = known.length ? Math.max(...known) : 0;
  const x = (t: number) => (last === first ? WIDTH / 2 : PAD + ((t - first) / (last - first)) * (WIDTH - 2 * PAD));
  return (
    <div class="block timeline-block" data-testid="timeline" data-events={String(events.length)}>
      {title && <h4>{title}</h4>}
      <svg viewBox={`0 0 ${WIDTH} 44`} width="100%" role="img" aria-label={title ?? 'events'}>
        <line x1={PAD} y1={20} x2={WIDTH - PAD} y2={20} stroke="#9ca3af" />
        {events.map((e, i) =>
          Number.isFinite(times[i]) ? (
            <circle cx={x(times[i])} cy={20} r={6} fill={SEVERITY[String(e.severity)] ?? '#6b7280'} data-severity={String(e.severity ?? '')}>
              <title>{`${e.ts} ${e.ci_name ?? e.ci_code ?? ''} ${e.event_type ?? ''} ${e.severity ?? ''}: ${e.title ?? ''}`}</title>
            </circle>
          ) : null,
        )}
        {known.length > 0 && (
          <>
            <text x={PAD} y={40} font-size="10" fill="#6b7280">{String(events[times.indexOf(first)]?.ts ?? '')}</text>
            <text x={WIDTH - PAD} y={40} font-size="10" fill="#6b7280" text-anchor="end">{String(events[times.indexOf(last)]?.ts ?? '')}</text>
          </>
        )}
      </svg>
      <ol class="timeline-list">
        {events.map((e) => (
          <li>
            <time>{String(e.ts ?? '')}</time> <span class={`sev sev-${e.severity ?? ''}`}>{String(e.severity ?? '')}</span>{' '}
            {String(e.ci_name ?? e.ci_code ?? '')} · {String(e.event_type ?? '')} · {String(e.title ?? '')}
          </li>
        ))}
      </ol>
    </div>
  );
}
