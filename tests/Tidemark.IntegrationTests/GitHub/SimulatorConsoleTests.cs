using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>The simulator console (tests/Tidemark.GitHubSimulator) as demo.sh runs it: a real process, configured by YAML.</summary>
public sealed partial class SimulatorConsoleTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private readonly string folder = Directory.CreateTempSubdirectory("tidemark-simconsole-").FullName;

    [GeneratedRegex(@"^listening on (http://127\.0\.0\.1:[1-9][0-9]*)$")]
    private static partial Regex ListeningLine();

    [Fact]
    public async Task Start_ConfigWithImportAndToken_ServesRestAndGitWithTheWrittenToken()
    {
        var config = WriteConfig(tokenFile: "tokens/good.txt");
        var data = Path.Combine(folder, "data");
        await using var console = SimulatorConsole.Start(null, "--port", "0", "--data", data, "--config", config);

        var line = await console.FirstLineAsync(StartTimeout);
        var match = ListeningLine().Match(line);
        Assert.True(match.Success, line);
        var tokenFile = Path.Combine(data, "tokens", "good.txt");
        var token = await File.ReadAllTextAsync(tokenFile);
        Assert.StartsWith("github_pat_", token, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }

        using var http = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value + "/") };
        var (response, body) = await RestCalls.SendAsync(http, HttpMethod.Get, "repos/alice/gitops", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("trunk", (string?)body!["default_branch"]);
        Assert.True((bool?)body["private"]);

        var work = Path.Combine(folder, "clone");
        var clone = await CloneAsync(new Uri(match.Groups[1].Value + "/alice/gitops.git"), token, work);
        Assert.True(clone.ExitCode == 0, clone.Stderr);
        Assert.Equal("# site\n", await File.ReadAllTextAsync(Path.Combine(work, "README.md")));
        Assert.Equal("image: nginx:1.25.0\n", await File.ReadAllTextAsync(Path.Combine(work, "deploy", "app.yaml")));

        var (exitCode, stdout, stderr) = await console.TerminateAsync(StopTimeout);
        Assert.Equal(0, exitCode);
        Assert.Equal("", stdout);
        Assert.DoesNotContain(token, line + stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithoutDataFolder_RemovesItsTemporaryFolderOnSigterm()
    {
        var temp = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
        var config = WriteConfig(tokenFile: Path.Combine(folder, "token.txt"));
        await using var console = SimulatorConsole.Start(new Dictionary<string, string> { ["TMPDIR"] = temp }, "--config", config);

        Assert.Matches(ListeningLine(), await console.FirstLineAsync(StartTimeout));
        Assert.Single(Directory.GetDirectories(temp, "tidemark-github-*"));
        var (exitCode, _, stderr) = await console.TerminateAsync(StopTimeout);

        Assert.True(exitCode == 0, stderr);
        Assert.Empty(Directory.GetDirectories(temp, "tidemark-github-*"));
    }

    [Fact]
    public async Task Start_ConfigNamingAnUnknownOwner_ExitsWith2AndNamesFileAndLine()
    {
        var config = Path.Combine(folder, "bad.yaml");
        await File.WriteAllTextAsync(config, "users: [alice]\nrepositories:\n  - owner: mallory\n    name: gitops\n");
        await using var console = SimulatorConsole.Start(null, "--config", config);

        var (exitCode, stdout, stderr) = await console.WaitForExitAsync(StartTimeout);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains($"{config}:3:5: owner 'mallory' is not listed under users: or organizations:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownFlag_ExitsWith2AndNamesTheFlag()
    {
        await using var console = SimulatorConsole.Start(null, "--prot", "8080");

        var (exitCode, stdout, stderr) = await console.WaitForExitAsync(StartTimeout);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("unknown option '--prot'", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>alice/gitops (private, default branch trunk) imported from a small folder, bob a writer, one fine-grained token.</summary>
    private string WriteConfig(string tokenFile)
    {
        var site = Path.Combine(folder, "site");
        Directory.CreateDirectory(Path.Combine(site, "deploy"));
        File.WriteAllText(Path.Combine(site, "README.md"), "# site\n");
        File.WriteAllText(Path.Combine(site, "deploy", "app.yaml"), "image: nginx:1.25.0\n");
        var config = Path.Combine(folder, "simulator.yaml");
        File.WriteAllText(config, $$"""
            users: [alice, bob]
            repositories:
              - owner: alice
                name: gitops
                private: true
                defaultBranch: trunk
                import: site
                collaborators: {bob: write}
            tokens:
              - name: good
                kind: fine-grained
                user: alice
                repositories: [gitops]
                permissions: {contents: write, metadata: read}
                expiresInDays: 30
                writeTo: {{tokenFile}}
            """);
        return config;
    }

    /// <summary>git clone with the token in the environment only (an extra header), never in the URL or the arguments.</summary>
    private async Task<(int ExitCode, string Stderr)> CloneAsync(Uri remote, string token, string target)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "clone", "--quiet", remote.ToString(), target })
        {
            start.ArgumentList.Add(argument);
        }

        var env = start.Environment;
        env["HOME"] = folder;
        env["XDG_CONFIG_HOME"] = folder;
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        env["GIT_TERMINAL_PROMPT"] = "0";
        env["GIT_CONFIG_COUNT"] = "1";
        env["GIT_CONFIG_KEY_0"] = "http.extraHeader";
        env["GIT_CONFIG_VALUE_0"] = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        return (process.ExitCode, await stderr);
    }
}
