using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tidemark.State;

/// <summary>
/// Who holds a repository lease, written so that a later run can tell a dead holder on the same machine:
/// <c>tidemark run host build-7 pid 4211 started 638689… 0f3c…</c> (the process's start time tells a reused pid
/// apart). A lease whose holder is provably dead may be taken over at once instead of waiting for it to expire;
/// a holder on another host, or one written without this identity, is only ever waited for.
/// </summary>
internal static partial class LeaseOwner
{
    /// <summary>An owner naming this process, e.g. for <c>tidemark run</c>.</summary>
    public static string For(string command)
    {
        using var self = Process.GetCurrentProcess();
        return $"tidemark {command} host {Environment.MachineName} pid {self.Id} started {self.StartTime.ToUniversalTime().Ticks} {Guid.NewGuid():N}";
    }

    /// <summary>Whether <paramref name="owner"/> names a process on this host that has exited (or whose pid now belongs to a later process).</summary>
    public static bool IsProvablyDead(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var match = Identity().Match(owner);
        if (!match.Success || match.Groups["host"].Value != Environment.MachineName)
        {
            return false;
        }
        var pid = int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture);
        var started = long.Parse(match.Groups["started"].Value, CultureInfo.InvariantCulture);
        try
        {
            using var process = Process.GetProcessById(pid);
            // .NET derives a start time from the boot time as each process computes it, so two processes read the same
            // process's start time a few milliseconds apart: only a difference beyond that means the pid was reused.
            return process.HasExited || Math.Abs(process.StartTime.ToUniversalTime().Ticks - started) > StartTimeTolerance.Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return true; // no process with that id: it has exited
        }
    }

    /// <summary>How far two processes' readings of one process's start time may differ (they differed by about 3 ms here).</summary>
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);

    [GeneratedRegex(@" host (?<host>\S+) pid (?<pid>\d{1,10}) started (?<started>\d{1,20}) ")]
    private static partial Regex Identity();
}
