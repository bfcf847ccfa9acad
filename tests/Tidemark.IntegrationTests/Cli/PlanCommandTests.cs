using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Tidemark.Testing;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Cli;

public sealed class PlanCommandTests(PlanCommandTests.Registry fixture) : IClassFixture<PlanCommandTests.Registry>, IDisposable
{
    private readonly string repo = fixture.CopyExamples();

    /// <summary>The operator's --config (outside the repository): the registries sent to the local registry.</summary>
    private readonly string config = ExampleRepository.WriteOperatorConfig(Path.Combine(Path.GetTempPath(), $"tidemark-operator-{Guid.NewGuid():N}.yaml"), fixture.Local.Host);

    /// <summary>A real registry standing in for quay.io, ghcr.io and docker.io, with the example's tags.</summary>
    public sealed class Registry : IAsyncLifetime
    {
        public LocalRegistry Local { get; private set; } = null!;

        public IReadOnlyDictionary<string, string> PinnedDigests { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Local = await LocalRegistry.StartAnonymousAsync();
            foreach (var name in new[] { "controller", "webhook", "cainjector", "acmesolver" })
            {
                await Local.PushTagsAsync($"jetstack/cert-manager-{name}", ["v1.16.2", "v1.17.4", "v1.18.2", "v1.19.0-alpha.1", "v2.0.0"]);
            }
            await Local.PushTagsAsync("stefanprodan/podinfo", ["6.7.0", "6.9.1", "7.0.0"]);
            await Local.PushTagsAsync("library/nginx", ["1.25.3", "1.25.3-alpine", "1.27.3", "1.27.3-alpine"]);
            await Local.PushTagsAsync("library/busybox", ["1.36.1", "1.37.0"]);
            await Local.PushTagsAsync("bitnami/redis", ["7.2.4", "7.4.1", "8.0.0"]);
            await Local.PushTagsAsync("held/a", ["1.0.0", "1.1.0", "1.2.0"]);
            await Local.PushTagsAsync("held/b", ["1.0.0", "1.1.0"]);
            PinnedDigests = await Local.PushTagsAsync("pinned/app", ["1.0.0", "1.1.0"]);
        }

        public async Task DisposeAsync() => await Local.DisposeAsync();

        public string CopyExamples() => ExampleRepository.Copy();
    }

    public void Dispose()
    {
        Directory.Delete(repo, recursive: true);
        File.Delete(config);
    }

