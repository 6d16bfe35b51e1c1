/**
 * The Azure deployment templates, tested as files (there is no Azure here). Each check evaluates
 * the template the way Azure would, with the values from each parameters file, and looks at what
 * the charity would actually get: the web app's settings, the storage rules, the bot's endpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, envSchema } from '../../src/config.ts';
import {
  callsIn,
  DEPLOYMENT,
  Evaluator,
  type Expr,
  expressionsIn,
  isObject,
  type Json,
  type JsonObject,
  listJsonFiles,
  literalArg,
  namesUsed,
  parameterFiles,
  parseExpression,
  readJsonFile,
  resourcesOf,
  STUB,
  suppliedValues,
  TEMPLATE_DIR,
  templateFor,
  templates,
  typeOfResourceId,
} from './arm.ts';

const SECRET_NAME = /password|secret|key|connectionstring/i;
/** For outputs: a secret-looking name (a Key Vault's *name* is fine, its keys are not). */
const SECRET_OUTPUT_NAME = /password|secret|connectionstring|key(?!vault)/i;
/** Resource types a template may point at without defining them (built into Azure). */
const EXISTING_TYPES = new Set(['Microsoft.Authorization/roleDefinitions']);
const REQUIRED_SETTINGS = [
  'NODE_ENV',
  'MicrosoftAppId',
  'MicrosoftAppType',
  'STATE_STORE',
  'BLOB_ACCOUNT_URL',
];
/** Settings whose value is a secret: only a Key Vault reference (or empty) is acceptable. */
const SECRET_SETTINGS = [
  'MicrosoftAppPassword',
  'DIRECT_LINE_SECRET',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'BLOB_CONNECTION_STRING',
];
const KEY_VAULT_REF =
  /^@Microsoft\.KeyVault\(SecretUri=https:\/\/([a-z0-9-]+)\.vault\.azure\.net\/secrets\/[A-Za-z0-9-]+\/\)$/;
const STORAGE_BLOB_DATA_CONTRIBUTOR = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe';
const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';

const allowlistFile = readJsonFile(join(TEMPLATE_DIR, 'azure-app-settings-allowlist.json'));
const AZURE_SETTINGS = isObject(allowlistFile.settings) ? allowlistFile.settings : {};
const README = readFileSync(join(TEMPLATE_DIR, 'README.md'), 'utf8');

const main = templates().find((t) => t.file === 'azuredeploy.json');
if (!main) throw new Error('deploymentTemplates/azuredeploy.json is missing');
const MAIN = main.json;

// ---------------------------------------------------------------- checkers (return problems)

function declaredParameters(t: JsonObject): JsonObject {
  return isObject(t.parameters) ? t.parameters : {};
}

function parameterProblems(t: JsonObject): string[] {
  const declared = new Set(Object.keys(declaredParameters(t)));
  const { parameters: _p, ...body } = t;
  const defaults = Object.values(declaredParameters(t)).map((d) =>
    isObject(d) ? (d.defaultValue ?? null) : null,
  );
  const used = new Set([...namesUsed(body, 'parameters'), ...namesUsed(defaults, 'parameters')]);
  return [
    ...[...used].filter((n) => !declared.has(n)).map((n) => `parameters('${n}') is used but not declared`),
    ...[...declared].filter((n) => !used.has(n)).map((n) => `parameter ${n} is declared but never used`),
  ];
}

function variableProblems(t: JsonObject): string[] {
  const declared = new Set(Object.keys(isObject(t.variables) ? t.variables : {}));
  const used = namesUsed(t, 'variables');
  return [
    ...[...used].filter((n) => !declared.has(n)).map((n) => `variables('${n}') is used but not declared`),
    ...[...declared].filter((n) => !used.has(n)).map((n) => `variable ${n} is declared but never used`),
  ];
}

function insecureSecretParameters(t: JsonObject): string[] {
  return Object.entries(declaredParameters(t))
    .filter(
      ([name, def]) =>
        SECRET_NAME.test(name) && isObject(def) && String(def.type).toLowerCase() !== 'securestring',
    )
    .map(([name]) => `parameter ${name} looks secret but is not securestring`);
}

