#!/usr/bin/python3
"""An OpsService client in Python, written from the protos alone.

Stubs are generated at run time from proto/src/main/proto with grpc_tools.protoc (Debian's
python3-grpc-tools) into a temporary directory; grpcio is Debian's python3-grpcio. No product library.

  /usr/bin/python3 ops_client.py "서버A의 CPU 사용량은?"   ask, stream, read the trace, replay a stage
  /usr/bin/python3 ops_client.py --check                  the same, plus a bad request; exit 1 on any surprise

OPS_GRPC (default 127.0.0.1:8080) is the gateway (plaintext on loopback, as `./ops up` starts it).
OPS_API_KEY, when set, is sent as "authorization: Bearer <key>" on every gateway call; GetStageCall needs
an operator's key (without one the stage replay is skipped, and --check checks what an anonymous viewer may do).
OPS_DATA_DIR (default ./data) holds tls/: the stage services speak mutual TLS only, so the replay
presents tls/operator.pem and tls/operator.key and trusts tls/ca.pem (as `buf curl` does in the README).
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PROTO = os.path.join(ROOT, "proto", "src", "main", "proto")
# google/api and google/rpc protos, unpacked there by `mvn -pl proto generate-sources` (any build does it)
DEPS = os.path.join(ROOT, "proto", "target", "buf-deps")


def generate_stubs():
    """Compiles the product's protos into a temp dir and puts it on sys.path."""
    try:
        import grpc  # noqa: F401
        import grpc_tools
    except ImportError as e:
        sys.exit("%s: install Debian's python3-grpcio and python3-grpc-tools and run this with /usr/bin/python3" % e)

    wkt = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")  # google/protobuf/*.proto
    out = tempfile.mkdtemp(prefix="ops-stubs-")
    ops_files = sorted("ops/v1/" + f for f in os.listdir(os.path.join(PROTO, "ops", "v1")) if f.endswith(".proto"))
    # google/rpc/error_details.proto uses proto3 `optional`, which Debian's older protoc refuses; the status
    # alone is enough here (the details are read by their type URL)
    deps = ["google/api/annotations.proto", "google/api/http.proto", "google/rpc/status.proto"]
    if not os.path.isdir(DEPS):
        sys.exit("no %s: run `mvn -q -pl proto generate-sources` (or ./ops build) first" % DEPS)
    cmd = [sys.executable, "-m", "grpc_tools.protoc", "-I" + PROTO, "-I" + DEPS, "-I" + wkt,
           "--python_out=" + out, "--grpc_python_out=" + out] + ops_files + deps
    subprocess.run(cmd, check=True)
    sys.path.insert(0, out)


generate_stubs()

import grpc  # noqa: E402
from google.protobuf import json_format, symbol_database  # noqa: E402
from google.rpc import status_pb2  # noqa: E402
from ops.v1 import ops_service_pb2 as pb  # noqa: E402
from ops.v1 import ops_service_pb2_grpc as ops_grpc  # noqa: E402
import ops.v1.executor_service_pb2  # noqa: E402,F401  (stage services' messages, for the replay)
import ops.v1.planner_service_pb2  # noqa: E402,F401
import ops.v1.trace_service_pb2  # noqa: E402,F401

failures = []


def expect(ok, what):
    if not ok:
        print("unexpected: " + what, file=sys.stderr)
        failures.append(what)


def metadata():
    key = os.environ.get("OPS_API_KEY", "").strip()
    return [("authorization", "Bearer " + key)] if key else []


def to_json(message):
    return json_format.MessageToDict(message, preserving_proto_field_name=True)


def replay_stage(stub, trace_id, stage):
    """GetStageCall, then that call straight on the stage service over mutual TLS."""
    call = stub.GetStageCall(pb.GetStageCallRequest(trace_id=trace_id, stage=stage), metadata=metadata(), timeout=30)
    service, method = call.method.split("/")
    pool = symbol_database.Default().pool
    desc = pool.FindServiceByName(service).FindMethodByName(method)
    db = symbol_database.Default()
    request_cls = db.GetSymbol(desc.input_type.full_name)
    response_cls = db.GetSymbol(desc.output_type.full_name)
    request = json_format.ParseDict(json_format.MessageToDict(call.request), request_cls())
    tls = os.path.join(os.environ.get("OPS_DATA_DIR", os.path.join(ROOT, "data")), "tls")
    with open(os.path.join(tls, "ca.pem"), "rb") as ca, open(os.path.join(tls, "operator.pem"), "rb") as cert, \
            open(os.path.join(tls, "operator.key"), "rb") as key:
        creds = grpc.ssl_channel_credentials(root_certificates=ca.read(), private_key=key.read(),
                                             certificate_chain=cert.read())
    with grpc.secure_channel(call.target, creds) as channel:
        rpc = channel.unary_unary("/" + call.method, request_serializer=request_cls.SerializeToString,
                                  response_deserializer=response_cls.FromString)
        response = rpc(request, timeout=30)
    return call, response


