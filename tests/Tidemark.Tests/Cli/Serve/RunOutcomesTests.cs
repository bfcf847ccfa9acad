using Tidemark.Automation;
using Tidemark.Cli.Serve.Scheduling;

namespace Tidemark.Tests.Cli.Serve;

public sealed class RunOutcomesTests
{
    [Fact]
    public void CouldDoNothing_EveryLookupFailed_IsTrue()
    {
        Assert.True(RunOutcomes.CouldDoNothing(SchedulerHarness.ResultWithErrors("acme/fleet", [], ["nginx", "redis"])));
    }

    [Fact]
    public void CouldDoNothing_SomeImagesUpdated_IsFalse()
    {
        Assert.False(RunOutcomes.CouldDoNothing(SchedulerHarness.ResultWithErrors("acme/fleet", ["nginx"], ["redis"])));
    }

    [Fact]
    public void CouldDoNothing_TheImagesCheckedWereUpToDate_IsFalse()
    {
        // one lookup failed, the other image was checked and is already at its newest allowed tag: no change, yet checked
        var failed = SchedulerHarness.ResultWithErrors("acme/fleet", [], ["redis"]);
        var scope = failed.Scopes[0];
        var error = (Decision.Keep)scope.Plan.Decisions[0];
        var upToDate = new Decision.Keep(error.Key with { Name = "nginx" }, error.Policy, null, "already at the newest allowed tag");
        var result = failed with { Scopes = [scope with { Plan = scope.Plan with { Decisions = [.. scope.Plan.Decisions, upToDate] } }] };

        Assert.False(RunOutcomes.CouldDoNothing(result));
    }

    [Fact]
    public void CouldDoNothing_NoErrors_IsFalse()
    {
        Assert.False(RunOutcomes.CouldDoNothing(SchedulerHarness.Result("acme/fleet")));
    }
}
