namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// One webhook sender's payload format: turns an authenticated delivery into what Tidemark should do. Pure (no I/O,
/// no clock); the endpoint checks the signature or secret before calling it and applies the result. Adding a sender
/// is one class and one line in <see cref="WebhookParsers"/>.
/// </summary>
internal interface IWebhookParser
{
    /// <summary>The sender's name in the route and the settings (<c>github</c>, <c>dockerhub</c>, <c>quay</c>, <c>harbor</c>, <c>distribution</c>).</summary>
    string Sender { get; }

    WebhookParse Parse(WebhookPayload payload);
}
