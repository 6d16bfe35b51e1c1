/**
 * A small reader for ARM JSON templates, for tests only (no Azure here).
 * It parses template-language expressions ("[format('{0}', parameters('x'))]") into a tree, lists
 * what they use, and evaluates them with stubbed deployment values, so tests can look at the
 * app settings and resource properties Azure would actually receive.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type Expr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'member'; target: Expr; property: string }
  | { kind: 'index'; target: Expr; index: Expr };

export const TEMPLATE_DIR = new URL('../../deploymentTemplates/', import.meta.url).pathname;

export interface TemplateFile {
  file: string;
  json: JsonObject;
}

export function readJsonFile(path: string): JsonObject {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isObject(parsed)) throw new Error(`${path} is not a JSON object`);
  return parsed;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function listJsonFiles(): string[] {
  return readdirSync(TEMPLATE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function templates(): TemplateFile[] {
  return listJsonFiles()
    .map((file) => ({ file, json: readJsonFile(join(TEMPLATE_DIR, file)) }))
    .filter((t) => String(t.json.$schema ?? '').includes('deploymentTemplate.json'));
}

export function parameterFiles(): TemplateFile[] {
  return listJsonFiles()
    .map((file) => ({ file, json: readJsonFile(join(TEMPLATE_DIR, file)) }))
    .filter((t) => String(t.json.$schema ?? '').includes('deploymentParameters.json'));
}

/** "azuredeploy.singletenant.parameters.json" belongs to "azuredeploy.json". */
export function templateFor(parametersFile: string): string {
  return `${parametersFile.split('.')[0]}.json`;
}

// ---------------------------------------------------------------- parsing

export function isExpression(s: string): boolean {
  return s.startsWith('[') && s.endsWith(']') && !s.startsWith('[[');
}

