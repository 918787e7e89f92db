import { ApiError } from './api.js';
import { t } from './i18n.js';

// What went wrong, in the reader's language: the server's message (already translated by
// the server), else the words for the status.
export function problemText(error) {
    if (!(error instanceof ApiError)) {
        // fetch() rejects with a TypeError when the server cannot be reached; anything else is a
        // fault of the page itself, kept in the console (the browser tests fail on it).
        if (!(error instanceof TypeError && /fetch/i.test(error.message))) console.error(error);
        return t('web.error.network');
    }
    if (error.status === 403) return t('web.error.forbidden');
    if (error.status === 401 && error.code !== 'wrong_password') return t('web.error.session');
    if (error.status === 429) return t('web.error.locked');
    return error.message || t('web.error.generic', { status: error.status });
}
