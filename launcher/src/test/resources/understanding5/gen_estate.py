#!/usr/bin/env python3
"""Deterministic generator for the "Hanbit University" (한빛대학교) campus-IT understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids Z###, halves "dev9" / "test5") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures and the strict checks are those of
../understanding4/gen_estate.py (the "Dalbit Games" set); only the estate, the clock, the sampling
(hourly before 2026-11-23, every 20 minutes from then on, plus a 10-minute block for the August 2026
course registration week and a 5-minute UTC block in March 2023), the names and the questions differ.
See README.md.

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line;
every question line must sit under a `# C<n> ...` persona tag).
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
HALVES = ("dev9", "test5")
ID_PREFIX = "Z"
TAG_LETTER = "C"
SEED = 20261203
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2026, 12, 3, 9, 40, tzinfo=KST)            # a Thursday morning, 09:40
M_START = datetime(2026, 11, 1, 0, 0, tzinfo=KST)         # a Sunday; hourly samples (a rollup) ...
FINE_START = datetime(2026, 11, 23, 0, 0, tzinfo=KST)     # ... then every 20 minutes from this Monday
M_END = NOW                                                # inclusive: last sample at 09:40
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=20)
A_START = datetime(2026, 8, 10, 0, 0, tzinfo=KST)         # August course registration week, 10-minute samples
A_END = datetime(2026, 8, 15, 0, 0, tzinfo=KST)           # exclusive (Mon 08-10 .. Fri 08-14)
A_STEP = timedelta(minutes=10)
H_START = datetime(2023, 3, 1, 0, 0, tzinfo=UTC)          # historical block, 5-minute samples (UTC)
H_END = datetime(2023, 3, 8, 0, 0, tzinfo=UTC)            # exclusive
H_STEP = timedelta(minutes=5)

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites: jeongbo-center (정보전산원 전산실), library-annex (중앙도서관 별관), eng-hall-7 (공학관 7호관 HPC실)
# --------------------------------------------------------------------------------------
CIS = [
    # network: NW_<SITE>_<nn> (upper case, underscores)
    ("NW_JB_01", "core-sw jeongbo", "network", "running", "campus-prod", "jeongbo-center", "campus-network", "전산원 코어 스위치|campus core switch", "10.88.0.1", "core"),
    ("NW_EH7_01", "IB fabric eh7", "network", "running", "campus-prod", "eng-hall-7", "research-computing", "HPC 인피니밴드 스위치|hpc fabric switch", "10.89.0.1", "research"),
    ("NW_WIFI_01", "WLC-A bongwan", "network", "running", "campus-prod", "jeongbo-center", "campus-network", "본관 무선 컨트롤러|main hall wifi controller", "10.88.0.21", "core"),
    ("NW_WIFI_02", "WLC-B 기숙사", "network", "running", "campus-prod", "jeongbo-center", "campus-network", "기숙사 무선 컨트롤러|dorm wifi controller", "10.88.0.22", "core"),
    # storage: stg_<kind>_<nnnn> (lower case, underscores, a four-digit suffix)
    ("stg_san_1001", "SAN Array 1", "storage", "running", "campus-prod", "jeongbo-center", "dba-campus", "메인 스토리지|primary san", "10.88.0.31", "core"),
    ("stg_nas_2201", "media.nas 도서관", "storage", "running", "campus-prod", "library-annex", "library-it", "강의영상 저장소|lecture video archive", "10.90.0.31", "library"),
    ("stg_lustre_7001", "연구용 스크래치 스토리지", "storage", "running", "campus-prod", "eng-hall-7", "research-computing", "러스터 스크래치|lustre scratch", "10.89.0.31", "research"),
    # servers: SV_<nnnn> (all-digit suffix: building + number)
    ("SV_1101", "esx-jb-01", "server", "running", "campus-prod", "jeongbo-center", "campus-network", "전산원 1번 호스트|campus host one", "10.88.1.1", "core"),
    ("SV_1102", "esx-jb-02", "server", "running", "campus-prod", "jeongbo-center", "campus-network", "전산원 2번 호스트|campus host two", "10.88.1.2", "core"),
    ("SV_1103", "esx-jb-03", "server", "running", "campus-prod", "jeongbo-center", "admin-systems", "행정 호스트|admin host", "10.88.1.3", "admin"),
    ("SV_2201", "esx-lib-01", "server", "running", "campus-prod", "library-annex", "library-it", "도서관 호스트|library host", "10.90.1.1", "library"),
    ("SV_7001", "HPC Head Node", "server", "running", "campus-prod", "eng-hall-7", "research-computing", "HPC 헤드 노드|cluster head node", "10.89.1.1", "research"),
    ("SV_7002", "gpu-node.a100", "server", "running", "campus-prod", "eng-hall-7", "research-computing", "GPU 계산 노드|gpu box", "10.89.1.2", "research"),
    # vms: vm_<role>_<nn> (lower case, underscores)
    ("vm_lms_01", "lms-web.vm1", "vm", "running", "campus-prod", "jeongbo-center", "elearning-team", "LMS VM 1|lms vm one", "10.88.11.1", "elearning"),
    ("vm_lms_02", "lms-db.vm2", "vm", "running", "campus-prod", "jeongbo-center", "elearning-team", "LMS VM 2|lms vm two", "10.88.11.2", "elearning"),
    ("vm_portal_01", "portal.vm", "vm", "running", "campus-prod", "jeongbo-center", "haksa-it", "포털 VM|portal vm", "10.88.12.1", "haksa"),
    ("vm_sugang_01", "sugang-app.vm", "vm", "running", "campus-prod", "jeongbo-center", "haksa-it", "수강신청 VM 1|registration vm one", "10.88.13.1", "haksa"),
    ("vm_sugang_02", "sugang-db.vm", "vm", "running", "campus-prod", "jeongbo-center", "haksa-it", "수강신청 VM 2|registration vm two", "10.88.13.2", "haksa"),
    ("vm_lib_01", "library.vm", "vm", "running", "campus-prod", "library-annex", "library-it", "도서관 VM|library vm", "10.90.11.1", "library"),
    ("vm_mail_01", "mail-relay.vm", "vm", "running", "campus-prod", "jeongbo-center", "mail-admin", "메일 VM|mail vm", "10.88.14.1", "core"),
    ("vm_erp_01", "erp-app.vm", "vm", "running", "campus-prod", "jeongbo-center", "admin-systems", "행정 VM|admin vm", "10.88.15.1", "admin"),
    ("vm_stg_01", "staging.vm", "vm", "maintenance", "campus-stage", "jeongbo-center", "haksa-it", "검증 서버|staging box", "10.88.21.1", "haksa"),
    ("vm_lab_09", "hackathon-lab.vm", "vm", "stopped", "lab-sandbox", "library-annex", "research-computing", "실습 VM|lab sandbox vm", "10.90.21.9", "research"),
    # databases: DB_<ROMANISED>_<n>
    ("DB_HAKSA_1", "학사 DB 주서버", "database", "running", "campus-prod", "jeongbo-center", "dba-campus", "학사 DB 메인|student records primary", "10.88.1.71", "haksa"),
    ("DB_HAKSA_2", "학사 DB 복제본", "database", "running", "campus-prod", "library-annex", "dba-campus", "학사 DB 읽기전용|student records replica", "10.90.1.72", "haksa"),
    ("DB_SUGANG_1", "enrol.db", "database", "running", "campus-prod", "jeongbo-center", "dba-campus", "수강신청 DB|registration database", "10.88.13.21", "haksa"),
    ("DB_DOSEO_1", "Library Catalog DB", "database", "running", "campus-prod", "library-annex", "library-it", "도서 목록 DB|catalog db", "10.90.11.21", "library"),
    ("DB_INSA_1", "인사급여 DB", "database", "running", "campus-prod", "jeongbo-center", "admin-systems", "ERP DB|hr payroll db", "10.88.15.21", "admin"),
    ("DB_LMS_1", "lms.db main", "database", "running", "campus-prod", "jeongbo-center", "elearning-team", "LMS DB|course content db", "10.88.11.21", "elearning"),
    # apps: app_<system>_<part> (lower case, underscores)
    ("app_lms_web", "e-Class LMS", "app", "running", "campus-prod", "jeongbo-center", "elearning-team", "이클래스|online classroom", "10.88.11.11", "elearning"),
    ("app_lms_media", "lecture.video streamer", "app", "running", "campus-prod", "jeongbo-center", "elearning-team", "강의 동영상 서버|video streaming", "10.88.11.12", "elearning"),
    ("app_portal", "myHanbit Portal", "app", "running", "campus-prod", "jeongbo-center", "haksa-it", "통합 포털|student portal", "10.88.12.11", "haksa"),
    ("app_sso", "통합인증", "app", "running", "campus-prod", "jeongbo-center", "haksa-it", "SSO 서버|single sign-on", "10.88.12.12", "haksa"),
    ("app_sugang_web", "수강신청 웹", "app", "running", "campus-prod", "jeongbo-center", "haksa-it", "수강신청 사이트|registration site", "10.88.13.11", "haksa"),
    ("app_sugang_queue", "enrol.queue", "app", "running", "campus-prod", "jeongbo-center", "haksa-it", "수강신청 대기열|registration waiting room", "10.88.13.12", "haksa"),
    ("app_lib_search", "Library Search 2.x", "app", "running", "campus-prod", "library-annex", "library-it", "도서 검색|catalog search", "10.90.11.11", "library"),
    ("app_mail_gw", "mail.hanbit gateway", "app", "error", "campus-prod", "jeongbo-center", "mail-admin", "메일 게이트웨이|campus mail relay", "10.88.14.11", "core"),
    ("app_card_access", "출입통제 시스템", "app", "running", "campus-prod", "jeongbo-center", "admin-systems", "학생증 출입|door access", "10.88.15.12", "admin"),
    ("app_erp_pay", "급여 정산", "app", "running", "campus-prod", "jeongbo-center", "admin-systems", "급여 시스템|payroll engine", "10.88.15.11", "admin"),
    ("app_hpc_sched", "Slurm Controller", "app", "running", "campus-prod", "eng-hall-7", "research-computing", "작업 스케줄러|job scheduler", "10.89.1.11", "research"),
    ("app_hpc_jupyter", "JupyterHub.research", "app", "running", "campus-prod", "eng-hall-7", "research-computing", "주피터 허브|notebook hub", "10.89.1.12", "research"),
    ("app_wifi_auth", "eduroam RADIUS", "app", "running", "campus-prod", "jeongbo-center", "campus-network", "무선랜 인증|wifi login server", "10.88.12.13", "core"),
    # load balancers: L4_<nnnn>
    ("L4_1001", "l4.external jeongbo", "load_balancer", "running", "campus-prod", "jeongbo-center", "campus-network", "대외 L4|public load balancer", "10.88.0.80", "core"),
    ("L4_1002", "l4.internal jeongbo", "load_balancer", "running", "campus-prod", "jeongbo-center", "campus-network", "교내 L4|intranet load balancer", "10.88.0.81", "core"),
    # services: srvc_<romanised Korean word>
    ("srvc_hakseup", "온라인 강의", "service", "running", "campus-prod", "jeongbo-center", "elearning-team", "원격수업|online lectures", "", "elearning"),
    ("srvc_sugang", "Course Registration", "service", "running", "campus-prod", "jeongbo-center", "haksa-it", "수강신청 서비스|class signup", "", "haksa"),
    ("srvc_doseo", "도서관 서비스", "service", "running", "campus-prod", "library-annex", "library-it", "library services", "", "library"),
    ("srvc_yeongu", "Research Computing", "service", "running", "campus-prod", "eng-hall-7", "research-computing", "연구 전산|hpc service", "", "research"),
    ("srvc_mail", "Campus Mail", "service", "running", "campus-prod", "jeongbo-center", "mail-admin", "학교 메일|webmail", "", "core"),
    ("srvc_chulip", "출입 관리", "service", "running", "campus-prod", "jeongbo-center", "admin-systems", "건물 출입|building access", "", "admin"),
    ("srvc_geubyeo", "Payroll", "service", "running", "campus-prod", "jeongbo-center", "admin-systems", "급여 지급|salary payments", "", "admin"),
    ("srvc_museon", "Campus Wi-Fi", "service", "running", "campus-prod", "jeongbo-center", "campus-network", "캠퍼스 와이파이|eduroam", "", "core"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network (the HPC fabric uplinks to the campus core; the Wi-Fi controllers too)
    ("SV_1101", "CONNECTS_TO", "NW_JB_01"),
    ("SV_1102", "CONNECTS_TO", "NW_JB_01"),
    ("SV_1103", "CONNECTS_TO", "NW_JB_01"),
    ("SV_2201", "CONNECTS_TO", "NW_JB_01"),
    ("stg_san_1001", "CONNECTS_TO", "NW_JB_01"),
    ("stg_nas_2201", "CONNECTS_TO", "NW_JB_01"),
    ("SV_7001", "CONNECTS_TO", "NW_EH7_01"),
    ("SV_7002", "CONNECTS_TO", "NW_EH7_01"),
    ("stg_lustre_7001", "CONNECTS_TO", "NW_EH7_01"),
    ("NW_EH7_01", "CONNECTS_TO", "NW_JB_01"),
    ("NW_WIFI_01", "CONNECTS_TO", "NW_JB_01"),
    ("NW_WIFI_02", "CONNECTS_TO", "NW_JB_01"),
    ("NW_WIFI_01", "CONNECTS_TO", "app_wifi_auth"),
    ("NW_WIFI_02", "CONNECTS_TO", "app_wifi_auth"),
    # hosts -> vms (SV_1101 and SV_2201: HOSTS only, SV_1102: RUNS_ON only, SV_1103: both)
    ("SV_1101", "HOSTS", "vm_lms_01"),
    ("SV_1101", "HOSTS", "vm_lms_02"),
    ("SV_1101", "HOSTS", "vm_portal_01"),
    ("vm_sugang_01", "RUNS_ON", "SV_1102"),
    ("vm_sugang_02", "RUNS_ON", "SV_1102"),
    ("vm_mail_01", "RUNS_ON", "SV_1102"),
    ("SV_1103", "HOSTS", "vm_erp_01"),
    ("SV_1103", "HOSTS", "vm_stg_01"),
    ("vm_erp_01", "RUNS_ON", "SV_1103"),
    ("vm_stg_01", "RUNS_ON", "SV_1103"),
    ("SV_2201", "HOSTS", "vm_lib_01"),
    ("SV_2201", "HOSTS", "vm_lab_09"),
    # databases (the student-records primary and its replica run on servers directly)
    ("DB_HAKSA_1", "RUNS_ON", "SV_1103"),
    ("DB_HAKSA_2", "RUNS_ON", "SV_2201"),
    ("DB_SUGANG_1", "RUNS_ON", "vm_sugang_02"),
    ("DB_DOSEO_1", "RUNS_ON", "vm_lib_01"),
    ("DB_INSA_1", "RUNS_ON", "vm_erp_01"),
    ("DB_LMS_1", "RUNS_ON", "vm_lms_02"),
    ("DB_HAKSA_1", "DEPENDS_ON", "stg_san_1001"),
    ("DB_SUGANG_1", "DEPENDS_ON", "stg_san_1001"),
    ("DB_INSA_1", "DEPENDS_ON", "stg_san_1001"),
    ("DB_LMS_1", "DEPENDS_ON", "stg_san_1001"),
    ("DB_DOSEO_1", "DEPENDS_ON", "stg_nas_2201"),
    ("DB_HAKSA_2", "DEPENDS_ON", "DB_HAKSA_1"),
    # apps on vms / bare metal
    ("app_lms_web", "RUNS_ON", "vm_lms_01"),
    ("app_lms_media", "RUNS_ON", "vm_lms_01"),
    ("app_portal", "RUNS_ON", "vm_portal_01"),
    ("app_sso", "RUNS_ON", "vm_portal_01"),
    ("app_wifi_auth", "RUNS_ON", "vm_portal_01"),
    ("app_sugang_web", "RUNS_ON", "vm_sugang_01"),
    ("app_sugang_queue", "RUNS_ON", "vm_sugang_01"),
    ("app_lib_search", "RUNS_ON", "vm_lib_01"),
    ("app_mail_gw", "RUNS_ON", "vm_mail_01"),
    ("app_card_access", "RUNS_ON", "vm_erp_01"),
    ("app_erp_pay", "RUNS_ON", "vm_erp_01"),
    ("app_hpc_sched", "RUNS_ON", "SV_7001"),
    ("app_hpc_jupyter", "RUNS_ON", "SV_7002"),
    # app dependencies
    ("app_lms_web", "DEPENDS_ON", "app_sso"),
    ("app_lms_web", "DEPENDS_ON", "DB_LMS_1"),
    ("app_lms_web", "DEPENDS_ON", "app_lms_media"),
    ("app_lms_media", "DEPENDS_ON", "stg_nas_2201"),
    ("app_portal", "DEPENDS_ON", "app_sso"),
    ("app_portal", "DEPENDS_ON", "DB_HAKSA_2"),
    ("app_sso", "DEPENDS_ON", "DB_HAKSA_1"),
    ("app_sugang_web", "DEPENDS_ON", "app_sugang_queue"),
    ("app_sugang_web", "DEPENDS_ON", "app_sso"),
    ("app_sugang_queue", "DEPENDS_ON", "DB_SUGANG_1"),
    ("app_lib_search", "DEPENDS_ON", "DB_DOSEO_1"),
    ("app_lib_search", "DEPENDS_ON", "app_sso"),
    ("app_mail_gw", "DEPENDS_ON", "app_sso"),
    ("app_mail_gw", "DEPENDS_ON", "stg_san_1001"),
    ("app_card_access", "DEPENDS_ON", "DB_HAKSA_1"),
    ("app_card_access", "DEPENDS_ON", "DB_INSA_1"),
    ("app_erp_pay", "DEPENDS_ON", "DB_INSA_1"),
    ("app_erp_pay", "DEPENDS_ON", "app_sso"),
    ("app_hpc_sched", "DEPENDS_ON", "stg_lustre_7001"),
    ("app_hpc_sched", "DEPENDS_ON", "app_sso"),
    ("app_hpc_jupyter", "DEPENDS_ON", "app_hpc_sched"),
    ("app_hpc_jupyter", "DEPENDS_ON", "app_sso"),
    ("app_wifi_auth", "DEPENDS_ON", "DB_HAKSA_1"),
    # load balancers
    ("L4_1001", "CONNECTS_TO", "app_portal"),
    ("L4_1001", "CONNECTS_TO", "app_lms_web"),
    ("L4_1001", "CONNECTS_TO", "app_sugang_web"),
    ("L4_1001", "CONNECTS_TO", "app_mail_gw"),
    ("L4_1002", "CONNECTS_TO", "app_erp_pay"),
    ("L4_1002", "CONNECTS_TO", "app_card_access"),
    ("L4_1002", "CONNECTS_TO", "app_lib_search"),
    # services
    ("srvc_hakseup", "DEPENDS_ON", "L4_1001"),
    ("srvc_hakseup", "DEPENDS_ON", "app_lms_web"),
    ("srvc_sugang", "DEPENDS_ON", "L4_1001"),
    ("srvc_sugang", "DEPENDS_ON", "app_sugang_web"),
    ("srvc_sugang", "DEPENDS_ON", "app_portal"),
    ("srvc_doseo", "DEPENDS_ON", "L4_1002"),
    ("srvc_doseo", "DEPENDS_ON", "app_lib_search"),
    ("srvc_yeongu", "DEPENDS_ON", "app_hpc_jupyter"),
    ("srvc_yeongu", "DEPENDS_ON", "app_hpc_sched"),
    ("srvc_mail", "DEPENDS_ON", "L4_1001"),
    ("srvc_mail", "DEPENDS_ON", "app_mail_gw"),
    ("srvc_chulip", "DEPENDS_ON", "L4_1002"),
    ("srvc_chulip", "DEPENDS_ON", "app_card_access"),
    ("srvc_geubyeo", "DEPENDS_ON", "L4_1002"),
    ("srvc_geubyeo", "DEPENDS_ON", "app_erp_pay"),
    ("srvc_museon", "DEPENDS_ON", "NW_WIFI_01"),
    ("srvc_museon", "DEPENDS_ON", "NW_WIFI_02"),
    ("srvc_museon", "DEPENDS_ON", "app_wifi_auth"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: class (lectures: weekday peak 13:00, weekends quiet), lms (class plus the evening assignment rush
#           around 22:30 every day), office (administration: weekdays 09-18 only), hpc (batch jobs: busy
#           round the clock, a little more in the afternoon), backup (nightly backups around 02:30),
#           mail (class hours plus a constant floor), flat
METRIC_PLAN = {
    "SV_1101": {"cpu_usage": (38, 0.60, 2.2, "class"), "mem_usage": (71, 0.05, 1.0, "class"), "disk_usage": (41, 0, 0.2, "flat")},
    "SV_1102": {"cpu_usage": (33, 0.55, 2.2, "class"), "mem_usage": (64, 0.05, 1.0, "class"), "disk_usage": (48, 0, 0.2, "flat")},
    "SV_1103": {"cpu_usage": (27, 0.60, 2.0, "office"), "mem_usage": (59, 0.05, 1.0, "office"), "disk_usage": (53, 0, 0.2, "flat")},
    "SV_2201": {"cpu_usage": (22, 0.50, 1.8, "class"), "mem_usage": (55, 0.04, 1.0, "class"), "disk_usage": (62, 0, 0.2, "flat")},
    "SV_7001": {"cpu_usage": (35, 0.30, 2.0, "hpc"), "mem_usage": (47, 0.05, 1.0, "hpc"), "disk_usage": (35, 0, 0.2, "flat")},
    "SV_7002": {"cpu_usage": (62, 0.25, 3.0, "hpc"), "mem_usage": (69, 0.08, 1.2, "hpc"), "disk_usage": (57, 0, 0.2, "flat")},
    "vm_lms_01": {"cpu_usage": (42, 0.65, 2.4, "lms"), "mem_usage": (52, 0.06, 1.0, "lms"), "disk_usage": (38, 0, 0.2, "flat")},
    "vm_lms_02": {"cpu_usage": (31, 0.60, 2.0, "lms"), "mem_usage": (66, 0.04, 0.9, "flat"), "disk_usage": (45, 0, 0.2, "flat")},
    "vm_portal_01": {"cpu_usage": (36, 0.60, 2.2, "class"), "mem_usage": (61, 0.05, 1.0, "class"), "disk_usage": (29, 0, 0.2, "flat")},
    "vm_sugang_01": {"cpu_usage": (15, 0.50, 1.5, "class"), "mem_usage": (44, 0.04, 1.0, "class"), "disk_usage": (24, 0, 0.2, "flat")},
    "vm_sugang_02": {"cpu_usage": (13, 0.40, 1.2, "class"), "mem_usage": (57, 0.03, 0.8, "flat"), "disk_usage": (50, 0, 0.2, "flat")},
    "vm_lib_01": {"cpu_usage": (24, 0.55, 1.8, "class"), "mem_usage": (58, 0.04, 1.0, "class"), "disk_usage": (66, 0, 0.2, "flat")},
    "vm_mail_01": {"cpu_usage": (29, 0.50, 2.0, "mail"), "mem_usage": (63, 0.04, 1.0, "mail"), "disk_usage": (72, 0, 0.2, "flat")},
    "vm_erp_01": {"cpu_usage": (21, 0.80, 1.8, "office"), "mem_usage": (56, 0.06, 1.0, "office"), "disk_usage": (43, 0, 0.2, "flat")},
    "vm_stg_01": {"cpu_usage": (9, 0.30, 1.0, "flat"), "mem_usage": (34, 0.03, 1.0, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "vm_lab_09": {"cpu_usage": (17, 0.50, 1.5, "class"), "mem_usage": (41, 0.03, 1.0, "flat"), "disk_usage": (19, 0, 0.2, "flat")},
    "DB_HAKSA_1": {"cpu_usage": (34, 0.55, 2.2, "class"), "mem_usage": (83, 0.02, 0.6, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "DB_HAKSA_2": {"cpu_usage": (18, 0.45, 1.5, "class"), "mem_usage": (76, 0.02, 0.7, "flat"), "disk_usage": (59, 0, 0.2, "flat")},
    "DB_SUGANG_1": {"cpu_usage": (12, 0.40, 1.4, "class"), "mem_usage": (68, 0.02, 0.7, "flat"), "disk_usage": (37, 0, 0.2, "flat")},
    "DB_DOSEO_1": {"cpu_usage": (20, 0.50, 1.6, "class"), "mem_usage": (72, 0.02, 0.7, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    "DB_INSA_1": {"cpu_usage": (19, 0.70, 1.8, "office"), "mem_usage": (79, 0.02, 0.6, "flat"), "disk_usage": (46, 0, 0.2, "flat")},
    "DB_LMS_1": {"cpu_usage": (30, 0.60, 2.0, "lms"), "mem_usage": (74, 0.03, 0.8, "flat"), "disk_usage": (70, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "app_lms_web": {"cpu_usage": (37, 0.65, 2.2, "lms"), "latency_ms": (180, 0.40, 8.0, "lms"), "error_rate": (0.30, 0.3, 0.05, "lms")},
    "app_lms_media": {"cpu_usage": (45, 0.60, 2.5, "class"), "latency_ms": (95, 0.30, 4.0, "class"), "error_rate": (0.20, 0.3, 0.04, "class")},
    "app_portal": {"cpu_usage": (28, 0.60, 2.0, "class"), "latency_ms": (140, 0.35, 6.0, "class"), "error_rate": (0.25, 0.3, 0.05, "class")},
    "app_sso": {"cpu_usage": (25, 0.60, 1.8, "class"), "latency_ms": (55, 0.35, 2.5, "class"), "error_rate": (0.15, 0.3, 0.03, "class")},
    "app_sugang_web": {"cpu_usage": (11, 0.50, 1.2, "class"), "latency_ms": (210, 0.30, 9.0, "class"), "error_rate": (0.20, 0.3, 0.04, "class")},
    "app_sugang_queue": {"cpu_usage": (8, 0.50, 1.0, "class"), "latency_ms": (35, 0.30, 2.0, "class"), "error_rate": (0.10, 0.3, 0.02, "class")},
    "app_lib_search": {"cpu_usage": (18, 0.55, 1.6, "class"), "latency_ms": (320, 0.35, 12.0, "class"), "error_rate": (0.35, 0.3, 0.05, "class")},
    "app_mail_gw": {"cpu_usage": (23, 0.50, 1.8, "mail"), "latency_ms": (650, 0.30, 20.0, "mail"), "error_rate": (0.40, 0.3, 0.06, "mail")},
    "app_card_access": {"cpu_usage": (14, 0.60, 1.4, "class"), "latency_ms": (75, 0.30, 3.0, "class"), "error_rate": (0.05, 0.3, 0.01, "class")},
    "app_erp_pay": {"cpu_usage": (16, 0.80, 1.6, "office"), "latency_ms": (480, 0.30, 15.0, "office"), "error_rate": (0.30, 0.3, 0.05, "office")},
    "app_hpc_sched": {"cpu_usage": (26, 0.30, 1.8, "hpc"), "latency_ms": (120, 0.20, 5.0, "hpc"), "error_rate": (0.20, 0.2, 0.04, "hpc")},
    "app_hpc_jupyter": {"cpu_usage": (33, 0.40, 2.0, "class"), "latency_ms": (260, 0.30, 10.0, "class"), "error_rate": (0.25, 0.3, 0.05, "class")},
    "app_wifi_auth": {"cpu_usage": (20, 0.70, 1.8, "class"), "latency_ms": (40, 0.40, 2.0, "class"), "error_rate": (0.10, 0.3, 0.02, "class")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "vm_lab_09": datetime(2026, 11, 28, 18, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}
AUG_CIS = {"app_sugang_web", "app_sugang_queue", "DB_SUGANG_1", "vm_sugang_01", "app_sso"}
HIST_CIS = ["SV_1102", "DB_HAKSA_1", "vm_lms_01"]


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
    cls = math.exp(-((h - 13.0) / 3.5) ** 2) * (1.0 if wd < 5 else 0.25)
    if kind == "class":
        return cls
    if kind == "lms":
        return 0.7 * cls + 0.8 * math.exp(-(circ(h, 22.5) / 1.8) ** 2) * (1.2 if wd == 6 else 1.0)
    if kind == "office":
        return math.exp(-((h - 13.5) / 3.0) ** 2) if wd < 5 else 0.05
    if kind == "hpc":
        return 0.7 + 0.3 * math.exp(-(circ(h, 15.0) / 5.0) ** 2)
    if kind == "backup":
        return math.exp(-(circ(h, 2.5) / 1.2) ** 2)
    if kind == "mail":
        return 0.2 + 0.8 * cls
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
    # 0. fall-semester course registration opening, Tue 2026-08-11 10:00-11:30 (queue change 08:30, web 4.2.0 at 06:00)
    if within(ts, kst(2026, 8, 11, 10), kst(2026, 8, 11, 11, 30)):
        if code == "app_sugang_queue" and metric == "latency_ms":
            v *= 8.0
        if code == "app_sugang_queue" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.5)
        if code == "app_sugang_web" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 1.5)
        if code == "app_sugang_web" and metric == "latency_ms":
            v *= 4.0
        if code == "DB_SUGANG_1" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.8)
        if code == "vm_sugang_01" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 1.0)
    # 1. library search slow, Tue 11-10 14:00-16:00 (catalog reindex 11:00, search 2.1.0 at 12:30)
    if within(ts, kst(2026, 11, 10, 14), kst(2026, 11, 10, 16)):
        if code == "DB_DOSEO_1" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 1.0)
        if code == "app_lib_search" and metric == "latency_ms":
            v *= 5.0
        if code == "app_lib_search" and metric == "error_rate":
            v = 4.0 + rng.gauss(0, 0.4)
    # 2. winter-session registration, Wed 11-18 10:00-11:00 (queue 3.0.0 at 07:00, pool change 08:00)
    if within(ts, kst(2026, 11, 18, 10), kst(2026, 11, 18, 11)):
        if code == "app_sugang_queue" and metric == "latency_ms":
            v *= 5.0
        if code == "app_sugang_queue" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "DB_SUGANG_1" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.8)
    # level shift: lms-web.vm1 memory after lecture.video 6.0 (segment cache), from Thu 11-19 14:00
    if code == "vm_lms_01" and metric == "mem_usage" and ts >= kst(2026, 11, 19, 14):
        v += 16.0
    # 3. payroll day, Wed 11-25 09:00-12:00 (tax table change 06:30, erp-pay 9.2.3 at 07:30)
    if within(ts, kst(2026, 11, 25, 9), kst(2026, 11, 25, 12)):
        if code == "app_erp_pay" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 1.0)
        if code == "app_erp_pay" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "app_erp_pay" and metric == "latency_ms":
            v *= 3.0
        if code == "DB_INSA_1" and metric == "cpu_usage":
            v = 85 + rng.gauss(0, 1.0)
    # 4. SSO outage, Fri 11-27 19:00-20:40 (certificate rotation 17:00, sso 5.4.0 at 18:10)
    if within(ts, kst(2026, 11, 27, 19), kst(2026, 11, 27, 20, 40)):
        if code == "app_sso" and metric == "error_rate":
            v = 15.0 + rng.gauss(0, 1.0)
        if code == "app_sso" and metric == "latency_ms":
            v *= 4.0
        if code in ("app_portal", "app_lms_web") and metric == "error_rate":
            v += 4.0 + rng.gauss(0, 0.3)
    # 5. HPC deadline week: gpu node saturated from Mon 11-30 09:00; scheduler trouble Tue 12-01 13:00-16:00
    if code == "SV_7002" and metric == "cpu_usage" and ts >= kst(2026, 11, 30, 9):
        v = 97 + rng.gauss(0, 0.7)
    if within(ts, kst(2026, 12, 1, 13), kst(2026, 12, 1, 16)):
        if code == "app_hpc_sched" and metric == "latency_ms":
            v *= 3.0
        if code == "app_hpc_sched" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.4)
        if code == "SV_7001" and metric == "cpu_usage":
            v = 86 + rng.gauss(0, 1.0)
    # 6. LMS assignment deadline, Wed 12-02 22:00-24:00 (plugin deploy 17:00, DB parameter change 19:00)
    if within(ts, kst(2026, 12, 2, 22), kst(2026, 12, 3, 0)):
        if code == "app_lms_web" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "app_lms_web" and metric == "latency_ms":
            v *= 3.0
        if code == "DB_LMS_1" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 1.0)
    # growth: student-records disk and LMS disk (submissions)
    if code == "DB_HAKSA_1" and metric == "disk_usage":
        v += 12.0 * ramp(ts, M_START, M_END)
    if code == "DB_LMS_1" and metric == "disk_usage":
        v += 21.0 * ramp(ts, kst(2026, 11, 16), M_END)
    # staging VM in maintenance from Tue 12-01 09:00: idle
    if code == "vm_stg_01" and metric == "cpu_usage" and ts >= kst(2026, 12, 1, 9):
        v = 3 + rng.gauss(0, 0.5)
    # 7. spam flood on the mail gateway, Thu 12-03 from 08:20, ongoing (mail_gw 8.1.0 at 05:30, filter rules 06:00)
    if ts >= kst(2026, 12, 3, 8, 20):
        if code == "app_mail_gw" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 1.0)
        if code == "app_mail_gw" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.3)
        if code == "app_mail_gw" and metric == "latency_ms":
            v *= 2.0
        if code == "vm_mail_01" and metric == "cpu_usage":
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


def aug_times():
    times = []
    t = A_START
    while t < A_END:
        times.append(t)
        t += A_STEP
    return times


def gen_metrics(rng):
    rows = []  # (ts, code, metric, value)
    main_times = sample_times()
    for code in [c[0] for c in CIS]:
        plan = METRIC_PLAN.get(code)
        if not plan:
            continue
        for metric, (base, amp, sd, prof) in plan.items():
            times = main_times
            if code in AUG_CIS and metric != "disk_usage":
                times = aug_times() + main_times
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
    # historical block: 5-minute cpu_usage, CloudWatch-like (UTC timestamps), spring semester 2023
    for code, base, sd in (("SV_1102", 28.0, 3.0), ("DB_HAKSA_1", 22.0, 2.5), ("vm_lms_01", 19.0, 1.5)):
        t = H_START
        level = base
        while t < H_END:
            level += rng.gauss(0, sd * 0.15) + 0.02 * (base - level)
            h = t.hour + t.minute / 60.0            # UTC hour
            v = level + base * 0.25 * math.sin((h - 0) / 24 * 2 * math.pi) + rng.gauss(0, sd)
            # semester opening day, 2023-03-02 09:30-12:00 Seoul = 00:30-03:00 UTC
            if code == "SV_1102" and datetime(2023, 3, 2, 0, 30, tzinfo=UTC) <= t < datetime(2023, 3, 2, 3, tzinfo=UTC):
                v = 93 + rng.gauss(0, 1.5)
            # grade batch, 2023-03-06 17:00-20:00 UTC = 2023-03-07 02:00-05:00 Seoul
            if code == "DB_HAKSA_1" and datetime(2023, 3, 6, 17, tzinfo=UTC) <= t < datetime(2023, 3, 6, 20, tzinfo=UTC):
                v = 84 + rng.gauss(0, 2.5)
            if code == "vm_lms_01" and rng.random() < 0.01:
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
    # 0. August 2026 course registration
    (kst(2026, 8, 11, 6, 0), "app_sugang_web", "deploy", "info", "수강신청 웹 4.2.0 배포 (장바구니 선담기)", "release 4.2.0"),
    (kst(2026, 8, 11, 8, 30), "app_sugang_queue", "change", "info", "enrol.queue 동시접속 한도 상향 (8000 -> 15000)", "CHG-2608-11 admission rate raised"),
    (kst(2026, 8, 11, 10, 2), "DB_SUGANG_1", "alert", "major", "enrol.db CPU over 90%", "cpu_usage 94%"),
    (kst(2026, 8, 11, 10, 5), "app_sugang_web", "incident", "critical", "2학기 수강신청 접속 지연 및 오류", "INC-HB-0811 students see 503 after queue admission"),
    (kst(2026, 8, 11, 11, 40), "app_sugang_queue", "change", "info", "enrol.queue 동시접속 한도 원복", "CHG-2608-12 admission rate back to 8000"),
    # November
    (kst(2026, 11, 4, 22, 0), "DB_HAKSA_1", "change", "info", "학사 DB 주서버 마이너 패치 (Oracle 19.25)", "CHG-2611-04 rolling patch, 30 s switchover"),
    # 1. library search slow, Tue 11-10
    (kst(2026, 11, 10, 11, 0), "DB_DOSEO_1", "change", "info", "도서 목록 DB 전문검색 인덱스 재구성", "CHG-2611-10 full-text reindex of the catalog"),
    (kst(2026, 11, 10, 12, 30), "app_lib_search", "deploy", "info", "Library Search 2.1.0 deploy (facet search)", "release 2.1.0"),
    (kst(2026, 11, 10, 14, 20), "app_lib_search", "incident", "major", "도서 검색 응답 지연 (시험기간 열람실 예약 불가)", "INC-HB-1110 searches time out after 15 s"),
    (kst(2026, 11, 10, 16, 10), "DB_DOSEO_1", "change", "info", "Library Catalog DB reindex throttled", "CHG-2611-11 reindex moved to night"),
    (kst(2026, 11, 14, 9, 0), "app_card_access", "change", "info", "출입통제 시스템 리더기 펌웨어 일괄 업데이트", "CHG-2611-14 1,240 readers, building by building"),
    # 2. winter-session registration, Wed 11-18
    (kst(2026, 11, 18, 7, 0), "app_sugang_queue", "deploy", "info", "enrol.queue 3.0.0 deploy (token bucket admission)", "release 3.0.0"),
    (kst(2026, 11, 18, 8, 0), "DB_SUGANG_1", "change", "info", "enrol.db 커넥션 풀 확대 (200 -> 600)", "CHG-2611-18 pool size raised for the winter session"),
    (kst(2026, 11, 18, 10, 10), "app_sugang_queue", "incident", "critical", "계절학기 수강신청 대기열 오류", "INC-HB-1118 waiting room drops tokens"),
    (kst(2026, 11, 18, 11, 5), "app_sugang_queue", "change", "info", "enrol.queue 2.9.4 롤백", "rollback; queue recovered"),
    (kst(2026, 11, 19, 13, 30), "app_lms_media", "deploy", "info", "lecture.video streamer 6.0 deploy (segment cache)", "release 6.0.0"),
    (kst(2026, 11, 21, 3, 0), "stg_san_1001", "change", "info", "SAN Array 1 컨트롤러 펌웨어 업그레이드", "CHG-2611-21 non-disruptive, controller by controller"),
    # 3. payroll day, Wed 11-25
    (kst(2026, 11, 25, 6, 30), "DB_INSA_1", "change", "info", "인사급여 DB 연말정산 세율 테이블 반영", "CHG-2611-25 tax tables for 2027"),
    (kst(2026, 11, 25, 7, 30), "app_erp_pay", "deploy", "info", "급여 정산 9.2.3 배포", "release 9.2.3"),
    (kst(2026, 11, 25, 9, 15), "app_erp_pay", "alert", "major", "payroll engine CPU over 85%", "cpu_usage 90%"),
    (kst(2026, 11, 25, 9, 40), "app_erp_pay", "incident", "critical", "11월 급여 계산 오류 (원천징수 누락)", "INC-HB-1125 payslips held for 1,830 staff"),
    (kst(2026, 11, 25, 12, 20), "app_erp_pay", "change", "info", "급여 정산 9.2.2 롤백 후 재계산", "rollback; payslips recalculated"),
    # 4. SSO outage, Fri 11-27
    (kst(2026, 11, 27, 17, 0), "app_sso", "change", "info", "통합인증 SAML 서명 인증서 교체", "CHG-2611-27 signing certificate rotation"),
    (kst(2026, 11, 27, 18, 10), "app_sso", "deploy", "info", "SSO 5.4.0 deploy (MFA push)", "release 5.4.0"),
    (kst(2026, 11, 27, 19, 5), "app_sso", "incident", "critical", "통합 로그인 실패 (포털, 이클래스 접속 불가)", "INC-HB-1127 SAML assertions rejected"),
    (kst(2026, 11, 27, 20, 45), "app_sso", "change", "info", "SSO 5.3.7 롤백 및 이전 인증서 복원", "rollback; logins recovered"),
    (kst(2026, 11, 28, 18, 0), "vm_lab_09", "change", "info", "hackathon-lab.vm 종료 (해커톤 종료)", "CHG-2611-28 sandbox powered off"),
    (kst(2026, 11, 29, 23, 10), "NW_WIFI_02", "alert", "minor", "WLC-B 기숙사 AP 42 disconnected", "dormitory building 3, AP group B"),
    (kst(2026, 11, 30, 2, 0), "NW_WIFI_02", "change", "info", "기숙사 무선 컨트롤러 재부팅 및 펌웨어 8.10", "CHG-2611-30 AP rejoin"),
    # 5. HPC deadline week
    (kst(2026, 11, 30, 9, 30), "SV_7002", "alert", "minor", "gpu-node.a100 CPU above 95% for 30 min", "cpu_usage 97%"),
    (kst(2026, 12, 1, 9, 0), "app_hpc_sched", "change", "info", "Slurm fairshare 정책 변경 (학과별 가중치)", "CHG-2612-01 fairshare weights"),
    (kst(2026, 12, 1, 9, 0), "vm_stg_01", "change", "info", "staging.vm 점검 모드 전환 (OS 업그레이드)", "CHG-2612-02 maintenance"),
    (kst(2026, 12, 1, 10, 30), "app_hpc_sched", "deploy", "info", "Slurm Controller 23.11.4 deploy", "release 23.11.4"),
    (kst(2026, 12, 1, 13, 20), "app_hpc_sched", "incident", "major", "작업 제출 지연 (sbatch timeout)", "INC-HB-1201 job submissions time out"),
    (kst(2026, 12, 1, 16, 10), "app_hpc_sched", "change", "info", "Slurm Controller 23.11.3 롤백", "rollback; submissions recovered"),
    # 6. LMS assignment deadline, Wed 12-02
    (kst(2026, 12, 2, 17, 0), "app_lms_web", "deploy", "info", "e-Class LMS 플러그인 업데이트 (과제 표절검사)", "release 2026.12.1"),
    (kst(2026, 12, 2, 19, 0), "DB_LMS_1", "change", "info", "lms.db main max_connections 상향", "CHG-2612-05 max_connections 800"),
    (kst(2026, 12, 2, 22, 10), "DB_LMS_1", "alert", "major", "lms.db main CPU over 90%", "cpu_usage 92%"),
    (kst(2026, 12, 2, 22, 30), "app_lms_web", "incident", "critical", "과제 제출 실패 (마감 직전 업로드 오류)", "INC-HB-1202 uploads fail with 502"),
    (kst(2026, 12, 3, 0, 20), "app_lms_web", "change", "info", "과제 마감 24시간 연장 공지 및 플러그인 비활성화", "CHG-2612-06 plugin disabled"),
    # 7. spam flood on the mail gateway, Thu 12-03 (ongoing)
    (kst(2026, 12, 3, 5, 30), "app_mail_gw", "deploy", "info", "mail.hanbit gateway 8.1.0 deploy", "release 8.1.0"),
    (kst(2026, 12, 3, 6, 0), "app_mail_gw", "change", "info", "스팸 필터 룰셋 교체 (외부 피드)", "CHG-2612-07 new spam feed"),
    (kst(2026, 12, 3, 8, 35), "app_mail_gw", "alert", "major", "mail gateway CPU over 85%", "cpu_usage 88%"),
    (kst(2026, 12, 3, 8, 50), "app_mail_gw", "incident", "critical", "학교 메일 수신 지연 (스팸 폭주)", "INC-HB-1203 inbound queue 40k messages"),
    (kst(2026, 12, 3, 9, 10), "vm_mail_01", "alert", "major", "mail-relay.vm CPU over 90%", "cpu_usage 93%"),
]

BUILD_APPS = ["app_lms_web", "app_portal", "app_sso", "app_sugang_web", "app_lib_search", "app_erp_pay",
              "app_hpc_jupyter"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines, 11-23 .. 12-02; none after now
    day = kst(2026, 11, 23)
    n = 0
    while day < kst(2026, 12, 3):
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "day:2026-12-02", "day:2026-12-01", "day:2026-11-27", "day:2026-11-25", "day:2026-11-18", "days:2026-08-10..2026-08-14", "last:7d"):
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
