using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Forges.GitHub;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>Builds a <see cref="GitHubForge"/> for a simulator repository.</summary>
internal static class ForgeFactory
{
    public static GitHubForge For(GitHubSimulator github, SimRepository repository, string token, HttpMessageHandler? handler = null, TimeProvider? time = null, Uri? apiBase = null) =>
        For(apiBase ?? github.ApiUri, repository.Owner.Login, repository.Name, token, handler, time);

    public static GitHubForge For(Uri apiBase, string owner, string name, string token, HttpMessageHandler? handler = null, TimeProvider? time = null, GitHubForgeOptions? options = null) =>
        new(options ?? new GitHubForgeOptions(apiBase, owner, name),
            _ => ValueTask.FromResult(token),
            time ?? TimeProvider.System,
            NullLogger.Instance,
            handler);
}
