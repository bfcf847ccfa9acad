namespace Tidemark.Configuration;

/// <summary>
/// Loads the settings for a command from two layers (docs/security.md): the operator's <c>--config FILE</c> (trusted)
/// over the repository's own <c>tidemark.yaml</c> (untrusted), key by key at the top level (<see cref="TidemarkConfig.Layer"/>).
/// Warnings are said (<paramref name="note"/>, one line each, without the <c>tidemark: </c> prefix) naming the file's side; errors of both files surface together as one <see cref="ConfigurationException"/>.
/// </summary>
internal static class ConfigFiles
{
    /// <param name="file">The operator's <c>--config</c> file, or null.</param>
    /// <param name="repositoryRoot">The repository whose own <c>tidemark.yaml</c> is the lower layer, or null for the operator's file alone.</param>
    public static async Task<TidemarkConfig> LoadAsync(FileInfo? file, string? repositoryRoot, Func<string, Task> note, CancellationToken cancellationToken)
    {
        if (file is not null && !file.Exists)
        {
            throw new ConfigurationException($"{file}: no such file (check the --config path)");
        }

        var errors = new List<ConfigDiagnostic>();
        var operatorFile = file is null
            ? null
            : await ReadAsync(file.FullName, file.ToString(), ConfigSide.Operator, note, errors, cancellationToken).ConfigureAwait(false);
        var repositoryPath = repositoryRoot is null ? null : Path.Combine(repositoryRoot, ConfigLoader.FileName);
        var repositoryFile = repositoryPath is null || !File.Exists(repositoryPath)
            ? null
            : await ReadAsync(repositoryPath, ConfigLoader.FileName, ConfigSide.Repository, note, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        return (operatorFile, repositoryFile) switch
        {
            (null, null) => TidemarkConfig.Default,
            ({ } only, null) => only,
            (null, { } only) => only,
            ({ } op, { } repository) => TidemarkConfig.Layer(op, repository),
        };
    }

    private static async Task<TidemarkConfig?> ReadAsync(string path, string display, ConfigSide side, Func<string, Task> note, List<ConfigDiagnostic> errors, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            var (config, diagnostics) = ConfigLoader.Load(content, display, PolicyError, side);
            foreach (var warning in diagnostics)
            {
                await note(warning.ToString()).ConfigureAwait(false);
            }

            return config;
        }
        catch (ConfigurationException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }

    private static string? PolicyError(string text) => Automation.ResolvedPolicy.Resolve(new PolicySpec(text, null, null, new SourcePlace("", 0, 0))).Error;
}
