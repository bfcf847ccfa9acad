namespace Tidemark.Cli.Serve;

/// <summary>What started a run, in few values: the metrics' <c>trigger</c> label is made from it, never from the detail text.</summary>
internal enum TriggerKind
{
    /// <summary>The repository's interval came round.</summary>
    Schedule,

    /// <summary>A webhook delivery (<see cref="RunTrigger.Sender"/> names its sender).</summary>
    Webhook,

    /// <summary>The dashboard's "reconcile now".</summary>
    Dashboard,

    /// <summary>Anything else (a test, a tool calling the scheduler).</summary>
    Other,
}

/// <summary>
/// Why a run started: its <see cref="Kind"/> (and, for a webhook, its <see cref="Sender"/>: <c>github</c>,
/// <c>dockerhub</c>, <c>quay</c>, <c>harbor</c>, <c>distribution</c>) and the free <see cref="Text"/> logs and the dashboard
/// show, e.g. <c>schedule</c>, <c>dashboard</c>, <c>distribution webhook: pushed 127.0.0.1:5000/team/app:1.2.4</c>.
/// </summary>
internal sealed record RunTrigger
{
    public static readonly RunTrigger Schedule = new(TriggerKind.Schedule, "schedule", null);

    public static readonly RunTrigger Dashboard = new(TriggerKind.Dashboard, "dashboard", null);

    private RunTrigger(TriggerKind kind, string text, string? sender)
    {
        Kind = kind;
        Text = text;
        Sender = sender;
    }

    public TriggerKind Kind { get; }

    public string Text { get; }

    public string? Sender { get; }

    /// <summary>The metrics label: <c>schedule</c>, <c>webhook:SENDER</c>, <c>dashboard</c> or <c>other</c> (few values: one series per text would grow without bound).</summary>
    public string Label => Kind switch
    {
        TriggerKind.Schedule => "schedule",
        TriggerKind.Dashboard => "dashboard",
        TriggerKind.Webhook => "webhook:" + Sender,
        _ => "other",
    };

    /// <summary>A delivery from <paramref name="sender"/> (one of the parsers' senders), e.g. <c>github webhook: pull request #7 merged</c>.</summary>
    public static RunTrigger Webhook(string sender, string detail)
    {
        ArgumentException.ThrowIfNullOrEmpty(sender);
        ArgumentNullException.ThrowIfNull(detail);
        return new(TriggerKind.Webhook, $"{sender} webhook: {detail}", sender);
    }

    /// <summary>Any other reason, shown as <paramref name="text"/> and labelled <c>other</c>.</summary>
    public static RunTrigger Other(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(TriggerKind.Other, text, null);
    }

    /// <summary>The text, as logs and the dashboard show it.</summary>
    public override string ToString() => Text;
}
