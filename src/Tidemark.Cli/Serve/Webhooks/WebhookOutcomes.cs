namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>The outcomes reported to <see cref="IServeObserver.WebhookHandled"/> and answered in <see cref="WebhookResponse.Outcome"/>.</summary>
internal static class WebhookOutcomes
{
    public const string Accepted = "accepted";
    public const string Ignored = "ignored";
    public const string Replayed = "replayed";
    public const string Unauthorized = "unauthorized";
    public const string Malformed = "malformed";
    public const string Unavailable = "unavailable";
}
