using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Manifests;
using Tidemark.Registries;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Automation;

/// <summary>
/// Flux fidelity, one folder a case under <c>testdata/flux/CASE</c>: <c>original/</c> (manifests, the Flux objects,
/// an optional tidemark.yaml), <c>tags.txt</c> (<c>REPOSITORY TAG…</c> pushed to a real registry standing in for
/// ghcr.io and docker.io) and <c>expected/</c> (the files Flux would change, byte for byte; <c>DIGEST[repo:tag]</c>
/// stands for the pushed digest). Every file not under <c>expected/</c> must stay as it was. Each case's README says
/// which documented Flux behaviour it pins.
/// </summary>
public sealed partial class FluxGoldenTests(FluxGoldenTests.Registry fixture) : IClassFixture<FluxGoldenTests.Registry>
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "testdata", "flux");

    /// <summary>One real registry with every case's tags.</summary>
    public sealed class Registry : IAsyncLifetime
    {
        public LocalRegistry Local { get; private set; } = null!;

        public Dictionary<string, string> Digests { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            Local = await LocalRegistry.StartAnonymousAsync();
            var wanted = Directory.GetDirectories(Root)
                .SelectMany(c => File.ReadAllLines(Path.Combine(c, "tags.txt")))
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(parts => parts.Length > 1)
                .SelectMany(parts => parts.Skip(1).Select(tag => (Repository: parts[0], Tag: tag)))
                .Distinct();
            foreach (var group in wanted.GroupBy(w => w.Repository))
            {
                foreach (var (tag, digest) in await Local.PushTagsAsync(group.Key, group.Select(g => g.Tag)))
                {
                    Digests[$"{group.Key}:{tag}"] = digest;
                }
            }
        }

        public async Task DisposeAsync() => await Local.DisposeAsync();
    }

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Plan_FluxCase_ChangesExactlyWhatFluxChanges(string name)
    {
        var work = CopyOriginal(name);
        try
        {
            var plans = await PlanAsync(work);
            var edited = plans.SelectMany(p => p.Edits).ToDictionary(e => e.File, e => e.Updated, StringComparer.Ordinal);
            var expectedFolder = Path.Combine(Root, name, "expected");
            foreach (var file in Files(Path.Combine(Root, name, "original")))
            {
                var original = File.ReadAllText(Path.Combine(Root, name, "original", file));
                var expected = File.Exists(Path.Combine(expectedFolder, file)) ? WithDigests(File.ReadAllText(Path.Combine(expectedFolder, file))) : original;
                Assert.Equal(expected, edited.GetValueOrDefault(file, original));
            }
            Assert.All(edited.Keys, file => Assert.True(File.Exists(Path.Combine(work, file)), file));
            Assert.All(plans, plan => Assert.Empty(plan.Errors));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<IReadOnlyList<Plan>> PlanAsync(string root)
    {
        var config = File.Exists(Path.Combine(root, ConfigLoader.FileName))
            ? ConfigLoader.Load(await File.ReadAllTextAsync(Path.Combine(root, ConfigLoader.FileName)), ConfigLoader.FileName).Config
            : TidemarkConfig.Default;
        var endpoint = new Uri($"http://{fixture.Local.Host}");
        var place = new SourcePlace("(test)", 0, 0);
        config = config with { Registries = [new RegistryConfig("ghcr.io", false, null, null, endpoint, place), new RegistryConfig("docker.io", false, null, null, endpoint, place)] };
        var workspace = Workspace.Load(root, config, new DiscoveryOptions());
        var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
        using var client = RegistryClient.Create(RegistryOptionsBuilder.Build(config, workspace.Flux, null, Path.Combine(root, "no-secrets")), TimeProvider.System, NullLogger.Instance);
        var planner = new Planner(new MemoizingTagSource(client, CancellationToken.None), client);
        var plans = new List<Plan>();
        foreach (var scope in mode.Scopes)
        {
            plans.Add(await planner.PlanAsync(workspace, mode, scope, false, CancellationToken.None));
        }
        return plans;
    }

    private string WithDigests(string text) =>
        DigestPlaceholder().Replace(text, match => fixture.Digests[match.Groups[1].Value]);

    private static string CopyOriginal(string name)
    {
        var source = Path.Combine(Root, name, "original");
        var target = Path.Combine(Path.GetTempPath(), $"tidemark-flux-{name}-{Guid.NewGuid():N}");
        foreach (var file in Files(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, file))!);
            File.Copy(Path.Combine(source, file), Path.Combine(target, file));
        }
        return target;
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"DIGEST\[([^\]]+)\]")]
    private static partial Regex DigestPlaceholder();
}
