using Tidemark.Automation;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tidemark.Cli.Rendering;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Credentials.GitHubApp;
using Tidemark.Doctor;
using Tidemark.Forges.GitHub;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// <c>tidemark doctor</c>: every check a failing automation needs, in order, as a table with a per-capability summary
/// (or JSON). Shares run's repository, token, API and state options. Exit 3 when any check finds an error.
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

    /// <summary>Runs <paramref name="checks"/> (all of them, or <c>token check</c>'s subset), audits the run once, renders the report.</summary>
    public static async Task<int> RunChecksAsync(CliEnvironment env, ILoggerFactory logging, RunRequest request, bool writeProbe, string output, string commandName,
        IReadOnlyList<IDoctorCheck> checks, CancellationToken cancellationToken)
    {
        var redactor = env.Redactor;
        var workDir = Path.GetFullPath(request.WorkDir ?? Path.Combine(Directory.GetCurrentDirectory(), "tidemark-work"));
        var runner = new GitRunner(new GitRunnerOptions(Path.Combine(workDir, ".home"), RunCommand.GitExecutable(env)), redactor, logging.CreateLogger<GitRunner>());
        var target = await RunTarget.ResolveAsync(request.Repo, runner, cancellationToken).ConfigureAwait(false);
        request = request.For(target);
        var statePath = CommonOptions.StatePathBeside(workDir, request.State, env);
        Task<StateStore>? state = null;
        Task<StateStore> OpenState(CancellationToken ct) => state ??= OpenStateAsync(statePath, env.Time, redactor, ct);
        var auditWriter = new DeferredAuditWriter(OpenState);
        var tokenTarget = new TokenTarget(request.ApiUrl, target.Owner, target.Name);
        var sources = await RunToken.SourcesAsync(request, cancellationToken).ConfigureAwait(false);
        var (credentials, tokenError) = await ReadTokenAsync(sources.Current, env, redactor, tokenTarget, auditWriter, cancellationToken).ConfigureAwait(false);
        var isApp = sources.Current.Kind == "app";
        var token = credentials?.Resolved;
        var trail = new AuditTrail(auditWriter, token?.Fingerprint.ToString(), logging.CreateLogger("Tidemark.Audit"));
        using var anonymous = new GitHubProbe(request.ApiUrl, null);
        using var github = token is null ? null : new GitHubProbe(request.ApiUrl, token.Value);
        var context = new DoctorContext
        {
            Settings = new DoctorSettings(target.Owner, target.Name, request.ApiUrl, writeProbe, SourceName(request), () => Guid.NewGuid().ToString("N")[..12]),
            Time = env.Time,
            Redactor = redactor,
            Token = token,
            TokenError = isApp ? null : tokenError,
            AppSource = isApp ? credentials?.Source.Description ?? tokenError?.TokenSource : null,
            AppMint = (credentials?.Source as AppTokenSource)?.LastMint,
            AppError = isApp ? tokenError : null,
            MintWithWorkflows = credentials?.Source is AppTokenSource app ? ct => MintWithWorkflowsAsync(app, ct) : null,
            ProbeNext = sources.Next is null ? null : ProbeNext(env, logging, request, tokenTarget, sources, runner, target, OpenState),
            GitHub = github,
            Anonymous = anonymous,
            Git = runner,
            StatePath = CommonOptions.StateDisplay(statePath, redactor),
            OpenState = OpenState,
            PlanImages = (workspace, ct) => PlanCommand.PlanAsync(env, logging, workspace, request.SecretsDirectory, false, ct),
            LoadCheckout = Checkout(env, request, runner, target, trail, credentials, workDir),
        };
        var report = await DoctorRunner.RunAsync(checks, context, cancellationToken).ConfigureAwait(false);
        await AuditAsync(report, commandName, target.FullName, trail, auditWriter, env, cancellationToken).ConfigureAwait(false);
        await DoctorRenderer.WriteAsync(env.Out, report, output, commandName, target.FullName, token?.Fingerprint.ToString()).ConfigureAwait(false);
        return report.HasErrors ? ExitCodes.CheckFailed : ExitCodes.Success;
    }

    /// <summary>Tidemark's clone, as <c>run</c> prepares it, at the default branch the repository check found.</summary>
    private static Func<DoctorContext, CancellationToken, Task<DoctorCheckout>> Checkout(CliEnvironment env, RunRequest request, GitRunner runner, RunTarget target, AuditTrail audit, RunCredentials? credentials, string workDir) =>
        async (context, ct) =>
        {
            var defaultBranch = context.DefaultBranch ?? "main";
            Func<CancellationToken, ValueTask<string>> tokens = credentials is null ? _ => ValueTask.FromResult(context.Token!.Value) : credentials.Current;
            var git = await RunCheckout.PrepareAsync(runner, target, audit, defaultBranch, workDir, tokens, env.Time, ct).ConfigureAwait(false);
            var (workspace, settings, baseSha) = await RunCheckout.LoadAsync(git, env, request.Config, target, audit, defaultBranch, ct).ConfigureAwait(false);
            return new DoctorCheckout(git, workspace, settings, baseSha);
        };

    private static Task<AppMint> MintWithWorkflowsAsync(AppTokenSource app, CancellationToken cancellationToken)
    {
        app.Require(AppPermissions.Workflows, "write");
        return app.MintAsync(cancellationToken);
    }

    /// <summary>
    /// The next token's probe, its proof from the checkout (push by git push --dry-run to the configured update branch,
    /// pull requests, workflows) and the recorded rotation, through <c>run</c>'s own <see cref="RunTokenRotation"/> and <see cref="RunTokenProof"/>.
    /// </summary>
    private static Func<DoctorCheckout?, CancellationToken, Task<NextTokenReport>> ProbeNext(CliEnvironment env, ILoggerFactory logging, RunRequest request, TokenTarget target,
        RunTokenSources sources, GitRunner runner, RunTarget repository, Func<CancellationToken, Task<StateStore>> openState) =>
        async (checkout, ct) =>
        {
            var state = await openState(ct).ConfigureAwait(false);
            using var forges = new ForgePool(env, logging, request.ApiUrl, target.Owner, target.Repository);
            Func<RunCredentials, Forges.TokenProbe, Task<TokenProof>>? prove = checkout is null ? null : async (next, probe) =>
            {
                var git = await GitRepository.OpenAsync(runner, repository.Remote, checkout.Git.Directory, next.Current, env.Time, ct).ConfigureAwait(false);
                return await RunTokenProof.ProveAsync(next, probe, git, target, checkout.Settings, RunTokenProof.UpdatePaths(checkout.Workspace), ct).ConfigureAwait(false);
            };
            return await new RunTokenRotation(env, env.Redactor, state, target, forges.For).InspectNextAsync(sources, prove, ct).ConfigureAwait(false);
        };

    /// <summary>The current token; a GitHub App mints one for <paramref name="target"/> (its refusal is app-mint's finding).</summary>
    private static async Task<(RunCredentials?, TokenSourceException?)> ReadTokenAsync(TokenSourceConfig source, CliEnvironment env, ISecretRedactor redactor, TokenTarget target, IAuditWriter audit, CancellationToken cancellationToken)
    {
        try
        {
            return (await RunToken.ResolveAsync(source, "token", env, redactor, target, audit, cancellationToken).ConfigureAwait(false), null);
        }
        catch (TokenSourceException e)
        {
            return (null, e);
        }
    }

    private static string SourceName(RunRequest request) =>
        request.TokenCommand is { Count: > 0 } ? "the output of --token-command"
        : request.TokenFile is { } file ? file.FullName
        : request.TokenEnv ?? EnvironmentTokenSource.DefaultVariable;

    private static async Task<StateStore> OpenStateAsync(string path, TimeProvider time, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        return await CommonOptions.OpenStateAsync(path, existing: false, time, redactor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One <c>token.check</c> audit event per run, with the token's fingerprint: <c>ok</c> when no check failed,
    /// <c>denied</c> when GitHub or git refused the token (401, 403, a missing permission, scope or rule), else
    /// <c>failed</c>; the detail lists the failing checks. A store that does not open is reported by its check, and here once.
    /// </summary>
    private static async Task AuditAsync(DoctorReport report, string commandName, string repository, AuditTrail trail, DeferredAuditWriter writer, CliEnvironment env, CancellationToken cancellationToken)
    {
        var failing = report.Checks.Where(c => c.Level == CheckLevel.Error).ToList();
        var outcome = failing.Count == 0 ? AuditOutcomes.Ok : failing.Any(c => c.Denied) ? AuditOutcomes.Denied : AuditOutcomes.Failed;
        await trail.RecordAsync(AuditActions.TokenCheck, repository, outcome, AuditDetail(report, commandName, failing), cancellationToken).ConfigureAwait(false);
        if (writer.Dropped)
        {
            await env.Error.WriteLineAsync($"tidemark: warning: the checks were not recorded in the audit trail: {writer.Reason!.Message}").ConfigureAwait(false);
        }
    }

    /// <summary>E.g. <c>token check: 2 of 14 checks failed: push-permission, pull-requests — Cannot push to branch: …</c>.</summary>
    private static string AuditDetail(DoctorReport report, string commandName, IReadOnlyList<CheckOutcome> failing)
    {
        var ran = report.Checks.Count(c => c.Level != CheckLevel.Skipped);
        if (failing.Count > 0)
        {
            var first = failing[0].Findings.First(f => f.Level == CheckLevel.Error).Message;
            return $"{commandName}: {failing.Count} of {ran} checks failed: {string.Join(", ", failing.Select(c => c.Check))} — {first}";
        }

        var unproven = report.Summary().Where(s => s.Level is CheckLevel.NotProven or CheckLevel.Skipped).Select(s => DoctorRenderer.Label(s.Capability)).ToList();
        return unproven.Count == 0
            ? $"{commandName}: all {ran} checks passed"
            : $"{commandName}: no check failed ({ran} ran); not proven: {string.Join(", ", unproven)}";
    }
}
