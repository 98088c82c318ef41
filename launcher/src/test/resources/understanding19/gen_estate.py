#!/usr/bin/env python3
"""Deterministic generator for the "Dasol Shipbuilding & Offshore" (다솔조선해양) shipyard estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids W###, halves "dev23" / "test19") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding18/gen_estate.py (the "Ongil Mobility"
set), copied unchanged from event_checks() onwards except the ranges that --summary prints.  The
estate (a shipyard: the ERP with its year-end close, purchasing and payroll, the MES with block
planning, weld tracking, NDT, paint and outfitting, the PLM with the hull BOM and drawings, the
Goliath crane control and lift planning, the quay board, the yard gate and the safety patrol, the
sea-trial logger and ballast calculation, the owner portal and the Piraeus owner-supervision sync,
a block-fabrication yard in Subic, an offshore engineering office in Houston and a DR replica in
Daejeon), the clock (Tuesday 1 January 2041, 00:20 Seoul: twenty minutes into the new year, the
month, the quarter and the week's second day, with the year-end close still running; it is still
31 December 2040 in Subic (23:20 PHT), Piraeus (17:20 EET) and Houston (09:20 CST)), the sampling
(every 3 hours from 10 November, every 10 minutes from 10 December, every 30 seconds from 00:00
today, and two 5-minute UTC blocks shaped like public AWS CloudWatch EC2 CPU series around the
Houston fall-back night of 4 November 2040 and Greece's Ochi Day evening of 28 October 2040, the
day Europe's clocks went back), the zones (Houston CDT -05:00 / CST -06:00, Piraeus EEST +03:00 /
EET +02:00, Subic PHT +08:00), the names, the personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding18/gen_estate.py (persona tags `# W<n> ...`).
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
HALVES = ("dev23", "test19")
ID_PREFIX = "W"
TAG_LETTER = "W"
SEED = 20410101
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
CDT, CST = timezone(timedelta(hours=-5)), timezone(timedelta(hours=-6))      # Houston
EEST, EET = timezone(timedelta(hours=3)), timezone(timedelta(hours=2))       # Piraeus
PHT = timezone(timedelta(hours=8))                                           # Subic (no DST)
US_DST_END_2040 = datetime(2040, 11, 4, 7, 0, tzinfo=UTC)    # Sun 2040-11-04 02:00 CDT -> 01:00 CST
EU_DST_END_2040 = datetime(2040, 10, 28, 1, 0, tzinfo=UTC)   # Sun 2040-10-28 04:00 EEST -> 03:00 EET
NOW = datetime(2041, 1, 1, 0, 20, tzinfo=KST)    # Tue 00:20 Seoul (New Year's Day) = Mon 15:20Z = 09:20 CST = 17:20 EET
M_START = datetime(2040, 11, 10, 0, 0, tzinfo=KST)        # every 3 hours from 10 November ...
MID_START = datetime(2040, 12, 10, 0, 0, tzinfo=KST)      # ... every 10 minutes from 10 December ...
FINE_START = datetime(2041, 1, 1, 0, 0, tzinfo=KST)       # ... every 30 seconds from 00:00 today
M_END = NOW                                               # inclusive: the last sample is at 00:20:00 itself
STEP_3H = timedelta(hours=3)
STEP_10M = timedelta(minutes=10)
STEP_FINE = timedelta(seconds=30)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("HULL-5520", datetime(2040, 11, 2, 4, 3, tzinfo=UTC), 1152, 12.0, 0.9, 0.006),   # 4 days over Houston's fall-back night
    ("HULL-4410", datetime(2040, 10, 26, 9, 1, tzinfo=UTC), 1152, 10.0, 0.9, 0.006),  # 4 days over Ochi Day 2040 in Piraeus
]
# Korean public holidays in the main history: 성탄절 Tue 2040-12-25 and 신정 Tue 2041-01-01 (today).
KR_HOLIDAYS = {(2040, 12, 25), (2041, 1, 1)}
# Philippine holidays in Subic: Christmas 12-25, Rizal Day Sun 12-30, New Year's Eve 12-31 (special day), 01-01.
PH_HOLIDAYS = {(2040, 12, 25), (2040, 12, 30), (2040, 12, 31), (2041, 1, 1)}


def houston(ts):
    return CDT if ts < US_DST_END_2040 else CST


def piraeus(ts):
    return EEST if ts < EU_DST_END_2040 else EET


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# locations (two words, "<Place> <Kind>"): Mokpo Yard (the main yard and the data centre), Seoul Office,
#        Subic Yard (block fabrication, the Philippines), Piraeus Office (owner supervision, Greece),
#        Houston Office (offshore engineering, Texas), Daejeon DR
# owners: passport style, FAMILY name in capitals then the given name
# environments: prod, sea-trial, sandbox, dr
# --------------------------------------------------------------------------------------
MOK, SEL, SBC, PIR, HOU, DJN = ("Mokpo Yard", "Seoul Office", "Subic Yard", "Piraeus Office", "Houston Office",
                                "Daejeon DR")
PROD, TRIAL, SANDBOX, DR = "prod", "sea-trial", "sandbox", "dr"
O_INF, O_ERP, O_MES, O_PLM, O_CRN, O_OWN, O_SBC, O_PIR, O_HOU = (
    "KIM Dohyun", "LEE Sora", "PARK Jiho", "CHOI Minseo", "JANG Taeil", "YOON Hana", "REYES Maria",
    "PAPADOPOULOS Eleni", "GARCIA Tom")
CIS = [
    # network: 802.1Q VLAN ids with a colon
    ("vlan:1001", "Yard Core", "network", "running", PROD, MOK, O_INF, "야드 코어망|yard backbone", "10.41.0.1", "core"),
    ("vlan:1203", "Quay Wi-Fi", "network", "running", PROD, MOK, O_CRN, "안벽 무선망|quay wireless", "10.41.12.1", "yard"),
    ("vlan:2101", "Seoul Link", "network", "running", PROD, SEL, O_INF, "서울 회선|seoul circuit", "10.41.21.1", "corp"),
    ("vlan:3301", "Subic WAN", "network", "running", PROD, SBC, O_SBC, "수빅 회선|subic circuit", "10.41.33.1", "ph"),
    ("vlan:4401", "Piraeus WAN", "network", "running", PROD, PIR, O_PIR, "피레우스 회선|piraeus circuit", "10.41.44.1", "gr"),
    ("vlan:5501", "Houston WAN", "network", "running", PROD, HOU, O_HOU, "휴스턴 회선|houston circuit", "10.41.55.1", "us"),
    ("vlan:9901", "DR Link", "network", "running", DR, DJN, O_INF, "대전 DR 회선|daejeon link", "10.41.99.1", "dr"),
    # storage: NFS exports host:/path
    ("nas1:/export/cad", "CAD Vault", "storage", "running", PROD, MOK, O_PLM, "도면 저장소|drawing vault", "10.41.0.31", "plm"),
    ("nas1:/export/scans", "Weld Scan Archive", "storage", "running", PROD, MOK, O_MES, "용접 검사 영상 저장소|ndt archive", "10.41.0.32", "mes"),
    ("nas2:/export/plm", "PLM Files", "storage", "running", PROD, MOK, O_PLM, "PLM 파일 저장소", "10.41.0.33", "plm"),
    ("nas3:/export/subic", "Subic Share", "storage", "running", PROD, SBC, O_SBC, "수빅 공유 폴더", "10.41.33.31", "ph"),
    ("nas9:/export/dr", "DR Vault", "storage", "running", DR, DJN, O_INF, "DR 백업 저장소|backup vault", "10.41.99.31", "dr"),
    # servers: hull numbers; names are parts of a ship, a crane, a Tagalog word, Greek script, a Texas flower
    ("HULL-2871", "Keel", "server", "running", PROD, MOK, O_INF, "킬|용골 서버|hypervisor one", "10.41.1.11", "core"),
    ("HULL-2872", "Bow", "server", "running", PROD, MOK, O_INF, "보우|선수 서버|hypervisor two", "10.41.1.12", "core"),
    ("HULL-2873", "Stern", "server", "running", PROD, MOK, O_INF, "스턴|선미 서버|hypervisor three", "10.41.1.13", "core"),
    ("HULL-2874", "Port", "server", "running", PROD, MOK, O_PLM, "포트|좌현 서버|plm box", "10.41.1.14", "plm"),
    ("HULL-2880", "Goliath", "server", "running", PROD, MOK, O_CRN, "골리앗|골리앗 크레인 서버|crane box", "10.41.12.11", "yard"),
    ("HULL-3105", "Bayanihan", "server", "running", PROD, SBC, O_SBC, "바야니한|수빅 호스트|subic host", "10.41.33.11", "ph"),
    ("HULL-4410", "Ιθάκη", "server", "running", PROD, PIR, O_PIR, "Ithaki|이타카|피레우스 호스트", "10.41.44.11", "gr"),
    ("HULL-5520", "Bluebonnet", "server", "running", PROD, HOU, O_HOU, "블루보닛|휴스턴 호스트|houston host", "10.41.55.11", "us"),
    ("HULL-9901", "DR Host", "server", "running", DR, DJN, O_INF, "대전 DR 호스트|dr box", "10.41.99.11", "dr"),
    # vms: vmNN.<site>
    ("vm01.mok", "ERP VM", "vm", "running", PROD, MOK, O_ERP, "ERP 가상서버|erp box", "10.41.2.11", "erp"),
    ("vm02.mok", "MES VM", "vm", "running", PROD, MOK, O_MES, "MES 가상서버|mes box", "10.41.2.12", "mes"),
    ("vm03.mok", "PLM VM", "vm", "running", PROD, MOK, O_PLM, "PLM 가상서버", "10.41.2.13", "plm"),
    ("vm04.mok", "Weld VM", "vm", "running", PROD, MOK, O_MES, "용접 VM|weld box", "10.41.2.14", "mes"),
    ("vm05.mok", "Crane VM", "vm", "running", PROD, MOK, O_CRN, "크레인 VM", "10.41.2.15", "yard"),
    ("vm06.mok", "Portal VM", "vm", "running", PROD, MOK, O_OWN, "포털 VM", "10.41.2.16", "owner"),
    ("vm07.mok", "HR VM", "vm", "running", PROD, MOK, O_ERP, "인사 VM", "10.41.2.17", "erp"),
    ("vm08.mok", "Sea Trial VM", "vm", "maintenance", TRIAL, MOK, O_OWN, "시운전 VM|trial box", "10.41.2.18", "trial"),
    ("vm09.mok", "Old CAD VM", "vm", "stopped", SANDBOX, MOK, O_PLM, "구 CAD VM|legacy cad", "10.41.2.19", "sandbox"),
    ("vm01.sbc", "Subic VM", "vm", "running", PROD, SBC, O_SBC, "수빅 VM", "10.41.33.21", "ph"),
    ("vm01.pir", "Piraeus VM", "vm", "running", PROD, PIR, O_PIR, "피레우스 VM", "10.41.44.21", "gr"),
    ("vm01.hou", "Houston VM", "vm", "running", PROD, HOU, O_HOU, "휴스턴 VM", "10.41.55.21", "us"),
    # databases: <engine><major>/<name>
    ("pg16/erp", "ERP DB", "database", "running", PROD, MOK, O_ERP, "ERP 디비|전사 원장 DB", "10.41.3.11", "erp"),
    ("pg15/erp", "ERP DB Replica", "database", "running", DR, DJN, O_ERP, "ERP 복제 DB|erp standby", "10.41.99.21", "dr"),
    ("pg16/mes", "MES DB", "database", "running", PROD, MOK, O_MES, "MES 디비|생산 DB", "10.41.3.12", "mes"),
    ("ora19/plm", "PLM DB", "database", "running", PROD, MOK, O_PLM, "PLM 디비|설계 DB", "10.41.3.13", "plm"),
    ("pg16/weld", "Weld DB", "database", "running", PROD, MOK, O_MES, "용접 DB|weld records", "10.41.3.14", "mes"),
    ("redis7/crane", "Crane Cache", "database", "running", PROD, MOK, O_CRN, "크레인 캐시", "10.41.3.15", "yard"),
    ("pg16/hr", "HR DB", "database", "running", PROD, MOK, O_ERP, "인사 DB|personnel db", "10.41.3.16", "erp"),
    ("mysql8/subic", "Subic DB", "database", "running", PROD, SBC, O_SBC, "수빅 DB", "10.41.33.41", "ph"),
    ("pg16/hou", "Houston DB", "database", "running", PROD, HOU, O_HOU, "휴스턴 DB", "10.41.55.41", "us"),
    # apps: Maven-style coordinates <group>:<artifact>
    ("erp:fy-close", "FY Close", "app", "running", PROD, MOK, O_ERP, "결산 배치|연말 결산|year-end close", "10.41.4.1", "erp"),
    ("erp:purchasing", "Purchasing", "app", "running", PROD, MOK, O_ERP, "구매 시스템|자재 구매", "10.41.4.2", "erp"),
    ("erp:payroll", "Payroll", "app", "running", PROD, MOK, O_ERP, "급여 시스템|월급 계산", "10.41.4.3", "erp"),
    ("mes:block-planner", "Block Planner", "app", "running", PROD, MOK, O_MES, "블록 계획|block schedule", "10.41.4.11", "mes"),
    ("mes:hinang", "Hinang Tracker", "app", "running", PROD, MOK, O_MES, "용접 추적|weld tracking", "10.41.4.12", "mes"),
    ("mes:ndt", "NDT Viewer", "app", "running", PROD, MOK, O_MES, "비파괴검사 뷰어|x-ray viewer", "10.41.4.13", "mes"),
    ("mes:paint", "Paint Shop", "app", "running", PROD, MOK, O_MES, "도장 관리|coating", "10.41.4.14", "mes"),
    ("mes:outfitting", "Outfitting", "app", "running", PROD, MOK, O_MES, "의장 관리|outfit", "10.41.4.15", "mes"),
    ("plm:bom", "Hull BOM", "app", "running", PROD, MOK, O_PLM, "선체 BOM|자재 명세", "10.41.4.21", "plm"),
    ("plm:drawing", "Drawing Hub", "app", "running", PROD, MOK, O_PLM, "도면 허브|도면 시스템", "10.41.4.22", "plm"),
    ("crane:goliath", "Goliath Control", "app", "running", PROD, MOK, O_CRN, "골리앗 제어|crane control", "10.41.4.31", "yard"),
    ("crane:lift-plan", "Lift Plan", "app", "running", PROD, MOK, O_CRN, "양중 계획|lifting plan", "10.41.4.32", "yard"),
    ("yard:quay", "Quay Board", "app", "running", PROD, MOK, O_CRN, "안벽 현황판|quay status", "10.41.4.33", "yard"),
    ("yard:gate", "Yard Gate", "app", "running", PROD, MOK, O_ERP, "출입 관리|출입문 시스템", "10.41.4.34", "yard"),
    ("hr:safety", "Safety Patrol", "app", "running", PROD, MOK, O_ERP, "안전 순찰|safety rounds", "10.41.4.41", "erp"),
    ("hr:portal", "Staff Portal", "app", "running", PROD, MOK, O_ERP, "사내 포털|intranet", "10.41.4.42", "erp"),
    ("yard:seatrial", "Sea Trial Logger", "app", "running", TRIAL, MOK, O_OWN, "시운전 기록|trial log", "10.41.4.51", "trial"),
    ("sea:ballast", "Ballast Calc", "app", "running", PROD, MOK, O_PLM, "밸러스트 계산|stability calc", "10.41.4.52", "plm"),
    ("owner:portal", "Owner Portal", "app", "running", PROD, MOK, O_OWN, "선주 포털|owner site", "10.41.4.61", "owner"),
    ("sales:quote", "Newbuild Quote", "app", "running", PROD, SEL, O_OWN, "신조 견적|ship quote", "10.41.4.62", "corp"),
    ("ph:nesting", "Nesting", "app", "running", PROD, SBC, O_SBC, "강재 절단 네스팅|steel nesting", "10.41.33.51", "ph"),
    ("ph:roster", "Bayanihan Roster", "app", "running", PROD, SBC, O_SBC, "수빅 인력 배치|crew roster ph", "10.41.33.52", "ph"),
    ("owner:sync", "Πειραιάς Sync", "app", "error", PROD, PIR, O_PIR, "Piraeus Sync|선주 감독관 동기화|supervisor sync", "10.41.44.51", "gr"),
    ("us:fpso-sim", "FPSO Sim", "app", "running", PROD, HOU, O_HOU, "FPSO 시뮬레이션|hull simulation", "10.41.55.51", "us"),
    ("us:topsides", "Topsides Tracker", "app", "running", PROD, HOU, O_HOU, "상부 구조 추적|topsides", "10.41.55.52", "us"),
    # load balancers: HAProxy frontends fe_<name>
    ("fe_owner", "Owner Edge", "load_balancer", "running", PROD, MOK, O_INF, "선주 관문|owner frontend", "10.41.0.80", "owner"),
    ("fe_staff", "Staff Edge", "load_balancer", "running", PROD, MOK, O_INF, "사내 관문|staff frontend", "10.41.0.81", "corp"),
    ("fe_ot", "OT Edge", "load_balancer", "running", PROD, MOK, O_INF, "현장 관문|shop-floor frontend", "10.41.0.82", "yard"),
    # services: ServiceNow business-service numbers
    ("BSN0010451", "Newbuilding", "service", "running", PROD, MOK, O_MES, "신조 사업|ship production", "", "mes"),
    ("BSN0010452", "Yard Operations", "service", "running", PROD, MOK, O_CRN, "야드 운영", "", "yard"),
    ("BSN0010453", "Owner Services", "service", "running", PROD, MOK, O_OWN, "선주 서비스", "", "owner"),
    ("BSN0010454", "Subic Fabrication", "service", "running", PROD, SBC, O_SBC, "수빅 제작", "", "ph"),
    ("BSN0010455", "Offshore Engineering", "service", "running", PROD, HOU, O_HOU, "해양 설계", "", "us"),
    ("BSN0010456", "Corporate", "service", "running", PROD, SEL, O_INF, "경영 지원|back office", "", "corp"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE = "vlan:1001"
RELATIONS = [
    # network
    ("vlan:1203", "CONNECTS_TO", CORE),
    ("vlan:2101", "CONNECTS_TO", CORE),
    ("vlan:3301", "CONNECTS_TO", CORE),
    ("vlan:4401", "CONNECTS_TO", CORE),
    ("vlan:5501", "CONNECTS_TO", CORE),
    ("vlan:9901", "CONNECTS_TO", CORE),
    ("HULL-2871", "CONNECTS_TO", CORE),
    ("HULL-2872", "CONNECTS_TO", CORE),
    ("HULL-2873", "CONNECTS_TO", CORE),
    ("HULL-2874", "CONNECTS_TO", CORE),
    ("HULL-2880", "CONNECTS_TO", "vlan:1203"),
    ("HULL-3105", "CONNECTS_TO", "vlan:3301"),
    ("HULL-4410", "CONNECTS_TO", "vlan:4401"),
    ("HULL-5520", "CONNECTS_TO", "vlan:5501"),
    ("HULL-9901", "CONNECTS_TO", "vlan:9901"),
    ("nas1:/export/cad", "CONNECTS_TO", CORE),
    ("nas1:/export/scans", "CONNECTS_TO", CORE),
    ("nas2:/export/plm", "CONNECTS_TO", CORE),
    ("nas3:/export/subic", "CONNECTS_TO", "vlan:3301"),
    ("nas9:/export/dr", "CONNECTS_TO", "vlan:9901"),
    # hypervisors -> vms (Keel: HOSTS only; Bow: RUNS_ON only; Stern: both)
    ("HULL-2871", "HOSTS", "vm01.mok"),
    ("HULL-2871", "HOSTS", "vm07.mok"),
    ("HULL-2871", "HOSTS", "vm09.mok"),
    ("vm02.mok", "RUNS_ON", "HULL-2872"),
    ("vm04.mok", "RUNS_ON", "HULL-2872"),
    ("vm05.mok", "RUNS_ON", "HULL-2872"),
    ("HULL-2873", "HOSTS", "vm03.mok"),
    ("vm03.mok", "RUNS_ON", "HULL-2873"),
    ("HULL-2873", "HOSTS", "vm06.mok"),
    ("vm08.mok", "RUNS_ON", "HULL-2873"),
    ("HULL-3105", "HOSTS", "vm01.sbc"),
    ("vm01.pir", "RUNS_ON", "HULL-4410"),
    ("HULL-5520", "HOSTS", "vm01.hou"),
    ("vm03.mok", "DEPENDS_ON", "nas2:/export/plm"),
    ("vm04.mok", "DEPENDS_ON", "nas1:/export/scans"),
    ("vm01.sbc", "DEPENDS_ON", "nas3:/export/subic"),
    # databases
    ("pg16/erp", "RUNS_ON", "vm01.mok"),
    ("pg15/erp", "RUNS_ON", "HULL-9901"),
    ("pg15/erp", "DEPENDS_ON", "pg16/erp"),
    ("pg15/erp", "DEPENDS_ON", "nas9:/export/dr"),
    ("pg16/mes", "RUNS_ON", "vm02.mok"),
    ("ora19/plm", "RUNS_ON", "HULL-2874"),
    ("pg16/weld", "RUNS_ON", "vm04.mok"),
    ("redis7/crane", "RUNS_ON", "HULL-2880"),
    ("pg16/hr", "RUNS_ON", "vm07.mok"),
    ("mysql8/subic", "RUNS_ON", "vm01.sbc"),
    ("pg16/hou", "RUNS_ON", "vm01.hou"),
    # apps on vms and on bare metal
    ("erp:fy-close", "RUNS_ON", "vm01.mok"),
    ("erp:purchasing", "RUNS_ON", "vm01.mok"),
    ("erp:payroll", "RUNS_ON", "vm01.mok"),
    ("mes:block-planner", "RUNS_ON", "vm02.mok"),
    ("mes:paint", "RUNS_ON", "vm02.mok"),
    ("mes:outfitting", "RUNS_ON", "vm02.mok"),
    ("mes:hinang", "RUNS_ON", "vm04.mok"),
    ("mes:ndt", "RUNS_ON", "vm04.mok"),
    ("crane:lift-plan", "RUNS_ON", "vm05.mok"),
    ("yard:quay", "RUNS_ON", "vm05.mok"),
    ("plm:bom", "RUNS_ON", "vm03.mok"),
    ("plm:drawing", "RUNS_ON", "vm03.mok"),
    ("owner:portal", "RUNS_ON", "vm06.mok"),
    ("sales:quote", "RUNS_ON", "vm06.mok"),
    ("hr:safety", "RUNS_ON", "vm07.mok"),
    ("hr:portal", "RUNS_ON", "vm07.mok"),
    ("yard:gate", "RUNS_ON", "vm07.mok"),
    ("yard:seatrial", "RUNS_ON", "vm08.mok"),
    ("sea:ballast", "RUNS_ON", "HULL-2874"),
    ("crane:goliath", "RUNS_ON", "HULL-2880"),
    ("ph:nesting", "RUNS_ON", "vm01.sbc"),
    ("ph:roster", "RUNS_ON", "vm01.sbc"),
    ("owner:sync", "RUNS_ON", "vm01.pir"),
    ("us:fpso-sim", "RUNS_ON", "vm01.hou"),
    ("us:topsides", "RUNS_ON", "vm01.hou"),
    # app dependencies
    ("erp:fy-close", "DEPENDS_ON", "pg16/erp"),
    ("erp:fy-close", "DEPENDS_ON", "erp:purchasing"),
    ("erp:fy-close", "DEPENDS_ON", "erp:payroll"),
    ("erp:purchasing", "DEPENDS_ON", "pg16/erp"),
    ("erp:purchasing", "DEPENDS_ON", "plm:bom"),
    ("erp:payroll", "DEPENDS_ON", "pg16/hr"),
    ("mes:block-planner", "DEPENDS_ON", "pg16/mes"),
    ("mes:block-planner", "DEPENDS_ON", "plm:bom"),
    ("mes:block-planner", "DEPENDS_ON", "crane:lift-plan"),
    ("mes:paint", "DEPENDS_ON", "pg16/mes"),
    ("mes:outfitting", "DEPENDS_ON", "pg16/mes"),
    ("mes:outfitting", "DEPENDS_ON", "plm:drawing"),
    ("mes:hinang", "DEPENDS_ON", "pg16/weld"),
    ("mes:hinang", "DEPENDS_ON", "mes:block-planner"),
    ("mes:hinang", "CONNECTS_TO", "vlan:1203"),
    ("mes:ndt", "DEPENDS_ON", "pg16/weld"),
    ("mes:ndt", "DEPENDS_ON", "nas1:/export/scans"),
    ("crane:lift-plan", "DEPENDS_ON", "redis7/crane"),
    ("crane:lift-plan", "DEPENDS_ON", "crane:goliath"),
    ("crane:goliath", "DEPENDS_ON", "redis7/crane"),
    ("crane:goliath", "CONNECTS_TO", "vlan:1203"),
    ("yard:quay", "DEPENDS_ON", "mes:block-planner"),
    ("yard:quay", "DEPENDS_ON", "crane:lift-plan"),
    ("plm:bom", "DEPENDS_ON", "ora19/plm"),
    ("plm:drawing", "DEPENDS_ON", "ora19/plm"),
    ("plm:drawing", "DEPENDS_ON", "nas1:/export/cad"),
    ("owner:portal", "DEPENDS_ON", "plm:drawing"),
    ("owner:portal", "DEPENDS_ON", "mes:block-planner"),
    ("sales:quote", "DEPENDS_ON", "plm:bom"),
    ("sales:quote", "DEPENDS_ON", "erp:purchasing"),
    ("sales:quote", "CONNECTS_TO", "vlan:2101"),
    ("hr:safety", "DEPENDS_ON", "pg16/hr"),
    ("hr:safety", "DEPENDS_ON", "yard:gate"),
    ("hr:portal", "DEPENDS_ON", "pg16/hr"),
    ("hr:portal", "DEPENDS_ON", "erp:payroll"),
    ("yard:gate", "DEPENDS_ON", "pg16/hr"),
    ("yard:seatrial", "DEPENDS_ON", "sea:ballast"),
    ("yard:seatrial", "DEPENDS_ON", "nas2:/export/plm"),
    ("sea:ballast", "DEPENDS_ON", "ora19/plm"),
    ("ph:nesting", "DEPENDS_ON", "mysql8/subic"),
    ("ph:nesting", "DEPENDS_ON", "plm:bom"),
    ("ph:nesting", "CONNECTS_TO", "vlan:3301"),
    ("ph:roster", "DEPENDS_ON", "mysql8/subic"),
    ("owner:sync", "DEPENDS_ON", "owner:portal"),
    ("owner:sync", "CONNECTS_TO", "vlan:4401"),
    ("us:fpso-sim", "DEPENDS_ON", "pg16/hou"),
    ("us:fpso-sim", "DEPENDS_ON", "sea:ballast"),
    ("us:fpso-sim", "CONNECTS_TO", "vlan:5501"),
    ("us:topsides", "DEPENDS_ON", "pg16/hou"),
    ("us:topsides", "DEPENDS_ON", "plm:drawing"),
    # load balancers
    ("fe_owner", "CONNECTS_TO", "owner:portal"),
    ("fe_owner", "CONNECTS_TO", "owner:sync"),
    ("fe_staff", "CONNECTS_TO", "hr:portal"),
    ("fe_staff", "CONNECTS_TO", "hr:safety"),
    ("fe_staff", "CONNECTS_TO", "sales:quote"),
    ("fe_ot", "CONNECTS_TO", "mes:hinang"),
    ("fe_ot", "CONNECTS_TO", "crane:goliath"),
    ("fe_ot", "CONNECTS_TO", "yard:quay"),
    # services
    ("BSN0010451", "DEPENDS_ON", "mes:block-planner"),
    ("BSN0010451", "DEPENDS_ON", "mes:hinang"),
    ("BSN0010451", "DEPENDS_ON", "mes:paint"),
    ("BSN0010451", "DEPENDS_ON", "mes:outfitting"),
    ("BSN0010451", "DEPENDS_ON", "plm:bom"),
    ("BSN0010451", "DEPENDS_ON", "plm:drawing"),
    ("BSN0010452", "DEPENDS_ON", "fe_ot"),
    ("BSN0010452", "DEPENDS_ON", "crane:goliath"),
    ("BSN0010452", "DEPENDS_ON", "crane:lift-plan"),
    ("BSN0010452", "DEPENDS_ON", "yard:quay"),
    ("BSN0010452", "DEPENDS_ON", "yard:gate"),
    ("BSN0010452", "DEPENDS_ON", "hr:safety"),
    ("BSN0010453", "DEPENDS_ON", "fe_owner"),
    ("BSN0010453", "DEPENDS_ON", "owner:portal"),
    ("BSN0010453", "DEPENDS_ON", "owner:sync"),
    ("BSN0010453", "DEPENDS_ON", "yard:seatrial"),
    ("BSN0010454", "DEPENDS_ON", "ph:nesting"),
    ("BSN0010454", "DEPENDS_ON", "ph:roster"),
    ("BSN0010455", "DEPENDS_ON", "us:fpso-sim"),
    ("BSN0010455", "DEPENDS_ON", "us:topsides"),
    ("BSN0010456", "DEPENDS_ON", "fe_staff"),
    ("BSN0010456", "DEPENDS_ON", "erp:fy-close"),
    ("BSN0010456", "DEPENDS_ON", "erp:purchasing"),
    ("BSN0010456", "DEPENDS_ON", "erp:payroll"),
    ("BSN0010456", "DEPENDS_ON", "hr:portal"),
    ("BSN0010456", "DEPENDS_ON", "sales:quote"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: shift (the yard's two shifts 07-17 and 17-22 Seoul on working days, a skeleton crew otherwise),
#           office (Seoul working days 09-18), night (the batch window 01-05 Seoul), crane (daylight lifting
#           07-18 Seoul, also on Saturdays), subic (07-19 on Subic's clock, PHT +08:00, not on Sundays or Philippine
#           holidays), piraeus (09-19 on Piraeus' clock: EEST until 2040-10-28T01:00Z, EET after), houston (07-18 on
#           Houston's clock: CDT until 2040-11-04T07:00Z, CST after), flat
METRIC_PLAN = {
    "HULL-2871": {"cpu_usage": (33, 0.55, 1.5, "office"), "mem_usage": (64, 0.04, 1.0, "office"), "disk_usage": (47, 0, 0.2, "flat")},
    "HULL-2872": {"cpu_usage": (38, 0.60, 1.6, "shift"), "mem_usage": (69, 0.04, 1.0, "shift"), "disk_usage": (52, 0, 0.2, "flat")},
    "HULL-2873": {"cpu_usage": (26, 0.55, 1.4, "office"), "mem_usage": (58, 0.04, 1.0, "office"), "disk_usage": (44, 0, 0.2, "flat")},
    "HULL-2874": {"cpu_usage": (22, 1.40, 1.5, "night"), "mem_usage": (73, 0.06, 1.0, "night"), "disk_usage": (61, 0, 0.2, "flat")},
    "HULL-2880": {"cpu_usage": (19, 0.90, 1.3, "crane"), "mem_usage": (41, 0.04, 0.9, "crane"), "disk_usage": (36, 0, 0.2, "flat")},
    "HULL-3105": {"cpu_usage": (24, 0.70, 1.4, "subic"), "mem_usage": (55, 0.04, 0.9, "subic"), "disk_usage": (49, 0, 0.2, "flat")},
    "HULL-4410": {"cpu_usage": (15, 0.70, 1.1, "piraeus"), "mem_usage": (46, 0.04, 0.9, "piraeus"), "disk_usage": (38, 0, 0.2, "flat")},
    "HULL-5520": {"cpu_usage": (28, 0.70, 1.4, "houston"), "mem_usage": (57, 0.04, 0.9, "houston"), "disk_usage": (55, 0, 0.2, "flat")},
    "HULL-9901": {"cpu_usage": (8, 0.20, 0.6, "flat"), "mem_usage": (31, 0.02, 0.8, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "vm01.mok": {"cpu_usage": (30, 0.70, 1.5, "office"), "mem_usage": (62, 0.04, 0.9, "office"), "disk_usage": (45, 0, 0.2, "flat")},
    "vm02.mok": {"cpu_usage": (34, 0.65, 1.5, "shift"), "mem_usage": (66, 0.03, 0.9, "shift"), "disk_usage": (42, 0, 0.2, "flat")},
    "vm03.mok": {"cpu_usage": (25, 0.70, 1.4, "office"), "mem_usage": (59, 0.04, 0.9, "office"), "disk_usage": (57, 0, 0.2, "flat")},
    "vm04.mok": {"cpu_usage": (31, 0.70, 1.5, "shift"), "mem_usage": (63, 0.04, 0.9, "shift"), "disk_usage": (39, 0, 0.2, "flat")},
    "vm05.mok": {"cpu_usage": (21, 0.80, 1.3, "crane"), "mem_usage": (52, 0.04, 0.9, "crane"), "disk_usage": (33, 0, 0.2, "flat")},
    "vm06.mok": {"cpu_usage": (17, 0.80, 1.2, "office"), "mem_usage": (49, 0.04, 0.9, "office"), "disk_usage": (41, 0, 0.2, "flat")},
    "vm07.mok": {"cpu_usage": (20, 0.70, 1.3, "shift"), "mem_usage": (54, 0.04, 0.9, "shift"), "disk_usage": (36, 0, 0.2, "flat")},
    "vm08.mok": {"cpu_usage": (12, 0.60, 1.1, "office"), "mem_usage": (35, 0.03, 1.0, "office"), "disk_usage": (48, 0, 0.2, "flat")},
    "vm09.mok": {"cpu_usage": (7, 0.40, 0.9, "office"), "mem_usage": (28, 0.03, 1.0, "flat"), "disk_usage": (79, 0, 0.2, "flat")},
    "vm01.sbc": {"cpu_usage": (23, 0.80, 1.4, "subic"), "mem_usage": (53, 0.04, 0.9, "subic"), "disk_usage": (46, 0, 0.2, "flat")},
    "vm01.pir": {"cpu_usage": (14, 0.80, 1.1, "piraeus"), "mem_usage": (44, 0.04, 0.9, "piraeus"), "disk_usage": (35, 0, 0.2, "flat")},
    "vm01.hou": {"cpu_usage": (26, 0.80, 1.4, "houston"), "mem_usage": (56, 0.04, 0.9, "houston"), "disk_usage": (50, 0, 0.2, "flat")},
    "pg16/erp": {"cpu_usage": (27, 0.70, 1.4, "office"), "mem_usage": (75, 0.02, 0.6, "flat"), "disk_usage": (58, 0, 0.2, "flat")},
    "pg15/erp": {"cpu_usage": (9, 0.20, 0.7, "flat"), "mem_usage": (60, 0.02, 0.6, "flat"), "disk_usage": (56, 0, 0.2, "flat")},
    "pg16/mes": {"cpu_usage": (29, 0.70, 1.4, "shift"), "mem_usage": (71, 0.02, 0.6, "flat"), "disk_usage": (62, 0, 0.2, "flat")},
    "ora19/plm": {"cpu_usage": (24, 0.90, 1.4, "night"), "mem_usage": (67, 0.02, 0.6, "flat"), "disk_usage": (65, 0, 0.2, "flat")},
    "pg16/weld": {"cpu_usage": (21, 0.70, 1.3, "shift"), "mem_usage": (57, 0.03, 0.7, "shift"), "disk_usage": (50, 0, 0.2, "flat")},
    "redis7/crane": {"cpu_usage": (11, 0.80, 1.0, "crane"), "mem_usage": (43, 0.03, 0.7, "crane"), "disk_usage": (18, 0, 0.2, "flat")},
    "pg16/hr": {"cpu_usage": (16, 0.70, 1.1, "office"), "mem_usage": (51, 0.03, 0.7, "office"), "disk_usage": (40, 0, 0.2, "flat")},
    "mysql8/subic": {"cpu_usage": (18, 0.80, 1.1, "subic"), "mem_usage": (48, 0.03, 0.7, "subic"), "disk_usage": (53, 0, 0.2, "flat")},
    "pg16/hou": {"cpu_usage": (19, 0.80, 1.1, "houston"), "mem_usage": (50, 0.03, 0.7, "houston"), "disk_usage": (59, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "erp:fy-close": {"cpu_usage": (9, 1.80, 1.0, "night"), "latency_ms": (1900, 0.30, 45.0, "night"), "error_rate": (0.10, 0.3, 0.02, "night")},
    "erp:purchasing": {"cpu_usage": (14, 0.70, 1.1, "office"), "latency_ms": (310, 0.35, 8.0, "office"), "error_rate": (0.08, 0.3, 0.016, "office")},
    "erp:payroll": {"cpu_usage": (8, 0.70, 0.8, "office"), "latency_ms": (560, 0.30, 13.0, "office"), "error_rate": (0.06, 0.3, 0.012, "office")},
    "mes:block-planner": {"cpu_usage": (22, 0.75, 1.4, "shift"), "latency_ms": (420, 0.35, 10.0, "shift"), "error_rate": (0.11, 0.3, 0.022, "shift")},
    "mes:hinang": {"cpu_usage": (18, 0.75, 1.3, "shift"), "latency_ms": (135, 0.35, 3.5, "shift"), "error_rate": (0.07, 0.3, 0.014, "shift")},
    "mes:ndt": {"cpu_usage": (13, 0.75, 1.1, "shift"), "latency_ms": (780, 0.30, 18.0, "shift"), "error_rate": (0.18, 0.3, 0.035, "shift")},
    "mes:paint": {"cpu_usage": (7, 0.70, 0.8, "shift"), "latency_ms": (240, 0.35, 6.0, "shift"), "error_rate": (0.05, 0.3, 0.01, "shift")},
    "mes:outfitting": {"cpu_usage": (10, 0.70, 0.9, "shift"), "latency_ms": (365, 0.35, 9.0, "shift"), "error_rate": (0.09, 0.3, 0.018, "shift")},
    "plm:bom": {"cpu_usage": (16, 0.70, 1.2, "office"), "latency_ms": (205, 0.35, 5.0, "office"), "error_rate": (0.04, 0.3, 0.01, "office")},
    "plm:drawing": {"cpu_usage": (20, 0.70, 1.3, "office"), "latency_ms": (640, 0.30, 15.0, "office"), "error_rate": (0.13, 0.3, 0.025, "office")},
    "crane:goliath": {"cpu_usage": (15, 0.80, 1.1, "crane"), "latency_ms": (48, 0.35, 1.5, "crane"), "error_rate": (0.02, 0.3, 0.006, "crane")},
    "crane:lift-plan": {"cpu_usage": (11, 0.80, 1.0, "crane"), "latency_ms": (290, 0.35, 7.0, "crane"), "error_rate": (0.12, 0.3, 0.024, "crane")},
    "yard:quay": {"cpu_usage": (9, 0.80, 0.9, "crane"), "latency_ms": (175, 0.35, 4.5, "crane"), "error_rate": (0.08, 0.3, 0.016, "crane")},
    "yard:gate": {"cpu_usage": (6, 0.80, 0.7, "shift"), "latency_ms": (95, 0.35, 2.5, "shift"), "error_rate": (0.03, 0.3, 0.008, "shift")},
    "hr:safety": {"cpu_usage": (5, 0.70, 0.6, "shift"), "latency_ms": (330, 0.35, 8.0, "shift"), "error_rate": (0.15, 0.3, 0.03, "shift")},
    "hr:portal": {"cpu_usage": (12, 0.70, 1.0, "office"), "latency_ms": (260, 0.40, 6.5, "office"), "error_rate": (0.10, 0.3, 0.02, "office")},
    "yard:seatrial": {"cpu_usage": (6, 0.60, 0.7, "office"), "latency_ms": (1150, 0.30, 28.0, "office"), "error_rate": (0.45, 0.3, 0.06, "office")},
    "sea:ballast": {"cpu_usage": (17, 1.20, 1.3, "night"), "latency_ms": (2600, 0.30, 55.0, "night"), "error_rate": (0.14, 0.3, 0.028, "night")},
    "owner:portal": {"cpu_usage": (13, 0.70, 1.1, "office"), "latency_ms": (380, 0.35, 9.5, "office"), "error_rate": (0.09, 0.3, 0.018, "office")},
    "sales:quote": {"cpu_usage": (8, 0.70, 0.8, "office"), "latency_ms": (470, 0.30, 11.0, "office"), "error_rate": (0.06, 0.3, 0.012, "office")},
    "ph:nesting": {"cpu_usage": (19, 0.80, 1.3, "subic"), "latency_ms": (880, 0.30, 20.0, "subic"), "error_rate": (0.16, 0.3, 0.03, "subic")},
    "ph:roster": {"cpu_usage": (7, 0.70, 0.8, "subic"), "latency_ms": (210, 0.35, 5.5, "subic"), "error_rate": (0.05, 0.3, 0.012, "subic")},
    "owner:sync": {"cpu_usage": (6, 0.60, 0.7, "piraeus"), "latency_ms": (720, 0.30, 17.0, "piraeus"), "error_rate": (0.92, 0.3, 0.09, "piraeus")},
    "us:fpso-sim": {"cpu_usage": (24, 0.90, 1.5, "houston"), "latency_ms": (3100, 0.30, 60.0, "houston"), "error_rate": (0.12, 0.3, 0.025, "houston")},
    "us:topsides": {"cpu_usage": (10, 0.80, 0.9, "houston"), "latency_ms": (300, 0.35, 7.5, "houston"), "error_rate": (0.07, 0.3, 0.015, "houston")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "vm09.mok": datetime(2040, 11, 20, 12, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}


def hour_of(ts, tz=KST):
    t = ts.astimezone(tz)
    return t.hour + t.minute / 60.0 + t.second / 3600.0


def circ(h, c):
    d = abs(h - c)
    return min(d, 24 - d)


def plateau(h, a, b):
    return 1.0 / (1 + math.exp(-(h - a) * 2.5)) * 1.0 / (1 + math.exp((h - b) * 2.5))


def workday(t):
    return t.weekday() < 5 and (t.year, t.month, t.day) not in KR_HOLIDAYS


def bump(h, c, w):
    return math.exp(-(circ(h, c) / w) ** 2)


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    if kind == "shift":
        v = 0.10 + 0.55 * plateau(h, 7.0, 17.0) + 0.3 * plateau(h, 17.0, 22.0)
        return v if workday(t) else 0.4 * v + 0.05
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    if kind == "night":
        return 0.06 + 0.9 * plateau(h, 1.0, 5.0)
    if kind == "crane":
        v = 0.10 + 0.6 * plateau(h, 7.0, 18.0)
        return v if (t.weekday() < 6 and (t.year, t.month, t.day) not in KR_HOLIDAYS) else 0.3 * v + 0.05
    if kind == "subic":
        p = ts.astimezone(PHT)
        v = 0.12 + 0.65 * plateau(hour_of(ts, PHT), 7.0, 19.0)
        return v if (p.weekday() < 6 and (p.year, p.month, p.day) not in PH_HOLIDAYS) else 0.35 * v + 0.05
    if kind == "piraeus":
        return 0.12 + 0.65 * plateau(hour_of(ts, piraeus(ts)), 9.0, 19.0)
    if kind == "houston":
        return 0.12 + 0.65 * plateau(hour_of(ts, houston(ts)), 7.0, 18.0)
    return 0.0


def kst(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=KST)


def utc(y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


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
    # level shift: the PLM DB's memory after a new drawing index, from Tue 2040-12-18 14:00
    if code == "ora19/plm" and metric == "mem_usage" and ts >= kst(2040, 12, 18, 14):
        v += 8.0
    # growth: the Weld DB's disk over the whole history (every weld seam's record is kept)
    if code == "pg16/weld" and metric == "disk_usage":
        v += 27.0 * ramp(ts, M_START, M_END)
    # growth: the Weld VM's disk from 2040-12-10 (radiographs cached locally)
    if code == "vm04.mok" and metric == "disk_usage":
        v += 22.0 * ramp(ts, kst(2040, 12, 10), M_END)
    # 1. payroll at the month end, Fri 2040-11-30 18:00-24:00 (in the 3-hour part: the 18:00 and 21:00 samples)
    if within(ts, kst(2040, 11, 30, 18), kst(2040, 12, 1, 0)):
        if code == "erp:payroll" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "erp:payroll" and metric == "latency_ms":
            v *= 3.0
        if code == "vm01.mok" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 0.4)
        if code == "pg16/hr" and metric == "cpu_usage":
            v += 25
    # 2. the Owner Portal on Christmas Day, Tue 2040-12-25 14:00-17:00 (Greek and Korean owners at home)
    if within(ts, kst(2040, 12, 25, 14), kst(2040, 12, 25, 17)):
        if code == "owner:portal" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "owner:portal" and metric == "latency_ms":
            v *= 3.5
        if code == "vm06.mok" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.5)
        if code == "plm:drawing" and metric == "cpu_usage":
            v += 20
    # 3. Nesting in Subic on Rizal Day, Sun 2040-12-30 21:00-24:00 PHT = 22:00 Sun - 01:00 Mon Seoul
    if within(ts, datetime(2040, 12, 30, 21, 0, tzinfo=PHT), datetime(2040, 12, 31, 0, 0, tzinfo=PHT)):
        if code == "ph:nesting" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "ph:nesting" and metric == "latency_ms":
            v *= 4.0
        if code == "vm01.sbc" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.5)
        if code == "mysql8/subic" and metric == "cpu_usage":
            v += 25
    # Sea Trial VM in maintenance from Thu 2040-12-27 08:00: idle
    if code == "vm08.mok" and metric == "cpu_usage" and ts >= kst(2040, 12, 27, 8):
        v = 2.0 + rng.gauss(0, 0.3)
    # 4. the FY2040 year-end close, from Mon 2040-12-31 23:30 Seoul, across the new year, ongoing at now
    if ts >= kst(2040, 12, 31, 23, 30):
        if code == "erp:fy-close" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "erp:fy-close" and metric == "latency_ms":
            v *= 3.0
        if code == "vm01.mok" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.5)
        if code == "pg16/erp" and metric == "cpu_usage":
            v += 30
        if code == "erp:purchasing" and metric == "error_rate":
            v += 2.5 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Samples every 3 hours (an older rollup) from M_START, every 10 minutes from MID_START and every
    30 seconds from FINE_START up to and including NOW."""
    times = []
    t = M_START
    while t < MID_START:
        times.append(t)
        t += STEP_3H
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
            # Bluebonnet: the night Houston's clocks went back, Sun 2040-11-04: the nightly FPSO run started in
            #   both passes of the repeated hour, 01:00 CDT - 02:00 CST = 06:00-08:00Z = 15:00-17:00 Seoul;
            #   a warm-up +6 from 04:00Z
            if code == "HULL-5520" and utc(2040, 11, 4, 4) <= t < utc(2040, 11, 4, 6):
                v += 6.0
            if code == "HULL-5520" and utc(2040, 11, 4, 6) <= t < utc(2040, 11, 4, 8):
                v = 89 + rng.gauss(0, 1.0)
            # Ιθάκη: Ochi Day evening in Piraeus, Sun 2040-10-28 22:00 EET - Mon 01:00 EET = 20:00-23:00Z =
            #   Mon 10-29 05:00-08:00 Seoul (the day Europe's clocks went back)
            if code == "HULL-4410" and utc(2040, 10, 28, 20) <= t < utc(2040, 10, 28, 23):
                v = 84 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (datetime(2040, 10, 28, 21, 30, tzinfo=EET), "HULL-4410", "change", "info", "Ochi Day 선주 감독관 보고서 일괄 동기화", "CHG-401028 owner reports re-synced"),
    (datetime(2040, 10, 28, 22, 25, tzinfo=EET), "HULL-4410", "alert", "major", "Ithaki CPU 80% 초과 (Ochi Day 야간)", "cpu_usage 84%"),
    (datetime(2040, 11, 3, 22, 0, tzinfo=CDT), "HULL-5520", "change", "info", "서머타임 종료 전날 FPSO 야간 해석 일정 변경", "CHG-401103 nightly run at 01:30 local"),
    (datetime(2040, 11, 4, 1, 10, tzinfo=CST), "HULL-5520", "alert", "major", "Bluebonnet CPU 85% 초과 (야간 해석 이중 실행)", "cpu_usage 89%"),
    (kst(2040, 11, 14, 2, 0), CORE, "change", "info", "야드 코어 스위치 펌웨어 업그레이드", "CHG-401114 night window"),
    (kst(2040, 11, 20, 12, 0), "vm09.mok", "change", "info", "구 CAD VM 전원 종료 (CAD 서버 이관 완료)", "CHG-401120 powered off"),
    (kst(2040, 11, 22, 3, 0), "HULL-2873", "change", "info", "Stern 하이퍼바이저 보안 패치", "CHG-401122 rolling; live migration"),
    # 1. payroll at the month end (Fri 11-30)
    (kst(2040, 11, 30, 13, 0), "pg16/hr", "change", "info", "인사 DB 연말정산 테이블 추가", "CHG-401130 year-end tax tables"),
    (kst(2040, 11, 30, 15, 30), "erp:payroll", "deploy", "info", "Payroll 7.2 배포", "release 7.2 overtime rules"),
    (kst(2040, 11, 30, 18, 20), "erp:payroll", "incident", "major", "11월 급여 계산 오류 (잔업 수당)", "INC-401130-01 overtime pay miscomputed"),
    (kst(2040, 11, 30, 18, 30), "vm01.mok", "alert", "major", "ERP VM CPU 90% 초과", "cpu_usage 90%"),
    (kst(2040, 12, 1, 0, 10), "erp:payroll", "change", "info", "Payroll 7.1.4 롤백", "rollback; payslips recomputed"),
    (kst(2040, 12, 5, 2, 0), "nas9:/export/dr", "change", "info", "DR 백업 보존 기간 변경", "CHG-401205 retention 90 days"),
    (kst(2040, 12, 12, 9, 0), "pg16/weld", "alert", "minor", "용접 DB 디스크 70% 초과", "volume 70%"),
    (kst(2040, 12, 18, 14, 0), "ora19/plm", "change", "info", "PLM DB 도면 검색 인덱스 추가", "CHG-401218 drawing index"),
    (kst(2040, 12, 20, 10, 30), "crane:goliath", "alert", "minor", "Goliath Control 강풍 경보 연동 지연", "latency 0.2 s"),
    # 2. Owner Portal, Christmas Day (Tue 12-25)
    (kst(2040, 12, 25, 9, 0), "plm:drawing", "change", "info", "도면 허브 썸네일 캐시 재생성", "CHG-401224 thumbnails rebuilt"),
    (kst(2040, 12, 25, 11, 30), "owner:portal", "deploy", "info", "Owner Portal 3.4 배포", "release 3.4 delivery photos"),
    (kst(2040, 12, 25, 14, 5), "owner:portal", "incident", "major", "성탄절 선주 포털 접속 장애", "INC-401225-01 owners cannot open the photo album"),
    (kst(2040, 12, 25, 14, 15), "vm06.mok", "alert", "major", "Portal VM CPU 90% 초과", "cpu_usage 91%"),
    (kst(2040, 12, 25, 17, 10), "owner:portal", "change", "info", "Owner Portal 3.3.2 롤백", "rollback; album restored"),
    (kst(2040, 12, 27, 8, 0), "vm08.mok", "change", "info", "Sea Trial VM 점검 모드 전환", "CHG-401227 maintenance"),
    (kst(2040, 12, 28, 22, 0), "pg15/erp", "change", "info", "연말 DR 전환 훈련 (ERP 복제 DB)", "CHG-401228 switchover drill; switched back 23:40"),
    # 3. Nesting in Subic, Rizal Day (Sun 12-30, PHT)
    (datetime(2040, 12, 30, 16, 0, tzinfo=PHT), "HULL-3105", "change", "info", "Bayanihan 커널 보안 패치", "CHG-401230 kernel patch"),
    (datetime(2040, 12, 30, 17, 30, tzinfo=PHT), "ph:nesting", "deploy", "info", "Nesting 2.8 배포", "release 2.8 new plate sizes"),
    (datetime(2040, 12, 30, 21, 10, tzinfo=PHT), "ph:nesting", "incident", "major", "수빅 강재 절단 계획 생성 실패", "INC-401230-01 no cutting plans for Monday"),
    (datetime(2040, 12, 30, 21, 20, tzinfo=PHT), "vm01.sbc", "alert", "major", "Subic VM CPU 90% 초과", "cpu_usage 92%"),
    (datetime(2040, 12, 31, 0, 5, tzinfo=PHT), "ph:nesting", "change", "info", "Nesting 2.7.5 롤백", "rollback; plans generated"),
    (kst(2040, 12, 31, 11, 0), "yard:quay", "alert", "minor", "Quay Board 응답 지연 경고", "latency 0.4 s"),
    # 4. FY Close, the year-end close across the new year, ongoing
    (kst(2040, 12, 31, 18, 0), "pg16/erp", "change", "info", "ERP DB 2041 회계연도 파티션 추가", "CHG-401231 fiscal 2041 partition"),
    (kst(2040, 12, 31, 22, 10), "erp:fy-close", "deploy", "info", "FY Close 4.1 배포", "release 4.1 new chart of accounts"),
    (kst(2040, 12, 31, 23, 10), "erp:purchasing", "change", "info", "구매 시스템 연말 발주 마감", "CHG-401231B purchase orders frozen"),
    (kst(2040, 12, 31, 23, 42), "erp:fy-close", "incident", "critical", "2040 회계연도 결산 배치 오류", "INC-410101-01 closing entries posted twice"),
    (kst(2040, 12, 31, 23, 45), "vm01.mok", "alert", "major", "ERP VM CPU 95% 초과", "cpu_usage 96%"),
    (kst(2041, 1, 1, 0, 5), "erp:purchasing", "alert", "minor", "Purchasing 오류율 증가", "error_rate 2.5%"),
]

