using Tidemark.Forges;
using Tidemark.State;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Run;

/// <summary>A pull request's life past its opening (merged by a person, assignees), a run killed before its commit, and the git processes the CLI starts.</summary>
public sealed class RunLifecycleTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Run_PullRequestMergedByPerson_IsRecordedAsMergedAndANewerTagOpensANewPullRequest()
    {
        await using var registry = await RunFixture.StartRegistryAsync();
        using var scene = await fixture.NewSceneAsync(registry);
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        var first = Assert.Single(scene.Repository.PullRequests);
        await scene.MergeAsPersonAsync(first.Number);
        var writes = scene.RestWrites();

        var afterMerge = await scene.RunAsync();

        Assert.True(afterMerge.ExitCode == 0, afterMerge.Error + afterMerge.Out);
        Assert.Contains("no image to update", afterMerge.Out, StringComparison.Ordinal);
        Assert.Contains($"#{first.Number} was merged into main; recorded as merged; {RunScene.UpdateBranch} deleted", afterMerge.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("declined", afterMerge.Out, StringComparison.Ordinal);
        Assert.Equal(writes + 1, scene.RestWrites()); // the merged update branch deleted, nothing else
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Equal(writes + 1, await RunAgainAndCountWritesAsync(scene));
        Assert.Single(scene.Repository.PullRequests);
        var recorded = await ManagedAsync(scene);
        Assert.Equal(PullRequestState.Merged, recorded!.State);
        Assert.False(recorded.ClosedByPersonWithoutMerge);

        foreach (var name in new[] { "controller", "webhook", "cainjector", "acmesolver" })
        {
            await registry.PushTagsAsync($"jetstack/cert-manager-{name}", ["v1.18.3"]);
        }

        var newer = await scene.RunAsync("--refresh");

        Assert.True(newer.ExitCode == 0, newer.Error + newer.Out);
        Assert.Equal(2, scene.Repository.PullRequests.Count);
        var second = scene.Repository.PullRequests.Single(p => p.State == "open");
        Assert.NotEqual(first.Number, second.Number);
        Assert.Contains("- quay.io/jetstack/cert-manager-controller: v1.18.2 → v1.18.3", second.Body!.Split('\n'));
        Assert.Contains($"created #{second.Number}", newer.Out, StringComparison.Ordinal);
        Assert.Equal(PullRequestState.Open, (await ManagedAsync(scene))!.State);
    }

    private static async Task<int> RunAgainAndCountWritesAsync(RunScene scene)
    {
        var again = await scene.RunAsync();
        Assert.True(again.ExitCode == 0, again.Error + again.Out);
        Assert.DoesNotContain("deleted", again.Out, StringComparison.Ordinal);
        return scene.RestWrites();
    }

    [Fact]
    public async Task Run_AssigneesConfigured_AreAssignedOnceAndReadBack()
    {
        using var scene = await fixture.NewSceneAsync();
        await scene.EditOnMainAsync("tidemark.yaml", "pullRequest:\n", "pullRequest:\n  assignees: [bob]\n");

        var first = await scene.RunAsync();
        var writes = scene.RestWrites();
        var second = await scene.RunAsync();

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.True(second.ExitCode == 0, second.Error + second.Out);
        var pull = Assert.Single(scene.Repository.PullRequests);
        Assert.Equal(["bob"], pull.Assignees);
        Assert.Single(scene.GitHub.Recorder.Exchanges, e => e.Method == "POST" && e.Path == $"/repos/{scene.Repository.FullName}/issues/{pull.Number}/assignees");
        Assert.Equal(writes, scene.RestWrites());
        Assert.Contains($"unchanged #{pull.Number}", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_KilledAfterTheEditsBeforeTheCommit_NextRunOpensOnePullRequestWithTheFullChange()
    {
        using var scene = await fixture.NewSceneAsync();
        var harness = await PublisherHarness.CreateAsync(scene, [], KillAt("commit"));
        using var forge = scene.Forge();
        await Assert.ThrowsAsync<RunKilledException>(() => harness.PublishAsync(forge));
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Empty(scene.Repository.PullRequests);
        Assert.NotEmpty(Lines(Git(harness.Git.Directory, "status", "--porcelain", "--untracked-files=no")));

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var pull = Assert.Single(scene.Repository.PullRequests);
        Assert.Equal(pull.HeadSha, scene.BranchSha(RunScene.UpdateBranch));
        var body = pull.Body!.Split('\n');
        Assert.All(harness.Plan.Changes, c => Assert.Contains($"- {c.Image}: {c.From} → {c.To}", body));
        var changed = Lines(Git(scene.Repository.GitDirectory, "diff", "--name-only", "refs/heads/main", "refs/heads/" + RunScene.UpdateBranch));
        Assert.Equal(harness.Plan.Edits.Select(e => e.File).Order(StringComparer.Ordinal), changed.Order(StringComparer.Ordinal));
        foreach (var edit in harness.Plan.Edits)
        {
            Assert.Equal(edit.Updated, Git(scene.Repository.GitDirectory, "show", $"refs/heads/{RunScene.UpdateBranch}:{edit.File}"));
        }

        Assert.Equal("1", Git(scene.Repository.GitDirectory, "rev-list", "--count", $"refs/heads/main..refs/heads/{RunScene.UpdateBranch}").Trim());
    }

    [Fact]
    public async Task Run_ThroughTheCli_EveryGitProcessIsSeenByAShimAndNoneCarriesTheToken()
    {
        using var scene = await fixture.NewSceneAsync();
        var shimFolder = Path.Combine(scene.Root, "shim");
        Directory.CreateDirectory(shimFolder);
        var log = Path.Combine(shimFolder, "git-argv.log");
        var shim = Path.Combine(shimFolder, "git");
        await ExecutableScript.WriteAsync(shim, $"#!/bin/sh\n{{ echo '@@ git'; for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }} >> '{log}'\nexec '{TestGit.Executable}' \"$@\"\n");

        var run = await scene.RunWithAsync(new Dictionary<string, string> { ["TIDEMARK_GIT"] = shim });

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.NotNull(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Single(scene.Repository.PullRequests);
        Assert.True(File.Exists(log), "the git shim was never started");
        var invocations = (await File.ReadAllTextAsync(log)).Split("@@ git\n", StringSplitOptions.RemoveEmptyEntries).Select(i => i.Split('\n')).ToList();
        var verbs = invocations.Select(i => i[0]).ToList();
        Assert.All(["clone", "fetch", "checkout", "add", "diff", "commit", "push"], verb => Assert.Contains(verb, verbs));
        Assert.All(verbs, verb => Assert.Contains(verb, KnownVerbs));
        Assert.All(invocations.SelectMany(i => i), argument => Assert.DoesNotContain(scene.Token, argument, StringComparison.Ordinal));
        var files = Directory.EnumerateFiles(scene.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
        Assert.Contains(scene.StatePath, files);
        Assert.Contains(log, files);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(scene.Token)) < 0, $"the token was found in {file}");
        }
    }

    [Fact]
    public async Task Run_TidemarkGitNotAFile_IsBadInputNamingTheVariable()
    {
        using var scene = await fixture.NewSceneAsync();

        var run = await scene.RunWithAsync(new Dictionary<string, string> { ["TIDEMARK_GIT"] = Path.Combine(scene.Root, "no-such-git") });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TIDEMARK_GIT=", run.Error, StringComparison.Ordinal);
        Assert.Contains("absolute path of a git executable", run.Error, StringComparison.Ordinal);
        Assert.Empty(scene.Repository.PullRequests);
    }

    [Fact]
    public async Task Run_FluxMessageTemplateWithActions_IsRenderedAsTheCommitMessageWithSignOff()
    {
        using var scene = await fixture.NewSceneAsync(extraConfig: "commit:\n  signOff: true\n");
        const string Template = """
                  messageTemplate: |-
                    chore({{ .AutomationObject.Name }}): update images {{ .Values.ticket }}

                    {{ range $file, $objects := .Changed.FileChanges -}}
                    {{ range $object, $changes := $objects -}}
                    {{ range $changes -}}
                    - {{ $file }} {{ $object.Kind }}/{{ $object.Name }}: {{ .OldValue }} -> {{ .NewValue }}{{ if .Setter }} ({{ .Setter }}){{ end }}
                    {{ end -}}
                    {{ end -}}
                    {{ end -}}
                  messageTemplateValues:
                    ticket: OPS-42
            """;
        await scene.EditOnMainAsync(AutomationFile, "      messageTemplate: \"chore: update cert-manager images\"\n", Template + "\n");

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var commit = scene.HeadCommit(RunScene.UpdateBranch).Split('\n');
        Assert.Equal("chore(cert-manager): update images OPS-42", commit[1]);
        Assert.Equal("", commit[2]);
        Assert.Contains("- infrastructure/cert-manager/deployments.yaml Deployment/cert-manager: quay.io/jetstack/cert-manager-controller:v1.16.2 -> quay.io/jetstack/cert-manager-controller:v1.18.2 (flux-system:cert-manager-controller)", commit);
        Assert.Contains("- infrastructure/cert-manager/deployments.yaml Deployment/cert-manager-webhook: quay.io/jetstack/cert-manager-webhook:v1.16.2 -> quay.io/jetstack/cert-manager-webhook:v1.18.2 (flux-system:cert-manager-webhook)", commit);
        Assert.Contains("Signed-off-by: fluxcdbot <fluxcdbot@users.noreply.github.com>", commit);
        Assert.DoesNotContain(commit, line => line.Contains("{{", StringComparison.Ordinal) || line.Contains("<no value>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_FluxMessageTemplateWithAnUnknownField_ExitsTwoNamingTheFileLineAndPushesNothing()
    {
        using var scene = await fixture.NewSceneAsync();
        await scene.EditOnMainAsync(AutomationFile, "\"chore: update cert-manager images\"", "\"update {{ .Changed.Images }}\"");

        var run = await scene.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("clusters/production/image-automation/cert-manager.yaml:83:32: error: spec.git.commit.messageTemplate:", run.Error, StringComparison.Ordinal);
        Assert.Contains("{{ .Changed.Images }}: can't evaluate field Images in type ResultV2", run.Error, StringComparison.Ordinal);
        Assert.Contains("use .AutomationObject", run.Error, StringComparison.Ordinal);
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Empty(scene.Repository.PullRequests);
    }

    private const string AutomationFile = "clusters/production/image-automation/cert-manager.yaml";

    private static readonly string[] KnownVerbs = ["version", "init", "clone", "fetch", "checkout", "switch", "reset", "clean", "add", "commit", "push", "ls-remote", "rev-parse", "rev-list", "log", "diff", "show", "status", "config", "update-ref", "merge-base", "cat-file"];

    private static Action<Tidemark.Git.GitInvocation> KillAt(string verb) => invocation =>
    {
        if (invocation.Arguments[0] == verb)
        {
            throw new RunKilledException($"the run was killed before git {verb}");
        }
    };

    private static async Task<ManagedPullRequest?> ManagedAsync(RunScene scene)
    {
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(scene.StatePath), TimeProvider.System, new Tidemark.Credentials.Redactor(), CancellationToken.None);
        return await state.PullRequestReader.FindPullRequestAsync(scene.Repository.FullName, RunScene.UpdateBranch, CancellationToken.None);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static string Git(string directory, params string[] arguments) => TestGit.Run(["-C", directory, .. arguments]).Output;

    private sealed class RunKilledException(string message) : Exception(message);
}
