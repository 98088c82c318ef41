// Hash routes, so deep links (#/traces/{id}?stage=execute) work behind the static FileService:
//   #/ask  #/traces  #/traces/{id}[?stage=…]  #/compare/{a}/{b}  #/assets[/{type}/{name}]  #/regression
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  parts: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path, q = ''] = h.split('?', 2);
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(q) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function href(parts: string[], query?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  return '#/' + parts.map(encodeURIComponent).join('/') + (s ? `?${s}` : '');
}

export function go(parts: string[], query?: Record<string, string | undefined>, replace = false) {
  const target = href(parts, query);
  if (replace) history.replaceState(null, '', target);
  else location.hash = target;
  if (replace) dispatchEvent(new HashChangeEvent('hashchange'));
}
