#!/usr/bin/env python3
"""Deterministic generator for the "Ongil Mobility" (온길모빌리티) EV-charging and car-sharing estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids R###, halves "dev22" / "test18") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding17/gen_estate.py (the "Sallim Market"
set), copied unchanged from event_checks() onwards except the ranges that --summary prints.  The
estate (an EV-charging and car-sharing mobility platform: the OCPP central system, smart charging,
charge reservations, roaming, plug-and-charge and a V2G gateway behind a charger edge, the
car-sharing booking API, digital keys, the fleet telematics gateway and vehicle returns, the wallet,
top-ups, idle fees and settlement, routing, range prediction and offline map tiles, battery
state-of-health and state-of-charge analytics, an expressway charging hub at the Anseong rest
area, a charging hub and car-sharing depot in Jeju, and depots in Adelaide and Istanbul), the clock
(Sunday 2 October 2039, 11:40 Seoul: Chuseok day, two days after the quarter end, the morning after
Adelaide moved its clocks forward to daylight-saving time, 02:40 UTC, 13:10 ACDT, 05:40 in
Istanbul), the sampling (every 6 hours from 1 June, every 15 minutes from 1 September, every minute
from 00:00 today, every 20 seconds from 11:20, and two 5-minute UTC blocks shaped like public AWS
CloudWatch EC2 CPU series around Adelaide's fall-back night of April 2039 and Turkey's Republic Day
evening of 29 October 2038), the zones (Adelaide ACST +09:30 / ACDT +10:30, Istanbul TRT +03:00),
the names, the personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding17/gen_estate.py (persona tags `# R<n> ...`).
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
HALVES = ("dev22", "test18")
ID_PREFIX = "R"
TAG_LETTER = "R"
SEED = 20391002
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
ACST, ACDT = timezone(timedelta(hours=9, minutes=30)), timezone(timedelta(hours=10, minutes=30))   # Adelaide
TRT = timezone(timedelta(hours=3))                                                               # Istanbul (no DST)
AU_DST_START_2038 = datetime(2038, 10, 2, 16, 30, tzinfo=UTC)   # Sun 2038-10-03 02:00 ACST -> 03:00 ACDT
AU_DST_END_2039 = datetime(2039, 4, 2, 16, 30, tzinfo=UTC)      # Sun 2039-04-03 03:00 ACDT -> 02:00 ACST
AU_DST_START_2039 = datetime(2039, 10, 1, 16, 30, tzinfo=UTC)   # Sun 2039-10-02 02:00 ACST -> 03:00 ACDT
NOW = datetime(2039, 10, 2, 11, 40, tzinfo=KST)   # Sun 11:40 Seoul (Chuseok) = 02:40Z = 13:10 ACDT = 05:40 TRT
M_START = datetime(2039, 6, 1, 0, 0, tzinfo=KST)          # every 6 hours from 1 June (an old rollup) ...
MID_START = datetime(2039, 9, 1, 0, 0, tzinfo=KST)        # ... every 15 minutes from 1 September ...
FINE_START = datetime(2039, 10, 2, 0, 0, tzinfo=KST)      # ... every minute from 00:00 today ...
TICK_START = datetime(2039, 10, 2, 11, 20, tzinfo=KST)    # ... and every 20 seconds from 11:20 today
M_END = NOW                                               # inclusive: the last sample is at 11:40:00 itself
STEP_6H = timedelta(hours=6)
STEP_15M = timedelta(minutes=15)
STEP_FINE = timedelta(minutes=1)
STEP_TICK = timedelta(seconds=20)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("Al-13", datetime(2039, 3, 31, 3, 7, tzinfo=UTC), 1152, 11.0, 0.9, 0.006),    # 4 days over Adelaide's fall-back night (ACDT -> ACST)
    ("Ti-22", datetime(2038, 10, 27, 6, 2, tzinfo=UTC), 1152, 13.0, 0.9, 0.006),   # 4 days over Republic Day 2038 in Istanbul (TRT)
]
# Korean public holidays in the main history: 현충일 Mon 06-06, 광복절 Mon 08-15, and the Chuseok break Sat 10-01 -
# Mon 10-03 (Chuseok itself is today, Sun 10-02; Mon 10-03 is also 개천절).  The office profile is closed on them.
KR_HOLIDAYS = {(2039, 6, 6), (2039, 8, 15), (2039, 10, 1), (2039, 10, 2), (2039, 10, 3)}


def adelaide(ts):
    if ts < AU_DST_START_2038:
        return ACST
    if ts < AU_DST_END_2039:
        return ACDT
    return ACST if ts < AU_DST_START_2039 else ACDT


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# locations ("City (Area)", parentheses): Seoul (Seongsu) (the head office and the data centre), Anseong (Rest Area)
#        (the expressway charging hub), Jeju (Aewol) (charging hub and car-sharing depot), Adelaide (Tonsley),
#        Istanbul (Maslak), Sejong (Jochiwon) (DR)
# owners: chat handles (@first.last)
# environments: live, pilot, lab, warm-standby
# --------------------------------------------------------------------------------------
SEL, ANS, JEJ, ADL, IST, SJG = ("Seoul (Seongsu)", "Anseong (Rest Area)", "Jeju (Aewol)", "Adelaide (Tonsley)",
                                "Istanbul (Maslak)", "Sejong (Jochiwon)")
LIVE, PILOT, LAB, WARM = "live", "pilot", "lab", "warm-standby"
O_INF, O_CHG, O_SHR, O_PAY, O_BAT, O_JEJ, O_ADL, O_IST = (
    "@dami.kwon", "@jun.seo", "@yuna.park", "@hyeon.choi", "@mori.kenta", "@sol.kang", "@liam.obrien", "@elif.yilmaz")
CIS = [
    # network: a six-character geohash of the site and a role, joined by a dash
    ("wydmcq-core", "Seongsu Core", "network", "running", LIVE, SEL, O_INF, "성수 코어|seongsu backbone", "10.88.0.1", "core"),
    ("wydmcq-tcu", "Fleet LTE APN", "network", "running", LIVE, SEL, O_SHR, "차량 통신망|fleet apn", "10.88.9.1", "share"),
    ("wydh1x-wan", "Anseong WAN", "network", "running", LIVE, ANS, O_CHG, "안성 회선|rest area circuit", "10.88.21.1", "hub"),
    ("wvxs2n-wan", "Jeju WAN", "network", "running", LIVE, JEJ, O_JEJ, "제주 회선|island circuit", "10.88.31.1", "jeju"),
    ("r1f93k-wan", "Adelaide WAN", "network", "running", LIVE, ADL, O_ADL, "애들레이드 회선|tonsley circuit", "10.88.61.1", "au"),
    ("sxk9qe-wan", "Istanbul WAN", "network", "running", LIVE, IST, O_IST, "이스탄불 회선|maslak circuit", "10.88.71.1", "tr"),
    ("wydjz5-dr", "Sejong DR Link", "network", "running", WARM, SJG, O_INF, "세종 DR 회선", "10.88.99.1", "dr"),
    # storage: Ceph RBD pool/image
    ("rbd-ssd/trip-logs", "Trip Log Volume", "storage", "running", LIVE, SEL, O_SHR, "운행기록 볼륨|trip volume", "10.88.0.31", "share"),
    ("rbd-hdd/cell-lake", "Cell Data Lake", "storage", "running", LIVE, SEL, O_BAT, "셀 데이터 레이크|cell lake", "10.88.0.32", "battery"),
    ("rbd-ssd/map-tiles", "Tile Volume", "storage", "running", LIVE, SEL, O_SHR, "지도 타일 볼륨", "10.88.0.33", "map"),
    ("rbd-ssd/ade-share", "Adelaide Share", "storage", "running", LIVE, ADL, O_ADL, "애들레이드 공유 볼륨", "10.88.61.31", "au"),
    ("rbd-hdd/dr-vault", "DR Vault", "storage", "running", WARM, SJG, O_INF, "백업 금고|backup vault", "10.88.99.31", "dr"),
    # servers: a chemical element symbol and its atomic number; names are battery parts, Japanese, a hash sign,
    #          a Kaurna place name, an English street name, a Turkish name with a dotted capital I
    ("Li-3", "Anode", "server", "running", LIVE, SEL, O_INF, "애노드|음극 서버|hypervisor a", "10.88.1.11", "core"),
    ("Co-27", "Cathode", "server", "running", LIVE, SEL, O_INF, "캐소드|양극 서버|hypervisor c", "10.88.1.12", "core"),
    ("Ni-28", "Separator", "server", "running", LIVE, SEL, O_INF, "세퍼레이터|분리막 서버|hypervisor s", "10.88.1.13", "core"),
    ("Mn-25", "電池ラボ", "server", "running", LIVE, SEL, O_BAT, "Denchi Lab|배터리 랩|battery lab box", "10.88.1.21", "battery"),
    ("Fe-26", "Hub #7", "server", "running", LIVE, ANS, O_CHG, "안성 허브 서버|hub seven|anseong hub box", "10.88.21.11", "hub"),
    ("Cu-29", "Hub #12", "server", "running", LIVE, JEJ, O_JEJ, "애월 허브 서버|hub twelve|aewol hub box", "10.88.31.11", "jeju"),
    ("Al-13", "Tarntanya", "server", "running", LIVE, ADL, O_ADL, "탄타냐|애들레이드 호스트 1|tonsley host", "10.88.61.11", "au"),
    ("Zn-30", "Mile End", "server", "running", LIVE, ADL, O_ADL, "마일엔드|애들레이드 호스트 2|wash bay box", "10.88.61.12", "au"),
    ("Ti-22", "İstinye", "server", "running", LIVE, IST, O_IST, "Istinye|이스티녜|이스탄불 호스트", "10.88.71.11", "tr"),
    ("Si-14", "Sejong DR Host", "server", "running", WARM, SJG, O_INF, "세종 DR 호스트|dr host", "10.88.99.11", "dr"),
    # vms: availability zone / instance
    ("sel-az1/csms-01", "CSMS VM", "vm", "running", LIVE, SEL, O_CHG, "충전 관제 VM", "10.88.2.11", "charge"),
    ("sel-az1/book-01", "Booking VM", "vm", "running", LIVE, SEL, O_SHR, "예약 VM", "10.88.2.12", "share"),
    ("sel-az1/pilot-01", "Pilot VM", "vm", "maintenance", PILOT, SEL, O_CHG, "파일럿 VM|pilot box", "10.88.2.13", "pilot"),
    ("sel-az2/tcu-01", "Telematics VM", "vm", "running", LIVE, SEL, O_SHR, "텔레매틱스 VM|tcu vm", "10.88.2.21", "share"),
    ("sel-az2/pay-01", "Payment VM", "vm", "running", LIVE, SEL, O_PAY, "결제 VM", "10.88.2.22", "pay"),
    ("sel-az2/map-01", "Map VM", "vm", "running", LIVE, SEL, O_SHR, "지도 VM", "10.88.2.23", "map"),
    ("sel-az2/grid-01", "Grid VM", "vm", "running", LIVE, SEL, O_CHG, "전력망 VM|v2g vm", "10.88.2.24", "charge"),
    ("sel-az3/web-01", "App VM", "vm", "running", LIVE, SEL, O_SHR, "앱 VM|bff vm", "10.88.2.31", "share"),
    ("sel-az3/old-ocpp", "Legacy OCPP 1.5 VM", "vm", "stopped", LAB, SEL, O_CHG, "구 OCPP VM", "10.88.2.39", "lab"),
    ("ans-az1/hub-01", "Anseong Hub VM", "vm", "running", LIVE, ANS, O_CHG, "안성 허브 VM", "10.88.21.21", "hub"),
    ("jej-az1/hub-01", "Jeju Hub VM", "vm", "running", LIVE, JEJ, O_JEJ, "제주 허브 VM", "10.88.31.21", "jeju"),
    ("adl-az1/depot-01", "Adelaide Depot VM", "vm", "running", LIVE, ADL, O_ADL, "애들레이드 VM", "10.88.61.21", "au"),
    ("ist-az1/depot-01", "Istanbul Depot VM", "vm", "running", LIVE, IST, O_IST, "이스탄불 VM", "10.88.71.21", "tr"),
    # databases: <engine>-<name>-s<shard>r<replica>
    ("pg-csms-s1r1", "CSMS DB", "database", "running", LIVE, SEL, O_CHG, "충전 관제 DB|charger db", "10.88.3.11", "charge"),
    ("pg-booking-s1r1", "Booking DB", "database", "running", LIVE, SEL, O_SHR, "예약 DB|reservation db", "10.88.3.12", "share"),
    ("pg-booking-s1r2", "Booking DB Replica", "database", "running", WARM, SJG, O_SHR, "예약 DB 복제본", "10.88.99.21", "dr"),
    ("ch-telemetry-s1r1", "Telemetry DB", "database", "running", LIVE, SEL, O_SHR, "텔레메트리 DB|clickhouse", "10.88.3.13", "share"),
    ("ts-cells-s1r1", "Cell DB", "database", "running", LIVE, SEL, O_BAT, "셀 DB|battery cell db", "10.88.3.14", "battery"),
    ("my-ledger-s1r1", "kWh Ledger", "database", "running", LIVE, SEL, O_PAY, "전력량 원장|ledger db", "10.88.3.15", "pay"),
    ("kv-session-s1r1", "Session Cache", "database", "running", LIVE, SEL, O_SHR, "세션 캐시", "10.88.3.16", "share"),
    ("pg-adl-s1r1", "Adelaide Depot DB", "database", "running", LIVE, ADL, O_ADL, "애들레이드 DB", "10.88.61.41", "au"),
    ("pg-ist-s1r1", "Istanbul Depot DB", "database", "running", LIVE, IST, O_IST, "이스탄불 DB", "10.88.71.41", "tr"),
    # apps: gRPC service names <package>.v<major>.<Service>
    ("charge.v2.Csms", "OCPP CSMS", "app", "running", LIVE, SEL, O_CHG, "충전 관제 시스템|csms|charge point management", "10.88.4.1", "charge"),
    ("charge.v2.SmartCharging", "Smart Charging", "app", "running", LIVE, SEL, O_CHG, "스마트 충전|충전 스케줄러", "10.88.4.2", "charge"),
    ("charge.v1.Reservation", "充電予約", "app", "running", LIVE, SEL, O_CHG, "Juden Yoyaku|충전 예약|charger reservation", "10.88.4.3", "charge"),
    ("charge.v1.Roaming", "eMSP Roaming Hub", "app", "running", LIVE, SEL, O_CHG, "로밍 허브|roaming", "10.88.4.4", "charge"),
    ("charge.v1.V2g", "V2G/V2H Gateway", "app", "running", LIVE, SEL, O_CHG, "V2G 게이트웨이|vehicle to grid", "10.88.4.5", "charge"),
    ("charge.v1.Pnc", "ISO 15118 PnC", "app", "running", LIVE, SEL, O_CHG, "플러그앤차지|plug and charge", "10.88.4.6", "charge"),
    ("charge.v1.IdleFee", "Idle Fee", "app", "running", LIVE, SEL, O_PAY, "점유 수수료|충전 후 주차 요금", "10.88.4.7", "pay"),
    ("share.v3.Booking", "Booking API", "app", "running", LIVE, SEL, O_SHR, "예약 API|카셰어링 예약", "10.88.4.11", "share"),
    ("share.v3.Unlock", "Lock/Unlock Relay", "app", "running", LIVE, SEL, O_SHR, "문열림 릴레이|스마트키|digital key", "10.88.4.12", "share"),
    ("share.v2.Telematics", "Telematics Gateway", "app", "running", LIVE, SEL, O_SHR, "텔레매틱스 게이트웨이|tcu gateway", "10.88.4.13", "share"),
    ("share.v2.Return", "Return", "app", "running", LIVE, SEL, O_SHR, "반납 검수|return check", "10.88.4.14", "share"),
    ("pay.v2.Wallet", "Ongil Wallet", "app", "running", LIVE, SEL, O_PAY, "온길 월렛|wallet", "10.88.4.21", "pay"),
    ("pay.v2.TopUp", "Top Up", "app", "running", LIVE, SEL, O_PAY, "충전금 충전|포인트 충전|wallet top-up", "10.88.4.22", "pay"),
    ("pay.v1.Settlement", "Settlement", "app", "running", LIVE, SEL, O_PAY, "정산|roaming settlement", "10.88.4.23", "pay"),
    ("map.v4.Routing", "Route Planner", "app", "running", LIVE, SEL, O_SHR, "경로 탐색|routing", "10.88.4.31", "map"),
    ("map.v4.Range", "Range", "app", "running", LIVE, SEL, O_BAT, "주행가능거리 예측|range prediction", "10.88.4.32", "map"),
    ("map.v1.Tiles", "Map Tiles (Offline)", "app", "running", LIVE, SEL, O_SHR, "오프라인 지도|offline maps", "10.88.4.33", "map"),
    ("battery.v1.Soh", "SoH Model", "app", "running", LIVE, SEL, O_BAT, "배터리 건강도 모델|state of health", "10.88.4.41", "battery"),
    ("battery.v1.Soc", "SoC Forecaster", "app", "running", LIVE, SEL, O_BAT, "충전량 예측|state of charge", "10.88.4.42", "battery"),
    ("battery.v1.Swap", "换电 Bridge", "app", "running", LAB, SEL, O_BAT, "Huandian Bridge|배터리 교환 브리지|battery swap bridge", "10.88.4.49", "lab"),
    ("app.v5.Mobile", "Ongil App BFF", "app", "running", LIVE, SEL, O_SHR, "앱 백엔드|mobile bff", "10.88.4.51", "share"),
    ("hub.v2.Anseong", "Queue Board", "app", "running", LIVE, ANS, O_CHG, "대기열 전광판|충전 대기열|queue display", "10.88.21.51", "hub"),
    ("hub.v2.Jeju", "Aewol Dispatch", "app", "running", LIVE, JEJ, O_JEJ, "애월 배차|jeju dispatch", "10.88.31.51", "jeju"),
    ("depot.v1.Adelaide", "Depot Yard AU", "app", "running", LIVE, ADL, O_ADL, "애들레이드 야드|adelaide yard", "10.88.61.51", "au"),
    ("depot.v1.Washbay", "Wash Bay", "app", "running", LIVE, ADL, O_ADL, "세차장|car wash", "10.88.61.52", "au"),
    ("depot.v1.Istanbul", "Şarj Planlayıcı", "app", "running", LIVE, IST, O_IST, "Sarj Planlayici|이스탄불 충전 계획|charge planner tr", "10.88.71.51", "tr"),
    ("depot.v1.Otopark", "Otopark", "app", "error", LIVE, IST, O_IST, "오토파크|parking tr", "10.88.71.52", "tr"),
    # load balancers: Envoy listeners lst-<name>-<port>
    ("lst-app-443", "App Edge", "load_balancer", "running", LIVE, SEL, O_INF, "앱 관문|mobile edge", "10.88.0.80", "share"),
    ("lst-ocpp-9443", "Charger Edge", "load_balancer", "running", LIVE, SEL, O_INF, "충전기 관문|ocpp edge", "10.88.0.81", "charge"),
    ("lst-partner-8443", "Partner Edge", "load_balancer", "running", LIVE, SEL, O_INF, "파트너 관문|roaming edge", "10.88.0.82", "charge"),
    # services: PagerDuty-style service ids
    ("PQ7M2XK", "Ongil Charge", "service", "running", LIVE, SEL, O_CHG, "온길차지|charging service", "", "charge"),
    ("PZ3K9TB", "Ongil Share", "service", "running", LIVE, SEL, O_SHR, "온길셰어|car sharing", "", "share"),
    ("PB5W8RJ", "Battery Insights", "service", "running", LIVE, SEL, O_BAT, "배터리 인사이트", "", "battery"),
    ("PJ4N6HD", "Jeju Island Mobility", "service", "running", LIVE, JEJ, O_JEJ, "제주 이동 서비스", "", "jeju"),
    ("PA2X7LC", "Ongil AU", "service", "running", LIVE, ADL, O_ADL, "호주 서비스", "", "au"),
    ("PT9C3VE", "Ongil TR", "service", "running", LIVE, IST, O_IST, "튀르키예 서비스", "", "tr"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE = "wydmcq-core"
RELATIONS = [
    # network
    ("wydmcq-tcu", "CONNECTS_TO", CORE),
    ("wydh1x-wan", "CONNECTS_TO", CORE),
    ("wvxs2n-wan", "CONNECTS_TO", CORE),
    ("r1f93k-wan", "CONNECTS_TO", CORE),
    ("sxk9qe-wan", "CONNECTS_TO", CORE),
    ("wydjz5-dr", "CONNECTS_TO", CORE),
    ("Li-3", "CONNECTS_TO", CORE),
    ("Co-27", "CONNECTS_TO", CORE),
    ("Ni-28", "CONNECTS_TO", CORE),
    ("Mn-25", "CONNECTS_TO", CORE),
    ("Fe-26", "CONNECTS_TO", "wydh1x-wan"),
    ("Cu-29", "CONNECTS_TO", "wvxs2n-wan"),
    ("Al-13", "CONNECTS_TO", "r1f93k-wan"),
    ("Zn-30", "CONNECTS_TO", "r1f93k-wan"),
    ("Ti-22", "CONNECTS_TO", "sxk9qe-wan"),
    ("Si-14", "CONNECTS_TO", "wydjz5-dr"),
    ("rbd-ssd/trip-logs", "CONNECTS_TO", CORE),
    ("rbd-hdd/cell-lake", "CONNECTS_TO", CORE),
    ("rbd-ssd/map-tiles", "CONNECTS_TO", CORE),
    ("rbd-ssd/ade-share", "CONNECTS_TO", "r1f93k-wan"),
    ("rbd-hdd/dr-vault", "CONNECTS_TO", "wydjz5-dr"),
    # hypervisors -> vms (Anode: HOSTS only; Cathode: RUNS_ON only; Separator: both)
    ("Li-3", "HOSTS", "sel-az1/csms-01"),
    ("Li-3", "HOSTS", "sel-az1/book-01"),
    ("Li-3", "HOSTS", "sel-az1/pilot-01"),
    ("sel-az2/tcu-01", "RUNS_ON", "Co-27"),
    ("sel-az2/pay-01", "RUNS_ON", "Co-27"),
    ("sel-az2/map-01", "RUNS_ON", "Co-27"),
    ("sel-az2/grid-01", "RUNS_ON", "Co-27"),
    ("Ni-28", "HOSTS", "sel-az3/web-01"),
    ("sel-az3/web-01", "RUNS_ON", "Ni-28"),
    ("Ni-28", "HOSTS", "sel-az3/old-ocpp"),
    ("Fe-26", "HOSTS", "ans-az1/hub-01"),
    ("jej-az1/hub-01", "RUNS_ON", "Cu-29"),
    ("Al-13", "HOSTS", "adl-az1/depot-01"),
    ("ist-az1/depot-01", "RUNS_ON", "Ti-22"),
    ("sel-az1/book-01", "DEPENDS_ON", "rbd-ssd/trip-logs"),
    ("sel-az2/map-01", "DEPENDS_ON", "rbd-ssd/map-tiles"),
    ("adl-az1/depot-01", "DEPENDS_ON", "rbd-ssd/ade-share"),
    # databases
    ("pg-csms-s1r1", "RUNS_ON", "Li-3"),
    ("pg-booking-s1r1", "RUNS_ON", "sel-az1/book-01"),
    ("pg-booking-s1r1", "DEPENDS_ON", "rbd-ssd/trip-logs"),
    ("pg-booking-s1r2", "RUNS_ON", "Si-14"),
    ("pg-booking-s1r2", "DEPENDS_ON", "pg-booking-s1r1"),
    ("pg-booking-s1r2", "DEPENDS_ON", "rbd-hdd/dr-vault"),
    ("ch-telemetry-s1r1", "RUNS_ON", "sel-az2/tcu-01"),
    ("ts-cells-s1r1", "RUNS_ON", "Mn-25"),
    ("ts-cells-s1r1", "DEPENDS_ON", "rbd-hdd/cell-lake"),
    ("my-ledger-s1r1", "RUNS_ON", "sel-az2/pay-01"),
    ("kv-session-s1r1", "RUNS_ON", "sel-az3/web-01"),
    ("pg-adl-s1r1", "RUNS_ON", "adl-az1/depot-01"),
    ("pg-ist-s1r1", "RUNS_ON", "ist-az1/depot-01"),
    # apps on vms and on bare metal
    ("charge.v2.Csms", "RUNS_ON", "sel-az1/csms-01"),
    ("charge.v2.SmartCharging", "RUNS_ON", "sel-az1/csms-01"),
    ("charge.v1.Reservation", "RUNS_ON", "sel-az1/csms-01"),
    ("charge.v1.Roaming", "RUNS_ON", "sel-az1/csms-01"),
    ("charge.v1.Pnc", "RUNS_ON", "sel-az1/csms-01"),
    ("charge.v1.V2g", "RUNS_ON", "sel-az2/grid-01"),
    ("charge.v1.IdleFee", "RUNS_ON", "sel-az2/pay-01"),
    ("share.v3.Booking", "RUNS_ON", "sel-az1/book-01"),
    ("share.v2.Return", "RUNS_ON", "sel-az1/book-01"),
    ("share.v3.Unlock", "RUNS_ON", "sel-az2/tcu-01"),
    ("share.v2.Telematics", "RUNS_ON", "sel-az2/tcu-01"),
    ("pay.v2.Wallet", "RUNS_ON", "sel-az2/pay-01"),
    ("pay.v2.TopUp", "RUNS_ON", "sel-az2/pay-01"),
    ("pay.v1.Settlement", "RUNS_ON", "sel-az2/pay-01"),
    ("map.v4.Routing", "RUNS_ON", "sel-az2/map-01"),
    ("map.v4.Range", "RUNS_ON", "sel-az2/map-01"),
    ("map.v1.Tiles", "RUNS_ON", "sel-az2/map-01"),
    ("battery.v1.Soh", "RUNS_ON", "Mn-25"),
    ("battery.v1.Soc", "RUNS_ON", "Mn-25"),
    ("battery.v1.Swap", "RUNS_ON", "sel-az1/pilot-01"),
    ("app.v5.Mobile", "RUNS_ON", "sel-az3/web-01"),
    ("hub.v2.Anseong", "RUNS_ON", "ans-az1/hub-01"),
    ("hub.v2.Jeju", "RUNS_ON", "jej-az1/hub-01"),
    ("depot.v1.Adelaide", "RUNS_ON", "adl-az1/depot-01"),
    ("depot.v1.Washbay", "RUNS_ON", "Zn-30"),
    ("depot.v1.Istanbul", "RUNS_ON", "ist-az1/depot-01"),
    ("depot.v1.Otopark", "RUNS_ON", "Ti-22"),
    # app dependencies
    ("charge.v2.Csms", "DEPENDS_ON", "pg-csms-s1r1"),
    ("charge.v2.SmartCharging", "DEPENDS_ON", "charge.v2.Csms"),
    ("charge.v2.SmartCharging", "DEPENDS_ON", "battery.v1.Soc"),
    ("charge.v1.Reservation", "DEPENDS_ON", "charge.v2.Csms"),
    ("charge.v1.Reservation", "DEPENDS_ON", "pay.v2.Wallet"),
    ("charge.v1.Roaming", "DEPENDS_ON", "charge.v2.Csms"),
    ("charge.v1.Roaming", "DEPENDS_ON", "pay.v1.Settlement"),
    ("charge.v1.V2g", "DEPENDS_ON", "charge.v2.SmartCharging"),
    ("charge.v1.Pnc", "DEPENDS_ON", "charge.v2.Csms"),
    ("charge.v1.IdleFee", "DEPENDS_ON", "charge.v2.Csms"),
    ("charge.v1.IdleFee", "DEPENDS_ON", "pay.v2.Wallet"),
    ("share.v3.Booking", "DEPENDS_ON", "pg-booking-s1r1"),
    ("share.v3.Booking", "DEPENDS_ON", "pay.v2.Wallet"),
    ("share.v3.Booking", "DEPENDS_ON", "map.v4.Routing"),
    ("share.v3.Unlock", "DEPENDS_ON", "share.v2.Telematics"),
    ("share.v3.Unlock", "CONNECTS_TO", "wydmcq-tcu"),
    ("share.v2.Telematics", "DEPENDS_ON", "ch-telemetry-s1r1"),
    ("share.v2.Telematics", "CONNECTS_TO", "wydmcq-tcu"),
    ("share.v2.Return", "DEPENDS_ON", "share.v3.Booking"),
    ("share.v2.Return", "DEPENDS_ON", "share.v2.Telematics"),
    ("pay.v2.Wallet", "DEPENDS_ON", "my-ledger-s1r1"),
    ("pay.v2.Wallet", "CONNECTS_TO", CORE),
    ("pay.v2.TopUp", "DEPENDS_ON", "pay.v2.Wallet"),
    ("pay.v1.Settlement", "DEPENDS_ON", "my-ledger-s1r1"),
    ("map.v4.Routing", "DEPENDS_ON", "map.v1.Tiles"),
    ("map.v4.Routing", "DEPENDS_ON", "map.v4.Range"),
    ("map.v4.Range", "DEPENDS_ON", "battery.v1.Soc"),
    ("battery.v1.Soh", "DEPENDS_ON", "ts-cells-s1r1"),
    ("battery.v1.Soc", "DEPENDS_ON", "ts-cells-s1r1"),
    ("battery.v1.Soc", "DEPENDS_ON", "ch-telemetry-s1r1"),
    ("battery.v1.Swap", "DEPENDS_ON", "charge.v2.Csms"),
    ("app.v5.Mobile", "DEPENDS_ON", "kv-session-s1r1"),
    ("app.v5.Mobile", "DEPENDS_ON", "share.v3.Booking"),
    ("app.v5.Mobile", "DEPENDS_ON", "charge.v1.Reservation"),
    ("app.v5.Mobile", "DEPENDS_ON", "pay.v2.Wallet"),
    ("hub.v2.Anseong", "DEPENDS_ON", "charge.v2.Csms"),
    ("hub.v2.Anseong", "CONNECTS_TO", "wydh1x-wan"),
    ("hub.v2.Jeju", "DEPENDS_ON", "share.v3.Booking"),
    ("hub.v2.Jeju", "DEPENDS_ON", "share.v2.Telematics"),
    ("hub.v2.Jeju", "CONNECTS_TO", "wvxs2n-wan"),
    ("depot.v1.Adelaide", "DEPENDS_ON", "pg-adl-s1r1"),
    ("depot.v1.Adelaide", "DEPENDS_ON", "share.v2.Telematics"),
    ("depot.v1.Adelaide", "CONNECTS_TO", "r1f93k-wan"),
    ("depot.v1.Washbay", "CONNECTS_TO", "r1f93k-wan"),
    ("depot.v1.Istanbul", "DEPENDS_ON", "pg-ist-s1r1"),
    ("depot.v1.Istanbul", "DEPENDS_ON", "charge.v2.SmartCharging"),
    ("depot.v1.Otopark", "DEPENDS_ON", "share.v3.Booking"),
    ("depot.v1.Otopark", "CONNECTS_TO", "sxk9qe-wan"),
    # load balancers
    ("lst-app-443", "CONNECTS_TO", "app.v5.Mobile"),
    ("lst-app-443", "CONNECTS_TO", "pay.v2.TopUp"),
    ("lst-app-443", "CONNECTS_TO", "share.v3.Unlock"),
    ("lst-ocpp-9443", "CONNECTS_TO", "charge.v2.Csms"),
    ("lst-ocpp-9443", "CONNECTS_TO", "charge.v1.Pnc"),
    ("lst-partner-8443", "CONNECTS_TO", "charge.v1.Roaming"),
    ("lst-partner-8443", "CONNECTS_TO", "pay.v1.Settlement"),
    ("lst-partner-8443", "CONNECTS_TO", "charge.v1.V2g"),
    # services
    ("PQ7M2XK", "DEPENDS_ON", "lst-ocpp-9443"),
    ("PQ7M2XK", "DEPENDS_ON", "charge.v2.Csms"),
    ("PQ7M2XK", "DEPENDS_ON", "charge.v2.SmartCharging"),
    ("PQ7M2XK", "DEPENDS_ON", "charge.v1.Reservation"),
    ("PQ7M2XK", "DEPENDS_ON", "charge.v1.IdleFee"),
    ("PQ7M2XK", "DEPENDS_ON", "hub.v2.Anseong"),
    ("PZ3K9TB", "DEPENDS_ON", "lst-app-443"),
    ("PZ3K9TB", "DEPENDS_ON", "share.v3.Booking"),
    ("PZ3K9TB", "DEPENDS_ON", "share.v3.Unlock"),
    ("PZ3K9TB", "DEPENDS_ON", "share.v2.Return"),
    ("PZ3K9TB", "DEPENDS_ON", "app.v5.Mobile"),
    ("PB5W8RJ", "DEPENDS_ON", "battery.v1.Soh"),
    ("PB5W8RJ", "DEPENDS_ON", "battery.v1.Soc"),
    ("PJ4N6HD", "DEPENDS_ON", "hub.v2.Jeju"),
    ("PJ4N6HD", "DEPENDS_ON", "share.v3.Booking"),
    ("PA2X7LC", "DEPENDS_ON", "depot.v1.Adelaide"),
    ("PA2X7LC", "DEPENDS_ON", "depot.v1.Washbay"),
    ("PT9C3VE", "DEPENDS_ON", "depot.v1.Istanbul"),
    ("PT9C3VE", "DEPENDS_ON", "depot.v1.Otopark"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: charge (public charging in Korea: lunch and the evening 19-23 Seoul), night (the smart-charging batch
#           01-05 Seoul), share (car-sharing: the commutes at 08 and 18-19 Seoul, leisure at weekends and on
#           holidays), pay (payments: lunch and the evening, Seoul), highway (the Anseong rest area: 08-22 Seoul, more
#           at weekends and on holidays), jeju (Jeju tourists 09-19 Seoul, more at weekends), adelaide (07-21 on
#           Adelaide's clock: ACST until 2039-10-01T16:30Z, ACDT after), istanbul (07-22 on Istanbul's clock,
#           TRT +03:00 all year), office (Seoul working days 09-18), flat
METRIC_PLAN = {
    "Li-3": {"cpu_usage": (34, 0.55, 1.6, "charge"), "mem_usage": (66, 0.04, 1.0, "charge"), "disk_usage": (44, 0, 0.2, "flat")},
    "Co-27": {"cpu_usage": (31, 0.60, 1.5, "share"), "mem_usage": (60, 0.04, 1.0, "share"), "disk_usage": (48, 0, 0.2, "flat")},
    "Ni-28": {"cpu_usage": (27, 0.55, 1.5, "share"), "mem_usage": (57, 0.04, 1.0, "share"), "disk_usage": (53, 0, 0.2, "flat")},
    "Mn-25": {"cpu_usage": (19, 2.60, 1.6, "night"), "mem_usage": (72, 0.10, 1.0, "night"), "disk_usage": (38, 0, 0.2, "flat")},
    "Fe-26": {"cpu_usage": (23, 0.75, 1.4, "highway"), "mem_usage": (49, 0.04, 0.9, "highway"), "disk_usage": (35, 0, 0.2, "flat")},
    "Cu-29": {"cpu_usage": (20, 0.70, 1.3, "jeju"), "mem_usage": (45, 0.04, 0.9, "jeju"), "disk_usage": (61, 0, 0.2, "flat")},
    "Al-13": {"cpu_usage": (26, 0.70, 1.5, "adelaide"), "mem_usage": (55, 0.04, 0.9, "adelaide"), "disk_usage": (42, 0, 0.2, "flat")},
    "Zn-30": {"cpu_usage": (12, 0.60, 1.0, "adelaide"), "mem_usage": (37, 0.04, 0.9, "adelaide"), "disk_usage": (69, 0, 0.2, "flat")},
    "Ti-22": {"cpu_usage": (24, 0.70, 1.4, "istanbul"), "mem_usage": (52, 0.04, 0.9, "istanbul"), "disk_usage": (47, 0, 0.2, "flat")},
    "Si-14": {"cpu_usage": (7, 0.20, 0.6, "flat"), "mem_usage": (33, 0.02, 0.8, "flat"), "disk_usage": (28, 0, 0.2, "flat")},
    "sel-az1/csms-01": {"cpu_usage": (32, 0.65, 1.5, "charge"), "mem_usage": (63, 0.03, 0.9, "charge"), "disk_usage": (41, 0, 0.2, "flat")},
    "sel-az1/book-01": {"cpu_usage": (28, 0.70, 1.5, "share"), "mem_usage": (59, 0.04, 0.9, "share"), "disk_usage": (46, 0, 0.2, "flat")},
    "sel-az1/pilot-01": {"cpu_usage": (15, 0.60, 1.2, "office"), "mem_usage": (36, 0.03, 1.0, "office"), "disk_usage": (51, 0, 0.2, "flat")},
    "sel-az2/tcu-01": {"cpu_usage": (35, 0.50, 1.6, "share"), "mem_usage": (68, 0.03, 0.9, "share"), "disk_usage": (40, 0, 0.2, "flat")},
    "sel-az2/pay-01": {"cpu_usage": (22, 0.75, 1.4, "pay"), "mem_usage": (54, 0.04, 0.9, "pay"), "disk_usage": (34, 0, 0.2, "flat")},
    "sel-az2/map-01": {"cpu_usage": (25, 0.70, 1.4, "share"), "mem_usage": (58, 0.04, 0.9, "share"), "disk_usage": (64, 0, 0.2, "flat")},
    "sel-az2/grid-01": {"cpu_usage": (13, 0.90, 1.1, "night"), "mem_usage": (42, 0.04, 0.9, "night"), "disk_usage": (30, 0, 0.2, "flat")},
    "sel-az3/web-01": {"cpu_usage": (29, 0.80, 1.6, "share"), "mem_usage": (62, 0.04, 0.9, "share"), "disk_usage": (37, 0, 0.2, "flat")},
    "sel-az3/old-ocpp": {"cpu_usage": (8, 0.40, 0.9, "charge"), "mem_usage": (29, 0.03, 1.0, "flat"), "disk_usage": (77, 0, 0.2, "flat")},
    "ans-az1/hub-01": {"cpu_usage": (21, 0.80, 1.4, "highway"), "mem_usage": (50, 0.04, 0.9, "highway"), "disk_usage": (39, 0, 0.2, "flat")},
    "jej-az1/hub-01": {"cpu_usage": (18, 0.80, 1.3, "jeju"), "mem_usage": (47, 0.04, 0.9, "jeju"), "disk_usage": (43, 0, 0.2, "flat")},
    "adl-az1/depot-01": {"cpu_usage": (23, 0.80, 1.5, "adelaide"), "mem_usage": (53, 0.04, 0.9, "adelaide"), "disk_usage": (50, 0, 0.2, "flat")},
    "ist-az1/depot-01": {"cpu_usage": (20, 0.80, 1.4, "istanbul"), "mem_usage": (51, 0.04, 0.9, "istanbul"), "disk_usage": (45, 0, 0.2, "flat")},
    "pg-csms-s1r1": {"cpu_usage": (26, 0.70, 1.4, "charge"), "mem_usage": (74, 0.02, 0.6, "flat"), "disk_usage": (56, 0, 0.2, "flat")},
    "pg-booking-s1r1": {"cpu_usage": (24, 0.70, 1.4, "share"), "mem_usage": (70, 0.02, 0.6, "flat"), "disk_usage": (59, 0, 0.2, "flat")},
    "pg-booking-s1r2": {"cpu_usage": (9, 0.20, 0.7, "flat"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (57, 0, 0.2, "flat")},
    "ch-telemetry-s1r1": {"cpu_usage": (33, 0.50, 1.5, "share"), "mem_usage": (65, 0.02, 0.6, "flat"), "disk_usage": (66, 0, 0.2, "flat")},
    "ts-cells-s1r1": {"cpu_usage": (17, 1.80, 1.3, "night"), "mem_usage": (58, 0.03, 0.7, "night"), "disk_usage": (52, 0, 0.2, "flat")},
    "my-ledger-s1r1": {"cpu_usage": (18, 0.80, 1.2, "pay"), "mem_usage": (56, 0.03, 0.7, "pay"), "disk_usage": (63, 0, 0.2, "flat")},
    "kv-session-s1r1": {"cpu_usage": (14, 0.70, 1.1, "share"), "mem_usage": (48, 0.03, 0.7, "share"), "disk_usage": (21, 0, 0.2, "flat")},
    "pg-adl-s1r1": {"cpu_usage": (16, 0.80, 1.1, "adelaide"), "mem_usage": (49, 0.03, 0.7, "adelaide"), "disk_usage": (54, 0, 0.2, "flat")},
    "pg-ist-s1r1": {"cpu_usage": (15, 0.80, 1.0, "istanbul"), "mem_usage": (46, 0.03, 0.7, "istanbul"), "disk_usage": (60, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "charge.v2.Csms": {"cpu_usage": (25, 0.70, 1.5, "charge"), "latency_ms": (185, 0.35, 5.0, "charge"), "error_rate": (0.08, 0.3, 0.016, "charge")},
    "charge.v2.SmartCharging": {"cpu_usage": (14, 2.40, 1.4, "night"), "latency_ms": (1450, 0.30, 35.0, "night"), "error_rate": (0.11, 0.3, 0.02, "night")},
    "charge.v1.Reservation": {"cpu_usage": (11, 0.70, 1.0, "charge"), "latency_ms": (128, 0.35, 3.5, "charge"), "error_rate": (0.05, 0.3, 0.012, "charge")},
    "charge.v1.Roaming": {"cpu_usage": (10, 0.70, 0.9, "charge"), "latency_ms": (540, 0.30, 13.0, "charge"), "error_rate": (0.23, 0.3, 0.04, "charge")},
    "charge.v1.V2g": {"cpu_usage": (7, 0.90, 0.8, "night"), "latency_ms": (310, 0.30, 8.0, "night"), "error_rate": (0.16, 0.3, 0.03, "night")},
    "charge.v1.Pnc": {"cpu_usage": (9, 0.70, 0.9, "charge"), "latency_ms": (92, 0.35, 2.5, "charge"), "error_rate": (0.04, 0.3, 0.01, "charge")},
    "charge.v1.IdleFee": {"cpu_usage": (6, 0.70, 0.7, "charge"), "latency_ms": (165, 0.35, 4.5, "charge"), "error_rate": (0.07, 0.3, 0.015, "charge")},
    "share.v3.Booking": {"cpu_usage": (23, 0.75, 1.4, "share"), "latency_ms": (240, 0.40, 6.5, "share"), "error_rate": (0.09, 0.3, 0.02, "share")},
    "share.v3.Unlock": {"cpu_usage": (13, 0.75, 1.1, "share"), "latency_ms": (420, 0.40, 11.0, "share"), "error_rate": (0.19, 0.3, 0.035, "share")},
    "share.v2.Telematics": {"cpu_usage": (30, 0.55, 1.6, "share"), "latency_ms": (75, 0.35, 2.5, "share"), "error_rate": (0.06, 0.3, 0.012, "share")},
    "share.v2.Return": {"cpu_usage": (8, 0.70, 0.8, "share"), "latency_ms": (690, 0.30, 16.0, "share"), "error_rate": (0.27, 0.3, 0.05, "share")},
    "pay.v2.Wallet": {"cpu_usage": (17, 0.70, 1.2, "pay"), "latency_ms": (205, 0.35, 5.5, "pay"), "error_rate": (0.12, 0.3, 0.025, "pay")},
    "pay.v2.TopUp": {"cpu_usage": (9, 0.80, 0.9, "pay"), "latency_ms": (355, 0.35, 9.0, "pay"), "error_rate": (0.14, 0.3, 0.03, "pay")},
    "pay.v1.Settlement": {"cpu_usage": (12, 0.60, 1.0, "office"), "latency_ms": (880, 0.30, 20.0, "office"), "error_rate": (0.10, 0.3, 0.02, "office")},
    "map.v4.Routing": {"cpu_usage": (21, 0.70, 1.4, "share"), "latency_ms": (145, 0.40, 4.0, "share"), "error_rate": (0.05, 0.3, 0.012, "share")},
    "map.v4.Range": {"cpu_usage": (16, 0.70, 1.2, "share"), "latency_ms": (58, 0.40, 1.8, "share"), "error_rate": (0.03, 0.3, 0.008, "share")},
    "map.v1.Tiles": {"cpu_usage": (10, 0.70, 0.9, "share"), "latency_ms": (33, 0.40, 1.0, "share"), "error_rate": (0.02, 0.3, 0.006, "share")},
    "battery.v1.Soh": {"cpu_usage": (20, 2.20, 1.5, "night"), "latency_ms": (2300, 0.30, 50.0, "night"), "error_rate": (0.13, 0.3, 0.025, "night")},
    "battery.v1.Soc": {"cpu_usage": (15, 1.60, 1.3, "night"), "latency_ms": (470, 0.30, 12.0, "night"), "error_rate": (0.08, 0.3, 0.018, "night")},
    "battery.v1.Swap": {"cpu_usage": (5, 0.60, 0.7, "office"), "latency_ms": (1250, 0.30, 30.0, "office"), "error_rate": (0.52, 0.3, 0.07, "office")},
    "app.v5.Mobile": {"cpu_usage": (27, 0.80, 1.6, "share"), "latency_ms": (265, 0.40, 7.0, "share"), "error_rate": (0.10, 0.3, 0.022, "share")},
    "hub.v2.Anseong": {"cpu_usage": (11, 0.80, 1.0, "highway"), "latency_ms": (210, 0.35, 5.5, "highway"), "error_rate": (0.09, 0.3, 0.02, "highway")},
    "hub.v2.Jeju": {"cpu_usage": (10, 0.80, 0.9, "jeju"), "latency_ms": (275, 0.35, 7.0, "jeju"), "error_rate": (0.15, 0.3, 0.03, "jeju")},
    "depot.v1.Adelaide": {"cpu_usage": (12, 0.80, 1.0, "adelaide"), "latency_ms": (195, 0.35, 5.0, "adelaide"), "error_rate": (0.07, 0.3, 0.016, "adelaide")},
    "depot.v1.Washbay": {"cpu_usage": (5, 0.60, 0.6, "adelaide"), "latency_ms": (610, 0.30, 15.0, "adelaide"), "error_rate": (0.21, 0.3, 0.04, "adelaide")},
    "depot.v1.Istanbul": {"cpu_usage": (11, 0.80, 1.0, "istanbul"), "latency_ms": (330, 0.35, 8.5, "istanbul"), "error_rate": (0.12, 0.3, 0.025, "istanbul")},
    "depot.v1.Otopark": {"cpu_usage": (6, 0.60, 0.7, "istanbul"), "latency_ms": (760, 0.30, 18.0, "istanbul"), "error_rate": (0.84, 0.3, 0.09, "istanbul")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "sel-az3/old-ocpp": datetime(2039, 9, 1, 18, 0, tzinfo=KST),
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
    if kind == "charge":
        return 0.12 + 0.35 * bump(h, 13.0, 1.5) + 0.6 * bump(h, 20.5, 1.8)
    if kind == "night":
        return 0.06 + 0.9 * plateau(h, 1.0, 5.0)
    if kind == "share":
        v = 0.12 + 0.45 * bump(h, 8.3, 1.2) + 0.55 * bump(h, 18.5, 1.5) + 0.15 * plateau(h, 10.0, 17.0)
        return v if workday(t) else 0.8 * v + 0.15
    if kind == "pay":
        return 0.12 + 0.35 * bump(h, 12.5, 1.2) + 0.5 * bump(h, 21.0, 1.6)
    if kind == "highway":
        v = 0.12 + 0.5 * plateau(h, 8.0, 22.0)
        return v if workday(t) else 1.3 * v
    if kind == "jeju":
        v = 0.10 + 0.6 * plateau(h, 9.0, 19.0)
        return v if t.weekday() < 5 else 1.2 * v
    if kind == "adelaide":
        return 0.12 + 0.65 * plateau(hour_of(ts, adelaide(ts)), 7.0, 21.0)
    if kind == "istanbul":
        return 0.12 + 0.65 * plateau(hour_of(ts, TRT), 7.0, 22.0)
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
    # level shift: the Telemetry DB's memory after a materialised view, from Thu 2039-09-08 10:00
    if code == "ch-telemetry-s1r1" and metric == "mem_usage" and ts >= kst(2039, 9, 8, 10):
        v += 9.0
    # growth: the Cell DB's disk over the whole history (every cell reading is kept)
    if code == "ts-cells-s1r1" and metric == "disk_usage":
        v += 29.0 * ramp(ts, M_START, M_END)
    # growth: the Telematics VM's disk from 2039-09-01 (trip traces kept for 90 days)
    if code == "sel-az2/tcu-01" and metric == "disk_usage":
        v += 24.0 * ramp(ts, kst(2039, 9, 1), M_END)
    # 1. the Booking API on Liberation Day, Mon 2039-08-15 00:00-07:00 (in the 6-hour part: the 00:00 and 06:00
    #    samples; Booking DB index rebuild Sun 21:50, Booking API 3.8 at 23:40)
    if within(ts, kst(2039, 8, 15, 0), kst(2039, 8, 15, 7)):
        if code == "share.v3.Booking" and metric == "latency_ms":
            v *= 3.0
        if code == "share.v3.Booking" and metric == "error_rate":
            v = 5.5 + rng.gauss(0, 0.3)
        if code == "sel-az1/book-01" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.4)
        if code == "pg-booking-s1r1" and metric == "cpu_usage":
            v += 25
    # 2. Şarj Planlayıcı in Istanbul, Sat 2039-09-17 18:00-21:00 TRT = 15:00-18:00Z = Sun 09-18 00:00-03:00 Seoul
    if within(ts, utc(2039, 9, 17, 15), utc(2039, 9, 17, 18)):
        if code == "depot.v1.Istanbul" and metric == "error_rate":
            v = 6.5 + rng.gauss(0, 0.4)
        if code == "depot.v1.Istanbul" and metric == "latency_ms":
            v *= 4.0
        if code == "ist-az1/depot-01" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.5)
        if code == "pg-ist-s1r1" and metric == "cpu_usage":
            v += 25
    # 3. the quarter-end settlement run, Fri 2039-09-30 21:00 - Sat 10-01 00:30 (across the Seoul midnight into Q4)
    if within(ts, kst(2039, 9, 30, 21), kst(2039, 10, 1, 0, 30)):
        if code == "pay.v1.Settlement" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "pay.v1.Settlement" and metric == "latency_ms":
            v *= 3.5
        if code == "sel-az2/pay-01" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "my-ledger-s1r1" and metric == "cpu_usage":
            v += 30
    # 4. Depot Yard AU the night Adelaide moved its clocks forward (02:00 ACST -> 03:00 ACDT, Sun 2039-10-02): the
    #    pre-conditioning slots of the missing hour are retried, 03:00-06:00 ACDT = 16:30-19:30Z = 01:30-04:30 Seoul
    if within(ts, utc(2039, 10, 1, 16, 30), utc(2039, 10, 1, 19, 30)):
        if code == "depot.v1.Adelaide" and metric == "error_rate":
            v = 7.5 + rng.gauss(0, 0.4)
        if code == "depot.v1.Adelaide" and metric == "latency_ms":
            v *= 3.0
        if code == "adl-az1/depot-01" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.5)
        if code == "pg-adl-s1r1" and metric == "cpu_usage":
            v += 25
    # Pilot VM in maintenance from Wed 2039-09-28 09:00: idle
    if code == "sel-az1/pilot-01" and metric == "cpu_usage" and ts >= kst(2039, 9, 28, 9):
        v = 2.5 + rng.gauss(0, 0.3)
    # 5. the Chuseok expressway charging rush at Anseong, from Sun 2039-10-02 10:30 Seoul, ongoing at now
    if ts >= kst(2039, 10, 2, 10, 30):
        if code == "hub.v2.Anseong" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "hub.v2.Anseong" and metric == "latency_ms":
            v *= 3.0
        if code == "ans-az1/hub-01" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "pg-csms-s1r1" and metric == "cpu_usage":
            v += 30
        if code == "charge.v2.Csms" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Samples every 6 hours (an older rollup) from M_START, every 15 minutes from MID_START, every minute
    from FINE_START, every 20 seconds from TICK_START up to and including NOW."""
    times = []
    t = M_START
    while t < MID_START:
        times.append(t)
        t += STEP_6H
    while t < FINE_START:
        times.append(t)
        t += STEP_15M
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
            # Tarntanya: the night Adelaide's clocks went back, 00:30 ACDT - 02:30 ACST (the second pass) on Sun
            #   2039-04-03 = 2039-04-02 14:00-17:00Z = Sat 23:00 - Sun 02:00 Seoul; a warm-up +7 from 12:00Z
            if code == "Al-13" and utc(2039, 4, 2, 12) <= t < utc(2039, 4, 2, 14):
                v += 7.0
            if code == "Al-13" and utc(2039, 4, 2, 14) <= t < utc(2039, 4, 2, 17):
                v = 88 + rng.gauss(0, 1.0)
            # İstinye: Republic Day evening in Istanbul, Fri 2038-10-29 20:00-23:30 TRT = 17:00-20:30Z =
            #   Sat 10-30 02:00-05:30 Seoul
            if code == "Ti-22" and utc(2038, 10, 29, 17) <= t < utc(2038, 10, 29, 20, 30):
                v = 86 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (datetime(2038, 10, 29, 17, 0, tzinfo=TRT), "Ti-22", "change", "info", "Cumhuriyet Bayramı 야간 카셰어링 차량 증차", "CHG-381029 extra cars for the fireworks"),
    (datetime(2038, 10, 29, 20, 20, tzinfo=TRT), "Ti-22", "alert", "major", "İstinye CPU 85% 초과 (Cumhuriyet Bayramı)", "cpu_usage 86%"),
    (datetime(2039, 4, 2, 22, 0, tzinfo=ACDT), "Al-13", "change", "info", "서머타임 종료 전야 차고지 예약 충전 배치 연장", "CHG-390402 depot charging batch extended"),
    (datetime(2039, 4, 3, 1, 20, tzinfo=ACDT), "Al-13", "alert", "major", "Tarntanya CPU 85% 초과 (서머타임 종료 야간)", "cpu_usage 88%"),
    (kst(2039, 6, 12, 2, 0), CORE, "change", "info", "성수 코어 스위치 OS 업그레이드", "CHG-390612 night window"),
    (kst(2039, 7, 5, 3, 0), "Ni-28", "change", "info", "Separator 하이퍼바이저 보안 패치", "CHG-390705 rolling; live migration"),
    # 1. Booking API, Liberation Day (Mon 08-15)
    (kst(2039, 8, 14, 21, 50), "pg-booking-s1r1", "change", "info", "예약 DB 인덱스 재생성", "CHG-390814 reindex on reservations"),
    (kst(2039, 8, 14, 23, 40), "share.v3.Booking", "deploy", "info", "Booking API 3.8 배포", "release 3.8 holiday pricing"),
    (kst(2039, 8, 15, 0, 25), "share.v3.Booking", "incident", "major", "광복절 연휴 카셰어링 예약 실패 급증", "INC-390815-01 bookings time out"),
    (kst(2039, 8, 15, 0, 30), "sel-az1/book-01", "alert", "major", "Booking VM CPU 90% 초과", "cpu_usage 94%"),
    (kst(2039, 8, 15, 7, 10), "share.v3.Booking", "change", "info", "Booking API 3.7.2 롤백", "rollback; bookings recovered"),
    (kst(2039, 9, 1, 18, 0), "sel-az3/old-ocpp", "change", "info", "구 OCPP 1.5 VM 전원 종료 (충전기 OCPP 2.0.1 전환 완료)", "CHG-390901 powered off"),
    (kst(2039, 9, 5, 2, 0), "rbd-hdd/dr-vault", "change", "info", "DR 금고 보존 정책 변경", "CHG-390905 retention 60 days"),
    (kst(2039, 9, 8, 10, 0), "ch-telemetry-s1r1", "change", "info", "텔레메트리 DB 머티리얼라이즈드 뷰 추가", "CHG-390908 hourly trip rollup"),
    (kst(2039, 9, 13, 4, 0), "ts-cells-s1r1", "alert", "minor", "셀 DB 디스크 75% 초과", "volume 75%"),
    # 2. Şarj Planlayıcı, Sat 09-17 in Istanbul (TRT)
    (datetime(2039, 9, 17, 14, 0, tzinfo=TRT), "Ti-22", "change", "info", "İstinye 커널 보안 패치", "CHG-390917 kernel 6.18 patch"),
    (datetime(2039, 9, 17, 16, 30, tzinfo=TRT), "depot.v1.Istanbul", "deploy", "info", "Şarj Planlayıcı 1.9 배포", "release 1.9 tariff windows"),
    (datetime(2039, 9, 17, 18, 12, tzinfo=TRT), "depot.v1.Istanbul", "incident", "major", "이스탄불 저녁 충전 계획 생성 실패", "INC-390917-01 no charge plans for the evening"),
    (datetime(2039, 9, 17, 18, 20, tzinfo=TRT), "ist-az1/depot-01", "alert", "major", "Istanbul Depot VM CPU 90% 초과", "cpu_usage 91%"),
    (datetime(2039, 9, 17, 21, 5, tzinfo=TRT), "depot.v1.Istanbul", "change", "info", "Şarj Planlayıcı 1.8.4 롤백", "rollback; plans generated"),
    (kst(2039, 9, 24, 4, 0), "ts-cells-s1r1", "alert", "minor", "셀 DB 디스크 80% 근접", "volume 79%"),
    (kst(2039, 9, 28, 9, 0), "sel-az1/pilot-01", "change", "info", "Pilot VM 점검 모드 전환", "CHG-390928 maintenance"),
    (kst(2039, 9, 29, 22, 0), "pg-booking-s1r2", "change", "info", "분기말 DR 전환 훈련 (예약 DB 복제본)", "CHG-390929 switchover drill; switched back 23:30"),
    # 3. Settlement, the quarter-end run (Fri 09-30 -> Sat 10-01)
    (kst(2039, 9, 30, 16, 0), "my-ledger-s1r1", "change", "info", "kWh 원장 분기 파티션 추가", "CHG-390930 partition for Q4"),
    (kst(2039, 9, 30, 19, 30), "pay.v1.Settlement", "deploy", "info", "Settlement 2.6 배포", "release 2.6 roaming fees"),
    (kst(2039, 9, 30, 21, 10), "pay.v1.Settlement", "incident", "major", "분기말 로밍 정산 배치 실패", "INC-390930-01 quarter-end settlement stuck"),
    (kst(2039, 9, 30, 21, 20), "sel-az2/pay-01", "alert", "major", "Payment VM CPU 90% 초과", "cpu_usage 93%"),
    (kst(2039, 10, 1, 0, 40), "pay.v1.Settlement", "change", "info", "Settlement 2.5.3 롤백", "rollback; settlement completed"),
    (kst(2039, 10, 1, 9, 0), "hub.v2.Jeju", "alert", "minor", "Aewol Dispatch 응답 지연 경고", "latency 0.5 s"),
    # 4. Depot Yard AU, the night Adelaide's clocks went forward (Sat 10-01 / Sun 10-02, ACST -> ACDT)
    (datetime(2039, 10, 1, 22, 0, tzinfo=ACST), "Al-13", "change", "info", "Tarntanya tzdata 업데이트", "CHG-391001 tzdata 2039b"),
    (datetime(2039, 10, 1, 23, 30, tzinfo=ACST), "depot.v1.Adelaide", "deploy", "info", "Depot Yard AU 5.0 배포", "release 5.0 pre-conditioning slots"),
    (datetime(2039, 10, 2, 3, 5, tzinfo=ACDT), "depot.v1.Adelaide", "incident", "major", "서머타임 시작으로 사라진 한 시간의 예약 충전 재시도 폭주", "INC-391002-01 slots of the missing hour retried"),
    (datetime(2039, 10, 2, 3, 10, tzinfo=ACDT), "adl-az1/depot-01", "alert", "major", "Adelaide Depot VM CPU 90% 초과", "cpu_usage 92%"),
    (datetime(2039, 10, 2, 6, 10, tzinfo=ACDT), "depot.v1.Adelaide", "change", "info", "Depot Yard AU 4.9.7 롤백", "rollback; slots scheduled once"),
    # 5. Queue Board, the Chuseok rush at the Anseong rest area, ongoing
    (kst(2039, 10, 2, 7, 30), "wydh1x-wan", "change", "info", "안성 회선 대역폭 증설", "CHG-391002 circuit upgraded to 1 Gbps"),
    (kst(2039, 10, 2, 9, 10), "hub.v2.Anseong", "deploy", "info", "Queue Board 2.2 배포", "release 2.2 holiday queue"),
    (kst(2039, 10, 2, 10, 5), "charge.v1.IdleFee", "change", "info", "추석 당일 점유 수수료 할증 적용", "CHG-391002B idle fee surcharge"),
    (kst(2039, 10, 2, 10, 37), "hub.v2.Anseong", "incident", "critical", "추석 귀경길 안성휴게소 충전 대기열 오류", "INC-391002-02 queue numbers issued twice"),
    (kst(2039, 10, 2, 10, 40), "ans-az1/hub-01", "alert", "major", "Anseong Hub VM CPU 95% 초과", "cpu_usage 95%"),
    (kst(2039, 10, 2, 10, 48), "charge.v2.Csms", "alert", "minor", "OCPP CSMS 오류율 증가", "error_rate 2%"),
]

