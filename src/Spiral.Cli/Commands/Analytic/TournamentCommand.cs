using System.CommandLine;
using System.Diagnostics;
using Spiral.Analytic.Tournament;
using static Spiral.Cli.Commands.Analytic.AnalyticCli;

namespace Spiral.Cli.Commands.Analytic;

/// <summary>Options shared by <c>spiral tournament</c> and <c>spiral moran</c>.</summary>
internal sealed class MatchOptions
{
    public Option<int> Turns { get; } = new("--turns") { Description = "Turns per match (when --prob-end is 0).", DefaultValueFactory = _ => 200 };
    public Option<int> Repetitions { get; } = new("--repetitions") { Description = "Matches per pair of players.", DefaultValueFactory = _ => 10 };
    public Option<double> Noise { get; } = new("--noise") { Description = "Probability in [0, 1] of noise on each move (see --noise-kind).", DefaultValueFactory = _ => 0 };
    public Option<string> NoiseKind { get; } = NewNoiseKind();
    public Option<double> ProbEnd { get; } = new("--prob-end") { Description = "Probability in [0, 1] that a match ends after each turn (0: fixed length).", DefaultValueFactory = _ => 0 };
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the random streams.", DefaultValueFactory = _ => 0UL };
    public Option<int?> Threads { get; } = new("--threads") { Description = "Threads to use (default: all cores). Results do not depend on it." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Turns, Repetitions, Noise, NoiseKind, ProbEnd, Seed, Threads })
        {
            command.Options.Add(o);
        }
    }

    public TournamentSettings Settings(ParseResult parse) =>
        new TournamentSettings(
            new MatchSettings(parse.GetValue(Turns), parse.GetValue(Noise), parse.GetValue(ProbEnd), NoiseKind: Kind(parse)),
            parse.GetValue(Repetitions), parse.GetValue(Seed), parse.GetValue(Threads)).Validated();

    /// <summary>The parsed --noise-kind.</summary>
    public NoiseKind Kind(ParseResult parse) =>
        parse.GetValue(NoiseKind) == "action" ? Spiral.Analytic.Tournament.NoiseKind.Action : Spiral.Analytic.Tournament.NoiseKind.Perception;

    /// <summary>One line saying what the noise flips, for the human output.</summary>
    public static string Describe(MatchSettings match) => match.NoiseKind == Spiral.Analytic.Tournament.NoiseKind.Action
        ? $"Action noise {Format(match.Noise)}: each intended move is flipped before it is played (Axelrod-Python's convention)."
        : $"Perception noise {Format(match.Noise)}: each move is misperceived by the opponent; moves and payoffs are not flipped.";

    private static Option<string> NewNoiseKind()
    {
        var option = new Option<string>("--noise-kind")
        {
            Description = "What --noise flips: perception (default; the opponent misperceives the move, Jervis 1976) or action (the intended move is flipped before it is played, as in Axelrod-Python).",
            DefaultValueFactory = _ => "perception",
        };
        option.AcceptOnlyFromAmong("perception", "action");
        return option;
    }
}

