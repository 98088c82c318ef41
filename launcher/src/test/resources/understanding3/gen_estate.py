#!/usr/bin/env python3
"""Deterministic generator for the "Hangyeol University Hospital" (한결대학교병원) understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids X###, halves "dev7" / "test3") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures and the strict checks are those of
../understanding2/gen_estate.py (the "Haeon Express" set), which took them from ../understanding/;
only the estate, the clock, the names and the questions differ.  See README.md.

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line;
every question line must sit under a `# H<n> ...` persona tag).
A spec is an op followed by key=value tokens (no spaces inside a value); a bare key is a flag.
  latest  ci= m= [stale]                      newest sample at or before NOW (stale: a stopped CI on purpose)
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
HALVES = ("dev7", "test3")
ID_PREFIX = "X"
TAG_LETTER = "H"
SEED = 20261201
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2026, 12, 1, 21, 45, tzinfo=KST)          # a Tuesday evening
M_START = datetime(2026, 11, 22, 0, 0, tzinfo=KST)        # a Sunday
M_END = NOW                                                # inclusive: last sample at 21:45
STEP = timedelta(minutes=15)
H_START = datetime(2016, 9, 4, 0, 0, tzinfo=UTC)          # historical block, 5-minute samples
H_END = datetime(2016, 9, 14, 0, 0, tzinfo=UTC)           # exclusive
H_STEP = timedelta(minutes=5)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# --------------------------------------------------------------------------------------
CIS = [
    # network: <SITE>-L3-CORE
    ("SC-L3-CORE", "core-l3.seocho", "network", "running", "hg-prod", "seocho-main", "med-infra", "서초 코어 스위치|seocho core switch", "10.30.0.1", "infra"),
    ("IS-L3-CORE", "core-l3.ilsan", "network", "running", "hg-prod", "ilsan-annex", "med-infra", "일산 코어 스위치|ilsan core switch", "10.40.0.1", "infra"),
    # storage: STG/<site>/<role> (upper case with slashes)
    ("STG/SC/SAN1", "san-01.seocho", "storage", "running", "hg-prod", "seocho-main", "med-infra", "서초 메인 스토리지|main san", "10.30.0.21", "infra"),
    ("STG/SC/VNA", "vna-archive.seocho", "storage", "running", "hg-prod", "seocho-main", "pacs-team", "영상 아카이브|image archive", "10.30.0.22", "imaging"),
    ("STG/GS/BKP", "backup-vault.gasan", "storage", "running", "hg-prod", "gasan-dr", "med-infra", "가산 백업 스토리지|dr backup vault", "10.50.0.21", "infra"),
    # servers: SRV<nn>-<ROLE>
    ("SRV01-EMR", "esx-emr-01", "server", "running", "hg-prod", "seocho-main", "med-infra", "EMR 1호기|emr host one", "10.30.1.11", "infra"),
    ("SRV02-EMR", "esx-emr-02", "server", "running", "hg-prod", "seocho-main", "med-infra", "EMR 2호기|emr host two", "10.30.1.12", "infra"),
    ("SRV03-PACS", "pacs-host.seocho", "server", "running", "hg-prod", "seocho-main", "pacs-team", "영상 서버|pacs host", "10.30.1.13", "imaging"),
    ("SRV07-IS", "esx-ilsan-07", "server", "running", "hg-prod", "ilsan-annex", "med-infra", "일산 호스트|ilsan host", "10.40.1.7", "infra"),
    ("SRV08-LAB", "lab-gw-08", "server", "running", "hg-prod", "seocho-main", "lab-it", "검사장비 연동 서버|analyzer gateway box", "10.30.1.18", "lab"),
    ("SRV21-DR", "esx-dr-21", "server", "running", "hg-prod", "gasan-dr", "med-infra", "가산 DR 호스트|dr host", "10.50.1.21", "infra"),
    # vms: vm_<role> (lower case with underscores)
    ("vm_emr_a", "emr-was-a", "vm", "running", "hg-prod", "seocho-main", "emr-team", "EMR WAS|emr app vm", "10.30.11.1", "clinical"),
    ("vm_emrdb", "emr-db-vm", "vm", "running", "hg-prod", "seocho-main", "hg-dba", "EMR DB 서버|emr db vm", "10.30.11.2", "clinical"),
    ("vm_pacs_1", "pacs-vm-1", "vm", "running", "hg-prod", "seocho-main", "pacs-team", "영상 VM 1|pacs app vm", "10.30.12.1", "imaging"),
    ("vm_pacs_2", "pacs-vm-2", "vm", "running", "hg-prod", "seocho-main", "pacs-team", "영상 DB VM|pacs db vm", "10.30.12.2", "imaging"),
    ("vm_lis", "lis-vm", "vm", "running", "hg-prod", "seocho-main", "lab-it", "검사 VM|lab vm", "10.30.13.1", "lab"),
    ("vm_portal", "portal-vm", "vm", "running", "hg-prod", "seocho-main", "patient-digital", "포털 VM|portal box", "10.30.14.1", "digital"),
    ("vm_ilsan_ward", "ilsan-ward-vm", "vm", "running", "hg-prod", "ilsan-annex", "nursing-it", "일산 병동 VM|ilsan ward vm", "10.40.11.1", "clinical"),
    ("vm_test_emr", "emr-test-vm", "vm", "maintenance", "hg-test", "ilsan-annex", "emr-team", "EMR 테스트 서버|emr test box", "10.40.21.1", "clinical"),
    ("vm_edu_emr", "emr-edu-vm", "vm", "stopped", "hg-edu", "ilsan-annex", "emr-team", "EMR 교육 서버|emr training box", "10.40.22.1", "clinical"),
    ("vm_cdw", "cdw-vm", "vm", "running", "hg-prod", "gasan-dr", "hg-dba", "연구 DW VM|research vm", "10.50.11.1", "research"),
    # databases: db-<system>-<nn>
    ("db-emr-01", "emr-db-main", "database", "running", "hg-prod", "seocho-main", "hg-dba", "EMR 메인 DB|emr main database", "10.30.11.21", "clinical"),
    ("db-emr-02", "emr-db-standby", "database", "running", "hg-prod", "gasan-dr", "hg-dba", "EMR 대기 DB|standby database", "10.50.1.22", "clinical"),
    ("db-pacs-01", "pacs-index-db", "database", "running", "hg-prod", "seocho-main", "pacs-team", "영상 DB|pacs database", "10.30.12.21", "imaging"),
    ("db-lis-01", "lis.db", "database", "running", "hg-prod", "seocho-main", "lab-it", "검사 DB|lab database", "10.30.13.21", "lab"),
    ("db-cdw-01", "임상연구 DW", "database", "maintenance", "hg-prod", "gasan-dr", "hg-dba", "CDW|research warehouse", "10.50.11.21", "research"),
    # apps: hgh.<system>.<part> (lower case, dotted)
    ("hgh.emr.app", "전자의무기록", "app", "running", "hg-prod", "seocho-main", "emr-team", "EMR 애플리케이션|emr application", "10.30.11.11", "clinical"),
    ("hgh.ocs.order", "OCS Order Entry", "app", "running", "hg-prod", "seocho-main", "emr-team", "처방전달|order entry", "10.30.11.12", "clinical"),
    ("hgh.his.billing", "원무 수납", "app", "running", "hg-prod", "seocho-main", "rcm-team", "수납 시스템|billing", "10.30.11.13", "admin"),
    ("hgh.pacs.core", "영상저장", "app", "running", "hg-prod", "seocho-main", "pacs-team", "PACS 코어|image store", "10.30.12.11", "imaging"),
    ("hgh.pacs.viewer", "Image Viewer", "app", "running", "hg-prod", "seocho-main", "pacs-team", "영상 뷰어|web viewer", "10.30.12.12", "imaging"),
    ("hgh.lis.app", "lis-core", "app", "running", "hg-prod", "seocho-main", "lab-it", "진단검사 시스템|lab system", "10.30.13.11", "lab"),
    ("hgh.lis.ifc", "analyzer-bridge", "app", "running", "hg-prod", "seocho-main", "lab-it", "검사장비 인터페이스|instrument interface", "10.30.1.19", "lab"),
    ("hgh.alert.cds", "cds-alert", "app", "error", "hg-prod", "seocho-main", "emr-team", "임상 알림|critical value alert", "10.30.13.12", "clinical"),
    ("hgh.portal.web", "Patient Portal", "app", "running", "hg-prod", "seocho-main", "patient-digital", "환자 포털|patient web", "10.30.14.11", "digital"),
    ("hgh.appt.api", "appointment-api", "app", "running", "hg-prod", "seocho-main", "patient-digital", "진료예약|booking api", "10.30.14.12", "digital"),
    ("hgh.nursing", "ward-nursing", "app", "running", "hg-prod", "ilsan-annex", "nursing-it", "간호기록|nursing notes", "10.40.11.11", "clinical"),
    # load balancers: l4-<side>-a
    ("l4-ext-a", "ext-l4.seocho", "load_balancer", "running", "hg-prod", "seocho-main", "med-infra", "대외 로드밸런서|internet-facing lb", "10.30.0.80", "infra"),
    ("l4-int-a", "int-l4.seocho", "load_balancer", "running", "hg-prod", "seocho-main", "med-infra", "원내 로드밸런서|in-hospital lb", "10.30.0.81", "infra"),
    # services: HGS/<CamelCase>
    ("HGS/Outpatient", "외래 진료", "service", "running", "hg-prod", "seocho-main", "emr-team", "외래|outpatient care", "", "clinical"),
    ("HGS/Imaging", "Radiology Imaging", "service", "running", "hg-prod", "seocho-main", "pacs-team", "영상의학 서비스|radiology", "", "imaging"),
    ("HGS/LabResult", "검사결과 조회", "service", "running", "hg-prod", "seocho-main", "lab-it", "검사결과|lab results", "", "lab"),
    ("HGS/Ward-IS", "일산 병동 운영", "service", "running", "hg-prod", "ilsan-annex", "nursing-it", "ilsan wards", "", "clinical"),
    ("HGS/Booking", "Online Booking", "service", "running", "hg-prod", "seocho-main", "patient-digital", "온라인 예약|web booking", "", "digital"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network / storage (the Gasan DR site has no network CI)
    ("SRV01-EMR", "CONNECTS_TO", "SC-L3-CORE"),
    ("SRV02-EMR", "CONNECTS_TO", "SC-L3-CORE"),
    ("SRV03-PACS", "CONNECTS_TO", "SC-L3-CORE"),
    ("SRV08-LAB", "CONNECTS_TO", "SC-L3-CORE"),
    ("SRV07-IS", "CONNECTS_TO", "IS-L3-CORE"),
    ("STG/SC/SAN1", "CONNECTS_TO", "SC-L3-CORE"),
    ("STG/SC/VNA", "CONNECTS_TO", "SC-L3-CORE"),
    # hosts -> vms (SRV01-EMR and SRV21-DR: HOSTS only, SRV02-EMR and SRV03-PACS: RUNS_ON only, SRV07-IS: both)
    ("SRV01-EMR", "HOSTS", "vm_emr_a"),
    ("SRV01-EMR", "HOSTS", "vm_portal"),
    ("vm_emrdb", "RUNS_ON", "SRV02-EMR"),
    ("vm_lis", "RUNS_ON", "SRV02-EMR"),
    ("vm_pacs_1", "RUNS_ON", "SRV03-PACS"),
    ("vm_pacs_2", "RUNS_ON", "SRV03-PACS"),
    ("SRV07-IS", "HOSTS", "vm_ilsan_ward"),
    ("SRV07-IS", "HOSTS", "vm_test_emr"),
    ("SRV07-IS", "HOSTS", "vm_edu_emr"),
    ("vm_ilsan_ward", "RUNS_ON", "SRV07-IS"),
    ("vm_test_emr", "RUNS_ON", "SRV07-IS"),
    ("vm_edu_emr", "RUNS_ON", "SRV07-IS"),
    ("SRV21-DR", "HOSTS", "vm_cdw"),
    # databases (the EMR standby runs on the DR server itself)
    ("db-emr-01", "RUNS_ON", "vm_emrdb"),
    ("db-emr-02", "RUNS_ON", "SRV21-DR"),
    ("db-pacs-01", "RUNS_ON", "vm_pacs_2"),
    ("db-lis-01", "RUNS_ON", "vm_lis"),
    ("db-cdw-01", "RUNS_ON", "vm_cdw"),
    ("db-emr-01", "DEPENDS_ON", "STG/SC/SAN1"),
    ("db-lis-01", "DEPENDS_ON", "STG/SC/SAN1"),
    ("db-pacs-01", "DEPENDS_ON", "STG/SC/VNA"),
    ("db-cdw-01", "DEPENDS_ON", "STG/GS/BKP"),
    ("db-emr-02", "DEPENDS_ON", "db-emr-01"),
    ("db-cdw-01", "DEPENDS_ON", "db-emr-02"),
    # apps on vms / bare metal
    ("hgh.emr.app", "RUNS_ON", "vm_emr_a"),
    ("hgh.ocs.order", "RUNS_ON", "vm_emr_a"),
    ("hgh.his.billing", "RUNS_ON", "vm_emr_a"),
    ("hgh.pacs.core", "RUNS_ON", "vm_pacs_1"),
    ("hgh.pacs.viewer", "RUNS_ON", "vm_pacs_1"),
    ("hgh.lis.app", "RUNS_ON", "vm_lis"),
    ("hgh.alert.cds", "RUNS_ON", "vm_lis"),
    ("hgh.lis.ifc", "RUNS_ON", "SRV08-LAB"),
    ("hgh.portal.web", "RUNS_ON", "vm_portal"),
    ("hgh.appt.api", "RUNS_ON", "vm_portal"),
    ("hgh.nursing", "RUNS_ON", "vm_ilsan_ward"),
    # app dependencies
    ("hgh.emr.app", "DEPENDS_ON", "db-emr-01"),
    ("hgh.emr.app", "DEPENDS_ON", "hgh.lis.app"),
    ("hgh.ocs.order", "DEPENDS_ON", "hgh.emr.app"),
    ("hgh.ocs.order", "DEPENDS_ON", "hgh.pacs.core"),
    ("hgh.his.billing", "DEPENDS_ON", "db-emr-01"),
    ("hgh.his.billing", "DEPENDS_ON", "hgh.ocs.order"),
    ("hgh.pacs.core", "DEPENDS_ON", "db-pacs-01"),
    ("hgh.pacs.core", "DEPENDS_ON", "STG/SC/VNA"),
    ("hgh.pacs.viewer", "DEPENDS_ON", "hgh.pacs.core"),
    ("hgh.lis.app", "DEPENDS_ON", "db-lis-01"),
    ("hgh.lis.ifc", "DEPENDS_ON", "hgh.lis.app"),
    ("hgh.alert.cds", "DEPENDS_ON", "hgh.lis.app"),
    ("hgh.alert.cds", "DEPENDS_ON", "hgh.emr.app"),
    ("hgh.portal.web", "DEPENDS_ON", "hgh.appt.api"),
    ("hgh.appt.api", "DEPENDS_ON", "db-emr-01"),
    ("hgh.nursing", "DEPENDS_ON", "hgh.emr.app"),
    # load balancers
    ("l4-ext-a", "CONNECTS_TO", "hgh.portal.web"),
    ("l4-ext-a", "CONNECTS_TO", "hgh.appt.api"),
    ("l4-int-a", "CONNECTS_TO", "hgh.emr.app"),
    ("l4-int-a", "CONNECTS_TO", "hgh.ocs.order"),
    ("l4-int-a", "CONNECTS_TO", "hgh.pacs.viewer"),
    ("l4-int-a", "CONNECTS_TO", "hgh.lis.app"),
    # services
    ("HGS/Outpatient", "DEPENDS_ON", "l4-int-a"),
    ("HGS/Outpatient", "DEPENDS_ON", "hgh.emr.app"),
    ("HGS/Outpatient", "DEPENDS_ON", "hgh.ocs.order"),
    ("HGS/Outpatient", "DEPENDS_ON", "hgh.his.billing"),
    ("HGS/Imaging", "DEPENDS_ON", "hgh.pacs.viewer"),
    ("HGS/Imaging", "DEPENDS_ON", "hgh.pacs.core"),
    ("HGS/LabResult", "DEPENDS_ON", "hgh.lis.app"),
    ("HGS/LabResult", "DEPENDS_ON", "hgh.lis.ifc"),
    ("HGS/LabResult", "DEPENDS_ON", "hgh.alert.cds"),
    ("HGS/Ward-IS", "DEPENDS_ON", "hgh.nursing"),
    ("HGS/Ward-IS", "DEPENDS_ON", "hgh.ocs.order"),
    ("HGS/Booking", "DEPENDS_ON", "l4-ext-a"),
    ("HGS/Booking", "DEPENDS_ON", "hgh.portal.web"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: clinic (outpatient hours, peaks 10:30 and 14:30, Monday busiest, Saturday morning only,
#           quiet on Sunday), ward (24/7 with nursing shift handovers at 07, 15 and 23), dawn (inpatient
#           blood draws and analyzer runs around 06:30), night (ETL / backup wave around 02:00),
#           eve (patients booking from home, peak 21:00, higher on Sunday), flat
METRIC_PLAN = {
    "SRV01-EMR": {"cpu_usage": (44, 0.50, 2.5, "clinic"), "mem_usage": (71, 0.05, 1.2, "clinic"), "disk_usage": (38, 0, 0.2, "flat")},
    "SRV02-EMR": {"cpu_usage": (52, 0.45, 2.5, "clinic"), "mem_usage": (79, 0.04, 1.0, "clinic"), "disk_usage": (47, 0, 0.2, "flat")},
    "SRV03-PACS": {"cpu_usage": (39, 0.55, 2.5, "clinic"), "mem_usage": (63, 0.05, 1.2, "clinic"), "disk_usage": (58, 0, 0.2, "flat")},
    "SRV07-IS": {"cpu_usage": (29, 0.40, 2.0, "ward"), "mem_usage": (55, 0.04, 1.0, "ward"), "disk_usage": (66, 0, 0.2, "flat")},
    "SRV08-LAB": {"cpu_usage": (19, 1.60, 2.0, "dawn"), "mem_usage": (42, 0.20, 1.0, "dawn"), "disk_usage": (33, 0, 0.2, "flat")},
    "SRV21-DR": {"cpu_usage": (24, 0.90, 2.0, "night"), "mem_usage": (57, 0.05, 1.0, "night"), "disk_usage": (71, 0, 0.2, "flat")},
    "vm_emr_a": {"cpu_usage": (48, 0.60, 2.5, "clinic"), "mem_usage": (66, 0.06, 1.2, "clinic"), "disk_usage": (35, 0, 0.2, "flat")},
    "vm_emrdb": {"cpu_usage": (55, 0.45, 2.5, "clinic"), "mem_usage": (84, 0.02, 0.7, "flat"), "disk_usage": (52, 0, 0.2, "flat")},
    "vm_pacs_1": {"cpu_usage": (41, 0.60, 2.5, "clinic"), "mem_usage": (60, 0.05, 1.2, "clinic"), "disk_usage": (44, 0, 0.2, "flat")},
    "vm_pacs_2": {"cpu_usage": (36, 0.50, 2.2, "clinic"), "mem_usage": (74, 0.03, 0.8, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "vm_lis": {"cpu_usage": (33, 0.90, 2.2, "dawn"), "mem_usage": (58, 0.05, 1.0, "dawn"), "disk_usage": (40, 0, 0.2, "flat")},
    "vm_portal": {"cpu_usage": (26, 0.80, 2.0, "eve"), "mem_usage": (51, 0.02, 0.8, "flat"), "disk_usage": (30, 0, 0.2, "flat")},
    "vm_ilsan_ward": {"cpu_usage": (31, 0.50, 2.0, "ward"), "mem_usage": (62, 0.05, 1.0, "ward"), "disk_usage": (49, 0, 0.2, "flat")},
    "vm_test_emr": {"cpu_usage": (9, 0.30, 1.2, "clinic"), "mem_usage": (34, 0.03, 1.0, "flat"), "disk_usage": (22, 0, 0.2, "flat")},
    "vm_edu_emr": {"cpu_usage": (7, 0.40, 1.0, "clinic"), "mem_usage": (29, 0.03, 1.0, "flat"), "disk_usage": (18, 0, 0.2, "flat")},
    "vm_cdw": {"cpu_usage": (21, 2.00, 2.0, "night"), "mem_usage": (64, 0.10, 1.0, "night"), "disk_usage": (77, 0, 0.2, "flat")},
    "db-emr-01": {"cpu_usage": (47, 0.50, 2.5, "clinic"), "mem_usage": (88, 0.02, 0.6, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "db-emr-02": {"cpu_usage": (18, 0.30, 1.5, "clinic"), "mem_usage": (71, 0.03, 0.8, "flat"), "disk_usage": (60, 0, 0.2, "flat")},
    "db-pacs-01": {"cpu_usage": (34, 0.50, 2.2, "clinic"), "mem_usage": (69, 0.03, 0.8, "flat"), "disk_usage": (57, 0, 0.2, "flat")},
    "db-lis-01": {"cpu_usage": (29, 0.90, 2.0, "dawn"), "mem_usage": (76, 0.03, 0.8, "flat"), "disk_usage": (46, 0, 0.2, "flat")},
    "db-cdw-01": {"cpu_usage": (16, 2.60, 2.0, "night"), "mem_usage": (67, 0.08, 1.0, "night"), "disk_usage": (84, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "hgh.emr.app": {"cpu_usage": (42, 0.60, 2.5, "clinic"), "latency_ms": (180, 0.40, 8.0, "clinic"), "error_rate": (0.35, 0.3, 0.06, "clinic")},
    "hgh.ocs.order": {"cpu_usage": (30, 0.60, 2.0, "clinic"), "latency_ms": (140, 0.35, 6.0, "clinic"), "error_rate": (0.25, 0.3, 0.05, "clinic")},
    "hgh.his.billing": {"cpu_usage": (22, 0.70, 1.8, "clinic"), "latency_ms": (310, 0.30, 12.0, "clinic"), "error_rate": (0.50, 0.3, 0.07, "clinic")},
    "hgh.pacs.core": {"cpu_usage": (37, 0.60, 2.2, "clinic"), "latency_ms": (420, 0.35, 18.0, "clinic"), "error_rate": (0.30, 0.3, 0.05, "clinic")},
    "hgh.pacs.viewer": {"cpu_usage": (24, 0.60, 2.0, "clinic"), "latency_ms": (260, 0.30, 10.0, "clinic"), "error_rate": (0.45, 0.3, 0.06, "clinic")},
    "hgh.lis.app": {"cpu_usage": (27, 0.90, 2.0, "dawn"), "latency_ms": (95, 0.35, 5.0, "dawn"), "error_rate": (0.20, 0.3, 0.04, "dawn")},
    "hgh.lis.ifc": {"cpu_usage": (12, 1.50, 1.5, "dawn"), "latency_ms": (55, 0.30, 3.0, "dawn"), "error_rate": (0.60, 0.2, 0.10, "dawn")},
    "hgh.alert.cds": {"cpu_usage": (15, 0.50, 1.5, "ward"), "latency_ms": (75, 0.30, 4.0, "ward"), "error_rate": (1.10, 0.2, 0.15, "ward")},
    "hgh.portal.web": {"cpu_usage": (20, 0.90, 2.0, "eve"), "latency_ms": (230, 0.30, 10.0, "eve"), "error_rate": (0.40, 0.3, 0.06, "eve")},
    "hgh.appt.api": {"cpu_usage": (17, 0.80, 1.8, "eve"), "latency_ms": (120, 0.30, 6.0, "eve"), "error_rate": (0.30, 0.3, 0.05, "eve")},
    "hgh.nursing": {"cpu_usage": (25, 0.50, 2.0, "ward"), "latency_ms": (210, 0.30, 9.0, "ward"), "error_rate": (0.30, 0.3, 0.05, "ward")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "vm_edu_emr": datetime(2026, 11, 27, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}
HIST_CIS = ["SRV03-PACS", "db-pacs-01", "vm_cdw"]


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
    if kind == "clinic":
        p = math.exp(-((h - 10.5) / 1.7) ** 2) + 0.85 * math.exp(-((h - 14.5) / 1.9) ** 2)
        if wd == 0:
            return p * 1.15
        if wd < 5:
            return p
        if wd == 5:
            return p * (0.55 if h < 13.5 else 0.1)
        return p * 0.08
    if kind == "ward":
        return 0.35 + 0.65 * max(math.exp(-(circ(h, c) / 1.0) ** 2) for c in (7.0, 15.0, 23.0))
    if kind == "dawn":
        p = math.exp(-((h - 6.5) / 1.5) ** 2)
        return p * (0.8 if wd >= 5 else 1.0)
    if kind == "night":
        return math.exp(-(circ(h, 2.0) / 1.4) ** 2)
    if kind == "eve":
        p = math.exp(-(circ(h, 21.0) / 3.5) ** 2)
        return p * (1.25 if wd == 6 else 1.0)
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
    # 1. analyzer interface outage, Mon 11-23 07:30-09:10 (after OS patch 05:30 and deploy 06:40)
    if within(ts, kst(2026, 11, 23, 7, 30), kst(2026, 11, 23, 9, 10)):
        if code == "hgh.lis.ifc" and metric == "error_rate":
            v = 22.0 + rng.gauss(0, 1.5)
        if code == "hgh.lis.ifc" and metric == "latency_ms":
            v *= 4.0
        if code == "hgh.lis.app" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 2. PACS slowness, Wed 11-25 10:00-12:30 (after VNA firmware 06:00 and stats job 08:20)
    if within(ts, kst(2026, 11, 25, 10), kst(2026, 11, 25, 12, 30)):
        if code == "hgh.pacs.core" and metric == "latency_ms":
            v *= 3.5
        if code == "hgh.pacs.core" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.3)
        if code == "hgh.pacs.viewer" and metric == "latency_ms":
            v += 700 + rng.gauss(0, 40)
    if code == "db-pacs-01" and metric == "cpu_usage" and within(ts, kst(2026, 11, 25, 9, 45), kst(2026, 11, 25, 12, 30)):
        v = 92 + rng.gauss(0, 1.5)
    # 3. EMR slowness at the outpatient peak, Thu 11-26 09:00-11:00 (after stats refresh 05:10, deploy 06:30)
    if within(ts, kst(2026, 11, 26, 9), kst(2026, 11, 26, 11)):
        if code == "hgh.emr.app" and metric == "latency_ms":
            v = 2400 + rng.gauss(0, 120)
        if code == "hgh.emr.app" and metric == "error_rate":
            v = 4.0 + rng.gauss(0, 0.3)
        if code == "hgh.ocs.order" and metric == "latency_ms":
            v += 300 + rng.gauss(0, 20)
        if code == "hgh.nursing" and metric == "latency_ms":
            v += 250 + rng.gauss(0, 20)
    if code == "db-emr-01" and metric == "cpu_usage" and within(ts, kst(2026, 11, 26, 8, 45), kst(2026, 11, 26, 11)):
        v = 94 + rng.gauss(0, 1.2)
    # 4. memory leak on portal-vm 11-26 00:00 -> 11-29 20:00, restart at 20:15
    if code == "vm_portal" and metric == "mem_usage":
        if ts < kst(2026, 11, 29, 20, 15):
            v += 45.0 * ramp(ts, kst(2026, 11, 26), kst(2026, 11, 29, 20))
        else:
            v -= 6.0
    if within(ts, kst(2026, 11, 29, 12), kst(2026, 11, 29, 20, 15)):
        if code == "hgh.portal.web" and metric == "latency_ms":
            v *= 2.2
        if code == "hgh.portal.web" and metric == "error_rate":
            v += 3.0
    # 5. CDW ETL overrun, Sun 11-29 01:00-05:30 (after the ETL scope change 11-28 22:30)
    if within(ts, kst(2026, 11, 29, 1), kst(2026, 11, 29, 5, 30)):
        if code == "vm_cdw" and metric == "cpu_usage":
            v = 97 + rng.gauss(0, 0.8)
        if code == "db-cdw-01" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 1.5)
        if code == "SRV21-DR" and metric == "cpu_usage":
            v += 18
    # 6. disk growth on pacs-index-db (new studies indexed)
    if code == "db-pacs-01" and metric == "disk_usage":
        v += 34.0 * ramp(ts, M_START, M_END)
    if code == "vm_cdw" and metric == "disk_usage":
        v += 4.0 * ramp(ts, M_START, M_END)
    # 7. clinical alert errors since Mon 11-30 14:00 (after config change 11:40 and rules deploy 12:10), ongoing
    if code == "hgh.alert.cds" and ts >= kst(2026, 11, 30, 14):
        if metric == "error_rate":
            v += 8.0 + rng.gauss(0, 0.5)
        if metric == "latency_ms":
            v *= 1.6
    # 8. Ilsan ward nursing slowness tonight, Tue 12-01 19:00-20:30 (after switch QoS change 17:30, deploy 18:10)
    if within(ts, kst(2026, 12, 1, 19), kst(2026, 12, 1, 20, 30)):
        if code == "hgh.nursing" and metric == "latency_ms":
            v = 3200 + rng.gauss(0, 150)
        if code == "hgh.nursing" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.5)
        if code == "vm_ilsan_ward" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 1.5)
    return v


def gen_metrics(rng):
    rows = []  # (ts, code, metric, value)
    t = M_START
    times = []
    while t <= M_END:
        times.append(t)
        t += STEP
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
    for code, base, sd in (("SRV03-PACS", 38.0, 4.0), ("db-pacs-01", 22.0, 3.0), ("vm_cdw", 13.0, 1.5)):
        t = H_START
        level = base
        while t < H_END:
            level += rng.gauss(0, sd * 0.15) + 0.02 * (base - level)
            h = t.hour + t.minute / 60.0            # UTC hour
            v = level + base * 0.25 * math.sin((h - 23) / 24 * 2 * math.pi) + rng.gauss(0, sd)
            if code == "SRV03-PACS" and datetime(2016, 9, 6, 5, tzinfo=UTC) <= t < datetime(2016, 9, 6, 8, tzinfo=UTC):
                v = 92 + rng.gauss(0, 2.0)
            if code == "db-pacs-01" and datetime(2016, 9, 10, 17, tzinfo=UTC) <= t < datetime(2016, 9, 10, 20, tzinfo=UTC):
                v = 79 + rng.gauss(0, 3)
            if code == "vm_cdw" and rng.random() < 0.01:
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
    (kst(2026, 10, 8, 22, 0), "db-emr-01", "change", "info", "emr-db-main 분기 패치 (Oracle 19.24)", "CHG-6610 quarterly patch, 20 min failover to standby"),
    (kst(2026, 10, 17, 3, 40), "STG/GS/BKP", "alert", "major", "backup-vault.gasan controller B failover", "controller B took over after a path loss"),
    (kst(2026, 10, 28, 20, 0), "hgh.portal.web", "deploy", "info", "Patient Portal 3.0 release (mobile check-in)", "release 3.0.0"),
    # before the window
    (kst(2026, 11, 21, 2, 0), "STG/SC/SAN1", "change", "info", "san-01.seocho controller firmware 7.1", "CHG-6702 non-disruptive upgrade"),
    (kst(2026, 11, 22, 10, 0), "hgh.appt.api", "alert", "minor", "appointment-api Sunday booking surge", "requests 2.4x baseline"),
    # 1. analyzer interface outage Mon 11-23
    (kst(2026, 11, 23, 5, 30), "SRV08-LAB", "change", "info", "lab-gw-08 OS 보안 패치 적용", "CHG-6715 monthly OS security patch, reboot"),
    (kst(2026, 11, 23, 6, 40), "hgh.lis.ifc", "deploy", "info", "analyzer-bridge 2.3.0 deploy (HL7 parser)", "release 2.3.0"),
    (kst(2026, 11, 23, 7, 42), "hgh.lis.ifc", "alert", "major", "analyzer-bridge HL7 ACK timeout", "ACK timeouts from 14 analyzers"),
    (kst(2026, 11, 23, 7, 50), "hgh.lis.ifc", "incident", "critical", "검사장비 결과 전송 중단 (HL7 수신 실패)", "INC-HG-4123 analyzer results not reaching lis-core"),
    (kst(2026, 11, 23, 9, 10), "hgh.lis.ifc", "change", "info", "analyzer-bridge 2.2.7 롤백", "rollback, results re-sent"),
    (kst(2026, 11, 24, 14, 0), "l4-ext-a", "change", "info", "ext-l4.seocho TLS 인증서 갱신", "CHG-6721 certificate renewal"),
    (kst(2026, 11, 24, 22, 20), "SRV07-IS", "alert", "minor", "esx-ilsan-07 fan 3 failure", "fan module 3 replaced next morning"),
    # 2. PACS slowness Wed 11-25
    (kst(2026, 11, 25, 6, 0), "STG/SC/VNA", "change", "info", "vna-archive 펌웨어 9.2 업그레이드", "CHG-6730 archive firmware upgrade"),
    (kst(2026, 11, 25, 8, 20), "db-pacs-01", "change", "info", "pacs-index-db 통계정보 재수집 작업 등록", "CHG-6731 statistics gathering job at business hours"),
    (kst(2026, 11, 25, 9, 55), "db-pacs-01", "alert", "major", "pacs-index-db CPU over 90%", "cpu_usage 92%"),
    (kst(2026, 11, 25, 10, 15), "hgh.pacs.core", "incident", "critical", "영상 조회 지연 (PACS 응답 지연)", "INC-HG-4131 studies take 10 s to open"),
    (kst(2026, 11, 25, 10, 40), "hgh.pacs.viewer", "alert", "minor", "Image Viewer slow thumbnails", "upstream 영상저장"),
    (kst(2026, 11, 25, 12, 40), "db-pacs-01", "change", "info", "pacs-index-db 통계 작업 중지", "CHG-6733 job moved to 02:00"),
    # 3. EMR slowness Thu 11-26
    (kst(2026, 11, 26, 5, 10), "db-emr-01", "change", "info", "emr-db-main 옵티마이저 통계 갱신", "CHG-6740 optimizer statistics refresh"),
    (kst(2026, 11, 26, 6, 30), "hgh.emr.app", "deploy", "info", "전자의무기록 8.4.0 배포 (외래 처방 화면 개편)", "release 8.4.0"),
    (kst(2026, 11, 26, 8, 58), "db-emr-01", "alert", "major", "emr-db-main CPU over 90%", "cpu_usage 94%"),
    (kst(2026, 11, 26, 9, 12), "hgh.emr.app", "incident", "critical", "EMR 화면 응답 지연 (외래 진료 지연)", "INC-HG-4140 outpatient charts take 2-3 s"),
    (kst(2026, 11, 26, 9, 30), "hgh.ocs.order", "alert", "minor", "OCS Order Entry slow order save", "upstream 전자의무기록"),
    (kst(2026, 11, 26, 11, 5), "hgh.emr.app", "change", "info", "전자의무기록 8.3.2 롤백", "rollback; latency recovered"),
    (kst(2026, 11, 27, 11, 0), "hgh.his.billing", "deploy", "info", "원무 수납 6.2.0 배포 (실손보험 간편청구)", "release 6.2.0"),
    # training environment switched off
    (kst(2026, 11, 27, 17, 50), "vm_edu_emr", "change", "info", "emr-edu-vm 전원 종료 (신규 간호사 교육 종료)", "CHG-6748 powered off"),
    (kst(2026, 11, 28, 9, 0), "vm_test_emr", "change", "info", "emr-test-vm 재구축 시작 (점검 모드)", "CHG-6750 rebuild for 8.5 test cycle"),
    # 4. portal-vm memory leak
    (kst(2026, 11, 28, 21, 40), "vm_portal", "alert", "minor", "portal-vm memory above 85%", "mem_usage 85%"),
    (kst(2026, 11, 29, 18, 30), "vm_portal", "alert", "major", "portal-vm memory above 95%", "mem_usage 95%"),
    (kst(2026, 11, 29, 19, 10), "hgh.portal.web", "incident", "major", "환자 포털 로그인 지연 (메모리 부족)", "INC-HG-4152 portal logins time out"),
    (kst(2026, 11, 29, 19, 30), "HGS/Booking", "change", "info", "온라인 예약 지연 안내 공지 게시", "public notice"),
    (kst(2026, 11, 29, 20, 15), "vm_portal", "change", "info", "portal-vm 재기동 (메모리 회수)", "CHG-6756 restart"),
    # 5. CDW ETL overrun Sun 11-29
    (kst(2026, 11, 28, 22, 30), "db-cdw-01", "change", "info", "CDW ETL 적재 범위 확대 (전체 재적재)", "CHG-6753 full reload of 2025 encounters"),
    (kst(2026, 11, 29, 1, 25), "vm_cdw", "alert", "major", "cdw-vm CPU over 95%", "cpu_usage 97%"),
    (kst(2026, 11, 29, 1, 40), "db-cdw-01", "incident", "major", "CDW 야간 적재 지연", "INC-HG-4150 nightly load 4 h late"),
    (kst(2026, 11, 30, 8, 0), "db-cdw-01", "change", "info", "임상연구 DW 점검 모드 전환 (재적재)", "CHG-6760 maintenance mode for reload"),
    # 6. pacs-index-db disk growth
    (kst(2026, 11, 28, 17, 0), "db-pacs-01", "alert", "minor", "pacs-index-db disk above 80%", "disk_usage 80%"),
    (kst(2026, 12, 1, 14, 45), "db-pacs-01", "alert", "major", "pacs-index-db disk above 90%", "disk_usage 90%"),
    # Monday
    (kst(2026, 11, 30, 7, 20), "hgh.appt.api", "alert", "minor", "appointment-api 예약 오픈 트래픽 급증", "Monday booking opening, 3x baseline"),
    # 7. clinical alert errors Mon 11-30 (ongoing)
    (kst(2026, 11, 30, 11, 40), "hgh.alert.cds", "change", "info", "cds-alert 알림 수신 그룹 변경", "CHG-6762 new on-call groups for critical values"),
    (kst(2026, 11, 30, 12, 10), "hgh.alert.cds", "deploy", "info", "cds-alert rules 2026.11b deploy", "release rules-2026.11b"),
    (kst(2026, 11, 30, 14, 5), "hgh.alert.cds", "alert", "major", "cds-alert delivery failures above 5%", "error_rate 9%"),
    (kst(2026, 11, 30, 14, 20), "hgh.alert.cds", "incident", "critical", "검사 이상치 알림 누락 (CDS)", "INC-HG-4160 critical lab values not paged"),
    (kst(2026, 12, 1, 9, 30), "hgh.alert.cds", "alert", "major", "cds-alert still failing after restart", "error_rate 9%, vendor ticket opened"),
    # Tuesday
    (kst(2026, 12, 1, 15, 0), "l4-int-a", "change", "info", "int-l4.seocho 세션 타임아웃 변경", "CHG-6771 idle timeout 30 -> 60 min"),
    # 8. Ilsan ward nursing tonight Tue 12-01
    (kst(2026, 12, 1, 17, 30), "IS-L3-CORE", "change", "info", "core-l3.ilsan QoS 정책 변경", "CHG-6774 QoS policy for the new nurse-call VLAN"),
    (kst(2026, 12, 1, 18, 10), "hgh.nursing", "deploy", "info", "ward-nursing 5.1.0 deploy (handover screen)", "release 5.1.0"),
    (kst(2026, 12, 1, 19, 2), "vm_ilsan_ward", "alert", "major", "ilsan-ward-vm CPU over 85%", "cpu_usage 88%"),
    (kst(2026, 12, 1, 19, 5), "hgh.nursing", "incident", "critical", "일산 병동 간호기록 저장 지연", "INC-HG-4171 evening handover notes not saving"),
    (kst(2026, 12, 1, 20, 35), "hgh.nursing", "change", "info", "ward-nursing 5.0.4 롤백", "rollback, saves recovered"),
]

BUILD_APPS = ["hgh.emr.app", "hgh.ocs.order", "hgh.his.billing", "hgh.pacs.core", "hgh.lis.app", "hgh.portal.web",
              "hgh.appt.api", "hgh.nursing"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines
    day = kst(2026, 11, 22)
    n = 0
    while day < kst(2026, 12, 2):
        for code in BUILD_APPS:
            if rng.random() < 0.35:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{500 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky ui test"))
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
CAT_OPS = {"latest": {"latest"}, "agg_relative": {"agg"}, "agg_absolute": {"agg"}, "trend": {"trend"},
           "topn": {"top", "bottom"}, "threshold": {"thr"}, "compare": {"cmp"}, "count": {"count"},
           "list": {"list"}, "infra": {"hosted", "hostof", "impact"}, "impact": {"impact"},
           "dependencies": {"deps"}, "calls": {"calls", "callers"}, "path": {"path"}, "events": {"ev"},
           "change_before": {"chg"}, "attribute": {"attr"}, "reject": {"reject"}, "clarify": {"clarify"}}
RELATIVE_R = ("last:", "today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth")
NEAR_DUP = 0.85


def load_src(name=SRC, tag_letter=TAG_LETTER):
    """Rows (line, lang, category, spec, question, persona) from the hand-written source; a persona
    tag is a comment `# <tag_letter><n> ...` (H for questions_src.txt)."""
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
        for r in ("today", "yesterday", "day:2026-11-29", "last:24h", "thisweek", "lastweek", "lastmonth", "day:2026-11-26", "day:2026-11-25", "last:7d"):
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
