using System.Text.Json.Nodes;

namespace Tidemark.Tests.Deploy;

/// <summary>
/// <c>deploy/kubernetes</c> (tidemark serve, SQLite), <c>deploy/kubernetes/postgres</c> and <c>deploy/kubernetes/cronjob</c>:
/// each renders with <c>kubectl kustomize</c>, every object passes the Kubernetes OpenAPI schema (Kubernetes 1.34's, as
/// compiled by kubernetes-models 5.1.0), and the properties docs/deploy.md promises hold in what a cluster would receive.
/// </summary>
public sealed class KubernetesManifestTests
{
    [Theory]
    [InlineData("deploy/kubernetes", "ConfigMap,Deployment,NetworkPolicy,PersistentVolumeClaim,Service,ServiceAccount")]
    [InlineData("deploy/kubernetes/postgres", "ConfigMap,Deployment,NetworkPolicy,Service,ServiceAccount")]
    [InlineData("deploy/kubernetes/cronjob", "CronJob,NetworkPolicy,PersistentVolumeClaim,ServiceAccount")]
    public void Render_EveryObjectPassesTheSchema_InFluxSystem(string directory, string kinds)
    {
        var objects = Manifests.Render(directory);

        Assert.Equal(kinds, string.Join(',', objects.Select(o => (string)o["kind"]!).Order(StringComparer.Ordinal)));
        Assert.All(objects, o => Assert.Equal("flux-system", (string?)o["metadata"]!["namespace"]));
    }

    [Fact]
    public void Validate_BrokenObjects_Fail()
    {
        var rendered = Manifests.Kustomize(Path.Combine(Manifests.Root, "deploy/kubernetes"));
        // the same Deployment with a string for replicas and no selector, and an object of a kind with no schema
        var broken = rendered
            .Replace("  replicas: 1\n", "  replicas: one\n", StringComparison.Ordinal)
            .Replace("  selector:\n    matchLabels:\n", "  notSelector:\n    matchLabels:\n", StringComparison.Ordinal)
            + "---\napiVersion: v1\nkind: Deployment\nmetadata:\n  name: core-has-none\n";
        Assert.NotEqual(rendered, broken);

        var results = Manifests.Validate(broken);

        var deployment = Assert.Single(results, r => r.Kind == "Deployment" && r.Name == "tidemark");
        Assert.False(deployment.Valid);
        Assert.Contains("/spec/replicas must be integer", deployment.Errors);
        Assert.Contains(deployment.Errors, e => e.StartsWith("/spec must have required property", StringComparison.Ordinal) && e.Contains("selector", StringComparison.Ordinal));
        var unknown = Assert.Single(results, r => r.Name == "core-has-none");
        Assert.False(unknown.Valid);
        Assert.Contains("no schema for v1 Deployment", unknown.Errors);
        // the rest still passes: the check is per object
        Assert.All(results.Where(r => r.Kind is not "Deployment"), r => Assert.True(r.Valid, r.ToString()));
    }

    [Fact]
    public void Serve_Deployment_IsLockedDown()
    {
        var objects = Manifests.Render("deploy/kubernetes");
        var deployment = Manifests.Single(objects, "Deployment");
        var pod = deployment["spec"]!["template"]!["spec"]!.AsObject();
        var container = Assert.Single(pod["containers"]!.AsArray())!.AsObject();

        AssertLockedDown(pod, container);
        Assert.Equal("Recreate", (string?)deployment["spec"]!["strategy"]!["type"]);
        Assert.Equal(["serve", "--config", "/etc/tidemark/serve.yaml"], Strings(container["args"]));
        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("http", (string?)container["readinessProbe"]!["httpGet"]!["port"]);
        Assert.Equal(8080, (int)Assert.Single(container["ports"]!.AsArray())!["containerPort"]!);
        Assert.Equal("128Mi", (string?)container["resources"]!["requests"]!["memory"]);
        Assert.Equal("/var/lib/tidemark/state.db", Env(container, "TIDEMARK_STATE")!["value"]!.GetValue<string>());
        Assert.Equal("tidemark-data", (string?)Volume(pod, "data")["persistentVolumeClaim"]!["claimName"]);
        Assert.Equal("github-token", (string?)Volume(pod, "github-token")["secret"]!["secretName"]);
        Assert.Equal("/var/run/secrets/tidemark/github-token", Mount(container, "github-token"));
        // the ConfigMap the Deployment mounts is the generated one (its name carries the content's hash)
        var configMap = Manifests.Single(objects, "ConfigMap");
        Assert.Equal((string?)configMap["metadata"]!["name"], (string?)Volume(pod, "settings")["configMap"]!["name"]);

        var account = Manifests.Single(objects, "ServiceAccount");
        Assert.Equal((string?)account["metadata"]!["name"], (string?)pod["serviceAccountName"]);
        Assert.False((bool)account["automountServiceAccountToken"]!);
        Assert.DoesNotContain(objects, o => ((string)o["kind"]!).Contains("Role", StringComparison.Ordinal));

        var service = Manifests.Single(objects, "Service");
        Assert.Equal("http", (string?)Assert.Single(service["spec"]!["ports"]!.AsArray())!["targetPort"]);
        Assert.Equal(Labels(deployment["spec"]!["selector"]!["matchLabels"]), Labels(service["spec"]!["selector"]));
    }

