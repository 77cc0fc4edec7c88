#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Opens closeplan HTML in headless Chromium and checks what a reader of the page meets:
//   pages     printed on Letter and A4: at most --max-pages pages (default 2), no text
//             under 8 pt (computed sizes under print media), no two words overlapping,
//             neither in the printed PDF (pdftotext -bbox, for words set in the Latin,
//             Greek and Cyrillic faces) nor in Chromium's print layout at the paper's
//             width (Range.getClientRects, every word in every script), and none outside
//             the page margins, no heading alone at the foot of a page, every link still
//             a link on paper (shown and underlined under print media);
//   phone     at 390 px wide: no sideways scrolling of the page, no text past the screen's
//             edge outside a box that scrolls on its own, a title at least half the width,
//             no heading broken inside a word that fits its line (Intl.Segmenter's words in
//             the page's language: "会計シ|ステム" in a Japanese title), and a card's row
//             number beside the whole of its title's cell (a wrapped title, its gate and
//             note line up after "#3" instead of going under it), and an e-mail or web
//             address wrapped only after "@ . / -" (the PDF's break points);
//   requests  no request leaves the page;
//   axe       no axe-core WCAG A/AA violation, on screen (desktop and 390 px) and in print;
//   mirror    a right-to-left page (dir="rtl": ar, he) is mirrored on screen, at 390 px and
//             in print: headings and text start at the right, table columns run from the right.
//
//   node tests/browser/check_html.mjs [--checks pages,phone,requests,axe,mirror] [--max-pages N] [--save DIR] FILE.html...
//
// --checks   which checks to run (default: all); hostile pages use "requests"
// --save DIR also writes <path-of-file>.letter.pdf, .a4.pdf and .png there, for a person to look at
// CHROMIUM   environment variable: the browser to launch (default /usr/bin/chromium)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

function usage(message) {
  if (message) console.error(`check_html: ${message}`);
  console.error('usage: node check_html.mjs [--checks pages,phone,requests,axe,mirror] [--max-pages N] [--save DIR] FILE.html...');
  process.exit(2);
}

const files = [];
const allChecks = ['pages', 'phone', 'requests', 'axe', 'mirror'];
let checks = new Set(allChecks);
let saveDir = null;
let maxPages = 2;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  if (argv[i] === '--checks' && i + 1 < argv.length) {
    checks = new Set(argv[++i].split(','));
    for (const c of checks) if (!allChecks.includes(c)) usage(`unknown check ${c}`);
  } else if (argv[i] === '--max-pages' && i + 1 < argv.length) {
    maxPages = Number(argv[++i]);
    if (!Number.isInteger(maxPages) || maxPages < 1) usage('--max-pages takes a whole number of pages');
  } else if (argv[i] === '--save' && i + 1 < argv.length) {
    saveDir = resolve(argv[++i]);
  } else if (argv[i].startsWith('--')) {
    usage(`unknown option ${argv[i]}`);
  } else {
    files.push(argv[i]);
  }
}
if (files.length === 0) usage('no file given');

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('check_html: playwright-core is missing: run `npm ci` in tests/browser (scripts/install-deps.sh does)');
  process.exit(2);
}
const axePath = require.resolve('axe-core/axe.min.js');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`check_html: no browser at ${executablePath}: install Debian's chromium (scripts/install-deps.sh does)`);
  process.exit(2);
}

// WCAG 2.0, 2.1 and 2.2, levels A and AA.
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const paperSizes = ['Letter', 'A4'];
const work = mkdtempSync(join(tmpdir(), 'closeplan-browser-'));

