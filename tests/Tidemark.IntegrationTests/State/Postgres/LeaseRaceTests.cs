using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Credentials;
using Tidemark.State;
using Tidemark.State.Postgres;

namespace Tidemark.IntegrationTests.State.Postgres;

/// <summary>
/// Two runner processes (tests/Tidemark.LeaseRacer), each with its own connections, race for one repository's lease
/// on one PostgreSQL database: exactly one wins the first race, and then, taking turns through the lease, neither
/// loses the other's read-pause-write update of a shared counter.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaseRaceTests(PostgresFixture fixture)
{
    private const int Rounds = 15;

    [Fact]
    public async Task TwoProcessesRaceForOneLease_ExactlyOneWinsAndNoUpdateIsLost()
    {
        var database = await fixture.Server.CreateDatabaseAsync();
        var url = fixture.Server.Url(database);
        await using var a = Racer.Start(url, fixture.Server.Password);
        await using var b = Racer.Start(url, fixture.Server.Password);
        Assert.Equal("ready", await a.ReadAsync());
        Assert.Equal("ready", await b.ReadAsync());

        await Task.WhenAll(a.WriteAsync("race"), b.WriteAsync("race"));
        string[] first = [await a.ReadAsync(), await b.ReadAsync()];
        await Task.WhenAll(a.WriteAsync($"rounds {Rounds}"), b.WriteAsync($"rounds {Rounds}"));
        string[] done = [await a.ReadAsync(), await b.ReadAsync()];

        Assert.Equal(["lost", "won"], first.Order(StringComparer.Ordinal));
        Assert.Equal(["done", "done"], done);
        var store = await PostgresStateStore.OpenAsync(new PostgresStateOptions(fixture.Server.UrlWithPassword(database)), new FakeTimeProvider(), new Redactor(), default);
        var counter = await store.PullRequestReader.FindPullRequestAsync("acme/gitops", "counter", default);
        Assert.Equal(1 + 2 * Rounds, counter!.Number);
        Assert.Equal("0", await fixture.Server.ScalarAsync(database, "SELECT COUNT(*) FROM repository_locks"));
    }

    private sealed class Racer : IAsyncDisposable
    {
        private readonly Process _process;

        private Racer(Process process) => _process = process;

        /// <summary>The password goes in PGPASSWORD, never in an argument; the URL names no password.</summary>
        public static Racer Start(string url, string password)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
            start.ArgumentList.Add(Locate());
            start.ArgumentList.Add("acme/gitops");
            start.Environment["TIDEMARK_STATE"] = url;
            start.Environment["PGPASSWORD"] = password;
            return new Racer(Process.Start(start)!);
        }

        public async Task<string> ReadAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return await _process.StandardOutput.ReadLineAsync(timeout.Token) ?? $"exited {(_process.HasExited ? _process.ExitCode : -1)}";
        }

        public async Task WriteAsync(string line)
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private static string Locate()
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(tests, "Tidemark.LeaseRacer", "bin", configuration, output.Name, "Tidemark.LeaseRacer.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build Tidemark.LeaseRacer first (dotnet build Tidemark.slnx)", dll);
        }
    }
}
