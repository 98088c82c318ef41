import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, ask, shot, closeBrowser, importCsv, ADMIN_KEY, BASE } from './harness.mjs';

after(closeBrowser);
const STAGES = ['route_plan', 'validate', 'execute', 'compose', 'present'];

test('an answer\'s trace: five stages on a time axis, the statement with its bound parameters, a deep link', async () => {
  const page = await open();
  await ask(page, '서버A의 CPU 사용량은?');
  const id = await page.getAttribute('[data-testid=answer]', 'data-trace');
  await page.click('[data-testid=trace-link]');
  await page.waitForSelector('[data-testid=timeline]');
  assert.deepEqual(await page.$$eval('[data-testid=stage]', (els) => els.map((e) => e.dataset.stage)), STAGES);
  assert.ok((await page.$$('[data-testid=tool-call]')).length >= 1, 'the tool call is nested under its stage');
  await page.click('[data-testid=stage][data-stage=execute]');
  await page.waitForSelector('[data-testid=stage-panel][data-stage=execute]');
  assert.match(page.url(), new RegExp(`#/traces/${id}\\?stage=execute$`));
  const st = page.locator('[data-testid=stage-panel] [data-testid=statement]').first();
  assert.equal(await st.getAttribute('data-kind'), 'sql');
  assert.match(await st.locator('pre').textContent(), /^SELECT .*\nFROM /s, 'one clause a line');
  assert.match(await st.locator('.params').textContent(), /:ci_codeSVR001/);
  assert.match(await page.textContent('[data-testid=applied-assets]'), /ci_queries@\d+/);
  await shot(page, 'trace');
  // the URL alone opens the same stage
  await page.goto(`${BASE}/console/#/traces/${id}?stage=execute`);
  await page.reload();
  await page.waitForSelector('[data-testid=stage-panel][data-stage=execute] [data-testid=statement]');
  await page.done();
});

