#!/usr/bin/env node
// An OpsService client written from the protos alone: it loads proto/src/main/proto at run time
// (no generated code, no library of this product) and shows what a polyglot caller sees.
//
//   node ask.js "서버A의 CPU 사용량은?"      ask, stream the same question (AskStream), read the answer's
//                                            trace back, and replay its execute stage on executor-service
//   node ask.js --check                      the same, plus a bad request, and exit 1 on any surprise
//
// OPS_GRPC (default 127.0.0.1:8080) is the gateway's port (plaintext on loopback, as `./ops up` starts
// it); OPS_API_KEY, when set, is sent as "authorization: Bearer <key>". GetStageCall needs an operator's
// key: without one the replay is skipped (and --check checks what an anonymous viewer may do). Stage services speak mutual TLS only:
// the replay presents $OPS_DATA_DIR/tls/operator.pem and operator.key (default ./data) and trusts tls/ca.pem.
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const root = path.resolve(__dirname, '../../..');
// google/api and google/rpc are unpacked there by `mvn -pl proto generate-sources` (any build does it)
const includeDirs = [path.join(root, 'proto/src/main/proto'), path.join(root, 'proto/target/buf-deps')];
const files = ['ops/v1/ops_service.proto', 'ops/v1/planner_service.proto', 'ops/v1/executor_service.proto',
  'ops/v1/trace_service.proto'];
const definition = loader.loadSync(files, { keepCase: true, longs: String, enums: String, defaults: false, oneofs: true, includeDirs });
const ops = grpc.loadPackageDefinition(definition).ops.v1;

// google.rpc.Status and its details, decoded with protobufjs from the same protos
const rpc = new protobuf.Root();
rpc.resolvePath = (origin, target) => {
  for (const dir of includeDirs) {
    const candidate = path.join(dir, target);
    if (require('fs').existsSync(candidate)) return candidate;
  }
  return target;
};
rpc.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
// the stage services' messages, for the replay (the request comes as proto JSON in a Struct)
const stagesRoot = new protobuf.Root();
stagesRoot.resolvePath = rpc.resolvePath;
stagesRoot.loadSync(files, { keepCase: true });
stagesRoot.resolveAll();

function details(err) {
  const bin = err.metadata && err.metadata.get('grpc-status-details-bin')[0];
  if (!bin) return [];
  const status = rpc.lookupType('google.rpc.Status').decode(bin);
  return status.details.map((any) => {
    const type = rpc.lookupType(any.type_url.substring(any.type_url.lastIndexOf('/') + 1));
    return { type: type.fullName.substring(1), ...type.toObject(type.decode(any.value)) };
  });
}

const client = new ops.OpsService(process.env.OPS_GRPC || '127.0.0.1:8080', grpc.credentials.createInsecure());
function metadata() {
  const md = new grpc.Metadata();
  if (process.env.OPS_API_KEY) md.set('authorization', 'Bearer ' + process.env.OPS_API_KEY);
  return md;
}
const call = callOps;
function callOps(method, request) {
  return new Promise((resolve, reject) => client[method](request, metadata(), { deadline: Date.now() + 30000 },
    (err, response) => (err ? reject(err) : resolve(response))));
}

// google.protobuf.Struct as protobufjs decodes it -> plain JSON, and proto JSON -> a protobufjs message
function plainStruct(s) {
  return Object.fromEntries(Object.entries((s && s.fields) || {}).map(([k, x]) => [k, plainValue(x)]));
}
// (protobufjs declares the well-known types with camelCase names, whatever keepCase says)
function plainValue(v) {
  const kind = v.kind || Object.keys(v)[0];
  const x = v[kind];
  if (kind === 'structValue' || kind === 'struct_value') return plainStruct(x);
  if (kind === 'listValue' || kind === 'list_value') return ((x && x.values) || []).map(plainValue);
  if (kind === 'nullValue' || kind === 'null_value' || kind === undefined) return null;
  return x;
}
function value(x) {
  if (x === null) return { nullValue: 0 };
  if (Array.isArray(x)) return { listValue: { values: x.map(value) } };
  if (typeof x === 'object') return { structValue: struct(x) };
  if (typeof x === 'number') return { numberValue: x };
  if (typeof x === 'boolean') return { boolValue: x };
  return { stringValue: String(x) };
}
function struct(o) {
  return { fields: Object.fromEntries(Object.entries(o).map(([k, x]) => [k, value(x)])) };
}
function fromJson(type, json) {
  if (type.fullName === '.google.protobuf.Struct') return struct(json);
  if (type.fullName === '.google.protobuf.Value') return value(json);
  if (type.fullName === '.google.protobuf.ListValue') return { values: json.map(value) };
  const out = {};
  for (const field of type.fieldsArray) {
    const camel = field.name.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());
    const given = field.name in json ? json[field.name] : json[camel];
    if (given === undefined || given === null) continue;
    const t = field.resolvedType;
    const one = (x) => (t instanceof protobuf.Type ? fromJson(t, x) : x);
    if (field.map) out[field.name] = Object.fromEntries(Object.entries(given).map(([k, x]) => [k, one(x)]));
    else if (field.repeated) out[field.name] = given.map(one);
    else out[field.name] = one(given);
  }
  return out;
}

