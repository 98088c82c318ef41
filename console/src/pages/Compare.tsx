import { useState } from 'preact/hooks';
import { Obj, post } from '../api';
import { href } from '../router';
import { useTrace } from './Trace';
import { stageRuns } from '../components/Timeline';
import { Blocks } from '../blocks/Blocks';
import { Change, diff } from '../diff';

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** What of a trace is compared: how it was read, what ran, what each stage returned, what it answered. */
function comparable(t: Obj): Obj {
  const stages: Obj = {};
  for (const r of stageRuns(t)) stages[r.key] = { result: r.output.result ?? null, diagnostics: r.output.diagnostics ?? null };
  return {
    question: t.question,
    status: t.status,
    route: t.route,
    ops_mode: t.ops_mode,
    applied_assets: t.applied_assets ?? {},
    stages,
    tool_calls: (t.tool_calls ?? []).map((c: Obj) => ({ tool: c.tool, input_params: c.input_params, error: c.error ?? '' })),
    statements: (t.references ?? []).map((r: Obj) => ({ title: r.title, payload: r.payload, params: r.params })),
    answer: t.answer?.text ?? '',
  };
}

function Side({ t }: { t: Obj }) {
  const runs = stageRuns(t);
  return (
    <div class="side" data-testid="compare-side">
      <h3><a href={href(['traces', t.trace_id])}>{t.question || t.trace_id}</a></h3>
      <p class="meta">{t.status} · {t.route} · {t.duration_ms} ms · {t.created_at}</p>
      <ol class="stage-list">
        {runs.map((r) => <li class={r.failed ? 'failed' : ''}>{r.key} — {r.duration} ms</li>)}
      </ol>
      <p>{t.answer?.text}</p>
    </div>
  );
}

export function ComparePage({ a, b }: { a: string; b: string }) {
  const [ta, ea] = useTrace(a);
  const [tb, eb] = useTrace(b);
  const [rca, setRca] = useState<Obj | null>(null);
  const [rcaError, setRcaError] = useState('');
  if (ea || eb) return <div class="error" data-testid="error">{ea || eb}</div>;
  if (!ta || !tb) return <p>Loading…</p>;
  const changes: Change[] = diff(comparable(ta), comparable(tb));
  const explain = () =>
    post('/ops/rca', { mode: 'diff', baseline_trace_id: a, candidate_trace_id: b }).then(setRca, (e) => setRcaError(e.message));
  return (
    <section class="compare">
      <div class="side-by-side">
        <Side t={ta} />
        <Side t={tb} />
      </div>
      <h3 data-testid="change-count">{changes.length ? `${changes.length} differences` : 'structurally identical'}</h3>
      <table class="changes" data-testid="changes">
        <thead><tr><th>path</th><th>change</th><th>{a.slice(0, 8)}</th><th>{b.slice(0, 8)}</th></tr></thead>
        <tbody>
          {changes.map((c) => (
            <tr class={c.op}>
              <td><code>{c.path}</code></td>
              <td>{c.op}</td>
              <td><pre>{show(c.a)}</pre></td>
              <td><pre>{show(c.b)}</pre></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button onClick={explain}>Explain the difference (RCA)</button> {rcaError && <span class="err">{rcaError}</span>}
      </p>
      {rca && <Blocks blocks={rca.blocks ?? []} />}
    </section>
  );
}
