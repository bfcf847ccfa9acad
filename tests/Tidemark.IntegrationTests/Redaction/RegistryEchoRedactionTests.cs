using Tidemark.IntegrationTests.Cli;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Redaction;

/// <summary>
/// A registry whose error body echoes the Basic credential and the password it decodes to (a real htpasswd registry
/// behind a proxy that does the echo): the password is in no output of `tidemark scan`, in no form.
/// </summary>
public sealed class RegistryEchoRedactionTests : IAsyncLifetime
{
    // Characters that differ when percent-encoded, JSON-escaped (the registry's JSON escapes + & and non-ASCII) and base64-encoded.
    private const string Password = "Rob0t+p@ss/wörd&1";

    private readonly string userVariable = $"TIDEMARK_TEST_USER_{Guid.NewGuid():N}";
    private readonly string passwordVariable = $"TIDEMARK_TEST_PASSWORD_{Guid.NewGuid():N}";
    private readonly string config = Path.Combine(Path.GetTempPath(), $"tidemark-{Guid.NewGuid():N}.yaml");
    private LocalRegistry registry = null!;
    private RegistryProxy proxy = null!;

    public async Task InitializeAsync()
    {
        registry = await LocalRegistry.StartHtpasswdAsync("robot", Password);
        await registry.PushTagsAsync("team/app", ["1.0.0", "1.1.0"]);
        proxy = await RegistryProxy.StartAsync(new Uri("http://" + registry.Host));
        await File.WriteAllTextAsync(config, $"version: 1\nregistries:\n  - host: {proxy.Host}\n    credentials:\n      usernameEnv: {userVariable}\n      passwordEnv: {passwordVariable}\n");
        Environment.SetEnvironmentVariable(userVariable, "robot");
        Environment.SetEnvironmentVariable(passwordVariable, Password);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(userVariable, null);
        Environment.SetEnvironmentVariable(passwordVariable, null);
        File.Delete(config);
        await proxy.DisposeAsync();
        await registry.DisposeAsync();
    }

    [Fact]
    public async Task Scan_CredentialsWork_ThroughTheProxy()
    {
        var run = await CliRun.RunAsync("scan", "--config", config, "--output", "json", $"{proxy.Host}/team/app:1.0.0");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Scan_RegistryEchoesTheBasicCredentialAndPassword_ThePasswordIsInNoOutput(string output)
    {
        proxy.EchoCredentials = true;

        var run = await CliRun.RunAsync("scan", "--config", config, "--output", output, $"{proxy.Host}/team/app:1.0.0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("access denied for Authorization: Basic [REDACTED] (user robot, password [REDACTED], as a form value [REDACTED])",
            run.Out + run.Error, StringComparison.Ordinal);
        SecretForms.AssertAbsent(Password, run.Out, "stdout");
        SecretForms.AssertAbsent(Password, run.Error, "stderr");
    }
}
