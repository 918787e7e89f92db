// Stations: the kiosks on other PCs (online, last call, journal entries still waiting) and
// the exceptions list: scans an offline kiosk accepted that the rules refused when its
// journal reached the server. The librarian accepts each as an override or discards it;
// the director sees the list. Both are in the audit log.
import { api } from '../api.js';
import { h, replace, table, notice } from '../dom.js';
import { known, t } from '../i18n.js';
import { problemText } from '../problem.js';

// 2026-11-25T09:00:00Z → 25.11.2026 14:00 in the browser's (the school's) time zone.
function localTime(iso) {
    if (!iso) return '—';
    const at = new Date(iso);
    const two = (n) => String(n).padStart(2, '0');
    return `${two(at.getDate())}.${two(at.getMonth() + 1)}.${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

function reasonText(reason) {
    return known(`web.exceptions.reason.${reason}`) ? t(`web.exceptions.reason.${reason}`) : reason;
}

function stationsTable(stations) {
    if (stations.length === 0) return h('p', {}, t('web.stations.none'));
    return table([
        [t('web.exceptions.station'), (s) => s.name],
        [t('web.stations.state'), (s) => h('span', { class: `link-state ${s.online ? 'online' : 'offline'}` }, t(s.online ? 'web.stations.online' : 'web.stations.offline'))],
        [t('web.stations.last_seen'), (s) => localTime(s.last_seen)],
        [t('web.stations.waiting'), (s) => String(s.journal_waiting)],
    ], stations, { class: 'list' });
}

export default {
    name: 'stations',
    roles: ['librarian', 'director'],
    async render(main, { me }) {
        const message = h('div', { 'aria-live': 'polite' });
        const kiosks = h('div');
        const exceptions = h('div');
        const settle = (exception, how) => async () => {
            if (how === 'discard' && !window.confirm(t('web.exceptions.discard_question', { code: exception.code, card: exception.card }))) return;
            try {
                const settled = await api.post(`/api/exceptions/${exception.id}/${how}`);
                replace(message, notice('done', settled.message));
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
            await load();
        };
        const exceptionsTable = (list) => {
            if (list.length === 0) return h('p', {}, t('web.exceptions.none'));
            const columns = [
                [t('web.exceptions.scanned_at'), (e) => localTime(e.scanned_at)],
                [t('web.exceptions.station'), (e) => e.station],
                [t('web.exceptions.card'), (e) => h('a', { href: `#/readers/${encodeURIComponent(e.card)}` }, e.card)],
                [t('web.exceptions.code'), (e) => e.code],
                [t('web.exceptions.mode'), (e) => t(`web.exceptions.mode.${e.mode}`)],
                [t('web.field.reason'), (e) => reasonText(e.reason)],
            ];
            if (me.role === 'librarian') {
                columns.push(['', (e) => h('span', { class: 'settle' },
                    h('button', { type: 'button', class: 'primary', onclick: settle(e, 'accept') }, t('web.exceptions.accept')),
                    h('button', { type: 'button', class: 'danger', onclick: settle(e, 'discard') }, t('web.exceptions.discard')))]);
            }
            return table(columns, list, { class: 'list exceptions' });
        };
        const load = async () => {
            try {
                const [stations, list] = await Promise.all([api.get('/api/stations'), api.get('/api/exceptions')]);
                replace(kiosks, stationsTable(stations));
                replace(exceptions, exceptionsTable(list));
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
        };
        replace(main, h('h1', {}, t('web.nav.stations')), message,
            h('h2', {}, t('web.stations.kiosks')), kiosks,
            h('h2', {}, t('web.exceptions.title')), h('p', { class: 'explain' }, t('web.exceptions.hint')), exceptions);
        await load();
    },
};
