using Tidemark.Configuration;
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
        Assert.Equal(new TokenSourceConfig("command", ["op", "read", "op://ci/gh/token"], TimeSpan.FromSeconds(45), new SourcePlace("tidemark.yaml", 3, 10)),
            config.GitHub.Token, new SourceComparer());
        Assert.Equal("app", config.GitHub.NextToken!.Kind);
        Assert.Equal(["id=12345", "key=/etc/tidemark/app.pem", "installation=678"], config.GitHub.NextToken.Arguments);
        Assert.Equal(TimeSpan.FromHours(36), config.GitHub.RotationOverlap);
    }

    [Theory]
    [InlineData("token: { env: GITHUB_TOKEN }", "env", "GITHUB_TOKEN")]
    [InlineData("token: { file: /var/run/secrets/github-token }", "file", "/var/run/secrets/github-token")]
    public void Load_EnvOrFile_OneArgument(string line, string kind, string argument)
    {
        var config = ConfigLoader.Load($"version: 1\ngithub:\n  {line}\n", "tidemark.yaml").Config;

        Assert.Equal(kind, config.GitHub.Token!.Kind);
        Assert.Equal([argument], config.GitHub.Token.Arguments);
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

    private sealed class SourceComparer : IEqualityComparer<TokenSourceConfig?>
    {
        public bool Equals(TokenSourceConfig? x, TokenSourceConfig? y) =>
            x is not null && y is not null && x.Kind == y.Kind && x.Arguments.SequenceEqual(y.Arguments) && x.Timeout == y.Timeout && x.Place == y.Place;

        public int GetHashCode(TokenSourceConfig? obj) => obj?.Kind.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
