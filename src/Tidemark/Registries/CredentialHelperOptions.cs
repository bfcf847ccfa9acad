namespace Tidemark.Registries;

/// <summary>
/// How credential helpers run: the folders searched for <c>docker-credential-&lt;name&gt;</c> (also the helper's
/// PATH), the environment it gets (nothing else is inherited) and how long it may take.
/// </summary>
internal sealed record CredentialHelperOptions(
    IReadOnlyList<string> SearchPath,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout)
{
    /// <summary>The process PATH, HOME and the variables helpers commonly need (AWS, Google, Azure), 10 s timeout.</summary>
    public static CredentialHelperOptions FromProcessEnvironment()
    {
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? "";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in PassedThrough)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        var folders = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new CredentialHelperOptions(folders, environment, TimeSpan.FromSeconds(10));
    }

    private static readonly string[] PassedThrough =
    [
        "HOME", "USER", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS", "DOCKER_CONFIG",
        "AWS_PROFILE", "AWS_REGION", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_CONFIG", "AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_FEDERATED_TOKEN_FILE",
    ];
}