function countPages(pdf, name) {
  const path = join(work, name);
  writeFileSync(path, pdf);
  try {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const match = /^Pages:\s+(\d+)/m.exec(info);
    if (match) return Number(match[1]);
  } catch {
    // pdfinfo (poppler-utils) missing: fall back to counting page objects, which Chromium writes uncompressed.
  }
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

// The smallest type on paper: a PDF's own text is 8 pt or more (issue 12).
const minPrintPt = 8;
const phoneWidth = 390;
const mmToPt = 72 / 25.4;

// The page's @page margins (top right bottom left), in points, from its own CSS.
async function pageMargins(page) {
  return page.evaluate((mm) => {
    for (const sheet of document.styleSheets)
      for (const rule of sheet.cssRules)
        if (rule instanceof CSSPageRule) {
          const toPt = (v) => (v.endsWith('mm') ? parseFloat(v) * mm : v.endsWith('pt') ? parseFloat(v) : v.endsWith('in') ? parseFloat(v) * 72 : v.endsWith('cm') ? parseFloat(v) * mm * 10 : NaN);
          const st = rule.style;
          return [st.marginTop, st.marginRight, st.marginBottom, st.marginLeft].map(toPt);
        }
    return null;
  }, mmToPt);
}

// Each printed page's words and their boxes, as poppler reads them from the PDF.
function printedWords(pdfPath) {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/word>/g;
  for (let p; (p = pageRe.exec(xhtml)); ) {
    const words = [];
    for (let w; (w = wordRe.exec(p[3])); ) words.push({ x0: +w[1], y0: +w[2], x1: +w[3], y1: +w[4], text: w[5] });
    pages.push({ width: +p[1], height: +p[2], words });
  }
  return pages;
}

// Poppler's box for a word is its font's ascent and descent, which are the line's for
// Liberation Sans (the page's Latin, Greek and Cyrillic text), but not for the Noto
// faces Chromium falls back to: a Noto Sans Arabic word's box reaches 1.5 lines, and
// Noto CJK, which Chromium prints as Type 3 fonts, gets the whole font's bounding box
// (2.6 em): such words "overlap" the lines above and below on a clean page. So the
// printed PDF's boxes are compared only between words written in those three scripts
// (letters of Latin, Greek and Cyrillic, with ASCII and Latin-1 punctuation, digits and
// the general punctuation block); every word, in every script, is compared in
// Chromium's own print layout (layoutWords), where a word's box is its glyphs' line
// box whatever face they come from.
const latinSet = /^(?:[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}]|[\x21-\x7e\u00a0-\u00bf\u00d7\u00f7\u2010-\u205e\u20ac])+$/u;

// Words that overlap another word (more than rounding: half a point across and
// 40% of the shorter word's height, since a word's box is a little taller than its
// line); `label` says where the words come from.
function overlaps(words, describe) {
  const problems = [];
  const sorted = [...words].sort((a, b) => a.y0 - b.y0);
  for (let a = 0; a < sorted.length; ++a) {
    const wa = sorted[a];
    for (let b = a + 1; b < sorted.length && sorted[b].y0 < wa.y1; ++b) {
      const wb = sorted[b];
      const dx = Math.min(wa.x1, wb.x1) - Math.max(wa.x0, wb.x0);
      const dy = Math.min(wa.y1, wb.y1) - Math.max(wa.y0, wb.y0);
      if (dx > 0.5 && dy > 0.4 * Math.min(wa.y1 - wa.y0, wb.y1 - wb.y0))
        problems.push(`${describe(wa)} overlaps "${wb.text}"`);
    }
  }
  return problems;
}

// Printed words that overlap (Latin, Greek and Cyrillic ones: latinSet) or lie outside
// the margins: 1.5 pt across, as Chromium rounds the page box and margins to whole CSS
// pixels (right-aligned text ends 1.4 pt past the exact A4 margin), and 2 pt up and
// down, where a tall glyph box can pass its line. A word in another script must have
// its box's middle inside the top and bottom margins (its box is its face's, not its
// glyphs') and its sides inside the left and right ones as any word.
function wordProblems(pages, margins, format) {
  const problems = [];
  const where = (w, n) => `"${w.text}" on page ${n} of ${format} at ${w.x0.toFixed(1)},${w.y0.toFixed(1)}`;
  pages.forEach((pg, i) => {
    const n = i + 1;
    const words = pg.words.filter((w) => w.x1 - w.x0 > 0.01);
    if (margins) {
      const [top, right, bottom, left] = margins;
      for (const w of words) {
        const latin = latinSet.test(w.text);
        const middle = (w.y0 + w.y1) / 2;
        const above = latin ? w.y0 < top - 2 : middle < top;
        const below = latin ? w.y1 > pg.height - bottom + 2 : middle > pg.height - bottom;
        if (w.x0 < left - 1.5 || w.x1 > pg.width - right + 1.5 || above || below)
          problems.push(`${where(w, n)} is outside the page margins`);
      }
    }
    problems.push(...overlaps(words.filter((w) => latinSet.test(w.text)), (w) => where(w, n)));
  });
  return problems;
}

