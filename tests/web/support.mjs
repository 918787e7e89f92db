// What the browser tests share: a demo library in a temporary folder, accounts made with
// `kitap user add`, a real `kitap serve` on 127.0.0.1, and Debian's chromium driven by
// puppeteer-core (installed into assets/web/node_modules by deploy/install-deps).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

const require = createRequire(new URL('../../assets/web/package.json', import.meta.url));
const puppeteer = require('puppeteer-core');

export const kitapBinary = process.env.KITAP ?? new URL('../../build/test/kiosk/kitap', import.meta.url).pathname;
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const viewport = { width: 1366, height: 768 };

// Runs `kitap --db DB ARGS...` to its end; stdin as given. Throws with its stderr on a non-zero exit.
export function kitap(db, args, input = '') {
    const run = spawnSync(kitapBinary, ['--db', db, '--lang', 'en', ...args], { input, encoding: 'utf8', timeout: 120_000 });
    if (run.error) throw new Error(`${kitapBinary} ${args.join(' ')}: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`kitap ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    return run.stdout;
}

export async function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function waitForHealth(url, child, output) {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`kitap serve exited ${child.exitCode}: ${output.join('')}`);
        try {
            const response = await fetch(`${url}/healthz`);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`kitap serve did not answer /healthz within 60 s: ${output.join('')}`);
}

// The demo's sample codes, in the order `kitap demo` prints them.
function sampleCodes(printed) {
    const codes = [...printed.matchAll(/^ {2}(\S+) {2}/gm)].map((match) => match[1]);
    const [card, overdueCard, teacherCard, shelfBook, heldBook, textbookIsbn, collectingCard, className, setTextbook] = codes;
    return { card, overdueCard, teacherCard, shelfBook, heldBook, textbookIsbn, collectingCard, className, setTextbook };
}

export const passwords = { librarian: 'librarian-secret-1', teacher: 'teacher-secret-1', director: 'director-secret-1', guarded: 'guarded-secret-1' };

async function acceptsConnections(port) {
    return new Promise((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => { socket.destroy(); resolve(true); });
        socket.once('error', () => resolve(false));
    });
}

// yaz-ztest (Debian's yaz package), a real Z39.50 server on 127.0.0.1: it serves the same few
// sample MARC 21 records ("How to program a computer" first) whatever ISBN is asked.
export async function startZtest(folder) {
    const port = await freePort();
    const server = spawn('yaz-ztest', ['-l', join(folder, 'ztest.log'), `tcp:127.0.0.1:${port}`], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await acceptsConnections(port))) {
        if (server.exitCode !== null || Date.now() > deadline) throw new Error('yaz-ztest did not start');
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { address: `127.0.0.1:${port}/Default`, stop: () => server.kill('SIGTERM') };
}

// A demo school with a librarian, a director, 5Ә's class teacher and one more librarian whose
// logins the lockout test uses up; `kitap serve` on it, with a yaz-ztest of its own as its
// catalogue server. stop() ends both servers and removes it all.
export async function startSchool() {
    const folder = mkdtempSync(join(tmpdir(), 'kitap-web-'));
    const db = join(folder, 'kitap.db');
    // Two school years, so the annual report has a year before to set beside this one.
    const demo = sampleCodes(kitap(db, ['demo', '--years', '2']));
    kitap(db, ['user', 'add', 'librarian', '--role', 'librarian'], `${passwords.librarian}\n`);
    kitap(db, ['user', 'add', 'director', '--role', 'director'], `${passwords.director}\n`);
    kitap(db, ['user', 'add', 'teacher', '--role', 'teacher', '--class', demo.className], `${passwords.teacher}\n`);
    kitap(db, ['user', 'add', 'guarded', '--role', 'librarian'], `${passwords.guarded}\n`);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const output = [];
    const ztest = await startZtest(folder);
    const config = join(folder, 'kitap.toml');
    writeFileSync(config, `[catalogue]\nservers = ["${ztest.address}"]\n`);
    const server = spawn(kitapBinary, ['--db', db, 'serve', '--no-tls', '--listen', `127.0.0.1:${port}`], {
        stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KITAP_CONFIG: config },
    });
    server.stdout.on('data', (chunk) => output.push(chunk.toString()));
    server.stderr.on('data', (chunk) => output.push(chunk.toString()));
    await waitForHealth(url, server, output);
    return {
        folder, db, url, demo, output,
        async stop() {
            ztest.stop();
            if (server.exitCode === null) {
                const ended = new Promise((resolve) => server.once('exit', resolve));
                server.kill('SIGTERM');
                await ended;
            }
            rmSync(folder, { recursive: true, force: true });
        },
    };
}

export async function startBrowser() {
    return puppeteer.launch({
        executablePath: chromium,
        headless: true,
        // Root in a container has no user namespaces for chromium's sandbox.
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'],
        defaultViewport: viewport,
    });
}

// A fresh page (its own cookies) that fails the test on any script error or refused resource.
export async function openPage(browser, url, problems) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // The browser logs every refused request; refusals the pages show in words (not signed in,
    // forbidden, no such route, bad rows, locked out) are expected answers, not problems.
    page.on('console', (message) => {
        if (message.type() === 'error' && !/status of (401|403|404|422|429)/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    await page.goto(url, { waitUntil: 'networkidle0' });
    return page;
}

export async function logIn(page, user, password) {
    await page.waitForSelector('form.login input[name="user"]');
    await page.type('input[name="user"]', user);
    await page.type('input[name="password"]', password);
    await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/login')),
        page.click('form.login button[type="submit"]'),
    ]);
}

// Picks the page's language in its header and waits until the page is drawn again in it.
export async function chooseLanguage(page, lang) {
    const chosen = `header .languages button[lang="${lang}"][aria-pressed="true"]`;
    if (await page.$(chosen)) return;  // already: a click would only draw the page again
    await page.click(`header .languages button[lang="${lang}"]`);
    await page.waitForSelector(chosen);
}

export async function textOf(page, selector) {
    return page.$eval(selector, (element) => element.innerText);
}

// A test file's world: a school and a browser before its tests, nothing left after them; pages
// opened through it fail the test that checks noProblems() on any script error or refused resource.
export function useConsole() {
    const world = { problems: [] };
    before(async () => {
        world.school = await startSchool();
        world.browser = await startBrowser();
    });
    after(async () => {
        await world.browser?.close();
        await world.school?.stop();
    });
    world.open = (path = '') => openPage(world.browser, `${world.school.url}${path}`, world.problems);
    world.librarianPage = async () => {
        const page = await world.open();
        await logIn(page, 'librarian', passwords.librarian);
        await page.waitForSelector('header nav a[aria-current="page"]');
        return page;
    };
    world.noProblems = () => assert.deepEqual(world.problems.splice(0), []);
    return world;
}

// Goes to a page of the console (#/route) and waits until it has loaded what it shows.
export async function show(page, route) {
    await page.evaluate((hash) => { location.hash = hash; }, `#/${route}`);
    await page.waitForNetworkIdle({ idleTime: 300 });
}
