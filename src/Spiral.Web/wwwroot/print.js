// The handout (docs/how-to/web.md, "Share and export"). Plotly draws each chart at the width of the screen's layout,
// which printing does not redraw: before printing, every visible chart is redrawn at the width of its printed column
// (two to a row on A4 portrait with the browser's default margins; one full-width map), smaller and with smaller type;
// after printing, at its screen size again. Ctrl+P and the "Print a handout" buttons (window.print()) both fire these events.
(() => {
    const column = 350, full = 700; // CSS px: A4's 190 mm printable width is about 718 px
    let saved = [];
    function beforePrint() {
        if (!window.Plotly || saved.length > 0) return;
        document.querySelectorAll('.chart .js-plotly-plot').forEach(gd => {
            if (!gd.layout || gd.offsetParent === null) return;
            const inGrid = !!gd.closest('.chart-grid');
            const l = gd.layout;
            const before = { width: l.width ?? null, height: l.height ?? null, autosize: l.autosize ?? true,
                'font.size': l.font?.size ?? null, 'title.font.size': l.title?.font?.size ?? null,
                'legend.orientation': l.legend?.orientation ?? null, 'legend.y': l.legend?.y ?? null };
            const h = l.height ?? 380;
            const small = { autosize: false, width: inGrid ? column : full, height: Math.round(inGrid ? Math.min(Math.max(h * 0.62, h - 200), 460) : Math.min(h, 520)),
                'font.size': 10, 'title.font.size': 12 };
            if (inGrid) {
                // a legend beside a narrow plot squeezes it: below the plot instead
                small['legend.orientation'] = 'h';
                small['legend.y'] = -0.35;
            }
            (l.annotations ?? []).forEach((a, k) => { before[`annotations[${k}].font.size`] = a.font?.size ?? null; small[`annotations[${k}].font.size`] = 9; });
            saved.push([gd, before]);
            Plotly.relayout(gd, small);
        });
    }
    function afterPrint() {
        const list = saved;
        saved = [];
        list.forEach(([gd, layout]) => { Plotly.relayout(gd, layout); if (layout.autosize) Plotly.Plots.resize(gd); });
    }
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    window.spiralPrint = { beforePrint, afterPrint };
})();
