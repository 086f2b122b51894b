using Spiral.Core.Parameters;
using System.Globalization;
using Spiral.Core.Policies;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;

namespace Spiral.Experiments.Counterfactuals;

/// <summary>
/// A change to a scenario that an analyst asks "what if" about, parsed from a short spec:
/// <list type="bullet">
/// <item><c>hotline:A,B</c> — a hotline from the start; <c>hotline:A,B@1963</c> — opened that year (Schelling 1960).</item>
/// <item><c>cbm:A,B</c> — confidence-building measures from the start; <c>cbm:A,B@2012</c> — signed that year (Holst 1983).</item>
/// <item><c>posture:A=defensive</c> — preparedness without provocation: a defensive posture and a defensive realist
/// that shifts fully to defense (Jervis 1978; Glaser 1997); <c>posture:A=offensive</c> — the opposite.</item>
/// <item><c>policy:A=Grit</c> — a state's security-seeking policy.</item>
/// <item><c>drop:cbmSigned@2013</c> — removes the timeline's events of that kind in that year (e.g. a CBM that was never signed).</item>
/// <item><c>PATH=VALUE</c> — any parameter path of <see cref="ParameterCatalog"/>, e.g. <c>institutions=0.6</c>,
/// <c>dyads[india,china].rivalry=0.2</c>.</item>
/// </list>
/// </summary>
public sealed record Intervention(string Spec, Func<Scenario, Scenario> Apply)
{
    public static Intervention Parse(string spec)
    {
        var s = spec.Trim();
        if (s.Length == 0)
        {
            throw new ScenarioPathException("empty intervention; expected e.g. hotline:A,B, cbm:A,B@2012, posture:A=defensive, institutions=0.6");
        }
        var colon = s.IndexOf(':');
        if (colon > 0 && !s[..colon].Contains('='))
        {
            var kind = s[..colon].Trim().ToLowerInvariant();
            var rest = s[(colon + 1)..].Trim();
            return kind switch
            {
                "hotline" => Agreement(spec, rest, isHotline: true),
                "cbm" => Agreement(spec, rest, isHotline: false),
                "posture" => Posture(spec, rest),
                "policy" => PolicyChange(spec, rest),
                "drop" => Drop(spec, rest),
                _ => throw new ScenarioPathException($"unknown intervention '{kind}' in '{spec}'; expected hotline, cbm, posture, policy, drop or PATH=VALUE"),
            };
        }
        var eq = s.IndexOf('=');
        if (eq <= 0)
        {
            throw new ScenarioPathException($"cannot read intervention '{spec}'; expected e.g. hotline:A,B, cbm:A,B@2012, posture:A=defensive, institutions=0.6");
        }
        var path = s[..eq].Trim();
        var value = s[(eq + 1)..].Trim();
        return new Intervention(spec, sc => ParameterCatalog.Set(sc, path, value));
    }

    /// <summary>Applies every intervention in order.</summary>
    public static Scenario ApplyAll(Scenario scenario, IEnumerable<Intervention> interventions) =>
        interventions.Aggregate(scenario, (sc, i) => i.Apply(sc));

