// The web console in a real browser (Debian's chromium, headless, 1366×768) against a real
// `kitap serve` on a demo school: logging in (in Noto Sans from the server) and the lockout, the
// desk fed like a keyboard scanner, an XLSX downloaded and opened, a class teacher's page and their
// 403, and every page in Kazakh, Russian and English without an error (KITAP_WEB_SCREENSHOTS=DIR
// keeps a screenshot of each as web-<page>-<lang>.png). The changes are in changes.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseLanguage, kitap, logIn, passwords, show, textOf, useConsole } from './support.mjs';

const words = Object.fromEntries(['kk', 'ru', 'en'].map((lang) =>
    [lang, JSON.parse(readFileSync(new URL(`../../assets/i18n/web/${lang}.json`, import.meta.url), 'utf8'))]));
const world = useConsole();

test('the librarian logs in and lands on the desk, with the whole menu', async () => {
    const page = await world.librarianPage();
    assert.equal(await page.evaluate(() => location.hash), '#/desk');
    const menu = await page.$$eval('header nav a', (links) => links.map((link) => link.getAttribute('href')));
    assert.deepEqual(menu, ['#/desk', '#/classes', '#/readers', '#/catalogue', '#/holds', '#/imports', '#/reports', '#/year', '#/stations', '#/audit', '#/settings', '#/accounts']);
    const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => `${font.family} ${font.weight}`);
    });
    assert.deepEqual(fonts.sort(), ['Noto Sans 400', 'Noto Sans 700'], 'both faces of Noto Sans came from the server');
    await page.browserContext().close();
    world.noProblems();
});

test('five wrong passwords, then even the right one is refused for a while', async () => {
    const page = await world.open();
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
    world.noProblems();
});

test('a card and two books typed into the desk field as a keyboard scanner does: a banner each', async () => {
    const page = await world.librarianPage();
    await page.waitForSelector('#scan');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'scan', 'the scan field has the focus');
    const { card, shelfBook, heldBook } = world.school.demo;
    for (const code of [card, shelfBook, heldBook]) await page.keyboard.type(`${code}\n`, { delay: 4 });
    await page.waitForFunction(() => document.querySelectorAll('ol.banners li').length === 3, { timeout: 20_000 });
    const banners = await page.$$eval('ol.banners li', (items) => items.map((item) => ({ outcome: item.dataset.outcome, text: item.innerText })));
    assert.deepEqual(banners.map((banner) => banner.outcome), ['loan', 'loan', 'session'], 'newest first');
    const reader = JSON.parse(kitap(world.school.db, ['reader', card, '--json']));
    for (const banner of banners) assert.match(banner.text, new RegExp(reader.name));
    assert.match(banners[2].text, new RegExp(words.kk['web.desk.outcome.session']));
    // The reader beside the banners: what they hold now, with due dates, both new books among them.
    await page.waitForFunction((count) => document.querySelectorAll('.reader-panel ul.held li').length === count, {}, reader.loans.length);
    const held = await textOf(page, '.reader-panel');
    for (const code of [shelfBook, heldBook]) assert.match(held, new RegExp(code));
    assert.ok(reader.loans.some((loan) => loan.code === shelfBook) && reader.loans.some((loan) => loan.code === heldBook));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'scan', 'the field keeps the focus');
    await page.browserContext().close();
    world.noProblems();
});

test('the provision report downloads as an XLSX that opens', async () => {
    const page = await world.librarianPage();
    const downloads = join(world.school.folder, 'downloads');
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
    assert.match(strings.stdout, new RegExp(world.school.demo.className), 'the classes are in the sheet');
    await page.browserContext().close();
    world.noProblems();
});

test("a class teacher sees their class, and is refused another's", async () => {
    const page = await world.open();
    await logIn(page, 'teacher', passwords.teacher);
    await page.waitForSelector('.teacher-class h2');
    assert.equal(await page.evaluate(() => location.hash), '#/teacher');
    assert.match(await textOf(page, '.teacher-class h2'), new RegExp(world.school.demo.className));
    const menu = await page.$$eval('header nav a', (links) => links.map((link) => link.getAttribute('href')));
    assert.deepEqual(menu, ['#/teacher']);
    const classes = JSON.parse(kitap(world.school.db, ['report', 'provision', '--format', 'json'])).lines.map((line) => line.class);
    const another = classes.find((name) => name !== world.school.demo.className);
    const status = await page.evaluate(async (name) => (await fetch(`/api/readers?class=${encodeURIComponent(name)}`)).status, another);
    assert.equal(status, 403);
    await page.browserContext().close();
    world.noProblems();
});

// Each page with what it shows once loaded; screenshots when asked for.
const librarianRoutes = ['desk', 'classes', 'readers', 'catalogue', 'imports', 'reports/provision', 'reports/annual', 'year', 'stations', 'audit', 'settings', 'accounts'];
// Pages whose route kitap serve does not have yet: each shows the server's refusal, not a broken
// page. When the route comes, this test fails here: take the page off this list.
const awaitingServer = {};

async function screenshot(page, name, lang) {
    const folder = process.env.KITAP_WEB_SCREENSHOTS;
    if (folder) await page.screenshot({ path: join(folder, `web-${name}-${lang}.png`) });
}

for (const lang of ['kk', 'ru', 'en']) {
    test(`every page in ${lang}, with no error shown`, async () => {
        const page = await world.open();
        await chooseLanguage(page, lang);
        await screenshot(page, 'login', lang);
        await logIn(page, 'librarian', passwords.librarian);
        await page.waitForSelector('#scan');
        for (const code of [world.school.demo.overdueCard]) await page.keyboard.type(`${code}\n`, { delay: 4 });
        await page.waitForSelector('.reader-panel ul.held');
        for (const route of librarianRoutes) {
            await show(page, route === 'classes' ? `classes/${encodeURIComponent(world.school.demo.className)}` : route === 'readers' ? `readers/${world.school.demo.overdueCard}` : route);
            assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
            if (route in awaitingServer) {
                assert.notEqual(await page.$('main .notice.error'), null, `${awaitingServer[route]} is there now: take ${route} off awaitingServer`);
                continue;
            }
            assert.equal(await page.$('main .notice.error'), null, `${route}: ${await page.$eval('main', (main) => main.innerText).catch(() => '')}`);
            await screenshot(page, route.replace('/', '-'), lang);
        }
        await page.browserContext().close();

        const teacher = await world.open();
        await chooseLanguage(teacher, lang);
        await logIn(teacher, 'teacher', passwords.teacher);
        await teacher.waitForSelector('.teacher-class');
        await teacher.waitForNetworkIdle({ idleTime: 300 });
        await screenshot(teacher, 'teacher', lang);
        await teacher.browserContext().close();

        const visitor = await world.open('/catalog.html');
        await chooseLanguage(visitor, lang);
        await visitor.type('input[type="search"]', 'Абай');
        await visitor.keyboard.press('Enter');
        await visitor.waitForSelector('.results table, .results p');
        assert.equal(await visitor.$('.results .notice.error'), null);
        await screenshot(visitor, 'public-catalogue', lang);
        await visitor.browserContext().close();
        world.noProblems();
    });
}
