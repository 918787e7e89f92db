// Accounts (the librarian only): who may log in to the console, with which role; a class
// teacher with the classes they lead.
import { api } from '../api.js';
import { h, replace, table, notice, field } from '../dom.js';
import { actionForm } from '../forms.js';
import { t } from '../i18n.js';
import { problemText } from '../problem.js';

const roles = ['librarian', 'teacher', 'director'];

// A new password for an account: its sessions end at their next request.
function passwordForm(name) {
    return actionForm({ class: 'inline' }, async (values, form) => {
        await api.post(`/api/users/${encodeURIComponent(name)}/password`, { password: values.password });
        form.reset();
        return t('web.accounts.password_set', { name });
    }, h('input', { name: 'password', type: 'password', minlength: 10, required: true, autocomplete: 'new-password', 'aria-label': t('web.accounts.new_password') }),
    h('button', { type: 'submit' }, t('web.save')));
}

export default {
    name: 'accounts',
    roles: ['librarian'],
    async render(main, { me }) {
        const message = h('div', { 'aria-live': 'polite' });
        const list = h('div');
        const act = (work) => async () => {
            try {
                await work();
                await load();
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
        };
        const load = async () => {
            const accounts = await api.get('/api/users');
            replace(list, table([
                [t('web.field.name'), (a) => a.name],
                [t('web.accounts.role'), (a) => t(`web.role.${a.role}`)],
                [t('web.accounts.classes'), (a) => a.classes.join(', ')],
                [t('web.accounts.new_password'), (a) => passwordForm(a.name)],
                ['', (a) => a.name === me.user ? '' : h('button', {
                    type: 'button', class: 'danger', onclick: act(async () => {
                        if (!window.confirm(t('web.accounts.remove_question', { name: a.name }))) return;
                        await api.delete(`/api/users/${encodeURIComponent(a.name)}`);
                        replace(message, notice('done', t('web.accounts.removed', { name: a.name })));
                    }),
                }, t('web.accounts.remove'))],
            ], accounts));
        };
        const form = actionForm({ class: 'card form-grid' }, async (values, added) => {
            const classes = (values.classes ?? '').split(/[\s,;]+/).filter(Boolean);
            await api.post('/api/users', { name: values.name, role: values.role, classes, password: values.password });
            added.reset();
            await load();
            return t('web.accounts.added', { name: values.name });
        },
        h('h2', {}, t('web.accounts.add')),
        field(t('web.field.name'), h('input', { name: 'name', required: true, autocomplete: 'off' })),
        field(t('web.accounts.role'), h('select', { name: 'role' }, roles.map((role) => h('option', { value: role }, t(`web.role.${role}`))))),
        field(t('web.accounts.classes'), h('input', { name: 'classes', placeholder: '5Ә 7Б' })),
        field(t('web.login.password'), h('input', { name: 'password', type: 'password', minlength: 10, required: true, autocomplete: 'new-password' })),
        h('button', { type: 'submit', class: 'primary' }, t('web.accounts.add_submit')));
        replace(main, h('h1', {}, t('web.nav.accounts')), message, list, form);
        await load();
    },
};
