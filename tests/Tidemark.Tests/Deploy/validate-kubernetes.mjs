// Validates every object of a multi-document YAML file (kubectl kustomize's output) against the Kubernetes OpenAPI
// schema, as compiled into validators by npm kubernetes-models (installed into .cache/npm by scripts/ensure-npm.sh).
// Usage: node validate-kubernetes.mjs NODE_MODULES FILE. Prints one JSON array: per object its kind, name, whether it
// is valid, the schema's errors and the object itself (as JSON). An apiVersion/kind with no schema is reported invalid, never skipped.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, file] = process.argv.slice(2);
const yaml = await import(pathToFileURL(join(modules, "yaml", "dist", "index.js")).href);
const results = [];
for (const doc of yaml.parseAllDocuments(readFileSync(file, "utf8"))) {
  if (doc.errors.length > 0) {
    results.push({ kind: null, name: null, valid: false, errors: doc.errors.map(e => e.message) });
    continue;
  }
  const object = doc.toJS();
  if (object === null || object === undefined) continue;
  const { apiVersion, kind } = object;
  const name = object.metadata?.name ?? null;
  const result = { apiVersion, kind, name, valid: false, errors: [], object };
  results.push(result);
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z0-9.\/]+$/.test(apiVersion) || !/^[A-Za-z0-9]+$/.test(kind)) {
    result.errors.push("apiVersion and kind must be set");
    continue;
  }
  const model = join(modules, "kubernetes-models", apiVersion, kind + ".js");
  if (!existsSync(model)) {
    result.errors.push(`no schema for ${apiVersion} ${kind}`);
    continue;
  }
  const Model = (await import(pathToFileURL(model).href))[kind];
  try {
    new Model(object).validate();
    result.valid = true;
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    result.errors = e.errors.map(x => `${x.instancePath || "/"} ${x.message}`);
  }
}
process.stdout.write(JSON.stringify(results));
