#!/usr/bin/env python3
"""Deterministic generator for the "Nuri Power & Water" (누리에너지·수도) utility-operations understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids P###, halves "dev12" / "test8") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding7/gen_estate.py (the "Saebyeol Telecom"
set), copied unchanged from event_checks() onwards except two things: the code rule admits a colon
(`[A-Za-z0-9_.:/-]`, for the colon-tagged network codes and the `svc:` service codes) and the days
that --summary prints.  The estate, the clock (2028-03-01 05:20 Seoul, after a leap February), the
sampling (hourly from 2027-12-01, every 10 minutes from 2028-02-27 on, and three 5-minute UTC blocks
in 2016, 2017 and around New Year 2018 shaped like public AWS CloudWatch EC2 CPU series), the names,
the personas and the questions differ.  See README.md.

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line;
every question line must sit under a `# R<n> ...` persona tag).
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
HALVES = ("dev12", "test8")
ID_PREFIX = "P"
TAG_LETTER = "R"
SEED = 20280301
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2028, 3, 1, 5, 20, tzinfo=KST)              # Wed 1 March 2028 (삼일절), 05:20 Seoul = Tue 29 Feb 20:20Z
M_START = datetime(2027, 12, 1, 0, 0, tzinfo=KST)          # a Wednesday; hourly samples (a rollup) ...
FINE_START = datetime(2028, 2, 27, 0, 0, tzinfo=KST)       # ... then every 10 minutes from this Sunday
M_END = NOW                                                 # inclusive: the last sample is at 05:20 itself
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=10)
H_STEP = timedelta(minutes=5)
# CloudWatch-like 5-minute cpu_usage blocks (UTC, odd minute offsets like the NAB realAWSCloudwatch files)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("sub01.wju.nuripw.kr", datetime(2016, 2, 24, 3, 2, tzinfo=UTC), 2880, 7.5, 0.7, 0.007),     # 10 days over a leap day
    ("hist01.chc.nuripw.kr", datetime(2017, 6, 8, 0, 4, tzinfo=UTC), 4032, 11.0, 1.0, 0.006),    # 14 days, a June heat wave
    ("scada02.gng.nuripw.kr", datetime(2017, 12, 26, 15, 9, tzinfo=UTC), 3456, 4.2, 0.5, 0.008),  # 12 days over New Year 2018
]
# Korean public holidays in the main history (treated like a Sunday by the load profiles):
# Christmas 2027-12-25 (Sat), New Year 2028-01-01 (Sat), Seollal 2028-01-25..27 (Tue-Thu), 삼일절 2028-03-01 (Wed, today)
HOLIDAYS = {(2027, 12, 25), (2028, 1, 1), (2028, 1, 25), (2028, 1, 26), (2028, 1, 27), (2028, 3, 1)}

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites: chuncheon-ncc (춘천 종합관제센터), wonju-ss (원주 변전소), gangneung-wtp (강릉 정수장), hongcheon-dr (홍천 백업센터)
# --------------------------------------------------------------------------------------
CIS = [
    # network: <SITE>:<ROLE>-<letter> (upper case, a colon, SCADA-tag style)
    ("CHC:CORE-A", "Core Switch (Chuncheon)", "network", "running", "npw-prod", "chuncheon-ncc", "npw-infra", "춘천 코어 스위치|ncc core switch", "10.88.0.1", "core"),
    ("CHC:OTFW-A", "OT Firewall & IDS", "network", "running", "npw-prod", "chuncheon-ncc", "ot-security", "제어망 방화벽|scada firewall", "10.88.0.9", "ot"),
    ("CHC:DMZ-A", "DMZ 스위치", "network", "running", "npw-prod", "chuncheon-ncc", "npw-infra", "", "10.88.0.5", "core"),
    ("WJU:RTUGW-A", "Wonju RTU Gateway", "network", "running", "npw-prod", "wonju-ss", "grid-ops", "원주 RTU 게이트웨이|substation gateway", "10.88.30.1", "ot"),
    ("GNG:PLCSW-A", "정수장 PLC 스위치", "network", "running", "npw-prod", "gangneung-wtp", "water-ops", "", "10.88.40.1", "ot"),
    ("HCN:DRSW-A", "DR Switch Hongcheon", "network", "running", "npw-dr", "hongcheon-dr", "npw-infra", "홍천 DR 스위치", "10.88.50.1", "dr"),
    # storage: <kind><nn>.<site>.nuripw.kr (FQDN-like)
    ("san01.chc.nuripw.kr", "Unity SAN 01", "storage", "running", "npw-prod", "chuncheon-ncc", "npw-infra", "춘천 공용 스토리지|shared block storage", "10.88.1.31", "core"),
    ("nas01.chc.nuripw.kr", "Historian Archive NAS", "storage", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "히스토리안 아카이브|archive nas", "10.88.1.32", "ot"),
    ("vault01.hcn.nuripw.kr", "백업 볼트 (홍천)", "storage", "running", "npw-dr", "hongcheon-dr", "npw-infra", "홍천 백업 장비|hongcheon vault", "10.88.50.31", "dr"),
    # servers: <role><nn>.<site>.nuripw.kr (FQDN-like)
    ("esx01.chc.nuripw.kr", "ESX Host 01", "server", "running", "npw-prod", "chuncheon-ncc", "npw-infra", "춘천 호스트 1|ncc host one", "10.88.2.1", "core"),
    ("esx02.chc.nuripw.kr", "ESX Host 02", "server", "running", "npw-prod", "chuncheon-ncc", "npw-infra", "춘천 호스트 2|ncc host two", "10.88.2.2", "core"),
    ("esx03.chc.nuripw.kr", "ESX Host 03", "server", "running", "npw-prod", "chuncheon-ncc", "npw-infra", "춘천 호스트 3|ncc host three", "10.88.2.3", "core"),
    ("hist01.chc.nuripw.kr", "PI Historian Server", "server", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "히스토리안 서버|historian box", "10.88.2.11", "ot"),
    ("scada01.chc.nuripw.kr", "SCADA Master (전력)", "server", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "배전 SCADA 서버|grid scada master", "10.88.2.21", "ot"),
    ("scada02.gng.nuripw.kr", "SCADA Master (수도)", "server", "running", "npw-prod", "gangneung-wtp", "water-ops", "정수장 SCADA 서버|water scada master", "10.88.40.21", "ot"),
    ("sub01.wju.nuripw.kr", "변전소 서버 원주", "server", "running", "npw-prod", "wonju-ss", "grid-ops", "", "10.88.30.11", "ot"),
    ("esx51.hcn.nuripw.kr", "DR Host Hongcheon", "server", "running", "npw-dr", "hongcheon-dr", "npw-infra", "홍천 DR 호스트", "10.88.50.51", "dr"),
    # vms: CHCVM<ROLE><nn> (NetBIOS style: upper case, no separator)
    ("CHCVMHES01", "AMI Head-End VM", "vm", "running", "npw-prod", "chuncheon-ncc", "ami-team", "AMI 헤드엔드 VM|head-end vm", "10.88.11.1", "ami"),
    ("CHCVMMDM01", "Meter Data VM 1", "vm", "running", "npw-prod", "chuncheon-ncc", "ami-team", "계량 데이터 VM 1|mdm vm one", "10.88.11.2", "ami"),
    ("CHCVMMDM02", "Meter Data VM 2", "vm", "running", "npw-prod", "chuncheon-ncc", "ami-team", "계량 데이터 VM 2|mdm vm two", "10.88.11.3", "ami"),
    ("CHCVMOMS01", "OMS VM", "vm", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "정전관리 VM|outage vm", "10.88.11.4", "grid"),
    ("CHCVMGIS01", "GIS VM", "vm", "running", "npw-prod", "chuncheon-ncc", "gis-team", "지리정보 VM", "10.88.11.5", "grid"),
    ("CHCVMCIS01", "CIS & Billing VM", "vm", "running", "npw-prod", "chuncheon-ncc", "cis-billing", "요금 VM|billing vm", "10.88.11.6", "cx"),
    ("CHCVMWEB01", "Portal Web VM", "vm", "running", "npw-prod", "chuncheon-ncc", "cis-billing", "고객포털 VM", "10.88.11.7", "cx"),
    ("CHCVMWFM01", "Field Crew VM", "vm", "running", "npw-prod", "chuncheon-ncc", "field-mobile", "현장출동 VM|workforce vm", "10.88.11.8", "grid"),
    ("CHCVMDBS01", "DB VM 1", "vm", "running", "npw-prod", "chuncheon-ncc", "npw-dba", "데이터베이스 VM 1|db vm one", "10.88.11.21", "db"),
    ("CHCVMDBS02", "DB VM 2", "vm", "running", "npw-prod", "chuncheon-ncc", "npw-dba", "데이터베이스 VM 2|db vm two", "10.88.11.22", "db"),
    ("CHCVMTST01", "Test VM (AMI)", "vm", "maintenance", "npw-test", "chuncheon-ncc", "ami-team", "AMI 시험 서버|ami test box", "10.88.12.1", "ami"),
    ("CHCVMOLD01", "Legacy AMR VM", "vm", "stopped", "npw-test", "chuncheon-ncc", "ami-team", "구 원격검침 VM|old amr vm", "10.88.12.2", "ami"),
    # databases: <SYSTEM>P<nn> / <SYSTEM>S<nn> (no separator; P primary, S standby)
    ("MDMP01", "Meter Data DB", "database", "running", "npw-prod", "chuncheon-ncc", "npw-dba", "검침 DB|meter reading database", "10.88.11.121", "ami"),
    ("MDMS01", "Meter Data DB (대기)", "database", "running", "npw-dr", "hongcheon-dr", "npw-dba", "검침 DB 대기|standby meter db", "10.88.50.121", "dr"),
    ("OMSP01", "정전 이력 DB", "database", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "OMS DB|outage history db", "10.88.11.124", "grid"),
    ("GISP01", "GIS Geodatabase", "database", "running", "npw-prod", "chuncheon-ncc", "gis-team", "설비 도면 DB|network model db", "10.88.11.125", "grid"),
    ("CISP01", "고객 요금 DB", "database", "running", "npw-prod", "chuncheon-ncc", "npw-dba", "CIS DB|billing database", "10.88.11.126", "cx"),
    ("WQMP01", "Water Quality DB", "database", "running", "npw-prod", "gangneung-wtp", "water-ops", "수질 측정 DB", "10.88.40.121", "water"),
    # apps: <name>.apps.nuripw.kr (FQDN-like)
    ("hes.apps.nuripw.kr", "AMI Head-End", "app", "running", "npw-prod", "chuncheon-ncc", "ami-team", "AMI 헤드엔드|meter head-end", "10.88.11.201", "ami"),
    ("bus.apps.nuripw.kr", "Event Hub", "app", "running", "npw-prod", "chuncheon-ncc", "ami-team", "메시지 버스|message bus", "10.88.11.202", "ami"),
    ("mdm.apps.nuripw.kr", "Meter Data", "app", "running", "npw-prod", "chuncheon-ncc", "ami-team", "계량데이터관리|mdms", "10.88.11.203", "ami"),
    ("vee.apps.nuripw.kr", "VEE 검증 배치", "app", "error", "npw-prod", "chuncheon-ncc", "ami-team", "검침값 검증|vee batch", "10.88.11.204", "ami"),
    ("oms.apps.nuripw.kr", "Outage Management", "app", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "정전관리시스템|oms", "10.88.11.205", "grid"),
    ("ivr.apps.nuripw.kr", "정전 신고 ARS", "app", "running", "npw-prod", "chuncheon-ncc", "cis-billing", "정전 신고 전화|outage hotline", "10.88.11.206", "cx"),
    ("gis.apps.nuripw.kr", "GIS Viewer", "app", "running", "npw-prod", "chuncheon-ncc", "gis-team", "배전 지도|network map", "10.88.11.207", "grid"),
    ("cis.apps.nuripw.kr", "CIS & Billing", "app", "running", "npw-prod", "chuncheon-ncc", "cis-billing", "요금 시스템|rating engine", "10.88.11.208", "cx"),
    ("bill.apps.nuripw.kr", "월 요금 배치", "app", "running", "npw-prod", "chuncheon-ncc", "cis-billing", "월 청구서 배치|monthly invoicing run", "10.88.11.209", "cx"),
    ("portal.apps.nuripw.kr", "누리 사이버지점", "app", "running", "npw-prod", "chuncheon-ncc", "cis-billing", "인터넷 지점|customer web", "10.88.11.210", "cx"),
    ("wfm.apps.nuripw.kr", "Field Crew Dispatch", "app", "running", "npw-prod", "chuncheon-ncc", "field-mobile", "현장 출동 관리|crew dispatch", "10.88.11.211", "grid"),
    ("pi.apps.nuripw.kr", "PI Historian", "app", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "히스토리안|process historian", "10.88.2.111", "ot"),
    ("scada-e.apps.nuripw.kr", "상태감시 (전력)", "app", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "배전 원격감시|grid scada", "10.88.2.121", "ot"),
    ("scada-w.apps.nuripw.kr", "상태감시 (수도)", "app", "running", "npw-prod", "gangneung-wtp", "water-ops", "정수장 원격감시|water scada", "10.88.40.122", "water"),
    ("rtu.apps.nuripw.kr", "RTU Poller 원주", "app", "running", "npw-prod", "wonju-ss", "grid-ops", "변전소 폴러|substation poller", "10.88.30.111", "ot"),
    ("wq.apps.nuripw.kr", "수질 모니터링", "app", "running", "npw-prod", "gangneung-wtp", "water-ops", "", "10.88.40.123", "water"),
    # load balancers: VS_<NAME>_<port> (F5 virtual-server style, a port number)
    ("VS_PORTAL_443", "F5 외부 VIP", "load_balancer", "running", "npw-prod", "chuncheon-ncc", "npw-infra", "대외 VIP|public vip", "10.88.0.80", "core"),
    ("VS_API_8443", "F5 내부 VIP", "load_balancer", "running", "npw-prod", "chuncheon-ncc", "npw-infra", "업무망 VIP|internal vip", "10.88.0.81", "core"),
    # services: svc:<words> (lower case, a colon)
    ("svc:power-supply", "전력 공급", "service", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "배전 서비스|electricity supply", "", "grid"),
    ("svc:water-supply", "수돗물 공급", "service", "running", "npw-prod", "gangneung-wtp", "water-ops", "상수도 서비스|tap water", "", "water"),
    ("svc:outage-info", "Outage Info & Reporting", "service", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "정전 안내|outage notices", "", "grid"),
    ("svc:meter-reading", "원격 검침", "service", "running", "npw-prod", "chuncheon-ncc", "ami-team", "AMI 검침|smart metering", "", "ami"),
    ("svc:billing", "요금 청구·납부", "service", "running", "npw-prod", "chuncheon-ncc", "cis-billing", "전기수도 요금|bill payment", "", "cx"),
    ("svc:self-service", "사이버 고객센터", "service", "running", "npw-prod", "chuncheon-ncc", "cis-billing", "온라인 민원|online service desk", "", "cx"),
    ("svc:grid-watch", "Grid & Plant Watch", "service", "running", "npw-prod", "chuncheon-ncc", "grid-ops", "설비 감시|plant monitoring", "", "ot"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network: the OT firewall, the DMZ switch and the DR switch uplink to the core; the OT sites hang off the OT firewall
    ("CHC:OTFW-A", "CONNECTS_TO", "CHC:CORE-A"),
    ("CHC:DMZ-A", "CONNECTS_TO", "CHC:CORE-A"),
    ("HCN:DRSW-A", "CONNECTS_TO", "CHC:CORE-A"),
    ("WJU:RTUGW-A", "CONNECTS_TO", "CHC:OTFW-A"),
    ("GNG:PLCSW-A", "CONNECTS_TO", "CHC:OTFW-A"),
    ("esx01.chc.nuripw.kr", "CONNECTS_TO", "CHC:CORE-A"),
    ("esx02.chc.nuripw.kr", "CONNECTS_TO", "CHC:CORE-A"),
    ("esx03.chc.nuripw.kr", "CONNECTS_TO", "CHC:CORE-A"),
    ("san01.chc.nuripw.kr", "CONNECTS_TO", "CHC:CORE-A"),
    ("hist01.chc.nuripw.kr", "CONNECTS_TO", "CHC:OTFW-A"),
    ("scada01.chc.nuripw.kr", "CONNECTS_TO", "CHC:OTFW-A"),
    ("nas01.chc.nuripw.kr", "CONNECTS_TO", "CHC:OTFW-A"),
    ("scada02.gng.nuripw.kr", "CONNECTS_TO", "GNG:PLCSW-A"),
    ("sub01.wju.nuripw.kr", "CONNECTS_TO", "WJU:RTUGW-A"),
    ("esx51.hcn.nuripw.kr", "CONNECTS_TO", "HCN:DRSW-A"),
    ("vault01.hcn.nuripw.kr", "CONNECTS_TO", "HCN:DRSW-A"),
    # hosts -> vms (esx01: HOSTS only, esx02: RUNS_ON only, esx03: both)
    ("esx01.chc.nuripw.kr", "HOSTS", "CHCVMHES01"),
    ("esx01.chc.nuripw.kr", "HOSTS", "CHCVMMDM01"),
    ("esx01.chc.nuripw.kr", "HOSTS", "CHCVMWEB01"),
    ("CHCVMOMS01", "RUNS_ON", "esx02.chc.nuripw.kr"),
    ("CHCVMGIS01", "RUNS_ON", "esx02.chc.nuripw.kr"),
    ("CHCVMWFM01", "RUNS_ON", "esx02.chc.nuripw.kr"),
    ("CHCVMTST01", "RUNS_ON", "esx02.chc.nuripw.kr"),
    ("CHCVMOLD01", "RUNS_ON", "esx02.chc.nuripw.kr"),
    ("esx03.chc.nuripw.kr", "HOSTS", "CHCVMMDM02"),
    ("esx03.chc.nuripw.kr", "HOSTS", "CHCVMCIS01"),
    ("esx03.chc.nuripw.kr", "HOSTS", "CHCVMDBS01"),
    ("esx03.chc.nuripw.kr", "HOSTS", "CHCVMDBS02"),
    ("CHCVMMDM02", "RUNS_ON", "esx03.chc.nuripw.kr"),
    ("CHCVMCIS01", "RUNS_ON", "esx03.chc.nuripw.kr"),
    ("CHCVMDBS01", "RUNS_ON", "esx03.chc.nuripw.kr"),
    ("CHCVMDBS02", "RUNS_ON", "esx03.chc.nuripw.kr"),
    ("CHCVMDBS01", "DEPENDS_ON", "san01.chc.nuripw.kr"),
    ("CHCVMDBS02", "DEPENDS_ON", "san01.chc.nuripw.kr"),
    # databases (the standby meter DB and the water-quality DB run on servers directly)
    ("MDMP01", "RUNS_ON", "CHCVMDBS01"),
    ("CISP01", "RUNS_ON", "CHCVMDBS02"),
    ("OMSP01", "RUNS_ON", "CHCVMOMS01"),
    ("GISP01", "RUNS_ON", "CHCVMGIS01"),
    ("MDMS01", "RUNS_ON", "esx51.hcn.nuripw.kr"),
    ("WQMP01", "RUNS_ON", "scada02.gng.nuripw.kr"),
    ("MDMP01", "DEPENDS_ON", "san01.chc.nuripw.kr"),
    ("CISP01", "DEPENDS_ON", "san01.chc.nuripw.kr"),
    ("MDMS01", "DEPENDS_ON", "MDMP01"),
    ("MDMS01", "DEPENDS_ON", "vault01.hcn.nuripw.kr"),
    # apps on vms / bare metal
    ("hes.apps.nuripw.kr", "RUNS_ON", "CHCVMHES01"),
    ("bus.apps.nuripw.kr", "RUNS_ON", "CHCVMHES01"),
    ("mdm.apps.nuripw.kr", "RUNS_ON", "CHCVMMDM01"),
    ("vee.apps.nuripw.kr", "RUNS_ON", "CHCVMMDM02"),
    ("oms.apps.nuripw.kr", "RUNS_ON", "CHCVMOMS01"),
    ("ivr.apps.nuripw.kr", "RUNS_ON", "CHCVMOMS01"),
    ("gis.apps.nuripw.kr", "RUNS_ON", "CHCVMGIS01"),
    ("cis.apps.nuripw.kr", "RUNS_ON", "CHCVMCIS01"),
    ("bill.apps.nuripw.kr", "RUNS_ON", "CHCVMCIS01"),
    ("portal.apps.nuripw.kr", "RUNS_ON", "CHCVMWEB01"),
    ("wfm.apps.nuripw.kr", "RUNS_ON", "CHCVMWFM01"),
    ("pi.apps.nuripw.kr", "RUNS_ON", "hist01.chc.nuripw.kr"),
    ("scada-e.apps.nuripw.kr", "RUNS_ON", "scada01.chc.nuripw.kr"),
    ("scada-w.apps.nuripw.kr", "RUNS_ON", "scada02.gng.nuripw.kr"),
    ("rtu.apps.nuripw.kr", "RUNS_ON", "sub01.wju.nuripw.kr"),
    ("wq.apps.nuripw.kr", "RUNS_ON", "scada02.gng.nuripw.kr"),
    # app dependencies
    ("hes.apps.nuripw.kr", "DEPENDS_ON", "bus.apps.nuripw.kr"),
    ("hes.apps.nuripw.kr", "CONNECTS_TO", "CHC:DMZ-A"),
    ("mdm.apps.nuripw.kr", "DEPENDS_ON", "MDMP01"),
    ("mdm.apps.nuripw.kr", "DEPENDS_ON", "bus.apps.nuripw.kr"),
    ("vee.apps.nuripw.kr", "DEPENDS_ON", "MDMP01"),
    ("vee.apps.nuripw.kr", "DEPENDS_ON", "mdm.apps.nuripw.kr"),
    ("cis.apps.nuripw.kr", "DEPENDS_ON", "CISP01"),
    ("bill.apps.nuripw.kr", "DEPENDS_ON", "CISP01"),
    ("bill.apps.nuripw.kr", "DEPENDS_ON", "mdm.apps.nuripw.kr"),
    ("bill.apps.nuripw.kr", "DEPENDS_ON", "cis.apps.nuripw.kr"),
    ("oms.apps.nuripw.kr", "DEPENDS_ON", "OMSP01"),
    ("oms.apps.nuripw.kr", "DEPENDS_ON", "gis.apps.nuripw.kr"),
    ("oms.apps.nuripw.kr", "DEPENDS_ON", "scada-e.apps.nuripw.kr"),
    ("oms.apps.nuripw.kr", "DEPENDS_ON", "bus.apps.nuripw.kr"),
    ("ivr.apps.nuripw.kr", "DEPENDS_ON", "oms.apps.nuripw.kr"),
    ("ivr.apps.nuripw.kr", "DEPENDS_ON", "cis.apps.nuripw.kr"),
    ("gis.apps.nuripw.kr", "DEPENDS_ON", "GISP01"),
    ("portal.apps.nuripw.kr", "DEPENDS_ON", "cis.apps.nuripw.kr"),
    ("portal.apps.nuripw.kr", "DEPENDS_ON", "oms.apps.nuripw.kr"),
    ("portal.apps.nuripw.kr", "DEPENDS_ON", "bill.apps.nuripw.kr"),
    ("wfm.apps.nuripw.kr", "DEPENDS_ON", "oms.apps.nuripw.kr"),
    ("wfm.apps.nuripw.kr", "DEPENDS_ON", "gis.apps.nuripw.kr"),
    ("pi.apps.nuripw.kr", "DEPENDS_ON", "nas01.chc.nuripw.kr"),
    ("scada-e.apps.nuripw.kr", "DEPENDS_ON", "rtu.apps.nuripw.kr"),
    ("scada-e.apps.nuripw.kr", "DEPENDS_ON", "pi.apps.nuripw.kr"),
    ("scada-e.apps.nuripw.kr", "CONNECTS_TO", "WJU:RTUGW-A"),
    ("rtu.apps.nuripw.kr", "CONNECTS_TO", "WJU:RTUGW-A"),
    ("scada-w.apps.nuripw.kr", "DEPENDS_ON", "pi.apps.nuripw.kr"),
    ("scada-w.apps.nuripw.kr", "CONNECTS_TO", "GNG:PLCSW-A"),
    ("wq.apps.nuripw.kr", "DEPENDS_ON", "WQMP01"),
    ("wq.apps.nuripw.kr", "DEPENDS_ON", "scada-w.apps.nuripw.kr"),
    # load balancers
    ("VS_PORTAL_443", "CONNECTS_TO", "portal.apps.nuripw.kr"),
    ("VS_PORTAL_443", "CONNECTS_TO", "ivr.apps.nuripw.kr"),
    ("VS_API_8443", "CONNECTS_TO", "hes.apps.nuripw.kr"),
    ("VS_API_8443", "CONNECTS_TO", "mdm.apps.nuripw.kr"),
    ("VS_API_8443", "CONNECTS_TO", "wfm.apps.nuripw.kr"),
    # services
    ("svc:power-supply", "DEPENDS_ON", "scada-e.apps.nuripw.kr"),
    ("svc:power-supply", "DEPENDS_ON", "rtu.apps.nuripw.kr"),
    ("svc:power-supply", "DEPENDS_ON", "oms.apps.nuripw.kr"),
    ("svc:water-supply", "DEPENDS_ON", "scada-w.apps.nuripw.kr"),
    ("svc:water-supply", "DEPENDS_ON", "wq.apps.nuripw.kr"),
    ("svc:outage-info", "DEPENDS_ON", "oms.apps.nuripw.kr"),
    ("svc:outage-info", "DEPENDS_ON", "ivr.apps.nuripw.kr"),
    ("svc:outage-info", "DEPENDS_ON", "portal.apps.nuripw.kr"),
    ("svc:outage-info", "DEPENDS_ON", "VS_PORTAL_443"),
    ("svc:meter-reading", "DEPENDS_ON", "hes.apps.nuripw.kr"),
    ("svc:meter-reading", "DEPENDS_ON", "mdm.apps.nuripw.kr"),
    ("svc:meter-reading", "DEPENDS_ON", "vee.apps.nuripw.kr"),
    ("svc:meter-reading", "DEPENDS_ON", "VS_API_8443"),
    ("svc:billing", "DEPENDS_ON", "bill.apps.nuripw.kr"),
    ("svc:billing", "DEPENDS_ON", "cis.apps.nuripw.kr"),
    ("svc:billing", "DEPENDS_ON", "portal.apps.nuripw.kr"),
    ("svc:self-service", "DEPENDS_ON", "portal.apps.nuripw.kr"),
    ("svc:self-service", "DEPENDS_ON", "VS_PORTAL_443"),
    ("svc:grid-watch", "DEPENDS_ON", "pi.apps.nuripw.kr"),
    ("svc:grid-watch", "DEPENDS_ON", "scada-e.apps.nuripw.kr"),
    ("svc:grid-watch", "DEPENDS_ON", "scada-w.apps.nuripw.kr"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: grid (winter electricity demand: morning peak 09:30 and evening peak 19:00, lower on weekends and holidays),
#           water (tap-water demand: 07:00 and 20:00 peaks, a later morning on days off), meter (AMI collection:
#           00:00-03:00 every night), office (billing, GIS, crews: weekdays 09-18), customer (portal and hotline:
#           daytime plateau and an evening bump, busier on days off), noc (always on), flat
METRIC_PLAN = {
    "esx01.chc.nuripw.kr": {"cpu_usage": (38, 0.50, 2.0, "meter"), "mem_usage": (72, 0.05, 1.0, "meter"), "disk_usage": (44, 0, 0.2, "flat")},
    "esx02.chc.nuripw.kr": {"cpu_usage": (41, 0.50, 2.1, "grid"), "mem_usage": (77, 0.05, 1.0, "grid"), "disk_usage": (51, 0, 0.2, "flat")},
    "esx03.chc.nuripw.kr": {"cpu_usage": (33, 0.60, 2.0, "office"), "mem_usage": (68, 0.05, 1.0, "office"), "disk_usage": (47, 0, 0.2, "flat")},
    "hist01.chc.nuripw.kr": {"cpu_usage": (29, 0.40, 1.6, "grid"), "mem_usage": (63, 0.03, 0.8, "grid"), "disk_usage": (55, 0, 0.2, "flat")},
    "scada01.chc.nuripw.kr": {"cpu_usage": (35, 0.60, 2.0, "grid"), "mem_usage": (58, 0.04, 1.0, "grid"), "disk_usage": (34, 0, 0.2, "flat")},
    "scada02.gng.nuripw.kr": {"cpu_usage": (27, 0.60, 1.8, "water"), "mem_usage": (53, 0.04, 1.0, "water"), "disk_usage": (39, 0, 0.2, "flat")},
    "sub01.wju.nuripw.kr": {"cpu_usage": (21, 0.50, 1.5, "grid"), "mem_usage": (46, 0.04, 1.0, "grid"), "disk_usage": (28, 0, 0.2, "flat")},
    "esx51.hcn.nuripw.kr": {"cpu_usage": (11, 0.20, 0.8, "flat"), "mem_usage": (41, 0.02, 0.8, "flat"), "disk_usage": (36, 0, 0.2, "flat")},
    "CHCVMHES01": {"cpu_usage": (25, 0.90, 1.8, "meter"), "mem_usage": (61, 0.05, 1.0, "meter"), "disk_usage": (42, 0, 0.2, "flat")},
    "CHCVMMDM01": {"cpu_usage": (23, 0.80, 1.6, "meter"), "mem_usage": (52, 0.04, 0.8, "meter"), "disk_usage": (48, 0, 0.2, "flat")},
    "CHCVMMDM02": {"cpu_usage": (18, 0.80, 1.4, "meter"), "mem_usage": (49, 0.04, 0.8, "meter"), "disk_usage": (37, 0, 0.2, "flat")},
    "CHCVMOMS01": {"cpu_usage": (26, 0.60, 1.8, "grid"), "mem_usage": (66, 0.04, 1.0, "grid"), "disk_usage": (45, 0, 0.2, "flat")},
    "CHCVMGIS01": {"cpu_usage": (16, 0.70, 1.4, "office"), "mem_usage": (57, 0.05, 1.0, "office"), "disk_usage": (62, 0, 0.2, "flat")},
    "CHCVMCIS01": {"cpu_usage": (30, 0.70, 1.8, "office"), "mem_usage": (70, 0.05, 1.0, "office"), "disk_usage": (53, 0, 0.2, "flat")},
    "CHCVMWEB01": {"cpu_usage": (20, 0.80, 1.5, "customer"), "mem_usage": (55, 0.05, 1.0, "customer"), "disk_usage": (31, 0, 0.2, "flat")},
    "CHCVMWFM01": {"cpu_usage": (13, 0.70, 1.2, "office"), "mem_usage": (47, 0.05, 1.0, "office"), "disk_usage": (33, 0, 0.2, "flat")},
    "CHCVMDBS01": {"cpu_usage": (31, 0.50, 1.8, "meter"), "mem_usage": (84, 0.02, 0.6, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "CHCVMDBS02": {"cpu_usage": (24, 0.60, 1.6, "office"), "mem_usage": (81, 0.02, 0.6, "flat"), "disk_usage": (59, 0, 0.2, "flat")},
    "CHCVMTST01": {"cpu_usage": (14, 0.30, 1.0, "flat"), "mem_usage": (38, 0.03, 1.0, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "CHCVMOLD01": {"cpu_usage": (9, 0.30, 0.8, "meter"), "mem_usage": (34, 0.03, 1.0, "flat"), "disk_usage": (25, 0, 0.2, "flat")},
    "MDMP01": {"cpu_usage": (33, 0.50, 2.0, "meter"), "mem_usage": (87, 0.02, 0.5, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "MDMS01": {"cpu_usage": (12, 0.20, 0.8, "flat"), "mem_usage": (71, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "OMSP01": {"cpu_usage": (22, 0.60, 1.6, "grid"), "mem_usage": (75, 0.02, 0.6, "flat"), "disk_usage": (49, 0, 0.2, "flat")},
    "GISP01": {"cpu_usage": (15, 0.60, 1.2, "office"), "mem_usage": (69, 0.02, 0.6, "flat"), "disk_usage": (52, 0, 0.2, "flat")},
    "CISP01": {"cpu_usage": (26, 0.70, 1.8, "office"), "mem_usage": (79, 0.02, 0.6, "flat"), "disk_usage": (66, 0, 0.2, "flat")},
    "WQMP01": {"cpu_usage": (10, 0.40, 0.9, "water"), "mem_usage": (44, 0.02, 0.6, "flat"), "disk_usage": (35, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "hes.apps.nuripw.kr": {"cpu_usage": (24, 0.90, 1.8, "meter"), "latency_ms": (180, 0.40, 6.0, "meter"), "error_rate": (0.20, 0.3, 0.04, "meter")},
    "bus.apps.nuripw.kr": {"cpu_usage": (19, 0.80, 1.5, "meter"), "latency_ms": (8, 0.40, 0.4, "meter"), "error_rate": (0.04, 0.3, 0.01, "meter")},
    "mdm.apps.nuripw.kr": {"cpu_usage": (28, 0.80, 1.8, "meter"), "latency_ms": (640, 0.30, 15.0, "meter"), "error_rate": (0.30, 0.3, 0.05, "meter")},
    "vee.apps.nuripw.kr": {"cpu_usage": (9, 0.90, 1.0, "meter"), "latency_ms": (2100, 0.20, 50.0, "meter"), "error_rate": (0.15, 0.3, 0.03, "meter")},
    "oms.apps.nuripw.kr": {"cpu_usage": (22, 0.60, 1.6, "grid"), "latency_ms": (350, 0.30, 10.0, "grid"), "error_rate": (0.18, 0.3, 0.04, "grid")},
    "ivr.apps.nuripw.kr": {"cpu_usage": (12, 0.70, 1.2, "customer"), "latency_ms": (95, 0.30, 3.0, "customer"), "error_rate": (0.10, 0.3, 0.02, "customer")},
    "gis.apps.nuripw.kr": {"cpu_usage": (17, 0.70, 1.4, "office"), "latency_ms": (520, 0.30, 14.0, "office"), "error_rate": (0.12, 0.3, 0.03, "office")},
    "cis.apps.nuripw.kr": {"cpu_usage": (29, 0.70, 2.0, "office"), "latency_ms": (410, 0.30, 12.0, "office"), "error_rate": (0.25, 0.3, 0.05, "office")},
    "bill.apps.nuripw.kr": {"cpu_usage": (7, 0.90, 1.0, "meter"), "latency_ms": (2900, 0.20, 60.0, "meter"), "error_rate": (0.11, 0.3, 0.03, "meter")},
    "portal.apps.nuripw.kr": {"cpu_usage": (18, 0.70, 1.4, "customer"), "latency_ms": (280, 0.30, 9.0, "customer"), "error_rate": (0.22, 0.3, 0.05, "customer")},
    "wfm.apps.nuripw.kr": {"cpu_usage": (11, 0.70, 1.0, "office"), "latency_ms": (150, 0.30, 5.0, "office"), "error_rate": (0.08, 0.3, 0.02, "office")},
    "pi.apps.nuripw.kr": {"cpu_usage": (31, 0.40, 1.6, "grid"), "latency_ms": (42, 0.30, 1.5, "grid"), "error_rate": (0.05, 0.2, 0.01, "grid")},
    "scada-e.apps.nuripw.kr": {"cpu_usage": (34, 0.60, 2.0, "grid"), "latency_ms": (65, 0.30, 2.0, "grid"), "error_rate": (0.07, 0.2, 0.015, "grid")},
    "scada-w.apps.nuripw.kr": {"cpu_usage": (26, 0.60, 1.7, "water"), "latency_ms": (72, 0.30, 2.2, "water"), "error_rate": (0.06, 0.2, 0.015, "water")},
    "rtu.apps.nuripw.kr": {"cpu_usage": (20, 0.50, 1.4, "grid"), "latency_ms": (110, 0.30, 3.0, "grid"), "error_rate": (0.09, 0.2, 0.02, "grid")},
    "wq.apps.nuripw.kr": {"cpu_usage": (8, 0.40, 0.8, "water"), "latency_ms": (33, 0.30, 1.2, "water"), "error_rate": (0.04, 0.2, 0.01, "water")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "CHCVMOLD01": datetime(2028, 2, 15, 14, 0, tzinfo=KST),
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
    if kind == "grid":
        peaks = max(math.exp(-(circ(h, 9.5) / 1.5) ** 2), math.exp(-(circ(h, 19.0) / 2.0) ** 2))
        base = 0.25 + 0.15 * math.exp(-((h - 14.0) / 4.0) ** 2)
        if off or sat:
            peaks *= 0.65
        return base + 0.6 * peaks
    if kind == "water":
        m = 9.0 if (off or sat) else 7.0
        return 0.15 + 0.75 * max(math.exp(-(circ(h, m) / 1.2) ** 2), 0.9 * math.exp(-(circ(h, 20.0) / 1.8) ** 2))
    if kind == "meter":
        return 0.1 + 0.9 * math.exp(-(circ(h, 1.5) / 1.2) ** 2)
    if kind == "office":
        if off:
            return 0.05
        if sat:
            return 0.1
        return math.exp(-((h - 13.5) / 3.0) ** 2)
    if kind == "customer":
        plateau = 1.0 / (1 + math.exp(-(h - 8.5) * 1.5)) * 1.0 / (1 + math.exp((h - 23.0) * 1.5))
        bump = math.exp(-(circ(h, 20.5) / 1.5) ** 2)
        return 0.1 + (0.55 if (off or sat) else 0.45) * plateau + 0.35 * bump
    if kind == "noc":
        return 0.7
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
    # 1. cold snap evening peak, Fri 2027-12-17 18:00-20:00: grid SCADA slow (RTU polling 2 s -> 1 s at 13:00, 7.2.1 at 14:30)
    if within(ts, kst(2027, 12, 17, 18), kst(2027, 12, 17, 20)):
        if code == "scada-e.apps.nuripw.kr" and metric == "latency_ms":
            v *= 4.0
        if code == "scada-e.apps.nuripw.kr" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "scada01.chc.nuripw.kr" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.7)
    # growth: historian server disk over the three months (1-second tags kept for the regulator)
    if code == "hist01.chc.nuripw.kr" and metric == "disk_usage":
        v += 27.0 * ramp(ts, M_START, M_END)
    # 2. New Year's Eve meter-read backlog, Fri 2027-12-31 22:00 - Sat 2028-01-01 02:00 (Event Hub partitions 16:30, HES 4.8.0 at 19:00)
    if within(ts, kst(2027, 12, 31, 22), kst(2028, 1, 1, 2)):
        if code == "hes.apps.nuripw.kr" and metric == "latency_ms":
            v *= 5.0
        if code == "hes.apps.nuripw.kr" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "CHCVMHES01" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.6)
        if code == "bus.apps.nuripw.kr" and metric == "latency_ms":
            v *= 3.0
    # level shift: meter-data VM 1 memory after the 15-minute interval reads went live, from Mon 2028-01-10 10:00
    if code == "CHCVMMDM01" and metric == "mem_usage" and ts >= kst(2028, 1, 10, 10):
        v += 14.0
    # 3. Seollal morning, Wed 2028-01-26 06:00-08:00: water SCADA alarm flood (PLC firmware 02:00, 상태감시 (수도) 3.4.0 at 03:30)
    if within(ts, kst(2028, 1, 26, 6), kst(2028, 1, 26, 8)):
        if code == "scada-w.apps.nuripw.kr" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "scada-w.apps.nuripw.kr" and metric == "latency_ms":
            v *= 3.0
        if code == "scada02.gng.nuripw.kr" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 0.8)
        if code == "wq.apps.nuripw.kr" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # growth: GIS geodatabase disk after the network-model refresh on 2028-02-01
    if code == "GISP01" and metric == "disk_usage":
        v += 24.0 * ramp(ts, kst(2028, 2, 1, 9), M_END)
    # 4. windstorm outage wave, Mon 2028-02-07 14:00-16:30: OMS slow (prediction model 09:00, Outage Management 11.2 at 10:30)
    if within(ts, kst(2028, 2, 7, 14), kst(2028, 2, 7, 16, 30)):
        if code == "oms.apps.nuripw.kr" and metric == "latency_ms":
            v *= 6.0
        if code == "oms.apps.nuripw.kr" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "OMSP01" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.7)
        if code == "ivr.apps.nuripw.kr" and metric == "error_rate":
            v += 4.0 + rng.gauss(0, 0.3)
    # 5. VEE batch overrun, Thu 2028-02-17 01:00-04:00 (meter DB index 20:00 Wed, VEE 2.9.0 at 22:30 Wed)
    if within(ts, kst(2028, 2, 17, 1), kst(2028, 2, 17, 4)):
        if code == "vee.apps.nuripw.kr" and metric == "latency_ms":
            v *= 6.0
        if code == "vee.apps.nuripw.kr" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "MDMP01" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.5)
        if code == "CHCVMMDM02" and metric == "cpu_usage":
            v += 40
    # AMI test VM in maintenance from Sun 2028-02-27 09:00: idle
    if code == "CHCVMTST01" and metric == "cpu_usage" and ts >= kst(2028, 2, 27, 9):
        v = 2 + rng.gauss(0, 0.4)
    # 6. leap day, Tue 2028-02-29 09:00-11:00: portal slow after the bill notices (billing DB partition 05:00, portal 6.0 at 07:00)
    if within(ts, kst(2028, 2, 29, 9), kst(2028, 2, 29, 11)):
        if code == "portal.apps.nuripw.kr" and metric == "latency_ms":
            v *= 5.0
        if code == "portal.apps.nuripw.kr" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "CISP01" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.8)
        if code == "cis.apps.nuripw.kr" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # 7. heavy snow at the Wonju substation, Wed 2028-03-01 from 04:00, ongoing (gateway ACL 23:30, RTU Poller 5.0.1 at 00:30)
    if ts >= kst(2028, 3, 1, 4):
        if code == "rtu.apps.nuripw.kr" and metric == "error_rate":
            v = 12.0 + rng.gauss(0, 0.6)
        if code == "rtu.apps.nuripw.kr" and metric == "latency_ms":
            v *= 4.0
        if code == "sub01.wju.nuripw.kr" and metric == "cpu_usage":
            v = 89 + rng.gauss(0, 0.8)
        if code == "scada-e.apps.nuripw.kr" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
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
            # sub01: 2016-02-29 (leap day) 09:00-12:00 Seoul = 00:00-03:00Z, a relay-setting upload to all feeders
            if code == "sub01.wju.nuripw.kr" and datetime(2016, 2, 29, 0, tzinfo=UTC) <= t < datetime(2016, 2, 29, 3, tzinfo=UTC):
                v = 78 + rng.gauss(0, 1.5)
            # hist01: heat wave 2017-06-12..16, afternoons 13:00-17:00 Seoul (04:00-08:00Z) +15
            if code == "hist01.chc.nuripw.kr" and datetime(2017, 6, 12, tzinfo=UTC) <= t < datetime(2017, 6, 17, tzinfo=UTC) \
                    and 4 <= t.hour < 8:
                v += 15.0
            # hist01: 2017-06-14 13:00-15:30 Seoul = 04:00-06:30Z, the summer peak-demand record (tag backfill)
            if code == "hist01.chc.nuripw.kr" and datetime(2017, 6, 14, 4, tzinfo=UTC) <= t < datetime(2017, 6, 14, 6, 30, tzinfo=UTC):
                v = 87 + rng.gauss(0, 1.3)
            # scada02: 2018-01-01 00:00-01:30 Seoul = 2017-12-31 15:00-16:30Z, a cold snap, frozen-pipe pressure alarms
            if code == "scada02.gng.nuripw.kr" and datetime(2017, 12, 31, 15, tzinfo=UTC) <= t < datetime(2017, 12, 31, 16, 30, tzinfo=UTC):
                v = 83 + rng.gauss(0, 1.4)
            # scada02: a level shift from 2018-01-03 00:00Z (a second alarm-polling cycle)
            if code == "scada02.gng.nuripw.kr" and t >= datetime(2018, 1, 3, tzinfo=UTC):
                v += 5.0
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    # (ts, code, type, severity, title, detail)
    (kst(2027, 12, 8, 22, 0), "san01.chc.nuripw.kr", "change", "info", "Unity SAN 01 펌웨어 업그레이드", "CHG-271208 non-disruptive; 2 SPs"),
    (kst(2027, 12, 13, 2, 0), "CHC:CORE-A", "change", "info", "춘천 코어 스위치 NX-OS 10.3 업그레이드", "CHG-271213 ISSU; no loss"),
    # 1. cold snap, Fri 12-17
    (kst(2027, 12, 17, 13, 0), "rtu.apps.nuripw.kr", "change", "info", "RTU 폴링 주기 2초 -> 1초 변경 (한파 대비)", "CHG-271217 faster scan"),
    (kst(2027, 12, 17, 14, 30), "scada-e.apps.nuripw.kr", "deploy", "info", "상태감시 (전력) 7.2.1 배포", "release 7.2.1"),
    (kst(2027, 12, 17, 18, 10), "scada-e.apps.nuripw.kr", "incident", "major", "배전 SCADA 화면 갱신 지연 (한파 최대부하)", "INC-271217-01 screen refresh 9 s"),
    (kst(2027, 12, 17, 20, 15), "scada-e.apps.nuripw.kr", "change", "info", "상태감시 (전력) 7.2.0 롤백", "rollback; polling 2 s restored"),
    # 2. New Year's Eve, Fri 12-31 -> Sat 01-01
    (kst(2027, 12, 31, 16, 30), "bus.apps.nuripw.kr", "change", "info", "Event Hub partition count 24 -> 48", "CHG-271231 rebalance"),
    (kst(2027, 12, 31, 19, 0), "hes.apps.nuripw.kr", "deploy", "info", "AMI Head-End 4.8.0 deploy", "release 4.8.0"),
    (kst(2027, 12, 31, 22, 20), "hes.apps.nuripw.kr", "incident", "critical", "자정 검침 수집 적체 (연말 정산 검침)", "INC-271231-01 310k reads late"),
    (kst(2028, 1, 1, 2, 10), "hes.apps.nuripw.kr", "change", "info", "AMI Head-End 4.7.3 rollback", "rollback; backlog drained 03:40"),
    (kst(2028, 1, 5, 10, 0), "portal.apps.nuripw.kr", "change", "info", "누리 사이버지점 TLS 인증서 갱신", "CHG-280105 valid to 2029-01"),
    (kst(2028, 1, 10, 10, 0), "mdm.apps.nuripw.kr", "change", "info", "15분 단위 검침 전환 (1단계 120만 호)", "CHG-280110 interval reads"),
    # 3. Seollal morning, Wed 01-26
    (kst(2028, 1, 26, 2, 0), "GNG:PLCSW-A", "change", "info", "정수장 PLC 펌웨어 업데이트", "CHG-280126 firmware 4.1"),
    (kst(2028, 1, 26, 3, 30), "scada-w.apps.nuripw.kr", "deploy", "info", "상태감시 (수도) 3.4.0 배포", "release 3.4.0"),
    (kst(2028, 1, 26, 6, 15), "scada-w.apps.nuripw.kr", "incident", "major", "배수지 수압 경보 폭주 (설 연휴 한파)", "INC-280126-01 2140 alarms in 1 h"),
    (kst(2028, 1, 26, 8, 20), "scada-w.apps.nuripw.kr", "change", "info", "상태감시 (수도) 3.3.2 롤백", "rollback; alarm flood stopped"),
    (kst(2028, 2, 1, 9, 0), "gis.apps.nuripw.kr", "change", "info", "배전 설비 모델 전체 갱신 (2028 1분기)", "CHG-280201 network model refresh"),
    # 4. windstorm, Mon 02-07
    (kst(2028, 2, 7, 9, 0), "oms.apps.nuripw.kr", "change", "info", "OMS 정전 예측 모델 교체", "CHG-280207 prediction v3"),
    (kst(2028, 2, 7, 10, 30), "oms.apps.nuripw.kr", "deploy", "info", "Outage Management 11.2 deploy", "release 11.2"),
    (kst(2028, 2, 7, 14, 5), "OMSP01", "alert", "major", "정전 이력 DB CPU over 90%", "cpu_usage 94%"),
    (kst(2028, 2, 7, 14, 10), "oms.apps.nuripw.kr", "incident", "critical", "강풍 정전 접수 처리 지연", "INC-280207-01 4800 calls waiting"),
    (kst(2028, 2, 7, 16, 40), "oms.apps.nuripw.kr", "change", "info", "Outage Management 11.1.4 rollback", "rollback; tickets flowing"),
    (kst(2028, 2, 15, 14, 0), "CHCVMOLD01", "change", "info", "Legacy AMR VM 전원 종료 (구 원격검침 폐기)", "CHG-280215 powered off"),
    # 5. VEE overrun, Wed 02-16 night -> Thu 02-17
    (kst(2028, 2, 16, 20, 0), "MDMP01", "change", "info", "검침 DB 인덱스 재구성 (구간 검침 테이블)", "CHG-280216 online rebuild"),
    (kst(2028, 2, 16, 22, 30), "vee.apps.nuripw.kr", "deploy", "info", "VEE 검증 배치 2.9.0 배포", "release 2.9.0"),
    (kst(2028, 2, 17, 1, 10), "vee.apps.nuripw.kr", "incident", "critical", "검침값 검증 배치 지연 (추정치 생성 실패)", "INC-280217-01 62k meters unvalidated"),
    (kst(2028, 2, 17, 4, 20), "vee.apps.nuripw.kr", "change", "info", "VEE 검증 배치 2.8.6 롤백", "rollback; rerun at 05:00"),
    (kst(2028, 2, 20, 23, 0), "MDMS01", "change", "info", "홍천 검침 DB 전환 훈련 (분기 정기)", "CHG-280220 switchover drill 22 min"),
    (kst(2028, 2, 22, 3, 0), "esx02.chc.nuripw.kr", "change", "info", "ESX Host 02 보안 패치 (ESXi 8.0 U3d)", "CHG-280222 rolling; vMotion"),
    (kst(2028, 2, 24, 16, 20), "VS_PORTAL_443", "alert", "minor", "F5 외부 VIP connections over 40k", "41200 concurrent"),
    (kst(2028, 2, 27, 9, 0), "CHCVMTST01", "change", "info", "Test VM (AMI) 점검 모드 전환 (시험 계량기 교체)", "CHG-280227 maintenance"),
    (kst(2028, 2, 28, 21, 40), "pi.apps.nuripw.kr", "alert", "minor", "PI Historian archive queue over 50k events", "51900 queued"),
    # 6. leap day, Tue 02-29
    (kst(2028, 2, 29, 5, 0), "CISP01", "change", "info", "고객 요금 DB 청구 테이블 파티션 추가 (3월분)", "CHG-280229 partition 2028-03"),
    (kst(2028, 2, 29, 7, 0), "portal.apps.nuripw.kr", "deploy", "info", "누리 사이버지점 6.0 배포 (모바일 청구서)", "release 6.0"),
    (kst(2028, 2, 29, 9, 10), "portal.apps.nuripw.kr", "incident", "major", "사이버지점 로그인 지연 (청구서 조회 폭주)", "INC-280229-01 login 14 s"),
    (kst(2028, 2, 29, 11, 20), "portal.apps.nuripw.kr", "change", "info", "누리 사이버지점 5.9.2 롤백", "rollback; login under 1 s"),
    (kst(2028, 2, 29, 3, 30), "vee.apps.nuripw.kr", "alert", "major", "VEE 검증 배치 중단 (입력 파일 누락)", "step 3 of 5 halted"),
    # 7. heavy snow, Wed 03-01 (today), ongoing
    (kst(2028, 2, 29, 23, 30), "WJU:RTUGW-A", "change", "info", "원주 RTU 게이트웨이 ACL 변경 (DNP3 보안 인증)", "CHG-280229B DNP3 SA v5"),
    (kst(2028, 3, 1, 0, 30), "rtu.apps.nuripw.kr", "deploy", "info", "RTU Poller 원주 5.0.1 배포", "release 5.0.1"),
    (kst(2028, 3, 1, 4, 10), "rtu.apps.nuripw.kr", "incident", "critical", "원주 변전소 원격 통신 두절 (폭설)", "INC-280301-01 14 feeders dark"),
    (kst(2028, 3, 1, 4, 50), "sub01.wju.nuripw.kr", "alert", "major", "변전소 서버 원주 CPU over 85%", "cpu_usage 89%"),
]

BUILD_APPS = ["hes.apps.nuripw.kr", "mdm.apps.nuripw.kr", "cis.apps.nuripw.kr", "portal.apps.nuripw.kr", "wfm.apps.nuripw.kr",
              "gis.apps.nuripw.kr", "ivr.apps.nuripw.kr"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines, 02-22 .. 02-29 (01:00-03:45; none after now)
    day = kst(2028, 2, 22)
    n = 0
    while day < kst(2028, 3, 1):
        for code in BUILD_APPS:
            if rng.random() < 0.35:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{500 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky integration test"))
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "day:2028-02-29", "day:2028-02-28", "day:2028-02-17", "day:2028-02-07", "days:2028-01-25..2028-01-27", "day:2028-01-26", "day:2027-12-31", "day:2028-01-01", "day:2027-12-17", "month:2028-01", "month:2027-12", "last:7d", "last:30d"):
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
