#!/usr/bin/env python3
"""Deterministic generator for the "Seolbong Alpine Resorts" (설봉 알파인 리조트) estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids S###, halves "dev25" / "test21") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only (zoneinfo with the
system's tz database for the two North American resorts' daylight-saving switch).

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding20/gen_estate.py (the "Hanul National
Library & Archives" set), copied unchanged from event_checks() onwards except: the ranges that
--summary prints and the code check, which here also admits '@' and ':' at any place (S3 ARNs,
Traefik routers, engine@name:port).  The estate (a ski-resort chain: lift gates, lift control, a
gondola, snowmaking, ticketing, rental, ski school, patrol, night skiing in Pyeongchang and at the
head office in Seoul; a resort in Whistler (America/Vancouver, PST -08:00 -> PDT -07:00 on Sunday
12 March 2045) and one in Corner Brook, Newfoundland (America/St_Johns, NST -03:30 -> NDT -02:30 on
the same Sunday)), the clock (Tuesday 14 March 2045, 09:30 Seoul = 00:30Z; it is still Monday 13
March in both North American resorts, whose Sunday was a 23-hour day), the sampling (every 2 hours
from 1 December 2044, every 10 minutes from 1 March 2045, every 30 seconds from 09:00 today), the
names, the personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding20/gen_estate.py (persona tags `# S<n> ...`).
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
HALVES = ("dev25", "test21")
ID_PREFIX = "S"
TAG_LETTER = "S"
SEED = 20450314
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
VAN = ZoneInfo("America/Vancouver")   # Whistler: PST -08:00, PDT -07:00 from Sun 2045-03-12 02:00 local
NFL = ZoneInfo("America/St_Johns")    # Corner Brook: NST -03:30, NDT -02:30 from Sun 2045-03-12 02:00 local
PST, PDT = timezone(timedelta(hours=-8)), timezone(timedelta(hours=-7))
NST, NDT = timezone(timedelta(hours=-3, minutes=-30)), timezone(timedelta(hours=-2, minutes=-30))
NOW = datetime(2045, 3, 14, 9, 30, tzinfo=KST)   # Tue 09:30 Seoul = 00:30Z = Mon 17:30 PDT = Mon 22:00 NDT
M_START = datetime(2044, 12, 1, 0, 0, tzinfo=KST)        # every 2 hours from 1 December (season opening) ...
MID_START = datetime(2045, 3, 1, 0, 0, tzinfo=KST)       # ... every 10 minutes from 1 March ...
FINE_START = datetime(2045, 3, 14, 9, 0, tzinfo=KST)     # ... every 30 seconds from 09:00 today
M_END = NOW                                              # inclusive: the last sample is at 09:30:00 itself
STEP_2H = timedelta(hours=2)
STEP_10M = timedelta(minutes=10)
STEP_FINE = timedelta(seconds=30)
# Korean public holidays in the history: 성탄절 2044-12-25, 신정 2045-01-01, 설 연휴 2045-02-16..18, 삼일절 2045-03-01.
KR_HOLIDAYS = {(2044, 12, 25), (2045, 1, 1), (2045, 2, 16), (2045, 2, 17), (2045, 2, 18), (2045, 3, 1)}


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# locations (title case with spaces): Pyeongchang Base, Pyeongchang Summit, Seoul HQ, Whistler BC,
#        Corner Brook NL, Wonju DR
# owners: e-mail addresses
# environments: prod, canary, retired, dr
# --------------------------------------------------------------------------------------
BASE, SUMMIT, HQ, WHI, NFLD, WJU = ("Pyeongchang Base", "Pyeongchang Summit", "Seoul HQ", "Whistler BC",
                                    "Corner Brook NL", "Wonju DR")
PROD, CANARY, RETIRED, DR = "prod", "canary", "retired", "dr"
O_INF, O_LFT, O_TKT, O_GST, O_SNW, O_PAT, O_WHI, O_NFL = (
    "infra.kim@seolbong.kr", "lift.ops@seolbong.kr", "ticketing@seolbong.kr", "guest.app@seolbong.kr",
    "snow.team@seolbong.kr", "patrol.lead@seolbong.kr", "m.tremblay@seolbong.ca", "s.oreilly@seolbong.ca")
CIS = [
    # network: Cisco port-channels Po<nn>-<SITE>
    ("Po30-SEL", "HQ Core", "network", "running", PROD, HQ, O_INF, "본사 코어망|head office backbone", "10.45.0.1", "core"),
    ("Po10-PYC", "Slope Backbone", "network", "running", PROD, BASE, O_INF, "슬로프 백본|mountain backbone", "10.45.10.1", "mountain"),
    ("Po20-PYC", "Gondola Fiber", "network", "running", PROD, SUMMIT, O_LFT, "곤돌라 광링|summit link", "10.45.20.1", "mountain"),
    ("Po40-WHI", "Whistler Circuit", "network", "running", PROD, WHI, O_WHI, "휘슬러 회선|bc circuit", "10.45.40.1", "ca"),
    ("Po50-NFL", "Marble Circuit", "network", "running", PROD, NFLD, O_NFL, "마블 회선|newfoundland circuit", "10.45.50.1", "ca"),
    ("Po90-WJU", "DR Link", "network", "running", DR, WJU, O_INF, "원주 DR 회선|wonju link", "10.45.90.1", "dr"),
    # storage: S3 bucket ARNs
    ("arn:aws:s3:::sb-peakcam", "Peak Cam Archive", "storage", "running", PROD, SUMMIT, O_SNW, "정상 웹캠 보관소|webcam clips", "", "mountain"),
    ("arn:aws:s3:::sb-gate-logs", "Gate Log Bucket", "storage", "running", PROD, BASE, O_LFT, "게이트 로그 버킷|turnstile logs", "", "mountain"),
    ("arn:aws:s3:::sb-wonju-backup", "DR Backup", "storage", "running", DR, WJU, O_INF, "원주 백업 버킷|backup bucket", "", "dr"),
    # servers: BMC names bmc-<elevation>m-<n>; named after mountains (two in Hangul only)
    ("bmc-700m-1", "발왕", "server", "running", PROD, BASE, O_INF, "Balwang|발왕산 서버|hypervisor one", "10.45.11.11", "mountain"),
    ("bmc-700m-2", "가리왕", "server", "running", PROD, BASE, O_INF, "Gariwang|가리왕산 서버|hypervisor two", "10.45.11.12", "mountain"),
    ("bmc-1458m-1", "Summit", "server", "running", PROD, SUMMIT, O_LFT, "정상 서버|정상 기계실|peak box", "10.45.21.11", "mountain"),
    ("bmc-38m-1", "Namsan", "server", "running", PROD, HQ, O_INF, "남산|본사 서버|hq host", "10.45.1.11", "core"),
    ("bmc-675m-1", "Blackcomb", "server", "running", PROD, WHI, O_WHI, "블랙콤|휘슬러 호스트", "10.45.41.11", "ca"),
    ("bmc-90m-1", "Marble", "server", "running", PROD, NFLD, O_NFL, "마블|뉴펀들랜드 호스트", "10.45.51.11", "ca"),
    ("bmc-300m-1", "DR Host", "server", "running", DR, WJU, O_INF, "원주 DR 호스트|dr box", "10.45.91.11", "dr"),
    # vms: libvirt-style vm-<4 hex>
    ("vm-3f2a", "Lift Ops VM", "vm", "running", PROD, BASE, O_LFT, "리프트 운영 VM|lift box", "10.45.12.11", "mountain"),
    ("vm-3f2b", "Ticketing VM", "vm", "running", PROD, BASE, O_TKT, "발권 VM|ticket box", "10.45.12.12", "sales"),
    ("vm-3f2c", "Old Kiosk VM", "vm", "stopped", RETIRED, BASE, O_TKT, "구 키오스크 VM|legacy kiosk", "10.45.12.13", "legacy"),
    ("vm-7a10", "Rental VM", "vm", "running", PROD, BASE, O_GST, "렌탈 VM|rental box", "10.45.12.21", "guest"),
    ("vm-7a11", "Patrol VM", "vm", "running", PROD, BASE, O_PAT, "패트롤 VM|patrol box", "10.45.12.22", "safety"),
    ("vm-c001", "Booking VM", "vm", "running", PROD, HQ, O_GST, "예약 VM|booking box", "10.45.2.11", "sales"),
    ("vm-c002", "Web VM", "vm", "running", PROD, HQ, O_GST, "홈페이지 VM|web box", "10.45.2.12", "guest"),
    ("vm-c0ff", "Canary VM", "vm", "maintenance", CANARY, HQ, O_TKT, "카나리 VM|pricing box", "10.45.2.13", "canary"),
    ("vm-b1c0", "Whistler VM", "vm", "running", PROD, WHI, O_WHI, "휘슬러 VM", "10.45.42.11", "ca"),
    ("vm-d2e0", "Marble VM", "vm", "running", PROD, NFLD, O_NFL, "마블 VM", "10.45.52.11", "ca"),
    # databases: engine@name:port
    ("pg@tickets:5432", "Ticket DB", "database", "running", PROD, BASE, O_TKT, "발권 DB|pass db", "10.45.13.11", "sales"),
    ("pg@tickets:6432", "Ticket DB Replica", "database", "running", DR, WJU, O_TKT, "발권 복제 DB|pass standby", "10.45.91.21", "dr"),
    ("pg@guests:5432", "Guest DB", "database", "running", PROD, HQ, O_GST, "고객 DB|member db", "10.45.3.11", "sales"),
    ("pg@lifts:5432", "Lift DB", "database", "running", PROD, BASE, O_LFT, "리프트 DB|lift telemetry", "10.45.13.12", "mountain"),
    ("my@rental:3306", "Rental DB", "database", "running", PROD, BASE, O_GST, "렌탈 DB|gear db", "10.45.13.13", "guest"),
    ("ts@snow:8086", "Snow DB", "database", "running", PROD, SUMMIT, O_SNW, "제설 DB|snowmaking history", "10.45.23.11", "mountain"),
    ("pg@patrol:5432", "Patrol DB", "database", "running", PROD, BASE, O_PAT, "패트롤 DB|incident log", "10.45.13.14", "safety"),
    ("my@whistler:3306", "Whistler DB", "database", "running", PROD, WHI, O_WHI, "휘슬러 DB", "10.45.43.11", "ca"),
    ("pg@marble:5432", "Marble DB", "database", "running", PROD, NFLD, O_NFL, "마블 DB", "10.45.53.11", "ca"),
    # apps: systemd units <name>.service
    ("liftgate.service", "RFID Gates", "app", "running", PROD, BASE, O_LFT, "RFID 게이트|개찰구|turnstiles", "10.45.14.1", "mountain"),
    ("liftctl.service", "Lift Control", "app", "running", PROD, BASE, O_LFT, "리프트 관제|lift scada", "10.45.14.2", "mountain"),
    ("gondola.service", "Gondola #2", "app", "running", PROD, SUMMIT, O_LFT, "2번 곤돌라 관제|gondola two", "10.45.24.1", "mountain"),
    ("snowgun.service", "Snowmaking", "app", "running", PROD, SUMMIT, O_SNW, "인공 제설|snow guns", "10.45.24.2", "mountain"),
    ("peakcam.service", "Peak Cam", "app", "running", PROD, SUMMIT, O_SNW, "정상 웹캠|summit webcam", "10.45.24.3", "mountain"),
    ("ticketshop.service", "Ticket Shop", "app", "running", PROD, HQ, O_TKT, "온라인 매표소|lift tickets", "10.45.4.1", "sales"),
    ("kiosk.service", "Ticket Kiosk", "app", "running", PROD, BASE, O_TKT, "무인 발권기|self-service kiosk", "10.45.14.3", "sales"),
    ("rental.service", "Ski Rental", "app", "running", PROD, BASE, O_GST, "장비 렌탈|gear rental", "10.45.14.4", "guest"),
    ("school.service", "Ski School", "app", "running", PROD, BASE, O_GST, "스키 강습 예약|lessons", "10.45.14.5", "guest"),
    ("patrol.service", "Ski Patrol", "app", "running", PROD, BASE, O_PAT, "패트롤 출동|patrol dispatch", "10.45.14.6", "safety"),
    ("lastchair.service", "Last Chair", "app", "running", PROD, BASE, O_PAT, "마감 순찰|lift sweep", "10.45.14.7", "safety"),
    ("firsttracks.service", "First Tracks", "app", "running", PROD, HQ, O_GST, "얼리 라이딩 예약|early ups", "10.45.4.2", "sales"),
    ("nightski.service", "Night Ski", "app", "running", PROD, BASE, O_SNW, "야간 스키 운영|night session", "10.45.14.8", "mountain"),
    ("snowreport.service", "Snow Report", "app", "running", PROD, HQ, O_SNW, "적설 리포트|conditions", "10.45.4.3", "guest"),
    ("web.service", "Resort Web", "app", "running", PROD, HQ, O_GST, "리조트 홈페이지|website", "10.45.4.4", "guest"),
    ("app-api.service", "Mobile API", "app", "running", PROD, HQ, O_GST, "모바일 앱 API|app backend", "10.45.4.5", "guest"),
    ("pricing.service", "Dynamic Pricing", "app", "running", CANARY, HQ, O_TKT, "다이내믹 프라이싱|price engine", "10.45.4.6", "canary"),
    ("whistler-pos.service", "Whistler POS", "app", "running", PROD, WHI, O_WHI, "휘슬러 판매시스템|point de vente", "10.45.44.1", "ca"),
    ("telesiege.service", "Télésiège Étoile", "app", "running", PROD, WHI, O_WHI, "Telesiege Etoile|에투알 체어|etoile chair", "10.45.44.2", "ca"),
    ("marble-pos.service", "Marble POS", "app", "running", PROD, NFLD, O_NFL, "마블 판매시스템|marble till", "10.45.54.1", "ca"),
    ("tbar.service", "T-Bar 3", "app", "error", PROD, NFLD, O_NFL, "3번 티바|marble t-bar", "10.45.54.2", "ca"),
    # load balancers: Traefik routers <name>@docker
    ("guests@docker", "Guest Edge", "load_balancer", "running", PROD, HQ, O_INF, "고객 관문|public edge", "10.45.0.80", "guest"),
    ("staff@docker", "Staff Edge", "load_balancer", "running", PROD, BASE, O_INF, "직원 관문|staff edge", "10.45.10.80", "core"),
    ("mountain@docker", "Mountain Edge", "load_balancer", "running", PROD, BASE, O_INF, "산악 관문|slope edge", "10.45.10.81", "mountain"),
    # services: Stripe-style product ids prod_<6>
    ("prod_Lq7TzA", "Lift Access", "service", "running", PROD, BASE, O_LFT, "리프트 이용", "", "mountain"),
    ("prod_Bk2RnW", "Online Sales", "service", "running", PROD, HQ, O_TKT, "온라인 판매", "", "sales"),
    ("prod_Sn4MkC", "Snow Ops", "service", "running", PROD, SUMMIT, O_SNW, "제설 운영", "", "mountain"),
    ("prod_Pt9XeV", "Guest Safety", "service", "running", PROD, BASE, O_PAT, "안전 관리", "", "safety"),
    ("prod_Ov3HwJ", "Overseas Resorts", "service", "running", PROD, WHI, O_WHI, "해외 리조트|overseas", "", "ca"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE = "Po30-SEL"
RELATIONS = [
    # network
    ("Po10-PYC", "CONNECTS_TO", CORE),
    ("Po20-PYC", "CONNECTS_TO", "Po10-PYC"),
    ("Po40-WHI", "CONNECTS_TO", CORE),
    ("Po50-NFL", "CONNECTS_TO", CORE),
    ("Po90-WJU", "CONNECTS_TO", CORE),
    ("bmc-700m-1", "CONNECTS_TO", "Po10-PYC"),
    ("bmc-700m-2", "CONNECTS_TO", "Po10-PYC"),
    ("bmc-1458m-1", "CONNECTS_TO", "Po20-PYC"),
    ("bmc-38m-1", "CONNECTS_TO", CORE),
    ("bmc-675m-1", "CONNECTS_TO", "Po40-WHI"),
    ("bmc-90m-1", "CONNECTS_TO", "Po50-NFL"),
    ("bmc-300m-1", "CONNECTS_TO", "Po90-WJU"),
    # hypervisors -> vms (발왕: HOSTS only; 가리왕: RUNS_ON only; Namsan: both)
    ("bmc-700m-1", "HOSTS", "vm-3f2a"),
    ("bmc-700m-1", "HOSTS", "vm-3f2b"),
    ("bmc-700m-1", "HOSTS", "vm-3f2c"),
    ("vm-7a10", "RUNS_ON", "bmc-700m-2"),
    ("vm-7a11", "RUNS_ON", "bmc-700m-2"),
    ("bmc-38m-1", "HOSTS", "vm-c001"),
    ("vm-c001", "RUNS_ON", "bmc-38m-1"),
    ("vm-c002", "RUNS_ON", "bmc-38m-1"),
    ("vm-c0ff", "RUNS_ON", "bmc-38m-1"),
    ("bmc-675m-1", "HOSTS", "vm-b1c0"),
    ("vm-d2e0", "RUNS_ON", "bmc-90m-1"),
    ("vm-3f2a", "DEPENDS_ON", "arn:aws:s3:::sb-gate-logs"),
    # databases
    ("pg@tickets:5432", "RUNS_ON", "vm-3f2b"),
    ("pg@tickets:6432", "RUNS_ON", "bmc-300m-1"),
    ("pg@tickets:6432", "DEPENDS_ON", "pg@tickets:5432"),
    ("pg@tickets:6432", "DEPENDS_ON", "arn:aws:s3:::sb-wonju-backup"),
    ("pg@guests:5432", "RUNS_ON", "vm-c001"),
    ("pg@lifts:5432", "RUNS_ON", "vm-3f2a"),
    ("my@rental:3306", "RUNS_ON", "vm-7a10"),
    ("ts@snow:8086", "RUNS_ON", "bmc-1458m-1"),
    ("pg@patrol:5432", "RUNS_ON", "vm-7a11"),
    ("my@whistler:3306", "RUNS_ON", "vm-b1c0"),
    ("pg@marble:5432", "RUNS_ON", "vm-d2e0"),
    # apps on vms and on bare metal
    ("liftgate.service", "RUNS_ON", "vm-3f2a"),
    ("liftctl.service", "RUNS_ON", "vm-3f2a"),
    ("nightski.service", "RUNS_ON", "vm-3f2a"),
    ("gondola.service", "RUNS_ON", "bmc-1458m-1"),
    ("snowgun.service", "RUNS_ON", "bmc-1458m-1"),
    ("peakcam.service", "RUNS_ON", "bmc-1458m-1"),
    ("kiosk.service", "RUNS_ON", "vm-3f2b"),
    ("rental.service", "RUNS_ON", "vm-7a10"),
    ("school.service", "RUNS_ON", "vm-7a10"),
    ("patrol.service", "RUNS_ON", "vm-7a11"),
    ("lastchair.service", "RUNS_ON", "vm-7a11"),
    ("ticketshop.service", "RUNS_ON", "vm-c001"),
    ("firsttracks.service", "RUNS_ON", "vm-c001"),
    ("snowreport.service", "RUNS_ON", "vm-c002"),
    ("web.service", "RUNS_ON", "vm-c002"),
    ("app-api.service", "RUNS_ON", "vm-c002"),
    ("pricing.service", "RUNS_ON", "vm-c0ff"),
    ("whistler-pos.service", "RUNS_ON", "vm-b1c0"),
    ("telesiege.service", "RUNS_ON", "vm-b1c0"),
    ("marble-pos.service", "RUNS_ON", "vm-d2e0"),
    ("tbar.service", "RUNS_ON", "vm-d2e0"),
    # app dependencies
    ("liftgate.service", "DEPENDS_ON", "pg@lifts:5432"),
    ("liftgate.service", "DEPENDS_ON", "pg@tickets:5432"),
    ("liftctl.service", "DEPENDS_ON", "pg@lifts:5432"),
    ("gondola.service", "DEPENDS_ON", "pg@lifts:5432"),
    ("gondola.service", "CONNECTS_TO", "Po20-PYC"),
    ("snowgun.service", "DEPENDS_ON", "ts@snow:8086"),
    ("peakcam.service", "DEPENDS_ON", "arn:aws:s3:::sb-peakcam"),
    ("ticketshop.service", "DEPENDS_ON", "pg@tickets:5432"),
    ("ticketshop.service", "DEPENDS_ON", "pg@guests:5432"),
    ("kiosk.service", "DEPENDS_ON", "pg@tickets:5432"),
    ("rental.service", "DEPENDS_ON", "my@rental:3306"),
    ("rental.service", "DEPENDS_ON", "pg@guests:5432"),
    ("school.service", "DEPENDS_ON", "pg@guests:5432"),
    ("school.service", "DEPENDS_ON", "ticketshop.service"),
    ("patrol.service", "DEPENDS_ON", "pg@patrol:5432"),
    ("patrol.service", "DEPENDS_ON", "liftctl.service"),
    ("lastchair.service", "DEPENDS_ON", "pg@patrol:5432"),
    ("lastchair.service", "DEPENDS_ON", "liftctl.service"),
    ("firsttracks.service", "DEPENDS_ON", "ticketshop.service"),
    ("firsttracks.service", "DEPENDS_ON", "pg@guests:5432"),
    ("nightski.service", "DEPENDS_ON", "liftctl.service"),
    ("nightski.service", "DEPENDS_ON", "snowgun.service"),
    ("snowreport.service", "DEPENDS_ON", "ts@snow:8086"),
    ("snowreport.service", "DEPENDS_ON", "peakcam.service"),
    ("web.service", "DEPENDS_ON", "ticketshop.service"),
    ("web.service", "DEPENDS_ON", "snowreport.service"),
    ("app-api.service", "DEPENDS_ON", "ticketshop.service"),
    ("app-api.service", "DEPENDS_ON", "pg@guests:5432"),
    ("app-api.service", "DEPENDS_ON", "liftgate.service"),
    ("pricing.service", "DEPENDS_ON", "pg@tickets:5432"),
    ("whistler-pos.service", "DEPENDS_ON", "my@whistler:3306"),
    ("whistler-pos.service", "CONNECTS_TO", "Po40-WHI"),
    ("telesiege.service", "DEPENDS_ON", "my@whistler:3306"),
    ("marble-pos.service", "DEPENDS_ON", "pg@marble:5432"),
    ("marble-pos.service", "CONNECTS_TO", "Po50-NFL"),
    ("tbar.service", "DEPENDS_ON", "pg@marble:5432"),
    # load balancers
    ("guests@docker", "CONNECTS_TO", "web.service"),
    ("guests@docker", "CONNECTS_TO", "ticketshop.service"),
    ("guests@docker", "CONNECTS_TO", "app-api.service"),
    ("guests@docker", "CONNECTS_TO", "firsttracks.service"),
    ("staff@docker", "CONNECTS_TO", "rental.service"),
    ("staff@docker", "CONNECTS_TO", "patrol.service"),
    ("staff@docker", "CONNECTS_TO", "kiosk.service"),
    ("mountain@docker", "CONNECTS_TO", "liftgate.service"),
    ("mountain@docker", "CONNECTS_TO", "gondola.service"),
    ("mountain@docker", "CONNECTS_TO", "peakcam.service"),
    # services
    ("prod_Lq7TzA", "DEPENDS_ON", "mountain@docker"),
    ("prod_Lq7TzA", "DEPENDS_ON", "liftgate.service"),
    ("prod_Lq7TzA", "DEPENDS_ON", "liftctl.service"),
    ("prod_Lq7TzA", "DEPENDS_ON", "gondola.service"),
    ("prod_Bk2RnW", "DEPENDS_ON", "guests@docker"),
    ("prod_Bk2RnW", "DEPENDS_ON", "ticketshop.service"),
    ("prod_Bk2RnW", "DEPENDS_ON", "app-api.service"),
    ("prod_Bk2RnW", "DEPENDS_ON", "firsttracks.service"),
    ("prod_Sn4MkC", "DEPENDS_ON", "snowgun.service"),
    ("prod_Sn4MkC", "DEPENDS_ON", "snowreport.service"),
    ("prod_Sn4MkC", "DEPENDS_ON", "nightski.service"),
    ("prod_Pt9XeV", "DEPENDS_ON", "patrol.service"),
    ("prod_Pt9XeV", "DEPENDS_ON", "lastchair.service"),
    ("prod_Ov3HwJ", "DEPENDS_ON", "whistler-pos.service"),
    ("prod_Ov3HwJ", "DEPENDS_ON", "telesiege.service"),
    ("prod_Ov3HwJ", "DEPENDS_ON", "marble-pos.service"),
    ("prod_Ov3HwJ", "DEPENDS_ON", "tbar.service"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: slope (lifts 08:30-16:30 Seoul, every day), nightslope (night skiing 18:30-22:30 Seoul, not on Mondays),
#           office (Seoul working days 09-18), snow (the snowmaking window 22-06 Seoul, every day), sales (online
#           sales peaking 09-11 and 20-23 Seoul, every day), whistler (08:30-15:30 on Whistler's clock, PST/PDT),
#           marble (09-16 on Corner Brook's clock, NST/NDT; closed on Tuesdays), flat
METRIC_PLAN = {
    "bmc-700m-1": {"cpu_usage": (33, 0.60, 1.5, "slope"), "mem_usage": (62, 0.04, 1.0, "slope"), "disk_usage": (47, 0, 0.2, "flat")},
    "bmc-700m-2": {"cpu_usage": (27, 0.55, 1.4, "slope"), "mem_usage": (58, 0.04, 1.0, "slope"), "disk_usage": (52, 0, 0.2, "flat")},
    "bmc-1458m-1": {"cpu_usage": (24, 0.90, 1.4, "snow"), "mem_usage": (55, 0.05, 0.9, "snow"), "disk_usage": (69, 0, 0.2, "flat")},
    "bmc-38m-1": {"cpu_usage": (36, 0.50, 1.5, "sales"), "mem_usage": (71, 0.04, 0.9, "sales"), "disk_usage": (44, 0, 0.2, "flat")},
    "bmc-675m-1": {"cpu_usage": (21, 0.80, 1.2, "whistler"), "mem_usage": (49, 0.04, 0.9, "whistler"), "disk_usage": (38, 0, 0.2, "flat")},
    "bmc-90m-1": {"cpu_usage": (15, 0.80, 1.1, "marble"), "mem_usage": (42, 0.04, 0.9, "marble"), "disk_usage": (33, 0, 0.2, "flat")},
    "bmc-300m-1": {"cpu_usage": (6, 0.20, 0.6, "flat"), "mem_usage": (31, 0.02, 0.8, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "vm-3f2a": {"cpu_usage": (30, 0.70, 1.5, "slope"), "mem_usage": (60, 0.04, 0.9, "slope"), "disk_usage": (45, 0, 0.2, "flat")},
    "vm-3f2b": {"cpu_usage": (26, 0.70, 1.4, "slope"), "mem_usage": (57, 0.04, 0.9, "slope"), "disk_usage": (39, 0, 0.2, "flat")},
    "vm-3f2c": {"cpu_usage": (5, 0.40, 0.8, "office"), "mem_usage": (24, 0.03, 1.0, "flat"), "disk_usage": (83, 0, 0.2, "flat")},
    "vm-7a10": {"cpu_usage": (22, 0.75, 1.4, "slope"), "mem_usage": (53, 0.04, 0.9, "slope"), "disk_usage": (41, 0, 0.2, "flat")},
    "vm-7a11": {"cpu_usage": (18, 0.70, 1.3, "slope"), "mem_usage": (50, 0.04, 0.9, "slope"), "disk_usage": (36, 0, 0.2, "flat")},
    "vm-c001": {"cpu_usage": (31, 0.65, 1.5, "sales"), "mem_usage": (66, 0.04, 0.9, "sales"), "disk_usage": (48, 0, 0.2, "flat")},
    "vm-c002": {"cpu_usage": (20, 0.70, 1.3, "sales"), "mem_usage": (47, 0.04, 0.9, "sales"), "disk_usage": (32, 0, 0.2, "flat")},
    "vm-c0ff": {"cpu_usage": (13, 0.60, 1.1, "office"), "mem_usage": (35, 0.03, 1.0, "office"), "disk_usage": (50, 0, 0.2, "flat")},
    "vm-b1c0": {"cpu_usage": (19, 0.80, 1.2, "whistler"), "mem_usage": (46, 0.04, 0.9, "whistler"), "disk_usage": (35, 0, 0.2, "flat")},
    "vm-d2e0": {"cpu_usage": (16, 0.80, 1.1, "marble"), "mem_usage": (40, 0.04, 0.9, "marble"), "disk_usage": (43, 0, 0.2, "flat")},
    "pg@tickets:5432": {"cpu_usage": (25, 0.70, 1.4, "slope"), "mem_usage": (73, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "pg@tickets:6432": {"cpu_usage": (7, 0.20, 0.7, "flat"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (56, 0, 0.2, "flat")},
    "pg@guests:5432": {"cpu_usage": (21, 0.70, 1.3, "sales"), "mem_usage": (67, 0.02, 0.6, "flat"), "disk_usage": (53, 0, 0.2, "flat")},
    "pg@lifts:5432": {"cpu_usage": (28, 0.75, 1.4, "slope"), "mem_usage": (64, 0.02, 0.6, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "my@rental:3306": {"cpu_usage": (16, 0.70, 1.1, "slope"), "mem_usage": (52, 0.03, 0.7, "slope"), "disk_usage": (40, 0, 0.2, "flat")},
    "ts@snow:8086": {"cpu_usage": (23, 1.00, 1.4, "snow"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (46, 0, 0.2, "flat")},
    "pg@patrol:5432": {"cpu_usage": (11, 0.70, 1.0, "slope"), "mem_usage": (44, 0.03, 0.7, "slope"), "disk_usage": (37, 0, 0.2, "flat")},
    "my@whistler:3306": {"cpu_usage": (14, 0.80, 1.0, "whistler"), "mem_usage": (48, 0.03, 0.7, "whistler"), "disk_usage": (42, 0, 0.2, "flat")},
    "pg@marble:5432": {"cpu_usage": (10, 0.80, 1.0, "marble"), "mem_usage": (39, 0.03, 0.7, "marble"), "disk_usage": (34, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "liftgate.service": {"cpu_usage": (20, 0.80, 1.4, "slope"), "latency_ms": (85, 0.40, 2.0, "slope"), "error_rate": (0.07, 0.3, 0.014, "slope")},
    "liftctl.service": {"cpu_usage": (14, 0.70, 1.1, "slope"), "latency_ms": (40, 0.30, 1.2, "slope"), "error_rate": (0.03, 0.3, 0.006, "slope")},
    "gondola.service": {"cpu_usage": (12, 0.75, 1.0, "slope"), "latency_ms": (55, 0.30, 1.5, "slope"), "error_rate": (0.04, 0.3, 0.008, "slope")},
    "snowgun.service": {"cpu_usage": (17, 1.20, 1.2, "snow"), "latency_ms": (310, 0.30, 7.0, "snow"), "error_rate": (0.12, 0.3, 0.024, "snow")},
    "peakcam.service": {"cpu_usage": (9, 0.50, 0.8, "slope"), "latency_ms": (640, 0.30, 14.0, "slope"), "error_rate": (0.16, 0.3, 0.032, "slope")},
    "ticketshop.service": {"cpu_usage": (19, 0.75, 1.3, "sales"), "latency_ms": (270, 0.35, 7.0, "sales"), "error_rate": (0.08, 0.3, 0.016, "sales")},
    "kiosk.service": {"cpu_usage": (8, 0.70, 0.8, "slope"), "latency_ms": (430, 0.30, 10.0, "slope"), "error_rate": (0.11, 0.3, 0.022, "slope")},
    "rental.service": {"cpu_usage": (11, 0.75, 1.0, "slope"), "latency_ms": (380, 0.35, 9.0, "slope"), "error_rate": (0.09, 0.3, 0.018, "slope")},
    "school.service": {"cpu_usage": (6, 0.70, 0.7, "office"), "latency_ms": (520, 0.30, 12.0, "office"), "error_rate": (0.10, 0.3, 0.02, "office")},
    "patrol.service": {"cpu_usage": (7, 0.70, 0.8, "slope"), "latency_ms": (150, 0.35, 4.0, "slope"), "error_rate": (0.05, 0.3, 0.01, "slope")},
    "lastchair.service": {"cpu_usage": (4, 0.80, 0.5, "slope"), "latency_ms": (210, 0.30, 5.0, "slope"), "error_rate": (0.06, 0.3, 0.012, "slope")},
    "firsttracks.service": {"cpu_usage": (5, 0.70, 0.6, "sales"), "latency_ms": (360, 0.35, 9.0, "sales"), "error_rate": (0.14, 0.3, 0.028, "sales")},
    "nightski.service": {"cpu_usage": (10, 1.10, 0.9, "nightslope"), "latency_ms": (120, 0.30, 3.0, "nightslope"), "error_rate": (0.05, 0.3, 0.01, "nightslope")},
    "snowreport.service": {"cpu_usage": (8, 0.70, 0.8, "sales"), "latency_ms": (190, 0.35, 5.0, "sales"), "error_rate": (0.04, 0.3, 0.008, "sales")},
    "web.service": {"cpu_usage": (15, 0.70, 1.1, "sales"), "latency_ms": (240, 0.35, 6.0, "sales"), "error_rate": (0.06, 0.3, 0.012, "sales")},
    "app-api.service": {"cpu_usage": (18, 0.75, 1.2, "sales"), "latency_ms": (160, 0.35, 4.0, "sales"), "error_rate": (0.09, 0.3, 0.018, "sales")},
    "pricing.service": {"cpu_usage": (9, 0.60, 0.9, "office"), "latency_ms": (900, 0.30, 20.0, "office"), "error_rate": (0.20, 0.3, 0.04, "office")},
    "whistler-pos.service": {"cpu_usage": (13, 0.80, 1.0, "whistler"), "latency_ms": (280, 0.35, 7.0, "whistler"), "error_rate": (0.07, 0.3, 0.014, "whistler")},
    "telesiege.service": {"cpu_usage": (9, 0.75, 0.9, "whistler"), "latency_ms": (70, 0.30, 2.0, "whistler"), "error_rate": (0.05, 0.3, 0.01, "whistler")},
    "marble-pos.service": {"cpu_usage": (7, 0.80, 0.8, "marble"), "latency_ms": (330, 0.35, 8.0, "marble"), "error_rate": (0.08, 0.3, 0.016, "marble")},
    "tbar.service": {"cpu_usage": (6, 0.70, 0.7, "marble"), "latency_ms": (95, 0.30, 2.5, "marble"), "error_rate": (0.65, 0.3, 0.08, "marble")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "vm-3f2c": datetime(2045, 1, 5, 14, 0, tzinfo=KST),
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
    if kind == "slope":
        return 0.1 + 0.8 * plateau(h, 8.5, 16.5)
    if kind == "nightslope":
        if t.weekday() == 0:
            return 0.06
        return 0.06 + 0.9 * plateau(h, 18.5, 22.5)
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    if kind == "snow":
        hh = h if h >= 12 else h + 24
        return 0.12 + 0.75 * plateau(hh, 22.0, 30.0)
    if kind == "sales":
        return 0.15 + 0.6 * plateau(h, 9.0, 11.0) + 0.7 * plateau(h, 20.0, 23.0)
    if kind == "whistler":
        return 0.12 + 0.7 * plateau(hour_of(ts, VAN), 8.5, 15.5)
    if kind == "marble":
        p = ts.astimezone(NFL)
        v = 0.12 + 0.7 * plateau(hour_of(ts, NFL), 9.0, 16.0)
        return v if p.weekday() != 1 else 0.3 * v + 0.04
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
    """Planted episodes, lined up with events (all times Seoul unless said)."""
    # level shift: the Lift DB's memory after the per-gate history partition, from Wed 2045-02-01 11:00
    if code == "pg@lifts:5432" and metric == "mem_usage" and ts >= kst(2045, 2, 1, 11):
        v += 8.0
    # growth: the Snow DB's disk over the whole season (every snow-gun reading is kept)
    if code == "ts@snow:8086" and metric == "disk_usage":
        v += 33.0 * ramp(ts, M_START, M_END)
    # growth: the Peak Cam Summit server's disk from 2045-03-01 (spring time-lapse)
    if code == "bmc-1458m-1" and metric == "disk_usage":
        v += 19.0 * ramp(ts, kst(2045, 3, 1), M_END)
    # 1. RFID Gates on the first Saturday of the Lunar New Year rush, Sat 2045-02-18 08:00-12:00 (2-hour part: 08, 10)
    if within(ts, kst(2045, 2, 18, 8), kst(2045, 2, 18, 12)):
        if code == "liftgate.service" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.3)
        if code == "liftgate.service" and metric == "latency_ms":
            v *= 3.0
        if code == "vm-3f2a" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 0.4)
        if code == "pg@lifts:5432" and metric == "cpu_usage":
            v += 24
    # 2. Snowmaking on the cold night of Fri 2045-03-03 23:00 - Sat 02:00 (10-minute part)
    if within(ts, kst(2045, 3, 3, 23), kst(2045, 3, 4, 2)):
        if code == "snowgun.service" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "snowgun.service" and metric == "latency_ms":
            v *= 3.5
        if code == "bmc-1458m-1" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.5)
        if code == "ts@snow:8086" and metric == "cpu_usage":
            v += 25
    # 3. Whistler POS on the spring-forward Sunday, Sun 2045-03-12 08:00-11:00 PDT = 15:00-18:00Z = Mon 00:00-03:00 Seoul
    if within(ts, datetime(2045, 3, 12, 8, 0, tzinfo=PDT), datetime(2045, 3, 12, 11, 0, tzinfo=PDT)):
        if code == "whistler-pos.service" and metric == "error_rate":
            v = 6.5 + rng.gauss(0, 0.4)
        if code == "whistler-pos.service" and metric == "latency_ms":
            v *= 3.0
        if code == "vm-b1c0" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.5)
        if code == "my@whistler:3306" and metric == "cpu_usage":
            v += 27
    # 4. T-Bar 3 in Corner Brook, Mon 2045-03-13 13:00-16:00 NDT = 15:30-18:30Z = Tue 00:30-03:30 Seoul
    if within(ts, datetime(2045, 3, 13, 13, 0, tzinfo=NDT), datetime(2045, 3, 13, 16, 0, tzinfo=NDT)):
        if code == "tbar.service" and metric == "error_rate":
            v = 7.5 + rng.gauss(0, 0.4)
        if code == "tbar.service" and metric == "latency_ms":
            v *= 4.0
        if code == "vm-d2e0" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 0.5)
        if code == "pg@marble:5432" and metric == "cpu_usage":
            v += 23
    # Canary VM in maintenance from Wed 2045-03-08 10:00: idle
    if code == "vm-c0ff" and metric == "cpu_usage" and ts >= kst(2045, 3, 8, 10):
        v = 2.0 + rng.gauss(0, 0.3)
    # 5. Ticket Shop in the spring-pass sale, from Tue 2045-03-14 09:05 Seoul, ongoing at now
    if ts >= kst(2045, 3, 14, 9, 5):
        if code == "ticketshop.service" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.5)
        if code == "ticketshop.service" and metric == "latency_ms":
            v *= 3.3
        if code == "vm-c001" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.5)
        if code == "pg@guests:5432" and metric == "cpu_usage":
            v += 28
        if code == "app-api.service" and metric == "error_rate":
            v += 2.2 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Samples every 2 hours from M_START, every 10 minutes from MID_START and every 30 seconds from
    FINE_START up to and including NOW."""
    times = []
    t = M_START
    while t < MID_START:
        times.append(t)
        t += STEP_2H
    while t < FINE_START:
        times.append(t)
        t += STEP_10M
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
    (kst(2044, 12, 10, 3, 0), CORE, "change", "info", "본사 코어 스위치 펌웨어 업그레이드", "CHG-441210 night window"),
    (kst(2045, 1, 5, 14, 0), "vm-3f2c", "change", "info", "구 키오스크 VM 전원 종료 (신형 키오스크 전환)", "CHG-450105 powered off"),
    (kst(2045, 1, 19, 2, 0), "arn:aws:s3:::sb-wonju-backup", "change", "info", "DR 백업 보존 기간 변경", "CHG-450119 retention 90 days"),
    (kst(2045, 2, 1, 11, 0), "pg@lifts:5432", "change", "info", "리프트 DB 게이트별 이력 파티션 추가", "CHG-450201 per-gate partitions"),
    # 1. RFID Gates in the Lunar New Year rush (Sat 02-18)
    (kst(2045, 2, 18, 4, 0), "pg@tickets:5432", "change", "info", "발권 DB 설 연휴 시즌권 인덱스 재구성", "CHG-450218 season-pass index rebuild"),
    (kst(2045, 2, 18, 6, 30), "liftgate.service", "deploy", "info", "RFID Gates 7.2 배포", "release 7.2 faster card reads"),
    (kst(2045, 2, 18, 8, 20), "liftgate.service", "incident", "major", "설 연휴 개찰구 인식 실패", "INC-450218-01 gates reject valid passes"),
    (kst(2045, 2, 18, 8, 35), "vm-3f2a", "alert", "major", "Lift Ops VM CPU 85% 초과", "cpu_usage 90%"),
    (kst(2045, 2, 18, 12, 10), "liftgate.service", "change", "info", "RFID Gates 7.1.4 롤백", "rollback; gates recovered"),
    (kst(2045, 2, 26, 15, 0), "peakcam.service", "alert", "minor", "Peak Cam 영상 업로드 지연", "latency 1.2 s"),
    # 2. Snowmaking on the cold night (Fri 03-03)
    (kst(2045, 3, 3, 18, 0), "ts@snow:8086", "change", "info", "제설 DB 보존 정책 변경", "CHG-450303 raw readings kept 2 years"),
    (kst(2045, 3, 3, 20, 30), "snowgun.service", "deploy", "info", "Snowmaking 4.0 배포", "release 4.0 wet-bulb control"),
    (kst(2045, 3, 3, 23, 10), "snowgun.service", "incident", "major", "영하 15도 야간 제설기 제어 실패", "INC-450303-01 guns stuck in purge"),
    (kst(2045, 3, 3, 23, 20), "bmc-1458m-1", "alert", "major", "Summit 서버 CPU 90% 초과", "cpu_usage 92%"),
    (kst(2045, 3, 4, 2, 10), "snowgun.service", "change", "info", "Snowmaking 3.9.2 롤백", "rollback; guns back to auto"),
    (kst(2045, 3, 8, 10, 0), "vm-c0ff", "change", "info", "Canary VM 점검 모드 전환", "CHG-450308 maintenance"),
    (kst(2045, 3, 9, 22, 0), "pg@tickets:6432", "change", "info", "분기 DR 전환 훈련 (발권 복제 DB)", "CHG-450309 switchover drill; switched back 23:20"),
    # 3. Whistler POS on the spring-forward Sunday (Sun 03-12, PDT)
    (datetime(2045, 3, 12, 3, 30, tzinfo=PDT), "my@whistler:3306", "change", "info", "휘슬러 DB 타임존 테이블 갱신", "CHG-450312 tz tables 2045a"),
    (datetime(2045, 3, 12, 6, 0, tzinfo=PDT), "whistler-pos.service", "deploy", "info", "Whistler POS 3.4 배포", "release 3.4 contactless passes"),
    (datetime(2045, 3, 12, 8, 10, tzinfo=PDT), "whistler-pos.service", "incident", "major", "서머타임 전환 당일 휘슬러 판매 중단", "INC-450312-01 duplicate receipts after the clock jump"),
    (datetime(2045, 3, 12, 8, 20, tzinfo=PDT), "vm-b1c0", "alert", "major", "Whistler VM CPU 85% 초과", "cpu_usage 91%"),
    (datetime(2045, 3, 12, 11, 10, tzinfo=PDT), "whistler-pos.service", "change", "info", "Whistler POS 3.3.1 롤백", "rollback; sales resumed"),
    # 4. T-Bar 3 in Corner Brook (Mon 03-13, NDT)
    (datetime(2045, 3, 13, 9, 30, tzinfo=NDT), "pg@marble:5432", "change", "info", "마블 DB 봄 시즌 요금표 적재", "CHG-450313 spring rates"),
    (datetime(2045, 3, 13, 11, 0, tzinfo=NDT), "tbar.service", "deploy", "info", "T-Bar 3 2.1 배포", "release 2.1 wind hold logic"),
    (datetime(2045, 3, 13, 13, 10, tzinfo=NDT), "tbar.service", "incident", "major", "마블 T바 강풍 정지 오작동", "INC-450313-01 wind hold stuck on"),
    (datetime(2045, 3, 13, 13, 20, tzinfo=NDT), "vm-d2e0", "alert", "major", "Marble VM CPU 85% 초과", "cpu_usage 88%"),
    (kst(2045, 3, 13, 16, 0), "school.service", "alert", "minor", "스키 강습 예약 응답 지연 경고", "latency 0.8 s"),
    # 5. Ticket Shop in the spring-pass sale (Tue 03-14), ongoing
    (kst(2045, 3, 14, 6, 0), "pg@guests:5432", "change", "info", "고객 DB 봄 시즌권 회원 등급 갱신", "CHG-450314 spring tiers"),
    (kst(2045, 3, 14, 8, 30), "ticketshop.service", "deploy", "info", "Ticket Shop 9.0 배포", "release 9.0 spring pass sale"),
    (kst(2045, 3, 14, 9, 7), "ticketshop.service", "incident", "critical", "봄 시즌권 판매 오픈 결제 오류", "INC-450314-01 checkout fails"),
    (kst(2045, 3, 14, 9, 10), "vm-c001", "alert", "major", "Booking VM CPU 90% 초과", "cpu_usage 94%"),
    (kst(2045, 3, 14, 9, 20), "app-api.service", "alert", "minor", "Mobile API 오류율 증가", "error_rate 2.2%"),
]

