using MathNet.Numerics.LinearAlgebra;

namespace Spiral.Numerics.Statistics;

/// <summary>A least-squares coefficient with its standard error.</summary>
public readonly record struct Coefficient(double Value, double StandardError);

/// <summary>An ordinary least-squares fit: the intercept first, then one coefficient per regressor in the order given.</summary>
public sealed record LinearFit(IReadOnlyList<Coefficient> Coefficients, double RSquared, int Observations);

/// <summary>A least-squares line y = intercept + slope·x.</summary>
public readonly record struct LineFit(double Intercept, double Slope, double SlopeStandardError);

/// <summary>Ordinary least squares (Gauss 1809; standard errors from σ²(XᵀX)⁻¹, e.g. Greene, <i>Econometric Analysis</i>, ch. 4).</summary>
public static class LeastSquares
{
    /// <summary>
    /// Fits response = b₀ + b₁·regressor₁ + … by OLS. Null when the coefficients are not identified (fewer observations
    /// than coefficients, or collinear regressors). Standard errors are NaN without residual degrees of freedom; R² is
    /// NaN when the response is constant.
    /// </summary>
    public static LinearFit? Fit(double[] response, params double[][] regressors)
    {
        var n = response.Length;
        var p = regressors.Length + 1;
        var design = Matrix<double>.Build.Dense(n, p, (i, j) => j == 0 ? 1.0 : regressors[j - 1][i]);
        var yv = Vector<double>.Build.DenseOfArray(response);
        if (n < p || design.Rank() < p)
        {
            return null;
        }
        var inverse = design.TransposeThisAndMultiply(design).Inverse();
        var beta = inverse * design.TransposeThisAndMultiply(yv);
        var residuals = yv - design * beta;
        var rss = residuals.DotProduct(residuals);
        var mean = response.Average();
        var tss = response.Sum(v => (v - mean) * (v - mean));
        var r2 = tss == 0 ? double.NaN : 1 - rss / tss;
        var dof = n - p;
        var sigma2 = dof > 0 ? rss / dof : double.NaN;
        var coefficients = Enumerable.Range(0, p).Select(j => new Coefficient(beta[j], Math.Sqrt(sigma2 * inverse[j, j]))).ToArray();
        return new LinearFit(coefficients, r2, n);
    }

    /// <summary>
    /// The least-squares line y = intercept + slope·x in closed form, with the slope's standard error
    /// √(SSE / (n − 2) / Sxx). The slope is 0 (a flat line through the mean) when it is not identified: fewer than two
    /// points or no spread in x; its standard error is then NaN, as it is with only two points.
    /// </summary>
    public static LineFit Line(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length || x.Length == 0)
        {
            throw new ArgumentException($"x and y must be non-empty and of equal length, got {x.Length} and {y.Length}.", nameof(y));
        }
        var n = x.Length;
        double sumX = 0, sumY = 0;
        for (var i = 0; i < n; i++)
        {
            sumX += x[i];
            sumY += y[i];
        }
        var mx = sumX / n;
        var my = sumY / n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (n < 2 || sxx == 0)
        {
            return new LineFit(my, 0, double.NaN);
        }
        var slope = sxy / sxx;
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var fitted = my + slope * (x[i] - mx);
            sse += (y[i] - fitted) * (y[i] - fitted);
        }
        var standardError = n > 2 ? Math.Sqrt(sse / (n - 2) / sxx) : double.NaN;
        return new LineFit(my - slope * mx, slope, standardError);
    }
}
