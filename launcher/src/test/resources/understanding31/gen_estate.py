#!/usr/bin/env python3
"""Deterministic generator for the "Byeolbit Orbital" (별빛오비탈) satellite ground-station network estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids GS###, halves "dev35" / "test31") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only (zoneinfo for the
station clocks: Honolulu HST UTC-10 all year, Santiago UTC-4 until Sunday 3 September 2073 then UTC-3
(southern-hemisphere DST; 3 September is a 23-hour Santiago day), Svalbard CEST UTC+2).

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding30/gen_estate.py, copied unchanged from
"Writing the estate" onwards except the ranges that --summary prints.  The estate (a satellite
ground-station network: antenna controllers at three stations, telemetry forwarders, telemetry
ingest, a command uplink gateway, the orbit/pass scheduler, the mission data archive, the customer
portal API, auth, a message queue, a time-series DB, postgres, k8s nodes, VMs, load balancers and
site routers, at the Daejeon operations centre and the Honolulu, Santiago and Svalbard stations),
the clock (Thursday 14 September 2073, 10:25 Seoul, twenty-five minutes into an uplink incident),
the sampling, the names, the owners, the personas and the questions differ.  Station-time ranges
are written as spans with the station's offset.

Spec grammar: as in ../understanding30/gen_estate.py (persona tags `# P<n> ...`).
"""
import csv
import difflib
import gzip
import hashlib
import io
import json
import math
import os
import random
import re
import sys
from collections import defaultdict, deque
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "estate")
SRC = "questions_src.txt"
TSV = "questions.tsv"
HALVES = ("dev35", "test31")
ID_PREFIX = "GS"
TAG_LETTER = "P"
SEED = 20730914
KST = timezone(timedelta(hours=9))
HNL = ZoneInfo("Pacific/Honolulu")
SCL = ZoneInfo("America/Santiago")
LYR = ZoneInfo("Arctic/Longyearbyen")
UTC = timezone.utc

NOW = datetime(2073, 9, 14, 10, 25, tzinfo=KST)          # Thursday 10:25 Seoul = Wed 15:25 HST = Wed 22:25 Santiago
M_START = datetime(2073, 6, 5, 0, 0, tzinfo=KST)          # hourly from Monday 5 June 2073 ...
MID_START = datetime(2073, 9, 4, 0, 0, tzinfo=KST)        # ... every 15 minutes from Monday 4 September ...
FINE_START = datetime(2073, 9, 14, 9, 25, tzinfo=KST)     # ... every minute from 09:25 today
M_END = NOW                                               # inclusive: the last sample is at 10:25:00 itself
STEP_1H = timedelta(hours=1)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
KR_HOLIDAYS = {(2073, 8, 15)}                             # 광복절 (office profile)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# codes: a three-letter site, "_", a type word and one digit (sites djn Daejeon, hnl Honolulu, scl Santiago,
#        lyr Svalbard/Longyearbyen; type words rtr, k8s, srv, esx, vm, db, app, obj, lb, ant, svc)
# --------------------------------------------------------------------------------------
DJ, HN, SC, SV = "Daejeon Ops Center", "Honolulu Station", "Santiago Station", "Svalbard Station"
PROD, STG, RETIRED, DR = "prod", "stg", "retired", "dr"
O_PLAT, O_GSW, O_STN, O_JIWOO, O_KALANI, O_CAMILA, O_INGRID = (
    "Platform Team", "Ground Software Team", "Station Ops Team", "Park Jiwoo", "Kalani Akana", "Camila Rojas",
    "Ingrid Solberg")

