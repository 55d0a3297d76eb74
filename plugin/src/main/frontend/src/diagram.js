// The request's process drawn with bpmn-js (viewer only): the current step outlined, the path taken shaded,
// and the same said in text for screen readers.
import Viewer from 'bpmn-js/lib/NavigatedViewer';
import { api, h, t } from './common.js';

export async function diagram(requestId) {
  const canvasEl = h('div', { class: 'diagram', id: 'diagram', role: 'group', 'aria-describedby': 'diagram-text' });
  const text = h('p', { id: 'diagram-text' });
  const section = h('section', { class: 'card', 'aria-labelledby': 'diagram-title' },
    h('h2', { id: 'diagram-title', text: t('task.diagram') }), text, canvasEl,
    h('p', { class: 'help', text: t('task.diagram.legend') }));
  queueMicrotask(async () => {
    try {
      const { body } = await api(`/api/requests/${encodeURIComponent(requestId)}/diagram`);
      const viewer = new Viewer({ container: canvasEl });
      await viewer.importXML(body.xml);
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      body.completed.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, 'tf-done'));
      body.active.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, 'tf-active'));
      // a whole request process is wide: show the current step at a readable size, the rest by panning
      canvas.zoom('fit-viewport');
      const current = body.active.map((id) => registry.get(id)).find(Boolean);
      if (current && canvas.zoom() < 0.7) {
        canvas.zoom(0.8);
        canvas.scrollToElement(current, { top: 60, bottom: 60, left: 120, right: 120 });
      }
      const names = body.active.map((id) => registry.get(id)?.businessObject?.name || id);
      text.textContent = names.length ? t('task.diagram.current', { steps: names.join(', ') }) : t('status.ended');
      canvasEl.setAttribute('aria-label', text.textContent);
      canvasEl.dataset.active = body.active.join(' ');
    } catch (e) {
      text.textContent = t('error.generic', { message: e.message });
    }
  });
  return section;
}
