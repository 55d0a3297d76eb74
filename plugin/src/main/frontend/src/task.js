// /tasks/{id}: what a person needs to decide, the process diagram, the process owner's form (form-js), delegation.
import { Form } from '@bpmn-io/form-js-viewer';
import { api, ApiError, h, main, money, notice, start, t, taskTypeName, when } from './common.js';
import { diagram } from './diagram.js';
import { context, decisions, gapsList } from './details.js';

const taskId = decodeURIComponent(location.pathname.split('/').pop());

function fieldIdsByKey(components, into = {}) {
  for (const c of components || []) {
    if (c.key) into[c.key] = c.id;
    if (c.components) fieldIdsByKey(c.components, into);
  }
  return into;
}

async function formSection(task, status) {
  const container = h('div', { id: 'task-form' });
  const submit = h('button', { type: 'button', id: 'submit', text: t('task.submit') });
  const section = h('section', { class: 'card', 'aria-labelledby': 'decide-title' },
    h('h2', { id: 'decide-title', text: t('task.decide') }), container, submit);
  if (!task.form) return section;
  const form = new Form({ container });
  await form.importSchema(task.form, {});
  const ids = fieldIdsByKey(task.form.components);

  /** Sends the values; a refusal with fields shows each problem at its field, like form-js' own checks. */
  async function send(data) {
    submit.disabled = true;
    try {
      await api(`/api/tasks/${encodeURIComponent(task.id)}/complete`, { method: 'POST', body: { variables: data } });
      notice(status, 'ok', t('task.done'));
      container.replaceChildren();
      submit.hidden = true;
      status.focus();
    } catch (e) {
      const fields = e instanceof ApiError ? e.problem.fields : null;
      if (fields) {
        const errors = {};
        const unplaced = [];
        for (const [key, message] of Object.entries(fields)) {
          if (ids[key]) errors[ids[key]] = [message];
          else unplaced.push(`${key}: ${message}`);
        }
        form._setState({ errors });
        notice(status, 'bad', [t('task.refused'), ...unplaced].join(' '));
      } else {
        notice(status, 'bad', e.status === 404 ? t('task.notFound') : t('error.generic', { message: e.message }));
      }
    } finally {
      submit.disabled = false;
    }
  }
  form.on('submit', ({ data, errors }) => { if (!Object.keys(errors).length) send(data); });
  submit.addEventListener('click', () => form.submit());
  // the same path without the browser's checks, so the server's own refusal can be seen (tests, automation)
  window.trainflowTask = { send };
  return section;
}

function delegateSection(status) {
  const today = new Date();
  const inAWeek = new Date(today.getTime() + 7 * 86400000);
  const day = (d) => d.toISOString().slice(0, 10);
  const input = (id, attrs) => h('div', { class: 'field' }, h('label', { for: id, text: t(`task.delegate.${id.replace('delegate-', '')}`) }),
    h('input', { id, name: id, ...attrs }));
  const form = h('form', { class: 'card', id: 'delegate', 'aria-labelledby': 'delegate-title' },
    h('h2', { id: 'delegate-title', text: t('task.delegate') }),
    h('p', { class: 'help', text: t('task.delegate.intro') }),
    input('delegate-deputy', { required: true, autocomplete: 'off', autocapitalize: 'none' }),
    input('delegate-from', { type: 'date', required: true, value: day(today) }),
    input('delegate-to', { type: 'date', required: true, value: day(inAWeek) }),
    input('delegate-reason', { maxlength: 1000 }),
    h('button', { type: 'submit', class: 'secondary', text: t('task.delegate.submit') }));
  const mine = h('ul', { id: 'my-delegations', class: 'plain' });
  form.append(h('h3', { text: t('task.delegate.mine') }), mine);
  const list = async () => {
    let delegations = [];
    try { delegations = (await api('/api/delegations')).body || []; } catch { /* the form still works */ }
    mine.replaceChildren(...(delegations.length ? delegations.map((d) => h('li', {},
      h('span', { text: t('task.delegate.item', { deputy: d.deputy, from: when(d.from, false), to: when(d.to, false) })
        + (d.active ? ` (${t('task.delegate.active')})` : '') }), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-delegation': d.id,
        'aria-label': t('task.delegate.removeOne', { deputy: d.deputy }), text: t('task.delegate.remove'),
        onclick: async () => {
          try {
            await api(`/api/delegations/${encodeURIComponent(d.id)}`, { method: 'DELETE' });
            notice(status, 'ok', t('task.delegate.removed', { deputy: d.deputy }));
          } catch (e) {
            notice(status, 'bad', t('error.generic', { message: e.message }));
          }
          await list();
        } })))
      : [h('li', { text: t('task.delegate.none') })]));
  };
  list();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const from = new Date(`${form.elements['delegate-from'].value}T00:00:00`);
    const to = new Date(`${form.elements['delegate-to'].value}T23:59:59`);
    const deputy = form.elements['delegate-deputy'].value.trim();
    try {
      const created = (await api('/api/delegations', { method: 'POST', body: { deputy, from: from.toISOString(), to: to.toISOString(),
        reason: form.elements['delegate-reason'].value } })).body || {};
      const moved = (created.moved || []).length;
      const kept = (created.kept || []).length;
      notice(status, 'ok', t('task.delegate.done', { deputy, to: when(to.toISOString(), false) })
        + (moved ? ` ${t('task.delegate.moved', { count: moved })}` : '')
        + (kept ? ` ${t('task.delegate.kept', { count: kept })}` : ''));
      await list();
    } catch (e) {
      notice(status, 'bad', t('error.generic', { message: e.message }));
    }
  });
  return form;
}

async function render() {
  const root = main();
  const status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'notice', tabindex: '-1' });
  let task;
  try {
    task = (await api(`/api/tasks/${encodeURIComponent(taskId)}`)).body;
  } catch (e) {
    root.append(h('p', {}, h('a', { href: '/inbox', text: t('task.back') })),
      h('p', { class: 'notice bad', role: 'alert', text: e.status === 404 ? t('task.notFound') : t('error.generic', { message: e.message }) }));
    return;
  }
  const title = taskTypeName(task.elementId, task.name);
  document.title = `${title} · ${t('app.name')}`;
  let request = null;
  if (task.requestId) {
    try { request = (await api(`/api/requests/${encodeURIComponent(task.requestId)}`)).body; } catch { /* shown without its history */ }
  }
  const overdue = task.due && new Date(task.due) < new Date();
  root.append(
    h('p', {}, h('a', { href: '/inbox', text: t('task.back') })),
    h('h1', {}, title, task.employee?.displayName ? ` — ${task.employee.displayName}` : ''),
    h('p', { class: 'meta' },
      task.requestId && h('a', { href: `/requests/${encodeURIComponent(task.requestId)}` }, task.requestId), ' ',
      task.due && h('span', { class: overdue ? 'badge overdue' : 'badge info' }, t('task.due', { due: when(task.due) })), ' ',
      task.campaign && h('span', { class: 'badge info' }, t('task.campaign', { campaign: task.campaign }))),
    status,
    h('div', { class: 'grid two' },
      h('div', {}, ...context(task, request)),
      h('div', {}, await formSection(task, status), task.requestId ? await diagram(task.requestId) : null,
        decisions(request), task.elementId === 'approve' ? delegateSection(status) : null)));
}

await start('inbox');
await render();
