using Tidemark.Configuration.Service;
using Tidemark.Credentials;

namespace Tidemark.Tests.Deploy;

/// <summary>
/// The ConfigMap's <c>serve.yaml</c>, as the pod would read it, through the service's own settings loader: the pod's
/// paths moved under a temp folder holding the mounted Secrets' files.
/// </summary>
public sealed class ServeConfigMapTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tidemark-configmap-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ConfigMapSettings_LoadWithTheServiceLoader_NoErrors_EveryRepositoryEnabled()
    {
        var objects = Manifests.Render("deploy/kubernetes");
        var text = (string)Manifests.Single(objects, "ConfigMap")["data"]!["serve.yaml"]!;
        var secrets = Path.Combine(folder, "secrets");
        Directory.CreateDirectory(Path.Combine(secrets, "dashboard"));
        File.WriteAllText(Path.Combine(secrets, "dashboard", "token"), "dashboard-bearer-1\n");
        var local = text.Replace("/var/run/secrets/tidemark", secrets, StringComparison.Ordinal)
            .Replace("/var/lib/tidemark", Path.Combine(folder, "data"), StringComparison.Ordinal);
        Assert.NotEqual(text, local);

        var settings = ServiceSettingsLoader.Load(local, "serve.yaml", folder, _ => null, new Redactor());

        Assert.Equal(["http://0.0.0.0:8080"], settings.Urls);
        Assert.Null(settings.State);
        Assert.Equal(Path.Combine(folder, "data", "work"), settings.WorkDirectory);
        Assert.Equal(ServiceLogFormat.Json, settings.LogFormat);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.ShutdownTimeout);
        Assert.Equal(Path.Combine(secrets, "github-token"), Assert.IsType<FileToken>(settings.Token).Path);
        Assert.Equal("dashboard-bearer-1", settings.Dashboard.BearerToken!.Value.Trim());
        Assert.NotEmpty(settings.Repositories);
        Assert.All(settings.Repositories, r => Assert.True(r.Enabled, r.Error));
    }

    [Fact]
    public void ConfigMapSettings_WithoutTheDashboardSecret_RefuseToStart()
    {
        // the proof the test above can fail: the Secret tidemark-dashboard not mounted, the service must not start
        var text = (string)Manifests.Single(Manifests.Render("deploy/kubernetes"), "ConfigMap")["data"]!["serve.yaml"]!;
        var local = text.Replace("/var/run/secrets/tidemark", Path.Combine(folder, "secrets"), StringComparison.Ordinal);

        var error = Assert.Throws<Tidemark.Configuration.ConfigurationException>(() => ServiceSettingsLoader.Load(local, "serve.yaml", folder, _ => null, new Redactor()));
        Assert.Contains("dashboard", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentArguments_AreWhatTheRealServeCommandParses()
    {
        var objects = Manifests.Render("deploy/kubernetes");
        var container = Assert.Single(Manifests.Single(objects, "Deployment")["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        // the ConfigMap not mounted here: serve stops at its settings file, naming it, before it listens
        var args = container["args"]!.AsArray().Select(a => ((string)a!).Replace("/etc/tidemark", Path.Combine(folder, "etc"), StringComparison.Ordinal)).ToArray();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var cli = new Tidemark.Cli.CliEnvironment(stdout, stderr, TimeProvider.System, _ => null, ErrorIsTerminal: false);

        var code = await Tidemark.Cli.TidemarkApp.RunAsync(args, cli, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains($"{Path.Combine(folder, "etc", "serve.yaml")}: no such file", stderr.ToString(), StringComparison.Ordinal);
    }
}
