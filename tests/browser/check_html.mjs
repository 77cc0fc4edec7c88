#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Opens closeplan HTML in headless Chromium: prints to one page on Letter and A4, makes no request, has no axe violation.
//
//   node tests/browser/check_html.mjs [--checks pages,requests,axe] [--save DIR] FILE.html...
//
// --checks   which checks to run (default: all three); hostile pages use "requests"
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
  console.error('usage: node check_html.mjs [--checks pages,requests,axe] [--save DIR] FILE.html...');
  process.exit(2);
}

const files = [];
let checks = new Set(['pages', 'requests', 'axe']);
let saveDir = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  if (argv[i] === '--checks' && i + 1 < argv.length) {
    checks = new Set(argv[++i].split(','));
    for (const c of checks) if (!['pages', 'requests', 'axe'].includes(c)) usage(`unknown check ${c}`);
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

    if (checks.has('pages')) {
      for (const format of paperSizes) {
        const pdf = await page.pdf({ format, printBackground: true });
        const pages = countPages(pdf, `${basename(path)}.${format}.pdf`);
        facts.push(`${format} ${pages} page${pages === 1 ? '' : 's'}`);
        if (pages !== 1) problems.push(`prints to ${pages} pages on ${format}, not 1`);
        if (saveDir) {
          mkdirSync(saveDir, { recursive: true });
          writeFileSync(join(saveDir, `${saveName}.${format.toLowerCase()}.pdf`), pdf);
        }
      }
      if (saveDir) await page.screenshot({ path: join(saveDir, `${saveName}.png`), fullPage: true });
    }

    if (checks.has('axe')) {
      await page.addScriptTag({ path: axePath });
      for (const media of ['screen', 'print']) {
        await page.emulateMedia({ media });
        const result = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          axeTags,
        );
        facts.push(`axe ${media} ${result.violations.length} violation${result.violations.length === 1 ? '' : 's'}`);
        if (result.violations.length > 0)
          problems.push(`axe-core found ${result.violations.length} WCAG A/AA violation(s) (${media} media):\n${describeViolations(result.violations)}`);
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
