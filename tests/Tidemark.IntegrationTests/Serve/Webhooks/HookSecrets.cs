using System.Security.Cryptography;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

/// <summary>Webhook secrets as an operator makes them (<c>openssl rand -hex 20</c>), new for each use.</summary>
internal static class HookSecrets
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
