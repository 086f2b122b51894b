namespace Spiral.Core.Policies;

/// <summary>One parameter of a policy's options record.</summary>
public sealed record PolicyParameter(string Name, double Default, double Min, double Max, bool IsInteger, string Unit, string Source, string Meaning);
