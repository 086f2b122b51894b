namespace Spiral.Numerics.Sensitivity;

/// <summary>A test function of the unit cube with known Sobol indices, to check the estimators against.</summary>
public interface ISensitivityTestFunction
{
    string Name { get; }

    int Factors { get; }

    /// <summary>The function at a point of the unit cube (each factor rescaled to its own domain inside).</summary>
    double Evaluate(ReadOnlySpan<double> unit);

    /// <summary>The analytic first-order index of each factor.</summary>
    IReadOnlyList<double> FirstOrder { get; }

    /// <summary>The analytic total index of each factor.</summary>
    IReadOnlyList<double> Total { get; }
}

/// <summary>
/// The Ishigami function f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³ (Ishigami &amp; Homma 1990), with the analytic
/// variance decomposition of Sobol &amp; Levitan (1999): V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8, V₁₃ = 8b²π⁸/225, V₃ = 0.
/// </summary>
public sealed class Ishigami(double a = 7, double b = 0.1) : ISensitivityTestFunction
{
    public string Name => "ishigami";

    public int Factors => 3;

    public double A { get; } = a;

    public double B { get; } = b;

    public double Evaluate(ReadOnlySpan<double> unit)
    {
        var x1 = Math.PI * (2 * unit[0] - 1);
        var x2 = Math.PI * (2 * unit[1] - 1);
        var x3 = Math.PI * (2 * unit[2] - 1);
        var s2 = Math.Sin(x2);
        return Math.Sin(x1) + A * s2 * s2 + B * Math.Pow(x3, 4) * Math.Sin(x1);
    }

    private double V1 => 0.5 * Math.Pow(1 + B * Math.Pow(Math.PI, 4) / 5, 2);

    private double V2 => A * A / 8;

    private double V13 => 8 * B * B * Math.Pow(Math.PI, 8) / 225;

    /// <summary>The output variance a²/8 + bπ⁴/5 + b²π⁸/18 + ½.</summary>
    public double Variance => V1 + V2 + V13;

    public IReadOnlyList<double> FirstOrder => [V1 / Variance, V2 / Variance, 0];

    public IReadOnlyList<double> Total => [(V1 + V13) / Variance, V2 / Variance, V13 / Variance];
}

/// <summary>
/// Sobol's g-function g = Π (|4xᵢ − 2| + aᵢ)/(1 + aᵢ) on [0, 1]ᵈ (Sobol 1993; Saltelli &amp; Sobol 1995): factor i has
/// partial variance Vᵢ = 1/(3(1 + aᵢ)²); the total variance is Π(1 + Vᵢ) − 1. Small aᵢ make a factor important.
/// </summary>
public sealed class SobolG : ISensitivityTestFunction
{
    private readonly double[] _a;

    /// <summary>The g-function with coefficients <paramref name="a"/>; by default Saltelli et al. (2010)'s (0, 1, 4.5, 9, 99, 99, 99, 99).</summary>
    public SobolG(IReadOnlyList<double>? a = null)
    {
        _a = (a ?? [0, 1, 4.5, 9, 99, 99, 99, 99]).ToArray();
        if (_a.Length == 0 || _a.Any(v => !(v >= 0)))
        {
            throw new ArgumentException("the g-function needs at least one coefficient, each at least 0", nameof(a));
        }
    }

    public string Name => "sobol-g";

    public int Factors => _a.Length;

    public IReadOnlyList<double> Coefficients => _a;

    public double Evaluate(ReadOnlySpan<double> unit)
    {
        var g = 1.0;
        for (var i = 0; i < _a.Length; i++)
        {
            g *= (Math.Abs(4 * unit[i] - 2) + _a[i]) / (1 + _a[i]);
        }
        return g;
    }

    private double Partial(int i) => 1 / (3 * (1 + _a[i]) * (1 + _a[i]));

    public double Variance => Enumerable.Range(0, _a.Length).Aggregate(1.0, (p, i) => p * (1 + Partial(i))) - 1;

    public IReadOnlyList<double> FirstOrder => Enumerable.Range(0, _a.Length).Select(i => Partial(i) / Variance).ToArray();

    public IReadOnlyList<double> Total => Enumerable.Range(0, _a.Length)
        .Select(i => Partial(i) * Enumerable.Range(0, _a.Length).Where(j => j != i).Aggregate(1.0, (p, j) => p * (1 + Partial(j))) / Variance)
        .ToArray();
}
