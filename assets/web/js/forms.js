// Forms the pages share: reading a form, a list of inventory numbers or a count, a form whose
// action answers with a notice, and a search box.
import { h, replace, notice } from './dom.js';
import { t } from './i18n.js';
import { problemText } from './problem.js';

// The form's fields as an object; empty ones left out.
export function formValues(form) {
    const values = {};
    for (const [name, value] of new FormData(form).entries()) {
        if (typeof value === 'string' && value.trim() === '') continue;
        if (name in values) values[name] = [].concat(values[name], value);
        else values[name] = typeof value === 'string' ? value.trim() : value;
    }
    return values;
}

// Labelled copies by their inventory numbers (a list typed or scanned, one per line or
// separated by spaces, commas or semicolons), else a count of a title's copies by its ISBN.
export function copiesOrCount(values) {
    const copies = (values.copies ?? '').split(/[\s,;]+/).filter(Boolean);
    return copies.length ? { copies } : { isbn: values.isbn, count: Number(values.count) };
}

// A form whose submission runs `act(values)`; the text it returns, or why it was refused,
// shows under the form. `act` returning nothing shows nothing.
export function actionForm(attributes, act, ...children) {
    const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
    const form = h('form', {
        ...attributes,
        onsubmit: async (event) => {
            event.preventDefault();
            try {
                const done = await act(formValues(form), form);
                replace(message, done ? notice('done', done) : null);
            } catch (error) {
                replace(message, notice('error', problemText(error)));
            }
        },
    }, ...children, message);
    return form;
}

// A search box: `find(text)` answers what to show under it.
export function searchForm(placeholder, find) {
    const input = h('input', { type: 'search', name: 'q', 'aria-label': placeholder, placeholder });
    const results = h('div', { class: 'results', 'aria-live': 'polite' });
    const form = h('form', {
        class: 'search no-print', role: 'search',
        onsubmit: async (event) => {
            event.preventDefault();
            const text = input.value.trim();
            if (!text) return;
            try {
                replace(results, await find(text));
            } catch (error) {
                replace(results, notice('error', problemText(error)));
            }
        },
    }, input, h('button', { type: 'submit' }, t('web.search')));
    return { form, input, results };
}
