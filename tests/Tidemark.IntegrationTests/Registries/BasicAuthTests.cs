using System.Text;
using Tidemark.Registries;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Registries;

[Collection(HtpasswdRegistryCollection.Name)]
public sealed class BasicAuthTests(HtpasswdRegistryFixture fixture)
{
    private RegistryRepository App => new(fixture.Registry.Host, HtpasswdRegistryFixture.Repository);

    [Fact]
    public async Task ListTagsAsync_DockerConfigAuthField_AuthenticatesWithBasic()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("config.json", DockerConfigJson(fixture.Registry.Host, HtpasswdRegistryFixture.Username, HtpasswdRegistryFixture.Password));
        using var client = TestClients.Create(TestClients.WithCredentials(fixture.Registry.Host, new DockerConfigCredentialSource(config)));

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(HtpasswdRegistryFixture.Tags, listing.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(0, client.Counts.TokenRequests);
    }

    [Fact]
    public async Task ListTagsAsync_DefaultDockerConfig_IsUsedWhenTheRegistryNamesNoSource()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("config.json", DockerConfigJson("http://" + fixture.Registry.Host, HtpasswdRegistryFixture.Username, HtpasswdRegistryFixture.Password));
        using var client = TestClients.Create(TestClients.FastOptions with { DefaultCredentials = new DockerConfigCredentialSource(config) });

