using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Cli.Rendering;
using Tidemark.Doctor;

namespace Tidemark.Cli.Commands;

/// <summary>
/// <c>tidemark doctor</c>: every check a failing automation needs, in order, as a table with a per-capability summary
/// (or JSON). Shares run's repository, token, API and state options. Parse → settings → <see cref="DoctorRun"/> → render;
/// exit 3 when any check finds an error.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CliEnvironment env, ILoggerFactory logging)
    {
        var options = new RunOptions();
        var writeProbe = new Option<bool>("--write-probe")
        {
            Description = "Also prove write access: a pull request probe that creates nothing, and a branch tidemark-doctor-probe-* pushed and deleted at once",
        };
        var output = CommonOptions.Output("table", "json");
        var command = new Command("doctor", "Check everything the automation needs — token, repository, branches, permissions, registries, git, state — and say how to fix what fails");
        options.AddSharedTo(command);
        command.Add(writeProbe);
        command.Add(output);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, () =>
            RunChecksAsync(env, logging, options.Read(parse), parse.GetValue(writeProbe), parse.GetValue(output)!, "doctor", DoctorChecks.All, cancellationToken)));
        return command;
    }

    /// <summary>Runs <paramref name="checks"/> (all of them, or <c>token check</c>'s subset) through <see cref="DoctorRun"/>, renders the report.</summary>
    public static async Task<int> RunChecksAsync(CliEnvironment env, ILoggerFactory logging, RunSettings settings, bool writeProbe, string output, string commandName,
        IReadOnlyList<IDoctorCheck> checks, CancellationToken cancellationToken)
    {
        var composition = new Composition(env, logging);
        var host = composition.RunHost(settings, new CliRunReport(env));
        var request = new DoctorRequest(writeProbe, commandName, checks, composition.StateDisplay(composition.StatePath(settings.State)));
        var outcome = await DoctorRun.RunAsync(settings, request, host, cancellationToken).ConfigureAwait(false);
        await DoctorRenderer.WriteAsync(env.Out, outcome.Report, output, commandName, outcome.Repository, outcome.Fingerprint).ConfigureAwait(false);
        return outcome.Report.HasErrors ? ExitCodes.CheckFailed : ExitCodes.Success;
    }
}
