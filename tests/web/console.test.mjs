// The web console in a real browser (Debian's chromium, headless, 1366×768) against a real
// `kitap serve` on a demo school: logging in and the lockout, the desk fed like a keyboard
// scanner, a roster with bad lines, a class set issued, an XLSX downloaded and opened, a class
// teacher's page and their 403, and every page in Kazakh, Russian and English without an error
// (KITAP_WEB_SCREENSHOTS=DIR keeps a screenshot of each as web-<page>-<lang>.png).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kitap, logIn, openPage, passwords, startBrowser, startSchool, textOf } from './support.mjs';

const words = Object.fromEntries(['kk', 'ru', 'en'].map((lang) =>
    [lang, JSON.parse(readFileSync(new URL(`../../assets/i18n/web/${lang}.json`, import.meta.url), 'utf8'))]));
let school;
let browser;
const problems = [];

before(async () => {
    school = await startSchool();
    browser = await startBrowser();
});

after(async () => {
    await browser?.close();
    await school?.stop();
});

// Every test's page must have run without a script error or a refused resource (CSP).
function noProblems() {
    assert.deepEqual(problems.splice(0), []);
}

async function librarianPage() {
    const page = await openPage(browser, school.url, problems);
    await logIn(page, 'librarian', passwords.librarian);
    await page.waitForSelector('header nav a[aria-current="page"]');
    return page;
}

async function show(page, route) {
    await page.evaluate((hash) => { location.hash = hash; }, `#/${route}`);
    await page.waitForNetworkIdle({ idleTime: 300 });
}

test('the librarian logs in and lands on the desk, with the whole menu', async () => {
    const page = await librarianPage();
    assert.equal(await page.evaluate(() => location.hash), '#/desk');
    const menu = await page.$$eval('header nav a', (links) => links.map((link) => link.getAttribute('href')));
    assert.deepEqual(menu, ['#/desk', '#/classes', '#/readers', '#/catalogue', '#/imports', '#/reports', '#/year', '#/audit', '#/settings', '#/accounts']);
    await page.browserContext().close();
    noProblems();
});

test('five wrong passwords, then even the right one is refused for a while', async () => {
    const page = await openPage(browser, school.url, problems);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
        const answer = page.waitForResponse((response) => response.url().endsWith('/api/login'));
        await page.$eval('input[name="user"]', (input) => { input.value = ''; });
        await logIn(page, 'guarded', `wrong-password-${attempt}`);
        assert.equal((await answer).status(), 401, `attempt ${attempt}`);
        await page.waitForSelector('.message .notice.error');
        assert.equal(await textOf(page, '.message .notice.error'), words.kk['web.login.wrong']);
    }
    await page.$eval('input[name="user"]', (input) => { input.value = ''; });
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/login'));
    await logIn(page, 'guarded', passwords.guarded);
    assert.equal((await answer).status(), 429);
    await page.waitForSelector('.message .notice.error');
    assert.equal(await textOf(page, '.message .notice.error'), words.kk['web.error.locked']);
    assert.equal(await page.$('header nav'), null, 'not logged in');
    await page.browserContext().close();
    noProblems();
});

test('a card and two books typed into the desk field as a keyboard scanner does: a banner each', async () => {
    const page = await librarianPage();
    await page.waitForSelector('#scan');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'scan', 'the scan field has the focus');
    const { card, shelfBook, heldBook } = school.demo;
    for (const code of [card, shelfBook, heldBook]) await page.keyboard.type(`${code}\n`, { delay: 4 });
    await page.waitForFunction(() => document.querySelectorAll('ol.banners li').length === 3, { timeout: 20_000 });
    const banners = await page.$$eval('ol.banners li', (items) => items.map((item) => ({ outcome: item.dataset.outcome, text: item.innerText })));
    assert.deepEqual(banners.map((banner) => banner.outcome), ['loan', 'loan', 'session'], 'newest first');
    const reader = JSON.parse(kitap(school.db, ['reader', card, '--json']));
    for (const banner of banners) assert.match(banner.text, new RegExp(reader.name));
    assert.match(banners[2].text, new RegExp(words.kk['web.desk.outcome.session']));
    // The reader beside the banners: what they hold now, with due dates, both new books among them.
    await page.waitForFunction((count) => document.querySelectorAll('.reader-panel ul.held li').length === count, {}, reader.loans.length);
    const held = await textOf(page, '.reader-panel');
    for (const code of [shelfBook, heldBook]) assert.match(held, new RegExp(code));
    assert.ok(reader.loans.some((loan) => loan.code === shelfBook) && reader.loans.some((loan) => loan.code === heldBook));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'scan', 'the field keeps the focus');
    await page.browserContext().close();
    noProblems();
});

test('a roster with bad lines: every bad line by its number, and nothing imported', async () => {
    const page = await librarianPage();
    await show(page, 'imports');
    const roster = join(school.folder, 'roster.csv');
    writeFileSync(roster, 'card,name,class,category\n70000001,Тестова Әсел,5Ә,pupil\n70000002,,5Ә,pupil\n70000003,Бекова Дана,99Z,pupil\n');
    await page.select('#import-kind', 'readers');
    await (await page.$('#import-file')).uploadFile(roster);
    await page.click('#import-check');
    await page.waitForSelector('.bad-rows tbody tr');
    const rows = await page.$$eval('.bad-rows tbody tr', (lines) => lines.map((line) => [...line.cells].map((cell) => cell.innerText)));
    assert.deepEqual(rows.map(([line]) => line), ['3', '4']);
    assert.match(rows[1][1], /99Z/);
    assert.equal(await page.$('#import-confirm'), null, 'no import offered for a bad file');
    assert.throws(() => kitap(school.db, ['reader', '70000001', '--json']), /exited 2/);
    await page.browserContext().close();
    noProblems();
});

