// Classes: every class with a bar of how much of its textbooks it holds; a class's pupils
// with their sets; "issue the whole class set" with its dry run first, then who was left
// without what and why.
import { api, query } from '../api.js';
import { h, replace, table, bar, notice } from '../dom.js';
import { t } from '../i18n.js';
import { problemText } from '../problem.js';

// The provision report's lines (class × title) summed per class.
export function classTotals(provision) {
    const byClass = new Map();
    for (const line of provision.lines ?? []) {
        const total = byClass.get(line.class) ?? { class: line.class, grade: line.grade, needed: 0, issued: 0 };
        total.needed += line.needed;
        total.issued += line.issued;
        byClass.set(line.class, total);
    }
    return [...byClass.values()].sort((a, b) => a.grade - b.grade || a.class.localeCompare(b.class));
}

// A pupil's class set as "7/10", with a tick when whole.
export function setCell(pupil) {
    return h('span', { class: pupil.complete ? 'set complete' : 'set' }, `${pupil.set_held}/${pupil.set_needed}`, pupil.complete ? ' ✓' : '');
}

// The titles of the set a pupil still lacks.
export function missingCell(pupil) {
    return pupil.missing.map((line) => line.title + (line.missing > 1 ? ` ×${line.missing}` : '')).join('; ');
}

function issueSummary(result) {
    return t(result.dry_run ? 'web.classes.would_issue' : 'web.classes.issued', {
        loans: result.loans, complete: result.complete_sets, pupils: result.pupils,
        short: new Set(result.shortages.map((s) => s.card)).size,
    });
}

function shortagesTable(result) {
    if (result.shortages.length === 0) return h('p', {}, t('web.classes.no_shortages'));
    return h('section', { class: 'shortages' },
        h('h3', {}, t('web.classes.left_without')),
        table([
            [t('web.field.name'), (s) => s.name],
            [t('web.field.card'), (s) => s.card],
            [t('web.field.title'), (s) => s.title],
            [t('web.field.missing'), (s) => s.missing],
            [t('web.field.reason'), (s) => t(`web.shortage.${s.reason}`)],
        ], result.shortages));
}

async function showClass(section, className, me, reload) {
    replace(section, h('h2', {}, t('web.classes.class', { class: className })), h('p', { class: 'quiet' }, t('web.loading')));
    const { pupils } = await api.get(query('/api/readers', { class: className }));
    const outcome = h('div', { class: 'issue-outcome', 'aria-live': 'polite' });
    const issueButton = me.role === 'librarian'
        ? h('button', {
            type: 'button', class: 'primary', id: 'issue-set',
            onclick: async () => {
                try {
                    const dry = await api.post('/api/issue-set', { class: className, dry_run: true });
                    const confirmButton = h('button', {
                        type: 'button', class: 'primary', id: 'issue-confirm',
                        onclick: async () => {
                            try {
                                const done = await api.post('/api/issue-set', { class: className });
                                replace(outcome, notice('done', issueSummary(done)), shortagesTable(done));
                                reload();
                            } catch (error) {
                                replace(outcome, notice('error', problemText(error)));
                            }
                        },
                    }, t('web.classes.issue_confirm'));
                    replace(outcome, h('div', { class: 'question card', role: 'alertdialog', 'aria-label': t('web.classes.issue_question') },
                        h('p', {}, h('strong', {}, t('web.classes.issue_question'))),
                        h('p', {}, issueSummary(dry)),
                        shortagesTable(dry),
                        h('div', { class: 'actions' }, confirmButton,
                            h('button', { type: 'button', onclick: () => replace(outcome) }, t('web.cancel')))));
                    confirmButton.focus();
                } catch (error) {
                    replace(outcome, notice('error', problemText(error)));
                }
            },
        }, t('web.classes.issue_all'))
        : null;
    replace(section,
        h('div', { class: 'section-head' }, h('h2', {}, t('web.classes.class', { class: className })), issueButton,
            h('button', { type: 'button', class: 'quiet no-print', onclick: () => window.print() }, t('web.print'))),
        outcome,
        table([
            [t('web.field.name'), (p) => h('a', { href: `#/readers/${encodeURIComponent(p.card)}` }, p.name)],
            [t('web.field.card'), (p) => p.card],
            [t('web.classes.holds'), (p) => p.holds],
            [t('web.classes.set'), setCell],
            [t('web.classes.missing'), missingCell],
        ], pupils));
}

export default {
    name: 'classes',
    roles: ['librarian', 'director'],
    async render(main, { me, argument }) {
        const list = h('section', { class: 'class-list', 'aria-label': t('web.classes.list') });
        const detail = h('section', { class: 'class-detail' });
        replace(main, h('h1', {}, t('web.nav.classes')), h('div', { class: 'split' }, list, detail));
        const load = async () => {
            const totals = classTotals(await api.get(query('/api/reports/provision', { format: 'json' })));
            replace(list, totals.length === 0 ? h('p', {}, t('web.classes.none')) : h('ul', { class: 'classes' }, totals.map((total) =>
                h('li', {}, h('a', {
                    href: `#/classes/${encodeURIComponent(total.class)}`, 'aria-current': total.class === argument ? 'true' : undefined,
                }, h('span', { class: 'class-name' }, total.class), bar(total.issued, total.needed, t('web.classes.provision'), { compact: true }))))));
        };
        await load();
        list.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'center' });
        if (argument) await showClass(detail, argument, me, load).catch((error) => replace(detail, notice('error', problemText(error))));
        else replace(detail, h('p', { class: 'quiet' }, t('web.classes.pick')));
    },
};
