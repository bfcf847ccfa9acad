using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Registries;

namespace Tidemark.IntegrationTests.Registries;

/// <summary>Builds clients with short retry delays, an explicit helper search path and an explicit environment.</summary>
internal static class TestClients
{
    public static RegistryClientOptions FastOptions { get; } = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public static RegistryClient Create(
        RegistryClientOptions? options = null,
        TimeProvider? timeProvider = null,
        IReadOnlyList<string>? helperSearchPath = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var helperOptions = new CredentialHelperOptions(helperSearchPath ?? [], new Dictionary<string, string>(), TimeSpan.FromSeconds(10));
        var resolver = new CredentialResolver(new CredentialHelperRunner(helperOptions, time), name => environment?.GetValueOrDefault(name));
        return new RegistryClient(options ?? FastOptions, resolver, time, NullLogger.Instance, new Random(42));
    }

    public static RegistryClientOptions WithCredentials(string host, CredentialSource source) =>
        FastOptions with { Registries = [new RegistrySettings(host, Credentials: source)] };
}
