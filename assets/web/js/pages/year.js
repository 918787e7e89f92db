// The year's work: stocktake (start, then scan at the desk in stocktake mode, then finish),
// write-offs on numbered acts, and the year close with its dry run first.
import { api } from '../api.js';
import { h, replace, table, notice, field } from '../dom.js';
import { actionForm, copiesOrCount } from '../forms.js';
import { t, number, tenge } from '../i18n.js';
import { problemText } from '../problem.js';

const reasons = ['worn', 'curriculum', 'lost', 'damaged', 'transfer'];

function stocktakeSection() {
    const message = h('div', { 'aria-live': 'polite' });
    const scope = h('input', { name: 'scope', value: 'all', 'aria-describedby': 'scope-hint' });
    const finished = (report) => [
        notice('done', t('web.year.stocktake_finished', {
            found: number(report.found_copies), expected: number(report.expected_copies),
            missing: number(report.missing.length), unexpected: number(report.unexpected.length),
        })),
        report.missing.length ? table([
            [t('web.field.code'), (line) => line.code], [t('web.field.title'), (line) => line.title], [t('web.field.shelf'), (line) => line.shelf ?? ''],
        ], report.missing.slice(0, 50), { class: 'list missing' }) : null,
    ];
    const act = (path, body, after) => async () => {
        try {
            replace(message, after(await api.post(path, body())));
        } catch (error) {
            replace(message, notice('error', problemText(error)));
        }
    };
    return h('section', { class: 'card' },
        h('h2', {}, t('web.year.stocktake')),
        h('p', { class: 'quiet' }, t('web.year.stocktake_hint')),
        field(t('web.year.scope'), scope),
        h('p', { class: 'quiet', id: 'scope-hint' }, t('web.year.scope_hint')),
        h('div', { class: 'actions' },
            h('button', { type: 'button', onclick: act('/api/stocktake/start', () => ({ scope: scope.value.trim() }), () => notice('done', t('web.year.stocktake_started', { scope: scope.value.trim() }))) }, t('web.year.stocktake_start')),
            h('a', { class: 'button', href: '#/desk' }, t('web.year.stocktake_scan')),
            h('button', { type: 'button', onclick: act('/api/stocktake/finish', () => ({}), finished) }, t('web.year.stocktake_finish'))),
        message);
}

function writeoffSection() {
    const form = actionForm({ class: 'form-grid' }, async (values, written) => {
        const done = await api.post('/api/writeoff', { ...copiesOrCount(values), reason: values.reason, act: values.act });
        written.reset();
        return t('web.year.written_off', { act: done.act.number, copies: number(done.copies), sum: tenge(done.sum) });
    },
    field(t('web.field.reason'), h('select', { name: 'reason' }, reasons.map((reason) => h('option', { value: reason }, t(`web.writeoff.reason.${reason}`))))),
    field(t('web.year.act'), h('input', { name: 'act', placeholder: t('web.year.act_new') })),
    field(t('web.field.isbn'), h('input', { name: 'isbn' })),
    field(t('web.catalogue.count'), h('input', { name: 'count', type: 'number', min: 1 })),
    field(t('web.catalogue.copies'), h('textarea', { name: 'copies', rows: 2 })),
    h('button', { type: 'submit', class: 'primary' }, t('web.year.writeoff_submit')));
    return h('section', { class: 'card' }, h('h2', {}, t('web.year.writeoff')), form,
        h('p', {}, h('a', { href: '#/reports/acts' }, t('web.year.acts_link'))));
}

function closeSummary(close) {
    return [
        notice(close.dry_run ? 'warning' : 'done', t(close.dry_run ? 'web.year.close_would' : 'web.year.close_done', {
            year: close.year, next: close.next_year, classes: close.promoted.length, graduates: close.graduates.length, debts: close.debts.length,
        })),
        close.promoted.length ? table([
            [t('web.year.from'), (c) => c.from], [t('web.year.to'), (c) => c.to], [t('web.reports.pupils'), (c) => c.pupils],
        ], close.promoted) : null,
        close.debts.length ? h('section', {}, h('h3', {}, t('web.year.debts')), table([
            [t('web.field.name'), (d) => d.name], [t('web.field.class'), (d) => d.class], [t('web.field.title'), (d) => d.title], [t('web.reports.copies'), (d) => d.quantity],
        ], close.debts)) : null,
    ];
}

function closeSection() {
    const message = h('div', { 'aria-live': 'polite' });
    const early = h('input', { type: 'checkbox', name: 'early' });
    const run = async (dryRun) => {
        try {
            const close = await api.post('/api/year/close', { dry_run: dryRun, early: early.checked });
            const confirm = h('button', { type: 'button', class: 'primary danger', id: 'year-close-confirm', onclick: () => run(false) }, t('web.year.close_confirm'));
            replace(message, closeSummary(close), dryRun ? h('div', { class: 'actions' }, confirm, h('button', { type: 'button', onclick: () => replace(message) }, t('web.cancel'))) : null);
            if (dryRun) confirm.focus();
        } catch (error) {
            replace(message, notice('error', problemText(error)));
        }
    };
    return h('section', { class: 'card' },
        h('h2', {}, t('web.year.close')),
        h('p', { class: 'quiet' }, t('web.year.close_hint')),
        h('label', { class: 'check' }, early, t('web.year.early')),
        h('button', { type: 'button', onclick: () => run(true) }, t('web.year.close_check')),
        message);
}

export default {
    name: 'year',
    roles: ['librarian'],
    render(main) {
        replace(main, h('h1', {}, t('web.nav.year')), h('div', { class: 'columns' }, stocktakeSection(), writeoffSection(), closeSection()));
    },
};
