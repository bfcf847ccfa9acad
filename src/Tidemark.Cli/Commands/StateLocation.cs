using Tidemark.State.Postgres;

namespace Tidemark.Cli.Commands;

/// <summary>
/// The one rule for where the state store is, for every command (docs/state.md): <c>--state</c> when given, else the
/// <c>TIDEMARK_STATE</c> variable, else <c>.tidemark/state.db</c> in the current folder. <c>run --work-dir</c> does not
/// move it, so <c>audit</c> and <c>token status</c> from the same folder read what <c>run</c> recorded. Either names a
/// SQLite file or is a PostgreSQL connection string (<c>postgres://…</c>, <c>postgresql://…</c>, <c>key=value</c>), which
/// is kept as given; <see cref="Composition"/> opens the store it names.
/// </summary>
internal static class StateLocation
{
    public const string Variable = "TIDEMARK_STATE";

    /// <summary>The state database's full path, or the PostgreSQL connection string as given.</summary>
    public static string Resolve(string? given, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var chosen = given is { Length: > 0 } ? given
            : variable(Variable) is { Length: > 0 } set ? set
            : Path.Combine(".tidemark", "state.db");
        return PostgresConnectionString.Recognises(chosen) ? chosen : Path.GetFullPath(chosen);
    }
}
