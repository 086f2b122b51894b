using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "store-cost")
{
    Spiral.Benchmarks.StoreCost.Run(args);
    return;
}
if (args.Length > 0 && args[0] == "classroom-load")
{
    Spiral.Benchmarks.ClassroomLoad.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Spiral.Benchmarks.KernelBenchmarks).Assembly).Run(args);
