// `npm run test:browser`: opens the HTML report of a run that holds every verdict in the system's
// Chromium (driven by playwright-core) and checks what a person looks at: each verdict's own colour,
// the reasons on the lines, the sequence chart with its evidence frame marked and the frame JSON on a
// click, the readiness table, the filters, the pictures. Takes docs/report.png for the README.
// Exit 0 when every check passes, 1 when one fails, 2 when no Chromium was found (skipped).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { VERDICTS } from '../../harness/report/verdict.js';
import { buildEveryVerdictReport } from './every-verdict-report.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The README's picture by default; the mocha wrapper (npm test) writes it elsewhere so a test run leaves the tree clean.
const SCREENSHOT = process.env.BROWSER_TEST_SCREENSHOT || fileURLToPath(new URL('../../docs/report.png', import.meta.url));

if (!existsSync(CHROMIUM)) {
  console.error(`test:browser SKIPPED: no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`);
  process.exit(2);
}

type Check = { name: string; run: (page: Page) => Promise<void> };
const checks: Check[] = [];
const check = (name: string, run: Check['run']): void => { checks.push({ name, run }); };
function assert(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

const visibleCases = (page: Page): Promise<string[]> =>
  page.$$eval('details.case', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id.replace(/^case-/, '')));

let evidenceSeqs: number[] = [];

check('each verdict has its own look: a distinct colour on its case line, the same in summary, readiness and group header', async (page) => {
  const colours = new Map<string, string>();
  for (const v of VERDICTS) {
    const badge = page.locator(`details.case[data-verdict="${v}"] > summary .badge.verdict`).first();
    assert(await badge.count(), `no case line with verdict ${v}`);
    const colour = await badge.evaluate((e) => getComputedStyle(e).color);
    const edge = await page.locator(`details.case[data-verdict="${v}"]`).first().evaluate((e) => getComputedStyle(e).borderLeftColor);
    assert(edge === colour, `${v}: case edge ${edge} is not the badge colour ${colour}`);
    colours.set(v, colour);
    for (const where of ['#summary', '#certification-readiness', 'section.group .group-head']) {
      const chip = page.locator(`${where} .chip[data-verdict="${v}"]`).first();
      if (!(await chip.count())) continue; // readiness and group headers show only verdicts that occur there
      const c = await chip.evaluate((e) => getComputedStyle(e).color);
      assert(c === colour, `${v} in ${where} is ${c}, on the case line ${colour}`);
    }
  }
  assert(new Set(colours.values()).size === VERDICTS.length, `colours not distinct: ${JSON.stringify(Object.fromEntries(colours))}`);
});

check('NOT_APPLICABLE and INCONCLUSIVE say why on the line; NON_STRICT says what --strict and the OCTT would do', async (page) => {
  const line = (v: string) => page.locator(`details.case[data-verdict="${v}"] > summary`).first().innerText();
  assert((await line('NOT_APPLICABLE')).includes('fixedCable'), `N/A line: ${await line('NOT_APPLICABLE')}`);
  assert((await line('INCONCLUSIVE')).includes('cannot connect'), `INCONCLUSIVE line: ${await line('INCONCLUSIVE')}`);
  const ns = await line('NON_STRICT');
  assert(ns.includes('passes, fails with --strict') && ns.includes('OCTT would fail this'), `NON_STRICT line: ${ns}`);
  assert((await line('EXPECTED_FAIL')).includes('known issue'), `EXPECTED_FAIL line: ${await line('EXPECTED_FAIL')}`);
});

