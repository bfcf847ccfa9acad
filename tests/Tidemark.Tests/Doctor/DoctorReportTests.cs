using Tidemark.Doctor;

namespace Tidemark.Tests.Doctor;

/// <summary>A capability is summarised as passed only when every check bearing on it passed: not proven and skipped are not passes.</summary>
public sealed class DoctorReportTests
{
    [Theory]
    [InlineData("Ok", "Ok", "Ok", true)]
    [InlineData("Ok", "NotProven", "NotProven", false)]
    [InlineData("Ok", "Skipped", "Skipped", false)]
    [InlineData("NotProven", "Error", "Error", false)]
    [InlineData("NotProven", "Warning", "Warning", false)]
    public void Summary_TwoChecksOfOneCapability_TheWorstDecidesAndOnlyOkIsProven(string first, string second, string worst, bool allProven)
    {
        var expected = Enum.Parse<CheckLevel>(worst);
        var report = new DoctorReport([Outcome("a", Enum.Parse<CheckLevel>(first)), Outcome("b", Enum.Parse<CheckLevel>(second))]);

        var line = Assert.Single(report.Summary());

        Assert.Equal(expected, line.Level);
        Assert.Equal(allProven, report.AllProven);
        Assert.Equal(expected == CheckLevel.Ok, line.Fix is null);
    }

    [Fact]
    public void Summary_NotProvenFinding_NamesHowToProveIt()
    {
        var report = new DoctorReport([Outcome("pull-requests", CheckLevel.NotProven)]);

        Assert.Equal("not proven: add --write-probe", Assert.Single(report.Summary()).Fix);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Denied_RefusedErrorFinding_IsDeniedAndAPlainErrorIsNot()
    {
        var refused = new CheckOutcome("push-permission", [Capability.PushBranch], [Finding.Refused("Cannot push", "grant it")]);
        var failed = new CheckOutcome("api-reachability", [Capability.Authenticate], [Finding.Error("Cannot reach", "check the network")]);

        Assert.True(refused.Denied);
        Assert.False(failed.Denied);
    }

    private static CheckOutcome Outcome(string name, CheckLevel level) => new(name, [Capability.CreatePullRequest], [level switch
    {
        CheckLevel.NotProven => Finding.NotProven("not proven", "add --write-probe"),
        CheckLevel.Skipped => new Finding(CheckLevel.Skipped, "skipped: it needs x, which did not pass"),
        CheckLevel.Error => Finding.Error("broken", "fix it"),
        CheckLevel.Warning => Finding.Warning("meh", "do it"),
        _ => Finding.Ok("fine"),
    }]);
}
