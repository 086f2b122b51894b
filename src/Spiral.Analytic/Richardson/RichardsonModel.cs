namespace Spiral.Analytic.Richardson;

/// <summary>Richardson's four regimes of a two-state arms race.</summary>
public enum RichardsonRegime
{
    /// <summary>I: stable, equilibrium with both armed (ab &gt; kl, equilibrium in the positive quadrant).</summary>
    StableBalance = 1,

    /// <summary>II: stable, equilibrium outside the positive quadrant: arms run down towards mutual disarmament.</summary>
    Disarmament = 2,

    /// <summary>III: unstable (ab &lt;= kl) with the equilibrium outside the positive quadrant: a runaway race.</summary>
    RunawayRace = 3,

    /// <summary>IV: unstable with the equilibrium in the positive quadrant: a saddle whose dividing line separates race from disarmament.</summary>
    Saddle = 4,
}

/// <summary>A point on the (x, y) plane.</summary>
public readonly record struct ArmsPoint(double X, double Y);

/// <summary>The separatrix of a saddle: the line through the equilibrium along the stable eigenvector.</summary>
public readonly record struct DividingLine(ArmsPoint Through, ArmsPoint Direction);

/// <summary>
/// Richardson's arms race model (L. F. Richardson, <i>Arms and Insecurity</i>, 1960):
/// dx/dt = k·y − a·x + g, dy/dt = l·x − b·y + h, where x, y are the two sides' armaments,
/// k, l the defence (reaction) coefficients, a, b the fatigue (cost) coefficients and g, h the
/// grievances (negative: goodwill).
/// </summary>
public sealed class RichardsonModel
{
    public RichardsonModel(double a, double b, double k, double l, double g, double h)
    {
        A = Require.NonNegative(a, "a (fatigue of x)");
        B = Require.NonNegative(b, "b (fatigue of y)");
        K = Require.NonNegative(k, "k (reaction of x to y)");
        L = Require.NonNegative(l, "l (reaction of y to x)");
        G = Require.Finite(g, "g (grievance of x)");
        H = Require.Finite(h, "h (grievance of y)");
    }

    public double A { get; }
    public double B { get; }
    public double K { get; }
    public double L { get; }
    public double G { get; }
    public double H { get; }

    /// <summary>ab − kl: the determinant of the system matrix.</summary>
    public double Determinant => A * B - K * L;

    /// <summary>Richardson's stability condition ab &gt; kl.</summary>
    public bool IsStable => Determinant > 0;

    /// <summary>The point where both derivatives vanish; null when ab = kl (no unique equilibrium).</summary>
    public ArmsPoint? Equilibrium
    {
        get
        {
            var det = Determinant;
            if (det == 0)
            {
                return null;
            }
            return new ArmsPoint((K * H + B * G) / det, (L * G + A * H) / det);
        }
    }

    /// <summary>Both eigenvalues of [[−a, k], [l, −b]], largest first; real because kl ≥ 0.</summary>
    public (double Larger, double Smaller) Eigenvalues
    {
        get
        {
            var m = -(A + B) / 2;
            var q = HalfSpread;
            return (m + q, m - q);
        }
    }

    private double HalfSpread => Math.Sqrt((A - B) * (A - B) / 4 + K * L);

    public RichardsonRegime Regime
    {
        get
        {
            var eq = Equilibrium;
            if (eq is null)
            {
                return G > 0 || H > 0 ? RichardsonRegime.RunawayRace : RichardsonRegime.Disarmament;
            }
            var positive = eq.Value.X > 0 && eq.Value.Y > 0;
            return (IsStable, positive) switch
            {
                (true, true) => RichardsonRegime.StableBalance,
                (true, false) => RichardsonRegime.Disarmament,
                (false, false) => RichardsonRegime.RunawayRace,
                (false, true) => RichardsonRegime.Saddle,
            };
        }
    }

    /// <summary>For an unstable system with an equilibrium: the separatrix through it (stable eigenvector).</summary>
    public DividingLine? Separatrix
    {
        get
        {
            var eq = Equilibrium;
            if (IsStable || eq is null || K == 0)
            {
                return null;
            }
            var (_, stable) = Eigenvalues;
            return new DividingLine(eq.Value, Normalise(K, A + stable));
        }
    }

