#!/usr/bin/env python3
"""Deterministic generator for the "Dalbit Games" (달빛게임즈) understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids Y###, halves "dev8" / "test4") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures and the strict checks are those of
../understanding3/gen_estate.py (the "Hangyeol University Hospital" set); only the estate, the clock,
the sampling (hourly before 2026-11-16, every 20 minutes from then on), the names and the questions
differ, plus one op (`at`, a single moment).  See README.md.

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line;
every question line must sit under a `# G<n> ...` persona tag).
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
import re
import sys
from collections import defaultdict, deque
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "estate")
SRC = "questions_src.txt"
TSV = "questions.tsv"
HALVES = ("dev8", "test4")
ID_PREFIX = "Y"
TAG_LETTER = "G"
SEED = 20261129
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2026, 11, 29, 1, 40, tzinfo=KST)           # a Sunday night, 100 minutes into the day
M_START = datetime(2026, 10, 1, 0, 0, tzinfo=KST)         # a Thursday; hourly samples (a rollup) ...
FINE_START = datetime(2026, 11, 16, 0, 0, tzinfo=KST)     # ... then every 20 minutes from this Monday
M_END = NOW                                                # inclusive: last sample at 01:40
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=20)
H_START = datetime(2019, 3, 3, 0, 0, tzinfo=UTC)          # historical block, 5-minute samples
H_END = datetime(2019, 3, 10, 0, 0, tzinfo=UTC)           # exclusive
H_STEP = timedelta(minutes=5)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# --------------------------------------------------------------------------------------
CIS = [
    # network: Spine.<SITE><n> (mixed case, dotted)
    ("Spine.MD1", "spine-1 mokdong", "network", "running", "live-kr", "mokdong-idc", "game-infra", "목동 스파인 스위치|mokdong spine switch", "172.20.0.1", "core"),
    ("Spine.AY1", "spine-1 anyang", "network", "running", "live-kr", "anyang-edge", "game-infra", "안양 스파인 스위치|anyang spine switch", "172.21.0.1", "core"),
    # storage: st/<site>/<kind>-<letter> (lower case with slashes)
    ("st/md/nvme-a", "NVMe Pool A", "storage", "running", "live-kr", "mokdong-idc", "dba-guild", "목동 NVMe 스토리지|db flash pool", "172.20.0.31", "core"),
    ("st/md/nas-b", "vod.nas mokdong", "storage", "running", "live-kr", "mokdong-idc", "esports-broadcast", "VOD 저장소|replay archive", "172.20.0.32", "esports"),
    ("st/ay/obj-c", "패치 오브젝트 스토리지", "storage", "running", "live-kr", "anyang-edge", "cdn-ops", "패치 버킷|patch object store", "172.21.0.33", "cdn"),
    # servers: Hv<nn>.<site> (hypervisors) and Bm<nn>.<site> (bare metal)
    ("Hv07.md", "hv-md-07", "server", "running", "live-kr", "mokdong-idc", "game-infra", "목동 7번 호스트|game host seven", "172.20.1.7", "core"),
    ("Hv08.md", "hv-md-08", "server", "running", "live-kr", "mokdong-idc", "game-infra", "목동 8번 호스트|game host eight", "172.20.1.8", "core"),
    ("Hv09.md", "hv-md-09", "server", "running", "live-kr", "mokdong-idc", "billing-squad", "결제 호스트|payment host", "172.20.1.9", "billing"),
    ("Hv11.ay", "hv-ay-11", "server", "running", "live-kr", "anyang-edge", "cdn-ops", "안양 엣지 호스트|edge host", "172.21.1.11", "cdn"),
    ("Bm03.sa", "Encoder Rack 3", "server", "running", "live-kr", "sangam-studio", "esports-broadcast", "중계 인코더 서버|encoder box", "172.22.1.3", "esports"),
    ("Bm05.md", "ac-scan-05", "server", "running", "live-kr", "mokdong-idc", "anticheat-lab", "안티치트 분석 서버|cheat scanner box", "172.20.1.55", "security"),
    # vms: v.<role>.<letter> (lower case, dotted)
    ("v.lobby.a", "lobby-vm.a", "vm", "running", "live-kr", "mokdong-idc", "game-infra", "로비 VM|lobby vm", "172.20.11.1", "game"),
    ("v.match.a", "mm-vm.a", "vm", "running", "live-kr", "mokdong-idc", "matchmaking-squad", "매칭 VM 1|matchmaker vm one", "172.20.12.1", "game"),
    ("v.match.b", "mm-vm.b", "vm", "running", "live-kr", "mokdong-idc", "matchmaking-squad", "매칭 VM 2|matchmaker vm two", "172.20.12.2", "game"),
    ("v.pay.a", "pay-vm.a", "vm", "running", "live-kr", "mokdong-idc", "billing-squad", "결제 VM|payment vm", "172.20.13.1", "billing"),
    ("v.chat.a", "chat-vm.a", "vm", "running", "live-kr", "mokdong-idc", "chat-squad", "채팅 VM|chat vm", "172.20.14.1", "game"),
    ("v.etl.a", "etl-vm.a", "vm", "running", "live-kr", "mokdong-idc", "data-platform", "분석 ETL VM|analytics vm", "172.20.15.1", "data"),
    ("v.cdn.a", "patch-edge-vm", "vm", "running", "live-kr", "anyang-edge", "cdn-ops", "패치 엣지 VM|patch edge vm", "172.21.11.1", "cdn"),
    ("v.pbe.a", "pbe-vm", "vm", "stopped", "pbe-kr", "anyang-edge", "game-infra", "PBE 테스트 서버|public beta box", "172.21.21.1", "game"),
    ("v.qa.a", "qa-vm", "vm", "maintenance", "qa-kr", "mokdong-idc", "game-infra", "QA 서버|qa box", "172.20.21.1", "game"),
    # databases: DB.<System>.<P|R> (mixed case, dotted)
    ("DB.Account.P", "account-db primary", "database", "running", "live-kr", "mokdong-idc", "dba-guild", "계정 DB 메인|account primary", "172.20.1.71", "game"),
    ("DB.Account.R", "account-db replica", "database", "running", "live-kr", "anyang-edge", "dba-guild", "계정 DB 복제본|account replica", "172.21.1.72", "game"),
    ("DB.Pay.P", "결제 원장 DB", "database", "running", "live-kr", "mokdong-idc", "billing-squad", "빌링 DB|billing ledger db", "172.20.13.21", "billing"),
    ("DB.Match.P", "mmr-store", "database", "running", "live-kr", "mokdong-idc", "matchmaking-squad", "MMR DB|rating database", "172.20.12.21", "game"),
    ("DB.Chat.P", "chat-log db", "database", "running", "live-kr", "mokdong-idc", "chat-squad", "채팅 로그 DB|chat history db", "172.20.14.21", "game"),
    ("DB.DW.P", "Telemetry Warehouse", "database", "maintenance", "live-kr", "mokdong-idc", "data-platform", "분석 DW|analytics warehouse", "172.20.15.21", "data"),
    # apps: ms/<name> (lower case, a slash and dashes)
    ("ms/lobby-gw", "Lobby Gateway", "app", "running", "live-kr", "mokdong-idc", "game-infra", "로비 게이트웨이|front door", "172.20.11.11", "game"),
    ("ms/auth", "계정 인증", "app", "running", "live-kr", "mokdong-idc", "game-infra", "로그인 서버|auth server", "172.20.11.12", "game"),
    ("ms/mm-core", "matchmaker.core", "app", "running", "live-kr", "mokdong-idc", "matchmaking-squad", "매치메이커|matchmaking engine", "172.20.12.11", "game"),
    ("ms/rank", "랭크 산정", "app", "running", "live-kr", "mokdong-idc", "matchmaking-squad", "랭킹 서버|rating service", "172.20.12.12", "game"),
    ("ms/pay-gw", "Payment Gateway", "app", "running", "live-kr", "mokdong-idc", "billing-squad", "결제 게이트웨이|pg bridge", "172.20.13.11", "billing"),
    ("ms/billing", "빌링 엔진", "app", "running", "live-kr", "mokdong-idc", "billing-squad", "과금 시스템|billing engine", "172.20.13.12", "billing"),
    ("ms/chat-hub", "chat.hub", "app", "running", "live-kr", "mokdong-idc", "chat-squad", "채팅 허브|chat relay", "172.20.14.11", "game"),
    ("ms/ac-guard", "Guardian AC", "app", "error", "live-kr", "mokdong-idc", "anticheat-lab", "안티치트 엔진|anti-cheat engine", "172.20.1.56", "security"),
    ("ms/launcher-api", "Launcher API 3.x", "app", "running", "live-kr", "anyang-edge", "cdn-ops", "런처 백엔드|launcher backend", "172.21.11.11", "cdn"),
    ("ms/patch-origin", "patch-origin", "app", "running", "live-kr", "anyang-edge", "cdn-ops", "패치 서버|patch server", "172.21.11.12", "cdn"),
    ("ms/telemetry", "telemetry.ingest", "app", "running", "live-kr", "mokdong-idc", "data-platform", "로그 수집기|event collector", "172.20.15.11", "data"),
    ("ms/stream-enc", "방송 송출", "app", "running", "live-kr", "sangam-studio", "esports-broadcast", "중계 인코더 앱|broadcast encoder", "172.22.1.4", "esports"),
    # load balancers: LB-<Side>.<site>
    ("LB-Edge.ay", "edge-lb.anyang", "load_balancer", "running", "live-kr", "anyang-edge", "cdn-ops", "외부 로드밸런서|public lb", "172.21.0.80", "core"),
    ("LB-Game.md", "game-lb.mokdong", "load_balancer", "running", "live-kr", "mokdong-idc", "game-infra", "게임 로드밸런서|game traffic lb", "172.20.0.80", "core"),
    # services: Biz.<CamelCase>
    ("Biz.Login", "Dalbit Login", "service", "running", "live-kr", "mokdong-idc", "game-infra", "달빛 로그인|account login", "", "game"),
    ("Biz.Ranked", "랭크 게임", "service", "running", "live-kr", "mokdong-idc", "matchmaking-squad", "랭크전|ranked queue", "", "game"),
    ("Biz.Store", "Cash Shop", "service", "running", "live-kr", "mokdong-idc", "billing-squad", "캐시 상점|in-game store", "", "billing"),
    ("Biz.Chat", "게임 내 채팅", "service", "running", "live-kr", "mokdong-idc", "chat-squad", "in-game chat", "", "game"),
    ("Biz.Patch", "Launcher Patch", "service", "running", "live-kr", "anyang-edge", "cdn-ops", "런처 패치|game patching", "", "cdn"),
    ("Biz.Esports", "e스포츠 중계", "service", "running", "live-kr", "sangam-studio", "esports-broadcast", "리그 중계|league broadcast", "", "esports"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network / storage (the Sangam studio has no network CI)
    ("Hv07.md", "CONNECTS_TO", "Spine.MD1"),
    ("Hv08.md", "CONNECTS_TO", "Spine.MD1"),
    ("Hv09.md", "CONNECTS_TO", "Spine.MD1"),
    ("Bm05.md", "CONNECTS_TO", "Spine.MD1"),
    ("st/md/nvme-a", "CONNECTS_TO", "Spine.MD1"),
    ("st/md/nas-b", "CONNECTS_TO", "Spine.MD1"),
    ("Hv11.ay", "CONNECTS_TO", "Spine.AY1"),
    ("st/ay/obj-c", "CONNECTS_TO", "Spine.AY1"),
    # hosts -> vms (Hv07.md and Hv11.ay: HOSTS only, Hv08.md: RUNS_ON only, Hv09.md: both)
    ("Hv07.md", "HOSTS", "v.lobby.a"),
    ("Hv07.md", "HOSTS", "v.match.a"),
    ("v.match.b", "RUNS_ON", "Hv08.md"),
    ("v.chat.a", "RUNS_ON", "Hv08.md"),
    ("v.qa.a", "RUNS_ON", "Hv08.md"),
    ("Hv09.md", "HOSTS", "v.pay.a"),
    ("Hv09.md", "HOSTS", "v.etl.a"),
    ("v.pay.a", "RUNS_ON", "Hv09.md"),
    ("v.etl.a", "RUNS_ON", "Hv09.md"),
    ("Hv11.ay", "HOSTS", "v.cdn.a"),
    ("Hv11.ay", "HOSTS", "v.pbe.a"),
    # databases (the account primary and its replica run on servers directly)
    ("DB.Account.P", "RUNS_ON", "Hv07.md"),
    ("DB.Account.R", "RUNS_ON", "Hv11.ay"),
    ("DB.Pay.P", "RUNS_ON", "v.pay.a"),
    ("DB.Match.P", "RUNS_ON", "v.match.b"),
    ("DB.Chat.P", "RUNS_ON", "v.chat.a"),
    ("DB.DW.P", "RUNS_ON", "v.etl.a"),
    ("DB.Account.P", "DEPENDS_ON", "st/md/nvme-a"),
    ("DB.Pay.P", "DEPENDS_ON", "st/md/nvme-a"),
    ("DB.Match.P", "DEPENDS_ON", "st/md/nvme-a"),
    ("DB.Account.R", "DEPENDS_ON", "DB.Account.P"),
    # apps on vms / bare metal
    ("ms/lobby-gw", "RUNS_ON", "v.lobby.a"),
    ("ms/auth", "RUNS_ON", "v.lobby.a"),
    ("ms/mm-core", "RUNS_ON", "v.match.a"),
    ("ms/rank", "RUNS_ON", "v.match.b"),
    ("ms/pay-gw", "RUNS_ON", "v.pay.a"),
    ("ms/billing", "RUNS_ON", "v.pay.a"),
    ("ms/chat-hub", "RUNS_ON", "v.chat.a"),
    ("ms/ac-guard", "RUNS_ON", "Bm05.md"),
    ("ms/launcher-api", "RUNS_ON", "v.cdn.a"),
    ("ms/patch-origin", "RUNS_ON", "v.cdn.a"),
    ("ms/telemetry", "RUNS_ON", "v.etl.a"),
    ("ms/stream-enc", "RUNS_ON", "Bm03.sa"),
    # app dependencies
    ("ms/lobby-gw", "DEPENDS_ON", "ms/auth"),
    ("ms/auth", "DEPENDS_ON", "DB.Account.P"),
    ("ms/mm-core", "DEPENDS_ON", "ms/rank"),
    ("ms/mm-core", "DEPENDS_ON", "ms/auth"),
    ("ms/rank", "DEPENDS_ON", "DB.Match.P"),
    ("ms/pay-gw", "DEPENDS_ON", "ms/billing"),
    ("ms/billing", "DEPENDS_ON", "DB.Pay.P"),
    ("ms/billing", "DEPENDS_ON", "ms/auth"),
    ("ms/chat-hub", "DEPENDS_ON", "DB.Chat.P"),
    ("ms/chat-hub", "DEPENDS_ON", "ms/auth"),
    ("ms/ac-guard", "DEPENDS_ON", "ms/telemetry"),
    ("ms/ac-guard", "DEPENDS_ON", "DB.Account.P"),
    ("ms/launcher-api", "DEPENDS_ON", "ms/patch-origin"),
    ("ms/launcher-api", "DEPENDS_ON", "ms/auth"),
    ("ms/patch-origin", "DEPENDS_ON", "st/ay/obj-c"),
    ("ms/telemetry", "DEPENDS_ON", "DB.DW.P"),
    ("ms/stream-enc", "DEPENDS_ON", "st/md/nas-b"),
    ("ms/stream-enc", "DEPENDS_ON", "ms/mm-core"),
    # load balancers
    ("LB-Edge.ay", "CONNECTS_TO", "ms/lobby-gw"),
    ("LB-Edge.ay", "CONNECTS_TO", "ms/launcher-api"),
    ("LB-Edge.ay", "CONNECTS_TO", "ms/pay-gw"),
    ("LB-Game.md", "CONNECTS_TO", "ms/mm-core"),
    ("LB-Game.md", "CONNECTS_TO", "ms/chat-hub"),
    # services
    ("Biz.Login", "DEPENDS_ON", "LB-Edge.ay"),
    ("Biz.Login", "DEPENDS_ON", "ms/lobby-gw"),
    ("Biz.Ranked", "DEPENDS_ON", "LB-Game.md"),
    ("Biz.Ranked", "DEPENDS_ON", "ms/mm-core"),
    ("Biz.Store", "DEPENDS_ON", "ms/pay-gw"),
    ("Biz.Store", "DEPENDS_ON", "ms/billing"),
    ("Biz.Chat", "DEPENDS_ON", "LB-Game.md"),
    ("Biz.Chat", "DEPENDS_ON", "ms/chat-hub"),
    ("Biz.Patch", "DEPENDS_ON", "LB-Edge.ay"),
    ("Biz.Patch", "DEPENDS_ON", "ms/launcher-api"),
    ("Biz.Esports", "DEPENDS_ON", "ms/stream-enc"),
    ("Biz.Esports", "DEPENDS_ON", "ms/chat-hub"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: prime (players online: peak 22:00, weekends busier with an afternoon bump, a small lunch bump on
#           weekdays), store (purchases: peak 22:30, Friday and Saturday busier), cast (esports studio:
#           league matches Friday 19-23 and Saturday/Sunday 16-22, rehearsals on weekday afternoons),
#           night (telemetry ETL around 04:00), patch (launcher/CDN: evening players plus the Thursday
#           patch-day rush 06:00-11:00), flat
METRIC_PLAN = {
    "Hv07.md": {"cpu_usage": (41, 0.60, 2.4, "prime"), "mem_usage": (68, 0.06, 1.1, "prime"), "disk_usage": (44, 0, 0.2, "flat")},
    "Hv08.md": {"cpu_usage": (37, 0.55, 2.4, "prime"), "mem_usage": (73, 0.05, 1.0, "prime"), "disk_usage": (51, 0, 0.2, "flat")},
    "Hv09.md": {"cpu_usage": (29, 0.50, 2.0, "store"), "mem_usage": (61, 0.04, 1.0, "store"), "disk_usage": (39, 0, 0.2, "flat")},
    "Hv11.ay": {"cpu_usage": (24, 0.90, 2.0, "patch"), "mem_usage": (52, 0.05, 1.0, "patch"), "disk_usage": (67, 0, 0.2, "flat")},
    "Bm03.sa": {"cpu_usage": (14, 2.20, 1.8, "cast"), "mem_usage": (36, 0.40, 1.0, "cast"), "disk_usage": (58, 0, 0.2, "flat")},
    "Bm05.md": {"cpu_usage": (33, 0.45, 2.0, "prime"), "mem_usage": (57, 0.05, 1.0, "prime"), "disk_usage": (62, 0, 0.2, "flat")},
    "v.lobby.a": {"cpu_usage": (46, 0.60, 2.5, "prime"), "mem_usage": (58, 0.05, 1.0, "prime"), "disk_usage": (33, 0, 0.2, "flat")},
    "v.match.a": {"cpu_usage": (50, 0.55, 2.5, "prime"), "mem_usage": (64, 0.06, 1.1, "prime"), "disk_usage": (28, 0, 0.2, "flat")},
    "v.match.b": {"cpu_usage": (39, 0.50, 2.2, "prime"), "mem_usage": (70, 0.04, 0.9, "flat"), "disk_usage": (47, 0, 0.2, "flat")},
    "v.pay.a": {"cpu_usage": (27, 0.70, 2.0, "store"), "mem_usage": (55, 0.05, 1.0, "store"), "disk_usage": (36, 0, 0.2, "flat")},
    "v.chat.a": {"cpu_usage": (35, 0.60, 2.2, "prime"), "mem_usage": (49, 0.05, 1.0, "prime"), "disk_usage": (42, 0, 0.2, "flat")},
    "v.etl.a": {"cpu_usage": (18, 2.40, 2.0, "night"), "mem_usage": (63, 0.10, 1.0, "night"), "disk_usage": (74, 0, 0.2, "flat")},
    "v.cdn.a": {"cpu_usage": (21, 1.10, 2.0, "patch"), "mem_usage": (47, 0.08, 1.0, "patch"), "disk_usage": (69, 0, 0.2, "flat")},
    "v.pbe.a": {"cpu_usage": (12, 0.60, 1.2, "prime"), "mem_usage": (38, 0.03, 1.0, "flat"), "disk_usage": (26, 0, 0.2, "flat")},
    "v.qa.a": {"cpu_usage": (8, 0.30, 1.0, "flat"), "mem_usage": (31, 0.03, 1.0, "flat"), "disk_usage": (21, 0, 0.2, "flat")},
    "DB.Account.P": {"cpu_usage": (43, 0.55, 2.4, "prime"), "mem_usage": (86, 0.02, 0.6, "flat"), "disk_usage": (56, 0, 0.2, "flat")},
    "DB.Account.R": {"cpu_usage": (17, 0.40, 1.5, "prime"), "mem_usage": (77, 0.02, 0.7, "flat"), "disk_usage": (54, 0, 0.2, "flat")},
    "DB.Pay.P": {"cpu_usage": (31, 0.60, 2.0, "store"), "mem_usage": (81, 0.02, 0.6, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "DB.Match.P": {"cpu_usage": (38, 0.50, 2.2, "prime"), "mem_usage": (74, 0.03, 0.8, "flat"), "disk_usage": (45, 0, 0.2, "flat")},
    "DB.Chat.P": {"cpu_usage": (26, 0.60, 2.0, "prime"), "mem_usage": (66, 0.03, 0.8, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "DB.DW.P": {"cpu_usage": (15, 2.80, 2.0, "night"), "mem_usage": (71, 0.08, 1.0, "night"), "disk_usage": (81, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "ms/lobby-gw": {"cpu_usage": (34, 0.60, 2.2, "prime"), "latency_ms": (85, 0.40, 4.0, "prime"), "error_rate": (0.30, 0.3, 0.05, "prime")},
    "ms/auth": {"cpu_usage": (29, 0.60, 2.0, "prime"), "latency_ms": (60, 0.35, 3.0, "prime"), "error_rate": (0.20, 0.3, 0.04, "prime")},
    "ms/mm-core": {"cpu_usage": (44, 0.55, 2.5, "prime"), "latency_ms": (320, 0.40, 14.0, "prime"), "error_rate": (0.45, 0.3, 0.06, "prime")},
    "ms/rank": {"cpu_usage": (23, 0.50, 1.8, "prime"), "latency_ms": (140, 0.30, 6.0, "prime"), "error_rate": (0.25, 0.3, 0.05, "prime")},
    "ms/pay-gw": {"cpu_usage": (19, 0.70, 1.8, "store"), "latency_ms": (410, 0.30, 16.0, "store"), "error_rate": (0.55, 0.3, 0.07, "store")},
    "ms/billing": {"cpu_usage": (22, 0.70, 1.8, "store"), "latency_ms": (230, 0.30, 10.0, "store"), "error_rate": (0.35, 0.3, 0.05, "store")},
    "ms/chat-hub": {"cpu_usage": (31, 0.60, 2.0, "prime"), "latency_ms": (45, 0.40, 2.5, "prime"), "error_rate": (0.15, 0.3, 0.03, "prime")},
    "ms/ac-guard": {"cpu_usage": (38, 0.40, 2.2, "prime"), "latency_ms": (180, 0.30, 8.0, "prime"), "error_rate": (0.70, 0.2, 0.10, "prime")},
    "ms/launcher-api": {"cpu_usage": (16, 0.90, 1.6, "patch"), "latency_ms": (120, 0.50, 6.0, "patch"), "error_rate": (0.40, 0.3, 0.06, "patch")},
    "ms/patch-origin": {"cpu_usage": (20, 1.20, 1.8, "patch"), "latency_ms": (260, 0.60, 12.0, "patch"), "error_rate": (0.25, 0.3, 0.05, "patch")},
    "ms/telemetry": {"cpu_usage": (26, 0.80, 2.0, "prime"), "latency_ms": (35, 0.30, 2.0, "prime"), "error_rate": (0.10, 0.3, 0.02, "prime")},
    "ms/stream-enc": {"cpu_usage": (11, 3.00, 1.5, "cast"), "latency_ms": (900, 0.20, 30.0, "cast"), "error_rate": (0.20, 0.5, 0.04, "cast")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "v.pbe.a": datetime(2026, 11, 26, 11, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}
HIST_CIS = ["Hv11.ay", "DB.Match.P", "v.chat.a"]


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
    if kind == "prime":
        p = math.exp(-(circ(h, 22.0) / 3.0) ** 2)
        if wd >= 5:
            return p * 1.2 + 0.45 * math.exp(-((h - 15.0) / 2.5) ** 2)
        return p + 0.2 * math.exp(-((h - 12.5) / 1.0) ** 2)
    if kind == "store":
        p = math.exp(-(circ(h, 22.5) / 2.5) ** 2)
        return p * (1.3 if wd in (4, 5) else 1.0)
    if kind == "cast":
        if wd == 4:
            return 1.0 if 19 <= h < 23 else 0.05
        if wd >= 5:
            return 1.0 if 16 <= h < 22 else 0.05
        return 0.3 if 14 <= h < 17 else 0.05
    if kind == "night":
        return math.exp(-(circ(h, 4.0) / 1.4) ** 2)
    if kind == "patch":
        p = 0.6 * math.exp(-(circ(h, 21.5) / 3.0) ** 2)
        if wd == 3:
            p += math.exp(-((h - 8.5) / 1.8) ** 2)
        return p
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
    # 1. season 7 patch day, Thu 10-22 06:00-11:00 (after bucket lifecycle change 04:30 and origin 7.0 deploy 05:40)
    if within(ts, kst(2026, 10, 22, 6), kst(2026, 10, 22, 11)):
        if code == "ms/patch-origin" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 1.0)
        if code == "ms/patch-origin" and metric == "latency_ms":
            v *= 6.0
        if code == "v.cdn.a" and metric == "cpu_usage":
            v = 97 + rng.gauss(0, 0.6)
        if code == "ms/launcher-api" and metric == "error_rate" and ts >= kst(2026, 10, 22, 7):
            v = 14.0 + rng.gauss(0, 1.0)
    # 2. Dalbit League final, Sat 11-07 18:00-22:00 (after the 1440p profile change 14:00 and encoder deploy 15:30)
    if within(ts, kst(2026, 11, 7, 18), kst(2026, 11, 7, 22)):
        if code == "ms/stream-enc" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.8)
        if code == "ms/stream-enc" and metric == "latency_ms":
            v *= 3.0
        if code == "ms/stream-enc" and metric == "error_rate":
            v += 6.0 + rng.gauss(0, 0.4)
        if code == "Bm03.sa" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 1.0)
    # level shift: chat-vm memory after chat-hub 3.0.0 (message cache), from Thu 11-19 14:00
    if code == "v.chat.a" and metric == "mem_usage" and ts >= kst(2026, 11, 19, 14):
        v += 17.0
    # 3. ranked matchmaking failure, Wed 11-18 21:00-23:00 (after index change 16:00 and mm-core deploy 19:00)
    if within(ts, kst(2026, 11, 18, 21), kst(2026, 11, 18, 23)):
        if code == "ms/mm-core" and metric == "error_rate":
            v = 12.0 + rng.gauss(0, 0.8)
        if code == "ms/mm-core" and metric == "latency_ms":
            v *= 5.0
        if code == "ms/rank" and metric == "latency_ms":
            v *= 3.0
    if code == "DB.Match.P" and metric == "cpu_usage" and within(ts, kst(2026, 11, 18, 20, 40), kst(2026, 11, 18, 23)):
        v = 96 + rng.gauss(0, 0.8)
    # 4. payment failures, Fri 11-20 20:00-21:40 (after billing deploy 16:00 and PG certificate change 17:40)
    if within(ts, kst(2026, 11, 20, 20), kst(2026, 11, 20, 21, 40)):
        if code == "ms/pay-gw" and metric == "error_rate":
            v = 18.0 + rng.gauss(0, 1.2)
        if code == "ms/pay-gw" and metric == "latency_ms":
            v *= 3.0
        if code == "ms/billing" and metric == "error_rate":
            v += 5.0 + rng.gauss(0, 0.4)
    # 8. memory leak on lobby-vm 11-23 00:00 -> 11-26 13:40, restart 11-26 14:00
    if code == "v.lobby.a" and metric == "mem_usage":
        if ts < kst(2026, 11, 26, 14):
            v += 37.0 * ramp(ts, kst(2026, 11, 23), kst(2026, 11, 26, 13, 40))
        else:
            v -= 4.0
    # 5. launcher update failures on patch day, Thu 11-26 06:00-09:00 (after cache purge 05:00, launcher deploy 05:30)
    if within(ts, kst(2026, 11, 26, 6), kst(2026, 11, 26, 9)):
        if code == "ms/launcher-api" and metric == "latency_ms":
            v *= 4.0
        if code == "ms/launcher-api" and metric == "error_rate":
            v = 11.0 + rng.gauss(0, 0.7)
        if code == "v.cdn.a" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 1.0)
        if code == "ms/patch-origin" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 1.2)
    # 6. chat outage, Sat 11-28 22:00-23:40 (after partition job disabled 18:00 and chat-hub deploy 19:30)
    if within(ts, kst(2026, 11, 28, 22), kst(2026, 11, 28, 23, 40)):
        if code == "ms/chat-hub" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.6)
        if code == "ms/chat-hub" and metric == "latency_ms":
            v *= 3.0
        if code == "DB.Chat.P" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 1.2)
    if code == "DB.Chat.P" and metric == "disk_usage":
        v += 36.0 * ramp(ts, kst(2026, 11, 10), M_END)
    if code == "DB.DW.P" and metric == "disk_usage":
        v += 5.0 * ramp(ts, M_START, M_END)
    # DW in maintenance from Thu 11-26 20:00: the nightly load is paused, cpu stays low
    if code == "DB.DW.P" and metric == "cpu_usage" and ts >= kst(2026, 11, 26, 20):
        v = 9 + rng.gauss(0, 1.0)
    # 7. cheat wave after midnight, Sun 11-29 from 00:20, ongoing (after telemetry sampling change 21:30, rules deploy 23:10)
    if ts >= kst(2026, 11, 29, 0, 20):
        if code == "ms/ac-guard" and metric == "cpu_usage":
            v = 89 + rng.gauss(0, 1.0)
        if code == "ms/ac-guard" and metric == "error_rate":
            v += 4.0 + rng.gauss(0, 0.3)
        if code == "ms/ac-guard" and metric == "latency_ms":
            v *= 2.0
        if code == "Bm05.md" and metric == "cpu_usage":
            v += 30
    return v


def sample_times():
    """Hourly samples (an older rollup) from M_START, every 20 minutes from FINE_START up to and including NOW."""
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
    times = sample_times()
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
    for code, base, sd in (("Hv11.ay", 31.0, 3.5), ("DB.Match.P", 24.0, 3.0), ("v.chat.a", 16.0, 1.5)):
        t = H_START
        level = base
        while t < H_END:
            level += rng.gauss(0, sd * 0.15) + 0.02 * (base - level)
            h = t.hour + t.minute / 60.0            # UTC hour
            v = level + base * 0.25 * math.sin((h - 5) / 24 * 2 * math.pi) + rng.gauss(0, sd)
            if code == "Hv11.ay" and datetime(2019, 3, 5, 6, tzinfo=UTC) <= t < datetime(2019, 3, 5, 9, tzinfo=UTC):
                v = 91 + rng.gauss(0, 2.0)
            if code == "DB.Match.P" and datetime(2019, 3, 7, 16, tzinfo=UTC) <= t < datetime(2019, 3, 7, 19, tzinfo=UTC):
                v = 81 + rng.gauss(0, 3)
            if code == "v.chat.a" and rng.random() < 0.01:
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
    # October
    (kst(2026, 10, 6, 23, 0), "DB.Account.P", "change", "info", "account-db primary 마이너 업그레이드 (MySQL 8.0.39)", "CHG-3105 rolling upgrade, 40 s failover"),
    (kst(2026, 10, 14, 3, 20), "st/md/nas-b", "alert", "minor", "vod.nas mokdong disk 7 predictive failure", "disk replaced under warranty"),
    # 1. season 7 patch day, Thu 10-22
    (kst(2026, 10, 22, 4, 30), "st/ay/obj-c", "change", "info", "패치 버킷 수명주기 정책 변경 (구버전 청크 삭제)", "CHG-3131 lifecycle rule: expire chunks older than 2 seasons"),
    (kst(2026, 10, 22, 5, 40), "ms/patch-origin", "deploy", "info", "patch-origin 7.0.0 deploy (season 7 manifest)", "release 7.0.0"),
    (kst(2026, 10, 22, 6, 25), "v.cdn.a", "alert", "major", "patch-edge-vm CPU over 95%", "cpu_usage 97%"),
    (kst(2026, 10, 22, 7, 10), "ms/launcher-api", "incident", "critical", "시즌 7 패치 다운로드 실패 (런처 무한 재시도)", "INC-DG-2210 launchers loop on missing chunks"),
    (kst(2026, 10, 22, 11, 20), "ms/patch-origin", "change", "info", "patch-origin 누락 청크 재업로드", "CHG-3134 chunks restored from build NAS"),
    (kst(2026, 10, 29, 10, 0), "ms/pay-gw", "deploy", "info", "Payment Gateway 4.6.0 release (간편결제 추가)", "release 4.6.0"),
    # November, before the fine-grained window
    (kst(2026, 11, 3, 2, 0), "st/md/nvme-a", "change", "info", "NVMe Pool A 컨트롤러 펌웨어 5.2", "CHG-3160 non-disruptive upgrade"),
    # 2. Dalbit League final, Sat 11-07
    (kst(2026, 11, 7, 14, 0), "ms/stream-enc", "change", "info", "방송 송출 프로파일 1440p60 전환", "CHG-3171 encoder profile for the final"),
    (kst(2026, 11, 7, 15, 30), "ms/stream-enc", "deploy", "info", "stream-enc 2.8.0 deploy (AV1 renditions)", "release 2.8.0"),
    (kst(2026, 11, 7, 19, 5), "Bm03.sa", "alert", "major", "Encoder Rack 3 CPU over 90%", "cpu_usage 93%"),
    (kst(2026, 11, 7, 19, 20), "ms/stream-enc", "incident", "critical", "리그 결승 중계 프레임 드롭", "INC-DG-2240 viewers see 20 fps during the final"),
    (kst(2026, 11, 7, 22, 10), "ms/stream-enc", "change", "info", "방송 송출 프로파일 1080p60 복귀", "CHG-3173 profile rolled back"),
    (kst(2026, 11, 12, 6, 0), "Biz.Login", "change", "info", "정기점검 (11월 2주차)", "CHG-3180 weekly maintenance 06:00-10:00"),
    (kst(2026, 11, 12, 7, 30), "ms/lobby-gw", "deploy", "info", "Lobby Gateway 12.4.0 deploy", "release 12.4.0"),
    # 3. ranked matchmaking failure, Wed 11-18
    (kst(2026, 11, 18, 16, 0), "DB.Match.P", "change", "info", "mmr-store 인덱스 재구성 (시즌 MMR 컬럼)", "CHG-3192 index rebuild for season MMR"),
    (kst(2026, 11, 18, 19, 0), "ms/mm-core", "deploy", "info", "matchmaker.core 5.2.0 deploy (party MMR)", "release 5.2.0"),
    (kst(2026, 11, 18, 20, 55), "DB.Match.P", "alert", "major", "mmr-store CPU over 95%", "cpu_usage 96%"),
    (kst(2026, 11, 18, 21, 10), "ms/mm-core", "incident", "critical", "랭크 매칭 실패 급증", "INC-DG-2261 ranked queue errors 12%"),
    (kst(2026, 11, 18, 23, 5), "ms/mm-core", "change", "info", "matchmaker.core 5.1.3 롤백", "rollback; queue recovered"),
    # chat-hub 3.0 (level shift on chat-vm memory)
    (kst(2026, 11, 19, 13, 30), "ms/chat-hub", "deploy", "info", "chat.hub 3.0.0 deploy (message cache)", "release 3.0.0"),
    # 4. payment failures, Fri 11-20
    (kst(2026, 11, 20, 16, 0), "ms/billing", "deploy", "info", "빌링 엔진 2026.11.2 배포 (부가세 계산 변경)", "release 2026.11.2"),
    (kst(2026, 11, 20, 17, 40), "ms/pay-gw", "change", "info", "PG 연동 인증서 교체", "CHG-3205 PG client certificate renewal"),
    (kst(2026, 11, 20, 20, 5), "ms/pay-gw", "incident", "critical", "캐시 충전 결제 실패", "INC-DG-2270 top-ups fail with PG timeout"),
    (kst(2026, 11, 20, 20, 20), "Biz.Store", "alert", "major", "Cash Shop purchase success below 85%", "success 82%"),
    (kst(2026, 11, 20, 21, 45), "ms/billing", "change", "info", "빌링 엔진 2026.11.1 롤백", "rollback; payments recovered"),
    (kst(2026, 11, 21, 15, 0), "LB-Edge.ay", "change", "info", "edge-lb.anyang TLS 인증서 갱신", "CHG-3210 certificate renewal"),
    (kst(2026, 11, 24, 4, 40), "Hv08.md", "alert", "minor", "hv-md-08 PSU 2 redundancy lost", "power supply replaced at 10:00"),
    # 8. lobby-vm memory leak
    (kst(2026, 11, 25, 9, 20), "v.lobby.a", "alert", "minor", "lobby-vm.a memory above 85%", "mem_usage 85%"),
    (kst(2026, 11, 26, 12, 50), "v.lobby.a", "alert", "major", "lobby-vm.a memory above 95%", "mem_usage 95%"),
    (kst(2026, 11, 26, 14, 0), "v.lobby.a", "change", "info", "lobby-vm.a 재기동 (메모리 회수)", "CHG-3231 restart"),
    # 5. patch day, Thu 11-26
    (kst(2026, 11, 26, 5, 0), "ms/patch-origin", "change", "info", "patch-origin CDN 캐시 퍼지", "CHG-3226 purge before the 3.14 patch"),
    (kst(2026, 11, 26, 5, 30), "ms/launcher-api", "deploy", "info", "Launcher API 3.14.0 deploy (delta patch)", "release 3.14.0"),
    (kst(2026, 11, 26, 6, 20), "v.cdn.a", "alert", "major", "patch-edge-vm CPU over 90%", "cpu_usage 91%"),
    (kst(2026, 11, 26, 6, 50), "ms/launcher-api", "incident", "critical", "런처 업데이트 실패 (델타 패치 검증 오류)", "INC-DG-2288 delta patch hash mismatch"),
    (kst(2026, 11, 26, 9, 10), "ms/launcher-api", "change", "info", "Launcher API 3.13.2 롤백", "rollback; full patch served"),
    (kst(2026, 11, 26, 11, 0), "v.pbe.a", "change", "info", "pbe-vm 종료 (PBE 시즌 종료)", "CHG-3228 public beta closed, powered off"),
    (kst(2026, 11, 26, 20, 0), "DB.DW.P", "change", "info", "Telemetry Warehouse 점검 모드 전환 (VACUUM FULL)", "CHG-3229 maintenance, nightly load paused"),
    (kst(2026, 11, 27, 10, 0), "v.qa.a", "change", "info", "qa-vm 재구축 시작 (점검 모드)", "CHG-3232 rebuild for the 3.15 test cycle"),
    # 6. chat outage, Sat 11-28
    (kst(2026, 11, 27, 16, 10), "DB.Chat.P", "alert", "minor", "chat-log db disk above 85%", "disk_usage 85%"),
    (kst(2026, 11, 28, 18, 0), "DB.Chat.P", "change", "info", "chat-log db 파티션 정리 배치 비활성화", "CHG-3240 partition purge job disabled for the event"),
    (kst(2026, 11, 28, 19, 30), "ms/chat-hub", "deploy", "info", "chat.hub 3.1.2 deploy (emoji pack)", "release 3.1.2"),
    (kst(2026, 11, 28, 22, 15), "ms/chat-hub", "incident", "major", "게임 내 채팅 메시지 유실", "INC-DG-2301 messages dropped in guild chat"),
    (kst(2026, 11, 28, 22, 40), "DB.Chat.P", "alert", "major", "chat-log db disk above 90%", "disk_usage 90%"),
    (kst(2026, 11, 28, 23, 45), "ms/chat-hub", "change", "info", "chat.hub 3.1.1 롤백", "rollback; delivery recovered"),
    # 7. cheat wave after midnight, Sun 11-29 (ongoing)
    (kst(2026, 11, 28, 21, 30), "ms/telemetry", "change", "info", "telemetry.ingest 샘플링 100% 상향", "CHG-3243 full sampling for the anti-cheat rules"),
    (kst(2026, 11, 28, 23, 10), "ms/ac-guard", "deploy", "info", "Guardian AC rules 2026.48 deploy", "release rules-2026.48"),
    (kst(2026, 11, 29, 0, 35), "ms/ac-guard", "alert", "major", "Guardian AC CPU over 85%", "cpu_usage 89%"),
    (kst(2026, 11, 29, 0, 55), "ms/ac-guard", "incident", "critical", "핵 탐지 지연 (안티치트 큐 적체)", "INC-DG-2305 detection queue 40 min behind"),
    (kst(2026, 11, 29, 1, 20), "Bm05.md", "alert", "major", "ac-scan-05 CPU over 90%", "cpu_usage 93%"),
]

BUILD_APPS = ["ms/lobby-gw", "ms/auth", "ms/mm-core", "ms/pay-gw", "ms/chat-hub", "ms/launcher-api",
              "ms/telemetry", "ms/stream-enc"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines; none after now
    day = kst(2026, 11, 16)
    n = 0
    while day < kst(2026, 11, 29):
        for code in BUILD_APPS:
            if rng.random() < 0.35:
                n += 1
                ts = day + timedelta(hours=rng.choice([2, 3, 4]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{700 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky integration test"))
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
RELATIVE_R = ("last:", "today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth")
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
    # codes use letters, digits, '-', '_', '.' and '/' only (no '#', ':' or spaces)
    for a in codes:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_./-]*", a):
            out.append(f"code with a character outside [A-Za-z0-9_./-]: {a}")
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "day:2026-11-26", "day:2026-11-20", "day:2026-11-18", "last:7d"):
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
