import { h } from './dom.js';
import { language, languages, loadLanguage, t } from './i18n.js';

// Қазақша · Русский · English in the header: the pressed one is the page's language, kept
// in the browser for the next visit; `redraw` shows the page again in the new one.
export function languageSwitch(redraw) {
    return h('div', { class: 'languages', role: 'group', 'aria-label': t('web.header.language') },
        languages.map((lang) => h('button', {
            type: 'button', lang, 'aria-pressed': String(lang === language()),
            onclick: async () => {
                await loadLanguage(lang);
                redraw();
            },
        }, t(`web.language.${lang}`))));
}
