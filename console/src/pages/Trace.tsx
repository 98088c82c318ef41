import { useEffect, useState } from 'preact/hooks';
import { get, holds, Obj, post, WhoAmI } from '../api';
import { go, href } from '../router';
import { JsonView } from '../components/JsonView';
import { Statement } from '../components/Statement';
import { stageRuns, StageRun, Timeline } from '../components/Timeline';
import { Blocks } from '../blocks/Blocks';

export function useTrace(id: string): [Obj | null, string] {
  const [trace, setTrace] = useState<Obj | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setTrace(null);
    setError('');
    let current = true; // an answer for an earlier id is dropped
    if (id) get(`/ops/traces/${encodeURIComponent(id)}`).then((t) => current && setTrace(t), (e) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [id]);
  return [trace, error];
}

function StagePanel({ run }: { run: StageRun }) {
  const { input, output } = run;
  const refs: Obj[] = output.references ?? [];
  const d = output.diagnostics ?? {};
  return (
    <div class="stage-panel" data-testid="stage-panel" data-stage={run.key}>
      <h3>{run.key} <span class="muted">{run.duration} ms · {d.status ?? ''}</span></h3>
      {(d.errors ?? []).map((e: string) => <div class="error">{e}</div>)}
      {(d.warnings ?? []).map((w: string) => <div class="warn">{w}</div>)}
      {refs.length > 0 && (
        <div class="statements">
          {refs.map((r) => <Statement r={r} />)}
        </div>
      )}
      <div class="side-by-side">
        <div>
          <h4>input</h4>
          <JsonView value={{ applied_assets: input.applied_assets, params: input.params, prev_output: input.prev_output }} open={1} />
          {input.request && <><h5>request (exact message)</h5><JsonView value={input.request} open={1} /></>}
          {input.request_omitted && <p class="muted">request not recorded: {input.request_omitted}</p>}
        </div>
        <div>
          <h4>output</h4>
          <JsonView value={{ result: output.result, diagnostics: output.diagnostics }} open={2} />
          {output.response && <><h5>response (exact message)</h5><JsonView value={output.response} open={1} /></>}
          {output.response_omitted && <p class="muted">response not recorded: {output.response_omitted}</p>}
        </div>
      </div>
    </div>
  );
}

function Rca({ id }: { id: string }) {
  const [res, setRes] = useState<Obj | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = () => {
    setBusy(true);
    post('/ops/rca', { mode: 'single', trace_id: id }).then(
      (r) => (setRes(r), setError(''), setBusy(false)),
      (e) => (setError(e.message), setBusy(false)),
    );
  };
  return (
    <div class="rca">
      <button onClick={run} disabled={busy} data-testid="run-rca">{busy ? 'Analysing…' : 'Run RCA'}</button>
      {error && <span class="err"> {error}</span>}
      {res && (
        <div data-testid="rca-result">
          <Blocks blocks={res.blocks ?? []} />
          <a href={href(['traces', res.trace_id])}>RCA trace</a>
        </div>
      )}
    </div>
  );
}

export function TracePage({ id, stage, who }: { id: string; stage: string; who: WhoAmI | null }) {
  const [trace, error] = useTrace(id);
  const [other, setOther] = useState('');
  if (error) return <div class="error" data-testid="error">{error}</div>;
  if (!trace) return <p>Loading trace {id}…</p>;
  const runs = stageRuns(trace);
  const selected = runs.find((r) => r.key === stage);
  const refs: Obj[] = trace.references ?? [];
  return (
    <section class="trace" data-testid="trace">
      <h2>{trace.question || trace.endpoint}</h2>
      <p class="meta">
        <span class={`status ${trace.status}`}>{trace.status}</span> · route {trace.route} · {trace.feature} · {trace.ops_mode} ·{' '}
        {trace.duration_ms} ms · {trace.created_at} · {trace.caller} ({(trace.roles ?? []).join(', ')}) · <code>{trace.trace_id}</code>
        {trace.parent_trace_id && <> · parent <a href={href(['traces', trace.parent_trace_id])}>{trace.parent_trace_id}</a></>}
      </p>
      {trace.error_message && <div class="error">{trace.error_message}</div>}
      {trace.route_decision?.reason && <p class="muted">route decision: {trace.route_decision.reason} ({trace.route_decision.confidence})</p>}
      <div class="toolbar">
        {holds(who, 'operator') && <Rca id={trace.trace_id} />}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (other.trim()) go(['compare', trace.trace_id, other.trim()]);
          }}
        >
          <input name="other" placeholder="another trace id" value={other} onInput={(e) => setOther((e.target as HTMLInputElement).value)} />
          <button type="submit">Compare with…</button>
        </form>
      </div>
      <Timeline trace={trace} runs={runs} selected={selected?.key ?? ''} />
      {selected ? <StagePanel run={selected} /> : <p class="muted">Open a stage to see its input and output.</p>}
      <div class="columns">
        <div>
          <h3>References ({refs.length})</h3>
          {refs.map((r) => <Statement r={r} />)}
        </div>
        <div>
          <h3>Applied asset versions</h3>
          <table class="assets-applied" data-testid="applied-assets">
            <tbody>
              {Object.entries(trace.applied_assets ?? {}).map(([k, v]) => {
                const [name, version] = String(v).split('@');
                const type = k.startsWith('source:') ? 'source' : k;
                return (
                  <tr><th>{k}</th><td><a href={href(['assets', type, name.replace('(draft)', '')], { version: version?.replace('(draft)', '') })}>{String(v)}</a></td></tr>
                );
              })}
            </tbody>
          </table>
          {trace.answer && (
            <>
              <h3>Answer</h3>
              <p>{trace.answer.text}</p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