function secureParameterNames(t: JsonObject): Set<string> {
  return new Set(
    Object.entries(declaredParameters(t))
      .filter(
        ([, d]) => isObject(d) && ['securestring', 'secureobject'].includes(String(d.type).toLowerCase()),
      )
      .map(([n]) => n),
  );
}

/** Expression calls that would put a secret into a plain value: list*(), secure parameters. */
function secretLeaks(value: Json, t: JsonObject): string[] {
  const secure = secureParameterNames(t);
  const problems: string[] = [];
  for (const { path, expr } of expressionsIn(value)) {
    for (const c of callsIn(expr)) {
      if (/^list/i.test(c.name)) problems.push(`${path} calls ${c.name}()`);
      if (c.name.toLowerCase() === 'parameters' && secure.has(literalArg(c, 0) ?? '')) {
        problems.push(`${path} uses secure parameter ${literalArg(c, 0)}`);
      }
    }
    if (/ConnectionString|primaryKey|instrumentationKey/i.test(JSON.stringify(memberNames(expr)))) {
      problems.push(`${path} reads a key or connection string`);
    }
  }
  return problems;
}

function memberNames(e: Expr): string[] {
  switch (e.kind) {
    case 'member':
      return [e.property, ...memberNames(e.target)];
    case 'index':
      return [...memberNames(e.target), ...memberNames(e.index)];
    case 'call':
      return e.args.flatMap(memberNames);
    default:
      return [];
  }
}

function definedTypes(t: JsonObject): Set<string> {
  return new Set(resourcesOf(t).map((r) => String(r.type)));
}

/** resourceId()/reference() must name a resource type this template defines (or a built-in one). */
function resourceReferenceProblems(t: JsonObject): string[] {
  const types = definedTypes(t);
  const vars = isObject(t.variables) ? t.variables : {};
  const problems: string[] = [];
  const idCall = (e: Expr | undefined): boolean => {
    if (e?.kind !== 'call') return false;
    const n = e.name.toLowerCase();
    if (n === 'resourceid' || n === 'subscriptionresourceid') return true;
    if (n === 'variables') {
      const v = vars[literalArg(e, 0) ?? ''];
      return typeof v === 'string' && idCall(parseExpression(v));
    }
    return false;
  };
  for (const { path, expr } of expressionsIn(t)) {
    for (const c of callsIn(expr)) {
      const n = c.name.toLowerCase();
      if (n === 'resourceid' || n === 'subscriptionresourceid') {
        const type = literalArg(c, 0) ?? '';
        if (!types.has(type) && !EXISTING_TYPES.has(type))
          problems.push(`${path}: ${c.name}('${type}') is not defined`);
      }
      if (n === 'reference' && !idCall(c.args[0])) {
        problems.push(`${path}: reference() must be given a resourceId(...)`);
      }
    }
  }
  for (const r of resourcesOf(t)) {
    for (const d of Array.isArray(r.dependsOn) ? r.dependsOn : []) {
      if (typeof d !== 'string' || !idCall(parseExpression(d)))
        problems.push(`${r.name}: dependsOn ${d} is not a resourceId`);
    }
  }
  return problems;
}

function appSettingsResource(t: JsonObject): JsonObject {
  const r = resourcesOf(t).find(
    (x) => x.type === 'Microsoft.Web/sites/config' && String(x.name).includes('appsettings'),
  );
  if (!r || !isObject(r.properties)) throw new Error('no Microsoft.Web/sites/config appsettings resource');
  return r;
}

function settingNameProblems(names: string[]): string[] {
  const allowed = new Set([...CONFIG_VARIABLES, ...Object.keys(AZURE_SETTINGS)]);
  return names
    .filter((n) => !allowed.has(n))
    .map((n) => `app setting ${n} is not read by the bot (src/config.ts)`);
}

// ---------------------------------------------------------------- helpers over evaluated templates

