using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tidemark.Automation;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.IntegrationTests.State;

/// <summary>
/// Real damage done to a real state database file: garbage bytes, cut in half, read-only (chmod; as root also
/// <c>chattr +i</c>, since root ignores permission bits), a read-only folder, a folder in its place, a newer schema.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class BrokenState
{
    public const string Garbage = "garbage";
    public const string Truncated = "truncated";
    public const string ReadOnlyFile = "read-only file";
    public const string ReadOnlyFolder = "read-only folder";
    public const string Folder = "folder";
    public const string NewerSchema = "newer schema";

    public static readonly string[] All = [Garbage, Truncated, ReadOnlyFile, ReadOnlyFolder, Folder, NewerSchema];

    /// <summary>A healthy store with a few hundred pages of audit events, closed and checkpointed (no -wal left).</summary>
    public static async Task CreateHealthyAsync(string path)
    {
        var store = await SqliteStateStore.OpenAsync(new SqliteStateOptions(path), TimeProvider.System, new Redactor(), CancellationToken.None);
        var trail = new AuditTrail(store.AuditWriter, null);
        for (var i = 0; i < 300; i++)
        {
            await trail.RecordAsync(AuditActions.GitFetch, "acme/gitops", AuditOutcomes.Ok, new string('x', 1000), CancellationToken.None);
        }

        Checkpoint(path);
    }

    public static void Checkpoint(string path)
    {
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }

        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    /// <summary>Breaks the healthy database at <paramref name="path"/> the way <paramref name="kind"/> says.</summary>
    public static void Break(string path, string kind)
    {
        switch (kind)
        {
            case Garbage:
                File.WriteAllBytes(path, [.. Enumerable.Range(0, 8192).Select(i => (byte)((i * 7919) % 251))]);
                break;
            case Truncated:
                Checkpoint(path);
                using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
                {
                    file.SetLength(file.Length / 2);
                }

                break;
            case ReadOnlyFile:
                Checkpoint(path);
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                Immutable(path, true);
                break;
            case ReadOnlyFolder:
                Checkpoint(path);
                var folder = Path.GetDirectoryName(path)!;
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
                Immutable(folder, true);
                break;
            case Folder:
                Checkpoint(path);
                File.Delete(path);
                Directory.CreateDirectory(path);
                break;
            case NewerSchema:
                using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, 0)";
                    command.ExecuteNonQuery();
                }

                break;
            default:
                throw new ArgumentException(kind, nameof(kind));
        }
    }

    /// <summary>Undoes read-only damage so the test's folder can be deleted.</summary>
    public static void Mend(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return;
        }

        Immutable(folder, false);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (File.Exists(path))
        {
            Immutable(path, false);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void Immutable(string path, bool on)
    {
        if (Environment.UserName != "root")
        {
            return;
        }

        using var chattr = Process.Start(new ProcessStartInfo("chattr", [on ? "+i" : "-i", path]) { RedirectStandardError = true })!;
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0 || !on, $"chattr +i {path}: {chattr.StandardError.ReadToEnd()}");
    }
}