    private static Intervention Agreement(string spec, string rest, bool isHotline)
    {
        var at = rest.IndexOf('@');
        var pair = (at >= 0 ? rest[..at] : rest).Split(',', StringSplitOptions.TrimEntries);
        if (pair.Length != 2)
        {
            throw new ScenarioPathException($"'{spec}': expected two state names, e.g. {(isHotline ? "hotline" : "cbm")}:A,B[@YEAR]");
        }
        if (at < 0)
        {
            return new Intervention(spec, sc =>
            {
                var field = isHotline ? "hotline" : "transparency";
                var dyadPath = $"dyads[{pair[0]},{pair[1]}].{field}";
                var value = isHotline ? 1.0 : Math.Min(1, ParameterCatalog.Get(sc, dyadPath) + sc.Model.CbmTransparencyGain);
                return ParameterCatalog.Set(sc, dyadPath, value);
            });
        }
        if (!int.TryParse(rest[(at + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year))
        {
            throw new ScenarioPathException($"'{spec}': '{rest[(at + 1)..]}' is not a year");
        }
        return new Intervention(spec, sc =>
        {
            CheckYear(sc, year, spec);
            foreach (var name in pair)
            {
                if (sc.IndexOf(name) < 0)
                {
                    throw new ScenarioPathException($"'{spec}': unknown state '{name}'; expected one of {string.Join(", ", sc.States.Select(x => x.Name))}");
                }
            }
            var ev = new TimelineEvent(year, isHotline ? TimelineEventKind.HotlineOpened : TimelineEventKind.CbmSigned, pair)
            {
                Description = $"counterfactual: {spec}",
            };
            return sc with { Timeline = [.. sc.Timeline, ev] };
        });
    }

    private static Intervention Posture(string spec, string rest)
    {
        var (state, value) = Assignment(spec, rest);
        return value.ToLowerInvariant() switch
        {
            "defensive" => new Intervention(spec, sc => WithState(sc, state, spec, s => s with
            {
                Posture = 0.1,
                Policy = new PolicySpec("DefensiveRealist") { Parameters = new Dictionary<string, double> { ["defensiveShift"] = 1.0 } },
            })),
            "offensive" => new Intervention(spec, sc => WithState(sc, state, spec, s => s with
            {
                Posture = 0.8,
                Policy = new PolicySpec("DefensiveRealist") { Parameters = new Dictionary<string, double> { ["defensiveShift"] = 0.0 } },
            })),
            _ => throw new ScenarioPathException($"'{spec}': expected posture:STATE=defensive or posture:STATE=offensive"),
        };
    }

    private static Intervention PolicyChange(string spec, string rest)
    {
        var (state, value) = Assignment(spec, rest);
        return new Intervention(spec, sc => ParameterCatalog.Set(sc, $"states[{state}].policy", value));
    }

    private static Intervention Drop(string spec, string rest)
    {
        var at = rest.IndexOf('@');
        if (at <= 0 || !Enum.TryParse<TimelineEventKind>(rest[..at], ignoreCase: true, out var kind)
            || !int.TryParse(rest[(at + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year))
        {
            throw new ScenarioPathException($"'{spec}': expected drop:KIND@YEAR with KIND one of {string.Join(", ", Enum.GetNames<TimelineEventKind>())}");
        }
        return new Intervention(spec, sc =>
        {
            var kept = sc.Timeline.Where(e => !(e.Kind == kind && e.Year == year)).ToList();
            if (kept.Count == sc.Timeline.Count)
            {
                throw new ScenarioPathException($"'{spec}': the scenario has no {kind} event in {year}");
            }
            return sc with { Timeline = kept };
        });
    }

    private static (string State, string Value) Assignment(string spec, string rest)
    {
        var eq = rest.IndexOf('=');
        if (eq <= 0)
        {
            throw new ScenarioPathException($"'{spec}': expected STATE=VALUE after the colon");
        }
        return (rest[..eq].Trim(), rest[(eq + 1)..].Trim());
    }

    private static Scenario WithState(Scenario sc, string name, string spec, Func<StateSpec, StateSpec> change)
    {
        var i = sc.IndexOf(name);
        if (i < 0)
        {
            throw new ScenarioPathException($"'{spec}': unknown state '{name}'; expected one of {string.Join(", ", sc.States.Select(x => x.Name))}");
        }
        var states = sc.States.ToList();
        states[i] = change(states[i]);
        return sc with { States = states };
    }

    private static void CheckYear(Scenario sc, int year, string spec)
    {
        if (year < sc.StartYear || year > TimeConvention.LastYear(sc.StartYear, sc.Steps))
        {
            throw new ScenarioPathException($"'{spec}': year {year} is outside the scenario's years {sc.StartYear}-{TimeConvention.LastYear(sc.StartYear, sc.Steps)}");
        }
    }
}
