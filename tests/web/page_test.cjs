// The page behind the QR code in a real browser: Debian's chromium, headless,
// driven by puppeteer-core. One scenario per run (CTest registers each):
//   node page_test.cjs SCENARIO --kiosk BIN --db PACK.db --site DIR --node DIR --out DIR
// Every page load records each request the page makes; a request outside the
// site's folder fails the scenario, whatever else it checks.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

function options(argv) {
  const out = { scenario: argv[2] };
  for (let i = 3; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const key of ['kiosk', 'db', 'site', 'node', 'out']) {
    if (!out[key]) throw new Error(`missing --${key}`);
  }
  return out;
}

const opt = options(process.argv);
const puppeteer = require(require.resolve('puppeteer-core', { paths: [opt.node] }));
const siteDir = fs.realpathSync(opt.site);
const siteUrl = 'file://' + siteDir + '/index.html';
fs.mkdirSync(opt.out, { recursive: true });

// Answer sets a visitor might give, each ending in a different list.
const ANSWER_SETS = [
  'situation=looking,interest=care',
  'situation=newcomer,dutch=none,schedule=evening,cost=free',
  'situation=working,interest=ict',
  'situation=benefits,interest=technology,schedule=day',
];

// ---- the kiosk's side ----------------------------------------------------------

function kioskMatch(answers, language, qrPath) {
  const text = execFileSync(opt.kiosk, ['match', '--content', opt.db, '--answers', answers,
    '--lang', language, '--qr', qrPath], { encoding: 'utf8' });
  const titles = [];
  const ids = [];
  for (const line of text.split('\n')) {
    const m = /^\d+\. (.*)  \[([A-Z0-9-]+)\]$/.exec(line);
    if (m) { titles.push(m[1]); ids.push(m[2]); }
  }
  return { titles, ids, text };
}

function zbar(png) {
  // zbarimg complains on stderr when there is no D-Bus; the code is on stdout.
  return execFileSync('zbarimg', ['--raw', '-q', png],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

function fragmentOf(payload) {
  const at = payload.indexOf('#');
  assert.ok(at > 0, `no fragment in ${payload}`);
  return payload.slice(at);
}

// ---- the browser's side ----------------------------------------------------------

async function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // Chromium refuses to run as root inside its sandbox; the page is ours.
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions'],
  });
}

// A page that records every request and lets through only those inside the
// site's folder (and the blob: of a calendar file made on the phone).
async function openPage(browser, width, height, folder = siteDir) {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  const requests = [];
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    const inside = url.startsWith('file://' + folder + '/') || url.startsWith('blob:') ||
      url.startsWith('data:');
    if (inside) request.continue(); else request.abort('blockedbyclient');
  });
  page.checkPrivate = () => {
    const outside = requests.filter((u) => !(u.startsWith('file://' + folder + '/') ||
      u.startsWith('blob:') || u.startsWith('data:')));
    assert.deepEqual(outside, [], 'requests outside the site folder');
    assert.deepEqual(errors, [], 'errors on the page');
  };
  page.requests = requests;
  page.errors = errors;
  return page;
}

async function show(page, fragment, url = siteUrl) {
  // Only the fragment changing is no new document: wait for the new render.
  await page.evaluate(() => document.documentElement.removeAttribute('data-ready'));
  await page.goto(url + fragment, { waitUntil: 'load' });
  await page.waitForSelector('html[data-ready]');
  return page.evaluate(() => ({
    ready: document.documentElement.getAttribute('data-ready'),
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    h1: document.querySelector('h1') && document.querySelector('h1').textContent,
    articles: Array.from(document.querySelectorAll('article.course')).map((a) => ({
      id: a.getAttribute('data-id'),
      gone: a.hasAttribute('data-gone'),
      title: a.querySelector('.course-title').textContent,
      titleLang: a.querySelector('.course-title').getAttribute('lang'),
      dutch: a.querySelector('.dutch-title [lang=nl]') && a.querySelector('.dutch-title [lang=nl]').textContent,
      text: a.textContent,
      links: Array.from(a.querySelectorAll('a')).map((l) => l.getAttribute('href')),
    })),
    items: document.querySelectorAll('.catalogue details').length,
    cookie: document.cookie,
    storage: window.localStorage.length + window.sessionStorage.length,
  }));
}

