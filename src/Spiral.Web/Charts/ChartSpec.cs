using Plotly.Blazor;

namespace Spiral.Web.Charts;

/// <summary>What one Plotly chart draws: its traces and layout.</summary>
public sealed record ChartSpec(IList<ITrace> Data, Layout Layout);
