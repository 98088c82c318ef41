import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, closeBrowser, ADMIN_KEY } from './harness.mjs';

after(closeBrowser);

test('add a golden query, run it, run all, see the judgments and history', async () => {
  const page = await open('/regression', ADMIN_KEY);
  await page.waitForSelector('[data-testid=golden-list]');
  const name = `console-e2e-${Date.now()}`;
  await page.fill('input[name=gq-name]', name);
  await page.fill('input[name=gq-question]', '서버A의 CPU 사용량은?');
  await page.fill('input[name=gq-tags]', 'console, e2e');
  await page.click('button:has-text("Add golden query")');
  const row = page.locator('[data-testid=golden-row]', { hasText: name });
  await row.waitFor();
  assert.equal(await row.locator('[data-testid=judgment]').textContent(), 'never run');
  await row.locator('button:text-is("Run")').click();
  await row.locator('[data-testid=judgment]:text-matches("^(pass|warning|fail)$")').waitFor();
  // the same question against its own baseline moments later
  assert.equal(await row.locator('[data-testid=judgment]').textContent(), 'pass');
  await row.locator('summary').click();
  assert.equal(await row.locator('.history li').count(), 1);
  await page.click('[data-testid=run-all]');
  const totals = await page.locator('[data-testid=totals]').textContent({ timeout: 60000 });
  const [, pass, warning, fail] = /pass (\d+) · warning (\d+) · fail (\d+)/.exec(totals).map(Number);
  assert.ok(pass >= 1, totals);
  assert.equal(pass + warning + fail, await page.locator('[data-testid=golden-row]').count(), 'every golden query was run');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=golden-row] .history li').length >= 2);
  await shot(page, 'regression');
  await page.done();
});

test('tags, a new baseline from the last run, and deleting a golden query', async () => {
  const page = await open('/regression', ADMIN_KEY);
  await page.waitForSelector('[data-testid=golden-list]');
  const name = `console-e2e-base-${Date.now()}`;
  await page.fill('input[name=gq-name]', name);
  await page.fill('input[name=gq-question]', 'what is impacted if payment-db fails?');
  await page.fill('input[name=gq-tags]', 'impact, console');
  await page.click('button:has-text("Add golden query")');
  const row = page.locator('[data-testid=golden-row]', { hasText: name });
  await row.waitFor();
  assert.equal(await row.locator('[data-testid=tags]').textContent(), 'impact, console');
  const before = await row.locator('[data-testid=baseline]').getAttribute('href');
  await row.locator('button:text-is("Run")').click();
  await row.locator('[data-testid=judgment]:text-matches("^(pass|warning|fail)$")').waitFor();
  await row.locator('summary').click();
  await row.locator('[data-testid=set-baseline]').click();
  await page.waitForFunction(([n, b]) => {
    const r = [...document.querySelectorAll('[data-testid=golden-row]')].find((x) => x.textContent.includes(n));
    const a = r && r.querySelector('[data-testid=baseline]');
    return a && a.getAttribute('href') !== b;
  }, [name, before]);
  page.once('dialog', (d) => d.accept());
  await row.locator('[data-testid=delete]').click();
  await page.waitForFunction((n) => ![...document.querySelectorAll('[data-testid=golden-row]')].some((x) => x.textContent.includes(n)), name);
  const list = await page.evaluate(async (k) => (await fetch('/ops/golden-queries', { headers: { authorization: `Bearer ${k}` } })).json(), ADMIN_KEY);
  assert.ok(!JSON.stringify(list).includes(name), 'deleted on the server, not only in the page');
  await page.done();
});
