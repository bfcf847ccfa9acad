namespace Tidemark.Testing.GitHub;

/// <summary>The services the endpoints share.</summary>
internal sealed class SimulatorContext(SimulatorState state, TimeProvider time, GitRunner git, string dataDirectory)
{
    public SimulatorState State { get; } = state;

    public TimeProvider Time { get; } = time;

    public GitRunner Git { get; } = git;

    public AccessControl Access { get; } = new(state, time);

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>REST requests (method, path without the API base) answered by <see cref="RecordingMiddleware"/> with their headers echoed.</summary>
    public Func<string, string, bool>? EchoHeadersWhen { get; set; }

    public string RepositoriesRoot => Path.Combine(DataDirectory, "repositories");

    /// <summary>Shared with the hook through the environment so only git processes the simulator started can call it.</summary>
    public string HookSecret { get; } = TokenValues.Random(32);

    public int Port { get; set; }

    public string WebRoot => $"http://127.0.0.1:{Port}";
}
