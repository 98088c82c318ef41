#!/usr/bin/env python3
"""Deterministic generator for the "Yunseul Securities" (윤슬증권, YSS) brokerage trading-IT estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids K###, halves "dev18" / "test14") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding13/gen_estate.py (the "Yeoul Public
Broadcasting" set), copied unchanged from event_checks() onwards except the ranges that --summary
prints.  The estate, the clock (Friday 2035-03-30 15:47 Seoul, the last trading day of Q1 2035,
seventeen minutes after the market close, with an incident ongoing), the sampling (hourly in
January, every 30 minutes from 2035-02-01, every 3 minutes from Thursday 2035-03-29, every 15
seconds from the closing auction at 15:20 today, and two 5-minute UTC blocks shaped like public
AWS CloudWatch EC2 CPU series around a Singapore night session in November 2033 and a Bengaluru
backfill night in November 2032), the Singapore desk on SGT (+08:00) and the Bengaluru offshore
centre on IST (+05:30), the names, the personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding13/gen_estate.py (persona tags `# K<n> ...`).
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
HALVES = ("dev18", "test14")
ID_PREFIX = "K"
TAG_LETTER = "K"
SEED = 20350330
KST = timezone(timedelta(hours=9))
SGT = timezone(timedelta(hours=8))
IST = timezone(timedelta(hours=5, minutes=30))
UTC = timezone.utc
NOW = datetime(2035, 3, 30, 15, 47, tzinfo=KST)           # Fri 30 March 2035, 15:47 Seoul = 06:47Z: the last trading day of Q1, after the close
M_START = datetime(2035, 1, 1, 0, 0, tzinfo=KST)          # a Monday (New Year's Day, market closed), the first day of Q1; hourly samples ...
HALF_START = datetime(2035, 2, 1, 0, 0, tzinfo=KST)       # ... every 30 minutes from 1 February ...
FINE_START = datetime(2035, 3, 29, 0, 0, tzinfo=KST)      # ... every 3 minutes from yesterday (Thursday) ...
TICK_START = datetime(2035, 3, 30, 15, 20, tzinfo=KST)    # ... and every 15 seconds from the closing auction today
M_END = NOW                                                # inclusive: the last sample is at 15:47:00 itself
STEP_HOUR = timedelta(hours=1)
STEP_HALF = timedelta(minutes=30)
STEP_FINE = timedelta(minutes=3)
STEP_TICK = timedelta(seconds=15)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("XYSS-0311", datetime(2032, 11, 14, 18, 2, tzinfo=UTC), 1152, 11.0, 0.9, 0.006),   # 4 days over the Bengaluru backfill night (IST) of 2032-11-16
    ("XSES-0104", datetime(2033, 11, 22, 3, 4, tzinfo=UTC), 1152, 12.0, 1.0, 0.006),    # 4 days over the Singapore night-session surge of 2033-11-24 (SGT)
]
# Korean market holidays in the main history (the exchange is closed; treated like a Sunday):
# 신정 Mon 2035-01-01, 설날 연휴 Wed 02-07 .. Fri 02-09, 삼일절 Thu 03-01
KR_HOLIDAYS = {(2035, 1, 1), (2035, 2, 7), (2035, 2, 8), (2035, 2, 9), (2035, 3, 1)}
# Singapore holidays: New Year's Day, Chinese New Year Thu 02-08 and Fri 02-09
SG_HOLIDAYS = {(2035, 1, 1), (2035, 2, 8), (2035, 2, 9)}
# US Eastern: EST (-05:00) until Sun 2035-03-11 07:00Z, EDT (-04:00) after
US_EDT_FROM = datetime(2035, 3, 11, 7, 0, tzinfo=UTC)


def useastern(ts):
    return ts.astimezone(timezone(timedelta(hours=-4 if ts >= US_EDT_FROM else -5)))


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# locations (dotted lower case): mokdong.idc (목동 IDC, the main data centre), koscom.colo (the exchange
#        co-location), yeouido.tower (the head office), busan.dr (부산 재해복구센터), singapore.desk
#        (싱가포르 지점), bengaluru.odc (the offshore development centre)
# owners: mailing lists <team>@yss
# --------------------------------------------------------------------------------------
CIS = [
    # network: a route-distinguisher-like <ASN>:<tag>
    ("64700:110", "Trading Core Switch", "network", "running", "live", "mokdong.idc", "netops@yss", "트레이딩 코어 스위치|core switch", "10.35.0.1", "core"),
    ("64700:120", "KRX Colo Leaf", "network", "running", "live", "koscom.colo", "netops@yss", "코로 리프 스위치|colo leaf", "10.35.7.1", "colo"),
    ("64700:130", "Market Data Multicast Fabric", "network", "running", "live", "mokdong.idc", "mktdata@yss", "시세 멀티캐스트망|md fabric", "10.35.0.2", "mktdata"),
    ("64700:140", "Branch WAN Router", "network", "running", "live", "yeouido.tower", "netops@yss", "지점망 라우터|wan router", "10.35.40.1", "branch"),
    ("64700:150", "Singapore Desk Router", "network", "running", "live", "singapore.desk", "netops@yss", "싱가포르 라우터|sg router", "10.35.65.1", "sg"),
    ("64700:190", "Busan DR Edge", "network", "running", "warm-dr", "busan.dr", "netops@yss", "부산 DR 라우터", "10.35.90.1", "dr"),
    # storage: ARN-like <arn:service:name>
    ("arn:s3:tick-vault", "Tick History Vault", "storage", "running", "live", "mokdong.idc", "mktdata@yss", "틱 이력 저장소|tick vault", "10.35.0.31", "mktdata"),
    ("arn:efs:order-journal", "Order Journal NAS", "storage", "running", "live", "mokdong.idc", "infra@yss", "주문 저널 스토리지|journal nas", "10.35.0.32", "core"),
    ("arn:s3:dr-vault", "DR Vault Busan", "storage", "running", "warm-dr", "busan.dr", "infra@yss", "부산 백업 볼트", "10.35.90.31", "dr"),
    # servers: <market identifier code>-<cabinet><slot>; the hypervisors carry the option Greeks, the colo boxes alpha and beta
    ("XYSS-0201", "Delta", "server", "running", "live", "mokdong.idc", "infra@yss", "델타 호스트|host delta", "10.35.1.11", "core"),
    ("XYSS-0202", "Gamma", "server", "running", "live", "mokdong.idc", "infra@yss", "감마 호스트|host gamma", "10.35.1.12", "core"),
    ("XYSS-0203", "Theta", "server", "running", "live", "mokdong.idc", "infra@yss", "세타 호스트", "10.35.1.13", "core"),
    ("XYSS-0204", "Vega", "server", "running", "live", "mokdong.idc", "infra@yss", "베가 호스트|host vega", "10.35.1.14", "core"),
    ("XYSS-0901", "Rho", "server", "running", "warm-dr", "busan.dr", "infra@yss", "로 호스트|부산 DR 호스트", "10.35.90.11", "dr"),
    ("XKRX-0711", "Alpha", "server", "running", "live", "koscom.colo", "eq-it@yss", "알파 서버|order box", "10.35.7.11", "colo"),
    ("XKRX-0712", "Beta", "server", "running", "live", "koscom.colo", "eq-it@yss", "베타 서버|fix box", "10.35.7.12", "colo"),
    ("XKRX-0713", "Tick Capture", "server", "running", "live", "koscom.colo", "mktdata@yss", "틱 수집 서버|pcap box", "10.35.7.13", "mktdata"),
    ("XSES-0104", "Merlion", "server", "running", "live", "singapore.desk", "sgdesk@yss", "싱가포르 서버|sg box", "10.35.65.11", "sg"),
    ("XYSS-0311", "Quant Farm", "server", "running", "live", "bengaluru.odc", "quant@yss", "퀀트 서버|backtest box", "10.35.80.11", "quant"),
    # vms: OpenStack instance names, instance-<eight hex digits>
    ("instance-00004c2e", "Channel VM", "vm", "running", "live", "mokdong.idc", "digital@yss", "채널 VM|hts vm", "10.35.20.46", "channel"),
    ("instance-00004c31", "Mobile VM", "vm", "running", "live", "mokdong.idc", "digital@yss", "모바일 VM|mts vm", "10.35.20.49", "channel"),
    ("instance-00004d07", "Risk VM", "vm", "running", "live", "mokdong.idc", "risk-it@yss", "리스크 VM", "10.35.20.71", "risk"),
    ("instance-00004d12", "Ledger VM", "vm", "running", "live", "mokdong.idc", "ledger@yss", "원장 VM|ledger app vm", "10.35.20.82", "ledger"),
    ("instance-00004d13", "Ledger DB VM", "vm", "running", "live", "mokdong.idc", "dba@yss", "원장 DB VM", "10.35.20.83", "ledger"),
    ("instance-00004e5a", "Batch VM", "vm", "running", "live", "mokdong.idc", "backoffice@yss", "배치 VM|settlement vm", "10.35.20.90", "backoffice"),
    ("instance-00004e61", "Client DB VM", "vm", "running", "live", "mokdong.idc", "dba@yss", "고객 DB VM", "10.35.20.97", "channel"),
    ("instance-00004f03", "Overseas VM", "vm", "running", "live", "mokdong.idc", "eq-it@yss", "해외주식 VM|us desk vm", "10.35.20.103", "overseas"),
    ("instance-00004f1c", "Auth VM", "vm", "running", "live", "mokdong.idc", "sec@yss", "인증 VM", "10.35.20.128", "channel"),
    ("instance-00005002", "Backoffice VM", "vm", "running", "live", "mokdong.idc", "backoffice@yss", "백오피스 VM", "10.35.20.130", "backoffice"),
    ("instance-000050a9", "UAT Sim VM", "vm", "maintenance", "sandbox", "mokdong.idc", "eq-it@yss", "모의투자 VM|uat box", "10.35.50.169", "sandbox"),
    ("instance-00003fe8", "Legacy HTS VM", "vm", "stopped", "sandbox", "mokdong.idc", "digital@yss", "구 HTS VM", "10.35.50.232", "sandbox"),
    # databases: <engine>-<listener port>
    ("kdb-5010", "Tickerplant", "database", "running", "live", "koscom.colo", "mktdata@yss", "틱플랜트|tp", "10.35.7.21", "mktdata"),
    ("kdb-5012", "HDB", "database", "running", "live", "mokdong.idc", "mktdata@yss", "과거 틱 DB|tick history db", "10.35.0.41", "mktdata"),
    ("ora-1521", "Wonjang DB", "database", "running", "live", "mokdong.idc", "dba@yss", "원장 DB|ledger db", "10.35.20.101", "ledger"),
    ("ora-1621", "Wonjang DB Busan", "database", "running", "warm-dr", "busan.dr", "dba@yss", "원장 DB 부산|ledger standby", "10.35.90.101", "dr"),
    ("pg-5432", "Client DB", "database", "running", "live", "mokdong.idc", "dba@yss", "고객 DB|customer db", "10.35.20.102", "channel"),
    ("redis-6379", "Session Cache", "database", "running", "live", "mokdong.idc", "sec@yss", "세션 캐시", "10.35.20.103", "channel"),
    ("mssql-1433", "Backoffice DB", "database", "running", "live", "mokdong.idc", "backoffice@yss", "백오피스 DB|bo db", "10.35.20.104", "backoffice"),
    ("pg-6432", "SG Desk DB", "database", "running", "live", "singapore.desk", "sgdesk@yss", "싱가포르 DB", "10.35.65.21", "sg"),
    # apps: four-letter mnemonics with an exchange suffix, like a Reuters instrument code (.KS Seoul, .SI Singapore)
    ("JMGW.KS", "Jumun Gateway", "app", "running", "live", "koscom.colo", "eq-it@yss", "주문 게이트웨이|order gateway", "10.35.7.101", "colo"),
    ("BXRT.KS", "Best-Ex Router", "app", "running", "live", "koscom.colo", "eq-it@yss", "최선집행 라우터|smart order router|sor", "10.35.7.102", "colo"),
    ("FIXH.KS", "FIX Hub", "app", "running", "live", "koscom.colo", "inst-it@yss", "FIX 엔진|fix engine", "10.35.7.103", "colo"),
    ("MDFH.KS", "Sise Feed", "app", "running", "live", "koscom.colo", "mktdata@yss", "시세 피드|market data feed", "10.35.7.104", "mktdata"),
    ("PTRC.KS", "Pre-Trade Check", "app", "running", "live", "mokdong.idc", "risk-it@yss", "주문 한도 체크|pretrade risk", "10.35.30.201", "risk"),
    ("GRKS.KS", "Greeks Engine", "app", "running", "live", "mokdong.idc", "risk-it@yss", "파생 리스크 엔진|risk engine", "10.35.30.202", "risk"),
    ("LDGR.KS", "Wonjang Core", "app", "running", "live", "mokdong.idc", "ledger@yss", "원장 코어|ledger core", "10.35.30.301", "ledger"),
    ("BALQ.KS", "Jango Inquiry", "app", "running", "live", "mokdong.idc", "ledger@yss", "잔고 조회|balance inquiry", "10.35.30.302", "ledger"),
    ("STLB.KS", "Gyeolje Batch", "app", "running", "live", "mokdong.idc", "backoffice@yss", "결제 배치|settlement batch", "10.35.30.401", "backoffice"),
    ("REGR.KS", "Report Hub", "app", "running", "live", "mokdong.idc", "backoffice@yss", "감독 보고|reg reporting", "10.35.30.402", "backoffice"),
    ("CHGW.KS", "HTS/MTS Gateway", "app", "running", "live", "mokdong.idc", "digital@yss", "채널 게이트웨이|channel gateway", "10.35.30.501", "channel"),
    ("HTSP.KS", "yPro HTS", "app", "running", "live", "mokdong.idc", "digital@yss", "HTS|홈트레이딩", "10.35.30.502", "channel"),
    ("MTSG.KS", "yGo MTS", "app", "error", "live", "mokdong.idc", "digital@yss", "MTS|모바일 증권앱", "10.35.30.503", "channel"),
    ("WEBT.KS", "yWeb Trade", "app", "running", "live", "mokdong.idc", "digital@yss", "웹트레이딩|web trading", "10.35.30.504", "channel"),
    ("AUTH.KS", "Injeung Hub", "app", "running", "live", "mokdong.idc", "sec@yss", "인증 허브|auth hub", "10.35.30.601", "channel"),
    ("PUSH.KS", "Alimi", "app", "running", "live", "mokdong.idc", "digital@yss", "알리미|push notifier", "10.35.30.602", "channel"),
    ("OVSR.KS", "Haeoe Router", "app", "running", "live", "mokdong.idc", "eq-it@yss", "해외주식 주문|overseas router", "10.35.30.701", "overseas"),
    ("SGDO.SI", "SG Desk OMS", "app", "running", "live", "singapore.desk", "sgdesk@yss", "싱가포르 주문 시스템|sg oms", "10.35.65.101", "sg"),
    ("SGXL.SI", "SGX Link", "app", "running", "live", "singapore.desk", "sgdesk@yss", "SGX 연결|sgx gateway", "10.35.65.102", "sg"),
    ("BKTS.KS", "Backtest Lab", "app", "running", "live", "bengaluru.odc", "quant@yss", "백테스트|backtester", "10.35.80.101", "quant"),
    # load balancers: VRRP virtual router ids
    ("vrid-17", "Retail Front", "load_balancer", "running", "live", "mokdong.idc", "netops@yss", "리테일 관문|retail vip", "10.35.0.80", "channel"),
    ("vrid-23", "Institutional Front", "load_balancer", "running", "live", "koscom.colo", "netops@yss", "기관 관문|inst vip", "10.35.7.80", "colo"),
    # services: ISIN-like codes (KR, a nine-character number, a Luhn check digit)
    ("KR5YS0100010", "Retail Trading", "service", "running", "live", "mokdong.idc", "digital@yss", "리테일 매매|개인 주식매매", "", "channel"),
    ("KR5YS0200018", "Institutional Execution", "service", "running", "live", "koscom.colo", "inst-it@yss", "기관 주문 집행|inst execution", "", "colo"),
    ("KR5YS0300016", "Market Data", "service", "running", "live", "mokdong.idc", "mktdata@yss", "시세 서비스", "", "mktdata"),
    ("KR5YS0400014", "Post-Trade", "service", "running", "live", "mokdong.idc", "backoffice@yss", "결제 정산 서비스|post trade", "", "backoffice"),
    ("KR5YS0500011", "SG Execution", "service", "running", "live", "singapore.desk", "sgdesk@yss", "싱가포르 집행|sg execution", "", "sg"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network
    ("64700:120", "CONNECTS_TO", "64700:110"),
    ("64700:130", "CONNECTS_TO", "64700:110"),
    ("64700:140", "CONNECTS_TO", "64700:110"),
    ("64700:150", "CONNECTS_TO", "64700:110"),
    ("64700:190", "CONNECTS_TO", "64700:110"),
    ("XYSS-0201", "CONNECTS_TO", "64700:110"),
    ("XYSS-0202", "CONNECTS_TO", "64700:110"),
    ("XYSS-0203", "CONNECTS_TO", "64700:110"),
    ("XYSS-0204", "CONNECTS_TO", "64700:110"),
    ("XKRX-0711", "CONNECTS_TO", "64700:120"),
    ("XKRX-0712", "CONNECTS_TO", "64700:120"),
    ("XKRX-0713", "CONNECTS_TO", "64700:120"),
    ("XKRX-0713", "CONNECTS_TO", "64700:130"),
    ("XSES-0104", "CONNECTS_TO", "64700:150"),
    ("XYSS-0901", "CONNECTS_TO", "64700:190"),
    ("XYSS-0311", "CONNECTS_TO", "64700:140"),
    ("arn:s3:tick-vault", "CONNECTS_TO", "64700:110"),
    ("arn:efs:order-journal", "CONNECTS_TO", "64700:110"),
    ("arn:s3:dr-vault", "CONNECTS_TO", "64700:190"),
    # hypervisors -> vms (Delta: HOSTS only; Gamma: RUNS_ON only; Theta: both; Vega: both)
    ("XYSS-0201", "HOSTS", "instance-00004c2e"),
    ("XYSS-0201", "HOSTS", "instance-00004c31"),
    ("XYSS-0201", "HOSTS", "instance-00004f1c"),
    ("instance-00004d07", "RUNS_ON", "XYSS-0202"),
    ("instance-00004d12", "RUNS_ON", "XYSS-0202"),
    ("instance-00004d13", "RUNS_ON", "XYSS-0202"),
    ("XYSS-0203", "HOSTS", "instance-00004e5a"),
    ("instance-00004e5a", "RUNS_ON", "XYSS-0203"),
    ("XYSS-0203", "HOSTS", "instance-00004e61"),
    ("instance-00005002", "RUNS_ON", "XYSS-0203"),
    ("instance-00004f03", "RUNS_ON", "XYSS-0204"),
    ("instance-000050a9", "RUNS_ON", "XYSS-0204"),
    ("XYSS-0204", "HOSTS", "instance-00003fe8"),
    ("instance-00004d13", "DEPENDS_ON", "arn:efs:order-journal"),
    # databases
    ("kdb-5010", "RUNS_ON", "XKRX-0713"),
    ("kdb-5010", "DEPENDS_ON", "MDFH.KS"),
    ("kdb-5012", "RUNS_ON", "XYSS-0203"),
    ("kdb-5012", "DEPENDS_ON", "kdb-5010"),
    ("kdb-5012", "DEPENDS_ON", "arn:s3:tick-vault"),
    ("ora-1521", "RUNS_ON", "instance-00004d13"),
    ("ora-1521", "DEPENDS_ON", "arn:efs:order-journal"),
    ("ora-1621", "RUNS_ON", "XYSS-0901"),
    ("ora-1621", "DEPENDS_ON", "ora-1521"),
    ("ora-1621", "DEPENDS_ON", "arn:s3:dr-vault"),
    ("pg-5432", "RUNS_ON", "instance-00004e61"),
    ("redis-6379", "RUNS_ON", "instance-00004e61"),
    ("mssql-1433", "RUNS_ON", "instance-00005002"),
    ("pg-6432", "RUNS_ON", "XSES-0104"),
    # apps on vms and on bare metal
    ("JMGW.KS", "RUNS_ON", "XKRX-0711"),
    ("BXRT.KS", "RUNS_ON", "XKRX-0711"),
    ("FIXH.KS", "RUNS_ON", "XKRX-0712"),
    ("MDFH.KS", "RUNS_ON", "XKRX-0713"),
    ("PTRC.KS", "RUNS_ON", "instance-00004d07"),
    ("GRKS.KS", "RUNS_ON", "instance-00004d07"),
    ("LDGR.KS", "RUNS_ON", "instance-00004d12"),
    ("BALQ.KS", "RUNS_ON", "instance-00004d12"),
    ("STLB.KS", "RUNS_ON", "instance-00004e5a"),
    ("REGR.KS", "RUNS_ON", "instance-00004e5a"),
    ("CHGW.KS", "RUNS_ON", "instance-00004c2e"),
    ("HTSP.KS", "RUNS_ON", "instance-00004c2e"),
    ("MTSG.KS", "RUNS_ON", "instance-00004c31"),
    ("WEBT.KS", "RUNS_ON", "instance-00004c31"),
    ("AUTH.KS", "RUNS_ON", "instance-00004f1c"),
    ("PUSH.KS", "RUNS_ON", "instance-00004f1c"),
    ("OVSR.KS", "RUNS_ON", "instance-00004f03"),
    ("SGDO.SI", "RUNS_ON", "XSES-0104"),
    ("SGXL.SI", "RUNS_ON", "XSES-0104"),
    ("BKTS.KS", "RUNS_ON", "XYSS-0311"),
    # app dependencies
    ("JMGW.KS", "DEPENDS_ON", "PTRC.KS"),
    ("JMGW.KS", "DEPENDS_ON", "BXRT.KS"),
    ("JMGW.KS", "CONNECTS_TO", "64700:120"),
    ("BXRT.KS", "DEPENDS_ON", "MDFH.KS"),
    ("BXRT.KS", "CONNECTS_TO", "64700:120"),
    ("FIXH.KS", "DEPENDS_ON", "JMGW.KS"),
    ("MDFH.KS", "CONNECTS_TO", "64700:130"),
    ("PTRC.KS", "DEPENDS_ON", "BALQ.KS"),
    ("GRKS.KS", "DEPENDS_ON", "kdb-5010"),
    ("GRKS.KS", "DEPENDS_ON", "ora-1521"),
    ("LDGR.KS", "DEPENDS_ON", "ora-1521"),
    ("BALQ.KS", "DEPENDS_ON", "LDGR.KS"),
    ("BALQ.KS", "DEPENDS_ON", "redis-6379"),
    ("STLB.KS", "DEPENDS_ON", "LDGR.KS"),
    ("STLB.KS", "DEPENDS_ON", "mssql-1433"),
    ("REGR.KS", "DEPENDS_ON", "mssql-1433"),
    ("REGR.KS", "DEPENDS_ON", "kdb-5012"),
    ("CHGW.KS", "DEPENDS_ON", "JMGW.KS"),
    ("CHGW.KS", "DEPENDS_ON", "AUTH.KS"),
    ("CHGW.KS", "DEPENDS_ON", "BALQ.KS"),
    ("CHGW.KS", "DEPENDS_ON", "MDFH.KS"),
    ("HTSP.KS", "DEPENDS_ON", "CHGW.KS"),
    ("MTSG.KS", "DEPENDS_ON", "CHGW.KS"),
    ("MTSG.KS", "DEPENDS_ON", "PUSH.KS"),
    ("WEBT.KS", "DEPENDS_ON", "CHGW.KS"),
    ("AUTH.KS", "DEPENDS_ON", "pg-5432"),
    ("AUTH.KS", "DEPENDS_ON", "redis-6379"),
    ("PUSH.KS", "DEPENDS_ON", "pg-5432"),
    ("OVSR.KS", "DEPENDS_ON", "PTRC.KS"),
    ("OVSR.KS", "DEPENDS_ON", "BALQ.KS"),
    ("SGDO.SI", "DEPENDS_ON", "pg-6432"),
    ("SGDO.SI", "DEPENDS_ON", "SGXL.SI"),
    ("SGDO.SI", "DEPENDS_ON", "FIXH.KS"),
    ("SGXL.SI", "CONNECTS_TO", "64700:150"),
    ("BKTS.KS", "DEPENDS_ON", "kdb-5012"),
    # load balancers
    ("vrid-17", "CONNECTS_TO", "CHGW.KS"),
    ("vrid-17", "CONNECTS_TO", "MTSG.KS"),
    ("vrid-17", "CONNECTS_TO", "WEBT.KS"),
    ("vrid-23", "CONNECTS_TO", "FIXH.KS"),
    # services
    ("KR5YS0100010", "DEPENDS_ON", "vrid-17"),
    ("KR5YS0100010", "DEPENDS_ON", "HTSP.KS"),
    ("KR5YS0100010", "DEPENDS_ON", "MTSG.KS"),
    ("KR5YS0100010", "DEPENDS_ON", "WEBT.KS"),
    ("KR5YS0100010", "DEPENDS_ON", "JMGW.KS"),
    ("KR5YS0200018", "DEPENDS_ON", "vrid-23"),
    ("KR5YS0200018", "DEPENDS_ON", "FIXH.KS"),
    ("KR5YS0200018", "DEPENDS_ON", "BXRT.KS"),
    ("KR5YS0200018", "DEPENDS_ON", "JMGW.KS"),
    ("KR5YS0300016", "DEPENDS_ON", "MDFH.KS"),
    ("KR5YS0300016", "DEPENDS_ON", "kdb-5010"),
    ("KR5YS0300016", "DEPENDS_ON", "kdb-5012"),
    ("KR5YS0400014", "DEPENDS_ON", "STLB.KS"),
    ("KR5YS0400014", "DEPENDS_ON", "LDGR.KS"),
    ("KR5YS0400014", "DEPENDS_ON", "REGR.KS"),
    ("KR5YS0500011", "DEPENDS_ON", "SGDO.SI"),
    ("KR5YS0500011", "DEPENDS_ON", "SGXL.SI"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: krx (the Seoul cash market: the 09:00 open, the session to 15:30 with the closing auction
#           15:20-15:30, the after-hours session to 18:00; only on trading days), retail (krx plus evening
#           HTS/MTS use and a little at weekends), sgx (Singapore 09:00-17:00 SGT with the 12:00-13:00 lunch
#           break, Singapore trading days), usnight (US Eastern 09:30-16:00, EST then EDT from 2035-03-11, as
#           seen from Seoul at night), batch (01:00-04:00 every night), office (09-18 on working days),
#           ist (Bengaluru 09:30-18:30 IST on weekdays), flat
METRIC_PLAN = {
    "XYSS-0201": {"cpu_usage": (38, 0.45, 1.8, "retail"), "mem_usage": (67, 0.04, 1.0, "retail"), "disk_usage": (44, 0, 0.2, "flat")},
    "XYSS-0202": {"cpu_usage": (41, 0.40, 1.8, "krx"), "mem_usage": (72, 0.04, 1.0, "krx"), "disk_usage": (51, 0, 0.2, "flat")},
    "XYSS-0203": {"cpu_usage": (29, 0.50, 1.6, "batch"), "mem_usage": (58, 0.05, 1.0, "batch"), "disk_usage": (47, 0, 0.2, "flat")},
    "XYSS-0204": {"cpu_usage": (24, 0.60, 1.5, "usnight"), "mem_usage": (49, 0.05, 1.0, "usnight"), "disk_usage": (38, 0, 0.2, "flat")},
    "XYSS-0901": {"cpu_usage": (9, 0.20, 0.8, "flat"), "mem_usage": (36, 0.02, 0.8, "flat"), "disk_usage": (33, 0, 0.2, "flat")},
    "XKRX-0711": {"cpu_usage": (31, 0.90, 1.7, "krx"), "mem_usage": (54, 0.06, 0.9, "krx"), "disk_usage": (27, 0, 0.2, "flat")},
    "XKRX-0712": {"cpu_usage": (22, 0.80, 1.4, "krx"), "mem_usage": (46, 0.05, 0.9, "krx"), "disk_usage": (25, 0, 0.2, "flat")},
    "XKRX-0713": {"cpu_usage": (35, 0.70, 1.6, "krx"), "mem_usage": (63, 0.05, 0.9, "krx"), "disk_usage": (69, 0, 0.2, "flat")},
    "XSES-0104": {"cpu_usage": (19, 0.80, 1.3, "sgx"), "mem_usage": (42, 0.05, 0.9, "sgx"), "disk_usage": (31, 0, 0.2, "flat")},
    "XYSS-0311": {"cpu_usage": (16, 0.90, 1.3, "ist"), "mem_usage": (39, 0.06, 0.9, "ist"), "disk_usage": (57, 0, 0.2, "flat")},
    "instance-00004c2e": {"cpu_usage": (27, 0.70, 1.6, "retail"), "mem_usage": (61, 0.04, 0.9, "retail"), "disk_usage": (36, 0, 0.2, "flat")},
    "instance-00004c31": {"cpu_usage": (33, 0.60, 1.7, "retail"), "mem_usage": (64, 0.04, 0.9, "retail"), "disk_usage": (41, 0, 0.2, "flat")},
    "instance-00004d07": {"cpu_usage": (26, 0.70, 1.6, "krx"), "mem_usage": (57, 0.04, 0.9, "krx"), "disk_usage": (34, 0, 0.2, "flat")},
    "instance-00004d12": {"cpu_usage": (23, 0.60, 1.4, "krx"), "mem_usage": (59, 0.04, 0.9, "krx"), "disk_usage": (43, 0, 0.2, "flat")},
    "instance-00004d13": {"cpu_usage": (30, 0.50, 1.5, "krx"), "mem_usage": (78, 0.02, 0.6, "flat"), "disk_usage": (62, 0, 0.2, "flat")},
    "instance-00004e5a": {"cpu_usage": (13, 0.90, 1.2, "batch"), "mem_usage": (44, 0.05, 0.9, "batch"), "disk_usage": (48, 0, 0.2, "flat")},
    "instance-00004e61": {"cpu_usage": (21, 0.60, 1.3, "retail"), "mem_usage": (66, 0.03, 0.8, "retail"), "disk_usage": (53, 0, 0.2, "flat")},
    "instance-00004f03": {"cpu_usage": (15, 0.90, 1.2, "usnight"), "mem_usage": (47, 0.05, 0.9, "usnight"), "disk_usage": (29, 0, 0.2, "flat")},
    "instance-00004f1c": {"cpu_usage": (18, 0.70, 1.3, "retail"), "mem_usage": (52, 0.04, 0.9, "retail"), "disk_usage": (32, 0, 0.2, "flat")},
    "instance-00005002": {"cpu_usage": (14, 0.50, 1.1, "office"), "mem_usage": (50, 0.03, 0.9, "office"), "disk_usage": (46, 0, 0.2, "flat")},
    "instance-000050a9": {"cpu_usage": (12, 0.50, 1.2, "office"), "mem_usage": (37, 0.03, 1.0, "office"), "disk_usage": (58, 0, 0.2, "flat")},
    "instance-00003fe8": {"cpu_usage": (7, 0.40, 0.9, "retail"), "mem_usage": (31, 0.03, 1.0, "flat"), "disk_usage": (77, 0, 0.2, "flat")},
    "kdb-5010": {"cpu_usage": (28, 0.80, 1.6, "krx"), "mem_usage": (71, 0.05, 0.7, "krx"), "disk_usage": (55, 0, 0.2, "flat")},
    "kdb-5012": {"cpu_usage": (19, 0.60, 1.3, "ist"), "mem_usage": (68, 0.02, 0.6, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "ora-1521": {"cpu_usage": (34, 0.60, 1.7, "krx"), "mem_usage": (79, 0.02, 0.5, "flat"), "disk_usage": (66, 0, 0.2, "flat")},
    "ora-1621": {"cpu_usage": (11, 0.20, 0.9, "flat"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (67, 0, 0.2, "flat")},
    "pg-5432": {"cpu_usage": (17, 0.60, 1.3, "retail"), "mem_usage": (56, 0.02, 0.6, "flat"), "disk_usage": (44, 0, 0.2, "flat")},
    "redis-6379": {"cpu_usage": (12, 0.70, 1.1, "retail"), "mem_usage": (48, 0.03, 0.6, "retail"), "disk_usage": (21, 0, 0.2, "flat")},
    "mssql-1433": {"cpu_usage": (20, 0.60, 1.4, "batch"), "mem_usage": (63, 0.02, 0.6, "flat"), "disk_usage": (52, 0, 0.2, "flat")},
    "pg-6432": {"cpu_usage": (13, 0.60, 1.1, "sgx"), "mem_usage": (45, 0.02, 0.6, "flat"), "disk_usage": (39, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "JMGW.KS": {"cpu_usage": (36, 0.80, 1.8, "krx"), "latency_ms": (4.2, 0.40, 0.15, "krx"), "error_rate": (0.03, 0.3, 0.008, "krx")},
    "BXRT.KS": {"cpu_usage": (29, 0.80, 1.6, "krx"), "latency_ms": (2.7, 0.40, 0.10, "krx"), "error_rate": (0.02, 0.3, 0.006, "krx")},
    "FIXH.KS": {"cpu_usage": (21, 0.70, 1.3, "krx"), "latency_ms": (8.5, 0.35, 0.30, "krx"), "error_rate": (0.05, 0.3, 0.012, "krx")},
    "MDFH.KS": {"cpu_usage": (42, 0.60, 1.9, "krx"), "latency_ms": (0.9, 0.50, 0.04, "krx"), "error_rate": (0.01, 0.3, 0.004, "krx")},
    "PTRC.KS": {"cpu_usage": (24, 0.70, 1.5, "krx"), "latency_ms": (12.0, 0.40, 0.5, "krx"), "error_rate": (0.06, 0.3, 0.015, "krx")},
    "GRKS.KS": {"cpu_usage": (33, 0.70, 1.7, "krx"), "latency_ms": (185, 0.40, 5.0, "krx"), "error_rate": (0.09, 0.3, 0.02, "krx")},
    "LDGR.KS": {"cpu_usage": (26, 0.60, 1.5, "krx"), "latency_ms": (38, 0.35, 1.3, "krx"), "error_rate": (0.07, 0.3, 0.015, "krx")},
    "BALQ.KS": {"cpu_usage": (19, 0.70, 1.3, "retail"), "latency_ms": (64, 0.40, 2.0, "retail"), "error_rate": (0.11, 0.3, 0.02, "retail")},
    "STLB.KS": {"cpu_usage": (15, 0.90, 1.2, "batch"), "latency_ms": (2350, 0.25, 45.0, "batch"), "error_rate": (0.21, 0.3, 0.04, "batch")},
    "REGR.KS": {"cpu_usage": (11, 0.80, 1.0, "batch"), "latency_ms": (940, 0.25, 20.0, "batch"), "error_rate": (0.16, 0.3, 0.03, "batch")},
    "CHGW.KS": {"cpu_usage": (31, 0.70, 1.7, "retail"), "latency_ms": (47, 0.40, 1.6, "retail"), "error_rate": (0.12, 0.3, 0.025, "retail")},
    "HTSP.KS": {"cpu_usage": (22, 0.70, 1.4, "retail"), "latency_ms": (118, 0.35, 3.5, "retail"), "error_rate": (0.14, 0.3, 0.03, "retail")},
    "MTSG.KS": {"cpu_usage": (28, 0.70, 1.6, "retail"), "latency_ms": (265, 0.35, 7.0, "retail"), "error_rate": (0.62, 0.3, 0.07, "retail")},
    "WEBT.KS": {"cpu_usage": (14, 0.70, 1.1, "retail"), "latency_ms": (310, 0.35, 8.0, "retail"), "error_rate": (0.18, 0.3, 0.03, "retail")},
    "AUTH.KS": {"cpu_usage": (17, 0.70, 1.2, "retail"), "latency_ms": (142, 0.35, 4.0, "retail"), "error_rate": (0.08, 0.3, 0.02, "retail")},
    "PUSH.KS": {"cpu_usage": (10, 0.70, 1.0, "retail"), "latency_ms": (520, 0.30, 12.0, "retail"), "error_rate": (0.24, 0.3, 0.04, "retail")},
    "OVSR.KS": {"cpu_usage": (16, 0.90, 1.2, "usnight"), "latency_ms": (74, 0.40, 2.5, "usnight"), "error_rate": (0.13, 0.3, 0.03, "usnight")},
    "SGDO.SI": {"cpu_usage": (18, 0.80, 1.3, "sgx"), "latency_ms": (27, 0.40, 1.0, "sgx"), "error_rate": (0.10, 0.3, 0.02, "sgx")},
    "SGXL.SI": {"cpu_usage": (12, 0.80, 1.1, "sgx"), "latency_ms": (6.4, 0.40, 0.25, "sgx"), "error_rate": (0.04, 0.3, 0.01, "sgx")},
    "BKTS.KS": {"cpu_usage": (20, 0.90, 1.4, "ist"), "latency_ms": (1650, 0.30, 35.0, "ist"), "error_rate": (0.27, 0.3, 0.05, "ist")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "instance-00003fe8": datetime(2035, 2, 1, 12, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}


def hour_of(ts):
    t = ts.astimezone(KST)
    return t.hour + t.minute / 60.0 + t.second / 3600.0


def circ(h, c):
    d = abs(h - c)
    return min(d, 24 - d)


def plateau(h, a, b):
    return 1.0 / (1 + math.exp(-(h - a) * 2.5)) * 1.0 / (1 + math.exp((h - b) * 2.5))


def krx_open(t):
    return t.weekday() < 5 and (t.year, t.month, t.day) not in KR_HOLIDAYS


def krx_shape(h):
    return (0.55 * math.exp(-((h - 9.2) / 0.45) ** 2) + 0.32 * plateau(h, 9.0, 15.5)
            + 0.45 * math.exp(-((h - 15.4) / 0.22) ** 2) + 0.12 * plateau(h, 15.6, 18.0))


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    if kind == "krx":
        return 0.06 + (krx_shape(h) if krx_open(t) else 0.0)
    if kind == "retail":
        v = 0.08 + 0.22 * math.exp(-(circ(h, 21.5) / 1.8) ** 2)
        if krx_open(t):
            v += krx_shape(h)
        elif t.weekday() >= 5:
            v += 0.10 * plateau(h, 10.0, 22.0)
        return v
    if kind == "sgx":
        st = ts.astimezone(SGT)
        sh = st.hour + st.minute / 60.0 + st.second / 3600.0
        if st.weekday() >= 5 or (st.year, st.month, st.day) in SG_HOLIDAYS:
            return 0.06
        return 0.06 + 0.8 * plateau(sh, 9.0, 17.0) - 0.35 * math.exp(-((sh - 12.5) / 0.5) ** 2)
    if kind == "usnight":
        et = useastern(ts)
        eh = et.hour + et.minute / 60.0 + et.second / 3600.0
        if et.weekday() >= 5:
            return 0.06
        return 0.06 + 0.8 * plateau(eh, 9.5, 16.0) + 0.15 * plateau(eh, 4.0, 9.5)
    if kind == "office":
        if t.weekday() >= 5 or (t.year, t.month, t.day) in KR_HOLIDAYS:
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    if kind == "batch":
        return 0.1 + 0.9 * math.exp(-(circ(h, 2.5) / 1.0) ** 2)
    if kind == "ist":
        it = ts.astimezone(IST)
        ih = it.hour + it.minute / 60.0 + it.second / 3600.0
        if it.weekday() >= 5:
            return 0.08
        return 0.08 + 0.8 * plateau(ih, 9.5, 18.5)
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
    # level shift: client DB memory after the buffer change, from Thu 2035-02-15 10:00
    if code == "pg-5432" and metric == "mem_usage" and ts >= kst(2035, 2, 15, 10):
        v += 9.0
    # growth: the HDB disk over the whole quarter (every day's ticks are kept)
    if code == "kdb-5012" and metric == "disk_usage":
        v += 27.0 * ramp(ts, M_START, M_END)
    # growth: the backoffice DB disk from 2035-03-01 (quarter-end statements)
    if code == "mssql-1433" and metric == "disk_usage":
        v += 21.0 * ramp(ts, kst(2035, 3, 1), M_END)
    # 1. the SGX link drops at the Singapore open, Wed 2035-01-17 09:00-10:30 SGT = 10:00-11:30 Seoul
    #    (Singapore router firmware 05:30, SGX Link 3.4 at 07:00 Seoul)
    if within(ts, kst(2035, 1, 17, 10), kst(2035, 1, 17, 11, 30)):
        if code == "SGXL.SI" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.4)
        if code == "SGXL.SI" and metric == "latency_ms":
            v *= 4.0
        if code == "XSES-0104" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.6)
        if code == "SGDO.SI" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 2. the first session after Seollal, Mon 2035-02-12 09:00-10:10: the order gateway is swamped at the open
    #    (colo leaf buffer change 03:30, Jumun Gateway 11.0 at 06:30)
    if within(ts, kst(2035, 2, 12, 9), kst(2035, 2, 12, 10, 10)):
        if code == "JMGW.KS" and metric == "latency_ms":
            v *= 5.0
        if code == "JMGW.KS" and metric == "error_rate":
            v = 4.5 + rng.gauss(0, 0.3)
        if code == "XKRX-0711" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.5)
        if code == "PTRC.KS" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 3. the T+2 settlement batch fails overnight, Tue 2035-02-27 01:00-03:30 (backoffice DB index 02-26 21:30,
    #    Gyeolje Batch 8.1 at 23:40)
    if within(ts, kst(2035, 2, 27, 1), kst(2035, 2, 27, 3, 30)):
        if code == "STLB.KS" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "STLB.KS" and metric == "latency_ms":
            v *= 3.0
        if code == "mssql-1433" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.6)
        if code == "REGR.KS" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 4. the MTS login storm, Tue 2035-03-06 08:40-09:40 (session TTL 04:00, Injeung Hub 4.2 at 06:00)
    if within(ts, kst(2035, 3, 6, 8, 40), kst(2035, 3, 6, 9, 40)):
        if code == "AUTH.KS" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "AUTH.KS" and metric == "latency_ms":
            v *= 5.0
        if code == "instance-00004f1c" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.6)
        if code == "MTSG.KS" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
        if code == "redis-6379" and metric == "cpu_usage":
            v += 25
    # 5. the quarterly futures and options expiry (quad witching), Thu 2035-03-08 14:50-15:35: the Greeks engine
    #    falls behind (Greeks Engine 6.0 at 11:40, tickerplant column change 12:10)
    if within(ts, kst(2035, 3, 8, 14, 50), kst(2035, 3, 8, 15, 35)):
        if code == "GRKS.KS" and metric == "latency_ms":
            v *= 4.0
        if code == "GRKS.KS" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "instance-00004d07" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "kdb-5010" and metric == "cpu_usage":
            v += 30
    # UAT Sim VM in maintenance from Mon 2035-03-26 09:00: idle
    if code == "instance-000050a9" and metric == "cpu_usage" and ts >= kst(2035, 3, 26, 9):
        v = 2 + rng.gauss(0, 0.3)
    # 6. the quarter-end closing auction, from Fri 2035-03-30 15:20, ongoing at now: the pre-trade limit check
    #    falls behind (Jango Inquiry cache TTL 11:30, Pre-Trade Check 7.2 with the quarter-end limit table 12:10)
    if ts >= kst(2035, 3, 30, 15, 20):
        if code == "PTRC.KS" and metric == "latency_ms":
            v *= 4.0
        if code == "PTRC.KS" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "instance-00004d07" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.6)
        if code == "JMGW.KS" and metric == "latency_ms":
            v *= 2.0
        if code == "BALQ.KS" and metric == "cpu_usage":
            v += 20
    return v


def sample_times():
    """Hourly samples (an older rollup) from M_START, every 30 minutes from HALF_START, every 3 minutes from
    FINE_START, every 15 seconds from TICK_START up to and including NOW."""
    times = []
    t = M_START
    while t < HALF_START:
        times.append(t)
        t += STEP_HOUR
    while t < FINE_START:
        times.append(t)
        t += STEP_HALF
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
            # Quant Farm: the Bengaluru backfill, Tue 2032-11-16 21:30 IST - Wed 11-17 01:30 IST = 16:00-20:00Z
            #   (Wed 11-17 01:00-05:00 in Seoul)
            if code == "XYSS-0311" and datetime(2032, 11, 16, 16, tzinfo=UTC) <= t < datetime(2032, 11, 16, 20, tzinfo=UTC):
                v = 92 + rng.gauss(0, 1.0)
            # Merlion: the Singapore night-session surge, Thu 2033-11-24 22:10-23:50 SGT = 14:10-15:50Z
            #   (23:10 Thu - 00:50 Fri 11-25 in Seoul); a warm-up +10 from 13:00Z
            if code == "XSES-0104" and datetime(2033, 11, 24, 13, tzinfo=UTC) <= t < datetime(2033, 11, 24, 14, 10, tzinfo=UTC):
                v += 10.0
            if code == "XSES-0104" and datetime(2033, 11, 24, 14, 10, tzinfo=UTC) <= t < datetime(2033, 11, 24, 15, 50, tzinfo=UTC):
                v = 89 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (datetime(2032, 11, 16, 15, 0, tzinfo=UTC), "XYSS-0311", "change", "info", "Bengaluru ODC tick backfill job started", "CHG-321116 re-compute 2019-2031 bars"),
    (datetime(2032, 11, 16, 16, 20, tzinfo=UTC), "XYSS-0311", "alert", "major", "Quant Farm CPU 90% 초과 (백필)", "cpu_usage 92%"),
    (datetime(2033, 11, 24, 12, 0, tzinfo=UTC), "XSES-0104", "change", "info", "싱가포르 야간장 대비 주문 큐 증설", "CHG-331124 queue depth x2"),
    (datetime(2033, 11, 24, 14, 25, tzinfo=UTC), "XSES-0104", "alert", "major", "Merlion CPU 85% 초과 (야간장)", "cpu_usage 89%"),
    (kst(2035, 1, 6, 2, 0), "64700:110", "change", "info", "트레이딩 코어 스위치 OS 업그레이드", "CHG-350106 weekend window"),
    # 1. SGX Link, Wed 01-17 at the Singapore open
    (kst(2035, 1, 17, 5, 30), "64700:150", "change", "info", "싱가포르 라우터 펌웨어 업데이트", "CHG-350117 firmware 17.4"),
    (kst(2035, 1, 17, 7, 0), "SGXL.SI", "deploy", "info", "SGX Link 3.4 배포", "release 3.4"),
    (kst(2035, 1, 17, 10, 5), "SGXL.SI", "incident", "major", "SGX 접속 끊김 (싱가포르 장 시작)", "INC-350117-01 logon rejected after failover"),
    (kst(2035, 1, 17, 11, 40), "SGXL.SI", "change", "info", "SGX Link 3.3.2 롤백", "rollback; sessions restored"),
    (kst(2035, 1, 20, 3, 0), "XYSS-0202", "change", "info", "Gamma 하이퍼바이저 보안 패치", "CHG-350120 rolling; live migration"),
    (kst(2035, 2, 1, 12, 0), "instance-00003fe8", "change", "info", "구 HTS VM 전원 종료 (yPro HTS 이관 완료)", "CHG-350201 powered off"),
    (kst(2035, 2, 3, 2, 0), "arn:s3:tick-vault", "change", "info", "틱 이력 저장소 용량 증설", "CHG-350203 +400 TB"),
    # 2. Jumun Gateway, Mon 02-12, the first session after Seollal
    (kst(2035, 2, 12, 3, 30), "64700:120", "change", "info", "코로 리프 스위치 버퍼 설정 변경", "CHG-350212 buffer profile low-latency"),
    (kst(2035, 2, 12, 6, 30), "JMGW.KS", "deploy", "info", "Jumun Gateway 11.0 배포", "release 11.0"),
    (kst(2035, 2, 12, 9, 3), "JMGW.KS", "incident", "critical", "설 연휴 후 첫 장 주문 지연", "INC-350212-01 order acks 5x slower at the open"),
    (kst(2035, 2, 12, 9, 10), "XKRX-0711", "alert", "major", "Alpha CPU 95% 초과", "cpu_usage 96%"),
    (kst(2035, 2, 12, 10, 20), "JMGW.KS", "change", "info", "Jumun Gateway 10.9.4 롤백", "rollback; acks normal"),
    (kst(2035, 2, 15, 10, 0), "pg-5432", "change", "info", "고객 DB 버퍼 캐시 확장", "CHG-350215 shared_buffers +16 GB"),
    (kst(2035, 2, 17, 3, 0), "ora-1621", "change", "info", "Wonjang DB Busan 패치 적용", "CHG-350217 RU 2035.01"),
    # 3. Gyeolje Batch, Tue 02-27 overnight
    (kst(2035, 2, 26, 21, 30), "mssql-1433", "change", "info", "백오피스 DB 인덱스 재구성", "CHG-350226 settlement index"),
    (kst(2035, 2, 26, 23, 40), "STLB.KS", "deploy", "info", "Gyeolje Batch 8.1 배포", "release 8.1"),
    (kst(2035, 2, 27, 1, 10), "STLB.KS", "incident", "major", "T+2 결제 배치 실패", "INC-350227-01 trades of 02-23 not settled"),
    (kst(2035, 2, 27, 3, 50), "STLB.KS", "change", "info", "Gyeolje Batch 8.0.6 롤백", "rollback; batch rerun"),
    (kst(2035, 3, 2, 4, 0), "kdb-5012", "alert", "minor", "HDB 디스크 80% 초과", "volume 81%"),
    # 4. Injeung Hub, Tue 03-06 morning
    (kst(2035, 3, 6, 4, 0), "redis-6379", "change", "info", "세션 캐시 TTL 변경", "CHG-350306 ttl 30 min"),
    (kst(2035, 3, 6, 6, 0), "AUTH.KS", "deploy", "info", "Injeung Hub 4.2 배포", "release 4.2 simple-auth module"),
    (kst(2035, 3, 6, 8, 52), "AUTH.KS", "incident", "critical", "장 시작 전 MTS 로그인 폭주", "INC-350306-01 logins failing 7%"),
    (kst(2035, 3, 6, 9, 0), "instance-00004f1c", "alert", "major", "Auth VM CPU 90% 초과", "cpu_usage 93%"),
    (kst(2035, 3, 6, 9, 55), "AUTH.KS", "change", "info", "Injeung Hub 4.1.3 롤백", "rollback; logins normal"),
    # 5. Greeks Engine, Thu 03-08 quarterly expiry
    (kst(2035, 3, 8, 11, 40), "GRKS.KS", "deploy", "info", "Greeks Engine 6.0 배포", "release 6.0 vol surface"),
    (kst(2035, 3, 8, 12, 10), "kdb-5010", "change", "info", "틱플랜트 스키마 컬럼 추가", "CHG-350308 implied vol column"),
    (kst(2035, 3, 8, 15, 2), "GRKS.KS", "incident", "major", "동시만기일 그릭스 계산 지연", "INC-350308-01 delta and gamma 4 min stale"),
    (kst(2035, 3, 8, 15, 10), "instance-00004d07", "alert", "major", "Risk VM CPU 95% 초과", "cpu_usage 95%"),
    (kst(2035, 3, 8, 15, 50), "GRKS.KS", "change", "info", "Greeks Engine 5.9.2 롤백", "rollback; greeks current"),
    (kst(2035, 3, 10, 9, 0), "OVSR.KS", "change", "info", "미국 서머타임 시작 대비 해외주식 장 시간표 변경", "CHG-350310 US session 22:30-05:00 KST"),
    (kst(2035, 3, 17, 10, 0), "ora-1621", "change", "info", "분기 DR 전환 훈련 (원장 DB 부산)", "CHG-350317 switchover drill; switched back 12:40"),
    (kst(2035, 3, 22, 4, 0), "kdb-5012", "alert", "minor", "HDB 디스크 85% 초과", "volume 85%"),
    (kst(2035, 3, 26, 9, 0), "instance-000050a9", "change", "info", "UAT Sim VM 점검 모드 전환", "CHG-350326 maintenance"),
    # 6. Pre-Trade Check, today, ongoing
    (kst(2035, 3, 30, 11, 30), "BALQ.KS", "change", "info", "잔고 조회 캐시 TTL 단축", "CHG-350330 ttl 5 s for quarter end"),
    (kst(2035, 3, 30, 12, 10), "PTRC.KS", "deploy", "info", "Pre-Trade Check 7.2 배포", "release 7.2 quarter-end limit table"),
    (kst(2035, 3, 30, 15, 24), "PTRC.KS", "incident", "critical", "분기말 종가 동시호가 주문 한도 체크 지연", "INC-350330-01 limit checks 4x slower"),
    (kst(2035, 3, 30, 15, 31), "instance-00004d07", "alert", "major", "Risk VM CPU 90% 초과", "cpu_usage 94%"),
    (kst(2035, 3, 30, 15, 42), "JMGW.KS", "alert", "minor", "Jumun Gateway 주문 응답 지연 경고", "ack latency 2x"),
]

BUILD_APPS = ["CHGW.KS", "HTSP.KS", "MTSG.KS", "WEBT.KS", "BALQ.KS", "GRKS.KS", "BKTS.KS"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2035, 3, 19)
    n = 0
    while day < kst(2035, 3, 30):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{3100 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky order-book test"))
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "weekend", "thismonth", "lastmonth", "thisyear", "daysago:2", "weekday:fri", "weekday:wed", "weekday:mon", "thisquarter", "last:3h", "last:1h", "last:30m", "last:15m", "last:7d", "last:14d", "last:30d", "span:2035-03-30T09:00/2035-03-30T15:30", "span:2035-03-30T15:20/2035-03-30T15:30", "span:2035-03-30T15:30/2035-03-30T15:47", "day:2035-03-08", "span:2035-03-08T14:50/2035-03-08T15:35", "day:2035-03-06", "day:2035-02-27", "day:2035-02-12", "day:2035-01-17", "span:2035-01-17T00:00+08:00/2035-01-18T00:00+08:00", "span:2035-03-29T00:00+08:00/2035-03-30T00:00+08:00", "span:2035-03-29T00:00+05:30/2035-03-30T00:00+05:30", "days:2035-02-07..2035-02-09", "month:2035-01", "month:2035-02", "day:2032-11-16", "day:2032-11-17", "dayutc:2032-11-16", "span:2032-11-16T00:00+05:30/2032-11-17T00:00+05:30", "span:2032-11-17T00:00+05:30/2032-11-18T00:00+05:30", "month:2032-11", "quarter:2032-Q4", "half:2032-2", "day:2033-11-24", "day:2033-11-25", "dayutc:2033-11-24", "span:2033-11-24T00:00+08:00/2033-11-25T00:00+08:00", "span:2033-11-25T00:00+08:00/2033-11-26T00:00+08:00", "month:2033-11", "quarter:2033-Q4"):
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
