using System.Text;

namespace Spiral.IO.Files;

/// <summary>An input file that cannot be read as asked; <see cref="Problem"/> says why and what was expected.</summary>
public sealed class InputFileException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}

/// <summary>
/// Reads scenario, sweep and data files with bounds checked before reading (DESIGN.md section 9): only regular files
/// (a device such as <c>/dev/zero</c> or a pipe never ends), at most <see cref="MaxBytes"/>.
/// </summary>
public static class InputFile
{
    /// <summary>Largest input file read: 10 MiB, far above any scenario, sweep or data file.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>True when <paramref name="path"/> names something on disk (a file, folder, device, …), following links.</summary>
    public static bool Exists(string path) => !string.IsNullOrEmpty(path) && FileKinds.Of(path, followLinks: true) != FileKind.Missing;

    /// <summary>The text of a regular file of at most <see cref="MaxBytes"/> (UTF-8 unless a byte-order mark says otherwise).</summary>
    /// <exception cref="InputFileException">Missing, not a regular file, too large or unreadable.</exception>
    public static string ReadText(string path, string expected)
    {
        Check(path, expected);
        try
        {
            // The size was checked, but a file may grow (or report no size, as /proc does): read at most one byte more.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxBytes + 1 - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxBytes)
                {
                    throw TooLarge(path, expected);
                }
            }
            buffer.Position = 0;
            using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot read the file ({ex.Message}); expected {expected}");
        }
    }

    /// <summary>Checks, without reading, that <paramref name="path"/> is a regular file of at most <see cref="MaxBytes"/>.</summary>
    /// <exception cref="InputFileException">Missing, not a regular file or too large.</exception>
    public static void Check(string path, string expected)
    {
        var kind = string.IsNullOrEmpty(path) ? FileKind.Missing : FileKinds.Of(path, followLinks: true);
        if (kind == FileKind.Missing)
        {
            throw new InputFileException(path, $"file not found; expected {expected}");
        }
        if (kind != FileKind.RegularFile)
        {
            throw new InputFileException(path, $"is {FileKinds.Describe(kind)}, not a regular file; expected {expected}");
        }
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw TooLarge(path, expected);
        }
    }

    private static InputFileException TooLarge(string path, string expected) =>
        new(path, $"the file is larger than {MaxBytes / (1024 * 1024)} MiB; expected {expected} of at most {MaxBytes / (1024 * 1024)} MiB");
}
