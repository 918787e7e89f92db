// The catalogue for everyone, with no login: titles and how many copies are on the shelf,
// never who holds a book (GET /api/catalog answers nothing more).
import { api, query } from './api.js';
import { h, replace, notice } from './dom.js';
import { chosenLanguage, languages, loadLanguage, language, t } from './i18n.js';
import { problemText } from './problem.js';
import { searchResults } from './pages/catalogue.js';

const header = document.getElementById('header');
const main = document.getElementById('main');

function render() {
    document.title = `${t('web.public.title')} · Kitap`;
    replace(header,
        h('div', { class: 'brand' }, h('a', { href: '/catalog.html' }, 'Kitap'), h('span', {}, t('web.public.title'))),
        h('div', { class: 'languages', role: 'group', 'aria-label': t('web.header.language') }, languages.map((lang) => h('button', {
            type: 'button', lang, 'aria-pressed': String(lang === language()),
            onclick: async () => {
                await loadLanguage(lang);
                render();
            },
        }, t(`web.language.${lang}`)))),
        h('div', { class: 'who' }, h('a', { href: '/' }, t('web.public.staff_login'))));
    const results = h('div', { class: 'results', 'aria-live': 'polite' });
    const search = h('input', { type: 'search', name: 'q', 'aria-label': t('web.catalogue.search'), placeholder: t('web.catalogue.search') });
    replace(main,
        h('h1', {}, t('web.public.title')),
        h('p', { class: 'quiet' }, t('web.public.hint')),
        h('form', {
            class: 'search', role: 'search',
            onsubmit: async (event) => {
                event.preventDefault();
                try {
                    replace(results, searchResults(await api.get(query('/api/catalog', { q: search.value.trim() }))));
                } catch (error) {
                    replace(results, notice('error', problemText(error)));
                }
            },
        }, search, h('button', { type: 'submit' }, t('web.search'))),
        results);
    search.focus();
}

await loadLanguage(chosenLanguage());
render();