        var digest = await client.GetDigestAsync(App, "1.2.0", CancellationToken.None);

        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTagsAsync_WrongPassword_FailsAsUnauthorizedWithoutLeakingThePassword()
    {
        using var client = TestClients.Create(
            TestClients.WithCredentials(fixture.Registry.Host, new EnvironmentCredentialSource("REG_USER", "REG_PASS")),
            environment: new Dictionary<string, string> { ["REG_USER"] = HtpasswdRegistryFixture.Username, ["REG_PASS"] = "wrong-password-xyz" });

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(App, CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.StartsWith($"listing tags of {fixture.Registry.Host}/private/app failed: HTTP 401 Unauthorized (\"{{\"errors\":[{{\"code\":\"UNAUTHORIZED\"", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"— check the credentials for {fixture.Registry.Host} (docker config.json or tidemark.yaml registries)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-xyz", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTagsAsync_NoCredentials_FailsAsUnauthorized()
    {
        using var client = TestClients.Create();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(App, CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task ListTagsAsync_EnvironmentPair_Authenticates()
    {
        using var client = TestClients.Create(
            TestClients.WithCredentials(fixture.Registry.Host, new EnvironmentCredentialSource("REG_USER", "REG_PASS")),
            environment: new Dictionary<string, string> { ["REG_USER"] = HtpasswdRegistryFixture.Username, ["REG_PASS"] = HtpasswdRegistryFixture.Password });

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(2, listing.Tags.Count);
    }

    [Fact]
    public async Task ListTagsAsync_CredHelperInDockerConfig_RunsTheHelperFromTheSearchPath()
    {
        using var temp = new TempDirectory();
        var bin = Path.Combine(temp.Path, "bin");
        WriteHelper(bin, fixture.Registry.Host);
        var config = temp.Write("config.json", $$$"""{"credHelpers":{"{{{fixture.Registry.Host}}}":"testhelper"}}""");
        using var client = TestClients.Create(TestClients.WithCredentials(fixture.Registry.Host, new DockerConfigCredentialSource(config)), helperSearchPath: [bin]);

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(2, listing.Tags.Count);
    }

    [Fact]
    public async Task ListTagsAsync_HelperSourceInSettings_RunsTheHelper()
    {
        using var temp = new TempDirectory();
        var bin = Path.Combine(temp.Path, "bin");
        WriteHelper(bin, fixture.Registry.Host);
        using var client = TestClients.Create(TestClients.WithCredentials(fixture.Registry.Host, new HelperCredentialSource("testhelper")), helperSearchPath: [bin]);

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(2, listing.Tags.Count);
    }

    [Fact]
    public async Task ListTagsAsync_HelperFails_ShowsItsStderr()
    {
        using var temp = new TempDirectory();
        var bin = Path.Combine(temp.Path, "bin");
        WriteHelper(bin, "some-other-host:1", script: "#!/bin/sh\necho 'keychain locked: run unlock first' >&2\nexit 3\n");
        using var client = TestClients.Create(TestClients.WithCredentials(fixture.Registry.Host, new HelperCredentialSource("testhelper")), helperSearchPath: [bin]);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(App, CancellationToken.None));

        Assert.Equal(
            $"credential helper docker-credential-testhelper failed for {fixture.Registry.Host}: it exited with 3: keychain locked: run unlock first",
            error.Message);
    }

    [Fact]
    public async Task ListTagsAsync_HelperMissing_SaysWhereItWasLookedFor()
    {
        using var temp = new TempDirectory();
        using var client = TestClients.Create(TestClients.WithCredentials(fixture.Registry.Host, new HelperCredentialSource("nohelper")), helperSearchPath: [temp.Path]);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(App, CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.Equal(
            $"credential helper docker-credential-nohelper was not found in {temp.Path}; install it or fix the credHelpers/credsStore entry",
            error.Message);
    }

    [Fact]
    public async Task ListTagsAsync_MountedSecret_ReadsItsDockerConfigJson()
    {
        using var temp = new TempDirectory();
        temp.Write("registry-pull/.dockerconfigjson", DockerConfigJson(fixture.Registry.Host, HtpasswdRegistryFixture.Username, HtpasswdRegistryFixture.Password));
        var options = TestClients.FastOptions with
        {
            Repositories = new Dictionary<RegistryRepository, RepositorySettings> { [App] = new(Credentials: new MountedSecretCredentialSource(temp.Path, "registry-pull")) },
        };
        using var client = TestClients.Create(options);

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(2, listing.Tags.Count);
    }

    [Fact]
    public async Task ListTagsAsync_MountedSecretNamingACredHelper_RunsNoProgram()
    {
        // a mounted Secret holds credentials; a credHelpers entry in it would make Tidemark run a program it names
        using var temp = new TempDirectory();
        var bin = Path.Combine(temp.Path, "bin");
        var ran = Path.Combine(temp.Path, "helper-ran");
        WriteHelper(bin, fixture.Registry.Host, script: $"#!/bin/sh\ntouch '{ran}'\nexit 1\n");
        temp.Write("registry-pull/.dockerconfigjson", $$$"""{"credHelpers":{"{{{fixture.Registry.Host}}}":"testhelper"}}""");
        var options = TestClients.FastOptions with
        {
            Repositories = new Dictionary<RegistryRepository, RepositorySettings> { [App] = new(Credentials: new MountedSecretCredentialSource(temp.Path, "registry-pull")) },
        };
        using var client = TestClients.Create(options, helperSearchPath: [bin]);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(App, CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.False(File.Exists(ran), "the helper named by the mounted Secret was run");
        Assert.DoesNotContain("credential helper", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A docker config (or mounted <c>.dockerconfigjson</c>) with one <c>auths</c> entry for <paramref name="key"/>.</summary>
    internal static string DockerConfigJson(string key, string username, string password)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        return $$$"""{"auths":{"{{{key}}}":{"auth":"{{{auth}}}"}},"HttpHeaders":{"User-Agent":"x"}}""";
    }

    private static void WriteHelper(string folder, string host, string? script = null)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "docker-credential-testhelper");
        ExecutableScript.Write(path, script ?? $$"""
            #!/bin/sh
            read -r server
            if [ "$server" = "{{host}}" ]; then
              printf '{"ServerURL":"%s","Username":"{{HtpasswdRegistryFixture.Username}}","Secret":"{{HtpasswdRegistryFixture.Password}}"}' "$server"
            else
              echo "credentials not found in native keychain"
              exit 1
            fi

            """);
    }
}
