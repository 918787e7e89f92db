// The console's changes in a real browser against a real `kitap serve` on a demo school: a roster
// with bad lines shown by their numbers, a book copied from the catalogue server and received, a
// whole class set issued after its dry run, an offline kiosk's refused scan reviewed under Stations, a
// card a self-check machine blocked over SIP2 (a real `kitap sip2`) unblocked on the reader's page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort, kitap, kitapBinary, show, textOf, useConsole } from './support.mjs';

const words = JSON.parse(readFileSync(new URL('../../assets/i18n/web/kk.json', import.meta.url), 'utf8'));
const world = useConsole();

test('a roster with bad lines: every bad line by its number, and nothing imported', async () => {
    const page = await world.librarianPage();
    await show(page, 'imports');
    const roster = join(world.school.folder, 'roster.csv');
    writeFileSync(roster, 'card,name,class,category\n70000001,Тестова Әсел,5Ә,pupil\n70000002,,5Ә,pupil\n70000003,Бекова Дана,99Z,pupil\n');
    await page.select('#import-kind', 'readers');
    await (await page.$('#import-file')).uploadFile(roster);
    await page.click('#import-check');
    await page.waitForSelector('.bad-rows tbody tr');
    const rows = await page.$$eval('.bad-rows tbody tr', (lines) => lines.map((line) => [...line.cells].map((cell) => cell.innerText)));
    assert.deepEqual(rows.map(([line]) => line), ['3', '4']);
    assert.match(rows[1][1], /99Z/);
    assert.equal(await page.$('#import-confirm'), null, 'no import offered for a bad file');
    assert.throws(() => kitap(world.school.db, ['reader', '70000001', '--json']), /exited 2/);
    await page.browserContext().close();
    world.noProblems();
});

test('a book not in the catalogue scanned into the receive form: the server\'s record added, then its copies', async () => {
    const page = await world.librarianPage();
    await show(page, 'catalogue');
    const isbn = '9789999999991';  // no book of the demo's
    await page.type('form.form-grid input[name="isbn"]', isbn);
    await page.keyboard.press('Tab');  // a scanner's Enter or leaving the field: the value is in
    await page.waitForSelector('.fetch-offer button.primary');
    assert.match(await textOf(page, '.fetch-offer'), /How to program a computer/);
    await page.click('.fetch-offer button.primary');
    await page.waitForSelector('.fetch-offer .notice.done');
    const added = JSON.parse(kitap(world.school.db, ['catalog', 'search', isbn, '--json']));
    assert.deepEqual(added.map((title) => [title.title, title.isbn]), [['How to program a computer', isbn]]);

    await page.type('form.form-grid input[name="count"]', '3');
    await page.type('form.form-grid input[name="price"]', '1500');
    await page.click('form.form-grid button[type="submit"]');
    await page.waitForSelector('form.form-grid .form-message .notice.done');
    const received = JSON.parse(kitap(world.school.db, ['catalog', 'search', isbn, '--json']));
    assert.equal(received[0].total, 3);
    await page.close();
    world.noProblems();
});

test('issue the whole class set: the dry run asks first, then who was left without what', async () => {
    const page = await world.librarianPage();
    const { className } = world.school.demo;
    const issued = () => JSON.parse(kitap(world.school.db, ['report', 'provision', '--class', className, '--format', 'json']))
        .lines.reduce((sum, line) => sum + line.issued, 0);
    const before = issued();
    await show(page, `classes/${encodeURIComponent(className)}`);
    await page.waitForSelector('#issue-set');
    await page.click('#issue-set');
    await page.waitForSelector('#issue-confirm');
    assert.equal(issued(), before, 'the dry run changed nothing');
    const question = await textOf(page, '.question');
    assert.match(question, new RegExp(words['web.classes.issue_question'].replace('?', '\\?')));
    await page.click('#issue-confirm');
    await page.waitForSelector('.issue-outcome .notice.done');
    assert.ok(issued() > before, 'books were issued');
    await page.browserContext().close();
    world.noProblems();
});


test('an offline kiosk\'s scan the rules refused waits under Stations until the librarian discards it', async () => {
    const { db, url, demo } = world.school;
    const token = /^token: (\S+)$/m.exec(kitap(db, ['user', 'add', 'reading-room', '--role', 'station']))[1];
    // What a kiosk back online sends: a scan made offline of a book someone else holds.
    const entry = { id: 'a'.repeat(32), station: 'reading-room', scanned_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), card: demo.card, code: demo.heldBook, mode: 'self' };
    const upload = await fetch(`${url}/api/station/journal`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Kitap-Journal-Waiting': '0' },
        body: JSON.stringify({ entries: [entry] }),
    });
    assert.equal(upload.status, 200);
    assert.equal((await upload.json()).exceptions, 1);

    const page = await world.librarianPage();
    page.on('dialog', (dialog) => dialog.accept());
    await show(page, 'stations');
    const kiosks = await page.$$eval('main table:not(.exceptions) tbody tr', (rows) => rows.map((row) => row.cells[0].innerText));
    assert.deepEqual(kiosks, ['reading-room']);
    const rows = await page.$$eval('table.exceptions tbody tr', (lines) => lines.map((line) => [...line.cells].map((cell) => cell.innerText)));
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0].slice(1, 4), ['reading-room', demo.card, demo.heldBook]);
    assert.equal(rows[0][5], words['web.exceptions.reason.on_loan_to_other']);
    if (process.env.KITAP_WEB_SCREENSHOTS) await page.screenshot({ path: join(process.env.KITAP_WEB_SCREENSHOTS, 'web-stations-exception-kk.png') });
    await page.click('table.exceptions button.danger');
    await page.waitForSelector('main .notice.done');
    await page.waitForFunction(() => document.querySelector('table.exceptions') === null);
    assert.deepEqual(JSON.parse(kitap(db, ['exceptions', '--json'])), []);
    assert.match(kitap(db, ['audit', '--json', '--since', '2000-01-01']), /exception_discarded/);
    await page.browserContext().close();
    world.noProblems();
});

