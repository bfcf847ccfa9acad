using Tidemark.IntegrationTests.Run;
using Tidemark.Testing;
using YamlDotNet.RepresentationModel;

namespace Tidemark.IntegrationTests.Deploy;

/// <summary>
/// The GitHub Action (<c>action.yml</c> at the repository root): its YAML (composite; inputs reach the steps only as
/// environment variables; the state folder cached), and its run step, <c>deploy/github-action/run.sh</c>, run with bash
/// as the runner would — against the GitHub simulator and the example repository with the real CLI, and with a recording
/// stand-in for the CLI where only the script's own plumbing is under test (a GitHub App's key and id).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GitHubActionTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly string Root = ExampleRepository.SourceRoot();

    [Fact]
    public void ActionYaml_IsComposite_InputsOnlyInEnvAndWith_StateCached()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "action.yml"))));
        var action = (YamlMappingNode)yaml.Documents[0].RootNode;
        var inputs = ((YamlMappingNode)action["inputs"]).Children.Keys.Select(k => k.ToString()).ToList();
        var runs = (YamlMappingNode)action["runs"];
        var steps = ((YamlSequenceNode)runs["steps"]).Cast<YamlMappingNode>().ToList();

        Assert.Equal("composite", runs["using"].ToString());
        Assert.Contains("token", inputs);
        Assert.Contains("app-id", inputs);
        Assert.Contains("app-private-key", inputs);
        foreach (var step in steps.Where(s => s.Children.ContainsKey("run")))
        {
            // no expression inside a command line: an input value there would be code (script injection)
            Assert.DoesNotContain("${{", step["run"].ToString(), StringComparison.Ordinal);
            Assert.Equal("bash", step["shell"].ToString());
        }

        var run = Assert.Single(steps, s => s.Children.ContainsKey("run") && s["run"].ToString().Contains("run.sh", StringComparison.Ordinal));
        var env = ((YamlMappingNode)run["env"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());
        Assert.Equal("${{ inputs.token }}", env["GITHUB_TOKEN"]);
        Assert.Equal("${{ inputs.app-private-key }}", env["TIDEMARK_APP_PRIVATE_KEY"]);
        // every input is used, and each by exactly one way in
        var text = File.ReadAllText(Path.Combine(Root, "action.yml"));
        Assert.All(inputs, i => Assert.Contains("${{ inputs." + i + " }}", text, StringComparison.Ordinal));

        var restore = Assert.Single(steps, s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("actions/cache/restore@", StringComparison.Ordinal));
        var save = Assert.Single(steps, s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("actions/cache/save@", StringComparison.Ordinal));
        Assert.Equal("${{ inputs.state-dir }}", restore["with"]["path"].ToString());
        Assert.Equal("${{ inputs.state-dir }}", save["with"]["path"].ToString());
        Assert.Equal("always()", save["if"].ToString());
        // a matrix over repositories (or state folders) keeps one store each: both are in the key and the restore prefix
        const string Prefix = "tidemark-state-${{ github.repository }}-[${{ inputs.repository }}]-[${{ inputs.state-dir }}]-";
        Assert.Equal(Prefix + "${{ github.run_id }}-${{ github.run_attempt }}", restore["with"]["key"].ToString());
        Assert.Equal(Prefix + "${{ github.run_id }}-${{ github.run_attempt }}", save["with"]["key"].ToString());
        Assert.Equal(Prefix, restore["with"]["restore-keys"].ToString().Trim());
        Assert.Equal("${{ inputs.state-dir }}", env["TIDEMARK_STATE_DIR"]);
    }

    [Fact]
    public async Task RunScript_RealCli_OpensThePullRequestOnTheSimulator_ThenChangesNothing_StateKept()
    {
        using var scene = await fixture.NewSceneAsync();
        var runner = Directory.CreateDirectory(Path.Combine(scene.Root, "runner")).FullName;
        var cli = WriteCliWrapper(runner);
        var env = Env(runner, cli, scene.RemoteUrl, scene.GitHub.ApiUri.AbsoluteUri);
        env["GITHUB_TOKEN"] = scene.Token;
        env["TIDEMARK_CONFIG"] = scene.OperatorConfig!;

        var first = await RunScriptAsync(runner, env);
        var second = await RunScriptAsync(runner, env);

        Assert.True(first.Code == 0, first.Error + first.Out);
        var pull = Assert.Single(scene.Repository.PullRequests);
        Assert.Contains("cert-manager-controller", pull.Body, StringComparison.Ordinal);
        Assert.NotNull(scene.BranchSha(RunScene.UpdateBranch));
        Assert.True(File.Exists(Path.Combine(runner, "state", "state.db")), "the state store is not in the cached folder");
        Assert.True(second.Code == 0, second.Error + second.Out);
        Assert.Single(scene.Repository.PullRequests);
        Assert.DoesNotContain(scene.Token, first.Out + first.Error + second.Out + second.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(runner, "tidemark-action", "app.pem")));
    }

    [Fact]
    public async Task RunScript_GitHubApp_StepTerminatedDuringTheRun_StillRemovesTheKeyFile()
    {
        var runner = Directory.CreateTempSubdirectory("tidemark-action-").FullName;
        try
        {
            // the stand-in terminates the step's script (as a cancelled job does), after noting that the key was there
            var cli = Path.Combine(runner, "fake-tidemark");
            ExecutableScript.Write(cli, """
                #!/usr/bin/env bash
                [ -f "$RUNNER_TEMP/tidemark-action/app.pem" ] && echo key-present
                kill -TERM "$PPID"
                """);
            var env = Env(runner, cli, "https://github.com/acme/fleet", "https://api.github.com/");
            env["TIDEMARK_APP_ID"] = "123456";
            env["TIDEMARK_APP_PRIVATE_KEY"] = "-----BEGIN RSA PRIVATE KEY-----\nkey-material\n-----END RSA PRIVATE KEY-----";

            var result = await RunScriptAsync(runner, env);

            Assert.NotEqual(0, result.Code);
            Assert.Contains("key-present", result.Out, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(runner, "tidemark-action", "app.pem")), "the key file outlived the terminated step");
        }
        finally
        {
            Directory.Delete(runner, recursive: true);
        }
    }

    [Fact]
    public async Task RunScript_GitHubApp_KeyInAPrivateFile_IdInASettingsFile_NeitherAnArgumentNorTheToken()
    {
        var runner = Directory.CreateTempSubdirectory("tidemark-action-").FullName;
        try
        {
            var record = Path.Combine(runner, "record");
            var cli = Path.Combine(runner, "fake-tidemark");
            // the stand-in records its arguments, whether GITHUB_TOKEN reached it, the settings file and the key file's mode
            ExecutableScript.Write(cli, $$"""
                #!/usr/bin/env bash
                {
                  printf 'arg %s\n' "$@"
                  echo "token=${GITHUB_TOKEN-unset}"
                  echo "state=$TIDEMARK_STATE"
                  config=""; prev=""; for a in "$@"; do [ "$prev" = --config ] && config="$a"; prev="$a"; done
                  cat "$config"
                  key="$(sed -n 's/.*privateKeyFile: \([^,}]*\).*/\1/p' "$config" | tr -d ' ')"
                  echo "keymode=$(stat -c %a "$key")"
                  cat "$key"
                } > {{record}}
                """);
            var env = Env(runner, cli, "https://github.com/acme/fleet", "https://api.github.com/");
            env["GITHUB_TOKEN"] = "the-workflow-token";
            env["TIDEMARK_APP_ID"] = "123456";
            env["TIDEMARK_APP_PRIVATE_KEY"] = "-----BEGIN RSA PRIVATE KEY-----\nkey-material\n-----END RSA PRIVATE KEY-----";
            env["TIDEMARK_APP_INSTALLATION_ID"] = "7890";

            var result = await RunScriptAsync(runner, env);

            Assert.True(result.Code == 0, result.Error);
            var recorded = File.ReadAllText(record);
            var args = recorded.Split('\n').Where(l => l.StartsWith("arg ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
            Assert.Equal(["run", "--repo", "https://github.com/acme/fleet", "--work-dir", Path.Combine(runner, "tidemark-action", "work"),
                "--output", "text", "--api-url", "https://api.github.com/", "--config", Path.Combine(runner, "tidemark-action", "operator.yaml")], args);
            Assert.DoesNotContain(args, a => a.Contains("123456", StringComparison.Ordinal) || a.Contains("key-material", StringComparison.Ordinal));
            Assert.Contains("token=unset", recorded, StringComparison.Ordinal);
            Assert.Contains($"state={Path.Combine(runner, "state", "state.db")}", recorded, StringComparison.Ordinal);
            Assert.Contains($"app: {{ id: 123456, privateKeyFile: {Path.Combine(runner, "tidemark-action", "app.pem")}, installationId: 7890 }}", recorded, StringComparison.Ordinal);
            Assert.Contains("keymode=600", recorded, StringComparison.Ordinal);
            Assert.Contains("key-material", recorded, StringComparison.Ordinal);
            // the key file is gone once the run is over
            Assert.False(File.Exists(Path.Combine(runner, "tidemark-action", "app.pem")));
        }
        finally
        {
            Directory.Delete(runner, recursive: true);
        }
    }

    [Theory]
    [InlineData("TIDEMARK_DRY_RUN", "maybe", "the dry-run input must be true or false")]
    [InlineData("TIDEMARK_APP_ID", "123456", "app-id and app-private-key go together")]
    [InlineData("TIDEMARK_CONFIG", "no-such-file.yaml", "the config input names no-such-file.yaml, which does not exist")]
    [InlineData("GITHUB_TOKEN", "", "no token: the token input is empty")]
    public async Task RunScript_BadInput_Exit2_NamingTheInput_CliNeverStarted(string variable, string value, string message)
    {
        var runner = Directory.CreateTempSubdirectory("tidemark-action-").FullName;
        try
        {
            var marker = Path.Combine(runner, "started");
            var cli = Path.Combine(runner, "fake-tidemark");
            ExecutableScript.Write(cli, $"#!/bin/sh\ntouch {marker}\n");
            var env = Env(runner, cli, "https://github.com/acme/fleet", "https://api.github.com/");
            env["GITHUB_TOKEN"] = "the-workflow-token";
            env[variable] = value;

            var result = await RunScriptAsync(runner, env);

            Assert.Equal(2, result.Code);
            Assert.Contains("tidemark-action: " + message, result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(marker));
        }
        finally
        {
            Directory.Delete(runner, recursive: true);
        }
    }

    /// <summary>What the action's env gives the script, with the runner's folders under <paramref name="runner"/>.</summary>
    private static Dictionary<string, string> Env(string runner, string cli, string repository, string api) => new(StringComparer.Ordinal)
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH")!,
        ["HOME"] = runner,
        ["RUNNER_TEMP"] = runner,
        ["TIDEMARK_CLI"] = cli,
        ["TIDEMARK_REPOSITORY"] = repository,
        ["TIDEMARK_API_URL"] = api,
        ["TIDEMARK_STATE_DIR"] = Path.Combine(runner, "state"),
        ["TIDEMARK_DRY_RUN"] = "false",
        ["DOTNET_NOLOGO"] = "1",
    };

    private static Task<(int Code, string Out, string Error)> RunScriptAsync(string cwd, Dictionary<string, string> env) =>
        Shell.RunAsync("bash", [Path.Combine(Root, "deploy", "github-action", "run.sh")], TimeSpan.FromMinutes(3), env, cwd);

    /// <summary>The action installs an executable; here a two-line one running this build's CLI.</summary>
    private static string WriteCliWrapper(string folder)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(Root, "src", "Tidemark.Cli", "bin", output.Parent!.Name, output.Name, "Tidemark.Cli.dll");
        Assert.True(File.Exists(dll), $"build Tidemark.Cli first: {dll}");
        var path = Path.Combine(folder, "tidemark");
        ExecutableScript.Write(path, $"#!/bin/sh\nexec dotnet '{dll}' \"$@\"\n");
        return path;
    }
}
