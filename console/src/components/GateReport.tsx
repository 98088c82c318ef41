// A version's stored publish-gate report (GET /ops/assets/{type}/{name}?version=N answers it with the
// version, for every version the gate ran on) and the version's reviews.
import { Obj } from '../api';
import { href } from '../router';

/** query_id → the golden query (name, question), for the rows; a deleted one is shown by its id. */
export type GoldenNames = Map<string, Obj>;

function Changes({ diff }: { diff: Obj | undefined }) {
  const changes: Obj[] = diff?.changes ?? [];
  if (!changes.length) return null;
  return (
    <ul class="gate-changes">
      {changes.slice(0, 5).map((c) => (
        <li class={c.severity}>
          <code>{c.field}</code> {c.baseline} → {c.candidate}
        </li>
      ))}
      {changes.length > 5 && <li class="muted">and {changes.length - 5} more</li>}
    </ul>
  );
}

export function GateReport({ gate, golden }: { gate: Obj; golden: GoldenNames }) {
  const runs: Obj[] = gate.runs ?? [];
  return (
    <div class="gate" data-testid="gate-report" data-judgment={gate.judgment} data-version={gate.version}>
      <h4>
        Publish gate of v{gate.version}: <span class={`judgment ${gate.judgment}`}>{gate.judgment}</span>
      </h4>
      <p class="meta">
        {gate.summary}
        {gate.at && <> · ran {gate.at}</>}
        {gate.by && <> by {gate.by}</>}
      </p>
      {gate.approval?.reviewer && (
        <p data-testid="gate-approval">
          warning let through by the approving review of <strong>{gate.approval.reviewer}</strong> ({gate.approval.at})
          {gate.approval.comment && <>: “{gate.approval.comment}”</>}
        </p>
      )}
      {gate.override_reason && <p class="warn" data-testid="gate-override">published over the gate by an admin: {gate.override_reason}</p>}
      {runs.length > 0 && (
        <table class="gate-runs" data-testid="gate-runs">
          <thead>
            <tr><th>golden query</th><th>judgment</th><th>reason</th><th>traces</th></tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const q = golden.get(r.query_id);
              return (
                <tr data-testid="gate-run" data-judgment={r.judgment}>
                  <td>
                    {q ? q.name : <code>{r.query_id}</code>}
                    {q && <div class="muted">{q.question}</div>}
                  </td>
                  <td><span class={`judgment ${r.judgment}`}>{r.judgment}</span></td>
                  <td>
                    {r.verdict_reason}
                    <Changes diff={r.diff_summary} />
                  </td>
                  <td class="links">
                    {r.candidate_trace_id && <a data-testid="candidate-trace" href={href(['traces', r.candidate_trace_id])}>candidate</a>}
                    {r.baseline_trace_id && r.candidate_trace_id && (
                      <> · <a data-testid="compare-trace" href={href(['compare', r.baseline_trace_id, r.candidate_trace_id])}>vs baseline</a></>
                    )}
                    {r.rca_trace_id && <> · <a data-testid="rca-trace" href={href(['traces', r.rca_trace_id])}>RCA</a></>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function Reviews({ reviews }: { reviews: Obj[] }) {
  if (!reviews.length) return <p class="muted" data-testid="no-reviews">No review of this version.</p>;
  return (
    <table class="reviews" data-testid="reviews">
      <thead>
        <tr><th>reviewer</th><th>decision</th><th>comment</th><th>at</th></tr>
      </thead>
      <tbody>
        {reviews.map((r) => (
          <tr data-testid="review" data-decision={r.decision}>
            <td>{r.reviewer}</td>
            <td class={r.decision === 'approve' ? 'ok' : 'err'}>{r.decision}</td>
            <td>{r.comment}</td>
            <td>{r.at}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
