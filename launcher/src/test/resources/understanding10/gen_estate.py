#!/usr/bin/env python3
"""Deterministic generator for the "Eunsol City Hall" (은솔시청) city-government IT understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids C###, halves "dev14" / "test10") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding9/gen_estate.py (the "Garam International
Airport" set), copied unchanged from event_checks() onwards except three things: resolve_range() also
knows four relative tokens this clock needs (`weekend`, `daysago:N`, `weekday:DDD`, `lastholiday`),
RELATIVE_R lists them, and the days that --summary prints.  The estate, the clock (2030-09-16 12:00
Seoul, a Monday noon, the first working day after the five-day Chuseok break of 2030-09-11..15), the
sampling (hourly from 2030-07-01, every 15 minutes from 2030-09-01 on, and three 5-minute UTC blocks
in May-June 2024, around New Year 2024 and over Seollal 2025 shaped like public AWS CloudWatch EC2 CPU
series), the names, the personas and the questions differ.  See README.md.

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line;
every question line must sit under a `# K<n> ...` persona tag).
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
   weekend (the last Saturday and Sunday) daysago:N (the Seoul day N days before today)
   weekday:mon..sun (the latest such Seoul day before today) lastholiday (the Chuseok break 09-11..09-15)
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
HALVES = ("dev14", "test10")
ID_PREFIX = "C"
TAG_LETTER = "K"
SEED = 20300916
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2030, 9, 16, 12, 0, tzinfo=KST)             # Mon 16 September 2030, 12:00 Seoul = 03:00Z, first workday after Chuseok
M_START = datetime(2030, 7, 1, 0, 0, tzinfo=KST)           # a Monday; hourly samples (a rollup) ...
FINE_START = datetime(2030, 9, 1, 0, 0, tzinfo=KST)        # ... then every 15 minutes from this Sunday
M_END = NOW                                                 # inclusive: the last sample is at 12:00 itself
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=15)
H_STEP = timedelta(minutes=5)
# CloudWatch-like 5-minute cpu_usage blocks (UTC, odd minute offsets like the NAB realAWSCloudwatch files)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("vm20230412b", datetime(2024, 5, 26, 15, 2, tzinfo=UTC), 2592, 11.0, 0.9, 0.007),    # 9 days over the 2024-05-31 local-tax deadline
    ("vm20230915a", datetime(2023, 12, 27, 15, 1, tzinfo=UTC), 2304, 8.0, 0.7, 0.006),    # 8 days over New Year 2024
    ("vm20240311c", datetime(2025, 1, 24, 15, 9, tzinfo=UTC), 3168, 7.0, 0.6, 0.008),     # 11 days over Seollal 2025 (01-27..01-30 off)
]
# Korean public holidays in the main history (treated like a Sunday by the load profiles):
# 광복절 2030-08-15 (Thu); Chuseok 2030-09-11 (Wed), 09-12 (Thu, Chuseok day), 09-13 (Fri); the break runs on to Sun 09-15
HOLIDAYS = {(2030, 8, 15), (2030, 9, 11), (2030, 9, 12), (2030, 9, 13)}
HOLIDAY_BREAK = (datetime(2030, 9, 11, tzinfo=KST), datetime(2030, 9, 16, tzinfo=KST))

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites (location values): cityhall-b2 (본청 지하 2층 전산실), seobu-annex (서부청사), dongbu-annex (동부청사),
# its-center (교통정보센터), dr-annex (재해복구센터)
# --------------------------------------------------------------------------------------
CIS = [
    # network: NET-<year installed>-<nn>
    ("NET-2019-01", "본청 Core-SW", "network", "running", "eunsol-prd", "cityhall-b2", "ict-div", "city hall core|CSW", "10.77.0.1", "core"),
    ("NET-2021-02", "Seobu Annex Switch", "network", "running", "eunsol-prd", "seobu-annex", "ict-div", "서부청사 스위치", "10.77.1.1", "edge"),
    ("NET-2021-03", "동부청사 스위치", "network", "running", "eunsol-prd", "dongbu-annex", "ict-div", "dongbu annex switch", "10.77.2.1", "edge"),
    ("NET-2020-04", "행정망 방화벽", "network", "running", "eunsol-prd", "cityhall-b2", "infosec-div", "AFW|admin firewall", "10.77.0.9", "core"),
    ("NET-2022-05", "ITS Center Router", "network", "running", "eunsol-prd", "its-center", "traffic-div", "교통센터 라우터|TCR", "10.77.3.1", "edge"),
    ("NET-2023-06", "재해복구 라우터", "network", "running", "eunsol-dr", "dr-annex", "ict-div", "dr edge", "10.77.9.1", "dr"),
    # storage: <kind>-<year>-<nn>
    ("san-2022-01", "행정 SAN", "storage", "running", "eunsol-prd", "cityhall-b2", "ict-div", "shared san|공용 SAN", "10.77.0.31", "core"),
    ("nas-2020-02", "교통 CCTV 저장소", "storage", "running", "eunsol-prd", "its-center", "traffic-div", "cctv nas", "10.77.3.31", "its"),
    ("vault-2023-03", "재해복구 백업 저장소", "storage", "running", "eunsol-dr", "dr-annex", "ict-div", "dr vault", "10.77.9.31", "dr"),
    # servers: <role><yy>q<quarter bought>-<nn>; the hypervisors' names are numbers written as words
    ("esx23q2-11", "Host Eleven", "server", "running", "eunsol-prd", "cityhall-b2", "ict-div", "가상화 11호기|host 11", "10.77.10.11", "core"),
    ("esx23q2-12", "Host Twelve", "server", "running", "eunsol-prd", "cityhall-b2", "ict-div", "가상화 12호기|host 12", "10.77.10.12", "core"),
    ("esx24q1-13", "Host Thirteen", "server", "running", "eunsol-prd", "cityhall-b2", "ict-div", "가상화 13호기", "10.77.10.13", "core"),
    ("esx25q1-90", "DR Host Ninety", "server", "running", "eunsol-dr", "dr-annex", "ict-div", "재해복구 호스트", "10.77.9.90", "dr"),
    ("bm21q3-05", "신호 제어 서버", "server", "running", "eunsol-prd", "its-center", "traffic-div", "TSC|signal box", "10.77.3.5", "its"),
    ("bm24q2-07", "AI 상담 GPU 서버", "server", "running", "eunsol-prd", "cityhall-b2", "civil-div", "gpu box", "10.77.10.7", "civil"),
    # vms: vm<provisioning date YYYYMMDD><letter>
    ("vm20230412a", "주민등록 VM", "vm", "running", "eunsol-prd", "cityhall-b2", "civil-div", "RRS VM", "10.77.20.1", "civil"),
    ("vm20230412b", "세금 DB VM", "vm", "running", "eunsol-prd", "cityhall-b2", "tax-div", "tax db box", "10.77.20.2", "tax"),
    ("vm20230413a", "세무 WAS VM", "vm", "running", "eunsol-prd", "cityhall-b2", "tax-div", "tax was", "10.77.20.3", "tax"),
    ("vm20230915a", "민원 포털 VM", "vm", "running", "eunsol-prd", "cityhall-b2", "civil-div", "minwon web vm", "10.77.20.4", "civil"),
    ("vm20240108a", "전자결재 VM", "vm", "running", "eunsol-prd", "cityhall-b2", "ict-div", "e-approval vm", "10.77.20.5", "admin"),
    ("vm20240311c", "대기열 VM", "vm", "running", "eunsol-prd", "cityhall-b2", "welfare-div", "queue vm", "10.77.20.6", "welfare"),
    ("vm20231120a", "복지 VM", "vm", "running", "eunsol-prd", "cityhall-b2", "welfare-div", "welfare vm", "10.77.20.7", "welfare"),
    ("vm20220630a", "여권 VM", "vm", "running", "eunsol-prd", "cityhall-b2", "civil-div", "passport box", "10.77.20.8", "civil"),
    ("vm20240520a", "서부청사 키오스크 VM", "vm", "running", "eunsol-prd", "seobu-annex", "civil-div", "seobu kiosk vm", "10.77.21.1", "civil"),
    ("vm20241002a", "개발 빌드 서버", "vm", "maintenance", "eunsol-dev", "cityhall-b2", "ict-div", "build vm", "10.77.30.1", "dev"),
    ("vm20190101z", "구 홈페이지 VM", "vm", "stopped", "eunsol-dev", "cityhall-b2", "ict-div", "old homepage vm", "10.77.30.2", "dev"),
    # databases: <romanised system>.<engine><major version>
    ("jumin.ora19", "주민등록 DB", "database", "running", "eunsol-prd", "cityhall-b2", "civil-div", "RRS DB|resident db", "10.77.20.101", "civil"),
    ("semu.pg16", "세금 DB-1", "database", "running", "eunsol-prd", "cityhall-b2", "tax-div", "Tax Database|TDB", "10.77.20.102", "tax"),
    ("semudr.pg16", "세금 DB-2", "database", "running", "eunsol-dr", "dr-annex", "tax-div", "TDB replica", "10.77.9.102", "dr"),
    ("minwon.my8", "민원 DB", "database", "running", "eunsol-prd", "cityhall-b2", "civil-div", "petition db", "10.77.20.104", "civil"),
    ("bokji.ora19", "복지 DB", "database", "running", "eunsol-prd", "cityhall-b2", "welfare-div", "welfare database", "10.77.20.105", "welfare"),
    ("yeogwon.pg15", "여권 DB", "database", "running", "eunsol-prd", "cityhall-b2", "civil-div", "", "10.77.20.106", "civil"),
    ("gyotong.pg14", "교통 이력 DB", "database", "running", "eunsol-prd", "its-center", "traffic-div", "traffic history db", "10.77.3.101", "its"),
    # apps: <romanised system>-r<release YYMM>
    ("minwon-r2409", "민원 포털", "app", "running", "eunsol-prd", "cityhall-b2", "civil-div", "civil portal|Minwon Portal", "10.77.40.1", "civil"),
    ("mag-r2411", "민원 API 게이트웨이", "app", "running", "eunsol-prd", "cityhall-b2", "civil-div", "MAG|civil api gateway", "10.77.40.2", "civil"),
    ("minwonplus-r2501", "Minwon+", "app", "running", "eunsol-prd", "cityhall-b2", "civil-div", "민원플러스|citizen app", "10.77.40.3", "civil"),
    ("search-r2408", "Search+", "app", "running", "eunsol-prd", "cityhall-b2", "ict-div", "통합검색|site search", "10.77.40.4", "admin"),
    ("cms-r2406", "City Web", "app", "running", "eunsol-prd", "cityhall-b2", "ict-div", "시 홈페이지|homepage", "10.77.40.5", "admin"),
    ("jumin-r2310", "주민등록 시스템", "app", "running", "eunsol-prd", "cityhall-b2", "civil-div", "RRS", "10.77.40.6", "civil"),
    ("semu-r2502", "지방세 시스템", "app", "running", "eunsol-prd", "cityhall-b2", "tax-div", "LTS|local tax system", "10.77.40.7", "tax"),
    ("jeongsan-r2412", "정산", "app", "running", "eunsol-prd", "cityhall-b2", "tax-div", "payment settlement", "10.77.40.8", "tax"),
    ("sewoe-r2201", "세외수입 연계", "app", "error", "eunsol-prd", "cityhall-b2", "tax-div", "", "10.77.40.9", "tax"),
    ("gwataeryo-r2105", "C# 과태료 엔진", "app", "running", "eunsol-prd", "cityhall-b2", "traffic-div", "fines engine", "10.77.40.10", "its"),
    ("gyeoljae-r2403", "전자결재", "app", "running", "eunsol-prd", "cityhall-b2", "ict-div", "e-Approval", "10.77.40.11", "admin"),
    ("daegiyeol-r2501", "대기열", "app", "running", "eunsol-prd", "cityhall-b2", "welfare-div", "waiting room", "10.77.40.12", "welfare"),
    ("bojo-r2408", "보조금 신청", "app", "running", "eunsol-prd", "cityhall-b2", "welfare-div", "grant portal", "10.77.40.13", "welfare"),
    ("yeogwon-r2307", "여권 발급", "app", "running", "eunsol-prd", "cityhall-b2", "civil-div", "passport issuance", "10.77.40.14", "civil"),
    ("kioskw-r2406", "서부청사 무인민원발급기", "app", "running", "eunsol-prd", "seobu-annex", "civil-div", "seobu kiosk", "10.77.41.1", "civil"),
    ("kioske-r2406", "동부청사 무인민원발급기", "app", "running", "eunsol-prd", "dongbu-annex", "civil-div", "dongbu kiosk", "10.77.42.1", "civil"),
    ("sinho-r2311", "신호 제어", "app", "running", "eunsol-prd", "its-center", "traffic-div", "signal control", "10.77.3.50", "its"),
    ("jaenan-r2409", "재난문자 발송", "app", "running", "eunsol-prd", "cityhall-b2", "safety-div", "disaster sms|CBS sender", "10.77.40.15", "safety"),
    ("chatbot-r2412", "AI 민원 상담", "app", "running", "eunsol-prd", "cityhall-b2", "civil-div", "챗봇|chatbot", "10.77.40.16", "civil"),
    # load balancers: VIP-<side>-<year>
    ("VIP-OUT-2024", "인터넷망 L7", "load_balancer", "running", "eunsol-prd", "cityhall-b2", "ict-div", "public l7", "10.77.0.80", "core"),
    ("VIP-IN-2024", "행정망 L7", "load_balancer", "running", "eunsol-prd", "cityhall-b2", "ict-div", "intranet l7", "10.77.0.81", "core"),
    # services: civ-<word>
    ("civ-minwon", "민원 서비스", "service", "running", "eunsol-prd", "cityhall-b2", "civil-div", "civil petition service", "", "civil"),
    ("civ-tax", "지방세 납부", "service", "running", "eunsol-prd", "cityhall-b2", "tax-div", "local tax payment", "", "tax"),
    ("civ-welfare", "복지 지원", "service", "running", "eunsol-prd", "cityhall-b2", "welfare-div", "welfare support", "", "welfare"),
    ("civ-traffic", "Smart Traffic", "service", "running", "eunsol-prd", "its-center", "traffic-div", "스마트 교통", "", "its"),
    ("civ-safety", "재난 안전 알림", "service", "running", "eunsol-prd", "cityhall-b2", "safety-div", "disaster alerts", "", "safety"),
    ("civ-admin", "내부 행정", "service", "running", "eunsol-prd", "cityhall-b2", "ict-div", "back office", "", "admin"),
    ("civ-passport", "여권 민원", "service", "running", "eunsol-prd", "cityhall-b2", "civil-div", "passport service", "", "civil"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network: the annexes, the firewall, the ITS centre and the DR router uplink to the core
    ("NET-2021-02", "CONNECTS_TO", "NET-2019-01"),
    ("NET-2021-03", "CONNECTS_TO", "NET-2019-01"),
    ("NET-2020-04", "CONNECTS_TO", "NET-2019-01"),
    ("NET-2022-05", "CONNECTS_TO", "NET-2020-04"),
    ("NET-2023-06", "CONNECTS_TO", "NET-2019-01"),
    ("esx23q2-11", "CONNECTS_TO", "NET-2019-01"),
    ("esx23q2-12", "CONNECTS_TO", "NET-2019-01"),
    ("esx24q1-13", "CONNECTS_TO", "NET-2019-01"),
    ("bm24q2-07", "CONNECTS_TO", "NET-2019-01"),
    ("san-2022-01", "CONNECTS_TO", "NET-2019-01"),
    ("bm21q3-05", "CONNECTS_TO", "NET-2022-05"),
    ("nas-2020-02", "CONNECTS_TO", "NET-2022-05"),
    ("esx25q1-90", "CONNECTS_TO", "NET-2023-06"),
    ("vault-2023-03", "CONNECTS_TO", "NET-2023-06"),
    # hypervisors -> vms (Host Eleven: HOSTS plus one RUNS_ON; Host Twelve: RUNS_ON only; Host Thirteen: both)
    ("esx23q2-11", "HOSTS", "vm20230412a"),
    ("esx23q2-11", "HOSTS", "vm20230412b"),
    ("esx23q2-11", "HOSTS", "vm20230413a"),
    ("vm20230412a", "RUNS_ON", "esx23q2-11"),
    ("vm20190101z", "RUNS_ON", "esx23q2-11"),
    ("vm20230915a", "RUNS_ON", "esx23q2-12"),
    ("vm20240108a", "RUNS_ON", "esx23q2-12"),
    ("vm20220630a", "RUNS_ON", "esx23q2-12"),
    ("vm20240520a", "RUNS_ON", "esx23q2-12"),
    ("esx24q1-13", "HOSTS", "vm20240311c"),
    ("esx24q1-13", "HOSTS", "vm20231120a"),
    ("vm20241002a", "RUNS_ON", "esx24q1-13"),
    ("vm20230412a", "DEPENDS_ON", "san-2022-01"),
    ("vm20230412b", "DEPENDS_ON", "san-2022-01"),
    # databases (the tax replica runs on the DR host, the traffic history DB on the signal server)
    ("jumin.ora19", "RUNS_ON", "vm20230412a"),
    ("semu.pg16", "RUNS_ON", "vm20230412b"),
    ("minwon.my8", "RUNS_ON", "vm20230915a"),
    ("bokji.ora19", "RUNS_ON", "vm20231120a"),
    ("yeogwon.pg15", "RUNS_ON", "vm20220630a"),
    ("semudr.pg16", "RUNS_ON", "esx25q1-90"),
    ("gyotong.pg14", "RUNS_ON", "bm21q3-05"),
    ("jumin.ora19", "DEPENDS_ON", "san-2022-01"),
    ("semu.pg16", "DEPENDS_ON", "san-2022-01"),
    ("semudr.pg16", "DEPENDS_ON", "semu.pg16"),
    ("semudr.pg16", "DEPENDS_ON", "vault-2023-03"),
    ("gyotong.pg14", "DEPENDS_ON", "nas-2020-02"),
    # apps on vms, on bare metal and one container straight on a hypervisor
    ("minwon-r2409", "RUNS_ON", "vm20230915a"),
    ("mag-r2411", "RUNS_ON", "vm20230915a"),
    ("minwonplus-r2501", "RUNS_ON", "vm20230915a"),
    ("search-r2408", "RUNS_ON", "vm20230915a"),
    ("cms-r2406", "RUNS_ON", "vm20240108a"),
    ("gyeoljae-r2403", "RUNS_ON", "vm20240108a"),
    ("jumin-r2310", "RUNS_ON", "vm20230412a"),
    ("semu-r2502", "RUNS_ON", "vm20230413a"),
    ("jeongsan-r2412", "RUNS_ON", "vm20230413a"),
    ("sewoe-r2201", "RUNS_ON", "vm20230413a"),
    ("gwataeryo-r2105", "RUNS_ON", "vm20230413a"),
    ("daegiyeol-r2501", "RUNS_ON", "vm20240311c"),
    ("bojo-r2408", "RUNS_ON", "vm20231120a"),
    ("yeogwon-r2307", "RUNS_ON", "vm20220630a"),
    ("kioskw-r2406", "RUNS_ON", "vm20240520a"),
    ("kioske-r2406", "RUNS_ON", "vm20240520a"),
    ("sinho-r2311", "RUNS_ON", "bm21q3-05"),
    ("chatbot-r2412", "RUNS_ON", "bm24q2-07"),
    ("jaenan-r2409", "RUNS_ON", "esx24q1-13"),
    # app dependencies
    ("minwon-r2409", "DEPENDS_ON", "mag-r2411"),
    ("minwon-r2409", "DEPENDS_ON", "minwon.my8"),
    ("mag-r2411", "DEPENDS_ON", "jumin-r2310"),
    ("mag-r2411", "DEPENDS_ON", "semu-r2502"),
    ("mag-r2411", "DEPENDS_ON", "minwon.my8"),
    ("minwonplus-r2501", "DEPENDS_ON", "mag-r2411"),
    ("minwonplus-r2501", "DEPENDS_ON", "search-r2408"),
    ("search-r2408", "DEPENDS_ON", "cms-r2406"),
    ("jumin-r2310", "DEPENDS_ON", "jumin.ora19"),
    ("semu-r2502", "DEPENDS_ON", "semu.pg16"),
    ("semu-r2502", "DEPENDS_ON", "jumin-r2310"),
    ("jeongsan-r2412", "DEPENDS_ON", "semu.pg16"),
    ("jeongsan-r2412", "DEPENDS_ON", "semu-r2502"),
    ("sewoe-r2201", "DEPENDS_ON", "semu.pg16"),
    ("sewoe-r2201", "CONNECTS_TO", "NET-2020-04"),
    ("gwataeryo-r2105", "DEPENDS_ON", "gyotong.pg14"),
    ("gwataeryo-r2105", "DEPENDS_ON", "semu-r2502"),
    ("gyeoljae-r2403", "DEPENDS_ON", "jumin-r2310"),
    ("daegiyeol-r2501", "DEPENDS_ON", "bojo-r2408"),
    ("bojo-r2408", "DEPENDS_ON", "bokji.ora19"),
    ("bojo-r2408", "DEPENDS_ON", "jumin-r2310"),
    ("yeogwon-r2307", "DEPENDS_ON", "yeogwon.pg15"),
    ("yeogwon-r2307", "DEPENDS_ON", "jumin-r2310"),
    ("kioskw-r2406", "DEPENDS_ON", "mag-r2411"),
    ("kioskw-r2406", "CONNECTS_TO", "NET-2021-02"),
    ("kioske-r2406", "DEPENDS_ON", "mag-r2411"),
    ("kioske-r2406", "CONNECTS_TO", "NET-2021-03"),
    ("sinho-r2311", "DEPENDS_ON", "gyotong.pg14"),
    ("sinho-r2311", "CONNECTS_TO", "NET-2022-05"),
    ("jaenan-r2409", "DEPENDS_ON", "cms-r2406"),
    ("jaenan-r2409", "CONNECTS_TO", "NET-2020-04"),
    ("chatbot-r2412", "DEPENDS_ON", "search-r2408"),
    ("chatbot-r2412", "DEPENDS_ON", "minwon.my8"),
    # load balancers
    ("VIP-OUT-2024", "CONNECTS_TO", "minwon-r2409"),
    ("VIP-OUT-2024", "CONNECTS_TO", "mag-r2411"),
    ("VIP-OUT-2024", "CONNECTS_TO", "cms-r2406"),
    ("VIP-OUT-2024", "CONNECTS_TO", "daegiyeol-r2501"),
    ("VIP-IN-2024", "CONNECTS_TO", "gyeoljae-r2403"),
    ("VIP-IN-2024", "CONNECTS_TO", "jumin-r2310"),
    ("VIP-IN-2024", "CONNECTS_TO", "semu-r2502"),
    # services
    ("civ-minwon", "DEPENDS_ON", "minwon-r2409"),
    ("civ-minwon", "DEPENDS_ON", "minwonplus-r2501"),
    ("civ-minwon", "DEPENDS_ON", "kioskw-r2406"),
    ("civ-minwon", "DEPENDS_ON", "kioske-r2406"),
    ("civ-minwon", "DEPENDS_ON", "chatbot-r2412"),
    ("civ-minwon", "DEPENDS_ON", "VIP-OUT-2024"),
    ("civ-tax", "DEPENDS_ON", "semu-r2502"),
    ("civ-tax", "DEPENDS_ON", "jeongsan-r2412"),
    ("civ-tax", "DEPENDS_ON", "sewoe-r2201"),
    ("civ-welfare", "DEPENDS_ON", "bojo-r2408"),
    ("civ-welfare", "DEPENDS_ON", "daegiyeol-r2501"),
    ("civ-traffic", "DEPENDS_ON", "sinho-r2311"),
    ("civ-traffic", "DEPENDS_ON", "gwataeryo-r2105"),
    ("civ-safety", "DEPENDS_ON", "jaenan-r2409"),
    ("civ-safety", "DEPENDS_ON", "cms-r2406"),
    ("civ-admin", "DEPENDS_ON", "gyeoljae-r2403"),
    ("civ-admin", "DEPENDS_ON", "jumin-r2310"),
    ("civ-admin", "DEPENDS_ON", "VIP-IN-2024"),
    ("civ-passport", "DEPENDS_ON", "yeogwon-r2307"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: office (civil servants: weekdays 09-18, near idle on days off, +25 % on the first workday after the
#           Chuseok break), citizen (citizens' web and app: 08-23 plateau, a 21:00 bump, busier on days off),
#           traffic (commute peaks 08:00 and 18:00 every day, +30 % on the holiday travel days 09-10, 09-14, 09-15),
#           batch (night batch 01:00-04:00), flat
METRIC_PLAN = {
    "esx23q2-11": {"cpu_usage": (46, 0.45, 2.0, "office"), "mem_usage": (72, 0.05, 1.0, "office"), "disk_usage": (51, 0, 0.2, "flat")},
    "esx23q2-12": {"cpu_usage": (41, 0.55, 2.0, "citizen"), "mem_usage": (68, 0.05, 1.0, "citizen"), "disk_usage": (47, 0, 0.2, "flat")},
    "esx24q1-13": {"cpu_usage": (33, 0.50, 1.8, "office"), "mem_usage": (61, 0.05, 1.0, "office"), "disk_usage": (39, 0, 0.2, "flat")},
    "esx25q1-90": {"cpu_usage": (12, 0.20, 0.9, "flat"), "mem_usage": (44, 0.02, 0.8, "flat"), "disk_usage": (36, 0, 0.2, "flat")},
    "bm21q3-05": {"cpu_usage": (29, 0.70, 1.7, "traffic"), "mem_usage": (53, 0.04, 0.9, "traffic"), "disk_usage": (58, 0, 0.2, "flat")},
    "bm24q2-07": {"cpu_usage": (38, 0.60, 2.1, "citizen"), "mem_usage": (64, 0.04, 1.0, "citizen"), "disk_usage": (43, 0, 0.2, "flat")},
    "vm20230412a": {"cpu_usage": (27, 0.70, 1.6, "office"), "mem_usage": (58, 0.04, 0.9, "office"), "disk_usage": (49, 0, 0.2, "flat")},
    "vm20230412b": {"cpu_usage": (31, 0.50, 1.7, "office"), "mem_usage": (76, 0.03, 0.8, "flat"), "disk_usage": (62, 0, 0.2, "flat")},
    "vm20230413a": {"cpu_usage": (24, 0.70, 1.5, "office"), "mem_usage": (55, 0.04, 1.0, "office"), "disk_usage": (37, 0, 0.2, "flat")},
    "vm20230915a": {"cpu_usage": (35, 0.60, 1.9, "citizen"), "mem_usage": (66, 0.04, 1.0, "citizen"), "disk_usage": (45, 0, 0.2, "flat")},
    "vm20240108a": {"cpu_usage": (19, 0.80, 1.4, "office"), "mem_usage": (52, 0.05, 1.0, "office"), "disk_usage": (33, 0, 0.2, "flat")},
    "vm20240311c": {"cpu_usage": (14, 0.60, 1.2, "citizen"), "mem_usage": (41, 0.05, 1.0, "citizen"), "disk_usage": (28, 0, 0.2, "flat")},
    "vm20231120a": {"cpu_usage": (22, 0.70, 1.5, "office"), "mem_usage": (63, 0.04, 0.9, "office"), "disk_usage": (54, 0, 0.2, "flat")},
    "vm20220630a": {"cpu_usage": (17, 0.80, 1.3, "office"), "mem_usage": (48, 0.04, 1.0, "office"), "disk_usage": (41, 0, 0.2, "flat")},
    "vm20240520a": {"cpu_usage": (12, 0.90, 1.1, "office"), "mem_usage": (39, 0.05, 1.0, "office"), "disk_usage": (25, 0, 0.2, "flat")},
    "vm20241002a": {"cpu_usage": (21, 0.50, 1.6, "office"), "mem_usage": (35, 0.03, 1.0, "office"), "disk_usage": (57, 0, 0.2, "flat")},
    "vm20190101z": {"cpu_usage": (9, 0.40, 0.9, "citizen"), "mem_usage": (31, 0.03, 1.0, "flat"), "disk_usage": (71, 0, 0.2, "flat")},
    "jumin.ora19": {"cpu_usage": (34, 0.50, 1.8, "office"), "mem_usage": (69, 0.02, 0.5, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "semu.pg16": {"cpu_usage": (30, 0.55, 1.8, "office"), "mem_usage": (79, 0.02, 0.5, "flat"), "disk_usage": (68, 0, 0.2, "flat")},
    "semudr.pg16": {"cpu_usage": (13, 0.20, 0.9, "flat"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (66, 0, 0.2, "flat")},
    "minwon.my8": {"cpu_usage": (26, 0.60, 1.6, "citizen"), "mem_usage": (73, 0.02, 0.6, "flat"), "disk_usage": (50, 0, 0.2, "flat")},
    "bokji.ora19": {"cpu_usage": (20, 0.60, 1.4, "office"), "mem_usage": (67, 0.02, 0.6, "flat"), "disk_usage": (41, 0, 0.2, "flat")},
    "yeogwon.pg15": {"cpu_usage": (15, 0.70, 1.2, "office"), "mem_usage": (57, 0.02, 0.6, "flat"), "disk_usage": (46, 0, 0.2, "flat")},
    "gyotong.pg14": {"cpu_usage": (23, 0.60, 1.5, "traffic"), "mem_usage": (71, 0.02, 0.6, "flat"), "disk_usage": (52, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "minwon-r2409": {"cpu_usage": (32, 0.60, 1.9, "citizen"), "latency_ms": (240, 0.35, 7.0, "citizen"), "error_rate": (0.18, 0.3, 0.04, "citizen")},
    "mag-r2411": {"cpu_usage": (37, 0.60, 2.0, "citizen"), "latency_ms": (45, 0.40, 1.6, "citizen"), "error_rate": (0.11, 0.3, 0.03, "citizen")},
    "minwonplus-r2501": {"cpu_usage": (25, 0.70, 1.7, "citizen"), "latency_ms": (380, 0.30, 11.0, "citizen"), "error_rate": (0.24, 0.3, 0.05, "citizen")},
    "search-r2408": {"cpu_usage": (28, 0.60, 1.8, "citizen"), "latency_ms": (520, 0.30, 14.0, "citizen"), "error_rate": (0.13, 0.3, 0.03, "citizen")},
    "cms-r2406": {"cpu_usage": (16, 0.60, 1.3, "citizen"), "latency_ms": (170, 0.30, 5.0, "citizen"), "error_rate": (0.06, 0.3, 0.015, "citizen")},
    "jumin-r2310": {"cpu_usage": (30, 0.60, 1.8, "office"), "latency_ms": (130, 0.40, 4.0, "office"), "error_rate": (0.09, 0.3, 0.02, "office")},
    "semu-r2502": {"cpu_usage": (34, 0.60, 1.9, "office"), "latency_ms": (290, 0.30, 8.0, "office"), "error_rate": (0.15, 0.3, 0.03, "office")},
    "jeongsan-r2412": {"cpu_usage": (21, 0.60, 1.5, "batch"), "latency_ms": (410, 0.30, 12.0, "batch"), "error_rate": (0.12, 0.3, 0.03, "batch")},
    "sewoe-r2201": {"cpu_usage": (7, 0.50, 0.8, "office"), "latency_ms": (1650, 0.20, 40.0, "office"), "error_rate": (0.35, 0.3, 0.05, "office")},
    "gwataeryo-r2105": {"cpu_usage": (11, 0.60, 1.0, "office"), "latency_ms": (760, 0.30, 18.0, "office"), "error_rate": (0.21, 0.3, 0.04, "office")},
    "gyeoljae-r2403": {"cpu_usage": (18, 0.80, 1.4, "office"), "latency_ms": (210, 0.30, 6.0, "office"), "error_rate": (0.05, 0.2, 0.01, "office")},
    "daegiyeol-r2501": {"cpu_usage": (9, 0.60, 0.9, "citizen"), "latency_ms": (60, 0.30, 2.0, "citizen"), "error_rate": (0.03, 0.2, 0.01, "citizen")},
    "bojo-r2408": {"cpu_usage": (15, 0.70, 1.2, "office"), "latency_ms": (560, 0.30, 14.0, "office"), "error_rate": (0.19, 0.3, 0.04, "office")},
    "yeogwon-r2307": {"cpu_usage": (13, 0.80, 1.2, "office"), "latency_ms": (880, 0.30, 20.0, "office"), "error_rate": (0.27, 0.3, 0.05, "office")},
    "kioskw-r2406": {"cpu_usage": (6, 0.90, 0.7, "office"), "latency_ms": (1120, 0.30, 26.0, "office"), "error_rate": (0.31, 0.3, 0.05, "office")},
    "kioske-r2406": {"cpu_usage": (5, 0.90, 0.6, "office"), "latency_ms": (1040, 0.30, 24.0, "office"), "error_rate": (0.29, 0.3, 0.05, "office")},
    "sinho-r2311": {"cpu_usage": (26, 0.60, 1.7, "traffic"), "latency_ms": (85, 0.30, 2.5, "traffic"), "error_rate": (0.07, 0.3, 0.02, "traffic")},
    "jaenan-r2409": {"cpu_usage": (4, 0.30, 0.5, "flat"), "latency_ms": (150, 0.20, 4.0, "flat"), "error_rate": (0.04, 0.2, 0.01, "flat")},
    "chatbot-r2412": {"cpu_usage": (43, 0.50, 2.1, "citizen"), "latency_ms": (1480, 0.25, 35.0, "citizen"), "error_rate": (0.41, 0.3, 0.06, "citizen")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "vm20190101z": datetime(2030, 7, 15, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}
TRAVEL_DAYS = {(2030, 9, 10), (2030, 9, 14), (2030, 9, 15)}


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
    back = (t.year, t.month, t.day) == (2030, 9, 16)               # first workday after the Chuseok break
    if kind == "office":
        if off:
            return 0.05
        if sat:
            return 0.1
        v = math.exp(-((h - 13.5) / 3.0) ** 2)
        return v * 1.25 if back else v
    if kind == "citizen":
        plateau = 1.0 / (1 + math.exp(-(h - 8.0) * 1.5)) * 1.0 / (1 + math.exp((h - 23.0) * 1.5))
        bump = math.exp(-(circ(h, 21.0) / 1.5) ** 2)
        v = 0.1 + (0.55 if (off or sat) else 0.45) * plateau + 0.35 * bump
        return v * 1.15 if back else v
    if kind == "traffic":
        peaks = max(math.exp(-(circ(h, 8.0) / 1.3) ** 2), math.exp(-(circ(h, 18.0) / 1.6) ** 2))
        v = 0.15 + 0.75 * peaks if not (off or sat) else 0.3 + 0.4 * math.exp(-((h - 14.0) / 4.0) ** 2)
        if (t.year, t.month, t.day) in TRAVEL_DAYS:
            v *= 1.3
        return v
    if kind == "batch":
        return 0.1 + 0.9 * math.exp(-(circ(h, 2.5) / 1.1) ** 2)
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
    # level shift: resident-registration DB memory after the merged-district change, from Mon 2030-07-01 09:00
    if code == "jumin.ora19" and metric == "mem_usage" and ts >= kst(2030, 7, 1, 9):
        v += 10.0
    # growth: traffic history DB disk over the whole history (signal logs kept a year)
    if code == "gyotong.pg14" and metric == "disk_usage":
        v += 31.0 * ramp(ts, M_START, M_END)
    # 1. property-tax deadline, Wed 2030-07-31 20:00-23:00: settlement slow (index 15:00, 정산 3.4.0 at 16:30)
    if within(ts, kst(2030, 7, 31, 20), kst(2030, 7, 31, 23)):
        if code == "jeongsan-r2412" and metric == "latency_ms":
            v *= 5.0
        if code == "jeongsan-r2412" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "semu.pg16" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.7)
        if code == "semu-r2502" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 2. heavy rain, Tue 2030-08-13 04:00-06:30: disaster SMS late (firewall rule 01:30, 재난문자 발송 4.2 at 02:30)
    if within(ts, kst(2030, 8, 13, 4), kst(2030, 8, 13, 6, 30)):
        if code == "jaenan-r2409" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "jaenan-r2409" and metric == "latency_ms":
            v *= 4.0
        if code == "esx24q1-13" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "cms-r2406" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # growth: welfare DB disk after the subsidy intake opened, Mon 2030-08-26 09:00
    if code == "bokji.ora19" and metric == "disk_usage":
        v += 29.0 * ramp(ts, kst(2030, 8, 26, 9), M_END)
    # 3. subsidy intake, Mon 2030-08-26 09:00-11:00: the waiting room stuck (intake opened 05:00, 대기열 2.0 at 06:30)
    if within(ts, kst(2030, 8, 26, 9), kst(2030, 8, 26, 11)):
        if code == "daegiyeol-r2501" and metric == "latency_ms":
            v *= 6.0
        if code == "daegiyeol-r2501" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "vm20240311c" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.6)
        if code == "bojo-r2408" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # 4. Chuseok departures, Tue 2030-09-10 17:00-20:00: signal control slow (timing plan 12:30, 신호 제어 5.1 at 15:00)
    if within(ts, kst(2030, 9, 10, 17), kst(2030, 9, 10, 20)):
        if code == "sinho-r2311" and metric == "latency_ms":
            v *= 5.0
        if code == "sinho-r2311" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "bm21q3-05" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.7)
        if code == "gyotong.pg14" and metric == "cpu_usage":
            v += 30
    # 5. last Chuseok holiday, Fri 2030-09-13 10:00-13:00: Minwon+ slow (gateway limit 07:30, Minwon+ 6.2 at 08:00)
    if within(ts, kst(2030, 9, 13, 10), kst(2030, 9, 13, 13)):
        if code == "minwonplus-r2501" and metric == "latency_ms":
            v *= 4.0
        if code == "minwonplus-r2501" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "mag-r2411" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.7)
        if code == "search-r2408" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # dev build server in maintenance from Sat 2030-09-14 09:00: idle
    if code == "vm20241002a" and metric == "cpu_usage" and ts >= kst(2030, 9, 14, 9):
        v = 2 + rng.gauss(0, 0.3)
    # 6. first workday after the break, from Mon 2030-09-16 09:00, ongoing: certificates fail (DB pool 06:00, 민원 포털 9.0 at 07:30)
    if ts >= kst(2030, 9, 16, 9):
        if code == "minwon-r2409" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "minwon-r2409" and metric == "latency_ms":
            v *= 3.0
        if code == "minwon.my8" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.7)
        if code == "kioskw-r2406" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Hourly samples (an older rollup) from M_START, every 15 minutes from FINE_START up to and including NOW."""
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
            # tax DB VM: Fri 2024-05-31 20:00-23:30 Seoul = 11:00-14:30Z, the last evening before the local-tax deadline
            if code == "vm20230412b" and datetime(2024, 5, 31, 11, tzinfo=UTC) <= t < datetime(2024, 5, 31, 14, 30, tzinfo=UTC):
                v = 86 + rng.gauss(0, 1.3)
            # tax DB VM: the deadline day's office hours 09:00-18:00 Seoul (00:00-09:00Z) +9
            if code == "vm20230412b" and datetime(2024, 5, 31, 0, tzinfo=UTC) <= t < datetime(2024, 5, 31, 9, tzinfo=UTC):
                v += 9.0
            # portal VM: Tue 2024-01-02 09:00-11:00 Seoul = 00:00-02:00Z, the first workday of 2024 (certificates)
            if code == "vm20230915a" and datetime(2024, 1, 2, 0, tzinfo=UTC) <= t < datetime(2024, 1, 2, 2, tzinfo=UTC):
                v = 80 + rng.gauss(0, 1.2)
            # portal VM: a level shift from 2024-01-02 00:00 Seoul (2024-01-01 15:00Z), the new-year certificate forms
            if code == "vm20230915a" and t >= datetime(2024, 1, 1, 15, tzinfo=UTC):
                v += 5.0
            # queue VM: Seollal 2025 break (Seoul days 01-25..01-30) -2
            if code == "vm20240311c" and datetime(2025, 1, 24, 15, tzinfo=UTC) <= t < datetime(2025, 1, 30, 15, tzinfo=UTC):
                v -= 2.0
            # queue VM: Mon 2025-02-03 08:30-10:00 Seoul = 2025-02-02 23:30Z - 02-03 01:00Z, the first morning after Seollal
            if code == "vm20240311c" and datetime(2025, 2, 2, 23, 30, tzinfo=UTC) <= t < datetime(2025, 2, 3, 1, tzinfo=UTC):
                v = 90 + rng.gauss(0, 1.1)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    # (ts, code, type, severity, title, detail)
    (kst(2030, 7, 1, 9, 0), "jumin.ora19", "change", "info", "주민등록 DB 하반기 행정동 통합 적용", "CHG-300701 merged districts"),
    (kst(2030, 7, 15, 18, 0), "vm20190101z", "change", "info", "구 홈페이지 VM 전원 종료 (구 홈페이지 폐기)", "CHG-300715 powered off"),
    (kst(2030, 7, 22, 2, 0), "san-2022-01", "change", "info", "행정 SAN 펌웨어 업그레이드", "CHG-300722 non-disruptive"),
    # 1. property-tax deadline, Wed 07-31
    (kst(2030, 7, 31, 15, 0), "semu.pg16", "change", "info", "세금 DB-1 납부내역 인덱스 추가", "CHG-300731 online index"),
    (kst(2030, 7, 31, 16, 30), "jeongsan-r2412", "deploy", "info", "정산 3.4.0 배포", "release 3.4.0"),
    (kst(2030, 7, 31, 20, 5), "semu.pg16", "alert", "major", "Tax Database CPU over 90%", "cpu_usage 94%"),
    (kst(2030, 7, 31, 20, 10), "jeongsan-r2412", "incident", "critical", "재산세 납부 마감일 정산 지연", "INC-300731-01 payments queued 40 min"),
    (kst(2030, 7, 31, 23, 10), "jeongsan-r2412", "change", "info", "정산 3.3.2 롤백", "rollback; queue drained 23:40"),
    # 2. heavy rain, Tue 08-13
    (kst(2030, 8, 13, 1, 30), "NET-2020-04", "change", "info", "행정망 방화벽 정책 변경 (이통사 연동 경로)", "CHG-300813 new carrier route"),
    (kst(2030, 8, 13, 2, 30), "jaenan-r2409", "deploy", "info", "재난문자 발송 4.2 배포", "release 4.2"),
    (kst(2030, 8, 13, 4, 10), "jaenan-r2409", "incident", "critical", "집중호우 재난문자 발송 지연", "INC-300813-01 alerts 25 min late"),
    (kst(2030, 8, 13, 6, 40), "jaenan-r2409", "change", "info", "재난문자 발송 4.1.5 롤백", "rollback; queue flushed"),
    # 3. subsidy intake, Mon 08-26
    (kst(2030, 8, 26, 5, 0), "bojo-r2408", "change", "info", "보조금 신청 접수 오픈 설정", "CHG-300826 intake opens 09:00"),
    (kst(2030, 8, 26, 6, 30), "daegiyeol-r2501", "deploy", "info", "대기열 2.0 배포", "release 2.0"),
    (kst(2030, 8, 26, 9, 5), "daegiyeol-r2501", "incident", "major", "지원금 신청 대기열 멈춤", "INC-300826-01 waiting room stuck at 0 %"),
    (kst(2030, 8, 26, 11, 10), "daegiyeol-r2501", "change", "info", "대기열 1.9.3 롤백", "rollback; entries resumed"),
    (kst(2030, 9, 2, 10, 0), "nas-2020-02", "alert", "minor", "교통 CCTV 저장소 용량 80% 초과", "volume 81%"),
    (kst(2030, 9, 5, 14, 0), "bm24q2-07", "change", "info", "AI 상담 GPU 드라이버 업데이트", "CHG-300905 driver update"),
    # 4. Chuseok departures, Tue 09-10
    (kst(2030, 9, 10, 12, 30), "sinho-r2311", "change", "info", "신호 제어 귀성 시간대 패턴 적용", "CHG-300910 holiday timing plan"),
    (kst(2030, 9, 10, 15, 0), "sinho-r2311", "deploy", "info", "신호 제어 5.1 배포", "release 5.1"),
    (kst(2030, 9, 10, 17, 10), "sinho-r2311", "incident", "major", "추석 귀성길 신호 연동 지연", "INC-300910-01 corridor sync lost"),
    (kst(2030, 9, 10, 20, 15), "sinho-r2311", "change", "info", "신호 제어 5.0.4 롤백", "rollback; corridor in sync"),
    # 5. last Chuseok holiday, Fri 09-13
    (kst(2030, 9, 13, 7, 30), "mag-r2411", "change", "info", "민원 API 게이트웨이 처리 한도 상향 (연휴)", "CHG-300913 limit x2"),
    (kst(2030, 9, 13, 8, 0), "minwonplus-r2501", "deploy", "info", "Minwon+ 6.2 배포 (연휴 병원·약국 안내)", "release 6.2"),
    (kst(2030, 9, 13, 10, 5), "minwonplus-r2501", "incident", "major", "추석 연휴 Minwon+ 응답 지연", "INC-300913-01 pharmacy map 9 s"),
    (kst(2030, 9, 13, 13, 20), "minwonplus-r2501", "change", "info", "Minwon+ 6.1.8 롤백", "rollback; map under 1 s"),
    (kst(2030, 9, 14, 3, 0), "esx24q1-13", "change", "info", "Host Thirteen 보안 패치", "CHG-300914 rolling; live migration"),
    (kst(2030, 9, 14, 9, 0), "vm20241002a", "change", "info", "개발 빌드 서버 점검 모드 전환", "CHG-300914B maintenance"),
    (kst(2030, 9, 15, 21, 30), "VIP-OUT-2024", "alert", "minor", "인터넷망 L7 5xx over 2%", "2.3% for 5 min"),
    # 6. first workday after the break, Mon 09-16 (today), ongoing
    (kst(2030, 9, 16, 6, 0), "minwon.my8", "change", "info", "민원 DB 커넥션 풀 설정 변경", "CHG-300916 max connections 800"),
    (kst(2030, 9, 16, 7, 30), "minwon-r2409", "deploy", "info", "민원 포털 9.0 배포", "release 9.0"),
    (kst(2030, 9, 16, 9, 10), "minwon-r2409", "incident", "critical", "연휴 후 첫 출근일 증명서 발급 오류", "INC-300916-01 certificate issuance fails"),
    (kst(2030, 9, 16, 11, 40), "minwon.my8", "alert", "major", "민원 DB CPU over 90%", "cpu_usage 91%"),
]

BUILD_APPS = ["minwon-r2409", "mag-r2411", "minwonplus-r2501", "semu-r2502", "bojo-r2408", "chatbot-r2412", "cms-r2406"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines, 09-03 .. 09-15 (01:00-03:45; none after now)
    day = kst(2030, 9, 3)
    n = 0
    while day < kst(2030, 9, 16):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{300 + n} {'passed' if ok else 'failed'}"
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
    if tok == "lastholiday":         # the Chuseok break that ended before today (지난 연휴)
        return HOLIDAY_BREAK
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
              "weekend", "daysago:", "weekday:", "lastholiday")
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "thisyear", "lastyear", "weekend", "daysago:3", "weekday:fri", "lastholiday", "day:2030-09-15", "day:2030-09-13", "day:2030-09-12", "day:2030-09-10", "day:2030-08-26", "day:2030-08-13", "day:2030-07-31", "month:2030-07", "month:2030-08", "last:7d", "last:30d"):
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
