#!/usr/bin/env python3
"""Converts Nezha's labelled fault-injection data (IntelligentDDS/Nezha, FSE'23, MIT licence) into
the product's estate import format, per system, for the root-cause benchmark (NezhaEvaluationTest).

Reads a git mirror of github.com/IntelligentDDS/Nezha at a fixed commit (no work tree needed) and
writes, beside this script unless --out says otherwise:

  <system>/cis.csv          ci_code, ci_name, ci_type, status, environment, location, owner, aliases, tags
  <system>/relations.csv    source_ci_code, relation_type, target_ci_code (DEPENDS_ON, caller -> callee)
  <system>/metrics.csv.gz   ts, ci_code, metric_name, value (1-minute samples, pods folded to services)
  <system>/faults.csv       day, inject_time, ci_code, fault_type, inject_pod (the labels)
  LICENSE.txt, SOURCE.txt   Nezha's licence and where the data came from

Systems: online-boutique (days 2022-08-22, 2022-08-23; call edges from metric/dependency.csv) and
train-ticket (2023-01-29, 2023-01-30; call edges from the trace spans' parent/child pairs, read
here and never kept; Nezha's traces start at ts-gateway-service, and the UI service
ts-ui-dashboard, whose nginx forwards the API to the gateway, is given that one edge).

Metrics kept (the ones the cause ranking judges, in the product's canonical names):
  cpu_usage  = CpuUsageRate(%)           mem_usage = MemoryUsageRate(%)
  latency_ms = PodServerLatencyP90(s) * 1000
  error_rate = 100 - SuccessRate(%) of metric/front_service.csv, for the entry service only, and
               only where that column carries a signal (every pod's PodSuccessRate(%) reads 0 in
               this data, and so does Train Ticket's front_service SuccessRate: both are left out).
Python 3 standard library only. Usage: convert.py [--mirror DIR] [--commit SHA] [--out DIR]
"""
import argparse
import csv
import gzip
import io
import json
import math
import os
import subprocess
from collections import defaultdict
from datetime import datetime, timezone

COMMIT = "d8140101fdb4e7dfb60d3ef9f64706f382b68470"
SYSTEMS = {
    "online-boutique": {"days": ["2022-08-22", "2022-08-23"], "entry": "frontend"},
    "train-ticket": {"days": ["2023-01-29", "2023-01-30"], "entry": "ts-ui-dashboard"},
}
ADDED_EDGES = {"train-ticket": [("ts-ui-dashboard", "ts-gateway-service")]}
POD_METRICS = [("cpu_usage", "CpuUsageRate(%)", 1.0), ("mem_usage", "MemoryUsageRate(%)", 1.0),
               ("latency_ms", "PodServerLatencyP90(s)", 1000.0)]


class Mirror:
    def __init__(self, git_dir, commit):
        self.git_dir = git_dir
        self.commit = commit

    def git(self, *args):
        return subprocess.run(["git", "-C", self.git_dir, *args], check=True, capture_output=True).stdout

    def files(self, under):
        """(path, size) of the blobs under a folder; size None when the blob is absent from the mirror."""
        out = []
        for line in self.git("ls-tree", "-r", "-l", self.commit, under).decode().splitlines():
            meta, path = line.split("\t", 1)
            size = meta.split()[3]
            out.append((path, int(size) if size.isdigit() else None))
        return out

    def text(self, path):
        return self.git("show", f"{self.commit}:{path}").decode("utf-8")


def service_of(pod):
    """frontend-579b9bff58-t2dbm -> frontend (a Deployment's pod: name-<replicaset>-<suffix>)."""
    return pod.rsplit("-", 2)[0]


