#!/usr/bin/env python3
"""Deterministic generator for the "Dalbit Market" (달빛마켓) AWS estate over REAL public CPU series.

Writes estate/cis.csv, estate/relations.csv, estate/metrics.csv.gz, estate/events.csv and
questions.tsv (ids N###, halves "devR" / "testR") from the hand-written questions_src.txt; the
expected facts are computed here from the data.  Standard library only.

The metric history is not generated: it is the Numenta Anomaly Benchmark's real AWS CloudWatch CPU
series (MIT licence, ../../../../../incident-analysis/src/test/resources/nab/LICENSE.txt), read from
the repository at NAB_DIR.  Each CPU series keeps NAB's exact timestamps (UTC) and values; only the
metric name (cpu_usage) and the CI change.  The disk-write-bytes, network-in and ELB request-count
series are not used: the earlier sets' metric names (cpu_usage, mem_usage, disk_usage, latency_ms,
error_rate) have no byte, packet or request-count metric to bind them to.

    python3 gen_estate.py             write everything, print warnings
    python3 gen_estate.py --strict    exit 1 on any warning
    python3 gen_estate.py --summary   print per-day statistics (Seoul and UTC days) and events
    python3 gen_estate.py --counts    print the count per category / language / half / persona

The import format, the clock logic, compute(), the closures, the paths, the percentiles and the
question and estate checks are those of ../understanding21/gen_estate.py, copied unchanged from
event_checks() onwards except: the ranges that --summary prints.  See README.md.

Spec grammar: as in ../understanding21/gen_estate.py (persona tags `# N<n> ...`).
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
NAB_DIR = os.path.join(HERE, "..", "..", "..", "..", "..", "incident-analysis", "src", "test", "resources", "nab",
                       "data", "realAWSCloudwatch")
SRC = "questions_src.txt"
TSV = "questions.tsv"
HALVES = ("devR", "testR")
ID_PREFIX = "N"
TAG_LETTER = "N"
SEED = 20140507
KST = timezone(timedelta(hours=9))
UTC = timezone.utc
NOW = datetime(2014, 5, 7, 10, 0, tzinfo=KST)   # Wednesday 7 May 2014, 10:00 Seoul = 01:00Z


# --------------------------------------------------------------------------------------
# Estate: CIs (a small web shop's AWS account, us-east-1)
# code, name, type, status, environment, location, owner, aliases, ip, tier
# --------------------------------------------------------------------------------------
AZ_A, AZ_B = "us-east-1a", "us-east-1b"
PROD, STAGE = "prod", "staging"
O_SRE, O_BE, O_DATA = "sre", "backend", "data"
CIS = [
    ("vpc-0d41b7e2", "Shop VPC", "network", "running", PROD, AZ_A, O_SRE, "쇼핑몰 VPC|main vpc", "10.20.0.0", "core"),
    ("s3-dalbit-assets", "Asset Bucket", "storage", "running", PROD, AZ_A, O_BE, "이미지 버킷|product images", "", "web"),
    # EC2 instances: i-<8 hex>; the first six hex digits are NAB's series id
    ("i-5f5533a0", "web-1", "vm", "running", PROD, AZ_A, O_SRE, "웹 1호기|웹1", "10.20.1.11", "web"),
    ("i-ac20cd47", "web-2", "vm", "running", PROD, AZ_B, O_SRE, "웹 2호기|웹2", "10.20.2.11", "web"),
    ("i-fe7f93b2", "worker-1", "vm", "running", PROD, AZ_A, O_BE, "주문 워커|order worker", "10.20.1.21", "batch"),
    ("i-53ea3811", "cron-1", "vm", "running", PROD, AZ_A, O_BE, "배치 서버|batch box", "10.20.1.22", "batch"),
    ("i-24ae8d3c", "bastion", "vm", "running", PROD, AZ_A, O_SRE, "점프 서버|jump host", "10.20.0.10", "core"),
    ("i-825cc2d8", "img-resizer", "vm", "running", PROD, AZ_B, O_BE, "이미지 변환 서버|thumbnailer", "10.20.2.31", "web"),
    ("i-77c1ca05", "search-1", "vm", "running", PROD, AZ_B, O_BE, "검색 서버|search box", "10.20.2.41", "web"),
    ("i-c6585a9e", "mail-1", "vm", "running", PROD, AZ_B, O_SRE, "메일 서버|smtp relay", "10.20.2.51", "core"),
    ("i-0b7e11f4", "staging-web", "vm", "stopped", STAGE, AZ_A, O_SRE, "스테이징 웹|stage box", "10.20.9.11", "staging"),
    # RDS instances
    ("rds-orders-prod", "Orders DB", "database", "running", PROD, AZ_A, O_DATA, "주문 DB|order database", "10.20.1.51", "data"),
    ("rds-catalog-prod", "Catalog DB", "database", "running", PROD, AZ_B, O_DATA, "상품 DB|product catalog", "10.20.2.51", "data"),
    # load balancer
    ("elb-shop-front", "Shop ELB", "load_balancer", "running", PROD, AZ_A, O_SRE, "쇼핑몰 로드밸런서|front door", "", "web"),
    # apps
    ("app-storefront", "Storefront", "app", "running", PROD, AZ_A, O_BE, "쇼핑몰 프론트|shop frontend", "", "web"),
    ("app-checkout", "Checkout", "app", "running", PROD, AZ_A, O_BE, "결제|주문 결제", "", "web"),
    ("app-order-worker", "Order Worker", "app", "running", PROD, AZ_A, O_BE, "주문 처리|fulfilment jobs", "", "batch"),
    ("app-search", "Product Search", "app", "running", PROD, AZ_B, O_BE, "상품 검색|search api", "", "web"),
    ("app-thumbs", "Thumbnailer", "app", "running", PROD, AZ_B, O_BE, "썸네일 생성|image jobs", "", "web"),
    ("app-mailer", "Mailer", "app", "running", PROD, AZ_B, O_SRE, "메일 발송|notifications", "", "core"),
    # services
    ("svc-online-shop", "Online Shop", "service", "running", PROD, AZ_A, O_SRE, "온라인 쇼핑몰|달빛마켓", "", "web"),
    ("svc-fulfilment", "Fulfilment", "service", "running", PROD, AZ_A, O_BE, "주문 이행|배송 처리", "", "batch"),
]
CI_FIELDS = ["ci_code", "ci_name", "ci_type", "status", "environment", "location", "owner", "aliases", "ip", "tier"]
CI = {c[0]: dict(zip(CI_FIELDS, c)) for c in CIS}

RELATIONS = [
    ("elb-shop-front", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-5f5533a0", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-ac20cd47", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-fe7f93b2", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-53ea3811", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-24ae8d3c", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-825cc2d8", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-77c1ca05", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-c6585a9e", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("i-0b7e11f4", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("rds-orders-prod", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("rds-catalog-prod", "CONNECTS_TO", "vpc-0d41b7e2"),
    ("elb-shop-front", "CONNECTS_TO", "app-storefront"),
    ("elb-shop-front", "CONNECTS_TO", "app-checkout"),
    ("app-storefront", "RUNS_ON", "i-5f5533a0"),
    ("app-storefront", "RUNS_ON", "i-ac20cd47"),
    ("app-checkout", "RUNS_ON", "i-5f5533a0"),
    ("app-checkout", "RUNS_ON", "i-ac20cd47"),
    ("app-order-worker", "RUNS_ON", "i-fe7f93b2"),
    ("app-search", "RUNS_ON", "i-77c1ca05"),
    ("app-thumbs", "RUNS_ON", "i-825cc2d8"),
    ("app-mailer", "RUNS_ON", "i-c6585a9e"),
    ("app-storefront", "DEPENDS_ON", "rds-catalog-prod"),
    ("app-storefront", "DEPENDS_ON", "app-search"),
    ("app-storefront", "DEPENDS_ON", "s3-dalbit-assets"),
    ("app-checkout", "DEPENDS_ON", "rds-orders-prod"),
    ("app-checkout", "DEPENDS_ON", "app-mailer"),
    ("app-order-worker", "DEPENDS_ON", "rds-orders-prod"),
    ("app-order-worker", "DEPENDS_ON", "app-mailer"),
    ("app-search", "DEPENDS_ON", "rds-catalog-prod"),
    ("app-thumbs", "DEPENDS_ON", "s3-dalbit-assets"),
    ("svc-online-shop", "DEPENDS_ON", "elb-shop-front"),
    ("svc-online-shop", "DEPENDS_ON", "app-storefront"),
    ("svc-online-shop", "DEPENDS_ON", "app-checkout"),
    ("svc-fulfilment", "DEPENDS_ON", "app-order-worker"),
    ("svc-fulfilment", "DEPENDS_ON", "app-mailer"),
]

# --------------------------------------------------------------------------------------
# Metrics: NAB's real AWS CloudWatch CPU series, one per CI, as cpu_usage
# --------------------------------------------------------------------------------------
NAB_CPU = {
    "i-5f5533a0": "ec2_cpu_utilization_5f5533.csv.gz",       # 2014-02-14 .. 02-28
    "i-fe7f93b2": "ec2_cpu_utilization_fe7f93.csv.gz",       # 2014-02-14 .. 02-28
    "i-53ea3811": "ec2_cpu_utilization_53ea38.csv.gz",       # 2014-02-14 .. 02-28
    "i-24ae8d3c": "ec2_cpu_utilization_24ae8d.csv.gz",       # 2014-02-14 .. 02-28
    "rds-orders-prod": "rds_cpu_utilization_cc0c53.csv.gz",  # 2014-02-14 .. 02-28
    "i-ac20cd47": "ec2_cpu_utilization_ac20cd.csv.gz",       # 2014-04-02 .. 04-16
    "i-77c1ca05": "ec2_cpu_utilization_77c1ca.csv.gz",       # 2014-04-02 .. 04-16
    "i-c6585a9e": "ec2_cpu_utilization_c6585a.csv.gz",       # 2014-04-02 .. 04-16
    "i-825cc2d8": "ec2_cpu_utilization_825cc2.csv.gz",       # 2014-04-10 .. 04-24
    "rds-catalog-prod": "rds_cpu_utilization_e47b3b.csv.gz", # 2014-04-10 .. 04-23
}
# estate_checks() looks for "a network/storage/lb/service with metrics" in METRIC_PLAN
METRIC_PLAN = {code: {"cpu_usage": None} for code in NAB_CPU}
STOPPED_AT = {}
PCT = {"cpu_usage"}


def read_nab():
    """Rows (ts, code, metric, value, text): NAB's timestamp (UTC) and value text kept as they are."""
    rows = []
    for code, name in NAB_CPU.items():
        with gzip.open(os.path.join(NAB_DIR, name), "rt", encoding="utf-8") as fh:
            r = csv.reader(fh)
            head = next(r)
            assert head == ["timestamp", "value"], head
            for ts, val in r:
                t = datetime.strptime(ts, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
                rows.append((t, code, "cpu_usage", float(val), val))
    return rows


# --------------------------------------------------------------------------------------
# Events (inside the data blocks)
# --------------------------------------------------------------------------------------
def kst(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=KST)


def utc(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)


PLANTED_EVENTS = [
    (kst(2014, 2, 18, 14, 0), "app-storefront", "deploy", "info", "Storefront 2.3 배포", "release 2.3 new product pages"),
    (kst(2014, 2, 22, 9, 5), "i-fe7f93b2", "alert", "major", "worker-1 CPU 99% 도달", "cpu_usage 99.7"),
    (kst(2014, 2, 25, 7, 0), "i-5f5533a0", "alert", "minor", "web-1 CPU 65% 초과", "cpu_usage 68"),
    (kst(2014, 2, 25, 16, 10), "app-order-worker", "deploy", "info", "Order Worker 1.8 배포", "release 1.8 batch invoices"),
    (kst(2014, 2, 26, 10, 0), "rds-orders-prod", "incident", "minor", "주문 DB CPU 상승 조사", "INC-140226 load doubled after the batch release"),
    (kst(2014, 4, 4, 10, 0), "app-mailer", "change", "info", "메일 발송 도메인 인증서 교체", "CHG-140404 new TLS cert"),
    (kst(2014, 4, 8, 15, 0), "app-checkout", "deploy", "info", "Checkout 5.1 배포", "release 5.1 coupon codes"),
    (kst(2014, 4, 11, 9, 40), "app-thumbs", "deploy", "info", "Thumbnailer 0.9 배포", "release 0.9 webp output"),
    (kst(2014, 4, 11, 13, 5), "i-825cc2d8", "alert", "major", "img-resizer CPU 90% 초과", "cpu_usage above 90"),
    (kst(2014, 4, 13, 15, 55), "rds-catalog-prod", "alert", "major", "상품 DB CPU 76% 급등", "cpu_usage 76.2"),
    (kst(2014, 4, 15, 9, 45), "app-storefront", "deploy", "info", "Storefront 2.4 배포", "release 2.4 spring sale banners"),
    (kst(2014, 4, 15, 10, 0), "i-ac20cd47", "alert", "critical", "web-2 CPU 포화", "cpu_usage 99.5"),
    (kst(2014, 4, 15, 10, 30), "app-storefront", "incident", "major", "쇼핑몰 응답 지연", "INC-140415 pages slow during the spring sale"),
    (kst(2014, 4, 16, 12, 30), "i-825cc2d8", "change", "info", "img-resizer 재시작", "CHG-140416 worker pool restarted"),
    (kst(2014, 4, 19, 8, 20), "rds-catalog-prod", "change", "info", "상품 DB 인덱스 재구성", "CHG-140419 reindex products"),
    (kst(2014, 4, 21, 10, 20), "app-thumbs", "incident", "major", "썸네일 생성 지연", "INC-140421 queue backlog"),
]


def gen_events(rng):
    ev = list(PLANTED_EVENTS)
    ev.sort(key=lambda e: (e[0], e[1]))
    return ev


def iso(ts):
    return ts.isoformat()


def write_estate(rows, events):
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
    for ts, code, m, v, text in rows:
        w.writerow([iso(ts), code, m, text])
    with open(os.path.join(OUT, "metrics.csv.gz"), "wb") as raw:
        with gzip.GzipFile(filename="metrics.csv", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    with open(os.path.join(OUT, "events.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ts", "ci_code", "event_type", "severity", "title", "detail"])
        for e in events:
            w.writerow([iso(e[0])] + list(e[1:]))


def event_checks(events):
    """Added in this set: no code appears inside an event title or detail (answers print them)."""
    out = []
    for e in events:
        for c in CIS:
            if c[0].lower() in (e[4] + " " + e[5]).lower():
                out.append(f"code {c[0]} inside the event text {e[4]!r}")
    return out



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
    """Per-day statistics of every CPU series (Seoul days and UTC days), for writing questions."""
    for code in NAB_CPU:
        s = D.series[(code, "cpu_usage")]
        print(f"== {code} {CI[code]['ci_name']}: {len(s)} samples {s[0][0].isoformat()} .. {s[-1][0].isoformat()}")
        for label, tz in (("KST", KST), ("UTC", UTC)):
            days = sorted({t.astimezone(tz).date() for t, _ in s})
            for d in days:
                a = datetime(d.year, d.month, d.day, tzinfo=tz)
                vals = D.samples(code, "cpu_usage", a, a + timedelta(days=1))
                mx = max(vals, key=lambda x: x[1])
                mn = min(vals, key=lambda x: x[1])
                print(f"  {label} {d} n={len(vals):3d} avg={sum(v for _, v in vals) / len(vals):8.3f} "
                      f"max={mx[1]:8.3f} at {mx[0].astimezone(KST).strftime('%m-%d %H:%M')}KST "
                      f"min={mn[1]:8.3f} at {mn[0].astimezone(KST).strftime('%m-%d %H:%M')}KST")
    print("== events ==")
    for e in D.events:
        print(e[0].isoformat(), e[1], e[2], e[3], e[4])


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
    rows = read_nab()
    events = gen_events(random.Random(SEED + 1))
    write_estate(rows, events)
    metrics = [(t, c, m, v) for t, c, m, v, _ in rows]
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
