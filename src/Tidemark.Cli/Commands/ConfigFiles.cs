using Tidemark.Configuration;

namespace Tidemark.Cli.Commands;

/// <summary>Loads <c>tidemark.yaml</c> for a command, printing warnings; errors surface as <see cref="ConfigurationException"/>.</summary>
internal static class ConfigFiles
{
    public static async Task<TidemarkConfig> LoadAsync(FileInfo? file, string? repositoryRoot, TextWriter warnings, CancellationToken cancellationToken)
    {
        var path = file?.FullName ?? (repositoryRoot is null ? null : Path.Combine(repositoryRoot, ConfigLoader.FileName));
        if (path is null || (file is null && !File.Exists(path)))
        {
            return TidemarkConfig.Default;
        }
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"{path}: no such file (check the --config path)");
        }
        var content = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var display = file?.ToString() ?? ConfigLoader.FileName;
        var (config, diagnostics) = ConfigLoader.Load(content, display, PolicyError);
        foreach (var warning in diagnostics)
        {
            await warnings.WriteLineAsync($"tidemark: {warning}").ConfigureAwait(false);
        }
        return config;
    }

    private static string? PolicyError(string text) => Automation.ResolvedPolicy.Resolve(new PolicySpec(text, null, null, new SourcePlace("", 0, 0))).Error;
}
