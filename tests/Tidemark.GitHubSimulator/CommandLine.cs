using System.Globalization;

namespace Tidemark.GitHubSimulator;

/// <summary>The parsed flags, e.g. <c>--port 8080 --data /tmp/sim --config sim.yaml</c>.</summary>
internal sealed record CommandLine(int Port, string? DataDirectory, string? ConfigFile, bool Help)
{
    public const string Usage = """
        Usage: Tidemark.GitHubSimulator [--port N] [--data DIR] [--config FILE]

          --port N       loopback port to listen on (default 0: a free port)
          --data DIR     folder for the bare repositories and relative token files
                         (default: a temporary folder deleted on exit)
          --config FILE  YAML file with users, organizations, repositories and tokens
          -h, --help     show this text

        Prints one line 'listening on http://127.0.0.1:PORT' when ready; stops on SIGTERM or Ctrl-C.

        """;

    /// <summary>Reads the flags; throws <see cref="ConfigurationException"/> naming the bad one.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine(0, null, null, Help: false);
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            if (flag is "-h" or "--help")
            {
                return result with { Help = true };
            }

            if (flag is not ("--port" or "--data" or "--config"))
            {
                throw new ConfigurationException($"unknown option '{args[i]}' (expected --port, --data, --config or --help)");
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new ConfigurationException($"{flag} needs a value"));
            result = flag switch
            {
                "--port" => result with { Port = ParsePort(value) },
                "--data" => result with { DataDirectory = Path.GetFullPath(NotEmpty(flag, value)) },
                _ => result with { ConfigFile = Path.GetFullPath(NotEmpty(flag, value)) },
            };
        }

        return result;
    }

    private static (string Flag, string? Inline) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ConfigurationException($"--port expects a number from 0 to 65535, not '{value}'");

    private static string NotEmpty(string flag, string value) =>
        value.Length > 0 ? value : throw new ConfigurationException($"{flag} needs a non-empty value");
}
