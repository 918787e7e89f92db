// Readers: search by name or card; a reader's loans (late first), history and what they
// owe, and the clearance sheet to print.
import { api, download, query } from '../api.js';
import { h, replace, table, notice } from '../dom.js';
import { searchForm } from '../forms.js';
import { t, date, tenge } from '../i18n.js';
import { problemText } from '../problem.js';
import { heldList } from './desk.js';

const historyShown = 20;

async function showReader(section, card, me) {
    const [reader, clearance] = await Promise.all([
        api.get(query(`/api/readers/${encodeURIComponent(card)}`, { history: historyShown })),
        api.get(query('/api/reports/clearance', { card, format: 'json' })),
    ]);
    const owed = (clearance.items ?? []).filter((item) => item.type === 'compensation');
    const message = h('div', { 'aria-live': 'polite' });
    const settle = (item, how) => async () => {
        try {
            await api.post('/api/settle', { card, id: item.id, as: how });
            await showReader(section, card, me);
        } catch (error) {
            replace(message, notice('error', problemText(error)));
        }
    };
    const unblock = async () => {
        try {
            await api.post(`/api/readers/${encodeURIComponent(card)}/unblock`, {});
            await showReader(section, card, me);
        } catch (error) {
            replace(message, notice('error', problemText(error)));
        }
    };
    replace(section,
        h('div', { class: 'section-head' },
            h('h2', {}, reader.name),
            h('button', { type: 'button', class: 'no-print', onclick: () => download(query('/api/reports/clearance', { card, format: 'pdf' })).catch((e) => replace(message, notice('error', problemText(e)))) }, t('web.readers.clearance_pdf')),
            h('button', { type: 'button', class: 'quiet no-print', onclick: () => window.print() }, t('web.print'))),
        h('p', { class: 'quiet' }, [reader.card, reader.class, t(`web.category.${reader.category}`), t(`web.reader_status.${reader.status}`)].filter(Boolean).join(' · ')),
        message,
        reader.card_blocked ? h('p', { class: 'notice warning' }, t('web.readers.card_blocked'), ' ',
            me.role === 'librarian' ? h('button', { type: 'button', class: 'no-print', onclick: unblock }, t('web.readers.unblock')) : null) : null,
        h('p', { class: clearance.clear ? 'notice done' : 'notice warning' }, t(clearance.clear ? 'web.readers.clear' : 'web.readers.owes')),
        h('h3', {}, t('web.readers.loans')),
        heldList(reader.loans ?? []),
        h('h3', {}, t('web.readers.compensations')),
        owed.length === 0 ? h('p', { class: 'quiet' }, t('web.readers.no_compensations')) : table([
            [t('web.field.title'), (item) => item.title],
            [t('web.field.code'), (item) => item.code],
            [t('web.field.condition'), (item) => t(`web.condition.${item.condition}`)],
            [t('web.field.amount'), (item) => tenge(item.amount)],
            ['', (item) => me.role === 'librarian'
                ? h('span', { class: 'no-print actions' }, ['paid', 'replaced', 'waived'].map((how) =>
                    h('button', { type: 'button', onclick: settle(item, how) }, t(`web.settle.${how}`))))
                : ''],
        ], owed),
        h('h3', {}, t('web.readers.history')),
        (reader.history ?? []).length === 0 ? h('p', { class: 'quiet' }, t('web.readers.no_history')) : table([
            [t('web.field.title'), (line) => line.title],
            [t('web.field.code'), (line) => line.code],
            [t('web.field.lent'), (line) => date(line.loaned)],
            [t('web.field.returned'), (line) => line.returned ? date(line.returned) : t('web.readers.not_returned')],
        ], reader.history));
}

export default {
    name: 'readers',
    roles: ['librarian', 'director'],
    async render(main, { me, argument, navigate }) {
        const detail = h('section', { class: 'reader-detail' });
        const search = searchForm(t('web.readers.search'), async (text) => {
            const found = await api.get(query('/api/readers', { q: text }));
            if (found.length === 1) navigate('readers', found[0].card);
            return found.length === 0 ? h('p', {}, t('web.none_found')) : table([
                [t('web.field.name'), (r) => h('a', { href: `#/readers/${encodeURIComponent(r.card)}` }, r.name)],
                [t('web.field.card'), (r) => r.card],
                [t('web.field.class'), (r) => r.class ?? ''],
                [t('web.field.category'), (r) => t(`web.category.${r.category}`)],
            ], found);
        });
        replace(main, h('h1', {}, t('web.nav.readers')), search.form, search.results, detail);
        search.input.focus();
        if (argument) await showReader(detail, argument, me).catch((error) => replace(detail, notice('error', problemText(error))));
    },
};
