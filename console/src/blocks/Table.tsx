import { useState } from 'preact/hooks';
import { Obj, post } from '../api';

export function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * A table block. When the answer offered load_more_rows, "Load more" asks /ops/ui-actions for the next
 * page of the same executed plan (a child trace) and appends its rows.
 */
export function TableBlock({ data, traceId, more }: { data: Obj; traceId?: string; more?: Obj }) {
  const columns: string[] = data.columns ?? [];
  const [rows, setRows] = useState<unknown[][]>(data.rows ?? []);
  const [offset, setOffset] = useState<number>(more ? Number(more.inputs?.offset ?? rows.length) : rows.length);
  const [hasMore, setHasMore] = useState(!!more);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const load = async () => {
    setBusy(true);
    setError('');
    try {
      const limit = Number(more?.inputs?.limit ?? 50);
      const r = await post('/ops/ui-actions', {
        trace_id: traceId,
        action_id: 'load_more_rows',
        inputs: { offset, limit },
        context: {},
      });
      const page = r.blocks?.find((b: Obj) => b.type === 'table');
      setRows((old) => [...old, ...(page?.data?.rows ?? [])]);
      setOffset(Number(r.state_patch?.table_offset ?? offset));
      setHasMore(!!r.state_patch?.has_more);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="block table-block">
      <table data-testid="table">
        <thead>
          <tr>{columns.map((c) => <th>{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>{r.map((v) => <td class={typeof v === 'number' ? 'num' : ''}>{cell(v)}</td>)}</tr>
          ))}
        </tbody>
      </table>
      <div class="table-foot">
        <span data-testid="row-count">{rows.length} rows</span>
        {hasMore && traceId && (
          <button onClick={load} disabled={busy}>
            {busy ? 'Loading…' : `Load more (from row ${offset + 1})`}
          </button>
        )}
        {error && <span class="err">{error}</span>}
      </div>
    </div>
  );
}
