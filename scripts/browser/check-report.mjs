// Renders the report in headless Chromium (Debian's, driven by playwright-core), takes
// screenshots, and checks what a reader must see. Network: every request the *page* makes is
// recorded (Playwright reports the page's own requests only, not the browser's background
// services), and any that is not file: or data: fails the check; no list of hosts is needed.
//   node scripts/browser/check-report.mjs PAGE.html SCREENSHOT.png
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { existsSync, statSync } from 'node:fs';

const [page_, shot] = process.argv.slice(2);
const executable = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find(p => existsSync(p));
if (!executable) {
  console.error('check-report: Chromium not installed (apt-get install chromium)');
  process.exit(3);
}
const browser = await chromium.launch({
  executablePath: executable,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-default-apps'],
});
let fail = 0;
const ok = (msg) => console.log('ok: ' + msg);
const bad = (msg) => { console.error('FAIL: ' + msg); fail = 1; };
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2400 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', r => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(pathToFileURL(page_).href, { waitUntil: 'load' });
  const has = async (what, selector) => {
    const n = await page.locator(selector).count();
    if (n > 0) ok(`${what} (${n})`); else bad(`the page lacks ${what} (${selector})`);
    return n;
  };
  await has('the headline', '#headline');
  await has('the first screen: at a glance', '#glance');
  await has('the claims table', 'th:text-is("claim")');
  await has('a row for every claim (E2)', 'td:text-is("E2")');
  await has('the ‖B(t)‖ chart', '#chart-encoder-norms svg');
  await has('the finite learning rates section', '#finite-learning-rates');
  const maps = await has('phase-diagram heatmaps', '.heatmap svg');
  // the first screen, as a reader opens the page (before any element screenshot scrolls it)
  await page.screenshot({ path: shot, fullPage: false });
  if (statSync(shot).size > 0) ok(`screenshot of the first screen ${shot} (${Math.round(statSync(shot).size / 1024)} KB)`);
  else bad('no screenshot');
  // the first screen leads: "At a glance" and the findings come before the claims table
  const order = await page.evaluate(() => {
    const y = id => document.getElementById(id)?.getBoundingClientRect().top ?? -1;
    return [y('glance'), y('findings'), y('claims')];
  });
  if (order[0] >= 0 && order[0] < order[1] && order[1] < order[2]) ok('at a glance and findings before the tables');
  else bad('the first screen does not lead with the summary: ' + order);
  // heatmaps are drawn: every one has a non-empty box and coloured cells
  if (maps > 0) {
    const boxes = await page.locator('.heatmap svg').evaluateAll(els => els.map(e => {
      const r = e.getBoundingClientRect();
      return [r.width, r.height, e.querySelectorAll('rect').length];
    }));
    const empty = boxes.filter(([w, h, rects]) => !(w > 100 && h > 100 && rects > 4));
    if (empty.length === 0) ok(`${boxes.length} heatmaps rendered with their cells`);
    else bad(`${empty.length} heatmaps not rendered: ${JSON.stringify(empty)}`);
    const heatShot = shot.replace(/\.png$/, '-heatmap.png');
    await page.locator('.heatmap').first().screenshot({ path: heatShot });
    ok(`heatmap screenshot ${heatShot} (${Math.round(statSync(heatShot).size / 1024)} KB)`);
  }
  const external = [...new Set(requests.filter(u => !u.startsWith('file:') && !u.startsWith('data:')))];
  if (external.length === 0) ok(`no network request by the page (${requests.length} local)`);
  else bad('the page requested: ' + external.join(' '));
  if (errors.length === 0) ok('no script error'); else bad('script errors: ' + errors.join('; '));
} finally {
  await browser.close();
}
process.exit(fail);
