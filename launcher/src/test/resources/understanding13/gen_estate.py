#!/usr/bin/env python3
"""Deterministic generator for the "Yeoul Public Broadcasting" (여울공영방송, YPB) playout & newsroom estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids B###, halves "dev17" / "test13") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding12/gen_estate.py (the "Daon Rail" set),
copied unchanged from event_checks() onwards except three things: a location filter value may
write a space as '+' (this estate's locations have spaces: `loc=London+Bureau`), the OB van's
server counts as stale after its last outside broadcast (STOPPED_AT), and the ranges that --summary
prints.  The estate, the clock (Friday 2034-12-22 22:40 Seoul, the evening before the Christmas
long weekend, with an incident ongoing), the sampling (hourly from 2034-10-01, every 10 minutes
from Monday 2034-12-11, every minute from 19:40 tonight, irregular samples from the OB van, and
two 5-minute UTC blocks shaped like public AWS CloudWatch EC2 CPU series around the general
election night of 12 April 2028 and the World Cup final of 19 July 2026 in New Jersey), the foreign
bureaus on London and New York time across both 2034 daylight-saving changes, the names, the
personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding12/gen_estate.py (persona tags `# B<n> ...`).
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
HALVES = ("dev17", "test13")
ID_PREFIX = "B"
TAG_LETTER = "B"
SEED = 20341222
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2034, 12, 22, 22, 40, tzinfo=KST)          # Fri 22 December 2034, 22:40 Seoul = 13:40Z, before the Christmas long weekend
M_START = datetime(2034, 10, 1, 0, 0, tzinfo=KST)         # a Sunday, the first day of Q4; hourly samples ...
FINE_START = datetime(2034, 12, 11, 0, 0, tzinfo=KST)     # ... every 10 minutes from this Monday ...
MINUTE_START = datetime(2034, 12, 22, 19, 40, tzinfo=KST)  # ... and every minute for the last three hours
M_END = NOW                                                # inclusive: the last sample is at 22:40 itself
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=10)
STEP_FINE = timedelta(minutes=1)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("vm-2052", datetime(2028, 4, 10, 15, 7, tzinfo=UTC), 1152, 9.0, 0.8, 0.006),    # 4 days over the general election night of 2028-04-12
    ("vm-2047", datetime(2026, 7, 17, 15, 13, tzinfo=UTC), 1440, 14.0, 1.0, 0.006),  # 5 days over the World Cup final (New Jersey, 2026-07-19)
]
# Korean public holidays in the main history (treated like a Sunday): 개천절 Tue 2034-10-03, 한글날 Mon 2034-10-09
HOLIDAYS = {(2034, 10, 3), (2034, 10, 9)}
# the foreign bureaus: London leaves summer time on Sun 2034-10-29 01:00Z, New York on Sun 2034-11-05 06:00Z
LONDON_GMT_FROM = datetime(2034, 10, 29, 1, 0, tzinfo=UTC)
NEWYORK_EST_FROM = datetime(2034, 11, 5, 6, 0, tzinfo=UTC)


def london(ts):
    return ts.astimezone(timezone(timedelta(hours=0 if ts >= LONDON_GMT_FROM else 1)))


def newyork(ts):
    return ts.astimezone(timezone(timedelta(hours=-5 if ts >= NEWYORK_EST_FROM else -4)))


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites (locations with spaces): Yeouido HQ (여의도 본사, master control and the machine room), Ilsan Studios
#        (일산 스튜디오, archive and the OB van base), Namsan TX (남산 송신소), Daejeon DR (대전 재해복구센터),
#        London Bureau (런던 지국), New York Bureau (뉴욕 지국)
# --------------------------------------------------------------------------------------
CIS = [
    # network: Cisco dotted MAC addresses of the management interface
    ("00a0.c9f4.2b17", "Core Switch Yeouido", "network", "running", "ypb-onair", "Yeouido HQ", "it.net", "여의도 코어 스위치|hq core", "10.34.0.1", "core"),
    ("3c08.f61e.9a40", "ST 2110 Media Fabric", "network", "running", "ypb-onair", "Yeouido HQ", "mcr.eng", "미디어 패브릭|2110 fabric", "10.34.0.2", "mcr"),
    ("f4cf.e25d.1177", "Ilsan Studio Switch", "network", "running", "ypb-onair", "Ilsan Studios", "it.net", "일산 스튜디오 스위치", "10.34.8.1", "studio"),
    ("0c42.a1b3.77e0", "남산 송신소 라우터", "network", "running", "ypb-onair", "Namsan TX", "it.net", "namsan tx router", "10.34.9.1", "tx"),
    ("b8ce.f6d0.4a12", "Bureau VPN Gateway", "network", "running", "ypb-onair", "Yeouido HQ", "it.net", "해외지국 VPN|bureau vpn", "10.34.0.9", "bureau"),
    ("6c41.6a0f.d2c3", "DR Router Daejeon", "network", "running", "ypb-dr", "Daejeon DR", "it.net", "대전 DR 라우터", "10.34.30.1", "dr"),
    # storage: 16 hex digits, a Fibre Channel WWN without separators
    ("50060e8012a4f001", "Newsroom Edit Storage", "storage", "running", "ypb-onair", "Yeouido HQ", "news.tech", "뉴스 편집 스토리지|edit nas", "10.34.0.31", "news"),
    ("5000cca26b3e9d40", "Archive Tape Library", "storage", "running", "ypb-onair", "Ilsan Studios", "archive.mam", "아카이브 테이프 라이브러리|lto library", "10.34.8.31", "archive"),
    ("600a098038303053", "DR Object Store", "storage", "running", "ypb-dr", "Daejeon DR", "it.infra", "대전 백업 스토리지|dr s3", "10.34.30.31", "dr"),
    # servers: blade enclosure and bay; the hypervisors carry the names of test signals
    ("enc1-bay01", "Colour Bars", "server", "running", "ypb-onair", "Yeouido HQ", "it.infra", "컬러바 호스트|color bars host", "10.34.1.11", "core"),
    ("enc1-bay02", "Black Burst", "server", "running", "ypb-onair", "Yeouido HQ", "it.infra", "블랙버스트 호스트|black burst host", "10.34.1.12", "core"),
    ("enc1-bay03", "Tri-Level", "server", "running", "ypb-onair", "Yeouido HQ", "it.infra", "트라이레벨 호스트", "10.34.1.13", "core"),
    ("enc4-bay01", "Slate (DR)", "server", "running", "ypb-dr", "Daejeon DR", "it.infra", "DR 호스트|대전 호스트", "10.34.30.14", "dr"),
    ("enc2-bay01", "Playout A", "server", "running", "ypb-onair", "Yeouido HQ", "mcr.eng", "송출서버 A|main chain", "10.34.2.11", "mcr"),
    ("enc2-bay02", "Playout B", "server", "running", "ypb-onair", "Yeouido HQ", "mcr.eng", "송출서버 B|backup chain", "10.34.2.12", "mcr"),
    ("enc3-bay01", "CG Render Node", "server", "running", "ypb-onair", "Yeouido HQ", "gfx.desk", "자막 렌더 서버|graphics box", "10.34.3.11", "graphics"),
    ("enc5-bay01", "OB3 Uplink", "server", "running", "ypb-onair", "Ilsan Studios", "ob.crew", "중계차 3호 송출기|ob van three", "10.34.8.51", "ob"),
    ("enc7-bay01", "London Bureau Edge", "server", "running", "ypb-onair", "London Bureau", "bureau.ops", "런던 지국 서버|london edge", "10.34.71.11", "bureau"),
    ("enc8-bay01", "New York Bureau Edge", "server", "running", "ypb-onair", "New York Bureau", "bureau.ops", "뉴욕 지국 서버|ny edge", "10.34.72.11", "bureau"),
    # vms: vCenter managed-object ids
    ("vm-2041", "NRCS App VM", "vm", "running", "ypb-onair", "Yeouido HQ", "news.tech", "보도정보 VM|newsroom vm", "10.34.20.41", "news"),
    ("vm-2042", "NRCS DB VM", "vm", "running", "ypb-onair", "Yeouido HQ", "it.dba", "보도 DB VM", "10.34.20.42", "news"),
    ("vm-2043", "MAM VM", "vm", "running", "ypb-onair", "Yeouido HQ", "archive.mam", "아카이브 관리 VM|mam vm", "10.34.20.43", "archive"),
    ("vm-2044", "Ingest VM", "vm", "running", "ypb-onair", "Yeouido HQ", "archive.mam", "인제스트 VM|ingest box", "10.34.20.44", "archive"),
    ("vm-2045", "Traffic VM", "vm", "running", "ypb-onair", "Yeouido HQ", "sched.traffic", "광고 편성 VM|traffic vm", "10.34.20.45", "traffic"),
    ("vm-2046", "Web VM", "vm", "running", "ypb-onair", "Yeouido HQ", "digital.web", "홈페이지 VM", "10.34.20.46", "digital"),
    ("vm-2047", "OTT Origin VM", "vm", "running", "ypb-onair", "Yeouido HQ", "digital.ott", "OTT 오리진 VM|origin vm", "10.34.20.47", "digital"),
    ("vm-2048", "Caption VM", "vm", "running", "ypb-onair", "Yeouido HQ", "access.captions", "자막 VM|subtitle vm", "10.34.20.48", "access"),
    ("vm-2049", "SSO VM", "vm", "running", "ypb-onair", "Yeouido HQ", "it.infra", "사내 인증 VM", "10.34.20.49", "core"),
    ("vm-2052", "Election Graphics VM", "vm", "running", "ypb-onair", "Yeouido HQ", "gfx.desk", "선거 그래픽 VM", "10.34.20.52", "graphics"),
    ("vm-2050", "Rehearsal VM", "vm", "maintenance", "ypb-rehearsal", "Yeouido HQ", "news.tech", "리허설 VM|rehearsal box", "10.34.40.50", "rehearsal"),
    ("vm-2051", "Old Weather VM", "vm", "stopped", "ypb-rehearsal", "Yeouido HQ", "gfx.desk", "구 날씨 VM", "10.34.40.51", "rehearsal"),
    # databases: StatefulSet-style <system>db-<ordinal>
    ("nrcsdb-0", "報道 DB", "database", "running", "ypb-onair", "Yeouido HQ", "it.dba", "보도 DB|newsroom db", "10.34.20.101", "news"),
    ("nrcsdb-1", "報道 DB (Standby)", "database", "running", "ypb-dr", "Daejeon DR", "it.dba", "보도 DB 대기|newsroom standby", "10.34.30.101", "dr"),
    ("mamdb-0", "MAM Catalogue", "database", "running", "ypb-onair", "Yeouido HQ", "archive.mam", "아카이브 목록 DB|catalogue db", "10.34.20.102", "archive"),
    ("trafdb-0", "편성 DB", "database", "running", "ypb-onair", "Yeouido HQ", "sched.traffic", "traffic db|schedule db", "10.34.20.103", "traffic"),
    ("capdb-0", "Caption Store", "database", "running", "ypb-onair", "Yeouido HQ", "access.captions", "자막 저장소", "10.34.20.104", "access"),
    ("ottdb-0", "OTT Entitlement DB", "database", "running", "ypb-onair", "Yeouido HQ", "digital.ott", "시청 권한 DB|entitlement db", "10.34.20.105", "digital"),
    ("webdb-0", "CMS DB", "database", "running", "ypb-onair", "Yeouido HQ", "digital.web", "", "10.34.20.106", "digital"),
    # apps: issue-tracker style project keys <KEY>-<three digits>
    ("PLY-101", "1TV Playout", "app", "running", "ypb-onair", "Yeouido HQ", "mcr.eng", "1TV 송출|channel one playout", "10.34.2.101", "mcr"),
    ("PLY-102", "1TV Playout (Backup)", "app", "running", "ypb-onair", "Yeouido HQ", "mcr.eng", "1TV 예비 송출|backup playout", "10.34.2.102", "mcr"),
    ("PLY-103", "24 Live", "app", "running", "ypb-onair", "Yeouido HQ", "mcr.eng", "뉴스24 송출|news channel playout", "10.34.2.103", "mcr"),
    ("NRC-201", "報道 NRCS", "app", "running", "ypb-onair", "Yeouido HQ", "news.tech", "보도정보시스템|newsroom system", "10.34.50.201", "news"),
    ("NRC-202", "Editor's Desk", "app", "running", "ypb-onair", "Yeouido HQ", "news.tech", "기사 데스크|copy desk", "10.34.50.202", "news"),
    ("NRC-204", "News 9", "app", "running", "ypb-onair", "Yeouido HQ", "news.tech", "9시 뉴스 런다운|nine o'clock rundown", "10.34.50.204", "news"),
    ("GFX-301", "CG Engine", "app", "running", "ypb-onair", "Yeouido HQ", "gfx.desk", "자막 CG 엔진|character generator", "10.34.3.101", "graphics"),
    ("GFX-302", "Election Night", "app", "running", "ypb-onair", "Yeouido HQ", "gfx.desk", "선거 개표 그래픽|election graphics", "10.34.3.102", "graphics"),
    ("CCX-401", "Live Captions", "app", "running", "ypb-onair", "Yeouido HQ", "access.captions", "실시간 자막|closed captions", "10.34.50.401", "access"),
    ("MAM-501", "Archive Search", "app", "running", "ypb-onair", "Ilsan Studios", "archive.mam", "아카이브 검색|mam search", "10.34.50.501", "archive"),
    ("MAM-502", "Ingest Hub", "app", "running", "ypb-onair", "Yeouido HQ", "archive.mam", "인제스트 허브|ingest", "10.34.50.502", "archive"),
    ("TRF-601", "編成 Planner", "app", "running", "ypb-onair", "Yeouido HQ", "sched.traffic", "편성 플래너|schedule planner", "10.34.50.601", "traffic"),
    ("TRF-602", "Ad Traffic", "app", "running", "ypb-onair", "Yeouido HQ", "sched.traffic", "광고 운행 관리|commercial traffic", "10.34.50.602", "traffic"),
    ("TRF-603", "As-Run Reconciler", "app", "running", "ypb-onair", "Yeouido HQ", "sched.traffic", "송출 결과 정산|as-run batch", "10.34.50.603", "traffic"),
    ("OTT-701", "7 Day Catch-up", "app", "running", "ypb-onair", "Yeouido HQ", "digital.ott", "다시보기|catch-up tv", "10.34.50.701", "digital"),
    ("OTT-702", "Live Stream Packager", "app", "running", "ypb-onair", "Yeouido HQ", "digital.ott", "라이브 패키저|hls packager", "10.34.50.702", "digital"),
    ("OTT-703", "YPlay App", "app", "error", "ypb-onair", "Yeouido HQ", "digital.ott", "와이플레이 앱|mobile app", "10.34.50.703", "digital"),
    ("WEB-801", "News Website", "app", "running", "ypb-onair", "Yeouido HQ", "digital.web", "뉴스 홈페이지|news site", "10.34.50.801", "digital"),
    ("IDM-901", "Staff SSO", "app", "running", "ypb-onair", "Yeouido HQ", "it.infra", "사내 통합 로그인|sso", "10.34.50.901", "core"),
    ("BUR-951", "London Live Link", "app", "running", "ypb-onair", "London Bureau", "bureau.ops", "런던 생중계 링크|london link", "10.34.71.51", "bureau"),
    ("BUR-952", "New York Live Link", "app", "running", "ypb-onair", "New York Bureau", "bureau.ops", "뉴욕 생중계 링크|ny link", "10.34.72.51", "bureau"),
    # load balancers: NATO spelling words
    ("lb-kilo", "Viewer Edge", "load_balancer", "running", "ypb-onair", "Yeouido HQ", "it.net", "시청자 관문|public lb", "10.34.0.80", "core"),
    ("lb-lima", "Newsroom Edge", "load_balancer", "running", "ypb-onair", "Yeouido HQ", "it.net", "보도국 내부 LB|newsroom lb", "10.34.0.81", "core"),
    # services: call-sign style HLYP-<channel or product>
    ("HLYP-TV1", "YPB 1TV", "service", "running", "ypb-onair", "Yeouido HQ", "mcr.eng", "1TV 방송|channel one", "", "mcr"),
    ("HLYP-N24", "News 24", "service", "running", "ypb-onair", "Yeouido HQ", "mcr.eng", "뉴스24 채널|news channel", "", "mcr"),
    ("HLYP-OTT", "YPlay", "service", "running", "ypb-onair", "Yeouido HQ", "digital.ott", "와이플레이|ott service", "", "digital"),
    ("HLYP-WEB", "News Online", "service", "running", "ypb-onair", "Yeouido HQ", "digital.web", "뉴스 온라인|web news", "", "digital"),
    ("HLYP-NEWS", "Newsgathering", "service", "running", "ypb-onair", "Yeouido HQ", "news.tech", "취재 제작|news production", "", "news"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network
    ("3c08.f61e.9a40", "CONNECTS_TO", "00a0.c9f4.2b17"),
    ("f4cf.e25d.1177", "CONNECTS_TO", "00a0.c9f4.2b17"),
    ("0c42.a1b3.77e0", "CONNECTS_TO", "3c08.f61e.9a40"),
    ("b8ce.f6d0.4a12", "CONNECTS_TO", "00a0.c9f4.2b17"),
    ("6c41.6a0f.d2c3", "CONNECTS_TO", "00a0.c9f4.2b17"),
    ("enc1-bay01", "CONNECTS_TO", "00a0.c9f4.2b17"),
    ("enc1-bay02", "CONNECTS_TO", "00a0.c9f4.2b17"),
    ("enc1-bay03", "CONNECTS_TO", "00a0.c9f4.2b17"),
    ("enc2-bay01", "CONNECTS_TO", "3c08.f61e.9a40"),
    ("enc2-bay02", "CONNECTS_TO", "3c08.f61e.9a40"),
    ("enc3-bay01", "CONNECTS_TO", "3c08.f61e.9a40"),
    ("enc5-bay01", "CONNECTS_TO", "f4cf.e25d.1177"),
    ("enc7-bay01", "CONNECTS_TO", "b8ce.f6d0.4a12"),
    ("enc8-bay01", "CONNECTS_TO", "b8ce.f6d0.4a12"),
    ("enc4-bay01", "CONNECTS_TO", "6c41.6a0f.d2c3"),
    ("50060e8012a4f001", "CONNECTS_TO", "00a0.c9f4.2b17"),
    ("5000cca26b3e9d40", "CONNECTS_TO", "f4cf.e25d.1177"),
    ("600a098038303053", "CONNECTS_TO", "6c41.6a0f.d2c3"),
    # hypervisors -> vms (Colour Bars: HOSTS only; Black Burst: RUNS_ON only; Tri-Level: both)
    ("enc1-bay01", "HOSTS", "vm-2041"),
    ("enc1-bay01", "HOSTS", "vm-2042"),
    ("enc1-bay01", "HOSTS", "vm-2048"),
    ("enc1-bay01", "HOSTS", "vm-2051"),
    ("vm-2043", "RUNS_ON", "enc1-bay02"),
    ("vm-2044", "RUNS_ON", "enc1-bay02"),
    ("vm-2049", "RUNS_ON", "enc1-bay02"),
    ("enc1-bay03", "HOSTS", "vm-2045"),
    ("vm-2045", "RUNS_ON", "enc1-bay03"),
    ("enc1-bay03", "HOSTS", "vm-2046"),
    ("vm-2047", "RUNS_ON", "enc1-bay03"),
    ("vm-2052", "RUNS_ON", "enc1-bay03"),
    ("vm-2050", "RUNS_ON", "enc1-bay03"),
    ("vm-2044", "DEPENDS_ON", "50060e8012a4f001"),
    # databases
    ("nrcsdb-0", "RUNS_ON", "vm-2042"),
    ("nrcsdb-0", "DEPENDS_ON", "50060e8012a4f001"),
    ("nrcsdb-1", "RUNS_ON", "enc4-bay01"),
    ("nrcsdb-1", "DEPENDS_ON", "nrcsdb-0"),
    ("nrcsdb-1", "DEPENDS_ON", "600a098038303053"),
    ("mamdb-0", "RUNS_ON", "vm-2043"),
    ("mamdb-0", "DEPENDS_ON", "5000cca26b3e9d40"),
    ("trafdb-0", "RUNS_ON", "vm-2045"),
    ("capdb-0", "RUNS_ON", "vm-2048"),
    ("ottdb-0", "RUNS_ON", "vm-2047"),
    ("webdb-0", "RUNS_ON", "vm-2046"),
    # apps on vms and on bare metal
    ("PLY-101", "RUNS_ON", "enc2-bay01"),
    ("PLY-102", "RUNS_ON", "enc2-bay02"),
    ("PLY-103", "RUNS_ON", "enc2-bay01"),
    ("NRC-201", "RUNS_ON", "vm-2041"),
    ("NRC-202", "RUNS_ON", "vm-2041"),
    ("NRC-204", "RUNS_ON", "vm-2041"),
    ("GFX-301", "RUNS_ON", "enc3-bay01"),
    ("GFX-302", "RUNS_ON", "vm-2052"),
    ("CCX-401", "RUNS_ON", "vm-2048"),
    ("MAM-501", "RUNS_ON", "vm-2043"),
    ("MAM-502", "RUNS_ON", "vm-2044"),
    ("TRF-601", "RUNS_ON", "vm-2045"),
    ("TRF-602", "RUNS_ON", "vm-2045"),
    ("TRF-603", "RUNS_ON", "vm-2045"),
    ("OTT-701", "RUNS_ON", "vm-2047"),
    ("OTT-702", "RUNS_ON", "vm-2047"),
    ("OTT-703", "RUNS_ON", "vm-2046"),
    ("WEB-801", "RUNS_ON", "vm-2046"),
    ("IDM-901", "RUNS_ON", "vm-2049"),
    ("BUR-951", "RUNS_ON", "enc7-bay01"),
    ("BUR-952", "RUNS_ON", "enc8-bay01"),
    # app dependencies
    ("PLY-101", "DEPENDS_ON", "TRF-601"),
    ("PLY-101", "CONNECTS_TO", "3c08.f61e.9a40"),
    ("PLY-102", "DEPENDS_ON", "TRF-601"),
    ("PLY-102", "CONNECTS_TO", "3c08.f61e.9a40"),
    ("PLY-103", "DEPENDS_ON", "GFX-301"),
    ("PLY-103", "DEPENDS_ON", "NRC-201"),
    ("NRC-201", "DEPENDS_ON", "nrcsdb-0"),
    ("NRC-201", "DEPENDS_ON", "IDM-901"),
    ("NRC-202", "DEPENDS_ON", "NRC-201"),
    ("NRC-204", "DEPENDS_ON", "NRC-201"),
    ("NRC-204", "DEPENDS_ON", "GFX-301"),
    ("GFX-301", "CONNECTS_TO", "3c08.f61e.9a40"),
    ("GFX-302", "DEPENDS_ON", "GFX-301"),
    ("GFX-302", "DEPENDS_ON", "NRC-201"),
    ("CCX-401", "DEPENDS_ON", "capdb-0"),
    ("CCX-401", "DEPENDS_ON", "NRC-201"),
    ("MAM-501", "DEPENDS_ON", "mamdb-0"),
    ("MAM-502", "DEPENDS_ON", "MAM-501"),
    ("MAM-502", "DEPENDS_ON", "50060e8012a4f001"),
    ("TRF-601", "DEPENDS_ON", "trafdb-0"),
    ("TRF-602", "DEPENDS_ON", "trafdb-0"),
    ("TRF-602", "DEPENDS_ON", "TRF-601"),
    ("TRF-603", "DEPENDS_ON", "trafdb-0"),
    ("TRF-603", "DEPENDS_ON", "PLY-101"),
    ("OTT-701", "DEPENDS_ON", "MAM-501"),
    ("OTT-701", "DEPENDS_ON", "ottdb-0"),
    ("OTT-702", "DEPENDS_ON", "PLY-101"),
    ("OTT-702", "DEPENDS_ON", "PLY-103"),
    ("OTT-703", "DEPENDS_ON", "OTT-701"),
    ("OTT-703", "DEPENDS_ON", "OTT-702"),
    ("OTT-703", "DEPENDS_ON", "ottdb-0"),
    ("WEB-801", "DEPENDS_ON", "webdb-0"),
    ("WEB-801", "DEPENDS_ON", "NRC-201"),
    ("BUR-951", "DEPENDS_ON", "MAM-502"),
    ("BUR-951", "CONNECTS_TO", "b8ce.f6d0.4a12"),
    ("BUR-952", "DEPENDS_ON", "MAM-502"),
    ("BUR-952", "CONNECTS_TO", "b8ce.f6d0.4a12"),
    # load balancers
    ("lb-kilo", "CONNECTS_TO", "OTT-701"),
    ("lb-kilo", "CONNECTS_TO", "OTT-703"),
    ("lb-kilo", "CONNECTS_TO", "WEB-801"),
    ("lb-lima", "CONNECTS_TO", "NRC-201"),
    ("lb-lima", "CONNECTS_TO", "NRC-202"),
    ("lb-lima", "CONNECTS_TO", "NRC-204"),
    # services
    ("HLYP-TV1", "DEPENDS_ON", "PLY-101"),
    ("HLYP-TV1", "DEPENDS_ON", "PLY-102"),
    ("HLYP-TV1", "DEPENDS_ON", "GFX-301"),
    ("HLYP-TV1", "DEPENDS_ON", "CCX-401"),
    ("HLYP-TV1", "DEPENDS_ON", "TRF-602"),
    ("HLYP-N24", "DEPENDS_ON", "PLY-103"),
    ("HLYP-N24", "DEPENDS_ON", "CCX-401"),
    ("HLYP-OTT", "DEPENDS_ON", "lb-kilo"),
    ("HLYP-OTT", "DEPENDS_ON", "OTT-703"),
    ("HLYP-OTT", "DEPENDS_ON", "OTT-701"),
    ("HLYP-OTT", "DEPENDS_ON", "OTT-702"),
    ("HLYP-WEB", "DEPENDS_ON", "lb-kilo"),
    ("HLYP-WEB", "DEPENDS_ON", "WEB-801"),
    ("HLYP-NEWS", "DEPENDS_ON", "lb-lima"),
    ("HLYP-NEWS", "DEPENDS_ON", "NRC-201"),
    ("HLYP-NEWS", "DEPENDS_ON", "NRC-202"),
    ("HLYP-NEWS", "DEPENDS_ON", "NRC-204"),
    ("HLYP-NEWS", "DEPENDS_ON", "BUR-951"),
    ("HLYP-NEWS", "DEPENDS_ON", "BUR-952"),
    ("HLYP-NEWS", "DEPENDS_ON", "MAM-502"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: prime (television prime time, peak 21:00; daytime too at weekends and on holidays),
#           news (newsroom: the morning, noon and evening bulletins on weekdays, lighter at weekends),
#           ott (streaming: a late peak at 22:30, weekend afternoons), office (09-18 on working days),
#           batch (02:00-04:00), london / newyork (bureau working hours 08-20 in local time, daylight
#           saving followed), flat
METRIC_PLAN = {
    "enc1-bay01": {"cpu_usage": (44, 0.40, 1.9, "news"), "mem_usage": (71, 0.04, 1.0, "news"), "disk_usage": (48, 0, 0.2, "flat")},
    "enc1-bay02": {"cpu_usage": (36, 0.45, 1.8, "office"), "mem_usage": (62, 0.05, 1.0, "office"), "disk_usage": (41, 0, 0.2, "flat")},
    "enc1-bay03": {"cpu_usage": (31, 0.50, 1.7, "ott"), "mem_usage": (57, 0.05, 1.0, "ott"), "disk_usage": (35, 0, 0.2, "flat")},
    "enc4-bay01": {"cpu_usage": (8, 0.20, 0.8, "flat"), "mem_usage": (33, 0.02, 0.8, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "enc2-bay01": {"cpu_usage": (52, 0.25, 1.6, "prime"), "mem_usage": (66, 0.03, 0.8, "prime"), "disk_usage": (58, 0, 0.2, "flat")},
    "enc2-bay02": {"cpu_usage": (23, 0.20, 1.2, "prime"), "mem_usage": (45, 0.03, 0.8, "prime"), "disk_usage": (56, 0, 0.2, "flat")},
    "enc3-bay01": {"cpu_usage": (39, 0.55, 1.8, "news"), "mem_usage": (53, 0.04, 0.9, "news"), "disk_usage": (64, 0, 0.2, "flat")},
    "enc7-bay01": {"cpu_usage": (21, 0.70, 1.4, "london"), "mem_usage": (43, 0.05, 0.9, "london"), "disk_usage": (31, 0, 0.2, "flat")},
    "enc8-bay01": {"cpu_usage": (18, 0.70, 1.3, "newyork"), "mem_usage": (39, 0.05, 0.9, "newyork"), "disk_usage": (29, 0, 0.2, "flat")},
    "vm-2041": {"cpu_usage": (34, 0.60, 1.7, "news"), "mem_usage": (68, 0.04, 0.9, "news"), "disk_usage": (44, 0, 0.2, "flat")},
    "vm-2042": {"cpu_usage": (29, 0.50, 1.6, "news"), "mem_usage": (81, 0.02, 0.6, "flat"), "disk_usage": (66, 0, 0.2, "flat")},
    "vm-2043": {"cpu_usage": (19, 0.50, 1.3, "office"), "mem_usage": (55, 0.03, 0.9, "office"), "disk_usage": (39, 0, 0.2, "flat")},
    "vm-2044": {"cpu_usage": (42, 0.45, 1.8, "news"), "mem_usage": (61, 0.04, 0.9, "news"), "disk_usage": (71, 0, 0.2, "flat")},
    "vm-2045": {"cpu_usage": (16, 0.60, 1.2, "batch"), "mem_usage": (48, 0.04, 0.9, "batch"), "disk_usage": (37, 0, 0.2, "flat")},
    "vm-2046": {"cpu_usage": (27, 0.60, 1.5, "news"), "mem_usage": (59, 0.04, 0.9, "news"), "disk_usage": (42, 0, 0.2, "flat")},
    "vm-2047": {"cpu_usage": (33, 0.70, 1.7, "ott"), "mem_usage": (64, 0.04, 0.9, "ott"), "disk_usage": (52, 0, 0.2, "flat")},
    "vm-2048": {"cpu_usage": (24, 0.60, 1.4, "prime"), "mem_usage": (50, 0.04, 0.9, "prime"), "disk_usage": (33, 0, 0.2, "flat")},
    "vm-2049": {"cpu_usage": (12, 0.50, 1.1, "office"), "mem_usage": (41, 0.03, 0.9, "office"), "disk_usage": (26, 0, 0.2, "flat")},
    "vm-2052": {"cpu_usage": (10, 0.50, 1.0, "news"), "mem_usage": (38, 0.03, 0.9, "news"), "disk_usage": (47, 0, 0.2, "flat")},
    "vm-2050": {"cpu_usage": (15, 0.50, 1.4, "office"), "mem_usage": (35, 0.03, 1.0, "office"), "disk_usage": (61, 0, 0.2, "flat")},
    "vm-2051": {"cpu_usage": (6, 0.40, 0.9, "batch"), "mem_usage": (28, 0.03, 1.0, "flat"), "disk_usage": (74, 0, 0.2, "flat")},
    "nrcsdb-0": {"cpu_usage": (37, 0.50, 1.8, "news"), "mem_usage": (76, 0.02, 0.5, "flat"), "disk_usage": (62, 0, 0.2, "flat")},
    "nrcsdb-1": {"cpu_usage": (10, 0.20, 0.9, "flat"), "mem_usage": (58, 0.02, 0.6, "flat"), "disk_usage": (63, 0, 0.2, "flat")},
    "mamdb-0": {"cpu_usage": (22, 0.50, 1.4, "office"), "mem_usage": (69, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "trafdb-0": {"cpu_usage": (17, 0.60, 1.3, "batch"), "mem_usage": (54, 0.02, 0.6, "flat"), "disk_usage": (45, 0, 0.2, "flat")},
    "capdb-0": {"cpu_usage": (14, 0.60, 1.2, "prime"), "mem_usage": (47, 0.02, 0.6, "flat"), "disk_usage": (36, 0, 0.2, "flat")},
    "ottdb-0": {"cpu_usage": (26, 0.60, 1.5, "ott"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "webdb-0": {"cpu_usage": (20, 0.60, 1.4, "news"), "mem_usage": (52, 0.02, 0.6, "flat"), "disk_usage": (40, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "PLY-101": {"cpu_usage": (41, 0.30, 1.8, "prime"), "latency_ms": (38, 0.20, 1.2, "prime"), "error_rate": (0.04, 0.2, 0.01, "prime")},
    "PLY-102": {"cpu_usage": (9, 0.20, 0.8, "prime"), "latency_ms": (41, 0.20, 1.3, "prime"), "error_rate": (0.05, 0.2, 0.01, "prime")},
    "PLY-103": {"cpu_usage": (33, 0.30, 1.6, "news"), "latency_ms": (52, 0.25, 1.6, "news"), "error_rate": (0.07, 0.2, 0.015, "news")},
    "NRC-201": {"cpu_usage": (29, 0.60, 1.7, "news"), "latency_ms": (280, 0.35, 7.0, "news"), "error_rate": (0.11, 0.3, 0.025, "news")},
    "NRC-202": {"cpu_usage": (13, 0.60, 1.1, "news"), "latency_ms": (190, 0.30, 5.0, "news"), "error_rate": (0.08, 0.3, 0.02, "news")},
    "NRC-204": {"cpu_usage": (17, 0.70, 1.3, "news"), "latency_ms": (330, 0.35, 8.0, "news"), "error_rate": (0.13, 0.3, 0.03, "news")},
    "GFX-301": {"cpu_usage": (35, 0.50, 1.8, "news"), "latency_ms": (95, 0.30, 3.0, "news"), "error_rate": (0.06, 0.2, 0.015, "news")},
    "GFX-302": {"cpu_usage": (8, 0.50, 0.8, "news"), "latency_ms": (420, 0.25, 10.0, "news"), "error_rate": (0.15, 0.3, 0.03, "news")},
    "CCX-401": {"cpu_usage": (22, 0.60, 1.4, "prime"), "latency_ms": (610, 0.30, 14.0, "prime"), "error_rate": (0.19, 0.3, 0.04, "prime")},
    "MAM-501": {"cpu_usage": (15, 0.60, 1.2, "office"), "latency_ms": (740, 0.30, 17.0, "office"), "error_rate": (0.22, 0.3, 0.04, "office")},
    "MAM-502": {"cpu_usage": (38, 0.50, 1.8, "news"), "latency_ms": (1260, 0.25, 28.0, "news"), "error_rate": (0.31, 0.3, 0.05, "news")},
    "TRF-601": {"cpu_usage": (11, 0.60, 1.0, "office"), "latency_ms": (520, 0.30, 12.0, "office"), "error_rate": (0.09, 0.3, 0.02, "office")},
    "TRF-602": {"cpu_usage": (14, 0.60, 1.1, "prime"), "latency_ms": (460, 0.30, 11.0, "prime"), "error_rate": (0.12, 0.3, 0.03, "prime")},
    "TRF-603": {"cpu_usage": (18, 0.70, 1.3, "batch"), "latency_ms": (1980, 0.20, 42.0, "batch"), "error_rate": (0.26, 0.3, 0.05, "batch")},
    "OTT-701": {"cpu_usage": (28, 0.70, 1.6, "ott"), "latency_ms": (870, 0.30, 20.0, "ott"), "error_rate": (0.24, 0.3, 0.05, "ott")},
    "OTT-702": {"cpu_usage": (45, 0.40, 1.9, "ott"), "latency_ms": (150, 0.30, 4.0, "ott"), "error_rate": (0.17, 0.3, 0.03, "ott")},
    "OTT-703": {"cpu_usage": (21, 0.70, 1.5, "ott"), "latency_ms": (1540, 0.25, 35.0, "ott"), "error_rate": (0.58, 0.3, 0.08, "ott")},
    "WEB-801": {"cpu_usage": (24, 0.70, 1.5, "news"), "latency_ms": (360, 0.30, 9.0, "news"), "error_rate": (0.14, 0.3, 0.03, "news")},
    "IDM-901": {"cpu_usage": (10, 0.60, 1.0, "office"), "latency_ms": (120, 0.30, 3.5, "office"), "error_rate": (0.05, 0.2, 0.01, "office")},
    "BUR-951": {"cpu_usage": (16, 0.70, 1.3, "london"), "latency_ms": (230, 0.30, 6.0, "london"), "error_rate": (0.21, 0.3, 0.04, "london")},
    "BUR-952": {"cpu_usage": (13, 0.70, 1.2, "newyork"), "latency_ms": (270, 0.30, 7.0, "newyork"), "error_rate": (0.18, 0.3, 0.04, "newyork")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped; the OB van's server is off between outside broadcasts)
    "vm-2051": datetime(2034, 11, 1, 12, 0, tzinfo=KST),
    "enc5-bay01": datetime(2034, 12, 16, 22, 30, tzinfo=KST),
}
# the OB van's server reports only while the van is on air, over bonded cellular: irregular samples
OB_CODE = "enc5-bay01"
OB_DAYS = [
    # on air from, to (Seoul), busiest stretch from, to, busiest CPU
    (datetime(2034, 10, 14, 15, 0, tzinfo=KST), datetime(2034, 10, 14, 22, 0, tzinfo=KST),
     datetime(2034, 10, 14, 19, 30, tzinfo=KST), datetime(2034, 10, 14, 20, 30, tzinfo=KST), 79.0),   # the Busan fireworks festival
    (datetime(2034, 11, 19, 7, 0, tzinfo=KST), datetime(2034, 11, 19, 13, 0, tzinfo=KST),
     datetime(2034, 11, 19, 8, 0, tzinfo=KST), datetime(2034, 11, 19, 11, 0, tzinfo=KST), 71.0),      # the Gyeongju marathon
    (datetime(2034, 12, 16, 17, 0, tzinfo=KST), datetime(2034, 12, 16, 22, 30, tzinfo=KST),
     datetime(2034, 12, 16, 19, 0, tzinfo=KST), datetime(2034, 12, 16, 21, 0, tzinfo=KST), 88.0),     # the football friendly in Ulsan
]
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}


def hour_of(ts):
    t = ts.astimezone(KST)
    return t.hour + t.minute / 60.0


def circ(h, c):
    d = abs(h - c)
    return min(d, 24 - d)


def plateau(h, a, b):
    return 1.0 / (1 + math.exp(-(h - a) * 2.5)) * 1.0 / (1 + math.exp((h - b) * 2.5))


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    wd = t.weekday()
    off = wd >= 5 or (t.year, t.month, t.day) in HOLIDAYS
    if kind == "prime":
        v = 0.15 + 0.65 * math.exp(-(circ(h, 21.0) / 2.0) ** 2)
        if off:
            v += 0.25 * math.exp(-((h - 13.0) / 3.0) ** 2)
        else:
            v += 0.10 * math.exp(-((h - 12.5) / 1.5) ** 2)
        return v
    if kind == "news":
        if off:
            return 0.15 + 0.35 * math.exp(-((h - 18.5) / 2.5) ** 2)
        return (0.12 + 0.55 * math.exp(-((h - 7.0) / 1.2) ** 2) + 0.35 * math.exp(-((h - 12.0) / 1.5) ** 2)
                + 0.75 * math.exp(-((h - 19.5) / 2.0) ** 2))
    if kind == "ott":
        v = 0.12 + 0.70 * math.exp(-(circ(h, 22.5) / 2.3) ** 2)
        if off:
            v += 0.25 * math.exp(-((h - 15.0) / 3.0) ** 2)
        return v
    if kind == "office":
        if off:
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    if kind == "batch":
        return 0.1 + 0.9 * math.exp(-(circ(h, 3.0) / 1.0) ** 2)
    if kind in ("london", "newyork"):
        lt = london(ts) if kind == "london" else newyork(ts)
        lh = lt.hour + lt.minute / 60.0
        if lt.weekday() >= 5:
            return 0.1 + 0.2 * plateau(lh, 10.0, 16.0)
        return 0.1 + 0.8 * plateau(lh, 8.0, 20.0)
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
    """Planted episodes, lined up with events (all times Seoul unless said)."""
    # level shift: entitlement DB memory after the cache resize, from Mon 2034-11-20 10:00
    if code == "ottdb-0" and metric == "mem_usage" and ts >= kst(2034, 11, 20, 10):
        v += 11.0
    # growth: MAM catalogue disk over the whole history (every clip's proxies and metadata kept)
    if code == "mamdb-0" and metric == "disk_usage":
        v += 29.0 * ramp(ts, M_START, M_END)
    # growth: caption store disk from Fri 2034-12-01 (live caption archives kept for the year-end review)
    if code == "capdb-0" and metric == "disk_usage":
        v += 24.0 * ramp(ts, kst(2034, 12, 1), M_END)
    # 1. London Live Link drops the night the UK clocks go back: Sun 2034-10-29 00:00-02:30Z (London 01:00 BST ..
    #    02:30 GMT, the 01:00 hour twice) = 09:00-11:30 Seoul (VPN rekey policy 10-28 21:00, London Live Link 5.2 06:00)
    if within(ts, kst(2034, 10, 29, 9), kst(2034, 10, 29, 11, 30)):
        if code == "BUR-951" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "BUR-951" and metric == "latency_ms":
            v *= 4.0
        if code == "enc7-bay01" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.7)
        if code == "MAM-502" and metric == "error_rate":
            v += 1.5 + rng.gauss(0, 0.2)
    # 2. US midterm election night: Tue 2034-11-07 19:00-24:00 EST = Wed 11-08 09:00-14:00 Seoul
    #    (CG template pack 05:00, Election Night 12.0 at 06:30)
    if within(ts, kst(2034, 11, 8, 9), kst(2034, 11, 8, 14)):
        if code == "GFX-302" and metric == "latency_ms":
            v *= 5.0
        if code == "GFX-302" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "enc3-bay01" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "vm-2052" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 0.8)
        if code == "BUR-952" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # 3. as-run reconciliation fails overnight, Thu 2034-11-16 02:00-04:30 (traffic DB index 11-15 22:00, 3.3 at 00:30)
    if within(ts, kst(2034, 11, 16, 2), kst(2034, 11, 16, 4, 30)):
        if code == "TRF-603" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "TRF-603" and metric == "latency_ms":
            v *= 3.0
        if code == "trafdb-0" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.6)
        if code == "TRF-602" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 4. 1TV playout freezes on chain A at prime time, Wed 2034-12-13 19:50-21:10; chain B carries the channel
    #    from 20:00 (GPU driver 14:00, 1TV Playout 9.4 at 16:00)
    if within(ts, kst(2034, 12, 13, 19, 50), kst(2034, 12, 13, 21, 10)):
        if code == "enc2-bay01" and metric == "cpu_usage":
            v = 97 + rng.gauss(0, 0.4)
        if code == "PLY-101" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "PLY-101" and metric == "latency_ms":
            v *= 4.0
    if within(ts, kst(2034, 12, 13, 20, 0), kst(2034, 12, 13, 21, 10)):
        if code == "PLY-102" and metric == "cpu_usage":
            v += 30
        if code == "enc2-bay02" and metric == "cpu_usage":
            v += 25
    # 5. breaking news swamps the website, Mon 2034-12-18 07:00-09:00 (CMS DB cache setting 03:00, News Website 4.8 05:00)
    if within(ts, kst(2034, 12, 18, 7), kst(2034, 12, 18, 9)):
        if code == "WEB-801" and metric == "latency_ms":
            v *= 6.0
        if code == "WEB-801" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "vm-2046" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "webdb-0" and metric == "cpu_usage":
            v += 20
    # rehearsal VM in maintenance from Tue 2034-12-19 09:00: idle
    if code == "vm-2050" and metric == "cpu_usage" and ts >= kst(2034, 12, 19, 9):
        v = 2 + rng.gauss(0, 0.3)
    # 6. live captions lag behind the nine o'clock news, from Fri 2034-12-22 21:00, ongoing at now
    #    (caption store schema 17:30, Live Captions 6.1 at 19:00)
    if ts >= kst(2034, 12, 22, 21, 0):
        if code == "CCX-401" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "CCX-401" and metric == "latency_ms":
            v *= 4.0
        if code == "vm-2048" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.6)
        if code == "capdb-0" and metric == "cpu_usage":
            v += 25
    return v


def sample_times():
    """Hourly samples (an older rollup) from M_START, every 10 minutes from FINE_START, every minute from
    MINUTE_START up to and including NOW."""
    times = []
    t = M_START
    while t < FINE_START:
        times.append(t)
        t += STEP_COARSE
    while t < MINUTE_START:
        times.append(t)
        t += STEP
    while t <= M_END:
        times.append(t)
        t += STEP_FINE
    return times


def ob_samples(rng):
    """The OB van's server: irregular samples (every 40 s to 7 min, at odd seconds) while it is on air."""
    rows = []
    for a, b, pa, pb, peak in OB_DAYS:
        t = a + timedelta(seconds=rng.randint(5, 55))
        level = 30.0
        while t <= b:
            live = 1.0 if pa <= t < pb else 0.0
            level += rng.gauss(0, 0.8) + 0.1 * (34.0 - level)
            cpu = level + rng.gauss(0, 1.5) + 18.0 * ramp(t, a, a + timedelta(hours=1))
            if live:
                cpu = peak + rng.gauss(0, 1.0)
            mem = 46.0 + 9.0 * ramp(t, a, a + timedelta(hours=2)) + rng.gauss(0, 0.6)
            disk = 22.0 + 6.0 * ramp(t, a, b) + rng.gauss(0, 0.1)
            for m, v in (("cpu_usage", cpu), ("mem_usage", mem), ("disk_usage", disk)):
                rows.append((t, OB_CODE, m, round(min(max(v, 0.5), 99.9), 2)))
            t += timedelta(seconds=rng.randint(40, 420))
    return rows


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
    rows += ob_samples(rng)
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
            # Election Graphics VM: Wed 2028-04-12 18:00 - Thu 04-13 02:00 Seoul = 2028-04-12 09:00-17:00Z, the count night
            if code == "vm-2052" and datetime(2028, 4, 12, 9, tzinfo=UTC) <= t < datetime(2028, 4, 12, 17, tzinfo=UTC):
                v = 91 + rng.gauss(0, 1.1)
            # OTT Origin VM: the build-up, 2026-07-19 17:00-18:30Z, then the final on the stream 18:30-21:30Z
            #   (14:30-17:30 in New Jersey, EDT; Mon 07-20 03:30-06:30 in Seoul)
            if code == "vm-2047" and datetime(2026, 7, 19, 17, tzinfo=UTC) <= t < datetime(2026, 7, 19, 18, 30, tzinfo=UTC):
                v += 12.0
            if code == "vm-2047" and datetime(2026, 7, 19, 18, 30, tzinfo=UTC) <= t < datetime(2026, 7, 19, 21, 30, tzinfo=UTC):
                v = 94 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (datetime(2026, 7, 19, 14, 0, tzinfo=UTC), "vm-2047", "change", "info", "월드컵 결승 생중계 대비 오리진 캐시 증설", "CHG-260719 cache 2 TB"),
    (datetime(2026, 7, 19, 19, 5, tzinfo=UTC), "vm-2047", "alert", "major", "OTT Origin VM CPU 90% 초과 (월드컵 결승)", "cpu_usage 94%"),
    (kst(2028, 4, 12, 15, 0), "vm-2052", "change", "info", "총선 개표방송 그래픽 템플릿 적용", "CHG-280412 count-night templates"),
    (kst(2028, 4, 12, 18, 20), "vm-2052", "alert", "major", "선거 그래픽 VM CPU 90% 초과 (개표방송)", "cpu_usage 91%"),
    (kst(2034, 10, 8, 2, 0), "00a0.c9f4.2b17", "change", "info", "여의도 코어 스위치 OS 업그레이드", "CHG-341008 maintenance window"),
    (kst(2034, 10, 18, 3, 0), "enc1-bay02", "change", "info", "Black Burst 하이퍼바이저 보안 패치", "CHG-341018 rolling; live migration"),
    # 1. London Live Link, the night the UK clocks went back
    (kst(2034, 10, 29, 4, 0), "b8ce.f6d0.4a12", "change", "info", "해외지국 VPN 재키잉 정책 변경", "CHG-341029 IKE lifetime 8h"),
    (kst(2034, 10, 29, 6, 0), "BUR-951", "deploy", "info", "London Live Link 5.2 배포", "release 5.2"),
    (kst(2034, 10, 29, 9, 10), "BUR-951", "incident", "major", "런던 생중계 링크 끊김", "INC-341029-01 clocks went back; session timers off by an hour"),
    (kst(2034, 10, 29, 11, 40), "BUR-951", "change", "info", "London Live Link 5.1.4 롤백", "rollback; link restored"),
    (kst(2034, 11, 1, 12, 0), "vm-2051", "change", "info", "구 날씨 VM 전원 종료 (날씨 그래픽 이관 완료)", "CHG-341101 powered off"),
    (kst(2034, 11, 2, 2, 0), "5000cca26b3e9d40", "change", "info", "아카이브 테이프 라이브러리 드라이브 펌웨어 교체", "CHG-341102 LTO-9 drives"),
    # 2. US midterm election night (Seoul morning of Wed 11-08)
    (kst(2034, 11, 8, 5, 0), "GFX-301", "change", "info", "미국 중간선거 CG 템플릿 팩 적용", "CHG-341108 template pack 2034-US"),
    (kst(2034, 11, 8, 6, 30), "GFX-302", "deploy", "info", "Election Night 12.0 배포", "release 12.0"),
    (kst(2034, 11, 8, 9, 20), "GFX-302", "incident", "critical", "미국 중간선거 개표 그래픽 지연", "INC-341108-01 state results 3 min behind"),
    (kst(2034, 11, 8, 14, 10), "GFX-302", "change", "info", "Election Night 11.6.2 롤백", "rollback; graphics live"),
    # 3. as-run reconciliation
    (kst(2034, 11, 15, 22, 0), "trafdb-0", "change", "info", "편성 DB 인덱스 재구성", "CHG-341115 as-run index"),
    (kst(2034, 11, 16, 0, 30), "TRF-603", "deploy", "info", "As-Run Reconciler 3.3 배포", "release 3.3"),
    (kst(2034, 11, 16, 2, 10), "TRF-603", "incident", "major", "송출 결과 정산 실패", "INC-341116-01 commercials not matched to logs"),
    (kst(2034, 11, 16, 4, 40), "TRF-603", "change", "info", "As-Run Reconciler 3.2.7 롤백", "rollback; reconciliation rerun"),
    (kst(2034, 11, 20, 10, 0), "ottdb-0", "change", "info", "OTT 권한 DB 캐시 확장", "CHG-341120 buffer pool +12 GB"),
    (kst(2034, 11, 25, 3, 0), "600a098038303053", "change", "info", "DR Object Store 수명주기 정책 변경", "CHG-341125 expire after 60 days"),
    (kst(2034, 12, 2, 2, 0), "3c08.f61e.9a40", "change", "info", "미디어 패브릭 PTP 프로파일 변경", "CHG-341202 SMPTE 2059-2 profile"),
    (kst(2034, 12, 5, 4, 0), "mamdb-0", "alert", "minor", "MAM Catalogue 디스크 80% 초과", "volume 81%"),
    (kst(2034, 12, 6, 3, 0), "enc4-bay01", "change", "info", "Slate (DR) 하이퍼바이저 패치", "CHG-341206 patch level 2034-11"),
    # 4. 1TV playout, Wed 12-13 prime time
    (kst(2034, 12, 13, 14, 0), "enc2-bay01", "change", "info", "Playout A GPU 드라이버 업데이트", "CHG-341213 driver 610.4"),
    (kst(2034, 12, 13, 16, 0), "PLY-101", "deploy", "info", "1TV Playout 9.4 배포", "release 9.4"),
    (kst(2034, 12, 13, 19, 55), "PLY-101", "incident", "critical", "1TV 주조정실 송출 화면 정지", "INC-341213-01 frozen frame on chain A; chain B on air 20:00"),
    (kst(2034, 12, 13, 20, 5), "enc2-bay01", "alert", "major", "Playout A CPU 95% 초과", "cpu_usage 97%"),
    (kst(2034, 12, 13, 21, 20), "PLY-101", "change", "info", "1TV Playout 9.3.8 롤백 후 A 체인 복귀", "rollback; chain A back on air"),
    # OB van: the football friendly
    (kst(2034, 12, 16, 19, 40), "enc5-bay01", "alert", "minor", "OB3 Uplink CPU 85% 초과 (축구 중계)", "cpu_usage 88%"),
    # 5. News Website, Mon 12-18 breaking news
    (kst(2034, 12, 18, 3, 0), "webdb-0", "change", "info", "CMS DB 쿼리 캐시 설정 변경", "CHG-341218 query cache off"),
    (kst(2034, 12, 18, 5, 0), "WEB-801", "deploy", "info", "News Website 4.8 배포", "release 4.8"),
    (kst(2034, 12, 18, 7, 5), "WEB-801", "incident", "major", "속보 트래픽으로 뉴스 홈페이지 지연", "INC-341218-01 article pages 6 s"),
    (kst(2034, 12, 18, 7, 20), "lb-kilo", "alert", "minor", "Viewer Edge 5xx 3% 초과", "3.6% for 5 min"),
    (kst(2034, 12, 18, 9, 20), "WEB-801", "change", "info", "News Website 4.7.3 롤백", "rollback; pages normal"),
    (kst(2034, 12, 19, 9, 0), "vm-2050", "change", "info", "Rehearsal VM 점검 모드 전환", "CHG-341219 maintenance"),
    (kst(2034, 12, 20, 4, 0), "mamdb-0", "alert", "minor", "MAM Catalogue 디스크 85% 초과", "volume 85%"),
    # 6. Live Captions, tonight, ongoing
    (kst(2034, 12, 22, 17, 30), "capdb-0", "change", "info", "자막 저장소 스키마 변경", "CHG-341222 speaker labels"),
    (kst(2034, 12, 22, 19, 0), "CCX-401", "deploy", "info", "Live Captions 6.1 배포", "release 6.1"),
    (kst(2034, 12, 22, 21, 10), "CCX-401", "incident", "critical", "9시 뉴스 실시간 자막 지연", "INC-341222-01 captions 40 s behind"),
    (kst(2034, 12, 22, 22, 5), "vm-2048", "alert", "major", "Caption VM CPU 90% 초과", "cpu_usage 94%"),
    (kst(2034, 12, 22, 22, 30), "capdb-0", "alert", "minor", "Caption Store 쿼리 지연 경고", "slow queries 38/min"),
]

