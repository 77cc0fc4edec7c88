#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// An HTML fragment (closeplan render --fragment -f html) pasted into a host page
// whose CSS restyles body, table, th, td, h2, p and a aggressively, with element
// rules and with rules of higher specificity (classes, attributes, :nth-child,
// :is/:not), the fragment inside the host's <main class="content"><article class="content">,
// in headless Chromium:
//  - every checked element inside the fragment has the same computed style as
//    when the fragment stands alone on a blank page (the host CSS does not reach it);
//  - the host page's own elements have the same computed style with and without
//    the fragment (the fragment's CSS does not leak out);
//  - the fragment is one <div class="closeplan-plan">: no html/head/body, no script,
//    and the host page makes no request because of it;
//  - at 390 px wide, alone and in the host page: the same computed styles too, no
//    sideways scrolling and none of the fragment's text past the screen's edge;
//  - a right-to-left fragment (dir="rtl") is mirrored, at 1280 and at 390 px: its
//    headings and first cells start at the right, its table columns run from the right.
//
//   node tests/browser/check_fragment.mjs FRAGMENT.html...
// CHROMIUM   environment variable: the browser to launch (default /usr/bin/chromium)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check_fragment.mjs FRAGMENT.html...');
  process.exit(2);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('check_fragment: playwright-core is missing: run `npm ci` in tests/browser (scripts/install-deps.sh does)');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`check_fragment: no browser at ${executablePath}`);
  process.exit(2);
}

// The host: a proposal page whose element rules would wreck an unprotected table.
const hostileCss = `
body { font-family: "Comic Sans MS", cursive; color: #800000; background: #ffffe0; line-height: 3;
       text-align: center; letter-spacing: 2px; text-transform: uppercase; font-style: italic; word-spacing: 9px; }
html body table { border: 6px dashed magenta; width: 50%; background: yellow; font-size: 30px;
                  border-collapse: separate; border-spacing: 10px; margin: 40px auto; }
th, td { padding: 20px; border: 3px solid lime; background: pink; color: green; text-align: right; vertical-align: middle; }
h2 { color: red; font-size: 48px; text-decoration: underline; font-family: serif; margin: 60px;
     border: 4px solid red; background: black; text-transform: lowercase; }
h3 { color: purple; font-size: 40px; }
p { color: blue; font-size: 28px; margin: 50px; font-style: italic; background: orange; text-indent: 3em; }
a { color: lime; text-decoration: none; font-weight: 900; background: black; }
ul, li { list-style: square; margin: 30px; padding: 30px; color: olive; }
div { padding: 15px; border: 1px dotted gray; }
section { display: flex; }
/* Rules more specific than an element rule, as a site's theme writes them:
   they must not reach the plan either (docs/embedding.md). */
tr:nth-child(even) td { background: #eee; }
.content ul li { list-style: square; color: maroon; }
article table td { padding: 21px; }
.content table tr th, .content table tr td { border-top: 5px double teal; vertical-align: bottom; }
.content p:first-child { font-size: 33px; }
main.content article a[href] { color: orange; text-decoration: overline; }
main.content > article ul, .content ol { margin-left: 80px; padding-left: 3px; }
.content :is(h2, h3):not(.x):not(.y) { letter-spacing: 7px; font-weight: 100; }
article.content section div table tbody tr td:first-child { color: navy; }
`;
const hostBody = `<h2 id="host-h2">Our proposal</h2>
<p id="host-p">Why us, in one paragraph, with <a id="host-a" href="#pricing">a link</a>.</p>
<table id="host-table"><tr><th id="host-th">Item</th><td id="host-td">Price</td></tr></table>
<main class="content"><article class="content"><ul><li id="host-li">Scope</li></ul>
<table><tr><td>One</td></tr><tr><td id="host-even-td">Two</td></tr></table></article></main>`;
// The fragment goes where a proposal's content goes: inside the host's main and article.
const hosted = (fragment) => `${hostBody}\n<main class="content"><article class="content">\n${fragment}\n</article></main>`;

