using Spiral.Core.Parameters;
using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.IO.Scenarios;

namespace Spiral.Cli.Commands;

/// <summary><c>spiral scenarios list|validate|show|schema</c>: the scenario library and scenario files.</summary>
internal static class ScenariosCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Build()
    {
        var command = new Command("scenarios", "List, validate and show scenarios (YAML files checked against a JSON Schema).");
        command.Subcommands.Add(BuildList());
        command.Subcommands.Add(BuildValidate());
        command.Subcommands.Add(BuildShow());
        command.Subcommands.Add(BuildSchema());
        return command;
    }

    private static Command BuildList()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array." };
        var list = new Command("list", "List the library scenarios: name, title, states, years.");
        list.Options.Add(json);
        list.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var rows = ScenarioLibrary.Names.Select(ScenarioLoader.LoadLibrary).Select(s => new
            {
                name = s.Name,
                title = s.Title,
                states = s.States.Select(x => x.Name).ToList(),
                startYear = s.StartYear,
                endYear = TimeConvention.LastYear(s.StartYear, s.Steps),
                steps = s.Steps,
            }).ToList();
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(rows, Json));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("name", "title", "states", "years");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.name), Markup.Escape(r.title), Markup.Escape(string.Join(", ", r.states)), $"{r.startYear}-{r.endYear}");
            }
            Console(output).Write(table);
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command BuildValidate()
    {
        var file = new Argument<string>("file") { Description = "A scenario YAML file, or a library scenario name." };
        var json = new Option<bool>("--json") { Description = "Print {valid, file, errors: [{file, line, column, path, message}]}." };
        var validate = new Command("validate", "Check a scenario file against the schema and the semantic rules; exit code 2 on any error.");
        validate.Arguments.Add(file);
        validate.Options.Add(json);
        validate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            IReadOnlyList<ScenarioError> errors;
            Scenario? scenario = null;
            try
            {
                scenario = ScenarioLoader.Resolve(path);
                errors = [];
            }
            catch (ScenarioException ex)
            {
                errors = ex.Errors;
            }
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    valid = errors.Count == 0,
                    file = path,
                    name = scenario?.Name,
                    errors = errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, path = e.Path, message = e.Message }),
                }, Json));
            }
            else if (errors.Count == 0)
            {
                output.WriteLine($"OK {path}: scenario '{scenario!.Name}', {scenario.States.Count} states, {scenario.StartYear}-{TimeConvention.LastYear(scenario.StartYear, scenario.Steps)}");
            }
            else
            {
                foreach (var e in errors)
                {
                    error.WriteLine(e.ToString());
                }
                error.WriteLine($"{errors.Count} error{(errors.Count == 1 ? "" : "s")} in {path}");
            }
            return errors.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return validate;
    }

    private static Command BuildShow()
    {
        var name = new Argument<string>("scenario") { Description = "A library scenario name or a scenario file." };
        var json = new Option<bool>("--json") { Description = "Print the scenario as JSON." };
        var show = new Command("show", "Show a scenario: description, world, states and timeline, then its documentation page (library scenarios).");
        show.Arguments.Add(name);
        show.Options.Add(json);
        show.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            Scenario s;
            try
            {
                s = ScenarioLoader.Resolve(parse.GetValue(name)!);
            }
            catch (ScenarioException ex)
            {
                throw new UsageException(ex.Message);
            }
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(s, Json));
                return ExitCodes.Ok;
            }
            var console = Console(output);
            console.WriteLine($"{s.Name}: {s.Title}");
            console.WriteLine(TimeConvention.Span(s.StartYear, s.Steps));
            console.WriteLine();
            console.WriteLine(s.Description.Trim());
            console.WriteLine();
            console.WriteLine("world: " + string.Join(", ", ParameterCatalog.Of(ParameterScope.World)
                .Select(p => $"{p.Name} {Fmt(ParameterCatalog.Get(s, p.Path))}")));
            var states = new Table().AddColumns("state", "gdp", "growth", "military share", "posture", "P(greedy)", "policy");
            foreach (var st in s.States)
            {
                states.AddRow(Markup.Escape(st.Name), Fmt(st.Gdp), Fmt(st.Growth), Fmt(st.MilitaryShare), Fmt(st.Posture), Fmt(st.GreedProbability), Markup.Escape(st.Policy.Name));
            }
            console.Write(states);
            if (s.Timeline.Count > 0)
            {
                var timeline = new Table().AddColumns("year", "event", "actors", "value", "name");
                foreach (var e in s.Timeline)
                {
                    timeline.AddRow(e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Kind.ToString(), Markup.Escape(string.Join(", ", e.Actors)), e.Value is { } v ? Fmt(v) : "", Markup.Escape(e.Name ?? ""));
                }
                console.Write(timeline);
            }
            foreach (var source in s.Sources)
            {
                console.WriteLine($"source: {source}");
            }
            if (!File.Exists(parse.GetValue(name)!) && ScenarioLibrary.Doc(s.Name) is { } doc)
            {
                output.WriteLine();
                output.WriteLine(doc.TrimEnd());
            }
            return ExitCodes.Ok;
        });
        return show;
    }

    private static Command BuildSchema()
    {
        var schema = new Command("schema", "Print the scenario JSON Schema (draft 2020-12).");
        schema.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(ScenarioSchema.Text.TrimEnd());
            return ExitCodes.Ok;
        });
        return schema;
    }

    private static string Fmt(double v) => v.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture);

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = Math.Max(console.Profile.Width, 140);
        return console;
    }
}
