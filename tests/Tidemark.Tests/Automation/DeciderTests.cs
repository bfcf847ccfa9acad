using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests;
using Tidemark.Registries;

namespace Tidemark.Tests.Automation;

public sealed class DeciderTests
{
    private const string Deployments = """
        spec:
          template:
            spec:
              containers:
                - name: controller
                  image: quay.io/jetstack/cert-manager-controller:v1.16.2
                - name: webhook
                  image: quay.io/jetstack/cert-manager-webhook:v1.16.2
                - name: cainjector
                  image: quay.io/jetstack/cert-manager-cainjector:v1.16.2
                - name: web
                  image: nginx:1.25.3
        """;

    private static readonly string[] CertManagerTags = ["v1.16.2", "v1.17.4", "v1.18.2", "v2.0.0"];

    [Fact]
    public void Decide_NoGroups_EachImageMovesToItsOwnBest()
    {
        var decisions = Decide(Deployments, [], Listing("cainjector", "v1.16.2", "v1.17.4"));

        Assert.Equal("v1.18.2", To(decisions, "cert-manager-controller"));
        Assert.Equal("v1.17.4", To(decisions, "cert-manager-cainjector"));
        Assert.Equal("1.27.3", To(decisions, "nginx"));
    }

    [Fact]
    public void Decide_GroupWhereOneMemberLacksTheTag_MovesAllToTheBestCommonTagAndSaysWhy()
    {
        var group = new GroupRule("cert-manager", ["quay.io/jetstack/cert-manager-*"], new SourcePlace("tidemark.yaml", 5, 5));

        var decisions = Decide(Deployments, [group], Listing("cainjector", "v1.16.2", "v1.17.4"));

        Assert.Equal("v1.17.4", To(decisions, "cert-manager-controller"));
        Assert.Equal("v1.17.4", To(decisions, "cert-manager-webhook"));
        Assert.Equal("v1.17.4", To(decisions, "cert-manager-cainjector"));
        var controller = decisions.OfType<Decision.Update>().Single(d => d.Key.Name.EndsWith("cert-manager-controller", StringComparison.Ordinal));
        Assert.Equal("cert-manager", controller.Group);
        Assert.Contains("v1.18.2 is held back: quay.io/jetstack/cert-manager-cainjector has no tag v1.18.2", controller.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GroupWithNoCommonNewerTag_HoldsEveryMember()
    {
        var group = new GroupRule("cert-manager", ["quay.io/jetstack/cert-manager-*"], new SourcePlace("tidemark.yaml", 5, 5));

        var decisions = Decide(Deployments, [group], Listing("cainjector", "v1.16.2"));

        var held = decisions.Where(d => d.Key.Name.Contains("cert-manager", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, held.Count);
        Assert.All(held, d => Assert.IsType<Decision.Keep>(d));
        var controller = (Decision.Keep)held.Single(d => d.Key.Name.EndsWith("controller", StringComparison.Ordinal));
        Assert.Equal("held by group cert-manager: quay.io/jetstack/cert-manager-cainjector has no tag v1.18.2", controller.Reason);
        Assert.Equal("1.27.3", To(decisions, "nginx"));
    }

    [Fact]
    public void Decide_RegistryFailure_KeepsWithTheMessageAsAnError()
    {
        var sites = Sites(Deployments);
        var binding = ReferenceBinder.Bind(sites, TidemarkConfig.Default, FluxObjects.Empty);
        var listings = binding.References.Select(r => r.Image).DistinctBy(i => i.Name).Where(i => !i.Name.Contains("nginx", StringComparison.Ordinal))
            .ToDictionary(i => i.Name, i => new TagListing(new RegistryRepository(i.Registry, i.Repository), CertManagerTags, 0, []));
        var failures = new Dictionary<string, RegistryException> { ["docker.io/library/nginx"] = new(RegistryErrorKind.Unreachable, "cannot reach registry docker.io") };

        var decisions = Decider.Decide(binding.References, listings, failures, [], explain: false);

        var nginx = Assert.IsType<Decision.Keep>(decisions.Single(d => d.Key.Name == "docker.io/library/nginx"));
        Assert.True(nginx.IsError);
        Assert.Equal("cannot reach registry docker.io", nginx.Reason);
    }

    [Fact]
    public void Decide_SameImageInManyPlaces_IsOneDecision()
    {
        const string twice = "containers:\n  - image: nginx:1.25.3\n  - image: nginx:1.25.3\n";

        var decisions = Decide("spec:\n  template:\n    spec:\n      " + twice.Replace("\n", "\n      ", StringComparison.Ordinal), []);

        Assert.Single(decisions);
    }

    private static IReadOnlyList<Decision> Decide(string yaml, IReadOnlyList<GroupRule> groups, params (string Name, string[] Tags)[] overrides)
    {
        var binding = ReferenceBinder.Bind(Sites(yaml), TidemarkConfig.Default, FluxObjects.Empty);
        var listings = new Dictionary<string, TagListing>();
        foreach (var image in binding.References.Select(r => r.Image).DistinctBy(i => i.Name))
        {
            var tags = image.Name.Contains("nginx", StringComparison.Ordinal) ? new[] { "1.25.3", "1.27.3", "2.0.0" } : CertManagerTags;
            var match = overrides.FirstOrDefault(o => image.Name.EndsWith(o.Name, StringComparison.Ordinal));
            listings[image.Name] = new TagListing(new RegistryRepository(image.Registry, image.Repository), match.Tags ?? tags, 0, []);
        }
        return Decider.Decide(binding.References, listings, new Dictionary<string, RegistryException>(), groups, explain: false);
    }

    private static (string, string[]) Listing(string name, params string[] tags) => (name, tags);

    private static IReadOnlyList<ReferenceSite> Sites(string yaml) =>
        FileFindings.Find(yaml, "deploy.yaml", ManifestKinds.All).Sites;

    private static string? To(IReadOnlyList<Decision> decisions, string name) =>
        decisions.OfType<Decision.Update>().SingleOrDefault(d => d.Key.Name.EndsWith(name, StringComparison.Ordinal))?.To;
}
