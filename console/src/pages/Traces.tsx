import { useEffect, useState } from 'preact/hooks';
import { get, Obj, qs } from '../api';
import { go, href } from '../router';

const FILTERS = ['q', 'status', 'route', 'feature', 'since', 'until', 'limit'] as const;

/**
 * The trace list: filters and the page token live in the URL (#/traces?status=error&page=…), so a view
 * can be linked. Every filter is the server's (ListTraces): since/until are the browser's local times of
 * the datetime inputs, sent as instants; the list is newest first.
 */
export function TracesPage({ query }: { query: URLSearchParams }) {
  const f = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const page = query.get('page') ?? '';
  const [data, setData] = useState<Obj | null>(null);
  const [error, setError] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [draft, setDraft] = useState(f);
  useEffect(() => {
    setData(null);
    let current = true; // a slower answer to earlier filters is dropped
    get(
      `/ops/traces${qs({ limit: f.limit || 25, page_token: page, q: f.q, status: f.status, route: f.route, feature: f.feature,
        since: instant(f.since), until: instant(f.until) })}`,
    ).then(
      (d) => current && (setData(d), setError('')),
      (e) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [query.toString()]);
  const traces: Obj[] = data?.traces ?? [];
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  const set = (k: string, v: string) => setDraft({ ...draft, [k]: v });
  return (
    <section>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go(['traces'], draft);
        }}
      >
        <input name="q" placeholder="text in the question" value={draft.q} onInput={(e) => set('q', (e.target as HTMLInputElement).value)} />
        <select name="status" value={draft.status} onChange={(e) => set('status', (e.target as HTMLSelectElement).value)}>
          <option value="">any status</option>
          {['success', 'error', 'partial', 'rejected', 'cancelled'].map((s) => <option value={s}>{s}</option>)}
        </select>
        <select name="route" value={draft.route} onChange={(e) => set('route', (e.target as HTMLSelectElement).value)}>
          <option value="">any route</option>
          {['orch', 'direct', 'reject'].map((s) => <option value={s}>{s}</option>)}
        </select>
        <select name="feature" value={draft.feature} onChange={(e) => set('feature', (e.target as HTMLSelectElement).value)}>
          <option value="">any feature</option>
          {['ci', 'ops', 'ui_action', 'stage_test', 'regression'].map((s) => <option value={s}>{s}</option>)}
        </select>
        <label>from <input type="datetime-local" name="since" value={draft.since} onInput={(e) => set('since', (e.target as HTMLInputElement).value)} /></label>
        <label>to <input type="datetime-local" name="until" value={draft.until} onInput={(e) => set('until', (e.target as HTMLInputElement).value)} /></label>
        <button type="submit">Filter</button>
      </form>
      {error && <div class="error">{error}</div>}
      <div class="toolbar">
        <button disabled={picked.length !== 2} onClick={() => go(['compare', picked[0], picked[1]])} data-testid="compare-picked">
          Compare the two checked
        </button>
        {page && <a href={href(['traces'], { ...f })}>first page</a>}
        {data?.next_page_token && <a data-testid="next-page" href={href(['traces'], { ...f, page: data.next_page_token })}>next page →</a>}
      </div>
      {!data && !error && <p>Loading…</p>}
      <table class="traces" data-testid="trace-list">
        <thead>
          <tr><th></th><th>time</th><th>question</th><th>status</th><th>route</th><th>feature</th><th>ms</th><th>caller</th></tr>
        </thead>
        <tbody>
          {traces.map((t) => (
            <tr class={t.status === 'error' ? 'bad' : ''}>
              <td><input type="checkbox" checked={picked.includes(t.trace_id)} onChange={() => toggle(t.trace_id)} aria-label={`pick ${t.trace_id}`} /></td>
              <td>{new Date(t.created_at).toLocaleString()}</td>
              <td><a href={href(['traces', t.trace_id])}>{t.question || t.endpoint}</a></td>
              <td>{t.status}</td>
              <td>{t.route}</td>
              <td>{t.feature}</td>
              <td class="num">{t.duration_ms}</td>
              <td>{t.caller}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && !traces.length && <p>No trace matches.</p>}
    </section>
  );
}

/** A datetime-local value (the browser's zone, no offset) as an RFC 3339 instant; '' stays ''. */
function instant(local: string): string {
  if (!local) return '';
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}
