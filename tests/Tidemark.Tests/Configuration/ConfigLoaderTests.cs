using Tidemark.Configuration;

namespace Tidemark.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    private const string Full = """
        version: 1
        baseBranch: main
        updateBranch: flux-image-updates
        paths: [clusters/production, apps]
        defaultPolicy: minor
        rules:
          - images: ["quay.io/jetstack/*"]
            policy: semver:~1.16
          - image: ghcr.io/acme/build-*
            policy: numerical:asc
            filter:
              pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)'
              extract: '$ts'
          - images: [nginx]
            ignore: true
        groups:
          - name: cert-manager
            images: ["quay.io/jetstack/cert-manager-*"]
        registries:
          - host: localhost:5000
            insecure: true
          - host: quay.io
            endpoint: http://127.0.0.1:5999
          - host: registry.example.com
            caBundle: certs/ca.pem
            helmSecrets: [private-charts, team.charts]
            credentials:
              usernameEnv: REG_USER
              passwordEnv: REG_PASSWORD
        pullRequest:
          title: "chore: images"
          labels: [dependencies]
        commit:
          authorName: bot
          authorEmail: bot@example.com
          signOff: true
        """;

    [Fact]
    public void Load_FullFile_ReadsEverySection()
    {
        var (config, warnings) = ConfigLoader.Load(Full, "tidemark.yaml");

        Assert.Empty(warnings);
        Assert.Equal("main", config.BaseBranch);
        Assert.Equal("flux-image-updates", config.UpdateBranch);
        Assert.Equal(["clusters/production", "apps"], config.Paths);
        Assert.Equal("minor", config.DefaultPolicy.Policy);
        Assert.Equal(3, config.Rules.Count);
        Assert.Equal("semver:~1.16", config.Rules[0].Policy!.Policy);
        Assert.Equal("$ts", config.Rules[1].Policy!.FilterExtract);
        Assert.True(config.Rules[2].Ignore);
        Assert.Equal("cert-manager", config.Groups[0].Name);
        Assert.True(config.RegistryFor("LOCALHOST:5000")!.Insecure);
        Assert.Equal(new Uri("http://127.0.0.1:5999"), config.RegistryFor("quay.io")!.Endpoint);
        Assert.Equal("REG_PASSWORD", config.RegistryFor("registry.example.com")!.Credentials!.PasswordVariable);
        Assert.Equal(["private-charts", "team.charts"], config.RegistryFor("registry.example.com")!.HelmSecrets);
        Assert.Empty(config.RegistryFor("quay.io")!.HelmSecrets);
        Assert.Equal(["dependencies"], config.PullRequest.Labels);
        Assert.True(config.Commit.SignOff);
    }

    [Theory]
    [InlineData("quay.io/jetstack/cert-manager-controller", "quay.io/jetstack/cert-manager-controller", 0)]
    [InlineData("ghcr.io/acme/build-api", "ghcr.io/acme/build-api", 1)]
    [InlineData("docker.io/library/nginx", "nginx", 2)]
    [InlineData("docker.io/library/redis", "redis", -1)]
    public void RuleFor_ImageName_TakesTheFirstMatchingGlob(string canonical, string familiar, int expected)
    {
        var (config, _) = ConfigLoader.Load(Full, "tidemark.yaml");

        var rule = config.RuleFor(canonical, familiar);

        Assert.Equal(expected, rule is null ? -1 : config.Rules.ToList().IndexOf(rule));
    }

    [Fact]
    public void Load_EmptyFile_GivesTheDefaults()
    {
        var (config, _) = ConfigLoader.Load("", "tidemark.yaml");

        Assert.Equal("tidemark/image-updates", config.UpdateBranch);
        Assert.Equal("non-breaking", config.DefaultPolicy.Policy);
    }

    [Fact]
    public void Load_UnknownField_IsAWarningWithItsPlace()
    {
        var (_, warnings) = ConfigLoader.Load("version: 1\nupdateBranch: x\nupdateBrnach: y\n", "tidemark.yaml");

        var warning = Assert.Single(warnings);
        Assert.Equal("tidemark.yaml:3:1: warning: updateBrnach: unknown field, ignored (check the spelling against docs/configuration.md)", warning.ToString());
    }

    [Theory]
    [InlineData("version: 2\n", "tidemark.yaml:1:10: error: version: version 2 is not supported")]
    [InlineData("version: 1\nrules: yes\n", "tidemark.yaml:2:8: error: rules: expected a list of mappings")]
    [InlineData("version: 1\nrules:\n  - policy: patch\n", "tidemark.yaml:3:5: error: rules[0].images: no images named")]
    [InlineData("version: 1\nregistries:\n  - host: r.io\n    credentials:\n      password: hunter2\n", "tidemark.yaml:5:17: error: registries[0].credentials.password: tidemark.yaml never holds a secret")]
    [InlineData("version: 1\npaths: [../outside]\n", "tidemark.yaml:2:8: error: paths: \"../outside\" must be a folder inside the repository")]
    [InlineData("version: 1\nregistries:\n  - insecure: true\n", "tidemark.yaml:3:5: error: registries[0].host: a registry entry needs a host")]
    [InlineData("version: 1\nregistries:\n  - host: q.io\n    endpoint: http://mirror.example.com\n", "tidemark.yaml:4:15: error: registries[0].endpoint: \"http://mirror.example.com\" is plain HTTP")]
    [InlineData("version: 1\nregistries:\n  - host: q.io\n    endpoint: https://m.io/v2/\n", "tidemark.yaml:4:15: error: registries[0].endpoint: \"https://m.io/v2/\" is not a registry address")]
    [InlineData("version: 1\nupdateBranch: [a]\n", "tidemark.yaml:2:15: error: updateBranch: expected a text value")]
    [InlineData("version: 1\nregistries:\n  - host: charts.example\n    helmSecrets: private-charts\n", "tidemark.yaml:4:18: error: registries[0].helmSecrets: expected a list of Secret names (write helmSecrets: [private-charts]")]
    [InlineData("version: 1\nregistries:\n  - host: charts.example\n    helmSecrets: {name: private-charts}\n", "tidemark.yaml:4:18: error: registries[0].helmSecrets: expected a list of Secret names")]
    [InlineData("version: 1\nregistries:\n  - host: charts.example\n    helmSecrets: [ok, ../x]\n", "tidemark.yaml:4:23: error: registries[0].helmSecrets: \"../x\" is not a Kubernetes Secret name; it would select a folder outside --secrets-dir (name a Secret mounted under --secrets-dir")]
    [InlineData("version: 1\nregistries:\n  - host: charts.example\n    helmSecrets:\n      - Private\n", "tidemark.yaml:5:9: error: registries[0].helmSecrets: \"Private\" is not a Kubernetes Secret name")]
    [InlineData("version: 1\nregistries:\n  - host: charts.example\n    helmSecrets: [[a]]\n", "tidemark.yaml:4:19: error: registries[0].helmSecrets: expected a Secret name")]
    [InlineData("version: 1\nunmarked:\n  paths: [/etc]\n", "tidemark.yaml:3:10: error: unmarked.paths: \"/etc\" must be a folder inside the repository")]
    [InlineData("version: 1\nkey: [unclosed\n", "tidemark.yaml:3:1: error: (file): not valid YAML")]
    public void Load_BadFile_FailsWithFileLineColumnAndField(string content, string expectedStart)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(content, "tidemark.yaml"));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PolicyRejectedByTheValidator_IsAnErrorAtThePolicy()
    {
        var content = "version: 1\nrules:\n  - images: [a]\n    policy: newest\n";

        var error = Assert.Throws<ConfigurationException>(() =>
            ConfigLoader.Load(content, "tidemark.yaml", text => text == "newest" ? "unknown policy \"newest\"" : null));

        Assert.StartsWith("tidemark.yaml:4:13: error: rules[0].policy: unknown policy \"newest\" (write non-breaking", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unmarked: {update: true}", "apps/web.yaml", "nginx", true)]
    [InlineData("unmarked: {paths: [./apps/]}", "apps/web.yaml", "nginx", true)]
    [InlineData("unmarked: {paths: [apps]}", "infrastructure/web.yaml", "nginx", false)]
    [InlineData("unmarked: {images: [\"ghcr.io/org/*\"]}", "infrastructure/x.yaml", "ghcr.io/org/app", true)]
    [InlineData("unmarked: {images: [\"ghcr.io/org/*\"]}", "infrastructure/x.yaml", "nginx", false)]
    [InlineData("", "apps/web.yaml", "nginx", false)]
    public void Load_Unmarked_OptsInByRepositoryPathOrImage(string section, string file, string image, bool optedIn)
    {
        var (config, warnings) = ConfigLoader.Load("version: 1\n" + section + "\n", "tidemark.yaml");

        Assert.Empty(warnings);
        Assert.Equal(optedIn, config.Unmarked.OptsIn(file, image, image));
    }

    [Fact]
    public void Load_UnmarkedThatOptsInNothing_IsAWarning()
    {
        var (_, warnings) = ConfigLoader.Load("version: 1\nunmarked: {update: false}\n", "tidemark.yaml");

        Assert.Contains("unmarked.update: opts in no unmarked reference", Assert.Single(warnings).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]", "tidemark.yaml:2:1: error: (file): not read: flow collections ([ ], { }) nested more than 100 deep")]
    [InlineData("{a: ", "}", "tidemark.yaml:2:1: error: (file): not read: flow collections ([ ], { }) nested more than 100 deep")]
    [InlineData("- ", "", "tidemark.yaml:3:1: error: (file): not read: indented more than 400 columns")]
    public void Load_NestedTensOfThousandsDeep_IsAnErrorNotAStackOverflow(string open, string close, string expectedStart)
    {
        const int Levels = 100_000;
        var rules = close.Length == 0 ? "rules:\n" : "rules: "; // nested block sequences (- - - x) start on their own line
        var content = "version: 1\n" + rules + string.Concat(Enumerable.Repeat(open, Levels)) + (close.Length == 0 ? "x" : "1") + string.Concat(Enumerable.Repeat(close, Levels)) + "\n";

        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(content, "tidemark.yaml"));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOverOneMebibyte_IsRefusedBeforeParsing()
    {
        var content = "version: 1\n" + string.Concat(Enumerable.Repeat("# padding line of a config that is far too large\n", 30_000));

        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(content, "tidemark.yaml"));

        Assert.StartsWith("tidemark.yaml:1:1: error: (file): the file is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TabIndentation_IsReportedAtTheTab()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load("version: 1\nrules:\n\t- images: [a]\n", "tidemark.yaml"));

        Assert.StartsWith("tidemark.yaml:3:", error.Message, StringComparison.Ordinal);
    }
}
