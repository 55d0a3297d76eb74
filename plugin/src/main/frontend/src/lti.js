// The page Moodle shows (LTI launch): the person's requests and status, asking for training (the launch's course
// pre-selected as the wish), what waits for them; a manager's pending approvals, decided here through the same
// API and checks as the inbox. Every call carries the launch token (common.js), no cookie.
import { api, h, loadMessages, main, notice, t, taskTypeName, when } from './common.js';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || '';

function outcome(r) {
  if (r.state === 'active') return r.waitingFor?.length ? `${t('status.active')}: ${r.waitingFor.join(', ')}` : t('status.active');
  return r.status || t('status.ended');
}

function requestForm(me, status, reload) {
  if (!me.employeeId) return h('p', { class: 'card muted', text: t('requests.noEmployee') });
  const justification = h('textarea', { id: 'justification', name: 'justification', maxlength: 4000, required: true,
    'aria-describedby': 'justification-help' });
  const wish = meta('tf-wish');
  const wishBox = wish ? h('input', { type: 'checkbox', id: 'wish', name: 'wish', checked: true, value: wish }) : null;
  const form = h('form', { class: 'card', id: 'start-request', 'aria-labelledby': 'start-title' },
    h('h2', { id: 'start-title', text: t('requests.start') }),
    wishBox ? h('div', { class: 'field' }, h('label', { for: 'wish' }, wishBox, ' ',
      t('lti.wish', { course: meta('tf-wish-title') || wish }))) : null,
    h('div', { class: 'field' }, h('label', { for: 'justification', text: t('requests.justification') }), justification,
      h('p', { class: 'help', id: 'justification-help', text: t('requests.justification.help') })),
    h('button', { type: 'submit', text: t('requests.submit') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { employeeId: me.employeeId, justification: justification.value };
    if (wishBox?.checked) body.requestedCourseIds = [wishBox.value];
    try {
      const { body: started } = await api('/api/requests', { method: 'POST', body });
      notice(status, 'ok', t('requests.started', { id: started.businessKey }));
      justification.value = '';
      await reload();
    } catch (e) { notice(status, 'bad', t('error.generic', { message: e.message })); }
  });
  return form;
}

function decisionForm(task, status, reload) {
  const comment = h('textarea', { id: `comment-${task.id}`, maxlength: 2000 });
  const decide = (decision) => async () => {
    try {
      await api(`/api/tasks/${encodeURIComponent(task.id)}/complete`, { method: 'POST', body: { variables: { decision, comment: comment.value } } });
      notice(status, 'ok', t('lti.decided', { id: task.requestId || task.id }));
      await reload();
    } catch (e) { notice(status, 'bad', t('error.generic', { message: e.message })); }
  };
  return h('li', { class: 'card', 'data-task': task.id },
    h('h3', { text: `${taskTypeName(task.elementId, task.name)} — ${task.employeeName || task.requestId || ''}` }),
    task.justification ? h('p', { text: task.justification }) : null,
    h('label', { for: `comment-${task.id}`, text: t('lti.comment') }), comment,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: decide('approve'), text: t('lti.approve') }), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: decide('reject'), text: t('lti.reject') })));
}

/** The request's learning path with each course's reason, read when the person opens it. */
function learningPath(requestId) {
  const body = h('div', {});
  const details = h('details', { 'data-path': requestId }, h('summary', { text: t('task.path') }), body);
  details.addEventListener('toggle', async () => {
    if (!details.open || body.childElementCount) return;
    try {
      const vars = (await api(`/api/requests/${encodeURIComponent(requestId)}`)).body.variables || {};
      const path = Array.isArray(vars.learningPath) ? vars.learningPath : [];
      body.append(path.length ? h('ol', { class: 'path' }, path.map((c) => h('li', {},
        h('strong', { text: c.title || c.courseId }),
        c.gap ? h('div', { text: `${t('task.path.closes')}: ${c.gap}` }) : null,
        c.reason ? h('div', { text: `${t('task.path.reason')}: ${c.reason}` }) : null)))
        : h('p', { class: 'muted', text: t('lti.noPath') }));
    } catch (e) { body.append(h('p', { class: 'notice bad', text: e.message })); }
  });
  return details;
}

