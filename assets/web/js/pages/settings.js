// Settings: the school's name and loan rules as the configuration file sets them; the kiosk's
// settings kept in the database (its language, how long a pupil's page stays open, when the
// librarian's screens lock) and the kiosk's PIN.
import { api } from '../api.js';
import { h, replace, table, field } from '../dom.js';
import { actionForm } from '../forms.js';
import { t } from '../i18n.js';

const kioskSettings = [
    { key: 'kiosk_language', input: (value) => h('select', { name: 'value' }, ['kk', 'ru', 'en'].map((lang) => h('option', { value: lang, selected: lang === value }, t(`web.language.${lang}`)))) },
    { key: 'kiosk_idle_timeout_seconds', input: (value) => h('input', { name: 'value', type: 'number', min: 10, max: 180, step: 5, value }) },
    { key: 'kiosk_librarian_lock_seconds', input: (value) => h('input', { name: 'value', type: 'number', min: 30, max: 900, step: 30, value }) },
];

function rulesTable(title, values, label) {
    return h('section', {}, h('h3', {}, title), table([
        [t('web.settings.what'), ([key]) => label(key)], [t('web.settings.value'), ([, value]) => value],
    ], Object.entries(values ?? {})));
}

function kioskForm(setting, value) {
    return actionForm({ class: 'inline' }, async (values) => {
        await api.put(`/api/settings/${setting.key}`, { value: values.value });
        return t('web.saved');
    }, field(t(`web.settings.${setting.key}`), setting.input(value)), h('button', { type: 'submit' }, t('web.save')));
}

function pinForm() {
    return actionForm({ class: 'inline' }, async (values, form) => {
        await api.put('/api/librarian-pin', { pin: values.pin });
        form.reset();
        return t('web.settings.pin_set');
    }, field(t('web.settings.pin'), h('input', { name: 'pin', type: 'password', inputmode: 'numeric', pattern: '[0-9]{6,8}', autocomplete: 'new-password', required: true })),
    h('button', { type: 'submit' }, t('web.save')));
}

export default {
    name: 'settings',
    roles: ['librarian'],
    async render(main) {
        const settings = await api.get('/api/settings');
        replace(main,
                h('h1', {}, t('web.nav.settings')),
                h('section', { class: 'card' },
                    h('h2', {}, t('web.settings.school')),
                    h('p', {}, h('strong', {}, settings.school_name)),
                    h('p', { class: 'quiet' }, t('web.settings.from_config', { file: settings.config_file ?? t('web.settings.defaults') })),
                    h('div', { class: 'columns' },
                        rulesTable(t('web.settings.loan_days'), settings.loan_days, (kind) => t(`web.kind.${kind}`)),
                        rulesTable(t('web.settings.loan_limits'), settings.loan_limits, (category) => t(`web.category.${category}`)))),
                h('section', { class: 'card' },
                    h('h2', {}, t('web.settings.kiosk')),
                    kioskSettings.map((setting) => kioskForm(setting, settings.kiosk[setting.key])),
                    pinForm()));
    },
};
