// The catalogue for the librarian: search titles, a title's copies and where they are,
// receive new copies and print their labels in one go.
import { api, download, query } from '../api.js';
import { h, replace, table, notice, field } from '../dom.js';
import { actionForm, copiesOrCount, searchForm } from '../forms.js';
import { t, date, tenge } from '../i18n.js';
import { problemText } from '../problem.js';

// GET /api/catalog's titles: what each is, where it stands, how many copies are free.
export function searchResults({ titles: found }, linkTo) {
    if (found.length === 0) return h('p', {}, t('web.none_found'));
    return table([
        [t('web.field.title'), (title) => linkTo && title.isbn ? h('a', { href: linkTo(title) }, title.title) : title.title],
        [t('web.field.author'), (title) => title.author ?? ''],
        [t('web.field.kind'), (title) => t(`web.kind.${title.kind}`)],
        [t('web.field.shelf'), (title) => title.shelf.join(', ')],
        [t('web.field.available'), (title) => h('span', { class: title.available > 0 ? 'available' : 'unavailable' }, `${title.available} / ${title.total}`)],
    ], found);
}

async function showTitle(section, isbn) {
    const [title, copies] = await Promise.all([
        api.get(`/api/items/${encodeURIComponent(isbn)}`),
        api.get(`/api/titles/${encodeURIComponent(isbn)}/copies`),
    ]);
    replace(section,
        h('h2', {}, title.title),
        h('p', { class: 'quiet' }, t('web.catalogue.stock', { isbn: title.isbn, stock: title.stock, free: title.free, on_loan: title.on_loan })),
        copies.length === 0 ? h('p', { class: 'quiet' }, t('web.catalogue.no_copies')) : table([
            [t('web.field.code'), (copy) => copy.code],
            [t('web.field.status'), (copy) => t(`web.copy_status.${copy.status}`)],
            [t('web.field.shelf'), (copy) => copy.shelf ?? ''],
            [t('web.field.holder'), (copy) => copy.holder ? h('a', { href: `#/readers/${encodeURIComponent(copy.holder)}` }, copy.holder_name ?? copy.holder) : ''],
            [t('web.field.due'), (copy) => copy.due ? date(copy.due) : ''],
        ], copies));
}

// A book not in the catalogue: what the school's catalogue servers have for its ISBN,
// with a button that makes it the catalogue's title, so its copies can be received.
async function offerFetchedRecord(offer, isbn) {
    if (!isbn) return replace(offer);
    replace(offer, h('p', { class: 'quiet' }, t('web.catalogue.fetching')));
    const fetched = await api.get(query('/api/catalog/fetch', { isbn }));
    if (fetched.catalogued) return replace(offer, h('p', { class: 'quiet' }, t('web.catalogue.in_catalogue', { title: fetched.catalogued })));
    if (fetched.records.length === 0) return replace(offer, notice('error', t('web.catalogue.fetch_none', { server: fetched.server })));
    const [record] = fetched.records;
    const add = h('button', {
        type: 'button', class: 'primary',
        onclick: async () => {
            add.disabled = true;
            try {
                const added = await api.post('/api/catalog/fetch', { isbn });
                replace(offer, notice('done', t('web.catalogue.fetch_added', { title: added.title })));
            } catch (error) {
                add.disabled = false;
                offer.append(notice('error', problemText(error)));
            }
        },
    }, t('web.catalogue.fetch_add'));
    replace(offer,
        h('p', {}, t('web.catalogue.fetch_found', { server: fetched.server })),
        h('p', { class: 'fetched-record' }, h('strong', {}, record.title),
            [record.authors, record.year].filter(Boolean).map((part) => ` — ${part}`)),
        add);
}

function receiveForm(isbn) {
    const offer = h('div', { class: 'fetch-offer', 'aria-live': 'polite' });
    const isbnInput = h('input', {
        name: 'isbn', required: true, value: isbn ?? '',
        onchange: () => offerFetchedRecord(offer, isbnInput.value.trim())
            .catch((error) => replace(offer, notice('error', problemText(error)))),
    });
    return actionForm({ class: 'card form-grid' }, async (values, form) => {
        const copies = copiesOrCount(values);
        const done = await api.post('/api/receive', {
            ...copies, isbn: values.isbn, price: values.price, source: values.source, date: values.date, shelf: values.shelf,
        });
        if (copies.copies && values.labels) await download(query('/api/labels/copies', { copy: copies.copies }));
        form.reset();
        replace(offer);
        return t('web.catalogue.received', { copies: done.copies, title: done.title, sum: tenge(done.sum) });
    },
    h('h2', {}, t('web.catalogue.receive')),
    field(t('web.field.isbn'), isbnInput),
    offer,
    field(t('web.catalogue.count'), h('input', { name: 'count', type: 'number', min: 1 })),
    field(t('web.catalogue.copies'), h('textarea', { name: 'copies', rows: 2 })),
    field(t('web.field.price'), h('input', { name: 'price', required: true, inputmode: 'decimal' })),
    field(t('web.catalogue.source'), h('input', { name: 'source' })),
    field(t('web.field.date'), h('input', { name: 'date', type: 'date' })),
    field(t('web.field.shelf'), h('input', { name: 'shelf' })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'labels', value: '1', checked: true }), t('web.catalogue.print_labels')),
    h('button', { type: 'submit', class: 'primary' }, t('web.catalogue.receive_submit')));
}

export default {
    name: 'catalogue',
    roles: ['librarian', 'director'],
    async render(main, { me, argument }) {
        const detail = h('section', { class: 'title-detail' });
        const search = searchForm(t('web.catalogue.search'), async (text) =>
            searchResults(await api.get(query('/api/catalog', { q: text })), (title) => `#/catalogue/${encodeURIComponent(title.isbn)}`));
        replace(main, h('h1', {}, t('web.nav.catalogue')), search.form, search.results, detail, me.role === 'librarian' ? receiveForm(argument) : null);
        search.input.focus();
        if (argument) await showTitle(detail, argument).catch((error) => replace(detail, notice('error', problemText(error))));
    },
};
