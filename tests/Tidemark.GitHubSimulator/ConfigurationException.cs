namespace Tidemark.GitHubSimulator;

/// <summary>A bad flag or a bad configuration file: the user must act (exit code 2).</summary>
internal sealed class ConfigurationException(string message) : Exception(message)
{
}
