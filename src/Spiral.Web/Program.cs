namespace Spiral.Web;

/// <summary>Entry point of <c>dotnet run --project src/Spiral.Web</c>; <c>spiral serve</c> calls <see cref="SpiralWebHost"/> directly.</summary>
public static class WebProgram
{
    public static void Main(string[] args) => SpiralWebHost.Build(args).Run();
}
