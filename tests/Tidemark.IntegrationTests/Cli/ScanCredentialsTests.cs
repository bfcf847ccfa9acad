using System.Text.Json;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Cli;

/// <summary>tidemark.yaml names where a registry's credentials come from; scan uses them against a real htpasswd registry.</summary>
public sealed class ScanCredentialsTests : IAsyncLifetime
{
    private readonly string userVariable = $"TIDEMARK_TEST_USER_{Guid.NewGuid():N}";
    private readonly string passwordVariable = $"TIDEMARK_TEST_PASSWORD_{Guid.NewGuid():N}";
    private readonly string config = Path.Combine(Path.GetTempPath(), $"tidemark-{Guid.NewGuid():N}.yaml");
    private LocalRegistry registry = null!;

    public async Task InitializeAsync()
    {
        registry = await LocalRegistry.StartHtpasswdAsync("robot", "s3cret-pass");
        await registry.PushTagsAsync("team/app", ["1.0.0", "1.1.0"]);
        await File.WriteAllTextAsync(config, $"version: 1\nregistries:\n  - host: {registry.Host}\n    credentials:\n      usernameEnv: {userVariable}\n      passwordEnv: {passwordVariable}\n");
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(userVariable, null);
        Environment.SetEnvironmentVariable(passwordVariable, null);
        File.Delete(config);
        await registry.DisposeAsync();
    }

    [Fact]
    public async Task Scan_CredentialsNamedInConfig_AreReadFromTheEnvironment()
    {
        Environment.SetEnvironmentVariable(userVariable, "robot");
        Environment.SetEnvironmentVariable(passwordVariable, "s3cret-pass");

        var run = await CliRun.RunAsync("scan", "--config", config, "--output", "json", $"{registry.Host}/team/app:1.0.0");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1.1.0", JsonDocument.Parse(run.Out).RootElement[0].GetProperty("selected").GetString());
    }

    [Fact]
    public async Task Scan_WrongPassword_ExitsOneSayingUnauthorizedWithoutThePassword()
    {
        Environment.SetEnvironmentVariable(userVariable, "robot");
        Environment.SetEnvironmentVariable(passwordVariable, "wrong-password-value");

        var run = await CliRun.RunAsync("scan", "--config", config, "--output", "json", $"{registry.Host}/team/app:1.0.0");

        Assert.Equal(1, run.ExitCode);
        var result = JsonDocument.Parse(run.Out).RootElement[0];
        Assert.Equal("Unauthorized", result.GetProperty("error").GetString());
        Assert.DoesNotContain("wrong-password-value", run.Out + run.Error, StringComparison.Ordinal);
    }
}
