// The workbench's core: building elements, calling the service, showing problems, and the pages' routing.
// Every page is rendered with text nodes, never with markup from data.
'use strict';

const WB = {
  pages: {},

  /** An element with attributes and children (strings become text). */
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  },

  /** Replaces what {@code node} holds. */
  fill(node, ...children) {
    node.replaceChildren();
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  },

  /** Calls the service; gives the JSON answer, or throws {status, problem}. A lost sign-in reloads the page, which then asks for the token. */
  async api(path, options = {}) {
    const init = { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...options };
    if (options.json !== undefined) {
      init.method = init.method || 'POST';
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
      init.body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json);
      delete init.json;
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      window.location.reload();
      throw { status: 401, problem: { title: 'Signed out', detail: 'sign in again' } };
    }
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { title: 'Not JSON', detail: text.slice(0, 200) }; }
    if (!response.ok) throw { status: response.status, problem: body || {} };
    return body;
  },

  /** A problem (or any failure) as a sentence. */
  problemText(failure) {
    const problem = (failure && failure.problem) || {};
    const where = problem.path !== undefined && problem.path !== null ? (problem.path === '' ? 'the whole body' : problem.path) + ': ' : '';
    return (problem.title ? problem.title + '. ' : '') + where + (problem.detail || (failure && failure.message) || 'the request failed');
  },

  outcome(word) {
    return WB.el('span', { class: 'outcome outcome-' + word }, word);
  },

  usd(amount) {
    const number = Number(amount);
    return Number.isFinite(number)
      ? '$' + number.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(number) ? 0 : 2, maximumFractionDigits: 2 })
      : String(amount);
  },

  number(count) {
    return Number(count).toLocaleString('en-US');
  },

  plural(count, noun) {
    return WB.number(count) + ' ' + noun + (Number(count) === 1 ? '' : 's');
  },

  shortVersion(version) {
    return version && version.startsWith('sha256:') ? version.slice(0, 19) + '…' : String(version);
  },

  /** A table from a header row and rows of cells (strings or nodes). */
  table(caption, headers, rows, numeric = []) {
    return WB.el('table', {},
      caption ? WB.el('caption', {}, caption) : null,
      WB.el('thead', {}, WB.el('tr', {}, headers.map((h, i) => WB.el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, h)))),
      WB.el('tbody', {}, rows.length === 0 ? WB.el('tr', {}, WB.el('td', { colspan: headers.length }, 'None'))
        : rows.map(row => WB.el('tr', {}, row.map((cell, i) => WB.el('td', { class: numeric.includes(i) ? 'num' : null }, cell))))));
  },

  /** Shows the page the location's hash names: #/policy, #/try, #/draft, #/decisions or #/decisions/<id>. */
  route() {
    const parts = (window.location.hash || '#/policy').replace(/^#\/?/, '').split('/');
    const name = WB.pages[parts[0]] ? parts[0] : 'policy';
    for (const section of document.querySelectorAll('main > section')) section.hidden = section.id !== 'page-' + name;
    for (const link of document.querySelectorAll('header nav a')) {
      if (link.dataset.page === name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    }
    document.title = document.querySelector('#page-' + name + ' h1').textContent + ' · dealdesk workbench';
    WB.pages[name].show(parts.slice(1).map(decodeURIComponent));
  },
};

window.addEventListener('hashchange', () => {
  WB.route();
  document.getElementById('main').focus();
});
window.addEventListener('DOMContentLoaded', () => WB.route());