/// <summary><c>spiral tournament</c>: Axelrod's (1984) round robin of repeated-game strategies.</summary>
internal static class TournamentCommand
{
    public static Command Create()
    {
        var players = new Option<string?>("--players") { Description = $"Comma-separated strategies (default: all). Known: {string.Join(", ", StrategyCatalog.Names)}.", HelpName = "A,B,..." };
        var match = new MatchOptions();
        var json = JsonOption();
        var plot = PlotOption("a bar chart of mean scores per turn");
        var command = new Command("tournament", "Round-robin tournament of repeated security-game strategies with noise (Axelrod 1984); PD payoffs R=3, S=0, T=5, P=1.");
        command.Options.Add(players);
        match.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(plot);
        command.SetAction(parse => Guard(() =>
        {
            var names = parse.GetValue(players) is { } list ? SplitList(list, "--players") : StrategyCatalog.Names;
            var settings = match.Settings(parse);
            var watch = Stopwatch.StartNew();
            var result = RoundRobin.Run(names, settings);
            watch.Stop();
            var seconds = watch.Elapsed.TotalSeconds;
            var turnsPerSecond = seconds > 0 ? result.TotalTurns / seconds : double.NaN;
            if (parse.GetValue(plot) is { } file)
            {
                var chart = new ScottPlot.Plot();
                var bars = chart.Add.Bars(result.Standings.Select(s => s.MeanScorePerTurn).ToArray());
                chart.Axes.Bottom.SetTicks(Enumerable.Range(0, result.Standings.Count).Select(i => (double)i).ToArray(), result.Standings.Select(s => s.Name).ToArray());
                chart.Axes.Bottom.TickLabelStyle.Rotation = 45;
                chart.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
                chart.Axes.Bottom.MinimumSize = 140;
                chart.Axes.Margins(bottom: 0);
                chart.Title($"Round robin: {settings.Match.Turns} turns, {(settings.Match.NoiseKind == NoiseKind.Action ? "action" : "perception")} noise {Format(settings.Match.Noise)}, {settings.Repetitions} repetitions");
                chart.YLabel("mean score per turn");
                SavePlot(chart, file);
            }
            if (parse.GetValue(json))
            {
                WriteJson(parse, new
                {
                    settings = new
                    {
                        turns = settings.Match.Turns,
                        repetitions = settings.Repetitions,
                        noise = settings.Match.Noise,
                        noiseKind = settings.Match.NoiseKind,
                        probEnd = settings.Match.ProbEnd,
                        seed = settings.Seed,
                        payoffs = new { r = 3, s = 0, t = 5, p = 1 },
                    },
                    players = result.Standings.Select(s => new
                    {
                        name = s.Name,
                        rank = s.Rank,
                        meanScorePerTurn = s.MeanScorePerTurn,
                        wins = s.Wins,
                        cooperationRate = s.CooperationRate,
                    }),
                    payoffMatrix = new { names = result.Names, meanScorePerTurn = result.PayoffMatrix },
                    matches = result.Matches,
                    totalTurns = result.TotalTurns,
                    timing = new { elapsedSeconds = seconds, turnsPerSecond = AnalyticCli.Finite(turnsPerSecond) },
                });
                return ExitCodes.Ok;
            }
            var table = NewTable("rank", "strategy", "mean score/turn", "wins", "cooperation rate");
            foreach (var s in result.Standings)
            {
                AddRow(table, s.Rank, s.Name, Math.Round(s.MeanScorePerTurn, 4), s.Wins, Math.Round(s.CooperationRate, 4));
            }
            Write(parse, table);
            var matrix = NewTable(["row vs column"
                , .. result.Names.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            for (var i = 0; i < result.Names.Count; i++)
            {
                AddRow(matrix, [$"{i + 1} {result.Names[i]}", .. result.PayoffMatrix[i].Select(v => (object?)Math.Round(v, 3))]);
            }
            Write(parse, matrix);
            Out(parse).WriteLine(MatchOptions.Describe(settings.Match));
            Out(parse).WriteLine($"{result.Matches} matches, {result.TotalTurns} turns in {seconds:0.###} s ({turnsPerSecond / 1e6:0.##} million turns/s).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary><c>spiral moran</c>: evolutionary dynamics of strategies (Moran 1958; Nowak et al. 2004).</summary>
internal static class MoranCommand
{
    public static Command Create()
    {
        var players = new Option<string>("--players") { Description = "Comma-separated strategies, at least two.", Required = true, HelpName = "A,B,..." };
        var population = new Option<int>("--population") { Description = "Population size, split evenly among the strategies (ignored with --initial).", DefaultValueFactory = _ => 20 };
        var initial = new Option<string?>("--initial") { Description = "Initial count of each strategy, comma-separated, in --players order.", HelpName = "N1,N2,..." };
        var intensity = new Option<double>("--intensity") { Description = "Selection intensity w in [0, 1]; fitness = 1 - w + w*payoff.", DefaultValueFactory = _ => 1.0 };
        var runs = new Option<int>("--runs") { Description = "Independent runs.", DefaultValueFactory = _ => 100 };
        var maxSteps = new Option<int>("--max-steps") { Description = "Birth-death steps after which a run stops unfixed.", DefaultValueFactory = _ => 100_000 };
        var traceEvery = new Option<int>("--trace-every") { Description = "Record the first run's population every this many steps (0: off; default 1 with --plot).", DefaultValueFactory = _ => 0 };
        var match = new MatchOptions();
        match.Repetitions.DefaultValueFactory = _ => 5;
        var json = JsonOption();
        var plot = PlotOption("the first run's population over time");
        var command = new Command("moran", "Moran process over strategies, with fitness from a round robin's payoff matrix (Nowak et al. 2004).");
        foreach (var o in new Option[] { players, population, initial, intensity, runs, maxSteps, traceEvery })
        {
            command.Options.Add(o);
        }
        match.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(plot);
        command.SetAction(parse => Guard(() =>
        {
            var names = SplitList(parse.GetValue(players), "--players").Select(StrategyCatalog.Resolve).ToArray();
            if (names.Length < 2 || names.Distinct().Count() != names.Length)
            {
                throw new UsageException("--players needs at least two different strategies.");
            }
            int[] counts;
            if (parse.GetValue(initial) is { } init)
            {
                var parts = SplitList(init, "--initial");
                counts = parts.Select(p => int.TryParse(p, out var c) && c >= 0
                    ? c
                    : throw new UsageException($"--initial: '{p}' is not a count (expected a whole number >= 0).")).ToArray();
                if (counts.Length != names.Length)
                {
                    throw new UsageException($"--initial has {counts.Length} counts but --players names {names.Length} strategies; give one count per strategy.");
                }
            }
            else
            {
                var n = parse.GetValue(population);
                if (n < names.Length)
                {
                    throw new UsageException($"--population must be at least the number of strategies ({names.Length}), got {n}.");
                }
                counts = names.Select((_, i) => n / names.Length + (i < n % names.Length ? 1 : 0)).ToArray();
            }
            var plotFile = parse.GetValue(plot);
            var trace = parse.GetValue(traceEvery);
            if (plotFile is not null && trace == 0)
            {
                trace = 1;
            }
            var matchSettings = match.Settings(parse);
            var tournament = RoundRobin.Run(names, matchSettings);
            var settings = new MoranSettings(parse.GetValue(intensity), parse.GetValue(maxSteps), parse.GetValue(runs), parse.GetValue(match.Seed), trace);
            var result = MoranProcess.Run(tournament.PayoffMatrix, counts, settings);
            var size = counts.Sum();
            var m = tournament.PayoffMatrix;
            var exact = names.Length == 2
                ? new
                {
                    firstInvadesSecond = MoranProcess.FixationProbability(m[0][0], m[0][1], m[1][0], m[1][1], size, settings.Intensity),
                    secondInvadesFirst = MoranProcess.FixationProbability(m[1][1], m[1][0], m[0][1], m[0][0], size, settings.Intensity),
                    neutral = 1.0 / size,
                }
                : null;
            if (plotFile is not null)
            {
                var chart = new ScottPlot.Plot();
                var steps = result.Trace.Select(t => (double)t.Step).ToArray();
                for (var s = 0; s < names.Length; s++)
                {
                    chart.Add.ScatterLine(steps, result.Trace.Select(t => (double)t.Counts[s]).ToArray()).LegendText = names[s];
                }
                chart.Title("Moran process (first run)");
                chart.XLabel("step");
                chart.YLabel("individuals");
                chart.ShowLegend();
                SavePlot(chart, plotFile);
            }
            var fixedRuns = result.Runs.Count(r => r.FixatedType is not null);
            if (parse.GetValue(json))
            {
                WriteJson(parse, new
                {
                    players = names,
                    initialCounts = counts,
                    populationSize = size,
                    intensity = settings.Intensity,
                    noise = matchSettings.Match.Noise,
                    noiseKind = matchSettings.Match.NoiseKind,
                    runs = settings.Runs,
                    fixedRuns,
                    fixationFrequency = names.Select((n, i) => new { name = n, frequency = result.FixationFrequency[i] }),
                    meanStepsToFixation = fixedRuns > 0 ? result.Runs.Where(r => r.FixatedType is not null).Average(r => r.Steps) : (double?)null,
                    exactFixation = exact,
                    payoffMatrix = m,
                    trace = result.Trace.Select(t => new { step = t.Step, counts = t.Counts }),
                });
                return ExitCodes.Ok;
            }
            var table = NewTable("strategy", "initial count", "fixation frequency");
            for (var i = 0; i < names.Length; i++)
            {
                AddRow(table, names[i], counts[i], result.FixationFrequency[i]);
            }
            Write(parse, table);
            Out(parse).WriteLine($"{fixedRuns} of {settings.Runs} runs fixated within {settings.MaxSteps} steps.");
            if (exact is not null)
            {
                Out(parse).WriteLine($"Exact fixation probability of one mutant (Nowak et al. 2004), N = {size}: {names[0]} into {names[1]}: {Format(exact.firstInvadesSecond)}; {names[1]} into {names[0]}: {Format(exact.secondInvadesFirst)}; neutral 1/N = {Format(exact.neutral)}.");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
