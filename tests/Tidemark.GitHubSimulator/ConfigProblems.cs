using YamlDotNet.RepresentationModel;

namespace Tidemark.GitHubSimulator;

/// <summary>What is wrong with a configuration file, each entry as <c>file:line:column: message</c>.</summary>
internal sealed class ConfigProblems(string file)
{
    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public string Place(YamlNode node) => $"{file}:{node.Start.Line}:{node.Start.Column}";

    public void Error(YamlNode node, string message) => Errors.Add($"{Place(node)}: {message}");

    public void Error(string place, string message) => Errors.Add($"{place}: {message}");

    public void Error(string message) => Errors.Add($"{file}: {message}");

    public void Warn(YamlNode node, string message) => Warnings.Add($"{Place(node)}: warning: {message}");

    /// <summary>Throws one <see cref="ConfigurationException"/> listing every error (then the warnings), if there is any.</summary>
    public void ThrowIfAny()
    {
        if (Errors.Count > 0)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, Errors.Concat(Warnings)));
        }
    }
}
