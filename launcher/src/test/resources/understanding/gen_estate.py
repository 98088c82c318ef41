#!/usr/bin/env python3
"""Deterministic generator for the "Sora Bank" understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv
and questions.tsv (questions from the hand-written questions_src.txt; expected facts
computed here from the generated data).  When questions_dev2_src.txt exists it also
writes questions_dev2.tsv (ids UX###, half "dev2") from it, with the same machinery, and when
questions_dev3_src.txt exists it writes questions_dev3.tsv (ids UY###, half "dev3") the same way, and
likewise questions_dev4.tsv (ids UZ###, half "dev4") from questions_dev4_src.txt.

Standard library only.  Run:  python3 gen_estate.py   (add --summary to print data tables;
--summary-dev2 / --summary-dev3 / --summary-dev4 print the count per category and language of those sets)

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line).
A spec is an op followed by key=value tokens (no spaces inside a value); a bare key is a flag.
  latest  ci= m=                              newest sample at or before NOW
  agg     ci= m= s=avg|max|min|p95|median r=  [nodata]   (nodata: the range must hold no samples)
  trend   ci= m= r=
  top|bottom m= [n=3] [filters] [r= s=] [value]      rank on latest value, or on s over r
  thr     m= op=gt|lt|between v=X|LO,HI [filters] [r= s=] [want=count] [empty]
  cmp     cis=A,B[,C] m= [r= s=] [value]
  count   [filters]          list [filters]
  hosted  host= [deep=1]     hostof ci= [level=server]
  impact|deps ci= [type=T1,T2] [exact=1] [want=count]
  calls   ci=                path a= b=
  callers ci=                (dev4 only) who calls ci directly: depth-1 DEPENDS_ON/CONNECTS_TO sources
  ev      ci= [r=] [type=] [sev=] [want=count|latest] [empty]
  chg     ci= [at=ISO]       attr ci= a=status|owner|location|env|type
  reject                     clarify
filters: type= status= env= loc= owner= in=CODE,CODE (comma = any of); clean adds clean_only.
m: cpu_usage mem_usage disk_usage latency_ms error_rate.
r: last:Nm|Nh|Nd|Nw today yesterday thisweek lastweek thismonth lastmonth day:YYYY-MM-DD (Seoul day)
   dayutc:YYYY-MM-DD days:D1..D2 (inclusive, Seoul) since:ISO span:ISO/ISO (no offset = Seoul, Z = UTC).
ok suppresses the warnings of that line.  dev4 only: `stale` marks a deliberate latest value of a stopped CI.
"""
import csv
import gzip
import hashlib
import io
import json
import math
import os
import random
import sys
from collections import defaultdict, deque
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "estate")
SEED = 20261127
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2026, 11, 27, 15, 0, tzinfo=KST)          # a Friday
M_START = datetime(2026, 11, 17, 0, 0, tzinfo=KST)
M_END = NOW                                                # inclusive: last sample at 15:00
STEP = timedelta(minutes=15)
H_START = datetime(2014, 4, 10, 0, 0, tzinfo=UTC)        # historical block, 5-minute samples
H_END = datetime(2014, 4, 20, 0, 0, tzinfo=UTC)          # exclusive
H_STEP = timedelta(minutes=5)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# --------------------------------------------------------------------------------------
CIS = [
    ("SB-NET-CORE-1", "core-sw.gwacheon", "network", "running", "sb-live", "gwacheon-dc", "infra-sora", "과천 코어 스위치|gwacheon core switch", "10.40.0.1", "infra"),
    ("SB-NET-CORE-2", "core-sw.ochang", "network", "running", "sb-live", "ochang-dc", "infra-sora", "오창 코어 스위치|ochang core switch", "10.50.0.1", "infra"),
    ("SB-STG-01", "san.gwacheon.01", "storage", "running", "sb-live", "gwacheon-dc", "infra-sora", "메인 스토리지|primary san", "10.40.0.20", "infra"),
    ("SB-STG-02", "nas.ochang.backup", "storage", "maintenance", "sb-live", "ochang-dc", "infra-sora", "백업 스토리지|backup nas", "10.50.0.20", "infra"),
    ("SB-HV-01", "hv-gw-01", "server", "running", "sb-live", "gwacheon-dc", "infra-sora", "하이퍼바이저 1호기|hypervisor one", "10.40.1.11", "infra"),
    ("SB-HV-02", "hv-gw-02", "server", "running", "sb-live", "gwacheon-dc", "infra-sora", "하이퍼바이저 2호기|hypervisor two", "10.40.1.12", "infra"),
    ("SB-HV-03", "hv-oc-03", "server", "running", "sb-uat", "ochang-dc", "infra-sora", "오창 호스트|ochang host", "10.50.1.13", "infra"),
    ("SB-BT-03", "bt-host-03", "server", "running", "sb-live", "gwacheon-dc", "batch-ops", "배치 서버|batch box", "10.40.1.30", "batch"),
    ("vm.core.11", "ledger-vm-a", "vm", "running", "sb-live", "gwacheon-dc", "ledger-team", "원장 VM A", "10.40.11.11", "core"),
    ("vm.core.12", "ledger-vm-b", "vm", "running", "sb-live", "gwacheon-dc", "dba-sora", "원장 DB VM", "10.40.11.12", "core"),
    ("vm.pay.21", "pay-vm-1", "vm", "running", "sb-live", "gwacheon-dc", "payments-squad", "이체 VM|transfer vm", "10.40.12.21", "payments"),
    ("vm.pay.22", "pay-vm-2", "vm", "running", "sb-live", "gwacheon-dc", "payments-squad", "결제 DB VM", "10.40.12.22", "payments"),
    ("vm.ch.31", "channel-vm-1", "vm", "running", "sb-live", "gwacheon-dc", "channel-team", "채널 VM 1", "10.40.13.31", "channel"),
    ("vm.ch.32", "channel-vm-2", "vm", "running", "sb-live", "gwacheon-dc", "channel-team", "채널 VM 2|auth box", "10.40.13.32", "channel"),
    ("vm.risk.41", "risk-vm", "vm", "running", "sb-live", "gwacheon-dc", "risk-lab", "리스크 VM", "10.40.14.41", "risk"),
    ("vm.uat.51", "uat-vm-1", "vm", "running", "sb-uat", "ochang-dc", "channel-team", "UAT 서버|uat box", "10.50.15.51", "channel"),
    ("vm.dw.61", "dw-vm", "vm", "running", "sb-live", "ochang-dc", "dba-sora", "DW VM", "10.50.16.61", "analytics"),
    ("vm.dev.71", "dev-sandbox-vm", "vm", "stopped", "sb-dev", "ochang-dc", "channel-team", "개발 VM|sandbox", "10.50.17.71", "channel"),
    ("SB-DB-LEDGER", "ledger-db", "database", "running", "sb-live", "gwacheon-dc", "dba-sora", "원장 DB|core ledger database", "10.40.11.112", "core"),
    ("SB-DB-PAY", "paydb-primary", "database", "running", "sb-live", "gwacheon-dc", "dba-sora", "결제 DB|payments database", "10.40.12.122", "payments"),
    ("SB-DB-USER", "user-db", "database", "running", "sb-live", "gwacheon-dc", "dba-sora", "고객 DB|customer db", "10.40.13.131", "channel"),
    ("SB-DB-RISK", "risk.db.prod", "database", "running", "sb-live", "gwacheon-dc", "risk-lab", "리스크 DB|fds database", "10.40.14.141", "risk"),
    ("SB-DB-DW", "정보계 DW", "database", "maintenance", "sb-live", "ochang-dc", "dba-sora", "data warehouse|정보계|DW", "10.50.16.161", "analytics"),
    ("sb:app:ledger", "ledger-api", "app", "running", "sb-live", "gwacheon-dc", "ledger-team", "Ledger API|원장 API|원장서버", "10.40.11.111", "core"),
    ("sb:app:transfer", "transfer", "app", "running", "sb-live", "gwacheon-dc", "payments-squad", "이체 엔진|transfer engine", "10.40.12.211", "payments"),
    ("sb:app:limits", "transfer-limits", "app", "running", "sb-live", "gwacheon-dc", "payments-squad", "이체 한도|limit checker", "10.40.12.221", "payments"),
    ("sb:app:mobile", "mobile.api.prod", "app", "running", "sb-live", "gwacheon-dc", "channel-team", "모바일 API|mobile backend", "10.40.13.311", "channel"),
    ("sb:app:auth", "Auth Gateway", "app", "running", "sb-live", "gwacheon-dc", "channel-team", "인증 게이트웨이|login gw", "10.40.13.321", "channel"),
    ("sb:app:notify", "notify", "app", "error", "sb-live", "gwacheon-dc", "channel-team", "알림 발송|push sender", "10.40.13.322", "channel"),
    ("sb:app:settle", "정산 배치", "app", "running", "sb-live", "gwacheon-dc", "batch-ops", "settlement batch|정산서버|settlement box", "10.40.1.31", "batch"),
    ("sb:app:fraud", "fraud-scorer", "app", "running", "sb-live", "gwacheon-dc", "risk-lab", "이상거래 탐지|FDS", "10.40.14.411", "risk"),
    ("sb:app:openbank", "오픈뱅킹 게이트웨이", "app", "running", "sb-live", "gwacheon-dc", "channel-team", "open banking gateway|오픈뱅킹 GW", "10.40.13.312", "channel"),
    ("sb:app:mobile-uat", "mobile.api.uat", "app", "stopped", "sb-uat", "ochang-dc", "channel-team", "모바일 UAT|mobile uat", "10.50.15.511", "channel"),
    ("SB-LB-EXT", "edge-lb.gwacheon", "load_balancer", "running", "sb-live", "gwacheon-dc", "infra-sora", "외부 L4|edge lb", "10.40.0.80", "infra"),
    ("SB-LB-INT", "int-lb.gwacheon", "load_balancer", "running", "sb-live", "gwacheon-dc", "infra-sora", "내부 L4|internal lb", "10.40.0.81", "infra"),
    ("svc/mobile-banking", "모바일 뱅킹", "service", "running", "sb-live", "gwacheon-dc", "channel-team", "mobile banking|MB 서비스", "", "channel"),
    ("svc/transfers", "Transfers", "service", "running", "sb-live", "gwacheon-dc", "payments-squad", "이체 서비스|계좌이체", "", "payments"),
    ("svc/settlement", "일일 정산", "service", "running", "sb-live", "gwacheon-dc", "batch-ops", "daily settlement|EOD settlement", "", "batch"),
    ("svc/openbanking", "Open Banking", "service", "running", "sb-live", "gwacheon-dc", "channel-team", "오픈뱅킹 서비스", "", "channel"),
    ("svc/statuspage", "Status Page", "service", "running", "sb-live", "gwacheon-dc", "infra-sora", "상태 페이지|the status page", "", "infra"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network / storage
    ("SB-HV-01", "CONNECTS_TO", "SB-NET-CORE-1"),
    ("SB-HV-02", "CONNECTS_TO", "SB-NET-CORE-1"),
    ("SB-BT-03", "CONNECTS_TO", "SB-NET-CORE-1"),
    ("SB-HV-03", "CONNECTS_TO", "SB-NET-CORE-2"),
    ("SB-STG-01", "CONNECTS_TO", "SB-NET-CORE-1"),
    ("SB-STG-02", "CONNECTS_TO", "SB-NET-CORE-2"),
    # hosts -> vms (HV-01: HOSTS only, HV-02: RUNS_ON only, HV-03: both)
    ("SB-HV-01", "HOSTS", "vm.core.11"),
    ("SB-HV-01", "HOSTS", "vm.pay.21"),
    ("SB-HV-01", "HOSTS", "vm.ch.31"),
    ("vm.core.12", "RUNS_ON", "SB-HV-02"),
    ("vm.pay.22", "RUNS_ON", "SB-HV-02"),
    ("vm.ch.32", "RUNS_ON", "SB-HV-02"),
    ("vm.risk.41", "RUNS_ON", "SB-HV-02"),
    ("SB-HV-03", "HOSTS", "vm.uat.51"),
    ("SB-HV-03", "HOSTS", "vm.dw.61"),
    ("SB-HV-03", "HOSTS", "vm.dev.71"),
    ("vm.uat.51", "RUNS_ON", "SB-HV-03"),
    ("vm.dw.61", "RUNS_ON", "SB-HV-03"),
    ("vm.dev.71", "RUNS_ON", "SB-HV-03"),
    # databases
    ("SB-DB-LEDGER", "RUNS_ON", "vm.core.12"),
    ("SB-DB-PAY", "RUNS_ON", "vm.pay.22"),
    ("SB-DB-USER", "RUNS_ON", "vm.ch.31"),
    ("SB-DB-RISK", "RUNS_ON", "vm.risk.41"),
    ("SB-DB-DW", "RUNS_ON", "vm.dw.61"),
    ("SB-DB-LEDGER", "DEPENDS_ON", "SB-STG-01"),
    ("SB-DB-PAY", "DEPENDS_ON", "SB-STG-01"),
    ("SB-DB-DW", "DEPENDS_ON", "SB-STG-02"),
    # apps on vms / host
    ("sb:app:ledger", "RUNS_ON", "vm.core.11"),
    ("sb:app:transfer", "RUNS_ON", "vm.pay.21"),
    ("sb:app:limits", "RUNS_ON", "vm.pay.22"),
    ("sb:app:mobile", "RUNS_ON", "vm.ch.31"),
    ("sb:app:openbank", "RUNS_ON", "vm.ch.31"),
    ("sb:app:auth", "RUNS_ON", "vm.ch.32"),
    ("sb:app:notify", "RUNS_ON", "vm.ch.32"),
    ("sb:app:fraud", "RUNS_ON", "vm.risk.41"),
    ("sb:app:settle", "RUNS_ON", "SB-BT-03"),
    ("sb:app:mobile-uat", "RUNS_ON", "vm.uat.51"),
    # app dependencies
    ("sb:app:ledger", "DEPENDS_ON", "SB-DB-LEDGER"),
    ("sb:app:transfer", "DEPENDS_ON", "sb:app:ledger"),
    ("sb:app:transfer", "DEPENDS_ON", "sb:app:limits"),
    ("sb:app:transfer", "DEPENDS_ON", "sb:app:fraud"),
    ("sb:app:transfer", "DEPENDS_ON", "SB-DB-PAY"),
    ("sb:app:limits", "DEPENDS_ON", "SB-DB-PAY"),
    ("sb:app:mobile", "DEPENDS_ON", "sb:app:auth"),
    ("sb:app:mobile", "DEPENDS_ON", "sb:app:transfer"),
    ("sb:app:mobile", "DEPENDS_ON", "sb:app:ledger"),
    ("sb:app:auth", "DEPENDS_ON", "SB-DB-USER"),
    ("sb:app:notify", "DEPENDS_ON", "SB-DB-USER"),
    ("sb:app:settle", "DEPENDS_ON", "SB-DB-LEDGER"),
    ("sb:app:settle", "DEPENDS_ON", "SB-DB-PAY"),
    ("sb:app:settle", "DEPENDS_ON", "SB-DB-DW"),
    ("sb:app:fraud", "DEPENDS_ON", "SB-DB-RISK"),
    ("sb:app:openbank", "DEPENDS_ON", "sb:app:transfer"),
    ("sb:app:openbank", "DEPENDS_ON", "sb:app:auth"),
    ("sb:app:openbank", "DEPENDS_ON", "sb:app:fraud"),
    # load balancers
    ("SB-LB-EXT", "CONNECTS_TO", "sb:app:mobile"),
    ("SB-LB-EXT", "CONNECTS_TO", "sb:app:openbank"),
    ("SB-LB-INT", "CONNECTS_TO", "sb:app:ledger"),
    ("SB-LB-INT", "CONNECTS_TO", "sb:app:transfer"),
    # services
    ("svc/mobile-banking", "DEPENDS_ON", "SB-LB-EXT"),
    ("svc/mobile-banking", "DEPENDS_ON", "sb:app:mobile"),
    ("svc/mobile-banking", "DEPENDS_ON", "sb:app:notify"),
    ("svc/transfers", "DEPENDS_ON", "SB-LB-INT"),
    ("svc/transfers", "DEPENDS_ON", "sb:app:transfer"),
    ("svc/settlement", "DEPENDS_ON", "sb:app:settle"),
    ("svc/openbanking", "DEPENDS_ON", "SB-LB-EXT"),
    ("svc/openbanking", "DEPENDS_ON", "sb:app:openbank"),
    ("svc/statuspage", "DEPENDS_ON", "sb:app:notify"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)   profile: biz | night | flat
METRIC_PLAN = {
    "SB-HV-01": {"cpu_usage": (46, 0.55, 2.5, "biz"), "mem_usage": (71, 0.05, 1.2, "biz"), "disk_usage": (38, 0, 0.2, "flat")},
    "SB-HV-02": {"cpu_usage": (55, 0.50, 2.5, "biz"), "mem_usage": (78, 0.05, 1.2, "biz"), "disk_usage": (44, 0, 0.2, "flat")},
    "SB-HV-03": {"cpu_usage": (19, 0.30, 2.0, "biz"), "mem_usage": (52, 0.03, 1.0, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "SB-BT-03": {"cpu_usage": (14, 5.0, 2.5, "night"), "mem_usage": (40, 0.9, 1.5, "night"), "disk_usage": (57, 0, 0.2, "flat")},
    "vm.core.11": {"cpu_usage": (38, 0.60, 2.5, "biz"), "mem_usage": (63, 0.06, 1.2, "biz"), "disk_usage": (41, 0, 0.2, "flat")},
    "vm.core.12": {"cpu_usage": (50, 0.45, 2.5, "biz"), "mem_usage": (82, 0.03, 0.8, "biz"), "disk_usage": (67, 0, 0.2, "flat")},
    "vm.pay.21": {"cpu_usage": (42, 0.55, 2.5, "biz"), "mem_usage": (58, 0.05, 1.2, "biz"), "disk_usage": (35, 0, 0.2, "flat")},
    "vm.pay.22": {"cpu_usage": (57, 0.40, 2.5, "biz"), "mem_usage": (74, 0.04, 1.0, "biz"), "disk_usage": (52, 0, 0.2, "flat")},
    "vm.ch.31": {"cpu_usage": (33, 0.70, 2.5, "biz"), "mem_usage": (47, 0.08, 1.2, "biz"), "disk_usage": (29, 0, 0.2, "flat")},
    "vm.ch.32": {"cpu_usage": (45, 0.55, 2.5, "biz"), "mem_usage": (55, 0.00, 1.0, "flat"), "disk_usage": (33, 0, 0.2, "flat")},
    "vm.risk.41": {"cpu_usage": (66, 0.30, 2.5, "biz"), "mem_usage": (69, 0.04, 1.0, "biz"), "disk_usage": (48, 0, 0.2, "flat")},
    "vm.uat.51": {"cpu_usage": (11, 0.40, 1.5, "biz"), "mem_usage": (36, 0.03, 1.0, "flat"), "disk_usage": (22, 0, 0.2, "flat")},
    "vm.dw.61": {"cpu_usage": (24, 1.60, 2.0, "night"), "mem_usage": (61, 0.10, 1.0, "night"), "disk_usage": (76, 0, 0.2, "flat")},
    "vm.dev.71": {"cpu_usage": (7, 0.30, 1.0, "biz"), "mem_usage": (26, 0.03, 1.0, "flat"), "disk_usage": (18, 0, 0.2, "flat")},
    "SB-DB-LEDGER": {"cpu_usage": (41, 0.50, 2.5, "biz"), "mem_usage": (86, 0.02, 0.7, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "SB-DB-PAY": {"cpu_usage": (53, 0.45, 2.5, "biz"), "mem_usage": (79, 0.03, 0.8, "flat"), "disk_usage": (62, 0, 0.2, "flat")},
    "SB-DB-USER": {"cpu_usage": (26, 0.60, 2.0, "biz"), "mem_usage": (57, 0.04, 1.0, "flat"), "disk_usage": (43, 0, 0.2, "flat")},
    "SB-DB-RISK": {"cpu_usage": (60, 0.30, 2.5, "biz"), "mem_usage": (66, 0.04, 1.0, "flat"), "disk_usage": (71, 0, 0.2, "flat")},
    "SB-DB-DW": {"cpu_usage": (31, 1.40, 2.5, "night"), "mem_usage": (73, 0.05, 1.0, "night"), "disk_usage": (83, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "sb:app:ledger": {"cpu_usage": (35, 0.60, 2.5, "biz"), "latency_ms": (45, 0.35, 3.0, "biz"), "error_rate": (0.30, 0.3, 0.06, "biz")},
    "sb:app:transfer": {"cpu_usage": (41, 0.55, 2.5, "biz"), "latency_ms": (118, 0.30, 6.0, "biz"), "error_rate": (0.45, 0.3, 0.08, "biz")},
    "sb:app:limits": {"cpu_usage": (18, 0.50, 1.5, "biz"), "latency_ms": (16, 0.25, 1.2, "biz"), "error_rate": (0.10, 0.2, 0.03, "biz")},
    "sb:app:mobile": {"cpu_usage": (52, 0.60, 2.5, "biz"), "latency_ms": (210, 0.35, 10.0, "biz"), "error_rate": (0.80, 0.3, 0.10, "biz")},
    "sb:app:auth": {"cpu_usage": (29, 0.60, 2.0, "biz"), "latency_ms": (82, 0.30, 4.0, "biz"), "error_rate": (0.35, 0.3, 0.06, "biz")},
    "sb:app:notify": {"cpu_usage": (23, 0.50, 2.0, "biz"), "latency_ms": (305, 0.25, 15.0, "biz"), "error_rate": (1.60, 0.2, 0.20, "biz")},
    "sb:app:settle": {"cpu_usage": (9, 6.0, 2.0, "night"), "latency_ms": (940, 0.20, 40.0, "night"), "error_rate": (0.05, 0.5, 0.02, "night")},
    "sb:app:fraud": {"cpu_usage": (61, 0.30, 2.5, "biz"), "latency_ms": (34, 0.30, 2.0, "biz"), "error_rate": (0.20, 0.3, 0.04, "biz")},
    "sb:app:openbank": {"cpu_usage": (37, 0.55, 2.5, "biz"), "latency_ms": (262, 0.30, 12.0, "biz"), "error_rate": (0.90, 0.3, 0.12, "biz")},
    "sb:app:mobile-uat": {"cpu_usage": (6, 0.40, 1.0, "biz"), "latency_ms": (180, 0.20, 9.0, "biz"), "error_rate": (2.20, 0.2, 0.25, "biz")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "vm.dev.71": datetime(2026, 11, 24, 18, 0, tzinfo=KST),
    "sb:app:mobile-uat": datetime(2026, 11, 24, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}
HIST_CIS = ["SB-HV-02", "SB-DB-DW", "vm.risk.41"]


def hour_of(ts):
    t = ts.astimezone(KST)
    return t.hour + t.minute / 60.0


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    if kind == "biz":
        p = math.exp(-((h - 14.0) / 4.0) ** 2)
        if t.weekday() >= 5:
            p *= 0.35
        return p
    if kind == "night":
        d = min(abs(h - 2.5), 24 - abs(h - 2.5))
        return math.exp(-(d / 1.3) ** 2)
    return 0.0


def kst(y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


def ramp(ts, a, b):
    """0 before a, linear to 1 at b, 1 after."""
    if ts <= a:
        return 0.0
    if ts >= b:
        return 1.0
    return (ts - a) / (b - a)


def episode(code, metric, ts, v, rng):
    """Planted episodes, lined up with events."""
    # 1. CPU spike on the transfer VM (and its host), 2026-11-25 13:00-15:45
    if code == "vm.pay.21" and metric == "cpu_usage" and kst(2026, 11, 25, 13) <= ts < kst(2026, 11, 25, 15, 45):
        v = 94.5 + rng.gauss(0, 1.5)
    if code == "SB-HV-01" and metric == "cpu_usage" and kst(2026, 11, 25, 13) <= ts < kst(2026, 11, 25, 15, 45):
        v += 17
    if code == "sb:app:transfer" and metric == "cpu_usage" and kst(2026, 11, 25, 13) <= ts < kst(2026, 11, 25, 15, 45):
        v = 88 + rng.gauss(0, 2)
    # 2. memory climb on channel-vm-2 (auth + notify) 2026-11-22 00:00 -> 11-26 18:00, then restart
    if code == "vm.ch.32" and metric == "mem_usage":
        if ts < kst(2026, 11, 26, 18):
            v += 41.0 * ramp(ts, kst(2026, 11, 22), kst(2026, 11, 26, 18))
        else:
            v -= 6.0
    if code == "sb:app:notify" and metric == "latency_ms" and kst(2026, 11, 25, 12) <= ts < kst(2026, 11, 26, 18):
        v *= 1.8
    if code == "sb:app:notify" and metric == "error_rate" and kst(2026, 11, 25, 12) <= ts < kst(2026, 11, 26, 18):
        v += 3.5
    # 3. latency incident on ledger-api 2026-11-26 14:00-16:30 (after deploy 10:40 and ledger-db change 11:30)
    inc = kst(2026, 11, 26, 14) <= ts < kst(2026, 11, 26, 16, 30)
    if inc:
        if code == "sb:app:ledger" and metric == "latency_ms":
            v = 850 + rng.gauss(0, 45)
        if code == "sb:app:ledger" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.6)
        if code in ("sb:app:transfer", "sb:app:mobile") and metric == "latency_ms":
            v += 320 + rng.gauss(0, 20)
        if code in ("sb:app:transfer", "sb:app:mobile") and metric == "error_rate":
            v += 2.8 + rng.gauss(0, 0.3)
    if code == "SB-DB-LEDGER" and metric == "cpu_usage" and kst(2026, 11, 26, 13, 45) <= ts < kst(2026, 11, 26, 16, 30):
        v = 89 + rng.gauss(0, 1.5)
    # 4. slow disk growth on paydb
    if code == "SB-DB-PAY" and metric == "disk_usage":
        v += 29.0 * ramp(ts, M_START, M_END)
    if code == "vm.dw.61" and metric == "disk_usage":
        v += 6.0 * ramp(ts, M_START, M_END)
    # 5. settlement batch failure 2026-11-24 02:30 (after deploy 11-23 21:00 and paydb change 23:30)
    if code == "sb:app:settle" and kst(2026, 11, 24, 2, 30) <= ts < kst(2026, 11, 24, 9):
        if metric == "cpu_usage":
            v = 2.0 + abs(rng.gauss(0, 0.5))
        if metric == "error_rate":
            v = 12.0 + rng.gauss(0, 1.0)
    if code == "SB-BT-03" and metric == "cpu_usage" and kst(2026, 11, 24, 2, 30) <= ts < kst(2026, 11, 24, 9):
        v = 6.0 + abs(rng.gauss(0, 1.0))
    # 6. auth error burst 2026-11-20 08:00-09:30 (after user-db change 03:00 and auth deploy 07:30)
    if kst(2026, 11, 20, 8) <= ts < kst(2026, 11, 20, 9, 30):
        if code == "sb:app:auth" and metric == "error_rate":
            v = 9.5 + rng.gauss(0, 0.8)
        if code == "sb:app:mobile" and metric == "error_rate":
            v += 4.0 + rng.gauss(0, 0.4)
        if code == "sb:app:auth" and metric == "latency_ms":
            v *= 2.5
    # 7. fraud-scorer timeouts today 2026-11-27 10:45-12:15 (after risk.db change 08:50, deploy 09:15)
    if kst(2026, 11, 27, 10, 45) <= ts < kst(2026, 11, 27, 12, 15):
        if code == "sb:app:fraud" and metric == "latency_ms":
            v = 410 + rng.gauss(0, 25)
        if code == "sb:app:fraud" and metric == "error_rate":
            v = 4.2 + rng.gauss(0, 0.4)
        if code == "SB-DB-RISK" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 1.5)
    return v


def gen_metrics(rng):
    rows = []  # (ts, code, metric, value)
    t = M_START
    times = []
    while t <= M_END:
        times.append(t)
        t += STEP
    for code in [c[0] for c in CIS]:
        plan = METRIC_PLAN.get(code)
        if not plan:
            continue
        for metric, (base, amp, sd, prof) in plan.items():
            drift = 0.0
            for ts in times:
                if code in STOPPED_AT and ts > STOPPED_AT[code]:
                    break
                drift = 0.9 * drift + rng.gauss(0, sd * 0.3)
                p = profile(prof, ts)
                if metric in ("cpu_usage",) or metric in ("latency_ms", "error_rate"):
                    v = base * (1 + amp * p) + rng.gauss(0, sd) + drift
                else:
                    v = base * (1 + amp * p) + rng.gauss(0, sd) * 0.6 + drift
                v = episode(code, metric, ts, v, rng)
                if metric in PCT:
                    v = min(max(v, 0.0 if metric == "error_rate" else 0.5), 99.9)
                else:
                    v = max(v, 1.0)
                rows.append((ts, code, metric, round(v, 2)))
    # historical block: 5-minute cpu_usage, EC2-like
    for code, base, sd in (("SB-HV-02", 38.0, 4.0), ("SB-DB-DW", 22.0, 3.0), ("vm.risk.41", 9.0, 1.5)):
        t = H_START
        level = base
        while t < H_END:
            level += rng.gauss(0, sd * 0.15) + 0.02 * (base - level)
            h = t.hour + t.minute / 60.0            # UTC hour
            v = level + base * 0.25 * math.sin((h - 3) / 24 * 2 * math.pi) + rng.gauss(0, sd)
            if code == "SB-HV-02" and datetime(2014, 4, 17, 8, tzinfo=UTC) <= t < datetime(2014, 4, 17, 11, tzinfo=UTC):
                v = 93 + rng.gauss(0, 2.5)
            if code == "SB-DB-DW" and datetime(2014, 4, 15, 18, tzinfo=UTC) <= t < datetime(2014, 4, 15, 21, tzinfo=UTC):
                v = 71 + rng.gauss(0, 3)
            if code == "vm.risk.41" and rng.random() < 0.01:
                v += rng.uniform(20, 45)
            v = min(max(v, 0.2), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
            t += H_STEP
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    # (ts, code, type, severity, title, detail)
    # last month (October) - a few older records
    (kst(2026, 10, 8, 22, 0), "SB-DB-LEDGER", "change", "info", "ledger-db 분기 패치 적용 (PG 15.8)", "quarterly minor version patch, 20 min downtime window"),
    (kst(2026, 10, 19, 3, 10), "SB-STG-02", "alert", "major", "backup nas controller B failover", "controller B took over after firmware fault"),
    (kst(2026, 10, 27, 19, 30), "sb:app:transfer", "deploy", "info", "transfer 4.1.0 배포 (이체 수수료 개편)", "release 4.1.0"),
    # auth error burst 11-20
    (kst(2026, 11, 20, 3, 0), "SB-DB-USER", "change", "info", "user-db max_connections 400 -> 250", "CHG-7712 connection limit lowered"),
    (kst(2026, 11, 20, 7, 30), "sb:app:auth", "deploy", "info", "Auth Gateway 2.3.0 deploy (OTP flow)", "release 2.3.0"),
    (kst(2026, 11, 20, 8, 5), "sb:app:auth", "alert", "major", "auth error rate above 5%", "error_rate 9.5% (threshold 5%)"),
    (kst(2026, 11, 20, 8, 12), "sb:app:auth", "incident", "critical", "모바일 로그인 실패 급증", "INC-5301 login failures, OTP validation errors"),
    (kst(2026, 11, 20, 8, 20), "sb:app:mobile", "alert", "major", "mobile.api.prod error rate above 3%", "upstream auth failures"),
    (kst(2026, 11, 20, 9, 40), "SB-DB-USER", "change", "info", "user-db connection limit rollback", "CHG-7715 rollback of CHG-7712"),
    # settlement batch failure 11-24
    (kst(2026, 11, 23, 20, 40), "sb:app:settle", "build", "info", "settle-batch build #812 succeeded", "ci pipeline"),
    (kst(2026, 11, 23, 21, 0), "sb:app:settle", "deploy", "info", "settle-batch 2.8.1 배포", "release 2.8.1 (partition-aware reader)"),
    (kst(2026, 11, 23, 23, 30), "SB-DB-PAY", "change", "info", "paydb 월별 파티션 추가", "CHG-7740 add monthly partitions"),
    (kst(2026, 11, 24, 2, 35), "sb:app:settle", "alert", "critical", "정산 배치 job EOD-SETTLE exit code 2", "job aborted"),
    (kst(2026, 11, 24, 2, 40), "sb:app:settle", "incident", "critical", "정산 배치 실패 (EOD-SETTLE)", "INC-5318 settlement batch aborted: snapshot too old on paydb"),
    (kst(2026, 11, 24, 9, 5), "sb:app:settle", "change", "info", "settle-batch 2.8.0 롤백", "rollback to 2.8.0, batch re-run ok"),
    # stopped dev/uat
    (kst(2026, 11, 24, 17, 55), "vm.dev.71", "change", "info", "dev-sandbox-vm 전원 off (비용 절감)", "CHG-7751 powered off"),
    (kst(2026, 11, 24, 17, 58), "sb:app:mobile-uat", "change", "info", "mobile.api.uat stopped for UAT freeze", "CHG-7752"),
    # CPU spike on transfer VM 11-25
    (kst(2026, 11, 25, 13, 10), "vm.pay.21", "alert", "critical", "pay-vm-1 CPU over 90%", "cpu_usage 95%"),
    (kst(2026, 11, 25, 13, 20), "sb:app:transfer", "alert", "major", "transfer CPU saturation", "GC thrashing, batch transfer job overlap"),
    (kst(2026, 11, 25, 15, 50), "vm.pay.21", "alert", "info", "pay-vm-1 CPU back to normal", "cpu_usage 44%"),
    # memory climb on channel-vm-2
    (kst(2026, 11, 24, 10, 15), "vm.ch.32", "alert", "minor", "channel-vm-2 memory above 80%", "mem_usage 81%"),
    (kst(2026, 11, 25, 21, 30), "vm.ch.32", "alert", "major", "channel-vm-2 memory above 90%", "mem_usage 91%"),
    (kst(2026, 11, 26, 17, 10), "sb:app:notify", "incident", "major", "푸시 알림 지연 (notify OOM)", "INC-5330 push delivery delayed, notify OOM-killed twice"),
    (kst(2026, 11, 26, 18, 5), "vm.ch.32", "change", "info", "channel-vm-2 재기동 (메모리 회수)", "CHG-7760 reboot"),
    # ledger latency incident 11-26
    (kst(2026, 11, 26, 10, 40), "sb:app:ledger", "deploy", "info", "ledger-api 3.14.0 deploy", "release 3.14.0 (new balance query)"),
    (kst(2026, 11, 26, 11, 30), "SB-DB-LEDGER", "change", "info", "ledger-db 인덱스 재구성 (ix_txn_acct)", "CHG-7758 rebuild index ix_txn_acct"),
    (kst(2026, 11, 26, 13, 50), "SB-DB-LEDGER", "alert", "major", "ledger-db CPU over 85%", "cpu_usage 89%"),
    (kst(2026, 11, 26, 14, 10), "sb:app:ledger", "incident", "critical", "원장 API 응답 지연 (p95 > 800ms)", "INC-5327 ledger-api latency, full scans on txn table"),
    (kst(2026, 11, 26, 14, 25), "sb:app:transfer", "incident", "major", "이체 타임아웃 증가", "INC-5328 transfer timeouts caused by ledger-api latency"),
    (kst(2026, 11, 26, 14, 30), "sb:app:mobile", "alert", "major", "mobile.api.prod latency above 500ms", "upstream ledger-api"),
    (kst(2026, 11, 26, 16, 35), "sb:app:ledger", "change", "info", "ledger-api 3.13.2 롤백", "rollback; latency recovered"),
    # paydb disk
    (kst(2026, 11, 26, 3, 0), "SB-DB-PAY", "alert", "minor", "paydb-primary disk above 85%", "disk_usage 85%"),
    (kst(2026, 11, 27, 6, 0), "SB-DB-PAY", "alert", "major", "paydb-primary disk above 90%", "disk_usage 90%"),
    # fraud-scorer today
    (kst(2026, 11, 27, 8, 50), "SB-DB-RISK", "change", "info", "risk.db work_mem 파라미터 변경", "CHG-7771 work_mem 64MB -> 16MB"),
    (kst(2026, 11, 27, 9, 15), "sb:app:fraud", "deploy", "info", "fraud-scorer model v42 배포", "model v42 rollout"),
    (kst(2026, 11, 27, 10, 55), "sb:app:fraud", "incident", "major", "FDS 스코어링 타임아웃", "INC-5335 fraud scoring timeouts, transfers held"),
    (kst(2026, 11, 27, 12, 20), "sb:app:fraud", "change", "info", "fraud-scorer model v41 rollback", "rollback to v41"),
    # misc
    (kst(2026, 11, 18, 2, 0), "SB-STG-01", "change", "info", "primary san firmware 9.2 upgrade", "CHG-7690"),
    (kst(2026, 11, 19, 14, 0), "SB-LB-EXT", "change", "info", "edge-lb TLS 인증서 교체", "CHG-7701 certificate renewal"),
    (kst(2026, 11, 21, 1, 0), "SB-DB-DW", "change", "info", "정보계 DW 정기 점검 시작", "maintenance window opened"),
    (kst(2026, 11, 22, 4, 20), "SB-HV-03", "alert", "minor", "hv-oc-03 fan speed warning", "fan 3 rpm low"),
    (kst(2026, 11, 25, 9, 0), "SB-BT-03", "alert", "minor", "bt-host-03 NTP drift 2s", "chrony resync"),
    (kst(2026, 11, 27, 13, 40), "SB-BT-03", "change", "info", "bt-host-03 커널 패치 예약", "CHG-7775 scheduled for 11-29"),
    (kst(2026, 11, 27, 11, 5), "sb:app:transfer", "alert", "minor", "transfer fraud check latency high", "upstream fraud-scorer"),
    (kst(2026, 11, 26, 19, 0), "svc/statuspage", "change", "info", "Status Page 공지 게시: 푸시 알림 지연", "public notice"),
    (kst(2026, 11, 22, 10, 0), "sb:app:openbank", "deploy", "info", "오픈뱅킹 게이트웨이 1.9.4 배포", "release 1.9.4"),
]

BUILD_APPS = ["sb:app:ledger", "sb:app:transfer", "sb:app:limits", "sb:app:mobile", "sb:app:auth", "sb:app:openbank", "sb:app:notify"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines, minor alerts
    day = kst(2026, 11, 17)
    n = 0
    while day < kst(2026, 11, 27):
        for code in BUILD_APPS:
            if rng.random() < 0.35:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{700 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky integration test"))
        day += timedelta(days=1)
    ev.sort(key=lambda e: (e[0], e[1]))
    return ev


# --------------------------------------------------------------------------------------
# Writing the estate
# --------------------------------------------------------------------------------------
def iso(ts):
    return ts.isoformat()


def write_estate(metrics, events):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "cis.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CI_FIELDS)
        for c in CIS:
            w.writerow(c)
    with open(os.path.join(OUT, "relations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source_ci_code", "relation_type", "target_ci_code"])
        for r in RELATIONS:
            w.writerow(r)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["ts", "ci_code", "metric_name", "value"])
    for ts, code, m, v in metrics:
        w.writerow([iso(ts), code, m, f"{v:.2f}"])
    with open(os.path.join(OUT, "metrics.csv.gz"), "wb") as raw:
        with gzip.GzipFile(filename="metrics.csv", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    with open(os.path.join(OUT, "events.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ts", "ci_code", "event_type", "severity", "title", "detail"])
        for e in events:
            w.writerow([iso(e[0])] + list(e[1:]))


# --------------------------------------------------------------------------------------
# Truth computation
# --------------------------------------------------------------------------------------
class Data:
    def __init__(self, metrics, events):
        self.series = defaultdict(list)
        for ts, code, m, v in metrics:
            self.series[(code, m)].append((ts, v))
        for k in self.series:
            self.series[k].sort()
        self.events = events
        self.dep = defaultdict(set)    # c -> what c depends on (all relation kinds, normalised)
        self.rdep = defaultdict(set)   # c -> what depends on c
        self.calls = defaultdict(set)  # c -> direct DEPENDS_ON / CONNECTS_TO targets
        self.infra_up = defaultdict(set)   # c -> its host (RUNS_ON target / HOSTS source)
        for s, r, t in RELATIONS:
            if r == "HOSTS":
                src, dst = t, s
            else:
                src, dst = s, t
            self.dep[src].add(dst)
            self.rdep[dst].add(src)
            if r in ("DEPENDS_ON", "CONNECTS_TO"):
                self.calls[s].add(t)
            if r in ("HOSTS", "RUNS_ON"):
                self.infra_up[src].add(dst)

    def closure(self, c, adj):
        seen, q = set(), deque([c])
        while q:
            x = q.popleft()
            for y in adj[x]:
                if y not in seen and y != c:
                    seen.add(y)
                    q.append(y)
        return seen

    def samples(self, code, m, a=None, b=None):
        s = self.series.get((code, m), [])
        if a is None:
            return s
        return [(t, v) for t, v in s if a <= t < b]

    def latest(self, code, m):
        s = [x for x in self.series.get((code, m), []) if x[0] <= NOW]
        return s[-1][1] if s else None


def pct_cont(vals, p):
    s = sorted(vals)
    if len(s) == 1:
        return s[0]
    k = (len(s) - 1) * p
    f = math.floor(k)
    c = min(f + 1, len(s) - 1)
    return s[f] + (s[c] - s[f]) * (k - f)


def pct_disc(vals, p):
    s = sorted(vals)
    k = max(math.ceil(p * len(s)) - 1, 0)
    return s[k]


def stat(vals, s):
    if not vals:
        return None
    if s == "avg":
        return sum(vals) / len(vals)
    if s == "max":
        return max(vals)
    if s == "min":
        return min(vals)
    if s == "p95":
        return pct_cont(vals, 0.95)
    if s == "median":
        return pct_cont(vals, 0.5)
    raise ValueError(s)


def parse_dt(s):
    """'2026-11-26T10:00' (KST), '...Z' (UTC), or full ISO with offset."""
    if s.endswith("Z"):
        d = datetime.fromisoformat(s[:-1])
        return d.replace(tzinfo=UTC)
    d = datetime.fromisoformat(s)
    if d.tzinfo is None:
        d = d.replace(tzinfo=KST)
    return d


def resolve_range(tok):
    today = NOW.astimezone(KST).replace(hour=0, minute=0, second=0, microsecond=0)
    if tok.startswith("last:"):
        n, u = int(tok[5:-1]), tok[-1]
        d = {"m": timedelta(minutes=n), "h": timedelta(hours=n), "d": timedelta(days=n), "w": timedelta(weeks=n)}[u]
        return NOW - d, NOW
    if tok == "today":
        return today, NOW
    if tok == "yesterday":
        return today - timedelta(days=1), today
    if tok == "thisweek":
        return today - timedelta(days=today.weekday()), NOW
    if tok == "lastweek":
        mon = today - timedelta(days=today.weekday())
        return mon - timedelta(days=7), mon
    if tok == "thismonth":
        return today.replace(day=1), NOW
    if tok == "lastmonth":
        first = today.replace(day=1)
        prev = (first - timedelta(days=1)).replace(day=1)
        return prev, first
    if tok.startswith("day:"):
        d = datetime.fromisoformat(tok[4:]).replace(tzinfo=KST)
        return d, d + timedelta(days=1)
    if tok.startswith("dayutc:"):
        d = datetime.fromisoformat(tok[7:]).replace(tzinfo=UTC)
        return d, d + timedelta(days=1)
    if tok.startswith("days:"):      # inclusive day span, KST: days:2014-04-12..2014-04-14
        a, b = tok[5:].split("..")
        a = datetime.fromisoformat(a).replace(tzinfo=KST)
        b = datetime.fromisoformat(b).replace(tzinfo=KST) + timedelta(days=1)
        return a, b
    if tok.startswith("since:"):
        return parse_dt(tok[6:]), NOW
    if tok.startswith("span:"):
        a, b = tok[5:].split("/")
        return parse_dt(a), parse_dt(b)
    raise ValueError("bad range " + tok)


def fmt_ts(d):
    return d.isoformat()


class Warn(Exception):
    pass


def filt_cis(f):
    out = []
    for c in CIS:
        r = CI[c[0]]
        ok = True
        for k, col in (("type", "ci_type"), ("status", "status"), ("env", "environment"), ("loc", "location"), ("owner", "owner")):
            if k in f and r[col] not in f[k].split(","):
                ok = False
        if "in" in f and r["ci_code"] not in f["in"].split(","):
            ok = False
        if ok:
            out.append(r["ci_code"])
    return out


def unique_filter(f):
    return any(k in f for k in ("env", "loc", "owner", "in"))


MARGIN = {"cpu_usage": 0.5, "mem_usage": 0.5, "disk_usage": 0.5, "error_rate": 0.1, "latency_ms": 3.0}


def ci_metric_value(D, code, m, f):
    if "r" in f:
        a, b = resolve_range(f["r"])
        vals = [v for _, v in D.samples(code, m, a, b)]
        return stat(vals, f.get("s", "avg"))
    return D.latest(code, m)


def compute(D, spec, warns):
    toks = spec.split()
    op = toks[0]
    f = {}
    for t in toks[1:]:
        k, _, v = t.partition("=")
        f[k] = v
    e = {"route": "orch"}
    if op in ("reject", "clarify"):
        e["route"] = op
        return e
    if "r" in f:
        a, b = resolve_range(f["r"])
        e["time_from"], e["time_to"] = fmt_ts(a), fmt_ts(b)
    tol = 0.051
    if op == "latest":
        v = D.latest(f["ci"], f["m"])
        if v is None:
            raise Warn("no data")
        e["ci"] = f["ci"]
        e["value"], e["tol"] = round(v, 3), tol
    elif op == "agg":
        a, b = resolve_range(f["r"])
        vals = [v for _, v in D.samples(f["ci"], f["m"], a, b)]
        e["ci"] = f["ci"]
        if not vals:
            if "nodata" not in f:
                raise Warn("no samples in range")
        else:
            if "nodata" in f:
                raise Warn("nodata flagged but samples exist")
            v = stat(vals, f["s"])
            if f["s"] == "p95":
                alts = [pct_cont(vals, 0.95), pct_disc(vals, 0.95)]
                s = sorted(vals)
                alts.append(s[min(int(round(0.95 * (len(s) - 1))), len(s) - 1)])
                tol = round(max(0.051, max(abs(x - v) for x in alts) + 0.051), 3)
            e["value"], e["tol"] = round(v, 3), tol
    elif op == "trend":
        a, b = resolve_range(f["r"])
        if not D.samples(f["ci"], f["m"], a, b):
            raise Warn("no samples")
        e["ci"] = f["ci"]
    elif op in ("top", "bottom"):
        m, n = f["m"], int(f.get("n", "3"))
        cand = []
        for c in filt_cis(f):
            v = ci_metric_value(D, c, m, f)
            if v is not None:
                cand.append((v, c))
        cand.sort(reverse=(op == "top"))
        if len(cand) < n:
            raise Warn(f"only {len(cand)} candidates")
        vals = [v for v, _ in cand[: n + 1]]
        for i in range(min(n, len(vals) - 1)):
            if abs(vals[i] - vals[i + 1]) < MARGIN[m]:
                warns.append(f"close ranks {cand[i]} {cand[i+1]}")
        e["ordered_codes"] = [c for _, c in cand[:n]]
        if "value" in f:  # value of the first
            e["value"], e["tol"] = round(cand[0][0], 3), tol
        if not unique_filter(f):
            e["clean_only"] = True
    elif op == "thr":
        m, opx = f["m"], f["op"]
        out = []
        for c in filt_cis(f):
            v = ci_metric_value(D, c, m, f)
            if v is None:
                continue
            if opx == "between":
                lo, hi = map(float, f["v"].split(","))
                hit = lo <= v <= hi
                edges = (lo, hi)
            else:
                th = float(f["v"])
                hit = v > th if opx == "gt" else v < th
                edges = (th,)
            if any(abs(v - x) < MARGIN[m] for x in edges):
                warns.append(f"borderline {c} {v}")
            if hit:
                out.append(c)
        if not out and "empty" not in f:
            warns.append("empty threshold result")
        e["codes"], e["codes_exact"] = out, True
        if f.get("want") == "count":
            e["count"] = len(out)
        if not unique_filter(f):
            e["clean_only"] = True
    elif op == "cmp":
        cis = f["cis"].split(",")
        e["codes"] = cis
        vals = [ci_metric_value(D, c, f["m"], f) for c in cis]
        if any(v is None for v in vals):
            raise Warn("cmp missing data")
        if "value" in f:
            e["value"], e["tol"] = round(vals[0], 3), tol
    elif op == "count":
        e["count"] = len(filt_cis(f))
        if not unique_filter(f):
            e["clean_only"] = True
    elif op == "list":
        cs = filt_cis(f)
        if not cs:
            warns.append("empty list")
        e["codes"], e["codes_exact"] = cs, True
        if not unique_filter(f):
            e["clean_only"] = True
    elif op == "hosted":       # what runs on host X
        h = f["host"]
        direct = sorted(c for c in D.rdep[h] if h in D.infra_up[c])
        if f.get("deep"):
            seen, q = set(direct), deque(direct)
            while q:
                x = q.popleft()
                for y in D.rdep[x]:
                    if x in D.infra_up[y] and y not in seen:
                        seen.add(y)
                        q.append(y)
            codes = sorted(seen)
        else:
            codes = direct
        e["ci"] = h
        e["codes"] = codes
        other = set()
        for c in CI:
            for up in D.infra_up[c]:
                if up != h and CI[up]["ci_type"] == CI[h]["ci_type"]:
                    other.add(c)
        e["absent_codes"] = sorted(other - set(codes) - D.closure(h, D.rdep))
    elif op == "hostof":       # where does X run
        c = f["ci"]
        ups = sorted(D.infra_up[c])
        if f.get("level") == "server":
            x = c
            while CI[x]["ci_type"] != "server":
                ups = sorted(D.infra_up[x])
                if len(ups) != 1:
                    raise Warn("ambiguous host chain")
                x = ups[0]
            ups = [x]
        if len(ups) != 1:
            raise Warn("hostof not unique")
        e["ci"] = c
        e["codes"] = ups
    elif op in ("impact", "deps"):
        c = f["ci"]
        fwd = D.closure(c, D.rdep if op == "impact" else D.dep)
        back = D.closure(c, D.dep if op == "impact" else D.rdep)
        if "type" in f:
            fwd = {x for x in fwd if CI[x]["ci_type"] in f["type"].split(",")}
            allt = {x for x in CI if CI[x]["ci_type"] in f["type"].split(",")}
            absent = allt - fwd - {c}
        else:
            absent = back - fwd
        e["ci"] = c
        e["codes"] = sorted(fwd)
        if f.get("exact") and "type" in f:
            e["codes_exact"] = True
        if absent:
            e["absent_codes"] = sorted(absent)
        if f.get("want") == "count":
            e["count"] = len(fwd)
        if not fwd:
            warns.append("empty closure")
    elif op == "calls":
        c = f["ci"]
        d1 = D.calls[c]
        far = D.closure(c, D.dep) - d1 - D.infra_up[c]
        farcalls = set()
        for x in d1:
            farcalls |= D.calls[x]
        e["ci"] = c
        e["codes"] = sorted(d1)
        if farcalls - d1:
            e["absent_codes"] = sorted(farcalls - d1)
        if not d1:
            warns.append("no calls")
    elif op == "path":
        a, b = f["a"], f["b"]
        paths = all_shortest(D, a, b)
        if not paths:
            raise Warn("no path")
        common = set(paths[0])
        for p in paths[1:]:
            common &= set(p)
        if len(paths) > 1:
            warns.append(f"{len(paths)} shortest paths; using common nodes")
        e["codes"] = [x for x in paths[0] if x in common]
    elif op == "ev":
        c = f["ci"]
        evs = [x for x in D.events if x[1] == c and x[0] <= NOW]
        if "r" in f:
            a, b = resolve_range(f["r"])
            evs = [x for x in evs if a <= x[0] < b]
        if "type" in f:
            evs = [x for x in evs if x[2] in f["type"].split(",")]
        if "sev" in f:
            evs = [x for x in evs if x[3] in f["sev"].split(",")]
        e["ci"] = c
        if f.get("want") == "count":
            e["count"] = len(evs)
        elif f.get("want") == "latest" or "r" not in f:
            if not evs:
                raise Warn("no events")
            last = max(evs, key=lambda x: x[0])
            if NOW - last[0] > timedelta(hours=48):
                warns.append("latest event older than 48h")
            e["contains"] = [last[4]]
        else:
            if not evs and "empty" not in f:
                warns.append("no events")
            if len(evs) > 8:
                warns.append(f"{len(evs)} events")
            e["contains"] = [x[4] for x in evs]
    elif op == "chg":
        c = f["ci"]
        incs = [x for x in D.events if x[1] == c and x[2] == "incident" and x[0] <= NOW]
        if "at" in f:
            t0 = parse_dt(f["at"])
            incs = [x for x in incs if x[0] == t0]
        if not incs:
            raise Warn("no incident")
        inc = max(incs, key=lambda x: x[0])
        scope = {c} | D.closure(c, D.dep)

        def win(h):
            return [x for x in D.events if x[1] in scope and x[2] in ("deploy", "change")
                    and inc[0] - timedelta(hours=h) <= x[0] < inc[0]]
        w = win(24)
        if [x[4] for x in win(6)] != [x[4] for x in w] or [x[4] for x in win(48)] != [x[4] for x in w]:
            warns.append("change window sensitive")
        e["ci"] = c
        e["contains"] = [x[4] for x in w]
        e["codes"] = sorted({x[1] for x in w})
    elif op == "attr":
        c = f["ci"]
        col = {"status": "status", "owner": "owner", "location": "location", "env": "environment", "type": "ci_type"}[f["a"]]
        e["ci"] = c
        e["contains"] = [CI[c][col]]
    elif op == "callers":      # who calls X directly: depth-1 DEPENDS_ON/CONNECTS_TO sources (dev4)
        c = f["ci"]
        d1 = {x for x in CI if c in D.calls[x]}
        far = set()
        for x in d1:
            far |= {y for y in CI if x in D.calls[y]}
        e["ci"] = c
        e["codes"] = sorted(d1)
        if far - d1 - {c}:
            e["absent_codes"] = sorted(far - d1 - {c})
        if not d1:
            warns.append("no callers")
    else:
        raise ValueError("unknown op " + op)
    if "clean" in f:
        e["clean_only"] = True
    order = ["route", "ci", "value", "tol", "count", "codes", "codes_exact", "ordered_codes", "absent_codes",
             "contains", "time_from", "time_to", "clean_only"]
    return {k: e[k] for k in order if k in e}


def all_shortest(D, a, b):
    """All shortest paths a->b following dependency direction (either way round); undirected fallback."""
    def bfs_paths(adj, s, t):
        dist = {s: 0}
        preds = defaultdict(list)
        q = deque([s])
        while q:
            x = q.popleft()
            for y in sorted(adj(x)):
                if y not in dist:
                    dist[y] = dist[x] + 1
                    preds[y].append(x)
                    q.append(y)
                elif dist[y] == dist[x] + 1:
                    preds[y].append(x)
        if t not in dist:
            return []
        out = []

        def walk(x, acc):
            if x == s:
                out.append([s] + acc)
                return
            for p in preds[x]:
                walk(p, [x] + acc)
        walk(t, [])
        return out
    p = bfs_paths(lambda x: D.dep[x], a, b)
    if p:
        return p
    p = bfs_paths(lambda x: D.dep[x], b, a)
    if p:
        return [list(reversed(x)) for x in p]
    return bfs_paths(lambda x: D.dep[x] | D.rdep[x], a, b)


# --------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------
def load_src(name="questions_src.txt"):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [x.strip() for x in line.split(" | ", 3)]
            if len(parts) != 4:
                raise SystemExit(f"{name} line {ln}: expected 'lang | category | spec | question'")
            lang, cat, spec, q = parts
            if lang not in ("ko", "en"):
                raise SystemExit(f"{name} line {ln}: bad lang {lang}")
            rows.append((ln, lang, cat, spec, q.strip()))
    return rows


def assign_halves(rows):
    groups = defaultdict(list)
    for i, r in enumerate(rows):
        groups[(r[2], r[1])].append(i)
    half = {}
    for gi, key in enumerate(sorted(groups)):
        idx = sorted(groups[key], key=lambda i: hashlib.sha256(f"{SEED}:{rows[i][4]}".encode()).hexdigest())
        for j, i in enumerate(idx):
            half[i] = ("dev", "test")[(j + gi) % 2]
    return half


def write_questions(D):
    rows = load_src()
    half = assign_halves(rows)
    seen = set()
    out, problems = [], []
    for i, (ln, lang, cat, spec, q) in enumerate(rows):
        if q in seen:
            problems.append(f"line {ln}: duplicate question")
        seen.add(q)
        warns = []
        try:
            e = compute(D, spec, warns)
        except Warn as w:
            problems.append(f"line {ln} [{spec}]: {w}")
            continue
        for w in warns:
            if "ok" not in spec.split():
                problems.append(f"line {ln} [{spec}]: {w}")
        for ch in ("\t", "\n"):
            assert ch not in q
        out.append((f"UQ{len(out) + 1:03d}", half[i], lang, cat, q, json.dumps(e, ensure_ascii=False, separators=(",", ":"))))
    with open(os.path.join(HERE, "questions.tsv"), "w", encoding="utf-8", newline="") as fh:
        fh.write("id\thalf\tlang\tcategory\tquestion\texpect\n")
        for r in out:
            fh.write("\t".join(r) + "\n")
    return out, problems


DEV2_SRC = "questions_dev2_src.txt"
DEV2_OUT = "questions_dev2.tsv"
CATEGORIES = ["latest", "agg_relative", "agg_absolute", "trend", "topn", "threshold", "compare", "count", "list",
              "infra", "impact", "dependencies", "calls", "path", "events", "change_before", "attribute",
              "reject", "clarify"]
CAT_OPS = {"latest": {"latest"}, "agg_relative": {"agg"}, "agg_absolute": {"agg"}, "trend": {"trend"},
           "topn": {"top", "bottom"}, "threshold": {"thr"}, "compare": {"cmp"}, "count": {"count"},
           "list": {"list"}, "infra": {"hosted", "hostof", "impact"}, "impact": {"impact"},
           "dependencies": {"deps"}, "calls": {"calls"}, "path": {"path"}, "events": {"ev"},
           "change_before": {"chg"}, "attribute": {"attr"}, "reject": {"reject"}, "clarify": {"clarify"}}
RELATIVE_R = ("last:", "today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth")


def dev2_checks(D, cat, spec, cat_ops=CAT_OPS):
    """Extra checks for the dev2 set only (the original set is left exactly as it was)."""
    toks = spec.split()
    f = dict(t.partition("=")[::2] for t in toks[1:])
    out = []
    if cat not in cat_ops:
        out.append(f"unknown category {cat}")
    elif toks[0] not in cat_ops[cat]:
        out.append(f"op {toks[0]} does not fit category {cat}")
    if cat in ("agg_relative", "agg_absolute") and "r" in f:
        rel = f["r"].startswith(RELATIVE_R)
        if rel != (cat == "agg_relative"):
            out.append(f"range {f['r']} does not fit category {cat}")
    if toks[0] == "cmp":       # the compared values must be clearly apart, so "which is higher" has one answer
        m = f["m"]
        vals = sorted(ci_metric_value(D, c, m, f) for c in f["cis"].split(","))
        for x, y in zip(vals, vals[1:]):
            if y - x < MARGIN[m]:
                out.append(f"close compare values {x} {y}")
    return out


def write_dev2(D):
    rows = load_src(DEV2_SRC)
    orig = set()
    if os.path.exists(os.path.join(HERE, "questions_src.txt")):
        orig = {r[4] for r in load_src()}
    seen = set()
    out, problems = [], []
    for ln, lang, cat, spec, q in rows:
        if q in seen:
            problems.append(f"{DEV2_SRC} line {ln}: duplicate question")
        if q in orig:
            problems.append(f"{DEV2_SRC} line {ln}: same wording as a question of questions_src.txt")
        seen.add(q)
        warns = []
        try:
            e = compute(D, spec, warns)
        except Warn as w:
            problems.append(f"{DEV2_SRC} line {ln} [{spec}]: {w}")
            continue
        warns += dev2_checks(D, cat, spec)
        for w in warns:
            if "ok" not in spec.split():
                problems.append(f"{DEV2_SRC} line {ln} [{spec}]: {w}")
        for ch in ("\t", "\n"):
            assert ch not in q
        out.append((f"UX{len(out) + 1:03d}", "dev2", lang, cat, q, json.dumps(e, ensure_ascii=False, separators=(",", ":"))))
    with open(os.path.join(HERE, DEV2_OUT), "w", encoding="utf-8", newline="") as fh:
        fh.write("id\thalf\tlang\tcategory\tquestion\texpect\n")
        for r in out:
            fh.write("\t".join(r) + "\n")
    return out, problems


DEV3_SRC = "questions_dev3_src.txt"
DEV3_OUT = "questions_dev3.tsv"


def norm_q(q):
    """Question text without case, spaces and punctuation, to catch near-verbatim repeats."""
    return "".join(ch for ch in q.lower() if ch.isalnum())


def has_hangul(q):
    return any("\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e" for ch in q)


def dev3_checks(D, cat, spec, e):
    """Extra checks for the dev3 set only, on top of dev2_checks (earlier sets are left as they were)."""
    toks = spec.split()
    f = dict(t.partition("=")[::2] for t in toks[1:])
    out = []
    if toks[0] == "chg" and not e.get("contains"):
        out.append("no deploy/change before the incident")
    if toks[0] in ("impact", "deps") and "type" in f and not e.get("codes"):
        out.append("empty typed closure")
    if toks[0] == "ev" and f.get("want") == "count" and not e.get("count"):
        out.append("event count is 0")
    if toks[0] == "thr" and f.get("want") == "count" and not e.get("count"):
        out.append("threshold count is 0")
    if toks[0] in ("top", "bottom", "thr") and "r" not in f:
        # a stopped CI's stale latest value must not decide a ranking or a threshold on "now"
        if any(c in STOPPED_AT for c in e.get("ordered_codes", []) + e.get("codes", [])):
            out.append("stale latest value of a stopped CI in the result")
    return out


def write_dev3(D):
    rows = load_src(DEV3_SRC)
    earlier = {}
    for name in ("questions_src.txt", DEV2_SRC):
        if os.path.exists(os.path.join(HERE, name)):
            for r in load_src(name):
                earlier.setdefault(norm_q(r[4]), name)
    seen = set()
    out, problems = [], []
    for ln, lang, cat, spec, q in rows:
        where = f"{DEV3_SRC} line {ln}"
        if norm_q(q) in seen:
            problems.append(f"{where}: duplicate question")
        if norm_q(q) in earlier:
            problems.append(f"{where}: same wording as a question of {earlier[norm_q(q)]}")
        seen.add(norm_q(q))
        if (lang == "ko") != has_hangul(q):
            problems.append(f"{where}: lang {lang} does not fit the script of the question")
        warns = []
        try:
            e = compute(D, spec, warns)
        except Warn as w:
            problems.append(f"{where} [{spec}]: {w}")
            continue
        warns += dev2_checks(D, cat, spec)
        warns += dev3_checks(D, cat, spec, e)
        for w in warns:
            if "ok" not in spec.split():
                problems.append(f"{where} [{spec}]: {w}")
        for ch in ("\t", "\n"):
            assert ch not in q
        out.append((f"UY{len(out) + 1:03d}", "dev3", lang, cat, q, json.dumps(e, ensure_ascii=False, separators=(",", ":"))))
    with open(os.path.join(HERE, DEV3_OUT), "w", encoding="utf-8", newline="") as fh:
        fh.write("id\thalf\tlang\tcategory\tquestion\texpect\n")
        for r in out:
            fh.write("\t".join(r) + "\n")
    return out, problems


DEV4_SRC = "questions_dev4_src.txt"
DEV4_OUT = "questions_dev4.tsv"
DEV4_CAT_OPS = dict(CAT_OPS, calls=CAT_OPS["calls"] | {"callers"})
NEAR_DUP = 0.85     # difflib ratio on norm_q() above which a dev4 question counts as a light rewording


def load_personas(name):
    """Line number -> persona tag, from the '# P<n> ...' comment that opens each group of lines."""
    tag, out = "", {}
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            s = line.strip()
            if s.startswith("# P") and s[3:4].isdigit():
                tag = s[2:].split()[0]
            elif s.startswith("# ----"):
                tag = ""
            elif s and not s.startswith("#"):
                out[ln] = tag
    return out


def dev4_checks(D, cat, spec, e):
    """Extra checks for the dev4 set only, on top of dev2_checks and dev3_checks."""
    toks = spec.split()
    f = dict(t.partition("=")[::2] for t in toks[1:])
    out = []
    # a stopped CI's "latest" value is old; only questions marked `stale` may ask for it on purpose
    if toks[0] == "latest" and f["ci"] in STOPPED_AT and "stale" not in f:
        out.append("latest value of a stopped CI (mark the spec `stale` if deliberate)")
    if toks[0] == "cmp" and "r" not in f and any(c in STOPPED_AT for c in f["cis"].split(",")):
        out.append("compare on the stale latest value of a stopped CI")
    if toks[0] in ("impact", "deps", "hosted", "callers", "calls") and not e.get("codes"):
        out.append("empty result")
    if toks[0] in ("impact", "deps") and f.get("want") == "count" and not e.get("count"):
        out.append("closure count is 0")
    if toks[0] == "ev" and "r" in f and f.get("want") != "count" and not e.get("contains") and "empty" not in f:
        out.append("no events in range")
    return out


def write_dev4(D):
    import difflib
    rows = load_src(DEV4_SRC)
    persona = load_personas(DEV4_SRC)
    earlier = {}
    for name in ("questions_src.txt", DEV2_SRC, DEV3_SRC):
        if os.path.exists(os.path.join(HERE, name)):
            for r in load_src(name):
                earlier.setdefault(norm_q(r[4]), name)
    earlier_list = sorted(earlier)
    seen = set()
    out, problems = [], []
    for ln, lang, cat, spec, q in rows:
        where = f"{DEV4_SRC} line {ln}"
        nq = norm_q(q)
        if nq in seen:
            problems.append(f"{where}: duplicate question")
        if nq in earlier:
            problems.append(f"{where}: same wording as a question of {earlier[nq]}")
        else:
            sm = difflib.SequenceMatcher(None, "", nq, autojunk=False)
            for other in earlier_list:
                sm.set_seq1(other)
                if sm.real_quick_ratio() >= NEAR_DUP and sm.quick_ratio() >= NEAR_DUP and sm.ratio() >= NEAR_DUP:
                    problems.append(f"{where}: near-copy of a question of {earlier[other]}: {other}")
                    break
        seen.add(nq)
        if (lang == "ko") != has_hangul(q):
            problems.append(f"{where}: lang {lang} does not fit the script of the question")
        if not persona.get(ln):
            problems.append(f"{where}: no persona tag above this line")
        warns = []
        try:
            e = compute(D, spec, warns)
        except Warn as w:
            problems.append(f"{where} [{spec}]: {w}")
            continue
        warns += dev2_checks(D, cat, spec, DEV4_CAT_OPS)
        warns += dev3_checks(D, cat, spec, e)
        warns += dev4_checks(D, cat, spec, e)
        for w in warns:
            if "ok" not in spec.split():
                problems.append(f"{where} [{spec}]: {w}")
        for ch in ("\t", "\n"):
            assert ch not in q
        out.append((f"UZ{len(out) + 1:03d}", "dev4", lang, cat, q, json.dumps(e, ensure_ascii=False, separators=(",", ":")),
                    persona.get(ln, "")))
    with open(os.path.join(HERE, DEV4_OUT), "w", encoding="utf-8", newline="") as fh:
        fh.write("id\thalf\tlang\tcategory\tquestion\texpect\n")
        for r in out:
            fh.write("\t".join(r[:6]) + "\n")
    return out, problems


def summary(D):
    print("== latest values ==")
    for m in ("cpu_usage", "mem_usage", "disk_usage", "latency_ms", "error_rate"):
        vals = sorted(((D.latest(c, m), c) for c in CI if D.latest(c, m) is not None), reverse=True)
        print(m, " ".join(f"{c}={v}" for v, c in vals))
    print("== yesterday avg / today avg / last6h max ==")
    for m in ("cpu_usage", "mem_usage"):
        for r in ("yesterday", "today", "last:6h", "thisweek"):
            a, b = resolve_range(r)
            vals = []
            for c in CI:
                s = [v for _, v in D.samples(c, m, a, b)]
                if s:
                    vals.append((round(sum(s) / len(s), 2), c))
            vals.sort(reverse=True)
            print(m, r, " ".join(f"{c}={v}" for v, c in vals))
    print("== events ==")
    for e in D.events:
        print(e[0].isoformat(), e[1], e[2], e[3], e[4])


def main():
    rng = random.Random(SEED)
    metrics = gen_metrics(rng)
    events = gen_events(random.Random(SEED + 1))
    write_estate(metrics, events)
    D = Data(metrics, events)
    if "--summary" in sys.argv:
        summary(D)
        return
    if not os.path.exists(os.path.join(HERE, "questions_src.txt")):
        print("no questions_src.txt; estate written")
        return
    out, problems = write_questions(D)
    cnt = defaultdict(int)
    for r in out:
        cnt[(r[3], r[2], r[1])] += 1
    print(f"{len(out)} questions written; metrics rows={len(metrics)} events={len(events)}")
    if os.path.exists(os.path.join(HERE, DEV2_SRC)):
        out2, problems2 = write_dev2(D)
        problems += problems2
        print(f"{len(out2)} dev2 questions written to {DEV2_OUT}")
        if "--summary-dev2" in sys.argv:
            cnt2 = defaultdict(int)
            for r in out2:
                cnt2[(r[3], r[2])] += 1
            for c in CATEGORIES:
                print(f"  {c:14s} ko={cnt2[(c, 'ko')]:3d} en={cnt2[(c, 'en')]:3d}")
    if os.path.exists(os.path.join(HERE, DEV3_SRC)):
        out3, problems3 = write_dev3(D)
        problems += problems3
        print(f"{len(out3)} dev3 questions written to {DEV3_OUT}")
        if "--summary-dev3" in sys.argv:
            cnt3 = defaultdict(int)
            for r in out3:
                cnt3[(r[3], r[2])] += 1
            for c in CATEGORIES:
                print(f"  {c:14s} ko={cnt3[(c, 'ko')]:3d} en={cnt3[(c, 'en')]:3d}")
            print(f"  {'total':14s} ko={sum(v for k, v in cnt3.items() if k[1] == 'ko'):3d} "
                  f"en={sum(v for k, v in cnt3.items() if k[1] == 'en'):3d}")
    if os.path.exists(os.path.join(HERE, DEV4_SRC)):
        out4, problems4 = write_dev4(D)
        problems += problems4
        print(f"{len(out4)} dev4 questions written to {DEV4_OUT}")
        if "--summary-dev4" in sys.argv:
            cnt4, per = defaultdict(int), defaultdict(int)
            for r in out4:
                cnt4[(r[3], r[2])] += 1
                per[(r[6], r[2])] += 1
            for c in CATEGORIES:
                print(f"  {c:14s} ko={cnt4[(c, 'ko')]:3d} en={cnt4[(c, 'en')]:3d}")
            print(f"  {'total':14s} ko={sum(v for k, v in cnt4.items() if k[1] == 'ko'):3d} "
                  f"en={sum(v for k, v in cnt4.items() if k[1] == 'en'):3d}")
            for p in sorted({k[0] for k in per}, key=lambda x: (len(x), x)):
                print(f"  persona {p:6s} ko={per[(p, 'ko')]:3d} en={per[(p, 'en')]:3d}")
    for p in problems:
        print("WARN", p)
    if problems and "--strict" in sys.argv:
        sys.exit(1)


if __name__ == "__main__":
    main()