/** L&D launched from a course: who a campaign for its participants would include, then start it (same API rules). */
function courseCampaign(status, reload) {
  const course = meta('tf-course');
  const result = h('div', { id: 'campaign-preview' });
  const people = (title, list, withReason, open = true) => h('details', { open }, h('summary', { text: title }),
    h('ul', {}, list.map((p) => h('li', { text: `${p.name}${p.username ? ` (${p.username})` : ''}${withReason && p.reason ? ` — ${p.reason}` : ''}` }))));
  const show = async () => {
    result.replaceChildren(h('p', { class: 'muted', text: t('inbox.loading') }));
    try {
      const preview = (await api('/api/lti/course-campaign')).body;
      const start = h('button', { type: 'button', id: 'start-campaign', disabled: !preview.included.length,
        text: t('lti.campaign.start', { count: preview.included.length }) });
      start.addEventListener('click', async () => {
        try {
          const started = (await api('/api/lti/course-campaign', { method: 'POST' })).body;
          notice(status, 'ok', t('lti.campaign.started', { id: started.businessKey, count: started.included }));
          await reload();
        } catch (e) { notice(status, 'bad', t('error.generic', { message: e.message })); }
      });
      result.replaceChildren(
        people(t('lti.campaign.included', { count: preview.included.length }), preview.included, false),
        people(t('lti.campaign.unknown', { count: preview.unknown.length }), preview.unknown, true),
        people(t('lti.campaign.notIncluded', { count: preview.notIncluded.length }), preview.notIncluded, true, false), start);
    } catch (e) { result.replaceChildren(h('p', { class: 'notice bad', text: e.message })); }
  };
  return h('section', { class: 'card', id: 'course-campaign', 'aria-labelledby': 'campaign-title' },
    h('h2', { id: 'campaign-title', text: t('lti.campaign.title', { course }) }),
    h('p', { class: 'help', text: t('lti.campaign.intro') }),
    h('button', { type: 'button', class: 'secondary', id: 'preview-campaign', onclick: show, text: t('lti.campaign.preview') }), result);
}

async function render(me, status) {
  const [mine, waiting] = await Promise.all([api('/api/requests/mine?max=20'), api('/api/tasks?max=50')]);
  const approvals = waiting.body.filter((task) => task.elementId === 'approve');
  const others = waiting.body.filter((task) => task.elementId !== 'approve' && task.assignee === me.username);
  const root = main();
  root.append(
    h('h1', { text: t('lti.title', { name: me.displayName || me.username }) }), status,
    approvals.length ? h('section', { 'aria-labelledby': 'approvals-title' },
      h('h2', { id: 'approvals-title', text: t('lti.approvals') }), h('ul', { class: 'plain', id: 'approvals' },
        approvals.map((task) => decisionForm(task, status, () => render(me, status))))) : null,
    meta('tf-course') ? courseCampaign(status, () => render(me, status)) : null,
    requestForm(me, status, () => render(me, status)),
    h('section', { class: 'card', 'aria-labelledby': 'waiting-title' }, h('h2', { id: 'waiting-title', text: t('requests.waitingForYou') }),
      others.length ? h('ul', { class: 'plain', id: 'waiting' }, others.map((task) => h('li', {},
        h('a', { href: `/tasks/${encodeURIComponent(task.id)}`, target: '_blank', rel: 'noopener' }, taskTypeName(task.elementId, task.name)),
        ` — ${task.requestId || ''}`)))
        : h('p', { class: 'muted', text: t('requests.nothingWaiting') })),
    h('section', { 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title', text: t('requests.title') }),
      mine.body.length ? h('ul', { class: 'plain', id: 'my-requests' }, mine.body.map((r) => h('li', { class: 'card' },
        h('strong', { text: r.requestId }), ` · ${when(r.started)}`, h('br'), outcome(r),
        r.justification ? h('p', { class: 'muted', text: r.justification }) : null, learningPath(r.requestId))))
        : h('p', { class: 'muted', text: t('requests.empty') })));
}

await loadMessages();
const status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'notice' });
try {
  const me = (await api('/api/me')).body;
  document.title = `${t('lti.title', { name: me.displayName || me.username })} · ${t('app.name')}`;
  await render(me, status);
  if (meta('tf-view') === 'request') document.getElementById('justification')?.focus();
} catch (e) {
  main().append(h('h1', { text: t('app.name') }), h('p', { class: 'notice bad', role: 'alert', text: e.message }));
}