export function parseExpression(source: string): Expr {
  const text = isExpression(source) ? source.slice(1, -1) : source;
  let pos = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${pos} in ${source}`);
  };
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos] ?? '')) pos++;
  };
  const expect = (ch: string) => {
    skip();
    if (text[pos] !== ch) fail(`expected "${ch}"`);
    pos++;
  };
  const primary = (): Expr => {
    skip();
    const ch = text[pos] ?? '';
    if (ch === "'") {
      let value = '';
      pos++;
      for (;;) {
        if (pos >= text.length) fail('unterminated string');
        if (text[pos] === "'") {
          if (text[pos + 1] === "'") {
            value += "'";
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        value += text[pos];
        pos++;
      }
      return { kind: 'string', value };
    }
    const num = /^-?\d+/.exec(text.slice(pos));
    if (num) {
      pos += num[0].length;
      return { kind: 'number', value: Number(num[0]) };
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (!ident) return fail('expected a value');
    pos += ident[0].length;
    expect('(');
    const args: Expr[] = [];
    skip();
    if (text[pos] === ')') pos++;
    else {
      for (;;) {
        args.push(postfix());
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect(')');
        break;
      }
    }
    return { kind: 'call', name: ident[0], args };
  };
  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      skip();
      if (text[pos] === '.') {
        pos++;
        skip();
        const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
        if (!ident) return fail('expected a property name');
        pos += ident[0].length;
        e = { kind: 'member', target: e, property: ident[0] };
      } else if (text[pos] === '[') {
        pos++;
        const index = postfix();
        expect(']');
        e = { kind: 'index', target: e, index };
      } else return e;
    }
  };
  const result = postfix();
  skip();
  if (pos !== text.length) fail('unexpected text');
  return result;
}

/** Every expression string anywhere under a JSON value, with its JSON path. */
export function expressionsIn(value: Json, path = '$'): { path: string; expr: Expr; source: string }[] {
  if (typeof value === 'string') {
    return isExpression(value) ? [{ path, expr: parseExpression(value), source: value }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionsIn(v, `${path}[${i}]`));
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(isExpression(k) ? [{ path: `${path}{key}`, expr: parseExpression(k), source: k }] : []),
      ...expressionsIn(v, `${path}.${k}`),
    ]);
  }
  return [];
}

/** Every function call in an expression tree (depth first). */
export function callsIn(e: Expr): Extract<Expr, { kind: 'call' }>[] {
  switch (e.kind) {
    case 'call':
      return [e, ...e.args.flatMap(callsIn)];
    case 'member':
      return callsIn(e.target);
    case 'index':
      return [...callsIn(e.target), ...callsIn(e.index)];
    default:
      return [];
  }
}

export function literalArg(call: Extract<Expr, { kind: 'call' }>, i: number): string | undefined {
  const a = call.args[i];
  return a?.kind === 'string' ? a.value : undefined;
}

/** The names used by parameters('x') / variables('x') calls under a JSON value. */
export function namesUsed(value: Json, fn: 'parameters' | 'variables'): Set<string> {
  const out = new Set<string>();
  for (const { expr } of expressionsIn(value)) {
    for (const c of callsIn(expr)) {
      if (c.name.toLowerCase() !== fn) continue;
      const n = literalArg(c, 0);
      if (n === undefined) throw new Error(`${fn}() called without a literal name`);
      out.add(n);
    }
  }
  return out;
}

export function resourcesOf(template: JsonObject): JsonObject[] {
  const rs = template.resources;
  if (!Array.isArray(rs)) throw new Error('template has no resources array');
  return rs.filter(isObject);
}

// ---------------------------------------------------------------- evaluation

/** What Azure would report for the resources, as seen through reference(). */
export const STUB = {
  siteHost: 'stalking-bot-abc123.azurewebsites.net',
  sitePrincipalId: '11111111-1111-1111-1111-111111111111',
  botIdentityClientId: '22222222-2222-2222-2222-222222222222',
  blobEndpoint: 'https://stabc.blob.core.windows.net/',
  appInsightsConnectionString:
    'InstrumentationKey=33333333-3333-3333-3333-333333333333;IngestionEndpoint=https://uksouth',
} as const;

/** What reference() returns for each resource type, standing in for Azure. */
export const REFERENCE_STUBS: Record<string, JsonObject> = {
  'Microsoft.Web/sites': { defaultHostName: STUB.siteHost, identity: { principalId: STUB.sitePrincipalId } },
  'Microsoft.ManagedIdentity/userAssignedIdentities': { clientId: STUB.botIdentityClientId },
  'Microsoft.Storage/storageAccounts': { primaryEndpoints: { blob: STUB.blobEndpoint } },
  'Microsoft.Insights/components': { ConnectionString: STUB.appInsightsConnectionString },
};

export const DEPLOYMENT = {
  subscriptionId: '44444444-4444-4444-4444-444444444444',
  tenantId: '55555555-5555-5555-5555-555555555555',
  resourceGroup: 'rg-stalking-bot',
  location: 'uksouth',
};

function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

export function typeOfResourceId(id: string): string {
  const at = id.lastIndexOf('/providers/');
  const parts = id.slice(at + '/providers/'.length).split('/');
  const types = parts.slice(1).filter((_, i) => i % 2 === 0);
  return [parts[0], ...types].join('/');
}

export class Evaluator {
  readonly template: JsonObject;
  readonly params: Record<string, Json>;
  private readonly varCache = new Map<string, Json>();

  constructor(template: JsonObject, supplied: Record<string, Json>) {
    this.template = template;
    this.params = {};
    const declared = isObject(template.parameters) ? template.parameters : {};
    for (const [name, def] of Object.entries(declared)) {
      if (!isObject(def)) continue;
      if (name in supplied) this.params[name] = supplied[name] ?? null;
      else if ('defaultValue' in def) this.params[name] = this.value(def.defaultValue ?? null);
      else throw new Error(`parameter ${name} has no value and no default`);
    }
  }

  /** Evaluates every expression inside a JSON value (object keys too). */
  value(v: Json): Json {
    if (typeof v === 'string')
      return isExpression(v) ? this.eval(parseExpression(v)) : v.replace(/^\[\[/, '[');
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (isObject(v)) {
      const out: JsonObject = {};
      for (const [k, x] of Object.entries(v)) out[String(this.value(k))] = this.value(x);
      return out;
    }
    return v;
  }

  variable(name: string): Json {
    if (this.varCache.has(name)) return this.varCache.get(name) ?? null;
    const vars = isObject(this.template.variables) ? this.template.variables : {};
    if (!(name in vars)) throw new Error(`variables('${name}') is not declared`);
    const result = this.value(vars[name] ?? null);
    this.varCache.set(name, result);
    return result;
  }

  /** The resource whose `condition` holds, with every expression evaluated. */
  deployedResources(): JsonObject[] {
    return resourcesOf(this.template)
      .filter((r) => !('condition' in r) || this.value(r.condition ?? null) === true)
      .map((r) => {
        const { condition: _c, ...rest } = r;
        const out = this.value(rest);
        if (!isObject(out)) throw new Error('resource did not evaluate to an object');
        return out;
      });
  }

  outputs(): JsonObject {
    const outs = isObject(this.template.outputs) ? this.template.outputs : {};
    const result: JsonObject = {};
    for (const [name, def] of Object.entries(outs)) {
      if (isObject(def)) result[name] = this.value(def.value ?? null);
    }
    return result;
  }

  eval(e: Expr): Json {
    switch (e.kind) {
      case 'string':
      case 'number':
        return e.value;
      case 'member': {
        const t = this.eval(e.target);
        if (!isObject(t)) throw new Error(`.${e.property} read from a non-object`);
        if (!(e.property in t)) throw new Error(`.${e.property} does not exist (stub has ${Object.keys(t)})`);
        return t[e.property] ?? null;
      }
      case 'index': {
        const t = this.eval(e.target);
        const i = this.eval(e.index);
        if (Array.isArray(t) && typeof i === 'number') return t[i] ?? null;
        if (isObject(t) && typeof i === 'string') return t[i] ?? null;
        throw new Error('bad index');
      }
      case 'call':
        return this.call(e);
    }
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Json {
    const name = e.name.toLowerCase();
    // if() evaluates only the branch it takes, as ARM does.
    if (name === 'if') {
      const [c, a, b] = e.args;
      if (!c || !a || !b) throw new Error('if() needs 3 arguments');
      return this.eval(c) === true ? this.eval(a) : this.eval(b);
    }
    const args = e.args.map((a) => this.eval(a));
    const str = (i: number): string => {
      const v = args[i];
      if (typeof v !== 'string') throw new Error(`${e.name}() argument ${i} should be a string`);
      return v;
    };
    const rid = (prefix: string, offset: number) => {
      const type = str(offset);
      const [ns, ...types] = type.split('/');
      const names = args.slice(offset + 1).map(String);
      if (names.length !== types.length) throw new Error(`${e.name}('${type}') needs ${types.length} names`);
      return `${prefix}/providers/${ns}/${types.map((t, i) => `${t}/${names[i]}`).join('/')}`;
    };
    const sub = `/subscriptions/${DEPLOYMENT.subscriptionId}`;
    switch (name) {
      case 'parameters': {
        const n = str(0);
        if (!(n in this.params)) throw new Error(`parameters('${n}') is not declared`);
        return this.params[n] ?? null;
      }
      case 'variables':
        return this.variable(str(0));
      case 'format':
        return str(0).replace(/\{(\d+)\}/g, (_, i: string) => {
          const v = args[Number(i) + 1];
          if (v === undefined) throw new Error(`format() has no argument {${i}}`);
          return typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
        });
      case 'concat':
        return args.every(Array.isArray) ? args.flat() : args.map(String).join('');
      case 'string':
        return typeof args[0] === 'boolean' ? (args[0] ? 'True' : 'False') : String(args[0]);
      case 'equals':
        return JSON.stringify(args[0]) === JSON.stringify(args[1]);
      case 'not':
        return args[0] !== true;
      case 'and':
        return args.every((a) => a === true);
      case 'or':
        return args.some((a) => a === true);
      case 'empty':
        return (
          args[0] === null ||
          args[0] === '' ||
          (Array.isArray(args[0]) && args[0].length === 0) ||
          (isObject(args[0]) && Object.keys(args[0]).length === 0)
        );
      case 'take':
        return str(0).slice(0, Number(args[1]));
      case 'tolower':
        return str(0).toLowerCase();
      case 'createobject': {
        const o: JsonObject = {};
        for (let i = 0; i + 1 < args.length; i += 2) o[String(args[i])] = args[i + 1] ?? null;
        return o;
      }
      case 'createarray':
        return args;
      case 'null':
        return null;
      case 'true':
        return true;
      case 'false':
        return false;
      case 'uniquestring':
        return hash(...args.map(String)).slice(0, 13);
      case 'guid': {
        const h = hash(...args.map(String));
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
      }
      case 'resourcegroup':
        return {
          id: `${sub}/resourceGroups/${DEPLOYMENT.resourceGroup}`,
          name: DEPLOYMENT.resourceGroup,
          location: DEPLOYMENT.location,
        };
      case 'subscription':
        return { id: sub, subscriptionId: DEPLOYMENT.subscriptionId, tenantId: DEPLOYMENT.tenantId };
      case 'tenant':
        return { tenantId: DEPLOYMENT.tenantId };
      case 'environment':
        return { suffixes: { keyvaultDns: '.vault.azure.net', storage: 'core.windows.net' } };
      case 'resourceid':
        return rid(`${sub}/resourceGroups/${DEPLOYMENT.resourceGroup}`, 0);
      case 'subscriptionresourceid':
        return rid(sub, 0);
      case 'reference': {
        const type = typeOfResourceId(str(0));
        const stub = REFERENCE_STUBS[type];
        if (!stub) throw new Error(`no reference() stub for ${type}`);
        return stub;
      }
      default:
        throw new Error(`the test evaluator does not know ${e.name}()`);
    }
  }
}

/** Parameter values from a parameters file. */
export function suppliedValues(parametersFile: JsonObject): Record<string, Json> {
  const out: Record<string, Json> = {};
  const ps = isObject(parametersFile.parameters) ? parametersFile.parameters : {};
  for (const [k, v] of Object.entries(ps)) if (isObject(v)) out[k] = v.value ?? null;
  return out;
}