    [Fact]
    public void Serve_NetworkPolicy_LetsInOnlyTheServicePort_AndOutOnlyDnsAndHttps()
    {
        var objects = Manifests.Render("deploy/kubernetes");
        var policy = Manifests.Single(objects, "NetworkPolicy")["spec"]!;
        var deployment = Manifests.Single(objects, "Deployment");

        // it selects Tidemark's pods, not every pod of flux-system
        Assert.Subset(Labels(deployment["spec"]!["template"]!["metadata"]!["labels"]), Labels(policy["podSelector"]!["matchLabels"]));
        Assert.NotEmpty(Labels(policy["podSelector"]!["matchLabels"]));
        Assert.Equal(["Ingress", "Egress"], Strings(policy["policyTypes"]));
        var ingress = Assert.Single(policy["ingress"]!.AsArray())!;
        Assert.Equal(["8080/TCP"], Ports(ingress));
        Assert.Equal(["443/TCP", "53/TCP", "53/UDP"], policy["egress"]!.AsArray().SelectMany(e => Ports(e!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Postgres_StateComesFromASecret_TwoReplicas_NoVolumeClaim()
    {
        var objects = Manifests.Render("deploy/kubernetes/postgres");
        var deployment = Manifests.Single(objects, "Deployment");
        var pod = deployment["spec"]!["template"]!["spec"]!.AsObject();
        var container = Assert.Single(pod["containers"]!.AsArray())!.AsObject();

        AssertLockedDown(pod, container);
        Assert.Equal(2, (int)deployment["spec"]!["replicas"]!);
        Assert.Equal("RollingUpdate", (string?)deployment["spec"]!["strategy"]!["type"]);
        var state = Env(container, "TIDEMARK_STATE")!;
        Assert.Null(state["value"]);
        Assert.Equal("tidemark-postgres", (string?)state["valueFrom"]!["secretKeyRef"]!["name"]);
        Assert.Equal("url", (string?)state["valueFrom"]!["secretKeyRef"]!["key"]);
        Assert.NotNull(Volume(pod, "data")["emptyDir"]);
        Assert.Null(Volume(pod, "data")["persistentVolumeClaim"]);
        var policy = Manifests.Single(objects, "NetworkPolicy")["spec"]!;
        Assert.Contains("5432/TCP", policy["egress"]!.AsArray().SelectMany(e => Ports(e!)));
    }

    [Fact]
    public void CronJob_RunsTidemarkRun_WithTheTokenFromTheSecretFolder_LockedDown()
    {
        var objects = Manifests.Render("deploy/kubernetes/cronjob");
        var cronJob = Manifests.Single(objects, "CronJob");
        var pod = cronJob["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!.AsObject();
        var container = Assert.Single(pod["containers"]!.AsArray())!.AsObject();

        AssertLockedDown(pod, container);
        Assert.Equal("Forbid", (string?)cronJob["spec"]!["concurrencyPolicy"]);
        var args = Strings(container["args"]);
        Assert.Equal("run", args[0]);
        Assert.Equal("/var/run/secrets/tidemark/github-token", args[args.IndexOf("--token-file") + 1]);
        Assert.Equal("/var/run/secrets/tidemark/github-token", Mount(container, "github-token"));
        Assert.Equal("/var/lib/tidemark/state.db", Env(container, "TIDEMARK_STATE")!["value"]!.GetValue<string>());
        Assert.StartsWith(Mount(container, "data") + "/", args[args.IndexOf("--work-dir") + 1], StringComparison.Ordinal);
        var policy = Manifests.Single(objects, "NetworkPolicy")["spec"]!;
        Assert.Null(policy["ingress"]);
        Assert.Equal(["Ingress", "Egress"], Strings(policy["policyTypes"]));
        Assert.False((bool)Manifests.Single(objects, "ServiceAccount")["automountServiceAccountToken"]!);
    }

    [Fact]
    public void Serve_Settings_UseOnlyDocumentedKeys_AndPointAtWhatThePodMounts()
    {
        var objects = Manifests.Render("deploy/kubernetes");
        var text = (string)Manifests.Single(objects, "ConfigMap")["data"]!["serve.yaml"]!;
        var pod = Manifests.Single(objects, "Deployment")["spec"]!["template"]!["spec"]!.AsObject();
        var container = Assert.Single(pod["containers"]!.AsArray())!.AsObject();
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(text));
        var settings = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;

        // the keys themselves are checked by the real settings loader (ServeConfigMapTests)
        var repositories = (YamlDotNet.RepresentationModel.YamlSequenceNode)settings["repositories"];
        Assert.All(repositories.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>(), r => Assert.StartsWith("https://", r["url"].ToString(), StringComparison.Ordinal));
        Assert.Equal("json", settings["log"].ToString());
        // the state store is the Deployment's TIDEMARK_STATE (so the PostgreSQL variant can replace it from a Secret)
        Assert.False(settings.Children.ContainsKey("state"));

        // it listens on the container's port, beyond loopback (the Service must reach it), so the dashboard has a credential
        Assert.Equal("http://0.0.0.0:8080", Assert.Single((YamlDotNet.RepresentationModel.YamlSequenceNode)settings["listen"]).ToString());
        var bearer = ((YamlDotNet.RepresentationModel.YamlMappingNode)settings["dashboard"]["bearerToken"])["file"].ToString();
        Assert.Equal(Mount(container, "dashboard") + "/token", bearer);
        // the token source is the mounted Secret's folder (token, else password), the clones on the volume
        Assert.Equal(Mount(container, "github-token"), ((YamlDotNet.RepresentationModel.YamlMappingNode)settings["token"])["file"].ToString());
        Assert.StartsWith(Mount(container, "data") + "/", settings["workDir"].ToString(), StringComparison.Ordinal);
        Assert.Equal("/etc/tidemark", Mount(container, "settings"));
        Assert.Equal("/etc/tidemark/serve.yaml", Strings(container["args"])[2]);
        // the service's own shutdown deadline ends before Kubernetes kills the pod
        Assert.True(TimeSpan.FromSeconds(int.Parse(settings["shutdownTimeout"].ToString().TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture))
            < TimeSpan.FromSeconds((int)pod["terminationGracePeriodSeconds"]!));
        Assert.Contains("serve.yaml", Manifests.Single(objects, "ConfigMap")["data"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task CronJob_ArgumentsAndEnvironment_AreWhatTheRealCliParses()
    {
        var cronJob = Manifests.Single(Manifests.Render("deploy/kubernetes/cronjob"), "CronJob");
        var container = Assert.Single(cronJob["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!.AsObject();
        var folder = Directory.CreateTempSubdirectory("tidemark-cronjob-").FullName;
        try
        {
            // the pod's paths moved under a temp folder; the Secret not mounted, so the run stops at the token, before any network
            string Local(string path) => path.Replace("/var/lib/tidemark", Path.Combine(folder, "data"), StringComparison.Ordinal)
                .Replace("/var/run/secrets/tidemark", Path.Combine(folder, "secrets"), StringComparison.Ordinal);
            var args = Strings(container["args"]).Select(Local).ToArray();
            var env = container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => Local((string)e!["value"]!));
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var cli = new Tidemark.Cli.CliEnvironment(stdout, stderr, TimeProvider.System, name => env.GetValueOrDefault(name), ErrorIsTerminal: false);

            var code = await Tidemark.Cli.TidemarkApp.RunAsync(args, cli, CancellationToken.None);

            Assert.Equal(2, code);
            Assert.Contains($"token file {Path.Combine(folder, "secrets", "github-token")} does not exist", stderr.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Unrecognized", stderr.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Non-root, read-only root filesystem with /tmp on an emptyDir, no capabilities, RuntimeDefault seccomp, no API token.</summary>
    private static void AssertLockedDown(JsonObject pod, JsonObject container)
    {
        Assert.False((bool)pod["automountServiceAccountToken"]!);
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.NotEqual(0, (int)pod["securityContext"]!["runAsUser"]!);
        Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
        var security = container["securityContext"]!;
        Assert.True((bool)security["readOnlyRootFilesystem"]!);
        Assert.False((bool)security["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], Strings(security["capabilities"]!["drop"]));
        Assert.Null(security["capabilities"]!["add"]);
        Assert.Equal("/tmp", Mount(container, "tmp"));
        Assert.NotNull(Volume(pod, "tmp")["emptyDir"]);
        Assert.Equal("/tmp", Env(container, "HOME")!["value"]!.GetValue<string>());
        Assert.All(container["volumeMounts"]!.AsArray(), m =>
            Assert.True((string)m!["mountPath"]! is "/tmp" || (string)m["mountPath"]! == "/var/lib/tidemark" || (bool?)m["readOnly"] == true,
                $"{m["mountPath"]} is writable"));
    }

    internal static JsonObject? Env(JsonObject container, string name) =>
        container["env"]!.AsArray().SingleOrDefault(e => (string?)e!["name"] == name)?.AsObject();

    internal static JsonObject Volume(JsonObject pod, string name) =>
        Assert.Single(pod["volumes"]!.AsArray(), v => (string?)v!["name"] == name)!.AsObject();

    internal static string Mount(JsonObject container, string volume) =>
        (string)Assert.Single(container["volumeMounts"]!.AsArray(), m => (string?)m!["name"] == volume)!["mountPath"]!;

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(a => (string)a!)];

    private static HashSet<string> Labels(JsonNode? map) => [.. map!.AsObject().Select(p => $"{p.Key}={(string?)p.Value}")];

    private static IEnumerable<string> Ports(JsonNode rule) =>
        rule["ports"]!.AsArray().Select(p => $"{(int)p!["port"]!}/{(string?)p["protocol"]}");
}
