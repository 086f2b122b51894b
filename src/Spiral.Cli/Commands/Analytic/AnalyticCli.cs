using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spiral.Analytic;

namespace Spiral.Cli.Commands.Analytic;

/// <summary>Output, plotting and error translation shared by the analytic-lab commands.</summary>
internal static class AnalyticCli
{
    public const string FontFamily = Spiral.Reporting.Plots.PlotFonts.Family;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Write machine-readable JSON instead of a table." };

    /// <summary>A <c>--plot FILE</c> option, its path checked when the command line is parsed, before any work.</summary>
    public static Option<string?> PlotOption(string what)
    {
        var option = new Option<string?>("--plot") { Description = $"Also draw {what} to this file (.png or .svg).", HelpName = "FILE" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path)
            {
                try
                {
                    Spiral.Reporting.Plots.PlotFile.CheckPath(path);
                }
                catch (Spiral.Reporting.Plots.PlotException ex)
                {
                    result.AddError("--plot " + ex.Message);
                }
            }
        });
        return option;
    }

    public static Option<double> Number(string name, string description, bool required = true, double? defaultValue = null)
    {
        var option = new Option<double>(name) { Description = description, Required = required && defaultValue is null };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }
        return option;
    }

    /// <summary>Runs a command body, turning model-input errors into usage errors (exit code 2).</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ModelInputException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    public static TextWriter Out(ParseResult parse) => parse.InvocationConfiguration.Output;

    public static void WriteJson(ParseResult parse, object value) =>
        Out(parse).WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public static void Write(ParseResult parse, IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out(parse)),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;
        console.Write(renderable);
    }

    public static Table NewTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers)
        {
            table.AddColumn(new TableColumn(new Text(h)));
        }
        return table;
    }

    public static void AddRow(Table table, params object?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(Format(c))).ToArray());

    public static string Format(object? value) => value switch
    {
        null => "-",
        double d when double.IsNaN(d) => "n/a",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    public static IReadOnlyList<string> SplitList(string? value, string optionName)
    {
        var items = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
        {
            throw new UsageException($"{optionName} needs a comma-separated list, for example {optionName} A,B.");
        }
        return items;
    }

    /// <summary>Saves a plot as PNG or SVG (by extension) with the shipped font, atomically (Spiral.Reporting.Plots.PlotFile).</summary>
    public static void SavePlot(ScottPlot.Plot plot, string path, int width = 900, int height = 560)
    {
        try
        {
            Spiral.Reporting.Plots.PlotFile.CheckPath(path);
            Spiral.Reporting.Plots.PlotFonts.Register();
            plot.Font.Set(Spiral.Reporting.Plots.PlotFonts.Family);
            Spiral.Reporting.Plots.PlotFile.Save(plot, path, width, height);
        }
        catch (Spiral.Reporting.Plots.PlotException ex)
        {
            throw new UsageException("--plot " + ex.Message);
        }
    }
}
