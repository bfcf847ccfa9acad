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
        var redactor = env.Redactor;
        var sources = await RunToken.SourcesAsync(request, cancellationToken).ConfigureAwait(false);
        var workDir = Path.GetFullPath(request.WorkDir ?? Path.Combine(Directory.GetCurrentDirectory(), "tidemark-work"));
        var runner = new GitRunner(new GitRunnerOptions(Path.Combine(workDir, ".home"), GitExecutable(env)), redactor, logging.CreateLogger<GitRunner>());
        var target = await RunTarget.ResolveAsync(request.Repo, runner, cancellationToken).ConfigureAwait(false);
        var statePath = request.State ?? Path.Combine(Path.GetDirectoryName(workDir) ?? workDir, ".tidemark", "state.db");
        Directory.CreateDirectory(Path.GetDirectoryName(statePath)!);
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(statePath), env.Time, redactor, cancellationToken).ConfigureAwait(false);
        var tokenTarget = new TokenTarget(request.ApiUrl, target.Owner, target.Name);
        using var forges = new ForgePool(env, logging, request.ApiUrl, target.Owner, target.Name);
        var choice = await new RunTokenRotation(env, redactor, state, tokenTarget, forges.For).ChooseAsync(sources, cancellationToken).ConfigureAwait(false);
        var forge = forges.For(choice.Credentials);
        var owner = $"tidemark run pid {Environment.ProcessId} {Guid.NewGuid():N}";
        var lease = await state.Locks.AcquireAsync(target.FullName, owner, LockLease, LockWait, cancellationToken).ConfigureAwait(false);
        var audit = new AuditTrail(state.AuditWriter, choice.Fingerprint, logging.CreateLogger("Tidemark.Audit"));
        var ledger = new RunTokenLedger(env, state, choice, target.FullName, audit);
        try
        {
            await ledger.BeginAsync(cancellationToken).ConfigureAwait(false);
            var context = new RunContext(env, logging, request, target, forge, state, owner, choice.Token, audit);
            return await RunLockedAsync(context, runner, choice.Credentials, ledger, workDir, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await ledger.EndAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await state.Locks.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> RunLockedAsync(RunContext context, GitRunner runner, RunCredentials credentials, RunTokenLedger ledger, string workDir, CancellationToken cancellationToken)
    {
        var (env, request) = (context.Env, context.Request);
        // the default branch from the forge: a single-branch clone keeps no origin/HEAD, and the clone needs a branch
        var defaultBranch = (await context.Forge.GetRepositoryAsync(cancellationToken).ConfigureAwait(false)).DefaultBranch;
        var git = await RunCheckout.PrepareAsync(runner, context, defaultBranch, workDir, credentials.Current, cancellationToken).ConfigureAwait(false);
        var (workspace, settings, baseSha) = await RunCheckout.LoadAsync(git, context, defaultBranch, cancellationToken).ConfigureAwait(false);
        await WarnAboutRepositoryTokenSettingsAsync(context, workspace).ConfigureAwait(false);
        string[] updatePaths = [.. workspace.Config.Paths, .. workspace.Flux.Automations.Select(a => a.UpdatePath).OfType<string>()];
        await RunToken.RequireWorkflowsAsync(credentials, updatePaths, cancellationToken).ConfigureAwait(false);
        await RunToken.EnsureNotLeakedAsync(workspace.Root, context.Token, env.Error, cancellationToken).ConfigureAwait(false);
        var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
        var plans = await PlanCommand.PlanScopesAsync(env, context.Logging, workspace, mode, request.SecretsDirectory, false, cancellationToken, TagCache(context)).ConfigureAwait(false);
        var failed = false;
        foreach (var plan in plans)
        {
            var scopeSettings = mode.Scopes.Count == 1 ? settings : PublishSettings.From(workspace.Config, plan.Scope.Automation, true, context.Target.FullName, defaultBranch);
            var (scopePlan, scopeBase) = scopeSettings.BaseBranch == settings.BaseBranch
                ? (plan, baseSha)
                : await PlanOnItsBaseAsync(context, git, plan.Scope, scopeSettings.BaseBranch, defaultBranch, cancellationToken).ConfigureAwait(false);
            failed |= await PublishScopeAsync(context, git, ledger, scopePlan, scopeSettings with { PlannedBaseSha = scopeBase }, cancellationToken).ConfigureAwait(false);
        }
        return failed ? ExitCodes.Failed : ExitCodes.Success;
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

    /// <summary>Publishes one scope's plan (one Flux automation's branch and pull request); true when it had errors.</summary>
    private static async Task<bool> PublishScopeAsync(RunContext context, GitRepository git, RunTokenLedger ledger, Plan plan, PublishSettings settings, CancellationToken cancellationToken)
    {
        var env = context.Env;
        if (plan.Scope.Automation is { Suspended: true } suspended)
        {
            await env.Out.WriteLineAsync($"{plan.Scope.Name}: suspended (spec.suspend: true at {suspended.Place.File}:{suspended.Place.Line}); nothing published").ConfigureAwait(false);
            return false;
        }
        var publisher = new Publisher(git, context.Forge, context.State, context.Audit);
        var publish = settings with
        {
            DryRun = context.Request.DryRun, LockOwner = context.LockOwner, LockLease = LockLease, LockWait = LockWait,
        };
        var outcome = await publisher.PublishAsync(plan, publish, cancellationToken).ConfigureAwait(false);
        await ledger.CommentAsync(context.Forge, publish, cancellationToken).ConfigureAwait(false);
        var scopeLine = plan.Scope.Automation is null ? null : $"{plan.Scope.Name} (path {plan.Scope.DisplayPath})";
        await RunRenderer.WriteAsync(env.Out, env.Error, publish, plan, outcome, scopeLine).ConfigureAwait(false);
        return plan.HasErrors;
    }

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

    /// <summary>Token settings in the repository's own tidemark.yaml are not used (see <see cref="RunToken.SourcesAsync"/>); say so.</summary>
    private static async Task WarnAboutRepositoryTokenSettingsAsync(RunContext context, Automation.Workspace workspace)
    {
        var github = workspace.Config.GitHub;
        if (context.Request.Config is null && (github.Token is not null || github.NextToken is not null))
        {
            await context.Env.Error.WriteLineAsync($"tidemark: warning: {workspace.Config.Source}: github.token and github.nextToken are read only from the file given with --config (the repository's own tidemark.yaml is read after cloning with the token); these are ignored").ConfigureAwait(false);
        }
    }

    /// <summary>Git, forge and state failures are the work failing (exit 1); their messages are already written for people.</summary>
    private static async Task<int> Failures(CliEnvironment env, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception e) when (e is GitException or ForgeException or RepositoryLockedException or StateStoreException)
        {
            await env.Error.WriteLineAsync($"tidemark: {e.Message}{Doctor.DoctorHints.Suffix(e)}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