// Every word's boxes in Chromium's layout for print at `widthPx` (the paper's width
// less its margins, as page.pdf lays it out), in points, one box per line a word is
// on. Words are Intl.Segmenter's (CJK and Thai words by ICU's dictionary), spaces
// left out; text hidden or clipped for screen readers only is not on paper.
async function layoutWords(page, widthPx) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: widthPx, height: 1000 });
  const words = await page.evaluate(() => {
    const out = [];
    const lang = document.documentElement.lang || undefined;
    const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      if (!text.trim() || node.parentElement.closest('.vh')) continue;
      for (const { segment, index } of segmenter.segment(text)) {
        if (!segment.trim()) continue;
        range.setStart(node, index);
        range.setEnd(node, index + segment.length);
        for (const r of range.getClientRects())
          if (r.width > 0 && r.height > 0)
            out.push({ x0: r.left * 0.75, y0: r.top * 0.75, x1: r.right * 0.75, y1: r.bottom * 0.75, text: segment });
      }
    }
    return out;
  });
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1280, height: 720 });
  return words;
}

// Paper widths in points (page.pdf's Letter and A4).
const paperWidthPt = { Letter: 612, A4: 595.28 };

// Headings as printed (upper-cased where the CSS says so), without spaces.
async function printedHeadings(page) {
  await page.emulateMedia({ media: 'print' });
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4')].map((h) => {
      const text = h.textContent.replace(/\s+/g, '');
      return getComputedStyle(h).textTransform === 'uppercase' ? text.toUpperCase() : text;
    }),
  );
  await page.emulateMedia({ media: null });
  return new Set(headings.filter(Boolean));
}

// A page (not the last) whose last line is a heading: the heading was left alone at its foot.
function headingsAtFoot(pages, headings, format) {
  const problems = [];
  pages.slice(0, -1).forEach((pg, i) => {
    if (pg.words.length === 0) return;
    const bottom = Math.max(...pg.words.map((w) => w.y0));
    const line = pg.words.filter((w) => w.y0 > bottom - 2).sort((a, b) => a.x0 - b.x0).map((w) => w.text).join('');
    if (headings.has(line)) problems.push(`the heading "${line}" is alone at the foot of page ${i + 1} on ${format}`);
  });
  return problems;
}

// Under print media: the smallest computed font size of any text shown on paper
// (text clipped for screen readers only is not shown), and links that do not look like links.
async function printFacts(page) {
  await page.emulateMedia({ media: 'print' });
  const result = await page.evaluate(() => {
    let smallest = { px: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const el = node.parentElement;
      if (el.closest('.vh')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < smallest.px) smallest = { px, text: node.textContent.trim().slice(0, 40) };
    }
    const plainLinks = [];
    for (const a of document.querySelectorAll('a[href]')) {
      const shown = a.getClientRects().length > 0 && a.checkVisibility();
      const underlined = getComputedStyle(a).textDecorationLine.includes('underline');
      if (!shown || !underlined) plainLinks.push(`${a.textContent.trim().slice(0, 40)} (${shown ? 'not underlined' : 'not printed'})`);
    }
    return { smallestPt: (smallest.px * 72) / 96, smallestText: smallest.text, plainLinks };
  });
  await page.emulateMedia({ media: null });
  return result;
}

