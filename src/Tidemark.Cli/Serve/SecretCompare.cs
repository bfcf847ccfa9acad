using System.Security.Cryptography;
using System.Text;

namespace Tidemark.Cli.Serve;

/// <summary>The service's one comparison of what a request presents (webhook secret, bearer token, basic password, admin token) against a configured secret.</summary>
internal static class SecretCompare
{
    /// <summary>Whether <paramref name="presented"/> equals <paramref name="expected"/>, in time independent of both (their SHA-256 digests are compared); false for null.</summary>
    public static bool Equal(string? presented, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (presented is null)
        {
            return false;
        }

        Span<byte> left = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> right = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), left);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), right);
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
