#!/usr/bin/env python3
"""Scrape GET /metrics of a running product with an operator's (here the admin) key and parse it with
the Prometheus project's own parser (Debian's python3-prometheus-client): the text must parse, and the
pipeline's families must be there with bounded labels.

usage: /usr/bin/python3 .ci/metrics-check.py PORT KEY_FILE
"""
import sys
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

port, key_file = sys.argv[1], sys.argv[2]
key = open(key_file, encoding="utf-8").read().strip()
req = urllib.request.Request(f"http://127.0.0.1:{port}/metrics", headers={"authorization": f"Bearer {key}"})
text = urllib.request.urlopen(req, timeout=10).read().decode("utf-8")
families = {f.name: f for f in text_string_to_metric_families(text)}
need = ["ops_requests_seconds", "ops_stage_duration_seconds", "ops_tool_calls_seconds", "ops_http_server_requests",
        "ops_trace_queue_depth", "ops_traces_written", "jvm_memory_used_bytes", "process_uptime_seconds",
        # CI's ./ops up exports spans (the README's tracing example): their fate is measured
        "ops_otel_spans_exported", "ops_otel_spans_dropped", "ops_otel_span_queue_depth", "ops_otel_traces_dropped"]
missing = [n for n in need if n not in families]
if missing:
    sys.exit(f"metrics: missing families {missing}; have {sorted(families)[:40]}")
stages = {s.labels.get("stage") for s in families["ops_stage_duration_seconds"].samples}
if not {"route_plan", "validate", "execute", "compose", "present"} <= stages:
    sys.exit(f"metrics: stage durations for {stages}")
allowed = {"feature", "route", "status", "stage", "trigger", "decision", "tool", "outcome", "model", "kind", "le",
           "quantile", "reason"}
for f in families.values():
    if not f.name.startswith("ops_") or f.name.startswith("ops_http"):
        continue
    for s in f.samples:
        extra = set(s.labels) - allowed
        if extra:
            sys.exit(f"metrics: {s.name} has labels outside the bounded set: {extra}")
# spans went out (the receiver is up): some exported, none dropped for either reason
exported = sum(s.value for s in families["ops_otel_spans_exported"].samples if s.name.endswith("_total"))
reasons = {s.labels.get("reason"): s.value for s in families["ops_otel_spans_dropped"].samples if s.name.endswith("_total")}
if exported <= 0 or set(reasons) != {"queue_full", "export_failed"} or any(reasons.values()):
    sys.exit(f"metrics: spans exported {exported}, dropped {reasons}")
# the Grafana dashboard in the repository plots only series this scrape has
import json
import re
dash = json.load(open("docs/grafana/ops-dashboard.json", encoding="utf-8"))
# counted only once their first event happens (no replan or model call may have happened yet): the names
# TraceMetrics registers, as Prometheus writes them
names = {"ops_replans_total", "ops_llm_calls_total", "ops_llm_tokens_total"}
for f in families.values():
    names.update(s.name for s in f.samples)
    names.add(f.name)
for p in dash["panels"]:
    for t in p["targets"]:
        for n in re.findall(r"\b((?:ops|jvm|process)_[a-z_]+)\b", t["expr"]):
            if n not in names:
                sys.exit(f"metrics: the dashboard panel '{p['title']}' plots {n}, which the scrape does not have")
print(f"metrics: ok ({len(families)} families parsed by prometheus_client, {len(text.splitlines())} lines)")
