using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests;

namespace Tidemark.Tests.Automation;

public sealed class ReferenceBinderTests
{
    private const string Flux = """
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata: {name: app, namespace: flux-system}
        spec: {image: ghcr.io/acme/app}
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata: {name: app, namespace: flux-system}
        spec:
          imageRepositoryRef: {name: app}
          policy: {semver: {range: "^1.2"}}
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata: {name: other, namespace: apps}
        spec:
          imageRepositoryRef: {name: app, namespace: flux-system}
          policy: {semver: {range: "^1.2"}}
        """;

    [Fact]
    public void Bind_MarkerNamingAPolicy_UsesThePolicyAndItsRepository()
    {
        var binding = Bind("image: ghcr.io/acme/app:1.2.0 # {\"$imagepolicy\": \"flux-system:app\"}\n");

        var reference = Assert.Single(binding.References);
        Assert.Equal("semver:^1.2", reference.Policy.Text);
        Assert.Equal("ImagePolicy flux-system:app", reference.Origin);
        Assert.Equal(("ghcr.io/acme/app", "1.2.0"), (reference.Image.Name, reference.Image.Tag));
    }

    [Fact]
    public void Bind_TagMarkerInHelmValues_TakesTheImageFromTheImageRepository()
    {
        var binding = Bind("image:\n  tag: 1.2.0 # {\"$imagepolicy\": \"flux-system:app:tag\"}\n", "values.yaml");

        var reference = Assert.Single(binding.References);
        Assert.Equal(("ghcr.io/acme/app", "1.2.0"), (reference.Image.Name, reference.Image.Tag));
    }

    [Fact]
    public void Bind_MarkerNamingAMissingPolicy_IsReportedWithFileLineAndAHint()
    {
        var binding = Bind("image: ghcr.io/acme/app:1.2.0 # {\"$imagepolicy\": \"flux-system:other\"}\n");

        Assert.Empty(binding.References);
        var skipped = Assert.Single(binding.Skipped);
        Assert.Equal(("deploy.yaml", 1), (skipped.File, skipped.Line));
        Assert.Contains("setter marker names ImagePolicy flux-system:other, which does not exist: an ImagePolicy \"other\" exists in namespace apps", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_IgnoreRule_LeavesTheReferenceWithTheRuleAsReason()
    {
        var config = ConfigLoader.Load("version: 1\nrules:\n  - images: [nginx]\n    ignore: true\n", "tidemark.yaml").Config;

        var binding = Bind("containers:\n  - image: nginx:1.25.3\n", config: config);

        Assert.Empty(binding.References);
        Assert.Equal("ignored by the rule at tidemark.yaml:3:5", Assert.Single(binding.Ignored).Reason);
    }

    [Fact]
    public void Bind_RuleWithPolicy_GovernsTheMatchingImage()
    {
        var config = ConfigLoader.Load("version: 1\nrules:\n  - images: [\"docker.io/library/*\"]\n    policy: patch\n", "tidemark.yaml").Config;

        var binding = Bind("containers:\n  - image: nginx:1.25.3\n  - image: quay.io/a/b:1.0.0\n", config: config);

        Assert.Equal(["patch", "non-breaking"], binding.References.Select(r => r.Policy.Text));
        Assert.StartsWith("rule at tidemark.yaml:3:5", binding.References[0].Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_DigestOnlyReference_IsLeftWithAReason()
    {
        var binding = Bind("containers:\n  - image: nginx@sha256:" + new string('a', 64) + "\n");

        Assert.Equal("pinned by digest only; no tag to compare", Assert.Single(binding.Ignored).Reason);
    }

    private static BindingResult Bind(string yaml, string file = "deploy.yaml", TidemarkConfig? config = null)
    {
        var content = file == "deploy.yaml" ? "spec:\n  template:\n    spec:\n" + Indent(yaml, 6) : yaml;
        var sites = FileFindings.Find(content, file, ManifestKinds.All).Sites;
        var flux = FluxObjectReader.Read(Flux, "flux.yaml");
        var binding = ReferenceBinder.Bind(sites, config ?? TidemarkConfig.Default, flux);
        return binding with { Skipped = [.. binding.Skipped.Select(s => s with { Line = s.Line - (file == "deploy.yaml" ? 3 : 0) })] };
    }

    private static string Indent(string text, int spaces) =>
        string.Concat(text.Split('\n').Select(line => line.Length == 0 ? "\n" : new string(' ', spaces) + line + "\n")).TrimEnd('\n') + "\n";
}
