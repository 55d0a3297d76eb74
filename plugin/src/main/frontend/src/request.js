// /requests/{id}: one request's status, timeline and audit trail, its diagram, the path with reasons, withdrawing.
import { api, h, main, notice, start, t, taskTypeName } from './common.js';
import { diagram } from './diagram.js';
import { decisions, gapsList, pathList } from './details.js';

const requestId = decodeURIComponent(location.pathname.split('/').pop());

async function render(me) {
  const root = main();
  const status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'notice' });
  document.title = `${t('request.title', { id: requestId })} · ${t('app.name')}`;
  let request;
  try {
    request = (await api(`/api/requests/${encodeURIComponent(requestId)}`)).body;
  } catch (e) {
    root.append(h('h1', { text: t('request.title', { id: requestId }) }), h('p', { class: 'notice bad', role: 'alert', text: e.message }));
    return;
  }
  const vars = request.variables || {};
  const active = request.state === 'active';
  const withdraw = active && vars.requestedBy === me.username ? h('button', { type: 'button', class: 'danger', id: 'withdraw',
    onclick: async () => {
      if (!confirm(t('request.withdraw.confirm', { id: requestId }))) return;
      try {
        await api(`/api/requests/${encodeURIComponent(requestId)}/withdraw`, { method: 'POST' });
        notice(status, 'ok', t('request.withdrawn'));
        await render(me);
      } catch (e) { notice(status, 'bad', t('error.generic', { message: e.message })); }
    } }, t('request.withdraw')) : null;
  const open = (request.openTasks || []).filter((task) => task.assignee === me.username);
  root.append(
    h('p', {}, h('a', { href: '/requests', text: t('requests.title') })),
    h('h1', { text: t('request.title', { id: requestId }) }),
    status,
    h('p', {}, h('span', { class: active ? 'badge info' : 'badge ok', id: 'request-state' }, active ? t('status.active') : t('status.ended')), ' ', withdraw),
    h('div', { class: 'grid two' },
      h('div', {},
        open.length ? h('section', { class: 'card' }, h('h2', { text: t('request.openTasks') }), h('ul', { class: 'plain' },
          open.map((task) => h('li', {}, h('a', { href: `/tasks/${encodeURIComponent(task.id)}` }, taskTypeName(task.elementId, task.name)))))) : null,
        await diagram(requestId),
        pathList(vars.learningPath, vars.learningPathProvenance, t('request.path')),
        gapsList(vars.gaps, vars.needsExplanation, vars.needsProvenance)),
      h('div', {}, decisions(request))));
  if (new URLSearchParams(location.search).has('started')) notice(status, 'ok', t('requests.started', { id: requestId }));
}

const me = await start('requests');
await render(me);
