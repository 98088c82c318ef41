import { Obj } from '../api';

const SQL_BREAK = /\s+(FROM|WHERE|JOIN|LEFT JOIN|INNER JOIN|JOIN LATERAL|GROUP BY|ORDER BY|HAVING|LIMIT|OFFSET|UNION ALL|UNION|AND|OR|ON CONFLICT|WITH|RETURN|MATCH|OPTIONAL MATCH|UNWIND|CALL)\s+/g;

/** A statement laid out one clause a line (the text itself is unchanged but for whitespace). */
export function formatStatement(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(SQL_BREAK, (_m, kw: string) => (kw === 'AND' || kw === 'OR' ? `\n    ${kw} ` : `\n${kw} `))
    .trim();
}

/** A reference: a statement that ran (SQL or Cypher) with its bound parameters. */
export function Statement({ r }: { r: Obj }) {
  const params = Object.entries(r.params ?? {});
  return (
    <div class="statement" data-testid="statement" data-kind={r.kind}>
      <div class="st-head">
        <span class={`tag ${r.kind}`}>{r.kind}</span> {r.title} {r.source && <span class="muted">· {r.source}</span>}
      </div>
      <pre>{formatStatement(String(r.payload ?? ''))}</pre>
      {params.length > 0 && (
        <table class="params">
          <tbody>
            {params.map(([k, v]) => (
              <tr><th>:{k}</th><td>{typeof v === 'string' ? v : JSON.stringify(v)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
