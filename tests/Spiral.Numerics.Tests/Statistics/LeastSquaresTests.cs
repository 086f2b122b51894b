using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Tests.Statistics;

public class LeastSquaresTests
{
    [Fact]
    public void Fit_ExactPlane_RecoversCoefficientsWithZeroErrors()
    {
        // y = 2 + 3 a - 0.5 b
        double[] a = [1, 2, 3, 4, 5, 6];
        double[] b = [2, 1, 4, 3, 6, 8];
        var y = a.Select((v, i) => 2 + 3 * v - 0.5 * b[i]).ToArray();
        var fit = LeastSquares.Fit(y, a, b)!;
        Assert.Equal(2, fit.Coefficients[0].Value, 10);
        Assert.Equal(3, fit.Coefficients[1].Value, 10);
        Assert.Equal(-0.5, fit.Coefficients[2].Value, 10);
        Assert.Equal(1, fit.RSquared, 10);
        Assert.Equal(6, fit.Observations);
        Assert.All(fit.Coefficients, c => Assert.Equal(0, c.StandardError, 6));
    }

    [Fact]
    public void Fit_NoisyLine_StandardErrorsMatchTheTextbookFormula()
    {
        // x = 1..5, y = 1, 3, 2, 5, 4: slope 0.8, intercept 0.6, SSE 3.6, s² = 1.2, Sxx = 10
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [1, 3, 2, 5, 4];
        var fit = LeastSquares.Fit(y, x)!;
        Assert.Equal(0.6, fit.Coefficients[0].Value, 10);
        Assert.Equal(0.8, fit.Coefficients[1].Value, 10);
        Assert.Equal(Math.Sqrt(1.2 / 10), fit.Coefficients[1].StandardError, 10);
        Assert.Equal(Math.Sqrt(1.2 * (1.0 / 5 + 9.0 / 10)), fit.Coefficients[0].StandardError, 10);
        Assert.Equal(1 - 3.6 / 10, fit.RSquared, 10);
    }

    [Fact]
    public void Fit_CollinearRegressors_IsNull()
    {
        double[] a = [1, 2, 3, 4];
        double[] b = [2, 4, 6, 8];
        Assert.Null(LeastSquares.Fit([1, 2, 3, 5], a, b));
    }

    [Fact]
    public void Fit_FewerObservationsThanCoefficients_IsNull()
    {
        Assert.Null(LeastSquares.Fit([1, 2], [1, 2], [3, 5]));
    }

    [Fact]
    public void Line_NoisyLine_MatchesTheGeneralFit()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [1, 3, 2, 5, 4];
        var line = LeastSquares.Line(x, y);
        var fit = LeastSquares.Fit(y, x)!;
        Assert.Equal(fit.Coefficients[0].Value, line.Intercept, 12);
        Assert.Equal(fit.Coefficients[1].Value, line.Slope, 12);
        Assert.Equal(fit.Coefficients[1].StandardError, line.SlopeStandardError, 12);
    }

    [Fact]
    public void Line_OnePoint_IsFlatThroughIt()
    {
        var line = LeastSquares.Line([2000], [7.5]);
        Assert.Equal((7.5, 0.0), (line.Intercept, line.Slope));
        Assert.True(double.IsNaN(line.SlopeStandardError));
    }

    [Fact]
    public void Line_NoSpreadInX_IsFlatThroughTheMean()
    {
        var line = LeastSquares.Line([3, 3, 3], [1, 2, 6]);
        Assert.Equal((3.0, 0.0), (line.Intercept, line.Slope));
    }

    [Fact]
    public void Line_TwoPoints_ExactWithoutStandardError()
    {
        var line = LeastSquares.Line([0, 2], [1, 5]);
        Assert.Equal((1.0, 2.0), (line.Intercept, line.Slope));
        Assert.True(double.IsNaN(line.SlopeStandardError));
    }

    [Fact]
    public void Line_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => LeastSquares.Line([1, 2], [1]));
    }
}