def iso(epoch_seconds):
    return datetime.fromtimestamp(int(epoch_seconds), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def number(v):
    return f"{v:.4g}"


def faults(mirror, day):
    listed = json.loads(mirror.text(f"rca_data/{day}/{day}-fault_list.json"))
    rows = []
    for hour in sorted(listed):
        for f in listed[hour]:
            # inject_time is UTC as the metric files' Time column; Train Ticket's inject_timestamp is
            # 8 hours early (local time taken as UTC), so the stamp is read from inject_time.
            at = datetime.strptime(f["inject_time"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
            rows.append((day, at.strftime("%Y-%m-%dT%H:%M:%SZ"), service_of(f["inject_pod"]), f["inject_type"],
                         f["inject_pod"]))
    return rows


def pod_metrics(mirror, day, samples):
    """samples[(ci, metric)][minute epoch] -> list of values (pods of one service are averaged)."""
    for path, size in mirror.files(f"rca_data/{day}/metric"):
        name = os.path.basename(path)
        if not name.endswith("_metric.csv") or size is None:
            continue
        ci = service_of(name[: -len("_metric.csv")])
        for row in csv.DictReader(io.StringIO(mirror.text(path))):
            minute = int(row["TimeStamp"]) // 60 * 60
            for metric, column, factor in POD_METRICS:
                v = float(row[column]) * factor
                if math.isfinite(v):  # Nezha writes "nan" where a minute had no measure: no sample
                    samples[(ci, metric)][minute].append(v)


def front_errors(mirror, day, entry, samples):
    rows = list(csv.DictReader(io.StringIO(mirror.text(f"rca_data/{day}/metric/front_service.csv"))))
    rates = [float(r["SuccessRate(%)"]) for r in rows]
    if not rates or max(rates) == 0:
        return False
    for r in rows:
        samples[(entry, "error_rate")][int(r["TimeStamp"]) // 60 * 60].append(100.0 - float(r["SuccessRate(%)"]))
    return True


def dependency_edges(mirror, day, services):
    edges = set()
    for row in csv.DictReader(io.StringIO(mirror.text(f"rca_data/{day}/metric/dependency.csv"))):
        if row["Source"] in services and row["Target"] in services and row["Source"] != row["Target"]:
            edges.add((row["Source"], row["Target"]))
    return edges


def trace_edges(mirror, day, services):
    """Caller -> callee services from span parent/child pairs of every trace file the mirror holds."""
    paths = [p for p, size in mirror.files(f"rca_data/{day}/trace") if size is not None and p.endswith(".csv")]
    proc = subprocess.Popen(["git", "-C", mirror.git_dir, "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    span_service = {}
    pairs = []
    for p in paths:
        proc.stdin.write(f"{mirror.commit}:{p}\n".encode())
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        body = proc.stdout.read(int(header[2]))
        proc.stdout.read(1)
        reader = csv.reader(io.StringIO(body.decode("utf-8")))
        next(reader, None)
        for row in reader:
            if len(row) < 4:
                continue
            svc = service_of(row[3])
            span_service[row[1]] = svc
            if row[2] != "root":
                pairs.append((row[2], svc))
    proc.stdin.close()
    proc.wait()
    edges = set()
    for parent, svc in pairs:
        caller = span_service.get(parent)
        if caller and caller != svc and caller in services and svc in services:
            edges.add((caller, svc))
    return edges, len(paths)


def write_system(mirror, system, spec, out):
    os.makedirs(os.path.join(out, system), exist_ok=True)
    samples = defaultdict(lambda: defaultdict(list))
    labels = []
    errors_kept = []
    for day in spec["days"]:
        labels += faults(mirror, day)
        pod_metrics(mirror, day, samples)
        if front_errors(mirror, day, spec["entry"], samples):
            errors_kept.append(day)
    services = sorted({ci for ci, _ in samples})
    edges = set()
    note = ""
    for day in spec["days"]:
        if system == "online-boutique":
            edges |= dependency_edges(mirror, day, set(services))
        else:
            found, files = trace_edges(mirror, day, set(services))
            edges |= found
            note += f"{day}: {files} trace files read; "
    edges |= set(ADDED_EDGES.get(system, []))
    with open(os.path.join(out, system, "cis.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "tags"])
        for s in services:
            w.writerow([s, s, "service", "running", "nezha", system, "", "", "nezha|" + system])
    with open(os.path.join(out, system, "relations.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source_ci_code", "relation_type", "target_ci_code"])
        for a, b in sorted(edges):
            w.writerow([a, "DEPENDS_ON", b])
    with open(os.path.join(out, system, "faults.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["day", "inject_time", "ci_code", "fault_type", "inject_pod"])
        w.writerows(labels)
    rows = 0
    with gzip.GzipFile(os.path.join(out, system, "metrics.csv.gz"), "wb", mtime=0) as gz:
        text = io.TextIOWrapper(gz, encoding="utf-8", newline="")
        text.write("ts,ci_code,metric_name,value\n")
        for (ci, metric) in sorted(samples):
            for minute in sorted(samples[(ci, metric)]):
                vals = samples[(ci, metric)][minute]
                text.write(f"{iso(minute)},{ci},{metric},{number(sum(vals) / len(vals))}\n")
                rows += 1
        text.flush()
        text.detach()
    return (f"{system}: {len(services)} services, {len(edges)} edges, {len(labels)} faults, {rows} samples, "
            f"error_rate of {spec['entry']} kept for {errors_kept or 'no day'}; {note}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default="/work/.mirror/IntelligentDDS+Nezha/repo")
    ap.add_argument("--commit", default=COMMIT)
    ap.add_argument("--out", default=here)
    args = ap.parse_args()
    mirror = Mirror(args.mirror, args.commit)
    summary = [write_system(mirror, system, spec, args.out) for system, spec in SYSTEMS.items()]
    with open(os.path.join(args.out, "LICENSE.txt"), "w") as f:
        f.write(mirror.text("LICENSE"))
    with open(os.path.join(args.out, "SOURCE.txt"), "w") as f:
        f.write("Converted from https://github.com/IntelligentDDS/Nezha (MIT licence, LICENSE.txt beside this file),\n"
                f"commit {args.commit}, rca_data/<day>/ by convert.py (this folder). Nezha: Yu et al., \"Nezha:\n"
                "Interpretable Fine-Grained Root Causes Analysis for Microservices on Multi-modal Observability\n"
                "Data\", ESEC/FSE 2023.\n\n" + "\n".join(summary) + "\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
