// The trace beside each message: every bot message in the preview's Web Chat transcript gets a small line under it
// with its channelData.aurora (bot · flow · step). Web Chat 4.18.1's bundle does not expose React, so its middleware
// cannot render our elements; instead a MutationObserver decorates the transcript's DOM after each render. Web Chat
// renders, in order, exactly the activities of its store that its default activity middleware shows (the filter
// below mirrors it), so the n-th transcript article is the n-th shown activity; an article is only decorated when its
// side (bot or user) agrees, and a decoration React removed on a re-render is put back.
import { h } from './dom.mjs';
import { t } from './i18n.mjs';

/** Mirrors Web Chat 4.18.1's default activity middleware: which activities appear in the transcript. */
export function isShown(activity) {
  if (activity.type === 'typing') return !!activity.text; // livestreamed text only; the typing indicator is no article
  if (activity.type !== 'message') return false;
  const data = activity.channelData;
  if (data?.postBack || (data?.messageBack && !data.messageBack.displayText)) return false;
  return !!activity.text || !!activity.attachments?.length;
}

const fromUser = (activity) => activity.from?.role === 'user';

/** The readable trace of a bot activity: `youth · checkin · health`, or null without channelData.aurora. */
export function traceOf(activity) {
  const aurora = activity.channelData?.aurora;
  if (!aurora) return null;
  return { bot: aurora.bot ?? '', flow: aurora.flow ?? '–', step: aurora.step ?? '–' };
}

/**
 * Keeps the traces under the bot messages of the Web Chat rendered into `host`, reading activities from `store`.
 * @returns {() => void} stops observing
 */
export function attachInlineTrace(host, store) {
  let queued = false;
  const decorate = () => {
    queued = false;
    const activities = (store.getState().activities ?? []).filter(isShown);
    const articles = host.querySelectorAll('.webchat__basic-transcript__activity');
    const count = Math.min(activities.length, articles.length);
    for (let i = 0; i < count; i++) {
      const article = articles[i];
      const activity = activities[i];
      const userSide = !!article.querySelector('.webchat__stacked-layout--from-user, .webchat__bubble--from-user');
      if (userSide !== fromUser(activity)) break; // out of step (a custom renderer?): better no trace than a wrong one
      if (userSide) continue;
      const key = activity.id ?? `#${i}`;
      const existing = article.querySelector(':scope .preview-trace');
      if (existing?.dataset.activity === key) continue;
      existing?.remove();
      const trace = traceOf(activity);
      if (!trace) continue;
      const body = article.querySelector('.webchat__basic-transcript__activity-body') ?? article;
      // Visible: compact `bot · flow · step`; screen readers hear the same as words ("trace: flow checkin, step health").
      body.append(h('p', { className: 'preview-trace', dataset: { activity: key, flow: trace.flow, step: trace.step } },
        h('span', { className: 'visually-hidden' }, t('trace.spoken', trace)),
        h('span', { 'aria-hidden': 'true' }, `${trace.bot} · ${trace.flow} · ${trace.step}`)));
    }
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(decorate);
  });
  observer.observe(host, { childList: true, subtree: true });
  const unsubscribe = store.subscribe(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(decorate);
  });
  return () => { observer.disconnect(); unsubscribe(); };
}
