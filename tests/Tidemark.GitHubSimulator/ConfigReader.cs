using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tidemark.GitHubSimulator;

/// <summary>
/// Reads the <c>--config</c> YAML file into a <see cref="SimulatorConfig"/>. Wrong shapes and unknown names are
/// errors naming file:line:column; unknown keys are warnings. Relative paths: <c>import</c> against the config
/// file's folder, <c>writeTo</c> against the <c>--data</c> folder.
/// </summary>
internal static class ConfigReader
{
    public static (SimulatorConfig Config, IReadOnlyList<string> Warnings) Read(string file, string? dataDirectory)
    {
        var problems = new ConfigProblems(file);
        var root = LoadRoot(file, problems);
        if (root is null)
        {
            problems.ThrowIfAny();
            return (SimulatorConfig.Empty, problems.Warnings);
        }

        var fields = new YamlFields(root, "", problems);
        var folder = Path.GetDirectoryName(file)!;
        var config = new SimulatorConfig(
            fields.List("users") ?? [],
            [.. fields.Items("organizations").Select(ReadOrganization)],
            [.. fields.Items("repositories").Select(item => RepositoryReader.Read(item, folder))],
            [.. fields.Items("tokens").Select(item => TokenReader.Read(item, dataDirectory))]);
        fields.ReportUnknown();
        ConfigChecks.Check(config, problems);
        problems.ThrowIfAny();
        return (config, problems.Warnings);
    }

    private static YamlMappingNode? LoadRoot(string file, ConfigProblems problems)
    {
        string content;
        try
        {
            content = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{file}: cannot read the configuration file: {e.Message}");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            problems.Error($"{file}:{e.Start.Line}:{e.Start.Column}", $"not valid YAML: {e.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            problems.Error(root, "expected a mapping at the top level (users:, organizations:, repositories:, tokens:)");
            return null;
        }

        return mapping;
    }

    private static OrganizationConfig ReadOrganization(YamlFields fields)
    {
        var organization = new OrganizationConfig(
            fields.RequiredText("name"),
            fields.Bool("ssoRequired", fallback: false),
            fields.Bool("classicTokensBlocked", fallback: false),
            fields.Int("maxTokenLifetimeDays", 1, 3650));
        fields.ReportUnknown();
        return organization;
    }
}
