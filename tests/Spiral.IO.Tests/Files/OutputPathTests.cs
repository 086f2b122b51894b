using Spiral.IO.Files;

namespace Spiral.IO.Tests.Files;

/// <summary>
/// Issue 14: the one output check. Every refusal names what is wrong and what was expected, and leaves the folder
/// exactly as it was; a device, folder or link is never replaced.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-out-");

    public void Dispose() => _dir.Delete(true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private string[] Entries() => Directory.GetFileSystemEntries(_dir.FullName).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static string Refused(Func<string> check)
    {
        var ex = Assert.Throws<OutputPathException>(() => check());
        return ex.Problem;
    }

    [Fact]
    public void CheckFile_NewName_ReturnsFullPathAndWritesNothing()
    {
        Assert.Equal(PathOf("a.png"), OutputPath.CheckFile(PathOf("a.png"), ExistingOutput.Refuse));
        Assert.Empty(Entries());
    }

    [Fact]
    public void CheckFile_ExistingRegularFile_ReplacedOrRefusedAsAsked()
    {
        File.WriteAllText(PathOf("a.png"), "old");
        Assert.Equal(PathOf("a.png"), OutputPath.CheckFile(PathOf("a.png"), ExistingOutput.Replace));
        Assert.Equal(PathOf("a.png"), OutputPath.CheckFile(PathOf("a.png"), ExistingOutput.Reopen));
        Assert.Contains("the file exists; expected a new file name", Refused(() => OutputPath.CheckFile(PathOf("a.png"), ExistingOutput.Refuse)));
        Assert.Equal("old", File.ReadAllText(PathOf("a.png")));
    }

    [Theory]
    [InlineData("/dev/null", "is a character device, not a regular file, and is never replaced")]
    [InlineData("/dev/full", "is a character device, not a regular file, and is never replaced")]
    public void CheckFile_Device_NeverReplaced(string device, string message)
    {
        foreach (var existing in Enum.GetValues<ExistingOutput>())
        {
            Assert.Contains(message, Refused(() => OutputPath.CheckFile(device, existing)));
        }
        var ex = Assert.Throws<OutputPathException>(() => OutputPath.WriteAtomically(device, "text"));
        Assert.Contains(message, ex.Problem);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(device));
    }

    [Fact]
    public void CheckFile_Folder_Refused()
    {
        Directory.CreateDirectory(PathOf("d"));
        Assert.Equal("is a folder; expected a file name", Refused(() => OutputPath.CheckFile(PathOf("d"), ExistingOutput.Replace)));
        Assert.Equal("ends in a folder separator; expected a file name", Refused(() => OutputPath.CheckFile(PathOf("new") + "/", ExistingOutput.Replace)));
    }

    [Fact]
    public void CheckFile_SymbolicLink_NeverReplaced()
    {
        File.WriteAllText(PathOf("target.png"), "t");
        File.CreateSymbolicLink(PathOf("link.png"), PathOf("target.png"));
        Assert.Contains("is a symbolic link, not a regular file", Refused(() => OutputPath.CheckFile(PathOf("link.png"), ExistingOutput.Replace)));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(PathOf("link.png")));
        Assert.Equal(FileKind.RegularFile, FileKinds.Of(PathOf("link.png"), followLinks: true));
    }

    [Fact]
    public void CheckFile_MissingFolder_RefusedAndNotCreated()
    {
        var problem = Refused(() => OutputPath.CheckFile(PathOf("no/such/x.png"), ExistingOutput.Replace));
        Assert.Equal($"the folder '{PathOf("no/such")}' does not exist; expected an existing folder (create it first)", problem);
        Assert.Empty(Entries());
    }

    [Fact]
    public void CheckFile_FileAsFolder_Refused()
    {
        File.WriteAllText(PathOf("plain"), "x");
        Assert.Contains($"'{PathOf("plain")}' is a file, not a folder", Refused(() => OutputPath.CheckFile(PathOf("plain/x.png"), ExistingOutput.Replace)));
    }

    [Fact]
    public void CheckFile_UnwritableFolder_Refused()
    {
        // /sys refuses new files even to root, so this holds whoever runs the tests.
        Assert.Equal("cannot write in the folder '/sys' (permission denied); expected a folder this user can write to",
            Refused(() => OutputPath.CheckFile("/sys/spiral-test.png", ExistingOutput.Replace)));
    }

    [Fact]
    public void CheckFile_FolderThatAcceptsNoFiles_Refused() =>
        Assert.Equal("cannot write in the folder '/proc/self' (it accepts no new files); expected a folder this user can write to",
            Refused(() => OutputPath.CheckFile("/proc/self/spiral-test.png", ExistingOutput.Replace)));

    [Fact]
    public void CheckFile_NameOf300Bytes_RefusedWithTheLimit()
    {
        var name = new string('a', 300) + ".png";
        var ex = Assert.Throws<OutputPathException>(() => OutputPath.CheckFile(PathOf(name), ExistingOutput.Replace));
        Assert.Contains("is 304 bytes long; expected at most 255 bytes per name", ex.Problem);
        Assert.True(ex.Path.Length <= 60);
        Assert.Empty(Entries());
    }

    [Fact]
    public void CheckFile_NameThatFitsOnlyWithoutItsSidecar_Refused()
    {
        var name = new string('s', 250) + ".db";
        Assert.Equal(PathOf(name), OutputPath.CheckFile(PathOf(name), ExistingOutput.Refuse));
        Assert.Contains("is 257 bytes long with its '.wal' companion", Refused(() => OutputPath.CheckFile(PathOf(name), ExistingOutput.Refuse, ".wal")));
    }

    [Fact]
    public void CheckFile_PathLongerThanPathMax_Refused()
    {
        var deep = string.Join('/', Enumerable.Repeat(new string('p', 200), 21));
        Assert.Contains("expected at most 4095 bytes", Refused(() => OutputPath.CheckFile(PathOf(deep), ExistingOutput.Replace)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\0b")]
    public void CheckFile_EmptyOrNul_Refused(string path) =>
        Assert.EndsWith("expected a path", Refused(() => OutputPath.CheckFile(path, ExistingOutput.Replace)));

    [Fact]
    public void CheckFolder_NewOrEmpty_AcceptedWithoutTrailingSeparator()
    {
        Assert.Equal(PathOf("out"), OutputPath.CheckFolder(PathOf("out") + "/"));
        Directory.CreateDirectory(PathOf("empty"));
        Assert.Equal(PathOf("empty"), OutputPath.CheckFolder(PathOf("empty") + "/"));
        Assert.Equal(["empty"], Entries());
    }

    [Fact]
    public void CheckFolder_NotEmptyFileOrDevice_Refused()
    {
        Directory.CreateDirectory(PathOf("full"));
        File.WriteAllText(PathOf("full/x"), "x");
        File.WriteAllText(PathOf("README.md"), "x");
        Assert.Equal("the folder exists and is not empty; expected a new or empty folder", Refused(() => OutputPath.CheckFolder(PathOf("full"))));
        Assert.Equal("is a file; expected a new or empty folder", Refused(() => OutputPath.CheckFolder(PathOf("README.md"))));
        Assert.Equal("is a character device; expected a new or empty folder", Refused(() => OutputPath.CheckFolder("/dev/null")));
        Assert.Equal(["README.md", "full"], Entries());
    }

    [Fact]
    public void WriteAtomically_ReplacesARegularFileAndLeavesNoTemporary()
    {
        File.WriteAllText(PathOf("r.html"), "old");
        OutputPath.WriteAtomically(PathOf("r.html"), "new");
        Assert.Equal("new", File.ReadAllText(PathOf("r.html")));
        Assert.Equal(["r.html"], Entries());
    }

    [Fact]
    public void WriteAtomically_FailingWriter_LeavesTheOldFileAndNoTemporary()
    {
        File.WriteAllText(PathOf("r.html"), "old");
        Assert.Throws<InvalidOperationException>(() => OutputPath.WriteAtomically(PathOf("r.html"), _ => throw new InvalidOperationException("boom")));
        Assert.Equal("old", File.ReadAllText(PathOf("r.html")));
        Assert.Equal(["r.html"], Entries());
    }
}
