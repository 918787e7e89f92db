// The console's words: every key the pages ask for exists in Kazakh, Russian and English
// (assets/i18n/web/*.json; the kiosk's translator test checks that the three files hold the same
// keys), and the words the server's answers name (outcomes, kinds, categories ...) each have theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const languages = ['kk', 'ru', 'en'];
const tables = Object.fromEntries(languages.map((lang) =>
    [lang, JSON.parse(readFileSync(join(root, 'assets/i18n/web', `${lang}.json`), 'utf8'))]));

function sources(folder) {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.js') ? [join(folder, entry.name)] : []);
}
// Each page's code without its comment lines.
const code = sources(join(root, 'assets/web/js')).map((file) => ({
    file, text: readFileSync(file, 'utf8').split('\n').filter((line) => !line.trim().startsWith('//')).join('\n'),
}));

test('every key the pages ask for by name exists in every language', () => {
    let checked = 0;
    for (const { file, text } of code) {
        for (const [, key] of text.matchAll(/\bt\('(web\.[a-z0-9_.]+)'/g)) {
            checked += 1;
            for (const lang of languages) assert.ok(key in tables[lang], `${file}: ${key} missing in ${lang}`);
        }
    }
    assert.ok(checked > 200, `only ${checked} keys found: is the pattern still right?`);
});

// Keys made at run time from a value the server sends: each value it can send has its words.
const madeAtRunTime = {
    'web.desk.outcome.': ['session', 'loan', 'return', 'duplicate', 'refused', 'ended', 'command', 'recorded', 'pin_required', 'renewed'],
    'web.desk.mode.': ['desk', 'return', 'stocktake'],
    'web.condition.': ['good', 'worn', 'damaged', 'lost'],
    'web.category.': ['pupil', 'teacher', 'staff', 'other'],
    'web.reader_status.': ['active', 'left'],
    'web.kind.': ['textbook', 'fiction', 'reference', 'methodical', 'periodical', 'electronic'],
    'web.copy_status.': ['available', 'on_loan', 'lost', 'written_off'],
    'web.shortage.': ['no_stock', 'textbook_debt'],
    'web.writeoff.reason.': ['worn', 'curriculum', 'lost', 'damaged'],
    'web.role.': ['librarian', 'teacher', 'director', 'station'],
    'web.language.': languages,
    'web.nav.': ['desk', 'classes', 'readers', 'catalogue', 'imports', 'reports', 'year', 'stations', 'audit', 'settings', 'accounts', 'teacher'],
    'web.exceptions.mode.': ['self', 'desk', 'return', 'stocktake'],
    'web.reports.kind.': ['provision', 'debtors', 'register', 'acts', 'order', 'annual'],
};

test('every value the server can send has its words in every language', () => {
    for (const [prefix, values] of Object.entries(madeAtRunTime))
        for (const value of values)
            for (const lang of languages) assert.ok(`${prefix}${value}` in tables[lang], `${prefix}${value} missing in ${lang}`);
});

test('every key made at run time has a prefix the list above or the tables know', () => {
    for (const { file, text } of code)
        for (const [, prefix] of text.matchAll(/\bt\(`(web\.[a-z0-9_.]*)\$\{/g))
            assert.ok(Object.keys(tables.en).some((key) => key.startsWith(prefix)), `${file}: no key starts with ${prefix}`);
});

test('every key in the tables is used by a page', () => {
    const all = code.map(({ text }) => text).join('\n');
    const prefixes = [...all.matchAll(/\bt\(`(web\.[a-z0-9_.]*)\$\{/g)].map(([, prefix]) => prefix);
    for (const key of Object.keys(tables.en))
        assert.ok(all.includes(`'${key}'`) || prefixes.some((prefix) => key.startsWith(prefix)), `${key} is used by no page`);
});

test('Kazakh words use Kazakh letters', () => {
    assert.equal(tables.kk['web.classes.issue_all'], 'Бүкіл сыныпқа жинақ беру');
    const kazakhOnly = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
    const withKazakhLetters = Object.values(tables.kk).filter((text) => kazakhOnly.test(text)).length;
    assert.ok(withKazakhLetters > Object.keys(tables.kk).length / 3, `only ${withKazakhLetters} Kazakh texts have Kazakh letters`);
});

test('no page writes words for people into its code', () => {
    // Text nodes come from t(); a string literal with three or more letters in a row inside h(...)'s
    // children would be text that no translation covers. Allowed: the product's name.
    for (const { file, text } of code) {
        for (const [literal] of text.matchAll(/h\('[a-z0-9]+', \{[^}]*\}, '([^']*)'/g)) {
            const words = literal.match(/'([^']*)'$/)?.[1] ?? '';
            if (words === 'Kitap') continue;
            assert.ok(!/\p{L}{3}/u.test(words), `${file}: "${words}" looks like text for people; put it in assets/i18n/web`);
        }
    }
});
