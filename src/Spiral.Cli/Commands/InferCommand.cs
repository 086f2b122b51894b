using System.CommandLine;
using System.Globalization;
using Spiral.Cli.Commands.Analytic;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Calibration;
using Spiral.IO.Calibration;

namespace Spiral.Cli.Commands;

/// <summary>
/// <c>spiral infer</c>: "was it a security dilemma?" — the posterior over the states' hidden types given the observed
/// spending and crisis record (docs/reference/calibration.md, "Inference").
/// </summary>
internal static class InferCommand
{
    private const int FirstHeldOutYear = ObservedCrises.FirstHeldOutYear;

    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "A scenario file or library name with an observed record (spending in calibration:, crises in data/observed_crises.csv)." };
        var years = new Option<string?>("--years") { Description = "Years of the record (default: the scenario's calibration.train, else its years up to 2019).", HelpName = "FIRST-LAST" };
        var runs = new Option<int>("--runs") { Description = "Runs per type assignment.", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed of every assignment's runs (common random numbers).", DefaultValueFactory = _ => 1UL };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var json = AnalyticCli.JsonOption();
        var command = new Command("infer",
            "Was it a security dilemma? Posterior over each state's hidden type (security-seeker or greedy) given the observed spending path and crises by MID level, with posterior predictive checks.")
        {
            scenarioArg, years, runs, seed, threads, json,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(scenarioArg)!;
            var scenario = ScenarioCli.Load(name);
            CalibrationSetup? setup = null;
            try
            {
                setup = CalibrationSetup.Load(name);
            }
            catch (Spiral.IO.Scenarios.ScenarioException)
            {
                // No calibration section: no observed spending; the crisis record alone is used.
            }
            var range = Window(parse.GetValue(years), name, scenario);
            if (parse.GetValue(runs) is < 2 or > 100_000)
            {
                throw new UsageException($"--runs {parse.GetValue(runs)}: expected an integer from 2 to 100000");
            }
            ObservedSpending? spending = null;
            ObservedCrisisRecord? crises = null;
            try
            {
                spending = setup?.LoadObserved();
                crises = ObservedCrises.Covers(scenario) ? ObservedCrises.Record(scenario, range) : null;
            }
            catch (ObservedDataException ex)
            {
                throw new UsageException(ex.Message);
            }
            if (spending is null && crises is null)
            {
                throw new UsageException($"scenario '{scenario.Name}' has no observed record: no calibration: section with spending and no crises in {ObservedCrises.File}");
            }
            var options = new TypeInferenceOptions(parse.GetValue(runs), parse.GetValue(seed), RunnerArguments.Options(parse.GetValue(threads)).Threads);
            TypeInferenceResult r;
            try
            {
                r = TypeInference.Infer(scenario, range, spending, crises, options);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
            var heldOut = range.Last >= FirstHeldOutYear && scenario.StartYear >= 1990;
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new
                {
                    scenario = r.Scenario,
                    method = TypeInferenceResult.Method,
                    years = r.Years.ToString(),
                    includesHeldOutYears = heldOut,
                    runs = r.Runs,
                    seed = r.Seed,
                    scriptedEventsRemoved = r.RemovedEvents,
                    spendingSource = spending?.Source,
                    crisisSource = crises?.Source,
                    episodes = crises?.Episodes,
                    pGreedy = r.States.Select((s, i) => new { state = s, prior = scenario.States[i].GreedProbability, posterior = r.GreedyProbability[i] }),
                    pNoGreedy = r.NoGreedyProbability,
                    map = new { greedy = r.Map.Label(r.States), posterior = r.Map.Posterior },
                    assignments = r.Assignments.OrderByDescending(a => a.Posterior).Select(a => new
                    {
                        greedy = a.Label(r.States),
                        prior = a.Prior,
                        logLikelihoodSpending = a.LogLikelihoodSpending,
                        logLikelihoodCrises = a.LogLikelihoodCrises,
                        posterior = a.Posterior,
                    }),
                    crisisCheck = r.Crises.Append(r.TotalCrises).Select(c => new
                    {
                        level = c.Level == 0 ? "all" : c.Level.ToString(CultureInfo.InvariantCulture),
                        observed = c.Observed,
                        mean = c.Mean,
                        low90 = c.Low,
                        high90 = c.High,
                        covered = c.Covered,
                    }),
                    spendingCheck = new
                    {
                        coverage90 = AnalyticCli.Finite(r.SpendingCoverage),
                        observations = r.SpendingObservations,
                        byState = r.Spending.Select(s => new { state = s.State, points = s.Points, covered = s.Covered }),
                    },
                });
                return ExitCodes.Ok;
            }
            var o = AnalyticCli.Out(parse);
            o.WriteLine($"{r.Scenario}: posterior over the hidden types given the record of {r.Years} ({r.Runs} runs per assignment, seed {r.Seed})");
            o.WriteLine($"record: {(spending is null ? "no spending" : $"spending from {spending.Source}")}; " +
                (crises is null ? "no crisis record" : $"{crises.Total} crises ({string.Join(", ", crises.Episodes)}) from {crises.Source}"));
            o.WriteLine($"{r.RemovedEvents} scripted incidents and wars removed: the model must produce the crises itself");
            var states = AnalyticCli.NewTable("state", "prior P(greedy)", "posterior P(greedy)");
            for (var i = 0; i < r.States.Count; i++)
            {
                AnalyticCli.AddRow(states, r.States[i], Math.Round(scenario.States[i].GreedProbability, 3), Math.Round(r.GreedyProbability[i], 3));
            }
            AnalyticCli.Write(parse, states);
            o.WriteLine($"P(no greedy state: a pure security dilemma) = {F(r.NoGreedyProbability)}; most probable assignment: greedy = {r.Map.Label(r.States)} ({F(r.Map.Posterior)})");
            var checks = AnalyticCli.NewTable("MID level", "observed", "predicted mean", "90% interval", "covered");
            foreach (var c in r.Crises.Append(r.TotalCrises))
            {
                AnalyticCli.AddRow(checks, c.Level == 0 ? "all" : c.Level.ToString(CultureInfo.InvariantCulture), c.Observed, Math.Round(c.Mean, 2), $"{c.Low}-{c.High}", c.Covered ? "yes" : "no");
            }
            AnalyticCli.Write(parse, checks);
            if (r.SpendingObservations > 0)
            {
                o.WriteLine($"spending: {r.Spending.Sum(s => s.Covered)} of {r.SpendingObservations} observed state-years inside the 90% predictive interval ({F(100 * r.SpendingCoverage)}%)");
            }
            if (heldOut)
            {
                o.WriteLine($"note: the years reach {range.Last}; the real cases hold out {FirstHeldOutYear}-2024, so this posterior has seen held-out years.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static YearRange Window(string? text, string name, Scenario scenario)
    {
        var last = TimeConvention.LastYear(scenario.StartYear, scenario.Steps);
        if (text is null)
        {
            return ObservedCrises.DefaultYears(name, scenario);
        }
        if (!YearRange.TryParse(text, out var r))
        {
            throw new UsageException($"--years {text}: expected FIRST-LAST, e.g. 2010-2019");
        }
        if (r.First < scenario.StartYear || r.Last > last)
        {
            throw new UsageException($"--years {text}: expected years within the scenario's {scenario.StartYear}-{last}");
        }
        return r;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
