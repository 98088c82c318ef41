import { useState } from 'preact/hooks';
import { ApiError, Obj, post } from '../api';
import { href } from '../router';
import { Blocks, isReading } from '../blocks/Blocks';

interface Asked {
  question: string;
  response: Obj;
}

/** Actions the console runs: each one is a request to the API, never a local change of the answer. */
function actionsOf(r: Obj): Obj[] {
  const all: Obj[] = [...(r.screen?.actions ?? []), ...(r.next_actions ?? [])];
  const seen = new Set<string>();
  return all.filter((a) => {
    const k = a.action_id + JSON.stringify(a.inputs ?? {});
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

export function AskPage() {
  const [question, setQuestion] = useState('');
  const [mode, setMode] = useState<'real' | 'mock'>('real');
  const [asked, setAsked] = useState<Asked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const send = async (body: Obj) => {
    setBusy(true);
    setError(null);
    try {
      const response = await post('/ops/ci/ask', { mode, ...body });
      setAsked({ question: body.question, response });
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const ask = (q: string) => {
    setQuestion(q);
    return send({ question: q });
  };
  const rerun = (extra: Obj) => {
    const r = asked!.response;
    return send({
      question: asked!.question,
      rerun: { base_plan: r.trace?.route_output?.plan_raw ?? {}, parent_trace_id: r.meta?.trace_id, ...extra },
    });
  };
  const run = (a: Obj) => {
    const ko = asked?.response.meta?.language === 'ko';
    const ci = a.inputs?.ci_code;
    if (a.action_id === 'select_ci') return rerun({ selected_ci_id: a.inputs?.selected_ci_id });
    if (a.action_id === 'drill_ci') return ask(ko ? `${ci} 뭐야?` : `what is ${ci}?`);
    if (a.action_id === 'show_dependencies') return ask(ko ? `${ci}의 의존 관계` : `show dependencies of ${ci}`);
  };

  const r = asked?.response;
  const actions = r ? actionsOf(r) : [];
  const more = actions.find((a) => a.action_id === 'load_more_rows');
  const reading = r?.blocks?.find(isReading);
  return (
    <section class="ask">
      <form
        class="askbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (question.trim()) ask(question.trim());
        }}
      >
        <input
          name="question"
          placeholder="서버A의 CPU 사용량은? · what is impacted if payment-db fails?"
          value={question}
          onInput={(e) => setQuestion((e.target as HTMLInputElement).value)}
        />
        <label title="mock: the whole pipeline, answered from the Query assets' fixtures">
          <select name="mode" value={mode} onChange={(e) => setMode((e.target as HTMLSelectElement).value as 'real')}>
            <option value="real">real</option>
            <option value="mock">mock</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>{busy ? 'Asking…' : 'Ask'}</button>
      </form>
      {error && (
        <div class="error" data-testid="error">
          {error.message}
          {error.traceId && <> — <a href={href(['traces', error.traceId])}>trace</a></>}
        </div>
      )}
      {r && (
        <article class="answer" data-testid="answer" data-trace={r.meta?.trace_id}>
          <p class="answer-text" data-testid="answer-text">{r.answer}</p>
          <Blocks
            key={r.meta?.trace_id}
            blocks={r.blocks ?? []}
            answer={r.answer}
            screen={r.screen}
            traceId={r.meta?.trace_id}
            more={more}
          />
          {actions.some((a) => a.action_id === 'select_ci') && <p class="hint">Which one did you mean?</p>}
          <div class="actions" data-testid="actions">
            {actions.filter((a) => a.action_id !== 'load_more_rows').map((a) =>
              a.action_id === 'change_time_range' ? (
                <span class="range">
                  {a.label}:{' '}
                  {(a.inputs?.options ?? []).map((o: string) => (
                    <button onClick={() => rerun({ patch: { metric: { time_range: o } } })} disabled={busy}>{o}</button>
                  ))}
                </span>
              ) : (
                <button class={a.action_id === 'select_ci' ? 'choice' : ''} onClick={() => run(a)} disabled={busy}>
                  {a.label}
                </button>
              ),
            )}
          </div>
          {reading && <p class="reading" data-testid="reading">{reading.content}</p>}
          <p class="meta">
            route {r.meta?.route} · {r.meta?.timing_ms} ms · {(r.meta?.used_tools ?? []).join(', ') || 'no tools'} ·{' '}
            <a data-testid="trace-link" href={href(['traces', r.meta?.trace_id ?? ''])}>trace {r.meta?.trace_id}</a>
          </p>
        </article>
      )}
    </section>
  );
}
