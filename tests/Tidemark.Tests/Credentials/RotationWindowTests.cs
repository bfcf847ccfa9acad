using Tidemark.Credentials;

namespace Tidemark.Tests.Credentials;

public sealed class RotationWindowTests
{
    private static readonly DateTimeOffset Worked = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(23.99, true)]
    [InlineData(24.0, false)]
    [InlineData(30.0, false)]
    public void WithinOverlap_DefaultDay_EndsExactlyAtTheDeadline(double hoursSince, bool within)
    {
        var window = new RotationWindow(Worked, TimeSpan.FromHours(24), Worked.AddHours(hoursSince));

        Assert.Equal(within, window.WithinOverlap);
        Assert.Equal(Worked.AddHours(24), window.Deadline);
    }

    [Fact]
    public void Message_WithinOverlap_SaysCurrentCanBeRevokedAndHowLongIsLeft()
    {
        var window = new RotationWindow(Worked, TimeSpan.FromHours(24), Worked.AddHours(6));

        Assert.Equal("next token (fine-grained …n3xt #222222) works and is used; current (classic …c0de #111111) can be revoked now; remove it from the configuration within 18h 0m",
            window.Message("classic …c0de #111111", "fine-grained …n3xt #222222"));
    }

    [Fact]
    public void Message_AfterOverlap_SaysCurrentIsStillConfiguredSinceWhen()
    {
        var window = new RotationWindow(Worked, TimeSpan.FromHours(36), Worked.AddDays(3));

        var message = window.Message("classic …c0de #111111", "fine-grained …n3xt #222222");

        Assert.StartsWith("current token (classic …c0de #111111) is still configured", message, StringComparison.Ordinal);
        Assert.Contains("the rotation overlap ended on 2026-11-27 14:00 UTC", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90.0 * 24 * 60, "90 days")]
    [InlineData(48.0 * 60, "2 days")]
    [InlineData(47.5 * 60, "47h 30m")]
    [InlineData(61.0, "1h 1m")]
    [InlineData(0.2, "1m")]
    [InlineData(-5.0, "1m")]
    public void TimeLeft_Format_ReadsAsPeopleSayIt(double minutes, string expected) =>
        Assert.Equal(expected, TimeLeft.Format(TimeSpan.FromMinutes(minutes)));
}
