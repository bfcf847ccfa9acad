using System.Text.Json;
using Tidemark.Cli.Serve.Scheduling;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// GitHub repository or organisation webhooks (<c>X-GitHub-Event</c>, <c>X-GitHub-Delivery</c>): a closed pull request
/// reconciles that repository; a push to a branch becomes <see cref="WebhookTrigger.BranchPushed"/>, which the scheduler
/// acts on only when the branch is the repository's base branch (known after its first run; until then the default
/// branch the payload names); a published GHCR container (<c>package</c> / <c>registry_package</c>) rescans
/// <c>ghcr.io/owner/name</c>. Tidemark itself only ever pushes its update branch, never a base branch, so its own pushes
/// can never trigger a loop.
/// </summary>
internal sealed class GitHubParser : IWebhookParser
{
    public const string EventHeader = "X-GitHub-Event";
    public const string DeliveryHeader = "X-GitHub-Delivery";

    public string Sender => "github";

    public WebhookParse Parse(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var delivery = payload.Header(DeliveryHeader);
        if (payload.Header(EventHeader) is not { } kind)
        {
            return new WebhookParse.Malformed($"the {EventHeader} header is missing");
        }

        if (PayloadJson.Root(payload.Body, out var error) is not { } root)
        {
            return new WebhookParse.Malformed(error!);
        }

        return kind switch
        {
            "ping" => new WebhookParse.Ignored(delivery, "ping"),
            "pull_request" => PullRequest(root, delivery),
            "push" => Push(root, delivery),
            "package" or "registry_package" => Package(root, kind, delivery),
            _ => new WebhookParse.Ignored(delivery, $"event {kind} is not one Tidemark acts on"),
        };
    }

    private static WebhookParse PullRequest(JsonElement root, string? delivery)
    {
        var action = PayloadJson.String(root, "action");
        var repository = PayloadJson.String(root, "repository", "full_name");
        var number = PayloadJson.Object(root, "pull_request") is { } pr && pr.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt64() : (long?)null;
        if (action is null || repository is null || number is null)
        {
            return new WebhookParse.Malformed("a pull_request event needs action, pull_request.number and repository.full_name");
        }

        if (action != "closed")
        {
            return new WebhookParse.Ignored(delivery, $"pull request #{number} {action}: only closed pull requests trigger a reconcile");
        }

        var merged = PayloadJson.Boolean(root, "pull_request", "merged") == true ? "merged" : "closed";
        return new WebhookParse.Accepted(delivery, [new WebhookTrigger.Reconcile(repository, $"pull request #{number} {merged}")]);
    }

    private static WebhookParse Push(JsonElement root, string? delivery)
    {
        var reference = PayloadJson.String(root, "ref");
        var repository = PayloadJson.String(root, "repository", "full_name");
        if (reference is null || repository is null)
        {
            return new WebhookParse.Malformed("a push event needs ref and repository.full_name");
        }

        const string heads = "refs/heads/";
        if (!reference.StartsWith(heads, StringComparison.Ordinal))
        {
            return new WebhookParse.Ignored(delivery, $"push to {reference}: not a branch");
        }

        var branch = reference[heads.Length..];
        if (PayloadJson.Boolean(root, "deleted") == true)
        {
            return new WebhookParse.Ignored(delivery, $"branch {branch} deleted");
        }

        // whether the branch is the base branch is the scheduler's to say: it knows the base branch each repository's last run used
        return new WebhookParse.Accepted(delivery, [new WebhookTrigger.BranchPushed(repository, branch, PayloadJson.String(root, "repository", "default_branch"))]);
    }

    private static WebhookParse Package(JsonElement root, string kind, string? delivery)
    {
        if (PayloadJson.Object(root, kind) is not { } package)
        {
            return new WebhookParse.Malformed($"a {kind} event needs a {kind} object");
        }

        var action = PayloadJson.String(root, "action");
        var type = PayloadJson.String(package, "package_type");
        var name = PayloadJson.String(package, "name");
        var owner = PayloadJson.String(package, "namespace") ?? PayloadJson.String(package, "owner", "login");
        if (action is null || type is null || name is null || owner is null)
        {
            return new WebhookParse.Malformed($"a {kind} event needs action, {kind}.package_type, {kind}.name and {kind}.namespace or {kind}.owner.login");
        }

        if (action != "published")
        {
            return new WebhookParse.Ignored(delivery, $"package {name} {action}: only published packages trigger a rescan");
        }

        if (!string.Equals(type, "container", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookParse.Ignored(delivery, $"package {name} is a {type} package, not a container");
        }

        var tag = ContainerTag(package);
        if (tag is { Length: 0 })
        {
            return new WebhookParse.Ignored(delivery, $"package {name}: an untagged version");
        }

        if (ImageNames.TryNormalise("ghcr.io", $"{owner}/{name}".ToLowerInvariant()) is not { } image)
        {
            return new WebhookParse.Malformed($"ghcr.io/{owner}/{name} is not a valid image repository name");
        }

        return new WebhookParse.Accepted(delivery, [new WebhookTrigger.ImagePushed(image, tag)]);
    }

    /// <summary>The published version's tag; "" when the payload says it has none, null when it does not say.</summary>
    private static string? ContainerTag(JsonElement package)
    {
        if (PayloadJson.Object(package, "package_version", "container_metadata", "tag") is not { } tag ||
            !tag.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return name.GetString();
    }
}
