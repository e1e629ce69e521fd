// The review console end to end, as a moderator uses it: the sample Discourse
// forum on loopback, `modbot run` with [console] enabled, and Debian's headless
// Chromium driven by playwright-core. Registered with ctest (tests/CMakeLists.txt):
//
//   node console_test.mjs MODBOT_BINARY SAMPLE_FORUM_BINARY OUTPUT_DIR
//
// It fails (never skips) when Chromium or playwright-core is missing. The
// screenshots go to OUTPUT_DIR/console-en.png and console-fr.png.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [modbotBin, forumBin, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
if (process.argv.length !== 5) {
  console.error('usage: node console_test.mjs MODBOT SAMPLE_FORUM OUTPUT_DIR');
  process.exit(2);
}
const CHROMIUM = '/usr/bin/chromium';
const API_KEY = 'browser-test-key-4c1d';
const MODERATOR = 'anne';
const TOKEN = 'anne-console-token-7f2e9c4b';
const NOTE = 'checked in the browser test';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'modbot-console-'));
const children = [];
let browser;
let failures = 0;

function check(condition, what) {
  if (condition) {
    console.log(`ok    ${what}`);
  } else {
    failures += 1;
    console.log(`FAIL  ${what}`);
  }
}

function start(binary, args, log) {
  const out = fs.openSync(path.join(work, log), 'a');
  const child = spawn(binary, args, { cwd: work, stdio: ['ignore', out, out] });
  child.on('error', (e) => check(false, `${path.basename(binary)} could not start: ${e.message}`));
  children.push(child);
  return child;
}