const page = (title, css, body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${css ? `<style>${css}</style>` : ''}</head>
<body>
${body}
</body></html>
`;

// Elements inside the fragment, and the properties that show whether a page restyled them.
const fragmentTargets = [
  '.closeplan-plan',
  '.closeplan-plan .section > [id$="-title"]',
  '.closeplan-plan .section h3',
  '.closeplan-plan p',
  '.closeplan-plan table',
  '.closeplan-plan thead th',
  '.closeplan-plan tbody th',
  '.closeplan-plan td',
  '.closeplan-plan tbody tr:nth-child(2) td',
  '.closeplan-plan tbody tr:nth-child(2) td:first-child',
  '.closeplan-plan a',
  '.closeplan-plan ul',
  '.closeplan-plan li',
  '.closeplan-plan .badge',
  '.closeplan-plan section',
];
const hostTargets = ['body', '#host-h2', '#host-p', '#host-a', '#host-table', '#host-th', '#host-td', '#host-li', '#host-even-td'];
const properties = [
  'color', 'background-color', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height',
  'text-align', 'text-transform', 'text-indent', 'letter-spacing', 'word-spacing', 'text-decoration-line',
  'vertical-align', 'display', 'list-style-type',
  'margin-top', 'margin-left', 'padding-top', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color', 'border-left-width', 'border-collapse', 'border-spacing',
];

async function styles(browserPage, selectors) {
  return browserPage.evaluate(([selectors, properties]) => {
    const out = {};
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (!element) continue;
      const computed = getComputedStyle(element);
      out[selector] = Object.fromEntries(properties.map((p) => [p, computed.getPropertyValue(p)]));
    }
    return out;
  }, [selectors, properties]);
}

const phoneWidth = 390;

// At a phone's width: how far the page scrolls sideways, and the fragment's text past the screen's edge.
async function phoneFacts(browserPage) {
  return browserPage.evaluate((width) => {
    const outside = [];
    const root = document.querySelector('.closeplan-plan');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || node.parentElement.closest('.vh')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some((r) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)))
        outside.push(node.textContent.trim().slice(0, 40));
    }
    return { scrollWidth: document.documentElement.scrollWidth, outside };
  }, phoneWidth);
}

// A right-to-left fragment (null when it is left to right): headings and each row's first
// cell whose text does not end at their box's right side, tables whose columns run from the left.
async function mirrorFacts(browserPage) {
  return browserPage.evaluate(() => {
    const root = document.querySelector('.closeplan-plan');
    if (root.dir !== 'rtl') return null;
    const wrong = [];
    let checked = 0;
    for (const el of root.querySelectorAll('.section > [id$="-title"], h3, td:first-child, tbody th:first-child')) {
      const style = getComputedStyle(el);
      if (el.closest('.vh') || !el.textContent.trim() || style.display === 'none' || ['center', 'end'].includes(style.textAlign)) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (!rects.length) continue;
      const box = el.getBoundingClientRect();
      const contentRight = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      ++checked;
      if (style.direction !== 'rtl' || Math.abs(contentRight - Math.max(...rects.map((r) => r.right))) > 2)
        wrong.push(`"${el.textContent.trim().slice(0, 30)}" (${el.tagName.toLowerCase()}) does not start at the right`);
    }
    for (const row of root.querySelectorAll('thead tr')) {
      const cells = [...row.children].filter((c) => c.getBoundingClientRect().width > 0);
      if (cells.length < 2 || getComputedStyle(row).display !== 'table-row') continue;
      if (!(cells[0].getBoundingClientRect().left > cells[cells.length - 1].getBoundingClientRect().left))
        wrong.push(`a table's columns run from the left (first header "${cells[0].textContent.trim()}")`);
    }
    return { checked, wrong };
  });
}

