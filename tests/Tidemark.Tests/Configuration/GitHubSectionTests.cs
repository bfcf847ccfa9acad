using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Tests.Credentials;

namespace Tidemark.Tests.Configuration;

public sealed class GitHubSectionTests
{
    [Fact]
    public void Load_EveryTokenSourceShape_MapsOntoTheSourceKinds()
    {
        var (config, warnings) = ConfigLoader.Load("""
            version: 1
            github:
              token: { command: "op read op://ci/gh/token", timeout: 45s }
              nextToken:
                app: { id: 12345, privateKeyFile: /etc/tidemark/app.pem, installationId: 678 }
              rotationOverlap: 36h
            """, "tidemark.yaml");

        Assert.Empty(warnings);
        Assert.Equal(new CommandToken(["op", "read", "op://ci/gh/token"], TimeSpan.FromSeconds(45)) { Place = new SourcePlace("tidemark.yaml", 3, 10) }, config.GitHub.Token);
        Assert.Equal(new AppToken("12345", "/etc/tidemark/app.pem", "678") { Place = new SourcePlace("tidemark.yaml", 5, 5) }, config.GitHub.NextToken);
        Assert.Equal(TimeSpan.FromHours(36), config.GitHub.RotationOverlap);
    }

    [Theory]
    [InlineData("token: { env: GITHUB_TOKEN }", "env", "GITHUB_TOKEN")]
    [InlineData("token: { file: /var/run/secrets/github-token }", "file", "/var/run/secrets/github-token")]
    [InlineData("token: { env: ' FLUX_TOKEN ' }", "env", "FLUX_TOKEN")]
    public void Load_EnvOrFile_TheirTypedSpec(string line, string kind, string argument)
    {
        var config = ConfigLoader.Load($"version: 1\ngithub:\n  {line}\n", "tidemark.yaml").Config;

        var place = new SourcePlace("tidemark.yaml", 3, 10);
        Assert.Equal(kind == "env" ? new EnvToken(argument) { Place = place } : new FileToken(argument) { Place = place }, config.GitHub.Token);
        Assert.Null(config.GitHub.NextToken);
        Assert.Equal(TimeSpan.FromHours(24), config.GitHub.RotationOverlap);
    }

    [Theory]
    [InlineData("  token: { env: A, file: /x }\n", "tidemark.yaml:3:10: error: github.token: names 2 token sources (env, file); give exactly one")]
    [InlineData("  token: {}\n", "tidemark.yaml:3:10: error: github.token: names no token source")]
    [InlineData("  token: { value: abc }\n", "tidemark.yaml:3:19: error: github.token.value: tidemark.yaml never holds a secret")]
    [InlineData("  nextToken: { env: A, timeout: 5s }\n", "tidemark.yaml:3:33: error: github.nextToken.timeout: applies only to a command source")]
    [InlineData("  token: { command: op, timeout: soon }\n", "tidemark.yaml:3:34: error: github.token.timeout: \"soon\" is not a duration")]
    [InlineData("  rotationOverlap: forever\n", "tidemark.yaml:3:20: error: github.rotationOverlap: \"forever\" is not a duration")]
    [InlineData("  nextToken:\n    app: { privateKeyFile: /k.pem }\n", "tidemark.yaml:4:10: error: github.nextToken.app.id: a GitHub App source needs the App's id")]
    public void Load_BadTokenSettings_ErrorNamesFileLineColumnAndField(string section, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load($"version: 1\ngithub:\n{section}", "tidemark.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TokenValueInsteadOfASource_ErrorNamesThePlaceWithoutRepeatingTheValue()
    {
        var token = TokenValues.Classic();

        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load($"version: 1\ngithub:\n  token: {token}\n", "tidemark.yaml"));

        Assert.Contains("tidemark.yaml:3:10: error: github.token: expected where to read the token from, not a value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyInTokenSource_IsAWarning()
    {
        var (_, warnings) = ConfigLoader.Load("version: 1\ngithub:\n  token: { env: GITHUB_TOKEN, expires: soon }\n", "tidemark.yaml");

        Assert.Equal("github.token.expires", Assert.Single(warnings).Field);
    }
}
