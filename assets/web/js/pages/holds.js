// Reservations: readers waiting for titles that are all out, and the copies kept for them
// (`kitap hold list`). The librarian reserves a title for a reader by its ISBN, a copy's
// number or words of its title, and cancels; the director sees the list.
import { api } from '../api.js';
import { h, replace, table, notice } from '../dom.js';
import { actionForm } from '../forms.js';
import { t } from '../i18n.js';
import { problemText } from '../problem.js';

// 2026-12-08 → 08.12.2026.
function localDate(iso) {
    if (!iso) return '—';
    const [year, month, day] = iso.split('-');
    return `${day}.${month}.${year}`;
}

function stateText(hold) {
    if (hold.state === 'ready') return t('web.holds.ready', { kept: hold.kept, until: localDate(hold.until) });
    return t('web.holds.waiting', { position: hold.position });
}

// The titles words matched when they chose none alone, to pick one by its ISBN.
function candidates(error) {
    const list = error?.body?.candidates ?? [];
    if (list.length === 0) return null;
    return h('ul', { class: 'candidates' }, list.map((title) =>
        h('li', {}, `${title.title}${title.authors ? ` — ${title.authors}` : ''}${title.isbn ? ` (${title.isbn})` : ''}`)));
}

export default {
    name: 'holds',
    roles: ['librarian', 'director'],
    async render(main, { me }) {
        const message = h('div', { 'aria-live': 'polite' });
        const list = h('div');
        const cancel = (hold) => async () => {
            if (!window.confirm(t('web.holds.cancel_question', { title: hold.title, card: hold.card }))) return;
            try {
                replace(message, notice('done', (await api.post(`/api/holds/${hold.id}/cancel`)).message));
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
            await load();
        };
        const holdsTable = (holds) => {
            if (holds.length === 0) return h('p', {}, t('web.holds.none'));
            const columns = [
                [t('web.field.title'), (hold) => hold.title],
                [t('web.exceptions.card'), (hold) => h('a', { href: `#/readers/${encodeURIComponent(hold.card)}` }, hold.card)],
                [t('web.holds.reader'), (hold) => `${hold.reader}${hold.class ? `, ${hold.class}` : ''}`],
                [t('web.holds.state'), (hold) => h('span', { class: `hold-state ${hold.state}` }, stateText(hold))],
            ];
            if (me.role === 'librarian') {
                columns.push(['', (hold) => h('button', { type: 'button', class: 'danger', onclick: cancel(hold) }, t('web.holds.cancel'))]);
            }
            return table(columns, holds, { class: 'list holds' });
        };
        const load = async () => {
            try {
                replace(list, holdsTable(await api.get('/api/holds')));
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
        };
        const reserve = me.role === 'librarian'
            ? actionForm({ class: 'form-grid hold-form' }, async (values, form) => {
                try {
                    const placed = await api.post('/api/holds', { card: values.card ?? '', title: values.title ?? '' });
                    form.reset();
                    await load();
                    return placed.message;
                } catch (error) {
                    replace(message, candidates(error));
                    throw error;
                }
            },
            h('label', { class: 'field' }, h('span', {}, t('web.exceptions.card')), h('input', { name: 'card', required: true, autocomplete: 'off' })),
            h('label', { class: 'field' }, h('span', {}, t('web.holds.title_field')), h('input', { name: 'title', required: true, autocomplete: 'off' })),
            h('button', { type: 'submit', class: 'primary' }, t('web.holds.reserve')))
            : null;
        replace(main, h('h1', {}, t('web.nav.holds')), h('p', { class: 'explain' }, t('web.holds.hint')), reserve, message, list);
        await load();
    },
};
