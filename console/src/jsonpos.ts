// Where a JSON path lies in a JSON text: a small parser that keeps each value's offset (and each
// member's key offset), and a locator for the paths the validator writes ($.queries[0].params), plain
// field paths (templates[2].sql) and JSON pointers (/templates/2/sql). Keys may hold dots: at an object
// the longest key the path continues with is taken.

export interface PosNode {
  start: number; // offset of the value's first character
  keyStart?: number; // offset of the member's key (its opening quote), for a member
  members?: Map<string, PosNode>;
  items?: PosNode[];
}

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

/** Parses text and returns the root's positions; throws a JsonSyntaxError with the offset at fault. */
export function parsePositions(text: string): PosNode {
  let i = 0;
  const fail = (what: string): never => {
    const at = i >= text.length ? 'the end' : `'${text[i]}'`;
    throw new JsonSyntaxError(`${what} expected, found ${at} (line ${lineOf(text, i)})`, i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = (): string => {
    const from = i;
    if (text[i] !== '"') fail('a string');
    for (i++; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] < ' ') fail('a closing quote');
    }
    if (i >= text.length) fail('a closing quote');
    i++;
    try {
      return JSON.parse(text.slice(from, i));
    } catch {
      i = from;
      return fail('a valid string');
    }
  };
  const value = (): PosNode => {
    ws();
    const node: PosNode = { start: i };
    const c = text[i];
    if (c === '{') {
      node.members = new Map();
      i++;
      ws();
      if (text[i] === '}') return i++, node;
      for (;;) {
        ws();
        const keyStart = i;
        const key = string();
        ws();
        if (text[i] !== ':') fail("':'");
        i++;
        const v = value();
        v.keyStart = keyStart;
        node.members.set(key, v);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, node;
        else fail("',' or '}'");
      }
    }
    if (c === '[') {
      node.items = [];
      i++;
      ws();
      if (text[i] === ']') return i++, node;
      for (;;) {
        node.items.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, node;
        else fail("',' or ']'");
      }
    }
    if (c === '"') return string(), node;
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail('a value');
    i += m![0].length;
    return node;
  };
  const root = value();
  ws();
  if (i < text.length) fail('the end of the text');
  return root;
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

/** Offset of the first character of a 1-based line. */
export function offsetOfLine(text: string, line: number): number {
  let off = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return off;
}

/**
 * The node a path names, or the deepest one that exists on its way (exact false: a missing member such
 * as "is required" is shown at the object that lacks it).
 */
export function locate(root: PosNode, path: string): { node: PosNode; exact: boolean } {
  const p = path.trim();
  if (p.startsWith('/')) return pointer(root, p);
  let rest = p.startsWith('$') ? p.slice(1) : p ? `.${p}` : '';
  let node = root;
  while (rest) {
    if (rest.startsWith('[')) {
      const m = /^\[(\d+)\]|^\[(['"])(.*?)\2\]/.exec(rest);
      if (!m) return { node, exact: false };
      const next = m[1] !== undefined ? node.items?.[Number(m[1])] : node.members?.get(m[3]);
      if (!next) return { node, exact: false };
      node = next;
      rest = rest.slice(m[0].length);
    } else if (rest.startsWith('.') && node.members) {
      const tail = rest.slice(1);
      let best: string | null = null;
      for (const k of node.members.keys()) {
        const fits = tail === k || tail.startsWith(`${k}.`) || tail.startsWith(`${k}[`);
        if (fits && (best === null || k.length > best.length)) best = k;
      }
      if (best === null) return { node, exact: false };
      node = node.members.get(best)!;
      rest = tail.slice(best.length);
    } else {
      return { node, exact: false };
    }
  }
  return { node, exact: true };
}

function pointer(root: PosNode, p: string): { node: PosNode; exact: boolean } {
  let node = root;
  for (const raw of p.split('/').slice(1)) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next = node.items ? (/^\d+$/.test(k) ? node.items[Number(k)] : undefined) : node.members?.get(k);
    if (!next) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

/** The 1-based line where a path's member (its key) or item starts in text; 0 when text is not JSON. */
export function lineOfPath(text: string, path: string): number {
  try {
    const { node } = locate(parsePositions(text), path);
    return lineOf(text, node.keyStart ?? node.start);
  } catch {
    return 0;
  }
}
