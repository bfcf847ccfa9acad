using System.Text;
using System.Text.Json;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Cli;

/// <summary>
/// A repository that pins its images with Renovate's <c># renovate:</c> comment annotations (a Talos config, a
/// <c>.env</c> file with CRLF line ends) planned and written end to end against the real local registry.
/// </summary>
public sealed class RenovateAnnotationPlanTests(RenovateAnnotationPlanTests.Registry fixture) : IClassFixture<RenovateAnnotationPlanTests.Registry>, IDisposable
{
    private readonly string repo = Directory.CreateTempSubdirectory("tidemark-renovate-").FullName;

    public sealed class Registry : IAsyncLifetime
    {
        public LocalRegistry Local { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Local = await LocalRegistry.StartAnonymousAsync();
            await Local.PushTagsAsync("siderolabs/installer", ["v1.8.1", "v1.8.3", "v1.9.0", "v2.0.0"]);
            await Local.PushTagsAsync("o/app", ["1.2.3", "1.2.4", "1.3.0", "2.0.0"]);
        }

        public async Task DisposeAsync() => await Local.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(repo, recursive: true);

    [Fact]
    public async Task PlanWrite_AnnotatedValues_AreUpdatedInPlaceAndTheOtherDatasourcesAreListedAsSkipped()
    {
        var host = fixture.Local.Host;
        var talos = Write("talos/talconfig.yaml", $"# renovate: datasource=docker depName={host}/siderolabs/installer\ntalosVersion: v1.8.1\n# renovate: datasource=github-releases depName=siderolabs/talos\nkubernetesVersion: v1.31.1\n");
        var env = Write("apps/versions.env", $"# renovate: datasource=docker depName={host}/o/app\r\nAPP_VERSION=1.2.3\r\nOTHER=1\r\n");

        var refs = await CliRun.RunAsync("refs", "--repo", repo, "--output", "json");
        var plan = await CliRun.RunAsync("plan", "--repo", repo, "--write", "--output", "json");
        var again = await CliRun.RunAsync("plan", "--repo", repo, "--output", "json");

        Assert.True(refs.ExitCode == 0, refs.Error);
        var references = JsonDocument.Parse(refs.Out).RootElement.GetProperty("references").EnumerateArray().ToList();
        Assert.Equal(2, references.Count);
        Assert.All(references, r => Assert.Equal("renovate-annotation", r.GetProperty("kind").GetString()));
        var skipped = Assert.Single(JsonDocument.Parse(refs.Out).RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Contains("datasource=github-releases is not a container image", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);

        Assert.True(plan.ExitCode == 0, plan.Error + plan.Out);
        var changes = JsonDocument.Parse(plan.Out).RootElement.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("image").GetString()!, c => (From: c.GetProperty("from").GetString(), To: c.GetProperty("to").GetString()));
        Assert.Equal(("v1.8.1", "v1.9.0"), changes[$"{host}/siderolabs/installer"]);
        Assert.Equal(("1.2.3", "1.3.0"), changes[$"{host}/o/app"]);
        Assert.Equal($"# renovate: datasource=docker depName={host}/siderolabs/installer\ntalosVersion: v1.9.0\n# renovate: datasource=github-releases depName=siderolabs/talos\nkubernetesVersion: v1.31.1\n", await File.ReadAllTextAsync(talos));
        Assert.Equal(Encoding.UTF8.GetBytes($"# renovate: datasource=docker depName={host}/o/app\r\nAPP_VERSION=1.3.0\r\nOTHER=1\r\n"), await File.ReadAllBytesAsync(env));

        Assert.Equal(0, again.ExitCode);
        Assert.Empty(JsonDocument.Parse(again.Out).RootElement.GetProperty("changes").EnumerateArray());
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
