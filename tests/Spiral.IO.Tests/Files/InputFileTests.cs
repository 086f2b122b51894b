using System.Text;
using Spiral.IO.Files;

namespace Spiral.IO.Tests.Files;

/// <summary>Issue 14: input files are bounded before they are read: regular files only, at most 10 MiB.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-in-");

    public void Dispose() => _dir.Delete(true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/full")]
    [InlineData("/dev/null")]
    public void ReadText_Device_RefusedWithoutReading(string device)
    {
        var ex = Assert.Throws<InputFileException>(() => InputFile.ReadText(device, "a scenario YAML file"));
        Assert.Equal("is a character device, not a regular file; expected a scenario YAML file", ex.Problem);
        Assert.Equal($"{device}: is a character device, not a regular file; expected a scenario YAML file", ex.Message);
    }

    [Fact]
    public void ReadText_FolderOrMissing_Refused()
    {
        Assert.Equal("is a folder, not a regular file; expected X", Assert.Throws<InputFileException>(() => InputFile.ReadText(_dir.FullName, "X")).Problem);
        Assert.Equal("file not found; expected X", Assert.Throws<InputFileException>(() => InputFile.ReadText(PathOf("none.yaml"), "X")).Problem);
    }

    [Fact]
    public void ReadText_OverTenMebibytes_RefusedBeforeReading()
    {
        using (var f = File.Create(PathOf("big.yaml")))
        {
            f.SetLength(InputFile.MaxBytes + 1);
        }
        var ex = Assert.Throws<InputFileException>(() => InputFile.ReadText(PathOf("big.yaml"), "a sweep YAML file"));
        Assert.Equal("the file is larger than 10 MiB; expected a sweep YAML file of at most 10 MiB", ex.Problem);
    }

    [Fact]
    public void ReadText_ExactlyTenMebibytes_Read()
    {
        File.WriteAllBytes(PathOf("edge.txt"), Enumerable.Repeat((byte)'x', (int)InputFile.MaxBytes).ToArray());
        Assert.Equal(InputFile.MaxBytes, InputFile.ReadText(PathOf("edge.txt"), "X").Length);
    }

    [Fact]
    public void ReadText_FileThatReportsNoSize_ReadInFull()
    {
        // /proc files are regular files of size 0 whose content appears when read.
        Assert.Contains("Name:", InputFile.ReadText("/proc/self/status", "X"));
    }

    [Fact]
    public void ReadText_Utf8WithByteOrderMarkAndThroughALink_Read()
    {
        File.WriteAllBytes(PathOf("bom.yaml"), [.. Encoding.UTF8.GetPreamble(), .. "name: é"u8.ToArray()]);
        File.CreateSymbolicLink(PathOf("link.yaml"), PathOf("bom.yaml"));
        Assert.Equal("name: é", InputFile.ReadText(PathOf("link.yaml"), "X"));
    }

    [Fact]
    public void Exists_SeesDevicesAndFolders_NotMissingFiles()
    {
        Assert.True(InputFile.Exists("/dev/zero"));
        Assert.True(InputFile.Exists(_dir.FullName));
        Assert.False(InputFile.Exists(PathOf("none")));
        Assert.False(InputFile.Exists(""));
    }
}
