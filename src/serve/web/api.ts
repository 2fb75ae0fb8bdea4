import { TOKEN_HEADER } from '../protocol.js';
import { lang } from './i18n.js';

/** Calls to the desk's server, with the page's token. */
const token = document.querySelector<HTMLMetaElement>('meta[name="baocao-token"]')?.content ?? '';

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly body: Record<string, unknown>) {
    super(message);
  }
}

async function call(method: string, url: string, body?: BodyInit, type = 'application/json'): Promise<Response> {
  const sep = url.includes('?') ? '&' : '?';
  const res = await fetch(`${url}${sep}lang=${lang()}`, { method, headers: { [TOKEN_HEADER]: token, ...(body ? { 'Content-Type': type } : {}) }, ...(body ? { body } : {}) });
  if (!res.ok) {
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    throw new ApiError(typeof json.message === 'string' ? json.message : res.statusText, res.status, json);
  }
  return res;
}

export async function getJson<T>(url: string): Promise<T> {
  return (await call('GET', url)).json() as Promise<T>;
}

export async function postJson<T>(url: string, value: unknown): Promise<T> {
  return (await call('POST', url, JSON.stringify(value))).json() as Promise<T>;
}

export async function postBytes<T>(url: string, bytes: ArrayBuffer, type = 'application/pdf'): Promise<T> {
  return (await call('POST', url, bytes, type)).json() as Promise<T>;
}

export async function postForFile(url: string, value: unknown): Promise<{ name: string; blob: Blob }> {
  const res = await call('POST', url, JSON.stringify(value));
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'baocao';
  return { name, blob: await res.blob() };
}
