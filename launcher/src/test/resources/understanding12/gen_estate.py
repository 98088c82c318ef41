#!/usr/bin/env python3
"""Deterministic generator for the "Daon Rail" (다온철도) signalling & ticketing estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids L###, halves "dev16" / "test12") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding11/gen_estate.py (the "Hanbada Container
Terminal" set), copied unchanged from event_checks() onwards except the ranges that --summary
prints.  The estate, the clock (Monday 2031-09-01 00:05 Seoul, five minutes into a new week and a new
month; still Sunday 31 August in UTC, with an incident ongoing), the sampling (hourly from
2031-07-01, every 5 minutes from Monday 2031-08-25 on, and three 5-minute UTC blocks around the
Seollal 2031 ticket pre-booking, over the Seollal 2024 holidays and over the timetable change night
of 1 November 2020, shaped like public AWS CloudWatch EC2 CPU series), the names, the personas and
the questions differ.  See README.md.

Spec grammar: as in ../understanding11/gen_estate.py (persona tags `# E<n> ...`).
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
HALVES = ("dev16", "test12")
ID_PREFIX = "L"
TAG_LETTER = "E"
SEED = 20310901
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2031, 9, 1, 0, 5, tzinfo=KST)               # Mon 1 September 2031, 00:05 Seoul = Sun 31 Aug 15:05Z
M_START = datetime(2031, 7, 1, 0, 0, tzinfo=KST)           # a Tuesday, the first day of Q3 and H2; hourly samples ...
FINE_START = datetime(2031, 8, 25, 0, 0, tzinfo=KST)       # ... then every 5 minutes from this Monday
M_END = NOW                                                 # inclusive: the last sample is at 00:05 itself
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=5)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("seat-4f2a1", datetime(2031, 1, 4, 15, 3, tzinfo=UTC), 2016, 12.0, 0.9, 0.006),    # 7 days over the Seollal 2031 pre-booking
    ("pis-3f9b6", datetime(2024, 2, 8, 15, 9, tzinfo=UTC), 1728, 8.0, 0.7, 0.007),      # 6 days over the Seollal 2024 break
    ("ops-8c4a2", datetime(2020, 10, 28, 15, 11, tzinfo=UTC), 2016, 10.0, 0.8, 0.006),  # 7 days over the timetable change of 2020-11-01
]
# Korean public holiday in the main history (treated like a Sunday): 광복절 2031-08-15 (Fri)
HOLIDAYS = {(2031, 8, 15)}

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites: Osong-DC (오송 데이터센터), Daejeon-OCC (대전 철도교통관제센터), Seoul-Stn (서울역), Busan-Stn (부산역),
#        Iksan-DR (익산 재해복구센터)
# --------------------------------------------------------------------------------------
CIS = [
    # network: rack/unit positions RK<rack>-U<unit>
    ("RK01-U42", "Core Router Osong", "network", "running", "daon-prod", "Osong-DC", "netops-rail", "오송 코어 라우터|core rtr", "172.20.0.1", "core"),
    ("RK01-U40", "Signalling Firewall", "network", "running", "daon-prod", "Osong-DC", "sig-eng", "신호망 방화벽|sig fw", "172.20.0.9", "core"),
    ("RK07-U38", "OCC Switch", "network", "running", "daon-prod", "Daejeon-OCC", "netops-rail", "관제센터 스위치", "172.20.7.1", "occ"),
    ("RK12-U20", "서울역 스위치", "network", "running", "daon-prod", "Seoul-Stn", "netops-rail", "seoul station switch", "172.20.12.1", "station"),
    ("RK15-U20", "부산역 스위치", "network", "running", "daon-prod", "Busan-Stn", "netops-rail", "busan station switch", "172.20.15.1", "station"),
    ("RK30-U42", "DR Router Iksan", "network", "running", "daon-dr", "Iksan-DR", "netops-rail", "익산 DR 라우터", "172.20.30.1", "dr"),
    # storage: LTO tape barcode style DRL<nnn>L8
    ("DRL001L8", "Osong SAN", "storage", "running", "daon-prod", "Osong-DC", "infra-rail", "오송 SAN|block san", "172.20.0.31", "core"),
    ("DRL002L8", "PIS and CCTV NAS", "storage", "running", "daon-prod", "Busan-Stn", "pis-team", "안내 영상 저장소|media nas", "172.20.15.31", "station"),
    ("DRL900L8", "Iksan Vault", "storage", "running", "daon-dr", "Iksan-DR", "infra-rail", "익산 백업 볼트|dr vault", "172.20.30.31", "dr"),
    # servers: seven-character service tags; the hypervisors are numbered with Roman numerals
    ("4KQ7H93", "Node I", "server", "running", "daon-prod", "Osong-DC", "infra-rail", "1번 노드|node one", "172.20.1.11", "core"),
    ("9ZT2M61", "Node II", "server", "running", "daon-prod", "Osong-DC", "infra-rail", "2번 노드|node two", "172.20.1.12", "core"),
    ("6BW1R08", "Node III", "server", "running", "daon-prod", "Osong-DC", "infra-rail", "3번 노드", "172.20.1.13", "core"),
    ("3JX8N25", "Node IV (DR)", "server", "running", "daon-dr", "Iksan-DR", "infra-rail", "DR 노드|익산 노드", "172.20.30.14", "dr"),
    ("8MV4P70", "CTC 서버", "server", "running", "daon-prod", "Daejeon-OCC", "sig-eng", "ctc box|관제 서버", "172.20.7.70", "occ"),
    ("2CD6F14", "개찰구-Controller", "server", "running", "daon-prod", "Seoul-Stn", "station-it", "gate controller|개찰 제어 서버", "172.20.12.14", "station"),
    # vms: <role>-<five hex digits>, like a pod name
    ("seat-4f2a1", "좌석 VM", "vm", "running", "daon-prod", "Osong-DC", "tkt-dev", "seat vm", "172.20.20.21", "ticketing"),
    ("tix-0b7c3", "발권 VM", "vm", "running", "daon-prod", "Osong-DC", "tkt-dev", "ticket vm|티켓 VM", "172.20.20.22", "ticketing"),
    ("seatdb-5d1f9", "좌석 DB VM", "vm", "running", "daon-prod", "Osong-DC", "dba-rail", "seat db host", "172.20.20.23", "ticketing"),
    ("fare-9e5d0", "운임 VM", "vm", "running", "daon-prod", "Osong-DC", "fare-desk", "fare vm", "172.20.20.31", "fares"),
    ("web-2c6b8", "Channel VM", "vm", "running", "daon-prod", "Osong-DC", "tkt-dev", "채널 VM", "172.20.20.41", "channel"),
    ("auth-7a3e4", "Auth VM", "vm", "running", "daon-prod", "Osong-DC", "tkt-dev", "인증 VM", "172.20.20.42", "channel"),
    ("ops-8c4a2", "운행정보 VM", "vm", "running", "daon-prod", "Osong-DC", "sig-eng", "train info vm", "172.20.20.51", "signalling"),
    ("pis-3f9b6", "PIS VM", "vm", "running", "daon-prod", "Osong-DC", "pis-team", "안내 VM|display vm", "172.20.20.61", "pis"),
    ("crew-6e2d7", "Crew VM", "vm", "running", "daon-prod", "Osong-DC", "crew-sys", "승무 VM", "172.20.20.71", "crew"),
    ("stage-1a8c5", "Stage VM", "vm", "maintenance", "daon-test", "Osong-DC", "tkt-dev", "검증 VM|staging box", "172.20.40.5", "stage"),
    ("old-0f3e2", "구 발권 VM", "vm", "stopped", "daon-test", "Osong-DC", "tkt-dev", "old ticket vm", "172.20.40.9", "stage"),
    # databases: <engine>:<system>[.<n>]
    ("pg:seat.1", "Seat Inventory DB", "database", "running", "daon-prod", "Osong-DC", "dba-rail", "좌석 재고 DB|seat db", "172.20.20.101", "ticketing"),
    ("pg:seat.2", "Seat Inventory DB (Standby)", "database", "running", "daon-dr", "Iksan-DR", "dba-rail", "좌석 재고 DB 대기|seat standby", "172.20.30.102", "dr"),
    ("ora:fare", "운임 DB", "database", "running", "daon-prod", "Osong-DC", "fare-desk", "fare db", "172.20.20.103", "fares"),
    ("ora:member", "회원 DB", "database", "running", "daon-prod", "Osong-DC", "dba-rail", "member db", "172.20.20.104", "channel"),
    ("pg:trainlog", "운행 이력 DB", "database", "running", "daon-prod", "Osong-DC", "sig-eng", "train history db|운행 로그 DB", "172.20.20.105", "signalling"),
    ("mssql:crew", "승무 DB", "database", "running", "daon-prod", "Osong-DC", "crew-sys", "crew db", "172.20.20.106", "crew"),
    ("pg:pis", "PIS Content DB", "database", "running", "daon-prod", "Osong-DC", "pis-team", "", "172.20.20.107", "pis"),
    # apps: app-0x<two hex digits>
    ("app-0x10", "좌석-Engine", "app", "running", "daon-prod", "Osong-DC", "tkt-dev", "좌석 배정 엔진|seat engine", "172.20.50.16", "ticketing"),
    ("app-0x11", "Point to Point", "app", "running", "daon-prod", "Osong-DC", "fare-desk", "구간 운임 계산|p2p fares", "172.20.50.17", "fares"),
    ("app-0x12", "Peak", "app", "running", "daon-prod", "Osong-DC", "fare-desk", "혼잡 할증 요금|peak pricing", "172.20.50.18", "fares"),
    ("app-0x13", "승차권-Gateway", "app", "running", "daon-prod", "Osong-DC", "tkt-dev", "발권 게이트웨이|ticket gateway", "172.20.50.19", "ticketing"),
    ("app-0x14", "Click or Call", "app", "running", "daon-prod", "Osong-DC", "tkt-dev", "예매 채널|booking channel", "172.20.50.20", "channel"),
    ("app-0x15", "Daon Rail App (v5)", "app", "running", "daon-prod", "Osong-DC", "tkt-dev", "다온 앱|rail app", "172.20.50.21", "channel"),
    ("app-0x16", "Tap and Go", "app", "running", "daon-prod", "Seoul-Stn", "station-it", "비접촉 개찰|contactless gates", "172.20.12.22", "station"),
    ("app-0x17", "회원 인증", "app", "running", "daon-prod", "Osong-DC", "tkt-dev", "member login|SSO", "172.20.50.23", "channel"),
    ("app-0x18", "결제 중계", "app", "running", "daon-prod", "Osong-DC", "tkt-dev", "payment relay", "172.20.50.24", "ticketing"),
    ("app-0x19", "Running Status", "app", "running", "daon-prod", "Osong-DC", "sig-eng", "열차 운행 정보|train tracker", "172.20.50.25", "signalling"),
    ("app-0x1a", "CTC Console", "app", "running", "daon-prod", "Daejeon-OCC", "sig-eng", "열차집중제어|ctc", "172.20.7.26", "signalling"),
    ("app-0x1b", "Interlocking II", "app", "running", "daon-prod", "Seoul-Stn", "sig-eng", "연동장치 2호|ixl two", "172.20.7.27", "signalling"),
    ("app-0x1c", "Interlocking III", "app", "running", "daon-prod", "Busan-Stn", "sig-eng", "연동장치 3호|ixl three", "172.20.7.28", "signalling"),
    ("app-0x1d", "역-Display", "app", "running", "daon-prod", "Busan-Stn", "pis-team", "행선안내 표시|platform display", "172.20.50.29", "pis"),
    ("app-0x1e", "Timetable Builder", "app", "running", "daon-prod", "Daejeon-OCC", "sig-eng", "열차 시각표 편성|timetable", "172.20.50.30", "signalling"),
    ("app-0x1f", "Maintenance", "app", "running", "daon-prod", "Daejeon-OCC", "track-works", "선로 유지보수 관리|track works planner", "172.20.50.31", "signalling"),
    ("app-0x20", "Crew Roster", "app", "running", "daon-prod", "Osong-DC", "crew-sys", "승무 교번|crew rostering", "172.20.50.32", "crew"),
    ("app-0x21", "Door to Door", "app", "error", "daon-prod", "Osong-DC", "tkt-dev", "수하물 배송|luggage delivery", "172.20.50.33", "channel"),
    ("app-0x22", "운임 정산 배치", "app", "running", "daon-prod", "Osong-DC", "fare-desk", "settlement batch|정산 배치", "172.20.50.34", "fares"),
    ("app-0x23", "Seat Map (stage)", "app", "running", "daon-test", "Osong-DC", "tkt-dev", "좌석 배치도 검증", "172.20.40.35", "stage"),
    # load balancers
    ("lbpair-a", "Public L7 (Booking)", "load_balancer", "running", "daon-prod", "Osong-DC", "netops-rail", "대외 VIP|booking vip", "172.20.0.80", "core"),
    ("lbpair-b", "Station L7 (Internal)", "load_balancer", "running", "daon-prod", "Osong-DC", "netops-rail", "역무 VIP|station vip", "172.20.0.81", "core"),
    # services: urn:daon:svc:<word>
    ("urn:daon:svc:booking", "승차권 예매", "service", "running", "daon-prod", "Osong-DC", "tkt-dev", "ticket booking|예매 서비스", "", "ticketing"),
    ("urn:daon:svc:gates", "Station Gates", "service", "running", "daon-prod", "Seoul-Stn", "station-it", "개찰 서비스", "", "station"),
    ("urn:daon:svc:traffic", "열차 운행 관제", "service", "running", "daon-prod", "Daejeon-OCC", "sig-eng", "train control", "", "signalling"),
    ("urn:daon:svc:pax-info", "Passenger Information", "service", "running", "daon-prod", "Busan-Stn", "pis-team", "여객 안내", "", "pis"),
    ("urn:daon:svc:crew", "승무 운영", "service", "running", "daon-prod", "Osong-DC", "crew-sys", "crew operations", "", "crew"),
    ("urn:daon:svc:fares", "Fares and Refunds", "service", "running", "daon-prod", "Osong-DC", "fare-desk", "운임·환불", "", "fares"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network
    ("RK01-U40", "CONNECTS_TO", "RK01-U42"),
    ("RK07-U38", "CONNECTS_TO", "RK01-U40"),
    ("RK12-U20", "CONNECTS_TO", "RK01-U42"),
    ("RK15-U20", "CONNECTS_TO", "RK01-U42"),
    ("RK30-U42", "CONNECTS_TO", "RK01-U42"),
    ("4KQ7H93", "CONNECTS_TO", "RK01-U42"),
    ("9ZT2M61", "CONNECTS_TO", "RK01-U42"),
    ("6BW1R08", "CONNECTS_TO", "RK01-U42"),
    ("DRL001L8", "CONNECTS_TO", "RK01-U42"),
    ("8MV4P70", "CONNECTS_TO", "RK07-U38"),
    ("2CD6F14", "CONNECTS_TO", "RK12-U20"),
    ("DRL002L8", "CONNECTS_TO", "RK15-U20"),
    ("3JX8N25", "CONNECTS_TO", "RK30-U42"),
    ("DRL900L8", "CONNECTS_TO", "RK30-U42"),
    # hypervisors -> vms (Node I: HOSTS only; Node II: RUNS_ON only; Node III: both)
    ("4KQ7H93", "HOSTS", "seat-4f2a1"),
    ("4KQ7H93", "HOSTS", "tix-0b7c3"),
    ("4KQ7H93", "HOSTS", "seatdb-5d1f9"),
    ("4KQ7H93", "HOSTS", "old-0f3e2"),
    ("fare-9e5d0", "RUNS_ON", "9ZT2M61"),
    ("web-2c6b8", "RUNS_ON", "9ZT2M61"),
    ("auth-7a3e4", "RUNS_ON", "9ZT2M61"),
    ("6BW1R08", "HOSTS", "ops-8c4a2"),
    ("ops-8c4a2", "RUNS_ON", "6BW1R08"),
    ("6BW1R08", "HOSTS", "pis-3f9b6"),
    ("crew-6e2d7", "RUNS_ON", "6BW1R08"),
    ("stage-1a8c5", "RUNS_ON", "6BW1R08"),
    ("seatdb-5d1f9", "DEPENDS_ON", "DRL001L8"),
    ("tix-0b7c3", "DEPENDS_ON", "DRL001L8"),
    # databases
    ("pg:seat.1", "RUNS_ON", "seatdb-5d1f9"),
    ("pg:seat.1", "DEPENDS_ON", "DRL001L8"),
    ("pg:seat.2", "RUNS_ON", "3JX8N25"),
    ("pg:seat.2", "DEPENDS_ON", "pg:seat.1"),
    ("pg:seat.2", "DEPENDS_ON", "DRL900L8"),
    ("ora:fare", "RUNS_ON", "fare-9e5d0"),
    ("ora:member", "RUNS_ON", "auth-7a3e4"),
    ("pg:trainlog", "RUNS_ON", "ops-8c4a2"),
    ("mssql:crew", "RUNS_ON", "crew-6e2d7"),
    ("pg:pis", "RUNS_ON", "pis-3f9b6"),
    ("pg:pis", "DEPENDS_ON", "DRL002L8"),
    # apps on vms and on bare metal
    ("app-0x10", "RUNS_ON", "seat-4f2a1"),
    ("app-0x11", "RUNS_ON", "fare-9e5d0"),
    ("app-0x12", "RUNS_ON", "fare-9e5d0"),
    ("app-0x13", "RUNS_ON", "tix-0b7c3"),
    ("app-0x14", "RUNS_ON", "web-2c6b8"),
    ("app-0x15", "RUNS_ON", "web-2c6b8"),
    ("app-0x16", "RUNS_ON", "2CD6F14"),
    ("app-0x17", "RUNS_ON", "auth-7a3e4"),
    ("app-0x18", "RUNS_ON", "tix-0b7c3"),
    ("app-0x19", "RUNS_ON", "ops-8c4a2"),
    ("app-0x1a", "RUNS_ON", "8MV4P70"),
    ("app-0x1b", "RUNS_ON", "8MV4P70"),
    ("app-0x1c", "RUNS_ON", "8MV4P70"),
    ("app-0x1d", "RUNS_ON", "pis-3f9b6"),
    ("app-0x1e", "RUNS_ON", "ops-8c4a2"),
    ("app-0x1f", "RUNS_ON", "crew-6e2d7"),
    ("app-0x20", "RUNS_ON", "crew-6e2d7"),
    ("app-0x21", "RUNS_ON", "web-2c6b8"),
    ("app-0x22", "RUNS_ON", "fare-9e5d0"),
    ("app-0x23", "RUNS_ON", "stage-1a8c5"),
    # app dependencies
    ("app-0x10", "DEPENDS_ON", "pg:seat.1"),
    ("app-0x11", "DEPENDS_ON", "ora:fare"),
    ("app-0x12", "DEPENDS_ON", "app-0x11"),
    ("app-0x12", "DEPENDS_ON", "app-0x10"),
    ("app-0x13", "DEPENDS_ON", "app-0x10"),
    ("app-0x13", "DEPENDS_ON", "app-0x12"),
    ("app-0x13", "DEPENDS_ON", "app-0x18"),
    ("app-0x14", "DEPENDS_ON", "app-0x13"),
    ("app-0x14", "DEPENDS_ON", "app-0x17"),
    ("app-0x15", "DEPENDS_ON", "app-0x13"),
    ("app-0x15", "DEPENDS_ON", "app-0x17"),
    ("app-0x15", "DEPENDS_ON", "app-0x19"),
    ("app-0x16", "DEPENDS_ON", "app-0x13"),
    ("app-0x16", "CONNECTS_TO", "RK12-U20"),
    ("app-0x17", "DEPENDS_ON", "ora:member"),
    ("app-0x18", "DEPENDS_ON", "ora:member"),
    ("app-0x19", "DEPENDS_ON", "pg:trainlog"),
    ("app-0x19", "DEPENDS_ON", "app-0x1a"),
    ("app-0x1a", "DEPENDS_ON", "app-0x1b"),
    ("app-0x1a", "DEPENDS_ON", "app-0x1c"),
    ("app-0x1a", "CONNECTS_TO", "RK07-U38"),
    ("app-0x1b", "CONNECTS_TO", "RK12-U20"),
    ("app-0x1c", "CONNECTS_TO", "RK15-U20"),
    ("app-0x1d", "DEPENDS_ON", "pg:pis"),
    ("app-0x1d", "DEPENDS_ON", "app-0x19"),
    ("app-0x1e", "DEPENDS_ON", "pg:trainlog"),
    ("app-0x1f", "DEPENDS_ON", "app-0x1e"),
    ("app-0x20", "DEPENDS_ON", "mssql:crew"),
    ("app-0x20", "DEPENDS_ON", "app-0x1e"),
    ("app-0x21", "DEPENDS_ON", "app-0x13"),
    ("app-0x22", "DEPENDS_ON", "ora:fare"),
    ("app-0x22", "DEPENDS_ON", "app-0x18"),
    # load balancers
    ("lbpair-a", "CONNECTS_TO", "app-0x13"),
    ("lbpair-a", "CONNECTS_TO", "app-0x14"),
    ("lbpair-a", "CONNECTS_TO", "app-0x15"),
    ("lbpair-b", "CONNECTS_TO", "app-0x16"),
    ("lbpair-b", "CONNECTS_TO", "app-0x1d"),
    ("lbpair-b", "CONNECTS_TO", "app-0x1f"),
    # services
    ("urn:daon:svc:booking", "DEPENDS_ON", "app-0x14"),
    ("urn:daon:svc:booking", "DEPENDS_ON", "app-0x15"),
    ("urn:daon:svc:booking", "DEPENDS_ON", "lbpair-a"),
    ("urn:daon:svc:gates", "DEPENDS_ON", "app-0x16"),
    ("urn:daon:svc:gates", "DEPENDS_ON", "lbpair-b"),
    ("urn:daon:svc:traffic", "DEPENDS_ON", "app-0x1a"),
    ("urn:daon:svc:traffic", "DEPENDS_ON", "app-0x19"),
    ("urn:daon:svc:traffic", "DEPENDS_ON", "app-0x1e"),
    ("urn:daon:svc:pax-info", "DEPENDS_ON", "app-0x1d"),
    ("urn:daon:svc:pax-info", "DEPENDS_ON", "app-0x19"),
    ("urn:daon:svc:crew", "DEPENDS_ON", "app-0x20"),
    ("urn:daon:svc:crew", "DEPENDS_ON", "app-0x1f"),
    ("urn:daon:svc:fares", "DEPENDS_ON", "app-0x11"),
    ("urn:daon:svc:fares", "DEPENDS_ON", "app-0x12"),
    ("urn:daon:svc:fares", "DEPENDS_ON", "app-0x22"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: commute (weekday rush hours 08:00 and 18:30, a daytime hump at weekends and on holidays),
#           booking (ticket sales: a lunch hump and an evening peak at 21:00, busier at weekends),
#           signal (train service hours 05:00-00:30, quiet in the night possession window),
#           night (track works 01:00-04:00), batch (02:00-04:00), flat
METRIC_PLAN = {
    "4KQ7H93": {"cpu_usage": (47, 0.35, 2.0, "booking"), "mem_usage": (74, 0.04, 1.0, "booking"), "disk_usage": (51, 0, 0.2, "flat")},
    "9ZT2M61": {"cpu_usage": (38, 0.45, 1.9, "commute"), "mem_usage": (63, 0.05, 1.0, "commute"), "disk_usage": (44, 0, 0.2, "flat")},
    "6BW1R08": {"cpu_usage": (33, 0.40, 1.8, "signal"), "mem_usage": (58, 0.05, 1.0, "signal"), "disk_usage": (37, 0, 0.2, "flat")},
    "3JX8N25": {"cpu_usage": (9, 0.20, 0.8, "flat"), "mem_usage": (36, 0.02, 0.8, "flat"), "disk_usage": (29, 0, 0.2, "flat")},
    "8MV4P70": {"cpu_usage": (41, 0.50, 1.8, "signal"), "mem_usage": (55, 0.04, 0.9, "signal"), "disk_usage": (62, 0, 0.2, "flat")},
    "2CD6F14": {"cpu_usage": (28, 0.80, 1.7, "commute"), "mem_usage": (49, 0.04, 0.9, "commute"), "disk_usage": (33, 0, 0.2, "flat")},
    "seat-4f2a1": {"cpu_usage": (31, 0.70, 1.6, "booking"), "mem_usage": (61, 0.04, 0.9, "booking"), "disk_usage": (46, 0, 0.2, "flat")},
    "tix-0b7c3": {"cpu_usage": (27, 0.70, 1.5, "booking"), "mem_usage": (57, 0.04, 0.9, "booking"), "disk_usage": (41, 0, 0.2, "flat")},
    "seatdb-5d1f9": {"cpu_usage": (35, 0.50, 1.7, "booking"), "mem_usage": (79, 0.02, 0.6, "flat"), "disk_usage": (68, 0, 0.2, "flat")},
    "fare-9e5d0": {"cpu_usage": (22, 0.60, 1.4, "commute"), "mem_usage": (52, 0.04, 0.9, "commute"), "disk_usage": (38, 0, 0.2, "flat")},
    "web-2c6b8": {"cpu_usage": (25, 0.70, 1.5, "booking"), "mem_usage": (59, 0.04, 0.9, "booking"), "disk_usage": (35, 0, 0.2, "flat")},
    "auth-7a3e4": {"cpu_usage": (19, 0.60, 1.3, "booking"), "mem_usage": (47, 0.04, 0.9, "booking"), "disk_usage": (31, 0, 0.2, "flat")},
    "ops-8c4a2": {"cpu_usage": (29, 0.50, 1.5, "signal"), "mem_usage": (64, 0.04, 0.9, "signal"), "disk_usage": (53, 0, 0.2, "flat")},
    "pis-3f9b6": {"cpu_usage": (17, 0.60, 1.3, "commute"), "mem_usage": (44, 0.04, 0.9, "commute"), "disk_usage": (57, 0, 0.2, "flat")},
    "crew-6e2d7": {"cpu_usage": (14, 0.60, 1.2, "batch"), "mem_usage": (42, 0.04, 0.9, "batch"), "disk_usage": (27, 0, 0.2, "flat")},
    "stage-1a8c5": {"cpu_usage": (16, 0.50, 1.5, "commute"), "mem_usage": (34, 0.03, 1.0, "commute"), "disk_usage": (60, 0, 0.2, "flat")},
    "old-0f3e2": {"cpu_usage": (7, 0.40, 0.9, "batch"), "mem_usage": (26, 0.03, 1.0, "flat"), "disk_usage": (72, 0, 0.2, "flat")},
    "pg:seat.1": {"cpu_usage": (39, 0.50, 1.8, "booking"), "mem_usage": (70, 0.02, 0.5, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "pg:seat.2": {"cpu_usage": (11, 0.20, 0.9, "flat"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (66, 0, 0.2, "flat")},
    "ora:fare": {"cpu_usage": (24, 0.60, 1.4, "commute"), "mem_usage": (66, 0.02, 0.6, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "ora:member": {"cpu_usage": (21, 0.60, 1.4, "booking"), "mem_usage": (56, 0.02, 0.6, "flat"), "disk_usage": (45, 0, 0.2, "flat")},
    "pg:trainlog": {"cpu_usage": (26, 0.50, 1.5, "signal"), "mem_usage": (73, 0.02, 0.6, "flat"), "disk_usage": (44, 0, 0.2, "flat")},
    "mssql:crew": {"cpu_usage": (13, 0.60, 1.2, "batch"), "mem_usage": (51, 0.02, 0.6, "flat"), "disk_usage": (39, 0, 0.2, "flat")},
    "pg:pis": {"cpu_usage": (18, 0.60, 1.3, "commute"), "mem_usage": (48, 0.02, 0.6, "flat"), "disk_usage": (35, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "app-0x10": {"cpu_usage": (36, 0.60, 2.0, "booking"), "latency_ms": (310, 0.35, 8.0, "booking"), "error_rate": (0.12, 0.3, 0.03, "booking")},
    "app-0x11": {"cpu_usage": (18, 0.60, 1.4, "commute"), "latency_ms": (85, 0.30, 2.5, "commute"), "error_rate": (0.05, 0.2, 0.01, "commute")},
    "app-0x12": {"cpu_usage": (12, 0.70, 1.1, "commute"), "latency_ms": (140, 0.30, 4.0, "commute"), "error_rate": (0.09, 0.3, 0.02, "commute")},
    "app-0x13": {"cpu_usage": (33, 0.60, 1.8, "booking"), "latency_ms": (520, 0.30, 13.0, "booking"), "error_rate": (0.18, 0.3, 0.04, "booking")},
    "app-0x14": {"cpu_usage": (21, 0.70, 1.5, "booking"), "latency_ms": (690, 0.30, 16.0, "booking"), "error_rate": (0.27, 0.3, 0.05, "booking")},
    "app-0x15": {"cpu_usage": (26, 0.70, 1.6, "booking"), "latency_ms": (430, 0.30, 11.0, "booking"), "error_rate": (0.21, 0.3, 0.04, "booking")},
    "app-0x16": {"cpu_usage": (23, 0.80, 1.5, "commute"), "latency_ms": (62, 0.35, 2.0, "commute"), "error_rate": (0.14, 0.3, 0.03, "commute")},
    "app-0x17": {"cpu_usage": (15, 0.60, 1.2, "booking"), "latency_ms": (180, 0.30, 5.0, "booking"), "error_rate": (0.07, 0.2, 0.015, "booking")},
    "app-0x18": {"cpu_usage": (11, 0.60, 1.1, "booking"), "latency_ms": (960, 0.25, 22.0, "booking"), "error_rate": (0.33, 0.3, 0.05, "booking")},
    "app-0x19": {"cpu_usage": (28, 0.50, 1.6, "signal"), "latency_ms": (240, 0.30, 6.0, "signal"), "error_rate": (0.11, 0.3, 0.02, "signal")},
    "app-0x1a": {"cpu_usage": (34, 0.40, 1.7, "signal"), "latency_ms": (45, 0.30, 1.5, "signal"), "error_rate": (0.03, 0.2, 0.008, "signal")},
    "app-0x1b": {"cpu_usage": (8, 0.50, 0.8, "signal"), "latency_ms": (24, 0.30, 0.9, "signal"), "error_rate": (0.06, 0.3, 0.015, "signal")},
    "app-0x1c": {"cpu_usage": (9, 0.50, 0.8, "signal"), "latency_ms": (29, 0.30, 1.0, "signal"), "error_rate": (0.08, 0.3, 0.02, "signal")},
    "app-0x1d": {"cpu_usage": (13, 0.60, 1.2, "commute"), "latency_ms": (370, 0.30, 9.0, "commute"), "error_rate": (0.16, 0.3, 0.03, "commute")},
    "app-0x1e": {"cpu_usage": (10, 0.60, 1.0, "batch"), "latency_ms": (1450, 0.25, 30.0, "batch"), "error_rate": (0.24, 0.3, 0.05, "batch")},
    "app-0x1f": {"cpu_usage": (7, 0.60, 0.8, "night"), "latency_ms": (780, 0.30, 18.0, "night"), "error_rate": (0.19, 0.3, 0.04, "night")},
    "app-0x20": {"cpu_usage": (16, 0.60, 1.3, "batch"), "latency_ms": (1120, 0.30, 25.0, "batch"), "error_rate": (0.29, 0.3, 0.05, "batch")},
    "app-0x21": {"cpu_usage": (5, 0.50, 0.6, "flat"), "latency_ms": (2100, 0.20, 45.0, "flat"), "error_rate": (0.47, 0.3, 0.07, "flat")},
    "app-0x22": {"cpu_usage": (20, 0.70, 1.4, "batch"), "latency_ms": (1830, 0.20, 40.0, "batch"), "error_rate": (0.36, 0.3, 0.06, "batch")},
    "app-0x23": {"cpu_usage": (6, 0.50, 0.7, "commute"), "latency_ms": (600, 0.30, 15.0, "commute"), "error_rate": (0.41, 0.3, 0.06, "commute")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "old-0f3e2": datetime(2031, 7, 20, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}


def hour_of(ts):
    t = ts.astimezone(KST)
    return t.hour + t.minute / 60.0


def circ(h, c):
    d = abs(h - c)
    return min(d, 24 - d)


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    wd = t.weekday()
    off = wd >= 5 or (t.year, t.month, t.day) in HOLIDAYS
    if kind == "commute":
        if off:
            return 0.12 + 0.40 * math.exp(-((h - 14.0) / 4.0) ** 2)
        return (0.12 + 0.70 * math.exp(-((h - 8.0) / 1.3) ** 2) + 0.60 * math.exp(-((h - 18.5) / 1.6) ** 2)
                + 0.20 * math.exp(-((h - 13.0) / 4.0) ** 2))
    if kind == "booking":
        v = 0.15 + 0.55 * math.exp(-(circ(h, 21.0) / 2.2) ** 2) + 0.30 * math.exp(-((h - 12.5) / 1.5) ** 2)
        return v * 1.15 if off else v
    if kind == "signal":
        hh = h if h >= 3 else h + 24
        plateau = 1.0 / (1 + math.exp(-(hh - 5.0) * 3.0)) * 1.0 / (1 + math.exp((hh - 24.5) * 3.0))
        return 0.2 + 0.6 * plateau + 0.15 * math.exp(-((h - 8.0) / 1.5) ** 2)
    if kind == "night":
        return 0.1 + 0.8 * math.exp(-(circ(h, 2.5) / 1.4) ** 2)
    if kind == "batch":
        return 0.1 + 0.9 * math.exp(-(circ(h, 3.0) / 1.0) ** 2)
    return 0.0


def kst(y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


def ramp(ts, a, b):
    if ts <= a:
        return 0.0
    if ts >= b:
        return 1.0
    return (ts - a) / (b - a)


def within(ts, a, b):
    return a <= ts < b


def episode(code, metric, ts, v, rng):
    """Planted episodes, lined up with events (all times Seoul)."""
    # level shift: member DB memory after the SGA resize, from Tue 2031-07-15 09:00
    if code == "ora:member" and metric == "mem_usage" and ts >= kst(2031, 7, 15, 9):
        v += 9.0
    # growth: train history DB disk over the whole history (every signal event kept)
    if code == "pg:trainlog" and metric == "disk_usage":
        v += 39.0 * ramp(ts, M_START, M_END)
    # growth: PIS content DB disk from Sun 2031-08-10 (CCTV stills kept 90 days)
    if code == "pg:pis" and metric == "disk_usage":
        v += 27.0 * ramp(ts, kst(2031, 8, 10), M_END)
    # 1. Interlocking III link loss, Sat 2031-07-19 14:00-15:30 (Busan switch firmware 08:30, Interlocking III 3.1 at 10:00)
    if within(ts, kst(2031, 7, 19, 14), kst(2031, 7, 19, 15, 30)):
        if code == "app-0x1c" and metric == "latency_ms":
            v *= 4.0
        if code == "app-0x1c" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "8MV4P70" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 0.7)
        if code == "app-0x1a" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 2. peak pricing errors, Thu 2031-08-14 17:00-20:00, the eve of the Liberation Day weekend
    #    (holiday surcharge table 11:30, Peak 2.4 at 13:30)
    if within(ts, kst(2031, 8, 14, 17), kst(2031, 8, 14, 20)):
        if code == "app-0x12" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "app-0x12" and metric == "latency_ms":
            v *= 3.0
        if code == "fare-9e5d0" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.6)
        if code == "app-0x11" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 3. contactless gates, Mon 2031-08-25 07:00-09:00 (gate firmware 04:00, Tap and Go 4.0 at 05:00)
    if within(ts, kst(2031, 8, 25, 7), kst(2031, 8, 25, 9)):
        if code == "app-0x16" and metric == "latency_ms":
            v *= 5.0
        if code == "app-0x16" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "2CD6F14" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.6)
        if code == "app-0x13" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 4. Chuseok ticket pre-booking opens, Tue 2031-08-26 07:00-10:00 (좌석-Engine 7.2 at 02:30, seat DB change 04:00)
    if within(ts, kst(2031, 8, 26, 7), kst(2031, 8, 26, 10)):
        if code == "app-0x10" and metric == "latency_ms":
            v *= 6.0
        if code == "app-0x10" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "seat-4f2a1" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "pg:seat.1" and metric == "cpu_usage":
            v += 25
        if code == "app-0x14" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # stage VM in maintenance from Wed 2031-08-27 09:00: idle
    if code == "stage-1a8c5" and metric == "cpu_usage" and ts >= kst(2031, 8, 27, 9):
        v = 2 + rng.gauss(0, 0.3)
    # 5. Running Status feed lag across midnight, Fri 2031-08-29 23:00 - Sat 08-30 01:30 (OCC switch 18:00, 9.1 at 20:30)
    if within(ts, kst(2031, 8, 29, 23), kst(2031, 8, 30, 1, 30)):
        if code == "app-0x19" and metric == "latency_ms":
            v *= 4.0
        if code == "app-0x19" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "ops-8c4a2" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.7)
        if code == "app-0x1d" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 6. September timetable cut-over, from Sun 2031-08-31 23:30, ongoing at now
    #    (Timetable Builder 6.0 at 20:00, timetable load 22:30)
    if ts >= kst(2031, 8, 31, 23, 30):
        if code == "app-0x1e" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "app-0x1e" and metric == "latency_ms":
            v *= 3.0
        if code == "mssql:crew" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.7)
        if code == "app-0x20" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Hourly samples (an older rollup) from M_START, every 5 minutes from FINE_START up to and including NOW."""
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
                    v = max(v, 1.0)
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
            # 좌석 VM: Tue 2031-01-07 07:00-10:00 Seoul = 2031-01-06 22:00Z - 01-07 01:00Z, Seollal tickets go on sale
            if code == "seat-4f2a1" and datetime(2031, 1, 6, 22, tzinfo=UTC) <= t < datetime(2031, 1, 7, 1, tzinfo=UTC):
                v = 93 + rng.gauss(0, 1.1)
            # PIS VM: +4 over the Seollal 2024 break, Sat 2024-02-10 00:00 - Tue 02-13 00:00 Seoul (02-09 15:00Z - 02-12 15:00Z)
            if code == "pis-3f9b6" and datetime(2024, 2, 9, 15, tzinfo=UTC) <= t < datetime(2024, 2, 12, 15, tzinfo=UTC):
                v += 4.0
            # PIS VM: Sun 2024-02-11 17:00-22:00 Seoul = 08:00-13:00Z, the return rush on the platform displays
            if code == "pis-3f9b6" and datetime(2024, 2, 11, 8, tzinfo=UTC) <= t < datetime(2024, 2, 11, 13, tzinfo=UTC):
                v = 86 + rng.gauss(0, 1.2)
            # 운행정보 VM: Sun 2020-11-01 02:00-05:00 Seoul = 2020-10-31 17:00-20:00Z, the timetable change night
            if code == "ops-8c4a2" and datetime(2020, 10, 31, 17, tzinfo=UTC) <= t < datetime(2020, 10, 31, 20, tzinfo=UTC):
                v = 89 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (kst(2020, 10, 31, 23, 0), "app-0x1e", "change", "info", "2020년 11월 열차 시각표 개정 적재", "CHG-201031 winter timetable"),
    (kst(2020, 11, 1, 2, 20), "ops-8c4a2", "alert", "minor", "운행정보 VM CPU 85% 초과", "timetable recompute"),
    (kst(2031, 1, 6, 20, 0), "seat-4f2a1", "change", "info", "설 승차권 예매 대비 vCPU 증설", "CHG-310106 8 -> 16 vCPU"),
    (kst(2031, 1, 7, 7, 15), "seat-4f2a1", "alert", "major", "좌석 VM CPU 90% 초과 (설 예매)", "cpu_usage 93%"),
    (kst(2031, 7, 15, 9, 0), "ora:member", "change", "info", "회원 DB SGA 확장", "CHG-310715 sga_target +8 GB"),
    # 1. Interlocking III, Sat 07-19
    (kst(2031, 7, 19, 8, 30), "RK15-U20", "change", "info", "부산역 스위치 펌웨어 업그레이드", "CHG-310719 firmware 17.3"),
    (kst(2031, 7, 19, 10, 0), "app-0x1c", "deploy", "info", "Interlocking III 3.1 배포", "release 3.1"),
    (kst(2031, 7, 19, 14, 10), "app-0x1c", "incident", "critical", "부산 연동장치 통신 두절", "INC-310719-01 route setting by hand at Busan"),
    (kst(2031, 7, 19, 15, 40), "app-0x1c", "change", "info", "Interlocking III 3.0.6 롤백", "rollback; link restored"),
    (kst(2031, 7, 20, 18, 0), "old-0f3e2", "change", "info", "구 발권 VM 전원 종료 (발권 이관 완료)", "CHG-310720 powered off"),
    (kst(2031, 7, 28, 2, 0), "DRL900L8", "change", "info", "Iksan Vault 보존 정책 변경", "CHG-310728 retention 35 days"),
    (kst(2031, 8, 5, 2, 0), "DRL001L8", "change", "info", "Osong SAN 컨트롤러 펌웨어 업데이트", "CHG-310805 non-disruptive"),
    (kst(2031, 8, 10, 9, 0), "pg:pis", "change", "info", "CCTV 스틸컷 보존 90일로 연장", "CHG-310810 retention 90 days"),
    (kst(2031, 8, 12, 3, 0), "6BW1R08", "change", "info", "Node III 하이퍼바이저 보안 패치", "CHG-310812 rolling; live migration"),
    # 2. Peak, Thu 08-14
    (kst(2031, 8, 14, 11, 30), "ora:fare", "change", "info", "광복절 연휴 할증 요율표 적용", "CHG-310814 surcharge table"),
    (kst(2031, 8, 14, 13, 30), "app-0x12", "deploy", "info", "Peak 2.4 배포", "release 2.4"),
    (kst(2031, 8, 14, 17, 10), "app-0x12", "incident", "major", "할증 운임 계산 오류", "INC-310814-01 surcharge applied twice"),
    (kst(2031, 8, 14, 20, 15), "app-0x12", "change", "info", "Peak 2.3.2 롤백", "rollback; fares correct"),
    (kst(2031, 8, 20, 4, 0), "pg:trainlog", "alert", "minor", "운행 이력 DB 디스크 75% 초과", "volume 76%"),
    # 3. Tap and Go, Mon 08-25
    (kst(2031, 8, 25, 4, 0), "2CD6F14", "change", "info", "개찰구 리더 펌웨어 교체", "CHG-310825 reader firmware 5.0"),
    (kst(2031, 8, 25, 5, 0), "app-0x16", "deploy", "info", "Tap and Go 4.0 배포", "release 4.0"),
    (kst(2031, 8, 25, 7, 10), "app-0x16", "incident", "major", "서울역 비접촉 개찰 지연", "INC-310825-01 queues at gates 1-12"),
    (kst(2031, 8, 25, 9, 15), "app-0x16", "change", "info", "Tap and Go 3.9.4 롤백", "rollback; gates normal"),
    # 4. Chuseok pre-booking, Tue 08-26
    (kst(2031, 8, 26, 2, 30), "app-0x10", "deploy", "info", "좌석-Engine 7.2 배포", "release 7.2"),
    (kst(2031, 8, 26, 4, 0), "pg:seat.1", "change", "info", "좌석 재고 DB 커넥션 한도 상향", "CHG-310826 max_connections 800"),
    (kst(2031, 8, 26, 7, 5), "app-0x10", "incident", "critical", "추석 승차권 예매 접속 지연", "INC-310826-01 seat holds timing out"),
    (kst(2031, 8, 26, 7, 30), "lbpair-a", "alert", "minor", "Public L7 5xx 3% 초과", "3.4% for 5 min"),
    (kst(2031, 8, 26, 10, 20), "app-0x10", "change", "info", "좌석-Engine 7.1.3 롤백", "rollback; booking normal"),
    (kst(2031, 8, 27, 9, 0), "stage-1a8c5", "change", "info", "Stage VM 점검 모드 전환", "CHG-310827 maintenance"),
    # 5. Running Status, Fri 08-29 night
    (kst(2031, 8, 29, 18, 0), "RK07-U38", "change", "info", "관제센터 스위치 ACL 변경", "CHG-310829 acl 140"),
    (kst(2031, 8, 29, 20, 30), "app-0x19", "deploy", "info", "Running Status 9.1 배포", "release 9.1"),
    (kst(2031, 8, 29, 23, 10), "app-0x19", "incident", "major", "열차 위치 표시 지연", "INC-310829-01 positions 4 min behind"),
    (kst(2031, 8, 30, 1, 40), "app-0x19", "change", "info", "Running Status 9.0.2 롤백", "rollback; feed live"),
    # 6. September timetable cut-over, Sun 08-31 -> Mon 09-01, ongoing
    (kst(2031, 8, 31, 20, 0), "app-0x1e", "deploy", "info", "Timetable Builder 6.0 배포", "release 6.0"),
    (kst(2031, 8, 31, 22, 30), "pg:trainlog", "change", "info", "9월 열차 시각표 적재", "CHG-310831 timetable 2031-09"),
    (kst(2031, 8, 31, 23, 40), "app-0x1e", "incident", "critical", "9월 열차 시각표 반영 실패", "INC-310831-01 crew duties not regenerated"),
    (kst(2031, 9, 1, 0, 0), "mssql:crew", "alert", "major", "승무 DB CPU 90% 초과", "cpu_usage 92%"),
]

BUILD_APPS = ["app-0x10", "app-0x13", "app-0x14", "app-0x15", "app-0x16", "app-0x19", "app-0x1d"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2031, 8, 18)
    n = 0
    while day < kst(2031, 8, 31):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{800 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "weekend", "thismonth", "lastmonth", "thisyear", "daysago:2", "weekday:fri", "weekday:mon", "thisquarter", "day:2031-08-29", "day:2031-08-26", "day:2031-08-25", "day:2031-08-14", "day:2031-07-19", "month:2031-07", "month:2031-08", "last:7d", "last:30d", "day:2031-01-07", "dayutc:2031-01-06", "day:2024-02-11", "quarter:2024-Q1", "day:2020-11-01", "dayutc:2020-10-31", "month:2020-10", "month:2020-11"):
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
