#!/usr/bin/env node
// An OpsService client written from the protos alone: it loads proto/src/main/proto at run time
// (no generated code, no library of this product) and shows what a polyglot caller sees.
//
//   node ask.js "서버A의 CPU 사용량은?"      ask, then read the answer's trace back
//   node ask.js --check                      the same, plus a bad request, and exit 1 on any surprise
//
// OPS_GRPC (default 127.0.0.1:8080) is the gateway's port (plaintext on loopback, as `./ops up` starts
// it); OPS_API_KEY, when set, is sent as "authorization: Bearer <key>".
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const root = path.resolve(__dirname, '../../..');
// google/api and google/rpc are unpacked there by `mvn -pl proto generate-sources` (any build does it)
const includeDirs = [path.join(root, 'proto/src/main/proto'), path.join(root, 'proto/target/buf-deps')];
const files = ['ops/v1/ops_service.proto'];
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
function call(method, request) {
  const md = new grpc.Metadata();
  if (process.env.OPS_API_KEY) md.set('authorization', 'Bearer ' + process.env.OPS_API_KEY);
  return new Promise((resolve, reject) => client[method](request, md, { deadline: Date.now() + 30000 },
    (err, response) => (err ? reject(err) : resolve(response))));
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
  if (!check) return;
  expect(!('code' in answer) && !('data' in answer), 'an envelope field in AskResponse');
  expect(answer.meta.route === 'orch' && /SVR001/.test(answer.answer), 'answer ' + answer.answer);
  expect(trace.trace_id === answer.meta.trace_id, 'trace ' + trace.trace_id);
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
