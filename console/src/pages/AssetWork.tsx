import { useRef, useState } from 'preact/hooks';
import { ApiError, holds, Obj, post, WhoAmI } from '../api';
import { href } from '../router';
import { JsonView } from '../components/JsonView';
import { focusLine, JsonEditor } from '../components/JsonEditor';
import { JsonSyntaxError, lineOf, locate, parsePositions, PosNode } from '../jsonpos';

/** "… is invalid: $.a: must be …; $.b: is required" → [{path, message}] (the validator's own wording). */
export function validationErrors(message: string): FieldError[] {
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

export interface FieldError {
  path: string;
  message: string;
  offset?: number; // a syntax error's place in the text
}

/** Each error's line in the current text: at its path, or (text mid-edit, not JSON) where it was last. */
function useMarks(text: string | null, errors: FieldError[]): number[] {
  const last = useRef<number[]>([]);
  if (text === null || !errors.length) return (last.current = []);
  let root: PosNode | null = null;
  try {
    root = parsePositions(text);
  } catch {
    root = null;
  }
  const lines = errors.map((e, i) => {
    if (e.offset !== undefined) return lineOf(text, e.offset);
    if (!e.path.startsWith('$') && !e.path.startsWith('/')) return 0;
    if (!root) return last.current[i] ?? 0;
    const { node } = locate(root, e.path);
    return lineOf(text, node.keyStart ?? node.start);
  });
  return (last.current = lines);
}

export function AssetWork({ asset, who, onChanged }: { asset: Obj; who: WhoAmI | null; onChanged: (version?: number) => void }) {
  const [text, setText] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const ta = useRef<HTMLTextAreaElement | null>(null);
  const lines = useMarks(text, errors);
  const canWrite = holds(who, 'asset_admin');
  const say = (t: string, bad = false) => setMessage({ text: t, bad });
  const refused = (e: unknown) => say(e instanceof ApiError && e.status ? `${e.message} (HTTP ${e.status})` : (e as Error).message, true);
  const save = async () => {
    setErrors([]);
    setMessage(null);
    try {
      parsePositions(text ?? '');
    } catch (e) {
      const err = e as JsonSyntaxError;
      setErrors([{ path: '(JSON)', message: err.message, offset: err.offset }]);
      return;
    }
    try {
      const saved = await post(`/ops/assets/${asset.asset_type}/${asset.name}`, { content: JSON.parse(text ?? '') });
      setText(null);
      say(`saved draft v${saved.version}`);
      onChanged(saved.version);
    } catch (e) {
      const found = validationErrors((e as Error).message);
      setErrors(found.length ? found : [{ path: '', message: (e as Error).message }]);
    }
  };
  const publish = async () => {
    setMessage(null);
    try {
      const r = await post(`/ops/assets/${asset.asset_type}/${asset.name}/publish`, { version: asset.version, override_reason: reason });
      say(`published v${r.asset?.version}${r.archived_version ? `, v${r.archived_version} archived` : ''} (gate: ${r.gate?.judgment ?? '—'})`);
      onChanged(r.asset?.version);
    } catch (e) {
      refused(e);
      onChanged(); // a refused publish stored its gate report with the version: show it
    }
  };
  const review = async (decision: string) => {
    try {
      await post(`/ops/assets/${asset.asset_type}/${asset.name}/reviews`, { version: asset.version, decision, comment: reason });
      say(`review recorded: ${decision}`);
      onChanged();
    } catch (e) {
      refused(e);
    }
  };
  const draft = asset.status === 'draft';
  return (
    <div class="asset-work">
      <div class="toolbar">
        {canWrite && text === null && <button onClick={() => setText(JSON.stringify(asset.content, null, 2))} data-testid="copy-to-draft">Copy to draft and edit</button>}
        {(canWrite || holds(who, 'reviewer')) && draft && (
          <input name="reason" placeholder={canWrite ? 'override reason / comment' : 'comment'} value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
        )}
        {canWrite && draft && <button onClick={publish} data-testid="publish">Publish through the gate</button>}
        {holds(who, 'reviewer') && draft && (
          <>
            <button onClick={() => review('approve')} data-testid="approve">Approve</button>
            <button onClick={() => review('reject')} data-testid="reject">Reject</button>
          </>
        )}
      </div>
      {message && <p class={message.bad ? 'error' : 'note'} data-testid="asset-message">{message.text}</p>}
      {text !== null && (
        <div class="editor">
          <JsonEditor value={text} onInput={setText} marks={errors.map((e, i) => ({ line: lines[i], message: `${e.path} ${e.message}` }))} taRef={ta} />
          <div>
            <button onClick={save} data-testid="save-draft">Save as draft (validated)</button> <button onClick={() => (setText(null), setErrors([]))}>Cancel</button>
            {errors.length > 0 && (
              <ul class="validation" data-testid="validation-errors">
                {errors.map((e, i) => (
                  <li data-line={lines[i] || undefined}>
                    {lines[i] ? (
                      <button class="at" title={`go to line ${lines[i]}`} onClick={() => ta.current && focusLine(ta.current, lines[i])}>{e.path}</button>
                    ) : (
                      <code>{e.path}</code>
                    )}{' '}
                    {e.message}
                    {lines[i] > 0 && <span class="muted"> (line {lines[i]})</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      {holds(who, 'operator') && <StageTest asset={asset} />}
    </div>
  );
}
