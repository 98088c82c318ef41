#!/usr/bin/env python3
"""Deterministic generator for the "Garam International Airport" (가람국제공항) airport-IT understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids M###, halves "dev13" / "test9") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding8/gen_estate.py (the "Nuri Power & Water"
set), copied unchanged from event_checks() onwards except three things: resolve_range() also knows
the calendar-year tokens `thisyear`, `lastyear` and `year:YYYY` (this set's clock sits ten minutes
into a year), RELATIVE_R lists `thisyear` and `lastyear`, and the days that --summary prints.  The
estate, the clock (2030-01-01 00:10 Seoul, a Tuesday, New Year's Day; still 2029-12-31 in UTC), the
sampling (hourly from 2029-10-01, every 10 minutes from 2029-12-28 on, and three 5-minute UTC blocks
in July 2021, September 2022 and around 2023-12-01 shaped like public AWS CloudWatch EC2 CPU
series), the names, the personas and the questions differ.  See README.md.

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line;
every question line must sit under a `# Q<n> ...` persona tag).
A spec is an op followed by key=value tokens (no spaces inside a value); a bare key is a flag.
  latest  ci= m= [stale]                      newest sample at or before NOW (stale: a stopped CI on purpose)
  at      ci= m= t=ISO                        the sample at exactly t (one moment; no time range is expected)
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
r: last:Nm|Nh|Nd|Nw today yesterday thisweek lastweek thismonth lastmonth thisyear lastyear
   day:YYYY-MM-DD (Seoul day) dayutc:YYYY-MM-DD days:D1..D2 (inclusive, Seoul) month:YYYY-MM (Seoul
   calendar month) year:YYYY (Seoul calendar year) since:ISO span:ISO/ISO (no offset = Seoul, Z = UTC).
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
import re
import sys
from collections import defaultdict, deque
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "estate")
SRC = "questions_src.txt"
TSV = "questions.tsv"
HALVES = ("dev13", "test9")
ID_PREFIX = "M"
TAG_LETTER = "Q"
SEED = 20300101
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2030, 1, 1, 0, 10, tzinfo=KST)              # Tue 1 January 2030 (New Year's Day), 00:10 Seoul = Mon 31 Dec 2029 15:10Z
M_START = datetime(2029, 10, 1, 0, 0, tzinfo=KST)          # a Monday; hourly samples (a rollup) ...
FINE_START = datetime(2029, 12, 28, 0, 0, tzinfo=KST)      # ... then every 10 minutes from this Friday
M_END = NOW                                                 # inclusive: the last sample is at 00:10 itself
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=10)
H_STEP = timedelta(minutes=5)
# CloudWatch-like 5-minute cpu_usage blocks (UTC, odd minute offsets like the NAB realAWSCloudwatch files)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("i-0d24e6a8b1", datetime(2021, 7, 19, 0, 3, tzinfo=UTC), 2880, 9.0, 0.8, 0.007),     # 10 days, a July summer-peak week
    ("BhsCtlT1", datetime(2022, 9, 4, 21, 7, tzinfo=UTC), 3168, 6.0, 0.6, 0.006),       # 11 days over Chuseok 2022 (09-09..09-12)
    ("i-0a17c3e9f2", datetime(2023, 11, 26, 15, 4, tzinfo=UTC), 2592, 12.0, 1.0, 0.008),  # 9 days over a month boundary
]
# Korean public holidays in the main history (treated like a Sunday by the load profiles):
# 개천절 2029-10-03 (Wed), 한글날 2029-10-09 (Tue), Christmas 2029-12-25 (Tue), New Year 2030-01-01 (Tue, today)
HOLIDAYS = {(2029, 10, 3), (2029, 10, 9), (2029, 12, 25), (2030, 1, 1)}

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites (PascalCase location values): GaramAOC (operations centre, 종합상황동), GaramT1 (제1여객터미널),
# GaramT2 (제2여객터미널), GaramCargo (화물터미널), GaramDRC (DR centre, 백업센터)
# --------------------------------------------------------------------------------------
CIS = [
    # network: six-digit asset numbers only
    ("410017", "Core Router", "network", "running", "garam-live", "GaramAOC", "netOps", "코어 라우터|aoc core", "172.20.0.1", "core"),
    ("410023", "T1 Switch", "network", "running", "garam-live", "GaramT1", "netOps", "제1터미널 스위치|terminal one switch", "172.20.1.1", "edge"),
    ("410031", "T2 Switch", "network", "running", "garam-live", "GaramT2", "netOps", "제2터미널 스위치", "172.20.2.1", "edge"),
    ("410046", "Firewall", "network", "running", "garam-live", "GaramAOC", "securityIT", "", "172.20.0.9", "core"),
    ("410052", "화물 터미널 스위치", "network", "running", "garam-live", "GaramCargo", "netOps", "", "172.20.3.1", "edge"),
    ("410068", "DR Router", "network", "running", "garam-dr", "GaramDRC", "netOps", "백업센터 라우터", "172.20.9.1", "dr"),
    # storage: PascalCase words
    ("FlashArrayAoc", "All-Flash Array", "storage", "running", "garam-live", "GaramAOC", "platformTeam", "올플래시 스토리지|tier-1 flash", "172.20.0.31", "core"),
    ("ObjStoreAoc", "Object Store", "storage", "running", "garam-live", "GaramAOC", "securityIT", "영상 보관 스토리지|cctv archive", "172.20.0.32", "core"),
    ("BackupVaultDrc", "DRC 백업 저장소", "storage", "running", "garam-dr", "GaramDRC", "platformTeam", "dr backup store", "172.20.9.31", "dr"),
    # servers: PascalCase (Kubernetes workers, hypervisors, bare metal)
    ("KubeWorkerAoc1", "k8s worker 1", "server", "running", "garam-live", "GaramAOC", "platformTeam", "쿠버 워커 1|worker one", "172.20.10.1", "core"),
    ("KubeWorkerAoc2", "k8s worker 2", "server", "running", "garam-live", "GaramAOC", "platformTeam", "쿠버 워커 2|worker two", "172.20.10.2", "core"),
    ("KubeWorkerAoc3", "k8s worker 3", "server", "running", "garam-live", "GaramAOC", "platformTeam", "쿠버 워커 3|worker three", "172.20.10.3", "core"),
    ("KubeWorkerDrc1", "k8s worker DR", "server", "running", "garam-dr", "GaramDRC", "platformTeam", "DR 워커", "172.20.9.10", "dr"),
    ("HyperAoc1", "Hypervisor A", "server", "running", "garam-live", "GaramAOC", "platformTeam", "하이퍼바이저 A|hv alpha", "172.20.11.1", "core"),
    ("HyperAoc2", "Hypervisor B", "server", "running", "garam-live", "GaramAOC", "platformTeam", "하이퍼바이저 B|hv bravo", "172.20.11.2", "core"),
    ("BhsCtlT1", "수하물 처리 시스템 1", "server", "running", "garam-live", "GaramT1", "baggageIT", "BHS controller T1", "172.20.1.21", "bhs"),
    ("BhsCtlT2", "수하물 처리 시스템 2", "server", "running", "garam-live", "GaramT2", "baggageIT", "BHS controller T2", "172.20.2.21", "bhs"),
    ("XrayImgT1", "Screening Image Server", "server", "running", "garam-live", "GaramT1", "securityIT", "보안검색 영상 서버|xray image box", "172.20.1.31", "sec"),
    # vms: EC2-style instance ids (i- and ten hex digits)
    ("i-0a17c3e9f2", "AODB DB VM", "vm", "running", "garam-live", "GaramAOC", "dbaTeam", "운항DB 서버|aodb box", "172.20.12.1", "ops"),
    ("i-01d7e2f5b9", "Passenger DB VM", "vm", "running", "garam-live", "GaramAOC", "dbaTeam", "여객DB 서버", "172.20.12.2", "pax"),
    ("i-0d24e6a8b1", "CUPPS VM", "vm", "running", "garam-live", "GaramT1", "passengerIT", "공용 체크인 서버|cupps box", "172.20.12.3", "pax"),
    ("i-04b9a3e8f6", "SmartPass VM", "vm", "running", "garam-live", "GaramAOC", "passengerIT", "스마트패스 서버", "172.20.12.4", "pax"),
    ("i-0c93f1b7d5", "Parking VM", "vm", "running", "garam-live", "GaramAOC", "landsideIT", "주차 서버|car park box", "172.20.12.5", "land"),
    ("i-0e81b3c5a7", "Cargo VM", "vm", "running", "garam-live", "GaramCargo", "cargoIT", "화물 서버", "172.20.12.6", "cargo"),
    ("i-0f46a9d2c8", "Wi-Fi Portal VM", "vm", "running", "garam-live", "GaramAOC", "passengerIT", "와이파이 서버|hotspot box", "172.20.12.7", "pax"),
    ("i-02c8b4a6e3", "Build Runner (staging)", "vm", "maintenance", "garam-stage", "GaramAOC", "platformTeam", "스테이징 빌드 서버|ci runner", "172.20.13.1", "stage"),
    ("i-03e5f7c1d4", "Legacy FIDS VM", "vm", "stopped", "garam-stage", "GaramT1", "flightOpsIT", "구 전광판 서버|old display box", "172.20.13.2", "stage"),
    # databases: camelCase
    ("aodbPrimary", "AODB", "database", "running", "garam-live", "GaramAOC", "dbaTeam", "운항 정보 DB|flight ops database", "172.20.12.101", "ops"),
    ("aodbReplica", "AODB (replica)", "database", "running", "garam-dr", "GaramDRC", "dbaTeam", "운항 정보 DB 복제본|aodb standby", "172.20.9.101", "dr"),
    ("paxDb", "Passenger DB", "database", "running", "garam-live", "GaramAOC", "dbaTeam", "여객 DB|traveller database", "172.20.12.102", "pax"),
    ("bagTrackDb", "수하물 추적 DB", "database", "running", "garam-live", "GaramT2", "baggageIT", "bag tracking db", "172.20.2.101", "bhs"),
    ("parkingDb", "주차 DB", "database", "running", "garam-live", "GaramAOC", "landsideIT", "", "172.20.12.105", "land"),
    ("cargoDb", "Cargo Manifest DB", "database", "running", "garam-live", "GaramCargo", "cargoIT", "화물 적하목록 DB|manifest store", "172.20.3.101", "cargo"),
    # apps: camelCase (Kubernetes deployments, apps on VMs and bare metal)
    ("aodbCore", "운항 정보 관리 시스템", "app", "running", "garam-live", "GaramAOC", "flightOpsIT", "AODB app|flight ops hub", "172.20.20.1", "ops"),
    ("gateAlloc", "Gate Allocation", "app", "running", "garam-live", "GaramAOC", "flightOpsIT", "게이트 배정|stand planner", "172.20.20.2", "ops"),
    ("weatherFeed", "Weather", "app", "running", "garam-live", "GaramAOC", "flightOpsIT", "기상 정보|awos feed", "172.20.20.3", "ops"),
    ("fidsV2", "FIDS v2", "app", "running", "garam-live", "GaramT1", "flightOpsIT", "운항정보 전광판 v2|t1 boards", "172.20.20.4", "ops"),
    ("fidsV3", "FIDS v3", "app", "running", "garam-live", "GaramT2", "flightOpsIT", "운항정보 전광판 v3|t2 boards", "172.20.20.5", "ops"),
    ("paAnnounce", "안내 방송", "app", "running", "garam-live", "GaramAOC", "flightOpsIT", "", "172.20.20.6", "ops"),
    ("apiGateway", "Gateway", "app", "running", "garam-live", "GaramAOC", "platformTeam", "API 게이트웨이|api gw", "172.20.20.7", "pax"),
    ("flightSearch", "Search", "app", "running", "garam-live", "GaramAOC", "passengerIT", "항공편 검색", "172.20.20.8", "pax"),
    ("paxApp", "Garam Airport app", "app", "running", "garam-live", "GaramAOC", "passengerIT", "가람공항 앱|mobile app", "172.20.20.9", "pax"),
    ("boardingLive", "boarding-api", "app", "running", "garam-live", "GaramAOC", "passengerIT", "탑승 API", "172.20.20.10", "pax"),
    ("boardingStage", "boarding-api (staging)", "app", "running", "garam-stage", "GaramAOC", "passengerIT", "", "172.20.13.10", "stage"),
    ("faceBoarding", "SmartPass", "app", "running", "garam-live", "GaramAOC", "passengerIT", "스마트패스|face boarding", "172.20.20.11", "pax"),
    ("kioskDom", "무인 체크인 (국내선)", "app", "running", "garam-live", "GaramT1", "passengerIT", "domestic kiosks", "172.20.20.12", "pax"),
    ("kioskIntl", "무인 체크인 (국제선)", "app", "running", "garam-live", "GaramT2", "passengerIT", "international kiosks", "172.20.20.13", "pax"),
    ("bagRecon", "Baggage Reconciliation", "app", "running", "garam-live", "GaramT1", "baggageIT", "수하물 탑재 확인|brs", "172.20.20.14", "bhs"),
    ("screeningAi", "X-ray AI 판독", "app", "running", "garam-live", "GaramT1", "securityIT", "엑스레이 자동 판독", "172.20.20.15", "sec"),
    ("parkingPay", "Parking", "app", "running", "garam-live", "GaramAOC", "landsideIT", "주차 정산|parking payment", "172.20.20.16", "land"),
    ("wifiPortal", "freeWiFi", "app", "running", "garam-live", "GaramAOC", "passengerIT", "무료 와이파이|captive portal", "172.20.20.17", "pax"),
    ("cargoCcs", "화물 통관 연계", "app", "error", "garam-live", "GaramCargo", "cargoIT", "", "172.20.20.18", "cargo"),
    # load balancers: alb- and four digits
    ("alb-4471", "External ALB", "load_balancer", "running", "garam-live", "GaramAOC", "netOps", "인터넷 구간 ALB|public ingress", "172.20.0.80", "core"),
    ("alb-4472", "Internal ALB", "load_balancer", "running", "garam-live", "GaramAOC", "netOps", "내부 ALB", "172.20.0.81", "core"),
    # services: PascalCase business services
    ("CheckInJourney", "체크인·수속", "service", "running", "garam-live", "GaramT1", "passengerIT", "check-in service|탑승 수속 서비스", "", "pax"),
    ("BaggageFlow", "Baggage Handling", "service", "running", "garam-live", "GaramT1", "baggageIT", "수하물 서비스", "", "bhs"),
    ("FlightInfo", "운항 정보 안내", "service", "running", "garam-live", "GaramAOC", "flightOpsIT", "flight information", "", "ops"),
    ("ParkingService", "주차 서비스", "service", "running", "garam-live", "GaramAOC", "landsideIT", "parking service", "", "land"),
    ("AirsideOps", "Airside Operations", "service", "running", "garam-live", "GaramAOC", "flightOpsIT", "에어사이드 운영", "", "ops"),
    ("CargoClearance", "화물 통관", "service", "running", "garam-live", "GaramCargo", "cargoIT", "cargo customs", "", "cargo"),
    ("PassengerDigital", "디지털 여객 서비스", "service", "running", "garam-live", "GaramAOC", "passengerIT", "passenger app & web", "", "pax"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network: the terminals, the firewall and the DR router uplink to the core; cargo sits behind the firewall
    ("410023", "CONNECTS_TO", "410017"),
    ("410031", "CONNECTS_TO", "410017"),
    ("410046", "CONNECTS_TO", "410017"),
    ("410068", "CONNECTS_TO", "410017"),
    ("410052", "CONNECTS_TO", "410046"),
    ("KubeWorkerAoc1", "CONNECTS_TO", "410017"),
    ("KubeWorkerAoc2", "CONNECTS_TO", "410017"),
    ("KubeWorkerAoc3", "CONNECTS_TO", "410017"),
    ("HyperAoc1", "CONNECTS_TO", "410017"),
    ("HyperAoc2", "CONNECTS_TO", "410017"),
    ("FlashArrayAoc", "CONNECTS_TO", "410017"),
    ("ObjStoreAoc", "CONNECTS_TO", "410017"),
    ("BhsCtlT1", "CONNECTS_TO", "410023"),
    ("XrayImgT1", "CONNECTS_TO", "410023"),
    ("BhsCtlT2", "CONNECTS_TO", "410031"),
    ("KubeWorkerDrc1", "CONNECTS_TO", "410068"),
    ("BackupVaultDrc", "CONNECTS_TO", "410068"),
    # hypervisors -> vms (HyperAoc1: HOSTS, plus one RUNS_ON; HyperAoc2: RUNS_ON only)
    ("HyperAoc1", "HOSTS", "i-0a17c3e9f2"),
    ("HyperAoc1", "HOSTS", "i-01d7e2f5b9"),
    ("HyperAoc1", "HOSTS", "i-0d24e6a8b1"),
    ("i-0a17c3e9f2", "RUNS_ON", "HyperAoc1"),
    ("i-04b9a3e8f6", "RUNS_ON", "HyperAoc1"),
    ("i-0c93f1b7d5", "RUNS_ON", "HyperAoc2"),
    ("i-0e81b3c5a7", "RUNS_ON", "HyperAoc2"),
    ("i-0f46a9d2c8", "RUNS_ON", "HyperAoc2"),
    ("i-02c8b4a6e3", "RUNS_ON", "HyperAoc2"),
    ("i-03e5f7c1d4", "RUNS_ON", "HyperAoc2"),
    ("i-0a17c3e9f2", "DEPENDS_ON", "FlashArrayAoc"),
    ("i-01d7e2f5b9", "DEPENDS_ON", "FlashArrayAoc"),
    # databases (the replica runs on the DR worker, the bag-tracking DB on the T2 BHS controller)
    ("aodbPrimary", "RUNS_ON", "i-0a17c3e9f2"),
    ("paxDb", "RUNS_ON", "i-01d7e2f5b9"),
    ("parkingDb", "RUNS_ON", "i-0c93f1b7d5"),
    ("cargoDb", "RUNS_ON", "i-0e81b3c5a7"),
    ("aodbReplica", "RUNS_ON", "KubeWorkerDrc1"),
    ("bagTrackDb", "RUNS_ON", "BhsCtlT2"),
    ("aodbPrimary", "DEPENDS_ON", "FlashArrayAoc"),
    ("paxDb", "DEPENDS_ON", "FlashArrayAoc"),
    ("aodbReplica", "DEPENDS_ON", "aodbPrimary"),
    ("aodbReplica", "DEPENDS_ON", "BackupVaultDrc"),
    # apps: Kubernetes deployments on the workers, the rest on vms and bare metal
    ("aodbCore", "RUNS_ON", "KubeWorkerAoc1"),
    ("gateAlloc", "RUNS_ON", "KubeWorkerAoc1"),
    ("paAnnounce", "RUNS_ON", "KubeWorkerAoc1"),
    ("paxApp", "RUNS_ON", "KubeWorkerAoc1"),
    ("fidsV2", "RUNS_ON", "KubeWorkerAoc2"),
    ("apiGateway", "RUNS_ON", "KubeWorkerAoc2"),
    ("boardingLive", "RUNS_ON", "KubeWorkerAoc2"),
    ("fidsV3", "RUNS_ON", "KubeWorkerAoc3"),
    ("weatherFeed", "RUNS_ON", "KubeWorkerAoc3"),
    ("flightSearch", "RUNS_ON", "KubeWorkerAoc3"),
    ("boardingStage", "RUNS_ON", "i-02c8b4a6e3"),
    ("faceBoarding", "RUNS_ON", "i-04b9a3e8f6"),
    ("kioskDom", "RUNS_ON", "i-0d24e6a8b1"),
    ("kioskIntl", "RUNS_ON", "i-0d24e6a8b1"),
    ("parkingPay", "RUNS_ON", "i-0c93f1b7d5"),
    ("wifiPortal", "RUNS_ON", "i-0f46a9d2c8"),
    ("cargoCcs", "RUNS_ON", "i-0e81b3c5a7"),
    ("bagRecon", "RUNS_ON", "BhsCtlT1"),
    ("screeningAi", "RUNS_ON", "XrayImgT1"),
    # app dependencies
    ("aodbCore", "DEPENDS_ON", "aodbPrimary"),
    ("aodbCore", "DEPENDS_ON", "weatherFeed"),
    ("weatherFeed", "CONNECTS_TO", "410046"),
    ("gateAlloc", "DEPENDS_ON", "aodbCore"),
    ("fidsV2", "DEPENDS_ON", "aodbCore"),
    ("fidsV2", "CONNECTS_TO", "410023"),
    ("fidsV3", "DEPENDS_ON", "aodbCore"),
    ("fidsV3", "DEPENDS_ON", "gateAlloc"),
    ("fidsV3", "CONNECTS_TO", "410031"),
    ("paAnnounce", "DEPENDS_ON", "aodbCore"),
    ("apiGateway", "DEPENDS_ON", "aodbCore"),
    ("apiGateway", "DEPENDS_ON", "paxDb"),
    ("flightSearch", "DEPENDS_ON", "apiGateway"),
    ("paxApp", "DEPENDS_ON", "flightSearch"),
    ("paxApp", "DEPENDS_ON", "apiGateway"),
    ("paxApp", "DEPENDS_ON", "parkingPay"),
    ("boardingLive", "DEPENDS_ON", "paxDb"),
    ("boardingLive", "DEPENDS_ON", "aodbCore"),
    ("faceBoarding", "DEPENDS_ON", "paxDb"),
    ("kioskDom", "DEPENDS_ON", "boardingLive"),
    ("kioskDom", "CONNECTS_TO", "410023"),
    ("kioskIntl", "DEPENDS_ON", "boardingLive"),
    ("kioskIntl", "DEPENDS_ON", "faceBoarding"),
    ("kioskIntl", "CONNECTS_TO", "410031"),
    ("bagRecon", "DEPENDS_ON", "bagTrackDb"),
    ("bagRecon", "DEPENDS_ON", "boardingLive"),
    ("screeningAi", "DEPENDS_ON", "ObjStoreAoc"),
    ("parkingPay", "DEPENDS_ON", "parkingDb"),
    ("wifiPortal", "CONNECTS_TO", "410046"),
    ("cargoCcs", "DEPENDS_ON", "cargoDb"),
    ("cargoCcs", "DEPENDS_ON", "aodbCore"),
    ("cargoCcs", "CONNECTS_TO", "410052"),
    # load balancers
    ("alb-4471", "CONNECTS_TO", "apiGateway"),
    ("alb-4471", "CONNECTS_TO", "wifiPortal"),
    ("alb-4471", "CONNECTS_TO", "parkingPay"),
    ("alb-4472", "CONNECTS_TO", "aodbCore"),
    ("alb-4472", "CONNECTS_TO", "gateAlloc"),
    ("alb-4472", "CONNECTS_TO", "boardingLive"),
    # services
    ("CheckInJourney", "DEPENDS_ON", "kioskDom"),
    ("CheckInJourney", "DEPENDS_ON", "kioskIntl"),
    ("CheckInJourney", "DEPENDS_ON", "boardingLive"),
    ("CheckInJourney", "DEPENDS_ON", "alb-4472"),
    ("BaggageFlow", "DEPENDS_ON", "bagRecon"),
    ("BaggageFlow", "DEPENDS_ON", "screeningAi"),
    ("FlightInfo", "DEPENDS_ON", "fidsV2"),
    ("FlightInfo", "DEPENDS_ON", "fidsV3"),
    ("FlightInfo", "DEPENDS_ON", "paAnnounce"),
    ("FlightInfo", "DEPENDS_ON", "flightSearch"),
    ("ParkingService", "DEPENDS_ON", "parkingPay"),
    ("ParkingService", "DEPENDS_ON", "alb-4471"),
    ("AirsideOps", "DEPENDS_ON", "aodbCore"),
    ("AirsideOps", "DEPENDS_ON", "gateAlloc"),
    ("AirsideOps", "DEPENDS_ON", "weatherFeed"),
    ("CargoClearance", "DEPENDS_ON", "cargoCcs"),
    ("PassengerDigital", "DEPENDS_ON", "paxApp"),
    ("PassengerDigital", "DEPENDS_ON", "flightSearch"),
    ("PassengerDigital", "DEPENDS_ON", "wifiPortal"),
    ("PassengerDigital", "DEPENDS_ON", "alb-4471"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: bank (departure banks: 07:30 and 18:30 peaks, near idle in the 00:00-05:00 night curfew, busier on days off
#           and in the winter-holiday peak 12-21..01-01), web (passenger app and web: daytime plateau and a 21:30 bump,
#           busier on days off), batch (night settlement 01:00-03:30), office (weekdays 09-18), flat
METRIC_PLAN = {
    "KubeWorkerAoc1": {"cpu_usage": (44, 0.45, 2.0, "bank"), "mem_usage": (71, 0.05, 1.0, "bank"), "disk_usage": (46, 0, 0.2, "flat")},
    "KubeWorkerAoc2": {"cpu_usage": (39, 0.55, 2.0, "web"), "mem_usage": (66, 0.05, 1.0, "web"), "disk_usage": (52, 0, 0.2, "flat")},
    "KubeWorkerAoc3": {"cpu_usage": (35, 0.50, 1.9, "bank"), "mem_usage": (62, 0.05, 1.0, "bank"), "disk_usage": (41, 0, 0.2, "flat")},
    "KubeWorkerDrc1": {"cpu_usage": (13, 0.20, 0.9, "flat"), "mem_usage": (43, 0.02, 0.8, "flat"), "disk_usage": (38, 0, 0.2, "flat")},
    "HyperAoc1": {"cpu_usage": (48, 0.40, 2.1, "bank"), "mem_usage": (79, 0.04, 0.9, "bank"), "disk_usage": (57, 0, 0.2, "flat")},
    "HyperAoc2": {"cpu_usage": (31, 0.50, 1.8, "office"), "mem_usage": (64, 0.04, 0.9, "office"), "disk_usage": (49, 0, 0.2, "flat")},
    "BhsCtlT1": {"cpu_usage": (27, 0.70, 1.7, "bank"), "mem_usage": (51, 0.04, 0.9, "bank"), "disk_usage": (33, 0, 0.2, "flat")},
    "BhsCtlT2": {"cpu_usage": (24, 0.70, 1.6, "bank"), "mem_usage": (48, 0.04, 0.9, "bank"), "disk_usage": (36, 0, 0.2, "flat")},
    "XrayImgT1": {"cpu_usage": (36, 0.60, 2.0, "bank"), "mem_usage": (58, 0.04, 1.0, "bank"), "disk_usage": (50, 0, 0.2, "flat")},
    "i-0a17c3e9f2": {"cpu_usage": (34, 0.40, 1.8, "bank"), "mem_usage": (74, 0.03, 0.8, "flat"), "disk_usage": (63, 0, 0.2, "flat")},
    "i-01d7e2f5b9": {"cpu_usage": (29, 0.50, 1.7, "bank"), "mem_usage": (77, 0.03, 0.8, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "i-0d24e6a8b1": {"cpu_usage": (26, 0.80, 1.7, "bank"), "mem_usage": (56, 0.05, 1.0, "bank"), "disk_usage": (44, 0, 0.2, "flat")},
    "i-04b9a3e8f6": {"cpu_usage": (21, 0.80, 1.5, "bank"), "mem_usage": (60, 0.05, 1.0, "bank"), "disk_usage": (39, 0, 0.2, "flat")},
    "i-0c93f1b7d5": {"cpu_usage": (17, 0.70, 1.3, "batch"), "mem_usage": (45, 0.04, 0.9, "batch"), "disk_usage": (42, 0, 0.2, "flat")},
    "i-0e81b3c5a7": {"cpu_usage": (19, 0.70, 1.4, "office"), "mem_usage": (53, 0.04, 1.0, "office"), "disk_usage": (47, 0, 0.2, "flat")},
    "i-0f46a9d2c8": {"cpu_usage": (15, 0.80, 1.3, "web"), "mem_usage": (50, 0.05, 1.0, "web"), "disk_usage": (30, 0, 0.2, "flat")},
    "i-02c8b4a6e3": {"cpu_usage": (23, 0.50, 1.6, "office"), "mem_usage": (40, 0.03, 1.0, "office"), "disk_usage": (35, 0, 0.2, "flat")},
    "i-03e5f7c1d4": {"cpu_usage": (11, 0.40, 0.9, "bank"), "mem_usage": (37, 0.03, 1.0, "flat"), "disk_usage": (26, 0, 0.2, "flat")},
    "aodbPrimary": {"cpu_usage": (37, 0.45, 2.0, "bank"), "mem_usage": (70, 0.02, 0.5, "flat"), "disk_usage": (60, 0, 0.2, "flat")},
    "aodbReplica": {"cpu_usage": (14, 0.20, 0.9, "flat"), "mem_usage": (66, 0.02, 0.6, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "paxDb": {"cpu_usage": (30, 0.60, 1.8, "bank"), "mem_usage": (82, 0.02, 0.5, "flat"), "disk_usage": (67, 0, 0.2, "flat")},
    "bagTrackDb": {"cpu_usage": (25, 0.60, 1.6, "bank"), "mem_usage": (73, 0.02, 0.6, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    "parkingDb": {"cpu_usage": (16, 0.80, 1.3, "batch"), "mem_usage": (62, 0.02, 0.6, "flat"), "disk_usage": (45, 0, 0.2, "flat")},
    "cargoDb": {"cpu_usage": (18, 0.60, 1.4, "office"), "mem_usage": (68, 0.02, 0.6, "flat"), "disk_usage": (40, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "aodbCore": {"cpu_usage": (33, 0.50, 1.9, "bank"), "latency_ms": (120, 0.40, 4.0, "bank"), "error_rate": (0.12, 0.3, 0.03, "bank")},
    "gateAlloc": {"cpu_usage": (22, 0.60, 1.5, "bank"), "latency_ms": (340, 0.30, 10.0, "bank"), "error_rate": (0.09, 0.3, 0.02, "bank")},
    "weatherFeed": {"cpu_usage": (6, 0.30, 0.6, "flat"), "latency_ms": (55, 0.20, 2.0, "flat"), "error_rate": (0.05, 0.2, 0.01, "flat")},
    "fidsV2": {"cpu_usage": (18, 0.60, 1.4, "bank"), "latency_ms": (95, 0.30, 3.0, "bank"), "error_rate": (0.08, 0.3, 0.02, "bank")},
    "fidsV3": {"cpu_usage": (26, 0.60, 1.7, "bank"), "latency_ms": (70, 0.30, 2.2, "bank"), "error_rate": (0.06, 0.3, 0.015, "bank")},
    "paAnnounce": {"cpu_usage": (9, 0.50, 0.8, "bank"), "latency_ms": (210, 0.30, 6.0, "bank"), "error_rate": (0.04, 0.2, 0.01, "bank")},
    "apiGateway": {"cpu_usage": (41, 0.60, 2.0, "web"), "latency_ms": (38, 0.40, 1.4, "web"), "error_rate": (0.21, 0.3, 0.04, "web")},
    "flightSearch": {"cpu_usage": (28, 0.70, 1.8, "web"), "latency_ms": (460, 0.30, 13.0, "web"), "error_rate": (0.17, 0.3, 0.04, "web")},
    "paxApp": {"cpu_usage": (24, 0.70, 1.6, "web"), "latency_ms": (310, 0.30, 9.0, "web"), "error_rate": (0.26, 0.3, 0.05, "web")},
    "boardingLive": {"cpu_usage": (31, 0.60, 1.8, "bank"), "latency_ms": (180, 0.30, 5.0, "bank"), "error_rate": (0.14, 0.3, 0.03, "bank")},
    "boardingStage": {"cpu_usage": (5, 0.30, 0.6, "office"), "latency_ms": (230, 0.20, 8.0, "office"), "error_rate": (0.9, 0.3, 0.1, "office")},
    "faceBoarding": {"cpu_usage": (29, 0.80, 1.9, "bank"), "latency_ms": (640, 0.30, 16.0, "bank"), "error_rate": (0.33, 0.3, 0.05, "bank")},
    "kioskDom": {"cpu_usage": (14, 0.80, 1.2, "bank"), "latency_ms": (870, 0.30, 20.0, "bank"), "error_rate": (0.19, 0.3, 0.04, "bank")},
    "kioskIntl": {"cpu_usage": (17, 0.80, 1.3, "bank"), "latency_ms": (990, 0.30, 24.0, "bank"), "error_rate": (0.23, 0.3, 0.04, "bank")},
    "bagRecon": {"cpu_usage": (20, 0.70, 1.5, "bank"), "latency_ms": (150, 0.30, 5.0, "bank"), "error_rate": (0.10, 0.3, 0.02, "bank")},
    "screeningAi": {"cpu_usage": (47, 0.50, 2.2, "bank"), "latency_ms": (1350, 0.20, 30.0, "bank"), "error_rate": (0.28, 0.3, 0.05, "bank")},
    "parkingPay": {"cpu_usage": (12, 0.70, 1.1, "batch"), "latency_ms": (260, 0.30, 8.0, "batch"), "error_rate": (0.11, 0.3, 0.03, "batch")},
    "wifiPortal": {"cpu_usage": (10, 0.80, 1.0, "web"), "latency_ms": (140, 0.30, 4.0, "web"), "error_rate": (0.07, 0.3, 0.02, "web")},
    "cargoCcs": {"cpu_usage": (8, 0.60, 0.9, "office"), "latency_ms": (1900, 0.20, 45.0, "office"), "error_rate": (0.16, 0.3, 0.03, "office")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "i-03e5f7c1d4": datetime(2029, 11, 30, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}


def hour_of(ts):
    t = ts.astimezone(KST)
    return t.hour + t.minute / 60.0


def circ(h, c):
    """Distance in hours between hour h and hour c on a 24-hour circle."""
    d = abs(h - c)
    return min(d, 24 - d)


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    wd = t.weekday()
    off = wd == 6 or (t.year, t.month, t.day) in HOLIDAYS        # Sundays and public holidays
    sat = wd == 5 and not off
    peak_season = (t.month == 12 and t.day >= 21) or (t.month == 1 and t.day == 1)
    if kind == "bank":
        if 0.0 <= h < 5.0:                                       # night curfew: no departures
            return 0.08
        peaks = max(math.exp(-(circ(h, 7.5) / 1.4) ** 2), 0.9 * math.exp(-(circ(h, 18.5) / 1.8) ** 2))
        v = 0.25 + 0.65 * peaks
        if off or sat:
            v *= 1.12
        if peak_season:
            v *= 1.1
        return v
    if kind == "web":
        plateau = 1.0 / (1 + math.exp(-(h - 7.0) * 1.5)) * 1.0 / (1 + math.exp((h - 23.5) * 1.5))
        bump = math.exp(-(circ(h, 21.5) / 1.5) ** 2)
        v = 0.1 + (0.55 if (off or sat) else 0.45) * plateau + 0.35 * bump
        if peak_season:
            v *= 1.1
        return v
    if kind == "batch":
        return 0.1 + 0.9 * math.exp(-(circ(h, 2.25) / 1.1) ** 2)
    if kind == "office":
        if off:
            return 0.05
        if sat:
            return 0.1
        return math.exp(-((h - 13.5) / 3.0) ** 2)
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
    """Planted episodes, lined up with events (all times Seoul)."""
    # growth: screening image server disk over the three months (X-ray images kept 90 days)
    if code == "XrayImgT1" and metric == "disk_usage":
        v += 34.0 * ramp(ts, M_START, M_END)
    # 1. typhoon diversions, Fri 2029-10-19 15:00-18:00: gate allocation slow (AWOS format 10:00, Gate Allocation 5.3.0 at 12:30)
    if within(ts, kst(2029, 10, 19, 15), kst(2029, 10, 19, 18)):
        if code == "gateAlloc" and metric == "latency_ms":
            v *= 5.0
        if code == "gateAlloc" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "aodbPrimary" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.7)
        if code == "aodbCore" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # level shift: AODB memory after the winter-schedule switch, from Sun 2029-10-28 04:00
    if code == "aodbPrimary" and metric == "mem_usage" and ts >= kst(2029, 10, 28, 4):
        v += 12.0
    # 2. international kiosks, Mon 2029-11-12 06:00-08:30 (CUPPS VM OS patch 01:00, kiosk 8.1 at 04:30)
    if within(ts, kst(2029, 11, 12, 6), kst(2029, 11, 12, 8, 30)):
        if code == "kioskIntl" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "kioskIntl" and metric == "latency_ms":
            v *= 4.0
        if code == "i-0d24e6a8b1" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.5)
        if code == "kioskDom" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # growth: cargo manifest DB disk after the five-year retention change on 2029-12-01 09:00
    if code == "cargoDb" and metric == "disk_usage":
        v += 28.0 * ramp(ts, kst(2029, 12, 1, 9), M_END)
    # 3. fog, Thu 2029-12-06 07:00-10:00: baggage reconciliation backlog (DB index 01:30, BRS 3.2.0 at 03:00)
    if within(ts, kst(2029, 12, 6, 7), kst(2029, 12, 6, 10)):
        if code == "bagRecon" and metric == "latency_ms":
            v *= 6.0
        if code == "bagRecon" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "bagTrackDb" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.6)
        if code == "BhsCtlT2" and metric == "cpu_usage":
            v += 40
    # 4. Christmas Eve, Mon 2029-12-24 19:00-22:00: passenger app slow (gateway rate limit 14:00, app 7.0 at 16:00)
    if within(ts, kst(2029, 12, 24, 19), kst(2029, 12, 24, 22)):
        if code == "paxApp" and metric == "latency_ms":
            v *= 5.0
        if code == "paxApp" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "apiGateway" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.7)
        if code == "flightSearch" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # staging build runner in maintenance from Sat 2029-12-29 10:00: idle
    if code == "i-02c8b4a6e3" and metric == "cpu_usage" and ts >= kst(2029, 12, 29, 10):
        v = 3 + rng.gauss(0, 0.4)
    # 5. year-end parking settlement, Mon 2029-12-31 02:00-04:00 (DB partition 22:30 Sun, Parking 2.4.0 at 00:30)
    if within(ts, kst(2029, 12, 31, 2), kst(2029, 12, 31, 4)):
        if code == "parkingPay" and metric == "latency_ms":
            v *= 6.0
        if code == "parkingPay" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "parkingDb" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.5)
    # 6. across the year boundary, from Mon 2029-12-31 23:20, ongoing: T2 flight boards drop flights (switch 18:30, FIDS v3 4.0.2 at 21:00)
    if ts >= kst(2029, 12, 31, 23, 20):
        if code == "fidsV3" and metric == "error_rate":
            v = 11.0 + rng.gauss(0, 0.6)
        if code == "fidsV3" and metric == "latency_ms":
            v *= 4.0
        if code == "KubeWorkerAoc3" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 0.7)
        if code == "flightSearch" and metric == "latency_ms":
            v *= 2.0
    return v


def sample_times():
    """Hourly samples (an older rollup) from M_START, every 10 minutes from FINE_START up to and including NOW."""
    times = []
    t = M_START
    while t < FINE_START:
        times.append(t)
        t += STEP_COARSE
    while t <= M_END:
        times.append(t)
        t += STEP
    return times


def gen_metrics(rng):
    rows = []  # (ts, code, metric, value)
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
                    v = max(v, 1.0)
                rows.append((ts, code, metric, round(v, 2)))
    # CloudWatch-like blocks: 5-minute cpu_usage, mostly low with short random spikes, UTC timestamps
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
            # CUPPS VM: 2021-07-23 (Fri) 19:00-22:00 Seoul = 10:00-13:00Z, the summer-vacation evening departure peak
            if code == "i-0d24e6a8b1" and datetime(2021, 7, 23, 10, tzinfo=UTC) <= t < datetime(2021, 7, 23, 13, tzinfo=UTC):
                v = 82 + rng.gauss(0, 1.4)
            # BHS T1: Chuseok 2022-09-09..12, mornings 06:00-10:00 Seoul (21:00-01:00Z the day before) +10
            if code == "BhsCtlT1" and datetime(2022, 9, 8, 21, tzinfo=UTC) <= t < datetime(2022, 9, 12, 1, tzinfo=UTC) \
                    and (t.hour >= 21 or t.hour < 1):
                v += 10.0
            # BHS T1: 2022-09-09 06:00-08:30 Seoul = 2022-09-08 21:00-23:30Z, the first holiday morning (bag jam)
            if code == "BhsCtlT1" and datetime(2022, 9, 8, 21, tzinfo=UTC) <= t < datetime(2022, 9, 8, 23, 30, tzinfo=UTC):
                v = 80 + rng.gauss(0, 1.3)
            # AODB DB VM: 2023-12-01 00:00-02:00 Seoul = 2023-11-30 15:00-17:00Z, the month-start schedule load
            if code == "i-0a17c3e9f2" and datetime(2023, 11, 30, 15, tzinfo=UTC) <= t < datetime(2023, 11, 30, 17, tzinfo=UTC):
                v = 85 + rng.gauss(0, 1.2)
            # AODB DB VM: a level shift from 2023-12-04 00:00Z (a second replication stream)
            if code == "i-0a17c3e9f2" and t >= datetime(2023, 12, 4, tzinfo=UTC):
                v += 4.0
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    # (ts, code, type, severity, title, detail)
    (kst(2029, 10, 8, 23, 0), "FlashArrayAoc", "change", "info", "All-Flash Array Purity 펌웨어 업그레이드", "CHG-291008 non-disruptive"),
    # 1. typhoon diversions, Fri 10-19
    (kst(2029, 10, 19, 10, 0), "weatherFeed", "change", "info", "AWOS 전문 형식 변경 (METAR 개정판)", "CHG-291019 new decoder"),
    (kst(2029, 10, 19, 12, 30), "gateAlloc", "deploy", "info", "Gate Allocation 5.3.0 deploy", "release 5.3.0"),
    (kst(2029, 10, 19, 15, 5), "aodbPrimary", "alert", "major", "AODB CPU over 90%", "cpu_usage 94%"),
    (kst(2029, 10, 19, 15, 10), "gateAlloc", "incident", "critical", "태풍 회항편 게이트 재배정 지연", "INC-291019-01 38 flights without stand"),
    (kst(2029, 10, 19, 18, 20), "gateAlloc", "change", "info", "Gate Allocation 5.2.4 rollback", "rollback; stands assigned again"),
    (kst(2029, 10, 28, 4, 0), "aodbCore", "change", "info", "동계 스케줄 전환 (2029/30 동계 시즌)", "CHG-291028 winter season load"),
    (kst(2029, 11, 3, 2, 0), "410017", "change", "info", "Core Router OS upgrade", "CHG-291103 ISSU, no loss"),
    # 2. international kiosks, Mon 11-12
    (kst(2029, 11, 12, 1, 0), "i-0d24e6a8b1", "change", "info", "CUPPS VM OS 보안 패치", "CHG-291112 kernel update, reboot"),
    (kst(2029, 11, 12, 4, 30), "kioskIntl", "deploy", "info", "무인 체크인 (국제선) 8.1 배포", "release 8.1"),
    (kst(2029, 11, 12, 6, 10), "kioskIntl", "incident", "major", "국제선 키오스크 탑승권 발급 실패", "INC-291112-01 boarding pass printing fails"),
    (kst(2029, 11, 12, 8, 40), "kioskIntl", "change", "info", "무인 체크인 (국제선) 8.0.3 롤백", "rollback; printing restored"),
    (kst(2029, 11, 20, 10, 0), "screeningAi", "change", "info", "X-ray AI 판독 모델 v5 적용", "CHG-291120 new threat library"),
    (kst(2029, 11, 30, 18, 0), "i-03e5f7c1d4", "change", "info", "Legacy FIDS VM 전원 종료 (구 전광판 폐기)", "CHG-291130 powered off"),
    (kst(2029, 12, 1, 9, 0), "cargoDb", "change", "info", "Cargo Manifest DB 보관 기간 5년으로 연장", "CHG-291201 retention change"),
    # 3. fog, Thu 12-06
    (kst(2029, 12, 6, 1, 30), "bagTrackDb", "change", "info", "수하물 추적 DB 인덱스 재구성", "CHG-291206 online rebuild"),
    (kst(2029, 12, 6, 3, 0), "bagRecon", "deploy", "info", "Baggage Reconciliation 3.2.0 deploy", "release 3.2.0"),
    (kst(2029, 12, 6, 7, 10), "bagRecon", "incident", "critical", "짙은 안개 지연편 수하물 탑재 확인 적체", "INC-291206-01 2300 bags unmatched"),
    (kst(2029, 12, 6, 10, 15), "bagRecon", "change", "info", "Baggage Reconciliation 3.1.7 rollback", "rollback; backlog cleared 11:30"),
    (kst(2029, 12, 15, 2, 0), "aodbReplica", "change", "info", "AODB 복제본 전환 훈련 (분기 정기)", "CHG-291215 switchover drill 18 min"),
    (kst(2029, 12, 18, 3, 0), "HyperAoc2", "change", "info", "Hypervisor B 보안 패치", "CHG-291218 rolling; live migration"),
    (kst(2029, 12, 22, 20, 40), "alb-4471", "alert", "minor", "External ALB 5xx over 2%", "2.4% for 6 min"),
    # 4. Christmas Eve, Mon 12-24
    (kst(2029, 12, 24, 14, 0), "apiGateway", "change", "info", "Gateway rate limit 상향 (연말 성수기)", "CHG-291224 limit x2"),
    (kst(2029, 12, 24, 16, 0), "paxApp", "deploy", "info", "Garam Airport app 7.0 배포", "release 7.0"),
    (kst(2029, 12, 24, 19, 5), "paxApp", "incident", "major", "크리스마스 이브 모바일 탑승권 조회 지연", "INC-291224-01 boarding pass view 12 s"),
    (kst(2029, 12, 24, 22, 10), "paxApp", "change", "info", "Garam Airport app 6.9.4 롤백", "rollback; view under 1 s"),
    (kst(2029, 12, 27, 11, 30), "XrayImgT1", "alert", "minor", "Screening Image Server disk over 80%", "disk_usage 83%"),
    (kst(2029, 12, 29, 10, 0), "i-02c8b4a6e3", "change", "info", "Build Runner (staging) 점검 모드 전환", "CHG-291229 maintenance"),
    (kst(2029, 12, 30, 6, 40), "weatherFeed", "alert", "minor", "Weather AWOS feed stale 15 min", "last METAR 06:25"),
    # 5. year-end parking settlement, Sun 12-30 night -> Mon 12-31
    (kst(2029, 12, 30, 22, 30), "parkingDb", "change", "info", "주차 DB 2030년 파티션 추가", "CHG-291230 partition 2030"),
    (kst(2029, 12, 31, 0, 30), "parkingPay", "deploy", "info", "Parking 2.4.0 배포 (2030 요금표)", "release 2.4.0"),
    (kst(2029, 12, 31, 2, 10), "parkingPay", "incident", "major", "연말 주차 요금 정산 배치 지연", "INC-291231-01 41k receipts late"),
    (kst(2029, 12, 31, 4, 20), "parkingPay", "change", "info", "Parking 2.3.9 롤백", "rollback; settlement rerun 05:00"),
    # 6. across the year boundary, Mon 12-31 -> Tue 01-01 (today), ongoing
    (kst(2029, 12, 31, 18, 30), "410031", "change", "info", "T2 Switch 포트 보안 설정 변경", "CHG-291231B port security"),
    (kst(2029, 12, 31, 21, 0), "fidsV3", "deploy", "info", "FIDS v3 4.0.2 배포 (새해 카운트다운 화면)", "release 4.0.2"),
    (kst(2029, 12, 31, 23, 20), "fidsV3", "incident", "critical", "새해 전환 후 T2 전광판 편명 누락", "INC-291231-02 flights missing after date roll"),
    (kst(2030, 1, 1, 0, 5), "fidsV3", "alert", "major", "FIDS v3 error rate over 10%", "error_rate 11%"),
]

BUILD_APPS = ["paxApp", "apiGateway", "flightSearch", "boardingLive", "kioskIntl", "gateAlloc", "fidsV3"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines, 12-22 .. 12-31 (01:00-03:45; none after now)
    day = kst(2029, 12, 22)
    n = 0
    while day < kst(2030, 1, 1):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{700 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky e2e test"))
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
    if tok == "thisyear":            # added in this set: calendar years (Seoul)
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
RELATIVE_R = ("last:", "today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth", "thisyear", "lastyear")
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "thisyear", "lastyear", "day:2029-12-31", "day:2029-12-30", "day:2029-12-25", "day:2029-12-24", "day:2029-12-06", "day:2029-11-12", "day:2029-10-19", "day:2029-10-03", "month:2029-10", "month:2029-11", "month:2029-12", "last:7d", "last:30d"):
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
