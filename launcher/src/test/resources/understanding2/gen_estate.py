#!/usr/bin/env python3
"""Deterministic generator for the "Haeon Express" (해온익스프레스) understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids V###, halves "dev5" / "test2") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, daily averages, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

When questions_dev6_src.txt is present it also writes questions_dev6.tsv (ids W###, half "dev6")
with the same checks, plus: no question repeats or nearly repeats a question of questions_src.txt,
and its persona tags are `# S<n>` (the main set's are `# R<n>`).

The estate, the clock and the question format follow ../understanding/ (the "Sora Bank" set); only
the data, the names and the questions differ.  See README.md.

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line;
every question line must sit under a `# R<n> ...` persona tag).
A spec is an op followed by key=value tokens (no spaces inside a value); a bare key is a flag.
  latest  ci= m= [stale]                      newest sample at or before NOW (stale: a stopped CI on purpose)
  agg     ci= m= s=avg|max|min|p95|median r=  [nodata]   (nodata: the range must hold no samples)
  trend   ci= m= r=
  top|bottom m= [n=3] [filters] [r= s=] [value]      rank on latest value, or on s over r
  thr     m= op=gt|lt|between v=X|LO,HI [filters] [r= s=] [want=count] [empty]
  cmp     cis=A,B[,C] m= [r= s=] [value]
  count   [filters]          list [filters]
  hosted  host= [deep=1]     hostof ci= [level=server]
  impact|deps ci= [type=T1,T2] [exact=1] [want=count]
  calls   ci=                callers ci=       (callers: depth-1 DEPENDS_ON/CONNECTS_TO sources of ci)
  path    a= b=
  ev      ci= [r=] [type=] [sev=] [want=count|latest] [empty]
  chg     ci= [at=ISO]       attr ci= a=status|owner|location|env|type
  reject                     clarify
filters: type= status= env= loc= owner= in=CODE,CODE (comma = any of); clean adds clean_only.
m: cpu_usage mem_usage disk_usage latency_ms error_rate.
r: last:Nm|Nh|Nd|Nw today yesterday thisweek lastweek thismonth lastmonth day:YYYY-MM-DD (Seoul day)
   dayutc:YYYY-MM-DD days:D1..D2 (inclusive, Seoul) month:YYYY-MM (Seoul calendar month)
   since:ISO span:ISO/ISO (no offset = Seoul, Z = UTC).
ok suppresses the warnings of that line.
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
import sys
from collections import defaultdict, deque
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "estate")
SRC = "questions_src.txt"
TSV = "questions.tsv"
HALVES = ("dev5", "test2")
DEV6_SRC = "questions_dev6_src.txt"    # sixth development set (optional)
DEV6_TSV = "questions_dev6.tsv"
DEV6_HALF = "dev6"
DEV6_ID = "W"
DEV6_TAG = "S"
SEED = 20261130
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2026, 11, 30, 10, 30, tzinfo=KST)         # a Monday morning
M_START = datetime(2026, 11, 20, 0, 0, tzinfo=KST)        # a Friday
M_END = NOW                                                # inclusive: last sample at 10:30
STEP = timedelta(minutes=15)
H_START = datetime(2015, 3, 1, 0, 0, tzinfo=UTC)          # historical block, 5-minute samples
H_END = datetime(2015, 3, 11, 0, 0, tzinfo=UTC)           # exclusive
H_STEP = timedelta(minutes=5)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# --------------------------------------------------------------------------------------
CIS = [
    # network: underscores
    ("NW_ICH_CORE", "icheon-core.sw", "network", "running", "hx-prod", "icheon-hub", "hx-platform", "이천 코어 스위치|icheon core switch", "172.20.0.1", "infra"),
    ("NW_GMP_CORE", "gimpo-core.sw", "network", "running", "hx-prod", "gimpo-center", "hx-platform", "김포 코어 스위치|gimpo core switch", "172.21.0.1", "infra"),
    # storage: upper case with dashes and a letter
    ("STOR-ICH-A", "array-a.icheon", "storage", "running", "hx-prod", "icheon-hub", "hx-platform", "이천 메인 스토리지|main array", "172.20.0.30", "infra"),
    ("STOR-GMP-B", "backup-vault.gimpo", "storage", "maintenance", "hx-prod", "gimpo-center", "hx-platform", "백업 볼트|backup vault", "172.21.0.30", "infra"),
    # servers: k8s-style node names, a bare-metal box, a cloud host
    ("k8s-node-a1", "node-a1.icheon", "server", "running", "hx-prod", "icheon-hub", "hx-platform", "이천 1번 노드|node one", "172.20.1.11", "infra"),
    ("k8s-node-a2", "node-a2.icheon", "server", "running", "hx-prod", "icheon-hub", "hx-platform", "이천 2번 노드|node two", "172.20.1.12", "infra"),
    ("k8s-node-b1", "node-b1.gimpo", "server", "running", "hx-qa", "gimpo-center", "hx-platform", "김포 노드|gimpo node", "172.21.1.11", "infra"),
    ("BM-LABEL-07", "label-print-07", "server", "running", "hx-prod", "icheon-hub", "wms-crew", "송장 서버|label box", "172.20.1.70", "warehouse"),
    ("ec2-apne2-07", "c5.search.host", "server", "running", "hx-prod", "cloud-apne2", "search-guild", "클라우드 호스트|cloud host", "10.88.4.7", "search"),
    # vms: dotted upper case
    ("HX.WMS.01", "wms-vm-01", "vm", "running", "hx-prod", "icheon-hub", "wms-crew", "창고 VM 1", "172.20.11.1", "warehouse"),
    ("HX.WMS.02", "wms-vm-02", "vm", "running", "hx-prod", "icheon-hub", "hx-dba", "창고 DB VM", "172.20.11.2", "warehouse"),
    ("HX.ORD.01", "order-vm-01", "vm", "running", "hx-prod", "icheon-hub", "order-squad", "주문 VM", "172.20.12.1", "commerce"),
    ("HX.ORD.02", "order-vm-02", "vm", "running", "hx-prod", "icheon-hub", "hx-dba", "주문 DB VM", "172.20.12.2", "commerce"),
    ("HX.TRK.01", "tracking-vm", "vm", "running", "hx-prod", "icheon-hub", "fleet-tech", "배송조회 VM", "172.20.13.1", "delivery"),
    ("HX.FLT.01", "fleet-vm", "vm", "running", "hx-prod", "icheon-hub", "fleet-tech", "배차 VM|dispatch vm", "172.20.14.1", "delivery"),
    ("HX.NTF.01", "notify-vm", "vm", "running", "hx-prod", "icheon-hub", "notify-cell", "알림 VM", "172.20.15.1", "delivery"),
    ("HX.SRCH.01", "search-vm-1", "vm", "running", "hx-prod", "cloud-apne2", "search-guild", "검색 VM", "10.88.4.71", "search"),
    ("HX.QA.01", "qa-vm-01", "vm", "running", "hx-qa", "gimpo-center", "fleet-tech", "QA 서버|qa box", "172.21.11.1", "delivery"),
    ("HX.BI.01", "bi-vm", "vm", "running", "hx-prod", "gimpo-center", "hx-dba", "분석 VM", "172.21.12.1", "analytics"),
    ("HX.SBX.01", "sandbox-vm", "vm", "stopped", "hx-sandbox", "gimpo-center", "search-guild", "샌드박스|the sandbox", "172.21.13.1", "search"),
    # databases: DB_ + upper case
    ("DB_ORDERS_P", "orders-db-primary", "database", "running", "hx-prod", "icheon-hub", "hx-dba", "주문 DB|orders database", "172.20.12.21", "commerce"),
    ("DB_ORDERS_R", "orders-db-replica", "database", "running", "hx-prod", "icheon-hub", "hx-dba", "주문 DB 복제본|read replica", "172.20.13.21", "commerce"),
    ("DB_WMS_P", "wms.db.main", "database", "running", "hx-prod", "icheon-hub", "hx-dba", "재고 DB|inventory database", "172.20.11.21", "warehouse"),
    ("DB_FLEET", "fleet-db", "database", "running", "hx-prod", "icheon-hub", "fleet-tech", "배차 DB", "172.20.14.21", "delivery"),
    ("DB_DW_SALES", "판매 분석 DW", "database", "maintenance", "hx-prod", "gimpo-center", "hx-dba", "매출 DW|sales dw", "172.21.12.21", "analytics"),
    # apps: APP_ + CamelCase, one QA app with another scheme
    ("APP_OrderApi", "order-api", "app", "running", "hx-prod", "icheon-hub", "order-squad", "주문 API|Order API", "172.20.12.11", "commerce"),
    ("APP_Cart", "cart.svc", "app", "running", "hx-prod", "icheon-hub", "order-squad", "장바구니|shopping cart", "172.20.12.12", "commerce"),
    ("APP_PayLink", "pg-link", "app", "running", "hx-prod", "icheon-hub", "order-squad", "결제 연동|payment link", "172.20.12.13", "commerce"),
    ("APP_Tracking", "Order Tracking", "app", "running", "hx-prod", "icheon-hub", "fleet-tech", "배송 조회|tracking api", "172.20.13.11", "delivery"),
    ("APP_Search", "Product Search", "app", "running", "hx-prod", "cloud-apne2", "search-guild", "search engine", "10.88.4.711", "search"),
    ("APP_Stock", "inventory-sync", "app", "running", "hx-prod", "icheon-hub", "wms-crew", "재고 동기화|stock sync", "172.20.11.11", "warehouse"),
    ("APP_WMS", "WMS Core", "app", "running", "hx-prod", "icheon-hub", "wms-crew", "창고관리|warehouse core", "172.20.11.12", "warehouse"),
    ("APP_Label", "송장 출력", "app", "running", "hx-prod", "icheon-hub", "wms-crew", "운송장 출력|송장 발행", "172.20.1.71", "warehouse"),
    ("APP_RoutePlan", "route-planner", "app", "running", "hx-prod", "icheon-hub", "fleet-tech", "배차 엔진|route optimizer", "172.20.14.11", "delivery"),
    ("APP_Notify", "알림톡 발송", "app", "error", "hx-prod", "icheon-hub", "notify-cell", "카카오 알림|message sender", "172.20.15.11", "delivery"),
    ("TRK_QA_APP", "tracking.qa", "app", "stopped", "hx-qa", "gimpo-center", "fleet-tech", "QA 배송조회", "172.21.11.11", "delivery"),
    # load balancers: slashes
    ("lb/edge/1", "edge-lb.icheon", "load_balancer", "running", "hx-prod", "icheon-hub", "hx-platform", "외부 LB|public lb", "172.20.0.80", "infra"),
    ("lb/int/2", "int-lb.icheon", "load_balancer", "running", "hx-prod", "icheon-hub", "hx-platform", "내부 LB|internal lb", "172.20.0.81", "infra"),
    # services: biz. + lower case
    ("biz.storefront", "쇼핑몰", "service", "running", "hx-prod", "icheon-hub", "order-squad", "storefront|online mall", "", "commerce"),
    ("biz.parcel", "Parcel Tracking", "service", "running", "hx-prod", "icheon-hub", "fleet-tech", "배송조회 서비스", "", "delivery"),
    ("biz.sameday", "당일배송", "service", "running", "hx-prod", "icheon-hub", "fleet-tech", "same-day delivery", "", "delivery"),
    ("biz.inout", "입출고 운영", "service", "running", "hx-prod", "icheon-hub", "wms-crew", "입출고", "", "warehouse"),
    ("biz.partner", "Partner Status API", "service", "running", "hx-prod", "icheon-hub", "order-squad", "partner status", "", "commerce"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network / storage
    ("k8s-node-a1", "CONNECTS_TO", "NW_ICH_CORE"),
    ("k8s-node-a2", "CONNECTS_TO", "NW_ICH_CORE"),
    ("BM-LABEL-07", "CONNECTS_TO", "NW_ICH_CORE"),
    ("k8s-node-b1", "CONNECTS_TO", "NW_GMP_CORE"),
    ("STOR-ICH-A", "CONNECTS_TO", "NW_ICH_CORE"),
    ("STOR-GMP-B", "CONNECTS_TO", "NW_GMP_CORE"),
    # hosts -> vms (a1: HOSTS only, a2 and the cloud host: RUNS_ON only, b1: both)
    ("k8s-node-a1", "HOSTS", "HX.WMS.01"),
    ("k8s-node-a1", "HOSTS", "HX.ORD.01"),
    ("k8s-node-a1", "HOSTS", "HX.TRK.01"),
    ("HX.WMS.02", "RUNS_ON", "k8s-node-a2"),
    ("HX.ORD.02", "RUNS_ON", "k8s-node-a2"),
    ("HX.FLT.01", "RUNS_ON", "k8s-node-a2"),
    ("HX.NTF.01", "RUNS_ON", "k8s-node-a2"),
    ("HX.SRCH.01", "RUNS_ON", "ec2-apne2-07"),
    ("k8s-node-b1", "HOSTS", "HX.QA.01"),
    ("k8s-node-b1", "HOSTS", "HX.BI.01"),
    ("k8s-node-b1", "HOSTS", "HX.SBX.01"),
    ("HX.QA.01", "RUNS_ON", "k8s-node-b1"),
    ("HX.BI.01", "RUNS_ON", "k8s-node-b1"),
    ("HX.SBX.01", "RUNS_ON", "k8s-node-b1"),
    # databases
    ("DB_ORDERS_P", "RUNS_ON", "HX.ORD.02"),
    ("DB_ORDERS_R", "RUNS_ON", "HX.TRK.01"),
    ("DB_WMS_P", "RUNS_ON", "HX.WMS.02"),
    ("DB_FLEET", "RUNS_ON", "HX.FLT.01"),
    ("DB_DW_SALES", "RUNS_ON", "HX.BI.01"),
    ("DB_ORDERS_P", "DEPENDS_ON", "STOR-ICH-A"),
    ("DB_WMS_P", "DEPENDS_ON", "STOR-ICH-A"),
    ("DB_DW_SALES", "DEPENDS_ON", "STOR-GMP-B"),
    ("DB_ORDERS_R", "DEPENDS_ON", "DB_ORDERS_P"),
    # apps on vms / bare metal
    ("APP_OrderApi", "RUNS_ON", "HX.ORD.01"),
    ("APP_Cart", "RUNS_ON", "HX.ORD.01"),
    ("APP_PayLink", "RUNS_ON", "HX.ORD.01"),
    ("APP_Tracking", "RUNS_ON", "HX.TRK.01"),
    ("APP_Search", "RUNS_ON", "HX.SRCH.01"),
    ("APP_Stock", "RUNS_ON", "HX.WMS.01"),
    ("APP_WMS", "RUNS_ON", "HX.WMS.01"),
    ("APP_Label", "RUNS_ON", "BM-LABEL-07"),
    ("APP_RoutePlan", "RUNS_ON", "HX.FLT.01"),
    ("APP_Notify", "RUNS_ON", "HX.NTF.01"),
    ("TRK_QA_APP", "RUNS_ON", "HX.QA.01"),
    # app dependencies
    ("APP_OrderApi", "DEPENDS_ON", "DB_ORDERS_P"),
    ("APP_OrderApi", "DEPENDS_ON", "APP_Stock"),
    ("APP_OrderApi", "DEPENDS_ON", "APP_PayLink"),
    ("APP_Cart", "DEPENDS_ON", "APP_Stock"),
    ("APP_Cart", "DEPENDS_ON", "DB_ORDERS_P"),
    ("APP_PayLink", "DEPENDS_ON", "DB_ORDERS_P"),
    ("APP_Tracking", "DEPENDS_ON", "DB_ORDERS_R"),
    ("APP_Tracking", "DEPENDS_ON", "APP_RoutePlan"),
    ("APP_Search", "DEPENDS_ON", "APP_Stock"),
    ("APP_Search", "DEPENDS_ON", "DB_DW_SALES"),
    ("APP_Stock", "DEPENDS_ON", "DB_WMS_P"),
    ("APP_WMS", "DEPENDS_ON", "DB_WMS_P"),
    ("APP_WMS", "DEPENDS_ON", "APP_Stock"),
    ("APP_WMS", "DEPENDS_ON", "APP_Label"),
    ("APP_Label", "DEPENDS_ON", "DB_FLEET"),
    ("APP_RoutePlan", "DEPENDS_ON", "DB_FLEET"),
    ("APP_Notify", "DEPENDS_ON", "APP_Tracking"),
    ("APP_Notify", "DEPENDS_ON", "DB_ORDERS_R"),
    # load balancers
    ("lb/edge/1", "CONNECTS_TO", "APP_OrderApi"),
    ("lb/edge/1", "CONNECTS_TO", "APP_Cart"),
    ("lb/edge/1", "CONNECTS_TO", "APP_Search"),
    ("lb/edge/1", "CONNECTS_TO", "APP_Tracking"),
    ("lb/int/2", "CONNECTS_TO", "APP_WMS"),
    ("lb/int/2", "CONNECTS_TO", "APP_RoutePlan"),
    ("lb/int/2", "CONNECTS_TO", "APP_Stock"),
    # services
    ("biz.storefront", "DEPENDS_ON", "lb/edge/1"),
    ("biz.storefront", "DEPENDS_ON", "APP_OrderApi"),
    ("biz.storefront", "DEPENDS_ON", "APP_Cart"),
    ("biz.storefront", "DEPENDS_ON", "APP_Search"),
    ("biz.parcel", "DEPENDS_ON", "lb/edge/1"),
    ("biz.parcel", "DEPENDS_ON", "APP_Tracking"),
    ("biz.parcel", "DEPENDS_ON", "APP_Notify"),
    ("biz.sameday", "DEPENDS_ON", "APP_OrderApi"),
    ("biz.sameday", "DEPENDS_ON", "APP_RoutePlan"),
    ("biz.sameday", "DEPENDS_ON", "APP_Label"),
    ("biz.inout", "DEPENDS_ON", "lb/int/2"),
    ("biz.inout", "DEPENDS_ON", "APP_WMS"),
    ("biz.inout", "DEPENDS_ON", "APP_Label"),
    ("biz.partner", "DEPENDS_ON", "APP_Tracking"),
    ("biz.partner", "DEPENDS_ON", "APP_OrderApi"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: biz (office hours, low at weekends), eve (shopping evening peak, higher at weekends),
#           night (batch waves around 02:30), morn (dispatch peak around 07:00, weekdays), flat
METRIC_PLAN = {
    "k8s-node-a1": {"cpu_usage": (47, 0.45, 2.5, "eve"), "mem_usage": (68, 0.05, 1.2, "eve"), "disk_usage": (36, 0, 0.2, "flat")},
    "k8s-node-a2": {"cpu_usage": (58, 0.40, 2.5, "eve"), "mem_usage": (77, 0.05, 1.2, "eve"), "disk_usage": (45, 0, 0.2, "flat")},
    "k8s-node-b1": {"cpu_usage": (21, 0.30, 2.0, "biz"), "mem_usage": (50, 0.03, 1.0, "flat"), "disk_usage": (63, 0, 0.2, "flat")},
    "BM-LABEL-07": {"cpu_usage": (17, 2.20, 2.0, "biz"), "mem_usage": (39, 0.40, 1.2, "biz"), "disk_usage": (54, 0, 0.2, "flat")},
    "ec2-apne2-07": {"cpu_usage": (34, 0.60, 2.5, "eve"), "mem_usage": (59, 0.06, 1.0, "eve"), "disk_usage": (27, 0, 0.2, "flat")},
    "HX.WMS.01": {"cpu_usage": (40, 0.55, 2.5, "biz"), "mem_usage": (61, 0.05, 1.2, "biz"), "disk_usage": (39, 0, 0.2, "flat")},
    "HX.WMS.02": {"cpu_usage": (51, 0.50, 2.5, "night"), "mem_usage": (81, 0.03, 0.8, "night"), "disk_usage": (66, 0, 0.2, "flat")},
    "HX.ORD.01": {"cpu_usage": (44, 0.55, 2.5, "eve"), "mem_usage": (57, 0.06, 1.2, "eve"), "disk_usage": (33, 0, 0.2, "flat")},
    "HX.ORD.02": {"cpu_usage": (55, 0.40, 2.5, "eve"), "mem_usage": (73, 0.04, 1.0, "eve"), "disk_usage": (51, 0, 0.2, "flat")},
    "HX.TRK.01": {"cpu_usage": (30, 0.70, 2.5, "eve"), "mem_usage": (46, 0.08, 1.2, "eve"), "disk_usage": (28, 0, 0.2, "flat")},
    "HX.FLT.01": {"cpu_usage": (27, 0.80, 2.0, "morn"), "mem_usage": (53, 0.05, 1.0, "morn"), "disk_usage": (42, 0, 0.2, "flat")},
    "HX.NTF.01": {"cpu_usage": (36, 0.50, 2.5, "eve"), "mem_usage": (49, 0.00, 1.0, "flat"), "disk_usage": (31, 0, 0.2, "flat")},
    "HX.SRCH.01": {"cpu_usage": (62, 0.35, 2.5, "eve"), "mem_usage": (70, 0.04, 1.0, "eve"), "disk_usage": (47, 0, 0.2, "flat")},
    "HX.QA.01": {"cpu_usage": (12, 0.40, 1.5, "biz"), "mem_usage": (35, 0.03, 1.0, "flat"), "disk_usage": (21, 0, 0.2, "flat")},
    "HX.BI.01": {"cpu_usage": (23, 1.50, 2.0, "night"), "mem_usage": (60, 0.10, 1.0, "night"), "disk_usage": (74, 0, 0.2, "flat")},
    "HX.SBX.01": {"cpu_usage": (6, 0.30, 1.0, "biz"), "mem_usage": (24, 0.03, 1.0, "flat"), "disk_usage": (17, 0, 0.2, "flat")},
    "DB_ORDERS_P": {"cpu_usage": (49, 0.45, 2.5, "eve"), "mem_usage": (85, 0.02, 0.7, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "DB_ORDERS_R": {"cpu_usage": (33, 0.55, 2.0, "eve"), "mem_usage": (71, 0.03, 0.8, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    "DB_WMS_P": {"cpu_usage": (43, 0.60, 2.5, "night"), "mem_usage": (76, 0.03, 0.8, "flat"), "disk_usage": (69, 0, 0.2, "flat")},
    "DB_FLEET": {"cpu_usage": (29, 0.90, 2.0, "morn"), "mem_usage": (62, 0.04, 1.0, "flat"), "disk_usage": (44, 0, 0.2, "flat")},
    "DB_DW_SALES": {"cpu_usage": (32, 1.30, 2.5, "night"), "mem_usage": (72, 0.05, 1.0, "night"), "disk_usage": (81, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "APP_OrderApi": {"cpu_usage": (38, 0.55, 2.5, "eve"), "latency_ms": (95, 0.35, 5.0, "eve"), "error_rate": (0.40, 0.3, 0.07, "eve")},
    "APP_Cart": {"cpu_usage": (26, 0.60, 2.0, "eve"), "latency_ms": (48, 0.30, 3.0, "eve"), "error_rate": (0.25, 0.3, 0.05, "eve")},
    "APP_PayLink": {"cpu_usage": (21, 0.50, 1.8, "eve"), "latency_ms": (340, 0.25, 14.0, "eve"), "error_rate": (0.60, 0.3, 0.08, "eve")},
    "APP_Tracking": {"cpu_usage": (31, 0.60, 2.0, "eve"), "latency_ms": (130, 0.30, 6.0, "eve"), "error_rate": (0.50, 0.3, 0.07, "eve")},
    "APP_Search": {"cpu_usage": (56, 0.35, 2.5, "eve"), "latency_ms": (72, 0.35, 4.0, "eve"), "error_rate": (0.30, 0.3, 0.05, "eve")},
    "APP_Stock": {"cpu_usage": (24, 0.50, 1.8, "biz"), "latency_ms": (22, 0.25, 1.5, "biz"), "error_rate": (0.15, 0.2, 0.03, "biz")},
    "APP_WMS": {"cpu_usage": (35, 0.55, 2.2, "biz"), "latency_ms": (160, 0.30, 8.0, "biz"), "error_rate": (0.35, 0.3, 0.06, "biz")},
    "APP_Label": {"cpu_usage": (15, 1.00, 1.5, "biz"), "latency_ms": (480, 0.25, 20.0, "biz"), "error_rate": (0.90, 0.2, 0.12, "biz")},
    "APP_RoutePlan": {"cpu_usage": (45, 0.60, 2.5, "morn"), "latency_ms": (620, 0.30, 25.0, "morn"), "error_rate": (0.20, 0.3, 0.04, "morn")},
    "APP_Notify": {"cpu_usage": (19, 0.50, 1.8, "eve"), "latency_ms": (260, 0.25, 12.0, "eve"), "error_rate": (1.40, 0.2, 0.18, "eve")},
    "TRK_QA_APP": {"cpu_usage": (5, 0.40, 1.0, "biz"), "latency_ms": (150, 0.20, 8.0, "biz"), "error_rate": (2.00, 0.2, 0.25, "biz")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "HX.SBX.01": datetime(2026, 11, 26, 18, 0, tzinfo=KST),
    "TRK_QA_APP": datetime(2026, 11, 26, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}
HIST_CIS = ["k8s-node-a2", "DB_DW_SALES", "HX.SRCH.01"]


def hour_of(ts):
    t = ts.astimezone(KST)
    return t.hour + t.minute / 60.0


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    wkend = t.weekday() >= 5
    if kind == "biz":
        p = math.exp(-((h - 14.0) / 4.0) ** 2)
        return p * (0.35 if wkend else 1.0)
    if kind == "eve":
        d = min(abs(h - 21.0), 24 - abs(h - 21.0))
        p = math.exp(-(d / 4.5) ** 2)
        return p * (1.2 if wkend else 1.0)
    if kind == "night":
        d = min(abs(h - 2.5), 24 - abs(h - 2.5))
        return math.exp(-(d / 1.3) ** 2)
    if kind == "morn":
        p = math.exp(-((h - 7.0) / 2.0) ** 2)
        return p * (0.4 if wkend else 1.0)
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


def within(ts, a, b):
    return a <= ts < b


def episode(code, metric, ts, v, rng):
    """Planted episodes, lined up with events."""
    # 1. pg-link approval errors, Mon 11-23 09:30-10:50 (after the certificate change at 09:30)
    if within(ts, kst(2026, 11, 23, 9, 30), kst(2026, 11, 23, 10, 50)):
        if code == "APP_PayLink" and metric == "error_rate":
            v = 11.0 + rng.gauss(0, 0.8)
        if code == "APP_OrderApi" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.3)
    # 2. label printing failure, Tue 11-24 09:00-11:30 (after driver update 07:00 and deploy 07:45)
    if within(ts, kst(2026, 11, 24, 9), kst(2026, 11, 24, 11, 30)):
        if code == "APP_Label" and metric == "error_rate":
            v = 18.0 + rng.gauss(0, 1.2)
        if code == "APP_Label" and metric == "latency_ms":
            v *= 3.0
    # 3. order-api latency incident, Wed 11-25 14:00-16:00 (after deploy 11:20 and index change 12:40)
    if within(ts, kst(2026, 11, 25, 14), kst(2026, 11, 25, 16)):
        if code == "APP_OrderApi" and metric == "latency_ms":
            v = 1100 + rng.gauss(0, 60)
        if code == "APP_OrderApi" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.4)
        if code == "APP_Cart" and metric == "latency_ms":
            v += 150 + rng.gauss(0, 10)
    if code == "DB_ORDERS_P" and metric == "cpu_usage" and within(ts, kst(2026, 11, 25, 13, 45), kst(2026, 11, 25, 16)):
        v = 91 + rng.gauss(0, 1.5)
    # 4. memory climb on notify-vm 11-24 00:00 -> 11-28 12:00, then the reboot at 12:30
    if code == "HX.NTF.01" and metric == "mem_usage":
        if ts < kst(2026, 11, 28, 12, 30):
            v += 44.0 * ramp(ts, kst(2026, 11, 24), kst(2026, 11, 28, 12))
        else:
            v -= 5.0
    if within(ts, kst(2026, 11, 27, 12), kst(2026, 11, 28, 12, 30)):
        if code == "APP_Notify" and metric == "latency_ms":
            v *= 1.9
        if code == "APP_Notify" and metric == "error_rate":
            v += 4.0
    # 5. Black Friday evening, Fri 11-27 20:00-22:30: search saturates
    if within(ts, kst(2026, 11, 27, 20), kst(2026, 11, 27, 22, 30)):
        if code == "HX.SRCH.01" and metric == "cpu_usage":
            v = 95.5 + rng.gauss(0, 1.2)
        if code == "APP_Search" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 2)
        if code == "APP_Search" and metric == "latency_ms":
            v *= 2.5
        if code == "ec2-apne2-07" and metric == "cpu_usage":
            v += 15
    # 6. disk growth on orders-db-primary (order volume)
    if code == "DB_ORDERS_P" and metric == "disk_usage":
        v += 34.0 * ramp(ts, M_START, M_END)
    if code == "HX.BI.01" and metric == "disk_usage":
        v += 5.0 * ramp(ts, M_START, M_END)
    # 7. WMS night wave failure, Sat 11-28 02:50-08:00 (after deploy 11-27 22:00 and db change 00:30)
    if within(ts, kst(2026, 11, 28, 2, 50), kst(2026, 11, 28, 8)):
        if code == "APP_WMS" and metric == "error_rate":
            v = 14.0 + rng.gauss(0, 1.0)
        if code == "APP_WMS" and metric == "cpu_usage":
            v = 4.0 + abs(rng.gauss(0, 0.8))
        if code == "DB_WMS_P" and metric == "cpu_usage":
            v = 12.0 + abs(rng.gauss(0, 1.0))
    # 8. route-planner timeouts today, Mon 11-30 07:30-09:00 (after fleet-db change 05:40, deploy 06:10)
    if within(ts, kst(2026, 11, 30, 7, 30), kst(2026, 11, 30, 9)):
        if code == "APP_RoutePlan" and metric == "latency_ms":
            v = 4200 + rng.gauss(0, 200)
        if code == "APP_RoutePlan" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.5)
        if code == "DB_FLEET" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 1.2)
        if code == "APP_Tracking" and metric == "latency_ms":
            v += 200 + rng.gauss(0, 15)
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
                if metric in ("cpu_usage", "latency_ms", "error_rate"):
                    v = base * (1 + amp * p) + rng.gauss(0, sd) + drift
                else:
                    v = base * (1 + amp * p) + rng.gauss(0, sd) * 0.6 + drift
                v = episode(code, metric, ts, v, rng)
                if metric in PCT:
                    v = min(max(v, 0.0 if metric == "error_rate" else 0.5), 99.9)
                else:
                    v = max(v, 1.0)
                rows.append((ts, code, metric, round(v, 2)))
    # historical block: 5-minute cpu_usage, EC2-like (UTC timestamps)
    for code, base, sd in (("k8s-node-a2", 41.0, 4.0), ("DB_DW_SALES", 19.0, 3.0), ("HX.SRCH.01", 12.0, 1.5)):
        t = H_START
        level = base
        while t < H_END:
            level += rng.gauss(0, sd * 0.15) + 0.02 * (base - level)
            h = t.hour + t.minute / 60.0            # UTC hour
            v = level + base * 0.25 * math.sin((h - 1) / 24 * 2 * math.pi) + rng.gauss(0, sd)
            if code == "k8s-node-a2" and datetime(2015, 3, 3, 6, tzinfo=UTC) <= t < datetime(2015, 3, 3, 9, tzinfo=UTC):
                v = 94 + rng.gauss(0, 2.0)
            if code == "DB_DW_SALES" and datetime(2015, 3, 7, 20, tzinfo=UTC) <= t < datetime(2015, 3, 7, 23, tzinfo=UTC):
                v = 76 + rng.gauss(0, 3)
            if code == "HX.SRCH.01" and rng.random() < 0.01:
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
    # last month (October)
    (kst(2026, 10, 6, 23, 0), "DB_ORDERS_P", "change", "info", "orders-db-primary 마이너 버전 업그레이드 (MySQL 8.0.39)", "CHG-3301 minor version upgrade, 15 min read-only"),
    (kst(2026, 10, 15, 4, 20), "STOR-GMP-B", "alert", "major", "backup-vault shelf 2 degraded", "disk shelf 2 lost one path"),
    (kst(2026, 10, 29, 21, 0), "APP_Search", "deploy", "info", "Product Search 7.0 배포 (형태소 분석기 교체)", "release 7.0.0"),
    # misc
    (kst(2026, 11, 21, 2, 0), "STOR-ICH-A", "change", "info", "array-a firmware 6.4.2 upgrade", "CHG-3390 non-disruptive upgrade"),
    (kst(2026, 11, 21, 11, 0), "APP_Tracking", "deploy", "info", "Order Tracking 4.0.2 deploy", "release 4.0.2 (carrier codes)"),
    (kst(2026, 11, 22, 14, 0), "lb/edge/1", "change", "info", "edge-lb.icheon TLS 인증서 갱신", "CHG-3402 certificate renewal"),
    # 1. pg-link errors Mon 11-23
    (kst(2026, 11, 23, 9, 30), "APP_PayLink", "change", "info", "pg-link 가맹점 인증서 교체", "CHG-3410 merchant certificate rotation"),
    (kst(2026, 11, 23, 10, 2), "APP_PayLink", "alert", "major", "pg-link approval error rate above 5%", "error_rate 11% (threshold 5%)"),
    (kst(2026, 11, 23, 10, 5), "APP_PayLink", "incident", "critical", "결제 승인 오류 급증 (PG 인증 실패)", "INC-8101 card approvals failing, certificate chain incomplete"),
    (kst(2026, 11, 23, 10, 12), "APP_OrderApi", "alert", "major", "order-api checkout failures rising", "upstream pg-link errors"),
    (kst(2026, 11, 23, 10, 50), "APP_PayLink", "change", "info", "pg-link 인증서 체인 복구", "CHG-3411 intermediate certificate added"),
    # 2. label printing Tue 11-24
    (kst(2026, 11, 24, 7, 0), "BM-LABEL-07", "change", "info", "label-print-07 프린터 드라이버 업데이트 (ZPL 4.2)", "CHG-3420 printer driver update"),
    (kst(2026, 11, 24, 7, 45), "APP_Label", "deploy", "info", "송장 출력 1.12.0 배포", "release 1.12.0 (new courier template)"),
    (kst(2026, 11, 24, 9, 10), "APP_Label", "alert", "major", "label print queue stuck over 500 jobs", "queue depth 640"),
    (kst(2026, 11, 24, 9, 15), "APP_Label", "incident", "critical", "송장 출력 실패 (드라이버 호환성)", "INC-8107 labels not printed, outbound line 3 stopped"),
    (kst(2026, 11, 24, 11, 30), "BM-LABEL-07", "change", "info", "label-print-07 드라이버 롤백", "CHG-3421 rollback to ZPL 4.1"),
    # analytics maintenance
    (kst(2026, 11, 24, 22, 0), "DB_DW_SALES", "change", "info", "판매 분석 DW 정기 점검 시작", "maintenance window opened"),
    (kst(2026, 11, 25, 3, 30), "k8s-node-b1", "alert", "minor", "node-b1.gimpo PSU 2 redundancy lost", "power supply 2 failed"),
    # 3. order-api latency Wed 11-25
    (kst(2026, 11, 25, 11, 20), "APP_OrderApi", "deploy", "info", "order-api 5.2.0 deploy (coupon engine)", "release 5.2.0"),
    (kst(2026, 11, 25, 12, 40), "DB_ORDERS_P", "change", "info", "orders-db-primary 인덱스 추가 (idx_order_status)", "CHG-3433 online index build"),
    (kst(2026, 11, 25, 13, 55), "DB_ORDERS_P", "alert", "major", "orders-db-primary CPU over 85%", "cpu_usage 91%"),
    (kst(2026, 11, 25, 14, 10), "APP_OrderApi", "incident", "critical", "주문 API 응답 지연 (p95 > 1s)", "INC-8115 order-api latency, coupon query full scans"),
    (kst(2026, 11, 25, 14, 30), "APP_Cart", "alert", "minor", "cart.svc latency above 150ms", "upstream orders-db-primary"),
    (kst(2026, 11, 25, 16, 5), "APP_OrderApi", "change", "info", "order-api 5.1.4 롤백", "rollback; latency recovered"),
    # replica tuning (no incident follows it)
    (kst(2026, 11, 26, 15, 0), "DB_ORDERS_R", "change", "info", "orders-db-replica 복제 지연 임계값 조정", "CHG-3440 lag alert threshold 30s -> 60s"),
    # stopped sandbox / qa
    (kst(2026, 11, 26, 17, 50), "HX.SBX.01", "change", "info", "sandbox-vm 전원 차단 (비용 절감)", "CHG-3445 powered off"),
    (kst(2026, 11, 26, 17, 55), "TRK_QA_APP", "change", "info", "tracking.qa stopped for QA freeze", "CHG-3446"),
    # 4. notify-vm memory climb (80% / 90% crossings)
    (kst(2026, 11, 27, 5, 0), "HX.NTF.01", "alert", "minor", "notify-vm memory above 80%", "mem_usage 81%"),
    # 5. Black Friday Fri 11-27
    (kst(2026, 11, 27, 19, 30), "APP_Search", "alert", "minor", "Product Search QPS 3x baseline", "black friday traffic"),
    (kst(2026, 11, 27, 20, 10), "HX.SRCH.01", "alert", "critical", "search-vm-1 CPU over 90%", "cpu_usage 96%"),
    (kst(2026, 11, 27, 20, 25), "ec2-apne2-07", "alert", "major", "ec2-apne2-07 CPU steal time high", "steal 18%"),
    (kst(2026, 11, 27, 22, 40), "HX.SRCH.01", "alert", "info", "search-vm-1 CPU recovered", "cpu_usage 75%"),
    # 7. WMS wave failure Sat 11-28
    (kst(2026, 11, 27, 22, 0), "APP_WMS", "deploy", "info", "WMS Core 3.4.1 배포 (웨이브 할당 로직)", "release 3.4.1"),
    (kst(2026, 11, 28, 0, 30), "DB_WMS_P", "change", "info", "wms.db.main lock_wait_timeout 50 -> 10", "CHG-3452"),
    (kst(2026, 11, 28, 3, 5), "APP_WMS", "alert", "critical", "wave job W-0328 aborted", "lock wait timeout exceeded"),
    (kst(2026, 11, 28, 3, 10), "APP_WMS", "incident", "critical", "야간 출고 웨이브 실패 (WMS)", "INC-8120 night picking wave aborted, 1,900 orders held"),
    (kst(2026, 11, 28, 8, 0), "APP_WMS", "change", "info", "WMS Core 3.4.0 롤백", "rollback, wave re-run ok"),
    # 4. notify-vm 90% and 6. orders-db-primary disk alerts
    (kst(2026, 11, 28, 5, 0), "HX.NTF.01", "alert", "major", "notify-vm memory above 90%", "mem_usage 91%"),
    (kst(2026, 11, 28, 7, 15), "DB_ORDERS_P", "alert", "minor", "orders-db-primary disk above 85%", "disk_usage 85%"),
    (kst(2026, 11, 29, 20, 30), "DB_ORDERS_P", "alert", "major", "orders-db-primary disk above 90%", "disk_usage 90%"),
    # 4. notify OOM Sat 11-28 and the reboot
    (kst(2026, 11, 28, 11, 40), "APP_Notify", "incident", "major", "알림톡 발송 지연 (OOM)", "INC-8123 message delivery delayed, sender OOM-killed"),
    (kst(2026, 11, 28, 12, 30), "HX.NTF.01", "change", "info", "notify-vm 재기동 (메모리 회수)", "CHG-3458 reboot"),
    (kst(2026, 11, 28, 13, 30), "biz.parcel", "change", "info", "배송조회 공지 게시: 알림톡 지연 안내", "public notice"),
    (kst(2026, 11, 29, 10, 0), "BM-LABEL-07", "alert", "minor", "label-print-07 NTP drift 3s", "chrony resync"),
    (kst(2026, 11, 29, 19, 0), "APP_Cart", "deploy", "info", "cart.svc 3.8.0 배포 (쿠폰 UI)", "release 3.8.0"),
    # 8. route-planner today Mon 11-30
    (kst(2026, 11, 30, 5, 40), "DB_FLEET", "change", "info", "fleet-db autovacuum 설정 변경", "CHG-3470 autovacuum_naptime 1min -> 10min"),
    (kst(2026, 11, 30, 6, 10), "APP_RoutePlan", "deploy", "info", "route-planner 2.0.0 deploy (new solver)", "release 2.0.0"),
    (kst(2026, 11, 30, 7, 35), "APP_RoutePlan", "alert", "major", "route-planner solve time over 30s", "p95 solve 41s"),
    (kst(2026, 11, 30, 7, 40), "APP_RoutePlan", "incident", "major", "배차 최적화 타임아웃", "INC-8131 morning dispatch plans late"),
    (kst(2026, 11, 30, 8, 5), "APP_Tracking", "alert", "minor", "Order Tracking ETA stale", "upstream route-planner"),
    (kst(2026, 11, 30, 9, 10), "APP_RoutePlan", "change", "info", "route-planner 1.9.3 rollback", "rollback to 1.9.3"),
    (kst(2026, 11, 30, 9, 50), "lb/int/2", "change", "info", "int-lb.icheon 헬스체크 주기 변경", "CHG-3475 health check 10s -> 5s"),
]

BUILD_APPS = ["APP_OrderApi", "APP_Cart", "APP_PayLink", "APP_Tracking", "APP_Search", "APP_Stock", "APP_WMS", "APP_RoutePlan"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines
    day = kst(2026, 11, 20)
    n = 0
    while day < kst(2026, 11, 30):
        for code in BUILD_APPS:
            if rng.random() < 0.35:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{300 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky e2e test"))
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
    if tok.startswith("month:"):     # a Seoul calendar month: month:2015-03
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
CAT_OPS = {"latest": {"latest"}, "agg_relative": {"agg"}, "agg_absolute": {"agg"}, "trend": {"trend"},
           "topn": {"top", "bottom"}, "threshold": {"thr"}, "compare": {"cmp"}, "count": {"count"},
           "list": {"list"}, "infra": {"hosted", "hostof", "impact"}, "impact": {"impact"},
           "dependencies": {"deps"}, "calls": {"calls", "callers"}, "path": {"path"}, "events": {"ev"},
           "change_before": {"chg"}, "attribute": {"attr"}, "reject": {"reject"}, "clarify": {"clarify"}}
RELATIVE_R = ("last:", "today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth")
NEAR_DUP = 0.85


def load_src(name=SRC, tag_letter="R"):
    """Rows (line, lang, category, spec, question, persona) from the hand-written source; a persona
    tag is a comment `# <tag_letter><n> ...` (R for questions_src.txt, S for the dev6 set)."""
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


def write_questions(D, src=SRC, tsv=TSV, id_prefix="V", tag_letter="R", fixed_half=None, others=()):
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
        for r in ("today", "yesterday", "last:24h", "lastweek", "day:2026-11-27", "day:2026-11-25", "last:7d"):
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
    problems = estate_checks()
    if "--summary" in sys.argv:
        summary(D)
        for p in problems:
            print("WARN", p)
        return
    if not os.path.exists(os.path.join(HERE, SRC)):
        print(f"no {SRC}; estate written")
        return
    out, qproblems = write_questions(D)
    problems += qproblems
    print(f"{len(out)} questions written to {TSV}; cis={len(CIS)} relations={len(RELATIONS)} "
          f"metrics rows={len(metrics)} events={len(events)}")
    if "--counts" in sys.argv:
        print_counts(out, HALVES)
    if os.path.exists(os.path.join(HERE, DEV6_SRC)):
        out6, problems6 = write_questions(D, DEV6_SRC, DEV6_TSV, DEV6_ID, DEV6_TAG, DEV6_HALF, others=(SRC,))
        problems += problems6
        print(f"{len(out6)} questions written to {DEV6_TSV}")
        if "--counts" in sys.argv:
            print_counts(out6, (DEV6_HALF,))
    for p in problems:
        print("WARN", p)
    if problems and "--strict" in sys.argv:
        sys.exit(1)


if __name__ == "__main__":
    main()
