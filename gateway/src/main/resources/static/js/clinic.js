/*
 * Shared by every page: calls to the JSON APIs through the gateway, the CSRF header, problem+json display,
 * the navigation bar with the signed-in user and the logout button. No framework, no build step.
 */
'use strict';

const Clinic = (() => {
  const ROLES = ['front-desk', 'nurse', 'clinician', 'admin', 'integration'];

  /** The CSRF token the gateway put in the XSRF-TOKEN cookie, read fresh for every mutation. */
  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  /** An API answer that was not a success; `problem` follows RFC 9457 (title, detail, errors[]). */
  class ApiError extends Error {
    constructor(status, problem) {
      super(problem.title || 'Request failed');
      this.status = status;
      this.problem = problem;
    }
  }

  /**
   * Calls an API through the gateway. Mutations go as JSON (a form-encoded body proxied with CSRF on hangs,
   * spring-cloud-gateway #1587) with the CSRF token in X-XSRF-TOKEN. Resolves to the parsed JSON body (or null),
   * rejects with an ApiError.
   */
  async function api(method, url, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const token = csrfToken();
      if (token) {
        headers['X-XSRF-TOKEN'] = token;
      }
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (networkError) {
      throw new ApiError(0, {
        title: 'The gateway cannot be reached',
        detail: 'Check the network connection and try again.',
      });
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (notJson) {
        data = null;
      }
    }
    if (response.status === 401) {
      signInAgain();
    }
    if (!response.ok) {
      throw new ApiError(response.status, asProblem(response, data, text));
    }
    return data;
  }

  function asProblem(response, data, text) {
    if (data && typeof data === 'object' && (data.title || data.detail)) {
      return data;
    }
    const status = response.status + (response.statusText ? ' ' + response.statusText : '');
    return {
      title: 'Request failed (' + status + ')',
      detail: text && text.length <= 300 && !text.trimStart().startsWith('<') ? text : '',
      status: response.status,
    };
  }

  /** The session has ended (401): tell the user; reloading the page goes through the login again. */
  function signInAgain() {
    if (document.getElementById('signed-out')) {
      return;
    }
    const banner = el('div', { id: 'signed-out', class: 'banner', role: 'alert' },
      el('span', {}, 'Your sign-in has ended. '),
      el('button', { type: 'button', id: 'sign-in-again', onclick: () => window.location.reload() }, 'Sign in again'));
    document.body.prepend(banner);
  }

  /**
   * Shows an error in `container`: the problem's title, detail and each errors[] entry (field: message). Marks
   * the inputs of `form` whose name is an erroneous field.
   */
  function showProblem(container, error, form) {
    const problem = error instanceof ApiError ? error.problem
      : { title: 'Something went wrong', detail: String(error && error.message ? error.message : error) };
    clearProblem(container, form);
    container.append(el('p', { class: 'problem-title' }, problem.title || 'Request failed'));
    if (problem.detail) {
      container.append(el('p', { class: 'problem-detail' }, problem.detail));
    }
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    if (errors.length > 0) {
      const list = el('ul', { class: 'problem-errors' });
      for (const fieldError of errors) {
        const field = fieldError.field || fieldError.pointer || fieldError.name || '';
        const message = fieldError.message || fieldError.detail || '';
        list.append(el('li', { 'data-field': field }, field ? field + ': ' + message : message));
        markInvalid(form, field);
      }
      container.append(list);
    }
    container.hidden = false;
  }

  function markInvalid(form, field) {
    if (!form || !field) {
      return;
    }
    for (const input of form.querySelectorAll('[name]')) {
      const name = input.getAttribute('name');
      const related = name === field || name.startsWith(field + '[') || name.startsWith(field + '.')
        || field.startsWith(name + '[') || field.startsWith(name + '.');
      if (related) {
        input.setAttribute('aria-invalid', 'true');
      }
    }
  }

  function clearProblem(container, form) {
    container.replaceChildren();
    container.hidden = true;
    if (form) {
      for (const input of form.querySelectorAll('[aria-invalid]')) {
        input.removeAttribute('aria-invalid');
      }
    }
  }

  /** Creates an element; text children become text nodes, so data from the APIs is never parsed as HTML. */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) {
        continue;
      }
      if (name.startsWith('on') && typeof value === 'function') {
        element.addEventListener(name.slice(2), value);
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null && child !== false) {
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return element;
  }

  /** The trimmed value of the input with this id, or null when empty. */
  function text(id) {
    const value = document.getElementById(id).value.trim();
    return value === '' ? null : value;
  }

  /** The numeric value of the input with this id, or null when empty (the service then says what is missing). */
  function number(id) {
    const value = document.getElementById(id).value.trim();
    return value === '' ? null : Number(value);
  }

  function formatDate(value) {
    return value ? String(value) : '';
  }

  function formatDateTime(value) {
    if (!value) {
      return '';
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value)
      : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function queryParameter(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  /** Runs `work` with the button disabled, so a double click does not send a request twice. */
  async function busy(button, work) {
    button.disabled = true;
    try {
      return await work();
    } finally {
      button.disabled = false;
    }
  }

  /** The navigation bar: pages, the signed-in user with their roles, and the logout button. */
  function nav(active) {
    const links = [
      ['today', '/today.html', 'Today'],
      ['patients', '/patients.html', 'Patients'],
      ['calendar', '/calendar.html', 'Calendar'],
      ['sessions', '/sessions.html', 'Sessions'],
    ];
    const csrfField = el('input', { type: 'hidden', name: '_csrf', id: 'logout-csrf' });
    // A real form post, not fetch: the answer redirects to Keycloak's logout page and back.
    const logout = el('form', { id: 'logout-form', method: 'post', action: '/logout',
      onsubmit: () => { csrfField.value = csrfToken() || ''; } },
    csrfField, el('button', { type: 'submit', id: 'logout-button' }, 'Log out'));
    const header = el('nav', { class: 'nav', 'aria-label': 'Main' },
      el('a', { href: '/', class: 'brand' }, 'Ketamine clinic'),
      el('ul', { class: 'nav-links' }, links.map(([key, href, label]) => el('li', {},
        el('a', { href, id: 'nav-' + key, 'aria-current': key === active ? 'page' : null }, label)))),
      el('span', { id: 'nav-user', class: 'nav-user' }, ''),
      logout);
    const slot = document.getElementById('nav');
    slot.replaceChildren(header);
    loadUser();
  }

  async function loadUser() {
    const slot = document.getElementById('nav-user');
    try {
      const me = await api('GET', '/api/me');
      const roles = (me.roles || []).filter((role) => ROLES.includes(role));
      slot.replaceChildren(el('span', { id: 'nav-user-name' }, me.name || me.username),
        roles.length ? el('span', { id: 'nav-user-roles', class: 'roles' }, ' (' + roles.join(', ') + ')') : '');
      slot.dataset.username = me.username;
      document.body.dataset.roles = roles.join(' ');
    } catch (error) {
      slot.textContent = '';
    }
  }

  return {
    ApiError, api, csrfToken, showProblem, clearProblem, el, text, number, formatDate, formatDateTime,
    queryParameter, busy, nav,
  };
})();
