// Login: name and password; 401 says wrong, 429 says locked for a while.
import { api, ApiError } from '../api.js';
import { h, replace, notice, field } from '../dom.js';
import { t } from '../i18n.js';
import { problemText } from '../problem.js';

export default {
    name: 'login',
    roles: [],
    render(main, { onLoggedIn }) {
        const message = h('div', { class: 'message', 'aria-live': 'polite' });
        const user = h('input', { name: 'user', autocomplete: 'username', required: true, autofocus: true });
        const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
        const form = h('form', {
            class: 'login card',
            onsubmit: async (event) => {
                event.preventDefault();
                replace(message);
                try {
                    const me = await api.post('/api/login', { user: user.value.trim(), password: password.value });
                    onLoggedIn({ ...me, ...(await api.get('/api/me').catch(() => ({}))), csrf: me.csrf });
                } catch (error) {
                    password.value = '';
                    password.focus();
                    const text = error instanceof ApiError && error.status === 401 ? t('web.login.wrong') : problemText(error);
                    replace(message, notice('error', text));
                }
            },
        },
        h('h1', {}, t('web.login.title')),
        field(t('web.login.user'), user),
        field(t('web.login.password'), password),
        h('button', { type: 'submit', class: 'primary' }, t('web.login.submit')),
        message,
        h('p', { class: 'aside' }, h('a', { href: '/catalog.html' }, t('web.login.public_catalog'))));
        replace(main, form);
        user.focus();
    },
};
