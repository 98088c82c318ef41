import { useState } from 'preact/hooks';

/** Collapsible JSON: objects and arrays fold; the first `open` levels start unfolded. */
export function JsonView({ value, open = 2, name }: { value: unknown; open?: number; name?: string }) {
  return (
    <div class="json">
      <Node value={value} depth={0} open={open} name={name} />
    </div>
  );
}

function Node({ value, depth, open, name }: { value: unknown; depth: number; open: number; name?: string }) {
  const [unfolded, setUnfolded] = useState(depth < open);
  const label = name !== undefined ? <span class="k">{name}: </span> : null;
  if (value === null || typeof value !== 'object') {
    const cls = typeof value === 'string' ? 's' : typeof value === 'number' ? 'n' : 'b';
    return (
      <div class="row">
        {label}
        <span class={cls}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [o, c] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (!entries.length) return <div class="row">{label}{o + c}</div>;
  return (
    <div class="row">
      <button class="fold" onClick={() => setUnfolded(!unfolded)} aria-expanded={unfolded}>{unfolded ? '▾' : '▸'}</button>
      {label}
      {unfolded ? (
        <>
          {o}
          <div class="children">
            {entries.map(([k, v]) => <Node value={v} depth={depth + 1} open={open} name={k} />)}
          </div>
          {c}
        </>
      ) : (
        <span class="folded" onClick={() => setUnfolded(true)}>
          {o} {entries.length} {Array.isArray(value) ? 'items' : 'keys'} {c}
        </span>
      )}
    </div>
  );
}
