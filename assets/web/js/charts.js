// Charts with Chart.js (the UMD build, /vendor/chart.umd.min.js, a global `Chart`), in the
// console's font and colours. Each chart sits in a fixed-height box so it fits 1366×768.
import { h } from './dom.js';
import { language } from './i18n.js';

const colours = ['#1f6f8b', '#e0a526', '#7a9e3d', '#b5523b'];

export function chartBox(label, config) {
    const canvas = h('canvas', { role: 'img', 'aria-label': label });
    const box = h('figure', { class: 'chart' }, h('figcaption', {}, label), h('div', { class: 'chart-area' }, canvas));
    if (typeof Chart === 'undefined') return box;
    Chart.defaults.font.family = "'Noto Sans', sans-serif";
    config.data.datasets.forEach((dataset, index) => {
        dataset.backgroundColor ??= colours[index % colours.length];
        dataset.borderColor ??= colours[index % colours.length];
    });
    // Drawn once the canvas is in the page (Chart.js measures its parent).
    requestAnimationFrame(() => new Chart(canvas, {
        ...config,
        options: { responsive: true, maintainAspectRatio: false, animation: false, locale: { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }[language()], ...config.options },
    }));
    return box;
}
