using System.Diagnostics;

namespace Tidemark.Benchmarks;

/// <summary>CPU time of this process since construction: wall time means little on a shared machine.</summary>
internal sealed class Cpu
{
    private readonly TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;

    public double Seconds => (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalSeconds;
}
