using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// The Publisher driven directly, laid out exactly as `tidemark run --work-dir ROOT/work` lays out its folders (so a
/// CLI run can continue from it), with a git runner whose observer records every git process started.
/// </summary>
internal sealed class PublisherHarness
{
    private PublisherHarness(GitRepository git, StateStore state, Plan plan, PublishSettings settings)
    {
        Git = git;
        State = state;
        Plan = plan;
        Settings = settings;
    }

    public GitRepository Git { get; }

    public StateStore State { get; }

    public Plan Plan { get; }

    public PublishSettings Settings { get; }

    /// <param name="observer">Sees each git invocation before it starts; throwing there kills the run at that point.</param>
    public static async Task<PublisherHarness> CreateAsync(RunScene scene, List<GitInvocation> invocations, Action<GitInvocation>? observer = null)
    {
        var redactor = new Redactor();
        redactor.Register(scene.Token);
        var runner = new GitRunner(new GitRunnerOptions(Path.Combine(scene.WorkDir, ".home")), redactor, NullLogger<GitRunner>.Instance, invocation =>
        {
            invocations.Add(invocation);
            observer?.Invoke(invocation);
        });
        var remote = new GitRemote(scene.RemoteUrl, scene.Repository.FullName);
        var git = await GitRepository.CloneAsync(runner, remote, Path.Combine(scene.WorkDir, "repo"), "main", scene.Token, TimeProvider.System, CancellationToken.None);
        var heads = await git.FetchAsync("main", RunScene.UpdateBranch, CancellationToken.None);
        await git.CheckoutAsync(heads.BaseSha, CancellationToken.None);
        var operatorConfig = scene.OperatorConfig is null ? null : new FileInfo(scene.OperatorConfig);
        var config = await ConfigFiles.LoadAsync(operatorConfig, git.Directory, _ => Task.CompletedTask, CancellationToken.None);
        var workspace = Workspace.Load(git.Directory, config);
        var planning = new PlanningHost(TimeProvider.System, NullLoggerFactory.Instance, new Redactor(), null);
        var plan = await ScopePlanning.PlanFirstAsync(planning, workspace, Path.Combine(scene.Root, "no-secrets"), false, CancellationToken.None);
        Directory.CreateDirectory(Path.GetDirectoryName(scene.StatePath)!);
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(scene.StatePath), TimeProvider.System, redactor, CancellationToken.None);
        var settings = PublishSettings.From(config, workspace.Flux, scene.Repository.FullName, "main") with { PlannedBaseSha = heads.BaseSha };
        return new PublisherHarness(git, state, plan, settings);
    }

    /// <summary>Publishes under a lease taken for the call, as a run holds one for its whole length.</summary>
    public Task<Outcome> PublishAsync(IForge forge) => PublishAsync(forge, State);

    /// <inheritdoc cref="PublishAsync(IForge)"/>
    public async Task<Outcome> PublishAsync(IForge forge, StateStore state)
    {
        var lease = await state.Locks.AcquireAsync(Settings.Repository, LeaseOwner.For("test"), TimeSpan.FromMinutes(15), TimeSpan.Zero, CancellationToken.None);
        try
        {
            return await new Publisher(Git, forge, state).PublishAsync(Plan, Settings, lease, CancellationToken.None);
        }
        finally
        {
            await state.Locks.ReleaseAsync(lease, CancellationToken.None);
        }
    }
}
