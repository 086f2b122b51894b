using System.Runtime.InteropServices;

namespace Spiral.IO.Files;

/// <summary>What a path names on disk.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Pipe,
    Socket,
}

/// <summary>
/// The kind of file at a path. .NET reports devices, pipes and sockets as files (<c>File.Exists("/dev/null")</c> is
/// true), so on Linux the type comes from <c>statx(2)</c>, whose buffer layout is the same on every architecture
/// (<c>stx_mode</c> at byte 28 of a 256-byte <c>struct statx</c>); elsewhere from the file attributes.
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, string path, int flags, uint mask, byte[] buffer);

    /// <summary>The kind of <paramref name="path"/>; a symbolic link is reported as such unless <paramref name="followLinks"/>.</summary>
    public static FileKind Of(string path, bool followLinks = false)
    {
        if (OperatingSystem.IsLinux() && TryStatx(path, followLinks, out var kind))
        {
            return kind;
        }
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }
        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }
        return info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice : FileKind.RegularFile;
    }

    /// <summary>"a folder", "a character device", …: the kind as a noun for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "nothing",
        FileKind.RegularFile => "a file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Pipe => "a named pipe",
        _ => "a socket",
    };

    private static bool TryStatx(string path, bool followLinks, out FileKind kind)
    {
        kind = FileKind.Missing;
        var buffer = new byte[256];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        if (result != 0)
        {
            // ENOENT, ENOTDIR: nothing there. Anything else (EACCES, ENAMETOOLONG, …) falls back to .NET's view.
            var errno = Marshal.GetLastPInvokeError();
            return errno is 2 or 20;
        }
        kind = (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Pipe,
            _ => FileKind.Socket,
        };
        return true;
    }
}
