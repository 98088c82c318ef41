#!/usr/bin/env python3
"""Deterministic generator for the "Moru Hotels & Resorts" (모루호텔앤리조트) estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids J###, halves "dev20" / "test16") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding15/gen_estate.py (the "Baram Meteorological
Administration" set), copied unchanged from event_checks() onwards except the ranges that --summary
prints.  The estate (a hotel chain: reservations, the property-management system, folios, keycards,
night audit, loyalty, food & beverage, guest Wi-Fi and room TV, and properties in Seoul, Busan,
Yeosu, Da Nang and Sydney), the clock (Easter Monday 6 April 2037, 08:20 Seoul = Sunday 23:20 UTC,
the morning after Sydney's daylight-saving time ended: Sydney's Sunday 5 April had 25 hours), the
sampling (every 4 hours in January and February, every 30 minutes from 1 March, every 90 seconds
from Sunday 00:00 Seoul, every 5 seconds from 08:00 today, and two 5-minute UTC blocks shaped like
public AWS CloudWatch EC2 CPU series around Sydney's New Year's Eve fireworks 2035 and a Da Nang
fireworks night in June 2034), the zones (Sydney AEDT +11:00 / AEST +10:00, Da Nang ICT +07:00),
the names, the personas and the questions differ.  See README.md.

Spec grammar: as in ../understanding15/gen_estate.py (persona tags `# J<n> ...`).
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
HALVES = ("dev20", "test16")
ID_PREFIX = "J"
TAG_LETTER = "J"
SEED = 20370406
KST = timezone(timedelta(hours=9))
AEDT = timezone(timedelta(hours=11))     # Sydney daylight time, until Sun 2037-04-05 03:00 local (= 2037-04-04T16:00Z)
AEST = timezone(timedelta(hours=10))     # Sydney standard time from then on
ICT = timezone(timedelta(hours=7))       # Da Nang (Indochina time, no daylight saving)
UTC = timezone.utc
SYD_DST_END = datetime(2037, 4, 4, 16, 0, tzinfo=UTC)
NOW = datetime(2037, 4, 6, 8, 20, tzinfo=KST)            # Easter Monday 6 April 2037, 08:20 Seoul = Sun 23:20Z = 09:20 AEST = 06:20 ICT
M_START = datetime(2037, 1, 1, 0, 0, tzinfo=KST)          # New Year's Day (a Thursday); every 4 hours (an old rollup) ...
MID_START = datetime(2037, 3, 1, 0, 0, tzinfo=KST)        # ... every 30 minutes from 1 March ...
FINE_START = datetime(2037, 4, 5, 0, 0, tzinfo=KST)       # ... every 90 seconds from Sunday (Easter) 00:00 Seoul ...
TICK_START = datetime(2037, 4, 6, 8, 0, tzinfo=KST)       # ... and every 5 seconds from 08:00 today
M_END = NOW                                                # inclusive: the last sample is at 08:20:00 itself
STEP_4H = timedelta(hours=4)
STEP_30M = timedelta(minutes=30)
STEP_FINE = timedelta(seconds=90)
STEP_TICK = timedelta(seconds=5)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("J35F-0E02", datetime(2035, 12, 29, 11, 3, tzinfo=UTC), 1152, 11.0, 0.9, 0.006),   # 4 days over Sydney's New Year's Eve 2035 (AEDT)
    ("J34E-0D03", datetime(2034, 6, 8, 10, 2, tzinfo=UTC), 1152, 13.0, 1.0, 0.006),     # 4 days over a Da Nang fireworks night, Sat 2034-06-10 (ICT)
]
# Korean public holidays in the main history: 신정 01-01, 설날 연휴 Sat 02-14 .. Mon 02-16 and the substitute
# holiday Tue 02-17, 삼일절 Sun 03-01 and its substitute Mon 03-02
KR_HOLIDAYS = {(2037, 1, 1), (2037, 2, 14), (2037, 2, 15), (2037, 2, 16), (2037, 2, 17), (2037, 3, 1), (2037, 3, 2)}


def syd_tz(ts):
    return AEDT if ts < SYD_DST_END else AEST


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# locations (City/Area, English, some with spaces): Seoul/Euljiro (the head office, the flagship hotel and the main
#        data centre), Busan/Haeundae, Yeosu/Odongdo, Da Nang/Non Nuoc (ICT), Sydney/The Rocks (AEDT/AEST), Gasan/DR
# owners: people, written as the people write their own names (Korean, Vietnamese with diacritics, English)
# environments: live, uat, lab, dr-warm
# --------------------------------------------------------------------------------------
SEL, BSN, YSU, DNG, SYD, DR = "Seoul/Euljiro", "Busan/Haeundae", "Yeosu/Odongdo", "Da Nang/Non Nuoc", "Sydney/The Rocks", "Gasan/DR"
LIVE, UAT, LAB, WARM = "live", "uat", "lab", "dr-warm"
O_INF, O_FO, O_DB, O_REV, O_FNB, O_LOY, O_DN, O_SY, O_BY, O_WEB = (
    "한지호", "박서연", "오민재", "Claire Moreau", "정다은", "이도윤", "Nguyễn Thị Lan", "Olivia Chen", "김태오", "Ravi Menon")
CIS = [
    # network: ISO 3166-2 subdivision + circuit
    ("KR-11.CORE", "Euljiro Core Switch", "network", "running", LIVE, SEL, O_INF, "을지로 코어 스위치|core switch", "10.88.0.1", "core"),
    ("KR-11.GUEST", "Guest Wi-Fi", "network", "running", LIVE, SEL, O_WEB, "투숙객 와이파이|guest wlan", "10.88.9.1", "guest"),
    ("KR-26.WAN-A", "Haeundae Circuit", "network", "running", LIVE, BSN, O_BY, "해운대 회선", "10.88.26.1", "busan"),
    ("KR-46.WAN-A", "Odongdo Circuit", "network", "running", LIVE, YSU, O_BY, "오동도 회선", "10.88.46.1", "yeosu"),
    ("VN-DN.WAN-A", "Non Nuoc Link", "network", "running", LIVE, DNG, O_DN, "다낭 회선|vietnam link", "10.88.84.1", "danang"),
    ("AU-NSW.WAN-A", "The Rocks Link", "network", "running", LIVE, SYD, O_SY, "시드니 회선|sydney link", "10.88.61.1", "sydney"),
    ("KR-11.DR-B", "Gasan DR Link", "network", "running", WARM, DR, O_INF, "가산 DR 회선", "10.88.99.1", "dr"),
    # storage: NetApp SVM volume paths
    ("svm-sel:/vol/folio", "Folio Volume", "storage", "running", LIVE, SEL, O_DB, "폴리오 볼륨", "10.88.0.31", "core"),
    ("svm-sel:/vol/media", "Guest Media NAS", "storage", "running", LIVE, SEL, O_WEB, "객실 미디어 저장소|media nas", "10.88.0.32", "guest"),
    ("svm-dng:/vol/resort", "Non Nuoc Filer", "storage", "running", LIVE, DNG, O_DN, "다낭 파일러", "10.88.84.31", "danang"),
    ("svm-gsn:/vol/backup", "Gasan Backup Vault", "storage", "running", WARM, DR, O_INF, "가산 백업 볼트|backup vault", "10.88.99.31", "dr"),
    # servers: machine-serial style codes; the Seoul hypervisors carry room types, Da Nang Vietnamese place names
    ("J30A-1F7C", "Deluxe", "server", "running", LIVE, SEL, O_INF, "디럭스 호스트|host deluxe", "10.88.1.11", "core"),
    ("J30A-1F9D", "Suite", "server", "running", LIVE, SEL, O_INF, "스위트 호스트", "10.88.1.12", "core"),
    ("J30A-20B1", "Junior Suite", "server", "running", LIVE, SEL, O_INF, "주니어 스위트 호스트|jr suite", "10.88.1.13", "core"),
    ("J30A-20C4", "Penthouse", "server", "running", LIVE, SEL, O_INF, "펜트하우스 호스트|ph host", "10.88.1.14", "core"),
    ("J30A-21A0", "Night Owl", "server", "running", LIVE, SEL, O_FO, "야간 배치 서버|batch box", "10.88.1.21", "audit"),
    ("J31B-0A12", "Annex", "server", "running", WARM, DR, O_INF, "별관 호스트|dr host", "10.88.99.11", "dr"),
    ("J32C-0B01", "Haeundae Box", "server", "running", LIVE, BSN, O_BY, "해운대 서버", "10.88.26.11", "busan"),
    ("J33D-0C07", "Odongdo", "server", "running", LIVE, YSU, O_BY, "오동도 서버", "10.88.46.11", "yeosu"),
    ("J34E-0D03", "Sông Hàn", "server", "running", LIVE, DNG, O_DN, "Song Han|송한 호스트|다낭 호스트 1", "10.88.84.11", "danang"),
    ("J34E-0D05", "Ngũ Hành Sơn", "server", "running", LIVE, DNG, O_DN, "Ngu Hanh Son|오행산 호스트|다낭 호스트 2", "10.88.84.12", "danang"),
    ("J35F-0E02", "Circular Quay", "server", "running", LIVE, SYD, O_SY, "서큘러 키 서버|syd box", "10.88.61.11", "sydney"),
    # vms: OpenNebula guests, one-<id>
    ("one-417", "Booking VM", "vm", "running", LIVE, SEL, O_WEB, "예약 VM", "10.88.2.17", "web"),
    ("one-418", "PMS VM", "vm", "running", LIVE, SEL, O_FO, "프런트 VM|front office vm", "10.88.2.18", "fo"),
    ("one-419", "Folio DB VM", "vm", "running", LIVE, SEL, O_DB, "폴리오 DB VM", "10.88.2.19", "fo"),
    ("one-420", "Keycard VM", "vm", "running", LIVE, SEL, O_FO, "키카드 VM|lock vm", "10.88.2.20", "fo"),
    ("one-421", "Loyalty VM", "vm", "running", LIVE, SEL, O_LOY, "멤버십 VM", "10.88.2.21", "loyalty"),
    ("one-422", "F&B VM", "vm", "running", LIVE, SEL, O_FNB, "식음 VM|fnb vm", "10.88.2.22", "fnb"),
    ("one-423", "Channel VM", "vm", "running", LIVE, SEL, O_REV, "채널 VM|ota vm", "10.88.2.23", "revenue"),
    ("one-424", "Guest Net VM", "vm", "running", LIVE, SEL, O_WEB, "투숙객 서비스 VM", "10.88.2.24", "guest"),
    ("one-425", "UAT VM", "vm", "maintenance", UAT, SEL, O_WEB, "검수 VM|uat box", "10.88.2.25", "uat"),
    ("one-426", "Legacy Kiosk VM", "vm", "stopped", LAB, SEL, O_FO, "구 키오스크 VM", "10.88.2.26", "lab"),
    ("one-311", "Haeundae VM", "vm", "running", LIVE, BSN, O_BY, "해운대 VM", "10.88.26.21", "busan"),
    ("one-511", "Resort VM", "vm", "running", LIVE, DNG, O_DN, "리조트 VM|다낭 VM", "10.88.84.21", "danang"),
    ("one-512", "Spa VM", "vm", "running", LIVE, DNG, O_DN, "스파 VM", "10.88.84.22", "danang"),
    ("one-611", "Rocks VM", "vm", "running", LIVE, SYD, O_SY, "더록스 VM|sydney vm", "10.88.61.21", "sydney"),
    # databases: Azure-style names, sqldb-<what>-<region> (krc Korea Central, krs Korea South, sea, aue)
    ("sqldb-folio-krc", "Folio DB", "database", "running", LIVE, SEL, O_DB, "폴리오 DB|guest ledger", "10.88.3.11", "fo"),
    ("sqldb-folio-krs", "Folio DB Replica", "database", "running", WARM, DR, O_DB, "폴리오 DB 복제본|ledger replica", "10.88.99.21", "dr"),
    ("sqldb-crs-krc", "Reservation DB", "database", "running", LIVE, SEL, O_DB, "예약 DB|crs db", "10.88.3.12", "web"),
    ("sqldb-loyalty-krc", "Rewards DB", "database", "running", LIVE, SEL, O_LOY, "리워즈 DB|멤버십 DB", "10.88.3.13", "loyalty"),
    ("sqldb-fnb-krc", "F&B DB", "database", "running", LIVE, SEL, O_FNB, "식음 DB", "10.88.3.14", "fnb"),
    ("sqldb-resort-sea", "Resort DB", "database", "running", LIVE, DNG, O_DN, "리조트 DB|다낭 DB", "10.88.84.41", "danang"),
    ("sqldb-rocks-aue", "Rocks DB", "database", "running", LIVE, SYD, O_SY, "더록스 DB|시드니 DB", "10.88.61.41", "sydney"),
    # apps: container image tags, <name>:<version> (the tag is the version the CMDB last saw)
    ("booking:4.12", "Booking Engine", "app", "running", LIVE, SEL, O_WEB, "예약 엔진|booking", "10.88.4.1", "web"),
    ("booking-jp:2.3", "Booking Engine JP", "app", "running", LIVE, SEL, O_WEB, "일본어 예약 엔진|jp booking", "10.88.4.2", "web"),
    ("mobile:9.1", "Moru App", "app", "error", LIVE, SEL, O_WEB, "모루 앱|mobile app", "10.88.4.3", "web"),
    ("pms:7.3", "Front Desk PMS", "app", "running", LIVE, SEL, O_FO, "프런트 PMS|pms", "10.88.4.11", "fo"),
    ("folio:3.1", "Guest Folio", "app", "running", LIVE, SEL, O_FO, "객실 정산|folio", "10.88.4.12", "fo"),
    ("keycard:2.0", "Keycard Gateway", "app", "running", LIVE, SEL, O_FO, "키카드 게이트웨이|door locks", "10.88.4.13", "fo"),
    ("night-audit:6.0", "Night Audit", "app", "running", LIVE, SEL, O_FO, "나이트 오딧|야간 마감", "10.88.4.14", "audit"),
    ("late-checkout:1.2", "Late Checkout", "app", "running", LIVE, SEL, O_FO, "레이트 체크아웃|퇴실 연장", "10.88.4.15", "fo"),
    ("channel:5.8", "Channel Manager", "app", "running", LIVE, SEL, O_REV, "채널 매니저|ota sync", "10.88.4.21", "revenue"),
    ("rateshop:1.9", "Rate Shopper", "app", "running", LIVE, SEL, O_REV, "요금 비교기|rate shopper", "10.88.4.22", "revenue"),
    ("revenue:8.0", "Revenue Desk", "app", "running", LIVE, SEL, O_REV, "수익관리 시스템|rms", "10.88.4.23", "revenue"),
    ("rewards:3.5", "Moru Rewards", "app", "running", LIVE, SEL, O_LOY, "모루 리워즈|loyalty", "10.88.4.31", "loyalty"),
    ("payment:6.4", "Payment Link", "app", "running", LIVE, SEL, O_WEB, "결제 링크|card gateway", "10.88.4.32", "web"),
    ("restaurant-pos:4.4", "Restaurant POS", "app", "running", LIVE, SEL, O_FNB, "레스토랑 POS", "10.88.4.41", "fnb"),
    ("skybar-pos:4.4", "Skybar POS", "app", "running", LIVE, SEL, O_FNB, "스카이바 POS|rooftop bar", "10.88.4.42", "fnb"),
    ("brunch:1.4", "Sunday Brunch", "app", "running", LIVE, SEL, O_FNB, "선데이 브런치 예약|brunch booking", "10.88.4.43", "fnb"),
    ("wifi-portal:1.7", "Wi-Fi Portal", "app", "running", LIVE, SEL, O_WEB, "와이파이 포털|captive portal", "10.88.4.51", "guest"),
    ("room-tv:3.3", "Room TV", "app", "running", LIVE, SEL, O_WEB, "객실 TV|iptv", "10.88.4.52", "guest"),
    ("concierge:2.8", "Concierge Chat", "app", "running", LAB, SEL, O_WEB, "컨시어지 챗|chatbot", "10.88.4.53", "lab"),
    ("beach-pos:4.4", "Beach Club POS", "app", "running", LIVE, BSN, O_BY, "비치클럽 POS", "10.88.26.51", "busan"),
    ("marina:1.1", "Odongdo Marina", "app", "running", LIVE, YSU, O_BY, "오동도 마리나 예약|marina booking", "10.88.46.51", "yeosu"),
    ("resort-pos:3.0", "Resort POS", "app", "running", LIVE, DNG, O_DN, "리조트 POS|다낭 POS", "10.88.84.51", "danang"),
    ("spa:2.2", "Spa Booking", "app", "running", LIVE, DNG, O_DN, "스파 예약|spa", "10.88.84.52", "danang"),
    ("kiosk:5.0", "The Rocks Kiosk", "app", "running", LIVE, SYD, O_SY, "더록스 키오스크|self check-in", "10.88.61.51", "sydney"),
    # load balancers: Azure Front Door / Application Gateway names
    ("afd-moru-web", "Front Door", "load_balancer", "running", LIVE, SEL, O_INF, "웹 관문|public front door", "10.88.0.80", "web"),
    ("agw-sel-api", "API Gateway", "load_balancer", "running", LIVE, SEL, O_INF, "API 관문|api gw", "10.88.0.81", "web"),
    # services: svc::<word>
    ("svc::stay", "Guest Stay", "service", "running", LIVE, SEL, O_FO, "투숙 서비스", "", "fo"),
    ("svc::direct-booking", "Direct Booking", "service", "running", LIVE, SEL, O_WEB, "직접 예약 서비스|direct channel", "", "web"),
    ("svc::dining", "Dining", "service", "running", LIVE, SEL, O_FNB, "식음 서비스", "", "fnb"),
    ("svc::rewards-program", "Rewards Program", "service", "running", LIVE, SEL, O_LOY, "리워즈 프로그램", "", "loyalty"),
    ("svc::vietnam", "Vietnam Resort", "service", "running", LIVE, DNG, O_DN, "베트남 리조트 서비스", "", "danang"),
    ("svc::sydney", "Sydney Hotel", "service", "running", LIVE, SYD, O_SY, "시드니 호텔 서비스", "", "sydney"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network
    ("KR-11.GUEST", "CONNECTS_TO", "KR-11.CORE"),
    ("KR-26.WAN-A", "CONNECTS_TO", "KR-11.CORE"),
    ("KR-46.WAN-A", "CONNECTS_TO", "KR-11.CORE"),
    ("VN-DN.WAN-A", "CONNECTS_TO", "KR-11.CORE"),
    ("AU-NSW.WAN-A", "CONNECTS_TO", "KR-11.CORE"),
    ("KR-11.DR-B", "CONNECTS_TO", "KR-11.CORE"),
    ("J30A-1F7C", "CONNECTS_TO", "KR-11.CORE"),
    ("J30A-1F9D", "CONNECTS_TO", "KR-11.CORE"),
    ("J30A-20B1", "CONNECTS_TO", "KR-11.CORE"),
    ("J30A-20C4", "CONNECTS_TO", "KR-11.CORE"),
    ("J30A-21A0", "CONNECTS_TO", "KR-11.CORE"),
    ("J31B-0A12", "CONNECTS_TO", "KR-11.DR-B"),
    ("J32C-0B01", "CONNECTS_TO", "KR-26.WAN-A"),
    ("J33D-0C07", "CONNECTS_TO", "KR-46.WAN-A"),
    ("J34E-0D03", "CONNECTS_TO", "VN-DN.WAN-A"),
    ("J34E-0D05", "CONNECTS_TO", "VN-DN.WAN-A"),
    ("J35F-0E02", "CONNECTS_TO", "AU-NSW.WAN-A"),
    ("svm-sel:/vol/folio", "CONNECTS_TO", "KR-11.CORE"),
    ("svm-sel:/vol/media", "CONNECTS_TO", "KR-11.CORE"),
    ("svm-dng:/vol/resort", "CONNECTS_TO", "VN-DN.WAN-A"),
    ("svm-gsn:/vol/backup", "CONNECTS_TO", "KR-11.DR-B"),
    # hypervisors -> vms (Deluxe: HOSTS only; Suite: RUNS_ON only; Junior Suite: both; Penthouse: HOSTS)
    ("J30A-1F7C", "HOSTS", "one-417"),
    ("J30A-1F7C", "HOSTS", "one-423"),
    ("J30A-1F7C", "HOSTS", "one-425"),
    ("one-418", "RUNS_ON", "J30A-1F9D"),
    ("one-419", "RUNS_ON", "J30A-1F9D"),
    ("one-420", "RUNS_ON", "J30A-1F9D"),
    ("J30A-20B1", "HOSTS", "one-421"),
    ("one-421", "RUNS_ON", "J30A-20B1"),
    ("one-422", "RUNS_ON", "J30A-20B1"),
    ("J30A-20B1", "HOSTS", "one-426"),
    ("J30A-20C4", "HOSTS", "one-424"),
    ("one-311", "RUNS_ON", "J32C-0B01"),
    ("J34E-0D03", "HOSTS", "one-511"),
    ("one-512", "RUNS_ON", "J34E-0D05"),
    ("one-611", "RUNS_ON", "J35F-0E02"),
    ("one-419", "DEPENDS_ON", "svm-sel:/vol/folio"),
    ("one-424", "DEPENDS_ON", "svm-sel:/vol/media"),
    ("one-511", "DEPENDS_ON", "svm-dng:/vol/resort"),
    # databases
    ("sqldb-folio-krc", "RUNS_ON", "one-419"),
    ("sqldb-folio-krc", "DEPENDS_ON", "svm-sel:/vol/folio"),
    ("sqldb-folio-krs", "RUNS_ON", "J31B-0A12"),
    ("sqldb-folio-krs", "DEPENDS_ON", "sqldb-folio-krc"),
    ("sqldb-folio-krs", "DEPENDS_ON", "svm-gsn:/vol/backup"),
    ("sqldb-crs-krc", "RUNS_ON", "J30A-20C4"),
    ("sqldb-loyalty-krc", "RUNS_ON", "one-421"),
    ("sqldb-fnb-krc", "RUNS_ON", "one-422"),
    ("sqldb-resort-sea", "RUNS_ON", "one-511"),
    ("sqldb-rocks-aue", "RUNS_ON", "J35F-0E02"),
    # apps on vms and on bare metal
    ("booking:4.12", "RUNS_ON", "one-417"),
    ("booking-jp:2.3", "RUNS_ON", "one-417"),
    ("mobile:9.1", "RUNS_ON", "one-417"),
    ("payment:6.4", "RUNS_ON", "one-417"),
    ("pms:7.3", "RUNS_ON", "one-418"),
    ("folio:3.1", "RUNS_ON", "one-418"),
    ("late-checkout:1.2", "RUNS_ON", "one-418"),
    ("keycard:2.0", "RUNS_ON", "one-420"),
    ("night-audit:6.0", "RUNS_ON", "J30A-21A0"),
    ("channel:5.8", "RUNS_ON", "one-423"),
    ("rateshop:1.9", "RUNS_ON", "one-423"),
    ("revenue:8.0", "RUNS_ON", "J30A-21A0"),
    ("rewards:3.5", "RUNS_ON", "one-421"),
    ("restaurant-pos:4.4", "RUNS_ON", "one-422"),
    ("skybar-pos:4.4", "RUNS_ON", "one-422"),
    ("brunch:1.4", "RUNS_ON", "one-422"),
    ("wifi-portal:1.7", "RUNS_ON", "one-424"),
    ("room-tv:3.3", "RUNS_ON", "one-424"),
    ("concierge:2.8", "RUNS_ON", "one-425"),
    ("beach-pos:4.4", "RUNS_ON", "one-311"),
    ("marina:1.1", "RUNS_ON", "J33D-0C07"),
    ("resort-pos:3.0", "RUNS_ON", "one-511"),
    ("spa:2.2", "RUNS_ON", "one-512"),
    ("kiosk:5.0", "RUNS_ON", "one-611"),
    # app dependencies
    ("booking:4.12", "DEPENDS_ON", "sqldb-crs-krc"),
    ("booking:4.12", "DEPENDS_ON", "payment:6.4"),
    ("booking:4.12", "DEPENDS_ON", "rewards:3.5"),
    ("booking:4.12", "DEPENDS_ON", "revenue:8.0"),
    ("booking-jp:2.3", "DEPENDS_ON", "booking:4.12"),
    ("mobile:9.1", "DEPENDS_ON", "booking:4.12"),
    ("mobile:9.1", "DEPENDS_ON", "rewards:3.5"),
    ("mobile:9.1", "DEPENDS_ON", "keycard:2.0"),
    ("payment:6.4", "DEPENDS_ON", "folio:3.1"),
    ("pms:7.3", "DEPENDS_ON", "sqldb-crs-krc"),
    ("pms:7.3", "DEPENDS_ON", "folio:3.1"),
    ("pms:7.3", "DEPENDS_ON", "keycard:2.0"),
    ("folio:3.1", "DEPENDS_ON", "sqldb-folio-krc"),
    ("keycard:2.0", "CONNECTS_TO", "KR-11.CORE"),
    ("late-checkout:1.2", "DEPENDS_ON", "pms:7.3"),
    ("late-checkout:1.2", "DEPENDS_ON", "folio:3.1"),
    ("night-audit:6.0", "DEPENDS_ON", "sqldb-folio-krc"),
    ("night-audit:6.0", "DEPENDS_ON", "sqldb-crs-krc"),
    ("night-audit:6.0", "DEPENDS_ON", "revenue:8.0"),
    ("channel:5.8", "DEPENDS_ON", "sqldb-crs-krc"),
    ("channel:5.8", "DEPENDS_ON", "revenue:8.0"),
    ("rateshop:1.9", "CONNECTS_TO", "KR-11.CORE"),
    ("revenue:8.0", "DEPENDS_ON", "sqldb-crs-krc"),
    ("revenue:8.0", "DEPENDS_ON", "rateshop:1.9"),
    ("rewards:3.5", "DEPENDS_ON", "sqldb-loyalty-krc"),
    ("restaurant-pos:4.4", "DEPENDS_ON", "sqldb-fnb-krc"),
    ("restaurant-pos:4.4", "DEPENDS_ON", "folio:3.1"),
    ("skybar-pos:4.4", "DEPENDS_ON", "sqldb-fnb-krc"),
    ("skybar-pos:4.4", "DEPENDS_ON", "folio:3.1"),
    ("brunch:1.4", "DEPENDS_ON", "sqldb-fnb-krc"),
    ("brunch:1.4", "DEPENDS_ON", "rewards:3.5"),
    ("wifi-portal:1.7", "DEPENDS_ON", "pms:7.3"),
    ("wifi-portal:1.7", "CONNECTS_TO", "KR-11.GUEST"),
    ("room-tv:3.3", "DEPENDS_ON", "pms:7.3"),
    ("room-tv:3.3", "CONNECTS_TO", "KR-11.GUEST"),
    ("concierge:2.8", "DEPENDS_ON", "pms:7.3"),
    ("concierge:2.8", "DEPENDS_ON", "brunch:1.4"),
    ("beach-pos:4.4", "DEPENDS_ON", "folio:3.1"),
    ("beach-pos:4.4", "CONNECTS_TO", "KR-26.WAN-A"),
    ("marina:1.1", "DEPENDS_ON", "payment:6.4"),
    ("marina:1.1", "CONNECTS_TO", "KR-46.WAN-A"),
    ("resort-pos:3.0", "DEPENDS_ON", "sqldb-resort-sea"),
    ("resort-pos:3.0", "CONNECTS_TO", "VN-DN.WAN-A"),
    ("spa:2.2", "DEPENDS_ON", "sqldb-resort-sea"),
    ("spa:2.2", "DEPENDS_ON", "payment:6.4"),
    ("kiosk:5.0", "DEPENDS_ON", "sqldb-rocks-aue"),
    ("kiosk:5.0", "DEPENDS_ON", "keycard:2.0"),
    ("kiosk:5.0", "CONNECTS_TO", "AU-NSW.WAN-A"),
    # load balancers
    ("afd-moru-web", "CONNECTS_TO", "booking:4.12"),
    ("afd-moru-web", "CONNECTS_TO", "booking-jp:2.3"),
    ("afd-moru-web", "CONNECTS_TO", "mobile:9.1"),
    ("agw-sel-api", "CONNECTS_TO", "payment:6.4"),
    ("agw-sel-api", "CONNECTS_TO", "channel:5.8"),
    ("agw-sel-api", "CONNECTS_TO", "rewards:3.5"),
    # services
    ("svc::stay", "DEPENDS_ON", "pms:7.3"),
    ("svc::stay", "DEPENDS_ON", "keycard:2.0"),
    ("svc::stay", "DEPENDS_ON", "folio:3.1"),
    ("svc::stay", "DEPENDS_ON", "night-audit:6.0"),
    ("svc::stay", "DEPENDS_ON", "wifi-portal:1.7"),
    ("svc::direct-booking", "DEPENDS_ON", "afd-moru-web"),
    ("svc::direct-booking", "DEPENDS_ON", "booking:4.12"),
    ("svc::direct-booking", "DEPENDS_ON", "mobile:9.1"),
    ("svc::direct-booking", "DEPENDS_ON", "channel:5.8"),
    ("svc::dining", "DEPENDS_ON", "restaurant-pos:4.4"),
    ("svc::dining", "DEPENDS_ON", "skybar-pos:4.4"),
    ("svc::dining", "DEPENDS_ON", "brunch:1.4"),
    ("svc::rewards-program", "DEPENDS_ON", "agw-sel-api"),
    ("svc::rewards-program", "DEPENDS_ON", "rewards:3.5"),
    ("svc::vietnam", "DEPENDS_ON", "resort-pos:3.0"),
    ("svc::vietnam", "DEPENDS_ON", "spa:2.2"),
    ("svc::sydney", "DEPENDS_ON", "kiosk:5.0"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: booking (online booking: lunch break and the evening 20-23 Seoul, more at weekends), frontdesk (check-out
#           10-12 and check-in 14-19 Seoul), audit (the night audit batch 02:00-04:00 Seoul), revenue (rate pushes at
#           06, 12 and 18 Seoul), fnb (breakfast, lunch and dinner Seoul; Sunday brunch 10-14), guest (guests in their
#           rooms: the evening 19-24 Seoul), danang (the resort's day 07-22 ICT), sydney (the hotel's day 07-23 on
#           Sydney's clock, AEDT then AEST), office (Seoul working days 09-18), flat
METRIC_PLAN = {
    "J30A-1F7C": {"cpu_usage": (34, 0.55, 1.6, "booking"), "mem_usage": (62, 0.04, 1.0, "booking"), "disk_usage": (41, 0, 0.2, "flat")},
    "J30A-1F9D": {"cpu_usage": (31, 0.55, 1.5, "frontdesk"), "mem_usage": (57, 0.04, 1.0, "frontdesk"), "disk_usage": (46, 0, 0.2, "flat")},
    "J30A-20B1": {"cpu_usage": (28, 0.50, 1.5, "fnb"), "mem_usage": (66, 0.03, 0.9, "fnb"), "disk_usage": (52, 0, 0.2, "flat")},
    "J30A-20C4": {"cpu_usage": (38, 0.45, 1.6, "booking"), "mem_usage": (71, 0.03, 0.9, "booking"), "disk_usage": (58, 0, 0.2, "flat")},
    "J30A-21A0": {"cpu_usage": (16, 3.20, 1.6, "audit"), "mem_usage": (47, 0.15, 1.0, "audit"), "disk_usage": (36, 0, 0.2, "flat")},
    "J31B-0A12": {"cpu_usage": (7, 0.20, 0.6, "flat"), "mem_usage": (33, 0.02, 0.8, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "J32C-0B01": {"cpu_usage": (24, 0.60, 1.4, "frontdesk"), "mem_usage": (50, 0.04, 0.9, "frontdesk"), "disk_usage": (44, 0, 0.2, "flat")},
    "J33D-0C07": {"cpu_usage": (19, 0.60, 1.3, "frontdesk"), "mem_usage": (42, 0.04, 0.9, "frontdesk"), "disk_usage": (39, 0, 0.2, "flat")},
    "J34E-0D03": {"cpu_usage": (26, 0.70, 1.5, "danang"), "mem_usage": (55, 0.04, 0.9, "danang"), "disk_usage": (61, 0, 0.2, "flat")},
    "J34E-0D05": {"cpu_usage": (21, 0.70, 1.4, "danang"), "mem_usage": (48, 0.04, 0.9, "danang"), "disk_usage": (37, 0, 0.2, "flat")},
    "J35F-0E02": {"cpu_usage": (23, 0.80, 1.5, "sydney"), "mem_usage": (53, 0.05, 0.9, "sydney"), "disk_usage": (49, 0, 0.2, "flat")},
    "one-417": {"cpu_usage": (30, 0.80, 1.6, "booking"), "mem_usage": (60, 0.04, 0.9, "booking"), "disk_usage": (35, 0, 0.2, "flat")},
    "one-418": {"cpu_usage": (27, 0.70, 1.5, "frontdesk"), "mem_usage": (58, 0.04, 0.9, "frontdesk"), "disk_usage": (40, 0, 0.2, "flat")},
    "one-419": {"cpu_usage": (25, 0.60, 1.4, "audit"), "mem_usage": (73, 0.02, 0.6, "flat"), "disk_usage": (54, 0, 0.2, "flat")},
    "one-420": {"cpu_usage": (14, 0.70, 1.1, "frontdesk"), "mem_usage": (41, 0.04, 0.9, "frontdesk"), "disk_usage": (30, 0, 0.2, "flat")},
    "one-421": {"cpu_usage": (22, 0.60, 1.3, "booking"), "mem_usage": (56, 0.04, 0.9, "booking"), "disk_usage": (43, 0, 0.2, "flat")},
    "one-422": {"cpu_usage": (20, 0.80, 1.3, "fnb"), "mem_usage": (52, 0.04, 0.9, "fnb"), "disk_usage": (38, 0, 0.2, "flat")},
    "one-423": {"cpu_usage": (24, 0.60, 1.4, "revenue"), "mem_usage": (54, 0.04, 0.9, "revenue"), "disk_usage": (42, 0, 0.2, "flat")},
    "one-424": {"cpu_usage": (18, 0.90, 1.3, "guest"), "mem_usage": (49, 0.04, 0.9, "guest"), "disk_usage": (66, 0, 0.2, "flat")},
    "one-425": {"cpu_usage": (15, 0.60, 1.2, "office"), "mem_usage": (38, 0.03, 1.0, "office"), "disk_usage": (47, 0, 0.2, "flat")},
    "one-426": {"cpu_usage": (10, 0.40, 0.9, "frontdesk"), "mem_usage": (31, 0.03, 1.0, "flat"), "disk_usage": (72, 0, 0.2, "flat")},
    "one-311": {"cpu_usage": (21, 0.60, 1.3, "fnb"), "mem_usage": (46, 0.04, 0.9, "fnb"), "disk_usage": (33, 0, 0.2, "flat")},
    "one-511": {"cpu_usage": (29, 0.70, 1.5, "danang"), "mem_usage": (59, 0.04, 0.9, "danang"), "disk_usage": (45, 0, 0.2, "flat")},
    "one-512": {"cpu_usage": (17, 0.70, 1.2, "danang"), "mem_usage": (44, 0.04, 0.9, "danang"), "disk_usage": (32, 0, 0.2, "flat")},
    "one-611": {"cpu_usage": (25, 0.80, 1.5, "sydney"), "mem_usage": (57, 0.04, 0.9, "sydney"), "disk_usage": (39, 0, 0.2, "flat")},
    "sqldb-folio-krc": {"cpu_usage": (26, 0.70, 1.4, "audit"), "mem_usage": (75, 0.02, 0.6, "flat"), "disk_usage": (57, 0, 0.2, "flat")},
    "sqldb-folio-krs": {"cpu_usage": (9, 0.20, 0.7, "flat"), "mem_usage": (61, 0.02, 0.6, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    "sqldb-crs-krc": {"cpu_usage": (29, 0.70, 1.5, "booking"), "mem_usage": (68, 0.02, 0.6, "flat"), "disk_usage": (63, 0, 0.2, "flat")},
    "sqldb-loyalty-krc": {"cpu_usage": (19, 0.60, 1.3, "booking"), "mem_usage": (64, 0.02, 0.6, "flat"), "disk_usage": (48, 0, 0.2, "flat")},
    "sqldb-fnb-krc": {"cpu_usage": (16, 0.70, 1.2, "fnb"), "mem_usage": (51, 0.03, 0.7, "fnb"), "disk_usage": (45, 0, 0.2, "flat")},
    "sqldb-resort-sea": {"cpu_usage": (15, 0.70, 1.1, "danang"), "mem_usage": (47, 0.03, 0.7, "danang"), "disk_usage": (52, 0, 0.2, "flat")},
    "sqldb-rocks-aue": {"cpu_usage": (13, 0.80, 1.0, "sydney"), "mem_usage": (45, 0.03, 0.7, "sydney"), "disk_usage": (69, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "booking:4.12": {"cpu_usage": (26, 0.80, 1.5, "booking"), "latency_ms": (290, 0.40, 8.0, "booking"), "error_rate": (0.12, 0.3, 0.025, "booking")},
    "booking-jp:2.3": {"cpu_usage": (12, 0.70, 1.0, "booking"), "latency_ms": (410, 0.40, 11.0, "booking"), "error_rate": (0.18, 0.3, 0.035, "booking")},
    "mobile:9.1": {"cpu_usage": (23, 0.80, 1.4, "booking"), "latency_ms": (215, 0.40, 6.0, "booking"), "error_rate": (0.64, 0.3, 0.07, "booking")},
    "pms:7.3": {"cpu_usage": (25, 0.70, 1.5, "frontdesk"), "latency_ms": (160, 0.35, 4.0, "frontdesk"), "error_rate": (0.06, 0.3, 0.015, "frontdesk")},
    "folio:3.1": {"cpu_usage": (18, 0.70, 1.2, "frontdesk"), "latency_ms": (120, 0.35, 3.5, "frontdesk"), "error_rate": (0.05, 0.3, 0.012, "frontdesk")},
    "keycard:2.0": {"cpu_usage": (11, 0.70, 1.0, "frontdesk"), "latency_ms": (48, 0.35, 1.5, "frontdesk"), "error_rate": (0.04, 0.3, 0.01, "frontdesk")},
    "night-audit:6.0": {"cpu_usage": (14, 3.00, 1.6, "audit"), "latency_ms": (2300, 0.30, 50.0, "audit"), "error_rate": (0.09, 0.3, 0.02, "audit")},
    "late-checkout:1.2": {"cpu_usage": (7, 0.60, 0.8, "frontdesk"), "latency_ms": (135, 0.30, 4.0, "frontdesk"), "error_rate": (0.07, 0.3, 0.015, "frontdesk")},
    "channel:5.8": {"cpu_usage": (21, 0.60, 1.3, "revenue"), "latency_ms": (640, 0.30, 15.0, "revenue"), "error_rate": (0.22, 0.3, 0.04, "revenue")},
    "rateshop:1.9": {"cpu_usage": (17, 0.70, 1.2, "revenue"), "latency_ms": (1480, 0.30, 35.0, "revenue"), "error_rate": (0.31, 0.3, 0.05, "revenue")},
    "revenue:8.0": {"cpu_usage": (13, 0.90, 1.1, "revenue"), "latency_ms": (870, 0.30, 20.0, "revenue"), "error_rate": (0.08, 0.3, 0.02, "revenue")},
    "rewards:3.5": {"cpu_usage": (16, 0.60, 1.2, "booking"), "latency_ms": (185, 0.35, 5.0, "booking"), "error_rate": (0.10, 0.3, 0.02, "booking")},
    "payment:6.4": {"cpu_usage": (19, 0.70, 1.3, "booking"), "latency_ms": (330, 0.35, 9.0, "booking"), "error_rate": (0.14, 0.3, 0.03, "booking")},
    "restaurant-pos:4.4": {"cpu_usage": (15, 0.80, 1.2, "fnb"), "latency_ms": (95, 0.35, 3.0, "fnb"), "error_rate": (0.05, 0.3, 0.012, "fnb")},
    "skybar-pos:4.4": {"cpu_usage": (9, 0.80, 0.9, "guest"), "latency_ms": (105, 0.35, 3.0, "guest"), "error_rate": (0.06, 0.3, 0.014, "guest")},
    "brunch:1.4": {"cpu_usage": (8, 0.90, 0.9, "fnb"), "latency_ms": (260, 0.35, 7.0, "fnb"), "error_rate": (0.11, 0.3, 0.025, "fnb")},
    "wifi-portal:1.7": {"cpu_usage": (22, 0.80, 1.4, "guest"), "latency_ms": (380, 0.40, 10.0, "guest"), "error_rate": (0.27, 0.3, 0.05, "guest")},
    "room-tv:3.3": {"cpu_usage": (13, 0.90, 1.1, "guest"), "latency_ms": (72, 0.40, 2.5, "guest"), "error_rate": (0.03, 0.3, 0.008, "guest")},
    "concierge:2.8": {"cpu_usage": (10, 0.60, 1.0, "office"), "latency_ms": (1720, 0.30, 40.0, "office"), "error_rate": (0.42, 0.3, 0.06, "office")},
    "beach-pos:4.4": {"cpu_usage": (12, 0.80, 1.0, "fnb"), "latency_ms": (118, 0.35, 3.5, "fnb"), "error_rate": (0.07, 0.3, 0.015, "fnb")},
    "marina:1.1": {"cpu_usage": (6, 0.60, 0.7, "frontdesk"), "latency_ms": (455, 0.30, 12.0, "frontdesk"), "error_rate": (0.16, 0.3, 0.03, "frontdesk")},
    "resort-pos:3.0": {"cpu_usage": (14, 0.80, 1.1, "danang"), "latency_ms": (142, 0.35, 4.0, "danang"), "error_rate": (0.08, 0.3, 0.018, "danang")},
    "spa:2.2": {"cpu_usage": (8, 0.80, 0.8, "danang"), "latency_ms": (315, 0.35, 8.0, "danang"), "error_rate": (0.13, 0.3, 0.03, "danang")},
    "kiosk:5.0": {"cpu_usage": (10, 0.80, 0.9, "sydney"), "latency_ms": (590, 0.30, 14.0, "sydney"), "error_rate": (0.19, 0.3, 0.035, "sydney")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "one-426": datetime(2037, 2, 20, 12, 0, tzinfo=KST),
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
    if kind == "booking":
        v = 0.10 + 0.35 * bump(h, 12.5, 1.2) + 0.6 * bump(h, 21.5, 1.8) + 0.2 * plateau(h, 9.0, 18.0)
        return v if t.weekday() < 5 else 0.85 * v + 0.12
    if kind == "frontdesk":
        return 0.10 + 0.45 * bump(h, 11.0, 1.0) + 0.6 * plateau(h, 14.0, 19.0)
    if kind == "audit":
        return 0.06 + 0.9 * plateau(h, 2.0, 4.0)
    if kind == "revenue":
        return 0.15 + 0.5 * sum(bump(h, c, 0.6) for c in (6.0, 12.0, 18.0))
    if kind == "fnb":
        v = 0.10 + 0.35 * bump(h, 8.0, 1.0) + 0.4 * bump(h, 12.5, 1.0) + 0.55 * bump(h, 19.5, 1.5)
        if t.weekday() == 6:
            v += 0.4 * plateau(h, 10.0, 14.0)
        return v
    if kind == "guest":
        return 0.12 + 0.7 * plateau(h, 19.0, 23.8) + 0.2 * bump(h, 7.5, 1.0)
    if kind == "danang":
        return 0.12 + 0.65 * plateau(hour_of(ts, ICT), 7.0, 22.0)
    if kind == "sydney":
        return 0.12 + 0.65 * plateau(hour_of(ts, syd_tz(ts)), 7.0, 23.0)
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
    return 0.0


def kst(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=KST)


def ict(y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=ICT)


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
    # level shift: the Rewards DB's memory after the buffer-pool change, from Tue 2037-03-10 10:00
    if code == "sqldb-loyalty-krc" and metric == "mem_usage" and ts >= kst(2037, 3, 10, 10):
        v += 9.0
    # growth: the Folio DB's disk over the whole history (folios are kept seven years)
    if code == "sqldb-folio-krc" and metric == "disk_usage":
        v += 24.0 * ramp(ts, M_START, M_END)
    # growth: the Guest Net VM's disk from 2037-03-01 (room-TV recordings)
    if code == "one-424" and metric == "disk_usage":
        v += 18.0 * ramp(ts, kst(2037, 3, 1), M_END)
    # 1. OTA sync storm, Tue 2037-01-20 08:00-16:00 (in the 4-hour part): Channel Manager 5.7 at 05:10, a rate plan
    #    bulk change at 06:30
    if within(ts, kst(2037, 1, 20, 8), kst(2037, 1, 20, 16)):
        if code == "channel:5.8" and metric == "latency_ms":
            v *= 4.0
        if code == "channel:5.8" and metric == "error_rate":
            v = 6.5 + rng.gauss(0, 0.3)
        if code == "one-423" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.5)
        if code == "revenue:8.0" and metric == "error_rate":
            v += 2.5 + rng.gauss(0, 0.2)
    # 2. keycards fail at the check-in peak, Sat 2037-03-14 15:00-17:30 (lock encoder firmware 11:00, Keycard
    #    Gateway 2.1 at 13:20)
    if within(ts, kst(2037, 3, 14, 15), kst(2037, 3, 14, 17, 30)):
        if code == "keycard:2.0" and metric == "error_rate":
            v = 7.5 + rng.gauss(0, 0.4)
        if code == "keycard:2.0" and metric == "latency_ms":
            v *= 5.0
        if code == "one-420" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "pms:7.3" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 3. the night audit overruns, Wed 2037-03-25 02:00-05:30 (Folio DB index change Tue 23:40, Night Audit 6.1
    #    at 00:30)
    if within(ts, kst(2037, 3, 25, 2), kst(2037, 3, 25, 5, 30)):
        if code == "night-audit:6.0" and metric == "latency_ms":
            v *= 3.0
        if code == "night-audit:6.0" and metric == "error_rate":
            v = 5.5 + rng.gauss(0, 0.3)
        if code == "J30A-21A0" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.4)
        if code == "sqldb-folio-krc" and metric == "cpu_usage":
            v += 25
    # 4. the Da Nang resort POS fails at dinner, Sat 2037-03-28 19:00-21:00 ICT = 21:00-23:00 Seoul (Non Nuoc
    #    link QoS 16:00 ICT, Resort POS 3.1 at 17:30 ICT)
    if within(ts, ict(2037, 3, 28, 19), ict(2037, 3, 28, 21)):
        if code == "resort-pos:3.0" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.4)
        if code == "resort-pos:3.0" and metric == "latency_ms":
            v *= 4.0
        if code == "one-511" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.6)
        if code == "sqldb-resort-sea" and metric == "cpu_usage":
            v += 30
    # UAT VM in maintenance from Wed 2037-04-01 09:00: idle
    if code == "one-425" and metric == "cpu_usage" and ts >= kst(2037, 4, 1, 9):
        v = 2.5 + rng.gauss(0, 0.3)
    # 5. Sydney's clocks go back (03:00 AEDT -> 02:00 AEST, Sun 2037-04-05): the kiosk issues keys twice in the repeated
    #    hour, 2037-04-04 15:30Z - 17:30Z = 02:30 AEDT - 03:30 AEST = Sun 00:30-02:30 Seoul (NTP change Sat 22:00
    #    AEDT, The Rocks Kiosk 5.1 at 00:15 AEDT)
    if within(ts, datetime(2037, 4, 4, 15, 30, tzinfo=UTC), datetime(2037, 4, 4, 17, 30, tzinfo=UTC)):
        if code == "kiosk:5.0" and metric == "error_rate":
            v = 9.5 + rng.gauss(0, 0.5)
        if code == "kiosk:5.0" and metric == "latency_ms":
            v *= 3.0
        if code == "one-611" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 0.6)
        if code == "sqldb-rocks-aue" and metric == "cpu_usage":
            v += 28
    # 6. the Easter Monday booking rush, from Mon 2037-04-06 08:00, ongoing at now (Revenue Desk rate push 05:30,
    #    Booking Engine 4.13 at 07:10)
    if ts >= kst(2037, 4, 6, 8):
        if code == "booking:4.12" and metric == "error_rate":
            v = 8.5 + rng.gauss(0, 0.5)
        if code == "booking:4.12" and metric == "latency_ms":
            v *= 3.0
        if code == "one-417" and metric == "cpu_usage":
            v = 96 + rng.gauss(0, 0.5)
        if code == "sqldb-crs-krc" and metric == "cpu_usage":
            v += 30
        if code == "mobile:9.1" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Samples every 4 hours (an older rollup) from M_START, every 30 minutes from MID_START, every 90 seconds
    from FINE_START, every 5 seconds from TICK_START up to and including NOW."""
    times = []
    t = M_START
    while t < MID_START:
        times.append(t)
        t += STEP_4H
    while t < FINE_START:
        times.append(t)
        t += STEP_30M
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
            # Circular Quay: Sydney's New Year's Eve fireworks, 2035-12-31 12:30-14:30Z = 23:30 AEDT 31 Dec - 01:30
            #   AEDT 1 Jan 2036 = 21:30-23:30 Seoul on 31 Dec; a warm-up +9 from 09:00Z (20:00 AEDT)
            if code == "J35F-0E02" and datetime(2035, 12, 31, 9, 0, tzinfo=UTC) <= t < datetime(2035, 12, 31, 12, 30, tzinfo=UTC):
                v += 9.0
            if code == "J35F-0E02" and datetime(2035, 12, 31, 12, 30, tzinfo=UTC) <= t < datetime(2035, 12, 31, 14, 30, tzinfo=UTC):
                v = 91 + rng.gauss(0, 1.0)
            # Song Han: the Da Nang fireworks night, Sat 2034-06-10 20:00-23:30 ICT = 13:00-16:30Z = 22:00 Sat - 01:30
            #   Sun 06-11 Seoul
            if code == "J34E-0D03" and datetime(2034, 6, 10, 13, 0, tzinfo=UTC) <= t < datetime(2034, 6, 10, 16, 30, tzinfo=UTC):
                v = 88 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (datetime(2034, 6, 10, 11, 0, tzinfo=UTC), "J34E-0D03", "change", "info", "불꽃축제 야간 예약 페이지 증설", "CHG-340610 extra web workers for the fireworks night"),
    (datetime(2034, 6, 10, 13, 20, tzinfo=UTC), "J34E-0D03", "alert", "major", "Sông Hàn CPU 85% 초과 (불꽃축제)", "cpu_usage 88%"),
    (datetime(2035, 12, 31, 8, 0, tzinfo=UTC), "J35F-0E02", "change", "info", "NYE 하버뷰 패키지 체크인 창구 확장", "CHG-351231 extra kiosk sessions"),
    (datetime(2035, 12, 31, 12, 45, tzinfo=UTC), "J35F-0E02", "alert", "major", "Circular Quay CPU 90% 초과 (NYE)", "cpu_usage 91%"),
    (kst(2037, 1, 7, 2, 0), "KR-11.CORE", "change", "info", "을지로 코어 스위치 OS 업그레이드", "CHG-370107 night window"),
    # 1. Channel Manager, Tue 01-20
    (kst(2037, 1, 20, 5, 10), "channel:5.8", "deploy", "info", "Channel Manager 5.7 배포", "release 5.7 new OTA mapping"),
    (kst(2037, 1, 20, 6, 30), "revenue:8.0", "change", "info", "봄 시즌 요금제 일괄 변경", "CHG-370120 412 rate plans"),
    (kst(2037, 1, 20, 8, 25), "channel:5.8", "incident", "major", "OTA 재고 동기화 실패로 초과 예약 발생", "INC-370120-01 overbooking on two OTAs"),
    (kst(2037, 1, 20, 9, 0), "one-423", "alert", "major", "Channel VM CPU 90% 초과", "cpu_usage 94%"),
    (kst(2037, 1, 20, 16, 20), "channel:5.8", "change", "info", "Channel Manager 5.6.3 롤백", "rollback; inventory in sync"),
    (kst(2037, 1, 28, 3, 0), "J30A-1F9D", "change", "info", "Suite 하이퍼바이저 보안 패치", "CHG-370128 rolling; live migration"),
    (kst(2037, 2, 20, 12, 0), "one-426", "change", "info", "구 키오스크 VM 전원 종료 (Sydney 이관 완료)", "CHG-370220 powered off"),
    (kst(2037, 3, 3, 2, 0), "svm-gsn:/vol/backup", "change", "info", "가산 백업 볼트 보존 정책 변경", "CHG-370303 retention 35 days"),
    (kst(2037, 3, 10, 10, 0), "sqldb-loyalty-krc", "change", "info", "리워즈 DB 버퍼 풀 확장", "CHG-370310 buffer pool +16 GB"),
    # 2. Keycard Gateway, Sat 03-14
    (kst(2037, 3, 14, 11, 0), "J30A-1F9D", "change", "info", "객실 도어락 인코더 펌웨어 업데이트", "CHG-370314 encoder firmware 3.2"),
    (kst(2037, 3, 14, 13, 20), "keycard:2.0", "deploy", "info", "Keycard Gateway 2.1 배포", "release 2.1 mobile key support"),
    (kst(2037, 3, 14, 15, 4), "keycard:2.0", "incident", "critical", "체크인 피크 중 객실 카드키 발급 실패", "INC-370314-01 keys not encoded at the front desk"),
    (kst(2037, 3, 14, 15, 15), "one-420", "alert", "major", "Keycard VM CPU 90% 초과", "cpu_usage 93%"),
    (kst(2037, 3, 14, 17, 45), "keycard:2.0", "change", "info", "Keycard Gateway 2.0.4 롤백", "rollback; keys encoding"),
    (kst(2037, 3, 18, 4, 0), "sqldb-folio-krc", "alert", "minor", "Folio DB 디스크 75% 초과", "volume 75%"),
    # 3. Night Audit, Wed 03-25
    (kst(2037, 3, 24, 23, 40), "sqldb-folio-krc", "change", "info", "폴리오 DB 인덱스 재구성", "CHG-370324 folio_lines index"),
    (kst(2037, 3, 25, 0, 30), "night-audit:6.0", "deploy", "info", "Night Audit 6.1 배포", "release 6.1 city tax posting"),
    (kst(2037, 3, 25, 2, 47), "night-audit:6.0", "incident", "major", "야간 마감 지연으로 영업일자 미전환", "INC-370325-01 business date not rolled"),
    (kst(2037, 3, 25, 3, 0), "J30A-21A0", "alert", "major", "Night Owl CPU 95% 초과", "cpu_usage 96%"),
    (kst(2037, 3, 25, 5, 50), "night-audit:6.0", "change", "info", "Night Audit 6.0.2 롤백", "rollback; business date rolled"),
    # 4. Resort POS, Sat 03-28 (Da Nang dinner, ICT)
    (ict(2037, 3, 28, 16, 0), "VN-DN.WAN-A", "change", "info", "다낭 회선 QoS 정책 변경", "CHG-370328 POS traffic class"),
    (ict(2037, 3, 28, 17, 30), "resort-pos:3.0", "deploy", "info", "Resort POS 3.1 배포", "release 3.1 VND rounding"),
    (ict(2037, 3, 28, 19, 10), "resort-pos:3.0", "incident", "major", "다낭 리조트 디너 시간 POS 결제 실패", "INC-370328-01 card payments declined"),
    (ict(2037, 3, 28, 19, 20), "one-511", "alert", "major", "Resort VM CPU 90% 초과", "cpu_usage 92%"),
    (ict(2037, 3, 28, 21, 15), "resort-pos:3.0", "change", "info", "Resort POS 3.0.6 롤백", "rollback; payments flowing"),
    (kst(2037, 3, 31, 2, 0), "sqldb-folio-krs", "change", "info", "분기말 DR 전환 훈련 (폴리오 DB 복제본)", "CHG-370331 switchover drill; switched back 04:10"),
    (kst(2037, 4, 1, 9, 0), "one-425", "change", "info", "UAT VM 점검 모드 전환", "CHG-370401 maintenance"),
    (kst(2037, 4, 2, 4, 0), "sqldb-folio-krc", "alert", "minor", "Folio DB 디스크 80% 근접", "volume 79%"),
    # 5. The Rocks Kiosk, the night Sydney's clocks went back (Sat 04-04 / Sun 04-05, AEDT -> AEST)
    (datetime(2037, 4, 4, 22, 0, tzinfo=AEDT), "J35F-0E02", "change", "info", "Circular Quay NTP 서버 변경", "CHG-370404 new stratum-1 source"),
    (datetime(2037, 4, 5, 0, 15, tzinfo=AEDT), "kiosk:5.0", "deploy", "info", "The Rocks Kiosk 5.1 배포", "release 5.1 express check-out"),
    (datetime(2037, 4, 4, 15, 40, tzinfo=UTC), "kiosk:5.0", "incident", "major", "서머타임 종료 중 셀프 체크인 키 중복 발급", "INC-370405-01 duplicate keys in the repeated hour"),
    (datetime(2037, 4, 4, 15, 50, tzinfo=UTC), "one-611", "alert", "major", "Rocks VM CPU 90% 초과", "cpu_usage 91%"),
    (datetime(2037, 4, 4, 17, 45, tzinfo=UTC), "kiosk:5.0", "change", "info", "The Rocks Kiosk 5.0.7 롤백", "rollback; one key per stay"),
    (kst(2037, 4, 5, 10, 0), "brunch:1.4", "alert", "minor", "Sunday Brunch 대기열 지연 경고", "latency 0.6 s"),
    # 6. Booking Engine, Easter Monday, ongoing
    (kst(2037, 4, 6, 5, 30), "revenue:8.0", "change", "info", "부활절 특가 요금 일괄 반영", "CHG-370406 Easter rates pushed"),
    (kst(2037, 4, 6, 7, 10), "booking:4.12", "deploy", "info", "Booking Engine 4.13 배포", "release 4.13 new checkout page"),
    (kst(2037, 4, 6, 8, 2), "booking:4.12", "incident", "critical", "부활절 특가 예약 폭주로 결제 단계 오류", "INC-370406-01 checkout errors"),
    (kst(2037, 4, 6, 8, 4), "one-417", "alert", "major", "Booking VM CPU 95% 초과", "cpu_usage 96%"),
    (kst(2037, 4, 6, 8, 6), "mobile:9.1", "alert", "minor", "Moru App 예약 오류 증가", "error_rate 2%"),
]

