// A class teacher's page: their classes, who holds what, the debtors with a print button.
import { api, download, query } from '../api.js';
import { h, replace, table, notice } from '../dom.js';
import { t, date } from '../i18n.js';
import { problemText } from '../problem.js';
import { missingCell, setCell } from './classes.js';

async function classSection(className) {
    const message = h('div', { class: 'no-print' });
    const [{ pupils }, debtors] = await Promise.all([
        api.get(query('/api/readers', { class: className })),
        api.get(query('/api/reports/debtors', { class: className, format: 'json' })),
    ]);
    const owing = debtors.flatMap((group) => group.debtors);
    return h('section', { class: 'card teacher-class' },
        h('div', { class: 'section-head' },
            h('h2', {}, t('web.classes.class', { class: className })),
            h('button', { type: 'button', class: 'no-print', onclick: () => download(query('/api/reports/debtors', { class: className, format: 'pdf' })).catch((e) => replace(message, notice('error', problemText(e)))) }, t('web.teacher.debtors_pdf')),
            h('button', { type: 'button', class: 'quiet no-print', onclick: () => window.print() }, t('web.print'))),
        message,
        h('h3', {}, t('web.teacher.pupils')),
        table([
            [t('web.field.name'), (p) => p.name],
            [t('web.classes.holds'), (p) => p.holds],
            [t('web.classes.set'), setCell],
            [t('web.classes.missing'), missingCell],
        ], pupils),
        h('h3', {}, t('web.teacher.debtors')),
        owing.length === 0 ? h('p', {}, t('web.reports.no_debtors')) : table([
            [t('web.field.name'), (d) => d.name],
            [t('web.reports.items'), (d) => h('ul', { class: 'plain' }, d.items.map((item) =>
                h('li', {}, `${item.title}${item.quantity > 1 ? ` ×${item.quantity}` : ''} — ${t('web.reader.due', { date: date(item.due) })}`)))],
        ], owing));
}

export default {
    name: 'teacher',
    roles: ['teacher'],
    async render(main, { me }) {
        replace(main, h('h1', {}, t('web.nav.teacher')));
        for (const className of me.classes ?? []) {
            main.append(await classSection(className).catch((error) => notice('error', problemText(error))));
        }
        if (!me.classes?.length) main.append(h('p', {}, t('web.teacher.no_classes')));
    },
};