function differences(label, expected, actual) {
  const found = [];
  for (const [selector, props] of Object.entries(expected)) {
    if (!actual[selector]) {
      found.push(`${label}: ${selector} is missing`);
      continue;
    }
    for (const [prop, value] of Object.entries(props)) {
      if (actual[selector][prop] !== value)
        found.push(`${label}: ${selector} ${prop} is "${actual[selector][prop]}", expected "${value}"`);
    }
  }
  return found;
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const work = mkdtempSync(join(tmpdir(), 'closeplan-fragment-'));
let failed = 0;
try {
  for (const file of files) {
    const fragment = readFileSync(resolve(file), 'utf8');
    const problems = [];
    const trimmed = fragment.trimStart();
    if (!trimmed.startsWith('<div class="closeplan-plan')) problems.push('does not start with <div class="closeplan-plan');
    if (/<(html|head|body|script|link|meta|iframe|img)[\s>]/i.test(fragment))
      problems.push('holds an html, head, body, script, link, meta, iframe or img element');
    if (/url\(|@import|@font-face/i.test(fragment)) problems.push('its CSS can fetch something (url(), @import, @font-face)');

    const pages = {
      alone: page('Fragment alone', '', fragment),
      hosted: page('Host proposal', hostileCss, hosted(fragment)),
      host: page('Host proposal', hostileCss, hostBody),
    };
    const views = {};
    for (const [name, html] of Object.entries(pages)) {
      const path = join(work, `${name}.html`);
      writeFileSync(path, html);
      const url = pathToFileURL(path).href;
      const context = await browser.newContext();
      const requests = [];
      await context.route('**', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      const tab = await context.newPage();
      tab.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('data:')) requests.push(r.url()); });
      await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
      views[name] = {
        fragment: await styles(tab, fragmentTargets),
        host: await styles(tab, hostTargets),
      };
      if (name !== 'host') {
        const mirror = await mirrorFacts(tab);
        await tab.setViewportSize({ width: phoneWidth, height: 844 });
        views[name].phone = await styles(tab, fragmentTargets);
        const phone = await phoneFacts(tab);
        if (name === 'alone' && phone.scrollWidth > phoneWidth)
          problems.push(`alone at ${phoneWidth} px the page is ${phone.scrollWidth} px wide: it scrolls sideways`);
        for (const t of phone.outside.slice(0, 10)) problems.push(`${name} at ${phoneWidth} px, ${t} runs past the screen's edge`);
        const phoneMirror = await mirrorFacts(tab);
        for (const [view, facts] of [['1280 px', mirror], [`${phoneWidth} px`, phoneMirror]]) {
          if (!facts) continue;
          for (const w of facts.wrong.slice(0, 10)) problems.push(`${name}, right to left at ${view}: ${w}`);
          if (facts.checked === 0) problems.push(`${name}, right to left at ${view}: no heading or cell to check`);
        }
        if (mirror) views[name].mirrored = true;
      }
      if (requests.length) problems.push(`${name} page made requests: ${requests.join(', ')}`);
      await context.close();
    }
    const checked = Object.keys(views.alone.fragment).length;
    if (checked < 8) problems.push(`only ${checked} of the checked kinds of element are in the fragment`);
    problems.push(...differences('inside the fragment on the hostile page', views.alone.fragment, views.hosted.fragment));
    problems.push(...differences(`inside the fragment on the hostile page at ${phoneWidth} px`, views.alone.phone, views.hosted.phone));
    problems.push(...differences('host element beside the fragment', views.host.host, views.hosted.host));
    // The host CSS must really be hostile, or the test proves nothing.
    if (views.host.host['#host-h2']?.color !== 'rgb(255, 0, 0)') problems.push('the host CSS did not apply to the host page');
    if (views.host.host['#host-li']?.['list-style-type'] !== 'square') problems.push('.content ul li did not apply to the host page');
    if (views.host.host['#host-even-td']?.['background-color'] !== 'rgb(238, 238, 238)')
      problems.push('tr:nth-child(even) td did not apply to the host page');

    if (problems.length) {
      ++failed;
      console.log(`FAIL ${file}`);
      for (const p of problems.slice(0, 40)) console.log(`  ${p}`);
      if (problems.length > 40) console.log(`  ... ${problems.length - 40} more`);
    } else {
      console.log(`ok ${file}: ${checked} kinds of element styled as when alone (1280 and ${phoneWidth} px), ` +
                  `nothing past a phone's edge${views.alone.mirrored ? ', mirrored' : ''}, host page untouched, no request`);
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