BUILD_APPS = ["booking-jp:2.3", "mobile:9.1", "rewards:3.5", "concierge:2.8", "room-tv:3.3", "spa:2.2", "marina:1.1"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2037, 3, 27)
    n = 0
    while day < kst(2037, 4, 6):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{7300 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky currency rounding test"))
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "weekend", "thismonth", "lastmonth", "thisyear", "daysago:2", "weekday:fri", "weekday:sat", "weekday:sun", "thisquarter", "lastquarter", "last:3h", "last:1h", "last:30m", "last:15m", "last:7d", "last:14d", "dayutc:2037-04-05", "span:2037-04-05T00:00+11:00/2037-04-06T00:00+10:00", "since:2037-04-06T00:00+10:00", "since:2037-04-06T00:00+07:00", "day:2037-01-20", "day:2037-03-14", "span:2037-03-14T15:00/2037-03-14T17:30", "day:2037-03-25", "span:2037-03-25T02:00/2037-03-25T05:30", "day:2037-03-28", "span:2037-03-28T00:00+07:00/2037-03-29T00:00+07:00", "span:2037-03-28T19:00+07:00/2037-03-28T21:00+07:00", "day:2037-04-05", "month:2037-03", "month:2037-02", "month:2037-01", "days:2037-02-14..2037-02-17", "day:2035-12-31", "day:2036-01-01", "dayutc:2035-12-31", "span:2035-12-31T00:00+11:00/2036-01-01T00:00+11:00", "span:2036-01-01T00:00+11:00/2036-01-02T00:00+11:00", "month:2035-12", "year:2035", "year:2036", "day:2034-06-10", "day:2034-06-11", "dayutc:2034-06-10", "span:2034-06-10T00:00+07:00/2034-06-11T00:00+07:00", "month:2034-06", "quarter:2034-Q2"):
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
