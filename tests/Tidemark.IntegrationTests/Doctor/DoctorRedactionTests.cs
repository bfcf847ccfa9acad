using System.Diagnostics;
using System.Text;
using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.Run;
using Tidemark.Testing;
using Tidemark.Testing.GitHub;
using static Tidemark.IntegrationTests.Doctor.DoctorScene;

namespace Tidemark.IntegrationTests.Doctor;

/// <summary>
/// The failure matrix — doctor, token check, and run for each broken token — leaves the token value nowhere: not in
/// stdout or stderr, the audit rows, the state database's bytes, the pull requests and comments on the simulator,
/// nor in any git process's arguments (a git shim first on PATH logs every argv; GitRunner resolves git through PATH).
/// </summary>
[Collection(GitShimCollection.Name)]
public sealed class DoctorRedactionTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly Dictionary<string, string> ReadWrite = new() { ["contents"] = "write", ["pull_requests"] = "write", ["metadata"] = "read" };

    [Fact]
    public async Task FailureMatrix_DoctorTokenCheckAndRun_TokenAppearsNowhere()
    {
        Assert.False(OperatingSystem.IsWindows(), "the git shim is a POSIX shell script");
        var shim = Directory.CreateTempSubdirectory("tidemark-git-shim-").FullName;
        var log = Path.Combine(shim, "argv.log");
        var realGit = TestGit.Executable;
        await ExecutableScript.WriteAsync(Path.Combine(shim, "git"), $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{log}'\nexec '{realGit}' \"$@\"\n");

        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", shim + ":" + path);
        var tokens = new List<string>();
        var text = new StringBuilder();
        var scenes = new List<RunScene>();
        try
        {
            foreach (var (name, setup) in Matrix())
            {
                var scene = await fixture.NewSceneAsync();
                scenes.Add(scene);
                var token = await setup(scene);
                tokens.Add(token.Trim('"'));
                var doctor = await DoctorAsync(scene, token);
                var check = await TokenCheckAsync(scene, token);
                var run = await scene.RunWithTokenAsync(token);
                Assert.True(doctor.ExitCode == 3, $"{name}: doctor exit {doctor.ExitCode}\n{doctor.Out}");
                Assert.True(run.ExitCode != 0, $"{name}: run succeeded\n{run.Out}{run.Error}");
                text.Append(doctor.Out).Append(doctor.Error).Append(check.Out).Append(check.Error).Append(run.Out).Append(run.Error);
            }

            // a good run too, so there is a pull request whose body and comments can be searched
            var good = await fixture.NewSceneAsync();
            scenes.Add(good);
            tokens.Add(good.Token);
            var published = await good.RunAsync();
            Assert.True(published.ExitCode == 0, published.Error);
            text.Append(published.Out).Append(published.Error);

            Assert.True(File.Exists(log), "no git process went through the shim");
            var argv = await File.ReadAllTextAsync(log);
            Assert.Contains("ls-remote", argv, StringComparison.Ordinal);
            foreach (var scene in scenes)
            {
                var audit = await scene.AuditAsync("token.check");
                text.Append(string.Join('\n', audit.Select(a => $"{a.Target} {a.Outcome} {a.TokenFingerprint} {a.Detail}")));
                text.Append(string.Join('\n', scene.Repository.PullRequests.Select(p => p.Title + p.Body + string.Join('\n', p.Comments.Select(c => c.Body)))));
            }

            Assert.Contains(scenes, s => s.Repository.PullRequests.Count > 0);
            foreach (var token in tokens)
            {
                Assert.DoesNotContain(token, text.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(token, argv, StringComparison.Ordinal);
                foreach (var scene in scenes)
                {
                    foreach (var file in Directory.GetFiles(Path.GetDirectoryName(scene.StatePath)!))
                    {
                        var bytes = await File.ReadAllBytesAsync(file);
                        Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(token)), $"{file} holds a token");
                    }
                }
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            foreach (var scene in scenes)
            {
                scene.Dispose();
            }

            Directory.Delete(shim, recursive: true);
        }
    }

    private static IEnumerable<(string Name, Func<RunScene, Task<string>> Setup)> Matrix()
    {
        var now = TimeProvider.System.GetUtcNow();
        yield return ("expired", s => Task.FromResult(s.GitHub.IssueClassicToken("alice", ["repo"], expiresAt: now.AddDays(-1)).Value));
        yield return ("revoked", s =>
        {
            s.GitHub.Revoke(s.SimToken);
            return Task.FromResult(s.Token);
        });
        yield return ("missing scope", s => Task.FromResult(s.GitHub.IssueClassicToken("alice", ["read:user"]).Value));
        yield return ("no contents write", s => Task.FromResult(s.GitHub.IssueFineGrainedToken("alice", "alice", [s.Repository.Name], new Dictionary<string, string> { ["contents"] = "read", ["pull_requests"] = "write" }).Value));
        yield return ("no pull requests", s => Task.FromResult(s.GitHub.IssueFineGrainedToken("alice", "alice", [s.Repository.Name], new Dictionary<string, string> { ["contents"] = "write" }).Value));
        yield return ("wrong repository", s => Task.FromResult(s.GitHub.IssueFineGrainedToken("alice", "alice", ["elsewhere"], ReadWrite).Value));
        yield return ("ruleset", s =>
        {
            s.GitHub.AddRuleset(s.Repository, "locked", ["refs/heads/flux-*"], ["creation", "non_fast_forward"]);
            return Task.FromResult(s.Token);
        });
        yield return ("committed", async s =>
        {
            await s.GitHub.CommitAsync(s.Repository, "main", new Dictionary<string, string> { ["apps/.env"] = $"GITHUB_TOKEN={s.Token}\n" });
            return s.Token;
        });
        yield return ("quoted", s => Task.FromResult($"\"{s.Token}\""));
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;
}
