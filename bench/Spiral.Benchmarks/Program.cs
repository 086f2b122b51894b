using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Spiral.Benchmarks.KernelBenchmarks).Assembly).Run(args);
