using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Experiments.Sensitivity;

namespace Spiral.Distributed;

/// <summary>
/// An experiment as a value that travels to a silo: its kind, its definition as JSON, and a fingerprint the silo checks
/// after rebuilding it (the experiment's definition hash, which covers the scenario's content hash), plus the build of
/// the model it needs (the version and source commit of Spiral.Core and Spiral.Experiments): a silo with another build of the model
/// refuses the batch instead of computing other numbers.
/// </summary>
[GenerateSerializer, Immutable, Alias("spiral.experiment-spec")]
public sealed class ExperimentSpec
{
    public const string SweepKind = "sweep";
    public const string SensitivityKind = "sensitivity";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [Id(0)] public required string Kind { get; init; }
    [Id(1)] public required string Definition { get; init; }
    [Id(2)] public required string Fingerprint { get; init; }
    [Id(3)] public required string ModelBuild { get; init; }

    /// <summary>
    /// The build of the model code this process runs: the informational versions (version + source commit) of
    /// Spiral.Core and Spiral.Experiments, so that machines that built the same commit agree.
    /// </summary>
    public static string CurrentModelBuild { get; } = string.Join(" ",
        new[] { typeof(Scenario).Assembly, typeof(ExperimentRunner).Assembly }
            .Select(a => a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? a.GetName().Version?.ToString() ?? "?")
            .Distinct());

    /// <summary>The spec of a sweep or a sensitivity design.</summary>
    /// <exception cref="NotSupportedException">Another kind of experiment (only sweeps and sensitivity designs run on a cluster).</exception>
    public static ExperimentSpec Of(IExperiment experiment) => experiment switch
    {
        SweepExperiment sweep => new ExperimentSpec
        {
            Kind = SweepKind,
            Definition = JsonSerializer.Serialize(sweep.Definition, Json),
            Fingerprint = FingerprintOf(sweep),
            ModelBuild = CurrentModelBuild,
        },
        SensitivityExperiment design => new ExperimentSpec
        {
            Kind = SensitivityKind,
            Definition = JsonSerializer.Serialize(new SensitivityDefinition(design.Scenario, design.Factors, design.Options), Json),
            Fingerprint = FingerprintOf(design),
            ModelBuild = CurrentModelBuild,
        },
        _ => throw new NotSupportedException($"a {experiment.GetType().Name} cannot run on a cluster; sweeps and sensitivity designs can"),
    };

    /// <summary>Rebuilds the experiment and checks it is the one the client described.</summary>
    /// <exception cref="InvalidOperationException">Another model build, an unknown kind, or a rebuilt experiment with another fingerprint.</exception>
    public IExperiment ToExperiment()
    {
        if (ModelBuild != CurrentModelBuild)
        {
            throw new InvalidOperationException(
                $"this silo runs model build {CurrentModelBuild}, the client {ModelBuild}: install the same spiral on the client and every silo");
        }
        IExperiment experiment = Kind switch
        {
            SweepKind => new SweepExperiment(Deserialize<SweepDefinition>()),
            SensitivityKind => Deserialize<SensitivityDefinition>().ToExperiment(),
            _ => throw new InvalidOperationException($"unknown experiment kind '{Kind}'; expected {SweepKind} or {SensitivityKind}"),
        };
        var rebuilt = experiment is SweepExperiment s ? FingerprintOf(s) : FingerprintOf((SensitivityExperiment)experiment);
        if (rebuilt != Fingerprint)
        {
            throw new InvalidOperationException($"the {Kind} rebuilt on this silo has fingerprint {rebuilt}, the client's {Fingerprint}");
        }
        return experiment;
    }

    private T Deserialize<T>() =>
        JsonSerializer.Deserialize<T>(Definition, Json) ?? throw new InvalidOperationException($"empty {Kind} definition");

    private static string FingerprintOf(SweepExperiment sweep) => sweep.DefinitionHash();

    /// <summary>The scenario's content hash and a hash of the factors and options.</summary>
    private static string FingerprintOf(SensitivityExperiment design)
    {
        var rest = JsonSerializer.Serialize(new { design.Factors, design.Options }, Json);
        return ScenarioHash.Of(design.Scenario) + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rest)).AsSpan(0, 8));
    }

    private sealed record SensitivityDefinition(Scenario Scenario, IReadOnlyList<SensitivityFactor> Factors, SensitivityOptions Options)
    {
        /// <summary>The design; the client already checked its size.</summary>
        public SensitivityExperiment ToExperiment() => new(Scenario, Factors, Options, allowLarge: true);
    }
}
