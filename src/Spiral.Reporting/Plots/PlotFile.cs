using System.Text.RegularExpressions;
using ScottPlot;
using Spiral.IO.Files;

namespace Spiral.Reporting.Plots;

/// <summary>Plot sizes, projector-sized fonts, and atomic saving to PNG or SVG chosen by the file's extension.</summary>
public static partial class PlotFile
{
    /// <summary>16:9, sharp on a projector and in a report.</summary>
    public const int Width = 1280;
    public const int Height = 720;

    public const float TitleSize = 30;
    public const float LabelSize = 26;
    public const float TickSize = 20;
    public const float LegendSize = 20;

    /// <summary>The output format a path asks for, or a <see cref="PlotException"/> for anything but .png and .svg.</summary>
    public static string FormatOf(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".png" => "png",
            ".svg" => "svg",
            _ => throw new PlotException($"'{path}': a plot file must end in .png or .svg."),
        };
    }

    /// <summary>Checks a plot output path before any work is done: the extension, then <see cref="OutputPath.CheckFile"/> (a regular file is replaced).</summary>
    public static void CheckPath(string path)
    {
        FormatOf(path);
        try
        {
            OutputPath.CheckFile(path, ExistingOutput.Replace);
        }
        catch (OutputPathException ex)
        {
            throw new PlotException(ex.Message);
        }
    }

    /// <summary>A new plot drawn with the shipped font and projector-sized text.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        PlotFonts.Register();
        var plot = new Plot();
        plot.Font.Set(PlotFonts.Family);
        plot.Title(title, FitTitle(title, Width));
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = TickSize;
        }
        plot.Legend.FontSize = LegendSize;
        return plot;
    }

    /// <summary>The title font size, shrunk for long titles so they fit the width (DejaVu Sans averages about 0.6 em a character).</summary>
    public static float FitTitle(string title, int width) =>
        (float)Math.Clamp((width - 80) / (0.6 * Math.Max(1, title.Length)), 16, TitleSize);

    /// <summary>Saves one plot as PNG or SVG (by extension), writing a temporary file beside the target and moving it into place.</summary>
    public static void Save(Plot plot, string path, int width = Width, int height = Height) =>
        Save([plot], path, width, height);

    /// <summary>Saves plots stacked top to bottom in one image, each <paramref name="height"/> pixels tall.</summary>
    public static void Save(IReadOnlyList<Plot> panels, string path, int width = Width, int height = Height)
    {
        var format = FormatOf(path);
        CheckPath(path);
        var bytes = format == "png" ? Png(panels, width, height) : new System.Text.UTF8Encoding(false).GetBytes(Svg(panels, width, height, idPrefix: null));
        try
        {
            OutputPath.WriteAtomically(path, stream => stream.Write(bytes));
        }
        catch (OutputPathException ex)
        {
            throw new PlotException(ex.Message);
        }
    }

    /// <summary>PNG bytes of plots stacked vertically.</summary>
    public static byte[] Png(IReadOnlyList<Plot> panels, int width = Width, int height = Height)
    {
        if (panels.Count == 1)
        {
            return panels[0].GetImageBytes(width, height, ImageFormat.Png);
        }
        var info = new SkiaSharp.SKImageInfo(width, height * panels.Count);
        using var surface = SkiaSharp.SKSurface.Create(info);
        surface.Canvas.Clear(SkiaSharp.SKColors.White);
        for (var k = 0; k < panels.Count; k++)
        {
            var bytes = panels[k].GetImageBytes(width, height, ImageFormat.Png);
            using var image = SkiaSharp.SKImage.FromEncodedData(bytes);
            surface.Canvas.DrawImage(image, 0, k * height);
        }
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// SVG text of plots stacked vertically, without an XML declaration so it can be inlined in HTML. Element ids
    /// (clip paths) are prefixed with <paramref name="idPrefix"/> so that several charts can share one page.
    /// </summary>
    public static string Svg(IReadOnlyList<Plot> panels, int width = Width, int height = Height, string? idPrefix = null)
    {
        var bodies = new List<string>(panels.Count);
        for (var k = 0; k < panels.Count; k++)
        {
            var svg = StripDeclaration(panels[k].GetSvgXml(width, height));
            var prefix = (idPrefix ?? "p") + "-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
            svg = IdAttribute().Replace(svg, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
            svg = UrlReference().Replace(svg, m => $"url(#{prefix}{m.Groups[1].Value})");
            svg = HrefReference().Replace(svg, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
            bodies.Add(svg);
        }
        if (bodies.Count == 1)
        {
            return bodies[0];
        }
        var total = height * bodies.Count;
        var sb = new System.Text.StringBuilder();
        sb.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\">");
        for (var k = 0; k < bodies.Count; k++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<g transform=\"translate(0,{k * height})\">");
            sb.Append(bodies[k]);
            sb.Append("</g>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string StripDeclaration(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("(xlink:href|href)=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