def main(argv):
    check = len(argv) > 1 and argv[1] == "--check"
    question = "서버A의 CPU 사용량은?" if check or len(argv) < 2 else argv[1]
    target = os.environ.get("OPS_GRPC", "127.0.0.1:8080")
    with grpc.insecure_channel(target) as channel:
        stub = ops_grpc.OpsServiceStub(channel)

        answer = stub.Ask(pb.AskRequest(question=question), metadata=metadata(), timeout=30)
        print(json.dumps({"answer": answer.answer, "route": answer.meta.route, "trace_id": answer.meta.trace_id,
                          "blocks": [b.type for b in answer.blocks]}, ensure_ascii=False))

        # server streaming: one event per stage as it finishes, then the answer
        stages, streamed = [], None
        for event in stub.AskStream(pb.AskStreamRequest(question=question), metadata=metadata(), timeout=60):
            if event.WhichOneof("event") == "stage":
                s = event.stage
                stages.append(s.stage)
                print("%-11s %-7s %5d ms  %s" % (s.stage, s.status, s.duration_ms, s.summary))
            else:
                streamed = event.answer
        print("streamed answer: " + (streamed.answer if streamed else "(none)"))

        trace = stub.GetTrace(pb.GetTraceRequest(trace_id=answer.meta.trace_id), metadata=metadata(), timeout=30).trace
        print(json.dumps({"trace_id": trace.trace_id, "status": trace.status,
                          "stages": [s.stage for s in trace.stage_outputs]}, ensure_ascii=False))

        replayed = None
        if metadata():
            call, replayed = replay_stage(stub, answer.meta.trace_id, "execute")
            rows = json.dumps(to_json(replayed), ensure_ascii=False)
            print("replayed %s on %s: %d bytes of response" % (call.method, call.target, len(rows)))
        else:
            print("stage replay skipped: GetStageCall needs an operator's key (OPS_API_KEY)")
            if check:
                # secure by default: an anonymous caller is a viewer, and a viewer may not read a stage's request
                try:
                    stub.GetStageCall(pb.GetStageCallRequest(trace_id=answer.meta.trace_id, stage="execute"), timeout=30)
                    expect(False, "GetStageCall answered a caller without a key")
                except grpc.RpcError as err:
                    expect(err.code() == grpc.StatusCode.PERMISSION_DENIED, "GetStageCall without a key: " + err.code().name)

        if not check:
            return 0
        expect(answer.meta.route == "orch" and "SVR001" in answer.answer, "answer " + answer.answer)
        expect(stages[:1] == ["route_plan"] and stages[-1:] == ["present"], "streamed stages " + str(stages))
        expect(streamed is not None and "SVR001" in streamed.answer, "streamed answer")
        expect(trace.trace_id == answer.meta.trace_id, "trace " + trace.trace_id)
        # without a key the replay was skipped: what an anonymous (viewer) caller may do was checked
        expect(not metadata() or (replayed is not None and "SVR001" in json.dumps(to_json(replayed))), "stage replay")
        try:
            stub.Ask(pb.AskRequest(question=""), metadata=metadata(), timeout=30)
            expect(False, "an empty question was answered")
        except grpc.RpcError as err:
            status = next((status_pb2.Status.FromString(v) for k, v in err.trailing_metadata()
                           if k == "grpc-status-details-bin"), None)
            types = [d.type_url.rsplit("/", 1)[-1] for d in status.details] if status else []
            print(json.dumps({"code": err.code().name, "message": err.details(), "details": types}))
            expect(err.code() == grpc.StatusCode.INVALID_ARGUMENT, "code " + err.code().name)
            expect("google.rpc.ErrorInfo" in types and "google.rpc.BadRequest" in types, "details " + str(types))
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except grpc.RpcError as err:
        print("%s: %s" % (err.code().name, err.details()), file=sys.stderr)
        sys.exit(1)
    except OSError as err:  # e.g. no tls/ under OPS_DATA_DIR
        print("cannot read %s: %s" % (err.filename, err.strerror), file=sys.stderr)
        sys.exit(1)
