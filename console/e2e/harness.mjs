// Shared by the browser tests: one Chromium (Debian's, never downloaded), a page per test that fails
// the test on any page error, console error or CSP violation, and the product under test.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

export const BASE = process.env.OPS_CONSOLE_URL ?? 'http://127.0.0.1:8080';
export const ADMIN_KEY = process.env.OPS_CONSOLE_KEY_FILE ? readFileSync(process.env.OPS_CONSOLE_KEY_FILE, 'utf8').trim() : '';
const SHOTS = process.env.OPS_CONSOLE_SHOTS;

let browser;
export async function openBrowser() {
  browser ??= await chromium.launch({
    executablePath: process.env.OPS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  return browser;
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

/** A fresh page (own sessionStorage) at /console/#{hash}, signed in with `key` when given. */
export async function open(hash = '/ask', key = '', who = 'admin') {
  const context = await (await openBrowser()).newContext({ viewport: { width: 1360, height: 900 }, locale: 'ko-KR' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // a refused API call is shown on the page; anything else logged as an error is a fault
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${BASE}/console/#${hash}`);
  if (key) {
    await page.fill('input[name=apikey]', key);
    await page.click('text=Use key');
    await page.waitForSelector(`[data-testid=principal]:has-text("${who}")`);
  }
  page.done = async () => {
    assert.deepEqual(problems, [], 'the page logged errors');
    await context.close();
  };
  return page;
}

export async function ask(page, question) {
  await page.goto(`${BASE}/console/#/ask`);
  await page.fill('input[name=question]', question);
  return submit(page);
}

/** Presses Ask (or runs `action`) and waits for the page to show the answer to that very request. */
export async function submit(page, action = () => page.click('button:has-text("Ask")')) {
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/ops/ci/ask')), action()]);
  const id = (await res.json()).data?.meta?.trace_id;
  assert.ok(id, `the ask was answered: ${res.status()}`);
  await page.waitForSelector(`[data-testid=answer][data-trace="${id}"]`);
  return page.textContent('[data-testid=answer-text]');
}

export async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

/** Loads CSV rows into the estate as the admin (POST /ops/import/{kind}, as ./ops import does). */
export async function importCsv(kind, csv) {
  const res = await fetch(`${BASE}/ops/import/${kind}?file_name=${kind}.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  assert.equal(res.status, 200, await res.text());
}

/** A REST call as the admin (setup only: what the tests check is seen through the page). */
export async function api(method, path, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()).data;
}

/** A second principal: an API key with these roles minted by the admin (POST /ops/keys); its token. */
export async function createKey(name, roles) {
  const res = await fetch(`${BASE}/ops/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, roles }),
  });
  const env = await res.json();
  assert.equal(res.status, 200, env.message);
  return env.data.token;
}

/** A copy of the published ci_queries saved as the first version (a draft) of a new Query asset `name`. */
export async function queryDraft(name, change = () => {}) {
  const content = structuredClone((await api('GET', '/ops/assets/query/ci_queries')).content);
  content.name = name;
  change(content);
  const saved = await api('POST', `/ops/assets/query/${name}`, { content });
  assert.equal(saved?.version, 1, `saved ${name}`);
  return content;
}

/**
 * Replaces a textarea's text at once, as a paste does, and fires its input event. For asset texts
 * (ci_queries is 74 kB): Chromium's insertText, which page.fill uses, takes seconds per kilobyte of lines.
 */
export async function paste(page, selector, text) {
  await page.$eval(selector, (ta, t) => {
    ta.focus();
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(ta, t);
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
