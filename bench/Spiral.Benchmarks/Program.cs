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
if (args.Length > 0 && args[0] == "runner-memory")
{
    Spiral.Benchmarks.RunnerMemory.Run(args);
    return;
}
if (args.Length > 0 && args[0] == "kernel-work")
{
    Spiral.Benchmarks.KernelWork.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Spiral.Benchmarks.KernelBenchmarks).Assembly).Run(args);
