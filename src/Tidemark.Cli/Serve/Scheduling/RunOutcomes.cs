using Tidemark.Automation;
using Tidemark.Images;

namespace Tidemark.Cli.Serve.Scheduling;

/// <summary>A run's result in the words and names the service's status shows.</summary>
internal static class RunOutcomes
{
    /// <summary>The outcome in words, e.g. <c>pull request #3 updated</c>, <c>up to date</c>, <c>2 errors; pull request #3 unchanged</c>.</summary>
    public static string Describe(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = result.Scopes.Select(s => Describe(s.Outcome)).Distinct(StringComparer.Ordinal).ToList();
        var text = parts.Count == 0 ? "nothing published" : string.Join("; ", parts);
        if (result.DryRun)
        {
            text += " (dry run)";
        }

        var errors = result.Scopes.Sum(s => s.Plan.Errors.Count);
        return errors > 0 ? $"{errors} error{(errors == 1 ? "" : "s")}; {text}" : text;
    }

    private static string Describe(Outcome outcome)
    {
        var pr = outcome.PullRequestNumber is { } n ? $"pull request #{n}" : "pull request";
        return outcome.Action switch
        {
            PublishAction.Nothing => "up to date",
            PublishAction.Created => $"{pr} opened",
            PublishAction.Updated => $"{pr} updated",
            PublishAction.Unchanged => $"{pr} unchanged",
            PublishAction.Closed => $"{pr} closed",
            PublishAction.Paused => $"{pr} paused (a person's commit is on the branch)",
            PublishAction.Declined => "update declined by a person",
            _ => outcome.RunOutcome,
        };
    }

    /// <summary>
    /// Whether the run could do nothing, so the scheduler backs the repository off (docs/serve.md, "Scheduling"): its
    /// plans had errors and not one image was checked (every registry lookup failed, or the errors left no decision).
    /// A partial run — errors, but some images checked and updated, planned or found up to date — is not one: like
    /// <c>tidemark run</c> it reports its errors (exit 1 there; <c>failed</c> in the metrics and the log line here),
    /// yet it published what it could and the repository comes again on its normal interval. A run that threw (clone,
    /// push, token, configuration) has no result; the scheduler counts it as failed without asking.
    /// </summary>
    public static bool CouldDoNothing(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // a change comes only from an update decision, so the decisions alone say whether any image was checked
        return result.HasErrors && !result.Scopes.Any(s => s.Plan.Decisions.Any(d => d is not Decision.Keep { IsError: true }));
    }

    /// <summary>The image and artifact repositories the run's plans referenced, normalised (<see cref="ImageNames.Normalise"/>).</summary>
    public static IEnumerable<string> Images(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Scopes
            .SelectMany(s => s.Plan.Decisions.Select(d => d.Key.Name).Concat(s.Plan.Changes.Select(c => c.Image)).Concat(s.Plan.Unchanged.Select(u => u.Image)).Concat(s.Plan.Failed.Select(f => f.Image)))
            .Select(ImageNames.Normalise)
            .Distinct(StringComparer.Ordinal);
    }
}

/// <summary>
/// Image repository names compared the way registries name them, by the rules of image references in manifests:
/// <c>nginx</c> → <c>docker.io/library/nginx</c>, <c>127.0.0.1:5000/team/app:1.2</c> → <c>127.0.0.1:5000/team/app</c>
/// (lower case). The scheduler keys repositories' images by them; webhooks name pushed repositories by them.
/// </summary>
internal static class ImageNames
{
    /// <summary>The normalised name of <paramref name="image"/> (an <c>oci://</c> prefix dropped), or the text lower-cased when it is not a valid reference.</summary>
    public static string Normalise(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var text = image.Trim();
        if (text.StartsWith("oci://", StringComparison.OrdinalIgnoreCase))
        {
            text = text["oci://".Length..];
        }

        return TryNormalise(text) ?? text.ToLowerInvariant();
    }

    /// <summary>The normalised name of a reference (<c>host/path</c>, with or without a tag or digest), or null when it is not valid.</summary>
    public static string? TryNormalise(string reference) =>
        ImageReference.Parse(reference) is ReferenceParseResult.Parsed parsed ? parsed.Reference.Name : null;

    /// <summary>The normalised name of <paramref name="host"/>/<paramref name="path"/>, or null when it is not a valid repository name.</summary>
    public static string? TryNormalise(string host, string path) => TryNormalise($"{host.Trim().TrimEnd('/')}/{path.Trim().Trim('/')}");
}
