#!/usr/bin/env python3
"""Deterministic generator for the "Sallim Market" (살림마켓) fulfilment-network estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids D###, halves "dev21" / "test17") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding16/gen_estate.py (the "Moru Hotels &
Resorts" set), copied unchanged from event_checks() onwards except the ranges that --summary
prints.  The estate (an e-commerce company's fulfilment network: the storefront, today's deals,
search, cart, checkout and payments, the order hub, the warehouse-management system, wave planning,
pick-to-light, sorters, an AMR fleet, labels, same-day routing, returns, a cold-chain centre in
Jincheon, a cross-border air hub in Gimpo, and fulfilment centres in Edison NJ, Ontario CA and
Rotterdam), the clock (Saturday 27 November 2038, 02:30 Seoul = Friday 17:30 UTC, half past noon
of the US Black Friday in New Jersey, three weeks after the US and four weeks after the EU left
daylight-saving time), the sampling (every 3 hours from 1 July, every 20 minutes from 15 October,
every 2 minutes from Friday 00:00 Seoul, every 10 seconds from 02:00 today, and two 5-minute UTC
blocks shaped like public AWS CloudWatch EC2 CPU series around a Pacific-time "Cyber Sunday" 2037
and the EU's spring-forward night of March 2037 in Rotterdam), the zones (US Eastern EDT/EST,
US Pacific PDT/PST, Rotterdam CEST/CET), the names, the personas and the questions differ.  See
README.md.

Spec grammar: as in ../understanding16/gen_estate.py (persona tags `# D<n> ...`).
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
HALVES = ("dev21", "test17")
ID_PREFIX = "D"
TAG_LETTER = "D"
SEED = 20381127
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
EDT, EST = timezone(timedelta(hours=-4)), timezone(timedelta(hours=-5))   # Edison NJ (US Eastern)
PDT, PST = timezone(timedelta(hours=-7)), timezone(timedelta(hours=-8))   # Ontario CA (US Pacific)
CEST, CET = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))    # Rotterdam
US_DST_END_2038 = datetime(2038, 11, 7, 6, 0, tzinfo=UTC)      # 02:00 EDT -> 01:00 EST (Pacific: 2038-11-07T09:00Z)
EU_DST_END_2038 = datetime(2038, 10, 31, 1, 0, tzinfo=UTC)     # 03:00 CEST -> 02:00 CET
EU_DST_START_2037 = datetime(2037, 3, 29, 1, 0, tzinfo=UTC)    # 02:00 CET -> 03:00 CEST
NOW = datetime(2038, 11, 27, 2, 30, tzinfo=KST)   # Sat 02:30 Seoul = Fri 17:30Z = Fri 12:30 EST = 09:30 PST = 18:30 CET
M_START = datetime(2038, 7, 1, 0, 0, tzinfo=KST)          # every 3 hours from 1 July (an old rollup) ...
MID_START = datetime(2038, 10, 15, 0, 0, tzinfo=KST)      # ... every 20 minutes from 15 October ...
FINE_START = datetime(2038, 11, 26, 0, 0, tzinfo=KST)     # ... every 2 minutes from Friday 00:00 Seoul ...
TICK_START = datetime(2038, 11, 27, 2, 0, tzinfo=KST)     # ... and every 10 seconds from 02:00 today
M_END = NOW                                               # inclusive: the last sample is at 02:30:00 itself
STEP_3H = timedelta(hours=3)
STEP_20M = timedelta(minutes=20)
STEP_FINE = timedelta(minutes=2)
STEP_TICK = timedelta(seconds=10)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("sandy-quail", datetime(2037, 11, 28, 0, 3, tzinfo=UTC), 1152, 12.0, 0.9, 0.006),   # 4 days over "Cyber Sunday" 2037 (PST)
    ("misty-seal", datetime(2037, 3, 27, 10, 4, tzinfo=UTC), 1152, 10.0, 0.8, 0.006),    # 4 days over the EU spring-forward night 2037 (CET -> CEST)
]
# Korean public holidays in the main history: 광복절 Sun 08-15 and its substitute Mon 08-16, 개천절 Sun 10-03 and its
# substitute Mon 10-04, 한글날 Sat 10-09 and its substitute Mon 10-11 (the office profile is closed on them)
KR_HOLIDAYS = {(2038, 8, 15), (2038, 8, 16), (2038, 10, 3), (2038, 10, 4), (2038, 10, 9), (2038, 10, 11)}


def us_east(ts):
    return EDT if ts < US_DST_END_2038 else EST


def us_pac(ts):
    if ts < datetime(2037, 11, 1, 9, 0, tzinfo=UTC):
        return PDT
    if ts < datetime(2038, 3, 14, 10, 0, tzinfo=UTC):
        return PST
    return PDT if ts < datetime(2038, 11, 7, 9, 0, tzinfo=UTC) else PST


def rotterdam(ts):
    if ts < EU_DST_START_2037:
        return CET
    if ts < datetime(2037, 10, 25, 1, 0, tzinfo=UTC):
        return CEST
    if ts < datetime(2038, 3, 28, 1, 0, tzinfo=UTC):
        return CET
    return CEST if ts < EU_DST_END_2038 else CET


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# locations (country code and place, some with three words): KR Icheon (the main fulfilment centre and the data
#        centre), KR Jincheon (cold chain), KR Gimpo (cross-border air hub), US Edison NJ, US Ontario CA, NL Rotterdam,
#        KR Pyeongtaek (DR)
# owners: people, written as the people write their own names (Hangul, a romanised Korean name with a hyphen,
#        Spanish, Dutch with a lower-case particle, English)
# environments: prod, staging, sandbox, dr-standby
# --------------------------------------------------------------------------------------
ICN, CJJ, GMP, EWR, ONT, RTM, PTK = "KR Icheon", "KR Jincheon", "KR Gimpo", "US Edison NJ", "US Ontario CA", "NL Rotterdam", "KR Pyeongtaek"
PROD, STG, SBX, DRS = "prod", "staging", "sandbox", "dr-standby"
O_INF, O_WMS, O_COLD, O_WEB, O_ORD, O_GMP, O_EWR, O_ONT, O_RTM = (
    "윤서하", "강도현", "최보람", "Lee Ji-eun", "문하윤", "장태민", "Jamal Carter", "Marisol Vega", "Sanne de Vries")
CIS = [
    # network: fulfilment-centre code (IATA airport + digit) and a role, with a dot
    ("ICN1.core", "Icheon Core", "network", "running", PROD, ICN, O_INF, "이천 코어|icheon backbone", "10.71.0.1", "core"),
    ("ICN1.agv", "AMR Wi-Fi [ICN1]", "network", "running", PROD, ICN, O_WMS, "로봇 무선망|robot wlan", "10.71.9.1", "floor"),
    ("CJJ2.wan", "Jincheon WAN", "network", "running", PROD, CJJ, O_COLD, "진천 회선", "10.71.43.1", "cold"),
    ("GMP1.wan", "Gimpo WAN", "network", "running", PROD, GMP, O_GMP, "김포 회선", "10.71.41.1", "xborder"),
    ("EWR4.wan", "Edison WAN", "network", "running", PROD, EWR, O_EWR, "뉴저지 회선|jersey circuit", "10.71.101.1", "us"),
    ("ONT8.wan", "Ontario WAN", "network", "running", PROD, ONT, O_ONT, "온타리오 회선|inland empire circuit", "10.71.108.1", "us"),
    ("RTM2.wan", "Rotterdam WAN", "network", "running", PROD, RTM, O_RTM, "로테르담 회선|maasvlakte circuit", "10.71.31.1", "eu"),
    ("ICN9.dr", "Pyeongtaek DR Link", "network", "running", DRS, PTK, O_INF, "평택 DR 회선", "10.71.99.1", "dr"),
    # storage: iSCSI qualified names (dots, a dash, a colon)
    ("iqn.2036-05.kr.sallim:icn1-wms", "WMS LUN", "storage", "running", PROD, ICN, O_WMS, "창고 볼륨|wms volume", "10.71.0.31", "core"),
    ("iqn.2036-05.kr.sallim:icn1-media", "Product Photo Store", "storage", "running", PROD, ICN, O_WEB, "상품 사진 저장소|photo store", "10.71.0.32", "web"),
    ("iqn.2037-02.nl.sallim:rtm2-files", "Rotterdam Filer", "storage", "running", PROD, RTM, O_RTM, "로테르담 파일러", "10.71.31.31", "eu"),
    ("iqn.2036-09.kr.sallim:icn9-vault", "Backup Vault", "storage", "running", DRS, PTK, O_INF, "백업 볼트|vault", "10.71.99.31", "dr"),
    # servers: MAAS-style pet names as codes; names are zones, Korean unit numbers, Spanish and Dutch places
    ("brisk-heron", "Zone 1", "server", "running", PROD, ICN, O_INF, "1존 호스트|zone one host", "10.71.1.11", "core"),
    ("quiet-lynx", "Zone 2", "server", "running", PROD, ICN, O_INF, "2존 호스트", "10.71.1.12", "core"),
    ("amber-wolf", "Zone 12", "server", "running", PROD, ICN, O_INF, "12존 호스트|zone twelve host", "10.71.1.13", "core"),
    ("lucky-moth", "Wave Box", "server", "running", PROD, ICN, O_WMS, "웨이브 서버|batch box", "10.71.1.21", "wave"),
    ("gentle-ox", "냉장 1호기", "server", "running", PROD, CJJ, O_COLD, "Chiller Host 1|진천 호스트 1", "10.71.43.11", "cold"),
    ("nimble-ant", "냉동 2호기", "server", "running", PROD, CJJ, O_COLD, "Freezer Host 2|진천 호스트 2", "10.71.43.12", "cold"),
    ("sunny-crane", "Gimpo Air Box", "server", "running", PROD, GMP, O_GMP, "김포 서버|air hub box", "10.71.41.11", "xborder"),
    ("bold-eagle", "Garden State", "server", "running", PROD, EWR, O_EWR, "가든 스테이트 서버|jersey box", "10.71.101.11", "us"),
    ("sandy-quail", "Montaña Alta", "server", "running", PROD, ONT, O_ONT, "Montana Alta|몬타냐 알타|온타리오 호스트 1", "10.71.108.11", "us"),
    ("dusty-mule", "Río Hondo", "server", "running", PROD, ONT, O_ONT, "Rio Hondo|리오 온도|온타리오 호스트 2", "10.71.108.12", "us"),
    ("misty-seal", "IJsselmonde", "server", "running", PROD, RTM, O_RTM, "Ijsselmonde|이셀몬데|로테르담 호스트 1", "10.71.31.11", "eu"),
    ("frisky-eel", "'s-Gravendeel", "server", "running", PROD, RTM, O_RTM, "s-Gravendeel|Gravendeel|스흐라벤데일|로테르담 호스트 2", "10.71.31.12", "eu"),
    ("sleepy-bear", "Pyeongtaek DR Host", "server", "running", DRS, PTK, O_INF, "평택 DR 호스트|dr host", "10.71.99.11", "dr"),
    # vms: KubeVirt instances, vmi/<name>
    ("vmi/wms-a", "WMS VM", "vm", "running", PROD, ICN, O_WMS, "창고 VM", "10.71.2.11", "wms"),
    ("vmi/oms-a", "Order VM", "vm", "running", PROD, ICN, O_ORD, "주문 VM", "10.71.2.12", "order"),
    ("vmi/uat-a", "UAT VM", "vm", "maintenance", STG, ICN, O_WEB, "검수 VM|staging box", "10.71.2.13", "staging"),
    ("vmi/pick-a", "Pick VM", "vm", "running", PROD, ICN, O_WMS, "피킹 VM|floor vm", "10.71.2.21", "floor"),
    ("vmi/label-a", "Label VM", "vm", "running", PROD, ICN, O_ORD, "송장 VM", "10.71.2.22", "order"),
    ("vmi/cart-a", "Cart VM", "vm", "running", PROD, ICN, O_WEB, "장바구니 VM", "10.71.2.23", "web"),
    ("vmi/shop-a", "Storefront VM", "vm", "running", PROD, ICN, O_WEB, "쇼핑몰 VM|shop vm", "10.71.2.31", "web"),
    ("vmi/deals-a", "Deals VM", "vm", "running", PROD, ICN, O_WEB, "특가 VM", "10.71.2.32", "web"),
    ("vmi/old-rf", "Legacy RF VM", "vm", "stopped", SBX, ICN, O_WMS, "구 무선스캐너 VM", "10.71.2.39", "sandbox"),
    ("vmi/cold-a", "Cold Chain VM", "vm", "running", PROD, CJJ, O_COLD, "콜드체인 VM|진천 VM", "10.71.43.21", "cold"),
    ("vmi/customs-a", "Customs VM", "vm", "running", PROD, GMP, O_GMP, "통관 VM", "10.71.41.21", "xborder"),
    ("vmi/ewr-a", "Edison VM", "vm", "running", PROD, EWR, O_EWR, "뉴저지 VM", "10.71.101.21", "us"),
    ("vmi/ont-a", "Ontario VM", "vm", "running", PROD, ONT, O_ONT, "온타리오 VM", "10.71.108.21", "us"),
    ("vmi/rtm-a", "Rotterdam VM", "vm", "running", PROD, RTM, O_RTM, "로테르담 VM", "10.71.31.21", "eu"),
    # databases: URI-style, <engine>://<name>-<fc>
    ("pg://wms-icn1", "WMS DB", "database", "running", PROD, ICN, O_WMS, "창고 DB|inventory db", "10.71.3.11", "wms"),
    ("pg://wms-icn9", "WMS DB Replica", "database", "running", DRS, PTK, O_WMS, "창고 DB 복제본|inventory replica", "10.71.99.21", "dr"),
    ("mysql://oms-icn1", "Order DB", "database", "running", PROD, ICN, O_ORD, "주문 DB", "10.71.3.12", "order"),
    ("mongo://catalog-icn1", "Catalog DB", "database", "running", PROD, ICN, O_WEB, "상품 DB|catalog", "10.71.3.13", "web"),
    ("redis://cart-icn1", "Cart Cache", "database", "running", PROD, ICN, O_WEB, "장바구니 캐시", "10.71.3.14", "web"),
    ("pg://cold-cjj2", "Cold Chain DB", "database", "running", PROD, CJJ, O_COLD, "콜드체인 DB|진천 DB", "10.71.43.41", "cold"),
    ("mysql://us-oms-ewr4", "US Order DB", "database", "running", PROD, EWR, O_EWR, "미국 주문 DB", "10.71.101.41", "us"),
    ("pg://eu-wms-rtm2", "EU WMS DB", "database", "running", PROD, RTM, O_RTM, "유럽 창고 DB", "10.71.31.41", "eu"),
    # apps: Kubernetes deployments, deploy/<name>
    ("deploy/wms-core", "WMS Core", "app", "running", PROD, ICN, O_WMS, "창고관리 시스템|wms", "10.71.4.1", "wms"),
    ("deploy/wave-planner", "Wave Planner", "app", "running", PROD, ICN, O_WMS, "웨이브 플래너|출고 차수 계획", "10.71.4.2", "wave"),
    ("deploy/pick-to-light", "Pick-to-Light 2", "app", "running", PROD, ICN, O_WMS, "피킹 표시기|ptl", "10.71.4.3", "floor"),
    ("deploy/amr-fleet", "AMR Fleet 2.0", "app", "running", PROD, ICN, O_WMS, "물류 로봇 관제|robot fleet", "10.71.4.4", "floor"),
    ("deploy/sorter-b2", "Sorter [B2]", "app", "running", PROD, ICN, O_WMS, "B2 분류기|b2 sorter", "10.71.4.5", "floor"),
    ("deploy/sorter-b3", "Sorter [B3]", "app", "running", PROD, ICN, O_WMS, "B3 분류기|b3 sorter", "10.71.4.6", "floor"),
    ("deploy/label", "Label Service", "app", "running", PROD, ICN, O_ORD, "송장 출력|waybill printing", "10.71.4.11", "order"),
    ("deploy/oms", "Order Hub", "app", "running", PROD, ICN, O_ORD, "주문 허브|oms", "10.71.4.12", "order"),
    ("deploy/payments", "Pay.Gate", "app", "running", PROD, ICN, O_ORD, "페이게이트|payments", "10.71.4.13", "order"),
    ("deploy/same-day", "Same-Day Router", "app", "running", PROD, ICN, O_ORD, "당일배송 라우터|same day", "10.71.4.14", "order"),
    ("deploy/returns", "Returns Desk", "app", "error", PROD, ICN, O_ORD, "반품 데스크|returns", "10.71.4.15", "order"),
    ("deploy/storefront", "Storefront", "app", "running", PROD, ICN, O_WEB, "쇼핑몰|web shop", "10.71.4.21", "web"),
    ("deploy/todays-deals", "Today's Deals", "app", "running", PROD, ICN, O_WEB, "오늘의 특가|daily deals", "10.71.4.22", "web"),
    ("deploy/search", "Product Search", "app", "running", PROD, ICN, O_WEB, "상품 검색|search", "10.71.4.23", "web"),
    ("deploy/cart-api", "Cart API", "app", "running", PROD, ICN, O_WEB, "장바구니 API|cart", "10.71.4.24", "web"),
    ("deploy/checkout", "Checkout", "app", "running", PROD, ICN, O_WEB, "결제 화면|check-out page", "10.71.4.25", "web"),
    ("deploy/ai-stylist", "AI Stylist", "app", "running", SBX, ICN, O_WEB, "AI 스타일리스트|style bot", "10.71.4.29", "sandbox"),
    ("deploy/fresh-inbound", "신선 입고", "app", "running", PROD, CJJ, O_COLD, "Fresh Inbound|신선식품 입고", "10.71.43.51", "cold"),
    ("deploy/customs", "Customs Bridge", "app", "running", PROD, GMP, O_GMP, "통관 브리지|customs", "10.71.41.51", "xborder"),
    ("deploy/us-dock", "Dock 7 Scheduler", "app", "running", PROD, EWR, O_EWR, "7번 도크 스케줄러|dock seven", "10.71.101.51", "us"),
    ("deploy/us-label", "Label Service US", "app", "running", PROD, EWR, O_EWR, "미국 송장 출력|us waybills", "10.71.101.52", "us"),
    ("deploy/ont-dock", "Dock 17 Scheduler", "app", "running", PROD, ONT, O_ONT, "17번 도크 스케줄러|dock seventeen", "10.71.108.51", "us"),
    ("deploy/yard-cam", "Yard Cam", "app", "running", PROD, ONT, O_ONT, "야드 카메라|yard camera", "10.71.108.52", "us"),
    ("deploy/eu-wms", "Magazijn WMS", "app", "running", PROD, RTM, O_RTM, "마가자인 WMS|eu warehouse", "10.71.31.51", "eu"),
    ("deploy/eu-returns", "Retouren", "app", "running", PROD, RTM, O_RTM, "레투런|eu returns", "10.71.31.52", "eu"),
    # load balancers: Kubernetes ingresses
    ("ingress/edge-web", "Web Edge", "load_balancer", "running", PROD, ICN, O_INF, "웹 관문|public edge", "10.71.0.80", "web"),
    ("ingress/edge-api", "Partner API Edge", "load_balancer", "running", PROD, ICN, O_INF, "파트너 API 관문|partner edge", "10.71.0.81", "order"),
    # services: Backstage-style system refs
    ("system:order-to-door", "Order to Door", "service", "running", PROD, ICN, O_ORD, "주문부터 배송까지|o2d", "", "order"),
    ("system:fresh", "Fresh Delivery", "service", "running", PROD, CJJ, O_COLD, "신선 배송 서비스", "", "cold"),
    ("system:cross-border", "Cross-Border", "service", "running", PROD, GMP, O_GMP, "해외 직구 서비스|direct purchase", "", "xborder"),
    ("system:us-fulfilment", "US Fulfilment", "service", "running", PROD, EWR, O_EWR, "미국 풀필먼트", "", "us"),
    ("system:eu-fulfilment", "EU Fulfilment", "service", "running", PROD, RTM, O_RTM, "유럽 풀필먼트", "", "eu"),
    ("system:marketplace", "Marketplace", "service", "running", PROD, ICN, O_ORD, "오픈마켓 서비스|3p sellers", "", "order"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network
    ("ICN1.agv", "CONNECTS_TO", "ICN1.core"),
    ("CJJ2.wan", "CONNECTS_TO", "ICN1.core"),
    ("GMP1.wan", "CONNECTS_TO", "ICN1.core"),
    ("EWR4.wan", "CONNECTS_TO", "ICN1.core"),
    ("ONT8.wan", "CONNECTS_TO", "ICN1.core"),
    ("RTM2.wan", "CONNECTS_TO", "ICN1.core"),
    ("ICN9.dr", "CONNECTS_TO", "ICN1.core"),
    ("brisk-heron", "CONNECTS_TO", "ICN1.core"),
    ("quiet-lynx", "CONNECTS_TO", "ICN1.core"),
    ("amber-wolf", "CONNECTS_TO", "ICN1.core"),
    ("lucky-moth", "CONNECTS_TO", "ICN1.core"),
    ("gentle-ox", "CONNECTS_TO", "CJJ2.wan"),
    ("nimble-ant", "CONNECTS_TO", "CJJ2.wan"),
    ("sunny-crane", "CONNECTS_TO", "GMP1.wan"),
    ("bold-eagle", "CONNECTS_TO", "EWR4.wan"),
    ("sandy-quail", "CONNECTS_TO", "ONT8.wan"),
    ("dusty-mule", "CONNECTS_TO", "ONT8.wan"),
    ("misty-seal", "CONNECTS_TO", "RTM2.wan"),
    ("frisky-eel", "CONNECTS_TO", "RTM2.wan"),
    ("sleepy-bear", "CONNECTS_TO", "ICN9.dr"),
    ("iqn.2036-05.kr.sallim:icn1-wms", "CONNECTS_TO", "ICN1.core"),
    ("iqn.2036-05.kr.sallim:icn1-media", "CONNECTS_TO", "ICN1.core"),
    ("iqn.2037-02.nl.sallim:rtm2-files", "CONNECTS_TO", "RTM2.wan"),
    ("iqn.2036-09.kr.sallim:icn9-vault", "CONNECTS_TO", "ICN9.dr"),
    # hypervisors -> vms (Zone 1: HOSTS only; Zone 2: RUNS_ON only; Zone 12: both)
    ("brisk-heron", "HOSTS", "vmi/wms-a"),
    ("brisk-heron", "HOSTS", "vmi/oms-a"),
    ("brisk-heron", "HOSTS", "vmi/uat-a"),
    ("vmi/pick-a", "RUNS_ON", "quiet-lynx"),
    ("vmi/label-a", "RUNS_ON", "quiet-lynx"),
    ("vmi/cart-a", "RUNS_ON", "quiet-lynx"),
    ("amber-wolf", "HOSTS", "vmi/shop-a"),
    ("vmi/shop-a", "RUNS_ON", "amber-wolf"),
    ("vmi/deals-a", "RUNS_ON", "amber-wolf"),
    ("amber-wolf", "HOSTS", "vmi/old-rf"),
    ("vmi/cold-a", "RUNS_ON", "gentle-ox"),
    ("sunny-crane", "HOSTS", "vmi/customs-a"),
    ("vmi/ewr-a", "RUNS_ON", "bold-eagle"),
    ("vmi/ont-a", "RUNS_ON", "sandy-quail"),
    ("misty-seal", "HOSTS", "vmi/rtm-a"),
    ("vmi/wms-a", "DEPENDS_ON", "iqn.2036-05.kr.sallim:icn1-wms"),
    ("vmi/shop-a", "DEPENDS_ON", "iqn.2036-05.kr.sallim:icn1-media"),
    ("vmi/rtm-a", "DEPENDS_ON", "iqn.2037-02.nl.sallim:rtm2-files"),
    # databases
    ("pg://wms-icn1", "RUNS_ON", "vmi/wms-a"),
    ("pg://wms-icn1", "DEPENDS_ON", "iqn.2036-05.kr.sallim:icn1-wms"),
    ("pg://wms-icn9", "RUNS_ON", "sleepy-bear"),
    ("pg://wms-icn9", "DEPENDS_ON", "pg://wms-icn1"),
    ("pg://wms-icn9", "DEPENDS_ON", "iqn.2036-09.kr.sallim:icn9-vault"),
    ("mysql://oms-icn1", "RUNS_ON", "amber-wolf"),
    ("mongo://catalog-icn1", "RUNS_ON", "vmi/shop-a"),
    ("redis://cart-icn1", "RUNS_ON", "vmi/cart-a"),
    ("pg://cold-cjj2", "RUNS_ON", "nimble-ant"),
    ("mysql://us-oms-ewr4", "RUNS_ON", "vmi/ewr-a"),
    ("pg://eu-wms-rtm2", "RUNS_ON", "vmi/rtm-a"),
    # apps on vms and on bare metal
    ("deploy/wms-core", "RUNS_ON", "vmi/wms-a"),
    ("deploy/wave-planner", "RUNS_ON", "lucky-moth"),
    ("deploy/pick-to-light", "RUNS_ON", "vmi/pick-a"),
    ("deploy/amr-fleet", "RUNS_ON", "vmi/pick-a"),
    ("deploy/sorter-b2", "RUNS_ON", "vmi/pick-a"),
    ("deploy/sorter-b3", "RUNS_ON", "vmi/pick-a"),
    ("deploy/label", "RUNS_ON", "vmi/label-a"),
    ("deploy/oms", "RUNS_ON", "vmi/oms-a"),
    ("deploy/payments", "RUNS_ON", "vmi/oms-a"),
    ("deploy/same-day", "RUNS_ON", "vmi/oms-a"),
    ("deploy/returns", "RUNS_ON", "vmi/label-a"),
    ("deploy/storefront", "RUNS_ON", "vmi/shop-a"),
    ("deploy/todays-deals", "RUNS_ON", "vmi/deals-a"),
    ("deploy/search", "RUNS_ON", "vmi/shop-a"),
    ("deploy/cart-api", "RUNS_ON", "vmi/cart-a"),
    ("deploy/checkout", "RUNS_ON", "vmi/cart-a"),
    ("deploy/ai-stylist", "RUNS_ON", "vmi/uat-a"),
    ("deploy/fresh-inbound", "RUNS_ON", "vmi/cold-a"),
    ("deploy/customs", "RUNS_ON", "vmi/customs-a"),
    ("deploy/us-dock", "RUNS_ON", "vmi/ewr-a"),
    ("deploy/us-label", "RUNS_ON", "vmi/ewr-a"),
    ("deploy/ont-dock", "RUNS_ON", "vmi/ont-a"),
    ("deploy/yard-cam", "RUNS_ON", "dusty-mule"),
    ("deploy/eu-wms", "RUNS_ON", "vmi/rtm-a"),
    ("deploy/eu-returns", "RUNS_ON", "frisky-eel"),
    # app dependencies
    ("deploy/wms-core", "DEPENDS_ON", "pg://wms-icn1"),
    ("deploy/wave-planner", "DEPENDS_ON", "pg://wms-icn1"),
    ("deploy/wave-planner", "DEPENDS_ON", "deploy/wms-core"),
    ("deploy/wave-planner", "DEPENDS_ON", "mysql://oms-icn1"),
    ("deploy/pick-to-light", "DEPENDS_ON", "deploy/wms-core"),
    ("deploy/amr-fleet", "DEPENDS_ON", "deploy/wms-core"),
    ("deploy/amr-fleet", "CONNECTS_TO", "ICN1.agv"),
    ("deploy/sorter-b2", "DEPENDS_ON", "deploy/wms-core"),
    ("deploy/sorter-b2", "DEPENDS_ON", "deploy/label"),
    ("deploy/sorter-b3", "DEPENDS_ON", "deploy/wms-core"),
    ("deploy/sorter-b3", "DEPENDS_ON", "deploy/label"),
    ("deploy/label", "DEPENDS_ON", "deploy/oms"),
    ("deploy/oms", "DEPENDS_ON", "mysql://oms-icn1"),
    ("deploy/oms", "DEPENDS_ON", "deploy/payments"),
    ("deploy/payments", "CONNECTS_TO", "ICN1.core"),
    ("deploy/same-day", "DEPENDS_ON", "deploy/oms"),
    ("deploy/same-day", "DEPENDS_ON", "deploy/wms-core"),
    ("deploy/returns", "DEPENDS_ON", "deploy/oms"),
    ("deploy/returns", "DEPENDS_ON", "deploy/payments"),
    ("deploy/storefront", "DEPENDS_ON", "deploy/search"),
    ("deploy/storefront", "DEPENDS_ON", "deploy/cart-api"),
    ("deploy/storefront", "DEPENDS_ON", "deploy/todays-deals"),
    ("deploy/todays-deals", "DEPENDS_ON", "mongo://catalog-icn1"),
    ("deploy/search", "DEPENDS_ON", "mongo://catalog-icn1"),
    ("deploy/cart-api", "DEPENDS_ON", "redis://cart-icn1"),
    ("deploy/checkout", "DEPENDS_ON", "deploy/cart-api"),
    ("deploy/checkout", "DEPENDS_ON", "deploy/payments"),
    ("deploy/checkout", "DEPENDS_ON", "deploy/oms"),
    ("deploy/ai-stylist", "DEPENDS_ON", "deploy/search"),
    ("deploy/fresh-inbound", "DEPENDS_ON", "pg://cold-cjj2"),
    ("deploy/fresh-inbound", "DEPENDS_ON", "deploy/wms-core"),
    ("deploy/fresh-inbound", "CONNECTS_TO", "CJJ2.wan"),
    ("deploy/customs", "DEPENDS_ON", "deploy/oms"),
    ("deploy/customs", "CONNECTS_TO", "GMP1.wan"),
    ("deploy/us-dock", "DEPENDS_ON", "mysql://us-oms-ewr4"),
    ("deploy/us-dock", "CONNECTS_TO", "EWR4.wan"),
    ("deploy/us-label", "DEPENDS_ON", "deploy/label"),
    ("deploy/us-label", "DEPENDS_ON", "mysql://us-oms-ewr4"),
    ("deploy/ont-dock", "DEPENDS_ON", "mysql://us-oms-ewr4"),
    ("deploy/ont-dock", "CONNECTS_TO", "ONT8.wan"),
    ("deploy/yard-cam", "CONNECTS_TO", "ONT8.wan"),
    ("deploy/eu-wms", "DEPENDS_ON", "pg://eu-wms-rtm2"),
    ("deploy/eu-wms", "DEPENDS_ON", "deploy/oms"),
    ("deploy/eu-returns", "DEPENDS_ON", "deploy/eu-wms"),
    ("deploy/eu-returns", "DEPENDS_ON", "deploy/payments"),
    # load balancers
    ("ingress/edge-web", "CONNECTS_TO", "deploy/storefront"),
    ("ingress/edge-web", "CONNECTS_TO", "deploy/checkout"),
    ("ingress/edge-web", "CONNECTS_TO", "deploy/todays-deals"),
    ("ingress/edge-api", "CONNECTS_TO", "deploy/oms"),
    ("ingress/edge-api", "CONNECTS_TO", "deploy/customs"),
    ("ingress/edge-api", "CONNECTS_TO", "deploy/payments"),
    # services
    ("system:order-to-door", "DEPENDS_ON", "ingress/edge-web"),
    ("system:order-to-door", "DEPENDS_ON", "deploy/storefront"),
    ("system:order-to-door", "DEPENDS_ON", "deploy/checkout"),
    ("system:order-to-door", "DEPENDS_ON", "deploy/oms"),
    ("system:order-to-door", "DEPENDS_ON", "deploy/wms-core"),
    ("system:order-to-door", "DEPENDS_ON", "deploy/same-day"),
    ("system:fresh", "DEPENDS_ON", "deploy/fresh-inbound"),
    ("system:fresh", "DEPENDS_ON", "deploy/same-day"),
    ("system:cross-border", "DEPENDS_ON", "deploy/customs"),
    ("system:cross-border", "DEPENDS_ON", "deploy/checkout"),
    ("system:us-fulfilment", "DEPENDS_ON", "deploy/us-dock"),
    ("system:us-fulfilment", "DEPENDS_ON", "deploy/us-label"),
    ("system:us-fulfilment", "DEPENDS_ON", "deploy/ont-dock"),
    ("system:eu-fulfilment", "DEPENDS_ON", "deploy/eu-wms"),
    ("system:eu-fulfilment", "DEPENDS_ON", "deploy/eu-returns"),
    ("system:marketplace", "DEPENDS_ON", "ingress/edge-api"),
    ("system:marketplace", "DEPENDS_ON", "deploy/oms"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: shop (online shopping in Seoul: lunch and the evening 21-23, more at weekends), wave (wave planning 01-03
#           and the 13:00 cut-off, Seoul), floor (Icheon picking: the day shift 08-17 and the night shift 19-04),
#           order (order cut-offs at 10, 14 and 22 Seoul), cold (Jincheon fresh inbound 03-09 Seoul), xborder (Gimpo
#           air departures at 06 and 18 Seoul), edison (the Edison day 06-22 on New Jersey's clock, EDT then EST),
#           ontario (the Ontario day 06-22 on California's clock, PDT then PST), rotterdam (07-22 on Rotterdam's
#           clock, CEST then CET), office (Seoul working days 09-18), flat
METRIC_PLAN = {
    "brisk-heron": {"cpu_usage": (33, 0.55, 1.6, "order"), "mem_usage": (64, 0.04, 1.0, "order"), "disk_usage": (42, 0, 0.2, "flat")},
    "quiet-lynx": {"cpu_usage": (30, 0.60, 1.5, "floor"), "mem_usage": (58, 0.04, 1.0, "floor"), "disk_usage": (47, 0, 0.2, "flat")},
    "amber-wolf": {"cpu_usage": (36, 0.50, 1.6, "shop"), "mem_usage": (70, 0.03, 0.9, "shop"), "disk_usage": (55, 0, 0.2, "flat")},
    "lucky-moth": {"cpu_usage": (15, 3.00, 1.6, "wave"), "mem_usage": (45, 0.15, 1.0, "wave"), "disk_usage": (34, 0, 0.2, "flat")},
    "gentle-ox": {"cpu_usage": (22, 0.70, 1.4, "cold"), "mem_usage": (51, 0.04, 0.9, "cold"), "disk_usage": (40, 0, 0.2, "flat")},
    "nimble-ant": {"cpu_usage": (18, 0.70, 1.3, "cold"), "mem_usage": (47, 0.04, 0.9, "cold"), "disk_usage": (62, 0, 0.2, "flat")},
    "sunny-crane": {"cpu_usage": (20, 0.60, 1.3, "xborder"), "mem_usage": (43, 0.04, 0.9, "xborder"), "disk_usage": (38, 0, 0.2, "flat")},
    "bold-eagle": {"cpu_usage": (27, 0.70, 1.5, "edison"), "mem_usage": (56, 0.04, 0.9, "edison"), "disk_usage": (50, 0, 0.2, "flat")},
    "sandy-quail": {"cpu_usage": (24, 0.70, 1.4, "ontario"), "mem_usage": (52, 0.04, 0.9, "ontario"), "disk_usage": (44, 0, 0.2, "flat")},
    "dusty-mule": {"cpu_usage": (11, 0.60, 1.0, "ontario"), "mem_usage": (39, 0.04, 0.9, "ontario"), "disk_usage": (71, 0, 0.2, "flat")},
    "misty-seal": {"cpu_usage": (25, 0.70, 1.5, "rotterdam"), "mem_usage": (54, 0.04, 0.9, "rotterdam"), "disk_usage": (46, 0, 0.2, "flat")},
    "frisky-eel": {"cpu_usage": (14, 0.70, 1.1, "rotterdam"), "mem_usage": (41, 0.04, 0.9, "rotterdam"), "disk_usage": (36, 0, 0.2, "flat")},
    "sleepy-bear": {"cpu_usage": (8, 0.20, 0.6, "flat"), "mem_usage": (35, 0.02, 0.8, "flat"), "disk_usage": (29, 0, 0.2, "flat")},
    "vmi/wms-a": {"cpu_usage": (31, 0.70, 1.5, "floor"), "mem_usage": (66, 0.03, 0.9, "floor"), "disk_usage": (43, 0, 0.2, "flat")},
    "vmi/oms-a": {"cpu_usage": (28, 0.70, 1.5, "order"), "mem_usage": (61, 0.04, 0.9, "order"), "disk_usage": (39, 0, 0.2, "flat")},
    "vmi/uat-a": {"cpu_usage": (16, 0.60, 1.2, "office"), "mem_usage": (37, 0.03, 1.0, "office"), "disk_usage": (48, 0, 0.2, "flat")},
    "vmi/pick-a": {"cpu_usage": (26, 0.80, 1.5, "floor"), "mem_usage": (57, 0.04, 0.9, "floor"), "disk_usage": (33, 0, 0.2, "flat")},
    "vmi/label-a": {"cpu_usage": (21, 0.70, 1.3, "order"), "mem_usage": (49, 0.04, 0.9, "order"), "disk_usage": (57, 0, 0.2, "flat")},
    "vmi/cart-a": {"cpu_usage": (24, 0.80, 1.4, "shop"), "mem_usage": (59, 0.04, 0.9, "shop"), "disk_usage": (31, 0, 0.2, "flat")},
    "vmi/shop-a": {"cpu_usage": (29, 0.80, 1.6, "shop"), "mem_usage": (63, 0.04, 0.9, "shop"), "disk_usage": (60, 0, 0.2, "flat")},
    "vmi/deals-a": {"cpu_usage": (19, 0.80, 1.3, "shop"), "mem_usage": (46, 0.04, 0.9, "shop"), "disk_usage": (37, 0, 0.2, "flat")},
    "vmi/old-rf": {"cpu_usage": (9, 0.40, 0.9, "floor"), "mem_usage": (30, 0.03, 1.0, "flat"), "disk_usage": (74, 0, 0.2, "flat")},
    "vmi/cold-a": {"cpu_usage": (23, 0.70, 1.4, "cold"), "mem_usage": (53, 0.04, 0.9, "cold"), "disk_usage": (41, 0, 0.2, "flat")},
    "vmi/customs-a": {"cpu_usage": (17, 0.70, 1.2, "xborder"), "mem_usage": (44, 0.04, 0.9, "xborder"), "disk_usage": (35, 0, 0.2, "flat")},
    "vmi/ewr-a": {"cpu_usage": (26, 0.80, 1.5, "edison"), "mem_usage": (58, 0.04, 0.9, "edison"), "disk_usage": (45, 0, 0.2, "flat")},
    "vmi/ont-a": {"cpu_usage": (22, 0.80, 1.4, "ontario"), "mem_usage": (50, 0.04, 0.9, "ontario"), "disk_usage": (40, 0, 0.2, "flat")},
    "vmi/rtm-a": {"cpu_usage": (24, 0.80, 1.5, "rotterdam"), "mem_usage": (55, 0.04, 0.9, "rotterdam"), "disk_usage": (52, 0, 0.2, "flat")},
    "pg://wms-icn1": {"cpu_usage": (27, 0.70, 1.4, "floor"), "mem_usage": (76, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "pg://wms-icn9": {"cpu_usage": (10, 0.20, 0.7, "flat"), "mem_usage": (62, 0.02, 0.6, "flat"), "disk_usage": (56, 0, 0.2, "flat")},
    "mysql://oms-icn1": {"cpu_usage": (30, 0.70, 1.5, "order"), "mem_usage": (69, 0.02, 0.6, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "mongo://catalog-icn1": {"cpu_usage": (20, 0.60, 1.3, "shop"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "redis://cart-icn1": {"cpu_usage": (17, 0.70, 1.2, "shop"), "mem_usage": (54, 0.03, 0.7, "shop"), "disk_usage": (22, 0, 0.2, "flat")},
    "pg://cold-cjj2": {"cpu_usage": (16, 0.70, 1.1, "cold"), "mem_usage": (48, 0.03, 0.7, "cold"), "disk_usage": (53, 0, 0.2, "flat")},
    "mysql://us-oms-ewr4": {"cpu_usage": (19, 0.80, 1.2, "edison"), "mem_usage": (57, 0.03, 0.7, "edison"), "disk_usage": (67, 0, 0.2, "flat")},
    "pg://eu-wms-rtm2": {"cpu_usage": (14, 0.80, 1.0, "rotterdam"), "mem_usage": (46, 0.03, 0.7, "rotterdam"), "disk_usage": (59, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "deploy/wms-core": {"cpu_usage": (24, 0.70, 1.5, "floor"), "latency_ms": (175, 0.35, 5.0, "floor"), "error_rate": (0.07, 0.3, 0.015, "floor")},
    "deploy/wave-planner": {"cpu_usage": (13, 3.00, 1.6, "wave"), "latency_ms": (2600, 0.30, 55.0, "wave"), "error_rate": (0.10, 0.3, 0.02, "wave")},
    "deploy/pick-to-light": {"cpu_usage": (12, 0.70, 1.0, "floor"), "latency_ms": (38, 0.35, 1.2, "floor"), "error_rate": (0.04, 0.3, 0.01, "floor")},
    "deploy/amr-fleet": {"cpu_usage": (21, 0.70, 1.3, "floor"), "latency_ms": (64, 0.35, 2.0, "floor"), "error_rate": (0.09, 0.3, 0.02, "floor")},
    "deploy/sorter-b2": {"cpu_usage": (16, 0.80, 1.2, "floor"), "latency_ms": (88, 0.35, 3.0, "floor"), "error_rate": (0.06, 0.3, 0.012, "floor")},
    "deploy/sorter-b3": {"cpu_usage": (10, 0.80, 0.9, "floor"), "latency_ms": (97, 0.35, 3.0, "floor"), "error_rate": (0.05, 0.3, 0.012, "floor")},
    "deploy/label": {"cpu_usage": (14, 0.70, 1.1, "order"), "latency_ms": (230, 0.35, 6.0, "order"), "error_rate": (0.08, 0.3, 0.018, "order")},
    "deploy/oms": {"cpu_usage": (25, 0.70, 1.5, "order"), "latency_ms": (145, 0.35, 4.0, "order"), "error_rate": (0.06, 0.3, 0.015, "order")},
    "deploy/payments": {"cpu_usage": (18, 0.70, 1.2, "shop"), "latency_ms": (340, 0.35, 9.0, "shop"), "error_rate": (0.15, 0.3, 0.03, "shop")},
    "deploy/same-day": {"cpu_usage": (9, 0.80, 0.9, "order"), "latency_ms": (520, 0.30, 13.0, "order"), "error_rate": (0.21, 0.3, 0.04, "order")},
    "deploy/returns": {"cpu_usage": (7, 0.60, 0.8, "office"), "latency_ms": (610, 0.30, 15.0, "office"), "error_rate": (0.72, 0.3, 0.08, "office")},
    "deploy/storefront": {"cpu_usage": (27, 0.80, 1.6, "shop"), "latency_ms": (260, 0.40, 7.0, "shop"), "error_rate": (0.11, 0.3, 0.025, "shop")},
    "deploy/todays-deals": {"cpu_usage": (15, 0.80, 1.2, "shop"), "latency_ms": (395, 0.40, 10.0, "shop"), "error_rate": (0.17, 0.3, 0.035, "shop")},
    "deploy/search": {"cpu_usage": (22, 0.70, 1.4, "shop"), "latency_ms": (120, 0.40, 3.5, "shop"), "error_rate": (0.05, 0.3, 0.012, "shop")},
    "deploy/cart-api": {"cpu_usage": (19, 0.70, 1.3, "shop"), "latency_ms": (70, 0.40, 2.5, "shop"), "error_rate": (0.03, 0.3, 0.008, "shop")},
    "deploy/checkout": {"cpu_usage": (23, 0.80, 1.4, "shop"), "latency_ms": (310, 0.40, 8.0, "shop"), "error_rate": (0.13, 0.3, 0.03, "shop")},
    "deploy/ai-stylist": {"cpu_usage": (11, 0.60, 1.0, "office"), "latency_ms": (1850, 0.30, 40.0, "office"), "error_rate": (0.46, 0.3, 0.06, "office")},
    "deploy/fresh-inbound": {"cpu_usage": (13, 0.80, 1.1, "cold"), "latency_ms": (205, 0.35, 6.0, "cold"), "error_rate": (0.08, 0.3, 0.018, "cold")},
    "deploy/customs": {"cpu_usage": (12, 0.70, 1.0, "xborder"), "latency_ms": (780, 0.30, 18.0, "xborder"), "error_rate": (0.26, 0.3, 0.05, "xborder")},
    "deploy/us-dock": {"cpu_usage": (10, 0.80, 0.9, "edison"), "latency_ms": (150, 0.35, 4.0, "edison"), "error_rate": (0.07, 0.3, 0.015, "edison")},
    "deploy/us-label": {"cpu_usage": (8, 0.80, 0.9, "edison"), "latency_ms": (245, 0.35, 6.5, "edison"), "error_rate": (0.09, 0.3, 0.02, "edison")},
    "deploy/ont-dock": {"cpu_usage": (9, 0.80, 0.9, "ontario"), "latency_ms": (165, 0.35, 4.5, "ontario"), "error_rate": (0.08, 0.3, 0.018, "ontario")},
    "deploy/yard-cam": {"cpu_usage": (6, 0.60, 0.7, "ontario"), "latency_ms": (430, 0.30, 11.0, "ontario"), "error_rate": (0.19, 0.3, 0.035, "ontario")},
    "deploy/eu-wms": {"cpu_usage": (17, 0.80, 1.2, "rotterdam"), "latency_ms": (215, 0.35, 6.0, "rotterdam"), "error_rate": (0.07, 0.3, 0.016, "rotterdam")},
    "deploy/eu-returns": {"cpu_usage": (8, 0.80, 0.8, "rotterdam"), "latency_ms": (355, 0.35, 9.0, "rotterdam"), "error_rate": (0.14, 0.3, 0.03, "rotterdam")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "vmi/old-rf": datetime(2038, 9, 30, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}


def hour_of(ts, tz=KST):
    t = ts.astimezone(tz)
    return t.hour + t.minute / 60.0 + t.second / 3600.0


def circ(h, c):
    d = abs(h - c)
    return min(d, 24 - d)


def plateau(h, a, b):
    return 1.0 / (1 + math.exp(-(h - a) * 2.5)) * 1.0 / (1 + math.exp((h - b) * 2.5))


def workday(t):
    return t.weekday() < 5 and (t.year, t.month, t.day) not in KR_HOLIDAYS


def bump(h, c, w):
    return math.exp(-(circ(h, c) / w) ** 2)


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    if kind == "shop":
        v = 0.10 + 0.35 * bump(h, 12.5, 1.2) + 0.6 * bump(h, 22.0, 1.6) + 0.15 * plateau(h, 9.0, 18.0)
        return v if t.weekday() < 5 else 0.85 * v + 0.12
    if kind == "wave":
        return 0.06 + 0.9 * plateau(h, 1.0, 3.0) + 0.3 * bump(h, 13.0, 0.6)
    if kind == "floor":
        return 0.10 + 0.6 * plateau(h, 8.0, 17.0) + 0.35 * (plateau(h, 19.0, 23.9) + plateau(h, 0.0, 4.0))
    if kind == "order":
        return 0.15 + 0.5 * sum(bump(h, c, 0.8) for c in (10.0, 14.0, 22.0))
    if kind == "cold":
        return 0.10 + 0.7 * plateau(h, 3.0, 9.0)
    if kind == "xborder":
        return 0.12 + 0.55 * (bump(h, 6.0, 1.2) + bump(h, 18.0, 1.2))
    if kind == "edison":
        return 0.12 + 0.65 * plateau(hour_of(ts, us_east(ts)), 6.0, 22.0)
    if kind == "ontario":
        return 0.12 + 0.65 * plateau(hour_of(ts, us_pac(ts)), 6.0, 22.0)
    if kind == "rotterdam":
        return 0.12 + 0.65 * plateau(hour_of(ts, rotterdam(ts)), 7.0, 22.0)
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    return 0.0


def kst(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=KST)


def utc(y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def ramp(ts, a, b):
    if ts <= a:
        return 0.0
    if ts >= b:
        return 1.0
    return (ts - a) / (b - a)


def within(ts, a, b):
    return a <= ts < b


def episode(code, metric, ts, v, rng):
    """Planted episodes, lined up with events (all times Seoul unless said)."""
    # level shift: the Catalog DB's memory after the new search index, from Tue 2038-10-12 10:00
    if code == "mongo://catalog-icn1" and metric == "mem_usage" and ts >= kst(2038, 10, 12, 10):
        v += 8.0
    # growth: the WMS DB's disk over the whole history (pick history is kept)
    if code == "pg://wms-icn1" and metric == "disk_usage":
        v += 25.0 * ramp(ts, M_START, M_END)
    # growth: the Storefront VM's disk from 2038-10-15 (product photos cached for the sale)
    if code == "vmi/shop-a" and metric == "disk_usage":
        v += 20.0 * ramp(ts, kst(2038, 10, 15), M_END)
    # 1. the wave planner overruns, Mon 2038-08-16 00:00-04:00 (in the 3-hour part; WMS DB vacuum Sun 21:30,
    #    Wave Planner 3.2 at 23:10)
    if within(ts, kst(2038, 8, 16, 0), kst(2038, 8, 16, 4)):
        if code == "deploy/wave-planner" and metric == "latency_ms":
            v *= 3.0
        if code == "deploy/wave-planner" and metric == "error_rate":
            v = 5.5 + rng.gauss(0, 0.3)
        if code == "lucky-moth" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.4)
        if code == "pg://wms-icn1" and metric == "cpu_usage":
            v += 25
    # 2. Sorter [B2] jams, Thu 2038-10-21 14:00-17:00 (PLC firmware on Zone 2 10:00, Sorter [B2] 5.3 at 12:40)
    if within(ts, kst(2038, 10, 21, 14), kst(2038, 10, 21, 17)):
        if code == "deploy/sorter-b2" and metric == "error_rate":
            v = 6.5 + rng.gauss(0, 0.4)
        if code == "deploy/sorter-b2" and metric == "latency_ms":
            v *= 4.0
        if code == "vmi/pick-a" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "deploy/label" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 3. Rotterdam's clocks go back (03:00 CEST -> 02:00 CET, Sun 2038-10-31): Magazijn WMS releases waves twice,
    #    2038-10-30 23:30Z - 2038-10-31 01:30Z = 01:30 CEST - 02:30 CET (the second pass) = Sun 08:30-10:30 Seoul
    if within(ts, utc(2038, 10, 30, 23, 30), utc(2038, 10, 31, 1, 30)):
        if code == "deploy/eu-wms" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.4)
        if code == "deploy/eu-wms" and metric == "latency_ms":
            v *= 3.0
        if code == "vmi/rtm-a" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.6)
        if code == "pg://eu-wms-rtm2" and metric == "cpu_usage":
            v += 25
    # 4. Edison's night across the US clock change (02:00 EDT -> 01:00 EST, Sun 2038-11-07): Dock 7 Scheduler books
    #    doors twice, Sat 21:00 EDT (01:00Z) - Sun 02:30 EST (07:30Z) = Sun 10:00-16:30 Seoul
    if within(ts, utc(2038, 11, 7, 1), utc(2038, 11, 7, 7, 30)):
        if code == "deploy/us-dock" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "deploy/us-dock" and metric == "latency_ms":
            v *= 4.0
        if code == "vmi/ewr-a" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.5)
        if code == "mysql://us-oms-ewr4" and metric == "cpu_usage":
            v += 25
    # 5. Dock 17 on Thanksgiving night, Thu 2038-11-25 18:00-21:00 PST = Fri 02:00-05:00Z = Fri 11:00-14:00 Seoul
    if within(ts, utc(2038, 11, 26, 2), utc(2038, 11, 26, 5)):
        if code == "deploy/ont-dock" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "deploy/ont-dock" and metric == "latency_ms":
            v *= 3.0
        if code == "vmi/ont-a" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 0.6)
        if code == "mysql://us-oms-ewr4" and metric == "cpu_usage":
            v += 20
    # UAT VM in maintenance from Wed 2038-11-24 09:00: idle
    if code == "vmi/uat-a" and metric == "cpu_usage" and ts >= kst(2038, 11, 24, 9):
        v = 2.5 + rng.gauss(0, 0.3)
    # 6. the Black Friday cross-border rush, from Sat 2038-11-27 02:00 Seoul (= Fri 12:00 EST, the noon doorbusters),
    #    ongoing at now (Cart Cache eviction change 00:40, Checkout 8.4 at 01:20)
    if ts >= kst(2038, 11, 27, 2):
        if code == "deploy/checkout" and metric == "error_rate":
            v = 7.5 + rng.gauss(0, 0.5)
        if code == "deploy/checkout" and metric == "latency_ms":
            v *= 3.0
        if code == "vmi/cart-a" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "redis://cart-icn1" and metric == "cpu_usage":
            v += 30
        if code == "deploy/customs" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Samples every 3 hours (an older rollup) from M_START, every 20 minutes from MID_START, every 2 minutes
    from FINE_START, every 10 seconds from TICK_START up to and including NOW."""
    times = []
    t = M_START
    while t < MID_START:
        times.append(t)
        t += STEP_3H
    while t < FINE_START:
        times.append(t)
        t += STEP_20M
    while t < TICK_START:
        times.append(t)
        t += STEP_FINE
    while t <= M_END:
        times.append(t)
        t += STEP_TICK
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
    for code, start, n, base, sd, p_spike in H_BLOCKS:
        level = base
        spike = 0
        for i in range(n):
            t = start + i * H_STEP
            level += rng.gauss(0, sd * 0.1) + 0.05 * (base - level)
            v = level + abs(rng.gauss(0, sd))
            if spike > 0:
                spike -= 1
                v += rng.uniform(18, 40)
            elif rng.random() < p_spike:
                spike = rng.choice([1, 1, 2, 3])
                v += rng.uniform(18, 40)
            # Montaña Alta: "Cyber Sunday" early access, Sun 2037-11-29 20:00-23:00 PST = 2037-11-30 04:00-07:00Z =
            #   13:00-16:00 Seoul on Mon 30 Nov; a warm-up +8 from 01:00Z (17:00 PST)
            if code == "sandy-quail" and utc(2037, 11, 30, 1) <= t < utc(2037, 11, 30, 4):
                v += 8.0
            if code == "sandy-quail" and utc(2037, 11, 30, 4) <= t < utc(2037, 11, 30, 7):
                v = 90 + rng.gauss(0, 1.0)
            # IJsselmonde: the EU spring-forward night, Sat 2037-03-28 22:30Z - Sun 00:30Z = 23:30 CET Sat - 01:30 CET
            #   Sun (an hour before the clocks jumped) = 07:30-09:30 Seoul on Sun 29 March
            if code == "misty-seal" and utc(2037, 3, 28, 22, 30) <= t < utc(2037, 3, 29, 0, 30):
                v = 87 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (utc(2037, 3, 28, 20, 0), "misty-seal", "change", "info", "Koningsdag 프리오더 피킹 배치 증설", "CHG-370328 extra pick batches before the clocks change"),
    (utc(2037, 3, 28, 22, 50), "misty-seal", "alert", "major", "IJsselmonde CPU 85% 초과 (서머타임 전환 전야)", "cpu_usage 87%"),
    (utc(2037, 11, 29, 22, 0), "sandy-quail", "change", "info", "사이버 선데이 얼리 액세스 출고 웨이브 증설", "CHG-371129 extra waves for early access"),
    (utc(2037, 11, 30, 4, 20), "sandy-quail", "alert", "major", "Montaña Alta CPU 85% 초과 (Cyber Sunday)", "cpu_usage 90%"),
    (kst(2038, 7, 12, 2, 0), "ICN1.core", "change", "info", "이천 코어 스위치 OS 업그레이드", "CHG-380712 night window"),
    # 1. Wave Planner, Mon 08-16
    (kst(2038, 8, 15, 21, 30), "pg://wms-icn1", "change", "info", "창고 DB 전체 VACUUM 실행", "CHG-380815 vacuum full on pick_lines"),
    (kst(2038, 8, 15, 23, 10), "deploy/wave-planner", "deploy", "info", "Wave Planner 3.2 배포", "release 3.2 multi-zone waves"),
    (kst(2038, 8, 16, 0, 40), "deploy/wave-planner", "incident", "major", "출고 차수 계획 지연으로 새벽 웨이브 미생성", "INC-380816-01 no waves for the early shift"),
    (kst(2038, 8, 16, 1, 0), "lucky-moth", "alert", "major", "Wave Box CPU 95% 초과", "cpu_usage 96%"),
    (kst(2038, 8, 16, 4, 20), "deploy/wave-planner", "change", "info", "Wave Planner 3.1.4 롤백", "rollback; waves released"),
    (kst(2038, 8, 24, 3, 0), "amber-wolf", "change", "info", "Zone 12 하이퍼바이저 보안 패치", "CHG-380824 rolling; live migration"),
    (kst(2038, 9, 30, 18, 0), "vmi/old-rf", "change", "info", "구 무선스캐너 VM 전원 종료 (신형 단말 전환 완료)", "CHG-380930 powered off"),
    (kst(2038, 9, 30, 22, 0), "pg://wms-icn9", "change", "info", "분기말 DR 전환 훈련 (창고 DB 복제본)", "CHG-380930B switchover drill; switched back 23:40"),
    (kst(2038, 10, 5, 2, 0), "iqn.2036-09.kr.sallim:icn9-vault", "change", "info", "백업 볼트 보존 정책 변경", "CHG-381005 retention 45 days"),
    (kst(2038, 10, 12, 10, 0), "mongo://catalog-icn1", "change", "info", "상품 DB 검색 인덱스 추가", "CHG-381012 text index on titles"),
    # 2. Sorter [B2], Thu 10-21
    (kst(2038, 10, 21, 10, 0), "quiet-lynx", "change", "info", "분류기 PLC 브리지 펌웨어 업데이트", "CHG-381021 PLC bridge firmware 7.1"),
    (kst(2038, 10, 21, 12, 40), "deploy/sorter-b2", "deploy", "info", "Sorter [B2] 5.3 배포", "release 5.3 new chute map"),
    (kst(2038, 10, 21, 14, 12), "deploy/sorter-b2", "incident", "major", "B2 분류기 슈트 오배정으로 출고 지연", "INC-381021-01 parcels to wrong chutes"),
    (kst(2038, 10, 21, 14, 20), "vmi/pick-a", "alert", "major", "Pick VM CPU 90% 초과", "cpu_usage 93%"),
    (kst(2038, 10, 21, 17, 15), "deploy/sorter-b2", "change", "info", "Sorter [B2] 5.2.6 롤백", "rollback; chutes mapped"),
    # 3. Magazijn WMS, the night Rotterdam's clocks went back (Sat 10-30 / Sun 10-31, CEST -> CET)
    (datetime(2038, 10, 30, 21, 30, tzinfo=CEST), "misty-seal", "change", "info", "IJsselmonde NTP 서버 변경", "CHG-381030 new time source"),
    (datetime(2038, 10, 30, 23, 45, tzinfo=CEST), "deploy/eu-wms", "deploy", "info", "Magazijn WMS 4.2 배포", "release 4.2 night waves"),
    (utc(2038, 10, 31, 1, 10), "deploy/eu-wms", "incident", "major", "서머타임 종료 중 야간 웨이브 이중 생성", "INC-381031-01 waves released twice in the repeated hour"),
    (utc(2038, 10, 31, 1, 15), "vmi/rtm-a", "alert", "major", "Rotterdam VM CPU 90% 초과", "cpu_usage 91%"),
    (utc(2038, 10, 31, 1, 50), "deploy/eu-wms", "change", "info", "Magazijn WMS 4.1.9 롤백", "rollback; one wave per slot"),
    (kst(2038, 11, 3, 4, 0), "pg://wms-icn1", "alert", "minor", "창고 DB 디스크 75% 초과", "volume 75%"),
    # 4. Dock 7 Scheduler, the night the US clocks went back (Sat 11-06 / Sun 11-07, EDT -> EST)
    (datetime(2038, 11, 6, 20, 30, tzinfo=EDT), "bold-eagle", "change", "info", "Garden State 펌웨어 업데이트", "CHG-381106 BMC firmware"),
    (datetime(2038, 11, 6, 20, 45, tzinfo=EDT), "deploy/us-dock", "deploy", "info", "Dock 7 Scheduler 2.4 배포", "release 2.4 door templates"),
    (datetime(2038, 11, 7, 1, 20, tzinfo=EST), "deploy/us-dock", "incident", "major", "서머타임 종료 시간대 도크 이중 예약", "INC-381107-01 doors booked twice"),
    (utc(2038, 11, 7, 6, 30), "vmi/ewr-a", "alert", "major", "Edison VM CPU 90% 초과", "cpu_usage 92%"),
    (utc(2038, 11, 7, 7, 45), "deploy/us-dock", "change", "info", "Dock 7 Scheduler 2.3.8 롤백", "rollback; one booking per door"),
    (kst(2038, 11, 22, 4, 0), "pg://wms-icn1", "alert", "minor", "창고 DB 디스크 80% 근접", "volume 79%"),
    (kst(2038, 11, 24, 9, 0), "vmi/uat-a", "change", "info", "UAT VM 점검 모드 전환", "CHG-381124 maintenance"),
    # 5. Dock 17 Scheduler, Thanksgiving night in Ontario (PST)
    (datetime(2038, 11, 25, 14, 0, tzinfo=PST), "ONT8.wan", "change", "info", "온타리오 회선 QoS 정책 변경", "CHG-381125 scanner traffic class"),
    (datetime(2038, 11, 25, 16, 30, tzinfo=PST), "deploy/ont-dock", "deploy", "info", "Dock 17 Scheduler 3.1 배포", "release 3.1 holiday carriers"),
    (datetime(2038, 11, 25, 18, 12, tzinfo=PST), "deploy/ont-dock", "incident", "major", "추수감사절 야간 트레일러 도크 배정 실패", "INC-381125-01 trailers without doors"),
    (datetime(2038, 11, 25, 18, 20, tzinfo=PST), "vmi/ont-a", "alert", "major", "Ontario VM CPU 90% 초과", "cpu_usage 90%"),
    (datetime(2038, 11, 25, 21, 10, tzinfo=PST), "deploy/ont-dock", "change", "info", "Dock 17 Scheduler 3.0.5 롤백", "rollback; doors assigned"),
    (kst(2038, 11, 26, 10, 0), "deploy/todays-deals", "alert", "minor", "Today's Deals 응답 지연 경고", "latency 0.6 s"),
    # 6. Checkout, the Black Friday cross-border rush, ongoing
    (kst(2038, 11, 27, 0, 40), "redis://cart-icn1", "change", "info", "장바구니 캐시 만료 정책 변경", "CHG-381127 eviction allkeys-lfu"),
    (kst(2038, 11, 27, 1, 20), "deploy/checkout", "deploy", "info", "Checkout 8.4 배포", "release 8.4 USD prices"),
    (kst(2038, 11, 27, 1, 55), "deploy/todays-deals", "change", "info", "블랙프라이데이 정오 특가 게시", "CHG-381127B noon doorbusters (EST)"),
    (kst(2038, 11, 27, 2, 3), "deploy/checkout", "incident", "critical", "블랙프라이데이 직구 폭주로 결제 단계 오류", "INC-381127-01 checkout errors"),
    (kst(2038, 11, 27, 2, 5), "vmi/cart-a", "alert", "major", "Cart VM CPU 95% 초과", "cpu_usage 95%"),
    (kst(2038, 11, 27, 2, 8), "deploy/customs", "alert", "minor", "Customs Bridge 통관 오류 증가", "error_rate 2%"),
]

