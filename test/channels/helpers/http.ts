/** Plain fetch helpers for the web channel HTTP tests. */

export interface JsonResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface DlActivity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  replyToId?: string;
  channelData?: Record<string, unknown>;
  attachments?: { contentType: string }[];
  suggestedActions?: { actions: { title: string }[] };
}

export interface ActivitySet {
  activities: DlActivity[];
  watermark: string;
}

export async function call<T = Record<string, unknown>>(
  url: string,
  init: {
    method?: string;
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined) {
    body = init.rawBody;
    headers['Content-Type'] ??= 'application/json';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text.length > 0 ? JSON.parse(text) : {};
  } catch {
    parsed = { raw: text };
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** A token from the widget's token route, then a started conversation. */
export async function startConversation(base: string): Promise<{ token: string; conversationId: string }> {
  const t = await call<{ token: string }>(`${base}/api/directline/token`, { method: 'POST' });
  if (t.status !== 200) throw new Error(`token route answered ${t.status}`);
  const c = await call<{ conversationId: string; token: string }>(`${base}/v3/directline/conversations`, {
    method: 'POST',
    token: t.body.token,
    body: {},
  });
  if (c.status !== 201) throw new Error(`start answered ${c.status}`);
  return { token: c.body.token, conversationId: c.body.conversationId };
}
