namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>The JSON body of every webhook answer: the outcome, why (when refused or ignored) and the repositories triggered.</summary>
internal sealed record WebhookResponse(string Outcome, string? Reason = null, IReadOnlyList<string>? Triggered = null);
