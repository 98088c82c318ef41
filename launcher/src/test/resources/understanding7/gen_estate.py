#!/usr/bin/env python3
"""Deterministic generator for the "Saebyeol Telecom" (새별텔레콤) network-operations understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids T###, halves "dev11" / "test7") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding6/gen_estate.py (the "Daesung Precision"
set), copied unchanged from event_checks() onwards (only the days of --summary differ); only the
estate, the clock, the sampling (hourly from 2026-09-01, every 10 minutes from 2026-10-29 on, and
three 5-minute UTC blocks in February-April 2019 shaped like public AWS CloudWatch EC2 CPU series),
the names, the personas and the questions differ.  See README.md.

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
HALVES = ("dev11", "test7")
ID_PREFIX = "T"
TAG_LETTER = "K"
SEED = 20261207
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2026, 10, 31, 23, 47, tzinfo=KST)           # a Saturday, 13 minutes before midnight, last day of October
M_START = datetime(2026, 9, 1, 0, 0, tzinfo=KST)           # a Tuesday; hourly samples (a rollup) ...
FINE_START = datetime(2026, 10, 29, 0, 0, tzinfo=KST)      # ... then every 10 minutes from this Thursday
M_END = NOW                                                 # inclusive: last sample at 23:40 (23:50 is after now)
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=10)
H_STEP = timedelta(minutes=5)
# 2019 blocks, CloudWatch-like 5-minute cpu_usage (UTC, odd minute offsets like the NAB realAWSCloudwatch files)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("S10-0040", datetime(2019, 1, 31, 15, 3, tzinfo=UTC), 3456, 19.0, 1.4, 0.006),
    ("S10-0036", datetime(2019, 2, 25, 0, 7, tzinfo=UTC), 4032, 6.2, 0.6, 0.009),
    ("S10-0033", datetime(2019, 3, 22, 9, 11, tzinfo=UTC), 3744, 3.1, 0.4, 0.007),
]
# Korean public holidays in the main history (treated like a Sunday by the traffic profiles):
# Chuseok 2026-09-24..26, National Foundation Day 10-03 (a Saturday) and its substitute Monday 10-05, Hangul Day 10-09
HOLIDAYS = {(2026, 9, 24), (2026, 9, 25), (2026, 9, 26), (2026, 10, 3), (2026, 10, 5), (2026, 10, 9)}

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites: daejeon-dunsan (대전 둔산 국사), cheongju-pop (청주 PoP), jeonju-pop (전주 PoP), sejong-dr (세종 백업국사)
# --------------------------------------------------------------------------------------
CIS = [
    # network: <role>-<site><nn>-<role word> (lower case, dashes, a trailing role word)
    ("rtr-dj01-core", "core-rtr.dunsan", "network", "running", "comm-live", "daejeon-dunsan", "ipcore-noc", "둔산 코어 라우터|dunsan core router", "10.77.0.1", "core"),
    ("sw-dj01-fabric", "dc-fabric dunsan", "network", "running", "comm-live", "daejeon-dunsan", "ipcore-noc", "둔산 IDC 스위치|dunsan fabric switch", "10.77.0.2", "core"),
    ("fw-dj01-gilan", "Gi-LAN FW", "network", "running", "comm-live", "daejeon-dunsan", "mobile-core", "5G 방화벽|gi-lan firewall", "10.77.0.9", "mobile"),
    ("rtr-cj01-pop", "PoP Router Cheongju", "network", "running", "comm-live", "cheongju-pop", "ipcore-noc", "청주 PoP 라우터|cheongju pop router", "10.77.20.1", "edge"),
    ("rtr-jj01-pop", "PoP Router Jeonju", "network", "running", "comm-live", "jeonju-pop", "ipcore-noc", "전주 PoP 라우터|jeonju pop router", "10.77.30.1", "edge"),
    ("bng-cj01-edge", "BNG Cheongju 1", "network", "running", "comm-live", "cheongju-pop", "ipcore-noc", "청주 BNG|cheongju bras", "10.77.20.5", "edge"),
    ("bng-jj01-edge", "BNG Jeonju 1", "network", "running", "comm-live", "jeonju-pop", "ipcore-noc", "전주 BNG|jeonju bras", "10.77.30.5", "edge"),
    ("rtr-sj01-dr", "dr-rtr.sejong", "network", "running", "comm-dr", "sejong-dr", "ipcore-noc", "세종 DR 라우터|sejong dr router", "10.77.40.1", "dr"),
    # storage: VOL-<site digit><nnn> (a short prefix and digits)
    ("VOL-1001", "PowerStore 둔산", "storage", "running", "comm-live", "daejeon-dunsan", "idc-infra", "둔산 메인 스토리지|dunsan primary san", "10.77.1.31", "core"),
    ("VOL-1002", "vod-nas.dunsan", "storage", "running", "comm-live", "daejeon-dunsan", "media-delivery", "VOD 원본 스토리지|vod origin store", "10.77.1.32", "media"),
    ("VOL-4001", "백업 어플라이언스 세종", "storage", "running", "comm-dr", "sejong-dr", "idc-infra", "세종 백업 장비|sejong backup vault", "10.77.40.31", "dr"),
    # servers: S<site nn>-<nnnn> (mostly digits)
    ("S10-0031", "esx31.dunsan", "server", "running", "comm-live", "daejeon-dunsan", "idc-infra", "둔산 호스트 1|dunsan host one", "10.77.2.31", "core"),
    ("S10-0032", "esx32.dunsan", "server", "running", "comm-live", "daejeon-dunsan", "idc-infra", "둔산 호스트 2|dunsan host two", "10.77.2.32", "core"),
    ("S10-0033", "esx33.dunsan", "server", "running", "comm-live", "daejeon-dunsan", "idc-infra", "둔산 호스트 3|dunsan host three", "10.77.2.33", "core"),
    ("S10-0035", "UPF Accel 35", "server", "running", "comm-live", "daejeon-dunsan", "mobile-core", "UPF 가속 서버|upf dataplane box", "10.77.2.35", "mobile"),
    ("S10-0036", "nms-bm.36", "server", "running", "comm-live", "daejeon-dunsan", "ipcore-noc", "관제 서버|nms box", "10.77.2.36", "noc"),
    ("S10-0040", "Headend Encoder 40", "server", "running", "comm-live", "daejeon-dunsan", "media-delivery", "헤드엔드 인코더|transcoder box", "10.77.2.40", "media"),
    ("S20-0011", "cache-cj.11", "server", "running", "comm-live", "cheongju-pop", "media-delivery", "청주 캐시 서버|cheongju cache box", "10.77.20.11", "media"),
    ("S30-0011", "cache-jj.11", "server", "running", "comm-live", "jeonju-pop", "media-delivery", "전주 캐시 서버|jeonju cache box", "10.77.30.11", "media"),
    ("S40-0051", "esx51.sejong", "server", "running", "comm-dr", "sejong-dr", "idc-infra", "세종 DR 호스트|sejong dr host", "10.77.40.51", "dr"),
    # vms: N<site digit><nnn> (a letter and four digits)
    ("N1101", "ns-vm.a", "vm", "running", "comm-live", "daejeon-dunsan", "ddi-ops", "DNS VM 1|dns vm one", "10.77.11.1", "ddi"),
    ("N1102", "ns-vm.b", "vm", "running", "comm-live", "daejeon-dunsan", "ddi-ops", "DNS VM 2|dns vm two", "10.77.11.2", "ddi"),
    ("N1103", "aaa-vm.1", "vm", "running", "comm-live", "daejeon-dunsan", "aaa-ops", "인증 VM|aaa vm", "10.77.11.3", "aaa"),
    ("N1104", "ddi-vm.1", "vm", "running", "comm-live", "daejeon-dunsan", "ddi-ops", "DHCP VM|dhcp vm", "10.77.11.4", "ddi"),
    ("N1105", "bss-app.vm", "vm", "running", "comm-live", "daejeon-dunsan", "bss-dev", "BSS VM 1|bss vm one", "10.77.11.5", "bss"),
    ("N1106", "bss-db.vm", "vm", "running", "comm-live", "daejeon-dunsan", "bss-dev", "BSS VM 2|bss vm two", "10.77.11.6", "bss"),
    ("N1107", "med-vm.1", "vm", "running", "comm-live", "daejeon-dunsan", "mediation-ops", "과금 VM|mediation vm", "10.77.11.7", "bss"),
    ("N1108", "5gc-cp.vm", "vm", "running", "comm-live", "daejeon-dunsan", "mobile-core", "5G 코어 VM|5g control plane vm", "10.77.11.8", "mobile"),
    ("N1109", "cx-web.vm", "vm", "running", "comm-live", "daejeon-dunsan", "cx-channel", "고객채널 VM|cx vm", "10.77.11.9", "cx"),
    ("N1110", "subs-db.vm", "vm", "running", "comm-live", "daejeon-dunsan", "aaa-ops", "가입자 DB VM|subscriber db vm", "10.77.11.10", "aaa"),
    ("N1121", "bmt-vm.5gc", "vm", "maintenance", "comm-bmt", "daejeon-dunsan", "mobile-core", "5G BMT 서버|5g bmt box", "10.77.12.21", "mobile"),
    ("N1122", "old-portal.vm", "vm", "stopped", "comm-bmt", "daejeon-dunsan", "cx-channel", "구 포털 VM|legacy portal vm", "10.77.12.22", "cx"),
    # databases: <System>Db-<P|S><n> (mixed case; P primary, S standby)
    ("SubsDb-P1", "subs.db primary", "database", "running", "comm-live", "daejeon-dunsan", "telco-dba", "가입자 DB 주서버|subscriber master db", "10.77.11.110", "aaa"),
    ("SubsDb-S1", "subs.db standby 세종", "database", "running", "comm-dr", "sejong-dr", "telco-dba", "가입자 DB 대기|subscriber standby db", "10.77.40.110", "dr"),
    ("CrmDb-P1", "CRM DB 둔산", "database", "running", "comm-live", "daejeon-dunsan", "telco-dba", "상담 이력 DB|customer care db", "10.77.11.106", "bss"),
    ("CdrDb-P1", "과금 원천 DB", "database", "running", "comm-live", "daejeon-dunsan", "mediation-ops", "CDR DB|call detail db", "10.77.11.107", "bss"),
    ("IpamDb-P1", "lease.db", "database", "running", "comm-live", "daejeon-dunsan", "ddi-ops", "IP 할당 DB|dhcp lease db", "10.77.11.104", "ddi"),
    ("NmsDb-P1", "관제 이력 DB", "database", "running", "comm-live", "daejeon-dunsan", "ipcore-noc", "NMS DB|alarm history db", "10.77.2.136", "noc"),
    ("UdrDb-P1", "UDR 5G", "database", "running", "comm-live", "daejeon-dunsan", "mobile-core", "5G 가입자 저장소|unified data repository", "10.77.11.108", "mobile"),
    # apps: kr.sbt.<system>.<part> (reversed-domain style)
    ("kr.sbt.dns.res-a", "dns resolver 1", "app", "running", "comm-live", "daejeon-dunsan", "ddi-ops", "캐시 DNS 1|resolver one", "10.77.11.201", "ddi"),
    ("kr.sbt.dns.res-b", "dns resolver 2", "app", "running", "comm-live", "daejeon-dunsan", "ddi-ops", "캐시 DNS 2|resolver two", "10.77.11.202", "ddi"),
    ("kr.sbt.dhcp.kea", "Kea DHCP 2.4", "app", "running", "comm-live", "daejeon-dunsan", "ddi-ops", "IP 할당 서버|dhcp server", "10.77.11.204", "ddi"),
    ("kr.sbt.aaa.radius", "RADIUS AAA", "app", "running", "comm-live", "daejeon-dunsan", "aaa-ops", "가입자 인증|subscriber auth", "10.77.11.203", "aaa"),
    ("kr.sbt.bss.crm", "CRM.Suite 9", "app", "running", "comm-live", "daejeon-dunsan", "bss-dev", "고객 정보 시스템|crm suite", "10.77.11.205", "bss"),
    ("kr.sbt.oss.provision", "개통 처리 엔진", "app", "running", "comm-live", "daejeon-dunsan", "bss-dev", "개통 시스템|service activation", "10.77.11.206", "bss"),
    ("kr.sbt.bss.mediation", "과금 미디에이션", "app", "running", "comm-live", "daejeon-dunsan", "mediation-ops", "CDR 수집기|billing mediation", "10.77.11.207", "bss"),
    ("kr.sbt.bss.billrun", "요금 청구 배치", "app", "error", "comm-live", "daejeon-dunsan", "mediation-ops", "월 청구 배치|monthly bill run", "10.77.11.208", "bss"),
    ("kr.sbt.cdn.cache-cj", "CDN Cache 청주", "app", "running", "comm-live", "cheongju-pop", "media-delivery", "청주 캐시|cheongju edge cache", "10.77.20.111", "media"),
    ("kr.sbt.cdn.cache-jj", "CDN Cache 전주", "app", "running", "comm-live", "jeonju-pop", "media-delivery", "전주 캐시|jeonju edge cache", "10.77.30.111", "media"),
    ("kr.sbt.iptv.headend", "IPTV 헤드엔드", "app", "running", "comm-live", "daejeon-dunsan", "media-delivery", "실시간 채널 송출|live channel headend", "10.77.2.140", "media"),
    ("kr.sbt.5gc.amf", "AMF-01", "app", "running", "comm-live", "daejeon-dunsan", "mobile-core", "5G 접속 관리|access mobility function", "10.77.11.211", "mobile"),
    ("kr.sbt.5gc.smf", "SMF-01", "app", "running", "comm-live", "daejeon-dunsan", "mobile-core", "5G 세션 관리|session management function", "10.77.11.212", "mobile"),
    ("kr.sbt.5gc.upf", "UPF 둔산", "app", "running", "comm-live", "daejeon-dunsan", "mobile-core", "5G 사용자 평면|user plane function", "10.77.2.135", "mobile"),
    ("kr.sbt.nms.syslog", "syslog.collector v2", "app", "running", "comm-live", "daejeon-dunsan", "ipcore-noc", "시스로그 수집기|syslog collector", "10.77.2.137", "noc"),
    ("kr.sbt.cx.portal", "마이새별 포털", "app", "running", "comm-live", "daejeon-dunsan", "cx-channel", "고객 포털|customer portal", "10.77.11.209", "cx"),
    ("kr.sbt.cx.cti", "콜센터 CTI", "app", "running", "comm-live", "daejeon-dunsan", "cx-channel", "상담 전화 시스템|call center cti", "10.77.11.210", "cx"),
    # load balancers: Vip<Site>-<n> (mixed case)
    ("VipDj-1", "a10.dunsan.ext", "load_balancer", "running", "comm-live", "daejeon-dunsan", "idc-infra", "대고객 L4|external load balancer", "10.77.0.80", "core"),
    ("VipDj-2", "a10.dunsan.int", "load_balancer", "running", "comm-live", "daejeon-dunsan", "idc-infra", "사내망 L4|internal load balancer", "10.77.0.81", "core"),
    # services: PRD-<nnnn> (product numbers)
    ("PRD-1100", "기가 인터넷", "service", "running", "comm-live", "daejeon-dunsan", "ipcore-noc", "초고속 인터넷|giga internet", "", "edge"),
    ("PRD-1200", "IPTV Live", "service", "running", "comm-live", "daejeon-dunsan", "media-delivery", "실시간 방송|iptv service", "", "media"),
    ("PRD-1300", "5G Data", "service", "running", "comm-live", "daejeon-dunsan", "mobile-core", "5G 데이터|mobile data", "", "mobile"),
    ("PRD-1400", "고객 셀프케어", "service", "running", "comm-live", "daejeon-dunsan", "cx-channel", "마이페이지|self care", "", "cx"),
    ("PRD-1500", "고객센터 상담", "service", "running", "comm-live", "daejeon-dunsan", "cx-channel", "콜센터|contact center", "", "cx"),
    ("PRD-1600", "요금 청구", "service", "running", "comm-live", "daejeon-dunsan", "mediation-ops", "청구 서비스|customer billing", "", "bss"),
    ("PRD-1700", "Network Watch", "service", "running", "comm-live", "daejeon-dunsan", "ipcore-noc", "망 관제|network monitoring", "", "noc"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network: PoP routers, the DR router, the fabric and the Gi-LAN firewall uplink to the core router; BNGs hang off the PoP routers
    ("rtr-cj01-pop", "CONNECTS_TO", "rtr-dj01-core"),
    ("rtr-jj01-pop", "CONNECTS_TO", "rtr-dj01-core"),
    ("rtr-sj01-dr", "CONNECTS_TO", "rtr-dj01-core"),
    ("sw-dj01-fabric", "CONNECTS_TO", "rtr-dj01-core"),
    ("fw-dj01-gilan", "CONNECTS_TO", "rtr-dj01-core"),
    ("bng-cj01-edge", "CONNECTS_TO", "rtr-cj01-pop"),
    ("bng-jj01-edge", "CONNECTS_TO", "rtr-jj01-pop"),
    ("S10-0031", "CONNECTS_TO", "sw-dj01-fabric"),
    ("S10-0032", "CONNECTS_TO", "sw-dj01-fabric"),
    ("S10-0033", "CONNECTS_TO", "sw-dj01-fabric"),
    ("S10-0035", "CONNECTS_TO", "sw-dj01-fabric"),
    ("S10-0036", "CONNECTS_TO", "sw-dj01-fabric"),
    ("S10-0040", "CONNECTS_TO", "sw-dj01-fabric"),
    ("VOL-1001", "CONNECTS_TO", "sw-dj01-fabric"),
    ("VOL-1002", "CONNECTS_TO", "sw-dj01-fabric"),
    ("S20-0011", "CONNECTS_TO", "rtr-cj01-pop"),
    ("S30-0011", "CONNECTS_TO", "rtr-jj01-pop"),
    ("S40-0051", "CONNECTS_TO", "rtr-sj01-dr"),
    ("VOL-4001", "CONNECTS_TO", "rtr-sj01-dr"),
    # hosts -> vms (S10-0031: HOSTS only, S10-0032: RUNS_ON only, S10-0033: both)
    ("S10-0031", "HOSTS", "N1101"),
    ("S10-0031", "HOSTS", "N1103"),
    ("S10-0031", "HOSTS", "N1108"),
    ("N1102", "RUNS_ON", "S10-0032"),
    ("N1104", "RUNS_ON", "S10-0032"),
    ("N1109", "RUNS_ON", "S10-0032"),
    ("N1121", "RUNS_ON", "S10-0032"),
    ("N1122", "RUNS_ON", "S10-0032"),
    ("S10-0033", "HOSTS", "N1105"),
    ("S10-0033", "HOSTS", "N1106"),
    ("S10-0033", "HOSTS", "N1107"),
    ("S10-0033", "HOSTS", "N1110"),
    ("N1105", "RUNS_ON", "S10-0033"),
    ("N1106", "RUNS_ON", "S10-0033"),
    ("N1107", "RUNS_ON", "S10-0033"),
    ("N1110", "RUNS_ON", "S10-0033"),
    ("N1106", "DEPENDS_ON", "VOL-1001"),
    ("N1110", "DEPENDS_ON", "VOL-1001"),
    # databases (the subscriber standby and the NMS history run on servers directly)
    ("SubsDb-P1", "RUNS_ON", "N1110"),
    ("SubsDb-S1", "RUNS_ON", "S40-0051"),
    ("CrmDb-P1", "RUNS_ON", "N1106"),
    ("CdrDb-P1", "RUNS_ON", "N1107"),
    ("IpamDb-P1", "RUNS_ON", "N1104"),
    ("NmsDb-P1", "RUNS_ON", "S10-0036"),
    ("UdrDb-P1", "RUNS_ON", "N1108"),
    ("SubsDb-P1", "DEPENDS_ON", "VOL-1001"),
    ("CrmDb-P1", "DEPENDS_ON", "VOL-1001"),
    ("CdrDb-P1", "DEPENDS_ON", "VOL-1001"),
    ("UdrDb-P1", "DEPENDS_ON", "VOL-1001"),
    ("SubsDb-S1", "DEPENDS_ON", "SubsDb-P1"),
    ("SubsDb-S1", "DEPENDS_ON", "VOL-4001"),
    # apps on vms / bare metal
    ("kr.sbt.dns.res-a", "RUNS_ON", "N1101"),
    ("kr.sbt.dns.res-b", "RUNS_ON", "N1102"),
    ("kr.sbt.dhcp.kea", "RUNS_ON", "N1104"),
    ("kr.sbt.aaa.radius", "RUNS_ON", "N1103"),
    ("kr.sbt.bss.crm", "RUNS_ON", "N1105"),
    ("kr.sbt.oss.provision", "RUNS_ON", "N1105"),
    ("kr.sbt.bss.mediation", "RUNS_ON", "N1107"),
    ("kr.sbt.bss.billrun", "RUNS_ON", "N1107"),
    ("kr.sbt.cdn.cache-cj", "RUNS_ON", "S20-0011"),
    ("kr.sbt.cdn.cache-jj", "RUNS_ON", "S30-0011"),
    ("kr.sbt.iptv.headend", "RUNS_ON", "S10-0040"),
    ("kr.sbt.5gc.amf", "RUNS_ON", "N1108"),
    ("kr.sbt.5gc.smf", "RUNS_ON", "N1108"),
    ("kr.sbt.5gc.upf", "RUNS_ON", "S10-0035"),
    ("kr.sbt.nms.syslog", "RUNS_ON", "S10-0036"),
    ("kr.sbt.cx.portal", "RUNS_ON", "N1109"),
    ("kr.sbt.cx.cti", "RUNS_ON", "N1109"),
    # app dependencies
    ("kr.sbt.dhcp.kea", "DEPENDS_ON", "IpamDb-P1"),
    ("kr.sbt.dhcp.kea", "DEPENDS_ON", "kr.sbt.aaa.radius"),
    ("kr.sbt.aaa.radius", "DEPENDS_ON", "SubsDb-P1"),
    ("kr.sbt.bss.crm", "DEPENDS_ON", "CrmDb-P1"),
    ("kr.sbt.bss.crm", "DEPENDS_ON", "SubsDb-P1"),
    ("kr.sbt.oss.provision", "DEPENDS_ON", "CrmDb-P1"),
    ("kr.sbt.oss.provision", "DEPENDS_ON", "kr.sbt.aaa.radius"),
    ("kr.sbt.oss.provision", "DEPENDS_ON", "kr.sbt.dhcp.kea"),
    ("kr.sbt.oss.provision", "CONNECTS_TO", "bng-cj01-edge"),
    ("kr.sbt.oss.provision", "CONNECTS_TO", "bng-jj01-edge"),
    ("kr.sbt.bss.mediation", "DEPENDS_ON", "CdrDb-P1"),
    ("kr.sbt.bss.mediation", "CONNECTS_TO", "bng-cj01-edge"),
    ("kr.sbt.bss.mediation", "CONNECTS_TO", "bng-jj01-edge"),
    ("kr.sbt.bss.mediation", "CONNECTS_TO", "kr.sbt.5gc.smf"),
    ("kr.sbt.bss.billrun", "DEPENDS_ON", "CdrDb-P1"),
    ("kr.sbt.bss.billrun", "DEPENDS_ON", "CrmDb-P1"),
    ("kr.sbt.bss.billrun", "DEPENDS_ON", "kr.sbt.bss.mediation"),
    ("kr.sbt.cdn.cache-cj", "DEPENDS_ON", "kr.sbt.iptv.headend"),
    ("kr.sbt.cdn.cache-cj", "DEPENDS_ON", "VOL-1002"),
    ("kr.sbt.cdn.cache-jj", "DEPENDS_ON", "kr.sbt.iptv.headend"),
    ("kr.sbt.cdn.cache-jj", "DEPENDS_ON", "VOL-1002"),
    ("kr.sbt.iptv.headend", "DEPENDS_ON", "VOL-1002"),
    ("kr.sbt.5gc.amf", "DEPENDS_ON", "UdrDb-P1"),
    ("kr.sbt.5gc.amf", "DEPENDS_ON", "kr.sbt.5gc.smf"),
    ("kr.sbt.5gc.smf", "DEPENDS_ON", "kr.sbt.5gc.upf"),
    ("kr.sbt.5gc.smf", "DEPENDS_ON", "UdrDb-P1"),
    ("kr.sbt.5gc.smf", "DEPENDS_ON", "kr.sbt.aaa.radius"),
    ("kr.sbt.5gc.upf", "CONNECTS_TO", "fw-dj01-gilan"),
    ("kr.sbt.nms.syslog", "DEPENDS_ON", "NmsDb-P1"),
    ("kr.sbt.cx.portal", "DEPENDS_ON", "kr.sbt.bss.crm"),
    ("kr.sbt.cx.portal", "DEPENDS_ON", "kr.sbt.oss.provision"),
    ("kr.sbt.cx.portal", "DEPENDS_ON", "kr.sbt.bss.billrun"),
    ("kr.sbt.cx.cti", "DEPENDS_ON", "kr.sbt.bss.crm"),
    # load balancers
    ("VipDj-1", "CONNECTS_TO", "kr.sbt.cx.portal"),
    ("VipDj-1", "CONNECTS_TO", "kr.sbt.dns.res-a"),
    ("VipDj-1", "CONNECTS_TO", "kr.sbt.dns.res-b"),
    ("VipDj-2", "CONNECTS_TO", "kr.sbt.bss.crm"),
    ("VipDj-2", "CONNECTS_TO", "kr.sbt.cx.cti"),
    ("VipDj-2", "CONNECTS_TO", "kr.sbt.aaa.radius"),
    # services
    ("PRD-1100", "DEPENDS_ON", "VipDj-1"),
    ("PRD-1100", "DEPENDS_ON", "bng-cj01-edge"),
    ("PRD-1100", "DEPENDS_ON", "bng-jj01-edge"),
    ("PRD-1100", "DEPENDS_ON", "kr.sbt.aaa.radius"),
    ("PRD-1100", "DEPENDS_ON", "kr.sbt.dhcp.kea"),
    ("PRD-1100", "DEPENDS_ON", "kr.sbt.dns.res-a"),
    ("PRD-1100", "DEPENDS_ON", "kr.sbt.dns.res-b"),
    ("PRD-1200", "DEPENDS_ON", "kr.sbt.iptv.headend"),
    ("PRD-1200", "DEPENDS_ON", "kr.sbt.cdn.cache-cj"),
    ("PRD-1200", "DEPENDS_ON", "kr.sbt.cdn.cache-jj"),
    ("PRD-1300", "DEPENDS_ON", "kr.sbt.5gc.amf"),
    ("PRD-1300", "DEPENDS_ON", "kr.sbt.5gc.smf"),
    ("PRD-1300", "DEPENDS_ON", "kr.sbt.5gc.upf"),
    ("PRD-1400", "DEPENDS_ON", "VipDj-1"),
    ("PRD-1400", "DEPENDS_ON", "kr.sbt.cx.portal"),
    ("PRD-1500", "DEPENDS_ON", "VipDj-2"),
    ("PRD-1500", "DEPENDS_ON", "kr.sbt.cx.cti"),
    ("PRD-1500", "DEPENDS_ON", "kr.sbt.bss.crm"),
    ("PRD-1600", "DEPENDS_ON", "kr.sbt.bss.billrun"),
    ("PRD-1600", "DEPENDS_ON", "kr.sbt.bss.mediation"),
    ("PRD-1600", "DEPENDS_ON", "kr.sbt.bss.crm"),
    ("PRD-1700", "DEPENDS_ON", "kr.sbt.nms.syslog"),
    ("PRD-1700", "DEPENDS_ON", "NmsDb-P1"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: home (fixed broadband and IPTV: low 04-06, evening peak around 21:30, busier daytime on weekends and holidays),
#           mobile (5G: commute peaks 08:30 and 18:30 over a daytime plateau), office (CRM, call centre: weekdays 09-18,
#           Saturday mornings), batch (mediation and billing: night work 01:00-04:00), noc (always on, follows traffic), flat
METRIC_PLAN = {
    "S10-0031": {"cpu_usage": (37, 0.50, 2.0, "home"), "mem_usage": (71, 0.05, 1.0, "home"), "disk_usage": (46, 0, 0.2, "flat")},
    "S10-0032": {"cpu_usage": (43, 0.50, 2.2, "home"), "mem_usage": (76, 0.05, 1.0, "home"), "disk_usage": (52, 0, 0.2, "flat")},
    "S10-0033": {"cpu_usage": (32, 0.60, 2.0, "office"), "mem_usage": (66, 0.05, 1.0, "office"), "disk_usage": (49, 0, 0.2, "flat")},
    "S10-0035": {"cpu_usage": (44, 0.60, 2.4, "mobile"), "mem_usage": (58, 0.05, 1.0, "mobile"), "disk_usage": (31, 0, 0.2, "flat")},
    "S10-0036": {"cpu_usage": (28, 0.30, 1.5, "noc"), "mem_usage": (62, 0.03, 0.8, "noc"), "disk_usage": (57, 0, 0.2, "flat")},
    "S10-0040": {"cpu_usage": (56, 0.25, 2.0, "home"), "mem_usage": (54, 0.04, 1.0, "home"), "disk_usage": (41, 0, 0.2, "flat")},
    "S20-0011": {"cpu_usage": (34, 0.70, 2.2, "home"), "mem_usage": (68, 0.05, 1.0, "home"), "disk_usage": (73, 0, 0.2, "flat")},
    "S30-0011": {"cpu_usage": (30, 0.70, 2.0, "home"), "mem_usage": (64, 0.05, 1.0, "home"), "disk_usage": (69, 0, 0.2, "flat")},
    "S40-0051": {"cpu_usage": (9, 0.20, 0.8, "flat"), "mem_usage": (43, 0.02, 0.8, "flat"), "disk_usage": (38, 0, 0.2, "flat")},
    "N1101": {"cpu_usage": (24, 0.80, 1.6, "home"), "mem_usage": (47, 0.04, 1.0, "home"), "disk_usage": (33, 0, 0.2, "flat")},
    "N1102": {"cpu_usage": (21, 0.80, 1.5, "home"), "mem_usage": (45, 0.04, 1.0, "home"), "disk_usage": (35, 0, 0.2, "flat")},
    "N1103": {"cpu_usage": (27, 0.60, 1.8, "home"), "mem_usage": (59, 0.04, 1.0, "home"), "disk_usage": (37, 0, 0.2, "flat")},
    "N1104": {"cpu_usage": (17, 0.50, 1.3, "home"), "mem_usage": (50, 0.03, 0.8, "home"), "disk_usage": (44, 0, 0.2, "flat")},
    "N1105": {"cpu_usage": (26, 0.80, 1.8, "office"), "mem_usage": (63, 0.06, 1.0, "office"), "disk_usage": (42, 0, 0.2, "flat")},
    "N1106": {"cpu_usage": (22, 0.70, 1.6, "office"), "mem_usage": (79, 0.02, 0.6, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "N1107": {"cpu_usage": (30, 0.50, 1.8, "batch"), "mem_usage": (67, 0.04, 1.0, "batch"), "disk_usage": (54, 0, 0.2, "flat")},
    "N1108": {"cpu_usage": (35, 0.60, 2.0, "mobile"), "mem_usage": (61, 0.04, 1.0, "mobile"), "disk_usage": (36, 0, 0.2, "flat")},
    "N1109": {"cpu_usage": (19, 0.80, 1.5, "office"), "mem_usage": (55, 0.05, 1.0, "office"), "disk_usage": (39, 0, 0.2, "flat")},
    "N1110": {"cpu_usage": (29, 0.50, 1.8, "home"), "mem_usage": (83, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "N1121": {"cpu_usage": (12, 0.30, 1.0, "flat"), "mem_usage": (40, 0.03, 1.0, "flat"), "disk_usage": (29, 0, 0.2, "flat")},
    "N1122": {"cpu_usage": (8, 0.30, 0.8, "office"), "mem_usage": (35, 0.03, 1.0, "flat"), "disk_usage": (26, 0, 0.2, "flat")},
    "SubsDb-P1": {"cpu_usage": (31, 0.50, 2.0, "home"), "mem_usage": (86, 0.02, 0.5, "flat"), "disk_usage": (63, 0, 0.2, "flat")},
    "SubsDb-S1": {"cpu_usage": (10, 0.20, 0.8, "flat"), "mem_usage": (72, 0.02, 0.6, "flat"), "disk_usage": (60, 0, 0.2, "flat")},
    "CrmDb-P1": {"cpu_usage": (24, 0.70, 1.8, "office"), "mem_usage": (80, 0.02, 0.6, "flat"), "disk_usage": (67, 0, 0.2, "flat")},
    "CdrDb-P1": {"cpu_usage": (28, 0.50, 1.8, "batch"), "mem_usage": (77, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "IpamDb-P1": {"cpu_usage": (14, 0.50, 1.2, "home"), "mem_usage": (57, 0.02, 0.7, "flat"), "disk_usage": (39, 0, 0.2, "flat")},
    "NmsDb-P1": {"cpu_usage": (23, 0.30, 1.5, "noc"), "mem_usage": (70, 0.02, 0.6, "flat"), "disk_usage": (52, 0, 0.2, "flat")},
    "UdrDb-P1": {"cpu_usage": (20, 0.60, 1.5, "mobile"), "mem_usage": (74, 0.02, 0.6, "flat"), "disk_usage": (47, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "kr.sbt.dns.res-a": {"cpu_usage": (23, 0.80, 1.5, "home"), "latency_ms": (12, 0.40, 0.6, "home"), "error_rate": (0.08, 0.3, 0.015, "home")},
    "kr.sbt.dns.res-b": {"cpu_usage": (20, 0.80, 1.4, "home"), "latency_ms": (14, 0.40, 0.7, "home"), "error_rate": (0.10, 0.3, 0.02, "home")},
    "kr.sbt.dhcp.kea": {"cpu_usage": (11, 0.50, 1.0, "home"), "latency_ms": (9, 0.30, 0.5, "home"), "error_rate": (0.05, 0.3, 0.01, "home")},
    "kr.sbt.aaa.radius": {"cpu_usage": (25, 0.60, 1.8, "home"), "latency_ms": (38, 0.30, 1.5, "home"), "error_rate": (0.12, 0.3, 0.02, "home")},
    "kr.sbt.bss.crm": {"cpu_usage": (28, 0.70, 2.0, "office"), "latency_ms": (420, 0.30, 12.0, "office"), "error_rate": (0.30, 0.3, 0.05, "office")},
    "kr.sbt.oss.provision": {"cpu_usage": (15, 0.60, 1.4, "office"), "latency_ms": (860, 0.30, 20.0, "office"), "error_rate": (0.40, 0.3, 0.06, "office")},
    "kr.sbt.bss.mediation": {"cpu_usage": (32, 0.50, 2.0, "batch"), "latency_ms": (1500, 0.30, 40.0, "batch"), "error_rate": (0.20, 0.3, 0.04, "batch")},
    "kr.sbt.bss.billrun": {"cpu_usage": (6, 0.90, 1.0, "batch"), "latency_ms": (2400, 0.20, 60.0, "batch"), "error_rate": (0.15, 0.3, 0.03, "batch")},
    "kr.sbt.cdn.cache-cj": {"cpu_usage": (36, 0.70, 2.2, "home"), "latency_ms": (22, 0.40, 1.0, "home"), "error_rate": (0.20, 0.3, 0.04, "home")},
    "kr.sbt.cdn.cache-jj": {"cpu_usage": (33, 0.70, 2.0, "home"), "latency_ms": (25, 0.40, 1.0, "home"), "error_rate": (0.18, 0.3, 0.04, "home")},
    "kr.sbt.iptv.headend": {"cpu_usage": (57, 0.25, 2.0, "home"), "latency_ms": (140, 0.20, 4.0, "home"), "error_rate": (0.05, 0.2, 0.01, "home")},
    "kr.sbt.5gc.amf": {"cpu_usage": (21, 0.60, 1.5, "mobile"), "latency_ms": (18, 0.30, 0.8, "mobile"), "error_rate": (0.10, 0.3, 0.02, "mobile")},
    "kr.sbt.5gc.smf": {"cpu_usage": (24, 0.60, 1.6, "mobile"), "latency_ms": (27, 0.30, 1.0, "mobile"), "error_rate": (0.12, 0.3, 0.02, "mobile")},
    "kr.sbt.5gc.upf": {"cpu_usage": (41, 0.60, 2.2, "mobile"), "latency_ms": (6, 0.30, 0.3, "mobile"), "error_rate": (0.03, 0.2, 0.006, "mobile")},
    "kr.sbt.nms.syslog": {"cpu_usage": (27, 0.30, 1.5, "noc"), "latency_ms": (55, 0.20, 2.0, "noc"), "error_rate": (0.07, 0.2, 0.015, "noc")},
    "kr.sbt.cx.portal": {"cpu_usage": (17, 0.70, 1.4, "home"), "latency_ms": (310, 0.30, 10.0, "home"), "error_rate": (0.25, 0.3, 0.05, "home")},
    "kr.sbt.cx.cti": {"cpu_usage": (14, 0.70, 1.2, "office"), "latency_ms": (95, 0.30, 3.0, "office"), "error_rate": (0.09, 0.3, 0.02, "office")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "N1122": datetime(2026, 10, 20, 14, 0, tzinfo=KST),
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
    if kind == "home":
        p = 0.15 + 0.85 * math.exp(-(circ(h, 21.5) / 3.2) ** 2)
        if off or sat:
            p += 0.30 * math.exp(-((h - 14.5) / 3.0) ** 2)
        return min(p, 1.1)
    if kind == "mobile":
        plateau = 1.0 / (1 + math.exp(-(h - 7.5) * 2)) * 1.0 / (1 + math.exp((h - 23.0) * 2))
        peaks = max(math.exp(-(circ(h, 8.5) / 0.9) ** 2), math.exp(-(circ(h, 18.5) / 1.1) ** 2))
        if off or sat:
            peaks *= 0.3
        return 0.1 + 0.5 * plateau + 0.4 * peaks
    if kind == "office":
        day = math.exp(-((h - 13.5) / 3.0) ** 2)
        if off:
            return 0.05
        if sat:
            return 0.5 * math.exp(-((h - 11.0) / 1.6) ** 2)
        return day
    if kind == "batch":
        return math.exp(-(circ(h, 2.5) / 1.2) ** 2)
    if kind == "noc":
        return 0.5 + 0.5 * (0.15 + 0.85 * math.exp(-(circ(h, 21.5) / 3.2) ** 2))
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
    # 1. Chuseok evening, Thu 09-24 20:00-22:00: Jeonju cache-miss storm (TTL policy 15:00, CDN Cache 5.1.0 at 16:30)
    if within(ts, kst(2026, 9, 24, 20), kst(2026, 9, 24, 22)):
        if code == "kr.sbt.cdn.cache-jj" and metric == "latency_ms":
            v *= 4.0
        if code == "kr.sbt.cdn.cache-jj" and metric == "error_rate":
            v = 5.5 + rng.gauss(0, 0.3)
        if code == "S30-0011" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.8)
    # 2. resolver 2 slow, Tue 10-06 10:00-11:30 (DNSSEC trust anchor 07:00, Unbound 1.21.0 at 08:30)
    if within(ts, kst(2026, 10, 6, 10), kst(2026, 10, 6, 11, 30)):
        if code == "kr.sbt.dns.res-b" and metric == "latency_ms":
            v *= 8.0
        if code == "kr.sbt.dns.res-b" and metric == "error_rate":
            v = 4.5 + rng.gauss(0, 0.3)
        if code == "N1102" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.7)
    # growth: NMS history disk after syslog debug level was raised on 10-08
    if code == "NmsDb-P1" and metric == "disk_usage":
        v += 25.0 * ramp(ts, kst(2026, 10, 8, 9), M_END)
    # level shift: DHCP VM memory after the lease time went from 1 day to 7 days, from Tue 10-13 10:00
    if code == "N1104" and metric == "mem_usage" and ts >= kst(2026, 10, 13, 10):
        v += 15.0
    # 3. RADIUS auth failures, Thu 10-15 19:00-21:00 (subscriber DB index rebuild 14:00, RADIUS AAA 4.2.0 at 16:00)
    if within(ts, kst(2026, 10, 15, 19), kst(2026, 10, 15, 21)):
        if code == "kr.sbt.aaa.radius" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "kr.sbt.aaa.radius" and metric == "latency_ms":
            v *= 3.0
        if code == "SubsDb-P1" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.8)
    # 4. 5G session set-up failures, Wed 10-21 08:00-09:30 (UPF N4 change 03:00, SMF-01 3.8.0 at 05:30)
    if within(ts, kst(2026, 10, 21, 8), kst(2026, 10, 21, 9, 30)):
        if code == "kr.sbt.5gc.smf" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "kr.sbt.5gc.smf" and metric == "latency_ms":
            v *= 4.0
        if code == "kr.sbt.5gc.amf" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # level shift: two UHD channels added to the headend encoder from Sat 10-24 10:00
    if code == "S10-0040" and metric == "cpu_usage" and ts >= kst(2026, 10, 24, 10):
        v += 9.0
    # 5. CRM slow for the call centre, Tue 10-27 14:00-16:00 (CRM DB partition change 09:30, CRM.Suite 9.3 at 11:00)
    if within(ts, kst(2026, 10, 27, 14), kst(2026, 10, 27, 16)):
        if code == "kr.sbt.bss.crm" and metric == "latency_ms":
            v *= 5.0
        if code == "kr.sbt.bss.crm" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "CrmDb-P1" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.8)
        if code == "kr.sbt.cx.cti" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # 5G BMT VM in maintenance from Thu 10-29 09:00: idle
    if code == "N1121" and metric == "cpu_usage" and ts >= kst(2026, 10, 29, 9):
        v = 2 + rng.gauss(0, 0.4)
    # 6. mediation backlog, Fri 10-30 01:00-04:00 (Jeonju BNG CDR format 22:00 Thu, mediation 6.4.0 at 23:30 Thu)
    if within(ts, kst(2026, 10, 30, 1), kst(2026, 10, 30, 4)):
        if code == "kr.sbt.bss.mediation" and metric == "latency_ms":
            v *= 6.0
        if code == "kr.sbt.bss.mediation" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "CdrDb-P1" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.6)
        if code == "N1107" and metric == "cpu_usage":
            v += 40
    # growth: CDR database disk over the two months (retention for the fair-trade audit)
    if code == "CdrDb-P1" and metric == "disk_usage":
        v += 26.0 * ramp(ts, M_START, M_END)
    # 7. Korean Series game 7 on IPTV, Sat 10-31 from 18:30, ongoing (UHD line-up 14:00, CDN Cache 5.2.0 Cheongju at 15:00)
    if ts >= kst(2026, 10, 31, 18, 30):
        if code == "kr.sbt.iptv.headend" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 0.9)
        if code == "kr.sbt.cdn.cache-cj" and metric == "latency_ms":
            v *= 3.0
        if code == "kr.sbt.cdn.cache-cj" and metric == "error_rate":
            v = 4.0 + rng.gauss(0, 0.3)
        if code == "S20-0011" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 0.8)
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
    # 2019 blocks: 5-minute cpu_usage shaped like CloudWatch EC2 series (mostly low, short random spikes), UTC
    seollal = [(datetime(2019, 2, d, 10, tzinfo=UTC), datetime(2019, 2, d, 14, tzinfo=UTC)) for d in (4, 5, 6)]
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
            # S10-0040: Seollal holiday 2019-02-04..06, evening 19:00-23:00 Seoul (10:00-14:00Z) VOD and live load
            if code == "S10-0040" and any(a <= t < b for a, b in seollal):
                v += 24.0
            # S10-0040: 2019-02-05 20:00-22:00 Seoul (11:00-13:00Z), the Seollal special broadcast
            if code == "S10-0040" and datetime(2019, 2, 5, 11, tzinfo=UTC) <= t < datetime(2019, 2, 5, 13, tzinfo=UTC):
                v = 91 + rng.gauss(0, 1.4)
            # S10-0036: 2019-03-03 00:30-02:30 Seoul = 2019-03-02 15:30-17:30Z, a syslog storm after a fibre cut
            if code == "S10-0036" and datetime(2019, 3, 2, 15, 30, tzinfo=UTC) <= t < datetime(2019, 3, 2, 17, 30, tzinfo=UTC):
                v = 84 + rng.gauss(0, 1.6)
            # S10-0036: a level shift from 2019-03-06 00:00Z (a second polling cycle)
            if code == "S10-0036" and t >= datetime(2019, 3, 6, tzinfo=UTC):
                v += 6.0
            # S10-0033: 2019-03-27 14:00-15:00 Seoul (05:00-06:00Z), a mid-quarter report
            if code == "S10-0033" and datetime(2019, 3, 27, 5, tzinfo=UTC) <= t < datetime(2019, 3, 27, 6, tzinfo=UTC):
                v = 55 + rng.gauss(0, 1.2)
            # S10-0033: 2019-04-01 01:00-03:00 Seoul = 2019-03-31 16:00-18:00Z, the quarter-start billing run
            if code == "S10-0033" and datetime(2019, 3, 31, 16, tzinfo=UTC) <= t < datetime(2019, 3, 31, 18, tzinfo=UTC):
                v = 89 + rng.gauss(0, 1.5)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    # (ts, code, type, severity, title, detail)
    (kst(2026, 9, 8, 22, 0), "VOL-1001", "change", "info", "PowerStore 둔산 컨트롤러 펌웨어 업그레이드", "CHG-260908 non-disruptive, 2 nodes"),
    (kst(2026, 9, 15, 2, 0), "rtr-dj01-core", "change", "info", "둔산 코어 라우터 IOS-XR 7.11 업그레이드", "CHG-260915 ISSU, 0 packet loss"),
    # 1. Chuseok evening, Thu 09-24
    (kst(2026, 9, 24, 15, 0), "kr.sbt.cdn.cache-jj", "change", "info", "전주 캐시 TTL 정책 변경 (추석 연휴 대비)", "CHG-260924 VOD TTL 24h -> 6h"),
    (kst(2026, 9, 24, 16, 30), "kr.sbt.cdn.cache-jj", "deploy", "info", "CDN Cache 5.1.0 배포 (전주)", "release 5.1.0"),
    (kst(2026, 9, 24, 20, 10), "kr.sbt.cdn.cache-jj", "incident", "major", "전주 지역 VOD 재생 지연 (캐시 미스 급증)", "TT-260924-01 hit ratio 41 %"),
    (kst(2026, 9, 24, 22, 15), "kr.sbt.cdn.cache-jj", "change", "info", "CDN Cache 5.0.7 롤백 (전주)", "rollback; TTL 24h restored"),
    (kst(2026, 9, 29, 10, 30), "kr.sbt.cx.portal", "change", "info", "마이새별 포털 TLS 인증서 갱신", "CHG-260929 certificate valid to 2027-10"),
    # 2. resolver 2 slow, Tue 10-06
    (kst(2026, 10, 6, 7, 0), "kr.sbt.dns.res-b", "change", "info", "DNSSEC 루트 트러스트 앵커 갱신 (resolver 2)", "CHG-261006 KSK-2024 added"),
    (kst(2026, 10, 6, 8, 30), "kr.sbt.dns.res-b", "deploy", "info", "Unbound 1.21.0 deploy on resolver 2", "release 1.21.0"),
    (kst(2026, 10, 6, 10, 5), "kr.sbt.dns.res-b", "incident", "major", "DNS 질의 응답 지연 (resolver 2)", "TT-261006-01 SERVFAIL 4.1 %"),
    (kst(2026, 10, 6, 11, 40), "kr.sbt.dns.res-b", "change", "info", "Unbound 1.20.3 롤백 (resolver 2)", "rollback; latency normal"),
    (kst(2026, 10, 8, 9, 0), "kr.sbt.nms.syslog", "change", "info", "라우터 전체 syslog 레벨 debug 상향 (광케이블 점검)", "CHG-261008 level 7 on 212 devices"),
    (kst(2026, 10, 13, 10, 0), "kr.sbt.dhcp.kea", "change", "info", "DHCP 임대 시간 1일 -> 7일 변경", "CHG-261013 lease cache grows"),
    # 3. RADIUS auth failures, Thu 10-15
    (kst(2026, 10, 15, 14, 0), "SubsDb-P1", "change", "info", "가입자 DB 인덱스 재구성 (세션 테이블)", "CHG-261015 online rebuild"),
    (kst(2026, 10, 15, 16, 0), "kr.sbt.aaa.radius", "deploy", "info", "RADIUS AAA 4.2.0 배포 (EAP-TLS 지원)", "release 4.2.0"),
    (kst(2026, 10, 15, 19, 5), "SubsDb-P1", "alert", "major", "subs.db primary CPU over 90%", "cpu_usage 91%"),
    (kst(2026, 10, 15, 19, 10), "kr.sbt.aaa.radius", "incident", "critical", "가입자 PPPoE 인증 실패 급증", "TT-261015-01 8,200 sessions rejected"),
    (kst(2026, 10, 15, 21, 20), "kr.sbt.aaa.radius", "change", "info", "RADIUS AAA 4.1.9 롤백", "rollback; sessions re-established"),
    (kst(2026, 10, 19, 22, 0), "SubsDb-S1", "change", "info", "세종 가입자 DB 전환 훈련 (반기 정기)", "CHG-261019 switchover drill, 18 min"),
    (kst(2026, 10, 20, 14, 0), "N1122", "change", "info", "old-portal.vm 전원 종료 (구 포털 폐기)", "CHG-261020 powered off"),
    # 4. 5G session set-up failures, Wed 10-21
    (kst(2026, 10, 21, 3, 0), "kr.sbt.5gc.upf", "change", "info", "UPF 둔산 N4 인터페이스 설정 변경", "CHG-261021 PFCP heartbeat 10 s -> 3 s"),
    (kst(2026, 10, 21, 5, 30), "kr.sbt.5gc.smf", "deploy", "info", "SMF-01 3.8.0 배포 (네트워크 슬라이스 추가)", "release 3.8.0"),
    (kst(2026, 10, 21, 8, 10), "kr.sbt.5gc.smf", "incident", "critical", "5G PDU 세션 수립 실패 (출근 시간대)", "TT-261021-01 attach success 88 %"),
    (kst(2026, 10, 21, 9, 40), "kr.sbt.5gc.smf", "change", "info", "SMF-01 3.7.4 롤백", "rollback; attach success 99.6 %"),
    (kst(2026, 10, 22, 16, 20), "bng-cj01-edge", "alert", "minor", "BNG Cheongju 1 PPPoE sessions over 48k", "48,310 sessions"),
    (kst(2026, 10, 24, 10, 0), "S10-0040", "change", "info", "Headend Encoder 40 UHD 채널 2개 추가", "CHG-261024 HEVC 4K x2"),
    (kst(2026, 10, 26, 3, 0), "S10-0032", "change", "info", "esx32.dunsan 보안 패치 (ESXi 8.0 U3c)", "CHG-261026 rolling, vMotion"),
    # 5. CRM slow, Tue 10-27
    (kst(2026, 10, 27, 9, 30), "CrmDb-P1", "change", "info", "CRM DB 둔산 파티션 재구성 (상담 이력)", "CHG-261027 monthly partitions"),
    (kst(2026, 10, 27, 11, 0), "kr.sbt.bss.crm", "deploy", "info", "CRM.Suite 9.3 배포 (요금제 추천)", "release 9.3"),
    (kst(2026, 10, 27, 14, 5), "CrmDb-P1", "alert", "major", "CRM DB 둔산 CPU over 90%", "cpu_usage 93%"),
    (kst(2026, 10, 27, 14, 20), "kr.sbt.bss.crm", "incident", "critical", "상담 화면 고객 조회 지연 (콜 대기 증가)", "TT-261027-01 average lookup 9 s"),
    (kst(2026, 10, 27, 16, 10), "kr.sbt.bss.crm", "change", "info", "CRM.Suite 9.2.5 롤백", "rollback; lookups under 1 s"),
    (kst(2026, 10, 28, 21, 40), "kr.sbt.dns.res-a", "alert", "minor", "dns resolver 1 query rate over 120k qps", "121,400 qps"),
    (kst(2026, 10, 29, 9, 0), "N1121", "change", "info", "bmt-vm.5gc 점검 모드 전환 (BMT 장비 교체)", "CHG-261029 maintenance"),
    # 6. mediation backlog, Thu 10-29 night -> Fri 10-30
    (kst(2026, 10, 29, 22, 0), "bng-jj01-edge", "change", "info", "전주 BNG CDR 포맷 변경 (IPv6 필드 추가)", "CHG-261029B RADIUS accounting v2"),
    (kst(2026, 10, 29, 23, 30), "kr.sbt.bss.mediation", "deploy", "info", "과금 미디에이션 6.4.0 배포", "release 6.4.0"),
    (kst(2026, 10, 30, 1, 10), "kr.sbt.bss.mediation", "incident", "critical", "CDR 처리 적체 (과금 지연)", "TT-261030-01 2.3M records queued"),
    (kst(2026, 10, 30, 4, 20), "kr.sbt.bss.mediation", "change", "info", "과금 미디에이션 6.3.2 롤백", "rollback; queue drained by 06:10"),
    (kst(2026, 10, 30, 4, 30), "kr.sbt.bss.billrun", "alert", "major", "요금 청구 배치 중단 (입력 CDR 누락)", "cycle 2026-10 halted at step 4 of 7"),
    # 7. Korean Series game 7, Sat 10-31 (today), ongoing
    (kst(2026, 10, 31, 14, 0), "kr.sbt.iptv.headend", "change", "info", "스포츠 채널 UHD 편성 추가 (한국시리즈 7차전)", "CHG-261031 channel 701 in 4K"),
    (kst(2026, 10, 31, 15, 0), "kr.sbt.cdn.cache-cj", "deploy", "info", "CDN Cache 5.2.0 배포 (청주)", "release 5.2.0"),
    (kst(2026, 10, 31, 19, 40), "kr.sbt.cdn.cache-cj", "incident", "critical", "청주 지역 IPTV 실시간 채널 버퍼링", "TT-261031-01 4,900 set-top boxes affected"),
    (kst(2026, 10, 31, 22, 50), "S20-0011", "alert", "major", "cache-cj.11 CPU over 90%", "cpu_usage 91%"),
]

BUILD_APPS = ["kr.sbt.bss.crm", "kr.sbt.oss.provision", "kr.sbt.cx.portal", "kr.sbt.cx.cti", "kr.sbt.bss.mediation",
              "kr.sbt.5gc.smf", "kr.sbt.5gc.amf"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines, 10-24 .. 10-31 (early morning, none after now)
    day = kst(2026, 10, 24)
    n = 0
    while day < kst(2026, 11, 1):
        for code in BUILD_APPS:
            if rng.random() < 0.35:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{300 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "day:2026-10-30", "day:2026-10-27", "day:2026-10-21", "day:2026-10-15", "day:2026-10-06", "days:2026-09-24..2026-09-26", "day:2026-09-24", "last:7d", "last:30d"):
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
