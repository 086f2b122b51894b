using ScottPlot;
using SkiaSharp;

namespace Spiral.Reporting.Plots;

/// <summary>
/// The font every Spiral plot is drawn with: DejaVu Sans, embedded in this assembly and registered with ScottPlot,
/// so that text appears on machines without system fonts (DESIGN.md section 10).
/// </summary>
public static class PlotFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static SKTypeface? _typeface;

    /// <summary>Registers the shipped font (once) and makes it ScottPlot's default. Safe to call from any thread.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_typeface is not null)
            {
                return;
            }
            using var stream = typeof(PlotFonts).Assembly.GetManifestResourceStream("fonts/DejaVuSans.ttf")
                ?? throw new InvalidOperationException("The embedded font fonts/DejaVuSans.ttf is missing from Spiral.Reporting.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var typeface = SKTypeface.FromData(SKData.CreateCopy(memory.ToArray()))
                ?? throw new InvalidOperationException("The embedded font fonts/DejaVuSans.ttf could not be read.");
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(typeface));
            Fonts.Default = Family;
            _typeface = typeface;
        }
    }

    /// <summary>True once <see cref="Register"/> has run and ScottPlot resolves <see cref="Family"/> to the shipped file.</summary>
    public static bool IsRegistered
    {
        get
        {
            lock (Gate)
            {
                return _typeface is not null;
            }
        }
    }

    private sealed class EmbeddedFontResolver(SKTypeface typeface) : IFontResolver
    {
        // One regular face serves every weight and slant: titles stay readable, and nothing falls back to a missing system font.
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Match(fontName);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Match(fontName);

        private SKTypeface? Match(string fontName) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? typeface : null;
    }
}
