// Settings: the school's name and loan rules as the configuration file sets them; the kiosk's
// settings kept in the database (its language, how long a pupil's page stays open, when the
// librarian's screens lock) and the kiosk's PIN.
import { api } from '../api.js';
import { h, replace, table, notice, field } from '../dom.js';
import { t } from '../i18n.js';
import { problemText } from '../problem.js';

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

function kioskForm(setting, value, reload) {
    const message = h('span', { 'aria-live': 'polite' });
    const input = setting.input(value);
    return h('form', {
        class: 'inline',
        onsubmit: async (event) => {
            event.preventDefault();
            try {
                await api.put(`/api/settings/${setting.key}`, { value: input.value });
                replace(message, notice('done', t('web.saved')));
                reload();
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
        },
    }, field(t(`web.settings.${setting.key}`), input), h('button', { type: 'submit' }, t('web.save')), message);
}

function pinForm() {
    const message = h('div', { 'aria-live': 'polite' });
    const pin = h('input', { name: 'pin', type: 'password', inputmode: 'numeric', pattern: '[0-9]{6,8}', autocomplete: 'new-password', required: true });
    return h('form', {
        class: 'inline',
        onsubmit: async (event) => {
            event.preventDefault();
            try {
                await api.put('/api/librarian-pin', { pin: pin.value });
                pin.value = '';
                replace(message, notice('done', t('web.settings.pin_set')));
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
        },
    }, field(t('web.settings.pin'), pin), h('button', { type: 'submit' }, t('web.save')), message);
}

export default {
    name: 'settings',
    roles: ['librarian'],
    async render(main) {
        const load = async () => {
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
                    kioskSettings.map((setting) => kioskForm(setting, settings.kiosk?.[setting.key], load)),
                    pinForm()));
        };
        await load();
    },
};
