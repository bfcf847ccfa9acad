namespace Tidemark.Testing.GitHub;

/// <summary>How to start a <see cref="GitHubSimulator"/>.</summary>
public sealed record GitHubSimulatorOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Folder for the bare repositories; null makes a temporary folder removed on dispose.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The clock for token expiry, installation tokens and JWTs (tests pass a FakeTimeProvider).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