// ---- the scenarios ---------------------------------------------------------------

const scenarios = {};

// For several answer sets, in Dutch and English: the code the kiosk prints,
// read back by zbar and opened against the site, shows kiosk match's list.
scenarios.chosen = async (browser) => {
  const page = await openPage(browser, 360, 800);
  let checked = 0;
  for (const answers of ANSWER_SETS) {
    for (const language of ['nl', 'en']) {
      const qr = path.join(opt.out, `qr-${language}.png`);
      const match = kioskMatch(answers, language, qr);
      assert.ok(match.titles.length >= 3, `kiosk match gave ${match.titles.length} for ${answers}`);
      const payload = zbar(qr);
      const fragment = fragmentOf(payload);
      assert.equal(fragment.startsWith('#en.'), language === 'en', fragment);
      const shown = await show(page, fragment);
      const context = `${answers} in ${language} (${fragment})`;
      assert.equal(shown.ready, 'chosen', context);
      assert.equal(shown.lang, language, context);
      assert.deepEqual(shown.articles.map((a) => a.title), match.titles, context);
      assert.deepEqual(shown.articles.map((a) => a.id), match.ids, context);
      for (const a of shown.articles) {
        assert.equal(a.gone, false, context);
        // A title not in Dutch has the Dutch title beside it.
        if (language === 'en' && a.dutch) assert.notEqual(a.dutch, a.title, context);
        if (language === 'nl') assert.equal(a.dutch, null, context);
        assert.ok(a.links.some((l) => l.startsWith('https://')), `no provider link: ${context}`);
      }
      checked += 1;
    }
  }
  page.checkPrivate();
  console.log(`${checked} codes opened, each list equal to kiosk match's`);
};

// Every field the visitor needs to act on a course is on the page.
scenarios.details = async (browser) => {
  const page = await openPage(browser, 360, 800);
  const site = readSite('en');
  const course = site.courses.find((c) => c.address && c.phone && c.email && c.enrol_url &&
    c.funding.length && c.bring && c.lat !== undefined && c.starts.some((d) => d >= today()));
  assert.ok(course, 'the sample pack has a course with every field');
  const shown = await show(page, `#en.${course.id}`);
  const a = shown.articles[0];
  for (const expected of [course.title, course.title_nl, course.provider, course.address,
    course.place, course.postcode, course.bring, course.description, course.phone, course.email]) {
    if (expected) assert.ok(a.text.includes(expected), `"${expected}" is not on the page`);
  }
  assert.ok(a.links.includes(course.enrol_url), 'no enrolment link');
  assert.ok(a.links.includes(course.url), 'no course page link');
  assert.ok(a.links.includes('mailto:' + course.email), 'no mailto: link');
  assert.ok(a.links.some((l) => l.startsWith('tel:')), 'no tel: link');
  assert.ok(a.links.includes(`geo:${course.lat},${course.lon}?z=17`), 'no geo: link');
  assert.ok(a.links.some((l) => l.startsWith('https://www.openstreetmap.org/?mlat=' + course.lat)),
    'no OpenStreetMap link');
  assert.ok(/weeks?, .* hours a week/.test(a.text), 'no weeks and hours a week');
  assert.ok(a.text.includes('Who can pay'), 'no funding');
  const anyTime = site.courses.find((c) => c.any_time && c.starts.length === 0);
  if (anyTime) {
    const open = await show(page, `#en.${anyTime.id}`);
    assert.ok(open.articles[0].text.includes(site.words['receipt.start_any_time']));
  }
  page.checkPrivate();
};

