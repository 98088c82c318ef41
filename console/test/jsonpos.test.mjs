// Unit tests of the path→line locator (src/jsonpos.ts), compiled on the fly with the project's own
// TypeScript; no browser. Run by `npm test` and by `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const src = readFileSync(new URL('../src/jsonpos.ts', import.meta.url), 'utf8');
const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
const { parsePositions, locate, lineOfPath, lineOf, offsetOfLine, JsonSyntaxError } = await import(`data:text/javascript,${encodeURIComponent(js)}`);

const doc = {
  name: 'q',
  templates: [
    { id: 'a', sql: 'SELECT 1' },
    { id: 'b', sql: 'SELECT 2', params: [{ name: 'x' }, { name: 'y' }] },
    { id: 'c', sql: 5 },
  ],
  'metric.cpu': { unit: '%' },
  metric: { other: true },
};
const text = JSON.stringify(doc, null, 2);
const lineWith = (s, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(s)) + 1;

test('the validator\'s $-paths, plain field paths and JSON pointers name the line of the member', () => {
  const sql = lineWith('"sql": 5');
  assert.ok(sql > 0);
  assert.equal(lineOfPath(text, '$.templates[2].sql'), sql);
  assert.equal(lineOfPath(text, 'templates[2].sql'), sql);
  assert.equal(lineOfPath(text, '/templates/2/sql'), sql);
  assert.equal(lineOfPath(text, '$.templates[1].params[1].name'), lineWith('"name": "y"'));
  assert.equal(lineOfPath(text, "$['name']"), lineWith('"name": "q"'));
  assert.equal(lineOfPath(text, '$'), 1);
});

test('an array item is at its first line; a key with a dot is matched whole', () => {
  assert.equal(lineOfPath(text, '$.templates[1]'), lineWith('"id": "b"') - 1);
  assert.equal(lineOfPath(text, '$.metric.cpu.unit'), lineWith('"unit"'));
  assert.equal(lineOfPath(text, '$.metric.other'), lineWith('"other"'));
});

test('a member that is missing is shown at the object that lacks it', () => {
  const r = locate(parsePositions(text), '$.templates[0].tool');
  assert.equal(r.exact, false);
  assert.equal(lineOf(text, r.node.keyStart ?? r.node.start), lineWith('"id": "a"') - 1);
  assert.equal(locate(parsePositions(text), '$.templates[9].sql').exact, false);
  assert.equal(locate(parsePositions(text), '$.templates[2].sql').exact, true);
});

test('a syntax error carries the offset of its place', () => {
  const broken = '{\n  "a": 1,\n  "b": [1, 2,, 3]\n}';
  assert.throws(() => parsePositions(broken), (e) => e instanceof JsonSyntaxError && lineOf(broken, e.offset) === 3);
  assert.throws(() => parsePositions('{"a": "unterminated'), JsonSyntaxError);
  assert.throws(() => parsePositions('{"a": 1} extra'), JsonSyntaxError);
  assert.equal(lineOfPath(broken, '$.a'), 0, 'not JSON: no line');
  assert.deepEqual(JSON.parse(text), doc, 'the fixture is plain JSON');
  parsePositions('{"s": "\\"quoted\\" \\u00e9", "n": -1.5e3, "t": true, "z": null, "e": {}, "l": []}');
});

test('offsetOfLine is the inverse of lineOf at line starts', () => {
  for (const line of [1, 2, 5, text.split('\n').length]) assert.equal(lineOf(text, offsetOfLine(text, line)), line);
});
