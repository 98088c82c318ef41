#!/usr/bin/env python3
"""Deterministic generator for the "Hanul National Library & Archives" (한울국립도서관·기록원) estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids A###, halves "dev24" / "test20") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding19/gen_estate.py (the "Dasol Shipbuilding"
set), copied unchanged from event_checks() onwards except: the ranges that --summary prints, one
new range token (`isoweek:YYYY-Www`, an ISO 8601 week in Seoul, ending at now while it runs) and
the code check, which here admits '@' and a backslash.  The estate (a national library and
archive: the catalogue search, cataloguing, circulation, seat booking, interlibrary loan, the
reference chat, new arrivals, the rare-books reading room, scanning, OCR, the IIIF viewer, legal
deposit, the records portal, the library web site, a web crawler and the digital-preservation
engine in Sejong, a Himalayan manuscript digitisation lab in Kathmandu (NPT, +05:45) and a Korean
diaspora archive in Honolulu (HST, -10:00)), the clock (Wednesday 6 January 2044, 12:45 Seoul, in
ISO week 2044-W01, the week after ISO week 2043-W53 which ran from Monday 28 December 2043 to
Sunday 3 January 2044 across the new year; it is still Tuesday 5 January, 17:45, in Honolulu), the
sampling (every 90 minutes from 1 November, every 6 minutes from 21 December, every 45 seconds from
12:00 today, and two 5-minute UTC blocks shaped like public AWS CloudWatch EC2 CPU series around a
Honolulu evening of 13 January 2043 and a Kathmandu night of 20 May 2043), the names, the personas
and the questions differ.  See README.md.

Spec grammar: as in ../understanding19/gen_estate.py (persona tags `# A<n> ...`).
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
HALVES = ("dev24", "test20")
ID_PREFIX = "A"
TAG_LETTER = "A"
SEED = 20440106
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NPT = timezone(timedelta(hours=5, minutes=45))   # Kathmandu (no DST, a quarter-hour offset)
HST = timezone(timedelta(hours=-10))             # Honolulu (no DST)
NOW = datetime(2044, 1, 6, 12, 45, tzinfo=KST)   # Wed 12:45 Seoul = 03:45Z = Tue 17:45 HST = 09:30 NPT
M_START = datetime(2043, 11, 1, 0, 0, tzinfo=KST)         # every 90 minutes from 1 November ...
MID_START = datetime(2043, 12, 21, 0, 0, tzinfo=KST)      # ... every 6 minutes from 21 December ...
FINE_START = datetime(2044, 1, 6, 12, 0, tzinfo=KST)      # ... every 45 seconds from 12:00 today
M_END = NOW                                               # inclusive: the last sample is at 12:45:00 itself
STEP_90M = timedelta(minutes=90)
STEP_6M = timedelta(minutes=6)
STEP_FINE = timedelta(seconds=45)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("Z730.6", datetime(2043, 1, 12, 2, 4, tzinfo=UTC), 1152, 13.0, 0.9, 0.006),    # 4 days over 13 January 2043 in Honolulu
    ("Z720.8", datetime(2043, 5, 18, 23, 2, tzinfo=UTC), 1152, 11.0, 0.9, 0.006),   # 4 days over the night of 20 May 2043 in Kathmandu
]
# Korean public holidays in the main history: 성탄절 Fri 2043-12-25 and 신정 Fri 2044-01-01.
KR_HOLIDAYS = {(2043, 12, 25), (2044, 1, 1)}
# US holidays in Honolulu: Thanksgiving 2043-11-26, Christmas 12-25, New Year's Day 2044-01-01.
US_HOLIDAYS = {(2043, 11, 26), (2043, 12, 25), (2044, 1, 1)}


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# locations (lower-case kebab, <city>-<building>): seoul-main (the main library and the data centre),
#        sejong-vault (the preservation centre and the web archive), kathmandu-lab (the Himalayan manuscript
#        digitisation lab, Nepal), honolulu-archive (the Korean diaspora archive, Hawaii), daegu-dr
# owners: Korean staff as name + job title (space inside), foreign staff by name
# environments: prod, pilot, legacy, dr
# --------------------------------------------------------------------------------------
SEL, SJ, KTM, HNL, DGU = "seoul-main", "sejong-vault", "kathmandu-lab", "honolulu-archive", "daegu-dr"
PROD, PILOT, LEGACY, DR = "prod", "pilot", "legacy", "dr"
O_INF, O_CAT, O_CIR, O_DIG, O_WEB, O_ARC, O_KTM, O_HNL = (
    "오민재 주무관", "한서윤 사서", "박지안 사서", "이하은 연구사", "정우진 주무관", "최다인 기록연구사",
    "Pemba Sherpa", "Leilani Kahale")
CIS = [
    # network: Junos aggregated-ethernet units ae<N>.<unit>
    ("ae1.100", "Stacks Core", "network", "running", PROD, SEL, O_INF, "서고 코어망|library backbone", "10.44.0.1", "core"),
    ("ae1.210", "Reading Room Wi-Fi", "network", "running", PROD, SEL, O_CIR, "열람실 무선망|reader wifi", "10.44.21.1", "public"),
    ("ae2.300", "Sejong Link", "network", "running", PROD, SJ, O_INF, "세종 회선|sejong circuit", "10.44.30.1", "vault"),
    ("ae4.450", "Kathmandu WAN", "network", "running", PROD, KTM, O_KTM, "카트만두 회선|nepal circuit", "10.44.45.1", "np"),
    ("ae5.550", "Honolulu WAN", "network", "running", PROD, HNL, O_HNL, "호놀룰루 회선|hawaii circuit", "10.44.55.1", "hi"),
    ("ae9.900", "DR Link", "network", "running", DR, DGU, O_INF, "대구 DR 회선|daegu link", "10.44.99.1", "dr"),
    # storage: SMB shares written share@filer
    ("scans@nas01", "Scan Store", "storage", "running", PROD, SEL, O_DIG, "스캔 원본 저장소|master tiffs", "10.44.0.31", "digi"),
    ("tiles@nas01", "IIIF Tiles", "storage", "running", PROD, SEL, O_DIG, "IIIF 타일 저장소|image tiles", "10.44.0.32", "digi"),
    ("warc@nas02", "WARC Store", "storage", "running", PROD, SJ, O_WEB, "웹 아카이브 저장소|crawl files", "10.44.30.31", "vault"),
    ("aip@nas02", "AIP Vault", "storage", "running", PROD, SJ, O_ARC, "영구 보존 저장소|preservation vault", "10.44.30.32", "vault"),
    ("mss@nas04", "Manuscript Share", "storage", "running", PROD, KTM, O_KTM, "필사본 공유 폴더", "10.44.45.31", "np"),
    ("dr@nas09", "DR Vault", "storage", "running", DR, DGU, O_INF, "DR 백업 저장소|backup vault", "10.44.99.31", "dr"),
    # servers: call-number style asset tags Z<class>.<n>; names are book formats, "Index", vellum, a mountain in
    # Devanagari and a Hawaiian mountain with an ʻokina
    ("Z678.1", "Folio", "server", "running", PROD, SEL, O_INF, "폴리오|2절판 서버|hypervisor a", "10.44.1.11", "core"),
    ("Z678.2", "Quarto", "server", "running", PROD, SEL, O_INF, "쿼토|4절판 서버|hypervisor b", "10.44.1.12", "core"),
    ("Z678.3", "Octavo", "server", "running", PROD, SEL, O_INF, "옥타보|8절판 서버|hypervisor c", "10.44.1.13", "core"),
    ("Z699.5", "Index", "server", "running", PROD, SEL, O_CAT, "인덱스|색인 서버|search box", "10.44.1.14", "search"),
    ("Z710.4", "Vellum", "server", "running", PROD, SJ, O_ARC, "벨럼|세종 보존 호스트|vault host", "10.44.30.11", "vault"),
    ("Z720.8", "सगरमाथा", "server", "running", PROD, KTM, O_KTM, "Sagarmatha|사가르마타|카트만두 호스트", "10.44.45.11", "np"),
    ("Z730.6", "Kaʻala", "server", "running", PROD, HNL, O_HNL, "Kaala|카알라|호놀룰루 호스트", "10.44.55.11", "hi"),
    ("Z799.9", "DR Host", "server", "running", DR, DGU, O_INF, "대구 DR 호스트|dr box", "10.44.99.11", "dr"),
    # vms: Xen guests domU-<NN>
    ("domU-11", "OPAC VM", "vm", "running", PROD, SEL, O_CAT, "목록 VM|catalogue box", "10.44.2.11", "search"),
    ("domU-12", "Circulation VM", "vm", "running", PROD, SEL, O_CIR, "대출 VM|loan box", "10.44.2.12", "lending"),
    ("domU-13", "Old OPAC VM", "vm", "stopped", LEGACY, SEL, O_CAT, "구 OPAC VM|legacy opac", "10.44.2.13", "legacy"),
    ("domU-14", "Digitisation VM", "vm", "running", PROD, SEL, O_DIG, "디지털화 VM|scan box", "10.44.2.14", "digi"),
    ("domU-15", "Web VM", "vm", "running", PROD, SEL, O_WEB, "홈페이지 VM|web box", "10.44.2.15", "public"),
    ("domU-16", "Records VM", "vm", "running", PROD, SEL, O_ARC, "기록물 VM", "10.44.2.16", "records"),
    ("domU-17", "Transcribe VM", "vm", "maintenance", PILOT, SEL, O_DIG, "AI 전사 VM|pilot box", "10.44.2.17", "pilot"),
    ("domU-21", "Sejong VM", "vm", "running", PROD, SJ, O_WEB, "세종 VM", "10.44.30.21", "vault"),
    ("domU-41", "Kathmandu VM", "vm", "running", PROD, KTM, O_KTM, "카트만두 VM", "10.44.45.21", "np"),
    ("domU-51", "Honolulu VM", "vm", "running", PROD, HNL, O_HNL, "호놀룰루 VM", "10.44.55.21", "hi"),
    # databases: SQL Server named instances HOST\INSTANCE
    ("SQL01\\CATALOG", "Catalog DB", "database", "running", PROD, SEL, O_CAT, "목록 DB|서지 DB|bib db", "10.44.3.11", "search"),
    ("SQL91\\CATALOG", "Catalog DB Replica", "database", "running", DR, DGU, O_CAT, "목록 복제 DB|catalog standby", "10.44.99.21", "dr"),
    ("SQL02\\CIRC", "Circulation DB", "database", "running", PROD, SEL, O_CIR, "대출 DB|loan db", "10.44.3.12", "lending"),
    ("SQL02\\PATRON", "Patron DB", "database", "running", PROD, SEL, O_CIR, "이용자 DB|member db", "10.44.3.13", "lending"),
    ("SQL03\\RECORDS", "Records DB", "database", "running", PROD, SEL, O_ARC, "기록물 DB", "10.44.3.14", "records"),
    ("SQL04\\DIGI", "Digi DB", "database", "running", PROD, SEL, O_DIG, "디지털화 DB|scan db", "10.44.3.15", "digi"),
    ("SQL05\\CRAWL", "Crawl DB", "database", "running", PROD, SJ, O_WEB, "수집 DB|harvest db", "10.44.30.41", "vault"),
    ("SQL06\\FULLTEXT", "Fulltext DB", "database", "running", PROD, SEL, O_CAT, "전문 DB|full-text db", "10.44.3.16", "search"),
    ("SQL41\\MSS", "Manuscript DB", "database", "running", PROD, KTM, O_KTM, "필사본 DB", "10.44.45.41", "np"),
    ("SQL51\\DIASPORA", "Diaspora DB", "database", "running", PROD, HNL, O_HNL, "이민사 DB", "10.44.55.41", "hi"),
    # apps: npm-style scoped packages @hanul/<name>
    ("@hanul/opac", "Hanul Search", "app", "running", PROD, SEL, O_CAT, "한울 검색|소장자료 검색|catalogue search", "10.44.4.1", "search"),
    ("@hanul/kormarc", "KORMARC Editor", "app", "running", PROD, SEL, O_CAT, "목록 편집기|cataloguing", "10.44.4.2", "search"),
    ("@hanul/indexer", "Search Indexer", "app", "running", PROD, SEL, O_CAT, "색인기|indexing job", "10.44.4.3", "search"),
    ("@hanul/whatsnew", "What's New", "app", "running", PROD, SEL, O_CAT, "신착 자료|new arrivals", "10.44.4.4", "search"),
    ("@hanul/circ", "Circulation Desk", "app", "running", PROD, SEL, O_CIR, "대출 반납|loan desk", "10.44.4.11", "lending"),
    ("@hanul/seat", "Seat Booking", "app", "running", PROD, SEL, O_CIR, "열람석 예약|seat reservation", "10.44.4.12", "lending"),
    ("@hanul/ill", "Interlibrary Loan", "app", "running", PROD, SEL, O_CIR, "상호대차|ILL", "10.44.4.13", "lending"),
    ("@hanul/patron", "Patron Portal", "app", "running", PROD, SEL, O_CIR, "이용자 포털|my library", "10.44.4.14", "lending"),
    ("@hanul/ask", "Ask a Librarian", "app", "running", PROD, SEL, O_WEB, "사서에게 물어보세요|reference chat", "10.44.4.21", "public"),
    ("@hanul/web", "Library Web", "app", "running", PROD, SEL, O_WEB, "도서관 홈페이지|homepage", "10.44.4.22", "public"),
    ("@hanul/topshelf", "Top Shelf", "app", "running", PROD, SEL, O_DIG, "귀중본 열람|rare books", "10.44.4.31", "digi"),
    ("@hanul/scan", "Scan Station", "app", "running", PROD, SEL, O_DIG, "스캔 작업대|scanning", "10.44.4.32", "digi"),
    ("@hanul/ocr", "OCR Pipeline", "app", "running", PROD, SEL, O_DIG, "OCR 파이프라인|문자 인식", "10.44.4.33", "digi"),
    ("@hanul/iiif", "IIIF Viewer", "app", "running", PROD, SEL, O_DIG, "원문 뷰어|image viewer", "10.44.4.34", "digi"),
    ("@hanul/transcribe", "AI Transcribe", "app", "running", PILOT, SEL, O_DIG, "AI 전사|handwriting transcription", "10.44.4.35", "pilot"),
    ("@hanul/deposit", "Legal Deposit", "app", "running", PROD, SEL, O_ARC, "납본 시스템|납본 접수", "10.44.4.41", "records"),
    ("@hanul/records", "Records Portal", "app", "running", PROD, SEL, O_ARC, "기록물 포털|archives portal", "10.44.4.42", "records"),
    ("@hanul/crawler", "Web Crawler", "app", "running", PROD, SJ, O_WEB, "웹 수집기|web harvester", "10.44.30.51", "vault"),
    ("@hanul/preserve", "Preservation Engine", "app", "running", PROD, SJ, O_ARC, "보존 엔진|장기 보존", "10.44.30.52", "vault"),
    ("@hanul/fixity", "Fixity Check", "app", "running", PROD, SJ, O_ARC, "무결성 검사|checksum audit", "10.44.30.53", "vault"),
    ("@hanul/pandulipi", "पाण्डुलिपि OCR", "app", "error", PROD, KTM, O_KTM, "Pandulipi OCR|필사본 OCR|manuscript ocr", "10.44.45.51", "np"),
    ("@hanul/mss-catalog", "Manuscript Catalog", "app", "running", PROD, KTM, O_KTM, "필사본 목록|mss catalogue", "10.44.45.52", "np"),
    ("@hanul/diaspora", "Diaspora Archive", "app", "running", PROD, HNL, O_HNL, "하와이 이민사 아카이브|immigration archive", "10.44.55.51", "hi"),
    ("@hanul/oral", "Oral History", "app", "running", PROD, HNL, O_HNL, "구술 기록|oral histories", "10.44.55.52", "hi"),
    # load balancers: nginx upstream blocks upstream_<name>
    ("upstream_public", "Public Gate", "load_balancer", "running", PROD, SEL, O_INF, "공개 관문|public frontend", "10.44.0.80", "public"),
    ("upstream_staff", "Staff Gate", "load_balancer", "running", PROD, SEL, O_INF, "직원 관문|staff frontend", "10.44.0.81", "core"),
    ("upstream_image", "Image Gate", "load_balancer", "running", PROD, SEL, O_INF, "이미지 관문|image frontend", "10.44.0.82", "digi"),
    # services: ISSN-shaped numbers with their check digit
    ("ISSN-2765-4109", "Discovery", "service", "running", PROD, SEL, O_CAT, "자료 검색 서비스", "", "search"),
    ("ISSN-2765-4117", "Lending", "service", "running", PROD, SEL, O_CIR, "대출 서비스", "", "lending"),
    ("ISSN-2765-4125", "Digital Collections", "service", "running", PROD, SEL, O_DIG, "디지털 컬렉션", "", "digi"),
    ("ISSN-2765-4133", "Web Archiving", "service", "running", PROD, SJ, O_WEB, "웹 아카이빙", "", "vault"),
    ("ISSN-2765-4141", "National Records", "service", "running", PROD, SEL, O_ARC, "국가 기록", "", "records"),
    ("ISSN-2765-415X", "Overseas Collections", "service", "running", PROD, HNL, O_HNL, "해외 자료|overseas", "", "hi"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

CORE = "ae1.100"
RELATIONS = [
    # network
    ("ae1.210", "CONNECTS_TO", CORE),
    ("ae2.300", "CONNECTS_TO", CORE),
    ("ae4.450", "CONNECTS_TO", CORE),
    ("ae5.550", "CONNECTS_TO", CORE),
    ("ae9.900", "CONNECTS_TO", CORE),
    ("Z678.1", "CONNECTS_TO", CORE),
    ("Z678.2", "CONNECTS_TO", CORE),
    ("Z678.3", "CONNECTS_TO", CORE),
    ("Z699.5", "CONNECTS_TO", CORE),
    ("Z710.4", "CONNECTS_TO", "ae2.300"),
    ("Z720.8", "CONNECTS_TO", "ae4.450"),
    ("Z730.6", "CONNECTS_TO", "ae5.550"),
    ("Z799.9", "CONNECTS_TO", "ae9.900"),
    ("scans@nas01", "CONNECTS_TO", CORE),
    ("tiles@nas01", "CONNECTS_TO", CORE),
    ("warc@nas02", "CONNECTS_TO", "ae2.300"),
    ("aip@nas02", "CONNECTS_TO", "ae2.300"),
    ("mss@nas04", "CONNECTS_TO", "ae4.450"),
    ("dr@nas09", "CONNECTS_TO", "ae9.900"),
    # hypervisors -> vms (Folio: HOSTS only; Quarto: RUNS_ON only; Octavo: both)
    ("Z678.1", "HOSTS", "domU-11"),
    ("Z678.1", "HOSTS", "domU-12"),
    ("Z678.1", "HOSTS", "domU-13"),
    ("domU-14", "RUNS_ON", "Z678.2"),
    ("domU-15", "RUNS_ON", "Z678.2"),
    ("Z678.3", "HOSTS", "domU-16"),
    ("domU-16", "RUNS_ON", "Z678.3"),
    ("domU-17", "RUNS_ON", "Z678.3"),
    ("Z710.4", "HOSTS", "domU-21"),
    ("domU-41", "RUNS_ON", "Z720.8"),
    ("Z730.6", "HOSTS", "domU-51"),
    ("domU-14", "DEPENDS_ON", "scans@nas01"),
    ("domU-21", "DEPENDS_ON", "warc@nas02"),
    ("domU-41", "DEPENDS_ON", "mss@nas04"),
    # databases
    ("SQL01\\CATALOG", "RUNS_ON", "domU-11"),
    ("SQL91\\CATALOG", "RUNS_ON", "Z799.9"),
    ("SQL91\\CATALOG", "DEPENDS_ON", "SQL01\\CATALOG"),
    ("SQL91\\CATALOG", "DEPENDS_ON", "dr@nas09"),
    ("SQL02\\CIRC", "RUNS_ON", "domU-12"),
    ("SQL02\\PATRON", "RUNS_ON", "domU-12"),
    ("SQL03\\RECORDS", "RUNS_ON", "domU-16"),
    ("SQL04\\DIGI", "RUNS_ON", "domU-14"),
    ("SQL05\\CRAWL", "RUNS_ON", "domU-21"),
    ("SQL06\\FULLTEXT", "RUNS_ON", "Z699.5"),
    ("SQL41\\MSS", "RUNS_ON", "domU-41"),
    ("SQL51\\DIASPORA", "RUNS_ON", "domU-51"),
    # apps on vms and on bare metal
    ("@hanul/opac", "RUNS_ON", "domU-11"),
    ("@hanul/kormarc", "RUNS_ON", "domU-11"),
    ("@hanul/whatsnew", "RUNS_ON", "domU-11"),
    ("@hanul/indexer", "RUNS_ON", "Z699.5"),
    ("@hanul/circ", "RUNS_ON", "domU-12"),
    ("@hanul/seat", "RUNS_ON", "domU-12"),
    ("@hanul/ill", "RUNS_ON", "domU-12"),
    ("@hanul/patron", "RUNS_ON", "domU-15"),
    ("@hanul/ask", "RUNS_ON", "domU-15"),
    ("@hanul/web", "RUNS_ON", "domU-15"),
    ("@hanul/topshelf", "RUNS_ON", "domU-14"),
    ("@hanul/scan", "RUNS_ON", "domU-14"),
    ("@hanul/ocr", "RUNS_ON", "domU-14"),
    ("@hanul/iiif", "RUNS_ON", "domU-14"),
    ("@hanul/transcribe", "RUNS_ON", "domU-17"),
    ("@hanul/deposit", "RUNS_ON", "domU-16"),
    ("@hanul/records", "RUNS_ON", "domU-16"),
    ("@hanul/crawler", "RUNS_ON", "domU-21"),
    ("@hanul/preserve", "RUNS_ON", "domU-21"),
    ("@hanul/fixity", "RUNS_ON", "Z710.4"),
    ("@hanul/pandulipi", "RUNS_ON", "domU-41"),
    ("@hanul/mss-catalog", "RUNS_ON", "domU-41"),
    ("@hanul/diaspora", "RUNS_ON", "domU-51"),
    ("@hanul/oral", "RUNS_ON", "domU-51"),
    # app dependencies
    ("@hanul/opac", "DEPENDS_ON", "SQL01\\CATALOG"),
    ("@hanul/opac", "DEPENDS_ON", "SQL06\\FULLTEXT"),
    ("@hanul/opac", "DEPENDS_ON", "@hanul/circ"),
    ("@hanul/kormarc", "DEPENDS_ON", "SQL01\\CATALOG"),
    ("@hanul/indexer", "DEPENDS_ON", "SQL01\\CATALOG"),
    ("@hanul/indexer", "DEPENDS_ON", "SQL06\\FULLTEXT"),
    ("@hanul/whatsnew", "DEPENDS_ON", "@hanul/opac"),
    ("@hanul/whatsnew", "DEPENDS_ON", "@hanul/deposit"),
    ("@hanul/circ", "DEPENDS_ON", "SQL02\\CIRC"),
    ("@hanul/circ", "DEPENDS_ON", "SQL02\\PATRON"),
    ("@hanul/seat", "DEPENDS_ON", "SQL02\\PATRON"),
    ("@hanul/seat", "CONNECTS_TO", "ae1.210"),
    ("@hanul/ill", "DEPENDS_ON", "@hanul/circ"),
    ("@hanul/ill", "DEPENDS_ON", "SQL01\\CATALOG"),
    ("@hanul/patron", "DEPENDS_ON", "SQL02\\PATRON"),
    ("@hanul/patron", "DEPENDS_ON", "@hanul/circ"),
    ("@hanul/patron", "DEPENDS_ON", "@hanul/seat"),
    ("@hanul/ask", "DEPENDS_ON", "@hanul/opac"),
    ("@hanul/ask", "DEPENDS_ON", "SQL02\\PATRON"),
    ("@hanul/web", "DEPENDS_ON", "@hanul/opac"),
    ("@hanul/web", "DEPENDS_ON", "@hanul/whatsnew"),
    ("@hanul/topshelf", "DEPENDS_ON", "@hanul/iiif"),
    ("@hanul/topshelf", "DEPENDS_ON", "@hanul/seat"),
    ("@hanul/scan", "DEPENDS_ON", "SQL04\\DIGI"),
    ("@hanul/scan", "DEPENDS_ON", "scans@nas01"),
    ("@hanul/ocr", "DEPENDS_ON", "@hanul/scan"),
    ("@hanul/ocr", "DEPENDS_ON", "SQL06\\FULLTEXT"),
    ("@hanul/iiif", "DEPENDS_ON", "tiles@nas01"),
    ("@hanul/iiif", "DEPENDS_ON", "SQL04\\DIGI"),
    ("@hanul/transcribe", "DEPENDS_ON", "@hanul/ocr"),
    ("@hanul/transcribe", "DEPENDS_ON", "SQL03\\RECORDS"),
    ("@hanul/deposit", "DEPENDS_ON", "SQL03\\RECORDS"),
    ("@hanul/deposit", "DEPENDS_ON", "@hanul/kormarc"),
    ("@hanul/records", "DEPENDS_ON", "SQL03\\RECORDS"),
    ("@hanul/records", "DEPENDS_ON", "@hanul/iiif"),
    ("@hanul/crawler", "DEPENDS_ON", "SQL05\\CRAWL"),
    ("@hanul/crawler", "DEPENDS_ON", "warc@nas02"),
    ("@hanul/preserve", "DEPENDS_ON", "aip@nas02"),
    ("@hanul/preserve", "DEPENDS_ON", "@hanul/fixity"),
    ("@hanul/preserve", "DEPENDS_ON", "SQL04\\DIGI"),
    ("@hanul/preserve", "CONNECTS_TO", "ae2.300"),
    ("@hanul/fixity", "DEPENDS_ON", "aip@nas02"),
    ("@hanul/pandulipi", "DEPENDS_ON", "SQL41\\MSS"),
    ("@hanul/pandulipi", "DEPENDS_ON", "@hanul/ocr"),
    ("@hanul/pandulipi", "CONNECTS_TO", "ae4.450"),
    ("@hanul/mss-catalog", "DEPENDS_ON", "SQL41\\MSS"),
    ("@hanul/mss-catalog", "DEPENDS_ON", "@hanul/kormarc"),
    ("@hanul/diaspora", "DEPENDS_ON", "SQL51\\DIASPORA"),
    ("@hanul/diaspora", "DEPENDS_ON", "@hanul/iiif"),
    ("@hanul/diaspora", "CONNECTS_TO", "ae5.550"),
    ("@hanul/oral", "DEPENDS_ON", "SQL51\\DIASPORA"),
    ("@hanul/oral", "DEPENDS_ON", "@hanul/transcribe"),
    # load balancers
    ("upstream_public", "CONNECTS_TO", "@hanul/opac"),
    ("upstream_public", "CONNECTS_TO", "@hanul/web"),
    ("upstream_public", "CONNECTS_TO", "@hanul/ask"),
    ("upstream_public", "CONNECTS_TO", "@hanul/patron"),
    ("upstream_public", "CONNECTS_TO", "@hanul/records"),
    ("upstream_staff", "CONNECTS_TO", "@hanul/kormarc"),
    ("upstream_staff", "CONNECTS_TO", "@hanul/circ"),
    ("upstream_staff", "CONNECTS_TO", "@hanul/deposit"),
    ("upstream_image", "CONNECTS_TO", "@hanul/iiif"),
    ("upstream_image", "CONNECTS_TO", "@hanul/topshelf"),
    # services
    ("ISSN-2765-4109", "DEPENDS_ON", "upstream_public"),
    ("ISSN-2765-4109", "DEPENDS_ON", "@hanul/opac"),
    ("ISSN-2765-4109", "DEPENDS_ON", "@hanul/whatsnew"),
    ("ISSN-2765-4109", "DEPENDS_ON", "@hanul/ask"),
    ("ISSN-2765-4117", "DEPENDS_ON", "@hanul/circ"),
    ("ISSN-2765-4117", "DEPENDS_ON", "@hanul/seat"),
    ("ISSN-2765-4117", "DEPENDS_ON", "@hanul/ill"),
    ("ISSN-2765-4117", "DEPENDS_ON", "@hanul/patron"),
    ("ISSN-2765-4125", "DEPENDS_ON", "upstream_image"),
    ("ISSN-2765-4125", "DEPENDS_ON", "@hanul/iiif"),
    ("ISSN-2765-4125", "DEPENDS_ON", "@hanul/topshelf"),
    ("ISSN-2765-4125", "DEPENDS_ON", "@hanul/ocr"),
    ("ISSN-2765-4133", "DEPENDS_ON", "@hanul/crawler"),
    ("ISSN-2765-4133", "DEPENDS_ON", "@hanul/preserve"),
    ("ISSN-2765-4141", "DEPENDS_ON", "@hanul/records"),
    ("ISSN-2765-4141", "DEPENDS_ON", "@hanul/deposit"),
    ("ISSN-2765-4141", "DEPENDS_ON", "@hanul/preserve"),
    ("ISSN-2765-415X", "DEPENDS_ON", "@hanul/pandulipi"),
    ("ISSN-2765-415X", "DEPENDS_ON", "@hanul/mss-catalog"),
    ("ISSN-2765-415X", "DEPENDS_ON", "@hanul/diaspora"),
    ("ISSN-2765-415X", "DEPENDS_ON", "@hanul/oral"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: library (the reading rooms: 09-21 Tuesday to Saturday, 09-18 Sunday and Monday, closed on the second
#           and fourth Monday of a month and on 12-25 and 01-01), office (Seoul working days 09-18), night (the batch
#           window 01-05 Seoul), crawl (the harvest window 22-06 Seoul, every day), kathmandu (10-17 on Kathmandu's
#           clock, NPT +05:45, Sunday to Friday: Saturday is the weekend), honolulu (08-17 on Honolulu's clock,
#           HST -10:00, Monday to Friday, not on US holidays), flat
METRIC_PLAN = {
    "Z678.1": {"cpu_usage": (34, 0.55, 1.5, "library"), "mem_usage": (63, 0.04, 1.0, "library"), "disk_usage": (48, 0, 0.2, "flat")},
    "Z678.2": {"cpu_usage": (29, 0.60, 1.5, "office"), "mem_usage": (67, 0.04, 1.0, "office"), "disk_usage": (53, 0, 0.2, "flat")},
    "Z678.3": {"cpu_usage": (24, 0.55, 1.4, "office"), "mem_usage": (57, 0.04, 1.0, "office"), "disk_usage": (43, 0, 0.2, "flat")},
    "Z699.5": {"cpu_usage": (31, 0.70, 1.5, "library"), "mem_usage": (76, 0.04, 0.8, "library"), "disk_usage": (66, 0, 0.2, "flat")},
    "Z710.4": {"cpu_usage": (21, 1.10, 1.3, "crawl"), "mem_usage": (52, 0.05, 0.9, "crawl"), "disk_usage": (71, 0, 0.2, "flat")},
    "Z720.8": {"cpu_usage": (17, 0.80, 1.2, "kathmandu"), "mem_usage": (47, 0.04, 0.9, "kathmandu"), "disk_usage": (39, 0, 0.2, "flat")},
    "Z730.6": {"cpu_usage": (19, 0.75, 1.2, "honolulu"), "mem_usage": (45, 0.04, 0.9, "honolulu"), "disk_usage": (37, 0, 0.2, "flat")},
    "Z799.9": {"cpu_usage": (7, 0.20, 0.6, "flat"), "mem_usage": (33, 0.02, 0.8, "flat"), "disk_usage": (29, 0, 0.2, "flat")},
    "domU-11": {"cpu_usage": (32, 0.65, 1.5, "library"), "mem_usage": (61, 0.04, 0.9, "library"), "disk_usage": (46, 0, 0.2, "flat")},
    "domU-12": {"cpu_usage": (27, 0.70, 1.4, "library"), "mem_usage": (58, 0.04, 0.9, "library"), "disk_usage": (41, 0, 0.2, "flat")},
    "domU-13": {"cpu_usage": (6, 0.40, 0.9, "office"), "mem_usage": (26, 0.03, 1.0, "flat"), "disk_usage": (81, 0, 0.2, "flat")},
    "domU-14": {"cpu_usage": (30, 0.75, 1.5, "office"), "mem_usage": (64, 0.04, 0.9, "office"), "disk_usage": (40, 0, 0.2, "flat")},
    "domU-15": {"cpu_usage": (22, 0.70, 1.3, "library"), "mem_usage": (50, 0.04, 0.9, "library"), "disk_usage": (34, 0, 0.2, "flat")},
    "domU-16": {"cpu_usage": (19, 0.70, 1.3, "office"), "mem_usage": (55, 0.04, 0.9, "office"), "disk_usage": (44, 0, 0.2, "flat")},
    "domU-17": {"cpu_usage": (14, 0.60, 1.1, "office"), "mem_usage": (37, 0.03, 1.0, "office"), "disk_usage": (49, 0, 0.2, "flat")},
    "domU-21": {"cpu_usage": (26, 1.00, 1.4, "crawl"), "mem_usage": (60, 0.04, 0.9, "crawl"), "disk_usage": (52, 0, 0.2, "flat")},
    "domU-41": {"cpu_usage": (18, 0.80, 1.2, "kathmandu"), "mem_usage": (49, 0.04, 0.9, "kathmandu"), "disk_usage": (45, 0, 0.2, "flat")},
    "domU-51": {"cpu_usage": (16, 0.80, 1.1, "honolulu"), "mem_usage": (43, 0.04, 0.9, "honolulu"), "disk_usage": (36, 0, 0.2, "flat")},
    "SQL01\\CATALOG": {"cpu_usage": (28, 0.70, 1.4, "library"), "mem_usage": (74, 0.02, 0.6, "flat"), "disk_usage": (59, 0, 0.2, "flat")},
    "SQL91\\CATALOG": {"cpu_usage": (8, 0.20, 0.7, "flat"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (57, 0, 0.2, "flat")},
    "SQL02\\CIRC": {"cpu_usage": (23, 0.70, 1.3, "library"), "mem_usage": (68, 0.02, 0.6, "flat"), "disk_usage": (54, 0, 0.2, "flat")},
    "SQL02\\PATRON": {"cpu_usage": (15, 0.70, 1.1, "library"), "mem_usage": (53, 0.03, 0.7, "library"), "disk_usage": (42, 0, 0.2, "flat")},
    "SQL03\\RECORDS": {"cpu_usage": (17, 0.70, 1.1, "office"), "mem_usage": (56, 0.03, 0.7, "office"), "disk_usage": (63, 0, 0.2, "flat")},
    "SQL04\\DIGI": {"cpu_usage": (20, 0.70, 1.2, "office"), "mem_usage": (62, 0.03, 0.7, "office"), "disk_usage": (58, 0, 0.2, "flat")},
    "SQL05\\CRAWL": {"cpu_usage": (25, 1.00, 1.4, "crawl"), "mem_usage": (65, 0.02, 0.6, "flat"), "disk_usage": (48, 0, 0.2, "flat")},
    "SQL06\\FULLTEXT": {"cpu_usage": (26, 0.70, 1.4, "library"), "mem_usage": (70, 0.02, 0.6, "flat"), "disk_usage": (61, 0, 0.2, "flat")},
    "SQL41\\MSS": {"cpu_usage": (13, 0.80, 1.0, "kathmandu"), "mem_usage": (46, 0.03, 0.7, "kathmandu"), "disk_usage": (51, 0, 0.2, "flat")},
    "SQL51\\DIASPORA": {"cpu_usage": (12, 0.80, 1.0, "honolulu"), "mem_usage": (44, 0.03, 0.7, "honolulu"), "disk_usage": (47, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "@hanul/opac": {"cpu_usage": (21, 0.75, 1.4, "library"), "latency_ms": (260, 0.35, 7.0, "library"), "error_rate": (0.09, 0.3, 0.018, "library")},
    "@hanul/kormarc": {"cpu_usage": (9, 0.70, 0.9, "office"), "latency_ms": (340, 0.30, 8.5, "office"), "error_rate": (0.06, 0.3, 0.012, "office")},
    "@hanul/indexer": {"cpu_usage": (16, 1.30, 1.2, "night"), "latency_ms": (1700, 0.30, 40.0, "night"), "error_rate": (0.11, 0.3, 0.022, "night")},
    "@hanul/whatsnew": {"cpu_usage": (6, 0.60, 0.7, "library"), "latency_ms": (190, 0.35, 5.0, "library"), "error_rate": (0.05, 0.3, 0.01, "library")},
    "@hanul/circ": {"cpu_usage": (17, 0.75, 1.2, "library"), "latency_ms": (150, 0.35, 4.0, "library"), "error_rate": (0.07, 0.3, 0.014, "library")},
    "@hanul/seat": {"cpu_usage": (12, 0.80, 1.1, "library"), "latency_ms": (95, 0.40, 2.5, "library"), "error_rate": (0.08, 0.3, 0.016, "library")},
    "@hanul/ill": {"cpu_usage": (7, 0.70, 0.8, "office"), "latency_ms": (620, 0.30, 14.0, "office"), "error_rate": (0.12, 0.3, 0.024, "office")},
    "@hanul/patron": {"cpu_usage": (11, 0.70, 1.0, "library"), "latency_ms": (330, 0.35, 8.0, "library"), "error_rate": (0.10, 0.3, 0.02, "library")},
    "@hanul/ask": {"cpu_usage": (8, 0.70, 0.8, "library"), "latency_ms": (410, 0.35, 10.0, "library"), "error_rate": (0.13, 0.3, 0.026, "library")},
    "@hanul/web": {"cpu_usage": (15, 0.70, 1.1, "library"), "latency_ms": (230, 0.35, 6.0, "library"), "error_rate": (0.06, 0.3, 0.012, "library")},
    "@hanul/topshelf": {"cpu_usage": (5, 0.60, 0.6, "office"), "latency_ms": (870, 0.30, 19.0, "office"), "error_rate": (0.15, 0.3, 0.03, "office")},
    "@hanul/scan": {"cpu_usage": (19, 0.75, 1.3, "office"), "latency_ms": (1250, 0.30, 28.0, "office"), "error_rate": (0.10, 0.3, 0.02, "office")},
    "@hanul/ocr": {"cpu_usage": (26, 0.80, 1.5, "office"), "latency_ms": (2300, 0.30, 50.0, "office"), "error_rate": (0.19, 0.3, 0.038, "office")},
    "@hanul/iiif": {"cpu_usage": (14, 0.70, 1.1, "library"), "latency_ms": (520, 0.30, 12.0, "library"), "error_rate": (0.08, 0.3, 0.016, "library")},
    "@hanul/transcribe": {"cpu_usage": (10, 0.60, 1.0, "office"), "latency_ms": (3400, 0.30, 70.0, "office"), "error_rate": (0.22, 0.3, 0.044, "office")},
    "@hanul/deposit": {"cpu_usage": (10, 0.70, 0.9, "office"), "latency_ms": (450, 0.30, 11.0, "office"), "error_rate": (0.07, 0.3, 0.014, "office")},
    "@hanul/records": {"cpu_usage": (9, 0.70, 0.9, "office"), "latency_ms": (380, 0.35, 9.0, "office"), "error_rate": (0.09, 0.3, 0.018, "office")},
    "@hanul/crawler": {"cpu_usage": (23, 1.00, 1.4, "crawl"), "latency_ms": (2800, 0.30, 55.0, "crawl"), "error_rate": (0.30, 0.3, 0.05, "crawl")},
    "@hanul/preserve": {"cpu_usage": (18, 1.10, 1.3, "night"), "latency_ms": (2000, 0.30, 45.0, "night"), "error_rate": (0.04, 0.3, 0.008, "night")},
    "@hanul/fixity": {"cpu_usage": (12, 1.20, 1.1, "night"), "latency_ms": (1500, 0.30, 35.0, "night"), "error_rate": (0.03, 0.3, 0.006, "night")},
    "@hanul/pandulipi": {"cpu_usage": (15, 0.80, 1.2, "kathmandu"), "latency_ms": (1900, 0.30, 42.0, "kathmandu"), "error_rate": (0.85, 0.3, 0.09, "kathmandu")},
    "@hanul/mss-catalog": {"cpu_usage": (6, 0.70, 0.7, "kathmandu"), "latency_ms": (290, 0.35, 7.0, "kathmandu"), "error_rate": (0.06, 0.3, 0.012, "kathmandu")},
    "@hanul/diaspora": {"cpu_usage": (9, 0.80, 0.9, "honolulu"), "latency_ms": (560, 0.30, 13.0, "honolulu"), "error_rate": (0.08, 0.3, 0.016, "honolulu")},
    "@hanul/oral": {"cpu_usage": (5, 0.70, 0.6, "honolulu"), "latency_ms": (730, 0.30, 16.0, "honolulu"), "error_rate": (0.11, 0.3, 0.022, "honolulu")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "domU-13": datetime(2043, 11, 18, 12, 0, tzinfo=KST),
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


def library_closed(t):
    """The reading rooms close on the second and fourth Monday of a month and on 12-25 and 01-01."""
    if (t.year, t.month, t.day) in KR_HOLIDAYS:
        return True
    return t.weekday() == 0 and (t.day - 1) // 7 in (1, 3)


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    if kind == "library":
        if library_closed(t):
            return 0.08
        close = 18.0 if t.weekday() in (0, 6) else 21.0
        return 0.1 + 0.75 * plateau(h, 9.0, close)
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    if kind == "night":
        return 0.06 + 0.9 * plateau(h, 1.0, 5.0)
    if kind == "crawl":
        hh = h if h >= 12 else h + 24
        return 0.15 + 0.7 * plateau(hh, 22.0, 30.0)
    if kind == "kathmandu":
        p = ts.astimezone(NPT)
        v = 0.12 + 0.65 * plateau(hour_of(ts, NPT), 10.0, 17.0)
        return v if p.weekday() != 5 else 0.3 * v + 0.05
    if kind == "honolulu":
        p = ts.astimezone(HST)
        v = 0.12 + 0.65 * plateau(hour_of(ts, HST), 8.0, 17.0)
        ok = p.weekday() < 5 and (p.year, p.month, p.day) not in US_HOLIDAYS
        return v if ok else 0.3 * v + 0.05
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
    # level shift: the Catalog DB's memory after a new KORMARC authority index, from Fri 2043-12-18 10:00
    if code == "SQL01\\CATALOG" and metric == "mem_usage" and ts >= kst(2043, 12, 18, 10):
        v += 7.0
    # growth: the Crawl DB's disk over the whole history (every harvested URL is kept)
    if code == "SQL05\\CRAWL" and metric == "disk_usage":
        v += 31.0 * ramp(ts, M_START, M_END)
    # growth: the Digitisation VM's disk from 2043-12-21 (year-end scanning of newspapers)
    if code == "domU-14" and metric == "disk_usage":
        v += 26.0 * ramp(ts, kst(2043, 12, 21), M_END)
    # 1. Seat Booking on the evening of the CSAT, Thu 2043-11-12 18:00-21:00 (in the 90-minute part: 18:00, 19:30)
    if within(ts, kst(2043, 11, 12, 18), kst(2043, 11, 12, 21)):
        if code == "@hanul/seat" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "@hanul/seat" and metric == "latency_ms":
            v *= 3.0
        if code == "domU-12" and metric == "cpu_usage":
            v = 89 + rng.gauss(0, 0.4)
        if code == "SQL02\\PATRON" and metric == "cpu_usage":
            v += 25
    # 2. Legal Deposit on New Year's Eve, Thu 2043-12-31 15:00-18:00 (publishers rushing the year's deposits)
    if within(ts, kst(2043, 12, 31, 15), kst(2043, 12, 31, 18)):
        if code == "@hanul/deposit" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "@hanul/deposit" and metric == "latency_ms":
            v *= 3.5
        if code == "domU-16" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.5)
        if code == "SQL03\\RECORDS" and metric == "cpu_usage":
            v += 22
    # 3. the manuscript OCR in Kathmandu, Fri 2044-01-01 22:00 - Sat 01:00 NPT = 16:15-19:15Z = Sat 01:15-04:15 Seoul
    if within(ts, datetime(2044, 1, 1, 22, 0, tzinfo=NPT), datetime(2044, 1, 2, 1, 0, tzinfo=NPT)):
        if code == "@hanul/pandulipi" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "@hanul/pandulipi" and metric == "latency_ms":
            v *= 4.0
        if code == "domU-41" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "SQL41\\MSS" and metric == "cpu_usage":
            v += 24
    # 4. the Diaspora Archive in Honolulu, Mon 2044-01-04 19:00-22:00 HST = Tue 05:00-08:00Z = Tue 14:00-17:00 Seoul
    if within(ts, datetime(2044, 1, 4, 19, 0, tzinfo=HST), datetime(2044, 1, 4, 22, 0, tzinfo=HST)):
        if code == "@hanul/diaspora" and metric == "error_rate":
            v = 5.5 + rng.gauss(0, 0.3)
        if code == "@hanul/diaspora" and metric == "latency_ms":
            v *= 3.0
        if code == "domU-51" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 0.5)
        if code == "SQL51\\DIASPORA" and metric == "cpu_usage":
            v += 26
    # Transcribe VM in maintenance from Wed 2043-12-23 08:00: idle
    if code == "domU-17" and metric == "cpu_usage" and ts >= kst(2043, 12, 23, 8):
        v = 2.0 + rng.gauss(0, 0.3)
    # 5. Hanul Search after the indexer release, from Wed 2044-01-06 11:50 Seoul, ongoing at now
    if ts >= kst(2044, 1, 6, 11, 50):
        if code == "@hanul/opac" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "@hanul/opac" and metric == "latency_ms":
            v *= 3.2
        if code == "Z699.5" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "SQL06\\FULLTEXT" and metric == "cpu_usage":
            v += 30
        if code == "@hanul/whatsnew" and metric == "error_rate":
            v += 2.4 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Samples every 90 minutes (an older rollup) from M_START, every 6 minutes from MID_START and every
    45 seconds from FINE_START up to and including NOW."""
    times = []
    t = M_START
    while t < MID_START:
        times.append(t)
        t += STEP_90M
    while t < FINE_START:
        times.append(t)
        t += STEP_6M
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
            # Kaʻala: the Korean American Day evening in Honolulu, Tue 2043-01-13 19:00-22:00 HST = Wed 05:00-08:00Z =
            #   Wed 01-14 14:00-17:00 Seoul (the diaspora archive's anniversary exhibition online); warm-up +5 from 03:00Z
            if code == "Z730.6" and utc(2043, 1, 14, 3) <= t < utc(2043, 1, 14, 5):
                v += 5.0
            if code == "Z730.6" and utc(2043, 1, 14, 5) <= t < utc(2043, 1, 14, 8):
                v = 87 + rng.gauss(0, 1.0)
            # सगरमाथा: the manuscript OCR marathon in Kathmandu, Wed 2043-05-20 22:00 - Thu 01:00 NPT = 16:15-19:15Z =
            #   Thu 05-21 01:15-04:15 Seoul
            if code == "Z720.8" and datetime(2043, 5, 20, 16, 15, tzinfo=UTC) <= t < datetime(2043, 5, 20, 19, 15, tzinfo=UTC):
                v = 85 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (datetime(2043, 1, 13, 18, 30, tzinfo=HST), "Z730.6", "change", "info", "Korean American Day 온라인 전시 개막", "CHG-430113 exhibition opened"),
    (datetime(2043, 1, 13, 19, 20, tzinfo=HST), "Z730.6", "alert", "major", "Kaala CPU 85% 초과 (전시 개막 야간)", "cpu_usage 87%"),
    (datetime(2043, 5, 20, 21, 30, tzinfo=NPT), "Z720.8", "change", "info", "필사본 OCR 마라톤 야간 배치 시작", "CHG-430520 marathon batch"),
    (datetime(2043, 5, 20, 22, 20, tzinfo=NPT), "Z720.8", "alert", "major", "Sagarmatha CPU 80% 초과 (OCR 마라톤)", "cpu_usage 85%"),
    (kst(2043, 11, 5, 2, 0), CORE, "change", "info", "서고 코어 스위치 펌웨어 업그레이드", "CHG-431105 night window"),
    # 1. Seat Booking on the CSAT evening (Thu 11-12)
    (kst(2043, 11, 12, 12, 30), "SQL02\\PATRON", "change", "info", "이용자 DB 수험생 임시 회원 테이블 추가", "CHG-431112 exam-day members"),
    (kst(2043, 11, 12, 13, 30), "@hanul/seat", "deploy", "info", "Seat Booking 5.3 배포", "release 5.3 extended hours"),
    (kst(2043, 11, 12, 18, 10), "@hanul/seat", "incident", "major", "수능날 저녁 열람석 예약 실패", "INC-431112-01 seats double-booked"),
    (kst(2043, 11, 12, 18, 25), "domU-12", "alert", "major", "Circulation VM CPU 85% 초과", "cpu_usage 89%"),
    (kst(2043, 11, 12, 21, 20), "@hanul/seat", "change", "info", "Seat Booking 5.2.6 롤백", "rollback; bookings restored"),
    (kst(2043, 11, 18, 12, 0), "domU-13", "change", "info", "구 OPAC VM 전원 종료 (신 OPAC 이관 완료)", "CHG-431118 powered off"),
    (kst(2043, 11, 24, 3, 0), "Z678.3", "change", "info", "Octavo 하이퍼바이저 보안 패치", "CHG-431124 rolling; live migration"),
    (kst(2043, 12, 3, 2, 0), "dr@nas09", "change", "info", "DR 백업 보존 기간 변경", "CHG-431203 retention 120 days"),
    (kst(2043, 12, 9, 9, 0), "SQL05\\CRAWL", "alert", "minor", "수집 DB 디스크 70% 초과", "volume 70%"),
    (kst(2043, 12, 18, 10, 0), "SQL01\\CATALOG", "change", "info", "목록 DB 전거 레코드 인덱스 추가", "CHG-431218 authority index"),
    (kst(2043, 12, 22, 15, 30), "@hanul/ask", "alert", "minor", "Ask a Librarian 채팅 응답 지연", "latency 0.6 s"),
    (kst(2043, 12, 23, 8, 0), "domU-17", "change", "info", "Transcribe VM 점검 모드 전환", "CHG-431223 maintenance"),
    (kst(2043, 12, 28, 22, 0), "SQL91\\CATALOG", "change", "info", "연말 DR 전환 훈련 (목록 복제 DB)", "CHG-431228 switchover drill; switched back 23:30"),
    # 2. Legal Deposit on New Year's Eve (Thu 12-31)
    (kst(2043, 12, 31, 10, 0), "SQL03\\RECORDS", "change", "info", "기록물 DB 2044년 납본 파티션 추가", "CHG-431231 deposit partition 2044"),
    (kst(2043, 12, 31, 11, 30), "@hanul/deposit", "deploy", "info", "Legal Deposit 2.9 배포", "release 2.9 bulk e-book upload"),
    (kst(2043, 12, 31, 15, 5), "@hanul/deposit", "incident", "major", "연말 납본 접수 지연", "INC-431231-01 publishers cannot upload"),
    (kst(2043, 12, 31, 15, 15), "domU-16", "alert", "major", "Records VM CPU 90% 초과", "cpu_usage 91%"),
    (kst(2043, 12, 31, 18, 10), "@hanul/deposit", "change", "info", "Legal Deposit 2.8.4 롤백", "rollback; uploads resumed"),
    # 3. manuscript OCR in Kathmandu (Fri 01-01 NPT)
    (datetime(2044, 1, 1, 16, 30, tzinfo=NPT), "Z720.8", "change", "info", "Sagarmatha 커널 보안 패치", "CHG-440101 kernel patch"),
    (datetime(2044, 1, 1, 18, 30, tzinfo=NPT), "@hanul/pandulipi", "deploy", "info", "Pandulipi OCR 1.6 배포", "release 1.6 Ranjana script model"),
    (datetime(2044, 1, 1, 22, 10, tzinfo=NPT), "@hanul/pandulipi", "incident", "major", "카트만두 필사본 OCR 배치 실패", "INC-440101-01 no text for the palm-leaf batch"),
    (datetime(2044, 1, 1, 22, 20, tzinfo=NPT), "domU-41", "alert", "major", "Kathmandu VM CPU 90% 초과", "cpu_usage 93%"),
    (datetime(2044, 1, 2, 1, 5, tzinfo=NPT), "@hanul/pandulipi", "change", "info", "Pandulipi OCR 1.5.2 롤백", "rollback; batch re-queued"),
    # 4. the Diaspora Archive in Honolulu (Mon 01-04 HST)
    (datetime(2044, 1, 4, 13, 30, tzinfo=HST), "SQL51\\DIASPORA", "change", "info", "이민사 DB 1904년 승선 명부 적재", "CHG-440104 passenger lists 1904"),
    (datetime(2044, 1, 4, 15, 30, tzinfo=HST), "@hanul/diaspora", "deploy", "info", "Diaspora Archive 4.2 배포", "release 4.2 family search"),
    (datetime(2044, 1, 4, 19, 10, tzinfo=HST), "@hanul/diaspora", "incident", "major", "호놀룰루 이민사 검색 장애", "INC-440104-01 family search times out"),
    (datetime(2044, 1, 4, 19, 20, tzinfo=HST), "domU-51", "alert", "major", "Honolulu VM CPU 85% 초과", "cpu_usage 88%"),
    (datetime(2044, 1, 4, 22, 15, tzinfo=HST), "@hanul/diaspora", "change", "info", "Diaspora Archive 4.1.3 롤백", "rollback; search restored"),
    (kst(2044, 1, 5, 10, 0), "@hanul/ill", "alert", "minor", "상호대차 응답 지연 경고", "latency 0.9 s"),
    # 5. Hanul Search after the indexer release (Wed 01-06), ongoing
    (kst(2044, 1, 6, 8, 0), "SQL06\\FULLTEXT", "change", "info", "전문 DB 형태소 사전 갱신", "CHG-440106 nori dictionary update"),
    (kst(2044, 1, 6, 9, 30), "@hanul/indexer", "deploy", "info", "Search Indexer 3.0 배포", "release 3.0 re-index on write"),
    (kst(2044, 1, 6, 11, 52), "@hanul/opac", "incident", "critical", "한울 검색 응답 지연 및 오류", "INC-440106-01 search results time out"),
    (kst(2044, 1, 6, 12, 0), "Z699.5", "alert", "major", "Index 서버 CPU 95% 초과", "cpu_usage 95%"),
    (kst(2044, 1, 6, 12, 20), "@hanul/whatsnew", "alert", "minor", "What's New 오류율 증가", "error_rate 2.4%"),
]

