#!/usr/bin/env python3
"""A tiny OTLP/HTTP receiver for CI: records the spans POSTed to /v1/traces (protobuf, optionally gzip),
one JSON line per span in OUT (trace_id, span_id, parent_span_id, name, service, string attributes),
and answers as a collector does (200, an empty ExportTraceServiceResponse). Anything else: 404.

usage: otlp-receiver.py PORT_FILE OUT     (listens on 127.0.0.1, a free port written to PORT_FILE)
       otlp-receiver.py --check OUT TRACE_ID [SECONDS]
         waits (default 60 s) until OUT holds the spans of TRACE_ID that the README promises — the
         request's root span, the five stages, a database span with db.system and db.query.text — and
         exits 0, else 1 with what arrived.
       otlp-receiver.py --readme PORT README.md [README.ko.md ...]
         prints the environment of the README's tracing example (the bash block that sets
         OTEL_EXPORTER_OTLP_ENDPOINT and runs ./ops up), its port 4318 rewritten to PORT, for CI to start
         `env … ./ops up` with; the translations must hold the same block.

No dependency beyond the standard library: the protobuf wire format is read by hand (only the fields of
opentelemetry/proto/trace/v1/trace.proto and common.proto used below).
"""
import gzip
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 16 * 1024 * 1024


def fields(buf):
    """(field number, value) of one message: int for varints, bytes for length-delimited; others skipped."""
    i, n = 0, len(buf)
    while i < n:
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 2:
            length, i = varint(buf, i)
            value, i = buf[i:i + length], i + length
        elif wire == 1:
            value, i = None, i + 8
        elif wire == 5:
            value, i = None, i + 4
        else:
            raise ValueError(f"wire type {wire}")
        yield number, value


def varint(buf, i):
    shift = result = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def attributes(kvs):
    """KeyValue messages → {key: string value} (other value kinds as None)."""
    out = {}
    for kv in kvs:
        key, value = "", None
        for number, v in fields(kv):
            if number == 1:
                key = v.decode("utf-8")
            elif number == 2:
                for vn, vv in fields(v):
                    if vn == 1:  # AnyValue.string_value
                        value = vv.decode("utf-8")
        out[key] = value
    return out


def spans(request):
    """ExportTraceServiceRequest → one dict per span."""
    for number, resource_spans in fields(request):
        if number != 1:
            continue
        service, scopes = "", []
        for rn, rv in fields(resource_spans):
            if rn == 1:  # Resource
                service = attributes(v for an, v in fields(rv) if an == 1).get("service.name") or ""
            elif rn == 2:
                scopes.append(rv)
        for scope in scopes:
            for sn, span in fields(scope):
                if sn != 2:
                    continue
                s = {"service": service, "attributes": {}}
                kvs = []
                for f, v in fields(span):
                    if f in (1, 2, 4):
                        s[{1: "trace_id", 2: "span_id", 4: "parent_span_id"}[f]] = v.hex()
                    elif f == 5:
                        s["name"] = v.decode("utf-8")
                    elif f == 9:
                        kvs.append(v)
                s["attributes"] = attributes(kvs)
                yield s


def serve(port_file, out):
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("content-length") or 0)
            if self.path != "/v1/traces" or not 0 < length <= MAX_BODY:
                self.send_error(404 if self.path != "/v1/traces" else 400)
                return
            body = self.rfile.read(length)
            if (self.headers.get("content-encoding") or "").lower() == "gzip":
                body = gzip.decompress(body)
            try:
                got = list(spans(body))
            except (ValueError, IndexError, UnicodeDecodeError):
                self.send_error(400, "not an OTLP protobuf ExportTraceServiceRequest")
                return
            with lock, open(out, "a", encoding="utf-8") as f:
                for s in got:
                    f.write(json.dumps(s) + "\n")
            self.send_response(200)
            self.send_header("content-type", "application/x-protobuf")
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    open(out, "a").close()
    with open(port_file, "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


def check(out, trace_id, seconds):
    need = {"POST /ops/ci/ask", "route_plan", "validate", "execute", "compose", "present"}
    deadline = time.time() + seconds
    while True:
        with open(out, encoding="utf-8") as f:
            mine = [s for s in map(json.loads, f) if s.get("trace_id") == trace_id]
        names = {s.get("name") for s in mine}
        db = [s for s in mine if s["attributes"].get("db.system") and s["attributes"].get("db.query.text")]
        if need <= names and db:
            print(f"otlp: ok ({len(mine)} spans of trace {trace_id}: {sorted(names - {None})[:12]}; "
                  f"service.name {mine[0]['service']})")
            return 0
        if time.time() > deadline:
            print(f"otlp: spans of trace {trace_id} missing after {seconds} s; got {sorted(n or '' for n in names)}, "
                  f"{len(db)} database span(s)", file=sys.stderr)
            return 1
        time.sleep(0.5)


def readme_env(port, pages):
    import re
    import shlex
    found = []
    for page in pages:
        text = open(page, encoding="utf-8").read()
        blocks = [b for b in re.findall(r"```bash\n(.*?)```", text, re.S) if "OTEL_EXPORTER_OTLP_ENDPOINT" in b]
        if len(blocks) != 1:
            sys.exit(f"{page}: expected one bash block setting OTEL_EXPORTER_OTLP_ENDPOINT, found {len(blocks)}")
        found.append(blocks[0])
    if any(b != found[0] for b in found[1:]):
        sys.exit(f"the tracing example differs between {pages}: keep the commands, translate the prose")
    words = shlex.split(found[0].strip())
    env = [w for w in words if re.match(r"^[A-Z_][A-Z0-9_]*=", w)]
    if words[len(env):] != ["./ops", "up"] or not any(w.startswith("OTEL_EXPORTER_OTLP_ENDPOINT=") for w in env):
        sys.exit(f"the tracing example is not 'VAR=VALUE … ./ops up': {found[0]!r}")
    if not any(":4318" in w for w in env):
        sys.exit(f"the tracing example's endpoint is not on port 4318: {env}")
    print(" ".join(shlex.quote(w.replace(":4318", ":" + port)) for w in env))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--readme":
        readme_env(sys.argv[2], sys.argv[3:])
        sys.exit(0)
    if len(sys.argv) >= 4 and sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 60))
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    serve(sys.argv[1], sys.argv[2])
