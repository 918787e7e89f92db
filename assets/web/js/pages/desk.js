// The desk: one scan field that keeps the focus, so a USB scanner in keyboard mode types a
// card, then books, each ended by Enter. Every outcome comes as a banner; the reader last
// scanned stays beside them with what they hold, late books first.
import { api } from '../api.js';
import { h, replace, notice } from '../dom.js';
import { t, date } from '../i18n.js';
import { problemText } from '../problem.js';

const modes = ['desk', 'return', 'stocktake'];
const conditions = ['good', 'worn', 'damaged', 'lost'];
const bannersKept = 8;
// The station's command barcodes (kitap labels commands), with the default prefix.
const conditionCommand = (condition) => `KITAP-${condition.toUpperCase()}`;

export function today() {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// What a reader holds, late ones first and marked.
export function heldList(loans) {
    const now = today();
    const sorted = [...loans].sort((a, b) => (a.due < now) === (b.due < now) ? a.due.localeCompare(b.due) : a.due < now ? -1 : 1);
    if (sorted.length === 0) return h('p', { class: 'quiet' }, t('web.reader.no_loans'));
    return h('ul', { class: 'held' }, sorted.map((loan) => {
        const late = loan.due < now;
        return h('li', { class: late ? 'late' : undefined },
            late ? h('strong', { class: 'tag late' }, t('web.reader.late')) : null,
            h('span', { class: 'title' }, loan.title, loan.quantity > 1 ? ` ×${loan.quantity}` : ''),
            h('span', { class: 'code' }, loan.code),
            h('span', { class: 'due' }, t('web.reader.due', { date: date(loan.due) })));
    }));
}

function banner(outcome) {
    const details = [];
    if (outcome.reader_name) details.push(h('span', { class: 'reader-name' }, outcome.reader_name));
    if (outcome.title) details.push(h('span', { class: 'title' }, outcome.title));
    if (outcome.due) details.push(h('span', { class: 'due' }, t('web.reader.due', { date: date(outcome.due) })));
    return h('li', {
        class: `banner ${outcome.severity}`, dataset: { outcome: outcome.outcome, reason: outcome.reason },
    },
    h('span', { class: 'banner-word' }, t(`web.desk.outcome.${outcome.outcome}`)),
    h('span', { class: 'banner-message' }, outcome.message),
    h('span', { class: 'banner-details' }, details),
    outcome.overdue?.length ? h('span', { class: 'banner-overdue' }, t('web.desk.overdue_count', { count: outcome.overdue.length })) : null,
    h('code', { class: 'banner-code' }, outcome.code));
}

export default {
    name: 'desk',
    roles: ['librarian'],
    render(main) {
        let mode = 'desk';
        let chain = Promise.resolve();
        const banners = h('ol', { class: 'banners', 'aria-live': 'polite', 'aria-label': t('web.desk.outcomes') });
        const readerPanel = h('section', { class: 'reader-panel card', 'aria-label': t('web.desk.reader') },
            h('p', { class: 'quiet' }, t('web.desk.no_reader')));
        const scan = h('input', {
            id: 'scan', class: 'scan', autocomplete: 'off', spellcheck: 'false', 'aria-label': t('web.desk.scan_label'),
            placeholder: t('web.desk.scan_placeholder'),
        });
        const conditionBar = h('div', { class: 'conditions', role: 'group', 'aria-label': t('web.desk.condition') });
        const modeBar = h('div', { class: 'modes', role: 'group', 'aria-label': t('web.desk.mode') });

        async function showReader(card) {
            try {
                const reader = await api.get(`/api/readers/${encodeURIComponent(card)}`);
                replace(readerPanel,
                    h('h2', {}, reader.name),
                    h('p', { class: 'quiet' }, [reader.card, reader.class].filter(Boolean).join(' · ')),
                    heldList(reader.loans ?? []));
            } catch (error) {
                replace(readerPanel, notice('error', problemText(error)));
            }
        }

        function addBanner(element) {
            banners.prepend(element);
            while (banners.children.length > bannersKept) banners.lastElementChild.remove();
        }

        // Scans go one after another in the order typed, even when the scanner is faster
        // than the server.
        function send(code, scanMode = mode) {
            chain = chain.then(async () => {
                try {
                    const outcome = await api.post('/api/scan', { code, mode: scanMode });
                    addBanner(banner(outcome));
                    if (outcome.reader) await showReader(outcome.reader);
                } catch (error) {
                    addBanner(h('li', { class: 'banner fault', dataset: { outcome: 'error' } },
                        h('span', { class: 'banner-message' }, problemText(error)), h('code', { class: 'banner-code' }, code)));
                }
            });
            return chain;
        }

        function drawModes() {
            replace(modeBar, modes.map((name) => h('button', {
                type: 'button', 'aria-pressed': String(name === mode), dataset: { mode: name },
                onclick: () => {
                    mode = name;
                    drawModes();
                    scan.focus();
                },
            }, t(`web.desk.mode.${name}`))));
            conditionBar.hidden = mode !== 'return';
            replace(conditionBar, h('span', {}, t('web.desk.next_condition')), conditions.map((condition) => h('button', {
                type: 'button', dataset: { condition },
                onclick: async () => {
                    await send(conditionCommand(condition), 'return');
                    scan.focus();
                },
            }, t(`web.condition.${condition}`))));
        }

        scan.addEventListener('keydown', (event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            const code = scan.value.trim();
            scan.value = '';
            if (code) send(code);
        });
        // The field keeps the focus unless the librarian moved it to another control.
        const refocus = () => setTimeout(() => {
            if (!document.activeElement || document.activeElement === document.body) scan.focus();
        }, 0);
        scan.addEventListener('blur', refocus);
        window.addEventListener('focus', refocus);

        drawModes();
        replace(main,
            h('h1', {}, t('web.nav.desk')),
            h('div', { class: 'desk-bar' }, modeBar, conditionBar),
            scan,
            h('div', { class: 'desk' }, banners, readerPanel));
        scan.focus();
        return () => window.removeEventListener('focus', refocus);
    },
};