    [Fact]
    public async Task Refs_Examples_FindsEveryKindWithItsPolicy()
    {
        var run = await CliRun.RunAsync("refs", "--repo", repo, "--config", config, "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var references = json.GetProperty("references").EnumerateArray().ToList();
        Assert.Equal(9, references.Count);
        Assert.Equal(["embedded", "flux-setter", "helm-values", "helmrelease", "kubernetes", "kustomize"], references.Select(r => r.GetProperty("kind").GetString()).Distinct().Order(StringComparer.Ordinal));
        var controller = references.Single(r => r.GetProperty("repository").GetString() == "jetstack/cert-manager-controller");
        Assert.Equal(("infrastructure/cert-manager/deployments.yaml", 18, "quay.io", "v1.16.2", "semver:>=1.16.0 <2.0.0"),
            (controller.GetProperty("file").GetString(), controller.GetProperty("line").GetInt32(), controller.GetProperty("registry").GetString(), controller.GetProperty("tag").GetString(), controller.GetProperty("policy").GetString()));
        // The example's redis HelmRelease floats (no chart version) and names a HelmRepository the repository does not hold.
        var skipped = Assert.Single(json.GetProperty("skipped").EnumerateArray());
        Assert.Equal(("apps/redis/helmrelease.yaml", 10), (skipped.GetProperty("file").GetString(), skipped.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Plan_Examples_ProposesTheGroupAndEveryOtherChangeAndTouchesNothing()
    {
        var before = Fingerprint(repo);

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(before, Fingerprint(repo));
        var json = JsonDocument.Parse(run.Out).RootElement;
        var changes = json.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("image").GetString() + " " + c.GetProperty("from").GetString(), c => c);
        var controller = changes["quay.io/jetstack/cert-manager-controller v1.16.2"];
        Assert.Equal(("v1.18.2", "cert-manager"), (controller.GetProperty("to").GetString(), controller.GetProperty("group").GetString()));
        Assert.Equal("infrastructure/cert-manager/deployments.yaml", controller.GetProperty("files")[0].GetProperty("file").GetString());
        Assert.Equal("v1.18.2", changes["quay.io/jetstack/cert-manager-acmesolver v1.16.2"].GetProperty("to").GetString());
        Assert.Equal("6.9.1", changes["ghcr.io/stefanprodan/podinfo 6.7.0"].GetProperty("to").GetString());
        Assert.Equal("1.27.3-alpine", changes["nginx 1.25.3-alpine"].GetProperty("to").GetString());
        Assert.Equal("7.4.1", changes["bitnami/redis 7.2.4"].GetProperty("to").GetString());
        Assert.Equal("8.0.0", changes["bitnami/redis 7.2.4"].GetProperty("heldBack").GetString());
        Assert.Equal(JsonValueKind.Null, changes["nginx 1.25.3-alpine"].GetProperty("heldBack").ValueKind);
        Assert.Empty(json.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData("refs", "refs-examples.txt")]
    [InlineData("plan", "plan-examples.txt")]
    public async Task Command_OutputToAPipe_IsPlainTextByteForByte(string command, string golden)
    {
        var run = await CliRun.RunAsync(command, "--repo", repo, "--config", config);

        Assert.Equal(0, run.ExitCode);
        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "testdata", "cli", golden));
        Assert.Equal(expected, run.Out.Replace(fixture.Local.Host, "REGISTRY", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Out.Split('\n'), line => line.EndsWith(' ') || line.Contains('─'));
        Assert.False(run.Out.StartsWith('\n'), "no leading blank line");
    }

    [Fact]
    public async Task Plan_Explain_ListsTagsInVersionOrderAndSaysWhereThePolicyComesFrom()
    {
        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--explain", "--output", "json");

        var explain = JsonDocument.Parse(run.Out).RootElement.GetProperty("explain").EnumerateArray().ToList();
        var controller = explain.Single(e => e.GetProperty("image").GetString() == "quay.io/jetstack/cert-manager-controller");
        Assert.Equal(["v1.16.2", "v1.17.4", "v1.18.2", "v1.19.0-alpha.1", "v2.0.0"], controller.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("tag").GetString()));
        Assert.StartsWith("from clusters/production/image-automation/cert-manager.yaml:", controller.GetProperty("policyFrom").GetString(), StringComparison.Ordinal);
        Assert.Equal("from tidemark.yaml:5:16", explain.Single(e => e.GetProperty("image").GetString() == "docker.io/bitnami/redis").GetProperty("policyFrom").GetString()); // defaultPolicy
        Assert.StartsWith("from tidemark.yaml:", explain.Single(e => e.GetProperty("image").GetString() == "ghcr.io/stefanprodan/podinfo").GetProperty("policyFrom").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Write_AppliesTheEditsAndASecondPlanHasNothingToDo()
    {
        var before = await File.ReadAllBytesAsync(Path.Combine(repo, "apps/podinfo/deployment.yaml"));

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--write");
        var again = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--write", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("tidemark: wrote infrastructure/cert-manager/deployments.yaml", run.Error.Split('\n'));
        var after = await File.ReadAllTextAsync(Path.Combine(repo, "apps/podinfo/deployment.yaml"));
        Assert.Contains("ghcr.io/stefanprodan/podinfo:6.9.1", after, StringComparison.Ordinal);
        Assert.Equal(before.Length, System.Text.Encoding.UTF8.GetByteCount(after));
        Assert.Equal(0, again.ExitCode);
        Assert.Empty(JsonDocument.Parse(again.Out).RootElement.GetProperty("changes").EnumerateArray());
        Assert.DoesNotContain("wrote", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Diff_AppliesWithGitApplyAndLeavesNothingToDo()
    {
        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "diff");
        Assert.Equal(0, run.ExitCode);
        var patch = Path.Combine(repo, "..", Path.GetFileName(repo) + ".patch");
        await File.WriteAllTextAsync(patch, run.Out);

        Git(repo, "init", "-q");
        Git(repo, "apply", "--check", patch);
        Git(repo, "apply", patch);
        File.Delete(patch);
        Directory.Delete(Path.Combine(repo, ".git"), recursive: true);

        var again = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "json");
        Assert.Empty(JsonDocument.Parse(again.Out).RootElement.GetProperty("changes").EnumerateArray());
        Assert.Contains("image: quay.io/jetstack/cert-manager-controller:v1.18.2 # {\"$imagepolicy\": \"flux-system:cert-manager-controller\"}", await File.ReadAllTextAsync(Path.Combine(repo, "infrastructure/cert-manager/deployments.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_GroupMemberWithoutTheNewestTag_HoldsTheGroupAtTheCommonTag()
    {
        WriteApp($"containers:\n  - image: {fixture.Local.Host}/held/a:1.0.0\n  - image: {fixture.Local.Host}/held/b:1.0.0\n");
        EditConfig("groups:\n", "groups:\n  - name: held\n    images: [\"**/held/*\"]\n");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "json");

        var changes = JsonDocument.Parse(run.Out).RootElement.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("image").GetString()!.Contains("held/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal("1.1.0", c.GetProperty("to").GetString()));
        Assert.Contains("1.2.0 is held back: " + fixture.Local.Host + "/held/b has no tag 1.2.0", changes[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_DigestPinnedReference_MovesToTheNewTagWithItsDigest()
    {
        WriteApp($"containers:\n  - image: {fixture.Local.Host}/pinned/app:1.0.0@{fixture.PinnedDigests["1.0.0"]}\n");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "diff");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var expected = $"+        - image: {fixture.Local.Host}/pinned/app:1.1.0@{fixture.PinnedDigests["1.1.0"]}";
        Assert.True(run.Out.Contains(expected, StringComparison.Ordinal), $"expected {expected} in:\n{run.Out}");
    }

    [Fact]
    public async Task Plan_MarkerNamingAMissingPolicy_IsReportedNotIgnored()
    {
        WriteApp("containers:\n  - image: quay.io/jetstack/cert-manager-controller:v1.16.2 # {\"$imagepolicy\": \"apps:cert-manager\"}\n");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "json");

        var skipped = JsonDocument.Parse(run.Out).RootElement.GetProperty("skipped").EnumerateArray().Single(s => s.GetProperty("file").GetString() != "apps/redis/helmrelease.yaml");
        Assert.Equal("apps/app/deploy.yaml", skipped.GetProperty("file").GetString());
        Assert.Contains("setter marker names ImagePolicy apps:cert-manager, which does not exist", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_DiffWithAFailedImage_SaysOnStandardErrorWhatTheDiffLeavesOut()
    {
        WriteApp($"containers:\n  - image: 127.0.0.1:{Tidemark.Testing.Ports.Free()}/gone/app:1.0.0\n");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "diff");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("diff --git ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("gone/app", run.Out, StringComparison.Ordinal);
        Assert.Contains("tidemark: error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("gone/app", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnreachableRegistryForOneImage_ExitsOneAndStillPlansTheRest()
    {
        WriteApp($"containers:\n  - image: 127.0.0.1:{Tidemark.Testing.Ports.Free()}/gone/app:1.0.0\n");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "json");

        Assert.Equal(1, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Contains("gone/app", json.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(json.GetProperty("changes").EnumerateArray());
        var failed = Assert.Single(json.GetProperty("failed").EnumerateArray());
        Assert.EndsWith("/gone/app", failed.GetProperty("image").GetString(), StringComparison.Ordinal);
        Assert.Equal("unreachable", failed.GetProperty("kind").GetString());
        Assert.StartsWith("127.0.0.1:", failed.GetProperty("registry").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(json.GetProperty("unchanged").EnumerateArray(), u => u.GetProperty("image").GetString()!.Contains("gone/app", StringComparison.Ordinal));
        Assert.Single(run.Error.Split('\n'), line => line.StartsWith("tidemark: ", StringComparison.Ordinal) && line.Contains("gone/app", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_EveryRegistryFails_SaysSoFirstAndNeverThatImagesAreUpToDate()
    {
        var dead = $"127.0.0.1:{Tidemark.Testing.Ports.Free()}";
        await File.WriteAllTextAsync(Path.Combine(repo, "tidemark.yaml"), "version: 1\nunmarked:\n  update: true\n");
        ExampleRepository.WriteOperatorConfig(config, dead);

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("8 images could not be checked: quay.io (4, unreachable), docker.io (3, unreachable), ghcr.io (1, unreachable)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("up to date", run.Out, StringComparison.Ordinal);
        Assert.Contains("No changes among the images that were checked (8 could not be).", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot reach", run.Out, StringComparison.Ordinal);
        Assert.Contains("tidemark: error: cannot reach registry quay.io", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refs_OperatorFileSetsRules_ItsRulesReplaceTheRepositorysAndTheRestComesFromTheRepository()
    {
        ExampleRepository.WriteOperatorConfig(config, fixture.Local.Host, "rules:\n  - images: [\"ghcr.io/stefanprodan/podinfo\"]\n    policy: patch\n");

        var run = await CliRun.RunAsync("refs", "--repo", repo, "--config", config, "--output", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var references = JsonDocument.Parse(run.Out).RootElement.GetProperty("references").EnumerateArray().ToList();
        string PolicyOf(string repository) => references.First(r => r.GetProperty("repository").GetString() == repository).GetProperty("policy").GetString()!;
        Assert.Equal("patch", PolicyOf("stefanprodan/podinfo")); // the operator's rule, not the repository's semver:^6.7
        Assert.Equal("non-breaking", PolicyOf("bitnami/redis")); // the repository's defaultPolicy
    }

    [Fact]
    public async Task Plan_BrokenConfiguration_ExitsTwoWithFileLineAndField()
    {
        EditConfig("defaultPolicy: non-breaking", "defaultPolicy: newest");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"tidemark\.yaml:\d+:16: error \(repository file\): defaultPolicy: ", run.Error);
    }

    private void EditConfig(string find, string replace)
    {
        var path = Path.Combine(repo, "tidemark.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private void WriteApp(string containers)
    {
        var folder = Path.Combine(repo, "apps", "app");
        Directory.CreateDirectory(folder);
        var indented = string.Join('\n', containers.TrimEnd('\n').Split('\n').Select(l => "      " + l));
        File.WriteAllText(Path.Combine(folder, "deploy.yaml"), $"apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n{indented}\n");
    }

    private static string Fingerprint(string folder) => string.Join('\n', Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => f + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
    }
}
