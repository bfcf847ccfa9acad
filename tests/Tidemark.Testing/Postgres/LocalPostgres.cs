using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Tidemark.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server (Debian's <c>postgresql</c> package) in a temporary folder, listening on a free
/// 127.0.0.1 port with its socket in that folder: <c>initdb</c> with a password for TCP logins (scram-sha-256), then
/// <c>postgres</c>. <c>initdb</c> and <c>postgres</c> refuse to run as root, so as root (tests and CI) both run as the
/// <c>postgres</c> system user the package creates (through <c>setpriv</c>, which execs, so the process is the
/// server itself), with the folder given to that user. <see cref="CreateDatabaseAsync"/> makes a fresh database, one
/// per test. Dispose stops the server (immediate shutdown) and deletes the folder.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    /// <summary>The superuser initdb creates.</summary>
    public const string User = "tidemark";

    private readonly Process _server;
    private readonly string _folder;
    private readonly StringBuilder _output;

    private LocalPostgres(Process server, string folder, StringBuilder output, int port, string password, string binaries)
    {
        _server = server;
        _folder = folder;
        _output = output;
        Port = port;
        Password = password;
        Binaries = binaries;
    }

    public int Port { get; }

    /// <summary>The superuser's password (made up per server, at run time).</summary>
    public string Password { get; }

    /// <summary>The folder holding initdb, postgres and pg_ctl.</summary>
    public string Binaries { get; }

    /// <summary>What the server wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A URL for <paramref name="database"/> without the password (give it through PGPASSWORD, or use <see cref="UrlWithPassword"/>).</summary>
    public string Url(string database) => $"postgres://{User}@127.0.0.1:{Port}/{database}";

    /// <summary>A URL for <paramref name="database"/> with the password in it.</summary>
    public string UrlWithPassword(string database) => $"postgres://{User}:{Uri.EscapeDataString(Password)}@127.0.0.1:{Port}/{database}";

    /// <summary>An Npgsql key=value string for <paramref name="database"/>, password included.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Password = Password, Database = database, Pooling = false }.ConnectionString;

    /// <summary>Whether this machine has the server binaries (the <c>postgresql</c> Debian package).</summary>
    public static bool Installed => FindBinaries() is not null;

    public static async Task<LocalPostgres> StartAsync(CancellationToken cancellationToken = default)
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/ensure-deps.sh, which installs the postgresql Debian package");
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("tidemark-postgres-").FullName;
            var password = "pw-" + Guid.NewGuid().ToString("N");
            try
            {
                await InitAsync(binaries, folder, password, cancellationToken);
            }
            catch
            {
                Directory.Delete(folder, recursive: true);
                throw;
            }

            var port = Ports.Free();
            var output = new StringBuilder();
            var process = Launch(binaries, folder, port, output);
            var server = new LocalPostgres(process, folder, output, port, password, binaries);
            if (await server.WaitUntilReadyAsync(cancellationToken))
            {
                return server;
            }

            var log = server.Output;
            await server.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"postgres did not accept connections on 127.0.0.1:{port}; its output:\n{log}");
            }
        }
    }

    /// <summary>Creates an empty database with a fresh name and returns the name.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name}", cancellationToken);
        return name;
    }

    /// <summary>Runs one statement in the <c>postgres</c> maintenance database.</summary>
    public Task ExecuteAsync(string sql, CancellationToken cancellationToken = default) => ExecuteAsync("postgres", sql, cancellationToken);

    /// <summary>Runs one statement in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string database, string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one query in <paramref name="database"/> and returns the first column of the first row as text.</summary>
    public async Task<string?> ScalarAsync(string database, string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            try
            {
                using var stop = await RunAsync(Path.Combine(Binaries, "pg_ctl"), ["stop", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "-t", "20"], CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // killed below
            }

            if (!_server.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync();
            }
        }

        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task InitAsync(string binaries, string folder, string password, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n", cancellationToken);
        if (IsRoot)
        {
            using var chown = await RunAsync("chown", ["-R", "postgres:postgres", folder], cancellationToken, asServerUser: false);
        }

        using var init = await RunAsync(Path.Combine(binaries, "initdb"),
            ["-D", Path.Combine(folder, "data"), "-U", User, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
             "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"], cancellationToken);
        File.Delete(passwordFile);
    }

    private static Process Launch(string binaries, string folder, int port, StringBuilder output)
    {
        var start = Start(Path.Combine(binaries, "postgres"),
            ["-D", Path.Combine(folder, "data"), "-p", port.ToString(CultureInfo.InvariantCulture), "-k", folder,
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             "-c", "max_connections=200", "-c", "logging_collector=off"], asServerUser: true);
        return ServerProcess.StartCapturing(start, output, "postgres");
    }

    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !_server.HasExited)
        {
            try
            {
                await ExecuteAsync("SELECT 1", cancellationToken);
                return true;
            }
            catch (NpgsqlException)
            {
                // starting up
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    /// <summary>As root, the server's programs run as the <c>postgres</c> user: setpriv execs them, so the pid is theirs.</summary>
    private static ProcessStartInfo Start(string file, IReadOnlyList<string> arguments, bool asServerUser)
    {
        var wrap = asServerUser && IsRoot;
        var start = new ProcessStartInfo(wrap ? "setpriv" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (wrap)
        {
            foreach (var argument in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task<Process> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool asServerUser = true)
    {
        var process = Process.Start(Start(file, arguments, asServerUser)) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var message = $"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}";
            process.Dispose();
            throw new InvalidOperationException(message);
        }

        return process;
    }
}
