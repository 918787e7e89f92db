// The console's words come from assets/i18n/web/<lang>.json, served by GET /api/i18n/{lang}
// (the same files and completeness test as the kiosk's). Kazakh first, as at the kiosk.

export const languages = ['kk', 'ru', 'en'];
const storageKey = 'kitap.lang';
let messages = {};
let current = 'kk';

export function language() {
    return current;
}

export function chosenLanguage() {
    const stored = localStorage.getItem(storageKey);
    return languages.includes(stored) ? stored : 'kk';
}

export async function loadLanguage(lang) {
    const response = await fetch(`/api/i18n/${encodeURIComponent(lang)}`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`GET /api/i18n/${lang}: ${response.status}`);
    messages = await response.json();
    current = lang;
    localStorage.setItem(storageKey, lang);
    document.documentElement.lang = lang;
}

// Whether the language has a text for `key` (for words that come from the server as values).
export function known(key) {
    return key in messages;
}

// t('web.nav.desk'), t('web.reader.due', {date: '31.05.2025'}): an unknown key shows as itself.
export function t(key, args = {}) {
    const text = messages[key] ?? key;
    return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

// Dates as the person reads them: 2024-05-31 → 31.05.2024, as the kiosk and the PDFs write them.
export function date(iso) {
    const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '') ?? [];
    return year ? `${day}.${month}.${year}` : iso ?? '';
}

export function number(value, digits = 0) {
    const locale = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }[current];
    return Number(value).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function tenge(value) {
    return `${number(value, 2)} ₸`;
}
