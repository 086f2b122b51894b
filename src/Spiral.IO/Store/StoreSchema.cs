using Spiral.Experiments.Metrics;

namespace Spiral.IO.Store;

/// <summary>
/// The results store's tables and columns (docs/reference/results-store.md). One DuckDB file holds one experiment
/// (a sweep, an ensemble or a paired comparison). Names are constants so writers, readers, plots and reports share
/// them; <see cref="CreateTables"/> is the DDL. Bump <see cref="Version"/> on any incompatible change.
/// </summary>
public static class StoreSchema
{
    /// <summary>
    /// Schema version written to <c>experiment.schema_version</c>; a store of another version is refused
    /// (<see cref="StoreIntegrity"/>). 2: years follow TimeConvention (series row t is year start_year + t − 1) and
    /// beliefs carry a year. 3 (model v2): events carry <c>mid</c>, <c>scripted</c> and <c>route</c>; the run outcomes
    /// count model output only and add crises by MID level, fatal clashes, wars by route, scripted wars and allies.
    /// </summary>
    public const int Version = 3;

    /// <summary>One row: what was run (kind, scenario and sweep text, seed, sizes, detail mode, Spiral version).</summary>
    public static class Experiment
    {
        public const string Table = "experiment";
        /// <summary>'sweep', 'ensemble', 'compare' or 'sensitivity'.</summary>
        public const string Kind = "kind";
        public const string Name = "name";
        public const string ScenarioName = "scenario_name";
        /// <summary>Hash (<c>ScenarioHash.Of</c>) of the base scenario before any axis is applied.</summary>
        public const string ScenarioHash = "scenario_hash";
        /// <summary>The base scenario's YAML text as loaded (library or file).</summary>
        public const string ScenarioText = "scenario_text";
        /// <summary>The sweep file's YAML text; NULL for an ensemble or a comparison.</summary>
        public const string SweepText = "sweep_text";
        /// <summary>SHA-256 prefix of the sweep definition; <c>--resume</c> refuses a file written by another definition.</summary>
        public const string DefinitionHash = "definition_hash";
        public const string MasterSeed = "master_seed";
        public const string Points = "points";
        public const string Replications = "replications";
        public const string TotalRuns = "total_runs";
        public const string Steps = "steps";
        public const string StartYear = "start_year";
        public const string StateCount = "state_count";
        /// <summary>'all', 'sample' or 'none': which runs have rows in series, beliefs and events.</summary>
        public const string DetailMode = "detail_mode";
        /// <summary>With 'sample': replications 0..detail_sample-1 of every point keep their detail.</summary>
        public const string DetailSample = "detail_sample";
        public const string SpiralVersion = "spiral_version";
        public const string SchemaVersion = "schema_version";
        /// <summary>ISO-8601 UTC time the file was created (given by the CLI; NULL when not given).</summary>
        public const string CreatedUtc = "created_utc";
    }

    /// <summary>One row per sweep axis.</summary>
    public static class Axes
    {
        public const string Table = "axes";
        /// <summary>0-based axis number, in the sweep file's order.</summary>
        public const string Axis = "axis";
        /// <summary>Scenario parameter path, e.g. <c>world.offenseAdvantage</c>; also the name of its column in <c>runs</c>.</summary>
        public const string Path = "path";
        /// <summary>'values', 'range' or 'latinHypercube'; in a sensitivity store the design, 'sobol' or 'morris'.</summary>
        public const string Kind = "kind";
        /// <summary>True when every value is a number (its runs column is DOUBLE, else VARCHAR).</summary>
        public const string Numeric = "numeric";
        /// <summary>Number of distinct values (grid axes) or samples (Latin hypercube).</summary>
        public const string Count = "value_count";
    }

    /// <summary>One row per sweep point and axis (long form of the point's parameter values).</summary>
    public static class PointValues
    {
        public const string Table = "point_values";
        public const string Point = "point";
        public const string Axis = "axis";
        public const string Path = "path";
        public const string ValueText = "value_text";
        /// <summary>The value as a number; NULL for a non-numeric value such as a policy name.</summary>
        public const string ValueNum = "value_num";
    }

    /// <summary>One row per sweep point: the point's scenario hash.</summary>
    public static class Points
    {
        public const string Table = "points";
        public const string Point = "point";
        public const string ScenarioHash = "scenario_hash";
    }

