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
                    policies.Add(Policy(spec, ns, name, place));
                    break;
                case "ImageUpdateAutomation":
                    automations.Add(Automation(spec, ns, name, place));
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
            return new FluxImageRepository(ns, name, image ?? "", exclusions, spec.Map("secretRef")?.String("name"), spec.Bool("insecure") ?? false, place);
        }

        private FluxImagePolicy Policy(YamlMap spec, string ns, string name, SourcePlace place)
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
            return new FluxImagePolicy(ns, name, reference?.String("namespace") ?? ns, repositoryName ?? "", policy, spec.String("digestReflectionPolicy") ?? "Never", place);
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

        private static FluxImageUpdateAutomation Automation(YamlMap spec, string ns, string name, SourcePlace place)
        {
            // v1beta1+ nest everything under spec.git; v1alpha1 had spec.checkout/commit/push at the top.
            var git = spec.Map("git");
            var checkout = git?.Map("checkout")?.Map("ref")?.String("branch") ?? spec.Map("checkout")?.String("branch");
            var push = git?.Map("push")?.String("branch") ?? spec.Map("push")?.String("branch");
            var commit = git?.Map("commit");
            var author = commit?.Map("author");
            var legacyCommit = spec.Map("commit");
            var templateOwner = commit?.Get("messageTemplate") is not null ? commit : legacyCommit;
            return new FluxImageUpdateAutomation(
                ns,
                name,
                checkout,
                push,
                author?.String("name") ?? legacyCommit?.String("authorName"),
                author?.String("email") ?? legacyCommit?.String("authorEmail"),
                templateOwner?.String("messageTemplate"),
                spec.Map("update")?.String("path"),
                place)
            {
                MessageTemplatePlace = templateOwner?.Get("messageTemplate") is { } node ? TemplatePlace(place.File, node) : null,
                MessageTemplateValues = StringMap(commit?.Map("messageTemplateValues")),
            };
        }

        /// <summary>A block scalar (<c>|</c>, <c>|-</c>, <c>&gt;</c>) starts on the line after its indicator.</summary>
        private static SourcePlace TemplatePlace(string file, YamlNode node)
        {
            var block = node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded };
            var quoted = node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted };
            return new SourcePlace(file, (int)node.Start.Line + (block ? 1 : 0), block ? 1 : (int)node.Start.Column + (quoted ? 1 : 0));
        }

        private static Dictionary<string, string> StringMap(YamlMap? map)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (map?.Node is not YamlMappingNode mapping)
            {
                return values;
            }

            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
                {
                    values[name] = text;
                }
            }

            return values;
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
