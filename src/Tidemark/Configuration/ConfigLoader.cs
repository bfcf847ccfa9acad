using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tidemark.Configuration;

/// <summary>
/// Reads <c>tidemark.yaml</c> into a <see cref="TidemarkConfig"/>. Unknown fields are warnings; wrong shapes,
/// wrong versions and invalid policies are errors with file:line:column, the field and the fix.
/// </summary>
internal static class ConfigLoader
{
    public const string FileName = "tidemark.yaml";

    /// <summary>The top-level sections only the operator's <c>--config</c> file may set: they choose where credentials go.</summary>
    public static readonly IReadOnlyList<string> OperatorOnlyKeys = ["registries", "github"];

    /// <summary>The fix for an operator-only section in the repository's file.</summary>
    public const string OperatorOnlyFix = "move it to the operator's --config file; see docs/security.md";

    /// <summary>
    /// Loads the file; throws <see cref="ConfigurationException"/> with every error when any is found. A
    /// <see cref="ConfigSide.Repository"/> file may not hold <see cref="OperatorOnlyKeys"/> (an error at the key).
    /// </summary>
    public static (TidemarkConfig Config, IReadOnlyList<ConfigDiagnostic> Warnings) Load(string content, string file, Func<string, string?>? policyError = null, ConfigSide side = ConfigSide.Unnamed)
    {
        var found = new List<ConfigDiagnostic>();
        var config = Parse(content, file, found, policyError ?? (_ => null), side);
        var diagnostics = found.Select(d => d with { Side = side }).ToList();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }
        return (config, diagnostics);
    }

    /// <summary>
    /// Where a YAML error is. YamlDotNet marks an indentation tab at the start of the mapping around it (1:1 for the
    /// top one), so for that error the first tab in a line's indentation is the place.
    /// </summary>
    private static (int Line, int Column) ErrorPlace(string content, YamlException error)
    {
        if (error.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var lines = content.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
                if (tab >= 0 && tab < indentation)
                {
                    return (i + 1, tab + 1);
                }
            }
        }
        return ((int)error.Start.Line, (int)error.Start.Column);
    }

    /// <summary>Far more than any real tidemark.yaml; a larger file is refused before it is parsed.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static TidemarkConfig Parse(string content, string file, List<ConfigDiagnostic> diagnostics, Func<string, string?> policyError, ConfigSide side)
    {
        if (content.Length > MaxBytes)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, 1, 1, "(file)", $"the file is {content.Length / 1024} KiB; tidemark.yaml is read only up to {MaxBytes / 1024} KiB", "keep settings only in tidemark.yaml"));
            return TidemarkConfig.Default;
        }
        if (Manifests.Yaml.YamlNesting.TooDeep(content) is { } tooDeep)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, tooDeep.Line, 1, "(file)", $"not read: {tooDeep.Reason}", "tidemark.yaml needs a few levels of nesting; fix the file"));
            return TidemarkConfig.Default;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            var (line, column) = ErrorPlace(content, e);
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, line, column, "(file)", $"not valid YAML: {e.Message}", "fix the YAML syntax at that place"));
            return TidemarkConfig.Default;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return TidemarkConfig.Default with { Source = file };
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents[0].RootNode.Start;
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, (int)at.Line, (int)at.Column, "(file)", "expected a mapping at the top level", "start with 'version: 1'"));
            return TidemarkConfig.Default;
        }
        var reader = new SectionReader(file, policyError, side);
        return reader.Read(new YamlMap(root, file, "", diagnostics));
    }

    private sealed class SectionReader(string file, Func<string, string?> policyError, ConfigSide side)
    {
        public TidemarkConfig Read(YamlMap root)
        {
            CheckVersion(root);
            if (side == ConfigSide.Repository)
            {
                RefuseOperatorOnly(root);
            }
            var config = new TidemarkConfig
            {
                Source = file,
                Keys = root.Keys().ToHashSet(StringComparer.Ordinal),
                BaseBranch = root.String("baseBranch"),
                UpdateBranch = root.String("updateBranch") ?? TidemarkConfig.DefaultUpdateBranch,
                Paths = Paths(root),
                DefaultPolicy = Policy(root, "defaultPolicy", null) ?? TidemarkConfig.Default.DefaultPolicy,
                Rules = root.Maps("rules").Select(Rule).ToList(),
                Groups = root.Maps("groups").Select(Group).ToList(),
                Registries = side == ConfigSide.Repository ? [] : root.Maps("registries").Select(Registry).OfType<RegistryConfig>().ToList(),
                PullRequest = PullRequest(root.Map("pullRequest")),
                Commit = Commit(root.Map("commit")),
                GitHub = side == ConfigSide.Repository ? new GitHubConfig() : GitHubSectionReader.Read(root.Map("github"), file),
                Unmarked = Unmarked(root),
            };
            root.ReportUnknown();
            return config;
        }

        /// <summary>
        /// The repository's own file is written by anyone who can commit to it, and read after cloning with the token:
        /// it may not choose where a credential goes (registry endpoints, credentials, CA bundles, plain HTTP) nor which
        /// variable, file or command holds a secret (github token sources). Refused, not ignored, so nobody believes it works.
        /// </summary>
        private static void RefuseOperatorOnly(YamlMap root)
        {
            foreach (var key in root.Keys().Where(OperatorOnlyKeys.Contains).ToList())
            {
                if (root.KeyNode(key) is { } at)
                {
                    var what = key == "github"
                        ? "the GitHub token's sources are read only from the operator's --config file, never from the repository (it could choose which variable, file or command Tidemark reads a secret from)"
                        : "registry endpoints, credentials, CA bundles and insecure are read only from the operator's --config file, never from the repository (it could send a registry credential or the GitHub token to a server of its choosing)";
                    root.Error(at, key, what, OperatorOnlyFix);
                }
            }
        }

        private static void CheckVersion(YamlMap root)
        {
            var version = root.String("version");
            if (version is null)
            {
                root.Warning(root.Node, "version", "missing; assuming version 1", "add 'version: 1' at the top");
            }
            else if (version != "1")
            {
                root.Error(root.Get("version")!, "version", $"version {version} is not supported by this Tidemark", "use 'version: 1'");
            }
        }

        private static IReadOnlyList<string> Paths(YamlMap root)
        {
            var paths = root.Strings("paths");
            foreach (var path in paths)
            {
                if (Path.IsPathRooted(path) || path.Split('/', '\\').Contains(".."))
                {
                    root.Error(root.Get("paths")!, "paths", $"\"{path}\" must be a folder inside the repository", "use a repository-relative path such as clusters/production");
                }
            }
            return paths;
        }

        private PolicySpec? Policy(YamlMap map, string key, YamlMap? filterOwner)
        {
            var text = map.String(key);
            if (text is null)
            {
                return null;
            }
            var node = map.Get(key)!;
            if (policyError(text) is { } error)
            {
                map.Error(node, key, error, "write non-breaking, patch, minor, major, semver:RANGE, alphabetical[:asc|:desc] or numerical[:asc|:desc]");
            }
            var filter = filterOwner?.Map("filter");
            var pattern = filter?.String("pattern");
            var extract = filter?.String("extract");
            filter?.ReportUnknown();
            return new PolicySpec(text, pattern, extract, new SourcePlace(file, (int)node.Start.Line, (int)node.Start.Column));
        }

        private ImageRule Rule(YamlMap map)
        {
            var images = ImageGlobs(map);
            var rule = new ImageRule(images, Policy(map, "policy", map), map.Bool("ignore") ?? false, Place(map));
            if (rule.Policy is null && !rule.Ignore)
            {
                map.Warning(map.Node, "policy", "this rule sets neither a policy nor ignore: true, so it changes nothing");
            }
            map.ReportUnknown();
            return rule;
        }

        private GroupRule Group(YamlMap map)
        {
            var name = map.String("name");
            if (name is null)
            {
                map.Error(map.Node, "name", "a group needs a name", "add 'name: cert-manager' (any word)");
            }
            var group = new GroupRule(name ?? "", ImageGlobs(map), Place(map));
            map.ReportUnknown();
            return group;
        }

        private static IReadOnlyList<string> ImageGlobs(YamlMap map)
        {
            var images = map.Strings("images").Concat(map.Strings("image")).ToList();
            if (images.Count == 0)
            {
                map.Error(map.Node, "images", "no images named", "add 'images: [\"quay.io/jetstack/cert-manager-*\"]'");
            }
            return images;
        }

        private RegistryConfig? Registry(YamlMap map)
        {
            var host = map.String("host");
            if (host is null)
            {
                map.Error(map.Node, "host", "a registry entry needs a host", "add 'host: registry.example.com' (with :port if not 443)");
            }
            var credentials = Credentials(map.Map("credentials"));
            var insecure = map.Bool("insecure") ?? false;
            var registry = new RegistryConfig(host ?? "", insecure, map.String("caBundle"), credentials, Endpoint(map, insecure), Place(map))
            {
                HelmSecrets = HelmSecrets(map),
            };
            map.ReportUnknown();
            return host is null ? null : registry;
        }

        /// <summary>
        /// <c>helmSecrets: [private-charts]</c>: the mounted Secrets a HelmRepository's <c>spec.secretRef</c> may send to
        /// this host. A list of Kubernetes object names (each selects a folder under --secrets-dir); else an error at it.
        /// </summary>
        private static IReadOnlyList<string> HelmSecrets(YamlMap map)
        {
            const string fix = "write helmSecrets: [private-charts], a list of the Secret names mounted under --secrets-dir that HelmRepositories may send to this host";
            var value = map.Get("helmSecrets");
            if (value is null || (value is YamlScalarNode scalar && YamlMap.IsNull(scalar)))
            {
                return [];
            }
            if (value is not YamlSequenceNode sequence)
            {
                map.Error(value, "helmSecrets", "expected a list of Secret names", fix);
                return [];
            }
            var names = new List<string>();
            foreach (var item in sequence.Children)
            {
                if (item is not YamlScalarNode { Value: { } name })
                {
                    map.Error(item, "helmSecrets", "expected a Secret name", fix);
                }
                else if (!Flux.KubernetesNames.IsObjectName(name))
                {
                    map.Error(item, "helmSecrets", $"\"{Flux.KubernetesNames.Shown(name)}\" is not a Kubernetes Secret name; it would select a folder outside --secrets-dir", Flux.KubernetesNames.SecretNameFix);
                }
                else
                {
                    names.Add(name);
                }
            }
            return names;
        }

        private static Uri? Endpoint(YamlMap map, bool insecure)
        {
            var text = map.String("endpoint");
            if (text is null)
            {
                return null;
            }
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
            {
                map.Error(map.Get("endpoint")!, "endpoint", $"\"{text}\" is not a registry address", "write https://HOST[:PORT] with no path");
                return null;
            }
            if (uri.Scheme == "http" && !uri.IsLoopback && !insecure)
            {
                map.Error(map.Get("endpoint")!, "endpoint", $"\"{text}\" is plain HTTP to a non-loopback host", "use https://, or add 'insecure: true' if you accept that risk");
                return null;
            }
            return uri;
        }

        private static RegistryCredentialConfig? Credentials(YamlMap? map)
        {
            if (map is null)
            {
                return null;
            }
            foreach (var secretKey in new[] { "password", "token", "auth", "secret" })
            {
                if (map.Get(secretKey) is { } node)
                {
                    map.Error(node, secretKey, "tidemark.yaml never holds a secret; it names where to read one", "use passwordEnv: VARIABLE, dockerConfig: PATH or helper: NAME");
                }
            }
            var credentials = new RegistryCredentialConfig(map.String("dockerConfig"), map.String("helper"), map.String("usernameEnv"), map.String("passwordEnv"));
            if (credentials is { DockerConfig: null, Helper: null, UsernameVariable: null, PasswordVariable: null })
            {
                map.Error(map.Node, "credentials", "names no credential source", "set dockerConfig, helper, or usernameEnv and passwordEnv");
            }
            map.ReportUnknown();
            return credentials;
        }

        private UnmarkedConfig Unmarked(YamlMap root)
        {
            if (root.Get("unmarked") is null || root.Map("unmarked") is not { } map)
            {
                return UnmarkedConfig.None;
            }
            var paths = map.Strings("paths");
            foreach (var path in paths.Where(RepositoryPaths.Escapes))
            {
                map.Error(map.Get("paths")!, "paths", $"\"{path}\" must be a folder inside the repository", "use a repository-relative path such as apps");
            }
            var config = new UnmarkedConfig(map.Bool("update") ?? false, paths, map.Strings("images"), Place(map));
            if (!config.OptsInAny)
            {
                map.Warning(map.Node, "update", "opts in no unmarked reference", "write update: true, or list paths or images");
            }
            map.ReportUnknown();
            return config;
        }

        private static PullRequestConfig PullRequest(YamlMap? map)
        {
            if (map is null)
            {
                return new PullRequestConfig();
            }
            var config = new PullRequestConfig
            {
                Title = map.String("title") ?? PullRequestConfig.DefaultTitle,
                Labels = map.Strings("labels"),
                Reviewers = map.Strings("reviewers"),
                Assignees = map.Strings("assignees"),
            };
            map.ReportUnknown();
            return config;
        }

        private static CommitConfig Commit(YamlMap? map)
        {
            if (map is null)
            {
                return new CommitConfig();
            }
            var defaults = new CommitConfig();
            var config = new CommitConfig
            {
                AuthorName = map.String("authorName") ?? defaults.AuthorName,
                AuthorEmail = map.String("authorEmail") ?? defaults.AuthorEmail,
                MessageTemplate = map.String("message"),
                SignOff = map.Bool("signOff") ?? false,
            };
            map.ReportUnknown();
            return config;
        }

        private SourcePlace Place(YamlMap map) => new(file, (int)map.Node.Start.Line, (int)map.Node.Start.Column);
    }
}
