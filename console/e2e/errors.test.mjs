import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, closeBrowser, queryDraft, paste, ADMIN_KEY, BASE } from './harness.mjs';

after(closeBrowser);

test('a trace whose execute failed: that lane and its tool call in red, the error in the stage panel', async () => {
  // setup: a Query asset draft whose metric template reads a column the table does not have (valid for
  // the validator, refused by PostgreSQL), and a question asked with it as an override
  const asset = `console_err_${Date.now().toString(36)}`;
  await queryDraft(asset, (c) => {
    const t = c.queries.find((q) => q.name === 'metric_latest');
    t.statement = t.statement.replace('c.ci_name', 'c.no_such_column');
  });
  const res = await fetch(`${BASE}/ops/ci/ask`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ question: '서버A의 CPU 사용량은?', asset_overrides: { query: `${asset}(draft)` } }),
  }).then((r) => r.json());
  const id = res.data?.trace_id;
  assert.ok(id, `the failed ask left a trace: ${res.message}`);

  const page = await open(`/traces/${id}`, ADMIN_KEY);
  await page.waitForSelector('[data-testid=timeline]');
  assert.equal(await page.textContent('.meta .status'), 'error');
  const lanes = await page.$$eval('[data-testid=stage]', (els) => els.map((e) => [e.dataset.stage, e.classList.contains('failed')]));
  assert.deepEqual(lanes.filter(([, failed]) => failed).map(([s]) => s), ['execute'], JSON.stringify(lanes));
  const color = (sel) => page.$eval(sel, (e) => getComputedStyle(e).backgroundColor);
  assert.equal(await color('[data-testid=stage][data-stage=execute] .bar'), 'rgb(220, 38, 38)', 'the failed stage is red');
  assert.notEqual(await color('[data-testid=stage][data-stage=route_plan] .bar'), 'rgb(220, 38, 38)');
  const tool = page.locator('[data-testid=tool-call].failed');
  assert.match(await tool.textContent(), /no_such_column/);
  assert.equal(await tool.locator('.bar').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(220, 38, 38)');
  await page.click('[data-testid=stage][data-stage=execute]');
  await page.waitForSelector('[data-testid=stage-panel][data-stage=execute] .error:has-text("no_such_column")');
  await page.done();
});

test('a refused draft: each error marked at its path in the editor, followed through edits; a syntax error at its line', async () => {
  const page = await open('/assets/query/ci_queries', ADMIN_KEY);
  await page.waitForSelector('[data-testid=copy-to-draft]');
  await page.click('[data-testid=copy-to-draft]');
  const original = JSON.parse(await page.inputValue('textarea[name=content]'));
  const last = original.queries.length - 1;
  const broken = structuredClone(original);
  broken.queries[0].params = 'oops';
  broken.queries[last].statement = 5;
  const text = JSON.stringify(broken, null, 2);
  await paste(page, 'textarea[name=content]', text);
  await page.click('[data-testid=save-draft]');
  await page.waitForSelector('[data-testid=error-line]');

  const lineOf = async (path) => Number(await page.locator('[data-testid=validation-errors] li', { hasText: path }).first().getAttribute('data-line'));
  const lineText = (t, n) => t.split('\n')[n - 1].trim();
  const params = await lineOf('$.queries[0].params ');
  const statement = await lineOf(`$.queries[${last}].statement `);
  assert.equal(lineText(text, params), '"params": "oops",');
  assert.equal(lineText(text, statement), '"statement": 5');
  const marked = await page.$$eval('[data-testid=error-line]', (els) => els.map((e) => Number(e.dataset.line)));
  assert.ok(marked.includes(params) && marked.includes(statement), `gutter markers at ${marked}`);
  assert.equal(await page.locator('.jsoned .band').count(), marked.length, 'one band per marked line');

  // clicking an error puts the caret on its line and scrolls it into view
  await page.locator('[data-testid=validation-errors] li', { hasText: `$.queries[${last}].statement ` }).locator('button').click();
  const caret = await page.$eval('textarea[name=content]', (ta) => {
    const line = ta.value.slice(0, ta.selectionStart).split('\n').length;
    const top = (line - 1) * 18; // the editor's fixed line height
    return {
      focused: document.activeElement === ta,
      line,
      selected: ta.value.slice(ta.selectionStart, ta.selectionEnd),
      visible: ta.scrollTop > 0 && top >= ta.scrollTop && top + 18 <= ta.scrollTop + ta.clientHeight,
    };
  });
  assert.deepEqual(caret, { focused: true, line: statement, selected: '"statement": 5', visible: true });

  // the marks stay at their paths while the text moves: two lines inserted above move them by two
  await paste(page, 'textarea[name=content]', `\n\n${text}`);
  await page.waitForSelector(`[data-testid=error-line][data-line="${statement + 2}"]`);
  assert.equal(await lineOf('$.queries[0].params '), params + 2);

  // not JSON at all: the place of the syntax error is marked before anything is sent
  const lines = JSON.stringify(original, null, 2).split('\n');
  const at = lines.findIndex((l, i) => i > 5 && l.trim().endsWith(',')) + 1;
  lines[at - 1] = lines[at - 1].replace(/,$/, '');
  await paste(page, 'textarea[name=content]', lines.join('\n'));
  await page.click('[data-testid=save-draft]');
  const syntax = page.locator('[data-testid=validation-errors] li', { hasText: '(JSON)' });
  await syntax.waitFor();
  assert.equal(Number(await syntax.getAttribute('data-line')), at + 1, 'the token after the missing comma');
  assert.match(await syntax.textContent(), /',' or '[}\]]' expected, found '"' \(line \d+\)/);
  await page.done();
});