check('a failing case shows its finding without a click: requirement, expected, actual, no horizontal scroll', async (page) => {
  const finding = page.locator('#case-TC_001_CS li.finding').first();
  assert(await finding.isVisible(), 'the finding of TC_001_CS is not visible');
  const text = await finding.innerText();
  for (const part of ['MUST', 'OCTT fails this', 'step 3', 'expected', 'actual', 'timing.notBefore']) assert(text.includes(part), `finding lacks "${part}": ${text}`);
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
  assert(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const clipped = await page.$$eval('dl.ea dd, .req', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
  assert(clipped === 0, `${clipped} finding texts overflow their box`);
});

check('the sequence chart marks the frames the finding cites, and only those', async (page) => {
  const chart = page.locator('#case-TC_001_CS svg.seq');
  assert(await chart.isVisible(), 'no visible sequence chart in TC_001_CS');
  assert((await chart.locator('g.msg').count()) > 5, 'the chart has almost no arrows');
  const marked = await chart.locator('g.msg.evidence').evaluateAll((els) => els.map((e) => Number((e as SVGElement).dataset.seq)));
  assert(JSON.stringify(marked.sort((a, b) => a - b)) === JSON.stringify(evidenceSeqs), `marked ${marked}, evidence ${evidenceSeqs}`);
  const stroke = await chart.locator('g.msg.evidence .evidence-box').first().evaluate((e) => getComputedStyle(e).stroke);
  assert(stroke === 'rgb(198, 40, 40)', `evidence outline is ${stroke}, not red`);
  const labels = await chart.locator('text.label').allTextContents();
  assert(labels.some((l) => l.startsWith('→ result of BootNotification #')), 'no CALLRESULT paired to its BootNotification');
});

check('clicking an arrow shows that frame as pretty JSON', async (page) => {
  const panel = page.locator('#case-TC_001_CS .frame-panel');
  assert(await panel.isHidden(), 'the frame panel is open before any click');
  const arrow = page.locator(`#case-TC_001_CS g.msg[data-seq="${evidenceSeqs.at(-1)}"]`);
  await arrow.click();
  assert(await panel.isVisible(), 'no frame panel after the click');
  const text = await panel.locator('pre.frame-json').innerText();
  const parsed = JSON.parse(text) as unknown[];
  assert(Array.isArray(parsed) && parsed[2] === 'BootNotification', `panel shows ${text.slice(0, 80)}`);
  assert(text.split('\n').length > 4, 'the JSON is not pretty-printed');
  assert((await arrow.getAttribute('class'))!.includes('selected'), 'the clicked arrow is not highlighted');
});

check('the readiness table says yes only where nothing stops it', async (page) => {
  const rows = await page.$$eval('#certification-readiness tbody tr', (trs) => trs.map((tr) => ({
    key: `${tr.getAttribute('data-profile')}/${tr.getAttribute('data-side')}`,
    word: (tr.querySelector('td.ready') as HTMLElement).innerText.trim(),
    colour: getComputedStyle(tr.querySelector('td.ready')!).color,
    ids: (tr.querySelector('td.ids') as HTMLElement).innerText,
  })));
  const by = Object.fromEntries(rows.map((r) => [r.key, r]));
  assert(by['Core/ChargePoint']?.word === 'no' && by['Core/ChargePoint'].ids.includes('TC_001_CS') && by['Core/ChargePoint'].ids.includes('TC_002_CS (OCTT would fail this)'), `Core/ChargePoint: ${JSON.stringify(by['Core/ChargePoint'])}`);
  // Only an INCONCLUSIVE there: nothing failed, but the profile was not judged completely.
  assert(by['Core/Csms']?.word.startsWith('incomplete') && by['Core/Csms'].ids.includes('TC_001_CSMS'), `Core/Csms: ${JSON.stringify(by['Core/Csms'])}`);
  assert(by['SmartCharging/ChargePoint']?.word === 'yes', `SmartCharging/ChargePoint: ${JSON.stringify(by['SmartCharging/ChargePoint'])}`);
  assert(by['Core/Csms']!.colour !== by['SmartCharging/ChargePoint']!.colour, 'yes and incomplete look the same');
  assert(by['Core/Csms']!.colour !== by['Core/ChargePoint']!.colour, 'no and incomplete look the same');
});

check('pictures: the composite schedule and the meter-value intervals are drawn', async (page) => {
  for (const [id, kind] of [['TC_066_CS', 'composite'], ['TC_070_CS', 'interval']] as const) {
    await page.locator(`#case-${id}`).evaluate((d) => { (d as HTMLDetailsElement).open = true; });
    const canvas = page.locator(`#case-${id} figure.picture[data-kind="${kind}"] canvas`).first();
    await canvas.waitFor({ state: 'visible', timeout: 5000 });
    const box = await canvas.boundingBox();
    assert(box && box.width > 300 && box.height > 100, `${id}: ${kind} picture is ${JSON.stringify(box)}`);
  }
});

check('filters: by verdict, by side, and search by ID', async (page) => {
  const all = await visibleCases(page);
  assert(all.length === 17, `visible before filtering: ${all}`);
  await page.locator('#summary .chip[data-verdict="FAIL"]').click();
  const fails = await visibleCases(page);
  assert(JSON.stringify(fails.sort()) === JSON.stringify(['TC_001_CS', 'TC_070_CS']), `FAIL filter shows ${fails}`);
  await page.click('#filter-reset');
  await page.selectOption('#filters select[name=side]', 'Csms');
  assert(JSON.stringify(await visibleCases(page)) === JSON.stringify(['TC_001_CSMS']), `side filter shows ${await visibleCases(page)}`);
  await page.click('#filter-reset');
  await page.fill('#filters input[name=search]', 'tc_066');
  assert(JSON.stringify(await visibleCases(page)) === JSON.stringify(['TC_066_CS']), `search shows ${await visibleCases(page)}`);
  await page.click('#filter-reset');
  assert((await visibleCases(page)).length === 17, "reset does not show every case again");
});

async function main(): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'ocpp-harness-browser-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  let failed = 0;
  try {
    console.log('building a report with every verdict from real runs …');
    const dir = await buildEveryVerdictReport(work);
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as { cases: { id: string; findings: { evidence: number[] }[] }[] };
    evidenceSeqs = [...new Set(results.cases.find((c) => c.id === 'TC_001_CS')!.findings.flatMap((f) => f.evidence))].sort((a, b) => a - b);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    console.log(`report: ${join(dir, 'index.html')}`);
    await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: 0, width: 1280, height: 1900 }, fullPage: true });
    for (const c of checks) {
      try {
        await c.run(page);
        console.log(`  ok      ${c.name}`);
      } catch (err) {
        failed++;
        console.log(`  FAILED  ${c.name}\n          ${(err as Error).message}`);
      }
    }
    if (pageErrors.length) {
      failed++;
      console.log(`  FAILED  the page ran without script errors\n          ${pageErrors.join('\n          ')}`);
    }
    console.log(`screenshot: ${SCREENSHOT}`);
    console.log(`\n${checks.length + 1 - failed} passed, ${failed} failed`);
  } finally {
    await browser.close();
    if (!process.env.BROWSER_TEST_KEEP) await rm(work, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (err: Error) => {
  console.error(`test:browser could not run: ${err.stack ?? err.message}\n\n0 passed, 1 failed`);
  process.exitCode = 1;
});
