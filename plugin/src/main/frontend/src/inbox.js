// /inbox: the person's open tasks, filtered and paged by the server, claim/unclaim, one decision on many approvals.
import { api, h, main, money, notice, start, t, taskTypeName, when } from './common.js';

const TASK_TYPES = ['approve', 'revise-request', 'follow-up-30', 'follow-up-60', 'follow-up-90', 'handle-missed-deadline',
  'review-quiz', 'sign-off-report'];
const FILTERS = ['taskType', 'due', 'department', 'campaign', 'employee'];
const PAGE = 50;

let me;
let list;
let status;
let selected = new Map();

function filtersFromAddress() {
  const query = new URLSearchParams(location.search);
  return Object.fromEntries(FILTERS.map((f) => [f, query.get(f) || '']));
}

function field(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
}

function filterForm(values) {
  const select = (id, options) => h('select', { id, name: id },
    options.map(([value, label]) => h('option', { value, selected: values[id] === value, text: label })));
  const text = (id, extra = {}) => h('input', { id, name: id, value: values[id], ...extra });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('inbox.filters') },
    field('taskType', t('inbox.filter.taskType'), select('taskType', [['', t('inbox.filter.any')],
      ...TASK_TYPES.map((type) => [type, taskTypeName(type)])])),
    field('due', t('inbox.filter.due'), select('due', [['', t('inbox.filter.any')], ['overdue', t('inbox.filter.overdue')],
      ['week', t('inbox.filter.week')]])),
    field('department', t('inbox.filter.department'), text('department')),
    field('campaign', t('inbox.filter.campaign'), text('campaign')),
    field('employee', t('inbox.filter.employee'), text('employee', { type: 'search', maxlength: 200 })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', text: t('inbox.filter.apply') }),
      h('button', { type: 'button', class: 'secondary', text: t('inbox.filter.clear'),
        onclick: () => { history.replaceState(null, '', '/inbox'); render(); } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const f of FILTERS) if (form.elements[f].value.trim()) query.set(f, form.elements[f].value.trim());
    history.replaceState(null, '', query.toString() ? `/inbox?${query}` : '/inbox');
    load();
  });
  // on a phone the filters fold away unless some are set
  const open = matchMedia('(min-width: 900px)').matches || FILTERS.some((f) => values[f]);
  return h('details', { class: 'card filters-box', open }, h('summary', { text: t('inbox.filters') }), form);
}

function who(task) {
  if (task.assignee === me.username) {
    const onBehalf = task.context?.approverOnBehalfOf;
    return onBehalf ? `${t('inbox.you')} (${t('inbox.onBehalfOf', { user: onBehalf })})` : t('inbox.you');
  }
  return task.assignee || t('inbox.group', { groups: (task.candidateGroups || []).join(', ') });
}

function claimButton(task) {
  const offered = (task.candidateGroups || []).length > 0;
  if (!offered) return null;
  const mine = task.assignee === me.username;
  const label = mine ? t('inbox.unclaim') : t('inbox.claim');
  return h('button', { type: 'button', class: 'secondary', 'aria-label': `${label}: ${task.name} ${task.requestId || ''}`,
    onclick: async () => {
      try {
        await api(`/api/tasks/${encodeURIComponent(task.id)}/${mine ? 'unclaim' : 'claim'}`, { method: 'POST' });
        notice(status, 'ok', mine ? t('inbox.unclaimed') : t('inbox.claimed'));
        load();
      } catch (e) { notice(status, 'bad', t('error.generic', { message: e.message })); }
    } }, label);
}

function row(task) {
  const overdue = task.due && new Date(task.due) < new Date();
  const employee = task.employee?.displayName || task.employeeId || '';
  const bulkable = task.elementId === 'approve';
  const checkbox = bulkable ? h('input', { type: 'checkbox', 'aria-label': `${t('inbox.col.select')}: ${task.name}, ${employee}, ${task.requestId || ''}`,
    checked: selected.has(task.id), 'data-task': task.id,
    onchange: (event) => { if (event.target.checked) selected.set(task.id, task); else selected.delete(task.id); updateBulk(); } }) : null;
  return h('li', { class: 'task', 'data-task-id': task.id },
    h('div', { class: 'select' }, checkbox),
    h('div', {},
      h('a', { class: 'title', href: `/tasks/${encodeURIComponent(task.id)}` }, taskTypeName(task.elementId, task.name)),
      h('div', { class: 'meta' },
        employee && h('span', {}, employee),
        task.employee?.department && h('span', {}, task.employee.department),
        task.requestId && h('span', {}, task.requestId),
        task.campaign && h('span', {}, t('task.campaign', { campaign: task.campaign })))),
    h('div', { class: 'meta' },
      task.context?.pathCost !== undefined && h('span', {}, `${t('inbox.col.cost')}: ${money(task.context.pathCost)}`),
      h('span', {}, `${t('inbox.col.due')}: `, task.due ? when(task.due) : t('inbox.noDue'), ' ',
        overdue ? h('span', { class: 'badge overdue' }, t('inbox.overdue')) : null),
      h('span', {}, `${t('inbox.col.who')}: ${who(task)}`)),
    h('div', { class: 'side' }, claimButton(task)));
}