// An id that left the catalogue is said plainly; the others still show. A code
// printed before the language went in opens in Dutch; a language the site
// lacks falls back to Dutch.
scenarios.gone = async (browser) => {
  const page = await openPage(browser, 360, 800);
  const nl = readSite('nl');
  const [first, second] = nl.courses;
  let shown = await show(page, `#en.${first.id}.ZZ-ENDED-1.${second.id}`);
  assert.deepEqual(shown.articles.map((a) => [a.id, a.gone]),
    [[first.id, false], ['ZZ-ENDED-1', true], [second.id, false]]);
  assert.ok(shown.articles[1].text.includes('ZZ-ENDED-1'));
  assert.ok(shown.articles[1].text.includes('no longer'), shown.articles[1].text);

  shown = await show(page, `#${first.id}.${second.id}`);  // a code printed before
  assert.equal(shown.lang, 'nl');
  assert.deepEqual(shown.articles.map((a) => a.title), [first.title, second.title]);

  shown = await show(page, `#de.${first.id}`);  // not a language of this site
  assert.equal(shown.lang, 'nl');
  assert.equal(shown.articles[0].title, first.title);
  page.checkPrivate();
};

// No fragment, an empty one or a garbled one: the browsable catalogue, never
// an error; its filters by sector and place narrow the list.
scenarios.catalogue = async (browser) => {
  const page = await openPage(browser, 360, 800);
  const nl = readSite('nl');
  for (const fragment of ['', '#', '#%3Cscript%3E', '#en.foo bar', '#..', '#NL..X', '#%E2%9C%93',
    '#' + 'A'.repeat(40)]) {
    const shown = await show(page, fragment);
    assert.equal(shown.ready, 'catalogue', `fragment ${JSON.stringify(fragment)}`);
    assert.equal(shown.items, nl.courses.length, `fragment ${JSON.stringify(fragment)}`);
    assert.equal(shown.articles.length, 0);
  }
  await show(page, '#en');
  const en = readSite('en');
  const sector = en.sectors.find((s) => en.courses.some((c) => c.sectors.includes(s[0])))[0];
  await page.select('#filter-sector', sector);
  const bySector = en.courses.filter((c) => c.sectors.includes(sector));
  assert.equal(await page.$$eval('.catalogue details', (d) => d.length), bySector.length);
  const place = bySector.find((c) => c.place).place;
  await page.select('#filter-place', place);
  const both = bySector.filter((c) => c.place === place);
  const ids = await page.$$eval('.catalogue details', (d) => d.map((x) => x.getAttribute('data-id')));
  assert.deepEqual([...ids].sort(), both.map((c) => c.id).sort());
  const titles = await page.$$eval('.catalogue .course-title', (t) => t.map((x) => x.textContent));
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'en')), 'sorted by title');
  assert.ok(both.length > 0 && both.length < en.courses.length);
  // A course opens to its details.
  // The details are drawn on the 'toggle' event, which comes after the click
  // returns: on a busy machine, wait for it rather than look at once.
  await page.click('.catalogue details summary');
  await page.waitForFunction(() => {
    const d = document.querySelector('.catalogue details');
    return d.open && !!d.querySelector('.facts');
  }, { timeout: 10000 });
  page.checkPrivate();
};

