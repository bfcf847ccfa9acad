using Tidemark.Images;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// The normalised image repository a notification names, as <see cref="IReconcileTriggers.ImagePushed"/> expects it:
/// <c>registry-host/path</c> by the same rules as image references in manifests (<c>nginx</c> on Docker Hub is
/// <c>docker.io/library/nginx</c>; names are lower case).
/// </summary>
internal static class ImageRepositoryName
{
    /// <summary>The normalised name of <paramref name="host"/>/<paramref name="path"/>, or null when it is not a valid repository name.</summary>
    public static string? Of(string host, string path) => Of($"{host.Trim().TrimEnd('/')}/{path.Trim().Trim('/')}");

    /// <summary>The normalised name of a reference (<c>host/path</c>, with or without a tag or digest), or null when it is not valid.</summary>
    public static string? Of(string reference) =>
        ImageReference.Parse(reference) is ReferenceParseResult.Parsed parsed ? parsed.Reference.Name : null;
}
