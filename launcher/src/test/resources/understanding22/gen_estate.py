#!/usr/bin/env python3
"""Deterministic generator for the "Hanmaru Insurance" (한마루손해보험) estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids N###, halves "dev26" / "test22") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding21/gen_estate.py, copied unchanged from
event_checks() onwards except the ranges that --summary prints.  The estate (a non-life insurer:
policy administration, quotes, claims, fraud checks, document scanning, payments, billing batch,
renewal mail, a call centre, a web site and a mobile API at the Yeouido head office, the Pangyo data
centre and a Busan claims centre, with a DR site in Daejeon), the clock (Monday 23 April 2046, 10:20
Seoul, one zone only), the sampling (hourly from 1 February 2046, every 15 minutes from 1 April,
every minute from 10:00 today), the names, the personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding21/gen_estate.py (persona tags `# N<n> ...`).
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

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "estate")
SRC = "questions_src.txt"
TSV = "questions.tsv"
HALVES = ("dev26", "test22")
ID_PREFIX = "N"
TAG_LETTER = "N"
SEED = 20460423
KST = timezone(timedelta(hours=9))
UTC = timezone.utc

NOW = datetime(2046, 4, 23, 10, 20, tzinfo=KST)          # Monday 10:20 Seoul
M_START = datetime(2046, 2, 1, 0, 0, tzinfo=KST)         # hourly from 1 February ...
MID_START = datetime(2046, 4, 1, 0, 0, tzinfo=KST)       # ... every 15 minutes from 1 April ...
FINE_START = datetime(2046, 4, 23, 10, 0, tzinfo=KST)    # ... every minute from 10:00 today
M_END = NOW                                              # inclusive: the last sample is at 10:20:00 itself
STEP_1H = timedelta(hours=1)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
# Korean public holidays in the history: 설 연휴 2046-02-05..07, 삼일절 2046-03-01.
KR_HOLIDAYS = {(2046, 2, 5), (2046, 2, 6), (2046, 2, 7), (2046, 3, 1)}


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# codes: CMDB class prefix + 4 digits (NET0101, STO0201, SVR1101, VM2101, DB3101, APP4101, LB5101, SVC6101)
# locations: Yeouido HQ, Pangyo IDC, Busan Claims Center, Daejeon DR
# owners: team names with spaces; environments: prod, staging, retired, dr
# --------------------------------------------------------------------------------------
YD, PG, BS, DJ = "Yeouido HQ", "Pangyo IDC", "Busan Claims Center", "Daejeon DR"
PROD, STAGING, RETIRED, DR = "prod", "staging", "retired", "dr"
O_INF, O_DBA, O_CLM, O_CHN, O_PAY, O_BSN = ("Infra Team", "DBA Team", "Claims Dev", "Channel Dev", "Payments Dev",
                                            "Busan Ops")
CIS = [
    ("NET0101", "Core Switch", "network", "running", PROD, YD, O_INF, "코어 스위치|본사 코어망|core sw", "10.60.0.1", "core"),
    ("NET0102", "IDC Backbone", "network", "running", PROD, PG, O_INF, "판교 백본|idc network", "10.60.1.1", "core"),
    ("NET0103", "Busan WAN", "network", "running", PROD, BS, O_INF, "부산 회선|busan line", "10.60.2.1", "branch"),
    ("STO0201", "NAS Docs", "storage", "running", PROD, PG, O_INF, "문서 스토리지|서류 저장소|document nas", "", "core"),
    ("STO0202", "Backup Vault", "storage", "running", DR, DJ, O_INF, "백업 저장소|dr backup", "", "dr"),
    ("SVR1101", "VMware Host 1", "server", "running", PROD, PG, O_INF, "가상화 1호기|esx01|host one", "10.60.1.11", "core"),
    ("SVR1102", "VMware Host 2", "server", "running", PROD, PG, O_INF, "가상화 2호기|esx02|host two", "10.60.1.12", "core"),
    ("SVR1103", "Pay Server", "server", "running", PROD, PG, O_PAY, "결제서버|결제 서버|payment box", "10.60.1.13", "core"),
    ("SVR1104", "Yeouido Main", "server", "running", PROD, YD, O_INF, "본사 서버|여의도 서버|hq server", "10.60.0.11", "core"),
    ("SVR1105", "Busan Box", "server", "running", PROD, BS, O_BSN, "부산 서버|busan server", "10.60.2.11", "branch"),
    ("SVR1106", "DR Server", "server", "running", DR, DJ, O_INF, "대전 서버|DR 서버|daejeon box", "10.60.9.11", "dr"),
    ("VM2101", "Policy VM", "vm", "running", PROD, PG, O_INF, "계약 VM|계약 가상머신", "10.60.1.101", "core"),
    ("VM2102", "Claims VM", "vm", "running", PROD, PG, O_CLM, "보상 VM|claim vm", "10.60.1.102", "core"),
    ("VM2103", "Web VM", "vm", "running", PROD, PG, O_CHN, "홈페이지 VM|웹 VM", "10.60.1.103", "core"),
    ("VM2104", "Batch VM", "vm", "running", PROD, PG, O_INF, "배치 VM|배치 서버", "10.60.1.104", "core"),
    ("VM2105", "Call Center VM", "vm", "running", PROD, YD, O_CHN, "콜센터 VM|cc vm", "10.60.0.105", "core"),
    ("VM2106", "Old Fax VM", "vm", "stopped", RETIRED, YD, O_INF, "구 팩스 VM|fax server", "10.60.0.106", "core"),
    ("VM2107", "Test VM", "vm", "maintenance", STAGING, PG, O_CHN, "테스트 VM|검증 VM|staging vm", "10.60.1.107", "core"),
    ("VM2108", "Busan VM", "vm", "running", PROD, BS, O_BSN, "부산 VM|부산 가상머신", "10.60.2.108", "branch"),
    ("DB3101", "Policy DB", "database", "running", PROD, PG, O_DBA, "계약 DB|계약 디비|policy database", "10.60.1.201", "core"),
    ("DB3102", "Claims DB", "database", "running", PROD, PG, O_DBA, "보상 DB|보상 디비|claim database", "10.60.1.202", "core"),
    ("DB3103", "Customer DB", "database", "running", PROD, PG, O_DBA, "고객 DB|고객 디비|crm database", "10.60.1.203", "core"),
    ("DB3104", "Payment DB", "database", "running", PROD, PG, O_PAY, "결제 DB|결제 디비", "10.60.1.204", "core"),
    ("DB3105", "Policy DB Standby", "database", "running", DR, DJ, O_DBA, "계약 DB 대기|standby db", "10.60.9.201", "dr"),
    ("DB3106", "Busan DB", "database", "running", PROD, BS, O_BSN, "부산 DB|부산 디비", "10.60.2.201", "branch"),
    ("APP4101", "Policy Admin", "app", "running", PROD, PG, O_CLM, "계약관리|계약 관리 시스템|pas", "10.60.1.31", "core"),
    ("APP4102", "Quote Engine", "app", "running", PROD, PG, O_CHN, "보험료 계산기|견적 엔진|quote", "10.60.1.32", "core"),
    ("APP4103", "Claims Portal", "app", "running", PROD, PG, O_CLM, "보상 포털|청구 포털|e-claim", "10.60.1.33", "core"),
    ("APP4104", "Claim Review", "app", "running", PROD, PG, O_CLM, "손해사정|심사 시스템", "10.60.1.34", "core"),
    ("APP4105", "Fraud Check", "app", "running", PROD, PG, O_CLM, "보험사기 탐지|사기 탐지", "10.60.1.35", "core"),
    ("APP4106", "Web Front", "app", "running", PROD, PG, O_CHN, "홈페이지|website", "10.60.1.36", "core"),
    ("APP4107", "Mobile API", "app", "running", PROD, PG, O_CHN, "모바일 API|앱 API|app backend", "10.60.1.37", "core"),
    ("APP4108", "My Page", "app", "running", PROD, PG, O_CHN, "마이페이지|my account", "10.60.1.38", "core"),
    ("APP4109", "Pay.Gateway", "app", "running", PROD, PG, O_PAY, "결제 게이트웨이|PG 연동|pay gw", "10.60.1.39", "core"),
    ("APP4110", "Batch Billing", "app", "running", PROD, PG, O_PAY, "보험료 청구 배치|청구 배치", "10.60.1.40", "core"),
    ("APP4111", "Renewal Mailer", "app", "error", PROD, PG, O_CHN, "갱신 안내 메일|갱신 메일러", "10.60.1.41", "core"),
    ("APP4112", "Call Center CTI", "app", "running", PROD, YD, O_CHN, "콜센터 CTI|콜센터 시스템", "10.60.0.42", "core"),
    ("APP4113", "Busan Intake", "app", "running", PROD, BS, O_BSN, "부산 접수|사고 접수", "10.60.2.43", "branch"),
    ("APP4114", "Doc.Scan", "app", "running", PROD, BS, O_BSN, "서류 스캔|doc scan|스캔 서버", "10.60.2.44", "branch"),
    ("LB5101", "Public LB", "load_balancer", "running", PROD, PG, O_INF, "대외 L4|외부 로드밸런서", "10.60.1.250", "core"),
    ("LB5102", "Internal LB", "load_balancer", "running", PROD, PG, O_INF, "내부 L4|내부 로드밸런서", "10.60.1.251", "core"),
    ("SVC6101", "Car Insurance", "service", "running", PROD, YD, O_CLM, "자동차보험|auto insurance", "", "core"),
    ("SVC6102", "Claims Service", "service", "running", PROD, YD, O_CLM, "보상 서비스|claims", "", "core"),
    ("SVC6103", "Online Channel", "service", "running", PROD, YD, O_CHN, "온라인 채널|다이렉트 채널", "", "core"),
    ("SVC6104", "Payments", "service", "running", PROD, YD, O_PAY, "결제 서비스|payment service", "", "core"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE = "NET0101"
RELATIONS = [
    ("NET0102", "CONNECTS_TO", CORE),
    ("NET0103", "CONNECTS_TO", CORE),
    ("SVR1101", "CONNECTS_TO", "NET0102"),
    ("SVR1102", "CONNECTS_TO", "NET0102"),
    ("SVR1103", "CONNECTS_TO", "NET0102"),
    ("SVR1104", "CONNECTS_TO", CORE),
    ("SVR1105", "CONNECTS_TO", "NET0103"),
    ("SVR1106", "CONNECTS_TO", CORE),
    ("STO0201", "CONNECTS_TO", "NET0102"),
    ("STO0202", "CONNECTS_TO", "SVR1106"),
    ("LB5101", "CONNECTS_TO", CORE),
    ("LB5102", "CONNECTS_TO", "NET0102"),
    # hosting: HOSTS only on host 1, RUNS_ON only on host 2, both ways for the Busan VM
    ("SVR1101", "HOSTS", "VM2101"),
    ("SVR1101", "HOSTS", "VM2102"),
    ("SVR1101", "HOSTS", "VM2104"),
    ("VM2103", "RUNS_ON", "SVR1102"),
    ("VM2105", "RUNS_ON", "SVR1102"),
    ("VM2107", "RUNS_ON", "SVR1102"),
    ("VM2106", "RUNS_ON", "SVR1104"),
    ("VM2108", "RUNS_ON", "SVR1105"),
    ("SVR1105", "HOSTS", "VM2108"),
    ("DB3101", "RUNS_ON", "VM2101"),
    ("DB3102", "RUNS_ON", "VM2102"),
    ("DB3103", "RUNS_ON", "SVR1102"),
    ("DB3104", "RUNS_ON", "SVR1103"),
    ("DB3105", "RUNS_ON", "SVR1106"),
    ("DB3106", "RUNS_ON", "VM2108"),
    ("APP4101", "RUNS_ON", "VM2101"),
    ("APP4102", "RUNS_ON", "VM2101"),
    ("APP4103", "RUNS_ON", "VM2102"),
    ("APP4104", "RUNS_ON", "VM2102"),
    ("APP4105", "RUNS_ON", "VM2102"),
    ("APP4106", "RUNS_ON", "VM2103"),
    ("APP4107", "RUNS_ON", "VM2103"),
    ("APP4108", "RUNS_ON", "VM2103"),
    ("APP4109", "RUNS_ON", "SVR1103"),
    ("APP4110", "RUNS_ON", "VM2104"),
    ("APP4111", "RUNS_ON", "VM2104"),
    ("APP4112", "RUNS_ON", "VM2105"),
    ("APP4113", "RUNS_ON", "VM2108"),
    ("APP4114", "RUNS_ON", "VM2108"),
    # calls
    ("DB3105", "DEPENDS_ON", "DB3101"),
    ("APP4101", "DEPENDS_ON", "DB3101"),
    ("APP4101", "DEPENDS_ON", "DB3103"),
    ("APP4102", "DEPENDS_ON", "DB3101"),
    ("APP4103", "DEPENDS_ON", "DB3102"),
    ("APP4103", "DEPENDS_ON", "APP4105"),
    ("APP4103", "DEPENDS_ON", "STO0201"),
    ("APP4104", "DEPENDS_ON", "DB3102"),
    ("APP4105", "DEPENDS_ON", "DB3102"),
    ("APP4105", "DEPENDS_ON", "DB3103"),
    ("APP4106", "DEPENDS_ON", "APP4102"),
    ("APP4106", "DEPENDS_ON", "DB3103"),
    ("APP4107", "DEPENDS_ON", "DB3103"),
    ("APP4107", "DEPENDS_ON", "APP4101"),
    ("APP4107", "DEPENDS_ON", "APP4109"),
    ("APP4108", "DEPENDS_ON", "APP4107"),
    ("APP4109", "DEPENDS_ON", "DB3104"),
    ("APP4110", "DEPENDS_ON", "DB3101"),
    ("APP4110", "DEPENDS_ON", "APP4109"),
    ("APP4111", "DEPENDS_ON", "DB3101"),
    ("APP4111", "DEPENDS_ON", "DB3103"),
    ("APP4112", "DEPENDS_ON", "DB3103"),
    ("APP4112", "DEPENDS_ON", "APP4101"),
    ("APP4113", "DEPENDS_ON", "DB3106"),
    ("APP4113", "DEPENDS_ON", "APP4103"),
    ("APP4114", "DEPENDS_ON", "STO0201"),
    ("LB5101", "DEPENDS_ON", "APP4106"),
    ("LB5101", "DEPENDS_ON", "APP4107"),
    ("LB5101", "DEPENDS_ON", "APP4108"),
    ("LB5102", "DEPENDS_ON", "APP4101"),
    ("LB5102", "DEPENDS_ON", "APP4104"),
    ("LB5102", "DEPENDS_ON", "APP4112"),
    ("SVC6101", "DEPENDS_ON", "APP4101"),
    ("SVC6101", "DEPENDS_ON", "APP4102"),
    ("SVC6101", "DEPENDS_ON", "APP4110"),
    ("SVC6102", "DEPENDS_ON", "APP4103"),
    ("SVC6102", "DEPENDS_ON", "APP4104"),
    ("SVC6102", "DEPENDS_ON", "APP4113"),
    ("SVC6103", "DEPENDS_ON", "LB5101"),
    ("SVC6104", "DEPENDS_ON", "APP4109"),
    ("SVC6104", "DEPENDS_ON", "APP4110"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: office (Seoul working days 09-18), online (every day, a morning hump 09-12 and an evening peak 19-23),
#           batch (every night 01-04, twice as heavy on the 1st and 2nd of a month), callcenter (working days 09-18
#           and Saturday 09-13), flat
METRIC_PLAN = {
    "SVR1101": {"cpu_usage": (34, 0.55, 1.5, "office"), "mem_usage": (63, 0.04, 1.0, "office"), "disk_usage": (51, 0, 0.2, "flat")},
    "SVR1102": {"cpu_usage": (29, 0.60, 1.4, "online"), "mem_usage": (59, 0.04, 1.0, "online"), "disk_usage": (46, 0, 0.2, "flat")},
    "SVR1103": {"cpu_usage": (22, 0.70, 1.3, "online"), "mem_usage": (48, 0.04, 0.9, "online"), "disk_usage": (38, 0, 0.2, "flat")},
    "SVR1104": {"cpu_usage": (18, 0.50, 1.2, "office"), "mem_usage": (44, 0.04, 0.9, "office"), "disk_usage": (61, 0, 0.2, "flat")},
    "SVR1105": {"cpu_usage": (14, 0.70, 1.1, "office"), "mem_usage": (41, 0.04, 0.9, "office"), "disk_usage": (33, 0, 0.2, "flat")},
    "SVR1106": {"cpu_usage": (6, 0.20, 0.6, "flat"), "mem_usage": (28, 0.02, 0.8, "flat"), "disk_usage": (24, 0, 0.2, "flat")},
    "VM2101": {"cpu_usage": (31, 0.65, 1.5, "office"), "mem_usage": (66, 0.04, 0.9, "office"), "disk_usage": (55, 0, 0.2, "flat")},
    "VM2102": {"cpu_usage": (26, 0.70, 1.4, "office"), "mem_usage": (57, 0.04, 0.9, "office"), "disk_usage": (42, 0, 0.2, "flat")},
    "VM2103": {"cpu_usage": (24, 0.75, 1.4, "online"), "mem_usage": (52, 0.04, 0.9, "online"), "disk_usage": (36, 0, 0.2, "flat")},
    "VM2104": {"cpu_usage": (12, 2.20, 1.2, "batch"), "mem_usage": (45, 0.20, 0.9, "batch"), "disk_usage": (68, 0, 0.2, "flat")},
    "VM2105": {"cpu_usage": (21, 0.80, 1.3, "callcenter"), "mem_usage": (49, 0.04, 0.9, "callcenter"), "disk_usage": (40, 0, 0.2, "flat")},
    "VM2106": {"cpu_usage": (4, 0.40, 0.6, "office"), "mem_usage": (22, 0.03, 1.0, "flat"), "disk_usage": (81, 0, 0.2, "flat")},
    "VM2107": {"cpu_usage": (11, 0.60, 1.0, "office"), "mem_usage": (33, 0.03, 1.0, "office"), "disk_usage": (47, 0, 0.2, "flat")},
    "VM2108": {"cpu_usage": (17, 0.70, 1.2, "office"), "mem_usage": (46, 0.04, 0.9, "office"), "disk_usage": (39, 0, 0.2, "flat")},
    "DB3101": {"cpu_usage": (27, 0.60, 1.4, "office"), "mem_usage": (74, 0.02, 0.6, "flat"), "disk_usage": (62, 0, 0.2, "flat")},
    "DB3102": {"cpu_usage": (23, 0.65, 1.3, "office"), "mem_usage": (64, 0.02, 0.6, "flat"), "disk_usage": (57, 0, 0.2, "flat")},
    "DB3103": {"cpu_usage": (20, 0.70, 1.3, "online"), "mem_usage": (69, 0.02, 0.6, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    "DB3104": {"cpu_usage": (16, 0.75, 1.1, "online"), "mem_usage": (58, 0.02, 0.6, "flat"), "disk_usage": (44, 0, 0.2, "flat")},
    "DB3105": {"cpu_usage": (8, 0.20, 0.7, "flat"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (60, 0, 0.2, "flat")},
    "DB3106": {"cpu_usage": (12, 0.70, 1.0, "office"), "mem_usage": (43, 0.03, 0.7, "office"), "disk_usage": (35, 0, 0.2, "flat")},
    "APP4101": {"cpu_usage": (19, 0.75, 1.3, "office"), "latency_ms": (210, 0.35, 5.0, "office"), "error_rate": (0.06, 0.3, 0.012, "office")},
    "APP4102": {"cpu_usage": (15, 0.70, 1.1, "online"), "latency_ms": (340, 0.35, 8.0, "online"), "error_rate": (0.09, 0.3, 0.018, "online")},
    "APP4103": {"cpu_usage": (13, 0.75, 1.0, "office"), "latency_ms": (280, 0.35, 7.0, "office"), "error_rate": (0.08, 0.3, 0.016, "office")},
    "APP4104": {"cpu_usage": (9, 0.70, 0.9, "office"), "latency_ms": (450, 0.30, 10.0, "office"), "error_rate": (0.05, 0.3, 0.01, "office")},
    "APP4105": {"cpu_usage": (25, 0.60, 1.4, "office"), "latency_ms": (620, 0.30, 14.0, "office"), "error_rate": (0.11, 0.3, 0.022, "office")},
    "APP4106": {"cpu_usage": (11, 0.75, 1.0, "online"), "latency_ms": (190, 0.35, 5.0, "online"), "error_rate": (0.07, 0.3, 0.014, "online")},
    "APP4107": {"cpu_usage": (17, 0.75, 1.2, "online"), "latency_ms": (150, 0.35, 4.0, "online"), "error_rate": (0.10, 0.3, 0.02, "online")},
    "APP4108": {"cpu_usage": (7, 0.70, 0.8, "online"), "latency_ms": (260, 0.35, 6.0, "online"), "error_rate": (0.05, 0.3, 0.01, "online")},
    "APP4109": {"cpu_usage": (14, 0.80, 1.1, "online"), "latency_ms": (120, 0.35, 3.0, "online"), "error_rate": (0.04, 0.3, 0.008, "online")},
    "APP4110": {"cpu_usage": (6, 2.50, 0.8, "batch"), "latency_ms": (900, 0.30, 20.0, "batch"), "error_rate": (0.12, 0.3, 0.024, "batch")},
    "APP4111": {"cpu_usage": (5, 0.60, 0.6, "batch"), "latency_ms": (700, 0.30, 16.0, "batch"), "error_rate": (0.85, 0.3, 0.09, "batch")},
    "APP4112": {"cpu_usage": (16, 0.85, 1.2, "callcenter"), "latency_ms": (95, 0.35, 2.5, "callcenter"), "error_rate": (0.06, 0.3, 0.012, "callcenter")},
    "APP4113": {"cpu_usage": (10, 0.70, 0.9, "office"), "latency_ms": (230, 0.35, 6.0, "office"), "error_rate": (0.07, 0.3, 0.014, "office")},
    "APP4114": {"cpu_usage": (8, 0.75, 0.8, "office"), "latency_ms": (520, 0.30, 12.0, "office"), "error_rate": (0.09, 0.3, 0.018, "office")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "VM2106": datetime(2046, 3, 2, 18, 0, tzinfo=KST),
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
    t = ts.astimezone(KST)
    h = hour_of(ts)
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    if kind == "online":
        return 0.2 + 0.5 * plateau(h, 9.0, 12.0) + 0.8 * plateau(h, 19.0, 23.0)
    if kind == "batch":
        v = 0.05 + 0.4 * plateau(h, 1.0, 4.0)
        return v * 2.0 if t.day in (1, 2) else v
    if kind == "callcenter":
        if workday(t):
            return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
        if t.weekday() == 5:
            return 0.1 + 0.5 * plateau(h, 9.0, 13.0)
        return 0.08
    return 0.0


def kst(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=KST)


def ramp(ts, a, b):
    if ts <= a:
        return 0.0
    if ts >= b:
        return 1.0
    return (ts - a) / (b - a)


def within(ts, a, b):
    return a <= ts < b


def episode(code, metric, ts, v, rng):
    """Planted episodes, lined up with events (Seoul time)."""
    # level shift: the Claims DB's memory after the buffer-pool change, from Tue 2046-03-20 09:00
    if code == "DB3102" and metric == "mem_usage" and ts >= kst(2046, 3, 20, 9):
        v += 7.0
    # growth: the Customer DB's disk over the whole history (marketing-consent history kept)
    if code == "DB3103" and metric == "disk_usage":
        v += 24.0 * ramp(ts, M_START, M_END)
    # 1. Pay.Gateway outage, Wed 2046-03-14 13:00-16:00 (hourly part: 13, 14, 15)
    if within(ts, kst(2046, 3, 14, 13), kst(2046, 3, 14, 16)):
        if code == "APP4109" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.3)
        if code == "APP4109" and metric == "latency_ms":
            v *= 4.0
        if code == "SVR1103" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.4)
        if code == "DB3104" and metric == "cpu_usage":
            v += 26
    # 2. Batch Billing month-start overrun, Mon 2046-04-02 01:00-05:00 (15-minute part)
    if within(ts, kst(2046, 4, 2, 1), kst(2046, 4, 2, 5)):
        if code == "APP4110" and metric == "error_rate":
            v = 4.5 + rng.gauss(0, 0.3)
        if code == "VM2104" and metric == "cpu_usage":
            v = 97 + rng.gauss(0, 0.3)
        if code == "DB3101" and metric == "cpu_usage":
            v += 30
    # 3. Claims Portal slowdown, Tue 2046-04-17 10:00-12:00
    if within(ts, kst(2046, 4, 17, 10), kst(2046, 4, 17, 12)):
        if code == "APP4103" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "APP4103" and metric == "latency_ms":
            v *= 3.0
        if code == "VM2102" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "DB3102" and metric == "cpu_usage":
            v += 25
    # Test VM in maintenance from Mon 2046-04-16 09:00: idle
    if code == "VM2107" and metric == "cpu_usage" and ts >= kst(2046, 4, 16, 9):
        v = 2.0 + rng.gauss(0, 0.3)
    # 4. Call Center CTI dropping calls, Fri 2046-04-20 15:00-17:00
    if within(ts, kst(2046, 4, 20, 15), kst(2046, 4, 20, 17)):
        if code == "APP4112" and metric == "error_rate":
            v = 3.5 + rng.gauss(0, 0.3)
        if code == "APP4112" and metric == "latency_ms":
            v *= 2.5
        if code == "VM2105" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 0.5)
    # 5. Mobile API errors after the 2.8 release, from Mon 2046-04-23 09:50, ongoing at now
    if ts >= kst(2046, 4, 23, 9, 50):
        if code == "APP4107" and metric == "error_rate":
            v = 4.0 + rng.gauss(0, 0.3)
        if code == "APP4107" and metric == "latency_ms":
            v *= 2.5
        if code == "VM2103" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.5)
        if code == "DB3103" and metric == "cpu_usage":
            v += 22
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
    (kst(2046, 2, 9, 2, 0), CORE, "change", "info", "본사 코어 스위치 펌웨어 업그레이드", "CHG-460209 night window"),
    (kst(2046, 3, 2, 18, 0), "VM2106", "change", "info", "구 팩스 VM 전원 종료 (전자 팩스 전환)", "CHG-460302 powered off"),
    # 1. Pay.Gateway outage (Wed 03-14)
    (kst(2046, 3, 14, 10, 0), "DB3104", "change", "info", "결제 DB 커넥션 풀 파라미터 변경", "CHG-460314 max connections 400"),
    (kst(2046, 3, 14, 12, 30), "APP4109", "deploy", "info", "Pay.Gateway 3.1 배포", "release 3.1 new card issuer API"),
    (kst(2046, 3, 14, 13, 10), "APP4109", "incident", "critical", "카드 결제 승인 실패", "INC-460314-01 card approvals time out"),
    (kst(2046, 3, 14, 13, 20), "SVR1103", "alert", "major", "Pay Server CPU 90% 초과", "cpu_usage 95%"),
    (kst(2046, 3, 14, 16, 10), "APP4109", "change", "info", "Pay.Gateway 3.0.7 롤백", "rollback; approvals recovered"),
    (kst(2046, 3, 20, 9, 0), "DB3102", "change", "info", "보상 DB 버퍼 풀 확장", "CHG-460320 buffer pool 48 GB"),
    # 2. Batch Billing month-start overrun (Mon 04-02)
    (kst(2046, 4, 1, 23, 30), "APP4110", "deploy", "info", "Batch Billing 8.0 배포", "release 8.0 monthly premium run"),
    (kst(2046, 4, 1, 22, 0), "DB3101", "change", "info", "계약 DB 통계 정보 재수집", "CHG-460401 optimizer statistics"),
    (kst(2046, 4, 2, 3, 10), "APP4110", "incident", "major", "월초 보험료 청구 배치 지연", "INC-460402-01 billing run over its window"),
    (kst(2046, 4, 2, 3, 20), "VM2104", "alert", "major", "Batch VM CPU 95% 초과", "cpu_usage 97%"),
    (kst(2046, 4, 2, 6, 0), "APP4110", "change", "info", "청구 배치 재실행 완료", "rerun finished; bills sent"),
    (kst(2046, 4, 16, 9, 0), "VM2107", "change", "info", "테스트 VM 점검 모드 전환", "CHG-460416 maintenance"),
    # 3. Claims Portal slowdown (Tue 04-17)
    (kst(2046, 4, 17, 7, 0), "DB3102", "change", "info", "보상 DB 인덱스 추가", "CHG-460417 index on claim date"),
    (kst(2046, 4, 17, 9, 30), "APP4103", "deploy", "info", "Claims Portal 5.2 배포", "release 5.2 photo upload"),
    (kst(2046, 4, 17, 10, 5), "APP4103", "incident", "major", "보상 청구 화면 응답 지연", "INC-460417-01 claim form slow"),
    (kst(2046, 4, 17, 10, 15), "VM2102", "alert", "major", "Claims VM CPU 90% 초과", "cpu_usage 93%"),
    (kst(2046, 4, 17, 12, 20), "APP4103", "change", "info", "Claims Portal 5.1.3 롤백", "rollback; forms fast again"),
    # 4. Call Center CTI (Fri 04-20)
    (kst(2046, 4, 20, 12, 0), "VM2105", "change", "info", "콜센터 VM OS 보안 패치", "CHG-460420 kernel patch"),
    (kst(2046, 4, 20, 13, 30), "APP4112", "deploy", "info", "Call Center CTI 4.4 배포", "release 4.4 call routing"),
    (kst(2046, 4, 20, 15, 5), "APP4112", "incident", "major", "콜센터 통화 끊김", "INC-460420-01 calls dropped on transfer"),
    (kst(2046, 4, 20, 15, 15), "VM2105", "alert", "major", "Call Center VM CPU 85% 초과", "cpu_usage 88%"),
    (kst(2046, 4, 20, 17, 10), "APP4112", "change", "info", "Call Center CTI 4.3.2 롤백", "rollback; transfers work"),
    (kst(2046, 4, 22, 3, 0), "APP4111", "alert", "minor", "갱신 안내 메일 발송 실패 누적", "error_rate 0.9%"),
    # 5. Mobile API errors (Mon 04-23), ongoing
    (kst(2046, 4, 23, 7, 0), "DB3103", "change", "info", "고객 DB 마케팅 동의 컬럼 추가", "CHG-460423 consent columns"),
    (kst(2046, 4, 23, 9, 30), "APP4107", "deploy", "info", "Mobile API 2.8 배포", "release 2.8 new login"),
    (kst(2046, 4, 23, 9, 52), "APP4107", "incident", "critical", "모바일 앱 로그인 오류", "INC-460423-01 login fails for some users"),
    (kst(2046, 4, 23, 9, 55), "VM2103", "alert", "major", "Web VM CPU 90% 초과", "cpu_usage 91%"),
]

BUILD_APPS = ["APP4102", "APP4104", "APP4106", "APP4108", "APP4113", "APP4114"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2046, 4, 6)
    n = 0
    while day < kst(2046, 4, 14):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{3100 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure"))
        day += timedelta(days=1)
    ev.sort(key=lambda e: (e[0], e[1]))
    return ev

def event_checks(events):
    """Added in this set: no code appears inside an event title or detail (answers print them)."""
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
        for r in ("today", "yesterday", "daysago:2", "last:24h", "last:1h", "last:30m", "last:15m", "last:3h", "last:6h", "last:7d", "last:14d", "last:30d", "thisweek", "lastweek", "thismonth", "lastmonth", "weekday:tue", "weekday:fri", "weekend", "month:2046-02", "month:2046-03", "day:2046-04-17", "day:2046-04-20", "day:2046-04-02", "day:2046-03-14", "day:2046-04-22", "span:2046-04-17T10:00/2046-04-17T12:00", "span:2046-04-20T15:00/2046-04-20T17:00", "span:2046-04-22T10:00/2046-04-22T12:00", "span:2046-04-22T15:00/2046-04-22T17:00", "span:2046-03-14T13:00/2046-03-14T16:00", "span:2046-04-02T01:00/2046-04-02T05:00", "since:2046-04-23T09:50", "since:2046-04-20", "since:2046-04-16", "days:2046-04-16..2046-04-18", "span:2046-04-23T10:00/2046-04-23T10:20"):
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