let next = null;

async function load(append = false) {
  if (!append) {
    list.replaceChildren();
    document.getElementById('count').textContent = t('inbox.loading');
    selected = new Map();
    updateBulk();
  }
  const query = new URLSearchParams({ max: String(PAGE) });
  for (const [k, v] of Object.entries(filtersFromAddress())) if (v) query.set(k, v);
  const url = append && next ? next : `/api/tasks?${query}`;
  list.setAttribute('aria-busy', 'true');
  try {
    const { body, headers } = await api(url);
    body.forEach((task) => list.append(row(task)));
    const link = headers.get('Link');
    next = link && /<([^>]+)>;\s*rel="next"/.exec(link) ? /<([^>]+)>/.exec(link)[1] : null;
    document.getElementById('more').hidden = !next;
    const count = list.children.length;
    document.getElementById('count').textContent = count ? t('inbox.count', { count }) : t('inbox.empty');
    if (!append && !performance.getEntriesByName('tf-inbox-ready').length) performance.mark('tf-inbox-ready'); // benchmarks read it
  } catch (e) {
    notice(status, 'bad', t('error.generic', { message: e.message }));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function bulkPanel() {
  const comment = h('textarea', { id: 'bulk-comment', maxlength: 2000 });
  const decision = h('select', { id: 'bulk-decision' },
    ['approve', 'reject'].map((d) => h('option', { value: d, text: t(`decision.${d}`) })));
  const apply = h('button', { type: 'submit', id: 'bulk-apply' });
  const form = h('form', { class: 'card bulk', id: 'bulk', 'aria-labelledby': 'bulk-title' },
    h('h2', { id: 'bulk-title', text: t('bulk.title') }),
    h('p', { id: 'bulk-count', 'aria-live': 'polite' }),
    h('div', { class: 'row' },
      field('bulk-decision', t('bulk.decision'), decision),
      field('bulk-comment', t('bulk.comment'), comment),
      h('div', { class: 'field' }, apply)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!selected.size) { notice(status, 'bad', t('bulk.none')); return; }
    apply.disabled = true;
    try {
      const { body } = await api('/api/tasks/decisions', { method: 'POST', body: {
        taskIds: [...selected.keys()], variables: { decision: decision.value, comment: comment.value } } });
      const refused = body.results.filter((r) => r.status !== 204).map((r) => {
        const task = selected.get(r.taskId);
        return h('li', {}, t('bulk.refusedItem', { task: task ? `${task.requestId || task.name}` : r.taskId, message: r.message }));
      });
      status.replaceChildren(h('span', {}, t('bulk.result', { decided: body.decided, refused: body.refused })),
        ...(refused.length ? [h('ul', { class: 'plain' }, refused)] : []));
      status.className = `notice ${body.refused ? 'bad' : 'ok'}`;
      comment.value = '';
      await load();
    } catch (e) {
      notice(status, 'bad', t('error.generic', { message: e.message }));
    } finally {
      apply.disabled = false;
      updateBulk();
    }
  });
  return form;
}

function updateBulk() {
  const panel = document.getElementById('bulk');
  if (!panel) return;
  panel.hidden = selected.size === 0;
  document.getElementById('bulk-count').textContent = t('bulk.selected', { count: selected.size });
  document.getElementById('bulk-apply').textContent = t('bulk.apply', { count: selected.size });
}

function selectAll() {
  return h('button', { type: 'button', class: 'secondary', id: 'select-all', onclick: () => {
    list.querySelectorAll('input[type=checkbox][data-task]').forEach((box) => {
      if (!box.checked) { box.checked = true; box.dispatchEvent(new Event('change')); }
    });
  } }, t('inbox.selectAll'));
}

function render() {
  const root = main();
  status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'notice' });
  list = h('ul', { class: 'tasks card', id: 'tasks', 'aria-label': t('inbox.title'), style: 'padding:0' });
  root.append(
    h('h1', { text: t('inbox.title') }),
    h('p', { class: 'intro', text: t('inbox.intro') }),
    filterForm(filtersFromAddress()),
    status,
    h('p', {}, h('span', { id: 'count', 'aria-live': 'polite' }), ' ', selectAll()),
    list,
    h('p', {}, h('button', { type: 'button', id: 'more', class: 'secondary', hidden: true, onclick: () => load(true) }, t('inbox.more'))),
    bulkPanel());
  updateBulk();
  load();
}

me = await start('inbox');
document.title = `${t('inbox.title')} · ${t('app.name')}`;
render();
