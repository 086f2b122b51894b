using System.CommandLine;

namespace Spiral.Cli.Commands;

/// <summary>Every top-level command, in the order <c>spiral --help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield break;
    }
}
