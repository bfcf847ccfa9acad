using System.Globalization;

namespace Tidemark.State;

/// <summary>
/// <c>tidemark state repair</c>'s file work: the broken database (with its <c>-wal</c> and <c>-shm</c>) is renamed to
/// <c>PATH.broken-YYYYMMDDTHHMMSSZ</c>, never deleted, so a new, empty one can be created at PATH.
/// </summary>
internal static class SqliteStateRepair
{
    /// <summary>Moves the database at <paramref name="path"/> aside; returns where it now is.</summary>
    public static string MoveAside(string path, DateTimeOffset now)
    {
        var aside = $"{path}.broken-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        if (File.Exists(aside))
        {
            throw new StateStoreException(StateStoreProblem.Failed, path, $"{aside} already exists; move it away and try again");
        }

        try
        {
            File.Move(path, aside);
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                if (File.Exists(path + suffix))
                {
                    File.Move(path + suffix, aside + suffix);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException(StateStoreProblem.ReadOnlyFolder, path, e.Message, e);
        }

        return aside;
    }
}
