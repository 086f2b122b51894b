using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Metrics;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Running;

/// <summary>Per-state outcomes of an ensemble.</summary>
public sealed record StateOutcome(
    string Name,
    double MilexGrowth,
    double FinalSecurity,
    double GreedyShare,
    IReadOnlyList<BeliefOutcome> Beliefs);

/// <summary>Mean final belief a state holds about one rival, and the mean absolute error of that belief.</summary>
public sealed record BeliefOutcome(string About, double MeanBelief, double MeanError);

/// <summary>What <c>spiral run</c> reports: ensemble means with 95% intervals.</summary>
public sealed record EnsembleSummary(
    string Scenario,
    int Runs,
    ulong Seed,
    int Steps,
    string ScenarioHash,
    Estimate WarProbability,
    Estimate WarBetweenSecuritySeekersProbability,
    Estimate CrisesPerRun,
    double MaxRungMean,
    int MaxRungMax,
    Estimate WarsPerRun,
    Estimate SpiralsPerRun,
    Estimate CbmsProposedPerRun,
    Estimate CbmsSignedPerRun,
    Estimate CbmsBlockedPerRun,
    Estimate HotlinesOpenedPerRun,
    Estimate ArmsRaceIndex,
    Estimate RichardsonReaction,
    Estimate MeanSecurityChange,
    Estimate MeanBeliefError,
    double WarGivenCrisis,
    IReadOnlyList<StateOutcome> States);

/// <summary>Accumulates run summaries in run order into an <see cref="EnsembleSummary"/>.</summary>
public sealed class EnsembleAggregator
{
    private readonly Scenario _scenario;
    private readonly EnsembleOptions _options;
    private readonly int _n;
    private readonly List<double> _crises = [], _wars = [], _spirals = [], _proposed = [], _signed = [], _blocked = [],
        _hotlines = [], _armsRace = [], _reaction = [], _securityChange = [], _beliefError = [];
    private readonly double[] _milexGrowth, _finalSecurity, _greedy, _belief, _beliefError2;
    private int _runs, _withWar, _withTragedy, _maxRungMax, _totalCrises, _crisesOfRunsWithWar;
    private long _maxRungSum;
    private int _totalWars;

    public EnsembleAggregator(Scenario scenario, EnsembleOptions options)
    {
        _scenario = scenario;
        _options = options;
        _n = scenario.States.Count;
        _milexGrowth = new double[_n];
        _finalSecurity = new double[_n];
        _greedy = new double[_n];
        _belief = new double[_n * _n];
        _beliefError2 = new double[_n * _n];
    }

    public void Add(RunSummary s)
    {
        _runs++;
        if (s.HadWar) _withWar++;
        if (s.WarsBetweenSecuritySeekers > 0) _withTragedy++;
        _maxRungSum += s.MaxRung;
        _maxRungMax = Math.Max(_maxRungMax, s.MaxRung);
        _totalCrises += s.Crises;
        _totalWars += s.Wars;
        _crisesOfRunsWithWar += s.HadWar ? 1 : 0;
        _crises.Add(s.Crises); _wars.Add(s.Wars); _spirals.Add(s.Spirals); _proposed.Add(s.CbmsProposed);
        _signed.Add(s.CbmsSigned); _blocked.Add(s.CbmsBlocked); _hotlines.Add(s.HotlinesOpened);
        _armsRace.Add(s.ArmsRaceIndex); _reaction.Add(s.RichardsonReaction); _securityChange.Add(s.MeanSecurityChange);
        _beliefError.Add(s.MeanBeliefError);
        for (var i = 0; i < _n; i++)
        {
            _milexGrowth[i] += s.MilexGrowth[i];
            _finalSecurity[i] += s.FinalSecurity[i];
            _greedy[i] += s.IsGreedy[i] ? 1 : 0;
        }
        for (var k = 0; k < _n * _n; k++)
        {
            _belief[k] += s.FinalBelief[k];
            _beliefError2[k] += s.BeliefError[k];
        }
    }

    public EnsembleSummary Result()
    {
        var runs = Math.Max(1, _runs);
        var states = new List<StateOutcome>(_n);
        for (var i = 0; i < _n; i++)
        {
            var beliefs = new List<BeliefOutcome>();
            for (var j = 0; j < _n; j++)
            {
                if (i != j)
                {
                    beliefs.Add(new BeliefOutcome(_scenario.States[j].Name, _belief[i * _n + j] / runs, _beliefError2[i * _n + j] / runs));
                }
            }
            states.Add(new StateOutcome(_scenario.States[i].Name, _milexGrowth[i] / runs, _finalSecurity[i] / runs, _greedy[i] / runs, beliefs));
        }
        return new EnsembleSummary(
            _scenario.Name, _runs, _options.Seed, _options.Steps ?? _scenario.Steps, ScenarioHash.Of(_scenario),
            Estimate.Proportion(_withWar, _runs),
            Estimate.Proportion(_withTragedy, _runs),
            Estimate.OfMean(_crises.ToArray(), 0),
            (double)_maxRungSum / runs,
            _maxRungMax,
            Estimate.OfMean(_wars.ToArray(), 0),
            Estimate.OfMean(_spirals.ToArray(), 0),
            Estimate.OfMean(_proposed.ToArray(), 0),
            Estimate.OfMean(_signed.ToArray(), 0),
            Estimate.OfMean(_blocked.ToArray(), 0),
            Estimate.OfMean(_hotlines.ToArray(), 0),
            Estimate.OfMean(_armsRace.ToArray()),
            Estimate.OfMean(_reaction.ToArray()),
            Estimate.OfMean(_securityChange.ToArray()),
            Estimate.OfMean(_beliefError.ToArray()),
            _totalCrises > 0 ? (double)_totalWars / _totalCrises : 0,
            states);
    }
}

/// <summary>A short, stable content hash of a scenario (SHA-256 of its canonical JSON), carried by every result row.</summary>
public static class ScenarioHash
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    public static string Of(Scenario scenario)
    {
        var json = JsonSerializer.Serialize(scenario, Canonical);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
