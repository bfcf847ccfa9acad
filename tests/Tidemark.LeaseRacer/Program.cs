using System.Globalization;
using Tidemark.Credentials;
using Tidemark.State;
using Tidemark.State.Postgres;

// One runner of the two-process lease race (tests/Tidemark.IntegrationTests/State/Postgres/LeaseRaceTests.cs): opens the
// PostgreSQL store named by TIDEMARK_STATE (password from PGPASSWORD, read by Npgsql), says "ready", and on each line
// from the test: "race" tries the repository's lease once and answers "won" or "lost" (a winner keeps the lease);
// "rounds N" releases a won lease after one counted update, then N times waits for the lease, makes one counted
// update (read, pause, write back: lost if two held the lease at once), releases it, and answers "done".
if (args is not [var repository] || Environment.GetEnvironmentVariable("TIDEMARK_STATE") is not { Length: > 0 } location)
{
    await Console.Error.WriteLineAsync("usage: TIDEMARK_STATE=postgres://… PGPASSWORD=… Tidemark.LeaseRacer REPOSITORY");
    return 2;
}

var time = TimeProvider.System;
var store = await PostgresStateStore.OpenAsync(new PostgresStateOptions(location) { LockPollInterval = TimeSpan.FromMilliseconds(20) }, time, new Redactor(), CancellationToken.None);
var owner = LeaseOwner.For("race");
var lease = TimeSpan.FromMinutes(1);
RepositoryLease? held = null;
Console.WriteLine("ready");
while (await Console.In.ReadLineAsync() is { } line)
{
    if (line == "race")
    {
        held = await store.Locks.TryAcquireAsync(repository, owner, lease, CancellationToken.None);
        Console.WriteLine(held is null ? "lost" : "won");
    }
    else if (line.StartsWith("rounds ", StringComparison.Ordinal))
    {
        if (held is not null)
        {
            await CountAsync();
            await store.Locks.ReleaseAsync(held, CancellationToken.None);
        }

        for (var i = 0; i < int.Parse(line["rounds ".Length..], CultureInfo.InvariantCulture); i++)
        {
            var round = await store.Locks.AcquireAsync(repository, owner, lease, TimeSpan.FromMinutes(2), CancellationToken.None);
            await CountAsync();
            await store.Locks.ReleaseAsync(round, CancellationToken.None);
        }

        Console.WriteLine("done");
        return 0;
    }
}

return 1;

// A read-modify-write of one counter (the number of a pull-request record) with a pause in the middle.
async Task CountAsync()
{
    var current = await store.PullRequestReader.FindPullRequestAsync(repository, "counter", CancellationToken.None);
    await Task.Delay(TimeSpan.FromMilliseconds(15));
    await store.PullRequestWriter.SavePullRequestAsync(new ManagedPullRequest(repository, "counter", (current?.Number ?? 0) + 1, null, PullRequestState.Open,
        new Dictionary<string, string>(), false, null), CancellationToken.None);
}
