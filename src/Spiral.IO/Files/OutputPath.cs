using System.Text;

namespace Spiral.IO.Files;

/// <summary>An output path that cannot be written. <see cref="Problem"/> says what is wrong and what was expected.</summary>
public sealed class OutputPathException(string path, string problem) : Exception($"'{Shorten(path)}': {problem}")
{
    /// <summary>The path as given, shortened to 60 characters for messages.</summary>
    public string Path { get; } = Shorten(path);

    public string Problem { get; } = problem;

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

/// <summary>What may already be at an output path.</summary>
public enum ExistingOutput
{
    /// <summary>Nothing may be there (a new results store).</summary>
    Refuse,
    /// <summary>A regular file there is replaced atomically (plots, reports, scenario files).</summary>
    Replace,
    /// <summary>A regular file there is reopened (a results store with <c>--resume</c>).</summary>
    Reopen,
}

/// <summary>
/// The one check of every output path (DESIGN.md section 9: nothing is run on bad input, nothing half-written is left),
/// made before any work starts: the name fits the file system, the folder it goes into exists and can be written, and
/// what is already there may be replaced. A device, pipe, socket, folder or symbolic link is never replaced. Writes go
/// to a temporary name beside the target and are moved into place when complete.
/// </summary>
public static class OutputPath
{
    /// <summary>Longest file or folder name, in UTF-8 bytes (Linux NAME_MAX).</summary>
    public const int MaxNameBytes = 255;

    /// <summary>Longest path, in UTF-8 bytes (Linux PATH_MAX less the terminating zero).</summary>
    public const int MaxPathBytes = 4095;

    /// <summary>
    /// Checks a file output; returns its full path. <paramref name="sidecar"/> is a suffix of a companion file written
    /// beside it (DuckDB's <c>.wal</c>), whose name must fit too.
    /// </summary>
    /// <exception cref="OutputPathException">The path cannot be written as asked.</exception>
    public static string CheckFile(string path, ExistingOutput existing, string sidecar = "")
    {
        var full = Normalize(path);
        if (EndsInSeparator(path))
        {
            throw new OutputPathException(path, "ends in a folder separator; expected a file name");
        }
        CheckLength(path, full, sidecar);
        var kind = FileKinds.Of(full);
        switch (kind)
        {
            case FileKind.Missing:
                break;
            case FileKind.RegularFile when existing == ExistingOutput.Refuse:
                throw new OutputPathException(path, "the file exists; expected a new file name (remove the file or choose another)");
            case FileKind.RegularFile:
                break;
            case FileKind.Directory:
                throw new OutputPathException(path, "is a folder; expected a file name");
            default:
                throw new OutputPathException(path,
                    $"is {FileKinds.Describe(kind)}, not a regular file, and is never replaced; expected a new file name or a regular file");
        }
        CheckFolderWritable(path, full);
        return full;
    }

    /// <summary>Checks a folder output, which must be new or empty; returns its full path without a trailing separator.</summary>
    /// <exception cref="OutputPathException">The folder cannot be written as asked.</exception>
    public static string CheckFolder(string path)
    {
        var full = Normalize(path);
        CheckLength(path, full, "");
        var kind = FileKinds.Of(full);
        switch (kind)
        {
            case FileKind.Missing:
                break;
            case FileKind.Directory when Directory.EnumerateFileSystemEntries(full).Any():
                throw new OutputPathException(path, "the folder exists and is not empty; expected a new or empty folder");
            case FileKind.Directory:
                break;
            default:
                throw new OutputPathException(path, $"is {FileKinds.Describe(kind)}; expected a new or empty folder");
        }
        CheckFolderWritable(path, full);
        return full;
    }

    /// <summary>A temporary name in the folder of <paramref name="fullPath"/>, of fixed length whatever the target's name.</summary>
    public static string TemporaryBeside(string fullPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(fullPath) ?? ".", $".spiral-{Guid.NewGuid():N}.tmp");

    /// <summary>
    /// Writes through a temporary file beside the target, then moves it into place: no partial file is ever left at
    /// <paramref name="path"/>, and a non-regular file there is never replaced.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = CheckFile(path, ExistingOutput.Replace);
        var temp = TemporaryBeside(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes text (UTF-8, no byte-order mark) atomically.</summary>
    public static void WriteAtomically(string path, string text) =>
        WriteAtomically(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));

    /// <summary>Moves a finished staging folder into place as <paramref name="fullPath"/> (which is absent or an empty folder).</summary>
    public static void MoveFolderIntoPlace(string staging, string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            Directory.Delete(fullPath);
        }
        Directory.Move(staging, fullPath);
    }

    private static string Normalize(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new OutputPathException(path, "is empty; expected a path");
        }
        if (path.Contains('\0'))
        {
            throw new OutputPathException(path, "contains a NUL character; expected a path");
        }
        try
        {
            return System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputPathException(path, $"is not a valid path ({ex.Message})");
        }
    }

    private static bool EndsInSeparator(string path) =>
        path.EndsWith(System.IO.Path.DirectorySeparatorChar) || path.EndsWith(System.IO.Path.AltDirectorySeparatorChar);

    private static void CheckLength(string path, string full, string sidecar)
    {
        var total = Encoding.UTF8.GetByteCount(full);
        if (total > MaxPathBytes)
        {
            throw new OutputPathException(path, $"the path is {total} bytes long; expected at most {MaxPathBytes} bytes");
        }
        var names = full.Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k < names.Length; k++)
        {
            var last = k == names.Length - 1;
            var bytes = Encoding.UTF8.GetByteCount(names[k]) + (last ? Encoding.UTF8.GetByteCount(sidecar) : 0);
            if (bytes > MaxNameBytes)
            {
                throw new OutputPathException(path,
                    $"the name '{OutputPathException.Shorten(names[k])}' is {bytes} bytes long{(last && sidecar.Length > 0 ? $" with its '{sidecar}' companion" : "")}; expected at most {MaxNameBytes} bytes per name");
            }
        }
    }

    /// <summary>The folder the output goes into must exist, be a folder, and accept a new file (probed with a file deleted on close).</summary>
    private static void CheckFolderWritable(string path, string full)
    {
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is null)
        {
            throw new OutputPathException(path, "is a file-system root; expected a file or folder inside a folder");
        }
        var kind = FileKinds.Of(folder, followLinks: true);
        if (kind != FileKind.Directory)
        {
            throw new OutputPathException(path, kind == FileKind.Missing
                ? $"the folder '{folder}' does not exist; expected an existing folder (create it first)"
                : $"'{folder}' is {FileKinds.Describe(kind)}, not a folder; expected an existing folder");
        }
        var probe = TemporaryBeside(full);
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "it accepts no new files",
                _ => ex.Message.Replace($" : '{probe}'", "", StringComparison.Ordinal).Replace($"'{probe}'", "a new file", StringComparison.Ordinal),
            };
            throw new OutputPathException(path, $"cannot write in the folder '{folder}' ({reason}); expected a folder this user can write to");
        }
    }
}