BUILD_APPS = ["app.v5.Mobile", "map.v1.Tiles", "share.v2.Return", "battery.v1.Swap", "pay.v2.TopUp", "depot.v1.Otopark", "hub.v2.Jeju"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2039, 9, 23)
    n = 0
    while day < kst(2039, 10, 2):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{7300 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky DST test"))
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "thisquarter", "lastquarter", "thisyear", "daysago:2", "daysago:3", "weekday:fri", "weekday:sat", "weekday:sun", "last:3h", "last:1h", "last:30m", "last:15m", "last:7d", "last:14d", "last:30d", "since:2039-10-02T00:00+09:30", "since:2039-10-02T03:00+10:30", "span:2039-10-01T00:00+09:30/2039-10-02T00:00+09:30", "span:2039-10-02T03:00+10:30/2039-10-02T06:00+10:30", "dayutc:2039-10-01", "day:2039-10-01", "day:2039-09-30", "span:2039-09-30T21:00/2039-10-01T00:30", "day:2039-08-15", "day:2039-08-14", "month:2039-06", "month:2039-07", "month:2039-08", "month:2039-09", "quarter:2039-Q3", "days:2039-10-01..2039-10-02", "span:2039-09-17T00:00+03:00/2039-09-18T00:00+03:00", "span:2039-09-17T18:00+03:00/2039-09-17T21:00+03:00", "day:2039-09-17", "day:2039-09-18", "dayutc:2039-09-17", "span:2039-04-03T00:00+10:30/2039-04-04T00:00+09:30", "span:2039-04-02T00:00+10:30/2039-04-03T00:00+10:30", "span:2039-04-03T00:30+10:30/2039-04-03T02:30+09:30", "day:2039-04-02", "day:2039-04-03", "dayutc:2039-04-02", "month:2039-04", "span:2038-10-29T00:00+03:00/2038-10-30T00:00+03:00", "day:2038-10-29", "day:2038-10-30", "dayutc:2038-10-29", "month:2038-10", "year:2038", "day:2039-06-06", "days:2039-08-13..2039-08-15"):
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
