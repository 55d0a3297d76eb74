// Shared by every page: texts from the message bundle, calls to the REST API with the session and CSRF token,
// the header, and formatting.

let messages = {};

// a page launched from Moodle (LTI) carries its launch token instead of a session cookie
const launchToken = document.querySelector('meta[name="tf-launch"]')?.content;

/** Loads the bundle for the browser's language (English first; a missing one falls back to English). */
export async function loadMessages() {
  const english = await fetchJson('/i18n/messages_en.json');
  messages = english;
  const lang = (navigator.language || 'en').slice(0, 2).toLowerCase();
  if (lang !== 'en') {
    try { messages = { ...english, ...(await fetchJson(`/i18n/messages_${lang}.json`)) }; } catch { /* English it is */ }
  }
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
}

async function fetchJson(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/** The text for a key, with {name} placeholders filled. */
export function t(key, values = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

function xsrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/** A refusal from the API: its status and Problem body (message, fields). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.message || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** Calls the API as the signed-in person; every change carries the CSRF token. Answers {body, headers}. */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (launchToken) headers['X-Trainflow-Launch'] = launchToken;
  else if (method !== 'GET') headers['X-XSRF-TOKEN'] = xsrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { message: t('error.network') });
  }
  if (response.status === 401) {
    if (launchToken) throw new ApiError(401, { message: t('lti.expired') });
    location.assign('/login');
    throw new ApiError(401, { message: 'signed out' });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return { body: json, headers: response.headers };
}

/** Header: who is signed in, the current page marked, sign-out. Answers the person (GET /api/me). */
export async function start(page) {
  await loadMessages();
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === page) a.setAttribute('aria-current', 'page');
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': xsrfToken() } });
    location.assign('/login?signedOut');
  });
  const me = (await api('/api/me')).body;
  document.getElementById('who').textContent = me.displayName || me.username;
  return me;
}

/** An element with attributes and children (text or elements); no HTML parsing, so no injection. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'text') el.textContent = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function main() {
  const el = document.getElementById('main');
  el.replaceChildren();
  return el;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function when(iso, withTime = true) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : (withTime ? dateTime : dateOnly).format(d);
}

export function money(value) {
  if (value === undefined || value === null || value === '') return '';
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(Number(value));
}

/** A polite live region for outcomes, announced by screen readers. */
export function notice(el, kind, text) {
  el.className = `notice ${kind}`;
  el.textContent = text;
}

export function taskTypeName(elementId, fallback) {
  const key = `taskType.${elementId}`;
  const text = t(key);
  return text === key ? fallback || elementId : text;
}
