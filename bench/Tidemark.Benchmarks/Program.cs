using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Tidemark.Benchmarks.PolicySelectionBenchmarks).Assembly).Run(args);
