#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// closeplan preview in headless Chromium, on a copy of an example:
//  - the page shows the plan and the checks panel, and runs with no console
//    error and no Content-Security-Policy violation (the reload script is allowed);
//  - at 390 and 1280 px wide, neither the panel nor its button covers the plan's title;
//  - "Hide checks" hides the panel, and it stays hidden after the page reloads;
//  - after the plan's title is saved, the open page reloads itself and shows it
//    within 3 s, with no help from the test; after a broken save it shows the
//    located error over the last good page;
//  - ?panel=off leaves the panel and its button out.
//
//   node tests/browser/check_preview.mjs CLOSEPLAN EXAMPLE_DIR
// CHROMIUM   environment variable: the browser to launch (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [closeplan, example] = process.argv.slice(2).map((p) => resolve(p));
if (!closeplan || !example) {
  console.error('usage: node check_preview.mjs CLOSEPLAN EXAMPLE_DIR');
  process.exit(2);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('check_preview: playwright-core is missing: run `npm ci` in tests/browser (scripts/install-deps.sh does)');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`check_preview: no browser at ${executablePath}`);
  process.exit(2);
}

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); return ok; };

const work = mkdtempSync(join(tmpdir(), 'closeplan-preview-'));
const folder = join(work, 'plan');
cpSync(example, folder, { recursive: true, filter: (src) => !src.endsWith('/expected') });
const planPath = join(folder, 'plan.yaml');
const original = readFileSync(planPath, 'utf8');
const save = (text) => { writeFileSync(planPath + '.tmp~', text); renameSync(planPath + '.tmp~', planPath); };

const preview = spawn(closeplan, ['preview', 'plan.yaml', '--port', '0', '-q'], { cwd: folder });
let stderr = '';
preview.stderr.on('data', (chunk) => { stderr += chunk; });
const url = await new Promise((done, fail) => {
  let out = '';
  const timer = setTimeout(() => fail(new Error('no address printed within 30 s')), 30000);
  preview.stdout.on('data', (chunk) => {
    out += chunk;
    const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (found) { clearTimeout(timer); done(found[0]); }
  });
});

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));

  await page.goto(url);
  check((await page.title()) === 'Mutual action plan: Claims analytics platform', `title is ${await page.title()}`);
  const panel = page.locator('#closeplan-preview-panel');
  check(await panel.isVisible(), 'the checks panel is not shown at first');

  // On a phone the panel and its button take their own room: neither covers the plan's title.
  const covers = () =>
    page.evaluate(() => {
      const title = document.querySelector('h1').getBoundingClientRect();
      const out = [];
      for (const id of ['closeplan-preview-panel', 'closeplan-preview-toggle']) {
        const box = document.getElementById(id).getBoundingClientRect();
        if (box.width > 0 && box.left < title.right && title.left < box.right && box.top < title.bottom && title.top < box.bottom)
          out.push(`#${id} (${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)})`);
      }
      return out;
    });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    for (const top of [0, 400]) {
      await page.evaluate((y) => window.scrollTo(0, y), top);
      for (const c of await covers()) failures.push(`at ${width} px, scrolled ${top} px, ${c} covers the plan's title`);
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.click('#closeplan-preview-toggle');
  check(!(await panel.isVisible()), '"Hide checks" did not hide the panel');

  // The test only saves the file: the page must reload itself.
  const started = Date.now();
  save(original.replace('name: Claims analytics platform', 'name: Claims renamed', 1));
  try {
    await page.waitForFunction(() => document.title === 'Mutual action plan: Claims renamed', null, { timeout: 3000 });
    console.log(`the page reloaded itself with the new title after ${Date.now() - started} ms`);
  } catch {
    failures.push('the open page did not show the new title within 3 s');
  }
  check(!(await page.locator('#closeplan-preview-panel').isVisible()), 'the hidden panel came back after the reload');

  save(original.replace('  name: Claims analytics platform\n', '  name: Claims analytics platform\n  owner: [x\n', 1));
  try {
    await page.waitForSelector('#closeplan-preview-errors', { timeout: 3000 });
    const text = await page.locator('#closeplan-preview-errors').innerText();
    check(/plan\.yaml:\d+:\d+: error\[L\d+\]/.test(text), `the error is not located: ${text}`);
    check((await page.title()) === 'Mutual action plan: Claims renamed', 'the last good page is gone under the error');
  } catch {
    failures.push('the open page did not show the error within 3 s');
  }

  const clean = await browser.newPage();
  await clean.goto(url + '?panel=off');
  check(await clean.locator('#closeplan-preview-panel').count() === 0, '?panel=off still shows the panel');
  check(await clean.locator('#closeplan-preview-toggle').count() === 0, '?panel=off still shows the button');

  check(consoleErrors.length === 0, `console errors (a CSP violation?): ${consoleErrors.join(' | ')}`);
} finally {
  await browser.close();
  preview.kill('SIGTERM');
  const code = await new Promise((done) => preview.on('exit', (c) => done(c)));
  check(code === 0, `preview exited ${code} after SIGTERM: ${stderr}`);
  rmSync(work, { recursive: true, force: true });
}

for (const failure of failures) console.error('FAIL:', failure);
process.exit(failures.length ? 1 : 0);
