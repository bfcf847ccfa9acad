namespace Tidemark.Doctor;

/// <summary>
/// One doctor check (an open family, STYLE §6: one registration line each in <see cref="DoctorChecks"/>). It reads
/// and records facts on the shared <see cref="DoctorContext"/> and returns findings, each not-ok one with a fix.
/// Example: <c>push-permission</c> runs <c>git ls-remote</c> and <c>git push --dry-run</c> with the token.
/// </summary>
internal interface IDoctorCheck
{
    /// <summary>Stable kebab-case name, shown in the table and JSON and named by <c>run</c>'s failure messages.</summary>
    string Name { get; }

    IReadOnlyList<Capability> Capabilities { get; }

    /// <summary>Checks that must have passed (not errored or skipped) for this one to run.</summary>
    IReadOnlyList<string> Requires { get; }

    /// <summary>Part of <c>tidemark token check</c> (the token-focused subset) as well as <c>doctor</c>.</summary>
    bool InTokenCheck { get; }

    Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