    /// <summary>
    /// Where an unstable system started at (x0, y0) heads: +1 runaway race, −1 disarmament, 0 on the dividing line.
    /// Null for stable or degenerate systems.
    /// </summary>
    public int? Tendency(double x0, double y0)
    {
        var eq = Equilibrium;
        if (IsStable || eq is null || K == 0)
        {
            return null;
        }
        var (unstable, stable) = Eigenvalues;
        var (ux, uy) = (K, A + unstable);
        var (vx, vy) = (K, A + stable);
        var (dx, dy) = (x0 - eq.Value.X, y0 - eq.Value.Y);
        var det = ux * vy - uy * vx;
        var alpha = (dx * vy - dy * vx) / det;
        return Math.Abs(alpha) < 1e-12 ? 0 : Math.Sign(alpha);
    }

    /// <summary>
    /// The exact solution at time t from (x0, y0), by the 2×2 matrix exponential
    /// e^{Mt} = e^{mt}[cosh(qt)·I + sinh(qt)/q·(M − mI)] with m = −(a+b)/2, q = √(((a−b)/2)² + kl),
    /// plus the forcing integral ∫₀ᵗ e^{Ms} ds·(g, h), valid also when ab = kl.
    /// </summary>
    public ArmsPoint StateAt(double t, double x0, double y0)
    {
        Require.NonNegative(t, "t (time)");
        Require.Finite(x0, "x0");
        Require.Finite(y0, "y0");
        var m = -(A + B) / 2;
        var q = HalfSpread;

        var c = Math.Exp(m * t) * Math.Cosh(q * t);
        var s = Math.Exp(m * t) * SinhOverQ(q, t);
        var ic = (Integral(m + q, t) + Integral(m - q, t)) / 2;
        var isq = q == 0 ? IntegralTimesT(m, t) : (Integral(m + q, t) - Integral(m - q, t)) / (2 * q);

        var (n11, n12, n21, n22) = (-A - m, K, L, -B - m);
        var x = c * x0 + s * (n11 * x0 + n12 * y0) + ic * G + isq * (n11 * G + n12 * H);
        var y = c * y0 + s * (n21 * x0 + n22 * y0) + ic * H + isq * (n21 * G + n22 * H);
        return new ArmsPoint(x, y);
    }

    /// <summary>(dx/dt, dy/dt) at (x, y).</summary>
    public ArmsPoint Derivative(double x, double y) => new(K * y - A * x + G, L * x - B * y + H);

    /// <summary>Classical fourth-order Runge–Kutta integration with a fixed step.</summary>
    public ArmsPoint Integrate(double t, double x0, double y0, double step = 1e-3)
    {
        Require.NonNegative(t, "t (time)");
        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new ModelInputException($"step must be a positive number, got {step}.", nameof(step));
        }
        var steps = (int)Math.Ceiling(t / step);
        if (steps == 0)
        {
            return new ArmsPoint(x0, y0);
        }
        var dt = t / steps;
        double x = x0, y = y0;
        for (var i = 0; i < steps; i++)
        {
            var k1 = Derivative(x, y);
            var k2 = Derivative(x + dt / 2 * k1.X, y + dt / 2 * k1.Y);
            var k3 = Derivative(x + dt / 2 * k2.X, y + dt / 2 * k2.Y);
            var k4 = Derivative(x + dt * k3.X, y + dt * k3.Y);
            x += dt / 6 * (k1.X + 2 * k2.X + 2 * k3.X + k4.X);
            y += dt / 6 * (k1.Y + 2 * k2.Y + 2 * k3.Y + k4.Y);
        }
        return new ArmsPoint(x, y);
    }

    /// <summary>The exact path sampled at <paramref name="points"/> equally spaced times in [0, t].</summary>
    public IReadOnlyList<(double T, ArmsPoint State)> Trajectory(double t, double x0, double y0, int points = 201)
    {
        Require.Positive(points - 1, "points - 1");
        var result = new List<(double, ArmsPoint)>(points);
        for (var i = 0; i < points; i++)
        {
            var ti = t * i / (points - 1);
            result.Add((ti, StateAt(ti, x0, y0)));
        }
        return result;
    }

    private static double SinhOverQ(double q, double t) => q == 0 ? t : Math.Sinh(q * t) / q;

    private static double Integral(double lambda, double t)
    {
        var z = lambda * t;
        return Math.Abs(z) < 1e-5 ? t * (1 + z / 2 + z * z / 6) : (Math.Exp(z) - 1) / lambda;
    }

    private static double IntegralTimesT(double m, double t) =>
        Math.Abs(m * t) < 1e-5 ? t * t * (0.5 + m * t / 3) : (Math.Exp(m * t) * (m * t - 1) + 1) / (m * m);

    private static ArmsPoint Normalise(double x, double y)
    {
        var n = Math.Sqrt(x * x + y * y);
        return new ArmsPoint(x / n, y / n);
    }
}
