// The REST API of the gateway, same origin. Every call presents the API key the operator entered (kept
// in this tab's sessionStorage only) as `authorization: Bearer …`, exactly as the REST API takes it;
// without one the gateway treats the page as the anonymous loopback viewer. The page holds no other
// credential and decides nothing: the server's answer (403 included) is what is shown.

const KEY_ITEM = 'ops.apiKey';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = { [k: string]: any };

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly traceId?: string) {
    super(message);
  }
}

export function apiKey(): string {
  return sessionStorage.getItem(KEY_ITEM) ?? '';
}

export function setApiKey(key: string) {
  if (key.trim()) sessionStorage.setItem(KEY_ITEM, key.trim());
  else sessionStorage.removeItem(KEY_ITEM);
  keyListeners.forEach((l) => l());
}

const keyListeners = new Set<() => void>();
export function onKeyChange(l: () => void): () => void {
  keyListeners.add(l);
  return () => keyListeners.delete(l);
}

/** One call: the envelope's data on code 0, else an ApiError with the server's message and trace id. */
export async function call<T = Obj>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = apiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, `the gateway does not answer (${(e as Error).message})`);
  }
  const text = await res.text();
  let env: Obj;
  try {
    env = JSON.parse(text);
  } catch {
    throw new ApiError(res.status, `HTTP ${res.status}: ${text.slice(0, 200) || res.statusText}`);
  }
  if (!res.ok || (typeof env.code === 'number' && env.code !== 0)) {
    throw new ApiError(env.code || res.status, env.message || `HTTP ${res.status}`, env.data?.trace_id);
  }
  return env.data as T;
}

export const get = <T = Obj>(path: string) => call<T>('GET', path);
export const post = <T = Obj>(path: string, body: unknown = {}) => call<T>('POST', path, body);

/** A query string of the non-empty values. */
export function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface WhoAmI {
  name: string;
  kind: string;
  roles: string[];
}

/** WhoAmI lists the roles with the ones they imply; used only to hide buttons the server would refuse. */
export function holds(who: WhoAmI | null, role: string): boolean {
  return !!who && who.roles.includes(role);
}
