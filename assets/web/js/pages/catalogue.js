// The catalogue for the librarian: search titles, a title's copies and where they are,
// receive new copies and print their labels in one go.
import { api, download, query } from '../api.js';
import { h, replace, table, notice, field, formValues } from '../dom.js';
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

function receiveForm(isbn) {
    const message = h('div', { 'aria-live': 'polite' });
    const form = h('form', {
        class: 'card form-grid',
        onsubmit: async (event) => {
            event.preventDefault();
            const values = formValues(form);
            const copies = (values.copies ?? '').split(/[\s,;]+/).filter(Boolean);
            const body = { isbn: values.isbn, price: values.price, source: values.source, date: values.date, shelf: values.shelf };
            if (copies.length) body.copies = copies;
            else body.count = Number(values.count);
            try {
                const done = await api.post('/api/receive', body);
                replace(message, notice('done', t('web.catalogue.received', { copies: done.copies, title: done.title, sum: tenge(done.sum) })));
                if (copies.length && values.labels) await download(query('/api/labels/copies', { copy: copies }));
                form.reset();
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
        },
    },
    h('h2', {}, t('web.catalogue.receive')),
    field(t('web.field.isbn'), h('input', { name: 'isbn', required: true, value: isbn ?? '' })),
    field(t('web.catalogue.count'), h('input', { name: 'count', type: 'number', min: 1 })),
    field(t('web.catalogue.copies'), h('textarea', { name: 'copies', rows: 2 })),
    field(t('web.field.price'), h('input', { name: 'price', required: true, inputmode: 'decimal' })),
    field(t('web.catalogue.source'), h('input', { name: 'source' })),
    field(t('web.field.date'), h('input', { name: 'date', type: 'date' })),
    field(t('web.field.shelf'), h('input', { name: 'shelf' })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'labels', value: '1', checked: true }), t('web.catalogue.print_labels')),
    h('button', { type: 'submit', class: 'primary' }, t('web.catalogue.receive_submit')),
    message);
    return form;
}

export default {
    name: 'catalogue',
    roles: ['librarian', 'director'],
    async render(main, { me, argument }) {
        const results = h('div', { class: 'results' });
        const detail = h('section', { class: 'title-detail' });
        const search = h('input', { type: 'search', name: 'q', 'aria-label': t('web.catalogue.search'), placeholder: t('web.catalogue.search') });
        const form = h('form', {
            class: 'search no-print', role: 'search',
            onsubmit: async (event) => {
                event.preventDefault();
                try {
                    const found = await api.get(query('/api/catalog', { q: search.value.trim() }));
                    replace(results, searchResults(found, (title) => `#/catalogue/${encodeURIComponent(title.isbn)}`));
                } catch (error) {
                    replace(results, notice('error', problemText(error)));
                }
            },
        }, search, h('button', { type: 'submit' }, t('web.search')));
        replace(main, h('h1', {}, t('web.nav.catalogue')), form, results, detail, me.role === 'librarian' ? receiveForm(argument) : null);
        search.focus();
        if (argument) await showTitle(detail, argument).catch((error) => replace(detail, notice('error', problemText(error))));
    },
};
