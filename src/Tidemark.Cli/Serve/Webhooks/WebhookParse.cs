namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>What a parser made of a delivery: something to do, nothing to do (with why), or a body it cannot read.</summary>
internal abstract record WebhookParse
{
    private WebhookParse()
    {
    }

    /// <param name="DeliveryId">The sender's id for the delivery (or its events), for replay detection; null to use a hash of the body.</param>
    public sealed record Accepted(string? DeliveryId, IReadOnlyList<WebhookTrigger> Triggers) : WebhookParse;

    /// <summary>A well-formed delivery that asks for nothing (a ping, a pull event, a push to another branch…).</summary>
    public sealed record Ignored(string? DeliveryId, string Reason) : WebhookParse;

    /// <summary>A body that is not what the sender sends: answered 400, with no side effect.</summary>
    public sealed record Malformed(string Reason) : WebhookParse;
}