    /// <summary>The states of the scenario, in index order (every state column elsewhere is this index).</summary>
    public static class States
    {
        public const string Table = "states";
        public const string State = "state";
        public const string Name = "name";
    }

    /// <summary>
    /// Exactly one row per finished run: identity, seed, then one column per run outcome of
    /// <see cref="OutcomeRegistry.Runs"/> (<see cref="Outcome.Column"/>, typed by its kind), then the point's parameters
    /// (one column per axis, named by the axis path).
    /// </summary>
    public static class Runs
    {
        public const string Table = "runs";
        /// <summary>Run index: <c>point × replications + replication</c>; seeds derive from (master seed, run_id).</summary>
        public const string RunId = "run_id";
        public const string Point = "point";
        public const string Replication = "replication";
        /// <summary>The run's own seed, <c>RandomStream.RunSeed(master_seed, run_id)</c>.</summary>
        public const string Seed = "seed";
        public const string ScenarioHash = "scenario_hash";
        /// <summary>True when the run's series, beliefs and events are stored.</summary>
        public const string HasDetail = "has_detail";
    }

    /// <summary>One row per run and state: one column per state outcome of <see cref="OutcomeRegistry.States"/>.</summary>
    public static class RunStates
    {
        public const string Table = "run_states";
        public const string RunId = "run_id";
        public const string State = "state";
    }

    /// <summary>The DuckDB type of an outcome's column: BOOLEAN for indicators, INTEGER for counts and levels, DOUBLE for reals; NOT NULL unless optional.</summary>
    public static string ColumnType(Outcome outcome) => (outcome.Kind switch
    {
        OutcomeKind.Indicator => "BOOLEAN",
        OutcomeKind.Count or OutcomeKind.Level => "INTEGER",
        _ => "DOUBLE",
    }) + (outcome.Optional ? "" : " NOT NULL");

    /// <summary>
    /// One row per (detailed) run, step and state: the recorded state variables. Row <c>step</c> t ≥ 1 is the state at the
    /// end of <c>year</c> Y(t) = start_year + t − 1; step 0 is the initial state, year start_year − 1 (TimeConvention).
    /// </summary>
    public static class Series
    {
        public const string Table = "series";
        public const string RunId = "run_id";
        public const string Step = "step";
        public const string Year = "year";
        public const string State = "state";
        public const string Gdp = "gdp";
        public const string MilitaryShare = "military_share";
        public const string Milex = "milex";
        public const string Offense = "offense";
        public const string Defense = "defense";
        public const string Posture = "posture";
        public const string Security = "security";
        public const string InternalThreat = "internal_threat";

        /// <summary>The value columns a plot may ask bands of.</summary>
        public static readonly IReadOnlyList<string> Variables =
            [Gdp, MilitaryShare, Milex, Offense, Defense, Posture, Security, InternalThreat];
    }

    /// <summary>One row per (detailed) run, step and directed dyad: observer's belief that target is greedy (steps and years as in <see cref="Series"/>).</summary>
    public static class Beliefs
    {
        public const string Table = "beliefs";
        public const string RunId = "run_id";
        public const string Step = "step";
        public const string Year = "year";
        public const string Observer = "observer";
        public const string Target = "target";
        public const string Belief = "belief";
    }

    /// <summary>One row per (detailed) run's recorded event.</summary>
    public static class Events
    {
        public const string Table = "events";
        public const string RunId = "run_id";
        /// <summary>Order of the event within its run.</summary>
        public const string Seq = "seq";
        /// <summary>The step t (1-based) the event happened in.</summary>
        public const string Step = "step";
        /// <summary>Its calendar year Y(t) = start_year + t − 1.</summary>
        public const string Year = "year";
        /// <summary>EventKind name, e.g. 'WarStarted'.</summary>
        public const string Kind = "kind";
        public const string Actor = "actor";
        /// <summary>Target state, NULL for events of one state.</summary>
        public const string Target = "target";
        /// <summary>Kahn rung, 0 when none.</summary>
        public const string Rung = "rung";
        public const string Value = "value";
        public const string Concept = "concept";
        public const string Cameo = "cameo";
        public const string Goldstein = "goldstein";
        /// <summary>MID hostility level of a crisis event (2 threat, 3 display, 4 use of force, 5 war; 0 for other events).</summary>
        public const string Mid = "mid";
        /// <summary>True when the scenario's timeline did it (history), false when the model produced it.</summary>
        public const string Scripted = "scripted";
        /// <summary>How a war came about (WarRoute name: PrivateInformation, CommitmentProblem, Preemption, Scripted); NULL for other events.</summary>
        public const string Route = "route";
    }

