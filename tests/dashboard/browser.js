// index.html as a browser shows it: Debian's Chromium, headless, driven
// by playwright-core.  Prints one "ok" line per property, or FAIL and
// exits 1: no console error, no request outside file://, a screenshot in
// REVIEW_DIR, every link a file the manifest lists, no axe-core
// violation of WCAG 2.x A or AA, and the print layout inside A4
// landscape.
//
// usage: node browser.js OUT_DIR REVIEW_DIR NODE_MODULES
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const [outDir, reviewDir, modules] = process.argv.slice(2).map(
    (p) => path.resolve(p));
const { chromium } = require(path.join(modules, 'playwright-core'));
const axePath = path.join(modules, 'axe-core', 'axe.min.js');

function fail(msg) {
  console.log(`FAIL ${msg}`);
  process.exit(1);
}
function ok(msg) {
  console.log(`ok ${msg}`);
}

// The manifest's paths: plain fields, as parcours names files.
function manifestPaths() {
  const lines = fs.readFileSync(path.join(outDir, 'manifest.csv'), 'utf8')
                    .split('\n').slice(1).filter((l) => l !== '');
  return new Set(lines.map((l) => l.split(',')[0]));
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-chr-'));
  // A fresh profile each time: nothing cached, nothing synchronised.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
           '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    await run(context);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function run(context) {
  const page = await context.newPage();
  const errors = [], outside = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) outside.push(r.url());
  });
  const url = 'file://' + path.join(outDir, 'index.html');
  const resp = await page.goto(url, { waitUntil: 'load' });
  if (resp !== null && !resp.ok()) fail(`index.html: status ${resp.status()}`);
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== 'fr') fail(`lang is "${lang}", not "fr"`);
  const scripts = await page.evaluate(
      () => document.querySelectorAll('script').length);
  if (scripts !== 0) fail(`the page carries ${scripts} script(s)`);
  ok('index.html opens in Chromium: lang="fr", no script');

  fs.mkdirSync(reviewDir, { recursive: true });
  const shot = path.join(reviewDir, 'dashboard.png');
  await page.screenshot({ path: shot, fullPage: true });
  if (fs.statSync(shot).size < 10000) fail(`${shot} is nearly empty`);
  ok('screenshot: dashboard.png in the review directory');

  const listed = manifestPaths();
  const hrefs = await page.evaluate(
      () => [...document.querySelectorAll('a[href]')].map(
          (a) => a.getAttribute('href')));
  if (hrefs.length === 0) fail('no link on the page');
  for (const h of hrefs) {
    if (!listed.has(h)) fail(`link ${h} is not a file of the manifest`);
    if (!fs.existsSync(path.join(outDir, h))) fail(`link ${h}: no such file`);
  }
  ok("every link is a file listed in manifest.csv");

  // axe-core is injected by the test; the page itself has no script.
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag',
               values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                        'wcag22aa'] },
  }));
  if (result.violations.length > 0) {
    const v = result.violations.map(
        (x) => `${x.id} (${x.nodes.length}): ${x.nodes[0].html.slice(0, 80)}`);
    fail(`axe-core: ${v.join('; ')}`);
  }
  ok("axe-core: no WCAG A or AA violation");

  // Print: A4 landscape is 297 mm less 2 x 10 mm of margin, at 96 dpi.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1046, height: 740 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 1046) fail(`printed, the page is ${wide} px wide (A4: 1046)`);
  await page.pdf({ path: path.join(reviewDir, 'dashboard.pdf'),
                   preferCSSPageSize: true, printBackground: true });
  ok('printed: fits the width of A4 landscape (dashboard.pdf beside it)');

  if (errors.length > 0) fail(`console error: ${errors[0]}`);
  if (outside.length > 0) fail(`request outside file://: ${outside[0]}`);
  ok('no console error, no request outside the file system');
}

main().catch((e) => fail(String(e && e.stack || e)));
