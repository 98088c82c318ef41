#!/usr/bin/env python3
"""Deterministic generator for the "Nuri e-Filing Portal" (누리신고) estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids O###, halves "dev30" / "test26") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding24/gen_estate.py, copied unchanged from
event_checks() onwards except the ranges that --summary prints.  The estate (a government
e-filing portal agency: citizen login with certificates, the filing forms service, document
upload and OCR, a payment gateway link, a notice mailer, an identity-verification link to another
agency, a nightly settlement batch, a statistics warehouse, the groupware and a call centre, in
two government data centres, Daejeon and Gwangju, the agency's Sejong office and a DR site in
Gongju), the clock (Friday 31 May 2052, 17:40 Seoul, the last day of the income-tax filing month),
the sampling (hourly from 1 March 2052, every 15 minutes from 20 May, every minute from 17:00
today), the names, the personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding24/gen_estate.py (persona tags `# O<n> ...`).
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
HALVES = ("dev30", "test26")
ID_PREFIX = "O"
TAG_LETTER = "O"
SEED = 20520531
KST = timezone(timedelta(hours=9))
UTC = timezone.utc

NOW = datetime(2052, 5, 31, 17, 40, tzinfo=KST)          # Friday 17:40 Seoul
M_START = datetime(2052, 3, 1, 0, 0, tzinfo=KST)         # hourly from 1 March 2052 ...
MID_START = datetime(2052, 5, 20, 0, 0, tzinfo=KST)      # ... every 15 minutes from Monday 20 May ...
FINE_START = datetime(2052, 5, 31, 17, 0, tzinfo=KST)    # ... every minute from 17:00 today
M_END = NOW                                              # inclusive: the last sample is at 17:40:00 itself
STEP_1H = timedelta(hours=1)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
# Korean public holidays in the history (those the generator treats as holidays): 삼일절 03-01,
# the substitute holiday for 어린이날 (Mon 05-06).
KR_HOLIDAYS = {(2052, 3, 1), (2052, 5, 6)}
# the last days of the income-tax filing month (Mon 27 .. Fri 31 May): citizen traffic x1.35
DEADLINE_DAYS = {(2052, 5, d) for d in range(27, 32)}


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# codes: "NRS." + a two-letter class + "." + a two-digit number, upper case, dot-separated
#        (NRS.NW.01 network, NRS.ST. storage, NRS.SV. server, NRS.VM. vm, NRS.DB. database, NRS.AP. app,
#        NRS.LB. load balancer, NRS.SC. service)
# locations: Daejeon Center, Gwangju Center, Sejong Office, Gongju DR
# owners: teams; environments: prod, training, retired, dr
# --------------------------------------------------------------------------------------
DJ, GJ, SJ, GG = "Daejeon Center", "Gwangju Center", "Sejong Office", "Gongju DR"
PROD, TRAIN, RETIRED, DR = "prod", "training", "retired", "dr"
T_INFRA, T_FILE, T_PAY, T_DATA, T_OFFICE = ("Infra Team", "Filing Systems", "Payment Team", "Data Office", "Office IT")
CIS = [
    ("NRS.NW.01", "dj-core-sw1", "network", "running", PROD, DJ, T_INFRA, "대전 코어 스위치|대전 코어", "10.52.0.1", "core"),
    ("NRS.NW.02", "gj-core-sw1", "network", "running", PROD, GJ, T_INFRA, "광주 코어 스위치|광주 코어", "10.52.64.1", "core"),
    ("NRS.ST.01", "doc-store.nas", "storage", "running", PROD, DJ, T_INFRA, "문서 스토리지|첨부파일 NAS", "10.52.0.5", "core"),
    ("NRS.ST.02", "dr-backup-vault", "storage", "running", DR, GG, T_INFRA, "공주 백업 저장소|DR 백업", "", "dr"),
    ("NRS.SV.01", "dj-vhost-01", "server", "running", PROD, DJ, T_INFRA, "대전 가상화 1호|vhost1", "10.52.0.11", "core"),
    ("NRS.SV.02", "dj-vhost-02", "server", "running", PROD, DJ, T_INFRA, "대전 가상화 2호|vhost2", "10.52.0.12", "core"),
    ("NRS.SV.03", "gj-vhost-01", "server", "running", PROD, GJ, T_INFRA, "광주 가상화 서버|gj host", "10.52.64.11", "core"),
    ("NRS.SV.04", "sj-hv-01", "server", "running", PROD, SJ, T_OFFICE, "세종 서버|본부 서버", "10.52.128.11", "office"),
    ("NRS.SV.05", "gongju-dr-host", "server", "running", DR, GG, T_INFRA, "공주 DR 서버|DR 호스트", "10.52.192.11", "dr"),
    ("NRS.VM.01", "login_vm01", "vm", "running", PROD, DJ, T_FILE, "로그인 VM|인증서 로그인 VM", "10.52.0.101", "core"),
    ("NRS.VM.02", "filing_vm01", "vm", "running", PROD, DJ, T_FILE, "신고서 VM 1|신고 1호기", "10.52.0.102", "core"),
    ("NRS.VM.03", "filing_vm02", "vm", "running", PROD, DJ, T_FILE, "신고서 VM 2|신고 2호기", "10.52.0.103", "core"),
    ("NRS.VM.04", "ocr_vm", "vm", "running", PROD, GJ, T_FILE, "OCR 서버|문서인식 VM", "10.52.64.104", "core"),
    ("NRS.VM.05", "pay_vm", "vm", "running", PROD, DJ, T_PAY, "납부 VM|수납 서버", "10.52.0.105", "core"),
    ("NRS.VM.06", "notice_vm", "vm", "running", PROD, DJ, T_FILE, "안내문 VM|우편 발송 VM", "10.52.0.106", "core"),
    ("NRS.VM.07", "gw-vm.sejong", "vm", "running", PROD, SJ, T_OFFICE, "그룹웨어 VM", "10.52.128.107", "office"),
    ("NRS.VM.08", "cc-vm", "vm", "running", PROD, SJ, T_OFFICE, "콜센터 VM|상담 VM", "10.52.128.108", "office"),
    ("NRS.VM.09", "edu-train-vm", "vm", "maintenance", TRAIN, DJ, T_FILE, "교육용 VM|실습 서버", "10.52.0.109", "core"),
    ("NRS.VM.10", "legacy-eform-vm", "vm", "stopped", RETIRED, DJ, T_FILE, "구 전자서식 VM|옛 신고 서버", "10.52.0.110", "core"),
    ("NRS.DB.01", "Taxpayer DB", "database", "running", PROD, DJ, T_FILE, "납세자 DB|납세자 디비", "10.52.0.201", "core"),
    ("NRS.DB.02", "Filing DB", "database", "running", PROD, DJ, T_FILE, "신고 DB|신고서 DB", "10.52.0.202", "core"),
    ("NRS.DB.03", "Payment DB", "database", "running", PROD, DJ, T_PAY, "납부 DB|수납 DB", "10.52.0.203", "core"),
    ("NRS.DB.04", "Session Cache", "database", "running", PROD, DJ, T_FILE, "세션 캐시|로그인 레디스", "10.52.0.204", "core"),
    ("NRS.DB.05", "Stats DW", "database", "running", PROD, GJ, T_DATA, "통계 DW|통계 웨어하우스", "10.52.64.205", "core"),
    ("NRS.DB.06", "Taxpayer DB Replica", "database", "running", DR, GG, T_FILE, "납세자 DB 복제본|DR DB", "10.52.192.206", "dr"),
    ("NRS.AP.01", "cert-login", "app", "running", PROD, DJ, T_FILE, "공동인증서 로그인|인증서 로그인", "10.52.0.31", "core"),
    ("NRS.AP.02", "efile-form-svc", "app", "running", PROD, DJ, T_FILE, "신고서 작성|전자신고 서비스", "10.52.0.32", "core"),
    ("NRS.AP.03", "doc.upload", "app", "running", PROD, DJ, T_FILE, "문서 업로드|첨부 업로드", "10.52.0.33", "core"),
    ("NRS.AP.04", "OCR Engine 2", "app", "running", PROD, GJ, T_FILE, "문서 인식|OCR 엔진", "10.52.64.34", "core"),
    ("NRS.AP.05", "paylink-gw", "app", "running", PROD, DJ, T_PAY, "납부 연계|PG 연동", "10.52.0.35", "core"),
    ("NRS.AP.06", "notice_mailer", "app", "error", PROD, DJ, T_FILE, "안내문 발송|전자우편 발송", "10.52.0.36", "core"),
    ("NRS.AP.07", "id-verify-link", "app", "running", PROD, DJ, T_FILE, "본인확인 연계|행안부 연계", "10.52.0.37", "core"),
    ("NRS.AP.08", "settle_batch", "app", "running", PROD, DJ, T_PAY, "정산 배치|야간 정산", "10.52.0.38", "core"),
    ("NRS.AP.09", "stat-etl", "app", "running", PROD, GJ, T_DATA, "통계 ETL|통계 적재", "10.52.64.39", "core"),
    ("NRS.AP.10", "Groupware", "app", "running", PROD, SJ, T_OFFICE, "그룹웨어|온나라", "10.52.128.40", "office"),
    ("NRS.AP.11", "CallCenter CTI", "app", "running", PROD, SJ, T_OFFICE, "콜센터 시스템|상담 시스템", "10.52.128.41", "office"),
    ("NRS.LB.01", "portal-l4", "load_balancer", "running", PROD, DJ, T_INFRA, "포털 L4|포털 로드밸런서", "10.52.0.250", "core"),
    ("NRS.LB.02", "internal-lb", "load_balancer", "running", PROD, SJ, T_INFRA, "내부 LB|업무망 LB", "10.52.128.250", "office"),
    ("NRS.SC.01", "e-Filing Portal", "service", "running", PROD, DJ, T_FILE, "전자신고 포털|누리신고", "", "core"),
    ("NRS.SC.02", "Tax Payment", "service", "running", PROD, DJ, T_PAY, "세금 납부 서비스|납부 서비스", "", "core"),
    ("NRS.SC.03", "Citizen Help", "service", "running", PROD, SJ, T_OFFICE, "민원 상담 서비스|상담 서비스", "", "office"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

DJC, GJC = "NRS.NW.01", "NRS.NW.02"
RELATIONS = [
    (GJC, "CONNECTS_TO", DJC),
    ("NRS.SV.01", "CONNECTS_TO", DJC),
    ("NRS.SV.02", "CONNECTS_TO", DJC),
    ("NRS.SV.03", "CONNECTS_TO", GJC),
    ("NRS.SV.04", "CONNECTS_TO", DJC),
    ("NRS.SV.05", "CONNECTS_TO", GJC),
    ("NRS.ST.01", "CONNECTS_TO", DJC),
    ("NRS.ST.02", "CONNECTS_TO", "NRS.SV.05"),
    ("NRS.LB.01", "CONNECTS_TO", DJC),
    ("NRS.LB.02", "CONNECTS_TO", DJC),
    # hosting: HOSTS only on dj-vhost-01, RUNS_ON elsewhere
    ("NRS.SV.01", "HOSTS", "NRS.VM.01"),
    ("NRS.SV.01", "HOSTS", "NRS.VM.02"),
    ("NRS.SV.01", "HOSTS", "NRS.VM.09"),
    ("NRS.VM.03", "RUNS_ON", "NRS.SV.02"),
    ("NRS.VM.05", "RUNS_ON", "NRS.SV.02"),
    ("NRS.VM.06", "RUNS_ON", "NRS.SV.02"),
    ("NRS.VM.10", "RUNS_ON", "NRS.SV.02"),
    ("NRS.VM.04", "RUNS_ON", "NRS.SV.03"),
    ("NRS.VM.07", "RUNS_ON", "NRS.SV.04"),
    ("NRS.VM.08", "RUNS_ON", "NRS.SV.04"),
    ("NRS.DB.01", "RUNS_ON", "NRS.SV.01"),
    ("NRS.DB.02", "RUNS_ON", "NRS.SV.02"),
    ("NRS.DB.03", "RUNS_ON", "NRS.VM.05"),
    ("NRS.DB.04", "RUNS_ON", "NRS.VM.01"),
    ("NRS.DB.05", "RUNS_ON", "NRS.SV.03"),
    ("NRS.DB.06", "RUNS_ON", "NRS.SV.05"),
    ("NRS.AP.01", "RUNS_ON", "NRS.VM.01"),
    ("NRS.AP.02", "RUNS_ON", "NRS.VM.02"),
    ("NRS.AP.03", "RUNS_ON", "NRS.VM.03"),
    ("NRS.AP.04", "RUNS_ON", "NRS.VM.04"),
    ("NRS.AP.05", "RUNS_ON", "NRS.VM.05"),
    ("NRS.AP.06", "RUNS_ON", "NRS.VM.06"),
    ("NRS.AP.07", "RUNS_ON", "NRS.VM.01"),
    ("NRS.AP.08", "RUNS_ON", "NRS.VM.05"),
    ("NRS.AP.09", "RUNS_ON", "NRS.SV.03"),
    ("NRS.AP.10", "RUNS_ON", "NRS.VM.07"),
    ("NRS.AP.11", "RUNS_ON", "NRS.VM.08"),
    # calls
    ("NRS.DB.06", "DEPENDS_ON", "NRS.DB.01"),
    ("NRS.AP.01", "DEPENDS_ON", "NRS.DB.04"),
    ("NRS.AP.01", "DEPENDS_ON", "NRS.AP.07"),
    ("NRS.AP.01", "DEPENDS_ON", "NRS.DB.01"),
    ("NRS.AP.02", "DEPENDS_ON", "NRS.AP.01"),
    ("NRS.AP.02", "DEPENDS_ON", "NRS.DB.02"),
    ("NRS.AP.02", "DEPENDS_ON", "NRS.DB.01"),
    ("NRS.AP.02", "DEPENDS_ON", "NRS.AP.03"),
    ("NRS.AP.03", "DEPENDS_ON", "NRS.ST.01"),
    ("NRS.AP.03", "DEPENDS_ON", "NRS.AP.04"),
    ("NRS.AP.04", "DEPENDS_ON", "NRS.ST.01"),
    ("NRS.AP.05", "DEPENDS_ON", "NRS.DB.03"),
    ("NRS.AP.05", "DEPENDS_ON", "NRS.AP.01"),
    ("NRS.AP.06", "DEPENDS_ON", "NRS.DB.01"),
    ("NRS.AP.08", "DEPENDS_ON", "NRS.DB.03"),
    ("NRS.AP.08", "DEPENDS_ON", "NRS.DB.02"),
    ("NRS.AP.08", "DEPENDS_ON", "NRS.AP.06"),
    ("NRS.AP.09", "DEPENDS_ON", "NRS.DB.02"),
    ("NRS.AP.09", "DEPENDS_ON", "NRS.DB.03"),
    ("NRS.AP.09", "DEPENDS_ON", "NRS.DB.05"),
    ("NRS.AP.10", "DEPENDS_ON", "NRS.AP.06"),
    ("NRS.AP.11", "DEPENDS_ON", "NRS.DB.01"),
    ("NRS.AP.11", "DEPENDS_ON", "NRS.AP.10"),
    ("NRS.LB.01", "DEPENDS_ON", "NRS.AP.01"),
    ("NRS.LB.01", "DEPENDS_ON", "NRS.AP.02"),
    ("NRS.LB.01", "DEPENDS_ON", "NRS.AP.03"),
    ("NRS.LB.01", "DEPENDS_ON", "NRS.AP.05"),
    ("NRS.LB.02", "DEPENDS_ON", "NRS.AP.10"),
    ("NRS.LB.02", "DEPENDS_ON", "NRS.AP.11"),
    ("NRS.SC.01", "DEPENDS_ON", "NRS.LB.01"),
    ("NRS.SC.01", "DEPENDS_ON", "NRS.AP.06"),
    ("NRS.SC.02", "DEPENDS_ON", "NRS.AP.05"),
    ("NRS.SC.02", "DEPENDS_ON", "NRS.AP.08"),
    ("NRS.SC.03", "DEPENDS_ON", "NRS.LB.02"),
    ("NRS.SC.03", "DEPENDS_ON", "NRS.AP.11"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: office (Seoul working days 09-18), citizen (working days 09-18 and a smaller evening 19-23; weekends and
#           holidays 10-22 at a third; x1.35 in the last filing week), nightly (every night 01-05), flat
METRIC_PLAN = {
    "NRS.SV.01": {"cpu_usage": (30, 0.70, 1.5, "citizen"), "mem_usage": (64, 0.05, 1.0, "citizen"), "disk_usage": (46, 0, 0.2, "flat")},
    "NRS.SV.02": {"cpu_usage": (26, 0.65, 1.4, "citizen"), "mem_usage": (59, 0.05, 1.0, "citizen"), "disk_usage": (53, 0, 0.2, "flat")},
    "NRS.SV.03": {"cpu_usage": (20, 0.80, 1.3, "citizen"), "mem_usage": (55, 0.05, 1.0, "citizen"), "disk_usage": (67, 0, 0.2, "flat")},
    "NRS.SV.04": {"cpu_usage": (12, 0.90, 1.1, "office"), "mem_usage": (48, 0.06, 1.0, "office"), "disk_usage": (41, 0, 0.2, "flat")},
    "NRS.SV.05": {"cpu_usage": (6, 0.20, 0.6, "flat"), "mem_usage": (31, 0.02, 0.8, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "NRS.VM.01": {"cpu_usage": (25, 0.90, 1.4, "citizen"), "mem_usage": (57, 0.05, 0.9, "citizen"), "disk_usage": (37, 0, 0.2, "flat")},
    "NRS.VM.02": {"cpu_usage": (28, 0.95, 1.5, "citizen"), "mem_usage": (62, 0.05, 0.9, "citizen"), "disk_usage": (43, 0, 0.2, "flat")},
    "NRS.VM.03": {"cpu_usage": (22, 0.90, 1.4, "citizen"), "mem_usage": (66, 0.05, 0.9, "citizen"), "disk_usage": (71, 0, 0.2, "flat")},
    "NRS.VM.04": {"cpu_usage": (33, 0.80, 1.6, "citizen"), "mem_usage": (70, 0.04, 0.9, "citizen"), "disk_usage": (58, 0, 0.2, "flat")},
    "NRS.VM.05": {"cpu_usage": (18, 0.85, 1.2, "citizen"), "mem_usage": (51, 0.04, 0.9, "citizen"), "disk_usage": (35, 0, 0.2, "flat")},
    "NRS.VM.06": {"cpu_usage": (14, 0.60, 1.1, "citizen"), "mem_usage": (45, 0.04, 0.9, "citizen"), "disk_usage": (62, 0, 0.2, "flat")},
    "NRS.VM.07": {"cpu_usage": (16, 0.90, 1.1, "office"), "mem_usage": (52, 0.05, 0.9, "office"), "disk_usage": (49, 0, 0.2, "flat")},
    "NRS.VM.08": {"cpu_usage": (13, 0.95, 1.0, "office"), "mem_usage": (44, 0.05, 0.9, "office"), "disk_usage": (32, 0, 0.2, "flat")},
    "NRS.VM.09": {"cpu_usage": (10, 0.60, 1.0, "office"), "mem_usage": (36, 0.03, 1.0, "office"), "disk_usage": (28, 0, 0.2, "flat")},
    "NRS.VM.10": {"cpu_usage": (5, 0.40, 0.6, "office"), "mem_usage": (24, 0.03, 1.0, "flat"), "disk_usage": (84, 0, 0.2, "flat")},
    "NRS.DB.01": {"cpu_usage": (27, 0.75, 1.3, "citizen"), "mem_usage": (76, 0.02, 0.6, "flat"), "disk_usage": (63, 0, 0.2, "flat")},
    "NRS.DB.02": {"cpu_usage": (24, 0.85, 1.3, "citizen"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (56, 0, 0.2, "flat")},
    "NRS.DB.03": {"cpu_usage": (15, 0.80, 1.1, "citizen"), "mem_usage": (58, 0.02, 0.6, "flat"), "disk_usage": (45, 0, 0.2, "flat")},
    "NRS.DB.04": {"cpu_usage": (17, 0.80, 1.2, "citizen"), "mem_usage": (79, 0.03, 0.6, "citizen"), "disk_usage": (19, 0, 0.2, "flat")},
    "NRS.DB.05": {"cpu_usage": (11, 2.20, 1.2, "nightly"), "mem_usage": (67, 0.05, 0.6, "nightly"), "disk_usage": (52, 0, 0.2, "flat")},
    "NRS.DB.06": {"cpu_usage": (7, 0.20, 0.7, "flat"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (60, 0, 0.2, "flat")},
    "NRS.AP.01": {"cpu_usage": (19, 0.85, 1.2, "citizen"), "latency_ms": (120, 0.40, 3.0, "citizen"), "error_rate": (0.05, 0.3, 0.010, "citizen")},
    "NRS.AP.02": {"cpu_usage": (23, 0.90, 1.3, "citizen"), "latency_ms": (380, 0.40, 9.0, "citizen"), "error_rate": (0.07, 0.3, 0.014, "citizen")},
    "NRS.AP.03": {"cpu_usage": (16, 0.85, 1.2, "citizen"), "latency_ms": (650, 0.40, 14.0, "citizen"), "error_rate": (0.09, 0.3, 0.018, "citizen")},
    "NRS.AP.04": {"cpu_usage": (31, 0.80, 1.5, "citizen"), "latency_ms": (1400, 0.35, 30.0, "citizen"), "error_rate": (0.12, 0.3, 0.02, "citizen")},
    "NRS.AP.05": {"cpu_usage": (12, 0.80, 1.0, "citizen"), "latency_ms": (240, 0.35, 6.0, "citizen"), "error_rate": (0.04, 0.3, 0.008, "citizen")},
    "NRS.AP.06": {"cpu_usage": (8, 0.60, 0.8, "citizen"), "latency_ms": (520, 0.30, 12.0, "citizen"), "error_rate": (1.40, 0.3, 0.10, "citizen")},
    "NRS.AP.07": {"cpu_usage": (10, 0.75, 0.9, "citizen"), "latency_ms": (310, 0.35, 8.0, "citizen"), "error_rate": (0.06, 0.3, 0.012, "citizen")},
    "NRS.AP.08": {"cpu_usage": (9, 2.40, 1.0, "nightly"), "latency_ms": (900, 0.30, 20.0, "nightly"), "error_rate": (0.08, 0.3, 0.016, "nightly")},
    "NRS.AP.09": {"cpu_usage": (7, 2.00, 0.9, "nightly"), "latency_ms": (750, 0.30, 18.0, "nightly"), "error_rate": (0.10, 0.3, 0.02, "nightly")},
    "NRS.AP.10": {"cpu_usage": (11, 0.90, 1.0, "office"), "latency_ms": (180, 0.30, 5.0, "office"), "error_rate": (0.03, 0.3, 0.006, "office")},
    "NRS.AP.11": {"cpu_usage": (14, 0.95, 1.1, "office"), "latency_ms": (95, 0.30, 3.0, "office"), "error_rate": (0.05, 0.3, 0.01, "office")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "NRS.VM.10": datetime(2052, 4, 8, 10, 0, tzinfo=KST),
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
    if kind == "citizen":
        if workday(t):
            p = 0.12 + 0.8 * plateau(h, 9.0, 18.0) + 0.3 * plateau(h, 19.0, 23.0)
        else:
            p = 0.08 + 0.3 * plateau(h, 10.0, 22.0)
        if (t.year, t.month, t.day) in DEADLINE_DAYS:
            p *= 1.35
        return p
    if kind == "nightly":
        return 0.05 + 0.4 * plateau(h, 1.0, 5.0)
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
    # level shift: the Filing DB's memory after the buffer change, from Thu 2052-05-02 09:00
    if code == "NRS.DB.02" and metric == "mem_usage" and ts >= kst(2052, 5, 2, 9):
        v += 8.0
    # growth: the Stats DW's disk over the whole history
    if code == "NRS.DB.05" and metric == "disk_usage":
        v += 20.0 * ramp(ts, M_START, M_END)
    # 1. payment link failures on the corporate-tax deadline, Mon 2052-04-01 14:00-17:00 (hourly part: 14, 15, 16)
    if within(ts, kst(2052, 4, 1, 14), kst(2052, 4, 1, 17)):
        if code == "NRS.AP.05" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.3)
        if code == "NRS.AP.05" and metric == "latency_ms":
            v *= 4.0
        if code == "NRS.VM.05" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.4)
        if code == "NRS.DB.03" and metric == "cpu_usage":
            v += 25
    # 2. OCR backlog on the VAT preliminary deadline, Thu 2052-04-25 10:00-13:00 (hourly part: 10, 11, 12)
    if within(ts, kst(2052, 4, 25, 10), kst(2052, 4, 25, 13)):
        if code == "NRS.AP.04" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "NRS.AP.04" and metric == "latency_ms":
            v *= 5.0
        if code == "NRS.VM.04" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.3)
        if code == "NRS.SV.03" and metric == "cpu_usage":
            v += 20
    # 3. identity-verification timeouts, Wed 2052-05-22 09:00-12:00 (15-minute part)
    if within(ts, kst(2052, 5, 22, 9), kst(2052, 5, 22, 12)):
        if code == "NRS.AP.07" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.3)
        if code == "NRS.AP.07" and metric == "latency_ms":
            v *= 6.0
        if code == "NRS.VM.01" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.4)
    # edu-train-vm in maintenance from Mon 2052-05-27 09:00: idle
    if code == "NRS.VM.09" and metric == "cpu_usage" and ts >= kst(2052, 5, 27, 9):
        v = 2.0 + rng.gauss(0, 0.3)
    # 4. certificate-login slowness on the filing deadline, from Fri 2052-05-31 16:50, ongoing at now
    if ts >= kst(2052, 5, 31, 16, 50):
        if code == "NRS.AP.01" and metric == "error_rate":
            v = 4.0 + rng.gauss(0, 0.3)
        if code == "NRS.AP.01" and metric == "latency_ms":
            v *= 3.0
        if code == "NRS.VM.01" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "NRS.DB.04" and metric == "cpu_usage":
            v += 20
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
    (kst(2052, 3, 12, 2, 0), GJC, "change", "info", "광주 코어 스위치 OS 업그레이드", "CHG-520312 night window"),
    # 1. payment link failures on the corporate-tax deadline (Mon 04-01)
    (kst(2052, 4, 1, 10, 0), "NRS.DB.03", "change", "info", "납부 DB 인덱스 재구성", "CHG-520401 receipt index rebuild"),
    (kst(2052, 4, 1, 12, 30), "NRS.AP.05", "deploy", "info", "paylink-gw 4.2 배포", "release 4.2 card installments"),
    (kst(2052, 4, 1, 14, 5), "NRS.AP.05", "incident", "critical", "법인세 납부 결제 실패", "INC-520401-01 card payments fail"),
    (kst(2052, 4, 1, 14, 15), "NRS.VM.05", "alert", "major", "pay_vm CPU 90% 초과", "cpu_usage 94%"),
    (kst(2052, 4, 1, 17, 20), "NRS.AP.05", "change", "info", "paylink-gw 4.1.3 롤백", "rollback; payments recovered"),
    (kst(2052, 4, 8, 10, 0), "NRS.VM.10", "change", "info", "구 전자서식 VM 전원 종료", "CHG-520408 forms moved to efile"),
    # 2. OCR backlog on the VAT preliminary deadline (Thu 04-25)
    (kst(2052, 4, 25, 7, 30), "NRS.ST.01", "change", "info", "문서 스토리지 쿼터 변경", "CHG-520425 upload quota 2 TB"),
    (kst(2052, 4, 25, 9, 10), "NRS.AP.04", "deploy", "info", "OCR Engine 2 모델 2.3 배포", "model 2.3 receipts"),
    (kst(2052, 4, 25, 10, 20), "NRS.AP.04", "incident", "critical", "증빙서류 인식 지연", "INC-520425-01 OCR queue backlog"),
    (kst(2052, 4, 25, 10, 30), "NRS.VM.04", "alert", "major", "ocr_vm CPU 95% 초과", "cpu_usage 96%"),
    (kst(2052, 4, 25, 13, 40), "NRS.AP.04", "change", "info", "OCR 모델 2.2 롤백", "rollback; queue drained"),
    (kst(2052, 5, 2, 9, 0), "NRS.DB.02", "change", "info", "신고 DB 버퍼 캐시 확대", "CHG-520502 buffer cache 48 GB"),
    # 3. identity-verification timeouts (Wed 05-22)
    (kst(2052, 5, 22, 7, 0), DJC, "change", "info", "대전 코어 ACL 변경", "CHG-520522 inter-agency ACL"),
    (kst(2052, 5, 22, 8, 15), "NRS.AP.07", "deploy", "info", "id-verify-link 1.9 배포", "release 1.9 new agency API"),
    (kst(2052, 5, 22, 9, 10), "NRS.AP.07", "incident", "critical", "본인확인 연계 타임아웃", "INC-520522-01 verification times out"),
    (kst(2052, 5, 22, 9, 20), "NRS.VM.01", "alert", "major", "login_vm01 CPU 90% 초과", "cpu_usage 92%"),
    (kst(2052, 5, 22, 12, 10), "NRS.AP.07", "change", "info", "연계 타임아웃 설정 복구", "timeout back to 5 s; recovered"),
    (kst(2052, 5, 27, 9, 0), "NRS.VM.09", "change", "info", "교육용 VM 점검 전환", "CHG-520527 maintenance"),
    (kst(2052, 5, 30, 22, 0), "NRS.AP.06", "alert", "minor", "안내문 메일 반송 증가", "error_rate 1.8%"),
    # 4. certificate-login slowness on the filing deadline (Fri 05-31), ongoing
    (kst(2052, 5, 31, 13, 0), "NRS.DB.04", "change", "info", "세션 캐시 만료 정책 변경", "CHG-520531 session ttl 30 min"),
    (kst(2052, 5, 31, 16, 30), "NRS.AP.01", "deploy", "info", "cert-login 7.1 배포", "release 7.1 mobile certificates"),
    (kst(2052, 5, 31, 16, 55), "NRS.AP.01", "incident", "critical", "인증서 로그인 지연", "INC-520531-01 login takes over 30 s"),
    (kst(2052, 5, 31, 17, 0), "NRS.VM.01", "alert", "major", "login_vm01 CPU 90% 초과", "cpu_usage 93%"),
]

BUILD_APPS = ["NRS.AP.02", "NRS.AP.03", "NRS.AP.06", "NRS.AP.09", "NRS.AP.10", "NRS.AP.11"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2052, 5, 23)
    n = 0
    while day < kst(2052, 5, 31):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([10, 11, 15, 16]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} build #{420 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "daysago:2", "last:24h", "last:1h", "last:30m", "last:3h", "last:7d", "last:30d", "thisweek", "lastweek", "thismonth", "lastmonth", "weekday:tue", "weekday:mon", "month:2052-03", "month:2052-04", "day:2052-04-01", "day:2052-04-25", "day:2052-05-22", "day:2052-05-21", "span:2052-04-01T14:00/2052-04-01T17:00", "span:2052-04-25T10:00/2052-04-25T13:00", "span:2052-05-22T09:00/2052-05-22T12:00", "since:2052-05-31T16:50", "since:2052-05-27", "days:2052-05-20..2052-05-22", "span:2052-05-31T17:00/2052-05-31T17:40"):
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
