#!/usr/bin/env python3
"""Deterministic generator for the "Daesung Precision" (대성정밀) smart-factory understanding-evaluation estate.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids F###, halves "dev10" / "test6") from the hand-written questions_src.txt; the
expected facts are computed here from the generated data.  Standard library only.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print latest values, averages per range, events and unique paths
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures and the strict checks are those of
../understanding5/gen_estate.py (the "Hanbit University" set, itself copied from ../understanding4/);
only the estate, the clock, the sampling (hourly before 2026-11-23, every 15 minutes from then on, a
10-minute block for the September 2025 pre-Chuseok shipping week, and three 5-minute UTC blocks in
February-April 2014 shaped like public AWS CloudWatch EC2 CPU series), the names and the questions
differ.  One estate check was added (no code inside an event title or detail).  See README.md.

Spec grammar (one question per line: `lang | category | spec | question`; `#` starts a comment line;
every question line must sit under a `# M<n> ...` persona tag).
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
HALVES = ("dev10", "test6")
ID_PREFIX = "F"
TAG_LETTER = "M"
SEED = 20261205
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2026, 12, 1, 0, 35, tzinfo=KST)            # a Tuesday, 35 minutes after midnight (month boundary)
M_START = datetime(2026, 11, 1, 0, 0, tzinfo=KST)         # a Sunday; hourly samples (a rollup) ...
FINE_START = datetime(2026, 11, 23, 0, 0, tzinfo=KST)     # ... then every 15 minutes from this Monday
M_END = NOW                                                # inclusive: last sample at 00:30 (00:45 is after now)
STEP_COARSE = timedelta(hours=1)
STEP = timedelta(minutes=15)
A_START = datetime(2025, 9, 22, 0, 0, tzinfo=KST)         # pre-Chuseok shipping week, 10-minute samples
A_END = datetime(2025, 9, 27, 0, 0, tzinfo=KST)           # exclusive (Mon 09-22 .. Fri 09-26)
A_STEP = timedelta(minutes=10)
H_STEP = timedelta(minutes=5)
# 2014 blocks, CloudWatch-like 5-minute cpu_usage (UTC, odd minute offsets like the NAB realAWSCloudwatch files)
H_BLOCKS = [
    # code, first sample (UTC), samples, base level, noise sd, spike probability
    ("hv21-07", datetime(2014, 2, 14, 14, 27, tzinfo=UTC), 4032, 2.2, 0.35, 0.008),
    ("bm21-05", datetime(2014, 3, 1, 0, 2, tzinfo=UTC), 4032, 11.5, 1.2, 0.004),
    ("mesvm-2a", datetime(2014, 4, 9, 12, 4, tzinfo=UTC), 4320, 4.6, 0.6, 0.010),
]

# --------------------------------------------------------------------------------------
# Estate: CIs
# code, name, type, status, environment, location, owner, aliases, ip, tier
# sites: pyeongtaek-p2 (평택 2공장), hq-magok (본사 마곡 전산실), dr-cheonan (천안 DR 센터)
# --------------------------------------------------------------------------------------
CIS = [
    # network: <SITE>-<ROLE>-<nn><letter> (upper case, dashes, ends in a letter)
    ("PT2-OTFW-01A", "fw.ot-dmz p2", "network", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "OT 방화벽|ot firewall", "172.20.0.1", "ot"),
    ("PT2-OTSW-01A", "cell-sw line-A", "network", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "라인A 제어망 스위치|line a control switch", "172.20.0.11", "ot"),
    ("PT2-OTSW-02A", "cell-sw line-B", "network", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "라인B 제어망 스위치|line b control switch", "172.20.0.12", "ot"),
    ("PT2-ITSW-01A", "plant-core p2", "network", "running", "mfg-live", "pyeongtaek-p2", "infra-daesung", "2공장 코어 스위치|plant core switch", "172.21.0.1", "core"),
    ("HQ-CORE-01A", "core.magok", "network", "running", "mfg-live", "hq-magok", "infra-daesung", "본사 코어 스위치|head office core switch", "172.16.0.1", "core"),
    ("DR-CORE-01A", "core.cheonan", "network", "running", "mfg-standby", "dr-cheonan", "infra-daesung", "DR 코어 스위치|dr core switch", "172.30.0.1", "dr"),
    # storage: <site>.stor.<kind> (lower case, dotted)
    ("pt2.stor.histnas", "Historian NAS 2공장", "storage", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "이력 데이터 저장소|historian archive", "172.20.0.31", "ot"),
    ("pt2.stor.vsan", "vSAN 생산동", "storage", "running", "mfg-live", "pyeongtaek-p2", "infra-daesung", "생산동 스토리지|plant vsan", "172.21.0.31", "core"),
    ("hq.stor.san", "Unity SAN 마곡", "storage", "running", "mfg-live", "hq-magok", "infra-daesung", "본사 스토리지|head office san", "172.16.0.31", "core"),
    ("dr.stor.vault", "Data Domain 천안", "storage", "running", "mfg-standby", "dr-cheonan", "infra-daesung", "DR 백업 장비|dr backup appliance", "172.30.0.31", "dr"),
    # servers: hv<site><building>-<nn> (hypervisors), bm<site><building>-<nn> (bare metal)
    ("hv21-07", "esxi-p2-07", "server", "running", "mfg-live", "pyeongtaek-p2", "infra-daesung", "생산동 호스트 A|production host a", "172.21.1.7", "core"),
    ("hv21-08", "esxi-p2-08", "server", "running", "mfg-live", "pyeongtaek-p2", "infra-daesung", "생산동 호스트 B|production host b", "172.21.1.8", "core"),
    ("hv10-01", "esxi-hq-01", "server", "running", "mfg-live", "hq-magok", "infra-daesung", "본사 가상화 호스트|head office host", "172.16.1.1", "core"),
    ("hv90-01", "esxi-dr-01", "server", "running", "mfg-standby", "dr-cheonan", "infra-daesung", "천안 DR 호스트|cheonan standby host", "172.30.1.1", "dr"),
    ("bm21-03", "vision-gpu.03", "server", "running", "mfg-live", "pyeongtaek-p2", "quality-it", "비전 검사 서버|vision gpu box", "172.20.1.3", "quality"),
    ("bm21-05", "SCADA Server 5", "server", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "스카다 서버|scada box", "172.20.1.5", "ot"),
    # vms: <role>vm-<site digit><letter> (lower case)
    ("mesvm-2a", "mes-app.p2a", "vm", "running", "mfg-live", "pyeongtaek-p2", "mes-squad", "MES VM 1|mes vm one", "172.21.11.1", "mes"),
    ("mesvm-2b", "mes-db.p2b", "vm", "running", "mfg-live", "pyeongtaek-p2", "mes-squad", "MES VM 2|mes vm two", "172.21.11.2", "mes"),
    ("opcvm-2a", "opcua-gw.vm", "vm", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "OPC 게이트웨이 VM|opc gateway vm", "172.21.12.1", "ot"),
    ("wmsvm-2a", "wms-app.vm", "vm", "running", "mfg-live", "pyeongtaek-p2", "logistics-auto", "물류 VM 1|logistics vm one", "172.21.13.1", "logistics"),
    ("wmsvm-2b", "wms-db.vm", "vm", "running", "mfg-live", "pyeongtaek-p2", "logistics-auto", "물류 VM 2|logistics vm two", "172.21.13.2", "logistics"),
    ("qcvm-2a", "qc-app.vm", "vm", "running", "mfg-live", "pyeongtaek-p2", "quality-it", "품질 VM|quality vm", "172.21.14.1", "quality"),
    ("erpvm-1a", "sap-app.magok", "vm", "running", "mfg-live", "hq-magok", "erp-finance-it", "ERP 앱 서버|erp app vm", "172.16.11.1", "erp"),
    ("erpvm-1b", "sap-db.magok", "vm", "running", "mfg-live", "hq-magok", "erp-finance-it", "ERP DB 서버|erp db vm", "172.16.11.2", "erp"),
    ("edivm-1a", "edi-gw.magok", "vm", "running", "mfg-live", "hq-magok", "scm-edi", "EDI VM|edi vm", "172.16.12.1", "erp"),
    ("mesvm-9s", "mes-standby.cheonan", "vm", "running", "mfg-standby", "dr-cheonan", "mes-squad", "DR MES VM|dr mes vm", "172.30.11.1", "dr"),
    ("valvm-2t", "mes-val.vm", "vm", "maintenance", "mfg-validation", "pyeongtaek-p2", "mes-squad", "MES 검증 서버|mes validation box", "172.21.21.1", "mes"),
    ("simvm-2x", "agv-sim.vm", "vm", "stopped", "mfg-validation", "pyeongtaek-p2", "logistics-auto", "AGV 시뮬레이터|agv simulator vm", "172.21.21.9", "logistics"),
    # databases: <SYSTEM>-DB<n><P|S> (upper case; P primary, S standby)
    ("MES-DB1P", "mesdb.primary", "database", "running", "mfg-live", "pyeongtaek-p2", "dba-daesung", "MES DB 주서버|mes primary db", "172.21.11.21", "mes"),
    ("MES-DB9S", "mesdb.standby 천안", "database", "running", "mfg-standby", "dr-cheonan", "dba-daesung", "MES DB 대기서버|mes standby db", "172.30.11.21", "dr"),
    ("HIST-DB1P", "공정 이력 DB", "database", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "히스토리안 DB|time-series historian", "172.20.1.51", "ot"),
    ("WMS-DB1P", "binloc.db", "database", "running", "mfg-live", "pyeongtaek-p2", "logistics-auto", "적재 위치 DB|bin location db", "172.21.13.21", "logistics"),
    ("ERP-DB1P", "HANA DB 본사", "database", "running", "mfg-live", "hq-magok", "dba-daesung", "하나 DB|hana db", "172.16.11.21", "erp"),
    ("QC-DB1P", "qc-results.db", "database", "running", "mfg-live", "pyeongtaek-p2", "quality-it", "검사 결과 DB|inspection results db", "172.21.14.21", "quality"),
    # apps: <site>.<system>.<part> (lower case, dotted)
    ("pt2.mes.core", "MES.Core (P2)", "app", "running", "mfg-live", "pyeongtaek-p2", "mes-squad", "생산실행 시스템|production mes", "172.21.11.11", "mes"),
    ("pt2.mes.andon", "안돈 보드", "app", "running", "mfg-live", "pyeongtaek-p2", "mes-squad", "라인 알림판|andon board", "172.21.11.12", "mes"),
    ("pt2.scada.hmi", "SCADA HMI 2공장", "app", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "스카다 화면|scada hmi", "172.20.1.61", "ot"),
    ("pt2.opcua.gw", "OPC-UA Gateway 3", "app", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "PLC 게이트웨이|plc gateway", "172.21.12.11", "ot"),
    ("pt2.mqtt.broker", "mqtt.broker p2", "app", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "MQTT 브로커|message broker", "172.21.12.12", "ot"),
    ("pt2.hist.collector", "Historian Collector", "app", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "이력 수집기|tag collector", "172.20.1.62", "ot"),
    ("pt2.vision.qc", "비전 검사 (Vision QC)", "app", "running", "mfg-live", "pyeongtaek-p2", "quality-it", "외관 검사기|vision inspection", "172.20.1.63", "quality"),
    ("pt2.qc.spc", "SPC 분석", "app", "running", "mfg-live", "pyeongtaek-p2", "quality-it", "공정능력 분석|spc analytics", "172.21.14.11", "quality"),
    ("pt2.wms.core", "WMS 2.0", "app", "running", "mfg-live", "pyeongtaek-p2", "logistics-auto", "자재 창고 시스템|warehouse system", "172.21.13.11", "logistics"),
    ("pt2.agv.fleet", "AGV Fleet Manager", "app", "running", "mfg-live", "pyeongtaek-p2", "logistics-auto", "무인운반차 관제|agv control", "172.21.13.12", "logistics"),
    ("pt2.label.print", "라벨 발행", "app", "running", "mfg-live", "pyeongtaek-p2", "logistics-auto", "바코드 라벨|barcode printing", "172.21.13.13", "logistics"),
    ("hq.erp.core", "SAP ERP (본사)", "app", "running", "mfg-live", "hq-magok", "erp-finance-it", "전사 ERP|erp system", "172.16.11.11", "erp"),
    ("hq.erp.batch", "월마감 배치", "app", "error", "mfg-live", "hq-magok", "erp-finance-it", "마감 배치|month-end batch", "172.16.11.12", "erp"),
    ("hq.edi.hub", "EDI Hub", "app", "running", "mfg-live", "hq-magok", "scm-edi", "고객사 EDI|customer edi", "172.16.12.11", "erp"),
    ("hq.scm.portal", "협력사 포털", "app", "running", "mfg-live", "hq-magok", "scm-edi", "공급사 포털|supplier portal", "172.16.12.12", "erp"),
    ("dr.mes.core", "MES.Core (DR)", "app", "running", "mfg-standby", "dr-cheonan", "mes-squad", "DR 생산실행 시스템|standby mes", "172.30.11.11", "dr"),
    # load balancers: <SITE>LB-<letter>
    ("P2LB-A", "f5.plant2", "load_balancer", "running", "mfg-live", "pyeongtaek-p2", "infra-daesung", "공장 L4|plant load balancer", "172.21.0.80", "core"),
    ("HQLB-A", "f5.magok", "load_balancer", "running", "mfg-live", "hq-magok", "infra-daesung", "본사 L4|head office load balancer", "172.16.0.80", "core"),
    # services: DS-SVC-<ROMANISED KOREAN WORD or acronym>
    ("DS-SVC-SAENGSAN", "생산 운영", "service", "running", "mfg-live", "pyeongtaek-p2", "mes-squad", "라인 생산|production operations", "", "mes"),
    ("DS-SVC-GAMSI", "Line Monitoring", "service", "running", "mfg-live", "pyeongtaek-p2", "ot-control", "설비 모니터링|equipment monitoring", "", "ot"),
    ("DS-SVC-PUMJIL", "Quality Inspection", "service", "running", "mfg-live", "pyeongtaek-p2", "quality-it", "품질 검사 서비스|qc service", "", "quality"),
    ("DS-SVC-MULLYU", "Intralogistics", "service", "running", "mfg-live", "pyeongtaek-p2", "logistics-auto", "공장 물류|material flow", "", "logistics"),
    ("DS-SVC-CHULHA", "Shipping Labels", "service", "running", "mfg-live", "pyeongtaek-p2", "logistics-auto", "출하 라벨|outbound labels", "", "logistics"),
    ("DS-SVC-EDI", "고객사 주문 연동", "service", "running", "mfg-live", "hq-magok", "scm-edi", "EDI 서비스|customer orders", "", "erp"),
    ("DS-SVC-HOEGYE", "재무 마감", "service", "running", "mfg-live", "hq-magok", "erp-finance-it", "월 결산|finance close", "", "erp"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    # network: OT cells -> OT firewall -> plant core -> HQ core; the DR core uplinks to the HQ core
    ("PT2-OTSW-01A", "CONNECTS_TO", "PT2-OTFW-01A"),
    ("PT2-OTSW-02A", "CONNECTS_TO", "PT2-OTFW-01A"),
    ("PT2-OTFW-01A", "CONNECTS_TO", "PT2-ITSW-01A"),
    ("PT2-ITSW-01A", "CONNECTS_TO", "HQ-CORE-01A"),
    ("DR-CORE-01A", "CONNECTS_TO", "HQ-CORE-01A"),
    ("bm21-05", "CONNECTS_TO", "PT2-OTSW-01A"),
    ("bm21-03", "CONNECTS_TO", "PT2-OTSW-02A"),
    ("pt2.stor.histnas", "CONNECTS_TO", "PT2-OTSW-01A"),
    ("hv21-07", "CONNECTS_TO", "PT2-ITSW-01A"),
    ("hv21-08", "CONNECTS_TO", "PT2-ITSW-01A"),
    ("pt2.stor.vsan", "CONNECTS_TO", "PT2-ITSW-01A"),
    ("hv10-01", "CONNECTS_TO", "HQ-CORE-01A"),
    ("hq.stor.san", "CONNECTS_TO", "HQ-CORE-01A"),
    ("hv90-01", "CONNECTS_TO", "DR-CORE-01A"),
    ("dr.stor.vault", "CONNECTS_TO", "DR-CORE-01A"),
    # hosts -> vms (hv21-07 and hv90-01: HOSTS only, hv21-08: RUNS_ON only, hv10-01: both)
    ("hv21-07", "HOSTS", "mesvm-2a"),
    ("hv21-07", "HOSTS", "mesvm-2b"),
    ("hv21-07", "HOSTS", "valvm-2t"),
    ("opcvm-2a", "RUNS_ON", "hv21-08"),
    ("wmsvm-2a", "RUNS_ON", "hv21-08"),
    ("wmsvm-2b", "RUNS_ON", "hv21-08"),
    ("qcvm-2a", "RUNS_ON", "hv21-08"),
    ("simvm-2x", "RUNS_ON", "hv21-08"),
    ("hv10-01", "HOSTS", "erpvm-1a"),
    ("hv10-01", "HOSTS", "erpvm-1b"),
    ("hv10-01", "HOSTS", "edivm-1a"),
    ("erpvm-1a", "RUNS_ON", "hv10-01"),
    ("erpvm-1b", "RUNS_ON", "hv10-01"),
    ("edivm-1a", "RUNS_ON", "hv10-01"),
    ("hv90-01", "HOSTS", "mesvm-9s"),
    ("mesvm-2a", "DEPENDS_ON", "pt2.stor.vsan"),
    ("mesvm-2b", "DEPENDS_ON", "pt2.stor.vsan"),
    # databases (the historian and the MES standby run on servers directly)
    ("MES-DB1P", "RUNS_ON", "mesvm-2b"),
    ("MES-DB9S", "RUNS_ON", "hv90-01"),
    ("HIST-DB1P", "RUNS_ON", "bm21-05"),
    ("WMS-DB1P", "RUNS_ON", "wmsvm-2b"),
    ("ERP-DB1P", "RUNS_ON", "erpvm-1b"),
    ("QC-DB1P", "RUNS_ON", "qcvm-2a"),
    ("MES-DB1P", "DEPENDS_ON", "pt2.stor.vsan"),
    ("WMS-DB1P", "DEPENDS_ON", "pt2.stor.vsan"),
    ("QC-DB1P", "DEPENDS_ON", "pt2.stor.vsan"),
    ("HIST-DB1P", "DEPENDS_ON", "pt2.stor.histnas"),
    ("ERP-DB1P", "DEPENDS_ON", "hq.stor.san"),
    ("MES-DB9S", "DEPENDS_ON", "MES-DB1P"),
    ("MES-DB9S", "DEPENDS_ON", "dr.stor.vault"),
    # apps on vms / bare metal
    ("pt2.mes.core", "RUNS_ON", "mesvm-2a"),
    ("pt2.mes.andon", "RUNS_ON", "mesvm-2a"),
    ("pt2.scada.hmi", "RUNS_ON", "bm21-05"),
    ("pt2.hist.collector", "RUNS_ON", "bm21-05"),
    ("pt2.opcua.gw", "RUNS_ON", "opcvm-2a"),
    ("pt2.mqtt.broker", "RUNS_ON", "opcvm-2a"),
    ("pt2.vision.qc", "RUNS_ON", "bm21-03"),
    ("pt2.qc.spc", "RUNS_ON", "qcvm-2a"),
    ("pt2.wms.core", "RUNS_ON", "wmsvm-2a"),
    ("pt2.agv.fleet", "RUNS_ON", "wmsvm-2a"),
    ("pt2.label.print", "RUNS_ON", "wmsvm-2a"),
    ("hq.erp.core", "RUNS_ON", "erpvm-1a"),
    ("hq.erp.batch", "RUNS_ON", "erpvm-1a"),
    ("hq.edi.hub", "RUNS_ON", "edivm-1a"),
    ("hq.scm.portal", "RUNS_ON", "edivm-1a"),
    ("dr.mes.core", "RUNS_ON", "mesvm-9s"),
    # app dependencies
    ("pt2.mes.core", "DEPENDS_ON", "MES-DB1P"),
    ("pt2.mes.core", "DEPENDS_ON", "pt2.mqtt.broker"),
    ("pt2.mes.core", "DEPENDS_ON", "hq.erp.core"),
    ("pt2.mes.andon", "DEPENDS_ON", "pt2.mes.core"),
    ("pt2.mes.andon", "DEPENDS_ON", "pt2.mqtt.broker"),
    ("pt2.scada.hmi", "DEPENDS_ON", "pt2.opcua.gw"),
    ("pt2.scada.hmi", "DEPENDS_ON", "HIST-DB1P"),
    ("pt2.opcua.gw", "DEPENDS_ON", "pt2.mqtt.broker"),
    ("pt2.opcua.gw", "CONNECTS_TO", "PT2-OTSW-01A"),
    ("pt2.opcua.gw", "CONNECTS_TO", "PT2-OTSW-02A"),
    ("pt2.hist.collector", "DEPENDS_ON", "pt2.mqtt.broker"),
    ("pt2.hist.collector", "DEPENDS_ON", "HIST-DB1P"),
    ("pt2.vision.qc", "DEPENDS_ON", "QC-DB1P"),
    ("pt2.vision.qc", "DEPENDS_ON", "pt2.mes.core"),
    ("pt2.qc.spc", "DEPENDS_ON", "QC-DB1P"),
    ("pt2.qc.spc", "DEPENDS_ON", "HIST-DB1P"),
    ("pt2.wms.core", "DEPENDS_ON", "WMS-DB1P"),
    ("pt2.wms.core", "DEPENDS_ON", "hq.erp.core"),
    ("pt2.agv.fleet", "DEPENDS_ON", "pt2.wms.core"),
    ("pt2.agv.fleet", "DEPENDS_ON", "pt2.mqtt.broker"),
    ("pt2.label.print", "DEPENDS_ON", "pt2.wms.core"),
    ("pt2.label.print", "DEPENDS_ON", "pt2.mes.core"),
    ("hq.erp.core", "DEPENDS_ON", "ERP-DB1P"),
    ("hq.erp.batch", "DEPENDS_ON", "ERP-DB1P"),
    ("hq.erp.batch", "DEPENDS_ON", "hq.erp.core"),
    ("hq.edi.hub", "DEPENDS_ON", "hq.erp.core"),
    ("hq.scm.portal", "DEPENDS_ON", "hq.edi.hub"),
    ("hq.scm.portal", "DEPENDS_ON", "ERP-DB1P"),
    ("dr.mes.core", "DEPENDS_ON", "MES-DB9S"),
    # load balancers
    ("P2LB-A", "CONNECTS_TO", "pt2.mes.core"),
    ("P2LB-A", "CONNECTS_TO", "pt2.wms.core"),
    ("P2LB-A", "CONNECTS_TO", "pt2.qc.spc"),
    ("HQLB-A", "CONNECTS_TO", "hq.erp.core"),
    ("HQLB-A", "CONNECTS_TO", "hq.edi.hub"),
    ("HQLB-A", "CONNECTS_TO", "hq.scm.portal"),
    # services
    ("DS-SVC-SAENGSAN", "DEPENDS_ON", "P2LB-A"),
    ("DS-SVC-SAENGSAN", "DEPENDS_ON", "pt2.mes.core"),
    ("DS-SVC-SAENGSAN", "DEPENDS_ON", "pt2.mes.andon"),
    ("DS-SVC-GAMSI", "DEPENDS_ON", "pt2.scada.hmi"),
    ("DS-SVC-GAMSI", "DEPENDS_ON", "pt2.hist.collector"),
    ("DS-SVC-PUMJIL", "DEPENDS_ON", "P2LB-A"),
    ("DS-SVC-PUMJIL", "DEPENDS_ON", "pt2.vision.qc"),
    ("DS-SVC-PUMJIL", "DEPENDS_ON", "pt2.qc.spc"),
    ("DS-SVC-MULLYU", "DEPENDS_ON", "P2LB-A"),
    ("DS-SVC-MULLYU", "DEPENDS_ON", "pt2.wms.core"),
    ("DS-SVC-MULLYU", "DEPENDS_ON", "pt2.agv.fleet"),
    ("DS-SVC-CHULHA", "DEPENDS_ON", "pt2.label.print"),
    ("DS-SVC-EDI", "DEPENDS_ON", "HQLB-A"),
    ("DS-SVC-EDI", "DEPENDS_ON", "hq.edi.hub"),
    ("DS-SVC-EDI", "DEPENDS_ON", "hq.scm.portal"),
    ("DS-SVC-HOEGYE", "DEPENDS_ON", "HQLB-A"),
    ("DS-SVC-HOEGYE", "DEPENDS_ON", "hq.erp.core"),
    ("DS-SVC-HOEGYE", "DEPENDS_ON", "hq.erp.batch"),
]

# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------
# per CI: metric -> (base, daily_amplitude, noise_sd, profile)
# profiles: shift (three shifts Mon-Fri with dips at the 06/14/22 handovers, Saturday day shift only, Sunday idle),
#           ot (control systems: always on, a little more while the line runs), office (HQ: weekdays 09-18),
#           batch (ERP night jobs around 02:00), edi (customer order files at 05:30 and 17:30 plus office hours), flat
METRIC_PLAN = {
    "hv21-07": {"cpu_usage": (34, 0.60, 2.0, "shift"), "mem_usage": (68, 0.05, 1.0, "shift"), "disk_usage": (44, 0, 0.2, "flat")},
    "hv21-08": {"cpu_usage": (39, 0.55, 2.2, "shift"), "mem_usage": (72, 0.05, 1.0, "shift"), "disk_usage": (51, 0, 0.2, "flat")},
    "hv10-01": {"cpu_usage": (26, 0.60, 2.0, "office"), "mem_usage": (63, 0.05, 1.0, "office"), "disk_usage": (47, 0, 0.2, "flat")},
    "hv90-01": {"cpu_usage": (8, 0.20, 0.8, "flat"), "mem_usage": (41, 0.02, 0.8, "flat"), "disk_usage": (36, 0, 0.2, "flat")},
    "bm21-03": {"cpu_usage": (48, 0.60, 2.5, "shift"), "mem_usage": (62, 0.06, 1.0, "shift"), "disk_usage": (58, 0, 0.2, "flat")},
    "bm21-05": {"cpu_usage": (31, 0.30, 1.8, "ot"), "mem_usage": (57, 0.03, 0.8, "ot"), "disk_usage": (49, 0, 0.2, "flat")},
    "mesvm-2a": {"cpu_usage": (36, 0.60, 2.2, "shift"), "mem_usage": (61, 0.05, 1.0, "shift"), "disk_usage": (39, 0, 0.2, "flat")},
    "mesvm-2b": {"cpu_usage": (29, 0.55, 2.0, "shift"), "mem_usage": (74, 0.02, 0.7, "flat"), "disk_usage": (53, 0, 0.2, "flat")},
    "opcvm-2a": {"cpu_usage": (27, 0.35, 1.6, "ot"), "mem_usage": (49, 0.03, 0.8, "ot"), "disk_usage": (31, 0, 0.2, "flat")},
    "wmsvm-2a": {"cpu_usage": (33, 0.60, 2.0, "shift"), "mem_usage": (58, 0.05, 1.0, "shift"), "disk_usage": (42, 0, 0.2, "flat")},
    "wmsvm-2b": {"cpu_usage": (22, 0.50, 1.6, "shift"), "mem_usage": (69, 0.02, 0.7, "flat"), "disk_usage": (56, 0, 0.2, "flat")},
    "qcvm-2a": {"cpu_usage": (24, 0.55, 1.8, "shift"), "mem_usage": (55, 0.04, 1.0, "shift"), "disk_usage": (61, 0, 0.2, "flat")},
    "erpvm-1a": {"cpu_usage": (23, 0.80, 1.8, "office"), "mem_usage": (64, 0.06, 1.0, "office"), "disk_usage": (45, 0, 0.2, "flat")},
    "erpvm-1b": {"cpu_usage": (19, 0.70, 1.6, "office"), "mem_usage": (81, 0.02, 0.6, "flat"), "disk_usage": (63, 0, 0.2, "flat")},
    "edivm-1a": {"cpu_usage": (17, 0.70, 1.5, "edi"), "mem_usage": (52, 0.04, 1.0, "edi"), "disk_usage": (34, 0, 0.2, "flat")},
    "mesvm-9s": {"cpu_usage": (6, 0.20, 0.6, "flat"), "mem_usage": (38, 0.02, 0.8, "flat"), "disk_usage": (33, 0, 0.2, "flat")},
    "valvm-2t": {"cpu_usage": (11, 0.30, 1.0, "flat"), "mem_usage": (36, 0.03, 1.0, "flat"), "disk_usage": (27, 0, 0.2, "flat")},
    "simvm-2x": {"cpu_usage": (15, 0.50, 1.4, "shift"), "mem_usage": (43, 0.03, 1.0, "flat"), "disk_usage": (22, 0, 0.2, "flat")},
    "MES-DB1P": {"cpu_usage": (32, 0.55, 2.0, "shift"), "mem_usage": (84, 0.02, 0.6, "flat"), "disk_usage": (59, 0, 0.2, "flat")},
    "MES-DB9S": {"cpu_usage": (9, 0.20, 0.8, "flat"), "mem_usage": (71, 0.02, 0.6, "flat"), "disk_usage": (57, 0, 0.2, "flat")},
    "HIST-DB1P": {"cpu_usage": (37, 0.25, 1.8, "ot"), "mem_usage": (77, 0.02, 0.6, "flat"), "disk_usage": (64, 0, 0.2, "flat")},
    "WMS-DB1P": {"cpu_usage": (21, 0.50, 1.6, "shift"), "mem_usage": (73, 0.02, 0.7, "flat"), "disk_usage": (48, 0, 0.2, "flat")},
    "ERP-DB1P": {"cpu_usage": (27, 0.60, 2.0, "office"), "mem_usage": (86, 0.02, 0.5, "flat"), "disk_usage": (67, 0, 0.2, "flat")},
    "QC-DB1P": {"cpu_usage": (18, 0.50, 1.5, "shift"), "mem_usage": (66, 0.02, 0.7, "flat"), "disk_usage": (55, 0, 0.2, "flat")},
    # apps: cpu_usage, latency_ms, error_rate
    "pt2.mes.core": {"cpu_usage": (35, 0.60, 2.2, "shift"), "latency_ms": (210, 0.35, 8.0, "shift"), "error_rate": (0.30, 0.3, 0.05, "shift")},
    "pt2.mes.andon": {"cpu_usage": (12, 0.50, 1.2, "shift"), "latency_ms": (45, 0.30, 2.0, "shift"), "error_rate": (0.10, 0.3, 0.02, "shift")},
    "pt2.scada.hmi": {"cpu_usage": (28, 0.30, 1.6, "ot"), "latency_ms": (85, 0.20, 3.0, "ot"), "error_rate": (0.15, 0.2, 0.03, "ot")},
    "pt2.opcua.gw": {"cpu_usage": (22, 0.30, 1.5, "ot"), "latency_ms": (18, 0.20, 1.0, "ot"), "error_rate": (0.05, 0.2, 0.01, "ot")},
    "pt2.mqtt.broker": {"cpu_usage": (19, 0.35, 1.4, "ot"), "latency_ms": (6, 0.30, 0.4, "ot"), "error_rate": (0.02, 0.2, 0.005, "ot")},
    "pt2.hist.collector": {"cpu_usage": (26, 0.25, 1.5, "ot"), "latency_ms": (140, 0.20, 5.0, "ot"), "error_rate": (0.20, 0.2, 0.04, "ot")},
    "pt2.vision.qc": {"cpu_usage": (52, 0.50, 2.5, "shift"), "latency_ms": (330, 0.30, 10.0, "shift"), "error_rate": (0.40, 0.3, 0.06, "shift")},
    "pt2.qc.spc": {"cpu_usage": (16, 0.50, 1.4, "shift"), "latency_ms": (520, 0.30, 15.0, "shift"), "error_rate": (0.25, 0.3, 0.05, "shift")},
    "pt2.wms.core": {"cpu_usage": (24, 0.55, 1.8, "shift"), "latency_ms": (160, 0.30, 6.0, "shift"), "error_rate": (0.20, 0.3, 0.04, "shift")},
    "pt2.agv.fleet": {"cpu_usage": (30, 0.50, 2.0, "shift"), "latency_ms": (75, 0.30, 3.0, "shift"), "error_rate": (0.15, 0.3, 0.03, "shift")},
    "pt2.label.print": {"cpu_usage": (9, 0.60, 1.0, "shift"), "latency_ms": (260, 0.30, 9.0, "shift"), "error_rate": (0.30, 0.3, 0.05, "shift")},
    "hq.erp.core": {"cpu_usage": (29, 0.70, 2.0, "office"), "latency_ms": (380, 0.30, 12.0, "office"), "error_rate": (0.25, 0.3, 0.05, "office")},
    "hq.erp.batch": {"cpu_usage": (7, 0.80, 1.0, "batch"), "latency_ms": (900, 0.20, 25.0, "batch"), "error_rate": (0.10, 0.3, 0.03, "batch")},
    "hq.edi.hub": {"cpu_usage": (13, 0.70, 1.3, "edi"), "latency_ms": (610, 0.30, 18.0, "edi"), "error_rate": (0.35, 0.3, 0.06, "edi")},
    "hq.scm.portal": {"cpu_usage": (15, 0.60, 1.4, "office"), "latency_ms": (290, 0.30, 10.0, "office"), "error_rate": (0.30, 0.3, 0.05, "office")},
    "dr.mes.core": {"cpu_usage": (4, 0.10, 0.5, "flat"), "latency_ms": (230, 0.10, 6.0, "flat"), "error_rate": (0.05, 0.1, 0.02, "flat")},
}
STOPPED_AT = {  # no samples after this instant (CI was stopped)
    "simvm-2x": datetime(2026, 11, 26, 17, 0, tzinfo=KST),
}
PCT = {"cpu_usage", "mem_usage", "disk_usage", "error_rate"}
SEP_CIS = {"pt2.agv.fleet", "pt2.wms.core", "WMS-DB1P", "wmsvm-2a", "pt2.label.print"}


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
    if wd < 5:
        run = 1.0
    elif wd == 5:
        run = 0.9 if 6 <= h < 14 else 0.25
    else:
        run = 0.12
    handover = 1.0 - 0.35 * max(math.exp(-(circ(h, c) / 0.35) ** 2) for c in (6.0, 14.0, 22.0))
    shift = run * handover
    if kind == "shift":
        return shift
    if kind == "ot":
        return 0.6 + 0.4 * shift
    if kind == "office":
        return math.exp(-((h - 13.5) / 3.0) ** 2) if wd < 5 else 0.05
    if kind == "batch":
        return math.exp(-(circ(h, 2.0) / 1.3) ** 2)
    if kind == "edi":
        office = math.exp(-((h - 13.5) / 3.0) ** 2) if wd < 5 else 0.05
        return 0.4 * office + 0.8 * max(math.exp(-(circ(h, 5.5) / 0.8) ** 2), math.exp(-(circ(h, 17.5) / 0.8) ** 2))
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
    # 0. pre-Chuseok shipping week, Thu 2025-09-25 14:00-16:30: AGV route conflicts (fleet 4.2.0 at 09:00, wave rule 10:00)
    if within(ts, kst(2025, 9, 25, 14), kst(2025, 9, 25, 16, 30)):
        if code == "pt2.agv.fleet" and metric == "latency_ms":
            v *= 6.0
        if code == "pt2.agv.fleet" and metric == "error_rate":
            v = 8.0 + rng.gauss(0, 0.5)
        if code == "pt2.wms.core" and metric == "cpu_usage":
            v = 89 + rng.gauss(0, 1.2)
        if code == "WMS-DB1P" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 0.8)
        if code == "wmsvm-2a" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 1.0)
    # 1. vision QC over-rejects, Thu 11-05 09:00-12:00 (model v12 at 06:00, line B exposure change 07:30)
    if within(ts, kst(2026, 11, 5, 9), kst(2026, 11, 5, 12)):
        if code == "pt2.vision.qc" and metric == "cpu_usage":
            v = 95 + rng.gauss(0, 0.8)
        if code == "pt2.vision.qc" and metric == "error_rate":
            v = 7.0 + rng.gauss(0, 0.4)
        if code == "pt2.vision.qc" and metric == "latency_ms":
            v *= 3.0
        if code == "bm21-03" and metric == "cpu_usage":
            v = 93 + rng.gauss(0, 1.0)
    # 2. historian collector backlog, Thu 11-12 04:00-07:00 (NAS firmware 02:00, collector 2.4.0 at 03:00)
    if within(ts, kst(2026, 11, 12, 4), kst(2026, 11, 12, 7)):
        if code == "pt2.hist.collector" and metric == "latency_ms":
            v *= 5.0
        if code == "pt2.hist.collector" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "HIST-DB1P" and metric == "cpu_usage":
            v = 90 + rng.gauss(0, 1.0)
    # level shift: opcua-gw.vm memory after OPC-UA Gateway 3.1.0 (session cache), from Thu 11-19 14:00
    if code == "opcvm-2a" and metric == "mem_usage" and ts >= kst(2026, 11, 19, 14):
        v += 15.0
    # 3. PLC link loss, Thu 11-19 15:00-17:00 (OT firewall rule clean-up 13:00, gateway 3.1.0 at 14:00)
    if within(ts, kst(2026, 11, 19, 15), kst(2026, 11, 19, 17)):
        if code == "pt2.opcua.gw" and metric == "error_rate":
            v = 12.0 + rng.gauss(0, 0.8)
        if code == "pt2.opcua.gw" and metric == "latency_ms":
            v *= 4.0
        if code == "pt2.scada.hmi" and metric == "error_rate":
            v += 5.0 + rng.gauss(0, 0.3)
    # 4. customer ASN failures, Wed 11-25 13:00-15:00 (EDI Hub 7.3.0 at 08:00, ERP item-code change 09:30)
    if within(ts, kst(2026, 11, 25, 13), kst(2026, 11, 25, 15)):
        if code == "hq.edi.hub" and metric == "error_rate":
            v = 9.0 + rng.gauss(0, 0.5)
        if code == "hq.edi.hub" and metric == "latency_ms":
            v *= 3.0
    # 5. MES slow on the night shift, Fri 11-27 21:00-23:00 (DB statistics/index rebuild 18:00, MES.Core 8.4.0 at 19:30)
    if within(ts, kst(2026, 11, 27, 21), kst(2026, 11, 27, 23)):
        if code == "MES-DB1P" and metric == "cpu_usage":
            v = 94 + rng.gauss(0, 0.8)
        if code == "pt2.mes.core" and metric == "latency_ms":
            v *= 4.0
        if code == "pt2.mes.core" and metric == "error_rate":
            v = 6.0 + rng.gauss(0, 0.4)
        if code == "pt2.mes.andon" and metric == "error_rate":
            v += 3.0 + rng.gauss(0, 0.2)
    # vision model retraining: the GPU box is saturated from Sat 11-28 08:00
    if code == "bm21-03" and metric == "cpu_usage" and ts >= kst(2026, 11, 28, 8):
        v = 96 + rng.gauss(0, 0.7)
    # 6. label printing failures, Mon 11-30 10:00-12:00 (template change 06:00, 라벨 발행 2.2.0 at 07:00)
    if within(ts, kst(2026, 11, 30, 10), kst(2026, 11, 30, 12)):
        if code == "pt2.label.print" and metric == "error_rate":
            v = 11.0 + rng.gauss(0, 0.6)
        if code == "pt2.label.print" and metric == "latency_ms":
            v *= 3.0
    # validation VM in maintenance from Mon 11-30 08:00: idle
    if code == "valvm-2t" and metric == "cpu_usage" and ts >= kst(2026, 11, 30, 8):
        v = 2 + rng.gauss(0, 0.4)
    # growth: historian disk (retention raised to three years) and QC results disk (images since model v12)
    if code == "HIST-DB1P" and metric == "disk_usage":
        v += 22.0 * ramp(ts, M_START, M_END)
    if code == "QC-DB1P" and metric == "disk_usage":
        v += 23.0 * ramp(ts, kst(2026, 11, 5), M_END)
    # 7. November month-end close, from Mon 11-30 22:00, ongoing (period opening 20:00, batch 2026.11 at 21:00)
    if ts >= kst(2026, 11, 30, 22):
        if code == "hq.erp.batch" and metric == "cpu_usage":
            v = 91 + rng.gauss(0, 1.0)
        if code == "hq.erp.batch" and metric == "error_rate":
            v += 4.0 + rng.gauss(0, 0.3)
        if code == "hq.erp.batch" and metric == "latency_ms":
            v *= 3.0
        if code == "ERP-DB1P" and metric == "cpu_usage":
            v = 88 + rng.gauss(0, 1.0)
        if code == "erpvm-1a" and metric == "cpu_usage":
            v += 45
    return v


def sample_times():
    """Hourly samples (an older rollup) from M_START, every 15 minutes from FINE_START up to and including NOW."""
    times = []
    t = M_START
    while t < FINE_START:
        times.append(t)
        t += STEP_COARSE
    while t <= M_END:
        times.append(t)
        t += STEP
    return times


def sep_times():
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
            if code in SEP_CIS and metric != "disk_usage":
                times = sep_times() + main_times
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
    # 2014 blocks: 5-minute cpu_usage shaped like CloudWatch EC2 series (mostly low, short random spikes), UTC
    for code, start, n, base, sd, p_spike in H_BLOCKS:
        level = base
        spike = 0
        for i in range(n):
            t = start + i * H_STEP
            level += rng.gauss(0, sd * 0.1) + 0.05 * (base - level)
            v = level + abs(rng.gauss(0, sd))
            if spike > 0:
                spike -= 1
                v += rng.uniform(18, 45)
            elif rng.random() < p_spike:
                spike = rng.choice([1, 1, 2, 3])
                v += rng.uniform(18, 45)
            # hv21-07: 2014-02-26 03:00-04:30Z (12:00-13:30 Seoul), a runaway report job
            if code == "hv21-07" and datetime(2014, 2, 26, 3, tzinfo=UTC) <= t < datetime(2014, 2, 26, 4, 30, tzinfo=UTC):
                v = 86 + rng.gauss(0, 1.5)
            # bm21-05: 2014-03-05 01:00-03:00Z = 10:00-12:00 Seoul, a SCADA screen rebuild
            if code == "bm21-05" and datetime(2014, 3, 5, 1, tzinfo=UTC) <= t < datetime(2014, 3, 5, 3, tzinfo=UTC):
                v = 77 + rng.gauss(0, 1.8)
            # bm21-05: a level shift from 2014-03-10 00:00Z (a second HMI client)
            if code == "bm21-05" and t >= datetime(2014, 3, 10, tzinfo=UTC):
                v += 7.0
            # mesvm-2a: 2014-04-16 16:00-19:00Z = 2014-04-17 01:00-04:00 Seoul, a night batch gone wrong
            if code == "mesvm-2a" and datetime(2014, 4, 16, 16, tzinfo=UTC) <= t < datetime(2014, 4, 16, 19, tzinfo=UTC):
                v = 91 + rng.gauss(0, 2.0)
            v = min(max(v, 0.1), 99.9)
            rows.append((t, code, "cpu_usage", round(v, 2)))
    return rows


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
PLANTED_EVENTS = [
    # (ts, code, type, severity, title, detail)
    # 0. pre-Chuseok shipping week, Thu 2025-09-25
    (kst(2025, 9, 25, 9, 0), "pt2.agv.fleet", "deploy", "info", "AGV Fleet Manager 4.2.0 배포 (경로 재계산)", "release 4.2.0"),
    (kst(2025, 9, 25, 10, 0), "pt2.wms.core", "change", "info", "WMS 피킹 웨이브 규칙 변경 (추석 출하 대비)", "CHG-2509-25 wave size 40 -> 120"),
    (kst(2025, 9, 25, 14, 5), "WMS-DB1P", "alert", "major", "binloc.db CPU over 90%", "cpu_usage 93%"),
    (kst(2025, 9, 25, 14, 10), "pt2.agv.fleet", "incident", "critical", "AGV 경로 충돌로 자재 공급 지연", "INC-DS-0925 14 AGVs waiting at aisle 3"),
    (kst(2025, 9, 25, 16, 40), "pt2.agv.fleet", "change", "info", "AGV Fleet Manager 4.1.3 롤백", "rollback; routes recalculated"),
    # November 2026
    (kst(2026, 11, 3, 10, 0), "HIST-DB1P", "change", "info", "공정 이력 DB 보존기간 2년 -> 3년 연장", "CHG-2611-03 retention raised for the customer audit"),
    # 1. vision QC over-rejects, Thu 11-05
    (kst(2026, 11, 5, 6, 0), "pt2.vision.qc", "deploy", "info", "비전 검사 모델 v12 배포 (스크래치 검출)", "release model v12"),
    (kst(2026, 11, 5, 7, 30), "pt2.vision.qc", "change", "info", "라인B 카메라 노출 파라미터 변경", "CHG-2611-05 exposure 8 ms -> 5 ms"),
    (kst(2026, 11, 5, 9, 20), "pt2.vision.qc", "incident", "major", "외관 검사 과검출 (양품 불량 판정 급증)", "INC-DS-1105 reject rate 14 % on line B"),
    (kst(2026, 11, 5, 12, 10), "pt2.vision.qc", "change", "info", "비전 검사 모델 v11 롤백", "rollback; reject rate back to 1.2 %"),
    (kst(2026, 11, 9, 22, 0), "hq.stor.san", "change", "info", "Unity SAN 마곡 컨트롤러 펌웨어 업그레이드", "CHG-2611-09 non-disruptive"),
    # 2. historian collector backlog, Thu 11-12
    (kst(2026, 11, 12, 2, 0), "pt2.stor.histnas", "change", "info", "Historian NAS 펌웨어 업데이트", "CHG-2611-12 firmware 5.2.1"),
    (kst(2026, 11, 12, 3, 0), "pt2.hist.collector", "deploy", "info", "Historian Collector 2.4.0 deploy (tag compression)", "release 2.4.0"),
    (kst(2026, 11, 12, 4, 15), "pt2.hist.collector", "incident", "major", "공정 이력 수집 지연 (태그 버퍼 적체)", "INC-DS-1112 38k tags buffered"),
    (kst(2026, 11, 12, 7, 20), "pt2.hist.collector", "change", "info", "Historian Collector 2.3.6 롤백", "rollback; buffer drained"),
    (kst(2026, 11, 16, 14, 40), "PT2-OTSW-02A", "alert", "minor", "cell-sw line-B port 12 flapping", "link up/down 9 times in 10 min"),
    (kst(2026, 11, 17, 20, 0), "dr.mes.core", "change", "info", "DR 전환 훈련 (분기 정기)", "CHG-2611-17 switchover drill, 42 min"),
    # 3. PLC link loss, Thu 11-19
    (kst(2026, 11, 19, 13, 0), "PT2-OTFW-01A", "change", "info", "OT 방화벽 정책 정리 (미사용 포트 차단)", "CHG-2611-19 cleanup of 37 rules"),
    (kst(2026, 11, 19, 14, 0), "pt2.opcua.gw", "deploy", "info", "OPC-UA Gateway 3.1.0 deploy (session cache)", "release 3.1.0"),
    (kst(2026, 11, 19, 15, 5), "pt2.opcua.gw", "incident", "critical", "라인A PLC 통신 두절 (OPC-UA 세션 끊김)", "INC-DS-1119 line A stopped 41 min"),
    (kst(2026, 11, 19, 17, 10), "PT2-OTFW-01A", "change", "info", "OT 방화벽 4840 포트 허용 복구", "CHG-2611-20 opc.tcp allowed again"),
    (kst(2026, 11, 22, 3, 0), "hv21-08", "change", "info", "esxi-p2-08 보안 패치 (ESXi 8.0 U3)", "CHG-2611-22 rolling, vMotion"),
    (kst(2026, 11, 24, 11, 30), "pt2.mqtt.broker", "alert", "minor", "mqtt.broker p2 client connections over 4000", "4,212 clients"),
    # 4. customer ASN failures, Wed 11-25
    (kst(2026, 11, 25, 8, 0), "hq.edi.hub", "deploy", "info", "EDI Hub 7.3.0 deploy (ASN v2 mapping)", "release 7.3.0"),
    (kst(2026, 11, 25, 9, 30), "hq.erp.core", "change", "info", "전사 ERP 품목 코드 체계 변경", "CHG-2611-25 12-digit item codes"),
    (kst(2026, 11, 25, 13, 10), "hq.edi.hub", "incident", "critical", "고객사 ASN 전송 실패 (납품 지연 통보)", "INC-DS-1125 312 ASN messages rejected"),
    (kst(2026, 11, 25, 15, 20), "hq.edi.hub", "change", "info", "EDI Hub ASN 매핑 v1 복원", "rollback; resent 312 messages"),
    (kst(2026, 11, 26, 17, 0), "simvm-2x", "change", "info", "agv-sim.vm 전원 종료 (시뮬레이션 종료)", "CHG-2611-26 powered off"),
    # 5. MES slow on the night shift, Fri 11-27
    (kst(2026, 11, 27, 18, 0), "MES-DB1P", "change", "info", "mesdb.primary 통계정보 재수집 및 인덱스 재구성", "CHG-2611-27 online rebuild"),
    (kst(2026, 11, 27, 19, 30), "pt2.mes.core", "deploy", "info", "MES.Core 8.4.0 배포 (LOT 추적 개선)", "release 8.4.0"),
    (kst(2026, 11, 27, 21, 5), "MES-DB1P", "alert", "major", "mesdb.primary CPU over 90%", "cpu_usage 94%"),
    (kst(2026, 11, 27, 21, 15), "pt2.mes.core", "incident", "critical", "야간조 작업지시 조회 지연 (MES 응답 없음)", "INC-DS-1127 work orders time out after 30 s"),
    (kst(2026, 11, 27, 23, 20), "pt2.mes.core", "change", "info", "MES.Core 8.3.2 롤백", "rollback; work orders recovered"),
    (kst(2026, 11, 28, 8, 0), "bm21-03", "change", "info", "비전 모델 재학습 시작 (GPU 전용 할당)", "CHG-2611-28 retraining for model v13"),
    (kst(2026, 11, 28, 8, 40), "bm21-03", "alert", "minor", "vision-gpu.03 CPU above 95% for 30 min", "cpu_usage 96%"),
    # 6. label printing failures, Mon 11-30
    (kst(2026, 11, 30, 6, 0), "pt2.label.print", "change", "info", "라벨 템플릿 변경 (고객사 신규 바코드 규격)", "CHG-2611-30 GS1-128 template"),
    (kst(2026, 11, 30, 7, 0), "pt2.label.print", "deploy", "info", "라벨 발행 2.2.0 배포", "release 2.2.0"),
    (kst(2026, 11, 30, 8, 0), "valvm-2t", "change", "info", "mes-val.vm 점검 모드 전환 (검증 환경 재구성)", "CHG-2611-31 maintenance"),
    (kst(2026, 11, 30, 10, 20), "pt2.label.print", "incident", "major", "출하 라벨 인쇄 실패 (바코드 누락)", "INC-DS-1130A 640 labels reprinted"),
    (kst(2026, 11, 30, 12, 10), "pt2.label.print", "change", "info", "라벨 발행 2.1.4 롤백 및 템플릿 원복", "rollback; printing recovered"),
    # 7. November month-end close, Mon 11-30 22:00 onwards (ongoing)
    (kst(2026, 11, 30, 20, 0), "hq.erp.core", "change", "info", "11월 회계기간 마감 오픈 (기간 잠금 설정)", "CHG-2611-32 period 2026-11 locked for postings"),
    (kst(2026, 11, 30, 21, 0), "hq.erp.batch", "deploy", "info", "월마감 배치 2026.11 배포 (원가 배부 로직)", "release 2026.11"),
    (kst(2026, 11, 30, 22, 20), "hq.erp.batch", "alert", "major", "month-end batch CPU over 85%", "cpu_usage 91%"),
    (kst(2026, 11, 30, 23, 5), "hq.erp.batch", "incident", "critical", "11월 월마감 원가 배부 배치 지연", "INC-DS-1130B allocation step 3 of 9 after 65 min"),
    (kst(2026, 11, 30, 23, 30), "ERP-DB1P", "alert", "major", "HANA DB 본사 CPU over 85%", "cpu_usage 88%"),
    (kst(2026, 12, 1, 0, 10), "erpvm-1a", "alert", "major", "sap-app.magok CPU over 90%", "cpu_usage 92%"),
]

BUILD_APPS = ["pt2.mes.core", "pt2.wms.core", "pt2.agv.fleet", "pt2.qc.spc", "hq.erp.core", "hq.edi.hub",
              "hq.scm.portal"]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    # background: nightly builds (info) on a few app pipelines, 11-23 .. 11-30; none after now
    day = kst(2026, 11, 23)
    n = 0
    while day < kst(2026, 12, 1):
        for code in BUILD_APPS:
            if rng.random() < 0.35:
                n += 1
                ts = day + timedelta(hours=rng.choice([1, 2, 3]), minutes=rng.choice([0, 15, 30, 45]))
                ok = rng.random() < 0.85
                name = CI[code]["ci_name"]
                title = f"{name} nightly build #{700 + n} {'passed' if ok else 'failed'}"
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
        for r in ("today", "yesterday", "last:24h", "thisweek", "lastweek", "thismonth", "lastmonth", "day:2026-11-30", "day:2026-11-27", "day:2026-11-25", "day:2026-11-19", "day:2026-11-05", "days:2025-09-22..2025-09-26", "day:2025-09-25", "last:7d"):
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
