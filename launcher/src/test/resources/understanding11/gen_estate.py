#!/usr/bin/env python3
"""Deterministic generator for the "Hanbada Container Terminal" (한바다컨테이너터미널, Busan New Port) estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids H###, halves "dev15" / "test11") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding10/gen_estate.py (the "Eunsol City Hall"
set), copied unchanged from event_checks() onwards except three things: resolve_range() also knows
quarter tokens this clock needs (`thisquarter`, `lastquarter`, `quarter:YYYY-Qn`, `half:YYYY-Hn`),
RELATIVE_R lists the relative ones, and the ranges that --summary prints.  The estate, the clock
(2030-06-30 23:50 Seoul, a Sunday night, ten minutes before the month, the quarter and the half-year
roll over), the sampling (hourly from 2030-04-01, every 10 minutes from 2030-06-17 on, and three
5-minute UTC blocks in November 2027, around the Q1 2029 quarter end and around 1 July 2029, shaped
like public AWS CloudWatch EC2 CPU series), the names, the personas and the questions differ.
See README.md.

Spec grammar: as in ../understanding10/gen_estate.py (persona tags `# N<n> ...`), plus the ranges
   thisquarter (the calendar quarter up to now) lastquarter quarter:YYYY-Qn half:YYYY-H1|H2 (Seoul).
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
HALVES = ("dev15", "test11")
ID_PREFIX = "H"
TAG_LETTER = "N"
SEED = 20300630
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2030, 6, 30, 23, 50, tzinfo=KST)            # Sun 30 June 2030, 23:50 Seoul = 14:50Z; last day of Q2 and H1
M_START = datetime(2030, 4, 1, 0, 0, tzinfo=KST)           # a Monday, the first day of Q2; hourly samples (a rollup) ...
FINE_START = datetime(2030, 6, 17, 0, 0, tzinfo=KST)       # ... then every 10 minutes from this Monday
M_END = NOW                                                 # inclusive: the last sample is at 23:50 itself
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=10)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("0050.vm", datetime(2027, 11, 7, 15, 11, tzinfo=UTC), 2880, 9.0, 0.8, 0.007),    # 10 days over 2027-11-11
    ("0051.vm", datetime(2029, 3, 26, 15, 3, tzinfo=UTC), 2016, 10.0, 0.9, 0.006),    # 7 days over the Q1 2029 quarter end
    ("0060.vm", datetime(2029, 6, 27, 15, 7, tzinfo=UTC), 2304, 7.0, 0.6, 0.008),     # 8 days over 1 July 2029
]
# Korean public holidays in the main history (treated like a Sunday): 어린이날 대체 2030-05-06 (Mon), 부처님오신날
# 2030-05-09 (Thu), 현충일 2030-06-06 (Thu)
HOLIDAYS = {(2030, 5, 6), (2030, 5, 9), (2030, 6, 6)}

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites: T3_TOWER (운영동 전산실), T3_QUAY (안벽 전기실), T3_GATE (게이트동), T3_REEFER (냉동 야드), YANGSAN_DR (양산 DR)
# --------------------------------------------------------------------------------------
CIS = [
    # network: UN/LOCODE + four digits with leading zeros
    ("KRPUS-0011", "Tower Core Switch", "network", "running", "hbct.live", "T3_TOWER", "infra_ops", "운영동 코어|tcore", "10.31.0.1", "core"),
    ("KRPUS-0012", "Quay Ring Switch", "network", "running", "hbct.live", "T3_QUAY", "ot_crane", "안벽 링 스위치|quay ring", "10.31.1.1", "quay"),
    ("KRPUS-0013", "게이트동 스위치", "network", "running", "hbct.live", "T3_GATE", "gate_ops", "gate house switch", "10.31.2.1", "gate"),
    ("KRPUS-0014", "Perimeter FW (Customs & Port-MIS)", "network", "running", "hbct.live", "T3_TOWER", "netsec", "관세망 방화벽|cfw", "10.31.0.9", "core"),
    ("KRPUS-0015", "냉동야드 무선 메시", "network", "running", "hbct.live", "T3_REEFER", "reefer_ops", "reefer mesh", "10.31.3.1", "reefer"),
    ("KRPUS-0016", "양산 DR 라우터", "network", "running", "hbct.dr", "YANGSAN_DR", "infra_ops", "yangsan edge", "10.31.9.1", "dr"),
    # storage: stor/<kind>.<nn>
    ("stor/b7.01", "Tower SAN", "storage", "running", "hbct.live", "T3_TOWER", "infra_ops", "운영동 SAN|block array", "10.31.0.31", "core"),
    ("stor/rf.02", "Reefer Log NAS", "storage", "running", "hbct.live", "T3_REEFER", "reefer_ops", "냉동 로그 저장소", "10.31.3.31", "reefer"),
    ("stor/dr.09", "양산 백업 볼트", "storage", "running", "hbct.dr", "YANGSAN_DR", "infra_ops", "yangsan vault", "10.31.9.31", "dr"),
    # servers: container-number codes (owner HBS, category U, serial, ISO 6346 check digit); hypervisors named after tides
    ("HBSU2100014", "Ebb", "server", "running", "hbct.live", "T3_TOWER", "infra_ops", "썰물 호스트|host ebb", "10.31.10.14", "core"),
    ("HBSU2100020", "Flood", "server", "running", "hbct.live", "T3_TOWER", "infra_ops", "밀물 호스트|host flood", "10.31.10.20", "core"),
    ("HBSU2100035", "Neap", "server", "running", "hbct.live", "T3_TOWER", "infra_ops", "조금 호스트", "10.31.10.35", "core"),
    ("HBSU2109006", "Spring Tide (DR)", "server", "running", "hbct.dr", "YANGSAN_DR", "infra_ops", "DR 호스트|양산 호스트", "10.31.9.6", "dr"),
    ("HBSU3300059", "QC PLC 게이트웨이 서버", "server", "running", "hbct.live", "T3_QUAY", "ot_crane", "crane gw box", "10.31.1.59", "quay"),
    ("HBSU3300064", "OCR GPU 서버", "server", "running", "hbct.live", "T3_GATE", "gate_ops", "ocr box", "10.31.2.64", "gate"),
    # vms: <four digits with leading zeros>.vm
    ("0041.vm", "TOS 앱 VM 1", "vm", "running", "hbct.live", "T3_TOWER", "tos_team", "tos app vm1", "10.31.20.41", "tos"),
    ("0042.vm", "TOS 앱 VM 2", "vm", "running", "hbct.live", "T3_TOWER", "tos_team", "tos app vm2", "10.31.20.42", "tos"),
    ("0043.vm", "TOS DB VM", "vm", "running", "hbct.live", "T3_TOWER", "tos_team", "tosdb host", "10.31.20.43", "tos"),
    ("0050.vm", "Gate VM", "vm", "running", "hbct.live", "T3_TOWER", "gate_ops", "게이트 VM", "10.31.20.50", "gate"),
    ("0051.vm", "Berth Planning VM (2029)", "vm", "running", "hbct.live", "T3_TOWER", "tos_team", "선석계획 VM", "10.31.20.51", "tos"),
    ("0060.vm", "EDI VM", "vm", "running", "hbct.live", "T3_TOWER", "customs_link", "customs edi vm|관세 EDI VM", "10.31.20.60", "customs"),
    ("0061.vm", "AIS 수신 VM", "vm", "running", "hbct.live", "T3_TOWER", "tos_team", "ais vm", "10.31.20.61", "vessel"),
    ("0070.vm", "Reefer VM", "vm", "running", "hbct.live", "T3_REEFER", "reefer_ops", "냉동 VM", "10.31.21.70", "reefer"),
    ("0071.vm", "Telematics VM", "vm", "running", "hbct.live", "T3_TOWER", "ot_crane", "야드트럭 VM", "10.31.20.71", "yard"),
    ("0090.vm", "Stage TOS VM", "vm", "maintenance", "hbct.stage", "T3_TOWER", "tos_team", "staging tos", "10.31.30.90", "stage"),
    ("0099.vm", "구 EDI VM", "vm", "stopped", "hbct.stage", "T3_TOWER", "customs_link", "old edi vm", "10.31.30.99", "stage"),
    # databases: <system>.db/<n>
    ("tos.db/1", "TOS DB (Primary)", "database", "running", "hbct.live", "T3_TOWER", "tos_team", "tos primary|운영 DB", "10.31.20.101", "tos"),
    ("tos.db/2", "TOS DB (Standby)", "database", "running", "hbct.dr", "YANGSAN_DR", "tos_team", "tos standby|대기 DB", "10.31.9.102", "dr"),
    ("edi.db/1", "EDI Message Store", "database", "running", "hbct.live", "T3_TOWER", "customs_link", "전문 저장소", "10.31.20.103", "customs"),
    ("ais.db/1", "Vessel Track History", "database", "running", "hbct.live", "T3_TOWER", "tos_team", "항적 DB|track db", "10.31.20.104", "vessel"),
    ("rf.db/1", "Reefer Readings DB", "database", "running", "hbct.live", "T3_REEFER", "reefer_ops", "냉동 온도 DB", "10.31.21.105", "reefer"),
    ("gate.db/1", "반출입 이력 DB", "database", "running", "hbct.live", "T3_TOWER", "gate_ops", "", "10.31.20.106", "gate"),
    ("bill.db/1", "Billing Ledger", "database", "running", "hbct.live", "T3_TOWER", "tos_team", "요금 원장", "10.31.20.107", "billing"),
    # apps: A<three digits>/<word>
    ("A001/tos", "TOS Core (v3.8)", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "터미널 운영 시스템|TOS", "10.31.40.1", "tos"),
    ("A003/stow", "Stow & Plan", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "적부 계획|stowage", "10.31.40.3", "tos"),
    ("A004/berth", "Weekly", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "주간 선석 계획|berth window planner", "10.31.40.4", "vessel"),
    ("A005/now", "Now", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "실시간 야드 현황판|yard board", "10.31.40.5", "yard"),
    ("A006/tide", "Tide", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "조위·기상 피드|tide feed", "10.31.40.6", "vessel"),
    ("A007/ais", "AIS Receiver", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "선박 위치 수신|ais feed", "10.31.40.7", "vessel"),
    ("A008/vts", "Harbour Master's Console", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "항만관리 콘솔|hm console", "10.31.40.8", "vessel"),
    ("A010/gate", "Gate", "app", "running", "hbct.live", "T3_GATE", "gate_ops", "게이트 반출입|gate transactions", "10.31.40.10", "gate"),
    ("A011/ocr", "Gate OCR (v2)", "app", "running", "hbct.live", "T3_GATE", "gate_ops", "번호판 인식|ocr engine", "10.31.40.11", "gate"),
    ("A012/vbs", "컨테이너 반출입 예약 및 차량 사전 등록 시스템", "app", "running", "hbct.live", "T3_GATE", "gate_ops", "VBS|truck booking", "10.31.40.12", "gate"),
    ("A020/qcl-1", "Crane Link 1", "app", "running", "hbct.live", "T3_QUAY", "ot_crane", "크레인 링크 1", "10.31.1.21", "quay"),
    ("A021/qcl-2", "Crane Link 2", "app", "running", "hbct.live", "T3_QUAY", "ot_crane", "크레인 링크 2", "10.31.1.22", "quay"),
    ("A022/move", "Move", "app", "running", "hbct.live", "T3_TOWER", "ot_crane", "야드트럭 배차|truck jobs", "10.31.40.22", "yard"),
    ("A023/telem", "Yard Truck Telematics", "app", "running", "hbct.live", "T3_TOWER", "ot_crane", "야드트럭 관제", "10.31.40.23", "yard"),
    ("A030/reefer", "Reefer Watch", "app", "running", "hbct.live", "T3_REEFER", "reefer_ops", "냉동컨테이너 모니터링|reefer monitor", "10.31.21.30", "reefer"),
    ("A031/pti", "Plug & Pre-Trip Check", "app", "running", "hbct.live", "T3_REEFER", "reefer_ops", "PTI 점검", "10.31.21.31", "reefer"),
    ("A040/edi", "Customs EDI Link", "app", "running", "hbct.live", "T3_TOWER", "customs_link", "관세 EDI|cusdec link", "10.31.40.40", "customs"),
    ("A041/hold", "Hold", "app", "running", "hbct.live", "T3_TOWER", "customs_link", "반출 보류 관리|customs hold", "10.31.40.41", "customs"),
    ("A042/coprar", "COPRAR 변환기 (v1.2)", "app", "error", "hbct.live", "T3_TOWER", "customs_link", "", "10.31.40.42", "customs"),
    ("A050/bill", "Tariff & Billing", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "요금 정산|billing engine", "10.31.40.50", "billing"),
    ("A051/portal", "Shipping Line Portal", "app", "running", "hbct.live", "T3_TOWER", "tos_team", "선사 포털|line portal", "10.31.40.51", "billing"),
    ("A060/mobile", "Trucker's App", "app", "running", "hbct.live", "T3_TOWER", "gate_ops", "화물차 앱|driver app", "10.31.40.60", "gate"),
    # load balancers
    ("LB-KRPUS-01", "External VIP (Portal)", "load_balancer", "running", "hbct.live", "T3_TOWER", "netsec", "대외 VIP", "10.31.0.80", "core"),
    ("LB-KRPUS-02", "Internal VIP (TOS)", "load_balancer", "running", "hbct.live", "T3_TOWER", "netsec", "내부 VIP", "10.31.0.81", "core"),
    # services
    ("S01-VESSEL", "선박 입출항 운영", "service", "running", "hbct.live", "T3_TOWER", "tos_team", "vessel ops", "", "vessel"),
    ("S02-GATE", "Gate-In / Gate-Out", "service", "running", "hbct.live", "T3_GATE", "gate_ops", "반출입 서비스", "", "gate"),
    ("S03-REEFER", "냉동화물 관리", "service", "running", "hbct.live", "T3_REEFER", "reefer_ops", "reefer care", "", "reefer"),
    ("S04-CUSTOMS", "통관 연계", "service", "running", "hbct.live", "T3_TOWER", "customs_link", "customs clearance", "", "customs"),
    ("S05-YARD", "Yard Operations", "service", "running", "hbct.live", "T3_TOWER", "ot_crane", "야드 운영", "", "yard"),
    ("S06-BILLING", "요금 청구", "service", "running", "hbct.live", "T3_TOWER", "tos_team", "invoicing", "", "billing"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network
    ("KRPUS-0012", "CONNECTS_TO", "KRPUS-0011"),
    ("KRPUS-0013", "CONNECTS_TO", "KRPUS-0011"),
    ("KRPUS-0014", "CONNECTS_TO", "KRPUS-0011"),
    ("KRPUS-0015", "CONNECTS_TO", "KRPUS-0013"),
    ("KRPUS-0016", "CONNECTS_TO", "KRPUS-0014"),
    ("HBSU2100014", "CONNECTS_TO", "KRPUS-0011"),
    ("HBSU2100020", "CONNECTS_TO", "KRPUS-0011"),
    ("HBSU2100035", "CONNECTS_TO", "KRPUS-0011"),
    ("stor/b7.01", "CONNECTS_TO", "KRPUS-0011"),
    ("HBSU3300059", "CONNECTS_TO", "KRPUS-0012"),
    ("HBSU3300064", "CONNECTS_TO", "KRPUS-0013"),
    ("stor/rf.02", "CONNECTS_TO", "KRPUS-0015"),
    ("HBSU2109006", "CONNECTS_TO", "KRPUS-0016"),
    ("stor/dr.09", "CONNECTS_TO", "KRPUS-0016"),
    # hypervisors -> vms (Ebb: HOSTS and RUNS_ON mixed; Flood: HOSTS only; Neap: RUNS_ON only)
    ("HBSU2100014", "HOSTS", "0041.vm"),
    ("HBSU2100014", "HOSTS", "0043.vm"),
    ("0043.vm", "RUNS_ON", "HBSU2100014"),
    ("0051.vm", "RUNS_ON", "HBSU2100014"),
    ("0099.vm", "RUNS_ON", "HBSU2100014"),
    ("HBSU2100020", "HOSTS", "0042.vm"),
    ("HBSU2100020", "HOSTS", "0050.vm"),
    ("HBSU2100020", "HOSTS", "0071.vm"),
    ("0060.vm", "RUNS_ON", "HBSU2100035"),
    ("0061.vm", "RUNS_ON", "HBSU2100035"),
    ("0070.vm", "RUNS_ON", "HBSU2100035"),
    ("0090.vm", "RUNS_ON", "HBSU2100035"),
    ("0043.vm", "DEPENDS_ON", "stor/b7.01"),
    ("0060.vm", "DEPENDS_ON", "stor/b7.01"),
    # databases
    ("tos.db/1", "RUNS_ON", "0043.vm"),
    ("bill.db/1", "RUNS_ON", "0043.vm"),
    ("tos.db/2", "RUNS_ON", "HBSU2109006"),
    ("edi.db/1", "RUNS_ON", "0060.vm"),
    ("ais.db/1", "RUNS_ON", "0061.vm"),
    ("rf.db/1", "RUNS_ON", "0070.vm"),
    ("gate.db/1", "RUNS_ON", "0050.vm"),
    ("tos.db/1", "DEPENDS_ON", "stor/b7.01"),
    ("tos.db/2", "DEPENDS_ON", "tos.db/1"),
    ("tos.db/2", "DEPENDS_ON", "stor/dr.09"),
    ("rf.db/1", "DEPENDS_ON", "stor/rf.02"),
    # apps on vms, on bare metal
    ("A001/tos", "RUNS_ON", "0041.vm"),
    ("A003/stow", "RUNS_ON", "0051.vm"),
    ("A004/berth", "RUNS_ON", "0051.vm"),
    ("A005/now", "RUNS_ON", "0042.vm"),
    ("A006/tide", "RUNS_ON", "0061.vm"),
    ("A007/ais", "RUNS_ON", "0061.vm"),
    ("A008/vts", "RUNS_ON", "0061.vm"),
    ("A010/gate", "RUNS_ON", "0050.vm"),
    ("A011/ocr", "RUNS_ON", "HBSU3300064"),
    ("A012/vbs", "RUNS_ON", "0050.vm"),
    ("A020/qcl-1", "RUNS_ON", "HBSU3300059"),
    ("A021/qcl-2", "RUNS_ON", "HBSU3300059"),
    ("A022/move", "RUNS_ON", "0071.vm"),
    ("A023/telem", "RUNS_ON", "0071.vm"),
    ("A030/reefer", "RUNS_ON", "0070.vm"),
    ("A031/pti", "RUNS_ON", "0070.vm"),
    ("A040/edi", "RUNS_ON", "0060.vm"),
    ("A041/hold", "RUNS_ON", "0060.vm"),
    ("A042/coprar", "RUNS_ON", "0060.vm"),
    ("A050/bill", "RUNS_ON", "0041.vm"),
    ("A051/portal", "RUNS_ON", "0042.vm"),
    ("A060/mobile", "RUNS_ON", "0042.vm"),
    # app dependencies
    ("A001/tos", "DEPENDS_ON", "tos.db/1"),
    ("A003/stow", "DEPENDS_ON", "A001/tos"),
    ("A003/stow", "DEPENDS_ON", "A004/berth"),
    ("A004/berth", "DEPENDS_ON", "A007/ais"),
    ("A004/berth", "DEPENDS_ON", "A006/tide"),
    ("A005/now", "DEPENDS_ON", "A001/tos"),
    ("A005/now", "DEPENDS_ON", "A023/telem"),
    ("A007/ais", "DEPENDS_ON", "ais.db/1"),
    ("A008/vts", "DEPENDS_ON", "A007/ais"),
    ("A008/vts", "DEPENDS_ON", "A006/tide"),
    ("A010/gate", "DEPENDS_ON", "A011/ocr"),
    ("A010/gate", "DEPENDS_ON", "A012/vbs"),
    ("A010/gate", "DEPENDS_ON", "gate.db/1"),
    ("A010/gate", "DEPENDS_ON", "A041/hold"),
    ("A011/ocr", "CONNECTS_TO", "KRPUS-0013"),
    ("A012/vbs", "DEPENDS_ON", "A001/tos"),
    ("A020/qcl-1", "DEPENDS_ON", "A001/tos"),
    ("A020/qcl-1", "CONNECTS_TO", "KRPUS-0012"),
    ("A021/qcl-2", "DEPENDS_ON", "A001/tos"),
    ("A021/qcl-2", "CONNECTS_TO", "KRPUS-0012"),
    ("A022/move", "DEPENDS_ON", "A001/tos"),
    ("A022/move", "DEPENDS_ON", "A023/telem"),
    ("A030/reefer", "DEPENDS_ON", "rf.db/1"),
    ("A030/reefer", "CONNECTS_TO", "KRPUS-0015"),
    ("A031/pti", "DEPENDS_ON", "A030/reefer"),
    ("A040/edi", "DEPENDS_ON", "edi.db/1"),
    ("A040/edi", "CONNECTS_TO", "KRPUS-0014"),
    ("A041/hold", "DEPENDS_ON", "A040/edi"),
    ("A041/hold", "DEPENDS_ON", "A001/tos"),
    ("A042/coprar", "DEPENDS_ON", "edi.db/1"),
    ("A050/bill", "DEPENDS_ON", "bill.db/1"),
    ("A050/bill", "DEPENDS_ON", "A001/tos"),
    ("A051/portal", "DEPENDS_ON", "A050/bill"),
    ("A051/portal", "DEPENDS_ON", "A001/tos"),
    ("A060/mobile", "DEPENDS_ON", "A012/vbs"),
    # load balancers
    ("LB-KRPUS-01", "CONNECTS_TO", "A051/portal"),
    ("LB-KRPUS-01", "CONNECTS_TO", "A060/mobile"),
    ("LB-KRPUS-01", "CONNECTS_TO", "A012/vbs"),
    ("LB-KRPUS-02", "CONNECTS_TO", "A001/tos"),
    ("LB-KRPUS-02", "CONNECTS_TO", "A005/now"),
    # services
    ("S01-VESSEL", "DEPENDS_ON", "A003/stow"),
    ("S01-VESSEL", "DEPENDS_ON", "A008/vts"),
    ("S01-VESSEL", "DEPENDS_ON", "A020/qcl-1"),
    ("S01-VESSEL", "DEPENDS_ON", "A021/qcl-2"),
    ("S02-GATE", "DEPENDS_ON", "A010/gate"),
    ("S02-GATE", "DEPENDS_ON", "A060/mobile"),
    ("S02-GATE", "DEPENDS_ON", "LB-KRPUS-01"),
    ("S03-REEFER", "DEPENDS_ON", "A030/reefer"),
    ("S03-REEFER", "DEPENDS_ON", "A031/pti"),
    ("S04-CUSTOMS", "DEPENDS_ON", "A040/edi"),
    ("S04-CUSTOMS", "DEPENDS_ON", "A041/hold"),
    ("S04-CUSTOMS", "DEPENDS_ON", "A042/coprar"),
    ("S05-YARD", "DEPENDS_ON", "A005/now"),
    ("S05-YARD", "DEPENDS_ON", "A022/move"),
    ("S05-YARD", "DEPENDS_ON", "LB-KRPUS-02"),
    ("S06-BILLING", "DEPENDS_ON", "A050/bill"),
    ("S06-BILLING", "DEPENDS_ON", "A051/portal"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: shift (a 24/7 terminal: busy all day, dips at the shift changes 07:00, 15:00, 23:00),
#           vessel (berth work: a weekly rhythm, mega-vessel windows Tue/Thu/Sat 10-22),
#           gate (trucks: weekdays 06-20 with a 08:00 peak, Saturday half, Sunday and holidays low),
#           reefer (plugged containers: afternoon heat, +20 % from the heatwave 2030-06-19 on),
#           batch (EDI and billing batches 01:00-04:00), flat
METRIC_PLAN = {
    "HBSU2100014": {"cpu_usage": (44, 0.40, 2.0, "shift"), "mem_usage": (71, 0.05, 1.0, "shift"), "disk_usage": (53, 0, 0.2, "flat")},
    "HBSU2100020": {"cpu_usage": (39, 0.55, 2.0, "gate"), "mem_usage": (66, 0.05, 1.0, "gate"), "disk_usage": (46, 0, 0.2, "flat")},
    "HBSU2100035": {"cpu_usage": (34, 0.45, 1.8, "shift"), "mem_usage": (59, 0.05, 1.0, "shift"), "disk_usage": (38, 0, 0.2, "flat")},
    "HBSU2109006": {"cpu_usage": (11, 0.20, 0.9, "flat"), "mem_usage": (42, 0.02, 0.8, "flat"), "disk_usage": (35, 0, 0.2, "flat")},
    "HBSU3300059": {"cpu_usage": (31, 0.70, 1.7, "vessel"), "mem_usage": (51, 0.04, 0.9, "vessel"), "disk_usage": (61, 0, 0.2, "flat")},
    "HBSU3300064": {"cpu_usage": (36, 0.60, 2.1, "gate"), "mem_usage": (63, 0.04, 1.0, "gate"), "disk_usage": (44, 0, 0.2, "flat")},
    "0041.vm": {"cpu_usage": (29, 0.60, 1.6, "shift"), "mem_usage": (62, 0.04, 0.9, "shift"), "disk_usage": (48, 0, 0.2, "flat")},
    "0042.vm": {"cpu_usage": (26, 0.60, 1.6, "shift"), "mem_usage": (57, 0.04, 0.9, "shift"), "disk_usage": (43, 0, 0.2, "flat")},
    "0043.vm": {"cpu_usage": (33, 0.50, 1.7, "shift"), "mem_usage": (77, 0.03, 0.8, "flat"), "disk_usage": (66, 0, 0.2, "flat")},
    "0050.vm": {"cpu_usage": (23, 0.80, 1.5, "gate"), "mem_usage": (54, 0.04, 1.0, "gate"), "disk_usage": (39, 0, 0.2, "flat")},
    "0051.vm": {"cpu_usage": (21, 0.70, 1.4, "vessel"), "mem_usage": (49, 0.05, 1.0, "vessel"), "disk_usage": (34, 0, 0.2, "flat")},
    "0060.vm": {"cpu_usage": (17, 0.60, 1.2, "batch"), "mem_usage": (45, 0.05, 1.0, "batch"), "disk_usage": (57, 0, 0.2, "flat")},
    "0061.vm": {"cpu_usage": (14, 0.60, 1.2, "vessel"), "mem_usage": (40, 0.05, 1.0, "vessel"), "disk_usage": (29, 0, 0.2, "flat")},
    "0070.vm": {"cpu_usage": (19, 0.70, 1.4, "reefer"), "mem_usage": (47, 0.04, 0.9, "reefer"), "disk_usage": (52, 0, 0.2, "flat")},
    "0071.vm": {"cpu_usage": (24, 0.60, 1.5, "shift"), "mem_usage": (55, 0.04, 1.0, "shift"), "disk_usage": (31, 0, 0.2, "flat")},
    "0090.vm": {"cpu_usage": (18, 0.50, 1.6, "gate"), "mem_usage": (33, 0.03, 1.0, "gate"), "disk_usage": (59, 0, 0.2, "flat")},
    "0099.vm": {"cpu_usage": (8, 0.40, 0.9, "batch"), "mem_usage": (29, 0.03, 1.0, "flat"), "disk_usage": (74, 0, 0.2, "flat")},
    "tos.db/1": {"cpu_usage": (37, 0.50, 1.8, "shift"), "mem_usage": (68, 0.02, 0.5, "flat"), "disk_usage": (63, 0, 0.2, "flat")},
    "tos.db/2": {"cpu_usage": (12, 0.20, 0.9, "flat"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (65, 0, 0.2, "flat")},
    "edi.db/1": {"cpu_usage": (22, 0.60, 1.4, "batch"), "mem_usage": (64, 0.02, 0.6, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    "ais.db/1": {"cpu_usage": (25, 0.50, 1.5, "vessel"), "mem_usage": (72, 0.02, 0.6, "flat"), "disk_usage": (48, 0, 0.2, "flat")},
    "rf.db/1": {"cpu_usage": (16, 0.60, 1.2, "reefer"), "mem_usage": (58, 0.02, 0.6, "flat"), "disk_usage": (40, 0, 0.2, "flat")},
    "gate.db/1": {"cpu_usage": (20, 0.70, 1.4, "gate"), "mem_usage": (67, 0.02, 0.6, "flat"), "disk_usage": (46, 0, 0.2, "flat")},
    "bill.db/1": {"cpu_usage": (15, 0.60, 1.2, "batch"), "mem_usage": (53, 0.02, 0.6, "flat"), "disk_usage": (42, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "A001/tos": {"cpu_usage": (41, 0.50, 2.0, "shift"), "latency_ms": (95, 0.35, 3.0, "shift"), "error_rate": (0.08, 0.3, 0.02, "shift")},
    "A003/stow": {"cpu_usage": (27, 0.70, 1.7, "vessel"), "latency_ms": (640, 0.30, 16.0, "vessel"), "error_rate": (0.17, 0.3, 0.04, "vessel")},
    "A004/berth": {"cpu_usage": (12, 0.60, 1.1, "vessel"), "latency_ms": (330, 0.30, 9.0, "vessel"), "error_rate": (0.11, 0.3, 0.03, "vessel")},
    "A005/now": {"cpu_usage": (22, 0.60, 1.5, "shift"), "latency_ms": (180, 0.30, 5.0, "shift"), "error_rate": (0.06, 0.3, 0.015, "shift")},
    "A006/tide": {"cpu_usage": (5, 0.30, 0.5, "flat"), "latency_ms": (70, 0.20, 2.0, "flat"), "error_rate": (0.04, 0.2, 0.01, "flat")},
    "A007/ais": {"cpu_usage": (18, 0.50, 1.4, "vessel"), "latency_ms": (40, 0.40, 1.4, "vessel"), "error_rate": (0.22, 0.3, 0.05, "vessel")},
    "A008/vts": {"cpu_usage": (9, 0.60, 0.9, "vessel"), "latency_ms": (260, 0.30, 7.0, "vessel"), "error_rate": (0.05, 0.2, 0.01, "vessel")},
    "A010/gate": {"cpu_usage": (31, 0.70, 1.8, "gate"), "latency_ms": (420, 0.35, 12.0, "gate"), "error_rate": (0.14, 0.3, 0.03, "gate")},
    "A011/ocr": {"cpu_usage": (46, 0.60, 2.1, "gate"), "latency_ms": (1350, 0.25, 32.0, "gate"), "error_rate": (0.38, 0.3, 0.06, "gate")},
    "A012/vbs": {"cpu_usage": (14, 0.70, 1.2, "gate"), "latency_ms": (510, 0.30, 13.0, "gate"), "error_rate": (0.19, 0.3, 0.04, "gate")},
    "A020/qcl-1": {"cpu_usage": (7, 0.90, 0.8, "vessel"), "latency_ms": (28, 0.30, 1.0, "vessel"), "error_rate": (0.09, 0.3, 0.02, "vessel")},
    "A021/qcl-2": {"cpu_usage": (8, 0.90, 0.8, "vessel"), "latency_ms": (33, 0.30, 1.1, "vessel"), "error_rate": (0.12, 0.3, 0.03, "vessel")},
    "A022/move": {"cpu_usage": (20, 0.60, 1.5, "shift"), "latency_ms": (150, 0.30, 4.0, "shift"), "error_rate": (0.07, 0.3, 0.02, "shift")},
    "A023/telem": {"cpu_usage": (24, 0.60, 1.6, "shift"), "latency_ms": (860, 0.30, 20.0, "shift"), "error_rate": (0.26, 0.3, 0.05, "shift")},
    "A030/reefer": {"cpu_usage": (13, 0.70, 1.2, "reefer"), "latency_ms": (230, 0.30, 6.0, "reefer"), "error_rate": (0.10, 0.3, 0.02, "reefer")},
    "A031/pti": {"cpu_usage": (6, 0.80, 0.7, "reefer"), "latency_ms": (1120, 0.30, 26.0, "reefer"), "error_rate": (0.31, 0.3, 0.05, "reefer")},
    "A040/edi": {"cpu_usage": (16, 0.60, 1.3, "batch"), "latency_ms": (720, 0.30, 18.0, "batch"), "error_rate": (0.21, 0.3, 0.04, "batch")},
    "A041/hold": {"cpu_usage": (10, 0.60, 1.0, "gate"), "latency_ms": (190, 0.30, 5.0, "gate"), "error_rate": (0.05, 0.2, 0.01, "gate")},
    "A042/coprar": {"cpu_usage": (4, 0.50, 0.6, "batch"), "latency_ms": (1880, 0.20, 45.0, "batch"), "error_rate": (0.44, 0.3, 0.06, "batch")},
    "A050/bill": {"cpu_usage": (19, 0.60, 1.5, "batch"), "latency_ms": (470, 0.30, 12.0, "batch"), "error_rate": (0.13, 0.3, 0.03, "batch")},
    "A051/portal": {"cpu_usage": (17, 0.60, 1.4, "gate"), "latency_ms": (280, 0.30, 8.0, "gate"), "error_rate": (0.16, 0.3, 0.03, "gate")},
    "A060/mobile": {"cpu_usage": (11, 0.80, 1.1, "gate"), "latency_ms": (390, 0.30, 10.0, "gate"), "error_rate": (0.24, 0.3, 0.05, "gate")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "0099.vm": datetime(2030, 4, 15, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}
HEATWAVE = datetime(2030, 6, 19, 0, 0, tzinfo=KST)


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
    off = wd == 6 or (t.year, t.month, t.day) in HOLIDAYS
    sat = wd == 5 and not off
    if kind == "shift":
        dip = max(math.exp(-(circ(h, c) / 0.5) ** 2) for c in (7.0, 15.0, 23.0))
        return 0.75 - 0.45 * dip + 0.15 * math.exp(-((h - 11.0) / 3.0) ** 2)
    if kind == "vessel":
        window = wd in (1, 3, 5)
        v = 0.2 + (0.7 if window else 0.3) * math.exp(-((h - 16.0) / 4.5) ** 2)
        return v
    if kind == "gate":
        if off:
            return 0.08
        peak = 1.0 / (1 + math.exp(-(h - 6.0) * 2.0)) * 1.0 / (1 + math.exp((h - 20.0) * 2.0))
        v = 0.1 + 0.6 * peak + 0.3 * math.exp(-(circ(h, 8.0) / 1.2) ** 2)
        return v * 0.5 if sat else v
    if kind == "reefer":
        v = 0.2 + 0.6 * math.exp(-((h - 15.0) / 3.5) ** 2)
        return v * 1.2 if ts >= HEATWAVE else v
    if kind == "batch":
        return 0.1 + 0.9 * math.exp(-(circ(h, 2.5) / 1.1) ** 2)
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
    # level shift: TOS DB memory after the buffer-pool change, from Mon 2030-04-08 09:00
    if code == "tos.db/1" and metric == "mem_usage" and ts >= kst(2030, 4, 8, 9):
        v += 10.0
    # growth: vessel track history disk over the whole history (AIS tracks kept two years)
    if code == "ais.db/1" and metric == "disk_usage":
        v += 33.0 * ramp(ts, M_START, M_END)
    # 1. mega-vessel call, Sat 2030-04-27 14:00-17:00: Stow & Plan slow (berth swap 09:00, Stow & Plan 5.2 at 11:30)
    if within(ts, kst(2030, 4, 27, 14), kst(2030, 4, 27, 17)):
        if code == "A003/stow" and metric == "latency_ms":
            v *= 5.0
        if code == "A003/stow" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "0051.vm" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.7)
        if code == "A004/berth" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 2. customs EDI backlog, Thu 2030-05-16 02:00-04:30 (firewall rule 05-15 23:30, EDI Link 4.0 at 00:30)
    if within(ts, kst(2030, 5, 16, 2), kst(2030, 5, 16, 4, 30)):
        if code == "A040/edi" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "A040/edi" and metric == "latency_ms":
            v *= 4.0
        if code == "0060.vm" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "A041/hold" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # 3. gate morning rush, Mon 2030-06-03 06:00-09:00: OCR misreads (model update 03:00, Gate OCR 2.7 at 04:30)
    if within(ts, kst(2030, 6, 3, 6), kst(2030, 6, 3, 9)):
        if code == "A011/ocr" and metric == "latency_ms":
            v *= 6.0
        if code == "A011/ocr" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "HBSU3300064" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.6)
        if code == "A010/gate" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # growth: reefer readings disk from the heatwave, Wed 2030-06-19 13:00
    if code == "rf.db/1" and metric == "disk_usage":
        v += 29.0 * ramp(ts, kst(2030, 6, 19, 13), M_END)
    # 4. heatwave, Wed 2030-06-19 13:00-16:00: reefer alarm flood (threshold change 08:00, Reefer Watch 3.3 at 10:30)
    if within(ts, kst(2030, 6, 19, 13), kst(2030, 6, 19, 16)):
        if code == "A030/reefer" and metric == "latency_ms":
            v *= 5.0
        if code == "A030/reefer" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "0070.vm" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.7)
        if code == "rf.db/1" and metric == "cpu_usage":
            v += 30
    # stage TOS VM in maintenance from Sun 2030-06-23 09:00: idle
    if code == "0090.vm" and metric == "cpu_usage" and ts >= kst(2030, 6, 23, 9):
        v = 2 + rng.gauss(0, 0.3)
    # 5. Crane Link 2 PLC timeouts, Fri 2030-06-28 22:00 - Sat 06-29 01:00 (quay VLAN 17:00, Crane Link 2 1.9 at 19:30)
    if within(ts, kst(2030, 6, 28, 22), kst(2030, 6, 29, 1)):
        if code == "A021/qcl-2" and metric == "latency_ms":
            v *= 4.0
        if code == "A021/qcl-2" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "HBSU3300059" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.7)
        if code == "A020/qcl-1" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 6. quarter-end billing close, from Sun 2030-06-30 21:00, ongoing (tariff load 18:00, Tariff & Billing 8.0 at 19:30)
    if ts >= kst(2030, 6, 30, 21):
        if code == "A050/bill" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "A050/bill" and metric == "latency_ms":
            v *= 3.0
        if code == "bill.db/1" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.7)
        if code == "A051/portal" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
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
            # Gate VM: Thu 2027-11-11 06:00-08:30 Seoul = 2027-11-10 21:00-23:30Z, the morning truck rush of an import peak
            if code == "0050.vm" and datetime(2027, 11, 10, 21, tzinfo=UTC) <= t < datetime(2027, 11, 10, 23, 30, tzinfo=UTC):
                v = 84 + rng.gauss(0, 1.2)
            # Berth Planning VM: Fri 2029-03-30 22:00 - Sat 03-31 01:00 Seoul = 2029-03-30 13:00-16:00Z, the Q1 cut-over
            if code == "0051.vm" and datetime(2029, 3, 30, 13, tzinfo=UTC) <= t < datetime(2029, 3, 30, 16, tzinfo=UTC):
                v = 88 + rng.gauss(0, 1.3)
            # EDI VM: a level shift from 2029-07-01 00:00 Seoul (2029-06-30 15:00Z), the new half-year tariff codes
            if code == "0060.vm" and t >= datetime(2029, 6, 30, 15, tzinfo=UTC):
                v += 4.0
            # EDI VM: Mon 2029-07-02 00:00-02:00 Seoul = 2029-07-01 15:00-17:00Z, the first manifest batch of H2
            if code == "0060.vm" and datetime(2029, 7, 1, 15, tzinfo=UTC) <= t < datetime(2029, 7, 1, 17, tzinfo=UTC):
                v = 90 + rng.gauss(0, 1.1)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (kst(2030, 4, 8, 9, 0), "tos.db/1", "change", "info", "TOS DB 버퍼 풀 확장", "CHG-300408 buffer pool +16 GB"),
    (kst(2030, 4, 15, 18, 0), "0099.vm", "change", "info", "구 EDI VM 전원 종료 (EDI 이관 완료)", "CHG-300415 powered off"),
    # 1. mega-vessel call, Sat 04-27
    (kst(2030, 4, 27, 9, 0), "A004/berth", "change", "info", "Weekly 선석 창 교체 (24K TEU 선박 조기 접안)", "CHG-300427 berth window swap"),
    (kst(2030, 4, 27, 11, 30), "A003/stow", "deploy", "info", "Stow & Plan 5.2 배포", "release 5.2"),
    (kst(2030, 4, 27, 14, 10), "A003/stow", "incident", "critical", "초대형선 적부 계획 지연", "INC-300427-01 bay plan 45 min late"),
    (kst(2030, 4, 27, 17, 15), "A003/stow", "change", "info", "Stow & Plan 5.1.4 롤백", "rollback; plans flowing"),
    (kst(2030, 5, 7, 2, 0), "stor/b7.01", "change", "info", "Tower SAN 컨트롤러 펌웨어 업데이트", "CHG-300507 non-disruptive"),
    # 2. customs EDI backlog, Thu 05-16
    (kst(2030, 5, 15, 23, 30), "KRPUS-0014", "change", "info", "관세망 방화벽 규칙 변경 (UNI-PASS 신규 경로)", "CHG-300515 new route"),
    (kst(2030, 5, 16, 0, 30), "A040/edi", "deploy", "info", "Customs EDI Link 4.0 배포", "release 4.0"),
    (kst(2030, 5, 16, 2, 10), "A040/edi", "incident", "critical", "적하목록 전송 적체", "INC-300516-01 manifests queued 2 h"),
    (kst(2030, 5, 16, 4, 40), "A040/edi", "change", "info", "Customs EDI Link 3.9.2 롤백", "rollback; backlog cleared"),
    # 3. gate morning rush, Mon 06-03
    (kst(2030, 6, 3, 3, 0), "A011/ocr", "change", "info", "OCR 인식 모델 교체", "CHG-300603 new plate model"),
    (kst(2030, 6, 3, 4, 30), "A011/ocr", "deploy", "info", "Gate OCR 2.7 배포", "release 2.7"),
    (kst(2030, 6, 3, 6, 10), "A011/ocr", "incident", "major", "게이트 OCR 오인식 급증", "INC-300603-01 trucks queued at lanes 3-6"),
    (kst(2030, 6, 3, 9, 10), "A011/ocr", "change", "info", "Gate OCR 2.6.1 롤백", "rollback; lanes clear"),
    (kst(2030, 6, 11, 10, 0), "stor/rf.02", "alert", "minor", "Reefer Log NAS 용량 80% 초과", "volume 82%"),
    (kst(2030, 6, 14, 15, 0), "A007/ais", "change", "info", "AIS 안테나 교체", "CHG-300614 antenna swap"),
    # 4. heatwave, Wed 06-19
    (kst(2030, 6, 19, 8, 0), "A030/reefer", "change", "info", "냉동 경보 임계치 하향", "CHG-300619 alarm threshold -2C"),
    (kst(2030, 6, 19, 10, 30), "A030/reefer", "deploy", "info", "Reefer Watch 3.3 배포", "release 3.3"),
    (kst(2030, 6, 19, 13, 10), "A030/reefer", "incident", "major", "폭염 냉동컨테이너 경보 폭주", "INC-300619-01 1200 alarms in 10 min"),
    (kst(2030, 6, 19, 16, 20), "A030/reefer", "change", "info", "Reefer Watch 3.2.7 롤백", "rollback; alarms normal"),
    (kst(2030, 6, 22, 3, 0), "HBSU2100035", "change", "info", "Neap 하이퍼바이저 보안 패치", "CHG-300622 rolling; live migration"),
    (kst(2030, 6, 23, 9, 0), "0090.vm", "change", "info", "Stage TOS VM 점검 모드 전환", "CHG-300623 maintenance"),
    # 5. Crane Link 2, Fri 06-28 night
    (kst(2030, 6, 28, 17, 0), "KRPUS-0012", "change", "info", "안벽 링 VLAN 변경", "CHG-300628 vlan 212"),
    (kst(2030, 6, 28, 19, 30), "A021/qcl-2", "deploy", "info", "Crane Link 2 1.9 배포", "release 1.9"),
    (kst(2030, 6, 28, 22, 10), "A021/qcl-2", "incident", "major", "안벽 크레인 PLC 응답 지연", "INC-300628-01 QC 7-9 paused"),
    (kst(2030, 6, 29, 1, 15), "A021/qcl-2", "change", "info", "Crane Link 2 1.8.3 롤백", "rollback; cranes resumed"),
    (kst(2030, 6, 30, 6, 30), "LB-KRPUS-01", "alert", "minor", "External VIP 5xx over 2%", "2.4% for 5 min"),
    # 6. quarter-end billing close, Sun 06-30 (today), ongoing
    (kst(2030, 6, 30, 18, 0), "bill.db/1", "change", "info", "하반기 요율표 적재", "CHG-300630 tariff table H2"),
    (kst(2030, 6, 30, 19, 30), "A050/bill", "deploy", "info", "Tariff & Billing 8.0 배포", "release 8.0"),
    (kst(2030, 6, 30, 21, 10), "A050/bill", "incident", "critical", "분기 마감 청구서 생성 실패", "INC-300630-01 invoices stuck"),
    (kst(2030, 6, 30, 23, 20), "bill.db/1", "alert", "major", "Billing Ledger CPU over 90%", "cpu_usage 91%"),
]

BUILD_APPS = ["A001/tos", "A003/stow", "A010/gate", "A012/vbs", "A030/reefer", "A051/portal", "A060/mobile"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2030, 6, 17)
    n = 0
    while day < kst(2030, 6, 30):
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "thisyear", "lastyear", "daysago:2", "weekday:fri", "weekday:sun", "thisquarter", "day:2030-06-29", "day:2030-06-28", "day:2030-06-19", "day:2030-06-03", "day:2030-05-16", "day:2030-04-27", "month:2030-04", "month:2030-05", "last:7d", "last:30d"):
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
