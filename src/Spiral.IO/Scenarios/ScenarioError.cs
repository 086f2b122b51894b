namespace Spiral.IO.Scenarios;

/// <summary>One problem in a scenario file: where it is, the path of the bad value, and what was expected.</summary>
/// <param name="File">The file (or source name) the error is in.</param>
/// <param name="Line">1-based line; 0 when the error has no position (e.g. a missing file).</param>
/// <param name="Column">1-based column; 0 when the error has no position.</param>
/// <param name="Path">Path of the bad value, e.g. <c>states[1].gdp</c>; empty for the whole document.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary><c>file:line:column: path: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Path.Length > 0 ? $"{where}: {Path}: {Message}" : $"{where}: {Message}";
    }
}

/// <summary>A scenario could not be loaded; <see cref="Errors"/> lists every problem found, in file order.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public IReadOnlyList<ScenarioError> Errors { get; }
}
