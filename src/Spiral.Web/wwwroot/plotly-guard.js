// Plotly.Blazor queues each chart's first drawing until plotly.js (4.8 MB) has loaded, then runs the queue in one
// loop. A chart whose element the page removed in the meantime (re-created with new data while plotly.js was still
// loading: a four-worlds map whose outcome and scale were changed at once) makes Plotly throw "No DOM element with
// id ...", which ends the loop, so no chart queued after it is ever drawn. This guard makes Plotly's calls on an
// element id that is no longer on the page do nothing, so the rest of the queue runs. Loaded before any chart.
(() => {
    const methods = ['newPlot', 'react', 'purge', 'relayout', 'restyle', 'update', 'extendTraces', 'prependTraces', 'addTraces', 'deleteTraces'];
    let plotly;
    function guard(p) {
        for (const name of methods) {
            const call = p?.[name];
            if (typeof call !== 'function' || call.spiralGuarded) continue;
            const guarded = function (gd, ...rest) {
                if (typeof gd === 'string' && !document.getElementById(gd)) return Promise.resolve();
                return call.call(this, gd, ...rest);
            };
            guarded.spiralGuarded = true;
            p[name] = guarded;
        }
        return p;
    }
    // plotly.js registers its methods after it sets window.Plotly: guard them when they are used
    Object.defineProperty(window, 'Plotly', { configurable: true, enumerable: true, get: () => guard(plotly), set: v => { plotly = v; } });
})();
