import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, ask, submit, shot, closeBrowser, importCsv } from './harness.mjs';

after(closeBrowser);

test('a Korean question: the number in the answer, its table and the reading line', async () => {
  const page = await open();
  const text = await ask(page, '서버A의 CPU 사용량은?');
  const m = /srv-seoul-01\(SVR001\)의 현재 CPU 사용량은 ([\d.]+)%입니다/.exec(text);
  assert.ok(m, text);
  const cells = await page.$$eval('[data-testid=table] td', (tds) => tds.map((t) => t.textContent));
  assert.ok(cells.some((c) => Number(c) === Number(m[1])), `the table shows ${m[1]}: ${cells}`);
  assert.match(await page.textContent('[data-testid=reading]'), /^해석: /);
  assert.ok(await page.isVisible('button:has-text("SVR001 의존 관계 보기")'), 'the screen actions are buttons');
  await shot(page, 'ask');
  await page.done();
});

test('a how-to question: the runbook\'s best section quoted under its citation', async () => {
  const page = await open();
  const text = await ask(page, 'how do I fail over payment-db?');
  assert.match(text, /Failing over payment-db/, text);
  const quote = page.locator('.markdown blockquote').first();
  await quote.waitFor();
  assert.ok((await quote.textContent()).length > 40, 'the passage is quoted');
  assert.match(await page.locator('.markdown').first().textContent(), /ops_docs\/en\/runbooks\/payment-db-failover\.md:\d+/);
  await shot(page, 'ask-documents');
  await page.done();
});

test('a Korean and an English trend: a time-series chart with its unit', async () => {
  const page = await open();
  for (const [q, unitTitle] of [['서버A CPU 사용량 추이 지난 24시간', 'CPU 사용량 [%]'], ['cpu usage trend of srv-seoul-01 over the last 24 hours', 'CPU usage [%]']]) {
    await ask(page, q);
    const chart = page.locator('[data-testid=chart]');
    await chart.locator('canvas').waitFor();
    assert.equal(await chart.getAttribute('data-unit'), '%');
    assert.ok(Number(await chart.getAttribute('data-points')) >= 20, 'a day of hourly points');
    assert.equal((await chart.locator('h4').textContent()).trim(), unitTitle);
    assert.match(await chart.locator('.u-legend').textContent(), /%/);
  }
  await shot(page, 'ask-chart');
  await page.done();
});

test('an anomaly answer in both languages: the measure\'s chart with its normal, the band filled and the windows shaded', async () => {
  const page = await open();
  for (const [q, normal] of [['When did SVR003\'s CPU go abnormal in the last 12 hours?', 'normal'], ['지난 12시간 동안 SVR003 CPU 이상 구간 알려줘', '평소 값']]) {
    await ask(page, q);
    const chart = page.locator('[data-testid=chart]');
    await chart.locator('canvas').waitFor();
    assert.equal(await chart.getAttribute('data-band'), 'yes', 'the band between band_low and band_high is drawn');
    assert.ok(Number(await chart.getAttribute('data-windows')) >= 0);
    assert.ok(Number(await chart.getAttribute('data-points')) >= 20, 'the samples of the range');
    const legend = await chart.locator('.u-legend').textContent();
    assert.ok(legend.includes(normal), legend);
    // the band is filled: some pixels of the plot hold the band's translucent grey (107, 114, 128 at 14 %)
    const filled = await chart.locator('canvas').evaluate(async (c) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let grey = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 10 && d[i + 3] < 90 && Math.abs(d[i] - 107) < 16 && Math.abs(d[i + 1] - 114) < 16 && Math.abs(d[i + 2] - 128) < 16) grey++;
      }
      return grey;
    });
    assert.ok(filled > 200, `the band's fill covers part of the plot (${filled} pixels)`);
  }
  await shot(page, 'ask-anomaly-chart');
  await page.done();
});