BUILD_APPS = ["@hanul/web", "@hanul/iiif", "@hanul/circ", "@hanul/records", "@hanul/oral", "@hanul/mss-catalog", "@hanul/patron"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2043, 12, 14)
    n = 0
    while day < kst(2043, 12, 26):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{5200 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky leap-year test"))
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
    if tok.startswith("isoweek:"):   # added in set 20: an ISO 8601 week (Seoul), ending at now while it runs
        y, w = int(tok[8:12]), int(tok[14:])
        jan4 = datetime(y, 1, 4, tzinfo=KST)
        a = jan4 - timedelta(days=jan4.weekday()) + timedelta(weeks=w - 1)
        return a, min(a + timedelta(days=7), NOW)
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
    # codes use letters, digits, '-', '_', '.', ':' and '/' only (no '#' or spaces); this set admits '@' (shares,
    # scoped packages) and a backslash (SQL Server named instances)
    for a in codes:
        if not re.fullmatch(r"[A-Za-z0-9@][A-Za-z0-9_.:/@\\-]*", a):
            out.append(f"code with a character outside [A-Za-z0-9_.:/@\\-]: {a}")
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "thisquarter", "lastquarter", "thisyear", "lastyear", "daysago:2", "daysago:3", "weekday:fri", "weekday:sun", "weekday:mon", "last:3h", "last:1h", "last:30m", "last:15m", "last:7d", "last:14d", "last:30d", "isoweek:2044-W01", "isoweek:2043-W53", "isoweek:2043-W52", "isoweek:2043-W51", "day:2044-01-06", "day:2044-01-05", "day:2044-01-04", "day:2044-01-02", "day:2044-01-01", "day:2043-12-31", "day:2043-12-25", "day:2043-12-24", "span:2044-01-06T00:00/2044-01-06T12:00", "span:2044-01-06T12:00/2044-01-06T12:45", "since:2044-01-06T12:00", "since:2044-01-06T11:50", "span:2044-01-06T00:00/2044-01-06T00:30", "span:2043-12-31T15:00/2043-12-31T18:00", "span:2044-01-01T00:00+05:45/2044-01-02T00:00+05:45", "span:2044-01-01T22:00+05:45/2044-01-02T01:00+05:45", "span:2044-01-04T00:00-10:00/2044-01-05T00:00-10:00", "span:2044-01-05T00:00-10:00/2044-01-06T03:45Z", "span:2044-01-04T19:00-10:00/2044-01-04T22:00-10:00", "dayutc:2044-01-01", "dayutc:2044-01-05", "since:2044-01-06T00:00Z", "since:2044-01-06T00:00+05:45", "since:2044-01-05T00:00-10:00", "day:2043-11-12", "span:2043-11-12T18:00/2043-11-12T21:00", "month:2043-11", "month:2043-12", "quarter:2043-4", "year:2043", "days:2043-12-28..2044-01-03", "days:2043-12-24..2043-12-26", "span:2043-01-13T00:00-10:00/2043-01-14T00:00-10:00", "span:2043-01-13T19:00-10:00/2043-01-13T22:00-10:00", "dayutc:2043-01-14", "day:2043-01-13", "day:2043-01-14", "span:2043-05-20T00:00+05:45/2043-05-21T00:00+05:45", "span:2043-05-20T22:00+05:45/2043-05-21T01:00+05:45", "dayutc:2043-05-20", "day:2043-05-20", "day:2043-05-21", "month:2043-05", "month:2043-01"):
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
