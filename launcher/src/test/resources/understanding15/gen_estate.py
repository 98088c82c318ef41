#!/usr/bin/env python3
"""Deterministic generator for the "Baram Meteorological Administration" (바람기상청, BMA) estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids G###, halves "dev19" / "test15") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding14/gen_estate.py (the "Yunseul Securities"
set), copied unchanged from event_checks() onwards except the ranges that --summary prints.  The
estate (a national weather service: the supercomputer, numerical models, observations, radar,
satellite, aviation weather, public web, warnings and an Antarctic station), the clock (Friday
29 February 2036, 09:04 Seoul = 00:04 UTC: the leap day, four minutes into the UTC day and the 00 UTC
synoptic hour, with an incident ongoing), the sampling (every 2 hours in December and January, every
20 minutes from 2036-02-01, every 2 minutes from Thursday 2036-02-28, every 10 seconds from 08:50
today, and two 5-minute UTC blocks shaped like public AWS CloudWatch EC2 CPU series around a typhoon
ensemble night in August 2034 and an Antarctic midwinter burst in June 2033), the Antarctic station
on New Zealand time (NZDT +13:00 now, NZST +12:00 in June), the names, the personas and the
questions differ.  See README.md.

Spec grammar: as in ../understanding14/gen_estate.py (persona tags `# G<n> ...`).
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
HALVES = ("dev19", "test15")
ID_PREFIX = "G"
TAG_LETTER = "G"
SEED = 20360229
KST = timezone(timedelta(hours=9))
NZDT = timezone(timedelta(hours=13))     # New Zealand daylight time (the Antarctic station's clock) until 2036-04-06
NZST = timezone(timedelta(hours=12))     # New Zealand standard time (June 2033)
UTC = timezone.utc
NOW = datetime(2036, 2, 29, 9, 4, tzinfo=KST)            # Fri 29 February 2036 (leap day), 09:04 Seoul = 00:04Z = 22:04 NZDT
M_START = datetime(2035, 12, 1, 0, 0, tzinfo=KST)         # a Saturday; every 2 hours (an old rollup) ...
MID_START = datetime(2036, 2, 1, 0, 0, tzinfo=KST)        # ... every 20 minutes from 1 February ...
FINE_START = datetime(2036, 2, 28, 0, 0, tzinfo=KST)      # ... every 2 minutes from yesterday (Thursday) ...
TICK_START = datetime(2036, 2, 29, 8, 50, tzinfo=KST)     # ... and every 10 seconds from 08:50 today
M_END = NOW                                                # inclusive: the last sample is at 09:04:00 itself
STEP_2H = timedelta(hours=2)
STEP_20M = timedelta(minutes=20)
STEP_FINE = timedelta(minutes=2)
STEP_TICK = timedelta(seconds=10)
H_STEP = timedelta(minutes=5)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("x1000c1s0b0n0", datetime(2034, 8, 19, 22, 3, tzinfo=UTC), 1152, 14.0, 1.0, 0.006),   # 4 days over the typhoon ensemble night of 2034-08-21 (UTC)
    ("x9001c0s1b0n0", datetime(2033, 6, 18, 11, 2, tzinfo=UTC), 1152, 9.0, 0.8, 0.006),    # 4 days over the Antarctic midwinter burst of 2033-06-21 (NZST)
]
# Korean public holidays in the main history: 성탄절 12-25, 신정 01-01, 설날 연휴 Sun 01-27 .. Tue 01-29 and the
# substitute holiday Wed 01-30
KR_HOLIDAYS = {(2035, 12, 25), (2036, 1, 1), (2036, 1, 27), (2036, 1, 28), (2036, 1, 29), (2036, 1, 30)}


# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# locations (Hangul with spaces): 보라매 본청 (the head office and main data centre), 음성 슈퍼컴센터 (the
#        supercomputer centre), 진천 위성센터 (the satellite centre), 관악산 레이더 / 성산 레이더 (radar sites,
#        성산 on Jeju), 테라노바 기지 (the Antarctic station, on New Zealand time), 광주 DR센터 (disaster recovery)
# owners: Korean team names; environments: ops-24x7, pre-ops, research-lab, dr-standby
# --------------------------------------------------------------------------------------
HQ, HPC, SAT, GWK, SSN, ANT, DR = "보라매 본청", "음성 슈퍼컴센터", "진천 위성센터", "관악산 레이더", "성산 레이더", "테라노바 기지", "광주 DR센터"
OP, PRE, RES, BAK = "ops-24x7", "pre-ops", "research-lab", "dr-standby"
CIS = [
    # network: IPv6 unique-local prefixes
    ("fd42:10::/48", "Boramae Core Router", "network", "running", OP, HQ, "정보통신과", "보라매 코어 라우터|core router", "10.47.0.1", "core"),
    ("fd42:20::/48", "InfiniBand Fabric", "network", "running", OP, HPC, "슈퍼컴운영팀", "인피니밴드 패브릭|ib fabric", "10.47.20.1", "hpc"),
    ("fd42:30::/48", "Ground Station LAN", "network", "running", OP, SAT, "위성센터", "지상국 네트워크|gs lan", "10.47.30.1", "sat"),
    ("fd42:40::/48", "Radar WAN", "network", "running", OP, HQ, "레이더센터", "레이더 전용망|radar network", "10.47.40.1", "radar"),
    ("fd42:50::/48", "Terra Nova VSAT Link", "network", "running", OP, ANT, "극지운영팀", "남극 위성링크|vsat", "10.47.50.1", "polar"),
    ("fd42:60::/48", "Gwangju DR Edge", "network", "running", BAK, DR, "정보통신과", "광주 DR 라우터", "10.47.60.1", "dr"),
    # storage: Lustre object storage targets, <fsname>-OST<nnnn>
    ("nwpfs-OST0000", "Model Scratch", "storage", "running", OP, HPC, "슈퍼컴운영팀", "모델 스크래치|scratch", "10.47.20.31", "hpc"),
    ("obsfs-OST0003", "Obs Archive", "storage", "running", OP, HQ, "관측정책과", "관측 자료 저장소|obs archive store", "10.47.0.31", "obs"),
    ("satfs-OST0002", "Satellite Archive", "storage", "running", OP, SAT, "위성센터", "위성 자료 보관소", "10.47.30.31", "sat"),
    ("drfs-OST0009", "Gwangju Tape Library", "storage", "running", BAK, DR, "정보통신과", "광주 테이프 라이브러리|tape library", "10.47.60.31", "dr"),
    # servers: HPE Cray xnames, x<cabinet>c<chassis>s<slot>b<board>n<node>; the hypervisors carry cloud genera,
    # the supercomputer's nodes Beaufort-scale words, the Antarctic server a Maori name with a macron
    ("x3000c0s11b0n0", "Cirrus", "server", "running", OP, HQ, "정보통신과", "권운 호스트|host cirrus", "10.47.1.11", "core"),
    ("x3000c0s13b0n0", "Stratus", "server", "running", OP, HQ, "정보통신과", "층운 호스트|host stratus", "10.47.1.13", "core"),
    ("x3000c0s15b0n0", "Cumulus", "server", "running", OP, HQ, "정보통신과", "적운 호스트", "10.47.1.15", "core"),
    ("x3100c0s11b0n0", "Nimbus", "server", "running", BAK, DR, "정보통신과", "난층운 호스트|광주 DR 호스트", "10.47.60.11", "dr"),
    ("x1000c0s0b0n0", "Gentle Breeze", "server", "running", OP, HPC, "슈퍼컴운영팀", "로그인 노드 1|login1", "10.47.20.11", "hpc"),
    ("x1000c0s0b0n1", "Fresh Breeze", "server", "running", OP, HPC, "슈퍼컴운영팀", "로그인 노드 2|login2", "10.47.20.12", "hpc"),
    ("x1000c1s0b0n0", "Gale", "server", "running", OP, HPC, "수치모델과", "전지구 계산 노드|gm node", "10.47.20.21", "hpc"),
    ("x1000c1s1b0n0", "Strong Gale", "server", "running", OP, HPC, "수치모델과", "국지 계산 노드|lm node", "10.47.20.22", "hpc"),
    ("x1000c2s0b0n0", "Storm", "server", "running", OP, HPC, "수치모델과", "후처리 노드|pp node", "10.47.20.23", "hpc"),
    ("x5000c0s3b0n0", "Ground Station FE", "server", "running", OP, SAT, "위성센터", "지상국 수신 서버|gs box", "10.47.30.11", "sat"),
    ("x5101c0s1b0n0", "Gwanak Radar Server", "server", "running", OP, GWK, "레이더센터", "관악산 레이더 서버", "10.47.41.11", "radar"),
    ("x5102c0s1b0n0", "Seongsan Radar Server", "server", "running", OP, SSN, "레이더센터", "성산 레이더 서버|jeju radar box", "10.47.42.11", "radar"),
    ("x9001c0s1b0n0", "Tāwhiri", "server", "running", OP, ANT, "극지운영팀", "Tawhiri|남극 서버", "10.47.50.11", "polar"),
    # vms: Proxmox guests, qemu/<vmid>
    ("qemu/2101", "Forecast VM", "vm", "running", OP, HQ, "예보국", "예보 VM", "10.47.21.1", "forecast"),
    ("qemu/2102", "Forecast DB VM", "vm", "running", OP, HQ, "DB운영팀", "예보 DB VM", "10.47.21.2", "forecast"),
    ("qemu/2103", "Alert VM", "vm", "running", OP, HQ, "특보상황실", "특보 VM|warning vm", "10.47.21.3", "forecast"),
    ("qemu/2201", "Portal VM", "vm", "running", OP, HQ, "대국민서비스팀", "포털 VM|web vm", "10.47.22.1", "web"),
    ("qemu/2202", "API VM", "vm", "running", OP, HQ, "대국민서비스팀", "오픈API VM", "10.47.22.2", "web"),
    ("qemu/2203", "Aviation VM", "vm", "running", OP, HQ, "항공기상팀", "항공 VM", "10.47.22.3", "aviation"),
    ("qemu/2204", "Trial VM", "vm", "maintenance", PRE, HQ, "수치모델과", "시험운영 VM|trial box", "10.47.22.4", "trial"),
    ("qemu/2301", "Obs VM", "vm", "running", OP, HQ, "관측정책과", "관측 VM", "10.47.23.1", "obs"),
    ("qemu/2302", "Radar VM", "vm", "running", OP, HQ, "레이더센터", "레이더 VM", "10.47.23.2", "radar"),
    ("qemu/2303", "Satellite VM", "vm", "running", OP, HQ, "위성센터", "위성 VM|sat vm", "10.47.23.3", "sat"),
    ("qemu/2304", "Verify VM", "vm", "running", RES, HQ, "검증연구팀", "검증 VM", "10.47.23.4", "research"),
    ("qemu/2305", "Old Portal VM", "vm", "stopped", RES, HQ, "대국민서비스팀", "구 포털 VM", "10.47.23.5", "research"),
    # databases: TNS-style service names, <NAME>.WORLD
    ("OBSDB.WORLD", "Obs DB", "database", "running", OP, HQ, "DB운영팀", "관측 DB|surface obs db", "10.47.23.11", "obs"),
    ("FCSTDB.WORLD", "Forecast DB", "database", "running", OP, HQ, "DB운영팀", "예보 DB", "10.47.21.11", "forecast"),
    ("FCSTDR.WORLD", "Forecast DB Gwangju", "database", "running", BAK, DR, "DB운영팀", "예보 DB 광주|forecast standby", "10.47.60.21", "dr"),
    ("RADDB.WORLD", "Radar DB", "database", "running", OP, HQ, "레이더센터", "레이더 DB", "10.47.23.12", "radar"),
    ("SATDB.WORLD", "Sat Catalogue", "database", "running", OP, HQ, "위성센터", "위성 카탈로그|satellite catalogue", "10.47.23.13", "sat"),
    ("NZDB.WORLD", "Terra Nova DB", "database", "running", OP, ANT, "극지운영팀", "남극 DB", "10.47.50.21", "polar"),
    ("RUNDB.WORLD", "Run Catalogue", "database", "running", OP, HPC, "수치모델과", "모델 런 카탈로그|run db", "10.47.20.41", "hpc"),
    # apps: WMO abbreviated bulletin headings, TTAAii
    ("SMKO01", "SYNOP Decoder", "app", "running", OP, HQ, "관측정책과", "지상관측 디코더|synop", "10.47.31.1", "obs"),
    ("SAKO31", "METAR Hub", "app", "running", OP, HQ, "항공기상팀", "공항 관측 허브|metar", "10.47.31.2", "aviation"),
    ("FTKO41", "TAF Writer", "app", "running", OP, HQ, "항공기상팀", "공항예보 작성기|taf", "10.47.31.3", "aviation"),
    ("FPKO50", "Forecast Desk", "app", "running", OP, HQ, "예보국", "예보 편집기|forecaster desk", "10.47.31.4", "forecast"),
    ("WWKO10", "Warning Issuer", "app", "running", OP, HQ, "특보상황실", "특보 발표 시스템|warnings", "10.47.31.5", "forecast"),
    ("WOKO11", "CAP Feed", "app", "running", OP, HQ, "특보상황실", "재난문자 연계|cap alerts", "10.47.31.6", "forecast"),
    ("WTKO20", "Typhoon Track", "app", "running", OP, HQ, "예보국", "태풍 진로 예측|typhoon tracker", "10.47.31.7", "forecast"),
    ("FXKO52", "baram.go.kr", "app", "running", OP, HQ, "대국민서비스팀", "날씨누리|weather portal", "10.47.32.1", "web"),
    ("FXKO53", "m.baram.go.kr", "app", "error", OP, HQ, "대국민서비스팀", "모바일 날씨|mobile web", "10.47.32.2", "web"),
    ("FXKO54", "api.baram.go.kr", "app", "running", OP, HQ, "대국민서비스팀", "공공데이터 API|open api", "10.47.32.3", "web"),
    ("CSKO90", "Skill Score", "app", "running", RES, HQ, "검증연구팀", "예보 검증|verification", "10.47.33.1", "research"),
    ("GMKO12", "Global Model 12 km", "app", "running", OP, HPC, "수치모델과", "전지구 모델|global model", "10.47.20.51", "hpc"),
    ("LMKO15", "Local Model 1.5 km", "app", "running", OP, HPC, "수치모델과", "국지 모델|local model", "10.47.20.52", "hpc"),
    ("PPKO60", "Post Processor", "app", "running", OP, HPC, "수치모델과", "후처리|post processing", "10.47.20.53", "hpc"),
    ("JSKO98", "Slurm Controller", "app", "running", OP, HPC, "슈퍼컴운영팀", "작업 스케줄러|slurmctld", "10.47.20.54", "hpc"),
    ("SIKO70", "L0 Ingest", "app", "running", OP, SAT, "위성센터", "위성 수신 처리|level 0 ingest", "10.47.30.51", "sat"),
    ("SIKO71", "L1b Processor", "app", "running", OP, HQ, "위성센터", "위성 L1b 처리|level 1b", "10.47.33.2", "sat"),
    ("SCKO72", "Cloud Mask", "app", "running", OP, HQ, "위성센터", "구름 탐지|cloud detection", "10.47.33.3", "sat"),
    ("RDKO80", "Radar Composite", "app", "running", OP, HQ, "레이더센터", "레이더 합성|radar mosaic", "10.47.34.1", "radar"),
    ("RDKO81", "1.5 km CAPPI", "app", "running", OP, HQ, "레이더센터", "1.5km 고도 합성|cappi", "10.47.34.2", "radar"),
    ("FNKO82", "Nowcast", "app", "running", OP, HPC, "레이더센터", "초단기 예측|nowcasting", "10.47.20.55", "radar"),
    ("SMAA40", "Polar Obs Relay", "app", "running", OP, ANT, "극지운영팀", "남극 관측 중계|polar relay", "10.47.50.51", "polar"),
    # load balancers: HAProxy frontends, fe:<name>
    ("fe:web443", "Public Front", "load_balancer", "running", OP, HQ, "정보통신과", "대국민 관문|public vip", "10.47.0.80", "web"),
    ("fe:amhs", "Aviation Front", "load_balancer", "running", OP, HQ, "정보통신과", "항공 관문|amhs vip", "10.47.0.81", "aviation"),
    # services: WIS 2.0 topic-like paths
    ("wis2/kr-bma/public", "Public Weather", "service", "running", OP, HQ, "예보국", "국민 날씨 서비스|public weather service", "", "web"),
    ("wis2/kr-bma/aviation", "Aviation Weather", "service", "running", OP, HQ, "항공기상팀", "항공기상 서비스", "", "aviation"),
    ("wis2/kr-bma/nwp", "NWP Guidance", "service", "running", OP, HPC, "수치모델과", "수치예보 가이던스|model guidance", "", "hpc"),
    ("wis2/kr-bma/satellite", "Satellite Imagery", "service", "running", OP, SAT, "위성센터", "위성 영상 서비스", "", "sat"),
    ("wis2/kr-bma/radar", "Radar Service", "service", "running", OP, HQ, "레이더센터", "레이더 서비스", "", "radar"),
    ("wis2/kr-bma/polar", "Polar Obs", "service", "running", OP, ANT, "극지운영팀", "극지 관측 서비스", "", "polar"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network
    ("fd42:20::/48", "CONNECTS_TO", "fd42:10::/48"),
    ("fd42:30::/48", "CONNECTS_TO", "fd42:10::/48"),
    ("fd42:40::/48", "CONNECTS_TO", "fd42:10::/48"),
    ("fd42:50::/48", "CONNECTS_TO", "fd42:10::/48"),
    ("fd42:60::/48", "CONNECTS_TO", "fd42:10::/48"),
    ("x3000c0s11b0n0", "CONNECTS_TO", "fd42:10::/48"),
    ("x3000c0s13b0n0", "CONNECTS_TO", "fd42:10::/48"),
    ("x3000c0s15b0n0", "CONNECTS_TO", "fd42:10::/48"),
    ("x3100c0s11b0n0", "CONNECTS_TO", "fd42:60::/48"),
    ("x1000c0s0b0n0", "CONNECTS_TO", "fd42:20::/48"),
    ("x1000c0s0b0n1", "CONNECTS_TO", "fd42:20::/48"),
    ("x1000c1s0b0n0", "CONNECTS_TO", "fd42:20::/48"),
    ("x1000c1s1b0n0", "CONNECTS_TO", "fd42:20::/48"),
    ("x1000c2s0b0n0", "CONNECTS_TO", "fd42:20::/48"),
    ("x5000c0s3b0n0", "CONNECTS_TO", "fd42:30::/48"),
    ("x5101c0s1b0n0", "CONNECTS_TO", "fd42:40::/48"),
    ("x5102c0s1b0n0", "CONNECTS_TO", "fd42:40::/48"),
    ("x9001c0s1b0n0", "CONNECTS_TO", "fd42:50::/48"),
    ("nwpfs-OST0000", "CONNECTS_TO", "fd42:20::/48"),
    ("obsfs-OST0003", "CONNECTS_TO", "fd42:10::/48"),
    ("satfs-OST0002", "CONNECTS_TO", "fd42:30::/48"),
    ("drfs-OST0009", "CONNECTS_TO", "fd42:60::/48"),
    # hypervisors -> vms (Cirrus: HOSTS only; Stratus: RUNS_ON only; Cumulus: both)
    ("x3000c0s11b0n0", "HOSTS", "qemu/2101"),
    ("x3000c0s11b0n0", "HOSTS", "qemu/2102"),
    ("x3000c0s11b0n0", "HOSTS", "qemu/2103"),
    ("qemu/2201", "RUNS_ON", "x3000c0s13b0n0"),
    ("qemu/2202", "RUNS_ON", "x3000c0s13b0n0"),
    ("qemu/2203", "RUNS_ON", "x3000c0s13b0n0"),
    ("qemu/2204", "RUNS_ON", "x3000c0s13b0n0"),
    ("x3000c0s15b0n0", "HOSTS", "qemu/2301"),
    ("qemu/2301", "RUNS_ON", "x3000c0s15b0n0"),
    ("x3000c0s15b0n0", "HOSTS", "qemu/2302"),
    ("qemu/2303", "RUNS_ON", "x3000c0s15b0n0"),
    ("qemu/2304", "RUNS_ON", "x3000c0s15b0n0"),
    ("x3000c0s15b0n0", "HOSTS", "qemu/2305"),
    ("qemu/2301", "DEPENDS_ON", "obsfs-OST0003"),
    # databases
    ("OBSDB.WORLD", "RUNS_ON", "qemu/2301"),
    ("OBSDB.WORLD", "DEPENDS_ON", "obsfs-OST0003"),
    ("FCSTDB.WORLD", "RUNS_ON", "qemu/2102"),
    ("FCSTDR.WORLD", "RUNS_ON", "x3100c0s11b0n0"),
    ("FCSTDR.WORLD", "DEPENDS_ON", "FCSTDB.WORLD"),
    ("FCSTDR.WORLD", "DEPENDS_ON", "drfs-OST0009"),
    ("RADDB.WORLD", "RUNS_ON", "qemu/2302"),
    ("SATDB.WORLD", "RUNS_ON", "qemu/2303"),
    ("SATDB.WORLD", "DEPENDS_ON", "satfs-OST0002"),
    ("NZDB.WORLD", "RUNS_ON", "x9001c0s1b0n0"),
    ("RUNDB.WORLD", "RUNS_ON", "x1000c2s0b0n0"),
    ("RUNDB.WORLD", "DEPENDS_ON", "nwpfs-OST0000"),
    # apps on vms and on bare metal
    ("SMKO01", "RUNS_ON", "qemu/2301"),
    ("SAKO31", "RUNS_ON", "qemu/2203"),
    ("FTKO41", "RUNS_ON", "qemu/2203"),
    ("FPKO50", "RUNS_ON", "qemu/2101"),
    ("WTKO20", "RUNS_ON", "qemu/2101"),
    ("WWKO10", "RUNS_ON", "qemu/2103"),
    ("WOKO11", "RUNS_ON", "qemu/2103"),
    ("FXKO52", "RUNS_ON", "qemu/2201"),
    ("FXKO53", "RUNS_ON", "qemu/2201"),
    ("FXKO54", "RUNS_ON", "qemu/2202"),
    ("CSKO90", "RUNS_ON", "qemu/2304"),
    ("GMKO12", "RUNS_ON", "x1000c1s0b0n0"),
    ("LMKO15", "RUNS_ON", "x1000c1s1b0n0"),
    ("PPKO60", "RUNS_ON", "x1000c2s0b0n0"),
    ("FNKO82", "RUNS_ON", "x1000c2s0b0n0"),
    ("JSKO98", "RUNS_ON", "x1000c0s0b0n0"),
    ("SIKO70", "RUNS_ON", "x5000c0s3b0n0"),
    ("SIKO71", "RUNS_ON", "qemu/2303"),
    ("SCKO72", "RUNS_ON", "qemu/2303"),
    ("RDKO80", "RUNS_ON", "qemu/2302"),
    ("RDKO81", "RUNS_ON", "qemu/2302"),
    ("SMAA40", "RUNS_ON", "x9001c0s1b0n0"),
    # app dependencies
    ("SMKO01", "DEPENDS_ON", "OBSDB.WORLD"),
    ("SAKO31", "DEPENDS_ON", "OBSDB.WORLD"),
    ("FTKO41", "DEPENDS_ON", "SAKO31"),
    ("FTKO41", "DEPENDS_ON", "FCSTDB.WORLD"),
    ("FTKO41", "DEPENDS_ON", "PPKO60"),
    ("FPKO50", "DEPENDS_ON", "FCSTDB.WORLD"),
    ("FPKO50", "DEPENDS_ON", "PPKO60"),
    ("FPKO50", "DEPENDS_ON", "RDKO80"),
    ("FPKO50", "DEPENDS_ON", "SCKO72"),
    ("WWKO10", "DEPENDS_ON", "FPKO50"),
    ("WWKO10", "DEPENDS_ON", "WOKO11"),
    ("WOKO11", "CONNECTS_TO", "fd42:10::/48"),
    ("WTKO20", "DEPENDS_ON", "GMKO12"),
    ("WTKO20", "DEPENDS_ON", "FCSTDB.WORLD"),
    ("FXKO52", "DEPENDS_ON", "FXKO54"),
    ("FXKO52", "DEPENDS_ON", "RDKO81"),
    ("FXKO53", "DEPENDS_ON", "FXKO54"),
    ("FXKO54", "DEPENDS_ON", "FCSTDB.WORLD"),
    ("FXKO54", "DEPENDS_ON", "OBSDB.WORLD"),
    ("CSKO90", "DEPENDS_ON", "FCSTDB.WORLD"),
    ("CSKO90", "DEPENDS_ON", "OBSDB.WORLD"),
    ("CSKO90", "DEPENDS_ON", "RUNDB.WORLD"),
    ("GMKO12", "DEPENDS_ON", "JSKO98"),
    ("GMKO12", "DEPENDS_ON", "nwpfs-OST0000"),
    ("GMKO12", "DEPENDS_ON", "OBSDB.WORLD"),
    ("LMKO15", "DEPENDS_ON", "GMKO12"),
    ("LMKO15", "DEPENDS_ON", "JSKO98"),
    ("LMKO15", "DEPENDS_ON", "nwpfs-OST0000"),
    ("PPKO60", "DEPENDS_ON", "GMKO12"),
    ("PPKO60", "DEPENDS_ON", "LMKO15"),
    ("PPKO60", "DEPENDS_ON", "RUNDB.WORLD"),
    ("SIKO70", "CONNECTS_TO", "fd42:30::/48"),
    ("SIKO71", "DEPENDS_ON", "SIKO70"),
    ("SIKO71", "DEPENDS_ON", "SATDB.WORLD"),
    ("SCKO72", "DEPENDS_ON", "SIKO71"),
    ("RDKO80", "DEPENDS_ON", "RADDB.WORLD"),
    ("RDKO80", "DEPENDS_ON", "x5101c0s1b0n0"),
    ("RDKO80", "DEPENDS_ON", "x5102c0s1b0n0"),
    ("RDKO80", "CONNECTS_TO", "fd42:40::/48"),
    ("RDKO81", "DEPENDS_ON", "RDKO80"),
    ("FNKO82", "DEPENDS_ON", "RDKO80"),
    ("FNKO82", "DEPENDS_ON", "LMKO15"),
    ("SMAA40", "DEPENDS_ON", "NZDB.WORLD"),
    ("SMAA40", "CONNECTS_TO", "fd42:50::/48"),
    # load balancers
    ("fe:web443", "CONNECTS_TO", "FXKO52"),
    ("fe:web443", "CONNECTS_TO", "FXKO53"),
    ("fe:web443", "CONNECTS_TO", "FXKO54"),
    ("fe:amhs", "CONNECTS_TO", "SAKO31"),
    ("fe:amhs", "CONNECTS_TO", "FTKO41"),
    # services
    ("wis2/kr-bma/public", "DEPENDS_ON", "fe:web443"),
    ("wis2/kr-bma/public", "DEPENDS_ON", "FXKO52"),
    ("wis2/kr-bma/public", "DEPENDS_ON", "FXKO53"),
    ("wis2/kr-bma/public", "DEPENDS_ON", "WWKO10"),
    ("wis2/kr-bma/public", "DEPENDS_ON", "WTKO20"),
    ("wis2/kr-bma/aviation", "DEPENDS_ON", "fe:amhs"),
    ("wis2/kr-bma/aviation", "DEPENDS_ON", "SAKO31"),
    ("wis2/kr-bma/aviation", "DEPENDS_ON", "FTKO41"),
    ("wis2/kr-bma/nwp", "DEPENDS_ON", "GMKO12"),
    ("wis2/kr-bma/nwp", "DEPENDS_ON", "LMKO15"),
    ("wis2/kr-bma/nwp", "DEPENDS_ON", "PPKO60"),
    ("wis2/kr-bma/satellite", "DEPENDS_ON", "SIKO71"),
    ("wis2/kr-bma/satellite", "DEPENDS_ON", "SCKO72"),
    ("wis2/kr-bma/radar", "DEPENDS_ON", "RDKO80"),
    ("wis2/kr-bma/radar", "DEPENDS_ON", "RDKO81"),
    ("wis2/kr-bma/radar", "DEPENDS_ON", "FNKO82"),
    ("wis2/kr-bma/polar", "DEPENDS_ON", "SMAA40"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: synop (observations arrive in the first minutes of every UTC hour, most at the synoptic hours
#           00/06/12/18 UTC and some at 03/09/15/21 UTC), nwp_global (the global model runs 02:30-04:30 after
#           its 00 and 12 UTC cycles), nwp_local (the local model runs from +1:00 to +2:00 of every 3-hourly
#           UTC cycle), post (post-processing after both), forecast (forecasters' day shift in Seoul and the
#           05, 11 and 17 o'clock issues), public (public web: the morning commute, the evening, more at
#           weekends), sat (the satellite's even daily cycle), radar (round the clock), nz (the Antarctic
#           station's working day 08:00-18:00 NZDT, every day), office (Seoul working days 09-18), flat
METRIC_PLAN = {
    "x3000c0s11b0n0": {"cpu_usage": (36, 0.50, 1.6, "forecast"), "mem_usage": (64, 0.04, 1.0, "forecast"), "disk_usage": (42, 0, 0.2, "flat")},
    "x3000c0s13b0n0": {"cpu_usage": (33, 0.60, 1.6, "public"), "mem_usage": (58, 0.04, 1.0, "public"), "disk_usage": (47, 0, 0.2, "flat")},
    "x3000c0s15b0n0": {"cpu_usage": (30, 0.50, 1.5, "synop"), "mem_usage": (71, 0.03, 0.9, "synop"), "disk_usage": (53, 0, 0.2, "flat")},
    "x3100c0s11b0n0": {"cpu_usage": (8, 0.20, 0.7, "flat"), "mem_usage": (35, 0.02, 0.8, "flat"), "disk_usage": (29, 0, 0.2, "flat")},
    "x1000c0s0b0n0": {"cpu_usage": (22, 0.50, 1.4, "office"), "mem_usage": (46, 0.05, 0.9, "office"), "disk_usage": (37, 0, 0.2, "flat")},
    "x1000c0s0b0n1": {"cpu_usage": (19, 0.50, 1.3, "office"), "mem_usage": (43, 0.05, 0.9, "office"), "disk_usage": (35, 0, 0.2, "flat")},
    "x1000c1s0b0n0": {"cpu_usage": (18, 3.50, 1.8, "nwp_global"), "mem_usage": (62, 0.20, 1.0, "nwp_global"), "disk_usage": (44, 0, 0.2, "flat")},
    "x1000c1s1b0n0": {"cpu_usage": (20, 3.00, 1.8, "nwp_local"), "mem_usage": (59, 0.20, 1.0, "nwp_local"), "disk_usage": (41, 0, 0.2, "flat")},
    "x1000c2s0b0n0": {"cpu_usage": (24, 1.50, 1.6, "post"), "mem_usage": (55, 0.10, 0.9, "post"), "disk_usage": (49, 0, 0.2, "flat")},
    "x5000c0s3b0n0": {"cpu_usage": (41, 0.40, 1.5, "sat"), "mem_usage": (52, 0.04, 0.9, "sat"), "disk_usage": (66, 0, 0.2, "flat")},
    "x5101c0s1b0n0": {"cpu_usage": (27, 0.50, 1.4, "radar"), "mem_usage": (48, 0.04, 0.9, "radar"), "disk_usage": (39, 0, 0.2, "flat")},
    "x5102c0s1b0n0": {"cpu_usage": (31, 0.50, 1.5, "radar"), "mem_usage": (51, 0.04, 0.9, "radar"), "disk_usage": (45, 0, 0.2, "flat")},
    "x9001c0s1b0n0": {"cpu_usage": (12, 0.90, 1.0, "nz"), "mem_usage": (40, 0.05, 0.9, "nz"), "disk_usage": (62, 0, 0.2, "flat")},
    "qemu/2101": {"cpu_usage": (29, 0.60, 1.5, "forecast"), "mem_usage": (61, 0.04, 0.9, "forecast"), "disk_usage": (38, 0, 0.2, "flat")},
    "qemu/2102": {"cpu_usage": (26, 0.50, 1.4, "forecast"), "mem_usage": (76, 0.02, 0.6, "flat"), "disk_usage": (57, 0, 0.2, "flat")},
    "qemu/2103": {"cpu_usage": (15, 0.60, 1.2, "forecast"), "mem_usage": (44, 0.04, 0.9, "forecast"), "disk_usage": (31, 0, 0.2, "flat")},
    "qemu/2201": {"cpu_usage": (34, 0.80, 1.7, "public"), "mem_usage": (63, 0.04, 0.9, "public"), "disk_usage": (36, 0, 0.2, "flat")},
    "qemu/2202": {"cpu_usage": (28, 0.80, 1.5, "public"), "mem_usage": (57, 0.04, 0.9, "public"), "disk_usage": (33, 0, 0.2, "flat")},
    "qemu/2203": {"cpu_usage": (21, 0.60, 1.3, "synop"), "mem_usage": (49, 0.04, 0.9, "synop"), "disk_usage": (34, 0, 0.2, "flat")},
    "qemu/2204": {"cpu_usage": (17, 0.60, 1.2, "office"), "mem_usage": (39, 0.03, 1.0, "office"), "disk_usage": (51, 0, 0.2, "flat")},
    "qemu/2301": {"cpu_usage": (25, 0.90, 1.4, "synop"), "mem_usage": (60, 0.04, 0.9, "synop"), "disk_usage": (55, 0, 0.2, "flat")},
    "qemu/2302": {"cpu_usage": (32, 0.50, 1.5, "radar"), "mem_usage": (62, 0.04, 0.9, "radar"), "disk_usage": (43, 0, 0.2, "flat")},
    "qemu/2303": {"cpu_usage": (37, 0.50, 1.6, "sat"), "mem_usage": (66, 0.04, 0.9, "sat"), "disk_usage": (58, 0, 0.2, "flat")},
    "qemu/2304": {"cpu_usage": (16, 0.70, 1.2, "office"), "mem_usage": (45, 0.04, 0.9, "office"), "disk_usage": (40, 0, 0.2, "flat")},
    "qemu/2305": {"cpu_usage": (9, 0.40, 0.9, "public"), "mem_usage": (33, 0.03, 1.0, "flat"), "disk_usage": (74, 0, 0.2, "flat")},
    "OBSDB.WORLD": {"cpu_usage": (23, 0.80, 1.4, "synop"), "mem_usage": (74, 0.02, 0.6, "flat"), "disk_usage": (60, 0, 0.2, "flat")},
    "FCSTDB.WORLD": {"cpu_usage": (27, 0.60, 1.5, "forecast"), "mem_usage": (69, 0.02, 0.6, "flat"), "disk_usage": (52, 0, 0.2, "flat")},
    "FCSTDR.WORLD": {"cpu_usage": (10, 0.20, 0.8, "flat"), "mem_usage": (58, 0.02, 0.6, "flat"), "disk_usage": (53, 0, 0.2, "flat")},
    "RADDB.WORLD": {"cpu_usage": (21, 0.50, 1.3, "radar"), "mem_usage": (57, 0.03, 0.7, "radar"), "disk_usage": (64, 0, 0.2, "flat")},
    "SATDB.WORLD": {"cpu_usage": (18, 0.50, 1.2, "sat"), "mem_usage": (53, 0.03, 0.7, "sat"), "disk_usage": (71, 0, 0.2, "flat")},
    "NZDB.WORLD": {"cpu_usage": (8, 0.80, 0.8, "nz"), "mem_usage": (37, 0.03, 0.7, "nz"), "disk_usage": (46, 0, 0.2, "flat")},
    "RUNDB.WORLD": {"cpu_usage": (14, 1.00, 1.2, "post"), "mem_usage": (51, 0.03, 0.7, "post"), "disk_usage": (58, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "SMKO01": {"cpu_usage": (19, 0.90, 1.3, "synop"), "latency_ms": (310, 0.40, 9.0, "synop"), "error_rate": (0.09, 0.3, 0.02, "synop")},
    "SAKO31": {"cpu_usage": (14, 0.70, 1.1, "synop"), "latency_ms": (86, 0.35, 3.0, "synop"), "error_rate": (0.05, 0.3, 0.012, "synop")},
    "FTKO41": {"cpu_usage": (11, 0.70, 1.0, "forecast"), "latency_ms": (540, 0.30, 14.0, "forecast"), "error_rate": (0.12, 0.3, 0.025, "forecast")},
    "FPKO50": {"cpu_usage": (24, 0.70, 1.5, "forecast"), "latency_ms": (230, 0.35, 6.0, "forecast"), "error_rate": (0.07, 0.3, 0.015, "forecast")},
    "WWKO10": {"cpu_usage": (12, 0.60, 1.0, "forecast"), "latency_ms": (145, 0.30, 4.0, "forecast"), "error_rate": (0.04, 0.3, 0.01, "forecast")},
    "WOKO11": {"cpu_usage": (9, 0.50, 0.9, "forecast"), "latency_ms": (62, 0.30, 2.0, "forecast"), "error_rate": (0.03, 0.3, 0.008, "forecast")},
    "WTKO20": {"cpu_usage": (16, 0.80, 1.2, "nwp_global"), "latency_ms": (1850, 0.30, 40.0, "nwp_global"), "error_rate": (0.15, 0.3, 0.03, "nwp_global")},
    "FXKO52": {"cpu_usage": (31, 0.80, 1.7, "public"), "latency_ms": (175, 0.40, 5.0, "public"), "error_rate": (0.11, 0.3, 0.025, "public")},
    "FXKO53": {"cpu_usage": (26, 0.80, 1.6, "public"), "latency_ms": (240, 0.40, 7.0, "public"), "error_rate": (0.58, 0.3, 0.07, "public")},
    "FXKO54": {"cpu_usage": (22, 0.80, 1.4, "public"), "latency_ms": (95, 0.40, 3.0, "public"), "error_rate": (0.08, 0.3, 0.02, "public")},
    "CSKO90": {"cpu_usage": (13, 0.70, 1.1, "office"), "latency_ms": (2600, 0.25, 50.0, "office"), "error_rate": (0.21, 0.3, 0.04, "office")},
    "GMKO12": {"cpu_usage": (20, 3.00, 1.8, "nwp_global"), "latency_ms": (4200, 0.30, 80.0, "nwp_global"), "error_rate": (0.06, 0.3, 0.015, "nwp_global")},
    "LMKO15": {"cpu_usage": (18, 2.80, 1.7, "nwp_local"), "latency_ms": (3100, 0.30, 60.0, "nwp_local"), "error_rate": (0.08, 0.3, 0.02, "nwp_local")},
    "PPKO60": {"cpu_usage": (17, 1.40, 1.4, "post"), "latency_ms": (880, 0.30, 20.0, "post"), "error_rate": (0.10, 0.3, 0.02, "post")},
    "JSKO98": {"cpu_usage": (8, 0.60, 0.8, "nwp_local"), "latency_ms": (12, 0.30, 0.5, "nwp_local"), "error_rate": (0.02, 0.3, 0.006, "nwp_local")},
    "SIKO70": {"cpu_usage": (35, 0.40, 1.6, "sat"), "latency_ms": (48, 0.30, 1.5, "sat"), "error_rate": (0.04, 0.3, 0.01, "sat")},
    "SIKO71": {"cpu_usage": (29, 0.50, 1.5, "sat"), "latency_ms": (410, 0.30, 10.0, "sat"), "error_rate": (0.07, 0.3, 0.015, "sat")},
    "SCKO72": {"cpu_usage": (21, 0.50, 1.3, "sat"), "latency_ms": (720, 0.30, 15.0, "sat"), "error_rate": (0.09, 0.3, 0.02, "sat")},
    "RDKO80": {"cpu_usage": (27, 0.50, 1.5, "radar"), "latency_ms": (360, 0.35, 9.0, "radar"), "error_rate": (0.06, 0.3, 0.015, "radar")},
    "RDKO81": {"cpu_usage": (15, 0.50, 1.2, "radar"), "latency_ms": (205, 0.35, 6.0, "radar"), "error_rate": (0.05, 0.3, 0.012, "radar")},
    "FNKO82": {"cpu_usage": (23, 0.60, 1.4, "radar"), "latency_ms": (960, 0.30, 20.0, "radar"), "error_rate": (0.13, 0.3, 0.03, "radar")},
    "SMAA40": {"cpu_usage": (10, 0.80, 0.9, "nz"), "latency_ms": (1320, 0.30, 35.0, "nz"), "error_rate": (0.32, 0.3, 0.05, "nz")},
}
STOPPED_AT = {  # no samples after this instant (the CI was stopped)
    "qemu/2305": datetime(2036, 1, 20, 10, 0, tzinfo=KST),
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


def profile(kind, ts):
    t = ts.astimezone(KST)
    h = hour_of(ts)
    uh = hour_of(ts, UTC)
    if kind == "synop":
        mi = uh % 1.0 * 60.0
        hr = int(uh)
        weight = 1.0 if hr % 6 == 0 else (0.55 if hr % 3 == 0 else 0.25)
        return 0.08 + 0.85 * weight * math.exp(-((mi - 7.0) / 8.0) ** 2)
    if kind == "nwp_global":
        return 0.08 + 0.9 * (plateau(uh, 2.5, 4.5) + plateau(uh, 14.5, 16.5))
    if kind == "nwp_local":
        return 0.08 + 0.9 * plateau(uh % 3.0, 1.0, 2.0)
    if kind == "post":
        return 0.10 + 0.5 * plateau(uh % 3.0, 1.8, 2.6) + 0.6 * (plateau(uh, 4.3, 5.5) + plateau(uh, 16.3, 17.5))
    if kind == "forecast":
        return 0.15 + 0.35 * plateau(h, 8.0, 19.0) + 0.5 * sum(math.exp(-((h - c) / 0.5) ** 2) for c in (4.7, 10.7, 16.7))
    if kind == "public":
        v = 0.10 + 0.6 * math.exp(-((h - 7.8) / 1.2) ** 2) + 0.4 * math.exp(-(circ(h, 19.0) / 2.0) ** 2) + 0.25 * plateau(h, 9.0, 18.0)
        return v if t.weekday() < 5 else 0.8 * v + 0.1
    if kind == "sat":
        return 0.35 + 0.15 * math.sin(2 * math.pi * (uh - 3.0) / 24.0)
    if kind == "radar":
        return 0.30 + 0.10 * math.sin(2 * math.pi * (h - 9.0) / 24.0)
    if kind == "nz":
        return 0.10 + 0.7 * plateau(hour_of(ts, NZDT), 8.0, 18.0)
    if kind == "office":
        if not workday(t):
            return 0.1
        return 0.1 + 0.8 * plateau(h, 9.0, 18.0)
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
    # level shift: the forecast DB's memory after the SGA change, from Sun 2036-02-10 10:00
    if code == "FCSTDB.WORLD" and metric == "mem_usage" and ts >= kst(2036, 2, 10, 10):
        v += 8.0
    # growth: the run catalogue's disk over the whole history (every model run is catalogued)
    if code == "RUNDB.WORLD" and metric == "disk_usage":
        v += 28.0 * ramp(ts, M_START, M_END)
    # growth: the obs DB's disk from 2036-02-01 (the new one-minute AWS tables)
    if code == "OBSDB.WORLD" and metric == "disk_usage":
        v += 19.0 * ramp(ts, kst(2036, 2, 1), M_END)
    # 1. heavy snow on the capital region, Fri 2036-01-18 06:00-12:00: the public portal is swamped
    #    (baram.go.kr 7.2 at 01:30, Portal VM kernel patch 03:00)
    if within(ts, kst(2036, 1, 18, 6), kst(2036, 1, 18, 12)):
        if code == "FXKO52" and metric == "latency_ms":
            v *= 4.0
        if code == "FXKO52" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.3)
        if code == "qemu/2201" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "FXKO53" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
        if code == "qemu/2202" and metric == "cpu_usage":
            v += 25
    # 2. the METAR hub fails, Tue 2036-02-05 14:00-15:40 (obs DB index rebuild 10:30, METAR Hub 3.8 at 12:00)
    if within(ts, kst(2036, 2, 5, 14), kst(2036, 2, 5, 15, 40)):
        if code == "SAKO31" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "SAKO31" and metric == "latency_ms":
            v *= 3.0
        if code == "qemu/2203" and metric == "cpu_usage":
            v = 92 + rng.gauss(0, 0.6)
        if code == "FTKO41" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 3. the global model's 00 UTC run fails, Wed 2036-02-13 11:30-13:40 = 02:30-04:40Z (Slurm upgrade 08:00,
    #    Global Model 12 km v4.1 at 09:20)
    if within(ts, kst(2036, 2, 13, 11, 30), kst(2036, 2, 13, 13, 40)):
        if code == "GMKO12" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.3)
        if code == "GMKO12" and metric == "latency_ms":
            v *= 3.0
        if code == "x1000c1s0b0n0" and metric == "cpu_usage":
            v = 97 + rng.gauss(0, 0.4)
        if code == "PPKO60" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # 4. the radar composite stalls in the Jeju rain band, Sun 2036-02-17 03:00-05:20 (radar WAN QoS 02-16 23:30,
    #    Radar Composite 2.6 at 01:10)
    if within(ts, kst(2036, 2, 17, 3), kst(2036, 2, 17, 5, 20)):
        if code == "RDKO80" and metric == "latency_ms":
            v *= 5.0
        if code == "RDKO80" and metric == "error_rate":
            v = 5.0 + rng.gauss(0, 0.3)
        if code == "qemu/2302" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.5)
        if code == "RDKO81" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
        if code == "x5102c0s1b0n0" and metric == "cpu_usage":
            v += 25
    # 5. the L1b processor falls behind, Thu 2036-02-21 20:00-21:40 (antenna firmware 16:30, L1b Processor 9.0
    #    at 18:10)
    if within(ts, kst(2036, 2, 21, 20), kst(2036, 2, 21, 21, 40)):
        if code == "SIKO71" and metric == "latency_ms":
            v *= 4.0
        if code == "SIKO71" and metric == "error_rate":
            v = 4.5 + rng.gauss(0, 0.3)
        if code == "qemu/2303" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.5)
        if code == "SCKO72" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    # Trial VM in maintenance from Tue 2036-02-26 10:00: idle
    if code == "qemu/2204" and metric == "cpu_usage" and ts >= kst(2036, 2, 26, 10):
        v = 3 + rng.gauss(0, 0.3)
    # 6. the leap-day bug, from Fri 2036-02-29 09:00 (00 UTC), ongoing at now: the SYNOP decoder cannot file the
    #    00 UTC reports (obs DB partition rollover job 03:30, SYNOP Decoder 5.3 at 06:30)
    if ts >= kst(2036, 2, 29, 9):
        if code == "SMKO01" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "SMKO01" and metric == "latency_ms":
            v *= 3.0
        if code == "qemu/2301" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.5)
        if code == "OBSDB.WORLD" and metric == "cpu_usage":
            v += 30
        if code == "FXKO54" and metric == "error_rate":
            v += 2.0 + rng.gauss(0, 0.2)
    return v


def sample_times():
    """Samples every 2 hours (an older rollup) from M_START, every 20 minutes from MID_START, every 2 minutes
    from FINE_START, every 10 seconds from TICK_START up to and including NOW."""
    times = []
    t = M_START
    while t < MID_START:
        times.append(t)
        t += STEP_2H
    while t < FINE_START:
        times.append(t)
        t += STEP_20M
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
            # Gale: the typhoon ensemble, Mon 2034-08-21 13:40-17:20Z = 22:40 Mon - 02:20 Tue 08-22 in Seoul;
            #   a warm-up +8 from 12:30Z
            if code == "x1000c1s0b0n0" and datetime(2034, 8, 21, 12, 30, tzinfo=UTC) <= t < datetime(2034, 8, 21, 13, 40, tzinfo=UTC):
                v += 8.0
            if code == "x1000c1s0b0n0" and datetime(2034, 8, 21, 13, 40, tzinfo=UTC) <= t < datetime(2034, 8, 21, 17, 20, tzinfo=UTC):
                v = 93 + rng.gauss(0, 1.0)
            # Tawhiri: the midwinter burst, Tue 2033-06-21 09:00-13:00 NZST = 06-20 21:00Z - 06-21 01:00Z
            #   (06-21 06:00-10:00 in Seoul)
            if code == "x9001c0s1b0n0" and datetime(2033, 6, 20, 21, tzinfo=UTC) <= t < datetime(2033, 6, 21, 1, tzinfo=UTC):
                v = 86 + rng.gauss(0, 1.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    (datetime(2033, 6, 20, 20, 30, tzinfo=UTC), "x9001c0s1b0n0", "change", "info", "동지 블리자드 후 AWS 관측 재전송 시작", "CHG-330621 resend 96 h of 1-min obs"),
    (datetime(2033, 6, 20, 21, 20, tzinfo=UTC), "x9001c0s1b0n0", "alert", "major", "Tāwhiri CPU 85% 초과 (재전송)", "cpu_usage 86%"),
    (datetime(2034, 8, 21, 12, 30, tzinfo=UTC), "x1000c1s0b0n0", "change", "info", "태풍 앙상블 긴급 실행 (32 members)", "CHG-340821 typhoon ensemble hot start"),
    (datetime(2034, 8, 21, 13, 55, tzinfo=UTC), "x1000c1s0b0n0", "alert", "major", "Gale CPU 90% 초과 (태풍 앙상블)", "cpu_usage 93%"),
    (kst(2035, 12, 6, 2, 0), "fd42:10::/48", "change", "info", "보라매 코어 라우터 OS 업그레이드", "CHG-351206 night window"),
    (kst(2035, 12, 20, 3, 0), "x3000c0s11b0n0", "change", "info", "Cirrus 하이퍼바이저 보안 패치", "CHG-351220 rolling; live migration"),
    # 1. baram.go.kr, Fri 01-18 heavy snow
    (kst(2036, 1, 18, 1, 30), "FXKO52", "deploy", "info", "baram.go.kr 7.2 배포", "release 7.2 snow map layer"),
    (kst(2036, 1, 18, 3, 0), "qemu/2201", "change", "info", "Portal VM 커널 패치", "CHG-360118 kernel 6.8.12"),
    (kst(2036, 1, 18, 6, 40), "FXKO52", "incident", "critical", "대설 특보 중 날씨누리 접속 지연", "INC-360118-01 page loads 4x slower"),
    (kst(2036, 1, 18, 7, 0), "qemu/2201", "alert", "major", "Portal VM CPU 90% 초과", "cpu_usage 95%"),
    (kst(2036, 1, 18, 12, 30), "FXKO52", "change", "info", "baram.go.kr 7.1.4 롤백", "rollback; pages normal"),
    (kst(2036, 1, 20, 10, 0), "qemu/2305", "change", "info", "구 포털 VM 전원 종료 (이관 완료)", "CHG-360120 powered off"),
    (kst(2036, 1, 23, 2, 0), "drfs-OST0009", "change", "info", "광주 테이프 라이브러리 슬롯 증설", "CHG-360123 +120 slots"),
    # 2. METAR Hub, Tue 02-05
    (kst(2036, 2, 5, 10, 30), "OBSDB.WORLD", "change", "info", "관측 DB 인덱스 재구성", "CHG-360205 metar index"),
    (kst(2036, 2, 5, 12, 0), "SAKO31", "deploy", "info", "METAR Hub 3.8 배포", "release 3.8 SPECI parser"),
    (kst(2036, 2, 5, 14, 5), "SAKO31", "incident", "major", "공항 정시관측 전문 수신 실패", "INC-360205-01 METAR not relayed to airports"),
    (kst(2036, 2, 5, 15, 50), "SAKO31", "change", "info", "METAR Hub 3.7.2 롤백", "rollback; reports flowing"),
    (kst(2036, 2, 8, 4, 0), "RUNDB.WORLD", "alert", "minor", "Run Catalogue 디스크 80% 초과", "volume 80%"),
    (kst(2036, 2, 10, 10, 0), "FCSTDB.WORLD", "change", "info", "예보 DB SGA 확장", "CHG-360210 sga_target +24 GB"),
    (kst(2036, 2, 12, 3, 0), "FCSTDR.WORLD", "change", "info", "Forecast DB Gwangju 패치 적용", "CHG-360212 RU 2036.01"),
    # 3. Global Model 12 km, Wed 02-13 00 UTC run
    (kst(2036, 2, 13, 8, 0), "JSKO98", "change", "info", "Slurm 24.11 업그레이드", "CHG-360213 slurmctld restart"),
    (kst(2036, 2, 13, 9, 20), "GMKO12", "deploy", "info", "Global Model 12 km v4.1 배포", "release 4.1 new physics"),
    (kst(2036, 2, 13, 11, 45), "GMKO12", "incident", "critical", "전지구 모델 00UTC 실행 실패", "INC-360213-01 run aborted at step 144"),
    (kst(2036, 2, 13, 12, 0), "x1000c1s0b0n0", "alert", "major", "Gale CPU 95% 초과", "cpu_usage 97%"),
    (kst(2036, 2, 13, 13, 55), "GMKO12", "change", "info", "Global Model 12 km v4.0.3 롤백", "rollback; 06 UTC run on time"),
    # 4. Radar Composite, Sun 02-17 Jeju rain band
    (kst(2036, 2, 16, 23, 30), "fd42:40::/48", "change", "info", "레이더 전용망 QoS 정책 변경", "CHG-360216 volume scan priority"),
    (kst(2036, 2, 17, 1, 10), "RDKO80", "deploy", "info", "Radar Composite 2.6 배포", "release 2.6 dual-pol QC"),
    (kst(2036, 2, 17, 3, 12), "RDKO80", "incident", "major", "제주 강수대 유입 중 레이더 합성 지연", "INC-360217-01 mosaic 25 min late"),
    (kst(2036, 2, 17, 3, 20), "qemu/2302", "alert", "major", "Radar VM CPU 90% 초과", "cpu_usage 94%"),
    (kst(2036, 2, 17, 5, 40), "RDKO80", "change", "info", "Radar Composite 2.5.9 롤백", "rollback; mosaic current"),
    (kst(2036, 2, 19, 14, 0), "fd42:50::/48", "change", "info", "남극 위성링크 대역폭 증설", "CHG-360219 4 Mbps to 8 Mbps"),
    # 5. L1b Processor, Thu 02-21 evening
    (kst(2036, 2, 21, 16, 30), "x5000c0s3b0n0", "change", "info", "지상국 안테나 제어기 펌웨어 업데이트", "CHG-360221 ACU firmware 5.2"),
    (kst(2036, 2, 21, 18, 10), "SIKO71", "deploy", "info", "L1b Processor 9.0 배포", "release 9.0 new calibration table"),
    (kst(2036, 2, 21, 20, 6), "SIKO71", "incident", "major", "위성 L1b 처리 지연", "INC-360221-01 full disk 40 min behind"),
    (kst(2036, 2, 21, 20, 15), "qemu/2303", "alert", "major", "Satellite VM CPU 90% 초과", "cpu_usage 93%"),
    (kst(2036, 2, 21, 21, 55), "SIKO71", "change", "info", "L1b Processor 8.4.1 롤백", "rollback; imagery current"),
    (kst(2036, 2, 23, 10, 0), "FCSTDR.WORLD", "change", "info", "분기 DR 전환 훈련 (예보 DB 광주)", "CHG-360223 switchover drill; switched back 12:10"),
    (kst(2036, 2, 24, 4, 0), "RUNDB.WORLD", "alert", "minor", "Run Catalogue 디스크 85% 근접", "volume 84%"),
    (kst(2036, 2, 26, 10, 0), "qemu/2204", "change", "info", "Trial VM 점검 모드 전환", "CHG-360226 maintenance"),
    (kst(2036, 2, 27, 5, 30), "SMAA40", "alert", "minor", "Polar Obs Relay 지연 경고", "latency 1.9 s"),
    # 6. SYNOP Decoder, today, ongoing
    (kst(2036, 2, 29, 3, 30), "OBSDB.WORLD", "change", "info", "관측 DB 일 파티션 롤오버 작업 변경", "CHG-360229 partition job moved to 03:30"),
    (kst(2036, 2, 29, 6, 30), "SMKO01", "deploy", "info", "SYNOP Decoder 5.3 배포", "release 5.3 BUFR edition 4"),
    (kst(2036, 2, 29, 9, 1), "SMKO01", "incident", "critical", "윤일 00UTC 지상관측 전문 디코딩 실패", "INC-360229-01 reports of 29 Feb rejected"),
    (kst(2036, 2, 29, 9, 2), "qemu/2301", "alert", "major", "Obs VM CPU 90% 초과", "cpu_usage 95%"),
    (kst(2036, 2, 29, 9, 3), "FXKO54", "alert", "minor", "api.baram.go.kr 관측 API 오류 증가", "error_rate 2%"),
]

BUILD_APPS = ["FXKO52", "FXKO53", "FXKO54", "CSKO90", "FPKO50", "SCKO72", "FNKO82"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    day = kst(2036, 2, 19)
    n = 0
    while day < kst(2036, 2, 29):
        for code in BUILD_APPS:
            if rng.random() < 0.3:
                n += 1
                ts = day + timedelta(hours=rng.choice([19, 20, 21]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{5200 + n} {'passed' if ok else 'failed'}"
                ev.append((ts, code, "build", "info" if ok else "minor", title, "unit tests" if ok else "test failure: flaky grid interpolation test"))
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "weekend", "thismonth", "lastmonth", "thisyear", "lastyear", "daysago:2", "weekday:fri", "weekday:sun", "thisquarter", "lastquarter", "last:3h", "last:1h", "last:30m", "last:15m", "last:7d", "last:14d", "since:2036-02-29T00:00Z", "dayutc:2036-02-28", "span:2036-02-28T00:00+13:00/2036-02-29T00:00+13:00", "span:2036-02-29T00:00+13:00/2036-02-29T22:04+13:00", "day:2036-02-05", "span:2036-02-05T14:00/2036-02-05T15:40", "day:2036-02-13", "span:2036-02-13T11:30/2036-02-13T13:40", "day:2036-02-17", "day:2036-02-21", "day:2036-01-18", "days:2036-01-27..2036-01-30", "month:2036-01", "month:2035-12", "day:2034-08-21", "day:2034-08-22", "dayutc:2034-08-21", "dayutc:2034-08-22", "month:2034-08", "quarter:2034-Q3", "day:2033-06-20", "day:2033-06-21", "dayutc:2033-06-20", "dayutc:2033-06-21", "span:2033-06-21T00:00+12:00/2033-06-22T00:00+12:00", "span:2033-06-20T00:00+12:00/2033-06-21T00:00+12:00", "month:2033-06", "half:2033-1"):
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
