using Spiral.Cli.Tests.Analytic;
using Spiral.IO.Files;

namespace Spiral.Cli.Tests;

/// <summary>
/// Issue 14: every command checks its output path with the one check before any work: unwritable, existing, device,
/// folder and over-long paths give one error line naming the option (exit 2), and nothing is written or replaced.
/// The other arguments name a scenario or store that does not exist, so the output error shows the path was checked
/// before anything was loaded or run.
/// </summary>
public sealed class CliPathsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-cli-paths-");

    public CliPathsTests()
    {
        Directory.CreateDirectory(PathOf("full"));
        File.WriteAllText(PathOf("full/keep.txt"), "keep");
        File.WriteAllText(PathOf("README.md"), "# readme");
        foreach (var ext in new[] { ".png", ".html", ".yaml", ".duckdb" })
        {
            Directory.CreateDirectory(PathOf("folder" + ext));
            File.CreateSymbolicLink(PathOf("null" + ext), "/dev/null");
        }
        File.WriteAllText(PathOf("sweep.yaml"), "scenario: jervis-doubly-dangerous\nreplications: 2\nsteps: 5\naxes:\n  - path: world.offenseAdvantage\n    values: [1, 2]\n");
    }

    public void Dispose() => _dir.Delete(true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    /// <summary>Every entry under the test folder (hidden ones too) with its size: a refusal must leave it unchanged.</summary>
    private string[] Snapshot() => Directory.EnumerateFileSystemEntries(_dir.FullName, "*", SearchOption.AllDirectories)
        .Select(p => $"{p}:{(File.Exists(p) && new FileInfo(p).LinkTarget is null ? new FileInfo(p).Length : -1)}").Order(StringComparer.Ordinal).ToArray();

    /// <summary>A command with its output option; <c>{0}</c> is where the output path goes.</summary>
    public sealed record Command(string Name, string Option, string Extension, bool Folder, string[] Args)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Command> Commands() =>
    [
        new("run", "--out", "", true, ["run", "no-such-scenario", "--runs", "5", "--out", "{0}"]),
        new("export", "--parquet", "", true, ["export", "no-such.duckdb", "--parquet", "{0}"]),
        new("plot", "--out", ".png", false, ["plot", "no-such.duckdb", "--kind", "beliefs", "-o", "{0}"]),
        new("report", "--out", ".html", false, ["report", "no-such.duckdb", "-o", "{0}"]),
        new("calibrate", "--out", ".yaml", false, ["calibrate", "no-such-scenario", "--out", "{0}"]),
        new("compare", "--out", ".duckdb", false, ["compare", "no-such-scenario", "-i", "hotline:india,china", "--out", "{0}"]),
        new("sweep", "--out", ".duckdb", false, ["sweep", "{sweep}", "--out", "{0}"]),
        new("validate", "--report", ".html", false, ["validate", "--quick", "--claims", "V11", "--report", "{0}"]),
    ];

    private CliResult RunWith(Command command, string output) =>
        CliRunner.Run(command.Args.Select(a => a.Replace("{0}", output, StringComparison.Ordinal).Replace("{sweep}", PathOf("sweep.yaml"), StringComparison.Ordinal)).ToArray());

    private void AssertRefused(Command command, string output, string message)
    {
        var before = Snapshot();
        var r = RunWith(command, output);
        Assert.True(r.ExitCode == 2, $"{command.Name} {output}: exit {r.ExitCode}\n{r.Error}");
        var line = Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {command.Option} ", line);
        Assert.Contains(message, line);
        Assert.Equal(before, Snapshot());
        Assert.Equal("", r.Output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_Device_RefusedAndNeverReplaced(Command command)
    {
        if (command.Extension.Length == 0)
        {
            AssertRefused(command, "/dev/null", "is a character device; expected a new or empty folder");
            AssertRefused(command, "/dev/full", "is a character device; expected a new or empty folder");
        }
        else
        {
            AssertRefused(command, PathOf("null" + command.Extension), "is a symbolic link, not a regular file, and is never replaced");
        }
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/full"));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_ExistingFolderOrFile_Refused(Command command)
    {
        if (command.Folder)
        {
            AssertRefused(command, PathOf("full"), "the folder exists and is not empty; expected a new or empty folder");
            AssertRefused(command, PathOf("README.md"), "is a file; expected a new or empty folder");
        }
        else
        {
            AssertRefused(command, PathOf("folder" + command.Extension), "is a folder; expected a file name");
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_UnwritableFolder_Refused(Command command) =>
        AssertRefused(command, "/sys/spiral-out" + command.Extension, "cannot write in the folder '/sys' (permission denied)");

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_NameOf300Characters_Refused(Command command) =>
        AssertRefused(command, PathOf(new string('n', 300) + command.Extension), $"is {300 + command.Extension.Length + (command.Name == "sweep" ? 4 : 0)} bytes long");

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_MissingFolder_RefusedAndNotCreated(Command command) =>
        AssertRefused(command, PathOf("no/such/out" + command.Extension), $"the folder '{PathOf("no/such")}' does not exist");

    [Fact]
    public void Run_OutIsAnExistingFile_RefusedBeforeTheRuns()
    {
        // Ten million runs of a library scenario: refused at once, not after the runs as before.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = CliRunner.Run("run", "india-china-lac", "--runs", "10000000", "--out", PathOf("README.md"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: --out {PathOf("README.md")}: is a file; expected a new or empty folder", r.Error.Trim());
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
        Assert.Equal("# readme", File.ReadAllText(PathOf("README.md")));
    }

    [Fact]
    public void Calibrate_OutOnDevFull_RefusedAndTheDeviceKept()
    {
        var r = CliRunner.Run("calibrate", "india-china-lac", "--runs", "2", "--iterations", "2", "--out", "/dev/full");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: --out /dev/full: is a character device, not a regular file, and is never replaced; expected a new file name or a regular file", r.Error.Trim());
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/full"));
    }

    [Fact]
    public void Export_TrailingSlash_WritesTheFolderAndLeavesNoStaging()
    {
        var store = PathOf("s.duckdb");
        Assert.Equal(0, CliRunner.Run("sweep", PathOf("sweep.yaml"), "--out", store, "--json").ExitCode);
        var before = Directory.GetFileSystemEntries(_dir.FullName).Length;
        var r = CliRunner.Run("export", store, "--parquet", PathOf("fw") + "/");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(Spiral.IO.Store.StoreSchema.Tables.Select(t => t + ".parquet").Order(StringComparer.Ordinal),
            Directory.GetFileSystemEntries(PathOf("fw")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(before + 1, Directory.GetFileSystemEntries(_dir.FullName).Length);

        // A retry into the now full folder is refused and changes nothing.
        var again = CliRunner.Run("export", store, "--parquet", PathOf("fw") + "/");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("the folder exists and is not empty", again.Error);
    }

    [Fact]
    public void Sweep_ResumeOnADamagedStore_RefusedAndNothingRun()
    {
        var store = PathOf("d.duckdb");
        Assert.Equal(0, CliRunner.Run("sweep", PathOf("sweep.yaml"), "--out", store, "--series", "all", "--json").ExitCode);
        File.WriteAllBytes(store, File.ReadAllBytes(store).Select((b, i) => i >= 3 * 4096 ? (byte)(b ^ 0x5A) : b).ToArray());
        var before = File.ReadAllBytes(store);
        foreach (var args in new[]
        {
            new[] { "sweep", PathOf("sweep.yaml"), "--out", store, "--resume" },
            ["report", store, "-o", PathOf("r.html")],
            ["plot", store, "--kind", "beliefs", "-o", PathOf("b.png")],
            ["export", store, "--csv", PathOf("csv")],
        })
        {
            var r = CliRunner.Run(args);
            Assert.True(r.ExitCode == 2, $"{args[0]}: {r.ExitCode} {r.Error}");
            Assert.Contains("Corrupt database file", Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            Assert.DoesNotContain("already stored", r.Output);
        }
        Assert.Equal(before, File.ReadAllBytes(store));
        Assert.False(File.Exists(PathOf("r.html")) || File.Exists(PathOf("b.png")) || Directory.Exists(PathOf("csv")));
    }
}
