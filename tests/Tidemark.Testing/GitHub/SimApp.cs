using System.Security.Cryptography;

namespace Tidemark.Testing.GitHub;

/// <summary>A GitHub App; the simulator keeps its key pair so tests can sign JWTs with <see cref="PrivateKeyPem"/>.</summary>
public sealed class SimApp
{
    public required long Id { get; init; }

    public required string Slug { get; init; }

    public required string ClientId { get; init; }

    public required RSA Key { get; init; }

    /// <summary>The account that owns the App (shown by <c>GET /app</c>); null means the simulator's first account.</summary>
    public SimAccount? Owner { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string PrivateKeyPem => Key.ExportRSAPrivateKeyPem();
}
