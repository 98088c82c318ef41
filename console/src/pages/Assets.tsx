import { useEffect, useState } from 'preact/hooks';
import { get, Obj, qs, WhoAmI } from '../api';
import { go, href } from '../router';
import { JsonView } from '../components/JsonView';
import { ErrorNote } from '../components/ErrorNote';
import { GateReport, GoldenNames, Reviews } from '../components/GateReport';
import { AssetWork } from './AssetWork';

const TYPES = ['', 'query', 'mapping', 'screen', 'policy', 'prompt', 'resolver', 'schema', 'source'];

function AssetDiff({ type, name, versions }: { type: string; name: string; versions: number[] }) {
  const [from, setFrom] = useState(versions[versions.length - 1] ?? 0);
  const [to, setTo] = useState(versions[0] ?? 0);
  const [changes, setChanges] = useState<Obj[] | null>(null);
  const [error, setError] = useState('');
  const run = () =>
    get(`/ops/assets/${type}/${name}/diff${qs({ from_version: from, to_version: to })}`).then(
      (d) => (setChanges(d.changes ?? []), setError('')),
      (e) => setError(e.message),
    );
  const pick = (v: number, set: (n: number) => void) => (
    <select value={v} onChange={(e) => set(Number((e.target as HTMLSelectElement).value))}>
      {versions.map((n) => <option value={n}>v{n}</option>)}
    </select>
  );
  return (
    <div class="asset-diff">
      Diff {pick(from, setFrom)} → {pick(to, setTo)} <button onClick={run} disabled={versions.length < 2}>Diff</button>
      {error && <span class="err"> {error}</span>}
      {changes && (
        <table class="changes" data-testid="asset-diff">
          <tbody>
            {changes.length === 0 && <tr><td>identical</td></tr>}
            {changes.map((c) => (
              <tr class={c.op}><td><code>{c.path}</code></td><td>{c.op}</td><td><pre>{JSON.stringify(c.before)}</pre></td><td><pre>{JSON.stringify(c.after)}</pre></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function AssetsPage({ type, name, query, who }: { type: string; name: string; query: URLSearchParams; who: WhoAmI | null }) {
  const [list, setList] = useState<Obj[] | null>(null);
  const [asset, setAsset] = useState<Obj | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [golden, setGolden] = useState<GoldenNames>(new Map());
  const [reload, setReload] = useState(0);
  const filter = query.get('type') ?? type;
  const version = query.get('version') ?? '';
  useEffect(() => {
    get(`/ops/assets${qs({ asset_type: filter })}`).then((d) => (setList(d.assets ?? []), setError(null)), setError);
  }, [filter, reload]);
  useEffect(() => {
    // the gate report names its golden queries by id; their names come from the list (operator may read it)
    if (type && name)
      get('/ops/golden-queries').then((d) => setGolden(new Map((d.queries ?? []).map((q: Obj) => [q.query_id, q]))), () => setGolden(new Map()));
  }, [type, name, reload]);
  useEffect(() => {
    // the shown version stays until the next arrives, so the work panel (and its last message) stays too
    // a slower answer to an earlier selection never overwrites the current one
    let current = true;
    if (type && name)
      get(`/ops/assets/${type}/${name}${qs({ version })}`).then(
        (a) => current && setAsset(a),
        (e) => current && setError(e),
      );
    return () => {
      current = false;
    };
  }, [type, name, version, reload]);
  // the server decides: without the operator role the list is refused (403), and that is what is shown
  if (!list && error) return <ErrorNote error={error} who={who} />;
  const names = new Map<string, Obj[]>();
  for (const a of list ?? []) {
    const k = `${a.asset_type}/${a.name}`;
    names.set(k, [...(names.get(k) ?? []), a]);
  }
  const versions = (list ?? []).filter((a) => a.asset_type === type && a.name === name).sort((x, y) => y.version - x.version);
  return (
    <section class="assets">
      <aside>
        <select value={filter} onChange={(e) => go(['assets', type, name].filter(Boolean), { type: (e.target as HTMLSelectElement).value })}>
          {TYPES.map((t) => <option value={t}>{t || 'every type'}</option>)}
        </select>
        <ErrorNote error={error} who={who} />
        <ul class="asset-list" data-testid="asset-list">
          {[...names.entries()].map(([k, vs]) => (
            <li class={k === `${type}/${name}` ? 'on' : ''}>
              <a href={href(['assets', vs[0].asset_type, vs[0].name], { type: filter })}>{k}</a>{' '}
              <span class="muted">{vs.map((v) => `v${v.version} ${v.status}`).join(', ')}</span>
            </li>
          ))}
        </ul>
      </aside>
      <div class="asset-main">
        {!type && <p class="muted">Choose an asset.</p>}
        {type && name && (
          <>
            <h2>{type}/{name}</h2>
            <table class="versions" data-testid="versions">
              <thead><tr><th>version</th><th>status</th><th>created</th></tr></thead>
              <tbody>
                {versions.map((v) => (
                  <tr class={String(v.version) === String(asset?.version) ? 'on' : ''}>
                    <td><a href={href(['assets', type, name], { version: String(v.version) })}>v{v.version}</a></td>
                    <td>{v.status}</td>
                    <td>{v.created_at}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <AssetDiff key={versions.map((v) => v.version).join()} type={type} name={name} versions={versions.map((v) => v.version)} />
            {asset && (
              <>
                <h3>v{asset.version} <span class="muted">{asset.status} · by {asset.created_by || '—'}</span></h3>
                <AssetWork key={`${type}/${name}`} asset={asset} who={who} onChanged={(v) => (setReload((n) => n + 1), v && go(['assets', type, name], { version: String(v) }))} />
                {asset.gate ? <GateReport gate={asset.gate} golden={golden} /> : asset.status === 'draft' && <p class="muted" data-testid="no-gate">The publish gate has not run on v{asset.version}.</p>}
                {(asset.status === 'draft' || (asset.reviews ?? []).length > 0) && <><h4>Reviews</h4><Reviews reviews={asset.reviews ?? []} /></>}
                <div data-testid="asset-content"><JsonView value={asset.content} open={2} /></div>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
