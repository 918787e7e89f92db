// Building the page from data. Every text goes in as a text node, never as HTML, so a
// reader's name or a book's title from an import cannot become markup or script.

// h('button', {class: 'primary', onclick: fn}, 'text', child...) → the element.
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) continue;
        if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
        else if (name === 'class') element.className = value;
        else if (name === 'dataset') Object.assign(element.dataset, value);
        else if (name in element && typeof value !== 'string') element[name] = value;
        else element.setAttribute(name, value === true ? '' : String(value));
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

export function replace(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

// A table with a header row and one row per item; `columns` are [heading, item => cell].
export function table(columns, items, options = {}) {
    const head = h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', { scope: 'col' }, heading))));
    const body = h('tbody', {},
        items.map((item) => h('tr', { class: options.rowClass ? options.rowClass(item) : undefined },
            columns.map(([, cell]) => h('td', {}, cell(item))))));
    return h('table', { class: options.class ?? 'list' }, head, body);
}

// A bar for a share such as a class's provision (<meter> needs no style attribute), with
// "value/max · percent", or only the percent where room is short.
export function bar(value, max, label, { compact = false } = {}) {
    const percent = max > 0 ? Math.round((value * 100) / max) : 0;
    return h('span', { class: 'bar', title: `${value}/${max}` },
        h('meter', { min: 0, max: Math.max(max, 1), low: max * 0.5, high: max * 0.9, optimum: max, value, 'aria-label': label }),
        h('span', { class: 'bar-text' }, compact ? `${percent}%` : `${value}/${max} · ${percent}%`));
}

// A message line under a form: role=status so a screen reader says it.
export function notice(kind, ...text) {
    return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...text);
}

export function field(label, input) {
    return h('label', { class: 'field' }, h('span', {}, label), input);
}
