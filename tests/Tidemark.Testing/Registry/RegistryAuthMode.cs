namespace Tidemark.Testing.Registry;

/// <summary>How a <see cref="LocalRegistry"/> authenticates clients.</summary>
public enum RegistryAuthMode
{
    Anonymous,
    Htpasswd,
    Token,
}
