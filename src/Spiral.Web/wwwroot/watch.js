// Watch one run (docs/how-to/web.md, "Watch one run"). The page draws the three growing plots at step 0 and hands
// this module the whole run's plots once (setup); a step then sends only its index (show), and each plot gets that
// year's points appended with one Plotly.extendTraces (or is redrawn up to the year after a jump or a new holder).
// The world view, the narration and the inspected state are the page's own small DOM updates.
//
// The step's time as the user sees it, measured here: from the click on Step (the event's timestamp) to the frame
// after the last plot and the page's DOM show the new year, as a performance measure named 'watch-step'.
let run = null;
let holder = null;
let step = 0;
let clickedAt = null;

document.addEventListener('click', e => { if (e.target.closest?.('#watch-step')) clickedAt = e.timeStamp; }, true);

const plotIds = { burden: 'watch-burden', beliefs: 'watch-beliefs', rungs: 'watch-rungs' };

export function setup(json, firstHolder) {
    run = JSON.parse(json);
    holder = firstHolder;
    step = 0;
}

/** The plot in the chart element once Plotly has drawn it (the page creates it a moment before). */
async function drawn(id) {
    for (let k = 0; k < 600; k++) {
        const gd = document.querySelector(`#${id} .js-plotly-plot`);
        if (gd && gd.data && gd._fullLayout) return gd;
        await new Promise(r => requestAnimationFrame(r));
    }
    return null;
}

function upTo(traces, n) {
    return traces.map(t => ({ ...t, x: t.x.slice(0, n), y: t.y.slice(0, n) }));
}

/** Shows traces up to n points: appends the one new point of each trace when the plot holds n − 1, else redraws. */
async function grow(id, traces, layout, n, redraw) {
    const gd = await drawn(id);
    if (!gd) return;
    const held = gd.data[0]?.x?.length ?? 0;
    if (!redraw && held === n - 1 && gd.data.length === traces.length) {
        await Plotly.extendTraces(gd, { x: traces.map(t => [t.x[n - 1]]), y: traces.map(t => [t.y[n - 1]]) }, traces.map((_, k) => k));
    } else if (redraw || held !== n) {
        await Plotly.react(gd, upTo(traces, n), layout ?? gd.layout, run.config);
    }
}

function pageShows(t) {
    return document.getElementById('watch')?.dataset.step === String(t);
}

async function draw(redrawBeliefs) {
    const t = step, n = t + 1;
    const arrived = performance.now();
    const beliefs = run.beliefs[holder];
    await Promise.all([
        grow(plotIds.burden, run.burden, null, n, false),
        grow(plotIds.beliefs, beliefs.data, beliefs.layout, n, redrawBeliefs),
        grow(plotIds.rungs, run.rungs, null, n, false),
    ]);
    if (clickedAt === null || t !== step) return;
    const plotted = performance.now();
    // the page's own update of the year (world view, narration, inspected state) may arrive just after the plots'
    for (let k = 0; k < 600 && !pageShows(t); k++) await new Promise(r => requestAnimationFrame(r));
    const shownAt = performance.now();
    requestAnimationFrame(() => {
        if (clickedAt === null || t !== step) return;
        // detail: when the server's message arrived, the plots were drawn and the page showed the year (ms after the click)
        performance.measure('watch-step', { start: clickedAt, end: performance.now(), detail: { step: t,
            arrived: arrived - clickedAt, plotted: plotted - clickedAt, shown: shownAt - clickedAt } });
        clickedAt = null;
    });
}

export function show(t) {
    if (!run) return;
    step = t;
    return draw(false);
}

export function showHolder(name) {
    if (!run || !run.beliefs[name]) return;
    holder = name;
    return draw(true);
}
