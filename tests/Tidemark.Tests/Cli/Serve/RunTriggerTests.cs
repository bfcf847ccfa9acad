using Tidemark.Cli.Serve;

namespace Tidemark.Tests.Cli.Serve;

public sealed class RunTriggerTests
{
    [Fact]
    public void Label_ComesFromTheKind_TheTextStaysAsLogsShowIt()
    {
        var push = RunTrigger.Webhook("distribution", "pushed 127.0.0.1:5000/team/app:1.2.4");

        Assert.Equal(("webhook:distribution", "distribution webhook: pushed 127.0.0.1:5000/team/app:1.2.4"), (push.Label, push.ToString()));
        Assert.Equal(("schedule", "schedule"), (RunTrigger.Schedule.Label, RunTrigger.Schedule.Text));
        Assert.Equal(("dashboard", "dashboard"), (RunTrigger.Dashboard.Label, RunTrigger.Dashboard.Text));
        Assert.Equal(("webhook:github", TriggerKind.Webhook), (RunTrigger.Webhook("github", "push to main").Label, RunTrigger.Webhook("github", "push to main").Kind));
    }

    [Theory]
    [InlineData("github webhook: replayed by hand")]
    [InlineData("dashboard")]
    [InlineData("schedule")]
    public void FreeText_ThatReadsLikeAnotherKind_IsLabelledOther(string text)
    {
        var trigger = RunTrigger.Other(text);

        Assert.Equal(("other", TriggerKind.Other, text), (trigger.Label, trigger.Kind, trigger.Text));
    }

    [Fact]
    public void AWebhookNeedsItsSender() =>
        Assert.Throws<ArgumentException>(() => RunTrigger.Webhook("", "pushed"));
}
