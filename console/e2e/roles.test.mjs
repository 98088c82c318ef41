import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, closeBrowser, createKey, queryDraft, BASE } from './harness.mjs';

after(closeBrowser);

/** Buttons that change assets or golden queries, none of which a viewer or an operator may use. */
const WRITES = ['[data-testid=publish]', '[data-testid=copy-to-draft]', '[data-testid=approve]', '[data-testid=reject]', '[data-testid=delete]', 'button:has-text("Add golden query")'];

async function noneOf(page, selectors) {
  for (const s of selectors) assert.equal(await page.$(s), null, `${s} is not shown`);
}

test('a viewer: the API\'s 403 shown as a readable message, with no button it cannot use', async () => {
  const stamp = Date.now().toString(36);
  const name = `console-viewer-${stamp}`;
  const page = await open('/assets/query/ci_queries', await createKey(name, ['viewer']), name);
  const refused = page.locator('[data-testid=refused]');
  await refused.waitFor();
  assert.equal(await refused.getAttribute('data-status'), '403');
  const text = await refused.textContent();
  assert.match(text, /^Not allowed \(HTTP 403\) — \w+ needs the role operator \(the caller has \[viewer\]\)\./, 'the server\'s own reason');
  assert.match(text, new RegExp(`acts as ${name} \\(viewer\\)`));
  await noneOf(page, [...WRITES, '[data-testid=run-stage-test]', '[data-testid=versions]']);
  assert.equal(await page.locator('header nav a').count(), 4, 'the page around the message is still there');

  await page.goto(`${BASE}/console/#/regression`);
  await page.waitForSelector('[data-testid=refused]:has-text("ListGoldenQueries needs the role operator")');
  await noneOf(page, [...WRITES, '[data-testid=run-all]', '[data-testid=golden-list]']);

  // what a viewer may do still works: ask, and read its own trace (without RCA)
  await page.goto(`${BASE}/console/#/ask`);
  await page.fill('input[name=question]', '서버A의 CPU 사용량은?');
  await page.click('button:has-text("Ask")');
  await page.click('[data-testid=trace-link]');
  await page.waitForSelector('[data-testid=timeline]');
  assert.equal(await page.$('[data-testid=run-rca]'), null);
  await page.done();
});

test('an operator reads assets, gate and golden queries, and sees no publish, review, edit or delete', async () => {
  const stamp = Date.now().toString(36);
  const asset = `console_ops_${stamp}`;
  await queryDraft(asset);
  const name = `console-operator-${stamp}`;
  const page = await open(`/assets/query/${asset}?version=1`, await createKey(name, ['operator']), name);
  await page.waitForSelector('h3:has-text("v1 draft")');
  await page.waitForSelector('[data-testid=asset-content]');
  await page.waitForSelector('[data-testid=run-stage-test]');
  await page.waitForSelector('[data-testid=no-gate]');
  await noneOf(page, WRITES);

  await page.goto(`${BASE}/console/#/regression`);
  await page.waitForSelector('[data-testid=golden-row]');
  await page.waitForSelector('[data-testid=run-all]');
  assert.ok(await page.locator('[data-testid=golden-row] button:text-is("Run")').count() > 0, 'an operator runs golden queries');
  await noneOf(page, WRITES);
  await page.done();
});
