import { useEffect, useState } from 'preact/hooks';
import { call, get, holds, Obj, post, qs, WhoAmI } from '../api';
import { href } from '../router';
import { ErrorNote } from '../components/ErrorNote';

/** The last judgment and the history; an asset_admin may take the last run's answer as the new baseline. */
function Runs({ id, bump, onBaseline }: { id: string; bump: number; onBaseline?: (traceId: string) => void }) {
  // the runs are kept with the query they were read for: a row never shows another query's runs, and a late
  // answer for an earlier id is dropped
  const [read, setRead] = useState<{ id: string; runs: Obj[] } | null>(null);
  useEffect(() => {
    let current = true;
    get(`/ops/golden-queries/${id}/runs${qs({ limit: 10 })}`).then(
      (d) => current && setRead({ id, runs: d.runs ?? [] }),
      () => current && setRead({ id, runs: [] }),
    );
    return () => {
      current = false;
    };
  }, [id, bump]);
  const runs = read && read.id === id ? read.runs : null;
  if (!runs) return <span>…</span>;
  if (!runs.length) return <span class="muted" data-testid="judgment">never run</span>;
  const [last, ...older] = runs;
  return (
    <details>
      <summary>
        <span class={`judgment ${last.judgment}`} data-testid="judgment">{last.judgment}</span> {last.verdict_reason}{' '}
        <span class="muted">{last.created_at}</span>
      </summary>
      <ul class="history">
        {runs.map((r) => (
          <li>
            <span class={`judgment ${r.judgment}`}>{r.judgment}</span> {r.created_at} — {r.verdict_reason}{' '}
            {r.candidate_trace_id && <a href={href(['compare', r.baseline_trace_id, r.candidate_trace_id])}>compare</a>}{' '}
            {r.rca_trace_id && <a href={href(['traces', r.rca_trace_id])}>RCA</a>}
          </li>
        ))}
      </ul>
      {older.length === 0 && <span class="muted">no earlier runs</span>}
      {onBaseline && last.candidate_trace_id && (
        <button data-testid="set-baseline" onClick={() => onBaseline(last.candidate_trace_id)}>
          Take the last run as the baseline
        </button>
      )}
    </details>
  );
}

export function RegressionPage({ who }: { who: WhoAmI | null }) {
  const [queries, setQueries] = useState<Obj[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [bump, setBump] = useState(0);
  const [busy, setBusy] = useState('');
  const [totals, setTotals] = useState<Obj | null>(null);
  const [name, setName] = useState('');
  const [question, setQuestion] = useState('');
  const [tags, setTags] = useState('');
  useEffect(() => {
    get('/ops/golden-queries').then((d) => (setQueries(d.queries ?? []), setError(null)), setError);
  }, [bump]);
  const admin = holds(who, 'asset_admin');
  // the server decides: without the operator role the list is refused (403), and that is what is shown
  if (!queries && error) return <ErrorNote error={error} who={who} />;
  const act = async (label: string, f: () => Promise<unknown>) => {
    setBusy(label);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
      setBump((n) => n + 1);
    }
  };
  return (
    <section class="regression">
      <div class="toolbar">
        <button data-testid="run-all" disabled={!!busy} onClick={() => act('all', () => post('/ops/golden-queries/run-regression', {}).then((r) => setTotals(r.totals ?? {})))}>
          {busy === 'all' ? 'Running all…' : 'Run all'}
        </button>
        {totals && <span data-testid="totals">pass {totals.pass ?? 0} · warning {totals.warning ?? 0} · fail {totals.fail ?? 0}</span>}
        {admin && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const t = tags.split(',').map((x) => x.trim()).filter(Boolean);
              act('create', () => post('/ops/golden-queries', { name, question, tags: t }).then(() => (setName(''), setQuestion(''), setTags(''))));
            }}
          >
            <input name="gq-name" placeholder="name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            <input name="gq-question" placeholder="question" value={question} onInput={(e) => setQuestion((e.target as HTMLInputElement).value)} />
            <input name="gq-tags" placeholder="tags (comma-separated)" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
            <button type="submit" disabled={!!busy}>Add golden query</button>
          </form>
        )}
      </div>
      <ErrorNote error={error} who={who} />
      <table class="golden" data-testid="golden-list">
        <thead><tr><th>name</th><th>question</th><th>tags</th><th>bound assets</th><th>baseline</th><th>last judgment</th><th></th></tr></thead>
        <tbody>
          {(queries ?? []).map((q) => (
            <tr data-testid="golden-row" key={q.query_id}>
              <td>{q.name}</td>
              <td>{q.question}</td>
              <td data-testid="tags">{(q.tags ?? []).join(', ')}</td>
              <td>{(q.bound_assets ?? []).join(', ')}</td>
              <td>{q.baseline_trace_id && <a data-testid="baseline" href={href(['traces', q.baseline_trace_id])}>trace</a>}</td>
              <td>
                <Runs
                  id={q.query_id}
                  bump={bump}
                  onBaseline={admin ? (t) => act(q.query_id, () => call('PUT', `/ops/golden-queries/${q.query_id}/baseline`, { trace_id: t })) : undefined}
                />
              </td>
              <td>
                <button disabled={!!busy} onClick={() => act(q.query_id, () => post(`/ops/golden-queries/${q.query_id}/run-regression`, {}))}>
                  {busy === q.query_id ? 'Running…' : 'Run'}
                </button>
                {admin && (
                  <button
                    data-testid="delete"
                    disabled={!!busy}
                    onClick={() => confirm(`Delete the golden query "${q.name}" and its run history?`)
                      && act(q.query_id, () => call('DELETE', `/ops/golden-queries/${q.query_id}`))}
                  >
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {queries && !queries.length && <p>No golden query yet.</p>}
    </section>
  );
}