// At a phone's width: how far the page scrolls sideways, text past the screen's edge
// (except inside a box that scrolls on its own), and how wide the title is.
async function phoneFacts(page) {
  return page.evaluate((width) => {
    const scrollsItself = (el) => {
      for (let e = el; e && e !== document.body && e !== document.documentElement; e = e.parentElement)
        if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    const outside = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || node.parentElement.closest('.vh') || scrollsItself(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some((r) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)))
        outside.push(node.textContent.trim().slice(0, 40));
    }
    for (const img of document.images) {
      const r = img.getBoundingClientRect();
      if (r.right > width + 0.5 || r.left < -0.5) outside.push(`the image "${img.alt}"`);
    }
    // A heading's word on two lines although it fits one: broken inside, not between words.
    const brokenWords = [];
    const segmenter = new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: 'word' });
    const range = document.createRange();
    for (const heading of document.querySelectorAll('h1, h2, h3')) {
      if (heading.closest('.vh')) continue;
      const style = getComputedStyle(heading);
      const inner = heading.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const headingWalker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = headingWalker.nextNode(); node; node = headingWalker.nextNode()) {
        for (const { segment, index, isWordLike } of segmenter.segment(node.textContent)) {
          if (!isWordLike) continue;
          range.setStart(node, index);
          range.setEnd(node, index + segment.length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.top)));
          const width = rects.reduce((sum, r) => sum + r.width, 0);
          if (lines.size > 1 && width <= inner) brokenWords.push(`"${segment}" in the heading "${heading.textContent.trim().slice(0, 40)}"`);
        }
      }
    }
    // A card's "#3" and the cell after it: the cell starts past the number, on every line.
    const underNumber = [];
    for (const number of document.querySelectorAll('td.c-number')) {
      const title = number.nextElementSibling;
      if (!title || getComputedStyle(number).float === 'none') continue;
      const n = number.getBoundingClientRect();
      const t = title.getBoundingClientRect();
      const rtl = getComputedStyle(title).direction === 'rtl';
      if (rtl ? t.right > n.left + 0.5 : t.left < n.right - 0.5) underNumber.push(title.textContent.replace(/\s+/g, ' ').trim().slice(0, 40));
    }
    // An e-mail address or web address that wraps: only after "@ . / -", the PDF's break
    // points (layout/address_breaks.hpp), never between two letters of a word.
    const addressCuts = [];
    for (const link of document.querySelectorAll('a')) {
      const text = link.textContent;
      if (!/@|:\/\/|^www\./.test(text)) continue;
      const linkRange = document.createRange();
      let previousTop = null;
      let offset = 0;
      const linkWalker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      for (let node = linkWalker.nextNode(); node; node = linkWalker.nextNode()) {
        for (let i = 0; i < node.textContent.length; ++i, ++offset) {
          linkRange.setStart(node, i);
          linkRange.setEnd(node, i + 1);
          const box = [...linkRange.getClientRects()].find((r) => r.width > 0);
          if (!box) continue;
          const top = Math.round(box.top);
          if (previousTop !== null && top > previousTop + 1 && !/[@./\-\s]/.test(text[offset - 1]))
            addressCuts.push(`"${text.slice(0, offset)}|${text.slice(offset)}"`);
          previousTop = top;
        }
      }
    }
    const h1 = document.querySelector('h1');
    const main = document.querySelector('main') || document.body;
    const mainStyle = getComputedStyle(main);
    const inner = main.clientWidth - parseFloat(mainStyle.paddingLeft) - parseFloat(mainStyle.paddingRight);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      outside,
      brokenWords,
      underNumber,
      addressCuts,
      titleShare: h1 ? h1.getBoundingClientRect().width / inner : 1,
    };
  }, phoneWidth);
}

// On a right-to-left page: which headings and paragraphs do not end at their box's right
// side (text-align: start), and which table header rows do not run from the right.
async function mirrorFacts(page) {
  return page.evaluate(() => {
    const wrong = [];
    const textRight = (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      return rects.length ? Math.max(...rects.map((r) => r.right)) : null;
    };
    const blocks = [...document.querySelectorAll('h1, h2, h3, .section > p, td:first-child, th:first-child')];
    let checked = 0;
    for (const el of blocks) {
      if (el.closest('.vh') || !el.textContent.trim()) continue;
      const style = getComputedStyle(el);
      // A number column is aligned to the end (text-align: end), mirrored too: the left side.
      if (style.display === 'none' || ['center', 'end'].includes(style.textAlign)) continue;
      // A figure set at the end of its heading's line (justify-content: flex-end) likewise.
      if (style.display === 'flex' && ['flex-end', 'end'].includes(style.justifyContent)) continue;
      const right = textRight(el);
      if (right === null) continue;
      const box = el.getBoundingClientRect();
      const contentRight = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      ++checked;
      if (style.direction !== 'rtl' || Math.abs(contentRight - right) > 2)
        wrong.push(`"${el.textContent.trim().slice(0, 30)}" (${el.tagName.toLowerCase()}) does not start at the right`);
    }
    let tables = 0;
    for (const row of document.querySelectorAll('thead tr')) {
      const cells = [...row.children].filter((c) => c.getBoundingClientRect().width > 0);
      if (cells.length < 2 || getComputedStyle(row).display !== 'table-row') continue;
      ++tables;
      const first = cells[0].getBoundingClientRect();
      const last = cells[cells.length - 1].getBoundingClientRect();
      if (!(first.left > last.left)) wrong.push(`a table's columns run from the left (first header "${cells[0].textContent.trim()}")`);
    }
    return { rtl: document.documentElement.dir === 'rtl', checked, tables, wrong };
  });
}

function describeViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`    ${v.id} (${v.impact}): ${v.help}`);
    lines.push(`      ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`      at ${node.target.join(' ')}`);
      lines.push(`         ${node.html.slice(0, 160).replace(/\s+/g, ' ')}`);
      const summary = (node.failureSummary || '').split('\n').map((l) => l.trim()).filter(Boolean);
      for (const s of summary.slice(0, 4)) lines.push(`         ${s}`);
    }
    if (v.nodes.length > 10) lines.push(`      ... and ${v.nodes.length - 10} more`);
  }
  return lines.join('\n');
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // Playwright itself starts the browser with a fresh, empty user data dir.
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let passed = 0;
let failed = 0;
try {
  for (const file of files) {
    const path = resolve(file);
    const url = pathToFileURL(path).href;
    const problems = [];
    const facts = [];
    // Examples are all called plan.html: name saved files after their whole path.
    const shown = relative(process.cwd(), path);
    const saveName = (shown.startsWith('..') ? path.slice(1) : shown).replace(/\.html$/, '').replace(/[\/\\]/g, '-');
    if (!existsSync(path)) {
      console.log(`FAIL ${file}: no such file`);
      ++failed;
      continue;
    }

    // bypassCSP: the page may forbid scripts (it has none), but axe must run.
    const context = await browser.newContext({ bypassCSP: true });
    const requests = [];
    await context.route('**', (route) => {
      const requested = route.request().url();
      return requested === url ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (request.url() !== url && !request.url().startsWith('data:')) requests.push(request.url());
    });
    page.on('dialog', async (dialog) => {
      problems.push(`the page opened a dialog (${dialog.type()}: ${dialog.message()}): a script ran`);
      await dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`a script error happened on the page: ${error.message}`));

    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });

    const margins = await pageMargins(page);
    if (checks.has('pages')) {
      const headings = await printedHeadings(page);
      for (const format of paperSizes) {
        const pdf = await page.pdf({ format, printBackground: true });
        const pdfName = `${basename(path)}.${format}.pdf`;
        const pages = countPages(pdf, pdfName);
        facts.push(`${format} ${pages} page${pages === 1 ? '' : 's'}`);
        if (pages > maxPages) problems.push(`prints to ${pages} pages on ${format}, more than ${maxPages}`);
        const printed = printedWords(join(work, pdfName));
        problems.push(...headingsAtFoot(printed, headings, format));
        const words = wordProblems(printed, margins, format);
        // The same page laid out in Chromium: every script's words with their glyphs' boxes.
        const [, right, , left] = margins || [0, 0, 0, 0];
        const widthPx = Math.round(((paperWidthPt[format] - left - right) * 96) / 72);
        const laidOut = await layoutWords(page, widthPx);
        words.push(...overlaps(laidOut, (w) => `"${w.text}" in the ${format} print layout at ${w.x0.toFixed(1)},${w.y0.toFixed(1)}`));
        for (const w of words.slice(0, 10)) problems.push(w);
        if (words.length > 10) problems.push(`... and ${words.length - 10} more words overlapping or outside the margins`);
        if (saveDir) {
          mkdirSync(saveDir, { recursive: true });
          writeFileSync(join(saveDir, `${saveName}.${format.toLowerCase()}.pdf`), pdf);
        }
      }
      const print = await printFacts(page);
      facts.push(`print text ${print.smallestPt.toFixed(2)} pt and up`);
      if (print.smallestPt < minPrintPt - 0.001)
        problems.push(`prints "${print.smallestText}" at ${print.smallestPt.toFixed(2)} pt, under ${minPrintPt} pt`);
      for (const l of print.plainLinks) problems.push(`the link ${l} on paper`);
      if (saveDir) await page.screenshot({ path: join(saveDir, `${saveName}.png`), fullPage: true });
    }

    if (checks.has('phone')) {
      await page.setViewportSize({ width: phoneWidth, height: 844 });
      const phone = await phoneFacts(page);
      facts.push(`${phoneWidth} px wide scrolls ${phone.scrollWidth - phoneWidth} px sideways`);
      if (phone.scrollWidth > phoneWidth)
        problems.push(`at ${phoneWidth} px the page is ${phone.scrollWidth} px wide: it scrolls sideways`);
      for (const t of phone.outside.slice(0, 10)) problems.push(`at ${phoneWidth} px, ${t} runs past the screen's edge`);
      for (const w of phone.brokenWords.slice(0, 10)) problems.push(`at ${phoneWidth} px the word ${w} breaks across two lines`);
      for (const a of phone.addressCuts.slice(0, 10))
        problems.push(`at ${phoneWidth} px the address ${a} wraps between two letters, not after "@ . / -"`);
      for (const t of phone.underNumber.slice(0, 10))
        problems.push(`at ${phoneWidth} px the card "${t}" runs under its row number: its lines do not line up`);
      if (phone.titleShare < 0.5)
        problems.push(`at ${phoneWidth} px the title takes ${Math.round(phone.titleShare * 100)}% of the width: squeezed to a few words a line`);
      if (saveDir) await page.screenshot({ path: join(saveDir, `${saveName}.${phoneWidth}.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 720 });
    }

    if (checks.has('mirror') && (await page.evaluate(() => document.documentElement.dir)) === 'rtl') {
      // Print at A4's width in CSS pixels (210 mm at 96 px an inch).
      const views = [['screen', 1280], ['screen', phoneWidth], ['print', 794]];
      for (const [media, width] of views) {
        await page.emulateMedia({ media });
        await page.setViewportSize({ width, height: 844 });
        const mirror = await mirrorFacts(page);
        facts.push(`right to left (${media}, ${width} px): ${mirror.checked} blocks and ${mirror.tables} tables checked`);
        for (const w of mirror.wrong.slice(0, 10)) problems.push(`right to left (${media}, ${width} px): ${w}`);
        if (mirror.checked === 0) problems.push(`right to left (${media}, ${width} px): no heading or cell to check`);
      }
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 720 });
    }

    if (checks.has('axe')) {
      await page.addScriptTag({ path: axePath });
      const views = [['screen', null], ['print', null], ['screen', phoneWidth]];
      for (const [media, width] of views) {
        await page.emulateMedia({ media });
        if (width) await page.setViewportSize({ width, height: 844 });
        // Target size (WCAG 2.5.8) is about pointers: paper has none, and links print as
        // links (underlined, clickable in the PDF) rather than as text to pass it.
        const rules = media === 'print' ? { 'target-size': { enabled: false } } : {};
        const result = await page.evaluate(
          ([tags, rules]) =>
            window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] }),
          [axeTags, rules],
        );
        const view = width ? `${media} ${width} px` : media;
        facts.push(`axe ${view} ${result.violations.length} violation${result.violations.length === 1 ? '' : 's'}`);
        if (result.violations.length > 0)
          problems.push(`axe-core found ${result.violations.length} WCAG A/AA violation(s) (${view}):\n${describeViolations(result.violations)}`);
        if (width) await page.setViewportSize({ width: 1280, height: 720 });
      }
      await page.emulateMedia({ media: null });
    }

    if (checks.has('requests')) {
      facts.push(`${requests.length} request${requests.length === 1 ? '' : 's'}`);
      for (const r of [...new Set(requests)]) problems.push(`the page requested ${r} (it must be self-contained)`);
    }
    await context.close();

    if (problems.length === 0) {
      console.log(`ok   ${file}: ${facts.join(', ')}`);
      ++passed;
    } else {
      console.log(`FAIL ${file}: ${facts.join(', ')}`);
      for (const p of problems) console.log(`  - ${p}`);
      ++failed;
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
