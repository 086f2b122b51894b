// Watch one run (docs/how-to/web.md, "Watch one run"): the time of a step as the user sees it, measured in the
// browser, from the click on Step (the event's timestamp) to just after the browser has drawn the new year (the
// server's one DOM update: world view, plots, narration, inspected state), recorded as a performance measure named
// 'watch-step' whose detail says when that update arrived.
let clickedAt = null;

document.addEventListener('click', e => { if (e.target.closest?.('#watch-step')) clickedAt = e.timeStamp; }, true);

new MutationObserver(records => {
    if (clickedAt === null) return;
    const watch = records.find(r => r.target.id === 'watch' && r.attributeName === 'data-step')?.target;
    if (!watch) return;
    const start = clickedAt, updated = performance.now(), step = Number(watch.dataset.step);
    clickedAt = null;
    // the next frame's callbacks run before its layout and paint; a task queued from there runs after them
    requestAnimationFrame(() => setTimeout(() => performance.measure('watch-step', { start, end: performance.now(), detail: { step, updated: updated - start } }), 0));
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-step'] });
