namespace Spiral.Numerics.Optimization;

/// <summary>The best point a <see cref="NelderMead"/> search found.</summary>
public sealed record OptimumResult(double[] Point, double Value, int Evaluations, bool Converged);

/// <summary>
/// Nelder–Mead downhill simplex (Nelder &amp; Mead 1965; coefficients reflection 1, expansion 2, contraction 0.5,
/// shrink 0.5 as in Lagarias et al. 1998) on the unit box [0,1]^d: every trial point is clamped into the box, so
/// bounds hold without penalties. Deterministic: no randomness, ties broken by index.
/// </summary>
public static class NelderMead
{
    public static OptimumResult Minimize(Func<double[], double> f, double[] start, int maxEvaluations, double initialStep = 0.15,
        double tolerance = 1e-7)
    {
        var d = start.Length;
        if (d == 0)
        {
            return new OptimumResult([], f([]), 1, true);
        }
        var evaluations = 0;
        double Eval(double[] x)
        {
            evaluations++;
            var v = f(x);
            return double.IsFinite(v) ? v : double.MaxValue;
        }
        var simplex = new double[d + 1][];
        var values = new double[d + 1];
        simplex[0] = start.Select(Clamp).ToArray();
        for (var k = 0; k < d; k++)
        {
            var x = (double[])simplex[0].Clone();
            x[k] = x[k] + initialStep <= 1 ? x[k] + initialStep : x[k] - initialStep;
            simplex[k + 1] = x;
        }
        for (var k = 0; k <= d; k++)
        {
            values[k] = Eval(simplex[k]);
        }
        var converged = false;
        while (evaluations < maxEvaluations)
        {
            var order = Enumerable.Range(0, d + 1).OrderBy(k => values[k]).ThenBy(k => k).ToArray();
            simplex = order.Select(k => simplex[k]).ToArray();
            values = order.Select(k => values[k]).ToArray();
            var size = 0.0;
            for (var k = 1; k <= d; k++)
            {
                for (var j = 0; j < d; j++)
                {
                    size = Math.Max(size, Math.Abs(simplex[k][j] - simplex[0][j]));
                }
            }
            if (values[d] - values[0] <= tolerance && size <= 1e-4)
            {
                converged = true;
                break;
            }
            var centroid = new double[d];
            for (var k = 0; k < d; k++)
            {
                for (var j = 0; j < d; j++)
                {
                    centroid[j] += simplex[k][j] / d;
                }
            }
            double[] Along(double t) => centroid.Select((c, j) => Clamp(c + t * (simplex[d][j] - c))).ToArray();
            var reflected = Along(-1);
            var fr = Eval(reflected);
            if (fr < values[0])
            {
                var expanded = Along(-2);
                var fe = Eval(expanded);
                (simplex[d], values[d]) = fe < fr ? (expanded, fe) : (reflected, fr);
                continue;
            }
            if (fr < values[d - 1])
            {
                (simplex[d], values[d]) = (reflected, fr);
                continue;
            }
            var contracted = fr < values[d] ? Along(-0.5) : Along(0.5);
            var fc = Eval(contracted);
            if (fc < Math.Min(fr, values[d]))
            {
                (simplex[d], values[d]) = (contracted, fc);
                continue;
            }
            for (var k = 1; k <= d && evaluations < maxEvaluations; k++)
            {
                simplex[k] = simplex[k].Select((x, j) => Clamp(simplex[0][j] + 0.5 * (x - simplex[0][j]))).ToArray();
                values[k] = Eval(simplex[k]);
            }
        }
        var best = Enumerable.Range(0, d + 1).OrderBy(k => values[k]).ThenBy(k => k).First();
        return new OptimumResult(simplex[best], values[best], evaluations, converged);
    }

    private static double Clamp(double x) => Math.Clamp(x, 0, 1);
}
