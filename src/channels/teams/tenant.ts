/**
 * The staff tenant lock. A Teams activity is allowed only when every tenant id it carries
 * (channelData.tenant.id and conversation.tenantId) is in STAFF_TENANT_IDS, and it carries one.
 */
import type { Activity } from 'botbuilder';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantDecision {
  readonly allowed: boolean;
  /** The tenant id, lower case, or 'none' / 'invalid': safe to log (never free text). */
  readonly tenant: string;
}

function channelDataTenant(activity: Partial<Activity>): unknown {
  const data: unknown = activity.channelData;
  if (data === null || typeof data !== 'object') return undefined;
  const tenant: unknown = (data as { tenant?: unknown }).tenant;
  if (tenant === null || typeof tenant !== 'object') return undefined;
  return (tenant as { id?: unknown }).id;
}

/** The tenant ids an activity carries (each checked to be a GUID), or 'invalid'. */
function tenantIds(activity: Partial<Activity>): string[] | 'invalid' {
  const raw = [channelDataTenant(activity), activity.conversation?.tenantId].filter(
    (v) => v !== undefined && v !== null && v !== '',
  );
  const ids: string[] = [];
  for (const v of raw) {
    if (typeof v !== 'string' || !GUID.test(v)) return 'invalid';
    ids.push(v.toLowerCase());
  }
  return [...new Set(ids)];
}

export function decideTenant(activity: Partial<Activity>, allowedTenants: readonly string[]): TenantDecision {
  const ids = tenantIds(activity);
  if (ids === 'invalid') return { allowed: false, tenant: 'invalid' };
  const first = ids[0];
  if (first === undefined) return { allowed: false, tenant: 'none' };
  // Two different tenant ids on one activity: refuse (both are GUIDs, so both can be logged).
  if (ids.length > 1) return { allowed: false, tenant: ids.join(',') };
  const allowed = new Set(allowedTenants.map((t) => t.toLowerCase()));
  return { allowed: allowed.has(first), tenant: first };
}