// "Add to my calendar" saves an .ics file made on the phone that an
// iCalendar parser of its own (python3-icalendar) reads back.
scenarios.calendar = async (browser) => {
  const page = await openPage(browser, 360, 800);
  const downloads = path.join(opt.out, 'downloads');
  fs.rmSync(downloads, { recursive: true, force: true });
  fs.mkdirSync(downloads);
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  const en = readSite('en');
  const course = en.courses.find((c) => c.starts.some((d) => d >= today()) && c.address);
  await show(page, `#en.${course.id}`);
  const start = await page.$eval('button.calendar', (b) => b.getAttribute('data-start'));
  await page.click('button.calendar');
  const file = path.join(downloads, course.id + '.ics');
  for (let i = 0; i < 100 && !fs.existsSync(file); ++i) await new Promise((r) => setTimeout(r, 100));
  const ics = fs.readFileSync(file, 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'), 'lines end in CRLF');
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `long line: ${line}`);
  // Debian's python3, which has python3-icalendar, whatever python3 is first on PATH.
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [e for e in cal.walk('VEVENT')]
print(json.dumps([{'start': e.decoded('DTSTART').isoformat(), 'summary': str(e['SUMMARY']),
                   'location': str(e.get('LOCATION', '')), 'uid': str(e['UID'])} for e in events]))
`, file], { encoding: 'utf8' }));
  assert.equal(parsed.length, 1);
  assert.equal(parsed[0].start, start);
  assert.equal(parsed[0].summary, course.title);
  assert.ok(parsed[0].location.includes(course.address));
  page.checkPrivate();
  console.log(`calendar file for ${course.id} starting ${start} parses`);
};

// Usable on a 360 px phone, also with the text at 200 %; screenshots at
// 360x800 and 1280x800 kept in the build folder for people to look at.
scenarios.layout = async (browser) => {
  const match = kioskMatch(ANSWER_SETS[0], 'en', path.join(opt.out, 'qr-layout.png'));
  const fragment = '#en.' + match.ids.join('.');
  const nlFragment = '#' + match.ids.join('.');
  for (const [width, height] of [[360, 800], [1280, 800]]) {
    const page = await openPage(browser, width, height);
    for (const [name, f] of [['chosen-en', fragment], ['chosen-nl', nlFragment], ['catalogue', '']]) {
      await show(page, f);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(overflow <= width, `${name} is ${overflow} px wide at ${width}`);
      await page.screenshot({ path: path.join(opt.out, `${name}-${width}x${height}.png`) });
    }
    await show(page, fragment);
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `text at 200 % makes the page ${wide} px wide at ${width}`);
    await page.screenshot({ path: path.join(opt.out, `chosen-en-200pct-${width}x${height}.png`) });
    // Real headings: one h1, a h2 per course, no level skipped.
    const levels = await page.$$eval('h1, h2, h3, h4', (hs) => hs.map((h) => Number(h.tagName[1])));
    assert.equal(levels[0], 1);
    assert.equal(levels.filter((l) => l === 1).length, 1);
    levels.forEach((l, i) => { if (i) assert.ok(l <= levels[i - 1] + 1, `heading levels ${levels}`); });
    // WCAG 2.1 AA contrast for every piece of text on the page.
    const low = await page.evaluate(lowContrast);
    assert.deepEqual(low, [], 'text below WCAG AA contrast');
    // Every filter has its label.
    await show(page, '');
    assert.deepEqual(await page.evaluate(lowContrast), [], 'catalogue text below WCAG AA contrast');
    const unlabelled = await page.$$eval('select', (s) => s.filter((x) => !x.labels.length).length);
    assert.equal(unlabelled, 0);
    page.checkPrivate();
  }
  console.log(`screenshots in ${opt.out}`);
};

// A pack with a right-to-left language: the page turns to dir="rtl" for it,
// and still fits a 360 px phone. The small test pack with Arabic added.
scenarios.rtl = async (browser) => {
  const source = path.join(opt.source || path.join(__dirname, '..', '..'), 'tests', 'fixtures', 'pack_small');
  const pack = path.join(opt.out, 'rtl-pack');
  fs.rmSync(pack, { recursive: true, force: true });
  fs.mkdirSync(pack, { recursive: true });
  for (const f of fs.readdirSync(source)) fs.copyFileSync(path.join(source, f), path.join(pack, f));
  const edit = (file, from, to) => {
    const text = fs.readFileSync(path.join(pack, file), 'utf8');
    assert.ok(text.includes(from), `${file} has no ${from}`);
    fs.writeFileSync(path.join(pack, file), text.replace(from, to));
  };
  edit('pack.toml', 'languages = ["nl", "en"]', 'languages = ["nl", "en", "ar"]');
  edit('pack.toml', '[language.en]\nname = "English"', '[language.en]\nname = "English"\n[language.ar]\nname = "العربية"');
  edit('texts.toml', 'title.en = "Your courses"', 'title.en = "Your courses"\ntitle.ar = "دوراتك"');
  const csv = fs.readFileSync(path.join(pack, 'courses.csv'), 'utf8').trimEnd().split('\n');
  fs.writeFileSync(path.join(pack, 'courses.csv'), csv.map((line, i) => line +
    (i === 0 ? ',title_ar,description_ar' : line.startsWith('CARE-1,') ? ',مساعد رعاية,تتعلم المساعدة في الرعاية.' : ',,'))
    .join('\n') + '\n');
  const site = path.join(opt.out, 'rtl-site');
  execFileSync(opt.kiosk, ['content', 'publish', pack, '-o', site], { stdio: ['ignore', 'ignore', 'ignore'] });
  const folder = fs.realpathSync(site);
  const page = await openPage(browser, 360, 800, folder);
  const shown = await show(page, '#ar.CARE-1', 'file://' + folder + '/index.html');
  assert.equal(shown.dir, 'rtl');
  assert.equal(shown.lang, 'ar');
  assert.equal(shown.h1, 'دوراتك');
  assert.equal(shown.articles[0].title, 'مساعد رعاية');
  assert.equal(shown.articles[0].dutch, 'Helpende zorg');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `${wide} px wide`);
  await page.screenshot({ path: path.join(opt.out, 'rtl-ar-360x800.png') });
  // English stays left to right on the same site.
  assert.equal((await show(page, '#en.CARE-1', 'file://' + folder + '/index.html')).dir, 'ltr');
  page.checkPrivate();
};

// Every language of the bundled pack, with its published translations: the
// code kiosk match prints in that language opens its list in it, Arabic right
// to left with the layout mirrored, and each language is offered in its own script.
scenarios.languages = async (browser) => {
  const page = await openPage(browser, 1280, 800);
  const nl = readSite('nl');
  const names = nl.pack.languages.map((l) => l[1]);
  assert.deepEqual(nl.pack.languages.map((l) => l[0]), ['nl', 'en', 'pl', 'tr', 'uk', 'ar']);
  assert.deepEqual(names, ['Nederlands', 'English', 'Polski', 'Türkçe', 'Українська', 'العربية']);
  const scripts = { pl: /[ąćęłńóśźż]/i, tr: /[çğışöü]/i, uk: /[\u0400-\u04FF]/, ar: /[\u0600-\u06FF]/ };
  for (const language of ['pl', 'tr', 'uk', 'ar']) {
    const site = readSite(language);
    assert.equal(site.dir, language === 'ar' ? 'rtl' : 'ltr', language);
    assert.notEqual(site.words['page.title'], nl.words['page.title'], `${language}: page.title is Dutch`);
    const qr = path.join(opt.out, `qr-${language}.png`);
    const match = kioskMatch(ANSWER_SETS[0], language, qr);
    const fragment = fragmentOf(zbar(qr));
    assert.ok(fragment.startsWith(`#${language}.`), fragment);
    const shown = await show(page, fragment);
    assert.equal(shown.lang, language);
    assert.equal(shown.dir, language === 'ar' ? 'rtl' : 'ltr', language);
    assert.equal(shown.h1, site.words['page.title'], language);
    assert.deepEqual(shown.articles.map((a) => a.title), match.titles, language);
    const translated = shown.articles.filter((a) => a.titleLang === language);
    assert.ok(translated.length > 0, `${language}: no title in ${language}`);
    for (const a of translated) {
      assert.match(a.title + a.text, scripts[language], `${language}: "${a.title}"`);
      assert.ok(a.dutch && a.dutch !== a.title, `${language}: no Dutch title beside "${a.title}"`);
    }
    const nav = await page.evaluate(() => Array.from(document.querySelectorAll('#languages a'))
      .map((a) => a.textContent));
    assert.deepEqual(nav, names);
    if (language === 'ar') {
      // Mirrored: the pack's name sits in the right half, and the language
      // links (on its line or the next) end where it ends, at the right edge.
      const sides = await page.evaluate(() => {
        const box = (sel) => {
          const r = document.querySelector(sel).getBoundingClientRect();
          return { left: r.left, right: r.right };
        };
        return { name: box('#pack-name'), nav: box('#languages'), width: window.innerWidth };
      });
      assert.ok(sides.name.left > sides.width / 2 && Math.abs(sides.nav.right - sides.name.right) < 1,
        `not mirrored: ${JSON.stringify(sides)}`);
      await page.setViewport({ width: 360, height: 800, deviceScaleFactor: 1 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 360, `${wide} px wide`);
      await page.screenshot({ path: path.join(opt.out, 'chosen-ar-360x800.png') });
      await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
    }
  }
  // "#pl." without ids: the catalogue, in Polish.
  const pl = readSite('pl');
  const catalogue = await show(page, '#pl.');
  assert.equal(catalogue.ready, 'catalogue');
  assert.equal(catalogue.lang, 'pl');
  assert.equal(catalogue.h1, pl.words['page.catalogue_title']);
  assert.notEqual(catalogue.h1, nl.words['page.catalogue_title']);
  await page.screenshot({ path: path.join(opt.out, 'catalogue-pl-1280x800.png') });
  page.checkPrivate();
};

