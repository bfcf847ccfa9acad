namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>The webhook senders Tidemark understands: one line each. <c>github</c> is mapped on <c>/hooks/github</c>, the others on <c>/hooks/registry/{sender}</c>.</summary>
internal static class WebhookParsers
{
    public static IReadOnlyList<IWebhookParser> All { get; } =
    [
        new GitHubParser(),
        new DockerHubParser(),
        new QuayParser(),
        new HarborParser(),
        new DistributionParser(),
    ];

    public static IWebhookParser? Find(string sender) =>
        All.FirstOrDefault(p => string.Equals(p.Sender, sender, StringComparison.OrdinalIgnoreCase));
}
