namespace Tidemark.Registries;

/// <summary>A pair of environment variables, e.g. <c>QUAY_USER</c> and <c>QUAY_TOKEN</c>.</summary>
internal sealed record EnvironmentCredentialSource(string UsernameVariable, string PasswordVariable) : CredentialSource
{
    public override string Describe() => $"environment variables {UsernameVariable}/{PasswordVariable}";
}
