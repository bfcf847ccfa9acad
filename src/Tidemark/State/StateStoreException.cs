namespace Tidemark.State;

/// <summary>
/// The state store cannot be used; the operator must act. <see cref="Kind"/> says what is wrong with the file at
/// <see cref="Path"/>; the message (one line) names the file, what is wrong and what to do. The CLI maps the kind to
/// an exit code in one place (<c>CommandRunner</c>).
/// </summary>
internal sealed class StateStoreException : Exception
{
    public StateStoreException(StateStoreProblem kind, string path, string? detail = null, Exception? inner = null)
        : base(Describe(kind, path, detail), inner)
    {
        Kind = kind;
        Path = path;
    }

    public StateStoreProblem Kind { get; }

    public string Path { get; }

    /// <summary>E.g. <c>state database /srv/state.db is not a SQLite database …; run `tidemark state check --state /srv/state.db` …</c>.</summary>
    private static string Describe(StateStoreProblem kind, string path, string? detail)
    {
        var check = $"`tidemark state check --state {path}`";
        var repair = $"`tidemark state repair --state {path}` moves it aside and starts a new one (the pull-request state is rebuilt from the repository and GitHub on the next run)";
        var what = kind switch
        {
            StateStoreProblem.Missing => $"no state database at {path}: run `tidemark run` first, or give --state FILE",
            StateStoreProblem.Directory => $"state database {path} is a folder, not a file: give --state the path of a file (e.g. {System.IO.Path.Combine(path, "state.db")})",
            StateStoreProblem.MissingFolder => $"state database {path}: its folder {System.IO.Path.GetDirectoryName(path)} does not exist and cannot be created{Detail(detail)}: create the folder, or give --state a path in an existing writable folder",
            StateStoreProblem.NotADatabase => $"state database {path} is not a SQLite database (the file holds something else): {repair}, or give --state another file",
            StateStoreProblem.Corrupt => $"state database {path} is damaged (truncated or corrupt{Detail(detail)}): see {check}; {repair}",
            StateStoreProblem.ReadOnly => $"state database {path} cannot be written (the file is read-only{Detail(detail)}): make it writable for this user (chmod u+w), or give --state a writable file",
            StateStoreProblem.ReadOnlyFolder => $"state database {path} cannot be written: its folder {System.IO.Path.GetDirectoryName(path)} is not writable (SQLite writes its journal files beside the database): make the folder writable for this user, or give --state a path in a writable folder",
            StateStoreProblem.NewerSchema => $"state database {path} has schema version {detail}, written by a newer Tidemark; this Tidemark knows up to version {SqliteMigrations.Latest}: upgrade Tidemark, or give --state another file",
            StateStoreProblem.Locked => $"state database {path} is locked by another process beyond the busy timeout{Detail(detail)}: wait for the other Tidemark to finish and try again; see {check} for the lease holder",
            StateStoreProblem.BadConnectionString => $"state database {path}: {detail}: give --state (or TIDEMARK_STATE) a connection string of the form postgres://USER@HOST:PORT/DATABASE, with the password in PGPASSWORD or a passfile (docs/state.md)",
            StateStoreProblem.Unreachable => $"state database {path} cannot be reached{Detail(detail)}: check that the PostgreSQL server is running and that host and port are right",
            StateStoreProblem.Rejected => $"state database {path} refused this Tidemark{Detail(detail)}: check the user, the password (PGPASSWORD or a passfile), that the database exists and that the user may create tables in it",
            _ => $"state database {path} cannot be used{Detail(detail)}: see {check}",
        };
        return what;
    }

    private static string Detail(string? detail) => string.IsNullOrEmpty(detail) ? "" : $" — {detail}";
}

/// <summary>What is wrong with a state database; each maps to one message and one exit code.</summary>
internal enum StateStoreProblem
{
    /// <summary>No file there (a command that only reads the store).</summary>
    Missing,

    /// <summary>The path is a folder.</summary>
    Directory,

    /// <summary>The folder does not exist and cannot be created.</summary>
    MissingFolder,

    /// <summary>The file is not a SQLite database (garbage bytes).</summary>
    NotADatabase,

    /// <summary>A SQLite database, damaged: truncated, or pages that do not check.</summary>
    Corrupt,

    /// <summary>The file cannot be written.</summary>
    ReadOnly,

    /// <summary>The folder cannot be written (SQLite's -wal and -shm files live beside the database).</summary>
    ReadOnlyFolder,

    /// <summary>A schema version this Tidemark does not know.</summary>
    NewerSchema,

    /// <summary>Another process holds the database lock beyond the busy timeout.</summary>
    Locked,

    /// <summary>A PostgreSQL connection string that cannot be read (bad input).</summary>
    BadConnectionString,

    /// <summary>The PostgreSQL server does not answer (refused, timed out, unknown host).</summary>
    Unreachable,

    /// <summary>The PostgreSQL server refused the user, the password or the database (bad input).</summary>
    Rejected,

    /// <summary>Any other failure of the file (disk full, I/O error).</summary>
    Failed,
}
