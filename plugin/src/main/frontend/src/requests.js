// /requests: the employee's requests with their status, asking for training, and what waits for them.
import { api, h, main, notice, start, t, taskTypeName, when } from './common.js';

function outcome(r) {
  if (r.state === 'active') return r.waitingFor?.length ? `${t('status.active')}: ${r.waitingFor.join(', ')}` : t('status.active');
  return r.status || t('status.ended');
}

async function render(me) {
  const root = main();
  const status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'notice' });
  const justification = h('textarea', { id: 'justification', name: 'justification', maxlength: 4000, required: true,
    'aria-describedby': 'justification-help' });
  const startForm = me.employeeId ? h('form', { class: 'card', id: 'start-request', 'aria-labelledby': 'start-title' },
    h('h2', { id: 'start-title', text: t('requests.start') }),
    h('div', { class: 'field' }, h('label', { for: 'justification', text: t('requests.justification') }), justification,
      h('p', { class: 'help', id: 'justification-help', text: t('requests.justification.help') })),
    h('button', { type: 'submit', text: t('requests.submit') }))
    : h('p', { class: 'card muted', text: t('requests.noEmployee') });
  startForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const { body } = await api('/api/requests', { method: 'POST', body: { employeeId: me.employeeId, justification: justification.value } });
      location.assign(`/requests/${encodeURIComponent(body.businessKey)}?started`);
    } catch (e) { notice(status, 'bad', t('error.generic', { message: e.message })); }
  });

  const [mine, waiting] = await Promise.all([api('/api/requests/mine'), api('/api/tasks?max=20')]);
  const rows = mine.body.map((r) => h('tr', {},
    h('td', { 'data-label': t('requests.col.request') }, h('a', { href: `/requests/${encodeURIComponent(r.requestId)}` }, r.requestId)),
    h('td', { 'data-label': t('requests.col.started') }, when(r.started)),
    h('td', { 'data-label': t('requests.col.status') }, outcome(r)),
    h('td', { 'data-label': t('task.justification') }, r.justification || '')));
  const tasks = waiting.body.filter((task) => task.assignee === me.username);
  root.append(
    h('h1', { text: t('requests.title') }), status, startForm,
    h('section', { class: 'card', 'aria-labelledby': 'waiting-title' }, h('h2', { id: 'waiting-title', text: t('requests.waitingForYou') }),
      tasks.length ? h('ul', { class: 'plain', id: 'waiting' }, tasks.map((task) => h('li', {},
        h('a', { href: `/tasks/${encodeURIComponent(task.id)}` }, taskTypeName(task.elementId, task.name)), ` — ${task.requestId || ''}`)))
        : h('p', { class: 'muted', text: t('requests.nothingWaiting') })),
    h('section', { 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title', class: 'sr-only', text: t('requests.title') }),
      rows.length ? h('table', { class: 'list', id: 'my-requests' },
        h('thead', {}, h('tr', {}, ['requests.col.request', 'requests.col.started', 'requests.col.status', 'task.justification']
          .map((k) => h('th', { scope: 'col', text: t(k) })))),
        h('tbody', {}, rows)) : h('p', { class: 'muted', text: t('requests.empty') })));
}

const me = await start('requests');
document.title = `${t('requests.title')} · ${t('app.name')}`;
await render(me);
