using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.Doctor;

/// <summary>What <c>doctor</c> (all checks) or <c>token check</c> (its subset) is asked, besides the run's settings.</summary>
/// <param name="StatePath">Where the host's state store is, as its messages name it.</param>
internal sealed record DoctorRequest(bool WriteProbe, string CommandName, IReadOnlyList<IDoctorCheck> Checks, string StatePath);

/// <summary>The checks' report, for which repository, with which token (by fingerprint; null when none could be read).</summary>
internal sealed record DoctorOutcome(DoctorReport Report, string Repository, string? Fingerprint);

/// <summary>
/// The doctor as one call, whoever hosts it: resolves the repository and the token as a run does, hands the checks the
/// library's own services (the run's checkout, the planning service, the token rotation's read-only inspection of a next
/// token, a GitHub App's mint), runs them, and records one <c>token.check</c> audit event. A state store that does not
/// open is reported by its check and said once as a warning.
/// </summary>
internal static class DoctorRun
{
    public static async Task<DoctorOutcome> RunAsync(RunSettings settings, DoctorRequest request, RunHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(host);
        var target = await RunTarget.ResolveAsync(settings.Repo, host.Git, cancellationToken).ConfigureAwait(false);
        settings = settings.For(target);
        Task<StateStore>? state = null;
        Task<StateStore> OpenState(CancellationToken ct) => state ??= host.OpenState(ct);
        var auditWriter = new DeferredAuditWriter(OpenState);
        var tokenTarget = new TokenTarget(settings.ApiUrl, target.Owner, target.Name);
        var sources = await RunToken.SourcesAsync(settings, cancellationToken).ConfigureAwait(false);
        var (credentials, tokenError) = await ReadTokenAsync(sources.Current, host, tokenTarget, auditWriter, cancellationToken).ConfigureAwait(false);
        var isApp = sources.Current is AppToken;
        var token = credentials?.Resolved;
        var trail = new AuditTrail(auditWriter, token?.Fingerprint.ToString(), host.Logging.CreateLogger("Tidemark.Audit"));
        var forge = ForgeRegistry.Default["github"];
        using var anonymous = forge.Diagnose(new ForgeConnection(settings.ApiUrl, target.Owner, target.Name, _ => ValueTask.FromResult(""), host.Time, host.Logging.CreateLogger("Tidemark.Forges")));
        using var github = credentials is null || token is null ? null
            : forge.Diagnose(new ForgeConnection(settings.ApiUrl, target.Owner, target.Name, credentials.CurrentAsync, host.Time, host.Logging.CreateLogger("Tidemark.Forges")));
        var planning = new PlanningHost(host.Time, host.Logging, host.Redactor, host.DockerConfigPath);
        var context = new DoctorContext
        {
            Settings = new DoctorSettings(target.Owner, target.Name, settings.ApiUrl, request.WriteProbe, SourceName(sources.Current), () => Guid.NewGuid().ToString("N")[..12]),
            Time = host.Time,
            Redactor = host.Redactor,
            Token = token,
            TokenError = isApp ? null : tokenError,
            AppSource = isApp ? credentials?.Description ?? tokenError?.TokenSource : null,
            AppMint = credentials?.LastMint,
            AppError = isApp ? tokenError : null,
            MintWithWorkflows = credentials is { Mints: true } ? credentials.MintWithWorkflowsAsync : null,
            ProbeNext = sources.Next is null ? null : ProbeNext(host, settings, tokenTarget, sources, target, OpenState),
            GitHub = github,
            Anonymous = anonymous,
            Git = host.Git,
            StatePath = request.StatePath,
            OpenState = OpenState,
            PlanImages = (workspace, ct) => ScopePlanning.PlanFirstAsync(planning, workspace, settings.SecretsDirectory, false, ct),
            LoadCheckout = Checkout(host, settings, target, trail, credentials),
        };
        var report = await DoctorRunner.RunAsync(request.Checks, context, cancellationToken).ConfigureAwait(false);
        await AuditAsync(report, request.CommandName, target.FullName, trail, auditWriter, host.Report, cancellationToken).ConfigureAwait(false);
        return new DoctorOutcome(report, target.FullName, token?.Fingerprint.ToString());
    }

    /// <summary>Tidemark's clone, as <c>run</c> prepares it (<see cref="RunCheckout"/>), at the default branch the repository check found.</summary>
    private static Func<DoctorContext, CancellationToken, Task<DoctorCheckout>> Checkout(RunHost host, RunSettings settings, RunTarget target, AuditTrail audit, ITokenProvider? credentials) =>
        async (context, ct) =>
        {
            var defaultBranch = context.DefaultBranch ?? "main";
            Func<CancellationToken, ValueTask<string>> tokens = credentials is null ? _ => ValueTask.FromResult(context.Token!.Value) : credentials.CurrentAsync;
            var git = await RunCheckout.PrepareAsync(host.Git, target, audit, defaultBranch, settings.WorkDirectory, tokens, host.Time, ct).ConfigureAwait(false);
            var (workspace, publish, baseSha) = await RunCheckout.LoadAsync(git, host.Report, settings.Config, target, audit, defaultBranch, ct).ConfigureAwait(false);
            return new DoctorCheckout(git, workspace, publish, baseSha);
        };

