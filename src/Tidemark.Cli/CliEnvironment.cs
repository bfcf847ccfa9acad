using Tidemark.Credentials;

namespace Tidemark.Cli;

/// <summary>
/// What a command may touch of the outside world: its output streams, the clock and the environment; and the one
/// redactor of the process, which knows every secret read. <see cref="Redacting"/> (done once, by
/// <see cref="TidemarkApp.RunAsync"/>) puts both streams behind that redactor, so every line a command writes —
/// output, JSON, progress, log lines, the final error line — is redacted, secrets registered later included.
/// </summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> Variable, bool ErrorIsTerminal)
{
    public ISecretRedactor Redactor { get; init; } = new Redactor();

    public static CliEnvironment FromProcess(TextWriter stdout, TextWriter stderr) =>
        new(stdout, stderr, TimeProvider.System, Environment.GetEnvironmentVariable, !Console.IsErrorRedirected);

    /// <summary>This environment with <see cref="Out"/> and <see cref="Error"/> passed through <see cref="Redactor"/> (once: wrapped streams are kept).</summary>
    public CliEnvironment Redacting() => this with
    {
        Out = Out is RedactingWriter ? Out : new RedactingWriter(Out, Redactor),
        Error = Error is RedactingWriter ? Error : new RedactingWriter(Error, Redactor),
    };

    /// <summary>Docker's config.json as Docker finds it: <c>$DOCKER_CONFIG/config.json</c>, else <c>~/.docker/config.json</c>.</summary>
    public string? DockerConfigPath()
    {
        var folder = Variable("DOCKER_CONFIG") ?? (Variable("HOME") is { } home ? Path.Combine(home, ".docker") : null);
        return folder is null ? null : Path.Combine(folder, "config.json");
    }
}
