namespace Spiral.Analytic.Fearon;

/// <summary>The bargaining range of divisions of a unit pie (A's share) that both sides prefer to war.</summary>
public sealed record BargainingRange(double Lower, double Upper)
{
    public double Width => Upper - Lower;

    public bool Contains(double share) => share >= Lower && share <= Upper;
}

/// <summary>The commitment-problem test for a shifting balance of power.</summary>
public sealed record CommitmentProblem(double Shift, double Discount, double FutureLoss, double WarCost, bool PreventiveWar);

/// <summary>
/// Fearon's rationalist bargaining model of war (J. D. Fearon, "Rationalist Explanations for War",
/// <i>International Organization</i> 49(3), 1995). A and B divide a good worth 1; A wins a war with
/// probability p; war costs A c_A and B c_B (as shares of the good).
/// </summary>
public sealed class Bargaining
{
    public Bargaining(double p, double costA, double costB)
    {
        P = Require.Probability(p, "p (probability that A wins)");
        CostA = Require.NonNegative(costA, "c_A (A's cost of war)");
        CostB = Require.NonNegative(costB, "c_B (B's cost of war)");
    }

    public double P { get; }
    public double CostA { get; }
    public double CostB { get; }

    /// <summary>[p − c_A, p + c_B]: A prefers any share x ≥ p − c_A to war, B any x ≤ p + c_B (Fearon 1995, p. 387). Width c_A + c_B.</summary>
    public BargainingRange Range => new(P - CostA, P + CostB);

    /// <summary>The range restricted to feasible shares [0, 1]; it always contains p.</summary>
    public BargainingRange FeasibleRange => new(Math.Max(0, P - CostA), Math.Min(1, P + CostB));

    /// <summary>
    /// The commitment problem with power shifting by Δp in the next period (Fearon 1995, pp. 401–409; the
    /// condition as in R. Powell, "War as a Commitment Problem", <i>International Organization</i> 60(1), 2006):
    /// with discount factor δ, the declining side fights a preventive war now when the discounted loss from the
    /// shift exceeds what war destroys in the current period, δ·|Δp| &gt; (1 − δ)(c_A + c_B).
    /// </summary>
    public CommitmentProblem Commitment(double shift, double discount)
    {
        Require.Finite(shift, "shift (change in p)");
        if (P + shift < 0 || P + shift > 1)
        {
            throw new ModelInputException($"p + shift must stay in [0, 1], got p = {P}, shift = {shift}.", nameof(shift));
        }
        Require.Probability(discount, "discount factor (delta)");
        var loss = discount * Math.Abs(shift);
        var cost = (1 - discount) * (CostA + CostB);
        return new CommitmentProblem(shift, discount, loss, cost, loss > cost);
    }
}
