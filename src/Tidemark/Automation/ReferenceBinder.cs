using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Images;
using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>
/// Binds every found reference to its policy. A setter marker names an ImagePolicy; unlike Flux, a marker that
/// names a policy that does not exist, or one that cannot be used, is reported with file:line, never ignored.
/// Other references take the first matching <c>tidemark.yaml</c> rule, else the default policy.
/// </summary>
internal static class ReferenceBinder
{
    /// <summary>Binds the sites of the whole repository, without Flux scoping (no ImageUpdateAutomation, or a test).</summary>
    public static BindingResult Bind(IReadOnlyList<ReferenceSite> sites, TidemarkConfig config, FluxObjects flux) =>
        Bind(sites, config, flux, new UpdateMode([UpdateScope.Repository], ""), UpdateScope.Repository);

    /// <summary>
    /// Binds the sites that belong to <paramref name="scope"/>, one of <paramref name="mode"/>'s scopes. In a Flux
    /// scope, sites outside its path belong to another scope (or to none: reported once, by the first scope) and an
    /// unmarked site is updated only when <c>tidemark.yaml</c> opts it in.
    /// </summary>
    public static BindingResult Bind(IReadOnlyList<ReferenceSite> sites, TidemarkConfig config, FluxObjects flux, UpdateMode mode, UpdateScope scope)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(scope);
        var references = new List<GovernedReference>();
        var ignored = new List<NotUpdated>();
        var skipped = new List<Skipped>();
        foreach (var site in sites)
        {
            var outcome = FluxScoping.Exclude(site, config, flux, mode, scope)
                ?? (site.Marker is { } marker ? BindMarker(site, marker, flux) : BindPlain(site, config));
            switch (outcome)
            {
                case GovernedReference reference:
                    references.Add(reference);
                    break;
                case NotUpdated notUpdated:
                    ignored.Add(notUpdated);
                    break;
                case Skipped skip:
                    skipped.Add(skip);
                    break;
                case FluxScoping.OtherScope:
                    break;
            }
        }
        return new BindingResult(references, ignored, skipped);
    }

    private static object BindPlain(ReferenceSite site, TidemarkConfig config)
    {
        if (site.Image is not { } image)
        {
            return new Skipped(site.File, site.Line, $"\"{site.Written}\" does not name an image");
        }
        if (site.Floating is { } range)
        {
            var resolver = Resolver(site.Kind);
            return new NotUpdated(image.FamiliarName, range, $"floating: resolved by {resolver} (the {ArtifactNoun(site)} version is the range \"{range}\"; never pinned)", site.File, site.Line);
        }
        var rule = config.RuleFor(image.Name, image.FamiliarName);
        if (rule is { Ignore: true })
        {
            return new NotUpdated(image.FamiliarName, image.Tag, $"ignored by the rule at {rule.Place}", site.File, site.Line);
        }
        if (image.Tag is null)
        {
            return new NotUpdated(image.FamiliarName, null, image.Digest is null ? "no tag to compare (an untagged reference means latest)" : "pinned by digest only; no tag to compare", site.File, site.Line);
        }
        var spec = rule?.Policy ?? config.DefaultPolicy;
        var origin = rule?.Policy is null ? "default policy" : $"rule at {rule.Place}";
        return Resolve(site, image, spec, origin, null);
    }

    /// <summary>Who resolves a floating version where <paramref name="kind"/> finds it: Flux, unless the file is another tool's.</summary>
    private static string Resolver(string kind) => kind switch
    {
        "chart-dependency" => "`helm dependency update`",
        "argocd-application-chart" => "Argo CD",
        "helmfile-release" => "helmfile",
        "helm-values-chart" => "the tool that reads these values",
        _ => "Flux",
    };

    private static string ArtifactNoun(ReferenceSite site) => site.Artifact switch
    {
        ArtifactKind.HelmChart => "chart",
        ArtifactKind.OciArtifact => "artifact",
        _ => "image",
    };

    private static object BindMarker(ReferenceSite site, SetterMarker marker, FluxObjects flux)
    {
        var key = $"{marker.Namespace}:{marker.Name}";
        if (flux.FindPolicy(marker.Namespace, marker.Name) is not { } policy)
        {
            var sameName = flux.Policies.FirstOrDefault(p => p.Name == marker.Name);
            var hint = sameName is null ? "no ImagePolicy with that name was found in the repository" : $"an ImagePolicy \"{marker.Name}\" exists in namespace {sameName.Namespace} ({sameName.Place})";
            return new Skipped(site.File, marker.Line, $"setter marker names ImagePolicy {key}, which does not exist: {hint}");
        }
        if (policy.Policy is null)
        {
            return new Skipped(site.File, marker.Line, $"ImagePolicy {key} at {policy.Place} has no usable policy");
        }
        if (flux.RepositoryOf(policy) is not { } repository || ImageReference.Parse(repository.Image) is not ReferenceParseResult.Parsed parsed)
        {
            return new Skipped(site.File, marker.Line, $"ImagePolicy {key} names ImageRepository {policy.RepositoryNamespace}/{policy.RepositoryName}, which is missing or has an invalid spec.image");
        }
        var current = CurrentOf(site, marker);
        var image = parsed.Reference with { Tag = current.Tag, Digest = current.Digest };
        return Resolve(site, image, policy.Policy, $"ImagePolicy {key}", policy, repository.Image);
    }

    private static (string? Tag, string? Digest) CurrentOf(ReferenceSite site, SetterMarker marker) => marker.Form switch
    {
        MarkerForm.Tag => (site.Image?.Tag ?? site.TargetFor(TargetPart.Tag)?.CurrentText, site.Image?.Digest),
        _ => (site.Image?.Tag, site.Image?.Digest),
    };

    private static object Resolve(ReferenceSite site, ImageReference image, PolicySpec spec, string origin, FluxImagePolicy? flux, string? policyImage = null)
    {
        var resolved = ResolvedPolicy.Resolve(spec);
        if (!resolved.Succeeded)
        {
            return new Skipped(site.File, site.Line, $"the {origin} at {spec.Place} cannot be used: {resolved.Error}");
        }
        return new GovernedReference(site, image, resolved.Value, origin, flux, policyImage);
    }
}