function evaluate(params: Record<string, Json>, template: JsonObject = MAIN) {
  const ev = new Evaluator(template, params);
  const resources = ev.deployedResources();
  const one = (type: string, nameIncludes = ''): JsonObject => {
    const found = resources.filter((r) => r.type === type && String(r.name).includes(nameIncludes));
    if (found.length !== 1) throw new Error(`expected one ${type} ${nameIncludes}, found ${found.length}`);
    return found[0] as JsonObject;
  };
  const props = (r: JsonObject): JsonObject => (isObject(r.properties) ? r.properties : {});
  const settings = props(one('Microsoft.Web/sites/config', 'appsettings')) as Record<string, Json>;
  return { ev, resources, one, props, settings, outputs: ev.outputs() };
}

const PARAMETER_SETS = parameterFiles().map((p) => ({ file: p.file, values: suppliedValues(p.json) }));
const WITH_APP_INSIGHTS: { file: string; values: Record<string, Json> } = {
  file: 'azuredeploy.parameters.json + enableAppInsights',
  values: {
    ...suppliedValues(readJsonFile(join(TEMPLATE_DIR, 'azuredeploy.parameters.json'))),
    enableAppInsights: true,
  },
};
const ALL_SETS = [...PARAMETER_SETS, WITH_APP_INSIGHTS];

function tlsAtLeast12(v: Json | undefined): boolean {
  const m = /^(?:TLS)?(\d)[._](\d)$/i.exec(String(v));
  return m !== null && Number(m[1]) * 10 + Number(m[2]) >= 12;
}

// ---------------------------------------------------------------- tests

