import { Obj } from '../api';
import { href } from '../router';

export interface StageRun {
  key: string; // the name, with .2, .3 … for a stage run again (the URL's ?stage=)
  name: string;
  input: Obj;
  output: Obj;
  start: number;
  duration: number;
  failed: boolean;
  tools: Obj[];
  replans: Obj[];
}

/** Pairs each stage input with its output (same order), lays them end to end and nests tool calls and replans. */
export function stageRuns(t: Obj): StageRun[] {
  const ins: Obj[] = t.stage_inputs ?? [];
  const outs: Obj[] = t.stage_outputs ?? [];
  const seen = new Map<string, number>();
  let at = 0;
  const runs: StageRun[] = ins.map((input, i) => {
    const output = outs[i] ?? {};
    const name = input.stage ?? output.stage ?? `stage ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const d = output.diagnostics ?? {};
    const run: StageRun = {
      key: n === 1 ? name : `${name}.${n}`,
      name,
      input,
      output,
      start: at,
      duration: Number(output.duration_ms ?? 0),
      failed: d.status === 'error' || (d.errors ?? []).length > 0 || !outs[i],
      tools: [],
      replans: [],
    };
    at += run.duration;
    return run;
  });
  // tool calls carry no stage: language-model calls belong to planning, the others to EXECUTE
  const firstOf = (names: string[]) => runs.find((r) => names.includes(r.name));
  for (const c of t.tool_calls ?? []) (firstOf(c.llm ? ['route_plan', 'replan'] : ['execute']) ?? runs[runs.length - 1])?.tools.push(c);
  for (const e of t.replan_events ?? []) {
    const target = [...runs].reverse().find((r) => r.name === e.stage_name) ?? runs[runs.length - 1];
    target?.replans.push(e);
  }
  return runs;
}

export function Timeline({ trace, runs, selected }: { trace: Obj; runs: StageRun[]; selected: string }) {
  const total = Math.max(Number(trace.duration_ms ?? 0), ...runs.map((r) => r.start + r.duration), 1);
  const pct = (ms: number) => `${(100 * ms) / total}%`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * total));
  return (
    <div class="timeline" data-testid="timeline">
      <div class="axis">
        {ticks.map((t) => <span style={{ left: pct(t) }}>{t} ms</span>)}
      </div>
      {runs.map((r) => (
        <>
          <a
            class={`lane ${r.failed ? 'failed' : ''} ${selected === r.key ? 'sel' : ''}`}
            href={href(['traces', trace.trace_id], { stage: r.key })}
            data-testid="stage"
            data-stage={r.key}
          >
            <span class="lname">{r.key}</span>
            <span class="track">
              <span class="bar" style={{ left: pct(r.start), width: `max(${pct(r.duration)}, 2px)` }} />
              {r.replans.map((e) => (
                <span class="marker" style={{ left: pct(r.start + r.duration) }} title={`${e.event_type}: ${e.trigger?.trigger_type ?? ''} ${e.trigger?.reason ?? ''}`}>◆</span>
              ))}
            </span>
            <span class="ms">{r.duration} ms</span>
          </a>
          {r.tools.map((c) => (
            <div class={`lane tool ${c.error ? 'failed' : ''}`} data-testid="tool-call">
              <span class="lname">↳ {c.tool}{c.input_params?.query ? ` · ${c.input_params.query}` : ''}</span>
              <span class="track">
                <span class="bar" style={{ left: pct(r.start), width: `max(${pct(Number(c.elapsed_ms ?? 0))}, 2px)` }} />
              </span>
              <span class="ms">{c.elapsed_ms ?? 0} ms {c.error ? `— ${c.error}` : c.output_summary ? `— ${c.output_summary}` : ''}</span>
            </div>
          ))}
          {r.replans.map((e) => (
            <div class="lane replan" data-testid="replan">
              <span class="lname">◆ {e.event_type}</span>
              <span class="why">{e.trigger?.trigger_type} {e.trigger?.reason}</span>
            </div>
          ))}
        </>
      ))}
    </div>
  );
}
