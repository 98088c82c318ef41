#!/usr/bin/env python3
"""Deterministic generator for the "Haneul Music" (하늘뮤직) music-streaming and concert-ticketing estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids MU###, halves "dev33" / "test29") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only (zoneinfo for the
Los Angeles clock, PDT before Sunday 4 November 2063 and PST from then on).

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding28/gen_estate.py, copied unchanged from
event_checks() onwards except the ranges that --summary prints.  The estate (a music-streaming and
concert-ticketing company: playback API, recommendation, search, the ticket queue 대기열, a payment
link, a lyrics service, a CDN edge, transcoding workers, kafka, redis, postgres/mysql/elasticsearch,
k8s nodes, VMs and load balancers, at the Mokdong IDC, the Busan DC, AWS Seoul and GCP Los Angeles —
a foreign region on Pacific time, a NEGATIVE UTC offset), the clock (Wednesday 14 November 2063,
11:25 Seoul = Tuesday 13 November 18:25 in Los Angeles, 25 minutes after a big concert's ticket
opening, with the queue incident ongoing), the sampling (hourly from Monday 13 August 2063, every
15 minutes from Monday 5 November, every minute from 10:25 today), the names, the personas and the
questions differ.  Pacific-time ranges are written as spans with a -07:00 / -08:00 offset.

Spec grammar: as in ../understanding28/gen_estate.py (persona tags `# P<n> ...`).
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
HALVES = ("dev33", "test29")
ID_PREFIX = "MU"
TAG_LETTER = "P"
SEED = 20631114
KST = timezone(timedelta(hours=9))
LAX = ZoneInfo("America/Los_Angeles")
UTC = timezone.utc

NOW = datetime(2063, 11, 14, 11, 25, tzinfo=KST)          # Wednesday 11:25 Seoul = Tuesday 18:25 PST
M_START = datetime(2063, 8, 13, 0, 0, tzinfo=KST)         # hourly from Monday 13 August 2063 ...
MID_START = datetime(2063, 11, 5, 0, 0, tzinfo=KST)       # ... every 15 minutes from Monday 5 November ...
FINE_START = datetime(2063, 11, 14, 10, 25, tzinfo=KST)   # ... every minute from 10:25 today
M_END = NOW                                               # inclusive: the last sample is at 11:25:00 itself
STEP_1H = timedelta(hours=1)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
KR_HOLIDAYS = {(2063, 10, 3), (2063, 10, 9)}              # 개천절, 한글날 (office profile)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# codes: "hm", a type digit (1 network, 2 storage, 3 server, 4 vm, 5 database, 6 app, 7 load balancer,
#        8 service), two digits, "-" and a two-letter site (mk Mokdong, bs Busan, as AWS Seoul, la Los Angeles)
# --------------------------------------------------------------------------------------
MK, BS, AS, LA = "Mokdong IDC", "Busan DC", "AWS Seoul", "GCP Los Angeles"
PROD, STG, RETIRED, DR = "prod", "stg", "retired", "dr"
O_PLAT, O_PLAY, O_TIX, O_PAY, O_LA = ("Choi Minseo", "Han Jisoo", "Park Doyun", "Oh Yerin", "Daniel Reyes")
CIS = [
    ("hm101-mk", "mdg-core-sw", "network", "running", PROD, MK, O_PLAT, "목동 코어|코어 스위치", "10.63.0.1", "core"),
    ("hm102-la", "la-edge-router", "network", "running", PROD, LA, O_LA, "LA 라우터|LA 엣지 라우터", "10.63.192.1", "core"),
    ("hm103-as", "Haneul CDN (edge)", "network", "running", PROD, AS, O_PLAT, "씨디엔|CDN 엣지", "", "edge"),
    ("hm201-mk", "mdg-nas.audio", "storage", "running", PROD, MK, O_PLAY, "음원 스토리지|오디오 NAS", "10.63.0.5", "core"),
    ("hm202-bs", "bsn-backup", "storage", "running", DR, BS, O_PLAT, "부산 백업|백업 스토리지", "", "dr"),
    ("hm301-mk", "mdg-k8s-n1", "server", "running", PROD, MK, O_PLAT, "쿠버 노드 1|k8s 1번", "10.63.0.11", "core"),
    ("hm302-mk", "mdg-k8s-n2", "server", "running", PROD, MK, O_PLAT, "쿠버 노드 2|k8s 2번", "10.63.0.12", "core"),
    ("hm303-mk", "mdg-k8s-n3", "server", "running", PROD, MK, O_PLAT, "쿠버 노드 3|k8s 3번", "10.63.0.13", "core"),
    ("hm304-mk", "mdg-db-host", "server", "running", PROD, MK, O_PLAT, "목동 DB 서버|디비 물리서버", "10.63.0.21", "core"),
    ("hm305-bs", "bsn-esxi-01", "server", "running", PROD, BS, O_PLAT, "부산 ESXi|부산 가상화 서버", "10.63.64.11", "core"),
    ("hm306-la", "la-gke-node-1", "server", "running", PROD, LA, O_LA, "LA 노드 1|LA 워커 1", "10.63.192.11", "core"),
    ("hm307-la", "la-gke-node-2", "server", "running", PROD, LA, O_LA, "LA 노드 2|LA 워커 2", "10.63.192.12", "core"),
    ("hm401-as", "trn-1", "vm", "running", PROD, AS, O_PLAY, "트랜스코딩 1호|인코더 1", "10.63.96.101", "core"),
    ("hm402-as", "trn-2", "vm", "running", PROD, AS, O_PLAY, "트랜스코딩 2호|인코더 2", "10.63.96.102", "core"),
    ("hm403-la", "trn-3", "vm", "running", PROD, LA, O_LA, "트랜스코딩 3호|LA 인코더", "10.63.192.103", "core"),
    ("hm404-bs", "pay-link-vm", "vm", "running", PROD, BS, O_PAY, "결제 링크 VM|페이 VM", "10.63.64.104", "core"),
    ("hm405-bs", "lyrics.vm01", "vm", "running", PROD, BS, O_PAY, "가사 VM|가사 서버", "10.63.64.105", "core"),
    ("hm406-bs", "old-cms-vm", "vm", "stopped", RETIRED, BS, O_PLAT, "구 CMS VM|옛날 콘텐츠 관리 서버", "10.63.64.106", "core"),
    ("hm407-bs", "stg-ticket-vm", "vm", "maintenance", STG, BS, O_TIX, "스테이징 예매 VM|예매 스테이징", "10.63.64.107", "core"),
    ("hm501-mk", "ticket-db (primary)", "database", "running", PROD, MK, O_TIX, "티켓 DB|예매 디비", "10.63.0.201", "core"),
    ("hm502-mk", "user-pg", "database", "running", PROD, MK, O_PLAY, "회원 DB|유저 디비", "10.63.0.202", "core"),
    ("hm503-mk", "queue-redis", "database", "running", PROD, MK, O_TIX, "대기열 레디스|큐 캐시", "10.63.0.203", "core"),
    ("hm504-mk", "session-redis", "database", "running", PROD, MK, O_PLAY, "세션 레디스|세션 캐시", "10.63.0.204", "core"),
    ("hm505-bs", "pay-mysql", "database", "running", PROD, BS, O_PAY, "결제 DB|페이 마이에스큐엘", "10.63.64.205", "core"),
    ("hm506-bs", "lyrics-db", "database", "running", PROD, BS, O_PAY, "가사 DB|가사 디비", "10.63.64.206", "core"),
    ("hm507-la", "la-catalog-pg", "database", "running", PROD, LA, O_LA, "LA 카탈로그 DB|미국 카탈로그", "10.63.192.207", "core"),
    ("hm508-mk", "search-es", "database", "running", PROD, MK, O_PLAY, "검색 인덱스|검색 엘라스틱", "10.63.0.208", "core"),
    ("hm509-bs", "ticket-db replica", "database", "running", DR, BS, O_TIX, "티켓 DB 복제본|DR 예매 디비", "10.63.64.209", "dr"),
    ("hm601-mk", "playback-api", "app", "running", PROD, MK, O_PLAY, "재생 API|플레이백 서버", "10.63.0.31", "core"),
    ("hm602-mk", "reco-engine", "app", "running", PROD, MK, O_PLAY, "추천 엔진|플레이리스트 생성기", "10.63.0.32", "core"),
    ("hm603-mk", "search-api", "app", "running", PROD, MK, O_PLAY, "검색 API|곡 검색", "10.63.0.33", "core"),
    ("hm604-mk", "ticket-queue", "app", "running", PROD, MK, O_TIX, "대기열 서버|티켓 대기열", "10.63.0.34", "core"),
    ("hm605-bs", "pay.link", "app", "running", PROD, BS, O_PAY, "결제 링크|페이링크", "10.63.64.35", "core"),
    ("hm606-bs", "Lyrics Svc", "app", "running", PROD, BS, O_PAY, "가사 서비스|가사 API", "10.63.64.36", "core"),
    ("hm607-la", "playback-api-la", "app", "running", PROD, LA, O_LA, "LA 재생 API|미국 플레이백", "10.63.192.37", "core"),
    ("hm608-la", "transcode-ctl (LA)", "app", "running", PROD, LA, O_LA, "트랜스코딩 컨트롤러|인코딩 관제", "10.63.192.38", "core"),
    ("hm609-mk", "kafka-events", "app", "running", PROD, MK, O_PLAT, "카프카|이벤트 버스", "10.63.0.39", "core"),
    ("hm610-mk", "ticket-api", "app", "running", PROD, MK, O_TIX, "예매 API|티켓 API", "10.63.0.40", "core"),
    ("hm611-bs", "settle-batch", "app", "error", PROD, BS, O_PAY, "정산 배치|공연 정산", "10.63.64.41", "core"),
    ("hm612-as", "image-resizer", "app", "running", PROD, AS, O_PLAY, "앨범아트 리사이저|이미지 변환기", "10.63.96.42", "core"),
    ("hm701-mk", "mdg-lb-01", "load_balancer", "running", PROD, MK, O_PLAT, "메인 LB|목동 로드밸런서", "10.63.0.250", "core"),
    ("hm702-la", "la-lb", "load_balancer", "running", PROD, LA, O_LA, "LA LB|미국 로드밸런서", "10.63.192.250", "core"),
    ("hm801-mk", "Haneul Music App", "service", "running", PROD, MK, O_PLAY, "하늘뮤직 앱|뮤직 앱", "", "core"),
    ("hm802-mk", "Haneul Ticket", "service", "running", PROD, MK, O_TIX, "하늘티켓|예매 서비스", "", "core"),
    ("hm803-la", "Haneul Music US", "service", "running", PROD, LA, O_LA, "하늘뮤직 US|미국 서비스", "", "core"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE, LAR = "hm101-mk", "hm102-la"
RELATIONS = [
    (LAR, "CONNECTS_TO", CORE),
    ("hm301-mk", "CONNECTS_TO", CORE),
    ("hm302-mk", "CONNECTS_TO", CORE),
    ("hm303-mk", "CONNECTS_TO", CORE),
    ("hm304-mk", "CONNECTS_TO", CORE),
    ("hm305-bs", "CONNECTS_TO", CORE),
    ("hm306-la", "CONNECTS_TO", LAR),
    ("hm307-la", "CONNECTS_TO", LAR),
    ("hm201-mk", "CONNECTS_TO", CORE),
    ("hm202-bs", "CONNECTS_TO", CORE),
    ("hm701-mk", "CONNECTS_TO", CORE),
    ("hm702-la", "CONNECTS_TO", LAR),
    ("hm103-as", "CONNECTS_TO", "hm701-mk"),
    # hosting: HOSTS only on bsn-esxi-01, RUNS_ON elsewhere
    ("hm305-bs", "HOSTS", "hm404-bs"),
    ("hm305-bs", "HOSTS", "hm405-bs"),
    ("hm305-bs", "HOSTS", "hm406-bs"),
    ("hm305-bs", "HOSTS", "hm407-bs"),
    ("hm505-bs", "RUNS_ON", "hm305-bs"),
    ("hm509-bs", "RUNS_ON", "hm305-bs"),
    ("hm605-bs", "RUNS_ON", "hm404-bs"),
    ("hm611-bs", "RUNS_ON", "hm404-bs"),
    ("hm606-bs", "RUNS_ON", "hm405-bs"),
    ("hm506-bs", "RUNS_ON", "hm405-bs"),
    ("hm601-mk", "RUNS_ON", "hm301-mk"),
    ("hm610-mk", "RUNS_ON", "hm301-mk"),
    ("hm504-mk", "RUNS_ON", "hm301-mk"),
    ("hm602-mk", "RUNS_ON", "hm302-mk"),
    ("hm604-mk", "RUNS_ON", "hm302-mk"),
    ("hm503-mk", "RUNS_ON", "hm302-mk"),
    ("hm603-mk", "RUNS_ON", "hm303-mk"),
    ("hm609-mk", "RUNS_ON", "hm303-mk"),
    ("hm508-mk", "RUNS_ON", "hm303-mk"),
    ("hm501-mk", "RUNS_ON", "hm304-mk"),
    ("hm502-mk", "RUNS_ON", "hm304-mk"),
    ("hm607-la", "RUNS_ON", "hm306-la"),
    ("hm608-la", "RUNS_ON", "hm307-la"),
    ("hm507-la", "RUNS_ON", "hm307-la"),
    ("hm612-as", "RUNS_ON", "hm401-as"),
    # calls
    ("hm601-mk", "DEPENDS_ON", "hm502-mk"),
    ("hm601-mk", "DEPENDS_ON", "hm504-mk"),
    ("hm601-mk", "DEPENDS_ON", "hm609-mk"),
    ("hm601-mk", "DEPENDS_ON", "hm201-mk"),
    ("hm602-mk", "DEPENDS_ON", "hm609-mk"),
    ("hm602-mk", "DEPENDS_ON", "hm508-mk"),
    ("hm602-mk", "DEPENDS_ON", "hm502-mk"),
    ("hm603-mk", "DEPENDS_ON", "hm508-mk"),
    ("hm604-mk", "DEPENDS_ON", "hm503-mk"),
    ("hm604-mk", "DEPENDS_ON", "hm610-mk"),
    ("hm610-mk", "DEPENDS_ON", "hm501-mk"),
    ("hm610-mk", "DEPENDS_ON", "hm605-bs"),
    ("hm610-mk", "DEPENDS_ON", "hm502-mk"),
    ("hm605-bs", "DEPENDS_ON", "hm505-bs"),
    ("hm606-bs", "DEPENDS_ON", "hm506-bs"),
    ("hm607-la", "DEPENDS_ON", "hm507-la"),
    ("hm607-la", "DEPENDS_ON", "hm608-la"),
    ("hm607-la", "DEPENDS_ON", "hm606-bs"),
    ("hm608-la", "DEPENDS_ON", "hm403-la"),
    ("hm608-la", "DEPENDS_ON", "hm609-mk"),
    ("hm611-bs", "DEPENDS_ON", "hm501-mk"),
    ("hm611-bs", "DEPENDS_ON", "hm505-bs"),
    ("hm611-bs", "DEPENDS_ON", "hm202-bs"),
    ("hm612-as", "DEPENDS_ON", "hm201-mk"),
    ("hm401-as", "DEPENDS_ON", "hm201-mk"),
    ("hm402-as", "DEPENDS_ON", "hm201-mk"),
    ("hm509-bs", "DEPENDS_ON", "hm501-mk"),
    ("hm701-mk", "DEPENDS_ON", "hm601-mk"),
    ("hm701-mk", "DEPENDS_ON", "hm602-mk"),
    ("hm701-mk", "DEPENDS_ON", "hm603-mk"),
    ("hm701-mk", "DEPENDS_ON", "hm606-bs"),
    ("hm702-la", "DEPENDS_ON", "hm607-la"),
    ("hm801-mk", "DEPENDS_ON", "hm701-mk"),
    ("hm801-mk", "DEPENDS_ON", "hm103-as"),
    ("hm801-mk", "DEPENDS_ON", "hm612-as"),
    ("hm802-mk", "DEPENDS_ON", "hm604-mk"),
    ("hm803-la", "DEPENDS_ON", "hm702-la"),
    ("hm803-la", "DEPENDS_ON", "hm103-as"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: listen (Seoul commute 07-09 and evening 19-24 peaks, Sat-Sun x1.15), lalisten (the same on Los Angeles
#           time), ticket (Seoul 10-23, when fans book), nightly (transcoding batches 01-05 Seoul), lanightly (the same
#           on Los Angeles time), office (Seoul working days 09-18), flat
METRIC_PLAN = {
    "hm301-mk": {"cpu_usage": (28, 0.80, 1.4, "listen"), "mem_usage": (62, 0.05, 1.0, "listen"), "disk_usage": (41, 0, 0.2, "flat")},
    "hm302-mk": {"cpu_usage": (23, 0.80, 1.3, "ticket"), "mem_usage": (56, 0.05, 1.0, "ticket"), "disk_usage": (48, 0, 0.2, "flat")},
    "hm303-mk": {"cpu_usage": (20, 0.75, 1.3, "listen"), "mem_usage": (67, 0.05, 1.0, "listen"), "disk_usage": (54, 0, 0.2, "flat")},
    "hm304-mk": {"cpu_usage": (17, 0.70, 1.2, "listen"), "mem_usage": (73, 0.03, 0.8, "flat"), "disk_usage": (59, 0, 0.2, "flat")},
    "hm305-bs": {"cpu_usage": (15, 0.60, 1.1, "ticket"), "mem_usage": (64, 0.04, 0.9, "ticket"), "disk_usage": (63, 0, 0.2, "flat")},
    "hm306-la": {"cpu_usage": (19, 0.85, 1.2, "lalisten"), "mem_usage": (51, 0.05, 0.9, "lalisten"), "disk_usage": (36, 0, 0.2, "flat")},
    "hm307-la": {"cpu_usage": (13, 0.85, 1.2, "lalisten"), "mem_usage": (45, 0.05, 0.9, "lalisten"), "disk_usage": (33, 0, 0.2, "flat")},
    "hm401-as": {"cpu_usage": (24, 1.60, 1.5, "nightly"), "mem_usage": (58, 0.10, 0.9, "nightly"), "disk_usage": (44, 0, 0.2, "flat")},
    "hm402-as": {"cpu_usage": (21, 1.50, 1.4, "nightly"), "mem_usage": (53, 0.10, 0.9, "nightly"), "disk_usage": (47, 0, 0.2, "flat")},
    "hm403-la": {"cpu_usage": (18, 1.70, 1.3, "lanightly"), "mem_usage": (49, 0.10, 0.9, "lanightly"), "disk_usage": (39, 0, 0.2, "flat")},
    "hm404-bs": {"cpu_usage": (16, 0.85, 1.2, "ticket"), "mem_usage": (54, 0.05, 0.9, "ticket"), "disk_usage": (37, 0, 0.2, "flat")},
    "hm405-bs": {"cpu_usage": (11, 0.80, 1.0, "listen"), "mem_usage": (43, 0.05, 0.9, "listen"), "disk_usage": (29, 0, 0.2, "flat")},
    "hm406-bs": {"cpu_usage": (5, 0.40, 0.6, "office"), "mem_usage": (26, 0.03, 1.0, "flat"), "disk_usage": (81, 0, 0.2, "flat")},
    "hm407-bs": {"cpu_usage": (9, 0.60, 1.0, "office"), "mem_usage": (34, 0.03, 1.0, "office"), "disk_usage": (27, 0, 0.2, "flat")},
    "hm501-mk": {"cpu_usage": (26, 0.80, 1.3, "ticket"), "mem_usage": (77, 0.02, 0.6, "flat"), "disk_usage": (51, 0, 0.2, "flat")},
    "hm502-mk": {"cpu_usage": (31, 0.75, 1.3, "listen"), "mem_usage": (66, 0.02, 0.6, "flat"), "disk_usage": (45, 0, 0.2, "flat")},
    "hm503-mk": {"cpu_usage": (10, 0.90, 1.0, "ticket"), "mem_usage": (38, 0.06, 0.6, "ticket"), "disk_usage": (11, 0, 0.2, "flat")},
    "hm504-mk": {"cpu_usage": (13, 0.80, 1.0, "listen"), "mem_usage": (57, 0.04, 0.6, "listen"), "disk_usage": (14, 0, 0.2, "flat")},
    "hm505-bs": {"cpu_usage": (21, 0.80, 1.2, "ticket"), "mem_usage": (69, 0.02, 0.6, "flat"), "disk_usage": (56, 0, 0.2, "flat")},
    "hm506-bs": {"cpu_usage": (15, 0.80, 1.1, "listen"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (42, 0, 0.2, "flat")},
    "hm507-la": {"cpu_usage": (17, 0.85, 1.1, "lalisten"), "mem_usage": (63, 0.02, 0.6, "flat"), "disk_usage": (35, 0, 0.2, "flat")},
    "hm508-mk": {"cpu_usage": (27, 0.70, 1.3, "listen"), "mem_usage": (71, 0.03, 0.6, "flat"), "disk_usage": (66, 0, 0.2, "flat")},
    "hm509-bs": {"cpu_usage": (7, 0.20, 0.7, "flat"), "mem_usage": (59, 0.02, 0.6, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "hm601-mk": {"cpu_usage": (25, 0.90, 1.3, "listen"), "latency_ms": (120, 0.45, 3.0, "listen"), "error_rate": (0.05, 0.3, 0.010, "listen")},
    "hm602-mk": {"cpu_usage": (29, 0.85, 1.3, "listen"), "latency_ms": (410, 0.40, 9.0, "listen"), "error_rate": (0.06, 0.3, 0.012, "listen")},
    "hm603-mk": {"cpu_usage": (17, 0.85, 1.2, "listen"), "latency_ms": (85, 0.40, 2.5, "listen"), "error_rate": (0.04, 0.3, 0.008, "listen")},
    "hm604-mk": {"cpu_usage": (14, 0.90, 1.1, "ticket"), "latency_ms": (60, 0.45, 2.0, "ticket"), "error_rate": (0.03, 0.3, 0.006, "ticket")},
    "hm605-bs": {"cpu_usage": (15, 0.85, 1.1, "ticket"), "latency_ms": (350, 0.40, 8.0, "ticket"), "error_rate": (0.08, 0.3, 0.016, "ticket")},
    "hm606-bs": {"cpu_usage": (9, 0.80, 1.0, "listen"), "latency_ms": (150, 0.35, 4.0, "listen"), "error_rate": (0.05, 0.3, 0.010, "listen")},
    "hm607-la": {"cpu_usage": (18, 0.90, 1.1, "lalisten"), "latency_ms": (140, 0.45, 3.5, "lalisten"), "error_rate": (0.06, 0.3, 0.012, "lalisten")},
    "hm608-la": {"cpu_usage": (12, 0.90, 1.0, "lanightly"), "latency_ms": (230, 0.45, 6.0, "lanightly"), "error_rate": (0.07, 0.3, 0.014, "lanightly")},
    "hm609-mk": {"cpu_usage": (33, 0.70, 1.3, "listen"), "latency_ms": (11, 0.30, 0.4, "listen"), "error_rate": (0.02, 0.3, 0.004, "listen")},
    "hm610-mk": {"cpu_usage": (19, 0.90, 1.2, "ticket"), "latency_ms": (260, 0.45, 6.0, "ticket"), "error_rate": (0.07, 0.3, 0.014, "ticket")},
    "hm611-bs": {"cpu_usage": (6, 2.20, 0.9, "nightly"), "latency_ms": (1500, 0.30, 25.0, "nightly"), "error_rate": (1.60, 0.3, 0.10, "nightly")},
    "hm612-as": {"cpu_usage": (10, 0.80, 1.0, "listen"), "latency_ms": (190, 0.35, 4.5, "listen"), "error_rate": (0.05, 0.3, 0.010, "listen")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "hm406-bs": datetime(2063, 9, 20, 14, 0, tzinfo=KST),
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
    tz = LAX if kind.startswith("la") else KST
    base = kind[2:] if kind.startswith("la") else kind
    t = ts.astimezone(tz)
    h = t.hour + t.minute / 60.0
    if base == "listen":
        p = 0.10 + 0.35 * plateau(h, 7.0, 9.0) + 0.85 * plateau(h, 19.0, 24.0)
        if t.weekday() >= 5:
            p *= 1.15
        return p
    if base == "ticket":
        return 0.1 + 0.8 * plateau(h, 10.0, 23.0)
    if base == "nightly":
        return 0.05 + 0.5 * plateau(h, 1.0, 5.0)
    if base == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    return 0.0


def kst(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=KST)


def lax(y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=LAX).astimezone(KST)


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
    # level shift: the session cache's memory after the TTL change, from Mon 2063-09-17 10:00
    if code == "hm504-mk" and metric == "mem_usage" and ts >= kst(2063, 9, 17, 10):
        v += 12.0
    # growth: the audio NAS's neighbour, the user DB's disk, over the whole history
    if code == "hm502-mk" and metric == "disk_usage":
        v += 21.0 * ramp(ts, M_START, M_END)
    # 1. lyrics outage, Wed 2063-09-05 20:00-22:00 Seoul (hourly part: 20, 21)
    if within(ts, kst(2063, 9, 5, 20), kst(2063, 9, 5, 22)):
        if code == "hm606-bs" and metric == "latency_ms":
            v *= 5.0
        if code == "hm606-bs" and metric == "error_rate":
            v = 4.8 + rng.gauss(0, 0.3)
        if code == "hm506-bs" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.3)
        if code == "hm405-bs" and metric == "cpu_usage":
            v += 35
    # 2. LA transcoding backlog, Sat 2063-10-20 21:00-23:00 PDT = Sun 10-21 13:00-15:00 Seoul (hourly part)
    if within(ts, lax(2063, 10, 20, 21), lax(2063, 10, 20, 23)):
        if code == "hm403-la" and metric == "cpu_usage":
            v = 97 + rng.gauss(0, 0.4)
        if code == "hm608-la" and metric == "latency_ms":
            v *= 4.0
        if code == "hm608-la" and metric == "error_rate":
            v = 3.6 + rng.gauss(0, 0.2)
        if code == "hm607-la" and metric == "error_rate":
            v = 2.2 + rng.gauss(0, 0.2)
    # 3. recommendation slowdown, Thu 2063-11-08 08:00-10:00 Seoul (15-minute part)
    if within(ts, kst(2063, 11, 8, 8), kst(2063, 11, 8, 10)):
        if code == "hm602-mk" and metric == "latency_ms":
            v *= 4.0
        if code == "hm602-mk" and metric == "error_rate":
            v = 2.9 + rng.gauss(0, 0.2)
        if code == "hm508-mk" and metric == "cpu_usage":
            v += 40
    # 4. LA playback errors, Mon 2063-11-12 21:00-23:00 PST = Tue 11-13 14:00-16:00 Seoul (15-minute part)
    if within(ts, lax(2063, 11, 12, 21), lax(2063, 11, 12, 23)):
        if code == "hm607-la" and metric == "error_rate":
            v = 5.3 + rng.gauss(0, 0.3)
        if code == "hm607-la" and metric == "latency_ms":
            v *= 3.0
        if code == "hm507-la" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.5)
        if code == "hm307-la" and metric == "cpu_usage":
            v += 45
    # stg-ticket-vm in maintenance from Mon 2063-11-12 09:00: idle
    if code == "hm407-bs" and metric == "cpu_usage" and ts >= kst(2063, 11, 12, 9):
        v = 1.4 + rng.gauss(0, 0.2)
    # 5. ticket queue overload at the concert's ticket opening, from Wed 2063-11-14 11:00, ongoing at now
    if ts >= kst(2063, 11, 14, 11, 0):
        if code == "hm604-mk" and metric == "error_rate":
            v = 3.9 + rng.gauss(0, 0.3)
        if code == "hm604-mk" and metric == "latency_ms":
            v *= 6.0
        if code == "hm604-mk" and metric == "cpu_usage":
            v += 40
        if code == "hm302-mk" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "hm503-mk" and metric == "mem_usage":
            v += 38
        if code == "hm501-mk" and metric == "cpu_usage":
            v += 28
        if code == "hm605-bs" and metric == "latency_ms":
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
    (kst(2063, 8, 28, 2, 0), CORE, "change", "info", "목동 코어 스위치 펌웨어 업그레이드", "CHG-630828 night window"),
    (kst(2063, 9, 20, 14, 0), "hm406-bs", "change", "info", "구 CMS VM 전원 종료", "CHG-630920 CMS moved to the cloud"),
    # 1. lyrics outage (Wed 09-05)
    (kst(2063, 9, 5, 18, 30), "hm506-bs", "change", "info", "가사 DB 인덱스 재구성", "CHG-630905 rebuild of lyric indexes"),
    (kst(2063, 9, 5, 19, 40), "hm606-bs", "deploy", "info", "Lyrics Svc 3.2 배포", "release 3.2 synced lyrics"),
    (kst(2063, 9, 5, 20, 5), "hm606-bs", "incident", "critical", "가사 표시 실패", "INC-630905-01 lyrics missing in the player"),
    (kst(2063, 9, 5, 20, 15), "hm506-bs", "alert", "major", "lyrics-db CPU 95% 초과", "cpu_usage 95%"),
    (kst(2063, 9, 5, 22, 10), "hm606-bs", "change", "info", "Lyrics Svc 3.1.7 롤백", "rollback; lyrics back"),
    (kst(2063, 9, 17, 10, 0), "hm504-mk", "change", "info", "세션 레디스 TTL 연장", "CHG-630917 ttl 14d"),
    # 2. LA transcoding backlog (Sat 10-20 21:00-23:00 PDT)
    (lax(2063, 10, 20, 19, 30), "hm608-la", "change", "info", "LA transcode preset change", "CHG-631020 4K preset on"),
    (lax(2063, 10, 20, 20, 40), "hm608-la", "deploy", "info", "transcode-ctl 1.9 deploy", "release 1.9 parallel chunks"),
    (lax(2063, 10, 20, 21, 10), "hm608-la", "incident", "critical", "LA transcoding backlog", "INC-631020-01 new releases not playable in US"),
    (lax(2063, 10, 20, 21, 20), "hm403-la", "alert", "major", "trn-3 CPU over 95%", "cpu_usage 97%"),
    (lax(2063, 10, 20, 23, 20), "hm608-la", "change", "info", "transcode-ctl 1.8.4 rollback", "rollback; backlog drained"),
    # 3. recommendation slowdown (Thu 11-08)
    (kst(2063, 11, 8, 6, 30), "hm508-mk", "change", "info", "검색 인덱스 샤드 재배치", "CHG-631108 shard rebalance"),
    (kst(2063, 11, 8, 7, 40), "hm602-mk", "deploy", "info", "reco-engine 6.3 배포", "release 6.3 daily mix v2"),
    (kst(2063, 11, 8, 8, 10), "hm602-mk", "incident", "critical", "추천 플레이리스트 지연", "INC-631108-01 home feed empty"),
    (kst(2063, 11, 8, 8, 20), "hm602-mk", "alert", "major", "reco-engine 응답 1500ms 초과", "latency_ms 1700"),
    (kst(2063, 11, 8, 10, 20), "hm602-mk", "change", "info", "reco-engine 6.2.5 롤백", "rollback; feed recovered"),
    # 4. LA playback errors (Mon 11-12 21:00-23:00 PST)
    (kst(2063, 11, 12, 9, 0), "hm407-bs", "change", "info", "예매 스테이징 VM 점검 전환", "CHG-631112 maintenance"),
    (lax(2063, 11, 12, 19, 45), "hm507-la", "change", "info", "LA catalog vacuum settings", "CHG-631112-LA autovacuum off"),
    (lax(2063, 11, 12, 20, 30), "hm607-la", "deploy", "info", "playback-api-la 2.14 deploy", "release 2.14 hi-res streams"),
    (lax(2063, 11, 12, 21, 5), "hm607-la", "incident", "critical", "US playback errors", "INC-631112-01 songs skip in US app"),
    (lax(2063, 11, 12, 21, 15), "hm507-la", "alert", "major", "la-catalog-pg CPU over 90%", "cpu_usage 92%"),
    (lax(2063, 11, 12, 23, 25), "hm607-la", "change", "info", "playback-api-la 2.13.2 rollback", "rollback; playback normal"),
    (kst(2063, 11, 13, 3, 0), "hm611-bs", "alert", "minor", "정산 배치 오류 증가", "error_rate 2.1%"),
    # 5. ticket queue overload (Wed 11-14), ongoing
    (kst(2063, 11, 14, 9, 30), "hm503-mk", "change", "info", "대기열 레디스 maxmemory 조정", "CHG-631114 maxmemory 8gb"),
    (kst(2063, 11, 14, 10, 20), "hm604-mk", "deploy", "info", "ticket-queue 4.4 배포", "release 4.4 fair queue tokens"),
    (kst(2063, 11, 14, 11, 3), "hm604-mk", "incident", "critical", "티켓 대기열 접속 오류", "INC-631114-01 fans stuck at the queue page"),
    (kst(2063, 11, 14, 11, 8), "hm302-mk", "alert", "major", "mdg-k8s-n2 CPU 90% 초과", "cpu_usage 93%"),
]

BUILD_APPS = ["hm601-mk", "hm603-mk", "hm606-bs", "hm610-mk", "hm612-as", "hm609-mk"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2063, 11, 5)
    n = 0
    while day < kst(2063, 11, 12):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([10, 11, 15, 16]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} build #{430 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "daysago:2", "last:24h", "last:1h", "last:30m", "last:3h", "last:3d", "last:7d", "last:30d", "thisweek", "lastweek", "thismonth", "lastmonth", "month:2063-09", "month:2063-10", "day:2063-09-05", "day:2063-10-21", "day:2063-11-08", "day:2063-11-13", "span:2063-11-12T00:00-08:00/2063-11-13T00:00-08:00", "span:2063-10-20T21:00-07:00/2063-10-20T23:00-07:00", "span:2063-11-12T21:00-08:00/2063-11-12T23:00-08:00", "since:2063-11-14T11:00", "span:2063-11-14T10:25/2063-11-14T11:25"):
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