BUILD_APPS = ["web.service", "rental.service", "patrol.service", "snowreport.service", "kiosk.service", "marble-pos.service", "telesiege.service"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2045, 2, 20)
    n = 0
    while day < kst(2045, 3, 2):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{7100 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "daysago:2", "last:24h", "last:1h", "last:30m", "last:15m", "last:3h", "last:6h", "last:7d", "last:14d", "last:30d", "thisweek", "lastweek", "thismonth", "lastmonth", "thisquarter", "lastquarter", "thisyear", "lastyear", "weekday:sun", "weekday:sat", "weekday:fri", "weekend", "month:2045-02", "month:2045-01", "month:2044-12", "isoweek:2045-W10", "isoweek:2045-W11", "day:2045-03-14", "day:2045-03-13", "day:2045-03-12", "day:2045-03-04", "day:2045-03-03", "day:2045-02-18", "day:2045-02-14", "days:2045-02-16..2045-02-18", "span:2045-03-03T23:00/2045-03-04T02:00", "span:2045-02-18T08:00/2045-02-18T12:00", "span:2045-03-14T09:00/2045-03-14T09:30", "since:2045-03-14T09:00", "since:2045-03-14T09:05", "span:2045-03-12T00:00-08:00/2045-03-13T00:00-07:00", "span:2045-03-11T00:00-08:00/2045-03-12T00:00-08:00", "since:2045-03-13T00:00-07:00", "span:2045-03-12T08:00-07:00/2045-03-12T11:00-07:00", "span:2045-03-12T00:00-03:30/2045-03-13T00:00-02:30", "since:2045-03-13T00:00-02:30", "span:2045-03-13T13:00-02:30/2045-03-13T16:00-02:30", "dayutc:2045-03-12", "dayutc:2045-03-13", "since:2045-03-14T00:00Z", "span:2045-03-12T00:00-07:00/2045-03-13T00:00-07:00"):
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
