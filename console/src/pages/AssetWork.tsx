import { useState } from 'preact/hooks';
import { holds, Obj, post, WhoAmI } from '../api';
import { href } from '../router';
import { JsonView } from '../components/JsonView';

/** "… is invalid: $.a: must be …; $.b: is required" → [{path, message}] (the validator's own wording). */
export function validationErrors(message: string): { path: string; message: string }[] {
  const i = message.indexOf(' is invalid: ');
  if (i < 0) return [];
  return message
    .slice(i + ' is invalid: '.length)
    .split(/; (?=\$)/)
    .map((p) => {
      const m = /^(\$[^:]*): (.*)$/s.exec(p);
      return m ? { path: m[1], message: m[2] } : { path: '$', message: p };
    });
}

const STAGES = ['route_plan', 'validate', 'execute', 'compose', 'present'];

function StageTest({ asset }: { asset: Obj }) {
  const [stage, setStage] = useState('execute');
  const [question, setQuestion] = useState('서버A의 CPU 사용량은?');
  const [res, setRes] = useState<Obj | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const draft = asset.status === 'draft';
  const run = () => {
    setBusy(true);
    setRes(null);
    const ref = asset.asset_type === 'source' ? `source:${asset.name}` : asset.asset_type;
    post('/ops/stage-test', { stage, question, asset_overrides: { [ref]: draft ? `${asset.name}(draft)` : `${asset.name}@${asset.version}` } }).then(
      (r) => (setRes(r), setError(''), setBusy(false)),
      (e) => (setError(e.message), setBusy(false)),
    );
  };
  return (
    <div class="stage-test">
      <h4>Stage test with v{asset.version}</h4>
      <select name="stage" value={stage} onChange={(e) => setStage((e.target as HTMLSelectElement).value)}>
        {STAGES.map((s) => <option value={s}>{s}</option>)}
      </select>
      <input name="st-question" value={question} onInput={(e) => setQuestion((e.target as HTMLInputElement).value)} />
      <button onClick={run} disabled={busy} data-testid="run-stage-test">{busy ? 'Running…' : 'Run stage test'}</button>
      {error && <div class="error" data-testid="stage-test-error">{error}</div>}
      {res && (
        <div data-testid="stage-test-result" data-status={res.diagnostics?.status}>
          <p>
            {res.stage}: <strong>{res.diagnostics?.status}</strong> in {res.duration_ms} ms · used {JSON.stringify(res.asset_overrides_used ?? {})} ·{' '}
            <a href={href(['traces', res.trace_id])}>trace</a>
          </p>
          <JsonView value={{ diagnostics: res.diagnostics, result: res.result, diff: res.diff }} open={1} />
        </div>
      )}
    </div>
  );
}

export function AssetWork({ asset, who, onChanged }: { asset: Obj; who: WhoAmI | null; onChanged: (version?: number) => void }) {
  const [text, setText] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [message, setMessage] = useState('');
  const [gate, setGate] = useState<Obj | null>(null);
  const [reason, setReason] = useState('');
  const canWrite = holds(who, 'asset_admin');
  const save = async () => {
    setErrors([]);
    setMessage('');
    let content: unknown;
    try {
      content = JSON.parse(text ?? '');
    } catch (e) {
      setErrors([{ path: '(JSON)', message: (e as Error).message }]);
      return;
    }
    try {
      const saved = await post(`/ops/assets/${asset.asset_type}/${asset.name}`, { content });
      setText(null);
      setMessage(`saved draft v${saved.version}`);
      onChanged(saved.version);
    } catch (e) {
      const found = validationErrors((e as Error).message);
      setErrors(found.length ? found : [{ path: '', message: (e as Error).message }]);
    }
  };
  const publish = async () => {
    setMessage('');
    try {
      const r = await post(`/ops/assets/${asset.asset_type}/${asset.name}/publish`, { version: asset.version, override_reason: reason });
      setGate(r.gate ?? null);
      setMessage(`published v${r.asset?.version}${r.archived_version ? `, v${r.archived_version} archived` : ''}`);
      onChanged(r.asset?.version);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const review = async (decision: string) => {
    try {
      await post(`/ops/assets/${asset.asset_type}/${asset.name}/reviews`, { version: asset.version, decision, comment: reason });
      setMessage(`review recorded: ${decision}`);
      onChanged();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <div class="asset-work">
      <div class="toolbar">
        {canWrite && text === null && <button onClick={() => setText(JSON.stringify(asset.content, null, 2))} data-testid="copy-to-draft">Copy to draft and edit</button>}
        {canWrite && asset.status === 'draft' && (
          <>
            <input name="reason" placeholder="override reason / comment" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
            <button onClick={publish} data-testid="publish">Publish through the gate</button>
          </>
        )}
        {holds(who, 'reviewer') && asset.status === 'draft' && (
          <>
            <button onClick={() => review('approve')}>Approve</button>
            <button onClick={() => review('reject')}>Reject</button>
          </>
        )}
      </div>
      {message && <p class="note" data-testid="asset-message">{message}</p>}
      {gate && <div data-testid="gate-report"><h4>Gate: {gate.judgment}</h4><p>{gate.summary}</p></div>}
      {text !== null && (
        <div class="editor">
          <textarea name="content" spellcheck={false} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} rows={24} />
          <div>
            <button onClick={save} data-testid="save-draft">Save as draft (validated)</button> <button onClick={() => (setText(null), setErrors([]))}>Cancel</button>
            {errors.length > 0 && (
              <ul class="validation" data-testid="validation-errors">
                {errors.map((e) => <li><code>{e.path}</code> {e.message}</li>)}
              </ul>
            )}
          </div>
        </div>
      )}
      {holds(who, 'operator') && <StageTest asset={asset} />}
    </div>
  );
}
