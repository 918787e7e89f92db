// The catalogue for everyone, with no login: titles and how many copies are on the shelf,
// never who holds a book (GET /api/catalog answers nothing more).
import { api, query } from './api.js';
import { h, replace } from './dom.js';
import { searchForm } from './forms.js';
import { chosenLanguage, loadLanguage, t } from './i18n.js';
import { languageSwitch } from './language-switch.js';
import { searchResults } from './pages/catalogue.js';

const header = document.getElementById('header');
const main = document.getElementById('main');

function render() {
    document.title = `${t('web.public.title')} · Kitap`;
    replace(header,
        h('div', { class: 'brand' }, h('a', { href: '/catalog.html' }, 'Kitap'), h('span', {}, t('web.public.title'))),
        languageSwitch(render),
        h('div', { class: 'who' }, h('a', { href: '/' }, t('web.public.staff_login'))));
    const search = searchForm(t('web.catalogue.search'), async (text) => searchResults(await api.get(query('/api/catalog', { q: text }))));
    replace(main, h('h1', {}, t('web.public.title')), h('p', { class: 'quiet' }, t('web.public.hint')), search.form, search.results);
    search.input.focus();
}

await loadLanguage(chosenLanguage());
render();
