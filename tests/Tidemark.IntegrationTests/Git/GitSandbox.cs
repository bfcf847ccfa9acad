using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Credentials;
using Tidemark.Git;

namespace Tidemark.IntegrationTests.Git;

/// <summary>
/// A temporary folder with a bare "remote" repository (main with one commit), a "seed" clone that plays the
/// humans, and Tidemark's work directory. Remotes are file:// URLs; the token goes the environment route anyway.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    public static readonly GitIdentity Tidemark = new("Tidemark", "tidemark@example.invalid");
    public static readonly GitIdentity Human = new("Dana Human", "dana@example.invalid");

    public GitSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "tidemark-git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Token = "gh" + "p_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 36);
        BarePath = Path.Combine(Root, "remote.git");
        Raw(Root, "init", "--quiet", "--bare", "--initial-branch=main", BarePath);
        Raw(BarePath, "config", "uploadpack.allowFilter", "true");
        Raw(Root, "clone", "--quiet", BarePath, SeedPath);
        Raw(SeedPath, "checkout", "--quiet", "-b", "main");
        HumanCommit("apps/podinfo/release.yaml", "image: ghcr.io/stefanprodan/podinfo:6.5.0\n", "Initial manifests");
        Raw(SeedPath, "push", "--quiet", "origin", "main");
        Remote = new GitRemote("file://" + BarePath, "acme/gitops");
        Redactor = new Redactor();
        Runner = new GitRunner(new GitRunnerOptions(Path.Combine(WorkPath, ".home")), Redactor, NullLogger<GitRunner>.Instance, Invocations.Add);
    }

    public string Root { get; }

    public string Token { get; }

    public string BarePath { get; }

    public string SeedPath => Path.Combine(Root, "seed");

    public string WorkPath => Path.Combine(Root, "work");

    public string ClonePath => Path.Combine(WorkPath, "repo");

    public GitRemote Remote { get; }

    public Redactor Redactor { get; }

    public GitRunner Runner { get; }

    public List<GitInvocation> Invocations { get; } = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public Task<GitRepository> CloneAsync() =>
        GitRepository.CloneAsync(Runner, Remote, ClonePath, "main", Token, Time, CancellationToken.None);

    public static GitCommitRequest Update(string baseSha, string tag = "6.6.0") =>
        new("flux-image-updates", baseSha,
            [new GitFileChange("apps/podinfo/release.yaml", Encoding.UTF8.GetBytes($"image: ghcr.io/stefanprodan/podinfo:{tag}\n"))],
            $"Update podinfo to {tag}", Tidemark, Tidemark);

    /// <summary>Commits a file in the seed clone as a person and returns the new SHA (not pushed).</summary>
    public string HumanCommit(string path, string content, string message)
    {
        var full = Path.Combine(SeedPath, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        Raw(SeedPath, "add", "--", path);
        Raw(SeedPath, "-c", $"user.name={Human.Name}", "-c", $"user.email={Human.Email}", "commit", "--quiet", "-m", message);
        return Raw(SeedPath, "rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs git for the test's own setup, isolated from the user's configuration.</summary>
    public string Raw(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = Root;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
    }

    /// <summary>Every form of the token that must never be found: plain, base64, and the Basic header value.</summary>
    public IEnumerable<string> TokenForms()
    {
        yield return Token;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(Token));
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + Token));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is not worth failing a test for
        }
        catch (UnauthorizedAccessException)
        {
            // git makes pack files read-only; the OS temp cleaner gets them
        }
    }
}
