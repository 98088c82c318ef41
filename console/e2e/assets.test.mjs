import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, closeBrowser, paste, ADMIN_KEY, BASE } from './harness.mjs';

after(closeBrowser);

test('copy an asset to a draft, break it, see the error at its path, fix it, stage-test it, publish it', async () => {
  const page = await open('/assets/query/ci_queries', ADMIN_KEY);
  await page.waitForSelector('[data-testid=versions] tbody tr');
  await page.waitForSelector('[data-testid=copy-to-draft]');
  await page.click('[data-testid=copy-to-draft]');
  const original = JSON.parse(await page.inputValue('textarea[name=content]'));

  const broken = structuredClone(original);
  broken.queries[0].params = 'oops';
  await paste(page, 'textarea[name=content]', JSON.stringify(broken, null, 2));
  await page.click('[data-testid=save-draft]');
  const errors = page.locator('[data-testid=validation-errors] li');
  await errors.first().waitFor();
  assert.match(await errors.first().textContent(), /^\$\.queries\[0\]\.params /);
  await errors.first().locator('button').click(); // to its line
  await shot(page, 'assets-validation');

  const fixed = structuredClone(original);
  fixed.queries[0].title = `${original.queries[0].title} (console ${Date.now()})`;
  await paste(page, 'textarea[name=content]', JSON.stringify(fixed, null, 2));
  await page.click('[data-testid=save-draft]');
  await page.waitForSelector('[data-testid=asset-message]:has-text("saved draft v")');
  const version = /saved draft v(\d+)/.exec(await page.textContent('[data-testid=asset-message]'))[1];
  await page.waitForURL(new RegExp(`#/assets/query/ci_queries\\?version=${version}$`));
  await page.waitForSelector(`h3:has-text("v${version} draft")`);
  // the diff of the newest two versions is the one edit
  await page.selectOption('.asset-diff select >> nth=0', String(Number(version) - 1));
  await page.click('button:has-text("Diff")');
  const change = page.locator('[data-testid=asset-diff] tr');
  await change.first().waitFor();
  assert.equal(await change.count(), 1);
  assert.match(await change.textContent(), /queries.*0.*title.*changed.*\(console \d+\)/);

  await page.selectOption('select[name=stage]', 'execute');
  await page.click('[data-testid=run-stage-test]');
  const result = page.locator('[data-testid=stage-test-result]');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-status'), 'ok');
  assert.match(await result.textContent(), new RegExp(`ci_queries\\(draft\\)`));

  // the publish gate runs every golden query bound to ci_queries (the default set binds 43) before it answers
  await page.click('[data-testid=publish]');
  const published = page.locator('[data-testid=asset-message]');
  await published.waitFor({ timeout: 150_000 });
  if (/needs an approving review/.test(await published.textContent())) {
    // a golden query's warning (live data moved, or a slow run): a reviewer other than the author approves
    const created = await fetch(`${BASE}/ops/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `console-reviewer-${Date.now()}`, roles: ['reviewer'] }),
    }).then((r) => r.json());
    const reviewer = await open(`/assets/query/ci_queries?version=${version}`, created.data.token, 'reviewer');
    await reviewer.waitForSelector(`h3:has-text("v${version} draft")`);
    await reviewer.click('button:has-text("Approve")');
    await reviewer.waitForSelector('[data-testid=asset-message]:has-text("review recorded: approve")');
    await reviewer.done();
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=asset-message]:has-text("published v")', { timeout: 150_000 });
  }
  assert.match(await published.textContent(), new RegExp(`^published v${version}`));
  await page.waitForSelector(`h3:has-text("v${version} published")`);
  await shot(page, 'assets');
  await page.done();
});
