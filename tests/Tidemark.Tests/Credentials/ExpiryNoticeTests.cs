using Tidemark.Credentials;

namespace Tidemark.Tests.Credentials;

public sealed class ExpiryNoticeTests
{
    private static readonly DateTimeOffset Expiry = new(2026, 12, 9, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(20.0, null)]
    [InlineData(14.01, null)]
    [InlineData(14.0, 14)]
    [InlineData(13.5, 14)]
    [InlineData(7.01, 14)]
    [InlineData(7.0, 7)]
    [InlineData(2.0, 7)]
    [InlineData(1.0, 1)]
    [InlineData(0.01, 1)]
    [InlineData(0.0, 0)]
    [InlineData(-3.0, 0)]
    public void For_TimeLeft_GivesTheThresholdReached(double daysLeft, int? threshold)
    {
        var notice = ExpiryNotice.For(Expiry, Expiry - TimeSpan.FromDays(daysLeft));

        Assert.Equal(threshold, notice?.Threshold);
    }

    [Fact]
    public void For_NoExpiry_GivesNothing() => Assert.Null(ExpiryNotice.For(null, Expiry));

    [Theory]
    [InlineData(13.5, "token fine-grained …a1b2 #3f9c1e expires on 2026-12-09 (in 13 days): rotate it — docs/token-rotation.md")]
    [InlineData(0.5, "token fine-grained …a1b2 #3f9c1e expires on 2026-12-09 (in 12h 0m): rotate it — docs/token-rotation.md")]
    [InlineData(-1.0, "token fine-grained …a1b2 #3f9c1e expired on 2026-12-09: create a new token, configure it and remove this one — docs/token-rotation.md")]
    public void Message_NamesTheTokenByFingerprintTheDateAndTheGuide(double daysLeft, string expected)
    {
        var notice = ExpiryNotice.For(Expiry, Expiry - TimeSpan.FromDays(daysLeft))!;

        Assert.Equal(expected, notice.Message("fine-grained …a1b2 #3f9c1e"));
    }

    [Theory]
    [InlineData(13.6, 13)]
    [InlineData(1.0, 1)]
    [InlineData(0.9, 0)]
    [InlineData(-2.0, 0)]
    public void DaysLeft_RoundsDownAndNeverGoesNegative(double daysLeft, int expected) =>
        Assert.Equal(expected, TimeLeft.Days(Expiry, Expiry - TimeSpan.FromDays(daysLeft)));
}