test('an English question: the number, and an impact network with the asked CI highlighted', async () => {
  const page = await open();
  const text = await ask(page, 'what is the cpu usage of srv-seoul-01?');
  assert.match(text, /[\d.]+%/);
  const impact = await ask(page, 'what is impacted if payment-db fails?');
  const n = Number(/^(\d+) CIs are impacted/.exec(impact)?.[1]);
  const net = page.locator('[data-testid=network]');
  await net.locator('canvas').first().waitFor();
  assert.equal(Number(await net.getAttribute('data-nodes')), n + 1, 'every impacted CI and the asked one');
  assert.match(await net.locator('.legend').textContent(), /asked: payment-db\(DB003\)/);
  await shot(page, 'ask-network');
  await page.done();
});

test('events in both languages: a timeline, oldest first, beside their table', async () => {
  const page = await open();
  for (const [q, heading] of [['critical events in the last 7 days', 'Events timeline'], ['최근 7일 critical 이벤트', '이벤트 타임라인']]) {
    await ask(page, q);
    const timeline = page.locator('[data-testid=timeline]');
    await timeline.waitFor();
    const n = Number(await timeline.getAttribute('data-events'));
    assert.ok(n > 0, `${q}: events on the timeline`);
    assert.equal((await timeline.locator('h4').textContent()).trim(), heading);
    assert.equal(await timeline.locator('circle').count(), n, 'one marker per event');
    assert.equal(await timeline.locator('circle[data-severity=critical]').count(), n, 'all critical, as asked');
    const times = await timeline.locator('.timeline-list time').allTextContents();
    assert.deepEqual([...times].sort((a, b) => Date.parse(a) - Date.parse(b)), times, 'oldest first');
  }
  await shot(page, 'ask-timeline');
  await page.done();
});

test('a long list pages through load_more_rows; a drill-down action asks again', async () => {
  const page = await open();
  const text = await ask(page, 'list all vms');
  const total = Number(/^(\d+) CIs match/.exec(text)?.[1]);
  assert.ok(total > 50, text);
  assert.equal(await page.textContent('[data-testid=row-count]'), '50 rows');
  await page.click('button:has-text("Load more")');
  await page.waitForSelector(`[data-testid=row-count]:has-text("${Math.min(100, total)} rows")`);
  await ask(page, 'SVR001 뭐야?');
  const deps = await submit(page, () => page.click('button:has-text("SVR001 의존 관계 보기")'));
  assert.match(deps, /의존하는 CI는 \d+개/);
  await page.waitForSelector('[data-testid=network] canvas');
  await page.done();
});

test('mock mode answers from the fixtures and says so in the trace', async () => {
  const page = await open();
  await page.selectOption('select[name=mode]', 'mock');
  await page.fill('input[name=question]', '서버A의 CPU 사용량은?');
  await submit(page);
  await page.click('[data-testid=trace-link]');
  await page.waitForSelector('[data-testid=trace]');
  assert.match(await page.textContent('[data-testid=trace] .meta'), /· mock ·/);
  await page.done();
});

test('an ambiguous name offers its candidates as buttons; the chosen one is answered', async () => {
  await importCsv('cis', 'ci_code,ci_name,ci_type,status,environment,location,owner,aliases\n'
    + 'TWN001,twin-a,server,running,prod,dc1-seoul,team-t,twin-host|쌍둥이서버\n'
    + 'TWN002,twin-b,server,running,prod,dc2-busan,team-t,twin-host|쌍둥이서버\n');
  await importCsv('metrics', 'ts,ci_code,metric_name,value\n'
    + '2026-11-20T10:00:00+09:00,TWN001,cpu_usage,11.5\n2026-11-20T10:00:00+09:00,TWN002,cpu_usage,22.5\n');
  const page = await open();
  assert.match(await ask(page, '쌍둥이서버의 CPU 사용량은?'), /여러 개/);
  const choices = page.locator('[data-testid=actions] button.choice');
  assert.equal(await choices.count(), 2);
  assert.equal(await page.textContent('[data-testid=reading]'), "해석: '쌍둥이서버'의 현재 CPU 사용량");
  const chosen = await submit(page, () => choices.filter({ hasText: 'TWN002' }).click());
  // its only sample (2026-11-20) is older than the Mapping's stale_after_minutes: said as the latest, with its time
  assert.ok(chosen.startsWith('twin-b(TWN002)의 마지막 CPU 사용량은 22.5%입니다. 2026-11-20 10:00에 수집된 값으로'), chosen);
  await page.done();
});