describe('deployment template files', () => {
  it('every JSON file parses, and there is a template and a parameters file for it', () => {
    const files = listJsonFiles();
    expect(files).toContain('azuredeploy.json');
    expect(files).toContain('azuredeploy.parameters.json');
    for (const f of files)
      expect(() => JSON.parse(readFileSync(join(TEMPLATE_DIR, f), 'utf8')), f).not.toThrow();
    for (const t of templates()) {
      expect(
        parameterFiles().some((p) => templateFor(p.file) === t.file),
        `${t.file} has a parameters file`,
      ).toBe(true);
    }
  });

  it.each(templates().map((t) => [t.file, t.json] as const))(
    '%s: every parameter used is declared and every declared one is used',
    (_f, t) => {
      expect(parameterProblems(t)).toEqual([]);
      expect(variableProblems(t)).toEqual([]);
    },
  );

  it('the parameter check catches an undeclared and an unused parameter', () => {
    const broken = structuredClone(MAIN);
    (broken.parameters as JsonObject).orphan = { type: 'string', defaultValue: '' };
    (broken.variables as JsonObject).typo = "[parameters('baseNmae')]";
    const problems = parameterProblems(broken).join('\n');
    expect(problems).toContain("parameters('baseNmae') is used but not declared");
    expect(problems).toContain('parameter orphan is declared but never used');
  });

  it.each(parameterFiles().map((p) => [p.file, p.json] as const))(
    '%s sets only declared parameters and every required one',
    (file, p) => {
      const template = templates().find((t) => t.file === templateFor(file));
      expect(template, `template for ${file}`).toBeDefined();
      const declared = declaredParameters(template?.json ?? {});
      const supplied = suppliedValues(p);
      expect(Object.keys(supplied).filter((n) => !(n in declared))).toEqual([]);
      const required = Object.entries(declared).filter(([, d]) => isObject(d) && !('defaultValue' in d));
      expect(required.map(([n]) => n).filter((n) => !(n in supplied))).toEqual([]);
      // It actually deploys: every expression evaluates with these values.
      expect(() => evaluate(supplied, template?.json)).not.toThrow();
    },
  );

  it.each(templates().map((t) => [t.file, t.json] as const))(
    '%s: resourceId()/reference()/dependsOn name only resource types the template defines',
    (_f, t) => {
      expect(resourceReferenceProblems(t)).toEqual([]);
    },
  );

  it('the resource check catches a reference to a resource type the template does not create', () => {
    const broken = structuredClone(MAIN);
    (broken.variables as JsonObject).storageId = "[resourceId('Microsoft.Storage/storageAcounts', 'x')]";
    expect(resourceReferenceProblems(broken).join('\n')).toContain(
      "resourceId('Microsoft.Storage/storageAcounts')",
    );
  });

  it('uses current, non-preview API versions', () => {
    for (const r of resourcesOf(MAIN)) {
      const v = String(r.apiVersion);
      expect(v, String(r.type)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(v >= '2020-01-01', `${r.type}@${v}`).toBe(true);
    }
  });
});

describe.each(ALL_SETS)('deployed with $file', ({ values }) => {
  const { one, props, settings, resources, outputs } = evaluate(values);
  const site = one('Microsoft.Web/sites');
  const siteConfig = isObject(props(site).siteConfig) ? (props(site).siteConfig as JsonObject) : {};
  const storage = one('Microsoft.Storage/storageAccounts');
  const vault = one('Microsoft.KeyVault/vaults');
  const bot = one('Microsoft.BotService/botServices');
  const sitePrincipal = STUB.sitePrincipalId;
  const roleAssignments = resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments');

  it('web app: HTTPS only, TLS 1.2+, no FTP, no basic-auth publishing', () => {
    expect(props(site).httpsOnly).toBe(true);
    expect(tlsAtLeast12(siteConfig.minTlsVersion)).toBe(true);
    expect(tlsAtLeast12(siteConfig.scmMinTlsVersion)).toBe(true);
    expect(siteConfig.ftpsState).toBe('Disabled');
    expect(siteConfig.remoteDebuggingEnabled).toBe(false);
    const policies = resources.filter(
      (r) => r.type === 'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    );
    expect(policies.map((p) => String(p.name).split('/')[1]).sort()).toEqual(['ftp', 'scm']);
    for (const p of policies) expect(props(p).allow).toBe(false);
  });

  it('web app: Linux Node 24 LTS, always on, health check, starts the built bot, has its own identity', () => {
    expect(one('Microsoft.Web/serverfarms').kind).toBe('linux');
    expect(props(one('Microsoft.Web/serverfarms')).reserved).toBe(true);
    expect(siteConfig.linuxFxVersion).toBe('NODE|24-lts');
    expect(siteConfig.alwaysOn).toBe(true);
    expect(siteConfig.healthCheckPath).toBe('/healthz');
    expect(siteConfig.appCommandLine).toBe('node dist/index.js');
    expect(String((site.identity as JsonObject).type)).toMatch(/SystemAssigned/);
  });

  it('storage: no public blobs, TLS 1.2, HTTPS only, identity only (no account keys)', () => {
    const p = props(storage);
    expect(p.allowBlobPublicAccess).toBe(false);
    expect(p.minimumTlsVersion).toBe('TLS1_2');
    expect(p.supportsHttpsTrafficOnly).toBe(true);
    expect(p.allowSharedKeyAccess).toBe(false);
    const container = one('Microsoft.Storage/storageAccounts/blobServices/containers');
    expect(props(container).publicAccess).toBe('None');
    expect(String(container.name).split('/')[2]).toBe(settings.BLOB_CONTAINER);
  });

  it('storage: a lifecycle rule deletes conversation state not modified for 1 day', () => {
    const policy = props(one('Microsoft.Storage/storageAccounts/managementPolicies'));
    const rules = (policy.policy as JsonObject).rules as JsonObject[];
    const deleting = rules.filter((r) => {
      const def = r.definition as JsonObject;
      const del = ((def.actions as JsonObject).baseBlob as JsonObject).delete as JsonObject | undefined;
      const prefixes = ((def.filters as JsonObject).prefixMatch ?? []) as string[];
      return (
        r.enabled === true &&
        del !== undefined &&
        Number(del.daysAfterModificationGreaterThan) <= 1 &&
        (prefixes.length === 0 || prefixes.some((x) => `${settings.BLOB_CONTAINER}/`.startsWith(x)))
      );
    });
    expect(deleting).toHaveLength(1);
  });

  it("storage: the web app's own identity is a Storage Blob Data Contributor on the account", () => {
    const grant = roleAssignments.find((r) =>
      String(props(r).roleDefinitionId).endsWith(STORAGE_BLOB_DATA_CONTRIBUTOR),
    );
    expect(grant).toBeDefined();
    expect(grant?.scope).toBe(`Microsoft.Storage/storageAccounts/${storage.name}`);
    expect(props(grant ?? {}).principalId).toBe(sitePrincipal);
    expect(settings.STATE_STORE).toBe('blob-identity');
    expect(settings.BLOB_ACCOUNT_URL).toBe(STUB.blobEndpoint);
  });

  it('key vault: RBAC, soft delete, and the web app may read its secrets', () => {
    expect(props(vault).enableRbacAuthorization).toBe(true);
    expect(props(vault).enableSoftDelete).toBe(true);
    const grant = roleAssignments.find((r) =>
      String(props(r).roleDefinitionId).endsWith(KEY_VAULT_SECRETS_USER),
    );
    expect(grant?.scope).toBe(`Microsoft.KeyVault/vaults/${vault.name}`);
    expect(props(grant ?? {}).principalId).toBe(sitePrincipal);
  });

  it('secrets reach the app only as Key Vault references to this vault', () => {
    for (const name of SECRET_SETTINGS) {
      const v = settings[name];
      if (v === undefined || v === '') continue;
      const m = KEY_VAULT_REF.exec(String(v));
      expect(m, `${name} = ${v}`).not.toBeNull();
      expect(m?.[1]).toBe(vault.name);
    }
    expect(KEY_VAULT_REF.test(String(settings.DIRECT_LINE_SECRET))).toBe(true);
    if (settings.MicrosoftAppType === 'SingleTenant') {
      expect(KEY_VAULT_REF.test(String(settings.MicrosoftAppPassword))).toBe(true);
    } else {
      expect(settings.MicrosoftAppPassword ?? '').toBe('');
    }
  });

  it('the bot would start with these app settings (src/config.ts accepts them)', () => {
    // App Service swaps each Key Vault reference for the secret before the app starts.
    const env = Object.fromEntries(
      Object.entries(settings).map(([k, v]) => [
        k,
        KEY_VAULT_REF.test(String(v)) ? 'resolved-secret' : String(v),
      ]),
    );
    const result = envSchema.safeParse(env);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      [],
    );
  });

  it('azure bot: single-tenant or managed identity, calling this web app, with the same app id', () => {
    const p = props(bot);
    expect(['SingleTenant', 'UserAssignedMSI']).toContain(p.msaAppType);
    expect(p.msaAppType).toBe(settings.MicrosoftAppType);
    expect(p.msaAppId).toBe(settings.MicrosoftAppId);
    expect(p.msaAppTenantId).toBe(settings.MicrosoftAppTenantId);
    expect(p.endpoint).toBe(`${settings.PUBLIC_BASE_URL}/api/messages`);
    expect(settings.PUBLIC_BASE_URL).toBe(`https://${STUB.siteHost}`);
    if (p.msaAppType === 'UserAssignedMSI') {
      expect(typeOfResourceId(String(p.msaAppMSIResourceId))).toBe(
        'Microsoft.ManagedIdentity/userAssignedIdentities',
      );
      expect(Object.keys((site.identity as JsonObject).userAssignedIdentities as JsonObject)).toEqual([
        p.msaAppMSIResourceId,
      ]);
    }
  });

  it('direct line: enhanced authentication, only the charity site trusted, v3 only; teams on', () => {
    const dl = props(one('Microsoft.BotService/botServices/channels', 'DirectLineChannel'));
    const sites = (dl.properties as JsonObject).sites as JsonObject[];
    expect(sites).toHaveLength(1);
    expect(sites[0]?.isSecureSiteEnabled).toBe(true);
    expect(sites[0]?.trustedOrigins).toEqual([values.charitySiteOrigin]);
    expect(sites[0]?.isV1Enabled).toBe(false);
    expect(settings.FRAME_ANCESTORS).toBe(`'self' ${values.charitySiteOrigin}`);
    const teams = props(one('Microsoft.BotService/botServices/channels', 'MsTeamsChannel'));
    expect((teams.properties as JsonObject).isEnabled).toBe(true);
  });

  it('application insights only when asked for, and then only through Key Vault', () => {
    const ai = resources.filter((r) => r.type === 'Microsoft.Insights/components');
    if (values.enableAppInsights === true) {
      expect(ai).toHaveLength(1);
      expect(KEY_VAULT_REF.test(String(settings.APPLICATIONINSIGHTS_CONNECTION_STRING))).toBe(true);
    } else {
      expect(ai).toHaveLength(0);
      expect(settings.APPLICATIONINSIGHTS_CONNECTION_STRING ?? '').toBe('');
    }
  });

  it('outputs carry no secret', () => {
    const secretValues = [STUB.appInsightsConnectionString];
    for (const [name, v] of Object.entries(outputs)) {
      expect(SECRET_OUTPUT_NAME.test(name), name).toBe(false);
      for (const s of secretValues) expect(JSON.stringify(v)).not.toContain(s);
    }
    expect(outputs.widgetScriptTag).toBe(`<script src="https://${STUB.siteHost}/widget.js" defer></script>`);
  });

  it('deploys in the tenant it is given', () => {
    expect(settings.MicrosoftAppTenantId).toBe(DEPLOYMENT.tenantId);
  });
});

describe('secrets and configuration drift (static)', () => {
  it('no parameter with a secret-like name is a plain string', () => {
    expect(insecureSecretParameters(MAIN)).toEqual([]);
  });

  it('the secret-parameter check catches a plain-string secret', () => {
    const broken = structuredClone(MAIN);
    (broken.parameters as JsonObject).directLineSecret = { type: 'string' };
    (broken.parameters as JsonObject).appPassword = { type: 'securestring' };
    expect(insecureSecretParameters(broken)).toEqual([
      'parameter directLineSecret looks secret but is not securestring',
    ]);
  });

  it('no app setting or output is computed from a secure parameter, a list*() call or a key', () => {
    expect(secretLeaks(appSettingsResource(MAIN).properties ?? null, MAIN)).toEqual([]);
    expect(secretLeaks(MAIN.outputs ?? null, MAIN)).toEqual([]);
  });

  it('the leak check catches a storage key or a secure parameter in an app setting', () => {
    const broken = structuredClone(MAIN);
    (broken.parameters as JsonObject).appPassword = { type: 'securestring' };
    const props = appSettingsResource(broken).properties as JsonObject;
    props.BLOB_CONNECTION_STRING =
      "[listKeys(resourceId('Microsoft.Storage/storageAccounts', variables('storageName')), '2025-01-01').keys[0].value]";
    props.MicrosoftAppPassword = "[parameters('appPassword')]";
    const leaks = secretLeaks(props, broken).join('\n');
    expect(leaks).toContain('listKeys');
    expect(leaks).toContain('secure parameter appPassword');
  });

  it('no app setting is a literal secret', () => {
    for (const [name, v] of Object.entries(appSettingsResource(MAIN).properties as JsonObject)) {
      if (typeof v !== 'string' || v.startsWith('[')) continue;
      expect(SECRET_SETTINGS, `${name} is a literal`).not.toContain(name);
      expect(v, name).not.toMatch(/AccountKey=|SharedAccessSignature|InstrumentationKey=|[A-Za-z0-9+/]{32,}/);
    }
  });

  it('app setting names are bot variables (src/config.ts) or documented Azure settings', () => {
    const names = Object.keys(appSettingsResource(MAIN).properties as JsonObject);
    expect(settingNameProblems(names)).toEqual([]);
    for (const r of REQUIRED_SETTINGS) expect(names).toContain(r);
  });

  it('the name check catches a setting the bot does not read', () => {
    expect(settingNameProblems(['NODE_ENV', 'MICROSOFT_APP_ID', 'DirectLineSecret'])).toEqual([
      'app setting MICROSOFT_APP_ID is not read by the bot (src/config.ts)',
      'app setting DirectLineSecret is not read by the bot (src/config.ts)',
    ]);
  });

  it('the Azure exception list is small, Azure-only and documented in the README', () => {
    for (const [name, why] of Object.entries(AZURE_SETTINGS)) {
      expect(name).toMatch(/^(WEBSITE|SCM)_[A-Z0-9_]+$/);
      expect(String(why).length).toBeGreaterThan(10);
      expect(README).toContain(name);
    }
  });
});