BUILD_APPS = ["owner:portal", "plm:drawing", "mes:ndt", "yard:gate", "us:topsides", "ph:roster", "hr:portal"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2040, 12, 17)
    n = 0
    while day < kst(2040, 12, 29):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{4100 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky new-year test"))
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "thisquarter", "lastquarter", "thisyear", "lastyear", "daysago:2", "daysago:3", "weekday:fri", "weekday:sun", "weekday:mon", "last:3h", "last:1h", "last:30m", "last:15m", "last:7d", "last:14d", "last:30d", "day:2040-12-31", "day:2040-12-30", "day:2040-12-25", "day:2040-12-24", "span:2040-12-31T23:30/2041-01-01T00:20", "since:2040-12-31T23:30", "span:2040-12-30T21:00+08:00/2040-12-31T00:00+08:00", "span:2040-12-30T00:00+08:00/2040-12-31T00:00+08:00", "dayutc:2040-12-30", "dayutc:2040-12-31", "span:2040-12-31T00:00-06:00/2041-01-01T00:00-06:00", "span:2040-12-31T00:00+02:00/2041-01-01T00:00+02:00", "span:2040-12-25T14:00/2040-12-25T17:00", "day:2040-11-30", "span:2040-11-30T18:00/2040-12-01T00:00", "month:2040-11", "month:2040-12", "quarter:2040-4", "year:2040", "days:2040-12-24..2040-12-26", "days:2040-12-29..2040-12-31", "span:2040-11-04T00:00-05:00/2040-11-05T00:00-06:00", "span:2040-11-03T00:00-05:00/2040-11-04T00:00-05:00", "span:2040-11-04T01:00-05:00/2040-11-04T02:00-06:00", "dayutc:2040-11-04", "day:2040-11-04", "day:2040-11-05", "span:2040-10-28T00:00+03:00/2040-10-29T00:00+02:00", "span:2040-10-29T00:00+02:00/2040-10-30T00:00+02:00", "span:2040-10-28T22:00+02:00/2040-10-29T01:00+02:00", "dayutc:2040-10-28", "day:2040-10-28", "day:2040-10-29", "month:2040-10"):
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
