namespace Spiral.Analytic;

/// <summary>
/// An input to an analytic model is outside its domain (a negative cost, a probability outside [0, 1],
/// a missing column). The message says what was wrong and what was expected.
/// </summary>
public class ModelInputException : ArgumentException
{
    public ModelInputException(string message) : base(message) { }

    public ModelInputException(string message, string paramName) : base(message, paramName) { }

    public ModelInputException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The message alone, without the parameter-name suffix that <see cref="ArgumentException"/> appends.</summary>
    public override string Message => base.Message is var m && ParamName is { } p && m.EndsWith($" (Parameter '{p}')", StringComparison.Ordinal)
        ? m[..^$" (Parameter '{p}')".Length]
        : base.Message;
}

/// <summary>Shared checks for model inputs.</summary>
public static class Require
{
    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ModelInputException($"{name} must be a finite number, got {value}.", name);
        }
        return value;
    }

    public static double NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ModelInputException($"{name} must be a finite number >= 0, got {value}.", name);
        }
        return value;
    }

    public static double Probability(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new ModelInputException($"{name} must be a probability in [0, 1], got {value}.", name);
        }
        return value;
    }

    public static int Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ModelInputException($"{name} must be a positive integer, got {value}.", name);
        }
        return value;
    }
}