test('a reader waits for a book all out: reserved in the console, listed, then cancelled', async () => {
    const { db, folder, demo } = world.school;
    const catalogue = join(folder, 'rare.csv');
    writeFileSync(catalogue, 'title,authors,isbn,kind,grade,copies,barcodes\nСирек кітап,Тест Авторы,,fiction,,,99000019\n');
    kitap(db, ['import', 'catalog', catalogue]);
    kitap(db, ['scan', '--mode', 'desk', demo.card, '99000019']);  // its one copy out

    const page = await world.librarianPage();
    page.on('dialog', (dialog) => dialog.accept());
    await show(page, 'holds');
    await page.type('form.hold-form input[name="card"]', demo.teacherCard);
    await page.type('form.hold-form input[name="title"]', 'Сирек кітап');
    await page.click('form.hold-form button[type="submit"]');
    await page.waitForSelector('form.hold-form .notice.done');
    await page.waitForSelector('table.holds tbody tr');
    const rows = await page.$$eval('table.holds tbody tr', (lines) => lines.map((line) => [...line.cells].map((cell) => cell.innerText)));
    assert.equal(rows.length, 1);
    assert.equal(rows[0][0], 'Сирек кітап');
    assert.equal(rows[0][1], demo.teacherCard);
    assert.equal(rows[0][3], words['web.holds.waiting'].replace('{position}', '1'));
    if (process.env.KITAP_WEB_SCREENSHOTS) await page.screenshot({ path: join(process.env.KITAP_WEB_SCREENSHOTS, 'web-holds-kk.png') });
    await page.click('table.holds button.danger');
    await page.waitForSelector('main > div .notice.done');
    await page.waitForFunction(() => document.querySelector('table.holds') === null);
    assert.deepEqual(JSON.parse(kitap(db, ['hold', 'list', '--json'])), []);
    assert.match(kitap(db, ['audit', '--json', '--since', '2000-01-01']), /hold_cancelled/);
    await page.browserContext().close();
    world.noProblems();
});

// A terminal of `kitap sip2` as a self-check machine would be: each message and its CR-ended answer.
async function sip2Terminal(port) {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
    let received = '';
    socket.on('data', (chunk) => { received += chunk.toString(); });
    return {
        async ask(message) {
            received = '';
            socket.write(`${message}\r`);
            const deadline = Date.now() + 10_000;
            while (!received.endsWith('\r') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
            return received.slice(0, -1);
        },
        close: () => socket.destroy(),
    };
}

test('a card a self-check machine blocked over SIP2 is shown on the reader page and the librarian unblocks it', async () => {
    const { db, demo } = world.school;
    kitap(db, ['user', 'add', 'gate', '--role', 'sip2'], 'gate-secret-12\n');
    const port = await freePort();
    const sip2 = spawn(kitapBinary, ['--db', db, 'sip2', '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
        await new Promise((resolve, reject) => {
            sip2.stdout.on('data', (chunk) => { if (chunk.toString().includes('listening')) resolve(); });
            sip2.once('exit', (code) => reject(new Error(`kitap sip2 exited ${code}`)));
        });
        const terminal = await sip2Terminal(port);
        assert.equal(await terminal.ask('9300CNgate|COgate-secret-12|CPweb-test|'), '941');
        assert.match(await terminal.ask(`01N20240301    120000AA${demo.card}|ALcard kept|`), /^24Y{14}/);
        terminal.close();
    } finally {
        sip2.kill('SIGTERM');
    }
    assert.equal(JSON.parse(kitap(db, ['reader', demo.card, '--json'])).card_blocked, true);

    const page = await world.librarianPage();
    await show(page, `readers/${demo.card}`);
    await page.waitForSelector('.notice.warning button');
    assert.ok((await textOf(page, '.notice.warning')).startsWith(words['web.readers.card_blocked']));
    if (process.env.KITAP_LOOK) await page.screenshot({ path: process.env.KITAP_LOOK });
    await page.click('.notice.warning button');
    await page.waitForFunction(() => !document.querySelector('.notice.warning button'));
    assert.equal(JSON.parse(kitap(db, ['reader', demo.card, '--json'])).card_blocked, false);
    await page.browserContext().close();
    world.noProblems();
});