test('issue the whole class set: the dry run asks first, then who was left without what', async () => {
    const page = await librarianPage();
    const { className } = school.demo;
    const issued = () => JSON.parse(kitap(school.db, ['report', 'provision', '--class', className, '--format', 'json']))
        .lines.reduce((sum, line) => sum + line.issued, 0);
    const before = issued();
    await show(page, `classes/${encodeURIComponent(className)}`);
    await page.waitForSelector('#issue-set');
    await page.click('#issue-set');
    await page.waitForSelector('#issue-confirm');
    assert.equal(issued(), before, 'the dry run changed nothing');
    const question = await textOf(page, '.question');
    assert.match(question, new RegExp(words.kk['web.classes.issue_question'].replace('?', '\\?')));
    await page.click('#issue-confirm');
    await page.waitForSelector('.issue-outcome .notice.done');
    assert.ok(issued() > before, 'books were issued');
    await page.browserContext().close();
    noProblems();
});

test('the provision report downloads as an XLSX that opens', async () => {
    const page = await librarianPage();
    const downloads = join(school.folder, 'downloads');
    mkdirSync(downloads);
    const session = await page.createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, browserContextId: page.browserContext().id });
    await show(page, 'reports/provision');
    await page.click('button[data-format="xlsx"]');
    const deadline = Date.now() + 20_000;
    let files = [];
    while (Date.now() < deadline && !(files = readdirSync(downloads).filter((name) => name.endsWith('.xlsx'))).length)
        await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(files.length, 1, 'one .xlsx downloaded');
    const workbook = join(downloads, files[0]);
    const list = spawnSync('unzip', ['-l', workbook], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /xl\/workbook\.xml/);
    const strings = spawnSync('unzip', ['-p', workbook, 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    assert.match(strings.stdout, new RegExp(school.demo.className), 'the classes are in the sheet');
    await page.browserContext().close();
    noProblems();
});

test("a class teacher sees their class, and is refused another's", async () => {
    const page = await openPage(browser, school.url, problems);
    await logIn(page, 'teacher', passwords.teacher);
    await page.waitForSelector('.teacher-class h2');
    assert.equal(await page.evaluate(() => location.hash), '#/teacher');
    assert.match(await textOf(page, '.teacher-class h2'), new RegExp(school.demo.className));
    const menu = await page.$$eval('header nav a', (links) => links.map((link) => link.getAttribute('href')));
    assert.deepEqual(menu, ['#/teacher']);
    const classes = JSON.parse(kitap(school.db, ['report', 'provision', '--format', 'json'])).lines.map((line) => line.class);
    const another = classes.find((name) => name !== school.demo.className);
    const status = await page.evaluate(async (name) => (await fetch(`/api/readers?class=${encodeURIComponent(name)}`)).status, another);
    assert.equal(status, 403);
    await page.browserContext().close();
    noProblems();
});

// Each page with what it shows once loaded; screenshots when asked for.
const librarianRoutes = ['desk', 'classes', 'readers', 'catalogue', 'imports', 'reports/provision', 'reports/annual', 'year', 'audit', 'settings', 'accounts'];

async function screenshot(page, name, lang) {
    const folder = process.env.KITAP_WEB_SCREENSHOTS;
    if (folder) await page.screenshot({ path: join(folder, `web-${name}-${lang}.png`) });
}

for (const lang of ['kk', 'ru', 'en']) {
    test(`every page in ${lang}, with no error shown`, async () => {
        const page = await openPage(browser, school.url, problems);
        await page.click(`header .languages button[lang="${lang}"]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, {}, lang);
        await screenshot(page, 'login', lang);
        await logIn(page, 'librarian', passwords.librarian);
        await page.waitForSelector('#scan');
        for (const code of [school.demo.overdueCard]) await page.keyboard.type(`${code}\n`, { delay: 4 });
        await page.waitForSelector('.reader-panel ul.held');
        for (const route of librarianRoutes) {
            await show(page, route === 'classes' ? `classes/${encodeURIComponent(school.demo.className)}` : route === 'readers' ? `readers/${school.demo.overdueCard}` : route);
            assert.equal(await page.$('main .notice.error'), null, `${route}: ${await page.$eval('main', (main) => main.innerText).catch(() => '')}`);
            assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
            await screenshot(page, route.replace('/', '-'), lang);
        }
        await page.browserContext().close();

        const teacher = await openPage(browser, school.url, problems);
        await teacher.click(`header .languages button[lang="${lang}"]`);
        await logIn(teacher, 'teacher', passwords.teacher);
        await teacher.waitForSelector('.teacher-class');
        await teacher.waitForNetworkIdle({ idleTime: 300 });
        await screenshot(teacher, 'teacher', lang);
        await teacher.browserContext().close();

        const visitor = await openPage(browser, `${school.url}/catalog.html`, problems);
        await visitor.click(`header .languages button[lang="${lang}"]`);
        await visitor.type('input[type="search"]', 'Абай');
        await visitor.keyboard.press('Enter');
        await visitor.waitForSelector('.results table, .results p');
        assert.equal(await visitor.$('.results .notice.error'), null);
        await screenshot(visitor, 'public-catalogue', lang);
        await visitor.browserContext().close();
        noProblems();
    });
}
