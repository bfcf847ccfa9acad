using Tidemark.Automation;
using Tidemark.Credentials;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tidemark.Configuration.Service;

/// <summary>
/// Reads <c>tidemark serve --config FILE</c> (docs/serve.md) into <see cref="ServiceSettings"/>. What makes the whole
/// service wrong is fatal (a <see cref="ConfigurationException"/> with every error at file:line:column and its fix): an
/// unreadable file, not YAML, an unknown top-level key, a bad <c>listen</c> URL, a bad shared setting, a secret whose
/// variable or file is missing. A bad repository entry only disables itself: it is kept with its
/// <see cref="ServiceRepository.Error"/>. Secrets are read here, once, and registered with the redactor. Relative paths
/// in the file are relative to the file's folder.
/// </summary>
internal static class ServiceSettingsLoader
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>The shortest interval a repository may have: a reconcile lists registries and talks to GitHub.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(10);

    public static readonly IReadOnlyList<string> RegistrySenders = ["dockerhub", "quay", "harbor", "distribution"];

    private static readonly string[] TopLevelKeys =
        ["listen", "state", "workDir", "log", "maxConcurrentRuns", "shutdownTimeout", "leaseDuration", "secretsDir", "token", "repositories", "webhooks", "dashboard"];

    private const string SecretShapes = "write { env: NAME } or { file: PATH } (a file, or a mounted Secret's folder); never the secret itself";

    /// <summary>Reads and validates the file; secrets from <paramref name="variable"/> and files, registered with <paramref name="redactor"/>.</summary>
    public static async Task<ServiceSettings> LoadAsync(string path, Func<string, string?> variable, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        string content;
        try
        {
            content = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot be read ({e.Message})";
            throw new ConfigurationException($"{path}: {why}; give the service settings file with --config (docs/serve.md)");
        }

        return Load(content, path, Path.GetDirectoryName(Path.GetFullPath(path))!, variable, redactor);
    }

    /// <param name="baseDirectory">The folder relative paths in the file are resolved against (the file's own folder).</param>
    public static ServiceSettings Load(string content, string file, string baseDirectory, Func<string, string?> variable, ISecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(redactor);
        var diagnostics = new List<ConfigDiagnostic>();
        var root = Parse(content, file, diagnostics);
        if (root is null)
        {
            throw new ConfigurationException(diagnostics);
        }

        var reader = new Reader(file, baseDirectory, variable, redactor, diagnostics);
        var settings = reader.Read(new YamlMap(root, file, "", diagnostics));
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || settings is null)
        {
            throw new ConfigurationException(errors);
        }

        return settings;
    }

    private static YamlMappingNode? Parse(string content, string file, List<ConfigDiagnostic> diagnostics)
    {
        if (content.Length > ConfigLoader.MaxBytes)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, 1, 1, "(file)", $"the file is {content.Length / 1024} KiB; service settings are read only up to {ConfigLoader.MaxBytes / 1024} KiB", "keep only the service's settings in it"));
            return null;
        }

        if (Manifests.Yaml.YamlNesting.TooDeep(content) is { } tooDeep)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, tooDeep.Line, 1, "(file)", $"not read: {tooDeep.Reason}", "the settings need a few levels of nesting; fix the file"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, (int)e.Start.Line, (int)e.Start.Column, "(file)", $"not valid YAML: {e.Message}", "fix the YAML syntax at that place"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, 1, 1, "(file)", "expected a mapping at the top level", "start with 'repositories:' (docs/serve.md shows a complete file)"));
            return null;
        }

        return root;
    }

    private sealed class Reader(string file, string baseDirectory, Func<string, string?> variable, ISecretRedactor redactor, List<ConfigDiagnostic> diagnostics)
    {
        public ServiceSettings? Read(YamlMap root)
        {
            foreach (var key in root.Keys().Where(k => !TopLevelKeys.Contains(k)).ToList())
            {
                root.Error(root.KeyNode(key)!, key, "unknown setting", $"check the spelling; the settings are {string.Join(", ", TopLevelKeys)} (docs/serve.md)");
            }

            var urls = Listen(root);
            var state = root.String("state") is { Length: > 0 } s ? StatePath(s) : null;
            var workDir = Path.GetFullPath(root.String("workDir") is { Length: > 0 } w ? Path.Combine(baseDirectory, w) : Path.Combine(Directory.GetCurrentDirectory(), "tidemark-work"));
            var log = Log(root);
            var concurrency = root.Int("maxConcurrentRuns", 1, 64) ?? 4;
            var shutdown = Duration(root, "shutdownTimeout", TimeSpan.FromSeconds(30), TimeSpan.Zero, "write a duration such as 30s or 2m");
            var lease = Duration(root, "leaseDuration", AutomationRun.LockLease, TimeSpan.FromMinutes(1), "write a duration of at least 1m, longer than your longest run, such as 15m");
            var token = root.Get("token") is null ? new EnvToken(EnvironmentTokenSource.DefaultVariable) : GitHubSectionReader.Source(root, "token", file);
            var repositories = Repositories(root);
            var webhooks = Webhooks(root.Map("webhooks"));
            var dashboard = Dashboard(root.Map("dashboard"));
            if (token is null)
            {
                return null;
            }

            return new ServiceSettings(file, urls, state, workDir, log, concurrency, token, repositories, webhooks, dashboard)
            {
                ShutdownTimeout = shutdown,
                LeaseDuration = lease,
                SecretsDirectory = root.String("secretsDir") is { Length: > 0 } secrets ? Path.GetFullPath(Path.Combine(baseDirectory, secrets)) : ServiceSettings.DefaultSecretsDirectory,
            };
        }

        private List<string> Listen(YamlMap root)
        {
            var node = root.Get("listen");
            var urls = root.Strings("listen");
            if (node is null || urls.Count == 0)
            {
                return [DefaultUrl];
            }

            foreach (var url in urls)
            {
                if (ListenUrlProblem(url) is { } problem)
                {
                    root.Error(node, "listen", $"\"{url}\" {problem}", "write an http:// address with a port, e.g. http://127.0.0.1:8080 or http://0.0.0.0:8080");
                }
            }

            return [.. urls];
        }

        private string StatePath(string given) =>
            given.Contains("://", StringComparison.Ordinal) || given.Contains('=', StringComparison.Ordinal) ? given : Path.GetFullPath(Path.Combine(baseDirectory, given));

        private static ServiceLogFormat Log(YamlMap root)
        {
            switch (root.String("log"))
            {
                case null or "json":
                    return ServiceLogFormat.Json;
                case "text":
                    return ServiceLogFormat.Text;
                case var other:
                    root.Error(root.Get("log")!, "log", $"\"{other}\" is not a log format", "write json or text");
                    return ServiceLogFormat.Json;
            }
        }

        private static TimeSpan Duration(YamlMap map, string key, TimeSpan fallback, TimeSpan minimum, string fix)
        {
            var text = map.String(key);
            if (text is null)
            {
                return fallback;
            }

            if (text == "0" && minimum == TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            if (ConfigDurations.TryParse(text) is { } value && value >= minimum)
            {
                return value;
            }

            map.Error(map.Get(key)!, key, $"\"{text}\" is not a duration{(minimum > TimeSpan.Zero ? $" of at least {minimum.TotalSeconds:0}s" : "")}", fix);
            return fallback;
        }

        private List<ServiceRepository> Repositories(YamlMap root)
        {
            var node = root.Get("repositories");
            if (node is null or YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                return [];
            }

            if (node is not YamlSequenceNode sequence)
            {
                root.Error(node, "repositories", "expected a list of repositories (lines starting with '- url:')", "write each repository as '- url: https://github.com/OWNER/NAME'");
                return [];
            }

            var repositories = new List<ServiceRepository>();
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var item = sequence.Children[i];
                var place = new SourcePlace(file, (int)item.Start.Line, (int)item.Start.Column);
                var own = new List<ConfigDiagnostic>();
                var entry = item is YamlMappingNode mapping
                    ? RepositoryEntry(new YamlMap(mapping, file, $"repositories[{i}]", own), place)
                    : Disabled($"repositories[{i}]", item.ToString(), place, "expected a mapping with url: (write '- url: https://github.com/OWNER/NAME')");
                if (entry.Error is null && own.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } first)
                {
                    entry = entry with { Error = first.ToString() };
                }

                if (entry.Error is null && repositories.FirstOrDefault(r => r.Enabled && string.Equals(r.Name, entry.Name, StringComparison.OrdinalIgnoreCase)) is { } earlier)
                {
                    entry = entry with { Error = $"{place}: error: repositories[{i}].url: {earlier.Name} is already listed at {earlier.Place} (remove one of the two entries)" };
                }

                // only warnings (none are written for entries) reach the shared list; errors disable the entry alone
                diagnostics.AddRange(own.Where(d => d.Severity != DiagnosticSeverity.Error));
                repositories.Add(entry);
            }

            return repositories;
        }

        private ServiceRepository RepositoryEntry(YamlMap map, SourcePlace place)
        {
            var url = map.String("url", "write url: https://github.com/OWNER/NAME");
            var interval = Duration(map, "interval", DefaultInterval, MinimumInterval, "write a duration of at least 10s, such as 5m or 1h");
            var token = GitHubSectionReader.Source(map, "token", file);
            var config = map.String("config") is { Length: > 0 } c ? Path.GetFullPath(Path.Combine(baseDirectory, c)) : null;
            var apiUrl = ApiUrl(map);
            var dryRun = map.Bool("dryRun") ?? false;
            Unknown(map, "url", "interval", "token", "config", "apiUrl", "dryRun");

            if (url is null)
            {
                if (map.Get("url") is null)
                {
                    map.Error(map.Node, "url", "a repository needs its url", "add url: https://github.com/OWNER/NAME");
                }

                return new ServiceRepository($"(entry at line {place.Line})", "", interval, token, config, apiUrl, dryRun, place);
            }

            try
            {
                var target = RunTarget.FromUrl(url, map.Field("url"));
                return new ServiceRepository(target.FullName, url, interval, token, config, apiUrl, dryRun, place);
            }
            catch (UsageException e)
            {
                var message = e.Message.StartsWith(map.Field("url") + ": ", StringComparison.Ordinal) ? e.Message[(map.Field("url").Length + 2)..] : e.Message;
                map.Error(map.Get("url")!, "url", message, "write the repository's https:// URL, e.g. https://github.com/OWNER/NAME");
                return new ServiceRepository(url, url, interval, token, config, apiUrl, dryRun, place);
            }
        }

        private static Uri? ApiUrl(YamlMap map)
        {
            if (map.String("apiUrl") is not { } text)
            {
                return null;
            }

            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0)
            {
                return uri;
            }

            map.Error(map.Get("apiUrl")!, "apiUrl", $"\"{text}\" is not an http(s) URL", "write the REST API's URL, e.g. https://api.github.com/ or https://HOST/api/v3/");
            return null;
        }

        private static ServiceRepository Disabled(string field, string name, SourcePlace place, string problem) =>
            new(name, "", DefaultInterval, null, null, null, false, place, $"{place}: error: {field}: {problem}");

        private WebhookSettings Webhooks(YamlMap? map)
        {
            if (map is null)
            {
                return new WebhookSettings(null, new Dictionary<string, SecretSetting>(StringComparer.Ordinal));
            }

            SecretSetting? github = null;
            if (map.Map("github") is { } hub)
            {
                github = Secret(hub, "secret", required: true);
                Unknown(hub, "secret");
            }

            var registries = new Dictionary<string, SecretSetting>(StringComparer.Ordinal);
            if (map.Map("registries") is { } senders)
            {
                foreach (var sender in senders.Keys().ToList())
                {
                    if (!RegistrySenders.Contains(sender))
                    {
                        senders.Error(senders.KeyNode(sender)!, sender, "unknown registry sender", $"write one of {string.Join(", ", RegistrySenders)}");
                        continue;
                    }

                    if (senders.Map(sender) is { } one)
                    {
                        if (Secret(one, "secret", required: true) is { } secret)
                        {
                            registries[sender] = secret;
                        }

                        Unknown(one, "secret");
                    }
                    else
                    {
                        senders.Error(senders.Get(sender)!, sender, "expected a mapping with secret:", $"write {sender}: {{ secret: {{ env: NAME }} }}");
                    }
                }
            }

            Unknown(map, "github", "registries");
            return new WebhookSettings(github, registries);
        }

        private DashboardSettings Dashboard(YamlMap? map)
        {
            if (map is null)
            {
                return new DashboardSettings(null, null, null, null);
            }

            var admin = Secret(map, "adminToken", required: false);
            var bearer = Secret(map, "bearerToken", required: false);
            string? user = null;
            SecretSetting? password = null;
            if (map.Map("basic") is { } basic)
            {
                user = basic.String("user");
                password = Secret(basic, "password", required: false);
                if (string.IsNullOrWhiteSpace(user) || password is null)
                {
                    basic.Error(basic.Node, "basic", "basic credentials need both user and password", "write basic: { user: ops, password: { env: TIDEMARK_DASHBOARD_PASSWORD } }");
                }

                Unknown(basic, "user", "password");
            }

            Unknown(map, "adminToken", "bearerToken", "basic");
            return new DashboardSettings(admin, bearer, user, password);
        }

        /// <summary>Every key of <paramref name="map"/> not in <paramref name="allowed"/> is an error naming the allowed ones.</summary>
        private static void Unknown(YamlMap map, params string[] allowed)
        {
            foreach (var key in map.Keys().Where(k => !allowed.Contains(k)).ToList())
            {
                map.Error(map.KeyNode(key)!, key, "unknown setting", $"check the spelling; the settings here are {string.Join(", ", allowed)} (docs/serve.md)");
            }
        }

        /// <summary>A secret at <paramref name="key"/>: <c>{ env: NAME }</c> or <c>{ file: PATH }</c>, read now (missing is an error) and registered with the redactor.</summary>
        private SecretSetting? Secret(YamlMap parent, string key, bool required)
        {
            var node = parent.Get(key);
            if (node is null or YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                if (required)
                {
                    parent.Error(node ?? parent.Node, key, "is required", SecretShapes);
                }

                return null;
            }

            if (node is not YamlMappingNode)
            {
                // never echo the value: it may be the secret itself
                parent.Error(node, key, "expected where to read the secret from, not a value (if a real secret was written here, change it)", SecretShapes);
                return null;
            }

            var map = parent.Map(key)!;
            var env = map.String("env");
            var path = map.String("file");
            foreach (var other in map.Keys().Where(k => k is not ("env" or "file")).ToList())
            {
                map.Error(map.KeyNode(other)!, other, "unknown secret source", SecretShapes);
            }

            if ((env is null) == (path is null))
            {
                parent.Error(node, key, env is null ? "names no secret source" : "names two secret sources; give one", SecretShapes);
                return null;
            }

            string? value;
            string source;
            if (env is not null)
            {
                source = $"env {env}";
                value = variable(env);
                if (string.IsNullOrWhiteSpace(value))
                {
                    map.Error(map.Get("env")!, "env", $"the variable {env} is not set or empty", $"set {env} in the service's environment, or point {parent.Field(key)} elsewhere");
                    return null;
                }
            }
            else
            {
                var full = Path.GetFullPath(Path.Combine(baseDirectory, path!));
                source = $"file {full}";
                value = ReadSecretFile(full, out var problem);
                if (value is null)
                {
                    map.Error(map.Get("file")!, "file", problem!, $"create the file (or mount the Secret) at {full}, or point {parent.Field(key)} elsewhere");
                    return null;
                }
            }

            value = value.Trim();
            redactor.Register(value);
            return new SecretSetting(source, value);
        }

        private static readonly string[] SecretKeys = ["secret", .. FileTokenSource.KeysInFolder];

        /// <summary>A file's content (at most 64 KiB), or from a mounted Secret's folder its <c>secret</c>, else <c>token</c>, else <c>password</c> key, else the one file it holds.</summary>
        private static string? ReadSecretFile(string path, out string? problem)
        {
            problem = null;
            try
            {
                if (Directory.Exists(path))
                {
                    var files = Directory.GetFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
                    // the keys in a fixed order (the folder's listing order is not), else the folder's only file
                    var chosen = SecretKeys.Select(k => Path.Combine(path, k)).FirstOrDefault(File.Exists) ?? (files.Count == 1 ? files[0] : null);
                    if (chosen is null)
                    {
                        problem = $"the folder {path} holds {files.Count} files and none named secret, token or password";
                        return null;
                    }

                    path = chosen;
                }

                // a secret is short, as a token is (FileTokenSource): a bigger file is the wrong file, and /dev/zero never ends
                if (new FileInfo(path).Length > FileTokenSource.MaximumBytes)
                {
                    problem = $"{path} is {new FileInfo(path).Length} bytes, too big to be a secret; point at the file that holds only the secret";
                    return null;
                }

                var text = File.ReadAllText(path);
                if (string.IsNullOrWhiteSpace(text))
                {
                    problem = $"{path} is empty";
                    return null;
                }

                return text;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = e is FileNotFoundException or DirectoryNotFoundException ? $"no such file: {path}" : $"{path} cannot be read ({e.GetType().Name})";
                return null;
            }
        }
    }

    /// <summary>Why <paramref name="url"/> cannot be listened on, or null: an http:// URL with a host and an explicit port (0 picks a free one).</summary>
    public static string? ListenUrlProblem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            return "is not an http:// URL";
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            return "has a path, query or user; give only scheme, host and port";
        }

        // the port follows the host's last ']' (an IPv6 host such as [::1] has colons of its own)
        var authority = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/')[0];
        var afterHost = authority[(authority.LastIndexOf(']') + 1)..];
        var colon = afterHost.LastIndexOf(':');
        return colon >= 0 && afterHost.Length > colon + 1 && afterHost[(colon + 1)..].All(char.IsAsciiDigit) ? null : "has no port";
    }
}
