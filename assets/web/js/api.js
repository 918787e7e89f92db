// Talking to `kitap serve`. POST, PUT and DELETE carry the login's CSRF token in
// X-CSRF-Token; an error answer ({"error", "message", ...}) becomes an ApiError.

import { language } from './i18n.js';

let csrfToken = '';

export function setCsrf(token) {
    csrfToken = token ?? '';
}

export class ApiError extends Error {
    constructor(status, body) {
        super(body?.message || body?.error || `HTTP ${status}`);
        this.status = status;
        this.code = body?.error ?? `http_${status}`;
        this.body = body ?? {};
    }
}

// A path with its query: query('/api/reports/debtors', {class: '5Ә', format: 'json'}).
export function query(path, parameters = {}) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters)) {
        if (value === undefined || value === null || value === '') continue;
        for (const one of [].concat(value)) search.append(name, String(one));
    }
    const text = search.toString();
    return text ? `${path}?${text}` : path;
}

async function send(method, path, body, contentType) {
    // The server words its messages (a scan's outcome, a refusal) in the page's language.
    const headers = { 'Accept-Language': language() };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
    if (contentType) headers['Content-Type'] = contentType;
    const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
    const type = response.headers.get('Content-Type') ?? '';
    const parsed = type.includes('application/json') ? await response.json().catch(() => null) : null;
    if (!response.ok) {
        if (response.status === 401) window.dispatchEvent(new CustomEvent('kitap:logged-out'));
        throw new ApiError(response.status, parsed);
    }
    return parsed;
}

export const api = {
    get: (path) => send('GET', path),
    post: (path, data) => send('POST', path, data === undefined ? undefined : JSON.stringify(data), 'application/json'),
    put: (path, data) => send('PUT', path, JSON.stringify(data), 'application/json'),
    delete: (path) => send('DELETE', path),
    // A file as the request body (imports): its bytes as they are.
    upload: (path, file) => send('POST', path, file, file.type || 'application/octet-stream'),
};

// A document (PDF, XLSX, CSV) from a GET: fetched, then saved under the server's name.
export async function download(path) {
    const response = await fetch(path, { headers: { 'Accept-Language': language() }, credentials: 'same-origin' });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? 'kitap';
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = decodeURIComponent(name);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
