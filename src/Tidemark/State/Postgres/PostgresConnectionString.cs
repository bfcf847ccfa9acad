using System.Globalization;
using Npgsql;
using Tidemark.Credentials;

namespace Tidemark.State.Postgres;

/// <summary>
/// Reads a PostgreSQL state location: a URL (<c>postgres://user@host:5432/tidemark?sslmode=require</c>, also
/// <c>postgresql://</c>) or an Npgsql key=value string (<c>Host=db;Port=5432;Username=tidemark;Database=tidemark</c>).
/// A password in it is a secret: it is registered with the redactor and never part of <see cref="Display"/>; prefer
/// <c>PGPASSWORD</c> or a passfile (<c>PGPASSFILE</c>, <c>~/.pgpass</c>), which Npgsql reads itself.
/// </summary>
internal sealed class PostgresConnectionString
{
    /// <summary>URL query parameters understood, as libpq spells them, and the Npgsql keyword each maps to.</summary>
    private static readonly Dictionary<string, string> UrlParameters = new(StringComparer.Ordinal)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["passfile"] = "Passfile",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
    };

    private PostgresConnectionString(NpgsqlConnectionStringBuilder builder)
    {
        Builder = builder;
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        var port = builder.Port == NpgsqlConnection.DefaultPort ? "" : ":" + builder.Port.ToString(CultureInfo.InvariantCulture);
        Display = $"postgres://{user}{builder.Host}{port}/{builder.Database}";
    }

    /// <summary>The Npgsql settings (holding the password when one was given).</summary>
    public NpgsqlConnectionStringBuilder Builder { get; }

    /// <summary>Where the store is, for messages and logs, never with a password: <c>postgres://tidemark@db:5433/tidemark</c>.</summary>
    public string Display { get; }

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool Recognises(string? location) =>
        location is not null
        && (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || LooksLikeKeyValue(location));

    /// <summary>Parses <paramref name="location"/>; a password found in it is registered with <paramref name="redactor"/> first.</summary>
    public static PostgresConnectionString Parse(string location, ISecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(redactor);
        var builder = location.Contains("://", StringComparison.Ordinal) ? FromUrl(location, redactor) : FromKeyValue(location, redactor);
        if (string.IsNullOrEmpty(builder.Host))
        {
            throw Bad(redactor.Redact(location), "it names no host");
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw Bad(new PostgresConnectionString(builder).Display, "it names no database (postgres://USER@HOST:PORT/DATABASE)");
        }

        return new PostgresConnectionString(builder);
    }

    /// <summary>An Npgsql key=value string names its server: <c>Host=…</c> (or <c>Server=…</c>).</summary>
    private static bool LooksLikeKeyValue(string location) =>
        location.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Any(part => part.Split('=', 2) is [var key, _] && key.Trim().ToUpperInvariant() is "HOST" or "SERVER");

    private static NpgsqlConnectionStringBuilder FromKeyValue(string location, ISecretRedactor redactor)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(location);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message may quote the string; say only which key is wrong.
            throw Bad("the key=value state connection string", $"Npgsql does not accept it ({FirstWord(e.Message)}…); see docs/state.md for the keys");
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            redactor.Register(builder.Password);
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string location, ISecretRedactor redactor)
    {
        // Register the password before anything can quote the URL.
        var scheme = location.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = location.IndexOf('@', scheme);
        var userInfo = at < 0 ? "" : location[scheme..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            redactor.Register(userInfo[(colon + 1)..]);
            redactor.Register(Uri.UnescapeDataString(userInfo[(colon + 1)..]));
        }

        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Bad(redactor.Redact(location), "it is not a URL of the form postgres://USER@HOST:PORT/DATABASE");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? NpgsqlConnection.DefaultPort : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (userInfo.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        var display = new PostgresConnectionString(builder).Display;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0]);
            if (!UrlParameters.TryGetValue(name, out var keyword))
            {
                throw Bad(display, $"the URL parameter '{name}' is not supported (known: {string.Join(", ", UrlParameters.Keys)})");
            }

            try
            {
                builder[keyword] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw Bad(display, $"the URL parameter '{name}' has a value Npgsql does not accept");
            }
        }

        return builder;
    }

    private static string FirstWord(string message) => message.Split([' ', '\'', '"'], 2)[0];

    private static StateStoreException Bad(string display, string why) =>
        new(StateStoreProblem.BadConnectionString, display, why);
}