    /// <summary>Paired comparisons (<c>spiral compare --out</c>): one row per intervention and outcome (its canonical <see cref="Outcome.Name"/>).</summary>
    public static class Comparisons
    {
        public const string Table = "comparisons";
        public const string Intervention = "intervention";
        public const string Outcome = "outcome";
        public const string Runs = "runs";
        public const string Baseline = "baseline";
        public const string Treated = "treated";
        public const string Difference = "difference";
        public const string Low = "ci_low";
        public const string High = "ci_high";
    }

    /// <summary>One row per committed chunk of runs; the chunk's rows in every table commit in the same transaction.</summary>
    public static class Chunks
    {
        public const string Table = "chunks";
        public const string FirstRun = "first_run";
        public const string RunCount = "run_count";
    }

    /// <summary>
    /// A global sensitivity analysis (<c>spiral sensitivity --out</c>): one row saying what was analysed and how. Only a
    /// store of kind 'sensitivity' has this table and the two below (<see cref="SensitivityTables"/>); the factors are its
    /// <c>axes</c> and each design point's factor values its <c>point_values</c>.
    /// </summary>
    public static class SensitivityAnalysis
    {
        public const string Table = "sensitivity_analysis";
        /// <summary>'sobol' or 'morris'.</summary>
        public const string Method = "method";
        /// <summary>The outcome or ratio analysed (its registry name).</summary>
        public const string Outcome = "outcome";
        public const string OutcomeLabel = "outcome_label";
        /// <summary>Sobol: N, the rows of each base matrix. Morris: r, the trajectories.</summary>
        public const string Samples = "samples";
        public const string RunsPerPoint = "runs_per_point";
        public const string Bootstrap = "bootstrap";
        /// <summary>Confidence level of every interval, e.g. 0.95.</summary>
        public const string Level = "level";
        public const string OutputMean = "output_mean";
        public const string OutputVariance = "output_variance";
        /// <summary>Share of the output's variance over the design that is Monte Carlo noise of a point's runs.</summary>
        public const string NoiseShare = "noise_share";
    }

    /// <summary>One row per factor: its range and its indices with their bootstrap intervals (Sobol or Morris columns, the others NULL).</summary>
    public static class Sensitivity
    {
        public const string Table = "sensitivity";
        /// <summary>0-based factor number, in the analysis's order (the <c>axes.axis</c> of the factor).</summary>
        public const string Factor = "factor";
        public const string Path = "path";
        public const string Min = "min";
        public const string Max = "max";
        public const string Integer = "integer";
        public const string First = "first";
        public const string FirstLow = "first_low";
        public const string FirstHigh = "first_high";
        public const string Total = "total";
        public const string TotalLow = "total_low";
        public const string TotalHigh = "total_high";
        public const string MuStar = "mu_star";
        public const string MuStarLow = "mu_star_low";
        public const string MuStarHigh = "mu_star_high";
        public const string Mu = "mu";
        public const string Sigma = "sigma";
    }

    /// <summary>One row per design point: the output the estimators were given.</summary>
    public static class SensitivityPoints
    {
        public const string Table = "sensitivity_points";
        public const string Point = "point";
        public const string Output = "output";
    }

    /// <summary>The tables only a sensitivity store holds, in export order.</summary>
    public static readonly IReadOnlyList<string> SensitivityTables = [SensitivityAnalysis.Table, Sensitivity.Table, SensitivityPoints.Table];