test('an impact trace shows its Cypher; the trace list filters and pages', async () => {
  const page = await open('/ask', ADMIN_KEY);
  await ask(page, 'what is impacted if payment-db fails?');
  await page.click('[data-testid=trace-link]');
  await page.click('[data-testid=stage][data-stage=execute]');
  const st = page.locator('[data-testid=stage-panel] [data-testid=statement]').first();
  assert.equal(await st.getAttribute('data-kind'), 'cypher');
  assert.match(await st.locator('pre').textContent(), /\nMATCH |^MATCH /);
  await page.goto(`${BASE}/console/#/traces?q=payment-db&route=orch`);
  await page.waitForSelector('[data-testid=trace-list] tbody tr');
  const questions = await page.$$eval('[data-testid=trace-list] tbody tr td:nth-child(3)', (tds) => tds.map((t) => t.textContent));
  assert.ok(questions.length > 0 && questions.every((q) => q.includes('payment-db')), questions.join(' | '));
  await page.goto(`${BASE}/console/#/traces?status=error`);
  await page.waitForSelector('[data-testid=trace-list]');
  await page.waitForFunction(() => !document.body.textContent.includes('Loading…'));
  const statuses = await page.$$eval('[data-testid=trace-list] tbody tr td:nth-child(4)', (tds) => tds.map((t) => t.textContent));
  assert.ok(statuses.every((s) => s === 'error'), statuses.join());
  await page.goto(`${BASE}/console/#/traces?limit=3`);
  await page.waitForSelector('[data-testid=next-page]');
  const first = await page.$$eval('[data-testid=trace-list] tbody tr td:nth-child(3) a', (as) => as.map((a) => a.getAttribute('href')));
  await page.click('[data-testid=next-page]');
  await page.waitForFunction((f) => {
    const a = document.querySelector('[data-testid=trace-list] tbody tr td:nth-child(3) a');
    return a && a.getAttribute('href') !== f;
  }, first[0]);
  const second = await page.$$eval('[data-testid=trace-list] tbody tr td:nth-child(3) a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(second.every((h) => !first.includes(h)), 'the next page holds other traces');
  // the time window is the server's filter: a window in the future holds nothing, one around now holds the ask
  const local = (ms) => new Date(ms - new Date(ms).getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await page.goto(`${BASE}/console/#/traces?since=${local(Date.now() + 3600000)}`);
  await page.waitForSelector('text=No trace matches.');
  await page.goto(`${BASE}/console/#/traces?q=payment-db&since=${local(Date.now() - 3600000)}&until=${local(Date.now() + 60000)}`);
  await page.waitForSelector('[data-testid=trace-list] tbody tr');
  await page.goto(`${BASE}/console/#/traces?since=yesterday`);
  await page.waitForSelector('.error');
  assert.match(await page.locator('.error').first().textContent(), /since/);
  await page.goto(`${BASE}/console/#/traces`);
  await page.waitForSelector('[data-testid=trace-list] tbody tr');
  await shot(page, 'traces');
  await page.done();
});

test('compare two traces side by side; RCA explains one', async () => {
  const page = await open('/ask', ADMIN_KEY);
  await ask(page, '서버A의 CPU 사용량은?');
  const a = await page.getAttribute('[data-testid=answer]', 'data-trace');
  await ask(page, '서버A의 메모리 사용량은?');
  const b = await page.getAttribute('[data-testid=answer]', 'data-trace');
  await page.click('[data-testid=trace-link]');
  await page.fill('input[name=other]', a);
  await page.click('button:has-text("Compare with")');
  await page.waitForSelector('[data-testid=changes]');
  assert.match(page.url(), new RegExp(`#/compare/${b}/${a}$`));
  assert.equal((await page.$$('[data-testid=compare-side]')).length, 2);
  assert.match(await page.textContent('[data-testid=change-count]'), /^\d+ differences$/);
  const paths = await page.$$eval('[data-testid=changes] tbody td:first-child', (tds) => tds.map((t) => t.textContent));
  assert.ok(paths.includes('question'), paths.slice(0, 10).join());
  assert.ok(paths.some((p) => p.startsWith('stages.execute.result')), 'the executed results differ');
  await shot(page, 'compare');
  await page.goto(`${BASE}/console/#/traces/${a}`);
  await page.click('[data-testid=run-rca]');
  await page.waitForSelector('[data-testid=rca-result] .blocks');
  await page.done();
});

test('the page holds no more rights than its principal', async () => {
  const page = await open('/traces');
  await page.waitForSelector('[data-testid=principal]:text-is("anonymous (viewer)")');
  await page.goto(`${BASE}/console/#/assets`);
  await page.waitForSelector('[data-testid=refused]:has-text("needs the role operator")');
  await ask(page, 'db-01 뭐야?');
  await page.click('[data-testid=trace-link]');
  await page.waitForSelector('[data-testid=timeline]');
  assert.equal(await page.$('[data-testid=run-rca]'), null, 'no RCA button for a viewer');
  await page.fill('input[name=apikey]', 'ops_notakey_000');
  await page.click('text=Use key');
  await page.waitForSelector('[data-testid=principal]:has-text("key refused")');
  await page.done();
});

test('an empty range widened by the control loop: each replan is a marker, each rerun stage its own lane', async () => {
  const threeDaysAgo = new Date(Date.now() - 3 * 86400e3).toISOString();
  await importCsv('cis', 'ci_code,ci_name,ci_type,status,environment,location,owner,aliases\nRPL001,replan-host,server,running,prod,dc1-seoul,team-t,\n');
  await importCsv('metrics', `ts,ci_code,metric_name,value\n${threeDaysAgo},RPL001,cpu_usage,11.5\n`);
  const page = await open();
  assert.match(await ask(page, 'average cpu of replan-host over the last hour'), /no data over the last hour.*last 7 days/s);
  await page.click('[data-testid=trace-link]');
  await page.waitForSelector('[data-testid=timeline]');
  const stages = await page.$$eval('[data-testid=stage]', (els) => els.map((e) => e.dataset.stage));
  assert.deepEqual(stages.filter((k) => k.startsWith('execute')), ['execute', 'execute.2', 'execute.3']);
  assert.equal(await page.locator('[data-testid=replan]').count(), 2);
  assert.match(await page.locator('[data-testid=replan]').first().textContent(), /empty_result/);
  assert.equal(await page.locator('.marker').count(), 2);
  await page.done();
});
