using Microsoft.Data.Sqlite;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.IntegrationTests.State;

/// <summary>A state database another process holds locked beyond the busy timeout is a named error, not a raw SqliteException.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LockedStateTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"tidemark-locked-state-{Guid.NewGuid():N}");

    private string StatePath => Path.Combine(_root, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Open_AnotherConnectionHoldsAnExclusiveLock_LockedErrorNamingTheFile()
    {
        await BrokenState.CreateHealthyAsync(StatePath);
        using var holder = new SqliteConnection($"Data Source={StatePath};Pooling=False");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var options = new SqliteStateOptions(StatePath) { BusyTimeout = TimeSpan.FromMilliseconds(300) };
        var error = await Assert.ThrowsAsync<StateStoreException>(() => SqliteStateStore.OpenAsync(options, TimeProvider.System, new Redactor(), CancellationToken.None));

        Assert.Equal(StateStoreProblem.Locked, error.Kind);
        Assert.Contains($"state database {StatePath} is locked by another process beyond the busy timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("tidemark state check", error.Message, StringComparison.Ordinal);
    }
}
