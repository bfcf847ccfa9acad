using System.Security.Cryptography;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>Random token-shaped strings built at run time (nothing token-shaped is committed).</summary>
internal static class TokenValuesForTests
{
    public static string Random(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
