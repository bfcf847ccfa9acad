using Microsoft.Extensions.Logging;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.Registries;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// The run as one call, whoever hosts it (<c>tidemark run</c> today, a <c>serve</c> host later): for one repository,
/// choose the token, take the repository's lease once, then <b>checkout</b> (clone or fetch Tidemark's own clone to the
/// base head and read the configuration there) → <b>plan</b> each scope → <b>publish</b> each scope (one commit on the
/// update branch, push, open/update/close the pull request) → <b>record</b> (each token's use, then the lease released).
/// Progress goes to the host's <see cref="IRunReport"/>; what was done comes back as a <see cref="RunResult"/>. Git,
/// forge and state failures are thrown with their classified messages; a state store failing after the run changed
/// GitHub is a <see cref="RunNotRecordedException"/> naming what was done.
/// </summary>
internal static class AutomationRun
{
    /// <summary>How long the repository's lease lasts (a crashed run's lease expires after it) and how long a run waits for another's, by default (<see cref="RunSettings.LeaseDuration"/>, <see cref="RunSettings.LeaseWait"/>).</summary>
    public static readonly TimeSpan LockLease = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);

    public static async Task<RunResult> RunAsync(RunSettings settings, RunHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(host);
        var report = new RecordingRunReport(host.Report);
        host = host with { Report = report };
        var sources = await RunToken.SourcesAsync(settings, cancellationToken).ConfigureAwait(false);
        var target = await RunTarget.ResolveAsync(settings.Repo, host.Git, cancellationToken).ConfigureAwait(false);
        settings = settings.For(target);
        var state = await host.OpenState(cancellationToken).ConfigureAwait(false);
        var journal = new RunJournal(state.AuditWriter);
        state = state with { AuditWriter = journal };
        var tokenTarget = new TokenTarget(settings.ApiUrl, target.Owner, target.Name);
        using var forges = host.Forges(settings.ApiUrl, target);
        var rotation = new RunTokenRotation(host.Time, host.Variable, host.Redactor, report, state, tokenTarget, forges.For);
        var choice = await rotation.ChooseAsync(sources, cancellationToken).ConfigureAwait(false);

        // the run's id, made here so every host's run has one: on each audit event, run record and pushed commit below
        var runId = RunIds.New(host.Time);

        // the one lease of this run: held from here until every record below is written, and passed down to publishing
        var lease = await state.Locks.AcquireAsync(target.FullName, LeaseOwner.For(settings.LeaseRole), settings.LeaseDuration, settings.LeaseWait, cancellationToken).ConfigureAwait(false);
        var tools = new RunTools(host.Git, rotation, forges, [], settings.WorkDirectory);
        var failed = false;
        try
        {
            var context = await StartAsync(new RunContext(host, settings, target, forges.For(choice.Credentials), state, lease, choice.Token, AuditFor(state, host, choice, runId)), tools, choice, cancellationToken).ConfigureAwait(false);
            var scopes = await RunLeasedAsync(context, tools, choice, cancellationToken).ConfigureAwait(false);
            return new RunResult(target.FullName, runId, settings.DryRun, scopes.Mode, scopes.Results, report.Warnings, report.Errors);
        }
        catch (StateStoreException e) when (journal.Done.Count > 0)
        {
            failed = true;
            throw new RunNotRecordedException(journal.Done, e);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            await EndAsync(state, tools, lease, failed, journal).ConfigureAwait(false);
        }
    }

    /// <summary>Checkout → token adopted → plan → publish, under the lease.</summary>
    private static async Task<(UpdateMode Mode, IReadOnlyList<ScopeResult> Results)> RunLeasedAsync(RunContext context, RunTools tools, RunTokenChoice choice, CancellationToken cancellationToken)
    {
        // checkout
        var checkout = await CheckoutAsync(context, tools, choice, cancellationToken).ConfigureAwait(false);
        (context, var git) = (checkout.Context, checkout.Git);

        // the token the rest of the run uses, proven against the checkout
        var updatePaths = RunTokenProof.UpdatePaths(checkout.Workspace);
        var chosen = await AdoptTokenAsync(context, tools, checkout, updatePaths, cancellationToken).ConfigureAwait(false);
        if (chosen.Fingerprint != checkout.Choice.Fingerprint)
        {
            context = await StartAsync(context, tools, chosen, cancellationToken).ConfigureAwait(false);
            git = await GitRepository.OpenAsync(tools.Runner, context.Target.Remote, git.Directory, chosen.Credentials.CurrentAsync, context.Host.Time, cancellationToken).ConfigureAwait(false);
        }

        await RunToken.RequireWorkflowsAsync(chosen.Credentials, updatePaths, cancellationToken).ConfigureAwait(false);
        await RunToken.EnsureNotLeakedAsync(checkout.Workspace.Root, context.Token, context.Host.Report.WarnAsync, cancellationToken).ConfigureAwait(false);

        // plan, then publish each scope
        var mode = UpdateMode.Of(checkout.Workspace.Flux, checkout.Workspace.Config);
        var plans = await PlanAsync(context, checkout.Workspace, mode, null, cancellationToken).ConfigureAwait(false);
        var results = new List<ScopeResult>();
        foreach (var plan in plans)
        {
            var scopeSettings = mode.Scopes.Count == 1 ? checkout.Settings : PublishSettings.From(checkout.Workspace.Config, plan.Scope.Automation, true, context.Target.FullName, checkout.DefaultBranch);
            var (scopePlan, scopeBase) = scopeSettings.BaseBranch == checkout.Settings.BaseBranch
                ? (plan, checkout.BaseSha)
                : await PlanOnItsBaseAsync(context, git, plan.Scope, scopeSettings.BaseBranch, checkout.DefaultBranch, cancellationToken).ConfigureAwait(false);
            if (await PublishScopeAsync(context, git, tools.Ledgers[^1], scopePlan, scopeSettings with { PlannedBaseSha = scopeBase }, cancellationToken).ConfigureAwait(false) is { } result)
            {
                results.Add(result);
            }
        }

        return (mode, results);
    }

    /// <summary>
    /// Whatever happened: each token's use recorded, then the lease released (also after a failure, so a rerun does not
    /// wait). When the run already failed, a state store failing here too does not hide the first failure.
    /// </summary>
    private static async Task EndAsync(StateStore state, RunTools tools, RepositoryLease lease, bool failed, RunJournal journal)
    {
        try
        {
            try
            {
                foreach (var ledger in tools.Ledgers)
                {
                    await ledger.EndAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                await state.Locks.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (StateStoreException) when (failed)
        {
            // the run's own failure is the one reported; the lease of a dead process is taken over by the next run
        }
        catch (StateStoreException e) when (journal.Done.Count > 0)
        {
            throw new RunNotRecordedException(journal.Done, e);
        }
    }

    /// <summary>
    /// Clones or fetches the base head and reads the configuration with the starting token; when an unproven next token
    /// cannot (e.g. Metadata but no Contents permission), it is refused and the current token does it instead.
    /// </summary>
    private static async Task<RunCheckedOut> CheckoutAsync(RunContext context, RunTools tools, RunTokenChoice choice, CancellationToken cancellationToken)
    {
        // the default branch from the forge: a single-branch clone keeps no origin/HEAD, and the clone needs a branch
        var defaultBranch = (await context.Forge.GetRepositoryAsync(cancellationToken).ConfigureAwait(false)).DefaultBranch;
        try
        {
            var git = await RunCheckout.PrepareAsync(tools.Runner, context, defaultBranch, tools.WorkDir, choice.Credentials.CurrentAsync, cancellationToken).ConfigureAwait(false);
            var (workspace, settings, baseSha) = await RunCheckout.LoadAsync(git, context, defaultBranch, cancellationToken).ConfigureAwait(false);
            return new RunCheckedOut(context, choice, git, workspace, settings, baseSha, defaultBranch);
        }
        catch (GitException e) when (!choice.Proven && choice.Fallback is not null)
        {
            var refused = TokenProof.Of([]).Lacks("clone or fetch the repository with git", e.Failure.Message, "grant the token Contents: Read and write (classic: the repo scope)");
            var fallback = await tools.Rotation.RefuseAsync(choice, refused, cancellationToken).ConfigureAwait(false);
            context = await StartAsync(context, tools, fallback, cancellationToken).ConfigureAwait(false);
            return await CheckoutAsync(context, tools, fallback, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An unproven next token proves push, pull requests (and workflows) against the checkout, or the current token goes on.</summary>
    private static Task<RunTokenChoice> AdoptTokenAsync(RunContext context, RunTools tools, RunCheckedOut checkout, IReadOnlyList<string> updatePaths, CancellationToken cancellationToken)
    {
        var tokenTarget = new TokenTarget(context.Settings.ApiUrl, context.Target.Owner, context.Target.Name);
        return tools.Rotation.AdoptAsync(checkout.Choice, async (next, probe) =>
        {
            var nextGit = await GitRepository.OpenAsync(tools.Runner, context.Target.Remote, checkout.Git.Directory, next.CurrentAsync, context.Host.Time, cancellationToken).ConfigureAwait(false);
            return await RunTokenProof.ProveAsync(next, probe, nextGit, tokenTarget, checkout.Settings, updatePaths, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The context for <paramref name="choice"/> (its forge and audit trail) and its ledger begun (an expired token stops the run here).</summary>
    private static async Task<RunContext> StartAsync(RunContext context, RunTools tools, RunTokenChoice choice, CancellationToken cancellationToken)
    {
        context = context with { Forge = tools.Forges.For(choice.Credentials), Token = choice.Token, Audit = context.Audit.WithToken(choice.Fingerprint) };
        var ledger = new RunTokenLedger(context.Host.Time, context.Host.Report, context.State, choice, context.Target.FullName, context.Audit);
        tools.Ledgers.Add(ledger);
        await ledger.BeginAsync(cancellationToken).ConfigureAwait(false);
        return context;
    }

    /// <summary>Each scope's plan (or only <paramref name="only"/>), tag listings through the state store's cache.</summary>
    private static Task<IReadOnlyList<Plan>> PlanAsync(RunContext context, Workspace workspace, UpdateMode mode, IEnumerable<UpdateScope>? only, CancellationToken cancellationToken)
    {
        var host = context.Host;
        var planning = new PlanningHost(host.Time, host.Logging, host.Redactor, host.DockerConfigPath);
        return ScopePlanning.PlanAsync(planning, workspace, mode, context.Settings.SecretsDirectory, false, cancellationToken, TagCache(context), only);
    }

    /// <summary>
    /// An automation that checks out another branch than the first one is planned from the head of its own branch,
    /// with the Flux objects found there.
    /// </summary>
    private static async Task<(Plan Plan, string BaseSha)> PlanOnItsBaseAsync(RunContext context, GitRepository git, UpdateScope scope, string branch, string defaultBranch, CancellationToken cancellationToken)
    {
        var (workspace, _, baseSha) = await RunCheckout.LoadBranchAsync(git, context, branch, defaultBranch, cancellationToken).ConfigureAwait(false);
        var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
        var same = mode.Scopes.FirstOrDefault(s => s.Automation is { } a && a.Namespace == scope.Automation!.Namespace && a.Name == scope.Automation.Name)
            ?? throw new ConfigurationException($"{scope.Name} checks out {branch}, but that branch holds no such ImageUpdateAutomation; nothing was published for it");
        var plans = await PlanAsync(context, workspace, mode, [same], cancellationToken).ConfigureAwait(false);
        return (plans[0], baseSha);
    }

    /// <summary>Tag listings through the state store's cache (TTL <c>--cache-ttl</c>, default 10 minutes), each listing audited.</summary>
    private static Func<ITagSource, ITagSource> TagCache(RunContext context)
    {
        var ttl = context.Settings.CacheTtl ?? TimeSpan.FromMinutes(10);
        var refresh = context.Settings.Refresh || ttl == TimeSpan.Zero;
        return registry => new CachedTagSource(new AuditedTagSource(registry, context.Audit.WithToken(null)), context.State.TagCacheReader, context.State.TagCacheWriter, ttl, refresh);
    }

    /// <summary>Publishes one scope's plan (one Flux automation's branch and pull request) under the run's lease and says what it did; null for a suspended automation.</summary>
    private static async Task<ScopeResult?> PublishScopeAsync(RunContext context, GitRepository git, RunTokenLedger ledger, Plan plan, PublishSettings settings, CancellationToken cancellationToken)
    {
        var report = context.Host.Report;
        if (plan.Scope.Automation is { Suspended: true } suspended)
        {
            await report.ScopeSuspendedAsync($"{plan.Scope.Name}: suspended (spec.suspend: true at {suspended.Place.File}:{suspended.Place.Line}); nothing published").ConfigureAwait(false);
            return null;
        }

        var publisher = new Publisher(git, context.Forge, context.State, context.Audit);
        var publish = settings with { DryRun = context.Settings.DryRun };
        var outcome = await publisher.PublishAsync(plan, publish, context.Lease, cancellationToken).ConfigureAwait(false);
        await ledger.CommentAsync(context.Forge, publish, cancellationToken).ConfigureAwait(false);
        var result = new ScopeResult(publish, plan, outcome, plan.Scope.Automation is null ? null : $"{plan.Scope.Name} (path {plan.Scope.DisplayPath})");
        await report.ScopePublishedAsync(result).ConfigureAwait(false);
        foreach (var problem in plan.Errors)
        {
            await report.ErrorAsync(problem).ConfigureAwait(false);
        }

        return result;
    }

    private static AuditTrail AuditFor(StateStore state, RunHost host, RunTokenChoice choice, string runId) =>
        new(state.AuditWriter, choice.Fingerprint, host.Logging.CreateLogger("Tidemark.Audit"), runId);
}
