using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tidemark.Configuration.Flux;

/// <summary>
/// Reads Flux <c>ImageRepository</c>, <c>ImagePolicy</c> and <c>ImageUpdateAutomation</c> objects from one
/// file's text (pure: the caller reads the file). Field layouts of v1beta1, v1beta2 and v1 are accepted; the
/// namespace defaults to <c>flux-system</c>, where <c>flux bootstrap</c> puts them. Also warns about committed,
/// unencrypted registry Secrets, which Tidemark never uses.
/// </summary>
internal static class FluxObjectReader
{
    public const string ApiGroup = "image.toolkit.fluxcd.io/";
    public const string DefaultNamespace = "flux-system";

    /// <summary>A cheap screen before parsing: only files that mention Flux's API group or a Secret.</summary>
    public static bool MightContain(string content) =>
        content.Contains(ApiGroup, StringComparison.Ordinal) || content.Contains("dockerconfigjson", StringComparison.Ordinal);

    public static FluxObjects Read(string content, string file)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        if (Manifests.Yaml.YamlNesting.TooDeep(content) is not null)
        {
            return FluxObjects.Empty; // reported by discovery, which skips such files with the reason
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException)
        {
            return FluxObjects.Empty; // reported by discovery, which skips unparsable files with a reason
        }
        var objects = new Builder(file, diagnostics);
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root)
            {
                objects.Add(new YamlMap(root, file, "", diagnostics));
            }
        }
        return objects.Build();
    }

    private sealed class Builder(string file, List<ConfigDiagnostic> diagnostics)
    {
        private readonly List<FluxImageRepository> repositories = [];
        private readonly List<FluxImagePolicy> policies = [];
        private readonly List<FluxImageUpdateAutomation> automations = [];

        public void Add(YamlMap root)
        {
            var apiVersion = root.String("apiVersion") ?? "";
            var kind = root.String("kind");
            if (kind == "Secret")
            {
                WarnAboutSecret(root);
                return;
            }
            if (!apiVersion.StartsWith(ApiGroup, StringComparison.Ordinal))
            {
                return;
            }
            var metadata = root.Map("metadata");
            var name = metadata?.String("name");
            var ns = metadata?.String("namespace") ?? DefaultNamespace;
            var spec = root.Map("spec");
            if (name is null || spec is null)
            {
                root.Warning(root.Node, "metadata.name", $"{kind} without metadata.name or spec is ignored");
                return;
            }
            var place = new SourcePlace(file, (int)root.Node.Start.Line, (int)root.Node.Start.Column);
            switch (kind)
            {
                case "ImageRepository":
                    repositories.Add(Repository(spec, ns, name, place));
                    break;
                case "ImagePolicy":
                    policies.Add(Policy(spec, metadata, ns, name, place));
                    break;
                case "ImageUpdateAutomation":
                    automations.Add(FluxAutomationReader.Read(spec, ns, name, place));
                    break;
            }
        }

        public FluxObjects Build() => new(repositories, policies, automations, diagnostics);

        private static FluxImageRepository Repository(YamlMap spec, string ns, string name, SourcePlace place)
        {
            var image = spec.String("image");
            if (image is null)
            {
                spec.Error(spec.Node, "image", $"ImageRepository {ns}/{name} has no spec.image", "set spec.image, e.g. quay.io/jetstack/cert-manager-controller");
            }
            var exclusions = spec.Get("exclusionList") is null ? null : spec.Strings("exclusionList");
            if (spec.String("provider") is { } provider && provider != "generic")
            {
                spec.Warning(spec.Get("provider")!, "provider", $"provider {provider} is not used: Tidemark authenticates to every registry as generic (a docker config, a mounted Secret or a credential helper on the operator's side)", "see docs/flux.md and docs/configuration.md");
            }
            if (spec.Get("certSecretRef") is { } certSecret)
            {
                spec.Warning(certSecret, "certSecretRef", "not used: Tidemark reads no Secret from the repository", "give the registry's CA bundle in the operator's --config (registries[].caBundle)");
            }
            if (spec.Get("insecure") is { } insecure && spec.Bool("insecure") == true)
            {
                spec.Warning(insecure, "insecure", "not used: whether a registry is reached over plain HTTP is the operator's choice, never the repository's (a credential would travel in clear text)", "set insecure: true for the host in the operator's --config (registries[]); see docs/security.md");
            }
            spec.Known("interval", "timeout", "suspend", "accessFrom", "serviceAccountName", "proxySecretRef");
            var repository = new FluxImageRepository(ns, name, image ?? "", exclusions, SecretName(spec), place);
            spec.ReportUnknown("not used by Tidemark", "see docs/flux.md");
            return repository;
        }

        /// <summary>
        /// <c>spec.secretRef.name</c>: it only selects a folder under the operator's --secrets-dir, so it must be a
        /// Kubernetes object name; anything else (<c>..</c>, a slash, uppercase, too long) is an error at its line.
        /// </summary>
        private static string? SecretName(YamlMap spec)
        {
            var secretRef = spec.Map("secretRef");
            var secret = secretRef?.String("name");
            if (secret is null || KubernetesNames.IsObjectName(secret))
            {
                return secret;
            }

            secretRef!.Error(secretRef.Get("name")!, "name", $"\"{KubernetesNames.Shown(secret)}\" is not a Kubernetes Secret name; it would select a folder outside the operator's --secrets-dir",
                KubernetesNames.SecretNameFix);
            return null;
        }

        private FluxImagePolicy Policy(YamlMap spec, YamlMap? metadata, string ns, string name, SourcePlace place)
        {
            var reference = spec.Map("imageRepositoryRef");
            var repositoryName = reference?.String("name");
            if (repositoryName is null)
            {
                spec.Error(spec.Node, "imageRepositoryRef.name", $"ImagePolicy {ns}/{name} names no ImageRepository", "set spec.imageRepositoryRef.name");
            }
            var text = PolicyText(spec.Map("policy"), ns, name, spec);
            var filter = spec.Map("filterTags");
            var pattern = filter?.String("pattern");
            var policy = text is null ? null : new PolicySpec(text, string.IsNullOrEmpty(pattern) ? null : pattern, filter?.String("extract"), place);
            spec.Known("interval");
            var result = new FluxImagePolicy(ns, name, reference?.String("namespace") ?? ns, repositoryName ?? "", policy, spec.String("digestReflectionPolicy") ?? "Never", place)
            {
                Labels = FluxAutomationReader.StringMap(metadata?.Map("labels")),
                Suspended = spec.Bool("suspend") ?? false,
            };
            spec.ReportUnknown("not used by Tidemark", "see docs/flux.md");
            return result;
        }

        private static string? PolicyText(YamlMap? policy, string ns, string name, YamlMap spec)
        {
            if (policy?.Map("semver")?.String("range") is { } range)
            {
                return "semver:" + range;
            }
            if (policy?.Map("alphabetical") is { } alphabetical)
            {
                return "alphabetical:" + (alphabetical.String("order") ?? "asc").ToLowerInvariant();
            }
            if (policy?.Map("numerical") is { } numerical)
            {
                return "numerical:" + (numerical.String("order") ?? "asc").ToLowerInvariant();
            }
            spec.Error(spec.Node, "policy", $"ImagePolicy {ns}/{name} has no semver, alphabetical or numerical policy", "set spec.policy.semver.range, e.g. '>=1.0.0'");
            return null;
        }

        private void WarnAboutSecret(YamlMap root)
        {
            if (root.String("type") != "kubernetes.io/dockerconfigjson" || root.Get("sops") is not null)
            {
                return;
            }
            var name = root.Map("metadata")?.String("name") ?? "(unnamed)";
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Warning, file, (int)root.Node.Start.Line, (int)root.Node.Start.Column, "kind: Secret",
                $"registry Secret \"{name}\" is committed unencrypted; Tidemark never reads credentials from the repository",
                "remove it from git, rotate the credential, and mount the Secret instead (see docs/configuration.md)"));
        }
    }
}
