#!/usr/bin/env python3
"""Deterministic generator for the "Gaon Mart" (가온마트) retail-chain estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids I###, halves "dev31" / "test27") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding26/gen_estate.py, copied unchanged from
event_checks() onwards except the ranges that --summary prints.  The estate (a national retail
chain of about 120 stores: POS hubs per region, the store back office, an online mall and its
mobile app API, a loyalty-points service, a payment-gateway link, inventory and automatic
replenishment, warehouse management at two distribution centres, a price/promotion engine, an
ERP and a sales warehouse, in the Guro head-office data centre, a cloud region in Seoul, the
Icheon distribution centre and a DR site in Daegu), the clock (Sunday 29 November 2054, 20:15
Seoul, the last evening of the Black Friday sale weekend), the sampling (hourly from Monday 7
September 2054, every 15 minutes from Monday 16 November, every minute from 19:15 today), the
names, the personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding26/gen_estate.py (persona tags `# I<n> ...`).
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
HALVES = ("dev31", "test27")
ID_PREFIX = "I"
TAG_LETTER = "I"
SEED = 20541129
KST = timezone(timedelta(hours=9))
UTC = timezone.utc

NOW = datetime(2054, 11, 29, 20, 15, tzinfo=KST)         # Sunday 20:15 Seoul
M_START = datetime(2054, 9, 7, 0, 0, tzinfo=KST)         # hourly from Monday 7 September 2054 ...
MID_START = datetime(2054, 11, 16, 0, 0, tzinfo=KST)     # ... every 15 minutes from Monday 16 November ...
FINE_START = datetime(2054, 11, 29, 19, 15, tzinfo=KST)  # ... every minute from 19:15 today
M_END = NOW                                              # inclusive: the last sample is at 20:15:00 itself
STEP_1H = timedelta(hours=1)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
# Korean public holidays in the history that the generator treats as holidays (office profile): 개천절 Sat 10-03
# (a weekend anyway) and 한글날 Fri 10-09.
KR_HOLIDAYS = {(2054, 10, 3), (2054, 10, 9)}
# the Black Friday sale weekend, Fri 27 .. Sun 29 November: store traffic x1.3, online traffic x1.7
SALE_DAYS = {(2054, 11, d) for d in (27, 28, 29)}


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# codes: "GM/" + a site (HQ, CL, IC, DR) + "/" + a four-digit number whose first digit is the class
#        (1 network, 2 storage, 3 server, 4 vm, 5 database, 6 app, 7 load balancer, 8 service)
# locations: Guro HQ DC, Cloud Seoul, Icheon DC, Daegu DR
# owners: people; environments: prod, test, retired, dr
# --------------------------------------------------------------------------------------
HQ, CL, IC, DG = "Guro HQ DC", "Cloud Seoul", "Icheon DC", "Daegu DR"
PROD, TEST, RETIRED, DR = "prod", "test", "retired", "dr"
O_NET, O_STORE, O_ONLINE, O_DATA, O_LOGI = ("Han Minji", "Oh Taeyang", "Seo Yuna", "Jang Dohyun", "Lim Hana")
CIS = [
    ("GM/HQ/1001", "guro-core-01", "network", "running", PROD, HQ, O_NET, "구로 코어|본사 코어 스위치", "10.54.0.1", "core"),
    ("GM/CL/1002", "cloud vpn gw", "network", "running", PROD, CL, O_NET, "클라우드 전용선|VPN 게이트웨이", "10.54.96.1", "core"),
    ("GM/HQ/2001", "hq-san.01", "storage", "running", PROD, HQ, O_NET, "본사 스토리지|구로 SAN", "10.54.0.5", "core"),
    ("GM/DR/2002", "dr_backup_store", "storage", "running", DR, DG, O_NET, "대구 백업 스토리지|DR 백업", "", "dr"),
    ("GM/HQ/3001", "guro-esx-01", "server", "running", PROD, HQ, O_NET, "구로 가상화 1호기|esx1", "10.54.0.11", "core"),
    ("GM/HQ/3002", "guro-esx-02", "server", "running", PROD, HQ, O_NET, "구로 가상화 2호기|esx2", "10.54.0.12", "core"),
    ("GM/IC/3003", "icn-wms-host", "server", "running", PROD, IC, O_LOGI, "이천 물류 서버|DC1 서버", "10.54.64.11", "core"),
    ("GM/DR/3004", "dg-dr-esx", "server", "running", DR, DG, O_NET, "대구 DR 서버|DR 호스트", "10.54.192.11", "dr"),
    ("GM/HQ/4001", "pos_hub_vm1", "vm", "running", PROD, HQ, O_STORE, "POS 허브 1호|수도권 POS VM", "10.54.0.101", "core"),
    ("GM/HQ/4002", "pos_hub_vm2", "vm", "running", PROD, HQ, O_STORE, "POS 허브 2호|지방 POS VM", "10.54.0.102", "core"),
    ("GM/HQ/4003", "bo-vm.01", "vm", "running", PROD, HQ, O_STORE, "백오피스 VM|점포 백오피스 서버", "10.54.0.103", "core"),
    ("GM/CL/4004", "shop-web-vm", "vm", "running", PROD, CL, O_ONLINE, "쇼핑몰 웹 VM|몰 웹서버", "10.54.96.104", "core"),
    ("GM/CL/4005", "app-api-vm", "vm", "running", PROD, CL, O_ONLINE, "앱 API VM|모바일 API 서버", "10.54.96.105", "core"),
    ("GM/HQ/4006", "erp_vm", "vm", "running", PROD, HQ, O_DATA, "ERP 서버|SAP 서버", "10.54.0.106", "core"),
    ("GM/CL/4007", "wms-ys-vm", "vm", "running", PROD, CL, O_LOGI, "양산 WMS VM|양산 물류 VM", "10.54.96.107", "core"),
    ("GM/HQ/4008", "point-vm", "vm", "running", PROD, HQ, O_STORE, "포인트 VM|멤버십 서버", "10.54.0.108", "core"),
    ("GM/HQ/4009", "test-pos-vm", "vm", "maintenance", TEST, HQ, O_STORE, "POS 테스트 VM|테스트 포스", "10.54.0.109", "core"),
    ("GM/HQ/4010", "old-ecat-vm", "vm", "stopped", RETIRED, HQ, O_ONLINE, "구 전단 VM|옛 카탈로그 서버", "10.54.0.110", "core"),
    ("GM/HQ/5001", "POS DB", "database", "running", PROD, HQ, O_STORE, "포스 DB|매출 DB", "10.54.0.201", "core"),
    ("GM/CL/5002", "Shop DB", "database", "running", PROD, CL, O_ONLINE, "쇼핑몰 DB|몰 디비", "10.54.96.202", "core"),
    ("GM/HQ/5003", "Inventory DB", "database", "running", PROD, HQ, O_LOGI, "재고 DB|재고 디비", "10.54.0.203", "core"),
    ("GM/HQ/5004", "Loyalty DB", "database", "running", PROD, HQ, O_STORE, "포인트 DB|멤버십 DB", "10.54.0.204", "core"),
    ("GM/CL/5005", "cart-redis 2", "database", "running", PROD, CL, O_ONLINE, "장바구니 캐시|카트 레디스", "10.54.96.205", "core"),
    ("GM/HQ/5006", "Sales DW", "database", "running", PROD, HQ, O_DATA, "매출 DW|데이터 웨어하우스", "10.54.0.206", "core"),
    ("GM/DR/5007", "POS DB Standby", "database", "running", DR, DG, O_STORE, "포스 DB 대기|DR DB", "10.54.192.207", "dr"),
    ("GM/HQ/6001", "POS Hub Capital", "app", "running", PROD, HQ, O_STORE, "수도권 POS 허브|수도권 포스", "10.54.0.31", "core"),
    ("GM/HQ/6002", "POS Hub Regions", "app", "running", PROD, HQ, O_STORE, "지방 POS 허브|지방 포스", "10.54.0.32", "core"),
    ("GM/HQ/6003", "store-bo", "app", "running", PROD, HQ, O_STORE, "점포 백오피스|매장 관리", "10.54.0.33", "core"),
    ("GM/CL/6004", "gaon.mall", "app", "running", PROD, CL, O_ONLINE, "가온몰|온라인몰", "10.54.96.34", "core"),
    ("GM/CL/6005", "mobile-api", "app", "running", PROD, CL, O_ONLINE, "모바일 앱 API|앱 백엔드", "10.54.96.35", "core"),
    ("GM/HQ/6006", "point_svc", "app", "running", PROD, HQ, O_STORE, "포인트 적립|멤버십 포인트", "10.54.0.36", "core"),
    ("GM/CL/6007", "pg-link", "app", "running", PROD, CL, O_ONLINE, "결제 연동|PG 링크", "10.54.96.37", "core"),
    ("GM/HQ/6008", "replenish-job", "app", "running", PROD, HQ, O_LOGI, "자동 발주|재고 보충 배치", "10.54.0.38", "core"),
    ("GM/IC/6009", "WMS Icheon", "app", "running", PROD, IC, O_LOGI, "이천 WMS|이천 물류 시스템", "10.54.64.39", "core"),
    ("GM/CL/6010", "WMS Yangsan", "app", "running", PROD, CL, O_LOGI, "양산 WMS|양산 물류 시스템", "10.54.96.40", "core"),
    ("GM/HQ/6011", "price.engine", "app", "running", PROD, HQ, O_DATA, "가격 엔진|행사 가격", "10.54.0.41", "core"),
    ("GM/HQ/6012", "SAP ERP", "app", "running", PROD, HQ, O_DATA, "전사 ERP|회계 시스템", "10.54.0.42", "core"),
    ("GM/HQ/6013", "dw_etl", "app", "error", PROD, HQ, O_DATA, "DW 적재|매출 ETL", "10.54.0.43", "core"),
    ("GM/CL/7001", "mall-alb", "load_balancer", "running", PROD, CL, O_ONLINE, "몰 로드밸런서|쇼핑몰 LB", "10.54.96.250", "core"),
    ("GM/HQ/7002", "store-l4", "load_balancer", "running", PROD, HQ, O_NET, "점포 L4|매장 L4", "10.54.0.250", "core"),
    ("GM/CL/8001", "Online Shop", "service", "running", PROD, CL, O_ONLINE, "온라인 쇼핑|가온몰 서비스", "", "core"),
    ("GM/HQ/8002", "Store Checkout", "service", "running", PROD, HQ, O_STORE, "매장 계산|점포 결제", "", "core"),
    ("GM/HQ/8003", "Gaon Points", "service", "running", PROD, HQ, O_STORE, "가온 포인트|멤버십", "", "core"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE, VPN = "GM/HQ/1001", "GM/CL/1002"
RELATIONS = [
    (VPN, "CONNECTS_TO", CORE),
    ("GM/HQ/3001", "CONNECTS_TO", CORE),
    ("GM/HQ/3002", "CONNECTS_TO", CORE),
    ("GM/IC/3003", "CONNECTS_TO", VPN),
    ("GM/DR/3004", "CONNECTS_TO", CORE),
    ("GM/HQ/2001", "CONNECTS_TO", CORE),
    ("GM/DR/2002", "CONNECTS_TO", "GM/DR/3004"),
    ("GM/CL/7001", "CONNECTS_TO", VPN),
    ("GM/HQ/7002", "CONNECTS_TO", CORE),
    # hosting: HOSTS only on guro-esx-01, RUNS_ON elsewhere
    ("GM/HQ/3001", "HOSTS", "GM/HQ/4001"),
    ("GM/HQ/3001", "HOSTS", "GM/HQ/4002"),
    ("GM/HQ/3001", "HOSTS", "GM/HQ/4008"),
    ("GM/HQ/3001", "HOSTS", "GM/HQ/4009"),
    ("GM/HQ/4003", "RUNS_ON", "GM/HQ/3002"),
    ("GM/HQ/4006", "RUNS_ON", "GM/HQ/3002"),
    ("GM/HQ/4010", "RUNS_ON", "GM/HQ/3002"),
    ("GM/CL/4004", "RUNS_ON", VPN),
    ("GM/CL/4005", "RUNS_ON", VPN),
    ("GM/CL/4007", "RUNS_ON", VPN),
    ("GM/HQ/5001", "RUNS_ON", "GM/HQ/3002"),
    ("GM/CL/5002", "RUNS_ON", "GM/CL/4004"),
    ("GM/HQ/5003", "RUNS_ON", "GM/HQ/3002"),
    ("GM/HQ/5004", "RUNS_ON", "GM/HQ/4008"),
    ("GM/CL/5005", "RUNS_ON", "GM/CL/4005"),
    ("GM/HQ/5006", "RUNS_ON", "GM/HQ/3001"),
    ("GM/DR/5007", "RUNS_ON", "GM/DR/3004"),
    ("GM/HQ/6001", "RUNS_ON", "GM/HQ/4001"),
    ("GM/HQ/6002", "RUNS_ON", "GM/HQ/4002"),
    ("GM/HQ/6003", "RUNS_ON", "GM/HQ/4003"),
    ("GM/CL/6004", "RUNS_ON", "GM/CL/4004"),
    ("GM/CL/6005", "RUNS_ON", "GM/CL/4005"),
    ("GM/HQ/6006", "RUNS_ON", "GM/HQ/4008"),
    ("GM/CL/6007", "RUNS_ON", "GM/CL/4005"),
    ("GM/HQ/6008", "RUNS_ON", "GM/HQ/4003"),
    ("GM/IC/6009", "RUNS_ON", "GM/IC/3003"),
    ("GM/CL/6010", "RUNS_ON", "GM/CL/4007"),
    ("GM/HQ/6011", "RUNS_ON", "GM/HQ/3002"),
    ("GM/HQ/6012", "RUNS_ON", "GM/HQ/4006"),
    ("GM/HQ/6013", "RUNS_ON", "GM/HQ/4006"),
    # calls
    ("GM/DR/5007", "DEPENDS_ON", "GM/HQ/5001"),
    ("GM/HQ/6001", "DEPENDS_ON", "GM/HQ/5001"),
    ("GM/HQ/6001", "DEPENDS_ON", "GM/HQ/6006"),
    ("GM/HQ/6001", "DEPENDS_ON", "GM/HQ/6011"),
    ("GM/HQ/6002", "DEPENDS_ON", "GM/HQ/5001"),
    ("GM/HQ/6002", "DEPENDS_ON", "GM/HQ/6006"),
    ("GM/HQ/6002", "DEPENDS_ON", "GM/HQ/6011"),
    ("GM/HQ/6003", "DEPENDS_ON", "GM/HQ/5003"),
    ("GM/HQ/6003", "DEPENDS_ON", "GM/HQ/5001"),
    ("GM/CL/6004", "DEPENDS_ON", "GM/CL/5002"),
    ("GM/CL/6004", "DEPENDS_ON", "GM/CL/5005"),
    ("GM/CL/6004", "DEPENDS_ON", "GM/CL/6007"),
    ("GM/CL/6004", "DEPENDS_ON", "GM/HQ/6011"),
    ("GM/CL/6005", "DEPENDS_ON", "GM/CL/5002"),
    ("GM/CL/6005", "DEPENDS_ON", "GM/HQ/6006"),
    ("GM/CL/6005", "DEPENDS_ON", "GM/CL/6007"),
    ("GM/HQ/6006", "DEPENDS_ON", "GM/HQ/5004"),
    ("GM/HQ/6008", "DEPENDS_ON", "GM/HQ/5003"),
    ("GM/HQ/6008", "DEPENDS_ON", "GM/HQ/6012"),
    ("GM/IC/6009", "DEPENDS_ON", "GM/HQ/5003"),
    ("GM/CL/6010", "DEPENDS_ON", "GM/HQ/5003"),
    ("GM/HQ/6011", "DEPENDS_ON", "GM/HQ/5003"),
    ("GM/HQ/6012", "DEPENDS_ON", "GM/HQ/2001"),
    ("GM/HQ/6013", "DEPENDS_ON", "GM/HQ/5001"),
    ("GM/HQ/6013", "DEPENDS_ON", "GM/CL/5002"),
    ("GM/HQ/6013", "DEPENDS_ON", "GM/HQ/5006"),
    ("GM/HQ/5006", "DEPENDS_ON", "GM/HQ/2001"),
    ("GM/CL/7001", "DEPENDS_ON", "GM/CL/6004"),
    ("GM/CL/7001", "DEPENDS_ON", "GM/CL/6005"),
    ("GM/HQ/7002", "DEPENDS_ON", "GM/HQ/6001"),
    ("GM/HQ/7002", "DEPENDS_ON", "GM/HQ/6002"),
    ("GM/HQ/7002", "DEPENDS_ON", "GM/HQ/6003"),
    ("GM/CL/8001", "DEPENDS_ON", "GM/CL/7001"),
    ("GM/CL/8001", "DEPENDS_ON", "GM/CL/6010"),
    ("GM/HQ/8002", "DEPENDS_ON", "GM/HQ/7002"),
    ("GM/HQ/8002", "DEPENDS_ON", "GM/CL/6007"),
    ("GM/HQ/8003", "DEPENDS_ON", "GM/HQ/6006"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: store (every day 10-22, weekends x1.25, the sale weekend x1.3), online (every day 09-24 with an evening
#           peak 20-23, weekends x1.2, the sale weekend x1.7), office (Seoul working days 09-18), logistics (every day
#           04-14), nightly (every night 01-05), flat
METRIC_PLAN = {
    "GM/HQ/3001": {"cpu_usage": (28, 0.70, 1.4, "store"), "mem_usage": (62, 0.05, 1.0, "store"), "disk_usage": (48, 0, 0.2, "flat")},
    "GM/HQ/3002": {"cpu_usage": (24, 0.65, 1.3, "store"), "mem_usage": (58, 0.05, 1.0, "store"), "disk_usage": (55, 0, 0.2, "flat")},
    "GM/IC/3003": {"cpu_usage": (21, 0.85, 1.3, "logistics"), "mem_usage": (53, 0.05, 1.0, "logistics"), "disk_usage": (64, 0, 0.2, "flat")},
    "GM/DR/3004": {"cpu_usage": (6, 0.20, 0.6, "flat"), "mem_usage": (33, 0.02, 0.8, "flat"), "disk_usage": (29, 0, 0.2, "flat")},
    "GM/HQ/4001": {"cpu_usage": (26, 0.90, 1.4, "store"), "mem_usage": (59, 0.05, 0.9, "store"), "disk_usage": (39, 0, 0.2, "flat")},
    "GM/HQ/4002": {"cpu_usage": (22, 0.90, 1.4, "store"), "mem_usage": (56, 0.05, 0.9, "store"), "disk_usage": (44, 0, 0.2, "flat")},
    "GM/HQ/4003": {"cpu_usage": (15, 0.80, 1.2, "store"), "mem_usage": (49, 0.05, 0.9, "store"), "disk_usage": (68, 0, 0.2, "flat")},
    "GM/CL/4004": {"cpu_usage": (30, 0.85, 1.6, "online"), "mem_usage": (63, 0.05, 0.9, "online"), "disk_usage": (36, 0, 0.2, "flat")},
    "GM/CL/4005": {"cpu_usage": (27, 0.85, 1.5, "online"), "mem_usage": (61, 0.05, 0.9, "online"), "disk_usage": (33, 0, 0.2, "flat")},
    "GM/HQ/4006": {"cpu_usage": (18, 0.90, 1.1, "office"), "mem_usage": (66, 0.05, 0.9, "office"), "disk_usage": (72, 0, 0.2, "flat")},
    "GM/CL/4007": {"cpu_usage": (16, 0.85, 1.2, "logistics"), "mem_usage": (47, 0.05, 0.9, "logistics"), "disk_usage": (41, 0, 0.2, "flat")},
    "GM/HQ/4008": {"cpu_usage": (14, 0.80, 1.1, "store"), "mem_usage": (51, 0.05, 0.9, "store"), "disk_usage": (46, 0, 0.2, "flat")},
    "GM/HQ/4009": {"cpu_usage": (9, 0.60, 1.0, "office"), "mem_usage": (35, 0.03, 1.0, "office"), "disk_usage": (27, 0, 0.2, "flat")},
    "GM/HQ/4010": {"cpu_usage": (5, 0.40, 0.6, "office"), "mem_usage": (23, 0.03, 1.0, "flat"), "disk_usage": (81, 0, 0.2, "flat")},
    "GM/HQ/5001": {"cpu_usage": (29, 0.75, 1.3, "store"), "mem_usage": (74, 0.02, 0.6, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "GM/CL/5002": {"cpu_usage": (25, 0.85, 1.3, "online"), "mem_usage": (69, 0.02, 0.6, "flat"), "disk_usage": (57, 0, 0.2, "flat")},
    "GM/HQ/5003": {"cpu_usage": (20, 0.80, 1.2, "logistics"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (50, 0, 0.2, "flat")},
    "GM/HQ/5004": {"cpu_usage": (13, 0.80, 1.1, "store"), "mem_usage": (56, 0.02, 0.6, "flat"), "disk_usage": (43, 0, 0.2, "flat")},
    "GM/CL/5005": {"cpu_usage": (17, 0.80, 1.2, "online"), "mem_usage": (78, 0.03, 0.6, "online"), "disk_usage": (18, 0, 0.2, "flat")},
    "GM/HQ/5006": {"cpu_usage": (10, 2.20, 1.2, "nightly"), "mem_usage": (65, 0.05, 0.6, "nightly"), "disk_usage": (49, 0, 0.2, "flat")},
    "GM/DR/5007": {"cpu_usage": (7, 0.20, 0.7, "flat"), "mem_usage": (58, 0.02, 0.6, "flat"), "disk_usage": (59, 0, 0.2, "flat")},
    "GM/HQ/6001": {"cpu_usage": (21, 0.85, 1.2, "store"), "latency_ms": (140, 0.40, 3.0, "store"), "error_rate": (0.05, 0.3, 0.010, "store")},
    "GM/HQ/6002": {"cpu_usage": (18, 0.85, 1.2, "store"), "latency_ms": (170, 0.40, 4.0, "store"), "error_rate": (0.06, 0.3, 0.012, "store")},
    "GM/HQ/6003": {"cpu_usage": (12, 0.80, 1.1, "store"), "latency_ms": (420, 0.35, 9.0, "store"), "error_rate": (0.08, 0.3, 0.016, "store")},
    "GM/CL/6004": {"cpu_usage": (24, 0.90, 1.3, "online"), "latency_ms": (310, 0.40, 8.0, "online"), "error_rate": (0.07, 0.3, 0.014, "online")},
    "GM/CL/6005": {"cpu_usage": (20, 0.90, 1.2, "online"), "latency_ms": (230, 0.40, 6.0, "online"), "error_rate": (0.06, 0.3, 0.012, "online")},
    "GM/HQ/6006": {"cpu_usage": (11, 0.80, 1.0, "store"), "latency_ms": (95, 0.35, 3.0, "store"), "error_rate": (0.04, 0.3, 0.008, "store")},
    "GM/CL/6007": {"cpu_usage": (13, 0.80, 1.0, "online"), "latency_ms": (260, 0.35, 7.0, "online"), "error_rate": (0.09, 0.3, 0.016, "online")},
    "GM/HQ/6008": {"cpu_usage": (8, 2.40, 1.0, "nightly"), "latency_ms": (880, 0.30, 20.0, "nightly"), "error_rate": (0.10, 0.3, 0.02, "nightly")},
    "GM/IC/6009": {"cpu_usage": (19, 0.85, 1.2, "logistics"), "latency_ms": (520, 0.35, 12.0, "logistics"), "error_rate": (0.11, 0.3, 0.02, "logistics")},
    "GM/CL/6010": {"cpu_usage": (15, 0.85, 1.1, "logistics"), "latency_ms": (480, 0.35, 11.0, "logistics"), "error_rate": (0.09, 0.3, 0.018, "logistics")},
    "GM/HQ/6011": {"cpu_usage": (16, 0.70, 1.1, "online"), "latency_ms": (75, 0.30, 2.0, "online"), "error_rate": (0.03, 0.3, 0.006, "online")},
    "GM/HQ/6012": {"cpu_usage": (14, 0.95, 1.1, "office"), "latency_ms": (640, 0.30, 14.0, "office"), "error_rate": (0.05, 0.3, 0.01, "office")},
    "GM/HQ/6013": {"cpu_usage": (7, 2.00, 0.9, "nightly"), "latency_ms": (1100, 0.30, 25.0, "nightly"), "error_rate": (1.60, 0.3, 0.10, "nightly")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "GM/HQ/4010": datetime(2054, 10, 20, 10, 0, tzinfo=KST),
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
    sale = (t.year, t.month, t.day) in SALE_DAYS
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    if kind == "store":
        p = 0.08 + 0.8 * plateau(h, 10.0, 22.0)
        if t.weekday() >= 5:
            p *= 1.25
        if sale:
            p *= 1.3
        return p
    if kind == "online":
        p = 0.12 + 0.5 * plateau(h, 9.0, 24.0) + 0.4 * plateau(h, 20.0, 23.0)
        if t.weekday() >= 5:
            p *= 1.2
        if sale:
            p *= 1.7
        return p
    if kind == "logistics":
        return 0.1 + 0.8 * plateau(h, 4.0, 14.0)
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
    # level shift: the Inventory DB's memory after the buffer-pool change, from Mon 2054-11-09 09:00
    if code == "GM/HQ/5003" and metric == "mem_usage" and ts >= kst(2054, 11, 9, 9):
        v += 9.0
    # growth: the Sales DW's disk over the whole history
    if code == "GM/HQ/5006" and metric == "disk_usage":
        v += 22.0 * ramp(ts, M_START, M_END)
    # 1. point earning failures, Thu 2054-10-15 11:00-14:00 (hourly part: 11, 12, 13)
    if within(ts, kst(2054, 10, 15, 11), kst(2054, 10, 15, 14)):
        if code == "GM/HQ/6006" and metric == "error_rate":
            v = 6.5 + rng.gauss(0, 0.3)
        if code == "GM/HQ/6006" and metric == "latency_ms":
            v *= 5.0
        if code == "GM/HQ/4008" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.4)
        if code == "GM/HQ/5004" and metric == "cpu_usage":
            v += 30
    # 2. Icheon picking stall, Tue 2054-11-03 06:00-09:00 (hourly part: 6, 7, 8)
    if within(ts, kst(2054, 11, 3, 6), kst(2054, 11, 3, 9)):
        if code == "GM/IC/6009" and metric == "error_rate":
            v = 5.5 + rng.gauss(0, 0.3)
        if code == "GM/IC/6009" and metric == "latency_ms":
            v *= 4.0
        if code == "GM/IC/3003" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.3)
    # 3. mall checkout slowness on Black Friday, Fri 2054-11-27 21:00-23:00 (15-minute part)
    if within(ts, kst(2054, 11, 27, 21), kst(2054, 11, 27, 23)):
        if code == "GM/CL/6004" and metric == "error_rate":
            v = 4.5 + rng.gauss(0, 0.3)
        if code == "GM/CL/6004" and metric == "latency_ms":
            v *= 6.0
        if code == "GM/CL/4004" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.4)
        if code == "GM/CL/5005" and metric == "cpu_usage":
            v += 25
    # test-pos-vm in maintenance from Wed 2054-11-25 09:00: idle
    if code == "GM/HQ/4009" and metric == "cpu_usage" and ts >= kst(2054, 11, 25, 9):
        v = 2.0 + rng.gauss(0, 0.3)
    # 4. regional POS hub slowness, from Sun 2054-11-29 19:40, ongoing at now
    if ts >= kst(2054, 11, 29, 19, 40):
        if code == "GM/HQ/6002" and metric == "error_rate":
            v = 3.8 + rng.gauss(0, 0.3)
        if code == "GM/HQ/6002" and metric == "latency_ms":
            v *= 3.5
        if code == "GM/HQ/4002" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.5)
        if code == "GM/HQ/5001" and metric == "cpu_usage":
            v += 18
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
    (kst(2054, 9, 22, 2, 0), CORE, "change", "info", "구로 코어 펌웨어 업그레이드", "CHG-540922 night window"),
    # 1. point earning failures (Thu 10-15)
    (kst(2054, 10, 15, 8, 30), "GM/HQ/5004", "change", "info", "포인트 DB 스키마 변경", "CHG-541015 tier column added"),
    (kst(2054, 10, 15, 10, 20), "GM/HQ/6006", "deploy", "info", "point_svc 3.4 배포", "release 3.4 double points"),
    (kst(2054, 10, 15, 11, 5), "GM/HQ/6006", "incident", "critical", "포인트 적립 실패", "INC-541015-01 points not earned at tills"),
    (kst(2054, 10, 15, 11, 15), "GM/HQ/4008", "alert", "major", "point-vm CPU 90% 초과", "cpu_usage 93%"),
    (kst(2054, 10, 15, 14, 20), "GM/HQ/6006", "change", "info", "point_svc 3.3.2 롤백", "rollback; points recovered"),
    (kst(2054, 10, 20, 10, 0), "GM/HQ/4010", "change", "info", "구 전단 VM 전원 종료", "CHG-541020 e-catalogue moved to the mall"),
    # 2. Icheon picking stall (Tue 11-03)
    (kst(2054, 11, 3, 2, 0), "GM/IC/3003", "change", "info", "이천 물류 서버 펌웨어 업데이트", "CHG-541103 BIOS and RAID firmware"),
    (kst(2054, 11, 3, 5, 10), "GM/IC/6009", "deploy", "info", "WMS Icheon 8.1 배포", "release 8.1 wave picking"),
    (kst(2054, 11, 3, 6, 10), "GM/IC/6009", "incident", "critical", "이천 피킹 지시 중단", "INC-541103-01 pick lists not printed"),
    (kst(2054, 11, 3, 6, 20), "GM/IC/3003", "alert", "major", "icn-wms-host CPU 95% 초과", "cpu_usage 95%"),
    (kst(2054, 11, 3, 9, 30), "GM/IC/6009", "change", "info", "WMS Icheon 8.0.6 롤백", "rollback; picking resumed"),
    (kst(2054, 11, 9, 9, 0), "GM/HQ/5003", "change", "info", "재고 DB 버퍼 풀 확대", "CHG-541109 buffer pool 64 GB"),
    # 3. mall checkout slowness on Black Friday (Fri 11-27)
    (kst(2054, 11, 27, 18, 0), "GM/CL/5005", "change", "info", "장바구니 캐시 maxmemory 변경", "CHG-541127 eviction policy lru"),
    (kst(2054, 11, 27, 19, 30), "GM/CL/6004", "deploy", "info", "gaon.mall 12.4 배포", "release 12.4 black friday banners"),
    (kst(2054, 11, 27, 21, 10), "GM/CL/6004", "incident", "critical", "가온몰 결제 지연", "INC-541127-01 checkout takes over 20 s"),
    (kst(2054, 11, 27, 21, 20), "GM/CL/4004", "alert", "major", "shop-web-vm CPU 90% 초과", "cpu_usage 94%"),
    (kst(2054, 11, 27, 23, 20), "GM/CL/6004", "change", "info", "gaon.mall 12.3 롤백", "rollback; checkout recovered"),
    (kst(2054, 11, 25, 9, 0), "GM/HQ/4009", "change", "info", "POS 테스트 VM 점검 전환", "CHG-541125 maintenance"),
    (kst(2054, 11, 28, 3, 0), "GM/HQ/6013", "alert", "minor", "DW 적재 오류 증가", "error_rate 2.1%"),
    # 4. regional POS hub slowness (Sun 11-29), ongoing
    (kst(2054, 11, 29, 17, 0), "GM/HQ/5001", "change", "info", "POS DB 통계 정보 갱신", "CHG-541129 optimizer statistics"),
    (kst(2054, 11, 29, 19, 20), "GM/HQ/6002", "deploy", "info", "POS Hub Regions 5.2 배포", "release 5.2 coupon stacking"),
    (kst(2054, 11, 29, 19, 45), "GM/HQ/6002", "incident", "critical", "지방 점포 POS 응답 지연", "INC-541129-01 tills wait 10 s"),
    (kst(2054, 11, 29, 19, 50), "GM/HQ/4002", "alert", "major", "pos_hub_vm2 CPU 90% 초과", "cpu_usage 92%"),
]

BUILD_APPS = ["GM/HQ/6003", "GM/CL/6005", "GM/HQ/6008", "GM/CL/6010", "GM/HQ/6011", "GM/HQ/6012"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2054, 11, 18)
    n = 0
    while day < kst(2054, 11, 27):
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
        for r in ("today", "yesterday", "daysago:2", "last:24h", "last:1h", "last:30m", "last:3h", "last:7d", "last:30d", "thisweek", "lastweek", "thismonth", "lastmonth", "weekday:tue", "weekday:fri", "month:2054-10", "month:2054-09", "day:2054-10-15", "day:2054-11-03", "day:2054-11-27", "day:2054-11-17", "span:2054-10-15T11:00/2054-10-15T14:00", "span:2054-11-03T06:00/2054-11-03T09:00", "span:2054-11-27T21:00/2054-11-27T23:00", "since:2054-11-29T19:40", "since:2054-11-27", "days:2054-11-16..2054-11-18", "span:2054-11-29T19:15/2054-11-29T20:15"):
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
