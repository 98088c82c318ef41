// A structural diff of two JSON values: every leaf path that was added, removed or changed.
export interface Change {
  path: string;
  op: 'added' | 'removed' | 'changed';
  a?: unknown;
  b?: unknown;
}

const IGNORED = new Set(['duration_ms', 'elapsed_ms', 'timing_ms', 'latency_ms', 'created_at', 'timestamp', 'trace_id', 'parent_trace_id', 'ts_generated']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function diff(a: unknown, b: unknown, path = '', out: Change[] = [], limit = 500): Change[] {
  if (out.length >= limit) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= a.length) out.push({ path: p, op: 'added', b: b[i] });
      else if (i >= b.length) out.push({ path: p, op: 'removed', a: a[i] });
      else diff(a[i], b[i], p, out, limit);
    }
  } else if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (IGNORED.has(k)) continue;
      const p = path ? `${path}.${k}` : k;
      if (!(k in a)) out.push({ path: p, op: 'added', b: b[k] });
      else if (!(k in b)) out.push({ path: p, op: 'removed', a: a[k] });
      else diff(a[k], b[k], p, out, limit);
    }
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ path: path || '(root)', op: 'changed', a, b });
  }
  return out;
}
