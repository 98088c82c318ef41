import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, closeBrowser, importCsv, api, createKey, queryDraft, paste, ADMIN_KEY, BASE } from './harness.mjs';

after(closeBrowser);

/** ISO time `minutes` ago, to the second. */
const ago = (minutes) => new Date(Date.now() - minutes * 60e3).toISOString().replace(/\.\d+Z$/, 'Z');

test('a gate that warns: the author cannot approve, a second principal (reviewer) does, it publishes; each version keeps its report', async () => {
  const stamp = Date.now().toString(36);
  const asset = `console_rev_${stamp}`;
  // setup: a host whose CPU moves between the golden query's baseline and the gate's run, a Query asset
  // (a copy of ci_queries) as a draft, and the one golden query bound to it (values compared exactly)
  const before = 10 + (Date.now() % 1000) / 100;
  const now = before + 40;
  await importCsv('cis', 'ci_code,ci_name,ci_type,status,environment,location,owner,aliases\nREV001,review-host,server,running,prod,dc1-seoul,team-t,\n');
  await importCsv('metrics', `ts,ci_code,metric_name,value\n${ago(3)},REV001,cpu_usage,${before}\n`);
  await queryDraft(asset);
  const golden = await api('POST', '/ops/golden-queries', {
    name: `review-host cpu ${stamp}`,
    question: 'review-host CPU usage?',
    bound_assets: [`query/${asset}`],
    expectations: { values_tolerance: 0 },
  });
  assert.ok(golden?.baseline_trace_id, 'the golden query has its baseline');
  await importCsv('metrics', `ts,ci_code,metric_name,value\n${ago(1)},REV001,cpu_usage,${now}\n`);

  const page = await open(`/assets/query/${asset}?version=1`, ADMIN_KEY);
  await page.waitForSelector('h3:has-text("v1 draft")');
  await page.waitForSelector('[data-testid=no-gate]');
  await page.click('[data-testid=publish]');
  const message = page.locator('[data-testid=asset-message]');
  await message.waitFor();
  assert.match(await message.textContent(), /refused by the gate: .*1 warning.*needs an approving review.*\(HTTP 409\)$/);
  // the refused gate's report is stored with v1 and shown: its golden query, judgment, reason, traces
  const report = page.locator('[data-testid=gate-report][data-version="1"][data-judgment=warning]');
  await report.waitFor();
  const run = report.locator('[data-testid=gate-run]');
  assert.equal(await run.count(), 1);
  assert.equal(await run.getAttribute('data-judgment'), 'warning');
  assert.match(await run.textContent(), new RegExp(`review-host cpu ${stamp}.*review-host CPU usage\\?`));
  assert.match(await run.textContent(), /only data or latency changed: values\[0\] /);
  const candidate = await run.locator('[data-testid=candidate-trace]').getAttribute('href');
  assert.match(await run.locator('[data-testid=compare-trace]').getAttribute('href'), new RegExp(`^#/compare/${golden.baseline_trace_id}/[0-9a-f]{32}$`));

  // the author holds the reviewer role (admin) but may not approve their own version: the server says so
  await page.click('[data-testid=approve]');
  await page.waitForSelector('[data-testid=asset-message].error:has-text("cannot approve a version they authored")');
  assert.match(await message.textContent(), /\(HTTP 403\)$/);
  await page.waitForSelector('[data-testid=no-reviews]');

  // a second principal with only the reviewer role: it sees the report, may approve, may not publish
  const who = `console-reviewer-${stamp}`;
  const reviewer = await open(`/assets/query/${asset}?version=1`, await createKey(who, ['reviewer']), who);
  await reviewer.waitForSelector('[data-testid=gate-report][data-judgment=warning]');
  assert.equal(await reviewer.$('[data-testid=publish]'), null, 'a reviewer does not publish');
  assert.equal(await reviewer.$('[data-testid=copy-to-draft]'), null, 'a reviewer does not edit');
  await reviewer.fill('input[name=reason]', 'only the data moved');
  await reviewer.click('[data-testid=approve]');
  await reviewer.waitForSelector('[data-testid=asset-message]:text-is("review recorded: approve")');
  await reviewer.waitForSelector('[data-testid=review][data-decision=approve]:has-text("only the data moved")');
  await reviewer.done();

  // now the author's publish goes through, and the report names the approval that let the warning pass
  await page.click('[data-testid=publish]');
  await page.waitForSelector('[data-testid=asset-message]:has-text("published v1 (gate: warning)")');
  await page.waitForSelector('h3:has-text("v1 published")');
  const approval = page.locator('[data-testid=gate-report][data-version="1"] [data-testid=gate-approval]');
  assert.match(await approval.textContent(), /approving review of key:\w+ .*only the data moved/);
  await shot(page, 'assets-gate');

  // v2 changes the statement the golden query runs: its gate fails, runs a diff RCA and refuses the
  // publish; v1's report stays with v1
  await page.click('[data-testid=copy-to-draft]');
  const content = JSON.parse(await page.inputValue('textarea[name=content]'));
  const latest = content.queries.find((q) => q.name === 'metric_latest');
  latest.statement = latest.statement.replace('m.value,', 'm.value AS value,');
  await paste(page, 'textarea[name=content]', JSON.stringify(content, null, 2));
  await page.click('[data-testid=save-draft]');
  await page.waitForSelector('h3:has-text("v2 draft")');
  await page.waitForSelector('[data-testid=no-gate]');
  await page.click('[data-testid=publish]');
  const failed = page.locator('[data-testid=gate-report][data-version="2"][data-judgment=fail]');
  await failed.waitFor();
  assert.match(await message.textContent(), /refused by the gate: .*1 fail/);
  assert.match(await failed.locator('[data-testid=gate-run]').textContent(), /behaviour changed: references\[0\]\.statement/);
  const rca = await failed.locator('[data-testid=rca-trace]').getAttribute('href');
  assert.match(rca, /^#\/traces\/[0-9a-f]{32}$/);
  assert.equal(await page.$('[data-testid=gate-approval]'), null, 'v2 has no approval');
  await page.click('[data-testid=versions] a:text-is("v1")');
  await page.waitForSelector('[data-testid=gate-report][data-version="1"][data-judgment=warning] [data-testid=gate-approval]');
  await page.waitForSelector('[data-testid=review][data-decision=approve]');

  // the report's links open in the Inspector: v1's candidate ran with v1, v2's RCA is a trace of its own
  await page.goto(`${BASE}/console/${candidate}`);
  await page.waitForSelector('[data-testid=timeline]');
  assert.match(await page.textContent('[data-testid=applied-assets]'), new RegExp(`${asset}@1`));
  await page.goto(`${BASE}/console/${rca}`);
  await page.waitForSelector('[data-testid=trace] .meta:has-text("rca")');
  await page.done();
});