    /// <summary>CREATE TABLE statements of <see cref="SensitivityTables"/>.</summary>
    public static IReadOnlyList<string> CreateSensitivityTables() =>
    [
        $"""
        CREATE TABLE {SensitivityAnalysis.Table} (
          {SensitivityAnalysis.Method} VARCHAR NOT NULL, {SensitivityAnalysis.Outcome} VARCHAR NOT NULL, {SensitivityAnalysis.OutcomeLabel} VARCHAR NOT NULL,
          {SensitivityAnalysis.Samples} INTEGER NOT NULL, {SensitivityAnalysis.RunsPerPoint} INTEGER NOT NULL, {SensitivityAnalysis.Bootstrap} INTEGER NOT NULL,
          {SensitivityAnalysis.Level} DOUBLE NOT NULL, {SensitivityAnalysis.OutputMean} DOUBLE NOT NULL, {SensitivityAnalysis.OutputVariance} DOUBLE NOT NULL,
          {SensitivityAnalysis.NoiseShare} DOUBLE NOT NULL)
        """,
        $"""
        CREATE TABLE {Sensitivity.Table} (
          {Sensitivity.Factor} INTEGER PRIMARY KEY, {Sensitivity.Path} VARCHAR NOT NULL, {Sensitivity.Min} DOUBLE NOT NULL, {Sensitivity.Max} DOUBLE NOT NULL,
          {Sensitivity.Integer} BOOLEAN NOT NULL, {Sensitivity.First} DOUBLE, {Sensitivity.FirstLow} DOUBLE, {Sensitivity.FirstHigh} DOUBLE,
          {Sensitivity.Total} DOUBLE, {Sensitivity.TotalLow} DOUBLE, {Sensitivity.TotalHigh} DOUBLE, {Sensitivity.MuStar} DOUBLE,
          {Sensitivity.MuStarLow} DOUBLE, {Sensitivity.MuStarHigh} DOUBLE, {Sensitivity.Mu} DOUBLE, {Sensitivity.Sigma} DOUBLE)
        """,
        $"""
        CREATE TABLE {SensitivityPoints.Table} (
          {SensitivityPoints.Point} INTEGER PRIMARY KEY, {SensitivityPoints.Output} DOUBLE NOT NULL)
        """,
    ];

