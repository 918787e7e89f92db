// Reports: each on screen (with a chart where a picture says more) and as PDF and XLSX
// files, made by the server exactly as `kitap report ...` makes them.
import { api, download, query } from '../api.js';
import { h, replace, table, notice, field, bar } from '../dom.js';
import { t, date, number, tenge } from '../i18n.js';
import { problemText } from '../problem.js';
import { chartBox } from '../charts.js';
import { classTotals } from './classes.js';

// Each report kind: its parameters and how its JSON is drawn.
const kinds = {
    provision: { parameters: ['class'], formats: ['pdf', 'xlsx', 'csv'], draw: drawProvision },
    debtors: { parameters: ['class', 'as_of'], formats: ['pdf', 'xlsx', 'csv'], draw: drawDebtors },
    register: { parameters: ['year'], formats: ['pdf', 'xlsx'], draw: drawRegister },
    acts: { parameters: [], formats: [], draw: drawActs },
    order: { parameters: ['for_year'], formats: ['pdf', 'xlsx'], draw: drawOrder },
    annual: { parameters: ['year'], formats: ['pdf', 'xlsx'], draw: drawAnnual },
};

function drawProvision(data) {
    const grades = data.grades ?? [];
    return [
        grades.length ? chartBox(t('web.reports.chart.provision_by_grade'), {
            type: 'bar',
            data: {
                labels: grades.map((g) => t('web.reports.grade', { grade: g.grade })),
                datasets: [{ label: t('web.reports.provision_pct'), data: grades.map((g) => g.provision_pct) }],
            },
            options: { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
        }) : null,
        table([
            [t('web.field.class'), (c) => c.class],
            [t('web.classes.provision'), (c) => bar(c.issued, c.needed, t('web.classes.provision'))],
        ], classTotals(data)),
    ];
}

function drawDebtors(data) {
    if (data.length === 0) return h('p', {}, t('web.reports.no_debtors'));
    return data.map((group) => h('section', { class: 'debtor-class' },
        h('h3', {}, group.class ? t('web.classes.class', { class: group.class }) : t('web.reports.no_class')),
        table([
            [t('web.field.name'), (d) => d.name],
            [t('web.field.card'), (d) => d.card],
            [t('web.reports.items'), (d) => h('ul', { class: 'plain' }, d.items.map((item) =>
                h('li', {}, `${item.title}${item.quantity > 1 ? ` ×${item.quantity}` : ''} — ${t('web.reader.due', { date: date(item.due) })}`)))],
        ], group.debtors)));
}

// The register's lines, top to bottom: [label, section => cell].
function registerRows(data) {
    const label = (key) => t(`web.reports.register.${key}`);
    const movement = (m) => `${number(m.copies)} · ${tenge(m.sum)}`;
    const rows = [[label('fund_start'), (s) => number(s.fund_start)],
        [label('received'), (s) => movement(s.received)],
        [label('written_off'), (s) => movement(s.written_off)]];
    for (const reason of Object.keys(data.total.written_off.by_reason ?? {}))
        rows.push([t('web.reports.register.written_off_reason', { reason: t(`web.writeoff.reason.${reason}`) }),
            (s) => movement(s.written_off.by_reason[reason])]);
    rows.push([label('lost_on_return'), (s) => movement(s.written_off.lost_on_return)]);
    rows.push([label('fund_end'), (s) => number(s.fund_end)]);
    return rows;
}

function drawRegister(data) {
    return [h('p', { class: 'quiet' }, t('web.reports.year_span', { year: data.year, from: date(data.from), to: date(data.to) })),
        table([
            [t('web.reports.measure'), ([label]) => label],
            [t('web.reports.textbooks'), ([, value]) => value(data.textbooks)],
            [t('web.reports.other'), ([, value]) => value(data.other)],
            [t('web.reports.total'), ([, value]) => value(data.total)],
        ], registerRows(data))];
}

function drawActs(data, show) {
    if (data.length === 0) return h('p', {}, t('web.reports.no_acts'));
    return table([
        [t('web.reports.act'), (act) => act.number],
        [t('web.field.date'), (act) => date(act.date)],
        [t('web.field.reason'), (act) => t(`web.writeoff.reason.${act.reason}`)],
        [t('web.reports.copies'), (act) => number(act.copies)],
        [t('web.field.amount'), (act) => tenge(act.sum)],
        ['', (act) => h('span', { class: 'actions no-print' }, ['pdf', 'xlsx'].map((format) => h('button', {
            type: 'button', onclick: () => show(download(query(`/api/acts/${encodeURIComponent(act.number)}`, { format }))),
        }, format.toUpperCase())))],
    ], data);
}

function drawOrder(data) {
    return [h('p', {}, t('web.reports.order_total', { year: data.for_year, to_order: number(data.total.to_order), sum: tenge(data.total.sum) })),
        table([
            [t('web.field.title'), (line) => line.title],
            [t('web.field.isbn'), (line) => line.isbn],
            [t('web.reports.pupils'), (line) => number(line.pupils)],
            [t('web.reports.needed'), (line) => number(line.needed)],
            [t('web.reports.usable'), (line) => number(line.usable)],
            [t('web.reports.to_order'), (line) => number(line.to_order)],
            [t('web.field.amount'), (line) => tenge(line.sum)],
        ], data.titles ?? [])];
}

export function previousYear(schoolYear) {
    const [first, second] = String(schoolYear).split('-').map(Number);
    return first && second ? `${first - 1}-${second - 1}` : '';
}

const annualFigures = ['readers_total', 'readers_grades_1_4', 'readers_grades_5_9', 'readers_grades_10_11', 'readers_teachers',
    'readers_others', 'visits', 'loans', 'fund_start', 'fund_start_textbooks', 'received_copies', 'received_sum',
    'received_textbooks_copies', 'received_textbooks_sum', 'written_off_copies', 'written_off_sum', 'stocktake_checked'];

// The same figures of two years as bars side by side.
function besideLast(label, keys, data, last) {
    return chartBox(label, {
        type: 'bar',
        data: {
            labels: keys.map((key) => t(`web.reports.annual.${key}`)),
            datasets: [last, data].map((year) => ({ label: year.school_year, data: keys.map((key) => year[key] ?? 0) })),
        },
    });
}

async function drawAnnual(data) {
    const lastYear = previousYear(data.school_year);
    const last = await api.get(query('/api/reports/annual', { year: lastYear, format: 'json' })).catch(() => ({ school_year: lastYear }));
    const value = (year, key) => (key.endsWith('_sum') ? tenge(year[key] ?? 0) : number(year[key] ?? 0));
    const charts = [
        besideLast(t('web.reports.chart.year_beside_last'), ['readers_total', 'visits', 'loans', 'received_copies', 'written_off_copies'], data, last),
        besideLast(t('web.reports.chart.readers_by_group'),
            ['readers_grades_1_4', 'readers_grades_5_9', 'readers_grades_10_11', 'readers_teachers', 'readers_others'], data, last),
    ];
    if (data.loans_by_month) {
        charts.push(chartBox(t('web.reports.chart.loans_by_month'), {
            type: 'line',
            data: {
                labels: data.loans_by_month.map((m) => m.month),
                datasets: [data, last].filter((year) => year.loans_by_month)
                    .map((year) => ({ label: year.school_year, data: year.loans_by_month.map((m) => m.loans) })),
            },
        }));
    }
    return [h('div', { class: 'charts' }, charts),
        table([
            [t('web.reports.measure'), (key) => t(`web.reports.annual.${key}`)],
            [last.school_year, (key) => value(last, key)],
            [data.school_year, (key) => value(data, key)],
        ], annualFigures)];
}

function parameterInput(name) {
    const types = { as_of: 'date' };
    const hints = { class: '5Ә', year: '2023-2024', for_year: '2024-2025' };
    return field(t(`web.reports.parameter.${name}`), h('input', { name, type: types[name] ?? 'text', placeholder: hints[name] }));
}

export default {
    name: 'reports',
    roles: ['librarian', 'director'],
    render(main, { argument }) {
        const kind = kinds[argument] ? argument : 'provision';
        const spec = kinds[kind];
        const output = h('div', { class: 'report-output', 'aria-live': 'polite' });
        const message = h('div', { class: 'no-print' });
        const form = h('form', { class: 'report-form no-print' });
        const parameters = () => Object.fromEntries(spec.parameters.map((name) => [name, form.elements[name].value.trim()]));
        const show = (promise) => promise.catch((error) => replace(message, notice('error', problemText(error))));
        const path = kind === 'acts' ? '/api/acts' : `/api/reports/${kind}`;
        async function draw() {
            replace(message);
            try {
                const data = await api.get(query(path, kind === 'acts' ? {} : { ...parameters(), format: 'json' }));
                replace(output, await spec.draw(data, show));
            } catch (error) {
                replace(output, notice('error', problemText(error)));
            }
        }
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            draw();
        });
        replace(form, spec.parameters.map(parameterInput),
            h('button', { type: 'submit', class: 'primary' }, t('web.reports.show')),
            spec.formats.map((format) => h('button', {
                type: 'button', dataset: { format },
                onclick: () => show(download(query(path, { ...parameters(), format }))),
            }, t('web.reports.download', { format: format.toUpperCase() }))),
            h('button', { type: 'button', class: 'quiet', onclick: () => window.print() }, t('web.print')));
        replace(main,
            h('h1', {}, t('web.nav.reports')),
            h('nav', { class: 'tabs no-print', 'aria-label': t('web.reports.kinds') }, Object.keys(kinds).map((name) => h('a', {
                href: `#/reports/${name}`, 'aria-current': name === kind ? 'page' : undefined,
            }, t(`web.reports.kind.${name}`)))),
            h('h2', { class: 'print-only' }, t(`web.reports.kind.${kind}`)),
            form, message, output);
        if (kind !== 'order') draw();
    },
};
