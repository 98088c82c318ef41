#!/usr/bin/env python3
"""Deterministic generator for the "Haenoeul Agri" (해노을농협) smart-farm and produce-auction estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids AG###, halves "dev36" / "test32") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only (zoneinfo for the
site clocks: Jeju and Gimje Asia/Seoul, Nagano Asia/Tokyo (UTC+9 as Seoul), Almería Europe/Madrid:
CEST UTC+2 until Sunday 31 October 2066 03:00, CET UTC+1 from then on; 31 October is a 25-hour day in
Almería and Monday 1 November (All Saints) closes a Spanish long weekend).

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding31/gen_estate.py, copied unchanged from
"Writing the estate" onwards except: filters take `not=` (codes left out: "except gh-07"), `ev` takes
`loc=` instead of `ci=` (events of every CI at a location: "how many incidents did Jeju have"), a new
op `cmpt` (one CI over two ranges, r and r2: "this week vs last week"; the value is the first range's),
and the ranges that --summary prints.

Spec grammar: as in ../understanding31/gen_estate.py (persona tags `# P<n> ...`).
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
HALVES = ("dev36", "test32")
ID_PREFIX = "AG"
TAG_LETTER = "P"
SEED = 20661111
KST = timezone(timedelta(hours=9))
MAD = ZoneInfo("Europe/Madrid")
TYO = ZoneInfo("Asia/Tokyo")
UTC = timezone.utc

NOW = datetime(2066, 11, 11, 7, 40, tzinfo=KST)           # Thursday 07:40 Seoul/Nagano = Wednesday 23:40 Almería (CET)
M_START = datetime(2066, 8, 9, 0, 0, tzinfo=KST)          # hourly from Monday 9 August 2066 ...
MID_START = datetime(2066, 11, 1, 0, 0, tzinfo=KST)       # ... every 15 minutes from Monday 1 November ...
FINE_START = datetime(2066, 11, 11, 6, 40, tzinfo=KST)    # ... every minute from 06:40 today
M_END = NOW                                               # inclusive: the last sample is at 07:40:00 itself
STEP_1H = timedelta(hours=1)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
KR_HOLIDAYS = {(2066, 8, 15), (2066, 10, 3), (2066, 10, 9)}   # 광복절, 개천절, 한글날 (office profile)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# codes: "ag", a two-letter site in capitals (GJ Gimje, JE Jeju, AL Almería, NG Nagano), a dot and four digits:
#        a type digit (1 network, 2 server, 3 vm, 4 database, 5 app, 6 load balancer, 8 service) and a serial
# --------------------------------------------------------------------------------------
GJ, JE, AL, NG = "Gimje HQ", "Jeju Farm", "Almeria Farm", "Nagano Depot"
PROD, STG, RETIRED, DR = "prod", "stg", "retired", "dr"
O_INFRA, O_AUC, O_IRR, O_DATA, O_MOB, O_GRADE, O_COLD, O_MINJI, O_OH, O_LUCIA, O_SATO = (
    "Infra Team", "Auction Team", "Irrigation Team", "Data Team", "Mobile Team", "Grading Team", "Cold Chain Team",
    "Kim Minji", "Oh Seungwoo", "Lucia Fernandez", "Sato Haruki")

CIS = [
    ("agGJ.1001", "gimje-core-rtr", "network", "running", PROD, GJ, O_INFRA, "김제 코어 라우터|본부 라우터", "10.66.0.1", "core"),
    ("agJE.1001", "jeju-edge-rtr", "network", "running", PROD, JE, O_OH, "제주 라우터|Jeju router", "10.66.32.1", "edge"),
    ("agAL.1001", "alm-edge-rtr", "network", "running", PROD, AL, O_LUCIA, "알메리아 라우터|Almeria router", "10.66.64.1", "edge"),
    ("agNG.1001", "ngn-edge-rtr", "network", "running", PROD, NG, O_SATO, "나가노 라우터|Nagano router", "10.66.96.1", "edge"),
    ("agGJ.2001", "agri-k8s-01", "server", "running", PROD, GJ, O_INFRA, "쿠버 노드 1|김제 노드 1", "10.66.0.11", "core"),
    ("agGJ.2002", "agri-k8s-02", "server", "running", PROD, GJ, O_INFRA, "쿠버 노드 2|김제 노드 2", "10.66.0.12", "core"),
    ("agGJ.2003", "agri-k8s-03", "server", "running", PROD, GJ, O_INFRA, "쿠버 노드 3|김제 노드 3", "10.66.0.13", "core"),
    ("agGJ.2004", "gj-db-host", "server", "running", PROD, GJ, O_INFRA, "김제 DB 서버|디비 호스트", "10.66.0.21", "core"),
    ("agGJ.2005", "gj-esxi 1", "server", "running", PROD, GJ, O_INFRA, "김제 가상화 호스트|ESXi 1호기", "10.66.0.31", "core"),
    ("agGJ.2006", "apc line.1 host", "server", "running", PROD, GJ, O_GRADE, "김제 선별 1라인|선별기 1번 라인", "10.66.0.51", "edge"),
    ("agGJ.2007", "apc line.2 host", "server", "running", PROD, GJ, O_GRADE, "김제 선별 2라인|선별기 2번 라인", "10.66.0.52", "edge"),
    ("agJE.2001", "gh-07", "server", "running", PROD, JE, O_OH, "온실 7동|제주 7동 환경제어기", "10.66.32.17", "edge"),
    ("agJE.2002", "gh-12", "server", "running", PROD, JE, O_OH, "온실 12동|제주 12동 환경제어기", "10.66.32.22", "edge"),
    ("agJE.2003", "greenhouse 3 ctl", "server", "running", PROD, JE, O_IRR, "온실 3동|제주 3동 환경제어기", "10.66.32.13", "edge"),
    ("agJE.2004", "jeju-irrig.ctl", "server", "running", PROD, JE, O_IRR, "제주 관수 제어기|제주 물주기 컨트롤러", "10.66.32.41", "edge"),
    ("agAL.2001", "invernadero 4", "server", "running", PROD, AL, O_LUCIA, "알메리아 온실 4동|Almeria greenhouse 4", "10.66.64.14", "edge"),
    ("agAL.2002", "gh-al-09", "server", "running", PROD, AL, O_IRR, "알메리아 온실 9동|Almeria greenhouse 9", "10.66.64.19", "edge"),
    ("agAL.2003", "alm cold store 1", "server", "running", PROD, AL, O_COLD, "알메리아 저온창고|Almeria cold store", "10.66.64.31", "edge"),
    ("agNG.2001", "ngn-cold.2", "server", "running", PROD, NG, O_COLD, "나가노 저온창고 2|나가노 냉장 2동", "10.66.96.32", "edge"),
    ("agNG.2002", "ngn-cold.3", "server", "running", PROD, NG, O_COLD, "나가노 저온창고 3|나가노 냉장 3동", "10.66.96.33", "edge"),
    ("agNG.2003", "ngn line.2 host", "server", "running", PROD, NG, O_GRADE, "나가노 선별 2라인|Nagano grading line 2", "10.66.96.52", "edge"),
    ("agJE.3001", "jeju-iot-gw.1", "vm", "running", PROD, JE, O_DATA, "제주 센서 게이트웨이 1|제주 IoT 게이트웨이 1", "10.66.32.101", "edge"),
    ("agJE.3002", "jeju-iot-gw.2", "vm", "running", PROD, JE, O_DATA, "제주 센서 게이트웨이 2|제주 IoT 게이트웨이 2", "10.66.32.102", "edge"),
    ("agAL.3001", "alm-iot-gw", "vm", "running", PROD, AL, O_DATA, "알메리아 센서 게이트웨이|Almeria IoT gateway", "10.66.64.101", "edge"),
    ("agAL.3002", "alm-legacy-scada", "vm", "stopped", RETIRED, AL, O_LUCIA, "알메리아 옛 스카다|old SCADA VM", "10.66.64.102", "edge"),
    ("agNG.3001", "ngn-iot-gw", "vm", "running", PROD, NG, O_DATA, "나가노 센서 게이트웨이|Nagano IoT gateway", "10.66.96.101", "edge"),
    ("agGJ.3001", "ops-jump", "vm", "running", PROD, GJ, O_INFRA, "점프 서버|배스천", "10.66.0.101", "core"),
    ("agGJ.3002", "test-auction vm", "vm", "running", STG, GJ, O_AUC, "경매 테스트 VM|auction test box", "10.66.0.102", "core"),
    ("agGJ.3003", "test-app vm 2", "vm", "running", STG, GJ, O_MOB, "앱 테스트 VM|mobile test box", "10.66.0.103", "core"),
    ("agGJ.4001", "auction pg (main)", "database", "running", PROD, GJ, O_AUC, "경매 DB|경락 디비", "10.66.0.201", "core"),
    ("agGJ.4002", "auction pg standby", "database", "running", DR, GJ, O_AUC, "경매 DB 대기|경매 디비 스탠바이", "10.66.0.202", "dr"),
    ("agGJ.4003", "settlement.pg", "database", "running", PROD, GJ, O_MINJI, "정산 DB|정산 디비", "10.66.0.203", "core"),
    ("agGJ.4004", "farm-tsdb", "database", "running", PROD, GJ, O_DATA, "센서 시계열 DB|시계열 디비", "10.66.0.204", "core"),
    ("agNG.4001", "ngn-cold.pg", "database", "running", PROD, NG, O_COLD, "나가노 창고 DB|나가노 재고 디비", "10.66.96.201", "edge"),
    ("agGJ.5001", "bid-api", "app", "running", PROD, GJ, O_AUC, "입찰 API|경매 입찰 서버", "10.66.0.41", "core"),
    ("agGJ.5002", "settlement-svc", "app", "running", PROD, GJ, O_MINJI, "정산 서비스|대금 정산", "10.66.0.42", "core"),
    ("agGJ.5003", "pay-gw", "app", "running", PROD, GJ, O_MINJI, "결제 게이트웨이|결제 모듈", "10.66.0.43", "core"),
    ("agGJ.5004", "farmer-app bff", "app", "running", PROD, GJ, O_MOB, "농민 앱 백엔드|모바일 앱 서버", "10.66.0.44", "core"),
    ("agGJ.5005", "broker.mqtt", "app", "running", PROD, GJ, O_INFRA, "메시지 브로커|MQTT 브로커", "10.66.0.45", "core"),
    ("agGJ.5006", "sensor-ingest", "app", "running", PROD, GJ, O_DATA, "센서 수집기|센서 데이터 수집", "10.66.0.46", "core"),
    ("agGJ.5007", "irrigation-scheduler", "app", "running", PROD, GJ, O_IRR, "관수 스케줄러|물주기 스케줄러", "10.66.0.47", "core"),
    ("agGJ.6001", "gj-lb-01", "load_balancer", "running", PROD, GJ, O_INFRA, "김제 LB|경매 로드밸런서", "10.66.0.250", "core"),
    ("agGJ.8001", "Haenoeul Auction", "service", "running", PROD, GJ, O_AUC, "해노을 공판장|온라인 경매", "", "core"),
    ("agGJ.8002", "Smart Farm Platform", "service", "running", PROD, GJ, O_DATA, "스마트팜 플랫폼|스마트 농장", "", "core"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE = "agGJ.1001"
RELATIONS = [
    ("agJE.1001", "CONNECTS_TO", CORE),
    ("agAL.1001", "CONNECTS_TO", CORE),
    ("agNG.1001", "CONNECTS_TO", CORE),
    ("agGJ.2001", "CONNECTS_TO", CORE),
    ("agGJ.2002", "CONNECTS_TO", CORE),
    ("agGJ.2003", "CONNECTS_TO", CORE),
    ("agGJ.2004", "CONNECTS_TO", CORE),
    ("agGJ.2005", "CONNECTS_TO", CORE),
    ("agGJ.2006", "CONNECTS_TO", CORE),
    ("agGJ.2007", "CONNECTS_TO", CORE),
    ("agJE.2001", "CONNECTS_TO", "agJE.1001"),
    ("agJE.2002", "CONNECTS_TO", "agJE.1001"),
    ("agJE.2003", "CONNECTS_TO", "agJE.1001"),
    ("agJE.2004", "CONNECTS_TO", "agJE.1001"),
    ("agAL.2001", "CONNECTS_TO", "agAL.1001"),
    ("agAL.2002", "CONNECTS_TO", "agAL.1001"),
    ("agAL.2003", "CONNECTS_TO", "agAL.1001"),
    ("agNG.2001", "CONNECTS_TO", "agNG.1001"),
    ("agNG.2002", "CONNECTS_TO", "agNG.1001"),
    ("agNG.2003", "CONNECTS_TO", "agNG.1001"),
    # hosting
    ("agGJ.2005", "HOSTS", "agGJ.3001"),
    ("agGJ.2005", "HOSTS", "agGJ.3002"),
    ("agGJ.2005", "HOSTS", "agGJ.3003"),
    ("agGJ.5001", "RUNS_ON", "agGJ.2002"),
    ("agGJ.5003", "RUNS_ON", "agGJ.2002"),
    ("agGJ.5002", "RUNS_ON", "agGJ.2001"),
    ("agGJ.5004", "RUNS_ON", "agGJ.2001"),
    ("agGJ.5005", "RUNS_ON", "agGJ.2003"),
    ("agGJ.5006", "RUNS_ON", "agGJ.2003"),
    ("agGJ.5007", "RUNS_ON", "agGJ.2003"),
    ("agGJ.4001", "RUNS_ON", "agGJ.2004"),
    ("agGJ.4003", "RUNS_ON", "agGJ.2004"),
    ("agGJ.4004", "RUNS_ON", "agGJ.2004"),
    ("agGJ.4002", "RUNS_ON", "agGJ.2005"),
    ("agNG.4001", "RUNS_ON", "agNG.2001"),
    # data and command flow
    ("agJE.3001", "DEPENDS_ON", "agJE.2001"),
    ("agJE.3001", "DEPENDS_ON", "agJE.2002"),
    ("agJE.3002", "DEPENDS_ON", "agJE.2003"),
    ("agJE.3002", "DEPENDS_ON", "agJE.2004"),
    ("agAL.3001", "DEPENDS_ON", "agAL.2001"),
    ("agAL.3001", "DEPENDS_ON", "agAL.2002"),
    ("agAL.3001", "DEPENDS_ON", "agAL.2003"),
    ("agNG.3001", "DEPENDS_ON", "agNG.2001"),
    ("agNG.3001", "DEPENDS_ON", "agNG.2002"),
    ("agNG.3001", "DEPENDS_ON", "agNG.2003"),
    ("agGJ.5006", "DEPENDS_ON", "agGJ.5005"),
    ("agGJ.5005", "DEPENDS_ON", "agJE.3001"),
    ("agGJ.5005", "DEPENDS_ON", "agJE.3002"),
    ("agGJ.5005", "DEPENDS_ON", "agAL.3001"),
    ("agGJ.5005", "DEPENDS_ON", "agNG.3001"),
    ("agGJ.5006", "DEPENDS_ON", "agGJ.4004"),
    ("agGJ.5007", "DEPENDS_ON", "agGJ.4004"),
    ("agGJ.5007", "DEPENDS_ON", "agGJ.5005"),
    ("agGJ.5001", "DEPENDS_ON", "agGJ.4001"),
    ("agGJ.4002", "DEPENDS_ON", "agGJ.4001"),
    ("agGJ.5002", "DEPENDS_ON", "agGJ.4003"),
    ("agGJ.5002", "DEPENDS_ON", "agGJ.5001"),
    ("agGJ.5002", "DEPENDS_ON", "agGJ.5003"),
    ("agGJ.5004", "DEPENDS_ON", "agGJ.5001"),
    ("agGJ.5004", "DEPENDS_ON", "agGJ.5002"),
    ("agGJ.5004", "DEPENDS_ON", "agGJ.4004"),
    ("agGJ.6001", "DEPENDS_ON", "agGJ.5001"),
    ("agGJ.6001", "DEPENDS_ON", "agGJ.5004"),
    ("agNG.2003", "DEPENDS_ON", "agNG.4001"),
    ("agGJ.8001", "DEPENDS_ON", "agGJ.6001"),
    ("agGJ.8001", "DEPENDS_ON", "agGJ.5002"),
    ("agGJ.8002", "DEPENDS_ON", "agGJ.5006"),
    ("agGJ.8002", "DEPENDS_ON", "agGJ.5007"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: auction (Seoul 04-09, the early-morning produce auction), busy (Seoul 09-22), office (Seoul working
#           days 09-18), sun (greenhouse venting at local midday 10-16: Seoul, or Almería for almsun), almday
#           (Almería local 07-19, moves an hour with the DST end), cold (a defrost cycle every 6 hours), flat
METRIC_PLAN = {
    "agGJ.2001": {"cpu_usage": (27, 0.70, 1.3, "busy"), "mem_usage": (61, 0.05, 1.0, "busy"), "disk_usage": (43, 0, 0.2, "flat")},
    "agGJ.2002": {"cpu_usage": (31, 0.90, 1.3, "auction"), "mem_usage": (66, 0.06, 1.0, "auction"), "disk_usage": (38, 0, 0.2, "flat")},
    "agGJ.2003": {"cpu_usage": (35, 0.50, 1.3, "busy"), "mem_usage": (72, 0.04, 1.0, "busy"), "disk_usage": (52, 0, 0.2, "flat")},
    "agGJ.2004": {"cpu_usage": (22, 0.80, 1.2, "auction"), "mem_usage": (78, 0.03, 0.8, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "agGJ.2005": {"cpu_usage": (16, 0.60, 1.1, "office"), "mem_usage": (69, 0.04, 0.9, "office"), "disk_usage": (57, 0, 0.2, "flat")},
    "agGJ.2006": {"cpu_usage": (19, 1.40, 1.1, "office"), "mem_usage": (42, 0.05, 0.8, "office"), "disk_usage": (33, 0, 0.2, "flat")},
    "agGJ.2007": {"cpu_usage": (23, 1.30, 1.1, "office"), "mem_usage": (45, 0.05, 0.8, "office"), "disk_usage": (37, 0, 0.2, "flat")},
    "agJE.2001": {"cpu_usage": (24, 1.20, 1.1, "sun"), "mem_usage": (48, 0.05, 0.8, "flat"), "disk_usage": (29, 0, 0.2, "flat")},
    "agJE.2002": {"cpu_usage": (20, 1.10, 1.0, "sun"), "mem_usage": (44, 0.05, 0.8, "flat"), "disk_usage": (26, 0, 0.2, "flat")},
    "agJE.2003": {"cpu_usage": (28, 1.00, 1.1, "sun"), "mem_usage": (51, 0.05, 0.8, "flat"), "disk_usage": (34, 0, 0.2, "flat")},
    "agJE.2004": {"cpu_usage": (13, 1.50, 1.0, "sun"), "mem_usage": (39, 0.05, 0.8, "flat"), "disk_usage": (24, 0, 0.2, "flat")},
    "agAL.2001": {"cpu_usage": (26, 1.10, 1.1, "almsun"), "mem_usage": (53, 0.05, 0.8, "flat"), "disk_usage": (41, 0, 0.2, "flat")},
    "agAL.2002": {"cpu_usage": (18, 1.20, 1.0, "almsun"), "mem_usage": (47, 0.05, 0.8, "flat"), "disk_usage": (31, 0, 0.2, "flat")},
    "agAL.2003": {"cpu_usage": (21, 0.50, 1.0, "cold"), "mem_usage": (56, 0.04, 0.8, "flat"), "disk_usage": (46, 0, 0.2, "flat")},
    "agNG.2001": {"cpu_usage": (17, 0.50, 1.0, "cold"), "mem_usage": (58, 0.04, 0.8, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "agNG.2002": {"cpu_usage": (14, 0.50, 0.9, "cold"), "mem_usage": (50, 0.04, 0.8, "flat"), "disk_usage": (39, 0, 0.2, "flat")},
    "agNG.2003": {"cpu_usage": (21, 1.30, 1.1, "office"), "mem_usage": (46, 0.05, 0.8, "office"), "disk_usage": (35, 0, 0.2, "flat")},
    "agJE.3001": {"cpu_usage": (29, 0.60, 1.1, "sun"), "mem_usage": (57, 0.05, 0.9, "sun"), "disk_usage": (62, 0, 0.2, "flat")},
    "agJE.3002": {"cpu_usage": (25, 0.60, 1.1, "sun"), "mem_usage": (54, 0.05, 0.9, "sun"), "disk_usage": (59, 0, 0.2, "flat")},
    "agAL.3001": {"cpu_usage": (32, 0.60, 1.2, "almday"), "mem_usage": (63, 0.05, 0.9, "almday"), "disk_usage": (67, 0, 0.2, "flat")},
    "agAL.3002": {"cpu_usage": (6, 0.40, 0.6, "flat"), "mem_usage": (28, 0.03, 1.0, "flat"), "disk_usage": (83, 0, 0.2, "flat")},
    "agNG.3001": {"cpu_usage": (22, 0.60, 1.1, "flat"), "mem_usage": (52, 0.05, 0.9, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    "agGJ.3001": {"cpu_usage": (5, 0.80, 0.7, "office"), "mem_usage": (30, 0.05, 0.8, "office"), "disk_usage": (21, 0, 0.2, "flat")},
    "agGJ.3002": {"cpu_usage": (11, 0.60, 1.0, "office"), "mem_usage": (36, 0.03, 1.0, "office"), "disk_usage": (28, 0, 0.2, "flat")},
    "agGJ.3003": {"cpu_usage": (8, 0.60, 1.0, "office"), "mem_usage": (33, 0.03, 1.0, "office"), "disk_usage": (25, 0, 0.2, "flat")},
    "agGJ.4001": {"cpu_usage": (24, 1.10, 1.2, "auction"), "mem_usage": (74, 0.02, 0.6, "flat"), "disk_usage": (51, 0, 0.2, "flat")},
    "agGJ.4002": {"cpu_usage": (7, 0.20, 0.7, "flat"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (50, 0, 0.2, "flat")},
    "agGJ.4003": {"cpu_usage": (15, 0.90, 1.1, "office"), "mem_usage": (68, 0.02, 0.6, "flat"), "disk_usage": (45, 0, 0.2, "flat")},
    "agGJ.4004": {"cpu_usage": (33, 0.50, 1.3, "busy"), "mem_usage": (71, 0.03, 0.6, "flat"), "disk_usage": (54, 0, 0.2, "flat")},
    "agNG.4001": {"cpu_usage": (12, 0.70, 1.0, "office"), "mem_usage": (55, 0.02, 0.6, "flat"), "disk_usage": (42, 0, 0.2, "flat")},
    "agGJ.5001": {"cpu_usage": (20, 1.20, 1.2, "auction"), "latency_ms": (140, 0.50, 4.0, "auction"), "error_rate": (0.06, 0.3, 0.010, "auction")},
    "agGJ.5002": {"cpu_usage": (14, 0.90, 1.1, "office"), "latency_ms": (310, 0.40, 7.0, "office"), "error_rate": (0.05, 0.3, 0.010, "office")},
    "agGJ.5003": {"cpu_usage": (12, 0.80, 1.0, "auction"), "latency_ms": (95, 0.40, 2.5, "auction"), "error_rate": (0.03, 0.3, 0.006, "auction")},
    "agGJ.5004": {"cpu_usage": (17, 0.80, 1.1, "busy"), "latency_ms": (180, 0.45, 4.5, "busy"), "error_rate": (0.08, 0.3, 0.014, "busy")},
    "agGJ.5005": {"cpu_usage": (30, 0.60, 1.3, "sun"), "latency_ms": (9, 0.30, 0.3, "sun"), "error_rate": (0.01, 0.3, 0.003, "sun")},
    "agGJ.5006": {"cpu_usage": (26, 0.70, 1.2, "sun"), "latency_ms": (42, 0.40, 1.2, "sun"), "error_rate": (0.04, 0.3, 0.008, "sun")},
    "agGJ.5007": {"cpu_usage": (10, 1.60, 0.9, "sun"), "latency_ms": (65, 0.30, 2.0, "sun"), "error_rate": (0.02, 0.3, 0.005, "sun")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "agAL.3002": datetime(2066, 9, 30, 12, 0, tzinfo=MAD).astimezone(KST),
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
    if kind == "almday":
        t = ts.astimezone(MAD)
        return 0.1 + 0.8 * plateau(t.hour + t.minute / 60.0, 7.0, 19.0)
    if kind == "almsun":
        t = ts.astimezone(MAD)
        return 0.1 + 0.8 * plateau(t.hour + t.minute / 60.0, 10.0, 16.0)
    if kind == "cold":           # a defrost cycle every 6 hours, about 40 minutes long
        ph = (ts.timestamp() / 60.0) % 360.0
        return 0.2 + 0.6 * max(0.0, math.cos(2 * math.pi * ph / 360.0)) ** 4
    t = ts.astimezone(KST)
    h = t.hour + t.minute / 60.0
    if kind == "auction":
        return 0.1 + 0.8 * plateau(h, 4.0, 9.0)
    if kind == "sun":
        return 0.1 + 0.8 * plateau(h, 10.0, 16.0)
    if kind == "busy":
        return 0.1 + 0.7 * plateau(h, 9.0, 22.0)
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
    # level shift: settlement.pg memory after the partitioning change, from Mon 2066-09-20 10:00
    if code == "agGJ.4003" and metric == "mem_usage" and ts >= kst(2066, 9, 20, 10):
        v += 11.0
    # growth: the farm TSDB's disk over the whole history
    if code == "agGJ.4004" and metric == "disk_usage":
        v += 19.0 * ramp(ts, M_START, M_END)
    # 1. Jeju gh-07 sensor storm, Sat 2066-10-16 02:00-05:00 Seoul (hourly part)
    if within(ts, kst(2066, 10, 16, 2), kst(2066, 10, 16, 5)):
        if code == "agJE.2001" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.4)
        if code == "agJE.3001" and metric == "cpu_usage":
            v += 38
    # 2. Almería cold store compressor alarm flood, Sat 2066-10-30 10:00-13:00 CEST = 17:00-20:00 Seoul (hourly)
    if within(ts, loc(MAD, 2066, 10, 30, 10), loc(MAD, 2066, 10, 30, 13)):
        if code == "agAL.2003" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.3)
        if code == "agAL.3001" and metric == "cpu_usage":
            v += 30
    # 3. Almería greenhouse 9 vent controller loop, Tue 2066-11-02 06:00-08:00 CET = 14:00-16:00 Seoul (15-minute)
    if within(ts, loc(MAD, 2066, 11, 2, 6), loc(MAD, 2066, 11, 2, 8)):
        if code == "agAL.2002" and metric == "cpu_usage":
            v = 89 + rng.gauss(0, 0.5)
        if code == "agGJ.5007" and metric == "error_rate":
            v = 1.8 + rng.gauss(0, 0.15)
    # 4. Nagano cold.2 memory leak, Wed 2066-11-03 13:00-16:00 Nagano time (= Seoul) (15-minute part)
    if within(ts, loc(TYO, 2066, 11, 3, 13), loc(TYO, 2066, 11, 3, 16)):
        if code == "agNG.2001" and metric == "mem_usage":
            v = 95 + rng.gauss(0, 0.3)
        if code == "agNG.4001" and metric == "cpu_usage":
            v += 40
    # 5. auction halt, Tue 2066-11-09 05:00-06:30 Seoul (15-minute part)
    if within(ts, kst(2066, 11, 9, 5), kst(2066, 11, 9, 6, 30)):
        if code == "agGJ.4001" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.4)
        if code == "agGJ.5001" and metric == "error_rate":
            v = 4.2 + rng.gauss(0, 0.2)
        if code == "agGJ.5001" and metric == "latency_ms":
            v *= 3.0
        if code == "agGJ.2004" and metric == "cpu_usage":
            v += 33
    # 6. night sensor backlog, Tue 2066-11-09 23:00 - Wed 11-10 02:00 Seoul (15-minute part)
    if within(ts, kst(2066, 11, 9, 23), kst(2066, 11, 10, 2)):
        if code == "agGJ.5005" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 0.5)
        if code == "agGJ.5006" and metric == "latency_ms":
            v *= 3.5
    # test-app vm 2 idles from Mon 2066-11-08 09:00 (the mobile team moved to a new test box)
    if code == "agGJ.3003" and metric == "cpu_usage" and ts >= kst(2066, 11, 8, 9):
        v = 1.3 + rng.gauss(0, 0.2)
    # 7. bid-api slowness after the 4.1 deploy, from Thu 2066-11-11 07:10 Seoul, ongoing at now
    if ts >= kst(2066, 11, 11, 7, 10):
        if code == "agGJ.5001" and metric == "latency_ms":
            v *= 4.0
        if code == "agGJ.5001" and metric == "error_rate":
            v = 2.6 + rng.gauss(0, 0.2)
        if code == "agGJ.5001" and metric == "cpu_usage":
            v += 28
        if code == "agGJ.2002" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.5)
        if code == "agGJ.5003" and metric == "latency_ms":
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
    (kst(2066, 8, 23, 2, 0), CORE, "change", "info", "김제 코어 라우터 OS 업그레이드", "CHG-660823 night window"),
    (kst(2066, 9, 20, 10, 0), "agGJ.4003", "change", "info", "정산 DB 월별 파티션 적용", "CHG-660920 partitioning"),
    (loc(MAD, 2066, 9, 30, 12, 0), "agAL.3002", "change", "info", "Almeria legacy SCADA VM powered off", "CHG-660930 retired"),
    (kst(2066, 10, 5, 14, 0), "agJE.2004", "change", "info", "제주 관수 제어기 펌웨어 2.3 적용", "CHG-661005 firmware"),
    (kst(2066, 10, 12, 11, 0), "agGJ.2007", "change", "info", "선별 2라인 PLC 레시피 변경", "CHG-661012 grading recipe"),
    # 1. Jeju gh-07 sensor storm (Sat 10-16 02:00-05:00)
    (kst(2066, 10, 16, 1, 40), "agJE.3001", "change", "info", "제주 게이트웨이 1 폴링 주기 변경", "CHG-661016 poll 5s"),
    (kst(2066, 10, 16, 2, 10), "agJE.2001", "alert", "major", "온실 7동 습도 센서 값 튐", "SENSOR-661016-07 humidity out of range"),
    (kst(2066, 10, 16, 2, 25), "agJE.2001", "incident", "critical", "온실 7동 환경제어 응답 없음", "INC-661016-01 vents stuck"),
    (kst(2066, 10, 16, 5, 15), "agJE.3001", "change", "info", "제주 게이트웨이 1 폴링 주기 원복", "rollback; poll 30s"),
    # 2. Almería cold store compressor alarm flood (Sat 10-30 10:00-13:00 CEST)
    (loc(MAD, 2066, 10, 30, 9, 30), "agAL.2003", "change", "info", "Cold store alarm thresholds changed", "CHG-661030 compressor limits"),
    (loc(MAD, 2066, 10, 30, 10, 10), "agAL.2003", "alert", "major", "Compressor alarm flood", "cpu_usage 96%"),
    (loc(MAD, 2066, 10, 30, 10, 20), "agAL.2003", "incident", "critical", "Almeria cold store controller overloaded", "INC-661030-01 alarms flooding"),
    (loc(MAD, 2066, 10, 30, 13, 10), "agAL.2003", "change", "info", "Cold store alarm thresholds reverted", "rollback; alarms normal"),
    (loc(MAD, 2066, 10, 31, 3, 0), "agAL.3001", "change", "info", "Almeria gateway clock switched to CET", "CHG-661031 UTC+1"),
    # 3. Almería greenhouse 9 vent loop (Tue 11-02 06:00-08:00 CET)
    (loc(MAD, 2066, 11, 2, 5, 40), "agAL.2002", "deploy", "info", "gh-al-09 vent logic 1.4 deploy", "release 1.4 wind guard"),
    (loc(MAD, 2066, 11, 2, 6, 10), "agAL.2002", "incident", "major", "Greenhouse 9 vents opening and closing in a loop", "INC-661102-01 vent loop"),
    (loc(MAD, 2066, 11, 2, 8, 5), "agAL.2002", "change", "info", "gh-al-09 vent logic 1.3 rollback", "rollback; vents steady"),
    # 4. Nagano cold.2 memory leak (Wed 11-03 13:00-16:00 JST)
    (loc(TYO, 2066, 11, 3, 12, 30), "agNG.2001", "deploy", "info", "ngn-cold.2 inventory agent 2.0 deploy", "release 2.0 RFID"),
    (loc(TYO, 2066, 11, 3, 13, 20), "agNG.2001", "alert", "major", "ngn-cold.2 memory over 90%", "mem_usage 95%"),
    (loc(TYO, 2066, 11, 3, 13, 40), "agNG.2001", "incident", "major", "나가노 저온창고 재고 동기화 중단", "INC-661103-01 inventory sync stopped"),
    (loc(TYO, 2066, 11, 3, 16, 10), "agNG.2001", "change", "info", "ngn-cold.2 inventory agent 1.9 rollback", "rollback; sync resumed"),
    # 5. auction halt (Tue 11-09 05:00-06:30 Seoul)
    (kst(2066, 11, 9, 4, 30), "agGJ.4001", "change", "info", "경매 DB 인덱스 재생성", "CHG-661109 reindex"),
    (kst(2066, 11, 9, 5, 5), "agGJ.5001", "incident", "critical", "새벽 경매 일시 중단", "HALT-661109 bids rejected"),
    (kst(2066, 11, 9, 5, 8), "agGJ.5001", "incident", "critical", "입찰 API 오류 급증", "INC-661109-01 bid errors"),
    (kst(2066, 11, 9, 5, 12), "agGJ.4001", "alert", "major", "auction pg CPU 90% 초과", "cpu_usage 94%"),
    (kst(2066, 11, 9, 6, 40), "agGJ.4001", "change", "info", "경매 DB 인덱스 작업 중단 및 원복", "rollback; auction resumed"),
    # 6. night sensor backlog (Tue 11-09 23:00 - Wed 02:00 Seoul)
    (kst(2066, 11, 9, 23, 10), "agGJ.5005", "alert", "major", "broker.mqtt CPU 85% 초과", "cpu_usage 88%"),
    (kst(2066, 11, 10, 0, 20), "agGJ.5006", "alert", "minor", "센서 수집 지연", "ingest lag 4m"),
    (kst(2066, 11, 8, 9, 0), "agGJ.3003", "change", "info", "앱 테스트 VM 사용 중지", "CHG-661108 idle"),
    (kst(2066, 10, 27, 15, 0), "agAL.2001", "alert", "minor", "Invernadero 4 CO2 sensor drift", "SENSOR-661027-04 recalibrate"),
    (kst(2066, 11, 5, 3, 20), "agJE.2002", "alert", "minor", "온실 12동 토양수분 센서 끊김", "SENSOR-661105-12 no signal"),
    # 7. bid-api slowness (Thu 11-11), ongoing
    (kst(2066, 11, 11, 6, 30), "agGJ.5003", "change", "info", "결제 게이트웨이 타임아웃 설정 변경", "CHG-661111 pg timeout 3s"),
    (kst(2066, 11, 11, 6, 55), "agGJ.5001", "deploy", "info", "bid-api 4.1 배포", "release 4.1 lot batching"),
    (kst(2066, 11, 11, 7, 12), "agGJ.5001", "incident", "critical", "입찰 응답 지연", "INC-661111-01 bids slow"),
    (kst(2066, 11, 11, 7, 15), "agGJ.2002", "alert", "major", "agri-k8s-02 CPU 90% 초과", "cpu_usage 92%"),
]

BUILD_APPS = ["agGJ.5002", "agGJ.5004", "agGJ.5006", "agGJ.5007", "agGJ.5003"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2066, 11, 1)
    n = 0
    while day < kst(2066, 11, 10):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([10, 11, 15, 16]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} build #{660 + n} {'passed' if ok else 'failed'}"
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
        if "not" in f and r["ci_code"] in f["not"].split(","):   # set 32: codes left out ("except gh-07")
            ok = False
        if "notloc" in f and r["location"] in [x.replace("+", " ") for x in f["notloc"].split(",")]:   # set 32
            ok = False
        if ok:
            out.append(r["ci_code"])
    return out


def unique_filter(f):
    return any(k in f for k in ("env", "loc", "owner", "in", "not", "notloc"))


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
    elif op == "cmpt":         # set 32: one CI over two ranges (r and r2); the value is the first range's
        c = f["ci"]
        v1 = stat([v for _, v in D.samples(c, f["m"], *resolve_range(f["r"]))], f.get("s", "avg"))
        v2 = stat([v for _, v in D.samples(c, f["m"], *resolve_range(f["r2"]))], f.get("s", "avg"))
        if v1 is None or v2 is None:
            raise Warn("cmpt missing data")
        if abs(v1 - v2) < MARGIN[f["m"]]:
            warns.append(f"close cmpt values {v1} {v2}")
        e["ci"] = c
        e["value"], e["tol"] = round(v1, 3), tol
        e.pop("time_from", None)
        e.pop("time_to", None)
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
        c = f.get("ci")
        if c:
            evs = [x for x in D.events if x[1] == c and x[0] <= NOW]
        else:                  # set 32: every CI at a location (loc=...)
            here = set(filt_cis({"loc": f["loc"]}))
            evs = [x for x in D.events if x[1] in here and x[0] <= NOW]
        if "r" in f:
            a, b = resolve_range(f["r"])
            evs = [x for x in evs if a <= x[0] < b]
        if "type" in f:
            evs = [x for x in evs if x[2] in f["type"].split(",")]
        if "sev" in f:
            evs = [x for x in evs if x[3] in f["sev"].split(",")]
        if c:
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
           "topn": {"top", "bottom"}, "threshold": {"thr"}, "compare": {"cmp", "cmpt"}, "count": {"count", "ev"},
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
        for r in ("today", "yesterday", "daysago:2", "last:24h", "last:1h", "last:3h", "last:7d", "thisweek", "lastweek", "thismonth", "lastmonth", "thisquarter", "weekend", "month:2066-09", "month:2066-10", "day:2066-10-16", "day:2066-11-09", "span:2066-11-10T22:00/2066-11-11T06:00", "span:2066-11-11T00:00/2066-11-11T06:00", "span:2066-10-30T00:00+02:00/2066-11-02T00:00+01:00", "span:2066-11-02T06:00+01:00/2066-11-02T08:00+01:00", "span:2066-11-09T05:00/2066-11-09T06:30", "since:2066-11-11T07:10"):
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