BUILD_APPS = ["NRC-201", "NRC-204", "OTT-701", "OTT-703", "WEB-801", "CCX-401", "MAM-502"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2034, 12, 11)
    n = 0
    while day < kst(2034, 12, 22):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{1200 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "weekend", "thismonth", "lastmonth", "thisyear", "daysago:2", "weekday:fri", "weekday:wed", "weekday:mon", "thisquarter", "last:3h", "last:1h", "last:30m", "last:7d", "last:14d", "last:30d", "day:2034-12-22", "day:2034-12-18", "day:2034-12-16", "day:2034-12-13", "day:2034-11-16", "day:2034-11-08", "day:2034-11-07", "span:2034-11-07T00:00-05:00/2034-11-08T00:00-05:00", "day:2034-10-29", "span:2034-10-29T00:00+01:00/2034-10-30T00:00+00:00", "day:2034-10-09", "day:2034-10-03", "month:2034-10", "month:2034-11", "day:2028-04-12", "day:2028-04-13", "dayutc:2028-04-12", "month:2028-04", "quarter:2028-Q2", "day:2026-07-19", "day:2026-07-20", "dayutc:2026-07-19", "span:2026-07-19T00:00-04:00/2026-07-20T00:00-04:00", "quarter:2026-Q3"):
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