    /// <summary>
    /// The next token's probe, its proof from the checkout (push by git push --dry-run to the configured update branch,
    /// pull requests, workflows) and the recorded rotation, through <c>run</c>'s own <see cref="RunTokenRotation"/> and <see cref="RunTokenProof"/>.
    /// </summary>
    private static Func<DoctorCheckout?, CancellationToken, Task<NextTokenReport>> ProbeNext(RunHost host, RunSettings settings, TokenTarget target,
        RunTokenSources sources, RunTarget repository, Func<CancellationToken, Task<StateStore>> openState) =>
        async (checkout, ct) =>
        {
            var state = await openState(ct).ConfigureAwait(false);
            using var forges = host.Forges(settings.ApiUrl, repository);
            Func<ITokenProvider, Forges.TokenProbe, Task<TokenProof>>? prove = checkout is null ? null : async (next, probe) =>
            {
                var git = await GitRepository.OpenAsync(host.Git, repository.Remote, checkout.Git.Directory, next.CurrentAsync, host.Time, ct).ConfigureAwait(false);
                return await RunTokenProof.ProveAsync(next, probe, git, target, checkout.Settings, RunTokenProof.UpdatePaths(checkout.Workspace), ct).ConfigureAwait(false);
            };
            return await new RunTokenRotation(host.Time, host.Variable, host.Redactor, host.Report, state, target, forges.For).InspectNextAsync(sources, prove, ct).ConfigureAwait(false);
        };

    /// <summary>The current token; a GitHub App mints one for <paramref name="target"/> (its refusal is app-mint's finding).</summary>
    private static async Task<(ITokenProvider?, TokenSourceException?)> ReadTokenAsync(TokenSpec source, RunHost host, TokenTarget target, IAuditWriter audit, CancellationToken cancellationToken)
    {
        try
        {
            return (await RunToken.ResolveAsync(source, "token", host.Time, host.Variable, host.Redactor, target, audit, cancellationToken).ConfigureAwait(false), null);
        }
        catch (TokenSourceException e)
        {
            return (null, e);
        }
    }

    /// <summary>Where the current token came from, as advice names it ("update …"): the flag's or tidemark.yaml's source, not always the flags.</summary>
    private static string SourceName(TokenSpec source) => source switch
    {
        CommandToken { Place.Line: 0 } => "the output of --token-command",
        CommandToken command => $"the output of the token command in {command.Place.File}:{command.Place.Line}",
        FileToken file => Path.GetFullPath(file.Path),
        EnvToken env => env.Variable,
        AppToken app => $"the GitHub App {app.Id} (private key {app.KeyFile})",
        _ => source.Kind,
    };

    /// <summary>
    /// One <c>token.check</c> audit event per run, with the token's fingerprint: <c>ok</c> when no check failed,
    /// <c>denied</c> when GitHub or git refused the token (401, 403, a missing permission, scope or rule), else
    /// <c>failed</c>; the detail lists the failing checks. A store that does not open is reported by its check, and here once.
    /// </summary>
    private static async Task AuditAsync(DoctorReport report, string commandName, string repository, AuditTrail trail, DeferredAuditWriter writer, IRunReport progress, CancellationToken cancellationToken)
    {
        var failing = report.Checks.Where(c => c.Level == CheckLevel.Error).ToList();
        var outcome = failing.Count == 0 ? AuditOutcomes.Ok : failing.Any(c => c.Denied) ? AuditOutcomes.Denied : AuditOutcomes.Failed;
        await trail.RecordAsync(AuditActions.TokenCheck, repository, outcome, AuditDetail(report, commandName, failing), cancellationToken).ConfigureAwait(false);
        if (writer.Dropped)
        {
            await progress.WarnAsync($"the checks were not recorded in the audit trail: {writer.Reason!.Message}").ConfigureAwait(false);
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

        var unproven = report.Summary().Where(s => s.Level is CheckLevel.NotProven or CheckLevel.Skipped).Select(s => CapabilityLabels.Label(s.Capability)).ToList();
        return unproven.Count == 0
            ? $"{commandName}: all {ran} checks passed"
            : $"{commandName}: no check failed ({ran} ran); not proven: {string.Join(", ", unproven)}";
    }
}
