// Unknown fields: the Kubernetes schemas allow any extra property, so a misspelt field (`readinesProbe`) passes
// validate() and is dropped by the API server without a word. This walks each object along the field lists the
// kubernetes-models package declares for every type (its .d.ts interfaces) and reports every field not there.
import { readFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const parsed = new Map();

function declarationOf(specifier) {
  const js = fileURLToPath(import.meta.resolve(specifier));
  return js.replace(/\.js$/, ".d.ts");
}

// field name -> declaration file of its object type (null: a value not walked — scalars, maps, aliases)
function fieldsOf(file) {
  if (parsed.has(file)) return parsed.get(file);
  const text = readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
    imports.set(m[1], m[2].startsWith(".") ? resolve(dirname(file), m[2].replace(/\.js$/, ".d.ts")) : declarationOf(m[2]));
  }
  const body = text.match(/^export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}/m);
  let fields = null;
  if (body) {
    fields = new Map();
    for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*?);?$/gm)) {
      const type = m[2].match(/^(?:Array<)?(\w+)>?$/);
      const target = type && imports.has(type[1]) && existsSync(imports.get(type[1])) ? imports.get(type[1]) : null;
      fields.set(m[1], target);
    }
    if (/ extends [\w, ]*TypeMeta/.test(body[0])) {
      fields.set("apiVersion", null);
      fields.set("kind", null);
    }
  }
  parsed.set(file, fields);
  return fields;
}

function walk(value, file, path, problems) {
  const fields = fieldsOf(file);
  if (fields === null || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, file, `${path}[${i}]`, problems));
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!fields.has(key)) {
      problems.push(`${path}.${key}: unknown field`);
    } else if (fields.get(key) !== null) {
      walk(v, fields.get(key), `${path}.${key}`, problems);
    }
  }
}

/** The unknown fields of one object of this apiVersion and kind, as paths. */
export function unknownFields(obj) {
  const problems = [];
  walk(obj, declarationOf(`kubernetes-models/${obj.apiVersion}/${obj.kind}`), "", problems);
  return problems.map((p) => p.replace(/^\./, ""));
}
