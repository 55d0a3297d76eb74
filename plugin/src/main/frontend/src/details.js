// The decision context of a request, shared by the task page and the request page.
import { h, money, t, when } from './common.js';

function card(id, title, ...content) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id, text: title }), ...content);
}

/** Where an AI output came from (one trace, or one per step of it). */
export function provenance(trace) {
  if (Array.isArray(trace)) return trace.length ? h('div', {}, trace.map(provenance)) : null;
  if (!trace || typeof trace !== 'object') return null;
  return h('p', { class: 'provenance' }, trace.output ? `${trace.output}: ` : '',
    t('task.provenance', { engine: trace.engine, model: trace.model, template: trace.templateVersion, time: when(trace.createdAt) }),
    trace.fallbackFrom ? h('span', {}, ' ', t('task.provenance.fallback', { engine: trace.fallbackFrom, reason: trace.fallbackReason })) : null);
}

export function gapsList(gaps, explanation, trace) {
  const items = Array.isArray(gaps) ? gaps : [];
  return card('gaps-title', t('task.gaps'),
    items.length ? h('ul', { class: 'plain' }, items.map((g) => h('li', {},
      t('task.gap.line', { skill: g.skillName || g.skillId, current: g.currentLevel, required: g.requiredLevel }))))
      : h('p', { class: 'muted', text: t('task.noGaps') }),
    h('p', { class: 'help', text: t('task.gap.source') }),
    explanation ? h('p', {}, explanation) : null, provenance(trace));
}

export function pathList(path, trace, title = t('task.path')) {
  const courses = Array.isArray(path) ? path : [];
  return card('path-title', title,
    h('ol', { class: 'path' }, courses.map((c) => h('li', {},
      h('strong', {}, c.title || c.courseId), ` — ${money(c.cost)}`,
      c.gap ? h('div', {}, `${t('task.path.closes')}: ${c.gap}`) : null,
      c.reason ? h('div', {}, `${t('task.path.reason')}: ${c.reason}`) : null))),
    provenance(trace));
}

function sessionsList(sessions, path) {
  const items = Array.isArray(sessions) ? sessions : [];
  const title = (id) => (Array.isArray(path) ? path.find((c) => c.courseId === id)?.title : null) || id;
  return card('sessions-title', t('task.sessions'),
    items.length ? h('ul', { class: 'plain' }, items.map((s) => h('li', {},
      t('task.session.line', { course: title(s.courseId), start: when(s.startDate), end: when(s.endDate), trainer: s.trainer || '' }),
      s.matchReason ? h('div', { class: 'help' }, s.matchReason) : null)))
      : h('p', { class: 'muted', text: t('task.noSessions') }));
}

function costCard(ctx) {
  const budget = ctx.budget || {};
  const yesNo = (v) => (v ? t('task.routing.yes') : t('task.routing.no'));
  const routing = ctx.routing && typeof ctx.routing === 'object' ? ctx.routing : null;
  return card('cost-title', t('task.cost'),
    h('dl', { class: 'facts' },
      h('dt', { text: t('task.cost.path') }), h('dd', {}, money(ctx.pathCost)),
      h('dt', { text: t('task.cost.remaining', { department: budget.department || '' }) }), h('dd', {}, money(budget.remaining)),
      h('dt', { text: t('task.routing') }),
      h('dd', {}, ctx.overBudget ? h('span', { class: 'badge overdue' }, t('task.cost.over')) : h('span', { class: 'badge ok' }, t('task.cost.within')),
        routing ? h('ul', { class: 'plain' },
          h('li', {}, `${t('task.routing.ld')}: ${yesNo(routing.needsLdApproval)}`),
          h('li', {}, `${t('task.routing.budget')}: ${yesNo(routing.needsBudgetApproval)}`)) : null)));
}

/** The sections a person reads before deciding on a task. */
export function context(task, request) {
  const ctx = task.context || {};
  const vars = request?.variables || {};
  const e = task.employee || {};
  return [
    card('employee-title', t('task.employee'), h('dl', { class: 'facts' },
      h('dt', { text: t('task.employee') }), h('dd', {}, e.displayName || task.employeeId || ''),
      h('dt', { text: t('task.job') }), h('dd', {}, e.jobTitle || ''),
      h('dt', { text: t('task.role') }), h('dd', {}, e.roleId || ''),
      h('dt', { text: t('task.department') }), h('dd', {}, e.department || ''),
      h('dt', { text: t('task.justification') }), h('dd', {}, ctx.justification || vars.justification || ''))),
    gapsList(vars.gaps, vars.needsExplanation, vars.needsProvenance),
    pathList(ctx.learningPath || vars.learningPath, ctx.learningPathProvenance || vars.learningPathProvenance),
    sessionsList(ctx.sessions || vars.sessions, ctx.learningPath || vars.learningPath),
    costCard({ ...vars, ...ctx }),
  ];
}

/** Who decided what, and the comments, oldest first. */
export function decisions(request) {
  const entries = request?.decisions || [];
  return card('history-title', t('task.history'),
    entries.length ? h('ol', { class: 'timeline', id: 'timeline' }, entries.map((d) => h('li', {},
      h('time', { datetime: d.time, text: when(d.time) }),
      h('strong', {}, d.actor), ` — ${d.action}`, d.details ? h('div', { class: 'help' }, d.details) : null)))
      : h('p', { class: 'muted', text: t('task.noHistory') }));
}
