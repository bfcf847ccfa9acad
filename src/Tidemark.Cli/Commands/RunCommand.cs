using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Cli.Rendering;
using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;
using Tidemark.Git;
using Tidemark.Registries;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// <c>tidemark run</c>: the whole loop for one repository — clone or fetch it into the work directory, plan from
/// the base branch's head, then publish (one commit on the update branch, push, open/update/close the pull request)
/// and record. Git, forge and state failures exit 1 with their classified message; bad input exits 2.
/// </summary>
internal static class RunCommand
{
    private static readonly TimeSpan LockLease = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);

    public static Command Create(CliEnvironment env, ILoggerFactory logging)
    {
        var options = new RunOptions();
        var command = new Command("run", "Apply the plan: commit, push the update branch, open/update/close the pull request");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, () => Failures(env, () => RunAsync(env, logging, options, parse, cancellationToken))));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, ILoggerFactory logging, RunOptions options, ParseResult parse, CancellationToken cancellationToken)
    {
        var request = options.Read(parse);
        if (request.Output == "json")
        {
            env = env with { Error = new LineRecorder(env.Error) };
        }
        var redactor = env.Redactor;
        var sources = await RunToken.SourcesAsync(request, cancellationToken).ConfigureAwait(false);
        var workDir = Path.GetFullPath(request.WorkDir ?? Path.Combine(Directory.GetCurrentDirectory(), "tidemark-work"));
        var runner = new GitRunner(new GitRunnerOptions(Path.Combine(workDir, ".home"), GitExecutable(env)), redactor, logging.CreateLogger<GitRunner>());
        var target = await RunTarget.ResolveAsync(request.Repo, runner, cancellationToken).ConfigureAwait(false);
        request = request.For(target);
        var statePath = CommonOptions.StatePathBeside(workDir, request.State, env);
        var state = await CommonOptions.OpenStateAsync(statePath, existing: false, env.Time, redactor, cancellationToken).ConfigureAwait(false);
        var journal = new RunJournal(state.AuditWriter);
        state = state with { AuditWriter = journal };
        var tokenTarget = new TokenTarget(request.ApiUrl, target.Owner, target.Name);
        using var forges = new ForgePool(env, logging, request.ApiUrl, target.Owner, target.Name);
        var rotation = new RunTokenRotation(env, redactor, state, tokenTarget, forges.For);
        var choice = await rotation.ChooseAsync(sources, cancellationToken).ConfigureAwait(false);
        var runId = RunIds.New(env.Time);
        var owner = LeaseOwner.For("run");
        var lease = await state.Locks.AcquireAsync(target.FullName, owner, LockLease, LockWait, cancellationToken).ConfigureAwait(false);
        var tools = new RunTools(runner, rotation, forges, [], workDir);
        var failed = false;
        try
        {
            var context = await StartAsync(new RunContext(env, logging, request, target, forges.For(choice.Credentials), state, owner, choice.Token, AuditFor(state, logging, choice, runId)), tools, choice, cancellationToken).ConfigureAwait(false);
            return await RunLockedAsync(context, tools, choice, cancellationToken).ConfigureAwait(false);
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

    private static async Task<int> RunLockedAsync(RunContext context, RunTools tools, RunTokenChoice choice, CancellationToken cancellationToken)
    {
        var checkout = await CheckoutAsync(context, tools, choice, cancellationToken).ConfigureAwait(false);
        (context, var git) = (checkout.Context, checkout.Git);
        var updatePaths = RunTokenProof.UpdatePaths(checkout.Workspace);
        var tokenTarget = new TokenTarget(context.Request.ApiUrl, context.Target.Owner, context.Target.Name);
        var chosen = await tools.Rotation.AdoptAsync(checkout.Choice, async (next, probe) =>
        {
            var nextGit = await GitRepository.OpenAsync(tools.Runner, context.Target.Remote, git.Directory, next.Current, context.Env.Time, cancellationToken).ConfigureAwait(false);
            return await RunTokenProof.ProveAsync(next, probe, nextGit, tokenTarget, checkout.Settings, updatePaths, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (chosen.Fingerprint != checkout.Choice.Fingerprint)
        {
            context = await StartAsync(context, tools, chosen, cancellationToken).ConfigureAwait(false);
            git = await GitRepository.OpenAsync(tools.Runner, context.Target.Remote, git.Directory, chosen.Credentials.Current, context.Env.Time, cancellationToken).ConfigureAwait(false);
        }

        await RunToken.RequireWorkflowsAsync(chosen.Credentials, updatePaths, cancellationToken).ConfigureAwait(false);
        await RunToken.EnsureNotLeakedAsync(checkout.Workspace.Root, context.Token, context.Env.Error, cancellationToken).ConfigureAwait(false);
        return await PublishAsync(context, git, checkout, tools.Ledgers[^1], cancellationToken).ConfigureAwait(false);
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
            var git = await RunCheckout.PrepareAsync(tools.Runner, context, defaultBranch, tools.WorkDir, choice.Credentials.Current, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The context for <paramref name="choice"/> (its forge and audit trail) and its ledger begun (an expired token stops the run here).</summary>
    private static async Task<RunContext> StartAsync(RunContext context, RunTools tools, RunTokenChoice choice, CancellationToken cancellationToken)
    {
        context = context with { Forge = tools.Forges.For(choice.Credentials), Token = choice.Token, Audit = context.Audit.WithToken(choice.Fingerprint) };
        var ledger = new RunTokenLedger(context.Env, context.State, choice, context.Target.FullName, context.Audit);
        tools.Ledgers.Add(ledger);
        await ledger.BeginAsync(cancellationToken).ConfigureAwait(false);
        return context;
    }

    private static async Task<int> PublishAsync(RunContext context, GitRepository git, RunCheckedOut checkout, RunTokenLedger ledger, CancellationToken cancellationToken)
    {
        var (env, request) = (context.Env, context.Request);
        var (workspace, settings, baseSha, defaultBranch) = (checkout.Workspace, checkout.Settings, checkout.BaseSha, checkout.DefaultBranch);
        var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
        var plans = await PlanCommand.PlanScopesAsync(env, context.Logging, workspace, mode, request.SecretsDirectory, false, cancellationToken, TagCache(context)).ConfigureAwait(false);
        var results = new List<(PublishSettings Settings, Plan Plan, Outcome Outcome)>();
        foreach (var plan in plans)
        {
            var scopeSettings = mode.Scopes.Count == 1 ? settings : PublishSettings.From(workspace.Config, plan.Scope.Automation, true, context.Target.FullName, defaultBranch);
            var (scopePlan, scopeBase) = scopeSettings.BaseBranch == settings.BaseBranch
                ? (plan, baseSha)
                : await PlanOnItsBaseAsync(context, git, plan.Scope, scopeSettings.BaseBranch, defaultBranch, cancellationToken).ConfigureAwait(false);
            if (await PublishScopeAsync(context, git, ledger, scopePlan, scopeSettings with { PlannedBaseSha = scopeBase }, cancellationToken).ConfigureAwait(false) is { } result)
            {
                results.Add(result);
            }
        }
        if (request.Output == "json" && env.Error is LineRecorder recorder)
        {
            var errors = recorder.LinesStartingWith("tidemark: error: ");
            await RunRenderer.WriteJsonAsync(env.Out, context.Target.FullName, request.DryRun, mode, results, recorder.LinesStartingWith("tidemark: warning: "), errors).ConfigureAwait(false);
        }
        return results.Any(r => r.Plan.HasErrors) ? ExitCodes.Failed : ExitCodes.Success;
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
        var plans = await PlanCommand.PlanScopesAsync(context.Env, context.Logging, workspace, mode, context.Request.SecretsDirectory, false, cancellationToken, TagCache(context), [same]).ConfigureAwait(false);
        return (plans[0], baseSha);
    }

    /// <summary>Tag listings through the state store's cache (TTL <c>--cache-ttl</c>, default 10 minutes), each listing audited.</summary>
    private static Func<ITagSource, ITagSource> TagCache(RunContext context)
    {
        var ttl = context.Request.CacheTtl ?? TimeSpan.FromMinutes(10);
        var refresh = context.Request.Refresh || ttl == TimeSpan.Zero;
        return registry => new CachedTagSource(new AuditedTagSource(registry, context.Audit.WithToken(null)), context.State.TagCacheReader, context.State.TagCacheWriter, ttl, refresh);
    }

    /// <summary>Publishes one scope's plan (one Flux automation's branch and pull request) and says what it did; null for a suspended automation.</summary>
    private static async Task<(PublishSettings, Plan, Outcome)?> PublishScopeAsync(RunContext context, GitRepository git, RunTokenLedger ledger, Plan plan, PublishSettings settings, CancellationToken cancellationToken)
    {
        var env = context.Env;
        var json = context.Request.Output == "json";
        if (plan.Scope.Automation is { Suspended: true } suspended)
        {
            var line = $"{plan.Scope.Name}: suspended (spec.suspend: true at {suspended.Place.File}:{suspended.Place.Line}); nothing published";
            await (json ? env.Error.WriteLineAsync("tidemark: warning: " + line) : env.Out.WriteLineAsync(line)).ConfigureAwait(false);
            return null;
        }
        var publisher = new Publisher(git, context.Forge, context.State, context.Audit);
        var publish = settings with
        {
            DryRun = context.Request.DryRun, LockOwner = context.LockOwner, LockLease = LockLease, LockWait = LockWait,
        };
        var outcome = await publisher.PublishAsync(plan, publish, cancellationToken).ConfigureAwait(false);
        await ledger.CommentAsync(context.Forge, publish, cancellationToken).ConfigureAwait(false);
        var scopeLine = plan.Scope.Automation is null ? null : $"{plan.Scope.Name} (path {plan.Scope.DisplayPath})";
        await RunRenderer.WriteAsync(json ? TextWriter.Null : env.Out, env.Error, publish, plan, outcome, scopeLine).ConfigureAwait(false);
        return (publish, plan, outcome);
    }

    private static AuditTrail AuditFor(StateStore state, ILoggerFactory logging, RunTokenChoice choice, string runId) =>
        new(state.AuditWriter, choice.Fingerprint, logging.CreateLogger("Tidemark.Audit"), runId);

    /// <summary>
    /// The git executable: <c>TIDEMARK_GIT</c> when set (an absolute path, e.g. a wrapper that logs or a git outside
    /// PATH), else <c>git</c> as PATH finds it.
    /// </summary>
    internal static string GitExecutable(CliEnvironment env)
    {
        if (env.Variable("TIDEMARK_GIT") is not { Length: > 0 } path)
        {
            return "git";
        }

        return Path.IsPathFullyQualified(path) && File.Exists(path)
            ? path
            : throw new ConfigurationException($"TIDEMARK_GIT={path}: no such file; set it to the absolute path of a git executable, or unset it to use git from PATH");
    }

    /// <summary>Git, forge and state failures are the work failing (exit 1); their messages are already written for people.</summary>
    private static async Task<int> Failures(CliEnvironment env, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (RunNotRecordedException e)
        {
            await env.Error.WriteLineAsync($"tidemark: error: {e.Message}").ConfigureAwait(false);
            await env.Error.WriteLineAsync($"tidemark: {e.InnerException!.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is GitException or ForgeException or RepositoryLockedException or NoWorkingTokenException)
        {
            await env.Error.WriteLineAsync($"tidemark: {e.Message}{Doctor.DoctorHints.Suffix(e)}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
