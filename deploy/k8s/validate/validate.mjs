// Validates rendered Kubernetes manifests (a YAML stream on stdin, e.g. `kubectl kustomize DIR`) against the
// Kubernetes OpenAPI schemas of the npm package kubernetes-models: each object's apiVersion and kind name its
// model, whose validate() checks types, required fields, enums and formats; strict.mjs adds unknown fields
// (misspelt ones). Exits 1 with every problem found, or on an object of an apiVersion/kind the package does not know.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { unknownFields } from "./strict.mjs";

const docs = parseAllDocuments(readFileSync(0, "utf8"));
const label = process.argv[2] ?? "manifests";
const problems = [];
const counts = {};
for (const [i, doc] of docs.entries()) {
  if (doc.errors.length > 0) {
    problems.push(`document ${i + 1}: not YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const obj = doc.toJS();
  if (obj === null) continue;
  const where = `${obj.kind ?? "?"} ${obj.metadata?.name ?? "?"} (document ${i + 1})`;
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    problems.push(`${where}: apiVersion and kind are required`);
    continue;
  }
  let model;
  try {
    model = (await import(`kubernetes-models/${apiVersion}`))[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") {
    problems.push(`${where}: ${apiVersion} ${kind} is not a Kubernetes kind this validator knows`);
    continue;
  }
  const before = problems.length;
  try {
    new model(obj).validate();
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
  for (const field of unknownFields(obj)) problems.push(`${where}: ${field}`);
  if (problems.length === before) counts[kind] = (counts[kind] ?? 0) + 1;
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`${label}: ${problems.length} problem(s)`);
  process.exit(1);
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
if (total === 0) {
  console.error("manifests: nothing to validate");
  process.exit(1);
}
console.log(`${label}: ${total} valid (${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(", ")})`);
