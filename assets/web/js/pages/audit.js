// The audit log: every change, who made it (the account, for the console's), where and when.
import { api, query } from '../api.js';
import { h, replace, table, notice, field } from '../dom.js';
import { t } from '../i18n.js';
import { problemText } from '../problem.js';

function weekAgo() {
    const day = new Date(Date.now() - 7 * 24 * 3600 * 1000);
    return day.toISOString().slice(0, 10);
}

export default {
    name: 'audit',
    roles: ['librarian', 'director'],
    async render(main) {
        const output = h('div', { 'aria-live': 'polite' });
        const since = h('input', { type: 'date', name: 'since', value: weekAgo() });
        const load = async () => {
            try {
                const entries = await api.get(query('/api/audit', { since: since.value }));
                replace(output, entries.length === 0 ? h('p', {}, t('web.audit.none')) : table([
                    [t('web.audit.time'), (e) => e.at_local.replace('T', ' ').slice(0, 19)],
                    [t('web.audit.account'), (e) => e.account ?? ''],
                    [t('web.audit.station'), (e) => e.station],
                    [t('web.audit.action'), (e) => e.action],
                    [t('web.audit.reader'), (e) => e.reader_name ?? e.reader ?? ''],
                    [t('web.audit.item'), (e) => e.title ?? e.item ?? ''],
                    [t('web.audit.detail'), (e) => e.detail],
                ], entries.slice().reverse(), { class: 'list audit', rowClass: (e) => (e.override ? 'override' : undefined) }));
            } catch (error) {
                replace(output, notice('error', problemText(error)));
            }
        };
        const form = h('form', {
            class: 'search no-print',
            onsubmit: (event) => {
                event.preventDefault();
                load();
            },
        }, field(t('web.audit.since'), since), h('button', { type: 'submit' }, t('web.reports.show')),
        h('button', { type: 'button', class: 'quiet', onclick: () => window.print() }, t('web.print')));
        replace(main, h('h1', {}, t('web.nav.audit')), form, output);
        await load();
    },
};
