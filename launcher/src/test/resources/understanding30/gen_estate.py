#!/usr/bin/env python3
"""Deterministic generator for the "Pureun Charge" (푸른차지) electric-vehicle charging network estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids EV###, halves "dev34" / "test30") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only (zoneinfo for the
London clock: BST, UTC+1, until Sunday 28 October 2068, GMT, UTC+0, from then on).

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding29/gen_estate.py, copied unchanged from
the class Data onwards except the ranges that --summary prints.  The estate (an EV charging network:
the OCPP gateways that ingest charger telemetry, the charge-session and billing services, the OCPI
roaming API, payment, the map/availability API, the mobile app backend, the firmware (FOTA) update
service, kafka, redis, a time-series DB, postgres/mysql, k8s nodes, VMs, load balancers and the
site controllers of three charging hubs, at the Pangyo IDC, the Daejeon DC, AWS Seoul and a London
DC on UK time), the clock (Tuesday 20 November 2068, 18:40 Seoul = 09:40 GMT in London, with a
telemetry-ingest incident on the Korean OCPP gateway ongoing), the sampling (hourly from Monday
20 August 2068, every 15 minutes from Monday 12 November, every minute from 17:40 today), the names,
the owners (people and teams), the personas and the questions differ.  London-time ranges are
written as spans with a +01:00 (BST) / +00:00 (GMT) offset.

Spec grammar: as in ../understanding29/gen_estate.py (persona tags `# P<n> ...`).
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
HALVES = ("dev34", "test30")
ID_PREFIX = "EV"
TAG_LETTER = "P"
SEED = 20681120
KST = timezone(timedelta(hours=9))
LON = ZoneInfo("Europe/London")
UTC = timezone.utc

NOW = datetime(2068, 11, 20, 18, 40, tzinfo=KST)          # Tuesday 18:40 Seoul = Tuesday 09:40 GMT
M_START = datetime(2068, 8, 20, 0, 0, tzinfo=KST)         # hourly from Monday 20 August 2068 ...
MID_START = datetime(2068, 11, 12, 0, 0, tzinfo=KST)      # ... every 15 minutes from Monday 12 November ...
FINE_START = datetime(2068, 11, 20, 17, 40, tzinfo=KST)   # ... every minute from 17:40 today
M_END = NOW                                               # inclusive: the last sample is at 18:40:00 itself
STEP_1H = timedelta(hours=1)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
KR_HOLIDAYS = {(2068, 10, 3), (2068, 10, 9)}              # 개천절, 한글날 (office profile)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# codes: a site, ":", a two-letter type, ":", two digits (sites pg Pangyo, dj Daejeon, aw AWS Seoul, ld London;
#        types nw network, st storage, sv server, vm vm, db database, ap app, lb load balancer, sc service)
# --------------------------------------------------------------------------------------
PG, DJ, AW, LD = "Pangyo IDC", "Daejeon DC", "AWS Seoul", "London DC"
PROD, STG, RETIRED, DR = "prod", "stg", "retired", "dr"
O_PLAT, O_PAY, O_MINJI, O_GRID, O_UK = ("Platform Team", "Payments Team", "Lee Minji", "Kang Seojun", "Tom Hughes")

CIS = [
    ("pg:nw:01", "pgy-core-sw", "network", "running", PROD, PG, O_PLAT, "판교 코어 스위치|코어 스위치", "10.68.0.1", "core"),
    ("ld:nw:01", "ldn-edge-fw", "network", "running", PROD, LD, O_UK, "런던 방화벽|London firewall", "10.68.192.1", "edge"),
    ("pg:st:01", "pgy-nas.tsdb", "storage", "running", PROD, PG, O_PLAT, "시계열 스토리지|TSDB NAS", "10.68.0.5", "core"),
    ("dj:st:01", "djn-backup", "storage", "running", DR, DJ, O_PLAT, "대전 백업|백업 스토리지", "", "dr"),
    ("pg:sv:01", "pgy-k8s-w1", "server", "running", PROD, PG, O_PLAT, "판교 워커 1|쿠버 워커 1", "10.68.0.11", "core"),
    ("pg:sv:02", "pgy-k8s-w2", "server", "running", PROD, PG, O_PLAT, "판교 워커 2|쿠버 워커 2", "10.68.0.12", "core"),
    ("pg:sv:03", "pgy-k8s-w3", "server", "running", PROD, PG, O_PLAT, "판교 워커 3|쿠버 워커 3", "10.68.0.13", "core"),
    ("pg:sv:04", "pgy-db-host", "server", "running", PROD, PG, O_PLAT, "판교 DB 서버|디비 호스트", "10.68.0.21", "core"),
    ("pg:sv:05", "site-ctrl/seongnam-hub", "server", "running", PROD, PG, O_GRID, "성남 허브 제어기|성남 충전소 컨트롤러", "10.68.8.5", "edge"),
    ("dj:sv:01", "djn-esxi-01", "server", "running", PROD, DJ, O_PLAT, "대전 ESXi|대전 가상화 서버", "10.68.64.11", "core"),
    ("dj:sv:02", "site-ctrl/expo-park", "server", "running", PROD, DJ, O_GRID, "엑스포 주차장 제어기|대전 충전소 컨트롤러", "10.68.72.5", "edge"),
    ("ld:sv:01", "ldn-k8s-w1", "server", "running", PROD, LD, O_UK, "런던 워커 1|London worker 1", "10.68.192.11", "core"),
    ("ld:sv:02", "ldn-k8s-w2", "server", "running", PROD, LD, O_UK, "런던 워커 2|London worker 2", "10.68.192.12", "core"),
    ("ld:sv:03", "site-ctrl/kings-cross", "server", "running", PROD, LD, O_UK, "킹스크로스 제어기|King's Cross controller", "10.68.200.5", "edge"),
    ("aw:vm:01", "fota-vm-a", "vm", "running", PROD, AW, O_GRID, "펌웨어 서버 A|FOTA VM A", "10.68.96.101", "core"),
    ("aw:vm:02", "fota-vm-b", "vm", "running", PROD, AW, O_GRID, "펌웨어 서버 B|FOTA VM B", "10.68.96.102", "core"),
    ("dj:vm:01", "pay-gw-vm", "vm", "running", PROD, DJ, O_PAY, "결제 게이트웨이 VM|페이 VM", "10.68.64.101", "core"),
    ("dj:vm:02", "billing.vm01", "vm", "running", PROD, DJ, O_PAY, "빌링 VM|정산 서버", "10.68.64.102", "core"),
    ("dj:vm:03", "legacy-ocpp15-vm", "vm", "stopped", RETIRED, DJ, O_PLAT, "구 OCPP 서버|옛날 게이트웨이 VM", "10.68.64.103", "core"),
    ("dj:vm:04", "stg-roaming-vm", "vm", "maintenance", STG, DJ, O_MINJI, "스테이징 로밍 VM|로밍 스테이징", "10.68.64.104", "core"),
    ("pg:db:01", "session-db (primary)", "database", "running", PROD, PG, O_MINJI, "충전세션 DB|세션 디비", "10.68.0.201", "core"),
    ("pg:db:02", "user-pg", "database", "running", PROD, PG, O_MINJI, "회원 DB|유저 디비", "10.68.0.202", "core"),
    ("pg:db:03", "avail-redis", "database", "running", PROD, PG, O_MINJI, "가용성 레디스|지도 캐시", "10.68.0.203", "core"),
    ("pg:db:04", "ocpp-redis", "database", "running", PROD, PG, O_GRID, "OCPP 레디스|게이트웨이 캐시", "10.68.0.204", "core"),
    ("pg:db:05", "telemetry-tsdb", "database", "running", PROD, PG, O_GRID, "시계열 DB|텔레메트리 DB", "10.68.0.205", "core"),
    ("dj:db:01", "pay-mysql", "database", "running", PROD, DJ, O_PAY, "결제 DB|페이 마이에스큐엘", "10.68.64.201", "core"),
    ("dj:db:02", "session-db replica", "database", "running", DR, DJ, O_MINJI, "세션 DB 복제본|DR 세션 디비", "10.68.64.202", "dr"),
    ("ld:db:01", "ldn-roam-pg", "database", "running", PROD, LD, O_UK, "런던 로밍 DB|UK roaming DB", "10.68.192.201", "core"),
    ("pg:ap:01", "ocpp-gw", "app", "running", PROD, PG, O_GRID, "OCPP 게이트웨이|충전기 게이트웨이", "10.68.0.31", "core"),
    ("pg:ap:02", "charge-session svc", "app", "running", PROD, PG, O_MINJI, "충전세션 서비스|세션 서비스", "10.68.0.32", "core"),
    ("pg:ap:03", "map-avail-api", "app", "running", PROD, PG, O_MINJI, "지도 가용성 API|충전소 지도 API", "10.68.0.33", "core"),
    ("pg:ap:04", "app-backend", "app", "running", PROD, PG, O_MINJI, "앱 백엔드|모바일 백엔드", "10.68.0.34", "core"),
    ("pg:ap:05", "kafka-telemetry", "app", "running", PROD, PG, O_PLAT, "카프카|텔레메트리 버스", "10.68.0.35", "core"),
    ("dj:ap:01", "billing-api", "app", "running", PROD, DJ, O_PAY, "빌링 API|요금 정산 API", "10.68.64.31", "core"),
    ("dj:ap:02", "pay.gate", "app", "running", PROD, DJ, O_PAY, "결제 게이트|페이게이트", "10.68.64.32", "core"),
    ("dj:ap:03", "invoice-batch", "app", "error", PROD, DJ, O_PAY, "청구서 배치|인보이스 배치", "10.68.64.33", "core"),
    ("aw:ap:01", "fw-update-svc", "app", "running", PROD, AW, O_GRID, "펌웨어 업데이트 서비스|FOTA 서비스", "10.68.96.31", "core"),
    ("ld:ap:01", "roaming-api (OCPI)", "app", "running", PROD, LD, O_UK, "로밍 API|OCPI 로밍", "10.68.192.31", "core"),
    ("ld:ap:02", "ocpp-gw-uk", "app", "running", PROD, LD, O_UK, "런던 OCPP 게이트웨이|UK 게이트웨이", "10.68.192.32", "core"),
    ("pg:lb:01", "pgy-lb-01", "load_balancer", "running", PROD, PG, O_PLAT, "판교 LB|메인 로드밸런서", "10.68.0.250", "core"),
    ("ld:lb:01", "ldn-lb", "load_balancer", "running", PROD, LD, O_UK, "런던 LB|UK load balancer", "10.68.192.250", "core"),
    ("pg:sc:01", "Pureun Charge App", "service", "running", PROD, PG, O_MINJI, "푸른차지 앱|충전 앱", "", "core"),
    ("pg:sc:02", "Charger Network", "service", "running", PROD, PG, O_GRID, "충전기 네트워크|충전망", "", "core"),
    ("ld:sc:01", "Pureun Charge UK", "service", "running", PROD, LD, O_UK, "푸른차지 UK|영국 서비스", "", "core"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE, LFW = "pg:nw:01", "ld:nw:01"
RELATIONS = [
    (LFW, "CONNECTS_TO", CORE),
    ("pg:sv:01", "CONNECTS_TO", CORE),
    ("pg:sv:02", "CONNECTS_TO", CORE),
    ("pg:sv:03", "CONNECTS_TO", CORE),
    ("pg:sv:04", "CONNECTS_TO", CORE),
    ("dj:sv:01", "CONNECTS_TO", CORE),
    ("ld:sv:01", "CONNECTS_TO", LFW),
    ("ld:sv:02", "CONNECTS_TO", LFW),
    # hosting
    ("dj:sv:01", "HOSTS", "dj:vm:01"),
    ("dj:sv:01", "HOSTS", "dj:vm:02"),
    ("dj:sv:01", "HOSTS", "dj:vm:03"),
    ("dj:sv:01", "HOSTS", "dj:vm:04"),
    ("pg:ap:01", "RUNS_ON", "pg:sv:01"),
    ("pg:ap:05", "RUNS_ON", "pg:sv:01"),
    ("pg:db:04", "RUNS_ON", "pg:sv:01"),
    ("pg:ap:02", "RUNS_ON", "pg:sv:02"),
    ("pg:db:05", "RUNS_ON", "pg:sv:02"),
    ("pg:ap:03", "RUNS_ON", "pg:sv:03"),
    ("pg:ap:04", "RUNS_ON", "pg:sv:03"),
    ("pg:db:03", "RUNS_ON", "pg:sv:03"),
    ("pg:db:01", "RUNS_ON", "pg:sv:04"),
    ("pg:db:02", "RUNS_ON", "pg:sv:04"),
    ("dj:ap:02", "RUNS_ON", "dj:vm:01"),
    ("dj:ap:01", "RUNS_ON", "dj:vm:02"),
    ("dj:ap:03", "RUNS_ON", "dj:vm:02"),
    ("dj:db:01", "RUNS_ON", "dj:sv:01"),
    ("dj:db:02", "RUNS_ON", "dj:sv:01"),
    ("aw:ap:01", "RUNS_ON", "aw:vm:01"),
    ("ld:ap:01", "RUNS_ON", "ld:sv:01"),
    ("ld:ap:02", "RUNS_ON", "ld:sv:02"),
    ("ld:db:01", "RUNS_ON", "ld:sv:02"),
    # calls
    ("pg:sc:01", "DEPENDS_ON", "pg:lb:01"),
    ("pg:lb:01", "DEPENDS_ON", "pg:ap:04"),
    ("pg:lb:01", "DEPENDS_ON", "pg:ap:03"),
    ("pg:ap:04", "DEPENDS_ON", "pg:ap:02"),
    ("pg:ap:04", "DEPENDS_ON", "pg:db:02"),
    ("pg:ap:04", "DEPENDS_ON", "dj:ap:02"),
    ("pg:ap:03", "DEPENDS_ON", "pg:db:03"),
    ("pg:ap:03", "DEPENDS_ON", "pg:db:05"),
    ("pg:ap:02", "DEPENDS_ON", "pg:db:01"),
    ("pg:ap:02", "DEPENDS_ON", "pg:ap:01"),
    ("pg:ap:02", "DEPENDS_ON", "dj:ap:01"),
    ("pg:ap:01", "DEPENDS_ON", "pg:db:04"),
    ("pg:ap:01", "DEPENDS_ON", "pg:ap:05"),
    ("pg:ap:05", "DEPENDS_ON", "pg:db:05"),
    ("pg:db:05", "DEPENDS_ON", "pg:st:01"),
    ("dj:ap:01", "DEPENDS_ON", "dj:db:01"),
    ("dj:ap:01", "DEPENDS_ON", "pg:db:01"),
    ("dj:ap:02", "DEPENDS_ON", "dj:db:01"),
    ("dj:ap:03", "DEPENDS_ON", "dj:ap:01"),
    ("dj:db:02", "DEPENDS_ON", "pg:db:01"),
    ("dj:db:01", "DEPENDS_ON", "dj:st:01"),
    ("aw:ap:01", "DEPENDS_ON", "pg:ap:01"),
    ("pg:sv:05", "CONNECTS_TO", "pg:ap:01"),
    ("dj:sv:02", "CONNECTS_TO", "pg:ap:01"),
    ("ld:sv:03", "CONNECTS_TO", "ld:ap:02"),
    ("pg:sc:02", "DEPENDS_ON", "pg:ap:01"),
    ("pg:sc:02", "DEPENDS_ON", "ld:ap:02"),
    ("pg:sc:02", "DEPENDS_ON", "aw:ap:01"),
    ("ld:sc:01", "DEPENDS_ON", "ld:lb:01"),
    ("ld:sc:01", "DEPENDS_ON", "ld:ap:02"),
    ("ld:lb:01", "DEPENDS_ON", "ld:ap:01"),
    ("ld:ap:01", "DEPENDS_ON", "ld:db:01"),
    ("ld:ap:01", "DEPENDS_ON", "pg:ap:02"),
    ("ld:ap:02", "DEPENDS_ON", "pg:ap:05"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: charge (Seoul commute 07-09 and evening 18-23 charging peaks, Sat-Sun x1.1), ukcharge (the same on London
#           time), nightly (firmware roll-outs and invoicing 01-05 Seoul), office (Seoul working days 09-18), flat
METRIC_PLAN = {
    "pg:sv:01": {"cpu_usage": (30, 0.80, 1.4, "charge"), "mem_usage": (61, 0.05, 1.0, "charge"), "disk_usage": (44, 0, 0.2, "flat")},
    "pg:sv:02": {"cpu_usage": (24, 0.80, 1.3, "charge"), "mem_usage": (57, 0.05, 1.0, "charge"), "disk_usage": (52, 0, 0.2, "flat")},
    "pg:sv:03": {"cpu_usage": (21, 0.75, 1.3, "charge"), "mem_usage": (68, 0.05, 1.0, "charge"), "disk_usage": (38, 0, 0.2, "flat")},
    "pg:sv:04": {"cpu_usage": (18, 0.70, 1.2, "charge"), "mem_usage": (74, 0.03, 0.8, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "pg:sv:05": {"cpu_usage": (9, 0.90, 0.9, "charge"), "mem_usage": (35, 0.05, 0.8, "flat"), "disk_usage": (22, 0, 0.2, "flat")},
    "dj:sv:01": {"cpu_usage": (16, 0.60, 1.1, "office"), "mem_usage": (66, 0.04, 0.9, "office"), "disk_usage": (57, 0, 0.2, "flat")},
    "dj:sv:02": {"cpu_usage": (7, 0.90, 0.8, "charge"), "mem_usage": (31, 0.05, 0.8, "flat"), "disk_usage": (26, 0, 0.2, "flat")},
    "ld:sv:01": {"cpu_usage": (20, 0.85, 1.2, "ukcharge"), "mem_usage": (52, 0.05, 0.9, "ukcharge"), "disk_usage": (34, 0, 0.2, "flat")},
    "ld:sv:02": {"cpu_usage": (15, 0.85, 1.2, "ukcharge"), "mem_usage": (47, 0.05, 0.9, "ukcharge"), "disk_usage": (31, 0, 0.2, "flat")},
    "ld:sv:03": {"cpu_usage": (8, 0.90, 0.8, "ukcharge"), "mem_usage": (29, 0.05, 0.8, "flat"), "disk_usage": (19, 0, 0.2, "flat")},
    "aw:vm:01": {"cpu_usage": (12, 1.60, 1.2, "nightly"), "mem_usage": (48, 0.10, 0.9, "nightly"), "disk_usage": (58, 0, 0.2, "flat")},
    "aw:vm:02": {"cpu_usage": (6, 0.50, 0.7, "flat"), "mem_usage": (33, 0.02, 0.8, "flat"), "disk_usage": (46, 0, 0.2, "flat")},
    "dj:vm:01": {"cpu_usage": (17, 0.85, 1.2, "charge"), "mem_usage": (55, 0.05, 0.9, "charge"), "disk_usage": (36, 0, 0.2, "flat")},
    "dj:vm:02": {"cpu_usage": (13, 1.40, 1.0, "nightly"), "mem_usage": (44, 0.05, 0.9, "nightly"), "disk_usage": (71, 0, 0.2, "flat")},
    "dj:vm:03": {"cpu_usage": (4, 0.40, 0.6, "office"), "mem_usage": (24, 0.03, 1.0, "flat"), "disk_usage": (83, 0, 0.2, "flat")},
    "dj:vm:04": {"cpu_usage": (8, 0.60, 1.0, "office"), "mem_usage": (36, 0.03, 1.0, "office"), "disk_usage": (28, 0, 0.2, "flat")},
    "pg:db:01": {"cpu_usage": (27, 0.80, 1.3, "charge"), "mem_usage": (78, 0.02, 0.6, "flat"), "disk_usage": (53, 0, 0.2, "flat")},
    "pg:db:02": {"cpu_usage": (19, 0.75, 1.2, "charge"), "mem_usage": (65, 0.02, 0.6, "flat"), "disk_usage": (47, 0, 0.2, "flat")},
    "pg:db:03": {"cpu_usage": (11, 0.90, 1.0, "charge"), "mem_usage": (42, 0.06, 0.6, "charge"), "disk_usage": (12, 0, 0.2, "flat")},
    "pg:db:04": {"cpu_usage": (14, 0.80, 1.0, "charge"), "mem_usage": (51, 0.04, 0.6, "charge"), "disk_usage": (15, 0, 0.2, "flat")},
    "pg:db:05": {"cpu_usage": (33, 0.60, 1.3, "charge"), "mem_usage": (70, 0.03, 0.6, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "dj:db:01": {"cpu_usage": (22, 0.80, 1.2, "charge"), "mem_usage": (69, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "dj:db:02": {"cpu_usage": (6, 0.20, 0.7, "flat"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (51, 0, 0.2, "flat")},
    "ld:db:01": {"cpu_usage": (16, 0.85, 1.1, "ukcharge"), "mem_usage": (62, 0.02, 0.6, "flat"), "disk_usage": (41, 0, 0.2, "flat")},
    "pg:ap:01": {"cpu_usage": (26, 0.90, 1.3, "charge"), "latency_ms": (45, 0.45, 1.5, "charge"), "error_rate": (0.04, 0.3, 0.008, "charge")},
    "pg:ap:02": {"cpu_usage": (22, 0.85, 1.3, "charge"), "latency_ms": (180, 0.40, 5.0, "charge"), "error_rate": (0.05, 0.3, 0.010, "charge")},
    "pg:ap:03": {"cpu_usage": (18, 0.85, 1.2, "charge"), "latency_ms": (95, 0.40, 2.5, "charge"), "error_rate": (0.03, 0.3, 0.006, "charge")},
    "pg:ap:04": {"cpu_usage": (20, 0.90, 1.2, "charge"), "latency_ms": (140, 0.45, 3.5, "charge"), "error_rate": (0.06, 0.3, 0.012, "charge")},
    "pg:ap:05": {"cpu_usage": (35, 0.70, 1.3, "charge"), "latency_ms": (9, 0.30, 0.3, "charge"), "error_rate": (0.02, 0.3, 0.004, "charge")},
    "dj:ap:01": {"cpu_usage": (16, 0.85, 1.1, "charge"), "latency_ms": (310, 0.40, 8.0, "charge"), "error_rate": (0.07, 0.3, 0.014, "charge")},
    "dj:ap:02": {"cpu_usage": (14, 0.85, 1.1, "charge"), "latency_ms": (420, 0.40, 9.0, "charge"), "error_rate": (0.09, 0.3, 0.016, "charge")},
    "dj:ap:03": {"cpu_usage": (5, 2.20, 0.9, "nightly"), "latency_ms": (1800, 0.30, 25.0, "nightly"), "error_rate": (1.90, 0.3, 0.10, "nightly")},
    "aw:ap:01": {"cpu_usage": (10, 1.50, 1.0, "nightly"), "latency_ms": (260, 0.35, 6.0, "nightly"), "error_rate": (0.05, 0.3, 0.010, "nightly")},
    "ld:ap:01": {"cpu_usage": (19, 0.90, 1.1, "ukcharge"), "latency_ms": (210, 0.45, 5.0, "ukcharge"), "error_rate": (0.06, 0.3, 0.012, "ukcharge")},
    "ld:ap:02": {"cpu_usage": (17, 0.90, 1.1, "ukcharge"), "latency_ms": (55, 0.45, 1.8, "ukcharge"), "error_rate": (0.05, 0.3, 0.010, "ukcharge")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "dj:vm:03": datetime(2068, 9, 27, 15, 0, tzinfo=KST),
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
    tz = LON if kind.startswith("uk") else KST
    base = kind[2:] if kind.startswith("uk") else kind
    t = ts.astimezone(tz)
    h = t.hour + t.minute / 60.0
    if base == "charge":
        p = 0.10 + 0.40 * plateau(h, 7.0, 9.0) + 0.80 * plateau(h, 18.0, 23.0)
        if t.weekday() >= 5:
            p *= 1.1
        return p
    if base == "nightly":
        return 0.05 + 0.5 * plateau(h, 1.0, 5.0)
    if base == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    return 0.0


def kst(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=KST)


def lon(y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=LON).astimezone(KST)


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
    # level shift: the availability cache's memory after the map tile change, from Mon 2068-09-10 10:00
    if code == "pg:db:03" and metric == "mem_usage" and ts >= kst(2068, 9, 10, 10):
        v += 14.0
    # growth: the time-series DB's disk over the whole history
    if code == "pg:db:05" and metric == "disk_usage":
        v += 19.0 * ramp(ts, M_START, M_END)
    # 1. billing outage, Thu 2068-09-13 19:00-21:00 Seoul (hourly part)
    if within(ts, kst(2068, 9, 13, 19), kst(2068, 9, 13, 21)):
        if code == "dj:ap:01" and metric == "latency_ms":
            v *= 5.0
        if code == "dj:ap:01" and metric == "error_rate":
            v = 4.6 + rng.gauss(0, 0.3)
        if code == "dj:db:01" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.3)
        if code == "dj:vm:02" and metric == "cpu_usage":
            v += 38
    # 2. London roaming outage, Sat 2068-10-13 14:00-16:00 BST = 22:00-24:00 Seoul (hourly part)
    if within(ts, lon(2068, 10, 13, 14), lon(2068, 10, 13, 16)):
        if code == "ld:ap:01" and metric == "error_rate":
            v = 6.1 + rng.gauss(0, 0.3)
        if code == "ld:ap:01" and metric == "latency_ms":
            v *= 4.0
        if code == "ld:db:01" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.4)
    # 3. UK charger disconnects, Tue 2068-11-13 17:00-19:00 GMT = Wed 11-14 02:00-04:00 Seoul (15-minute part)
    if within(ts, lon(2068, 11, 13, 17), lon(2068, 11, 13, 19)):
        if code == "ld:ap:02" and metric == "error_rate":
            v = 4.4 + rng.gauss(0, 0.3)
        if code == "ld:ap:02" and metric == "latency_ms":
            v *= 3.5
        if code == "ld:sv:02" and metric == "cpu_usage":
            v += 50
        if code == "ld:sv:03" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 0.5)
    # 4. firmware roll-out storm, Fri 2068-11-16 02:00-04:00 Seoul (15-minute part)
    if within(ts, kst(2068, 11, 16, 2), kst(2068, 11, 16, 4)):
        if code == "aw:ap:01" and metric == "error_rate":
            v = 3.3 + rng.gauss(0, 0.2)
        if code == "aw:vm:01" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.4)
        if code == "pg:ap:01" and metric == "cpu_usage":
            v += 30
    # stg-roaming-vm in maintenance from Mon 2068-11-19 09:00: idle
    if code == "dj:vm:04" and metric == "cpu_usage" and ts >= kst(2068, 11, 19, 9):
        v = 1.3 + rng.gauss(0, 0.2)
    # 5. telemetry ingest overload on the Korean OCPP gateway, from Tue 2068-11-20 18:00, ongoing at now
    if ts >= kst(2068, 11, 20, 18, 0):
        if code == "pg:ap:01" and metric == "error_rate":
            v = 3.7 + rng.gauss(0, 0.3)
        if code == "pg:ap:01" and metric == "latency_ms":
            v *= 6.0
        if code == "pg:ap:01" and metric == "cpu_usage":
            v += 35
        if code == "pg:sv:01" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.5)
        if code == "pg:db:04" and metric == "mem_usage":
            v += 36
        if code == "pg:db:05" and metric == "cpu_usage":
            v += 30
        if code == "pg:ap:03" and metric == "latency_ms":
            v *= 2.0
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
    (kst(2068, 9, 4, 2, 0), CORE, "change", "info", "판교 코어 스위치 펌웨어 업그레이드", "CHG-680904 night window"),
    (kst(2068, 9, 10, 10, 0), "pg:db:03", "change", "info", "지도 캐시 타일 보존 기간 연장", "CHG-680910 tiles kept 7d"),
    (kst(2068, 9, 27, 15, 0), "dj:vm:03", "change", "info", "구 OCPP 1.5 서버 전원 종료", "CHG-680927 OCPP 1.5 retired"),
    # 1. billing outage (Thu 09-13)
    (kst(2068, 9, 13, 17, 30), "dj:db:01", "change", "info", "결제 DB 인덱스 재구성", "CHG-680913 invoice index rebuild"),
    (kst(2068, 9, 13, 18, 40), "dj:ap:01", "deploy", "info", "billing-api 5.2 배포", "release 5.2 kWh tariffs"),
    (kst(2068, 9, 13, 19, 5), "dj:ap:01", "incident", "critical", "충전 요금 정산 실패", "INC-680913-01 sessions not billed"),
    (kst(2068, 9, 13, 19, 15), "dj:db:01", "alert", "major", "pay-mysql CPU 90% 초과", "cpu_usage 94%"),
    (kst(2068, 9, 13, 21, 10), "dj:ap:01", "change", "info", "billing-api 5.1.9 롤백", "rollback; billing back"),
    # 2. London roaming outage (Sat 10-13 14:00-16:00 BST)
    (lon(2068, 10, 13, 12, 30), "ld:db:01", "change", "info", "roaming DB connection pool resize", "CHG-681013 pool 40"),
    (lon(2068, 10, 13, 13, 40), "ld:ap:01", "deploy", "info", "roaming-api 3.7 deploy", "release 3.7 OCPI 2.2.1 tariffs"),
    (lon(2068, 10, 13, 14, 5), "ld:ap:01", "incident", "critical", "Roaming partners cannot start sessions", "INC-681013-01 eMSP start failures"),
    (lon(2068, 10, 13, 14, 15), "ld:db:01", "alert", "major", "ldn-roam-pg CPU over 95%", "cpu_usage 96%"),
    (lon(2068, 10, 13, 16, 20), "ld:ap:01", "change", "info", "roaming-api 3.6.4 rollback", "rollback; partners recovered"),
    # 3. UK charger disconnects (Tue 11-13 17:00-19:00 GMT)
    (lon(2068, 11, 13, 15, 50), "ld:sv:03", "change", "info", "King's Cross controller certificate rotation", "CHG-681113 TLS certs"),
    (lon(2068, 11, 13, 16, 30), "ld:ap:02", "deploy", "info", "ocpp-gw-uk 2.9 deploy", "release 2.9 OCPP 2.0.1 heartbeat"),
    (lon(2068, 11, 13, 17, 5), "ld:ap:02", "incident", "critical", "UK chargers dropping off", "INC-681113-01 chargers offline in London"),
    (lon(2068, 11, 13, 17, 15), "ld:sv:03", "alert", "major", "King's Cross controller CPU over 85%", "cpu_usage 88%"),
    (lon(2068, 11, 13, 19, 20), "ld:ap:02", "change", "info", "ocpp-gw-uk 2.8.3 rollback", "rollback; chargers back"),
    # 4. firmware roll-out storm (Fri 11-16 02:00-04:00 Seoul)
    (kst(2068, 11, 16, 1, 30), "aw:ap:01", "deploy", "info", "fw-update-svc 4.1 배포", "release 4.1 delta images"),
    (kst(2068, 11, 16, 1, 50), "aw:ap:01", "change", "info", "펌웨어 일괄 배포 시작 (충전기 1200대)", "CHG-681116 wave 3"),
    (kst(2068, 11, 16, 2, 10), "aw:ap:01", "incident", "major", "펌웨어 배포 실패 증가", "INC-681116-01 chargers stuck at 40%"),
    (kst(2068, 11, 16, 2, 20), "aw:vm:01", "alert", "major", "fota-vm-a CPU 90% 초과", "cpu_usage 95%"),
    (kst(2068, 11, 16, 4, 10), "aw:ap:01", "change", "info", "펌웨어 일괄 배포 중단", "wave 3 paused"),
    (kst(2068, 11, 17, 3, 0), "dj:ap:03", "alert", "minor", "청구서 배치 오류 증가", "error_rate 2.4%"),
    (kst(2068, 11, 19, 9, 0), "dj:vm:04", "change", "info", "로밍 스테이징 VM 점검 전환", "CHG-681119 maintenance"),
    # 5. telemetry ingest overload (Tue 11-20), ongoing
    (kst(2068, 11, 20, 16, 30), "pg:db:04", "change", "info", "OCPP 레디스 eviction 정책 변경", "CHG-681120 allkeys-lru"),
    (kst(2068, 11, 20, 17, 20), "pg:ap:01", "deploy", "info", "ocpp-gw 7.3 배포", "release 7.3 meter values batching"),
    (kst(2068, 11, 20, 18, 4), "pg:ap:01", "incident", "critical", "충전기 텔레메트리 수집 지연", "INC-681120-01 meter values delayed"),
    (kst(2068, 11, 20, 18, 9), "pg:sv:01", "alert", "major", "pgy-k8s-w1 CPU 90% 초과", "cpu_usage 94%"),
]

BUILD_APPS = ["pg:ap:02", "pg:ap:03", "pg:ap:04", "dj:ap:02", "ld:ap:01", "pg:ap:05"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2068, 11, 12)
    n = 0
    while day < kst(2068, 11, 19):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([10, 11, 15, 16]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} build #{610 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "daysago:2", "last:24h", "last:1h", "last:30m", "last:3h", "last:3d", "last:7d", "last:14d", "thisweek", "lastweek", "thismonth", "lastmonth", "month:2068-09", "month:2068-10", "day:2068-09-13", "day:2068-11-03", "day:2068-11-13", "day:2068-11-16", "span:2068-10-13T14:00+01:00/2068-10-13T16:00+01:00", "span:2068-11-13T17:00+00:00/2068-11-13T19:00+00:00", "span:2068-11-20T00:00+00:00/2068-11-20T09:40+00:00", "since:2068-11-20T18:00", "span:2068-11-20T17:40/2068-11-20T18:40"):
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
