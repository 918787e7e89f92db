// The console's shell: who is logged in, the header (menu, language, logout) and one
// page at a time by the address's #/name, each page a module of js/pages/.
import { api, setCsrf } from './api.js';
import { problemText } from './problem.js';
import { h, replace, notice } from './dom.js';
import { chosenLanguage, loadLanguage, t } from './i18n.js';
import { languageSwitch } from './language-switch.js';
import login from './pages/login.js';
import desk from './pages/desk.js';
import classes from './pages/classes.js';
import readers from './pages/readers.js';
import catalogue from './pages/catalogue.js';
import imports from './pages/imports.js';
import reports from './pages/reports.js';
import year from './pages/year.js';
import audit from './pages/audit.js';
import settings from './pages/settings.js';
import accounts from './pages/accounts.js';
import stations from './pages/stations.js';
import holds from './pages/holds.js';
import teacher from './pages/teacher.js';

// In menu order. `roles`: who sees the page (the server refuses the others with 403 anyway).
const pages = [desk, classes, readers, catalogue, holds, imports, reports, year, stations, audit, settings, accounts, teacher];

const state = { me: null, cleanup: null };
const header = document.getElementById('header');
const main = document.getElementById('main');

function pagesFor(me) {
    return pages.filter((page) => page.roles.includes(me.role));
}

// '#/readers/68110816' → {name: 'readers', argument: '68110816'}
function currentRoute() {
    const [name = '', ...rest] = location.hash.replace(/^#\/?/, '').split('/');
    return { name, argument: rest.length ? decodeURIComponent(rest.join('/')) : '' };
}

export function navigate(name, argument = '') {
    const hash = `#/${name}${argument ? `/${encodeURIComponent(argument)}` : ''}`;
    if (location.hash === hash) show();
    else location.hash = hash;
}

function renderHeader(active) {
    const me = state.me;
    const menu = me
        ? h('nav', { 'aria-label': t('web.header.menu') }, h('ul', {}, pagesFor(me).map((page) =>
            h('li', {}, h('a', {
                href: `#/${page.name}`, 'aria-current': page.name === active ? 'page' : undefined,
            }, t(`web.nav.${page.name}`))))))
        : null;
    const who = me
        ? h('div', { class: 'who' },
            h('span', { class: 'user' }, me.user, ' · ', t(`web.role.${me.role}`)),
            h('button', { type: 'button', class: 'quiet', onclick: logout }, t('web.header.logout')))
        : null;
    replace(header,
        h('div', { class: 'brand' }, h('a', { href: '#/' }, 'Kitap'), h('span', {}, t('web.header.subtitle'))),
        menu, languageSwitch(show), who);
}

async function logout() {
    try {
        await api.post('/api/logout');
    } finally {
        state.me = null;
        setCsrf('');
        navigate('login');
    }
}

async function show() {
    if (state.cleanup) state.cleanup();
    state.cleanup = null;
    const route = currentRoute();
    if (!state.me) {
        renderHeader('login');
        document.title = `${t('web.login.title')} · Kitap`;
        login.render(main, { onLoggedIn });
        return;
    }
    const allowed = pagesFor(state.me);
    const page = allowed.find((p) => p.name === route.name) ?? allowed[0];
    if (page.name !== route.name) {
        navigate(page.name);
        return;
    }
    renderHeader(page.name);
    document.title = `${t(`web.nav.${page.name}`)} · Kitap`;
    replace(main);
    main.dataset.page = page.name;
    try {
        state.cleanup = await page.render(main, { me: state.me, argument: route.argument, navigate }) ?? null;
    } catch (error) {
        replace(main, notice('error', problemText(error)));
    }
}

function onLoggedIn(me) {
    state.me = me;
    setCsrf(me.csrf);
    const first = pagesFor(me)[0];
    navigate(currentRoute().name && currentRoute().name !== 'login' ? currentRoute().name : first.name);
}

async function start() {
    await loadLanguage(chosenLanguage());
    try {
        const me = await api.get('/api/me');
        state.me = me;
        setCsrf(me.csrf);
    } catch {
        state.me = null;
    }
    window.addEventListener('hashchange', show);
    window.addEventListener('kitap:logged-out', () => {
        if (!state.me) return;
        state.me = null;
        show();
    });
    show();
}

start();
