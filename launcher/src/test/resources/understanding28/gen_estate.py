#!/usr/bin/env python3
"""Deterministic generator for the "Ttaengi Eats" (땡이이츠) food-delivery platform estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids DL###, halves "dev32" / "test28") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding27/gen_estate.py, copied unchanged from
event_checks() onwards except the ranges that --summary prints.  The estate (a food-delivery
platform: order API, rider dispatch, the restaurant partner portal, menu search, a payment link,
a coupon engine, push notifications, maps/ETA, kafka, redis, postgres/mysql, k8s worker nodes,
VMs, load balancers and a CDN, in the Pangyo IDC, the Gasan DC, AWS Seoul and AWS Singapore — a
foreign region on Singapore time, UTC+8), the clock (Friday 4 March 2061, 19:10 Seoul, the dinner
peak), the sampling (hourly from Monday 6 December 2060, every 15 minutes from Monday 21 February
2061, every minute from 18:10 today), the names, the personas and the questions differ.  Ranges of
the Singapore questions are written as spans with a +08:00 offset.  See README.md.

Spec grammar: as in ../understanding27/gen_estate.py (persona tags `# P<n> ...`).
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
HALVES = ("dev32", "test28")
ID_PREFIX = "DL"
TAG_LETTER = "P"
SEED = 20610304
KST = timezone(timedelta(hours=9))
SGT = timezone(timedelta(hours=8))
UTC = timezone.utc

NOW = datetime(2061, 3, 4, 19, 10, tzinfo=KST)           # Friday 19:10 Seoul, the dinner peak
M_START = datetime(2060, 12, 6, 0, 0, tzinfo=KST)        # hourly from Monday 6 December 2060 ...
MID_START = datetime(2061, 2, 21, 0, 0, tzinfo=KST)      # ... every 15 minutes from Monday 21 February ...
FINE_START = datetime(2061, 3, 4, 18, 10, tzinfo=KST)    # ... every minute from 18:10 today
M_END = NOW                                              # inclusive: the last sample is at 19:10:00 itself
STEP_1H = timedelta(hours=1)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
# 삼일절, Tue 2061-03-01, is a public holiday (office profile)
KR_HOLIDAYS = {(2061, 3, 1)}


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# codes: a class letter (n network, s storage, h server, v vm, d database, a app, l load balancer,
#        c service) and two digits, "@" and a three-letter site (pgy, gsn, sel, sgp): "a02@pgy"
# locations: Pangyo IDC, Gasan DC, AWS Seoul, AWS Singapore
# owners: people; environments: prod, stg, retired, dr
# --------------------------------------------------------------------------------------
PG, GS, SE, SG = "Pangyo IDC", "Gasan DC", "AWS Seoul", "AWS Singapore"
PROD, STG, RETIRED, DR = "prod", "stg", "retired", "dr"
O_PLAT, O_ORDER, O_RIDER, O_PAY, O_SG = ("Kang Jiwoo", "Baek Seoyeon", "Moon Hyunwoo", "Yoo Nari", "Tan Wei Ming")
CIS = [
    ("n01@pgy", "pgy-core-sw", "network", "running", PROD, PG, O_PLAT, "판교 코어|코어 스위치", "10.61.0.1", "core"),
    ("n02@sgp", "sg-transit-gw", "network", "running", PROD, SG, O_SG, "싱가포르 TGW|SG 게이트웨이", "10.61.128.1", "core"),
    ("n03@sel", "ttg-cdn", "network", "running", PROD, SE, O_PLAT, "씨디엔|이미지 CDN", "", "edge"),
    ("s01@pgy", "pgy-nas01", "storage", "running", PROD, PG, O_PLAT, "판교 NAS|정산 파일 스토리지", "10.61.0.5", "core"),
    ("s02@gsn", "gsn-backup-store", "storage", "running", DR, GS, O_PLAT, "가산 백업|백업 스토리지", "", "dr"),
    ("h01@pgy", "pgy-k8s-w01", "server", "running", PROD, PG, O_PLAT, "쿠버 워커 1번|k8s 1호기", "10.61.0.11", "core"),
    ("h02@pgy", "pgy-k8s-w02", "server", "running", PROD, PG, O_PLAT, "쿠버 워커 2번|k8s 2호기", "10.61.0.12", "core"),
    ("h03@pgy", "pgy-k8s-w03", "server", "running", PROD, PG, O_PLAT, "쿠버 워커 3번|k8s 3호기", "10.61.0.13", "core"),
    ("h04@pgy", "pgy-db-01", "server", "running", PROD, PG, O_PLAT, "판교 디비 서버|DB 물리서버", "10.61.0.21", "core"),
    ("h05@gsn", "gsn-esxi-01", "server", "running", PROD, GS, O_PLAT, "가산 가상화 서버|가산 ESXi", "10.61.64.11", "core"),
    ("h06@sgp", "sg-eks-node-a", "server", "running", PROD, SG, O_SG, "싱가포르 노드|SG 워커", "10.61.128.11", "core"),
    ("v01@gsn", "pay-vm01", "vm", "running", PROD, GS, O_PAY, "결제 VM 1호|페이 서버 1", "10.61.64.101", "core"),
    ("v02@gsn", "pay-vm02", "vm", "running", PROD, GS, O_PAY, "결제 VM 2호|페이 서버 2", "10.61.64.102", "core"),
    ("v03@gsn", "partner-vm", "vm", "running", PROD, GS, O_PAY, "사장님 포털 VM|파트너 서버", "10.61.64.103", "core"),
    ("v04@sel", "push-vm", "vm", "running", PROD, SE, O_ORDER, "푸시 VM|알림 발송 서버", "10.61.96.104", "core"),
    ("v05@sel", "eta-vm", "vm", "running", PROD, SE, O_RIDER, "ETA VM|지도 서버", "10.61.96.105", "core"),
    ("v06@gsn", "settle-vm", "vm", "running", PROD, GS, O_PAY, "정산 VM|정산 서버", "10.61.64.106", "core"),
    ("v07@gsn", "old-admin-vm", "vm", "stopped", RETIRED, GS, O_PLAT, "구 어드민 VM|옛날 관리자 서버", "10.61.64.107", "core"),
    ("v08@gsn", "stg-order-vm", "vm", "maintenance", STG, GS, O_ORDER, "스테이징 주문 VM|주문 스테이징", "10.61.64.108", "core"),
    ("d01@pgy", "orders-pg", "database", "running", PROD, PG, O_ORDER, "주문 DB|오더 디비", "10.61.0.201", "core"),
    ("d02@pgy", "rider-pg", "database", "running", PROD, PG, O_RIDER, "라이더 DB|배차 디비", "10.61.0.202", "core"),
    ("d03@gsn", "pay-mysql", "database", "running", PROD, GS, O_PAY, "결제 DB|페이 마이에스큐엘", "10.61.64.203", "core"),
    ("d04@pgy", "coupon-redis", "database", "running", PROD, PG, O_ORDER, "쿠폰 캐시|쿠폰 레디스", "10.61.0.204", "core"),
    ("d05@pgy", "session-redis", "database", "running", PROD, PG, O_ORDER, "세션 캐시|세션 레디스", "10.61.0.205", "core"),
    ("d06@sgp", "sg-orders-pg", "database", "running", PROD, SG, O_SG, "싱가포르 주문 DB|SG 오더 디비", "10.61.128.206", "core"),
    ("d07@gsn", "orders-pg-replica", "database", "running", DR, GS, O_ORDER, "주문 DB 복제본|DR 주문 디비", "10.61.64.207", "dr"),
    ("d08@pgy", "menu-es", "database", "running", PROD, PG, O_ORDER, "메뉴 엘라스틱|검색 인덱스", "10.61.0.208", "core"),
    ("a01@pgy", "order-api", "app", "running", PROD, PG, O_ORDER, "주문 API|오더 API", "10.61.0.31", "core"),
    ("a02@pgy", "rider-dispatch", "app", "running", PROD, PG, O_RIDER, "라이더 배차|배차 엔진", "10.61.0.32", "core"),
    ("a03@pgy", "menu-search", "app", "running", PROD, PG, O_ORDER, "메뉴 검색|검색 API", "10.61.0.33", "core"),
    ("a04@gsn", "partner-portal", "app", "running", PROD, GS, O_PAY, "사장님 포털|파트너 포털", "10.61.64.34", "core"),
    ("a05@gsn", "paylink", "app", "running", PROD, GS, O_PAY, "결제 연동|페이링크", "10.61.64.35", "core"),
    ("a06@pgy", "coupon-engine", "app", "running", PROD, PG, O_ORDER, "쿠폰 엔진|쿠폰 서버", "10.61.0.36", "core"),
    ("a07@sel", "push-sender", "app", "running", PROD, SE, O_ORDER, "푸시 발송|알림톡 서버", "10.61.96.37", "core"),
    ("a08@sel", "eta-maps", "app", "running", PROD, SE, O_RIDER, "도착 예정 시간|지도 API", "10.61.96.38", "core"),
    ("a09@sgp", "sg-order-api", "app", "running", PROD, SG, O_SG, "싱가포르 주문 API|SG 오더", "10.61.128.39", "core"),
    ("a10@sgp", "sg-rider-dispatch", "app", "running", PROD, SG, O_SG, "싱가포르 배차|SG 배차", "10.61.128.40", "core"),
    ("a11@gsn", "settle-batch", "app", "error", PROD, GS, O_PAY, "정산 배치|사장님 정산", "10.61.64.41", "core"),
    ("a12@gsn", "review-svc", "app", "running", PROD, GS, O_ORDER, "리뷰 서비스|별점 리뷰", "10.61.64.42", "core"),
    ("a13@pgy", "kafka-main", "app", "running", PROD, PG, O_PLAT, "카프카|메시지 큐", "10.61.0.43", "core"),
    ("l01@pgy", "ttg-alb-main", "load_balancer", "running", PROD, PG, O_PLAT, "메인 LB|앱 로드밸런서", "10.61.0.250", "core"),
    ("l02@sgp", "sg-alb", "load_balancer", "running", PROD, SG, O_SG, "싱가포르 LB|SG 로드밸런서", "10.61.128.250", "core"),
    ("c01@pgy", "Ttaengi Eats App", "service", "running", PROD, PG, O_ORDER, "땡이이츠 앱|배달앱", "", "core"),
    ("c02@gsn", "Partner Center", "service", "running", PROD, GS, O_PAY, "사장님 센터|파트너 센터", "", "core"),
    ("c03@sgp", "Ttaengi SG", "service", "running", PROD, SG, O_SG, "땡이 싱가포르|SG 서비스", "", "core"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE, TGW = "n01@pgy", "n02@sgp"
RELATIONS = [
    (TGW, "CONNECTS_TO", CORE),
    ("h01@pgy", "CONNECTS_TO", CORE),
    ("h02@pgy", "CONNECTS_TO", CORE),
    ("h03@pgy", "CONNECTS_TO", CORE),
    ("h04@pgy", "CONNECTS_TO", CORE),
    ("h05@gsn", "CONNECTS_TO", CORE),
    ("h06@sgp", "CONNECTS_TO", TGW),
    ("s01@pgy", "CONNECTS_TO", CORE),
    ("s02@gsn", "CONNECTS_TO", CORE),
    ("l01@pgy", "CONNECTS_TO", CORE),
    ("l02@sgp", "CONNECTS_TO", TGW),
    ("n03@sel", "CONNECTS_TO", "l01@pgy"),
    # hosting: HOSTS only on gsn-esxi-01, RUNS_ON elsewhere
    ("h05@gsn", "HOSTS", "v01@gsn"),
    ("h05@gsn", "HOSTS", "v02@gsn"),
    ("h05@gsn", "HOSTS", "v03@gsn"),
    ("h05@gsn", "HOSTS", "v06@gsn"),
    ("h05@gsn", "HOSTS", "v07@gsn"),
    ("h05@gsn", "HOSTS", "v08@gsn"),
    ("d07@gsn", "RUNS_ON", "h05@gsn"),
    ("a01@pgy", "RUNS_ON", "h01@pgy"),
    ("a06@pgy", "RUNS_ON", "h01@pgy"),
    ("a02@pgy", "RUNS_ON", "h02@pgy"),
    ("d04@pgy", "RUNS_ON", "h02@pgy"),
    ("d05@pgy", "RUNS_ON", "h02@pgy"),
    ("a03@pgy", "RUNS_ON", "h03@pgy"),
    ("a13@pgy", "RUNS_ON", "h03@pgy"),
    ("d08@pgy", "RUNS_ON", "h03@pgy"),
    ("d01@pgy", "RUNS_ON", "h04@pgy"),
    ("d02@pgy", "RUNS_ON", "h04@pgy"),
    ("a05@gsn", "RUNS_ON", "v01@gsn"),
    ("d03@gsn", "RUNS_ON", "v02@gsn"),
    ("a04@gsn", "RUNS_ON", "v03@gsn"),
    ("a12@gsn", "RUNS_ON", "v03@gsn"),
    ("a11@gsn", "RUNS_ON", "v06@gsn"),
    ("a07@sel", "RUNS_ON", "v04@sel"),
    ("a08@sel", "RUNS_ON", "v05@sel"),
    ("a09@sgp", "RUNS_ON", "h06@sgp"),
    ("a10@sgp", "RUNS_ON", "h06@sgp"),
    ("d06@sgp", "RUNS_ON", "h06@sgp"),
    # calls
    ("a01@pgy", "DEPENDS_ON", "d01@pgy"),
    ("a01@pgy", "DEPENDS_ON", "a06@pgy"),
    ("a01@pgy", "DEPENDS_ON", "a05@gsn"),
    ("a01@pgy", "DEPENDS_ON", "a13@pgy"),
    ("a01@pgy", "DEPENDS_ON", "d05@pgy"),
    ("a02@pgy", "DEPENDS_ON", "d02@pgy"),
    ("a02@pgy", "DEPENDS_ON", "a08@sel"),
    ("a02@pgy", "DEPENDS_ON", "a13@pgy"),
    ("a03@pgy", "DEPENDS_ON", "d08@pgy"),
    ("a04@gsn", "DEPENDS_ON", "d01@pgy"),
    ("a04@gsn", "DEPENDS_ON", "a12@gsn"),
    ("a05@gsn", "DEPENDS_ON", "d03@gsn"),
    ("a06@pgy", "DEPENDS_ON", "d04@pgy"),
    ("a07@sel", "DEPENDS_ON", "a13@pgy"),
    ("a09@sgp", "DEPENDS_ON", "d06@sgp"),
    ("a09@sgp", "DEPENDS_ON", "a05@gsn"),
    ("a09@sgp", "DEPENDS_ON", "a10@sgp"),
    ("a10@sgp", "DEPENDS_ON", "a08@sel"),
    ("a11@gsn", "DEPENDS_ON", "d01@pgy"),
    ("a11@gsn", "DEPENDS_ON", "d03@gsn"),
    ("a11@gsn", "DEPENDS_ON", "s01@pgy"),
    ("a12@gsn", "DEPENDS_ON", "d01@pgy"),
    ("d07@gsn", "DEPENDS_ON", "d01@pgy"),
    ("l01@pgy", "DEPENDS_ON", "a01@pgy"),
    ("l01@pgy", "DEPENDS_ON", "a02@pgy"),
    ("l01@pgy", "DEPENDS_ON", "a03@pgy"),
    ("l02@sgp", "DEPENDS_ON", "a09@sgp"),
    ("c01@pgy", "DEPENDS_ON", "l01@pgy"),
    ("c01@pgy", "DEPENDS_ON", "a07@sel"),
    ("c01@pgy", "DEPENDS_ON", "n03@sel"),
    ("c02@gsn", "DEPENDS_ON", "a04@gsn"),
    ("c02@gsn", "DEPENDS_ON", "a11@gsn"),
    ("c03@sgp", "DEPENDS_ON", "l02@sgp"),
    ("c03@sgp", "DEPENDS_ON", "a07@sel"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: meal (Seoul lunch 11-14 and dinner 17-21 peaks, Fri-Sun x1.2), sgmeal (the same on Singapore time),
#           office (Seoul working days 09-18; 삼일절 is a holiday), partner (every day 09-23, restaurants' opening
#           hours), nightly (every night 02-05), flat
METRIC_PLAN = {
    "h01@pgy": {"cpu_usage": (26, 0.80, 1.4, "meal"), "mem_usage": (61, 0.05, 1.0, "meal"), "disk_usage": (42, 0, 0.2, "flat")},
    "h02@pgy": {"cpu_usage": (24, 0.80, 1.3, "meal"), "mem_usage": (57, 0.05, 1.0, "meal"), "disk_usage": (47, 0, 0.2, "flat")},
    "h03@pgy": {"cpu_usage": (21, 0.75, 1.3, "meal"), "mem_usage": (66, 0.05, 1.0, "meal"), "disk_usage": (53, 0, 0.2, "flat")},
    "h04@pgy": {"cpu_usage": (19, 0.70, 1.2, "meal"), "mem_usage": (71, 0.03, 0.8, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "h05@gsn": {"cpu_usage": (17, 0.60, 1.1, "partner"), "mem_usage": (64, 0.04, 0.9, "partner"), "disk_usage": (62, 0, 0.2, "flat")},
    "h06@sgp": {"cpu_usage": (15, 0.85, 1.2, "sgmeal"), "mem_usage": (52, 0.05, 0.9, "sgmeal"), "disk_usage": (37, 0, 0.2, "flat")},
    "v01@gsn": {"cpu_usage": (20, 0.85, 1.3, "meal"), "mem_usage": (55, 0.05, 0.9, "meal"), "disk_usage": (39, 0, 0.2, "flat")},
    "v02@gsn": {"cpu_usage": (18, 0.80, 1.2, "meal"), "mem_usage": (68, 0.03, 0.8, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "v03@gsn": {"cpu_usage": (13, 0.80, 1.1, "partner"), "mem_usage": (49, 0.05, 0.9, "partner"), "disk_usage": (45, 0, 0.2, "flat")},
    "v04@sel": {"cpu_usage": (16, 0.90, 1.2, "meal"), "mem_usage": (46, 0.05, 0.9, "meal"), "disk_usage": (31, 0, 0.2, "flat")},
    "v05@sel": {"cpu_usage": (22, 0.85, 1.3, "meal"), "mem_usage": (58, 0.05, 0.9, "meal"), "disk_usage": (34, 0, 0.2, "flat")},
    "v06@gsn": {"cpu_usage": (9, 2.00, 1.0, "nightly"), "mem_usage": (44, 0.10, 0.8, "nightly"), "disk_usage": (57, 0, 0.2, "flat")},
    "v07@gsn": {"cpu_usage": (5, 0.40, 0.6, "office"), "mem_usage": (27, 0.03, 1.0, "flat"), "disk_usage": (83, 0, 0.2, "flat")},
    "v08@gsn": {"cpu_usage": (8, 0.60, 1.0, "office"), "mem_usage": (36, 0.03, 1.0, "office"), "disk_usage": (29, 0, 0.2, "flat")},
    "d01@pgy": {"cpu_usage": (31, 0.75, 1.3, "meal"), "mem_usage": (76, 0.02, 0.6, "flat"), "disk_usage": (52, 0, 0.2, "flat")},
    "d02@pgy": {"cpu_usage": (23, 0.80, 1.2, "meal"), "mem_usage": (63, 0.02, 0.6, "flat"), "disk_usage": (46, 0, 0.2, "flat")},
    "d03@gsn": {"cpu_usage": (21, 0.80, 1.2, "meal"), "mem_usage": (67, 0.02, 0.6, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    "d04@pgy": {"cpu_usage": (14, 0.80, 1.1, "meal"), "mem_usage": (72, 0.03, 0.6, "meal"), "disk_usage": (12, 0, 0.2, "flat")},
    "d05@pgy": {"cpu_usage": (12, 0.80, 1.0, "meal"), "mem_usage": (54, 0.04, 0.6, "meal"), "disk_usage": (15, 0, 0.2, "flat")},
    "d06@sgp": {"cpu_usage": (17, 0.85, 1.1, "sgmeal"), "mem_usage": (59, 0.02, 0.6, "flat"), "disk_usage": (38, 0, 0.2, "flat")},
    "d07@gsn": {"cpu_usage": (8, 0.20, 0.7, "flat"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (50, 0, 0.2, "flat")},
    "d08@pgy": {"cpu_usage": (27, 0.70, 1.3, "meal"), "mem_usage": (69, 0.03, 0.6, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "a01@pgy": {"cpu_usage": (23, 0.90, 1.3, "meal"), "latency_ms": (180, 0.45, 4.0, "meal"), "error_rate": (0.06, 0.3, 0.012, "meal")},
    "a02@pgy": {"cpu_usage": (21, 0.90, 1.2, "meal"), "latency_ms": (240, 0.45, 5.0, "meal"), "error_rate": (0.07, 0.3, 0.014, "meal")},
    "a03@pgy": {"cpu_usage": (18, 0.85, 1.2, "meal"), "latency_ms": (95, 0.40, 2.5, "meal"), "error_rate": (0.04, 0.3, 0.008, "meal")},
    "a04@gsn": {"cpu_usage": (11, 0.80, 1.0, "partner"), "latency_ms": (520, 0.35, 11.0, "partner"), "error_rate": (0.09, 0.3, 0.018, "partner")},
    "a05@gsn": {"cpu_usage": (16, 0.85, 1.1, "meal"), "latency_ms": (330, 0.40, 8.0, "meal"), "error_rate": (0.08, 0.3, 0.016, "meal")},
    "a06@pgy": {"cpu_usage": (14, 0.85, 1.1, "meal"), "latency_ms": (70, 0.40, 2.0, "meal"), "error_rate": (0.03, 0.3, 0.006, "meal")},
    "a07@sel": {"cpu_usage": (12, 0.95, 1.0, "meal"), "latency_ms": (140, 0.40, 3.5, "meal"), "error_rate": (0.05, 0.3, 0.010, "meal")},
    "a08@sel": {"cpu_usage": (19, 0.85, 1.2, "meal"), "latency_ms": (210, 0.40, 5.0, "meal"), "error_rate": (0.05, 0.3, 0.010, "meal")},
    "a09@sgp": {"cpu_usage": (15, 0.90, 1.1, "sgmeal"), "latency_ms": (260, 0.45, 6.0, "sgmeal"), "error_rate": (0.07, 0.3, 0.014, "sgmeal")},
    "a10@sgp": {"cpu_usage": (13, 0.90, 1.0, "sgmeal"), "latency_ms": (290, 0.45, 6.5, "sgmeal"), "error_rate": (0.06, 0.3, 0.012, "sgmeal")},
    "a11@gsn": {"cpu_usage": (7, 2.20, 0.9, "nightly"), "latency_ms": (1300, 0.30, 25.0, "nightly"), "error_rate": (1.40, 0.3, 0.10, "nightly")},
    "a12@gsn": {"cpu_usage": (10, 0.80, 1.0, "partner"), "latency_ms": (160, 0.35, 4.0, "partner"), "error_rate": (0.05, 0.3, 0.010, "partner")},
    "a13@pgy": {"cpu_usage": (28, 0.70, 1.3, "meal"), "latency_ms": (12, 0.30, 0.4, "meal"), "error_rate": (0.02, 0.3, 0.004, "meal")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "v07@gsn": datetime(2061, 1, 10, 11, 0, tzinfo=KST),
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
    if kind in ("meal", "sgmeal"):
        t = ts.astimezone(KST if kind == "meal" else SGT)
        h = t.hour + t.minute / 60.0
        p = 0.10 + 0.45 * plateau(h, 11.0, 14.0) + 0.85 * plateau(h, 17.0, 21.0)
        if t.weekday() >= 4:
            p *= 1.2
        return p
    t = ts.astimezone(KST)
    h = hour_of(ts)
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    if kind == "partner":
        return 0.1 + 0.8 * plateau(h, 9.0, 23.0)
    if kind == "nightly":
        return 0.05 + 0.4 * plateau(h, 2.0, 5.0)
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
    """Planted episodes, lined up with events (Seoul time unless said)."""
    # level shift: the session cache's memory after the TTL change, from Tue 2061-02-01 10:00
    if code == "d05@pgy" and metric == "mem_usage" and ts >= kst(2061, 2, 1, 10):
        v += 11.0
    # growth: the orders DB's disk over the whole history
    if code == "d01@pgy" and metric == "disk_usage":
        v += 19.0 * ramp(ts, M_START, M_END)
    # 1. menu search outage, Thu 2061-01-20 11:00-13:00 (hourly part: 11, 12)
    if within(ts, kst(2061, 1, 20, 11), kst(2061, 1, 20, 13)):
        if code == "a03@pgy" and metric == "latency_ms":
            v *= 6.0
        if code == "a03@pgy" and metric == "error_rate":
            v = 5.8 + rng.gauss(0, 0.3)
        if code == "d08@pgy" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.3)
        if code == "d08@pgy" and metric == "mem_usage":
            v += 20
    # 2. Valentine's coupon overload, Mon 2061-02-14 17:00-20:00 (hourly part: 17, 18, 19)
    if within(ts, kst(2061, 2, 14, 17), kst(2061, 2, 14, 20)):
        if code == "a06@pgy" and metric == "error_rate":
            v = 6.2 + rng.gauss(0, 0.3)
        if code == "a06@pgy" and metric == "latency_ms":
            v *= 5.0
        if code == "h01@pgy" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.4)
        if code == "d04@pgy" and metric == "cpu_usage":
            v += 30
    # 3. Singapore payment failures, Sat 2061-02-26 12:00-14:00 Singapore time = 13:00-15:00 Seoul (15-minute part)
    if within(ts, kst(2061, 2, 26, 13), kst(2061, 2, 26, 15)):
        if code == "a09@sgp" and metric == "error_rate":
            v = 5.1 + rng.gauss(0, 0.3)
        if code == "a05@gsn" and metric == "latency_ms":
            v *= 3.0
        if code == "a05@gsn" and metric == "error_rate":
            v = 2.4 + rng.gauss(0, 0.2)
        if code == "d03@gsn" and metric == "cpu_usage":
            v += 25
    # stg-order-vm in maintenance from Wed 2061-03-02 10:00: idle
    if code == "v08@gsn" and metric == "cpu_usage" and ts >= kst(2061, 3, 2, 10):
        v = 1.5 + rng.gauss(0, 0.2)
    # 4. rider dispatch slowness at the dinner peak, from Fri 2061-03-04 18:30, ongoing at now
    if ts >= kst(2061, 3, 4, 18, 30):
        if code == "a02@pgy" and metric == "error_rate":
            v = 4.2 + rng.gauss(0, 0.3)
        if code == "a02@pgy" and metric == "latency_ms":
            v *= 4.0
        if code == "h02@pgy" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.5)
        if code == "d02@pgy" and metric == "cpu_usage":
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
    (kst(2060, 12, 15, 2, 0), CORE, "change", "info", "판교 코어 스위치 OS 업그레이드", "CHG-601215 night window"),
    (kst(2061, 1, 10, 11, 0), "v07@gsn", "change", "info", "구 어드민 VM 전원 종료", "CHG-610110 admin moved to partner-portal"),
    # 1. menu search outage (Thu 01-20)
    (kst(2061, 1, 20, 9, 30), "d08@pgy", "change", "info", "메뉴 인덱스 재색인", "CHG-610120 full reindex of menus"),
    (kst(2061, 1, 20, 10, 40), "a03@pgy", "deploy", "info", "menu-search 5.6 배포", "release 5.6 typo-tolerant search"),
    (kst(2061, 1, 20, 11, 5), "a03@pgy", "incident", "critical", "메뉴 검색 타임아웃", "INC-610120-01 search returns nothing at lunch"),
    (kst(2061, 1, 20, 11, 15), "d08@pgy", "alert", "major", "menu-es CPU 95% 초과", "cpu_usage 96%"),
    (kst(2061, 1, 20, 13, 20), "a03@pgy", "change", "info", "menu-search 5.5.3 롤백", "rollback; search recovered"),
    (kst(2061, 2, 1, 10, 0), "d05@pgy", "change", "info", "세션 캐시 TTL 연장", "CHG-610201 ttl 30d"),
    # 2. Valentine's coupon overload (Mon 02-14)
    (kst(2061, 2, 14, 15, 0), "d04@pgy", "change", "info", "쿠폰 캐시 eviction 정책 변경", "CHG-610214 allkeys-lfu"),
    (kst(2061, 2, 14, 16, 20), "a06@pgy", "deploy", "info", "coupon-engine 7.2 배포", "release 7.2 valentine coupons"),
    (kst(2061, 2, 14, 17, 10), "a06@pgy", "incident", "critical", "쿠폰 적용 실패", "INC-610214-01 coupons rejected at checkout"),
    (kst(2061, 2, 14, 17, 20), "h01@pgy", "alert", "major", "pgy-k8s-w01 CPU 90% 초과", "cpu_usage 94%"),
    (kst(2061, 2, 14, 20, 30), "a06@pgy", "change", "info", "coupon-engine 7.1.4 롤백", "rollback; coupons applied again"),
    # 3. Singapore payment failures (Sat 02-26, 12:00-14:00 Singapore time)
    (kst(2061, 2, 26, 11, 0), "d03@gsn", "change", "info", "결제 DB 커넥션 풀 축소", "CHG-610226 max connections 200"),
    (kst(2061, 2, 26, 12, 30), "a05@gsn", "deploy", "info", "paylink 4.1 배포", "release 4.1 SGD card routing"),
    (kst(2061, 2, 26, 13, 10), "a09@sgp", "incident", "critical", "싱가포르 결제 실패", "INC-610226-01 card payments declined in SG"),
    (kst(2061, 2, 26, 13, 20), "a05@gsn", "alert", "major", "paylink 지연 900ms 초과", "latency_ms 1000"),
    (kst(2061, 2, 26, 15, 20), "a05@gsn", "change", "info", "paylink 4.0.9 롤백", "rollback; payments recovered"),
    (kst(2061, 3, 2, 10, 0), "v08@gsn", "change", "info", "주문 스테이징 VM 점검 전환", "CHG-610302 maintenance"),
    (kst(2061, 3, 3, 3, 0), "a11@gsn", "alert", "minor", "정산 배치 오류 증가", "error_rate 1.9%"),
    # 4. rider dispatch slowness (Fri 03-04), ongoing
    (kst(2061, 3, 4, 16, 0), "a08@sel", "change", "info", "ETA 지도 타일 설정 변경", "CHG-610304 tile cache 5m"),
    (kst(2061, 3, 4, 18, 5), "a02@pgy", "deploy", "info", "rider-dispatch 2.8 배포", "release 2.8 batch assignment"),
    (kst(2061, 3, 4, 18, 35), "a02@pgy", "incident", "critical", "라이더 배차 지연", "INC-610304-01 orders wait 5 min for a rider"),
    (kst(2061, 3, 4, 18, 40), "h02@pgy", "alert", "major", "pgy-k8s-w02 CPU 90% 초과", "cpu_usage 91%"),
]

BUILD_APPS = ["a01@pgy", "a04@gsn", "a07@sel", "a09@sgp", "a12@gsn", "a13@pgy"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2061, 2, 21)
    n = 0
    while day < kst(2061, 3, 3):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([10, 11, 15, 16]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} build #{870 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "daysago:2", "last:24h", "last:1h", "last:30m", "last:3h", "last:7d", "last:30d", "thisweek", "lastweek", "thismonth", "lastmonth", "weekday:tue", "weekday:mon", "month:2061-01", "month:2061-02", "day:2061-01-20", "day:2061-02-14", "day:2061-02-26", "day:2061-02-28", "day:2061-03-01", "span:2061-01-20T11:00/2061-01-20T13:00", "span:2061-02-14T17:00/2061-02-14T20:00", "span:2061-02-26T13:00/2061-02-26T15:00", "since:2061-03-04T18:30", "span:2061-03-04T18:10/2061-03-04T19:10"):
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
