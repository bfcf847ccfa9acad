namespace Tidemark.Registries;

/// <summary>A Docker <c>config.json</c> (auths, credHelpers, credsStore), e.g. <c>~/.docker/config.json</c>.</summary>
internal sealed record DockerConfigCredentialSource(string Path) : CredentialSource
{
    /// <summary>Where docker itself looks: <c>$DOCKER_CONFIG/config.json</c>, else <c>$HOME/.docker/config.json</c>.</summary>
    public static DockerConfigCredentialSource Default(Func<string, string?> environment)
    {
        if (environment("DOCKER_CONFIG") is { Length: > 0 } folder)
        {
            return new(System.IO.Path.Combine(folder, "config.json"));
        }

        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new(System.IO.Path.Combine(home, ".docker", "config.json"));
    }

    public override string Describe() => $"docker config {Path}";
}
