namespace Tidemark.Configuration;

/// <summary>
/// Names a credential source for a registry; exactly one of the members is set. <c>UsernameVariable</c> and
/// <c>PasswordVariable</c> name environment variables, never values.
/// </summary>
internal sealed record RegistryCredentialConfig(string? DockerConfig, string? Helper, string? UsernameVariable, string? PasswordVariable);
