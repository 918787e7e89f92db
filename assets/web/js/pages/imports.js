// Imports: a roster, the catalogue or curricula. The file is first checked (a dry run: the
// counts of what would change, every bad line by its number); then imported as it was checked.
import { api, ApiError, query } from '../api.js';
import { h, replace, table, notice, field } from '../dom.js';
import { t } from '../i18n.js';
import { problemText } from '../problem.js';

const kinds = ['readers', 'catalog', 'curriculum'];
const counts = ['rows', 'added', 'updated', 'unchanged'];

function importPath(values, dryRun) {
    return query(`/api/import/${values.kind}`, {
        dry_run: dryRun ? 1 : undefined, filename: values.file.name, class: values.class, sheet: values.sheet,
        all_sheets: values.allSheets ? 1 : undefined,
    });
}

function countsTable(result) {
    return table([[t('web.imports.what'), ([key]) => t(`web.imports.count.${key}`)], [t('web.imports.how_many'), ([, value]) => value]],
        counts.filter((key) => key in result).map((key) => [key, result[key]]), { class: 'list counts' });
}

function linesTable(rows, heading) {
    return h('section', { class: 'bad-rows' }, h('h3', {}, heading), table([
        [t('web.imports.line'), (row) => row.line ?? ''],
        [t('web.imports.message'), (row) => row.message],
    ], rows));
}

export default {
    name: 'imports',
    roles: ['librarian'],
    render(main) {
        const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
        const kind = h('select', { name: 'kind', id: 'import-kind' }, kinds.map((k) => h('option', { value: k }, t(`web.imports.kind.${k}`))));
        const file = h('input', { type: 'file', name: 'file', id: 'import-file', required: true, accept: '.csv,.tsv,.txt,.xlsx,.xls,.ods' });
        const className = h('input', { name: 'class', placeholder: '5Ә' });
        const sheet = h('input', { name: 'sheet' });
        const allSheets = h('input', { type: 'checkbox', name: 'all_sheets' });
        const values = () => ({ kind: kind.value, file: file.files[0], class: className.value.trim(), sheet: sheet.value.trim(), allSheets: allSheets.checked });

        async function run(dryRun) {
            const chosen = values();
            if (!chosen.file) return;
            try {
                const result = await api.upload(importPath(chosen, dryRun), chosen.file);
                const importButton = h('button', {
                    type: 'button', class: 'primary', id: 'import-confirm', onclick: () => run(false),
                }, t('web.imports.import'));
                replace(preview,
                    notice('done', t(dryRun ? 'web.imports.checked' : 'web.imports.done', { file: chosen.file.name })),
                    countsTable(result),
                    result.notes?.length ? linesTable(result.notes, t('web.imports.notes')) : null,
                    dryRun ? importButton : null);
                if (dryRun) importButton.focus();
            } catch (error) {
                if (error instanceof ApiError && error.code === 'bad_rows') {
                    const rows = error.body.rows ?? error.body.details?.rows ?? [];
                    replace(preview, notice('error', t('web.imports.bad_rows', { count: rows.length, file: chosen.file.name })),
                        linesTable(rows, t('web.imports.bad_lines')));
                } else {
                    replace(preview, notice('error', problemText(error)));
                }
            }
        }

        const form = h('form', {
            class: 'card form-grid',
            onsubmit: (event) => {
                event.preventDefault();
                run(true);
            },
        },
        field(t('web.imports.kind'), kind),
        field(t('web.imports.file'), file),
        field(t('web.imports.class'), className),
        field(t('web.imports.sheet'), sheet),
        h('label', { class: 'check' }, allSheets, t('web.imports.all_sheets')),
        h('p', { class: 'quiet' }, t('web.imports.hint')),
        h('button', { type: 'submit', class: 'primary', id: 'import-check' }, t('web.imports.check')));
        file.addEventListener('change', () => replace(preview));
        kind.addEventListener('change', () => replace(preview));
        replace(main, h('h1', {}, t('web.nav.imports')), form, preview);
    },
};