CIS = [
    ("djn_rtr1", "djn-core-rtr", "network", "running", PROD, DJ, O_PLAT, "대전 코어 라우터|코어 라우터", "10.73.0.1", "core"),
    ("hnl_rtr1", "hnl-edge-rtr", "network", "running", PROD, HN, O_KALANI, "하와이 라우터|Honolulu router", "10.73.64.1", "edge"),
    ("scl_rtr1", "scl-edge-rtr", "network", "running", PROD, SC, O_CAMILA, "산티아고 라우터|Santiago router", "10.73.96.1", "edge"),
    ("lyr_rtr1", "lyr-edge-rtr", "network", "running", PROD, SV, O_INGRID, "스발바르 라우터|Svalbard router", "10.73.128.1", "edge"),
    ("djn_obj1", "mission-archive (S3)", "storage", "running", PROD, DJ, O_PLAT, "미션 데이터 아카이브|임무 자료 저장소", "10.73.0.5", "core"),
    ("djn_k8s1", "gs-node-01", "server", "running", PROD, DJ, O_PLAT, "대전 노드 1|쿠버 노드 1", "10.73.0.11", "core"),
    ("djn_k8s2", "gs-node-02", "server", "running", PROD, DJ, O_PLAT, "대전 노드 2|쿠버 노드 2", "10.73.0.12", "core"),
    ("djn_k8s3", "gs-node-03", "server", "running", PROD, DJ, O_PLAT, "대전 노드 3|쿠버 노드 3", "10.73.0.13", "core"),
    ("djn_srv1", "gs-db-host", "server", "running", PROD, DJ, O_PLAT, "대전 DB 서버|디비 호스트", "10.73.0.21", "core"),
    ("djn_esx1", "djn-esxi", "server", "running", PROD, DJ, O_PLAT, "대전 가상화 호스트|ESXi 호스트", "10.73.0.31", "core"),
    ("hnl_ant1", "hnl-ant-01 (11m)", "server", "running", PROD, HN, O_STN, "하와이 안테나 1|호놀룰루 11미터 안테나", "10.73.64.11", "edge"),
    ("hnl_ant2", "hnl-ant-02 (7.3m)", "server", "running", PROD, HN, O_STN, "하와이 안테나 2|호놀룰루 소형 안테나", "10.73.64.12", "edge"),
    ("scl_ant1", "scl-ant-01", "server", "running", PROD, SC, O_STN, "산티아고 안테나 1|칠레 안테나 1", "10.73.96.11", "edge"),
    ("scl_ant2", "scl-ant-02", "server", "running", PROD, SC, O_STN, "산티아고 안테나 2|칠레 안테나 2", "10.73.96.12", "edge"),
    ("lyr_ant1", "lyr-ant-01", "server", "running", PROD, SV, O_STN, "스발바르 안테나 1|북극 안테나 1", "10.73.128.11", "edge"),
    ("lyr_ant2", "lyr-ant-02", "server", "running", PROD, SV, O_STN, "스발바르 안테나 2|북극 안테나 2", "10.73.128.12", "edge"),
    ("lyr_ant3", "lyr-ant-03 (X-band)", "server", "running", PROD, SV, O_STN, "스발바르 X밴드 안테나|X-band dish", "10.73.128.13", "edge"),
    ("hnl_vm1", "hnl-tlm-fwd", "vm", "running", PROD, HN, O_KALANI, "하와이 텔레메트리 포워더|호놀룰루 포워더", "10.73.64.101", "edge"),
    ("hnl_vm2", "hnl-uplink.edge", "vm", "running", PROD, HN, O_KALANI, "하와이 업링크 엣지|Honolulu uplink edge", "10.73.64.102", "edge"),
    ("scl_vm1", "scl-tlm-fwd", "vm", "running", PROD, SC, O_CAMILA, "산티아고 텔레메트리 포워더|칠레 포워더", "10.73.96.101", "edge"),
    ("scl_vm2", "scl/station-ctl", "vm", "running", PROD, SC, O_CAMILA, "산티아고 관제 VM|Santiago station control", "10.73.96.102", "edge"),
    ("lyr_vm1", "lyr-tlm-fwd", "vm", "running", PROD, SV, O_INGRID, "스발바르 포워더|북극 포워더", "10.73.128.101", "edge"),
    ("lyr_vm2", "lyr-legacy-dpu", "vm", "stopped", RETIRED, SV, O_INGRID, "구 데이터 처리 VM|옛 DPU", "10.73.128.102", "edge"),
    ("djn_vm1", "ops-bastion", "vm", "running", PROD, DJ, O_PLAT, "배스천|점프 서버", "10.73.0.101", "core"),
    ("djn_vm2", "stg-portal-vm", "vm", "maintenance", STG, DJ, O_JIWOO, "스테이징 포털 VM|포털 스테이징", "10.73.0.102", "core"),
    ("djn_db1", "pass-sched pg (primary)", "database", "running", PROD, DJ, O_JIWOO, "패스 스케줄 DB|스케줄러 디비", "10.73.0.201", "core"),
    ("djn_db2", "pass-sched pg replica", "database", "running", DR, DJ, O_JIWOO, "패스 스케줄 DB 복제본|DR 스케줄 디비", "10.73.0.202", "dr"),
    ("djn_db3", "archive-meta.pg", "database", "running", PROD, DJ, O_JIWOO, "아카이브 메타 DB|메타데이터 디비", "10.73.0.203", "core"),
    ("djn_db4", "tlm-tsdb", "database", "running", PROD, DJ, O_GSW, "텔레메트리 시계열 DB|시계열 디비", "10.73.0.204", "core"),
    ("scl_db1", "scl-cache.pg", "database", "running", PROD, SC, O_CAMILA, "산티아고 캐시 DB|칠레 로컬 디비", "10.73.96.201", "edge"),
    ("djn_app1", "pass-scheduler", "app", "running", PROD, DJ, O_GSW, "패스 스케줄러|궤도 스케줄러", "10.73.0.41", "core"),
    ("djn_app2", "tlm-ingest", "app", "running", PROD, DJ, O_GSW, "텔레메트리 수집기|텔레메트리 인제스트", "10.73.0.42", "core"),
    ("djn_app3", "uplink-gw", "app", "running", PROD, DJ, O_GSW, "커맨드 업링크 게이트웨이|명령 업링크", "10.73.0.43", "core"),
    ("djn_app4", "portal-api", "app", "running", PROD, DJ, O_JIWOO, "고객 포털 API|포털 에이피아이", "10.73.0.44", "core"),
    ("djn_app5", "auth (keycloak)", "app", "running", PROD, DJ, O_PLAT, "인증 서버|키클록", "10.73.0.45", "core"),
    ("djn_app6", "mq.telemetry", "app", "running", PROD, DJ, O_PLAT, "메시지 큐|텔레메트리 큐", "10.73.0.46", "core"),
    ("djn_app7", "archive-reindex job", "app", "error", PROD, DJ, O_JIWOO, "아카이브 재색인 배치|리인덱스 잡", "10.73.0.47", "core"),
    ("djn_lb1", "djn-lb-01", "load_balancer", "running", PROD, DJ, O_PLAT, "대전 LB|포털 로드밸런서", "10.73.0.250", "core"),
    ("djn_svc1", "Byeolbit Ground Network", "service", "running", PROD, DJ, O_GSW, "별빛 지상국망|지상국 네트워크", "", "core"),
    ("djn_svc2", "Customer Portal", "service", "running", PROD, DJ, O_JIWOO, "고객 포털|별빛 포털", "", "core"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE = "djn_rtr1"
RELATIONS = [
    ("hnl_rtr1", "CONNECTS_TO", CORE),
    ("scl_rtr1", "CONNECTS_TO", CORE),
    ("lyr_rtr1", "CONNECTS_TO", CORE),
    ("djn_k8s1", "CONNECTS_TO", CORE),
    ("djn_k8s2", "CONNECTS_TO", CORE),
    ("djn_k8s3", "CONNECTS_TO", CORE),
    ("djn_srv1", "CONNECTS_TO", CORE),
    ("djn_esx1", "CONNECTS_TO", CORE),
    ("hnl_ant1", "CONNECTS_TO", "hnl_rtr1"),
    ("hnl_ant2", "CONNECTS_TO", "hnl_rtr1"),
    ("scl_ant1", "CONNECTS_TO", "scl_rtr1"),
    ("scl_ant2", "CONNECTS_TO", "scl_rtr1"),
    ("lyr_ant1", "CONNECTS_TO", "lyr_rtr1"),
    ("lyr_ant2", "CONNECTS_TO", "lyr_rtr1"),
    ("lyr_ant3", "CONNECTS_TO", "lyr_rtr1"),
    # hosting
    ("djn_esx1", "HOSTS", "djn_vm1"),
    ("djn_esx1", "HOSTS", "djn_vm2"),
    ("djn_app1", "RUNS_ON", "djn_k8s1"),
    ("djn_app5", "RUNS_ON", "djn_k8s1"),
    ("djn_app3", "RUNS_ON", "djn_k8s2"),
    ("djn_app6", "RUNS_ON", "djn_k8s2"),
    ("djn_app2", "RUNS_ON", "djn_k8s3"),
    ("djn_app4", "RUNS_ON", "djn_k8s3"),
    ("djn_app7", "RUNS_ON", "djn_k8s3"),
    ("djn_db1", "RUNS_ON", "djn_srv1"),
    ("djn_db3", "RUNS_ON", "djn_srv1"),
    ("djn_db4", "RUNS_ON", "djn_srv1"),
    ("djn_db2", "RUNS_ON", "djn_esx1"),
    ("scl_db1", "RUNS_ON", "scl_vm2"),
    # data and command flow
    ("hnl_vm1", "DEPENDS_ON", "hnl_ant1"),
    ("hnl_vm1", "DEPENDS_ON", "hnl_ant2"),
    ("scl_vm1", "DEPENDS_ON", "scl_ant1"),
    ("scl_vm1", "DEPENDS_ON", "scl_ant2"),
    ("lyr_vm1", "DEPENDS_ON", "lyr_ant1"),
    ("lyr_vm1", "DEPENDS_ON", "lyr_ant2"),
    ("lyr_vm1", "DEPENDS_ON", "lyr_ant3"),
    ("hnl_vm2", "DEPENDS_ON", "hnl_ant1"),
    ("scl_vm2", "DEPENDS_ON", "scl_db1"),
    ("scl_vm2", "DEPENDS_ON", "scl_ant1"),
    ("djn_app2", "DEPENDS_ON", "hnl_vm1"),
    ("djn_app2", "DEPENDS_ON", "scl_vm1"),
    ("djn_app2", "DEPENDS_ON", "lyr_vm1"),
    ("djn_app2", "DEPENDS_ON", "djn_app6"),
    ("djn_app6", "DEPENDS_ON", "djn_db4"),
    ("djn_app3", "DEPENDS_ON", "djn_app1"),
    ("djn_app3", "DEPENDS_ON", "djn_app5"),
    ("djn_app3", "DEPENDS_ON", "hnl_vm2"),
    ("djn_app3", "DEPENDS_ON", "scl_vm2"),
    ("djn_app1", "DEPENDS_ON", "djn_db1"),
    ("djn_db2", "DEPENDS_ON", "djn_db1"),
    ("djn_app4", "DEPENDS_ON", "djn_app5"),
    ("djn_app4", "DEPENDS_ON", "djn_db3"),
    ("djn_app4", "DEPENDS_ON", "djn_obj1"),
    ("djn_app4", "DEPENDS_ON", "djn_app1"),
    ("djn_app7", "DEPENDS_ON", "djn_db3"),
    ("djn_app7", "DEPENDS_ON", "djn_obj1"),
    ("djn_lb1", "DEPENDS_ON", "djn_app4"),
    ("djn_svc2", "DEPENDS_ON", "djn_lb1"),
    ("djn_svc1", "DEPENDS_ON", "djn_app2"),
    ("djn_svc1", "DEPENDS_ON", "djn_app3"),
    ("djn_svc1", "DEPENDS_ON", "djn_app1"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: pass (satellite passes, a 97-minute orbit seen from every station), busy (Seoul 09-22), office (Seoul
#           working days 09-18), nightly (archive compaction 01-05 Seoul), sclday (Santiago local 08-20), flat
METRIC_PLAN = {
    "djn_k8s1": {"cpu_usage": (28, 0.70, 1.3, "busy"), "mem_usage": (63, 0.05, 1.0, "busy"), "disk_usage": (41, 0, 0.2, "flat")},
    "djn_k8s2": {"cpu_usage": (33, 0.60, 1.3, "pass"), "mem_usage": (58, 0.05, 1.0, "pass"), "disk_usage": (47, 0, 0.2, "flat")},
    "djn_k8s3": {"cpu_usage": (25, 0.65, 1.3, "pass"), "mem_usage": (71, 0.05, 1.0, "busy"), "disk_usage": (36, 0, 0.2, "flat")},
    "djn_srv1": {"cpu_usage": (19, 0.60, 1.2, "busy"), "mem_usage": (76, 0.03, 0.8, "flat"), "disk_usage": (62, 0, 0.2, "flat")},
    "djn_esx1": {"cpu_usage": (14, 0.60, 1.1, "office"), "mem_usage": (67, 0.04, 0.9, "office"), "disk_usage": (55, 0, 0.2, "flat")},
    "hnl_ant1": {"cpu_usage": (12, 1.80, 1.0, "pass"), "mem_usage": (38, 0.05, 0.8, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "hnl_ant2": {"cpu_usage": (9, 1.60, 0.9, "pass"), "mem_usage": (33, 0.05, 0.8, "flat"), "disk_usage": (23, 0, 0.2, "flat")},
    "scl_ant1": {"cpu_usage": (13, 1.70, 1.0, "pass"), "mem_usage": (41, 0.05, 0.8, "flat"), "disk_usage": (31, 0, 0.2, "flat")},
    "scl_ant2": {"cpu_usage": (10, 1.50, 0.9, "pass"), "mem_usage": (36, 0.05, 0.8, "flat"), "disk_usage": (25, 0, 0.2, "flat")},
    "lyr_ant1": {"cpu_usage": (16, 1.90, 1.1, "pass"), "mem_usage": (44, 0.05, 0.8, "flat"), "disk_usage": (35, 0, 0.2, "flat")},
    "lyr_ant2": {"cpu_usage": (14, 1.80, 1.0, "pass"), "mem_usage": (40, 0.05, 0.8, "flat"), "disk_usage": (29, 0, 0.2, "flat")},
    "lyr_ant3": {"cpu_usage": (21, 1.60, 1.2, "pass"), "mem_usage": (52, 0.05, 0.8, "flat"), "disk_usage": (48, 0, 0.2, "flat")},
    "hnl_vm1": {"cpu_usage": (18, 0.90, 1.1, "pass"), "mem_usage": (49, 0.06, 0.9, "pass"), "disk_usage": (57, 0, 0.2, "flat")},
    "hnl_vm2": {"cpu_usage": (11, 0.80, 1.0, "pass"), "mem_usage": (37, 0.04, 0.9, "flat"), "disk_usage": (33, 0, 0.2, "flat")},
    "scl_vm1": {"cpu_usage": (20, 0.90, 1.1, "pass"), "mem_usage": (54, 0.06, 0.9, "pass"), "disk_usage": (61, 0, 0.2, "flat")},
    "scl_vm2": {"cpu_usage": (15, 0.90, 1.0, "sclday"), "mem_usage": (46, 0.05, 0.9, "sclday"), "disk_usage": (39, 0, 0.2, "flat")},
    "lyr_vm1": {"cpu_usage": (24, 0.90, 1.2, "pass"), "mem_usage": (59, 0.06, 0.9, "pass"), "disk_usage": (66, 0, 0.2, "flat")},
    "lyr_vm2": {"cpu_usage": (5, 0.40, 0.6, "flat"), "mem_usage": (26, 0.03, 1.0, "flat"), "disk_usage": (81, 0, 0.2, "flat")},
    "djn_vm1": {"cpu_usage": (6, 0.80, 0.7, "office"), "mem_usage": (31, 0.05, 0.8, "office"), "disk_usage": (22, 0, 0.2, "flat")},
    "djn_vm2": {"cpu_usage": (9, 0.60, 1.0, "office"), "mem_usage": (35, 0.03, 1.0, "office"), "disk_usage": (29, 0, 0.2, "flat")},
    "djn_db1": {"cpu_usage": (23, 0.70, 1.2, "busy"), "mem_usage": (73, 0.02, 0.6, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "djn_db2": {"cpu_usage": (7, 0.20, 0.7, "flat"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (48, 0, 0.2, "flat")},
    "djn_db3": {"cpu_usage": (17, 1.20, 1.1, "nightly"), "mem_usage": (66, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "djn_db4": {"cpu_usage": (31, 0.60, 1.3, "pass"), "mem_usage": (69, 0.03, 0.6, "flat"), "disk_usage": (60, 0, 0.2, "flat")},
    "scl_db1": {"cpu_usage": (12, 0.90, 1.0, "sclday"), "mem_usage": (57, 0.02, 0.6, "flat"), "disk_usage": (44, 0, 0.2, "flat")},
    "djn_app1": {"cpu_usage": (21, 0.70, 1.2, "busy"), "latency_ms": (120, 0.40, 3.5, "busy"), "error_rate": (0.05, 0.3, 0.010, "busy")},
    "djn_app2": {"cpu_usage": (30, 0.80, 1.3, "pass"), "latency_ms": (38, 0.45, 1.2, "pass"), "error_rate": (0.04, 0.3, 0.008, "pass")},
    "djn_app3": {"cpu_usage": (18, 0.80, 1.2, "pass"), "latency_ms": (85, 0.40, 2.5, "pass"), "error_rate": (0.03, 0.3, 0.006, "pass")},
    "djn_app4": {"cpu_usage": (16, 0.85, 1.1, "office"), "latency_ms": (230, 0.45, 6.0, "office"), "error_rate": (0.07, 0.3, 0.014, "office")},
    "djn_app5": {"cpu_usage": (12, 0.80, 1.0, "busy"), "latency_ms": (48, 0.40, 1.5, "busy"), "error_rate": (0.02, 0.3, 0.004, "busy")},
    "djn_app6": {"cpu_usage": (34, 0.60, 1.3, "pass"), "latency_ms": (7, 0.30, 0.3, "pass"), "error_rate": (0.01, 0.3, 0.003, "pass")},
    "djn_app7": {"cpu_usage": (4, 2.40, 0.9, "nightly"), "latency_ms": (2400, 0.30, 30.0, "nightly"), "error_rate": (2.30, 0.3, 0.12, "nightly")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "lyr_vm2": datetime(2073, 7, 31, 16, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}


def hour_of(ts, tz=KST):
    t = ts.astimezone(tz)
    return t.hour + t.minute / 60.0 + t.second / 3600.0


def plateau(h, a, b):
    return 1.0 / (1 + math.exp(-(h - a) * 2.5)) * 1.0 / (1 + math.exp((h - b) * 2.5))


def workday(t):
    return t.weekday() < 5 and (t.year, t.month, t.day) not in KR_HOLIDAYS


def profile(kind, ts):
    if kind == "pass":           # a 97-minute orbit: a pass of ~12 minutes in each, smoothed over the sampling
        ph = (ts.timestamp() / 60.0) % 97.0
        return 0.15 + 0.6 * max(0.0, math.cos(2 * math.pi * ph / 97.0)) ** 2
    if kind == "sclday":
        t = ts.astimezone(SCL)
        return 0.1 + 0.8 * plateau(t.hour + t.minute / 60.0, 8.0, 20.0)
    t = ts.astimezone(KST)
    h = t.hour + t.minute / 60.0
    if kind == "busy":
        return 0.1 + 0.7 * plateau(h, 9.0, 22.0)
    if kind == "nightly":
        return 0.05 + 0.5 * plateau(h, 1.0, 5.0)
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    return 0.0


def kst(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=KST)


def loc(tz, y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=tz).astimezone(KST)


def ramp(ts, a, b):
    if ts <= a:
        return 0.0
    if ts >= b:
        return 1.0
    return (ts - a) / (b - a)


def within(ts, a, b):
    return a <= ts < b


def episode(code, metric, ts, v, rng):
    """Planted episodes, lined up with events (Seoul time unless said)."""
    # level shift: the archive metadata DB's memory after the bucket-index change, from Wed 2073-08-16 11:00
    if code == "djn_db3" and metric == "mem_usage" and ts >= kst(2073, 8, 16, 11):
        v += 12.0
    # growth: the telemetry TSDB's disk over the whole history
    if code == "djn_db4" and metric == "disk_usage":
        v += 21.0 * ramp(ts, M_START, M_END)
    # 1. Svalbard antenna 2 drive fault, Sat 2073-07-22 14:00-17:00 CEST = 21:00-24:00 Seoul (hourly part)
    if within(ts, loc(LYR, 2073, 7, 22, 14), loc(LYR, 2073, 7, 22, 17)):
        if code == "lyr_ant2" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.4)
        if code == "lyr_vm1" and metric == "cpu_usage":
            v += 35
    # 2. Santiago cache DB outage, Tue 2073-08-29 09:00-11:00 Chile time (UTC-4) = 22:00-24:00 Seoul (hourly part)
    if within(ts, loc(SCL, 2073, 8, 29, 9), loc(SCL, 2073, 8, 29, 11)):
        if code == "scl_db1" and metric == "cpu_usage":
            v = 97 + rng.gauss(0, 0.3)
        if code == "scl_vm2" and metric == "cpu_usage":
            v += 45
    # 3. Honolulu uplink edge overload, Fri 2073-09-08 13:00-15:00 HST = Sat 09-09 08:00-10:00 Seoul (15-minute part)
    if within(ts, loc(HNL, 2073, 9, 8, 13), loc(HNL, 2073, 9, 8, 15)):
        if code == "hnl_vm2" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.5)
        if code == "djn_app3" and metric == "error_rate":
            v = 2.2 + rng.gauss(0, 0.2)
    # 4. telemetry backlog, Tue 2073-09-12 02:00-04:00 Seoul (15-minute part)
    if within(ts, kst(2073, 9, 12, 2), kst(2073, 9, 12, 4)):
        if code == "djn_app2" and metric == "latency_ms":
            v *= 4.0
        if code == "djn_app2" and metric == "error_rate":
            v = 3.1 + rng.gauss(0, 0.2)
        if code == "djn_app6" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.4)
        if code == "djn_db4" and metric == "cpu_usage":
            v += 28
    # stg-portal-vm in maintenance from Wed 2073-09-13 09:00: idle
    if code == "djn_vm2" and metric == "cpu_usage" and ts >= kst(2073, 9, 13, 9):
        v = 1.1 + rng.gauss(0, 0.2)
    # 5. uplink gateway command timeouts, from Thu 2073-09-14 10:00 Seoul, ongoing at now
    if ts >= kst(2073, 9, 14, 10, 0):
        if code == "djn_app3" and metric == "error_rate":
            v = 2.9 + rng.gauss(0, 0.25)
        if code == "djn_app3" and metric == "latency_ms":
            v *= 5.0
        if code == "djn_app3" and metric == "cpu_usage":
            v += 30
        if code == "djn_k8s2" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "djn_app5" and metric == "latency_ms":
            v *= 2.0
        if code == "hnl_vm2" and metric == "mem_usage":
            v += 30
    return v


def sample_times():
    """Samples every hour from M_START, every 15 minutes from MID_START and every minute from
    FINE_START up to and including NOW."""
    times = []
    t = M_START
    while t < MID_START:
        times.append(t)
        t += STEP_1H
    while t < FINE_START:
        times.append(t)
        t += STEP_15M
    while t <= M_END:
        times.append(t)
        t += STEP_FINE
    return times


def gen_metrics(rng):
    rows = []
    main_times = sample_times()
    for code in [c[0] for c in CIS]:
        plan = METRIC_PLAN.get(code)
        if not plan:
            continue
        for metric, (base, amp, sd, prof) in plan.items():
            drift = 0.0
            for ts in main_times:
                if code in STOPPED_AT and ts > STOPPED_AT[code]:
                    break
                drift = 0.9 * drift + rng.gauss(0, sd * 0.3)
                p = profile(prof, ts)
                if metric in ("cpu_usage", "latency_ms", "error_rate"):
                    v = base * (1 + amp * p) + rng.gauss(0, sd) + drift
                else:
                    v = base * (1 + amp * p) + rng.gauss(0, sd) * 0.6 + drift
                v = episode(code, metric, ts, v, rng)
                if metric in PCT:
                    v = min(max(v, 0.0 if metric == "error_rate" else 0.5), 99.9)
                else:
                    v = max(v, 0.2)
                rows.append((ts, code, metric, round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (kst(2073, 6, 20, 2, 0), CORE, "change", "info", "대전 코어 라우터 OS 업그레이드", "CHG-730620 night window"),
    (kst(2073, 7, 31, 16, 0), "lyr_vm2", "change", "info", "Svalbard legacy DPU powered off", "CHG-730731 DPU retired"),
    (kst(2073, 8, 16, 11, 0), "djn_db3", "change", "info", "아카이브 메타 DB 버킷 인덱스 추가", "CHG-730816 bucket index"),
    # 1. Svalbard antenna 2 drive fault (Sat 07-22 14:00-17:00 CEST)
    (loc(LYR, 2073, 7, 22, 13, 20), "lyr_ant2", "change", "info", "Antenna 2 servo firmware update", "CHG-730722 servo 3.4"),
    (loc(LYR, 2073, 7, 22, 14, 5), "lyr_ant2", "alert", "major", "Pass failed: no lock on downlink", "PASS-730722-07 AOS missed"),
    (loc(LYR, 2073, 7, 22, 14, 20), "lyr_ant2", "incident", "critical", "Svalbard dish 2 drive fault", "INC-730722-01 elevation axis stuck"),
    (loc(LYR, 2073, 7, 22, 17, 10), "lyr_ant2", "change", "info", "Antenna 2 servo firmware rollback", "rollback; tracking restored"),
    # 2. Santiago cache DB outage (Tue 08-29 09:00-11:00 Chile time, before DST)
    (loc(SCL, 2073, 8, 29, 8, 30), "scl_db1", "change", "info", "Santiago cache DB vacuum settings change", "CHG-730829 autovacuum"),
    (loc(SCL, 2073, 8, 29, 9, 10), "scl_vm2", "incident", "critical", "Santiago station control not scheduling passes", "INC-730829-01 pass plan stale"),
    (loc(SCL, 2073, 8, 29, 9, 20), "scl_db1", "alert", "major", "scl-cache.pg CPU over 95%", "cpu_usage 97%"),
    (loc(SCL, 2073, 8, 29, 9, 40), "scl_ant1", "alert", "minor", "Pass failed: schedule not received", "PASS-730829-03 no plan"),
    (loc(SCL, 2073, 8, 29, 11, 15), "scl_db1", "change", "info", "Santiago cache DB settings reverted", "rollback; passes resumed"),
    (loc(SCL, 2073, 9, 3, 0, 0), "scl_vm2", "change", "info", "Santiago station clock switched to summer time", "CHG-730903 UTC-3"),
    # 3. Honolulu uplink edge overload (Fri 09-08 13:00-15:00 HST)
    (loc(HNL, 2073, 9, 8, 12, 40), "hnl_vm2", "deploy", "info", "hnl-uplink.edge 1.8 deploy", "release 1.8 CCSDS framing"),
    (loc(HNL, 2073, 9, 8, 13, 10), "hnl_vm2", "incident", "major", "Honolulu uplink commands rejected", "INC-730908-01 frames dropped"),
    (loc(HNL, 2073, 9, 8, 13, 20), "hnl_vm2", "alert", "major", "hnl-uplink.edge CPU over 90%", "cpu_usage 91%"),
    (loc(HNL, 2073, 9, 8, 15, 5), "hnl_vm2", "change", "info", "hnl-uplink.edge 1.7.2 rollback", "rollback; commands accepted"),
    # 4. telemetry backlog (Tue 09-12 02:00-04:00 Seoul)
    (kst(2073, 9, 12, 1, 30), "djn_app6", "change", "info", "메시지 큐 파티션 재배치", "CHG-730912 rebalance"),
    (kst(2073, 9, 12, 2, 5), "djn_app2", "incident", "major", "텔레메트리 수집 지연", "INC-730912-01 frames backlog"),
    (kst(2073, 9, 12, 2, 15), "djn_app6", "alert", "major", "mq.telemetry CPU 90% 초과", "cpu_usage 92%"),
    (kst(2073, 9, 12, 4, 10), "djn_app6", "change", "info", "메시지 큐 파티션 원복", "rollback; backlog drained"),
    (kst(2073, 9, 11, 3, 0), "djn_app7", "alert", "minor", "아카이브 재색인 배치 오류 증가", "error_rate 2.6%"),
    (kst(2073, 9, 13, 9, 0), "djn_vm2", "change", "info", "포털 스테이징 VM 점검 전환", "CHG-730913 maintenance"),
    (loc(LYR, 2073, 9, 13, 6, 30), "lyr_ant3", "alert", "minor", "Pass failed: X-band rain fade", "PASS-730913-11 low SNR"),
    # 5. uplink gateway command timeouts (Thu 09-14), ongoing
    (kst(2073, 9, 14, 8, 50), "djn_app5", "change", "info", "인증 토큰 만료 정책 변경", "CHG-730914 token TTL 5m"),
    (kst(2073, 9, 14, 9, 40), "djn_app3", "deploy", "info", "uplink-gw 3.2 배포", "release 3.2 command batching"),
    (kst(2073, 9, 14, 10, 2), "djn_app3", "incident", "critical", "업링크 명령 타임아웃", "INC-730914-01 commands timing out"),
    (kst(2073, 9, 14, 10, 6), "djn_k8s2", "alert", "major", "gs-node-02 CPU 90% 초과", "cpu_usage 93%"),
]

BUILD_APPS = ["djn_app1", "djn_app2", "djn_app4", "djn_app5", "djn_app6"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2073, 9, 4)
    n = 0
    while day < kst(2073, 9, 13):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([10, 11, 15, 16]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} build #{730 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure"))
        day += timedelta(days=1)
    ev.sort(key=lambda e: (e[0], e[1]))
    return ev


def event_checks(events):
    """No code appears inside an event title or detail (answers print them)."""
    out = []
    for e in events:
        for c in CIS:
            if c[0].lower() in (e[4] + " " + e[5]).lower():
                out.append(f"code {c[0]} inside the event text {e[4]!r}")
    return out


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
    if tok == "weekend":             # added in set 10: the last Saturday 00:00 .. Monday 00:00 before today
        sat = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
        return sat, sat + timedelta(days=2)
    if tok.startswith("daysago:"):   # the Seoul day N days before today ("3 days ago", "그저께")
        d = today - timedelta(days=int(tok[8:]))
        return d, d + timedelta(days=1)
    if tok.startswith("weekday:"):   # the latest such weekday before today ("last Friday", "지난 금요일")
        wd = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(tok[8:])
        d = today - timedelta(days=(today.weekday() - wd) % 7 or 7)
        return d, d + timedelta(days=1)
    if tok == "lastholiday":         # set 10's Chuseok break; no holiday break in this set
        raise ValueError("no holiday break in this set")
    if tok in ("thisquarter", "lastquarter") or tok.startswith("quarter:") or tok.startswith("half:"):
        # added in set 11: calendar quarters and halves (Seoul)
        if tok.startswith("quarter:"):
            y, q = int(tok[8:12]), int(tok[-1])
        elif tok.startswith("half:"):
            y, hh = int(tok[5:9]), int(tok[-1])
            a = datetime(y, 6 * hh - 5, 1, tzinfo=KST)
            b = datetime(y + (hh == 2), 1 if hh == 2 else 7, 1, tzinfo=KST)
            return a, b
        else:
            y, q = today.year, (today.month - 1) // 3 + 1
            if tok == "lastquarter":
                y, q = (y - 1, 4) if q == 1 else (y, q - 1)
        a = datetime(y, 3 * q - 2, 1, tzinfo=KST)
        b = datetime(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1, tzinfo=KST)
        if tok == "thisquarter":
            return a, NOW
        return a, b
    if tok == "thisyear":            # added in set 9: calendar years (Seoul)
        return today.replace(month=1, day=1), NOW
    if tok == "lastyear":
        first = today.replace(month=1, day=1)
        return first.replace(year=first.year - 1), first
    if tok.startswith("year:"):
        y = int(tok[5:])
        return datetime(y, 1, 1, tzinfo=KST), datetime(y + 1, 1, 1, tzinfo=KST)
    if tok.startswith("isoweek:"):   # added in set 20: an ISO 8601 week (Seoul), ending at now while it runs
        y, w = int(tok[8:12]), int(tok[14:])
        jan4 = datetime(y, 1, 4, tzinfo=KST)
        a = jan4 - timedelta(days=jan4.weekday()) + timedelta(weeks=w - 1)
        return a, min(a + timedelta(days=7), NOW)
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
    if tok.startswith("month:"):     # a Seoul calendar month: month:2016-09
        y, mo = map(int, tok[6:].split("-"))
        a = datetime(y, mo, 1, tzinfo=KST)
        b = datetime(y + (mo == 12), mo % 12 + 1, 1, tzinfo=KST)
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
            if k in f and r[col] not in [x.replace("+", " ") for x in f[k].split(",")]:   # '+' is a space (set 13)
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
    elif op == "at":           # one moment: the sample at exactly t (its range convention is not checked)
        t0 = parse_dt(f["t"])
        hit = [v for t, v in D.samples(f["ci"], f["m"]) if t == t0]
        if not hit:
            raise Warn("no sample at that moment")
        e["ci"] = f["ci"]
        e["value"], e["tol"] = round(hit[0], 3), tol
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
    elif op == "callers":      # who calls X directly: depth-1 DEPENDS_ON/CONNECTS_TO sources
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
# Questions
# --------------------------------------------------------------------------------------
CATEGORIES = ["latest", "agg_relative", "agg_absolute", "trend", "topn", "threshold", "compare", "count", "list",
              "infra", "impact", "dependencies", "calls", "path", "events", "change_before", "attribute",
              "reject", "clarify"]
CAT_OPS = {"latest": {"latest"}, "agg_relative": {"agg"}, "agg_absolute": {"agg", "at"}, "trend": {"trend"},
           "topn": {"top", "bottom"}, "threshold": {"thr"}, "compare": {"cmp"}, "count": {"count"},
           "list": {"list"}, "infra": {"hosted", "hostof", "impact"}, "impact": {"impact"},
           "dependencies": {"deps"}, "calls": {"calls", "callers"}, "path": {"path"}, "events": {"ev"},
           "change_before": {"chg"}, "attribute": {"attr"}, "reject": {"reject"}, "clarify": {"clarify"}}
RELATIVE_R = ("last:", "today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth", "thisyear", "lastyear",
              "weekend", "daysago:", "weekday:", "lastholiday", "thisquarter", "lastquarter")
NEAR_DUP = 0.85


def load_src(name=SRC, tag_letter=TAG_LETTER):
    """Rows (line, lang, category, spec, question, persona) from the hand-written source; a persona
    tag is a comment `# <tag_letter><n> ...` (G for questions_src.txt)."""
    rows = []
    tag = ""
    head = "# " + tag_letter
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            s = line.strip()
            if s.startswith(head) and s[len(head):len(head) + 1].isdigit():
                tag = s[2:].split()[0]
                continue
            if not s or s.startswith("#"):
                continue
            parts = [x.strip() for x in line.split(" | ", 3)]
            if len(parts) != 4:
                raise SystemExit(f"{name} line {ln}: expected 'lang | category | spec | question'")
            lang, cat, spec, q = parts
            if lang not in ("ko", "en"):
                raise SystemExit(f"{name} line {ln}: bad lang {lang}")
            rows.append((ln, lang, cat, spec, q.strip(), tag))
    return rows


def assign_halves(rows):
    """Within each (category, language) group, order by sha256(seed:question) and alternate."""
    groups = defaultdict(list)
    for i, r in enumerate(rows):
        groups[(r[2], r[1])].append(i)
    half = {}
    for gi, key in enumerate(sorted(groups)):
        idx = sorted(groups[key], key=lambda i: hashlib.sha256(f"{SEED}:{rows[i][4]}".encode()).hexdigest())
        for j, i in enumerate(idx):
            half[i] = HALVES[(j + gi) % 2]
    return half


def norm_q(q):
    """Question text without case, spaces and punctuation, to catch near-verbatim repeats."""
    return "".join(ch for ch in q.lower() if ch.isalnum())


def has_hangul(q):
    return any("\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e" for ch in q)


def spec_checks(D, cat, spec, e):
    """Checks of one question beyond compute(): the op fits the category, the range fits the
    agg category, compared values are apart, closures and counts are not empty, and no ranking,
    threshold or compare on "now" rests on the stale value of a stopped CI."""
    toks = spec.split()
    f = dict(t.partition("=")[::2] for t in toks[1:])
    out = []
    if cat not in CAT_OPS:
        out.append(f"unknown category {cat}")
    elif toks[0] not in CAT_OPS[cat]:
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
        if "r" not in f and any(c in STOPPED_AT for c in f["cis"].split(",")):
            out.append("compare on the stale latest value of a stopped CI")
    if toks[0] == "latest" and f["ci"] in STOPPED_AT and "stale" not in f:
        out.append("latest value of a stopped CI (mark the spec `stale` if deliberate)")
    if toks[0] == "chg" and not e.get("contains"):
        out.append("no deploy/change before the incident")
    if toks[0] in ("impact", "deps", "hosted", "callers", "calls") and not e.get("codes"):
        out.append("empty result")
    if toks[0] in ("impact", "deps") and f.get("want") == "count" and not e.get("count"):
        out.append("closure count is 0")
    if toks[0] == "ev" and f.get("want") == "count" and not e.get("count"):
        out.append("event count is 0")
    if toks[0] == "ev" and "r" in f and f.get("want") != "count" and not e.get("contains") and "empty" not in f:
        out.append("no events in range")
    if toks[0] == "thr" and f.get("want") == "count" and not e.get("count"):
        out.append("threshold count is 0")
    if toks[0] in ("top", "bottom", "thr") and "r" not in f:
        if any(c in STOPPED_AT for c in e.get("ordered_codes", []) + e.get("codes", [])):
            out.append("stale latest value of a stopped CI in the result")
    return out


def estate_checks():
    """The checker matches codes as case-insensitive substrings of the answer: no code may be a
    substring of another code or of any CI's name or alias, and codes hold no comma."""
    out = []
    codes = [c[0] for c in CIS]
    texts = []
    for c in CIS:
        texts += [c[1]] + [a for a in c[7].split("|") if a]
    for a in codes:
        if "," in a:
            out.append(f"code with a comma: {a}")
        for b in codes:
            if a != b and a.lower() in b.lower():
                out.append(f"code {a} is a substring of code {b}")
        for t in texts:
            if a.lower() in t.lower():
                out.append(f"code {a} is a substring of the name/alias {t}")
    if len(set(codes)) != len(codes):
        out.append("duplicate codes")
    # codes use letters, digits, '-', '_', '.', ':' and '/' only (no '#' or spaces); this set admits '@' (shares,
    # scoped packages) and a backslash (SQL Server named instances)
    for a in codes:
        if not re.fullmatch(r"[A-Za-z0-9@][A-Za-z0-9_.:/@\\-]*", a):
            out.append(f"code with a character outside [A-Za-z0-9_.:/@\\-]: {a}")
    # nor may a code hide inside an attribute value that an answer may print (owner, location, environment)
    values = {c[k] for c in CIS for k in (4, 5, 6)}
    for a in codes:
        for t in values:
            if a.lower() in t.lower():
                out.append(f"code {a} is a substring of the attribute value {t}")
    # names and aliases are not blank and carry no padding
    for c in CIS:
        for t in [c[1]] + [x for x in c[7].split("|") if x]:
            if not t.strip() or t != t.strip():
                out.append(f"blank or padded name/alias {t!r} of {c[0]}")
    for c in CIS:
        if c[2] not in ("network", "storage", "server", "vm", "database", "app", "load_balancer", "service"):
            out.append(f"unknown type {c[2]} of {c[0]}")
        if c[0] in METRIC_PLAN and c[2] in ("network", "storage", "load_balancer", "service"):
            out.append(f"{c[0]}: a {c[2]} has no metrics")
    known = set(codes)
    for s, r, t in RELATIONS:
        if s not in known or t not in known or r not in ("DEPENDS_ON", "RUNS_ON", "HOSTS", "CONNECTS_TO"):
            out.append(f"bad relation {s} {r} {t}")
    return out


def near_copy(nq, seen):
    """The line of the first text in seen (normalised text -> line) that nq nearly repeats, or None."""
    sm = difflib.SequenceMatcher(None, "", nq, autojunk=False)
    for other, oln in seen.items():
        sm.set_seq1(other)
        if sm.real_quick_ratio() >= NEAR_DUP and sm.quick_ratio() >= NEAR_DUP and sm.ratio() >= NEAR_DUP:
            return oln
    return None


def write_questions(D, src=SRC, tsv=TSV, id_prefix=ID_PREFIX, tag_letter=TAG_LETTER, fixed_half=None, others=()):
    """Write one question set.  The main set (defaults) gets its halves from assign_halves(); a
    development set passes fixed_half, and others = source files whose questions it must neither
    repeat nor nearly repeat (only their line numbers are reported)."""
    rows = load_src(src, tag_letter)
    half = {i: fixed_half for i in range(len(rows))} if fixed_half else assign_halves(rows)
    foreign = []
    for name in others:
        fseen = {}
        for r in load_src(name):
            fseen.setdefault(norm_q(r[4]), r[0])
        foreign.append((name, fseen))
    seen = {}
    out, problems = [], []
    for i, (ln, lang, cat, spec, q, persona) in enumerate(rows):
        where = f"{src} line {ln}"
        nq = norm_q(q)
        if nq in seen:
            problems.append(f"{where}: duplicate of line {seen[nq]}")
        else:
            oln = near_copy(nq, seen)
            if oln is not None:
                problems.append(f"{where}: near-copy of line {oln}")
        for name, fseen in foreign:
            if nq in fseen:
                problems.append(f"{where}: repeats {name} line {fseen[nq]}")
            else:
                oln = near_copy(nq, fseen)
                if oln is not None:
                    problems.append(f"{where}: near-copy of {name} line {oln}")
        seen.setdefault(nq, ln)
        if (lang == "ko") != has_hangul(q):
            problems.append(f"{where}: lang {lang} does not fit the script of the question")
        if not persona:
            problems.append(f"{where}: no persona tag above this line")
        warns = []
        try:
            e = compute(D, spec, warns)
        except Warn as w:
            problems.append(f"{where} [{spec}]: {w}")
            continue
        warns += spec_checks(D, cat, spec, e)
        for w in warns:
            if "ok" not in spec.split():
                problems.append(f"{where} [{spec}]: {w}")
        for ch in ("\t", "\n"):
            assert ch not in q
        out.append((f"{id_prefix}{len(out) + 1:03d}", half[i], lang, cat, q,
                    json.dumps(e, ensure_ascii=False, separators=(",", ":")), persona))
    with open(os.path.join(HERE, tsv), "w", encoding="utf-8", newline="") as fh:
        fh.write("id\thalf\tlang\tcategory\tquestion\texpect\n")
        for r in out:
            fh.write("\t".join(r[:6]) + "\n")
    return out, problems


def unique_paths(D):
    """Pairs (dependent, dependency) at distance >= 2 with exactly one shortest path, for writing path questions."""
    res = []
    for a in CI:
        for b in sorted(D.closure(a, D.dep)):
            ps = all_shortest(D, a, b)
            if len(ps) == 1 and len(ps[0]) >= 3:
                res.append(" -> ".join(ps[0]))
    return res


def summary(D):
    print("== latest values ==")
    for m in ("cpu_usage", "mem_usage", "disk_usage", "latency_ms", "error_rate"):
        vals = sorted(((D.latest(c, m), c) for c in CI if D.latest(c, m) is not None), reverse=True)
        print(m, " ".join(f"{c}={v}" for v, c in vals))
    print("== averages per range ==")
    for m in ("cpu_usage", "mem_usage", "disk_usage", "latency_ms", "error_rate"):
        for r in ("today", "yesterday", "daysago:2", "daysago:3", "last:24h", "last:1h", "last:30m", "last:3h", "last:3d", "last:7d", "last:14d", "thisweek", "lastweek", "thismonth", "lastmonth", "thisquarter", "weekend", "month:2073-07", "month:2073-08", "day:2073-08-31", "day:2073-07-22", "day:2073-09-12", "span:2073-07-22T14:00+02:00/2073-07-22T17:00+02:00", "span:2073-08-29T09:00-04:00/2073-08-29T11:00-04:00", "span:2073-09-08T13:00-10:00/2073-09-08T15:00-10:00", "since:2073-09-14T10:00", "span:2073-09-14T09:25/2073-09-14T10:25"):
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
    print("== unique shortest dependency paths (length >= 3) ==")
    for p in unique_paths(D):
        print(p)


def print_counts(out, halves_names):
    cnt, per, halves = defaultdict(int), defaultdict(int), defaultdict(int)
    for r in out:
        cnt[(r[3], r[2])] += 1
        per[(r[6], r[2])] += 1
        halves[(r[3], r[1])] += 1
    print(f"  {'category':14s}   ko   en  " + " ".join(f"{h:>5s}" for h in halves_names))
    for c in CATEGORIES:
        print(f"  {c:14s} {cnt[(c, 'ko')]:4d} {cnt[(c, 'en')]:4d}  " + " ".join(f"{halves[(c, h)]:5d}" for h in halves_names))
    print(f"  {'total':14s} {sum(v for k, v in cnt.items() if k[1] == 'ko'):4d} "
          f"{sum(v for k, v in cnt.items() if k[1] == 'en'):4d}  "
          + " ".join(f"{sum(v for k, v in halves.items() if k[1] == h):5d}" for h in halves_names))
    for p in sorted({k[0] for k in per}, key=lambda x: (len(x), x)):
        print(f"  persona {p:4s} ko={per[(p, 'ko')]:3d} en={per[(p, 'en')]:3d}")




def main():
    rng = random.Random(SEED)
    metrics = gen_metrics(rng)
    events = gen_events(random.Random(SEED + 1))
    write_estate(metrics, events)
    D = Data(metrics, events)
    problems = estate_checks() + event_checks(events)
    if "--summary" in sys.argv:
        summary(D)
        for p in problems:
            print("WARN", p)
        return
    if not os.path.exists(os.path.join(HERE, SRC)):
        print(f"no {SRC}; estate written")
        for p in problems:
            print("WARN", p)
        if problems and "--strict" in sys.argv:
            sys.exit(1)
        return
    out, qproblems = write_questions(D)
    problems += qproblems
    print(f"{len(out)} questions written to {TSV}; cis={len(CIS)} relations={len(RELATIONS)} "
          f"metrics rows={len(metrics)} events={len(events)}")
    if "--counts" in sys.argv:
        print_counts(out, HALVES)
    for p in problems:
        print("WARN", p)
    if problems and "--strict" in sys.argv:
        sys.exit(1)


if __name__ == "__main__":
    main()
