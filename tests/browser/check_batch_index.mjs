#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// The batch index page (closeplan batch's index.html) in headless Chromium, at 1280 and 390 px:
//   - every column header lines up with its cells (the same text-align; a left-aligned
//     header starts where its cells' text starts, a right-aligned one ends where theirs ends);
//   - every header is a button reached with Tab, and Enter then Space sort by it, ascending
//     then descending, with aria-sort saying so on the header (the Health column by its score).
//
//   node tests/browser/check_batch_index.mjs index.html
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error('usage: node check_batch_index.mjs index.html');
  process.exit(2);
}
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const problems = [];
try {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (e) => problems.push(`${width} px: script error ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`${width} px: console error ${m.text()}`));
    await page.goto(pathToFileURL(resolve(file)).href);

    // Alignment: header and cells of each column, on the header's and the first deal row's boxes.
    const misaligned = await page.evaluate(() => {
      const out = [];
      const table = document.querySelector('table.deals');
      const row = table.tBodies[0].rows[0];
      for (const th of table.tHead.rows[0].cells) {
        const td = row.cells[th.cellIndex];
        const label = th.textContent.trim();
        const a = getComputedStyle(th).textAlign, b = getComputedStyle(td).textAlign;
        if (a !== b) out.push(`${label}: header ${a}, cells ${b}`);
        const text = (el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return range.getBoundingClientRect();
        };
        const h = text(th.querySelector('button') || th), c = text(td);
        if (c.width === 0) continue;
        if (b === 'right' ? Math.abs(h.right - c.right) > 12 : Math.abs(h.left - c.left) > 1.5)
          out.push(`${label}: header text at ${Math.round(h.left)}-${Math.round(h.right)}, cells at ${Math.round(c.left)}-${Math.round(c.right)}`);
      }
      return out;
    });
    for (const m of misaligned) problems.push(`${width} px: ${m}`);

    const headers = await page.$$eval('table.deals thead th', (ths) => ths.map((th) => th.textContent.trim()));
    const health = headers.indexOf('Health');
    if (health < 0) problems.push(`${width} px: no Health column (batch --check)`);
    const buttons = await page.$$eval('table.deals thead th', (ths) => ths.filter((th) => th.querySelector('button')).length);
    if (buttons !== headers.length) problems.push(`${width} px: ${headers.length - buttons} headers without a button`);

    // Keyboard: Tab to the Health header's button, Enter sorts ascending, Space descending.
    let reached = false;
    for (let i = 0; i < 60 && !reached; ++i) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.closest('th')?.textContent.trim() === 'Health');
    }
    if (!reached) problems.push(`${width} px: Tab never reaches the Health header`);
    const state = () =>
      page.evaluate((column) => {
        const table = document.querySelector('table.deals');
        const th = table.tHead.rows[0].cells[column];
        const keys = [...table.tBodies[0].rows].map((r) => r.cells[column].dataset.k).filter((k) => k !== undefined).map(Number);
        return { sort: th.getAttribute('aria-sort'), keys };
      }, health);
    const sorted = (keys, up) => keys.every((k, i) => i === 0 || (up ? keys[i - 1] <= k : keys[i - 1] >= k));
    if (reached) {
      await page.keyboard.press('Enter');
      let s = await state();
      if (s.sort !== 'ascending' || !sorted(s.keys, true)) problems.push(`${width} px: Enter on Health: aria-sort ${s.sort}, scores ${s.keys}`);
      await page.keyboard.press('Space');
      s = await state();
      if (s.sort !== 'descending' || !sorted(s.keys, false)) problems.push(`${width} px: Space on Health: aria-sort ${s.sort}, scores ${s.keys}`);
      if (s.keys.length < 2) problems.push(`${width} px: fewer than two health scores to sort`);
      const others = await page.$$eval('table.deals thead th[aria-sort]', (ths) => ths.length);
      if (others !== 1) problems.push(`${width} px: ${others} headers say aria-sort, not one`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
if (problems.length) {
  console.log(`FAIL ${file}`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exit(1);
}
console.log(`ok   ${file}: headers aligned with their cells and sorted from the keyboard at 1280 and 390 px`);
