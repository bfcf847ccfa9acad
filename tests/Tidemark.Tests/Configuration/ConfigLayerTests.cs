using Tidemark.Configuration;
using Tidemark.Credentials;

namespace Tidemark.Tests.Configuration;

/// <summary>The two layers of settings (docs/security.md): the operator's --config over the repository's own tidemark.yaml.</summary>
public sealed class ConfigLayerTests
{
    private const string RepositoryFile = """
        version: 1
        updateBranch: repo/updates
        defaultPolicy: minor
        rules:
          - images: ["quay.io/jetstack/*"]
            policy: patch
        pullRequest:
          labels: [from-repo]
        """;

    [Theory]
    [InlineData("version: 1\nregistries:\n  - host: quay.io\n    endpoint: http://127.0.0.1:9\n", 2, "registries")]
    [InlineData("version: 1\nrules: []\nregistries:\n  - host: quay.io\n    credentials: { usernameEnv: U, passwordEnv: GITHUB_TOKEN }\n", 3, "registries")]
    [InlineData("version: 1\nregistries:\n  - host: quay.io\n    caBundle: /etc/ssl/evil.pem\n", 2, "registries")]
    [InlineData("version: 1\nregistries:\n  - host: quay.io\n    insecure: true\n", 2, "registries")]
    [InlineData("version: 1\nupdateBranch: x\nregistries:\n  - host: charts.example\n    helmSecrets: [private-charts]\n", 3, "registries")]
    [InlineData("version: 1\ngithub:\n  token: { env: OTHER_SECRET }\n", 2, "github")]
    [InlineData("version: 1\ngithub:\n  nextToken: { command: \"curl evil.example\" }\n", 2, "github")]
    public void Load_RepositoryFileWithAnOperatorOnlySection_IsAnErrorAtTheKeyWithTheFix(string content, int line, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(content, "tidemark.yaml", side: ConfigSide.Repository));

        var diagnostic = Assert.Single(error.Errors);
        Assert.Equal((line, 1, key), (diagnostic.Line, diagnostic.Column, diagnostic.Field));
        Assert.StartsWith($"tidemark.yaml:{line}:1: error (repository file): {key}: ", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("(move it to the operator's --config file; see docs/security.md)", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepositoryFileWithBothOperatorOnlySections_ReportsEachAndNeverReadsTheirValues()
    {
        // a bad shape inside the section is not even looked at: the section itself is refused
        var content = "version: 1\ngithub:\n  token: not-a-mapping\nregistries: 42\n";

        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(content, "tidemark.yaml", side: ConfigSide.Repository));

        Assert.Equal(["github", "registries"], error.Errors.Select(e => e.Field));
        Assert.Equal([2, 4], error.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Load_OperatorFileWithRegistriesAndGitHub_IsReadAndWarningsNameTheOperatorSide()
    {
        var content = "version: 1\ngithub:\n  token: { env: TM_TOKEN }\nregistries:\n  - host: quay.io\n    endpoint: http://127.0.0.1:5000\n    credentials: { usernameEnv: U, passwordEnv: P }\nupdateBrnach: x\n";

        var (config, warnings) = ConfigLoader.Load(content, "/etc/tidemark/config.yaml", side: ConfigSide.Operator);

        Assert.Equal(new Uri("http://127.0.0.1:5000"), Assert.Single(config.Registries).Endpoint);
        Assert.Equal("TM_TOKEN", Assert.IsType<EnvToken>(config.GitHub.Token).Variable);
        Assert.Equal("/etc/tidemark/config.yaml:8:1: warning (operator file): updateBrnach: unknown field, ignored (check the spelling against docs/configuration.md)", Assert.Single(warnings).ToString());
    }

    [Fact]
    public void Layer_OperatorFileWithOnlyRegistriesAndGitHub_KeepsEveryRepositorySetting()
    {
        var repository = ConfigLoader.Load(RepositoryFile, "tidemark.yaml", side: ConfigSide.Repository).Config;
        var operatorFile = ConfigLoader.Load("version: 1\ngithub:\n  token: { env: TM_TOKEN }\nregistries:\n  - host: quay.io\n    endpoint: http://127.0.0.1:5000\n", "op.yaml", side: ConfigSide.Operator).Config;

        var layered = TidemarkConfig.Layer(operatorFile, repository);

        Assert.Equal("repo/updates", layered.UpdateBranch);
        Assert.Equal("minor", layered.DefaultPolicy.Policy);
        Assert.Equal(["quay.io/jetstack/*"], Assert.Single(layered.Rules).Images);
        Assert.Equal(["from-repo"], layered.PullRequest.Labels);
        Assert.Equal("quay.io", Assert.Single(layered.Registries).Host);
        Assert.Equal("TM_TOKEN", Assert.IsType<EnvToken>(layered.GitHub.Token).Variable);
    }

    [Fact]
    public void Layer_TopLevelKeySetByTheOperator_WinsWholeAndTheOthersComeFromTheRepository()
    {
        var repository = ConfigLoader.Load(RepositoryFile, "tidemark.yaml", side: ConfigSide.Repository).Config;
        var operatorFile = ConfigLoader.Load("version: 1\nrules:\n  - images: [\"docker.io/*\"]\n    ignore: true\npullRequest:\n  reviewers: [ops]\n", "op.yaml", side: ConfigSide.Operator).Config;

        var layered = TidemarkConfig.Layer(operatorFile, repository);

        var rule = Assert.Single(layered.Rules);
        Assert.Equal(["docker.io/*"], rule.Images);
        Assert.True(rule.Ignore);
        Assert.Equal("op.yaml", rule.Place.File);
        Assert.Empty(layered.PullRequest.Labels); // pullRequest: is one key: the operator's replaces the repository's whole
        Assert.Equal(["ops"], layered.PullRequest.Reviewers);
        Assert.Equal("repo/updates", layered.UpdateBranch);
        Assert.Equal("minor", layered.DefaultPolicy.Policy);
        Assert.Empty(layered.Registries);
    }

    [Fact]
    public void Layer_OperatorFileThatSetsAKeyToItsDefault_StillWins()
    {
        var repository = ConfigLoader.Load(RepositoryFile, "tidemark.yaml", side: ConfigSide.Repository).Config;
        var operatorFile = ConfigLoader.Load("version: 1\nupdateBranch: tidemark/image-updates\nrules: []\n", "op.yaml", side: ConfigSide.Operator).Config;

        var layered = TidemarkConfig.Layer(operatorFile, repository);

        Assert.Equal(TidemarkConfig.DefaultUpdateBranch, layered.UpdateBranch);
        Assert.Empty(layered.Rules);
    }
}
