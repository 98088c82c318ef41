#!/usr/bin/env python3
"""Scrape GET /metrics of a running product with an operator's (here the admin) key and parse it with
the Prometheus project's own parser (Debian's python3-prometheus-client): the text must parse, and the
pipeline's families must be there with bounded labels; the stage services' RPCs and HikariCP pools (in the
all-in-one's one registry) must be there once.

With --apart: scrape a stage service run apart on its metrics port (OPS_METRICS_PORT, no key): the text
must parse, hold that service's RPC latency histogram for METHOD (a call made before) and the JVM's meters,
and anything but GET /metrics there must get 404 or 405.

usage: /usr/bin/python3 .ci/metrics-check.py PORT KEY_FILE
       /usr/bin/python3 .ci/metrics-check.py --apart SERVER METRICS_PORT METHOD
"""
import sys
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

# label names of our families and of the HikariCP binding's: bounded sets (never a question, a CI or a host)
ALLOWED = {"feature", "route", "status", "stage", "trigger", "decision", "tool", "outcome", "model", "kind", "le",
           "quantile", "reason", "server", "service", "method", "source", "type", "planner", "action", "pool"}


def scrape(url, headers):
    req = urllib.request.Request(url, headers=headers)
    return urllib.request.urlopen(req, timeout=10).read().decode("utf-8")


def bounded(families, question=None):
    for f in families.values():
        if not (f.name.startswith("ops_") or f.name.startswith("hikaricp_")) or f.name.startswith("ops_http"):
            continue
        for s in f.samples:
            extra = set(s.labels) - ALLOWED
            if extra:
                sys.exit(f"metrics: {s.name} has labels outside the bounded set: {extra}")
            if question and any(question in v for v in s.labels.values()):
                sys.exit(f"metrics: {s.name} has the question in a label: {s.labels}")


def apart(server, port, method):
    base = f"http://127.0.0.1:{port}"
    text = scrape(f"{base}/metrics", {})
    families = {f.name: f for f in text_string_to_metric_families(text)}
    for need in ["ops_rpc_server_duration_seconds", "jvm_memory_used_bytes", "process_uptime_seconds"]:
        if need not in families:
            sys.exit(f"metrics apart ({server}): missing {need}; have {sorted(families)[:40]}")
    rpc = families["ops_rpc_server_duration_seconds"]
    if rpc.type != "histogram":
        sys.exit(f"metrics apart ({server}): ops_rpc_server_duration_seconds is a {rpc.type}")
    counted = [s for s in rpc.samples if s.name.endswith("_count") and s.labels.get("method") == method
               and s.labels.get("server") == server and s.value >= 1]
    if not counted:
        sys.exit(f"metrics apart ({server}): no {method} call counted: {[s for s in rpc.samples if s.name.endswith('_count')]}")
    bounded(families, "서버")
    # nothing else is served there, and nothing there answers 500
    for path, data, want in [("/", None, 404), ("/metrics/", None, 404), ("/metrics", b"{}", 405)]:
        try:
            urllib.request.urlopen(urllib.request.Request(base + path, data=data), timeout=10)
            sys.exit(f"metrics apart ({server}): {path} answered 200")
        except urllib.error.HTTPError as e:
            if e.code != want:
                sys.exit(f"metrics apart ({server}): {'POST' if data else 'GET'} {path} got {e.code}, not {want}")
    print(f"metrics apart ({server}): ok ({len(families)} families parsed by prometheus_client, "
          f"{len(text.splitlines())} lines; {method} counted {counted[0].labels['status']})")


if len(sys.argv) == 5 and sys.argv[1] == "--apart":
    apart(sys.argv[2], sys.argv[3], sys.argv[4])
    sys.exit(0)

port, key_file = sys.argv[1], sys.argv[2]
key = open(key_file, encoding="utf-8").read().strip()
text = scrape(f"http://127.0.0.1:{port}/metrics", {"authorization": f"Bearer {key}"})
families = {f.name: f for f in text_string_to_metric_families(text)}
need = ["ops_requests_seconds", "ops_stage_duration_seconds", "ops_tool_calls_seconds", "ops_http_server_requests",
        "ops_trace_queue_depth", "ops_traces_written", "jvm_memory_used_bytes", "process_uptime_seconds",
        # CI's ./ops up exports spans (the README's tracing example): their fate is measured
        "ops_otel_spans_exported", "ops_otel_spans_dropped", "ops_otel_span_queue_depth", "ops_otel_traces_dropped",
        # the stage services' own meters, in the all-in-one's one registry
        "ops_rpc_server_duration_seconds", "ops_planner_plans", "ops_executor_source_calls_seconds",
        "ops_executor_source_breakers_open", "ops_trace_service_traces", "hikaricp_connections_active",
        "hikaricp_connections_idle", "hikaricp_connections_pending", "hikaricp_connections_timeout",
        "hikaricp_connections_acquire_seconds", "hikaricp_connections_usage_seconds"]
missing = [n for n in need if n not in families]
if missing:
    sys.exit(f"metrics: missing families {missing}; have {sorted(families)[:40]}")
stages = {s.labels.get("stage") for s in families["ops_stage_duration_seconds"].samples}
if not {"route_plan", "validate", "execute", "compose", "present"} <= stages:
    sys.exit(f"metrics: stage durations for {stages}")
bounded(families, "서버")
# every stage service's RPCs, and each pool of executor- and trace-service once
servers = {s.labels.get("server") for s in families["ops_rpc_server_duration_seconds"].samples}
if servers != {"planner-service", "executor-service", "trace-service"}:
    sys.exit(f"metrics: RPC latencies of {servers}")
pools = [s.labels["pool"] for s in families["hikaricp_connections_active"].samples]
if sorted(pools) != sorted(set(pools)) or not {"trace-service-db", "estate-writer", "postgres_main"} <= set(pools):
    sys.exit(f"metrics: HikariCP pools {pools}: each once, trace-service's, the importer's and the Source's")
# spans went out (the receiver is up): some exported, none dropped for either reason
exported = sum(s.value for s in families["ops_otel_spans_exported"].samples if s.name.endswith("_total"))
reasons = {s.labels.get("reason"): s.value for s in families["ops_otel_spans_dropped"].samples if s.name.endswith("_total")}
if exported <= 0 or set(reasons) != {"queue_full", "export_failed"} or any(reasons.values()):
    sys.exit(f"metrics: spans exported {exported}, dropped {reasons}")
# the Grafana dashboard in the repository plots only series this scrape has
import json
import re
dash = json.load(open("docs/grafana/ops-dashboard.json", encoding="utf-8"))
# counted only once their first event happens (no replan, model call or asset change may have happened yet): the
# names TraceMetrics and trace-service register, as Prometheus writes them
names = {"ops_replans_total", "ops_llm_calls_total", "ops_llm_tokens_total", "ops_trace_service_asset_changes_total"}
for f in families.values():
    names.update(s.name for s in f.samples)
    names.add(f.name)
for p in dash["panels"]:
    for t in p.get("targets", []):
        for n in re.findall(r"\b((?:ops|jvm|process|hikaricp)_[a-z_]+)\b", t["expr"]):
            if n not in names:
                sys.exit(f"metrics: the dashboard panel '{p['title']}' plots {n}, which the scrape does not have")
print(f"metrics: ok ({len(families)} families parsed by prometheus_client, {len(text.splitlines())} lines)")