// GetStageCall, then that call straight on the stage service, over mutual TLS with the operator certificate
async function replayStage(traceId, stage) {
  const call = await callOps('GetStageCall', { trace_id: traceId, stage });
  const [service, method] = call.method.split('/');
  const rpcDef = stagesRoot.lookupService(service).methods[method];
  const reqType = rpcDef.resolvedRequestType;
  const resType = rpcDef.resolvedResponseType;
  const asJson = plainStruct(call.request);
  const request = reqType.fromObject(fromJson(reqType, asJson));
  const tls = path.join(process.env.OPS_DATA_DIR || path.join(root, 'data'), 'tls');
  const fs = require('fs');
  const creds = grpc.credentials.createSsl(fs.readFileSync(path.join(tls, 'ca.pem')),
    fs.readFileSync(path.join(tls, 'operator.key')), fs.readFileSync(path.join(tls, 'operator.pem')));
  const stageClient = new grpc.Client(call.target, creds);
  try {
    const response = await new Promise((resolve, reject) => stageClient.makeUnaryRequest('/' + call.method,
      (m) => Buffer.from(reqType.encode(m).finish()), (b) => resType.toObject(resType.decode(b), { longs: String, enums: String }),
      request, new grpc.Metadata(), { deadline: Date.now() + 30000 }, (err, r) => (err ? reject(err) : resolve(r))));
    return { call, response };
  } finally {
    stageClient.close();
  }
}

// AskStream (server streaming): one event per stage as it finishes, then the answer
function askStream(question) {
  return new Promise((resolve, reject) => {
    const stages = [];
    let answer = null;
    const stream = client.AskStream({ question }, metadata(), { deadline: Date.now() + 60000 });
    stream.on('data', (event) => {
      if (event.stage) {
        stages.push(event.stage.stage);
        console.log(`${event.stage.stage.padEnd(11)} ${event.stage.status.padEnd(7)} ${String(event.stage.duration_ms || 0).padStart(5)} ms  ${event.stage.summary}`);
      } else if (event.answer) {
        answer = event.answer;
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ stages, answer }));
  });
}

function expect(ok, what) {
  if (!ok) {
    console.error('unexpected: ' + what);
    process.exitCode = 1;
  }
}

async function main() {
  const check = process.argv[2] === '--check';
  const question = check || !process.argv[2] ? '서버A의 CPU 사용량은?' : process.argv[2];
  const answer = await call('Ask', { question });
  console.log(JSON.stringify({ answer: answer.answer, route: answer.meta.route, trace_id: answer.meta.trace_id,
    blocks: answer.blocks.map((b) => b.type) }));
  const { trace } = await call('GetTrace', { trace_id: answer.meta.trace_id });
  console.log(JSON.stringify({ trace_id: trace.trace_id, status: trace.status, stages: (trace.stage_outputs || []).map((s) => s.stage) }));
  const streamed = await askStream(question);
  console.log('streamed answer: ' + (streamed.answer ? streamed.answer.answer : '(none)'));
  let replayed = null;
  if (process.env.OPS_API_KEY) {
    replayed = await replayStage(answer.meta.trace_id, 'execute');
    console.log(`replayed ${replayed.call.method} on ${replayed.call.target}: ${JSON.stringify(replayed.response).length} bytes of response`);
  } else {
    console.log('stage replay skipped: GetStageCall needs an operator\'s key (OPS_API_KEY)');
    if (check) {
      // secure by default: an anonymous caller is a viewer, and a viewer may not read a stage's request
      const refused = await callOps('GetStageCall', { trace_id: answer.meta.trace_id, stage: 'execute' }).then(() => null, (e) => e);
      expect(refused && refused.code === grpc.status.PERMISSION_DENIED, 'GetStageCall without a key: ' + (refused ? grpc.status[refused.code] : 'answered'));
    }
  }
  if (!check) return;
  expect(!('code' in answer) && !('data' in answer), 'an envelope field in AskResponse');
  expect(answer.meta.route === 'orch' && /SVR001/.test(answer.answer), 'answer ' + answer.answer);
  expect(trace.trace_id === answer.meta.trace_id, 'trace ' + trace.trace_id);
  expect(streamed.stages[0] === 'route_plan' && streamed.stages[streamed.stages.length - 1] === 'present', 'streamed stages ' + streamed.stages);
  expect(streamed.answer && /SVR001/.test(streamed.answer.answer), 'streamed answer');
  // without a key the replay was skipped: what an anonymous (viewer) caller may do was checked
  expect(!process.env.OPS_API_KEY || (replayed && /"SVR001"/.test(JSON.stringify(replayed.response))), 'stage replay');
  try {
    await call('Ask', { question: '' });
    expect(false, 'an empty question was answered');
  } catch (err) {
    const d = details(err);
    console.log(JSON.stringify({ code: grpc.status[err.code], message: err.details, details: d }));
    const info = d.find((x) => x.type === 'google.rpc.ErrorInfo');
    const bad = d.find((x) => x.type === 'google.rpc.BadRequest');
    expect(err.code === grpc.status.INVALID_ARGUMENT, 'code ' + err.code);
    expect(info && info.reason === 'INVALID_ARGUMENT' && info.domain === 'ops.opsuite.dev', 'ErrorInfo ' + JSON.stringify(info));
    expect(bad && bad.field_violations[0].field === 'question', 'BadRequest ' + JSON.stringify(bad));
  }
}

main().catch((err) => {
  console.error(grpc.status[err.code] || '', err.details || err.message, JSON.stringify(details(err)));
  process.exitCode = 1;
}).finally(() => client.close());