async function until(what, probe, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function forumState(forumUrl) {
  const res = await fetch(`${forumUrl}/admin/sample/state.json`, {
    headers: { 'Api-Key': API_KEY, 'Api-Username': 'modbot' },
  });
  return res.json();
}

function audit(config) {
  return JSON.parse(execFileSync(modbotBin, ['audit', '--config', config, '--format', 'json']));
}

// Decodes the PNG in the browser itself and measures it: size, how many colours,
// and the share of the most common one (a blank or one-colour page fails).
async function measurePng(context, file) {
  const page = await context.newPage();
  const data = fs.readFileSync(file).toString('base64');
  await page.setContent(`<img id="shot" src="data:image/png;base64,${data}">`);
  const stats = await page.evaluate(async () => {
    const img = document.getElementById('shot');
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const pixels = g.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map();
    for (let i = 0; i < pixels.length; i += 4) {
      const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const top = Math.max(...counts.values());
    return { width: canvas.width, height: canvas.height, colours: counts.size,
             topShare: top / (pixels.length / 4) };
  });
  await page.close();
  return stats;
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  fs.writeFileSync(path.join(work, 'api.key'), `${API_KEY}\n`);
  fs.writeFileSync(path.join(work, 'tokens'), `# moderator token\n${MODERATOR} ${TOKEN}\n`,
                   { mode: 0o600 });
  start(forumBin, ['--api-key-file', 'api.key', '--api-username', 'modbot', '--port-file', 'port',
                   '--seed', 'demo'], 'forum.log');
  const forumPort = await until('the sample forum', async () =>
    fs.readFileSync(path.join(work, 'port'), 'utf8').trim());
  const forumUrl = `http://127.0.0.1:${forumPort}`;
  const consolePort = await freePort();
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const config = path.join(work, 'modbot.toml');
  fs.writeFileSync(config, `[forum]
type = "discourse"
url = "${forumUrl}"
api_username = "modbot"
api_key_file = "api.key"
requests_per_minute = 0
poll_interval_seconds = 0.5
review_queue = "both"

[store]
path = "modbot.db"

[console]
enabled = true
listen = "127.0.0.1:${consolePort}"
token_file = "tokens"
`);
  start(modbotBin, ['run', '--config', config], 'modbot.log');
  await until('the console', async () => (await fetch(`${consoleUrl}/login`)).ok);

  browser = await chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] || (await browser.newPage());

  // Signed out, the console sends a moderator to the sign-in form.
  await page.goto(`${consoleUrl}/`);
  check(new URL(page.url()).pathname === '/login', 'no session: redirected to /login');
  await page.fill('input[name=token]', 'not-the-token-at-all');
  const refused = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
    page.click('button[type=submit]'),
  ]);
  check(refused[0].status() === 401, 'a wrong token is refused with 401');
  check((await page.textContent('body')).includes('This token is not valid'), 'and says so');

  await page.fill('input[name=token]', TOKEN);
  await Promise.all([page.waitForURL(`${consoleUrl}/`), page.click('button[type=submit]')]);
  check((await page.textContent('header.top')).includes(`Signed in as ${MODERATOR}`),
        'signed in under the moderator\'s name');

  // The daemon judges the demo posts within a poll or two.
  await until('queued posts', async () => {
    await page.reload();
    return (await page.locator('#queue article').count()) >= 3 &&
           (await page.locator('#hides article').count()) >= 1;
  });
  const queueIds = await page.locator('#queue article').evaluateAll(
    (els) => els.map((e) => e.id.replace('post-', '')));
  const hideIds = await page.locator('#hides article').evaluateAll(
    (els) => els.map((e) => e.id.replace('post-', '')));
  console.log(`queue: ${queueIds.join(' ')}; hides: ${hideIds.join(' ')}`);

  const first = page.locator('#queue article').first();
  // A reason that quotes the post is highlighted in it (a relevance reason names
  // subjects instead, so not every card has one).
  check(await page.locator('#queue article .text mark').count() > 0,
        'the evidence is highlighted in the posts');
  check((await first.locator('.facts').textContent()).includes('account age'), 'author facts shown');
  check((await first.locator('.meta').first().textContent()).includes('Topic'), 'topic shown');
  check(await page.locator('article blockquote.reply').count() > 0,
        'a reply shows the post it replies to');
  check(await page.locator('#queue table.why td').count() > 0, 'the reasons table is there');
  const bodyHtml = await page.content();
  check(!bodyHtml.includes('<script'), 'the page carries no script');

  const [approveId, removeId, staleId] = queueIds;
  const hideId = hideIds[0];
  const card = (id) => page.locator(`#post-${id}`);

  // A form whose CSRF token is not the session's: 403, nothing done.
  await card(staleId).locator('form:has(button[value=approve]) input[name=csrf]')
    .evaluate((input) => { input.value = 'f'.repeat(64); });
  const [stale] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/decide')),
    card(staleId).locator('button[value=approve]').click(),
  ]);
  check(stale.status() === 403, 'a wrong CSRF token gets 403');
  check((await page.textContent('body')).includes('Nothing was done'), 'and a clear message');
  await page.goto(`${consoleUrl}/`);
  check(await card(staleId).count() === 1, 'the post is still waiting after the refused request');

  // Approve one.
  await card(approveId).locator('button[value=approve]').click();
  check((await page.textContent('.flash')).includes(`Post ${approveId} approved`),
        `post ${approveId} approved`);
  check(await page.locator(`#queue #post-${approveId}`).count() === 0, 'it left the queue');

  // Remove another, with a principle and a note.
  await card(removeId).locator('select[name=clause]').selectOption('abusive');
  await card(removeId).locator('input[name=note]').fill(NOTE);
  await card(removeId).locator('button[value=remove]').click();
  check((await page.textContent('.flash')).includes(`Post ${removeId} removed`),
        `post ${removeId} removed`);

  // Restore an automatic hide in one click.
  await card(hideId).locator('button[value=approve]').click();
  check((await page.textContent('.flash')).includes(`Post ${hideId} restored`),
        `post ${hideId} restored`);
  check((await page.textContent('#decided')).includes(MODERATOR), 'recent decisions name the moderator');

  await page.screenshot({ path: path.join(outDir, 'console-en.png'), fullPage: false });

  // French, chosen on the page, kept by a cookie.
  await page.click('a[hreflang=fr]');
  check((await page.textContent('h2')).includes('En attente de révision'), 'French headings');
  await page.goto(`${consoleUrl}/`);
  check((await page.textContent('header.top')).includes('Connecté en tant que'),
        'French kept on the next page');
  check(await page.getAttribute('html', 'lang') === 'fr', '<html lang="fr">');
  await page.screenshot({ path: path.join(outDir, 'console-fr.png'), fullPage: false });

  // The decisions reach the forum through the daemon's outbox.
  const posts = await until('the forum actions', async () => {
    const state = await forumState(forumUrl);
    const byId = Object.fromEntries(state.posts.map((p) => [String(p.id), p]));
    return byId[removeId].hidden && !byId[hideId].hidden ? byId : undefined;
  });
  check(!posts[approveId].hidden, `post ${approveId} stays visible on the forum`);
  check(posts[removeId].hidden, `post ${removeId} is hidden on the forum`);
  check(!posts[hideId].hidden, `post ${hideId} is visible again on the forum`);
  check(!posts[staleId].hidden, `post ${staleId} is untouched`);

  // And the audit names the moderator for each, and nothing for the refused one.
  const rows = audit(config);
  const by = (post, event) => rows.filter((r) => r.post === post && r.event === event);
  check(by(approveId, 'approve').some((r) => r.actor === MODERATOR), 'audit: approve by anne');
  check(by(removeId, 'remove').some((r) => r.actor === MODERATOR && r.evidence === NOTE &&
                                       r.clause === 'abusive'), 'audit: remove by anne with note');
  check(by(hideId, 'approve').some((r) => r.actor === MODERATOR), 'audit: restore decided by anne');
  check(by(staleId, 'approve').length === 0 && by(staleId, 'remove').length === 0,
        'audit: nothing for the refused request');
  // `modbot stats` counts the console's restore as a hide restored by a human.
  const stats = execFileSync(modbotBin, ['stats', '--config', config]).toString();
  const all = stats.split('\n').find((line) => line.startsWith('all posts')).split(/\s+/);
  check(all[4] === '1', `stats: one hide restored by a human (${all.slice(2).join(' ')})`);

  for (const shot of ['console-en.png', 'console-fr.png']) {
    const m = await measurePng(browser, path.join(outDir, shot));
    console.log(`${shot}: ${m.width}x${m.height}, ${m.colours} colours, top colour ${(m.topShare * 100).toFixed(1)}%`);
    check(m.width === 1280 && m.height === 900, `${shot} has the viewport's size`);
    check(m.colours >= 50 && m.topShare < 0.95, `${shot} shows a rendered page, not one colour`);
  }
}

let code = 0;
try {
  await main();
} catch (e) {
  console.log(`FAIL  ${e.stack || e}`);
  failures += 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  for (const child of children) child.kill('SIGTERM');
  if (failures) {
    for (const log of ['modbot.log', 'forum.log']) {
      const file = path.join(work, log);
      if (fs.existsSync(file)) console.log(`--- ${log}\n${fs.readFileSync(file, 'utf8').slice(-4000)}`);
    }
  }
  await new Promise((r) => setTimeout(r, 200));
  fs.rmSync(work, { recursive: true, force: true });
  code = failures ? 1 : 0;
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(code);