// The policy in the page forbids anything from elsewhere, and nothing is kept.
scenarios.private = async (browser) => {
  const page = await openPage(browser, 360, 800);
  const html = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  assert.ok(csp, 'no Content-Security-Policy');
  assert.match(csp[1], /default-src 'none'/);
  assert.match(csp[1], /script-src 'self'/);
  assert.doesNotMatch(csp[1], /https?:|\*|unsafe/);
  const en = readSite('en');
  const shown = await show(page, `#en.${en.courses[0].id}`);
  assert.equal(shown.cookie, '');
  assert.equal(shown.storage, 0);
  // A script from elsewhere, slipped into the page, is refused by the policy itself.
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = 'https://example.org/tracker.js';
    s.onerror = () => resolve(true);
    s.onload = () => resolve(false);
    document.head.appendChild(s);
  }));
  assert.equal(blocked, true);
  assert.ok(page.requests.every((u) => !u.startsWith('https://example.org')),
    'the policy should stop the request before it is made');
  const violation = page.errors.findIndex((e) => e.includes('violates the following Content Security Policy'));
  assert.ok(violation >= 0, 'Chromium reports the violation');
  page.errors.splice(violation, 1);
  page.checkPrivate();
};

// The page with one language's data, as a phone downloads it, compressed.
scenarios.size = async () => {
  const gz = (name) => zlib.gzipSync(fs.readFileSync(path.join(siteDir, name)), { level: 9 }).length;
  const page = ['index.html', 'site.css', 'site.js', 'calendar.js'].reduce((sum, f) => sum + gz(f), 0);
  for (const file of fs.readdirSync(siteDir).filter((f) => /^data-[a-z]{2}\.js$/.test(f))) {
    const total = page + gz(file);
    console.log(`index.html + site.css + site.js + calendar.js + ${file}: ${total} bytes gzipped`);
    assert.ok(total < 150 * 1024, `${total} bytes`);
  }
};

// ---- helpers ----------------------------------------------------------------------

// Runs in the page: every element with text of its own whose colour on its
// background is below WCAG 2.1 AA (4.5:1, or 3:1 for large text).
function lowContrast() {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    const a = luminance(rgb(style.color).slice(0, 3));
    const b = luminance(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) low.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return low;
}

function readSite(language) {
  const text = fs.readFileSync(path.join(siteDir, `data-${language}.js`), 'utf8');
  return JSON.parse(text.replace(/^window\.KIOSK_SITE = /, '').replace(/;\s*$/, ''));
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

(async () => {
  const run = scenarios[opt.scenario];
  if (!run) throw new Error(`unknown scenario ${opt.scenario}: ${Object.keys(scenarios).join(', ')}`);
  const browser = opt.scenario === 'size' ? null : await launch();
  try {
    await run(browser);
    console.log(`${opt.scenario}: passed`);
  } finally {
    if (browser) await browser.close();
  }
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