    /// <summary>Every table in export order.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [Experiment.Table, Axes.Table, Points.Table, PointValues.Table, States.Table, Runs.Table, RunStates.Table,
         Series.Table, Beliefs.Table, Events.Table, Comparisons.Table, Chunks.Table];

    /// <summary>
    /// The type of the DOUBLE columns of <c>series</c> and <c>beliefs</c>, stored uncompressed: the simulated values are
    /// not decimals, so DuckDB's analysis picks ALP-RD (Afroozeh et al. 2023), which made the file about 2% smaller
    /// while its analysis and compression were about 15% of DuckDB's work on a sweep's store (issue 18,
    /// docs/reference/performance.md "Store"). Values and types are unchanged; stores written before read the same.
    /// </summary>
    private const string DetailDouble = "DOUBLE NOT NULL USING COMPRESSION uncompressed";

    /// <summary>
    /// CREATE TABLE statements for every table. <paramref name="axisColumns"/> are the sweep's axes (path, numeric),
    /// appended to <c>runs</c> after its fixed columns as quoted identifiers named by the path.
    /// </summary>
    public static IReadOnlyList<string> CreateTables(IReadOnlyList<(string Path, bool Numeric)> axisColumns)
    {
        var axisDdl = string.Concat(axisColumns.Select(a => $",\n  {Quote(a.Path)} {(a.Numeric ? "DOUBLE" : "VARCHAR")}"));
        var runOutcomes = string.Concat(OutcomeRegistry.Runs.Select(o => $",\n  {o.Column} {ColumnType(o)}"));
        var stateOutcomes = string.Concat(OutcomeRegistry.States.Select(o => $",\n  {o.Column} {ColumnType(o)}"));
        return
        [
            $"""
            CREATE TABLE {Experiment.Table} (
              {Experiment.Kind} VARCHAR NOT NULL, {Experiment.Name} VARCHAR NOT NULL, {Experiment.ScenarioName} VARCHAR NOT NULL,
              {Experiment.ScenarioHash} VARCHAR NOT NULL, {Experiment.ScenarioText} VARCHAR, {Experiment.SweepText} VARCHAR,
              {Experiment.DefinitionHash} VARCHAR NOT NULL, {Experiment.MasterSeed} UBIGINT NOT NULL, {Experiment.Points} INTEGER NOT NULL,
              {Experiment.Replications} INTEGER NOT NULL, {Experiment.TotalRuns} BIGINT NOT NULL, {Experiment.Steps} INTEGER NOT NULL,
              {Experiment.StartYear} INTEGER NOT NULL, {Experiment.StateCount} INTEGER NOT NULL, {Experiment.DetailMode} VARCHAR NOT NULL,
              {Experiment.DetailSample} INTEGER NOT NULL, {Experiment.SpiralVersion} VARCHAR NOT NULL, {Experiment.SchemaVersion} INTEGER NOT NULL,
              {Experiment.CreatedUtc} VARCHAR)
            """,
            $"""
            CREATE TABLE {Axes.Table} (
              {Axes.Axis} INTEGER PRIMARY KEY, {Axes.Path} VARCHAR NOT NULL, {Axes.Kind} VARCHAR NOT NULL,
              {Axes.Numeric} BOOLEAN NOT NULL, {Axes.Count} INTEGER NOT NULL)
            """,
            $"""
            CREATE TABLE {Points.Table} (
              {Points.Point} INTEGER PRIMARY KEY, {Points.ScenarioHash} VARCHAR NOT NULL)
            """,
            $"""
            CREATE TABLE {PointValues.Table} (
              {PointValues.Point} INTEGER NOT NULL, {PointValues.Axis} INTEGER NOT NULL, {PointValues.Path} VARCHAR NOT NULL,
              {PointValues.ValueText} VARCHAR NOT NULL, {PointValues.ValueNum} DOUBLE)
            """,
            $"""
            CREATE TABLE {States.Table} (
              {States.State} SMALLINT PRIMARY KEY, {States.Name} VARCHAR NOT NULL)
            """,
            $"""
            CREATE TABLE {Runs.Table} (
              {Runs.RunId} BIGINT PRIMARY KEY, {Runs.Point} INTEGER NOT NULL, {Runs.Replication} INTEGER NOT NULL,
              {Runs.Seed} UBIGINT NOT NULL, {Runs.ScenarioHash} VARCHAR NOT NULL, {Runs.HasDetail} BOOLEAN NOT NULL{runOutcomes}{axisDdl})
            """,
            $"""
            CREATE TABLE {RunStates.Table} (
              {RunStates.RunId} BIGINT NOT NULL, {RunStates.State} SMALLINT NOT NULL{stateOutcomes})
            """,
            $"""
            CREATE TABLE {Series.Table} (
              {Series.RunId} BIGINT NOT NULL, {Series.Step} SMALLINT NOT NULL, {Series.Year} SMALLINT NOT NULL, {Series.State} SMALLINT NOT NULL,
              {Series.Gdp} {DetailDouble}, {Series.MilitaryShare} {DetailDouble}, {Series.Milex} {DetailDouble}, {Series.Offense} {DetailDouble},
              {Series.Defense} {DetailDouble}, {Series.Posture} {DetailDouble}, {Series.Security} {DetailDouble}, {Series.InternalThreat} {DetailDouble})
            """,
            $"""
            CREATE TABLE {Beliefs.Table} (
              {Beliefs.RunId} BIGINT NOT NULL, {Beliefs.Step} SMALLINT NOT NULL, {Beliefs.Year} SMALLINT NOT NULL, {Beliefs.Observer} SMALLINT NOT NULL,
              {Beliefs.Target} SMALLINT NOT NULL, {Beliefs.Belief} {DetailDouble})
            """,
            $"""
            CREATE TABLE {Events.Table} (
              {Events.RunId} BIGINT NOT NULL, {Events.Seq} INTEGER NOT NULL, {Events.Step} SMALLINT NOT NULL, {Events.Year} SMALLINT NOT NULL,
              {Events.Kind} VARCHAR NOT NULL, {Events.Actor} SMALLINT NOT NULL, {Events.Target} SMALLINT, {Events.Rung} SMALLINT NOT NULL,
              {Events.Value} DOUBLE NOT NULL, {Events.Concept} VARCHAR NOT NULL, {Events.Cameo} VARCHAR NOT NULL, {Events.Goldstein} DOUBLE NOT NULL,
              {Events.Mid} SMALLINT NOT NULL, {Events.Scripted} BOOLEAN NOT NULL, {Events.Route} VARCHAR)
            """,
            $"""
            CREATE TABLE {Comparisons.Table} (
              {Comparisons.Intervention} VARCHAR NOT NULL, {Comparisons.Outcome} VARCHAR NOT NULL, {Comparisons.Runs} INTEGER NOT NULL,
              {Comparisons.Baseline} DOUBLE NOT NULL, {Comparisons.Treated} DOUBLE NOT NULL, {Comparisons.Difference} DOUBLE NOT NULL,
              {Comparisons.Low} DOUBLE NOT NULL, {Comparisons.High} DOUBLE NOT NULL)
            """,
            $"""
            CREATE TABLE {Chunks.Table} (
              {Chunks.FirstRun} BIGINT PRIMARY KEY, {Chunks.RunCount} INTEGER NOT NULL)
            """,
        ];
    }

    /// <summary>Quotes an identifier for DuckDB SQL (axis columns are named by their path, e.g. "dyads[india,china].hotline").</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