BUILD_APPS = ["deploy/storefront", "deploy/search", "deploy/same-day", "deploy/ai-stylist", "deploy/amr-fleet", "deploy/eu-returns", "deploy/yard-cam"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2038, 11, 18)
    n = 0
    while day < kst(2038, 11, 27):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{5100 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky timezone test"))
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
    # codes use letters, digits, '-', '_', '.', ':' and '/' only (no '#' or spaces); this set admits the colon
    for a in codes:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:/-]*", a):
            out.append(f"code with a character outside [A-Za-z0-9_.:/-]: {a}")
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "weekend", "thismonth", "lastmonth", "thisquarter", "lastquarter", "thisyear", "daysago:2", "weekday:thu", "weekday:fri", "weekday:sun", "last:3h", "last:1h", "last:30m", "last:15m", "last:7d", "last:14d", "last:30d", "since:2038-11-26T00:00-05:00", "span:2038-11-26T00:00-05:00/2038-11-27T00:00-05:00", "span:2038-11-25T00:00-08:00/2038-11-26T00:00-08:00", "dayutc:2038-11-26", "day:2038-11-26", "day:2038-11-25", "day:2038-08-16", "month:2038-08", "month:2038-09", "month:2038-10", "day:2038-10-21", "span:2038-10-21T14:00/2038-10-21T17:00", "day:2038-10-31", "dayutc:2038-10-30", "dayutc:2038-10-31", "span:2038-10-31T00:00+02:00/2038-11-01T00:00+01:00", "span:2038-10-30T00:00+02:00/2038-10-31T00:00+02:00", "day:2038-11-07", "dayutc:2038-11-07", "span:2038-11-06T00:00-04:00/2038-11-07T00:00-04:00", "span:2038-11-07T00:00-04:00/2038-11-08T00:00-05:00", "day:2037-11-29", "day:2037-11-30", "dayutc:2037-11-30", "span:2037-11-29T00:00-08:00/2037-11-30T00:00-08:00", "span:2037-11-30T00:00-08:00/2037-12-01T00:00-08:00", "month:2037-11", "day:2037-03-28", "day:2037-03-29", "dayutc:2037-03-28", "dayutc:2037-03-29", "span:2037-03-28T00:00+01:00/2037-03-29T00:00+01:00", "span:2037-03-29T00:00+01:00/2037-03-30T00:00+02:00", "month:2037-03", "year:2037", "quarter:2038-Q3", "days:2038-10-09..2038-10-11"):
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
