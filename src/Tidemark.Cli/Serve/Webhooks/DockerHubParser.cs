using Tidemark.Cli.Serve.Scheduling;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// Docker Hub repository webhooks: one push per delivery (<c>repository.repo_name</c>, <c>push_data.tag</c>), no event
/// type, no id and no way to set a header, so the secret travels in the URL path. Official images (<c>nginx</c>) are
/// <c>docker.io/library/nginx</c>.
/// </summary>
internal sealed class DockerHubParser : IWebhookParser
{
    public string Sender => "dockerhub";

    public WebhookParse Parse(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (PayloadJson.Root(payload.Body, out var error) is not { } root)
        {
            return new WebhookParse.Malformed(error!);
        }

        var name = PayloadJson.String(root, "repository", "repo_name");
        if (name is null || PayloadJson.Object(root, "push_data") is null)
        {
            return new WebhookParse.Malformed("a Docker Hub notification needs repository.repo_name and push_data");
        }

        if (ImageNames.TryNormalise("docker.io", name) is not { } image)
        {
            return new WebhookParse.Malformed($"repository.repo_name {name} is not a valid repository name");
        }

        return PayloadJson.String(root, "push_data", "tag") is { } tag
            ? new WebhookParse.Accepted(null, [new WebhookTrigger.ImagePushed(image, tag)])
            : new WebhookParse.Ignored(null, $"push to {image} without a tag");
    }
}
