using System.Diagnostics;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Deploy;

/// <summary>
/// <c>scripts/publish.sh --fast linux-x64</c>, once for the tests that use it: the self-contained single file
/// (<c>Folder/tidemark</c>), which the container tests then put into the image.
/// </summary>
public sealed class PublishedCli : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("tidemark-publish-").FullName;

    public string Folder => Path.Combine(Root, "linux-x64");

    public string Executable => Path.Combine(Folder, "tidemark");

    public async Task InitializeAsync()
    {
        var result = await Shell.RunAsync(Path.Combine(ExampleRepository.SourceRoot(), "scripts", "publish.sh"),
            ["--fast", "--out", Root, "linux-x64"], TimeSpan.FromMinutes(9));
        Assert.True(result.Code == 0, $"scripts/publish.sh failed ({result.Code}): {result.Out}{result.Error}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedCliCollection : ICollectionFixture<PublishedCli>
{
    public const string Name = "published CLI";
}

/// <summary>Runs a program with arguments as a list (no shell), an explicit environment, a time limit.</summary>
internal static class Shell
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(string program, IReadOnlyList<string> args, TimeSpan limit,
        IReadOnlyDictionary<string, string>? env = null, string? cwd = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cwd is not null)
        {
            start.WorkingDirectory = cwd;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (env is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in env)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
